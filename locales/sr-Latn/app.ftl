# Šta aplikacija prikazuje. Ekrani se ovamo sele iz komponenti jedan po jedan; provera u
# komandi za testove navodi komponente koje još imaju svoj engleski tekst.

## Izbor jezika

language-label = Jezik
language-follows-system = Prati jezik vašeg računara dok ne izaberete neki.
language-changed = Aplikacija je sada na srpskom (latinica).

## Odeljci bočne trake

nav-sections = Odeljci
nav-dashboard = Početna
nav-providers = Dileri
nav-subscribers = Pretplatnici
nav-resellers = Preprodavci
nav-partners = Partneri
nav-requests = Zahtevi
nav-content = Sadržaj
nav-activity = Dnevnik aktivnosti
nav-billing = Naplata
nav-settings = Podešavanja
role-partner = Partner
role-reseller = Preprodavac
role-dealer = Diler
role-operator = Operater
sign-out = Odjavi se
sign-out-busy = Odjavljivanje…
download-again = Ponovo preuzmi sve podatke

## Brojevi i vreme

days-left = { $days ->
    [one] Preostao je { $days } dan
    [few] Preostala su { $days } dana
   *[other] Preostalo je { $days } dana
}
changes-waiting = { $count ->
    [one] { $count } izmena čeka
    [few] { $count } izmene čekaju
   *[other] { $count } izmena čeka
}
just-now = upravo sada

## Sinhronizacija, u gornjoj traci

sync-online = Na mreži
sync-offline = Van mreže
sync-online-title = Povezano sa serverom
sync-offline-title = Server nije dostupan. Vaše izmene su sačuvane i sinhronizuju se kada ponovo bude dostupan.
sync-offline-said = { $message } Vaše izmene su sačuvane i sinhronizuju se kada server ponovo bude dostupan.
sync-last = Poslednja sinhronizacija { $ago }
sync-never = Još nije sinhronizovano
sync-progress = Preuzimanje: { $done } od { $total } izmena
sync-now = Sinhronizuj
sync-busy = Sinhronizacija…

## Traka stanja naloga

banner-trial = Probni period: { $left }
banner-trial-ends = — ističe { $date }
banner-trial-all = Sve funkcije vašeg paketa dostupne su tokom probnog perioda.
banner-trial-soon = Platite paket pre isteka da biste zadržali pristup za sebe, svoje dilere i preprodavce.
banner-pay-now = Plati sada
banner-locked = Vaš nalog je zaključan.
banner-locked-detail = Pristup je istekao { $date } Platite paket da biste ga vratili; vaši podaci se čuvaju 30 dana posle tog datuma, a zatim se trajno brišu.
banner-go-billing = Idi na naplatu
banner-paid = Plaćeni period: { $left }
banner-paid-ends = — ističe { $date } Platite sledeću fakturu da biste zadržali pristup.

## Prijava

login-title = Prijava
login-subtitle = Dobro došli nazad u WP Play Partner Desk.
login-server = Adresa servera
login-server-hint = Adresa koju vam je dao vaš WP Play operater.
login-username = Korisničko ime
login-password = Lozinka
login-submit = Prijavi se
login-busy = Prijavljivanje…
login-new-partner = Novi partner?
login-register = Registrujte se kao novi partner
login-missing = Unesite { $field ->
    [server] adresu servera
    [username] korisničko ime
   *[password] lozinku
}.
login-forget = Ukloni podatke ovog naloga sa ovog računara…
login-registered = Prijavite se korisničkim imenom i lozinkom koje smo poslali { $via ->
    [sms] SMS-om
   *[email] e-poštom
} na { $destination }.
forget-title = Ukloniti podatke ovog naloga?
forget-confirm = Ukloni podatke
forget-what = Kopija dilera, pretplatnika i ostalih podataka naloga { $username } koja se čuva na ovom računaru, kao i sačuvana prijava, biće obrisane. Na serveru se ništa ne menja: ponovnom prijavom sve se preuzima iznova.
forget-lost = Izmene napravljene van mreže koje još nisu stigle do servera biće izgubljene.
forget-done = Podaci naloga { $username } su uklonjeni sa ovog računara. Ponovnom prijavom preuzimaju se iznova.
forget-nothing = Ovaj računar nije čuvao podatke naloga { $username } na { $server }.
password-change-title = Izaberite novu lozinku
password-change-subtitle = Još jedan korak pre početka.

## Pokretanje, nove verzije

startup-loading = Pokretanje aplikacije Partner Desk…
startup-failed-hint = Ponovo pokrenite aplikaciju ako se ovo ponavlja.
try-again = Pokušaj ponovo
update-verified = Verzija { $version } je preuzeta i njen potpis je proveren.
update-test-build = Ova probna verzija se ovde zaustavlja umesto da je instalira.
update-available = Dostupna je verzija { $version }
update-install = Instaliraj i ponovo pokreni
update-downloading = Preuzimanje…

## Okvir prijavljenog korisnika

session-ended = Vaša sesija je završena. Prijavite se ponovo da biste nastavili.
server-unreachable = Server nije dostupan.
edits-stay-retry = Vaše izmene ostaju na ovom računaru; pokušajte ponovo za trenutak.
synced = Sinhronizovano sa serverom.
edits-stay-offline = Vaše izmene ostaju na ovom računaru; pokušajte ponovo kada budete na mreži.
resync-done = Svi podaci su ponovo preuzeti sa servera.
resync-later = Podaci se preuzimaju čim server ponovo bude dostupan; vaše izmene su sačuvane.
still-signed-in = I dalje ste prijavljeni; pokušajte ponovo.
keychain-not-saved = Prijava nije sačuvana.
dismiss = Zatvori
add-dealer = Dodaj dilera
offline-title = Van mreže.
offline-edits-waiting = Vaše izmene su sačuvane na ovom računaru i sinhronizuju se kada server ponovo bude dostupan.
offline-keep-working = Možete nastaviti da radite; izmene se sinhronizuju kada server ponovo bude dostupan.
dashboard-failed-hint = Pokušajte ponovo, ili se odjavite i ponovo prijavite.
dashboard-loading = Učitavanje početne strane
resync-title = Ponovo preuzeti sve podatke?
resync-confirm = Preuzmi ponovo
resync-what = Sve što aplikacija prikazuje ponovo se preuzima sa servera. Izmene koje čekaju sinhronizaciju se čuvaju i šalju kao i obično.
resync-when = Koristite ovo kada vam nešto na ovom računaru izgleda zastarelo ili pogrešno. Potrebna je veza sa serverom.

## Stanje naloga (početna strana i naplata)

account-state-trial = Probni period
account-state-active = Aktivan
account-state-locked = Zaključan
card-subscription = Pretplata
access-denied = Pristup onemogućen
access-ended-restore = Pristup je istekao { $date } Platite paket da biste ga vratili sa svim podacima.
trial-ends-on = Besplatni probni period ističe
paid-through = Plaćeno do

## Početna strana

card-profile = Profil firme
waiting-to-sync = Čeka sinhronizaciju
profile-company = Firma
profile-email = E-pošta
profile-country = Država
profile-contact = Kontakt osoba
profile-phone = Telefon
example = npr. { $example }
profile-saved-offline = Profil je sačuvan na ovom računaru.
profile-saved-offline-hint = Čeka sinhronizaciju i automatski se šalje na server.
profile-saved = Profil je sačuvan.
profile-pending = Izmene su sačuvane na ovom računaru i čekaju sinhronizaciju.
profile-how = Sačuvane izmene se sinhronizuju sa serverom, i posle rada van mreže.
cancel = Otkaži
save = Sačuvaj
saving = Čuvanje…
card-resellers = Preprodavci i obaveštenja
resellers-loading = Učitavanje zahteva i obaveštenja
requests-waiting = { $count ->
    [one] Zahtev za partnerstvo čeka vaš odgovor
    [few] Zahteva za partnerstvo čekaju vaš odgovor
   *[other] Zahteva za partnerstvo čeka vaš odgovor
}
answer-requests = Odgovori na zahteve
open-resellers = Otvori preprodavce
latest-notifications = Najnovija obaveštenja
notifications-none = Još nema obaveštenja. Ovde se prikazuju zahtevi, odgovori i uklanjanja.
card-getting-started = Prvi koraci
start-intro = Probni period uključuje sve funkcije vašeg paketa. Evo kako da počnete:
start-password =
    .title = Izaberite svoju lozinku
    .text = Urađeno pri prvoj prijavi. Generisana lozinka više ne važi.
start-profile =
    .title = Proverite profil firme
    .text = Održavajte kontakt osobu i telefon ažurnim: dileri i preprodavci vas tu pronalaze.
start-dealers =
    .title = Dodajte svoje dilere
    .text = U odeljku Dileri → Moji dileri dajte svakom dileru korisničko ime i lozinku za prijavu.
start-resellers =
    .title = Odlučite o preprodavcima
    .text = Prihvatite ili odbijte Zahteve za partnerstvo u odeljku Preprodavci; u Podešavanjima izaberite koje kontakt podatke vide.
start-pay =
    .title = Platite pre isteka probnog perioda
    .text = Platite profakturu koju vam šaljemo e-poštom da biste zadržali pristup za sebe, svoje dilere i preprodavce.
step-done = (urađeno)
start-offline = Partner Desk čuva kopiju vaših podataka na ovom računaru: možete raditi i van mreže, a izmene se sinhronizuju kada se veza vrati.
dashboard-empty = Podaci vašeg naloga još nisu stigli na ovaj računar. Pojaviće se posle prve sinhronizacije — upotrebite „Sinhronizuj“ gore desno.
card-package = Paket
change-package = Promeni paket
per-month = / mesečno
package-retired = Više se ne nudi novim partnerima; zadržavate ga dokle god ste na njemu.
next-period = Sledeći period:
next-from = od { $date }; do tada zadržavate { $package }.
limit-subscribers = Pretplatnici
limit-streams = Strimovi
up-to = do { $count }
