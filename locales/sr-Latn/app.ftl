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
login-forgot = Zaboravljena lozinka?
login-code-title = Prijava u dva koraka
login-code-explain = Lozinka je tačna. Unesite šestocifreni kod koji vaša aplikacija za autentifikaciju prikazuje za WP Play, ili jedan od kodova za oporavak.
login-code = Kod
login-code-hint = Novi kod se pojavljuje na svakih 30 sekundi; svaki važi jednom.
login-code-missing = Unesite kod iz aplikacije za autentifikaciju.
login-code-submit = Proveri i prijavi se
login-code-busy = Proveravam…
login-code-back = Koristi drugi nalog
recover-title = Oporavak lozinke
recover-subtitle = Kod e-poštom ili SMS-om omogućava da izaberete novu.
recover-explain = Unesite korisničko ime ili adresu e-pošte sa kojom ste se registrovali. Kod šaljemo na e-poštu ili telefon vašeg naloga.
recover-login = Korisničko ime ili e-pošta
recover-login-hint = Dileri bez sopstvene e-pošte: zamolite partnera da postavi novu lozinku.
recover-login-missing = Unesite korisničko ime ili adresu e-pošte.
recover-send = Pošalji kod
recover-sending = Slanje…
recover-sent = Ako ovaj nalog može da oporavi lozinku, kod je poslat na njegovu e-poštu ili telefon. Važi { $minutes } minuta.
recover-sent-again = Novi kod je poslat; prethodni više ne važi. Važi { $minutes } minuta.
recover-code = Kod
recover-code-hint = Šest cifara iz poruke; novi kod zamenjuje prethodni.
recover-code-missing = Unesite kod iz poruke.
recover-submit = Postavi lozinku i prijavi se
recover-resend = Pošalji novi kod
recover-back = Nazad na prijavu
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

## Zajednički delovi svih strana

page-previous = Prethodna
page-previous-label = Prethodna strana
page-next = Sledeća
page-next-label = Sledeća strana
export-csv = Izvezi CSV
export-busy = Izvoz…
export-invoices = Izvezi predračune
export-payments = Izvezi uplate
export-none = { $what ->
    [entries] Nema stavki za izvoz
    [dealers] Nema dilera za izvoz
    [payments] Nema uplata za izvoz
    [invoices] Nema predračuna za izvoz
   *[lines] Nema linija za izvoz
}
export-title = { $what ->
    [entries] Sačuvaj prikazane stavke (kako su filtrirane) u CSV datoteku
    [dealers] Sačuvajte prikazane dilere (sve strane, filtrirane i sortirane kao sada) u CSV datoteku
    [payments] Sačuvajte prikazane uplate (sve, kako su izabrane) u CSV datoteku
    [invoices] Sačuvajte predračune svih partnera u CSV datoteku
   *[lines] Sačuvajte prikazane linije (sve strane, filtrirane i sortirane kao sada) u CSV datoteku
}
retry = Pokušaj ponovo
retrying = Ponovni pokušaj…
try-in-a-moment = Pokušajte ponovo za trenutak.
stale-read = Prikazuje se ono što je poslednje učitano; novi pokušaj za trenutak.
trying-in-a-moment = Novi pokušaj za trenutak.
discard = Odbaci
discarding = Odbacivanje…
discard-label = Odbaci odbijenu izmenu za { $what }
discard-to-start-again = Odbacite je u tabeli da biste počeli ponovo od onoga što server ima.
close = Zatvori
allowance-title = Paket { $package } dozvoljava { $max } { $noun ->
    [streams] strimova
   *[lines] linija
}
refused-conflict = Sukob
refused-conflict-message = { $thing ->
    [dealer] Drugi uređaj je prvi izmenio ovog dilera; vaša izmena nije primenjena.
    [stream] Drugi uređaj je prvi izmenio ovaj strim; vaša izmena nije primenjena.
    [settings] Drugi uređaj je prvi izmenio ova podešavanja; vaša izmena nije primenjena.
   *[line] Drugi uređaj je prvi izmenio ovu liniju; vaša izmena nije primenjena.
}
refused-conflict-short = Drugi uređaj ga je prvi izmenio.
refused-conflict-tip = { $thing ->
    [dealer] Odbacite svoju izmenu i prikažite dilera kako ga je ostavio drugi uređaj; zatim ga po potrebi ponovo izmenite.
    [stream] Odbacite svoju izmenu i prikažite strim kako ga je ostavio drugi uređaj; zatim ga po potrebi ponovo izmenite.
    [settings] Odbacite svoju izmenu i prikažite podešavanja kako ih je ostavio drugi uređaj; zatim ih po potrebi ponovo izmenite.
   *[line] Odbacite svoju izmenu i prikažite liniju kako ju je ostavio drugi uređaj; zatim je po potrebi ponovo izmenite.
}
refused = Odbijeno
refused-message = Server je odbio ovu izmenu.
refused-tip = Odbacite odbijenu izmenu i prikažite ono što server ima.
hint-ipc-error = Proverite adresu servera i vezu, pa pokušajte ponovo.
hint-missing-field = Popunite označeno polje i pokušajte ponovo.
allowance-of = od { $max } { $noun ->
    [streams] strimova
   *[lines] linija
}
allowance-full = Dostignuto je ograničenje paketa { $package } — veći paket u odeljku Naplata ga podiže.

## Sistemska traka i upozorenja same aplikacije

tray-open = Otvori WP Play Partner Desk
tray-sync-now = Sinhronizuj
tray-pending-requests = Zahtevi na čekanju
tray-pending-requests-count = Zahtevi na čekanju ({ $count })
tray-quit = Izađi
tray-signed-out = Niste prijavljeni
tray-requests = { $count ->
    [one] { $count } Zahtev za partnerstvo čeka vaš odgovor
    [few] { $count } Zahteva za partnerstvo čekaju vaš odgovor
   *[other] { $count } Zahteva za partnerstvo čeka vaš odgovor
}
tray-locked = Nalog je zaključan: platite u odeljku Naplata da biste ga otključali
tray-ends-today = { $period ->
    [trial] Probni period ističe danas
   *[paid] Plaćeni period ističe danas
}
tray-days-left = { $period ->
    [trial] Probni period: { $days ->
        [one] preostao je { $days } dan
        [few] preostala su { $days } dana
       *[other] preostalo je { $days } dana
    }
   *[paid] Plaćeni period: { $days ->
        [one] preostao je { $days } dan
        [few] preostala su { $days } dana
       *[other] preostalo je { $days } dana
    }
}
tray-refused = { $count ->
    [one] Server je odbio { $count } izmenu: otvorite aplikaciju da je ispravite
    [few] Server je odbio { $count } izmene: otvorite aplikaciju da ih ispravite
   *[other] Server je odbio { $count } izmena: otvorite aplikaciju da ih ispravite
}
tray-synced = Na mreži, sve je sinhronizovano
tray-online-waiting = { $count ->
    [one] Na mreži, { $count } izmena čeka sinhronizaciju
    [few] Na mreži, { $count } izmene čekaju sinhronizaciju
   *[other] Na mreži, { $count } izmena čeka sinhronizaciju
}
tray-offline = Van mreže
tray-offline-waiting = { $count ->
    [one] Van mreže, { $count } izmena čeka sinhronizaciju
    [few] Van mreže, { $count } izmene čekaju sinhronizaciju
   *[other] Van mreže, { $count } izmena čeka sinhronizaciju
}
alert-ends-on = Ističe { $when }. Platite profakturu u odeljku Naplata da biste nastavili da radite.
alert-ends-at = Ističe { $when }. Platite profakturu u odeljku Naplata da biste nastavili da radite.
alert-locked =
    .title = Vaš nalog je zaključan
    .body = { $period ->
        [trial] Vaš besplatni probni period je istekao bez uplate. Podaci se čuvaju do { $purge }; platite u odeljku Naplata da biste otključali nalog.
       *[paid] Vaš plaćeni period je istekao bez uplate. Podaci se čuvaju do { $purge }; platite u odeljku Naplata da biste otključali nalog.
    }
alert-purge = Ako ne platite, sve što ste uneli biće obrisano { $purge }.

## CSV izvoz (kolone i vrednosti)

csv-name = Naziv
csv-username = Korisničko ime
csv-email = E-pošta
csv-phone = Telefon
csv-status = Status
csv-subscribers = Pretplatnici
csv-sync = Sinhronizacija
csv-line-username = Korisničko ime linije
csv-mac = MAC adresa
csv-dealer = Diler
csv-expires = Ističe (UTC)
csv-state = Stanje
csv-active = Aktivan
csv-inactive = Neaktivan
csv-disabled = Isključena
csv-suspended = Suspendovana
csv-expired = Istekla
csv-synced = Sinhronizovano
csv-waiting = Čeka sinhronizaciju
csv-refused = Server je odbio
csv-when = Kada
csv-who = Ko
csv-role = Uloga
csv-what = Šta
csv-which = Na čemu
csv-outcome = Ishod
csv-received = Primljeno
csv-amount = Iznos
csv-currency = Valuta
csv-payer = Uplatilac
csv-payer-account = Račun uplatioca
csv-reference = Poziv na broj i tekst
csv-invoice = Predračun
csv-source = Stiglo kao
csv-bank-id = Oznaka banke ili provajdera
csv-note = Napomena
csv-partner = Partner
csv-package = Paket
csv-period-start = Period od
csv-period-end = Period do
csv-paid-amount = Plaćeno
csv-due = Preostalo za plaćanje
csv-issued = Izdat
csv-open = Otvoren
csv-partly-paid = Delimično plaćen
csv-paid = Plaćen
earlier-changes-waiting = Ranije izmene { $what } sačuvane su na ovom računaru i čekaju sinhronizaciju.
page-range = { $first }–{ $last } od { $total }
page-of = Strana { $page } od { $pages }
needs-connection = { $subject } zahteva vezu sa serverom
sync-later = Sačuvano na ovom računaru — sinhronizuje se kada server bude dostupan.
brand-name = WP Play
brand-product = Partner Desk
update-needed = Potrebno je ažuriranje.
update-needed-waiting = { $count ->
    [one] { $count } izmena koja čeka ostaje na ovom računaru i sinhronizuje se posle ažuriranja.
    [few] { $count } izmene koje čekaju ostaju na ovom računaru i sinhronizuju se posle ažuriranja.
   *[other] { $count } izmena koje čekaju ostaje na ovom računaru i sinhronizuje se posle ažuriranja.
}
update-needed-read = I dalje možete da čitate sve na ovom računaru; izmene se sinhronizuju posle ažuriranja.
update-install-version = Instaliraj verziju { $version } i ponovo pokreni
update-checking = Provera…
update-check = Proveri da li postoji nova verzija
copy-selected = { $what } je označen.
copy-press = Pritisnite Ctrl+C (⌘C na Mac računaru) da biste ga kopirali.
copy-unavailable = Kopiranje ovde nije dostupno.
copy-select-yourself = Označite { $what } i kopirajte ga sa Ctrl+C (⌘C na Mac računaru).
exported-rows = { $count ->
    [one] Izvezen je { $count } red
    [few] Izvezena su { $count } reda
   *[other] Izvezeno je { $count } redova
}
export-failed-hint = Ništa nije izvezeno; pokušajte ponovo.
discarded-conflict = Vaša izmena za { $name } je odbačena; prikazuje se verzija sa drugog uređaja.
discarded-refused = Odbijena izmena za { $name } je odbačena.
discard-failed-hint = Izmena je i dalje na listi; pokušajte ponovo.
core-no-answer = Jezgro aplikacije nije odgovorilo. Ponovo pokrenite WP Play Partner Desk i pokušajte ponovo.

## Izmene koje čekaju slanje (početna strana navodi one koje je server odbio)

edit-add-dealer = Dodavanje dilera { $name }
edit-edit-dealer = Izmena dilera { $name }
edit-reset-dealer-password = Nova lozinka za dilera { $name }
edit-reactivate-dealer = Ponovno aktiviranje dilera { $name }
edit-deactivate-dealer = Deaktiviranje dilera { $name }
edit-delete-dealer = { $count ->
    [one] Brisanje dilera { $name } i { $count } pretplatnika
    [few] Brisanje dilera { $name } i { $count } pretplatnika
   *[other] Brisanje dilera { $name } i { $count } pretplatnika
}
edit-add-subscriber = Dodavanje pretplatnika { $name }
edit-edit-subscriber = Izmena pretplatnika { $name }
edit-extend-subscriber = { $days ->
    [one] Produženje pretplatnika { $name } za { $days } dan
    [few] Produženje pretplatnika { $name } za { $days } dana
   *[other] Produženje pretplatnika { $name } za { $days } dana
}
edit-remove-subscriber = Uklanjanje pretplatnika { $name }
edit-add-stream = Dodavanje strima { $name }
edit-remove-stream = Uklanjanje strima { $name }
edit-request-partner = Zahtev za partnerstvo: { $company }
edit-withdraw-request = Povlačenje zahteva za partnerstvo: { $company }
edit-accept-request = Prihvatanje zahteva za partnerstvo
edit-reject-request = Odbijanje zahteva za partnerstvo
edit-remove-reseller = Uklanjanje mog preprodavca
edit-reseller-settings = Podešavanja: usluge za preprodavce
edit-profile = Profil: kontakt osoba i telefon
edit-language = Jezik: { $language }
edit-notifications = Obaveštenja: kako vam stižu vesti
language-for-messages = I e-pošta, SMS poruke i fakture od WP Play-a slede ovaj izbor.
keychain-store-failed = Privezak ključeva ovog računara (njegovo skladište lozinki) je zaključan ili ne postoji, pa vaša prijava nije mogla da se sačuva u njemu: sledeći put kad pokrenete aplikaciju, tražiće vam lozinku. Sve ostalo radi kao i obično.
keychain-load-failed = Privezak ključeva ovog računara (njegovo skladište lozinki) je zaključan ili ne postoji, pa aplikacija nije mogla sama da vas prijavi: prijavite se ponovo. Vaši podaci i izmene koje čekaju na ovom računaru su sačuvani.

## Uređaji i sesije (Podešavanja)

devices-title = Prijavljeni uređaji
devices-loading = Čitamo gde ste prijavljeni…
devices-need-connection = Za spisak uređaja potrebna je veza sa serverom.
devices-unnamed = Uređaj bez imena
devices-this-one = Ovaj računar
devices-platform = { $platform }, aplikacija { $version } ·
devices-seen = poslednji put { $ago } sa adrese { $address }
devices-since = Prijavljen { $when }
devices-end = Odjavi
devices-end-others = Odjavi sve ostale
devices-ended = Taj uređaj je odjavljen.
devices-others-ended = Svi ostali uređaji su odjavljeni.

## Two-factor sign-in (Settings)

twofa-title = Prijava u dva koraka
twofa-off = Isključena. Uključite je i svaka prijava će posle lozinke tražiti kod iz aplikacije za autentifikaciju na telefonu (Google Authenticator, Microsoft Authenticator, Aegis…).
twofa-start = Uključi prijavu u dva koraka
twofa-on = Uključena
twofa-on-since = Uključena od { $when }
twofa-codes-left = { $count ->
    [one] preostao je { $count } kod za oporavak
    [few] preostala su { $count } koda za oporavak
   *[other] preostalo je { $count } kodova za oporavak
}
twofa-required = Vaš nalog mora da koristi prijavu u dva koraka, pa ostaje uključena.
twofa-required-how = Vaš nalog mora da koristi prijavu u dva koraka. Instalirajte aplikaciju za autentifikaciju na telefon (Google Authenticator, Microsoft Authenticator, Aegis…), pa je uključite ovde.
twofa-setup-subtitle = Još jedan korak: svaka prijava će tražiti i kod sa vašeg telefona.
twofa-step-scan = 1. Skenirajte ovaj QR kod aplikacijom za autentifikaciju.
twofa-step-type = Ili ručno unesite ovaj ključ u aplikaciju:
twofa-step-code = 2. Unesite šestocifreni kod koji aplikacija sada prikazuje.
twofa-qr-alt = QR kod za aplikaciju za autentifikaciju
twofa-code = Kod iz aplikacije
twofa-confirm = Potvrdi i uključi
twofa-cancel = Otkaži
twofa-codes-title = Sačuvajte kodove za oporavak
twofa-codes-explain = Ako izgubite telefon, svaki od ovih kodova vas jednom prijavljuje umesto koda iz aplikacije. Prikazuju se samo sada: odštampajte ih ili ih čuvajte u menadžeru lozinki.
twofa-codes-copy = Kopiraj kodove
twofa-codes-copied = Kodovi za oporavak su kopirani.
twofa-codes-done = Sačuvao sam ih
twofa-enabled = Prijava u dva koraka je uključena.
twofa-disable-code = Trenutni kod
twofa-disable = Isključi
twofa-disabled = Prijava u dva koraka je isključena.
twofa-dealers = Moji dileri moraju da koriste prijavu u dva koraka
twofa-dealers-note = Diler koji je nema biće zamoljen da je podesi pri sledećem zahtevu.
twofa-dealers-on = Vaši dileri sada moraju da se prijavljuju u dva koraka.
twofa-dealers-off = Vaši dileri mogu da se prijave samo lozinkom.
twofa-need-connection = Prijava u dva koraka se podešava uz vezu sa serverom.
twofa-setup-title = Podesite prijavu u dva koraka

## Notification preferences.
notify-title = Obaveštenja
notify-intro = Kako vam vesti od WP Play-a stižu, po temama.
notify-topic = Tema
notify-topic-reminders = Podsetnici
notify-topic-reminders-detail = Kraj probnog perioda ili meseca, zaključavanje, brisanje podataka
notify-topic-billing = Predračuni i uplate
notify-topic-billing-detail = Novi predračun, primljena uplata
notify-topic-network = Mreža preprodavaca
notify-topic-network-detail = Zahtevi za partnera, odgovori, odlazak preprodavaca
notify-channel-email = E-pošta
notify-channel-sms = SMS
notify-channel-in_app = U aplikaciji
notify-by = { $topic }: { $channel }
notify-reminders-needed = Podsetnici moraju da vam stignu bar na jedan način: zaključavanje ili brisanje podataka nikad ne sme da iznenadi.
notify-always = Pristupni podaci, oporavak lozinke i nove prijave na vaš nalog uvek vam stižu.
notify-saved = Obaveštenja sačuvana
notify-saved-hint = Aplikacija odmah prati vaš izbor; e-pošta i SMS WP Play-a od sledeće poruke.
notify-not-saved = Ništa nije promenjeno.
