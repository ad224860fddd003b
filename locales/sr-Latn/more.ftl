# Poruke ekrana (more), vidi app.ftl.

## Podešavanja → Usluge za preprodavce

settings-title = Usluge za preprodavce
settings-loading = Učitavanje podešavanja
settings-offers-question = Da li pružate usluge preprodavcima?
settings-offers-yes =
    .title = Pružam usluge preprodavcima
    .desc = Nalazite se u imeniku partnera. Preprodavci vide kontakt podatke koje ispod učinite vidljivim i mogu vam poslati Zahtev za partnerstvo.
settings-offers-no =
    .title = Ne želim da pružam usluge preprodavcima
    .desc = Vaša firma je skrivena iz imenika partnera i vaši kontakt podaci se nikada ne prikazuju. Zahtevi za partnerstvo na čekanju se otkazuju; preprodavci koji su već povezani sa vama ostaju povezani. Ovo možete kasnije promeniti.
settings-optout-when = Kada sačuvate:
settings-optout-leave = napuštate imenik partnera i preprodavci više ne vide vaše kontakt podatke.
settings-optout-unknown = Zahtevi za partnerstvo na čekanju se otkazuju; preprodavci koji su već povezani sa vama ostaju povezani.
settings-optout-pending = { $count ->
    [one] Otkazuje se { $count } Zahtev za partnerstvo na čekanju.
    [few] Otkazuju se { $count } Zahteva za partnerstvo na čekanju.
   *[other] Otkazuje se { $count } Zahteva za partnerstvo na čekanju.
}
settings-optout-linked = { $count ->
    [one] Vaš { $count } povezani preprodavac ostaje povezan.
    [few] Vaša { $count } povezana preprodavca ostaju povezana.
   *[other] Vaših { $count } povezanih preprodavaca ostaje povezano.
}
settings-saved-optout = Više ne pružate usluge preprodavcima.
    .hint = Niste u imeniku partnera; zahtevi na čekanju su otkazani.
settings-saved-optin = Ponovo pružate usluge preprodavcima.
    .hint = Preprodavci vas pronalaze u imeniku partnera.
settings-saved = Usluge za preprodavce su sačuvane.
    .hint = Preprodavci vide izmenu u imeniku partnera.
settings-discarded = Odbijena izmena je odbačena.
    .hint = Podešavanja prikazuju ono što je na serveru.
settings-problem-conflict = Drugi uređaj je prvi izmenio ova podešavanja.
settings-problem-refused = Server je odbio vašu poslednju izmenu.
settings-problem-hint = Odbacite je da biste videli šta je na serveru, a zatim po potrebi ponovo izmenite podešavanja.
settings-discard = Odbaci
settings-discarding = Odbacivanje…
settings-waiting-title = Sačuvano na ovom računaru; automatski se šalje na server.
settings-contact-title = Kontakt podaci koje preprodavci mogu da vide
settings-contact-intro = Izaberite šta preprodavci vide na vašoj kartici u imeniku partnera. Podatak se prikazuje kada ima vrednost i kada je označeno „Vidljivo preprodavcima“.
settings-contact-intro-later = Izaberite šta će preprodavci videti na vašoj kartici u imeniku partnera ako ponovo budete pružali usluge. Podatak se prikazuje kada ima vrednost i kada je označeno „Vidljivo preprodavcima“.
settings-email-hint = Iz profila vaše firme.
settings-phone-hint = Iz profila vaše firme; menja se na Početnoj.
settings-not-set = Nije uneto
settings-website = Veb-sajt
settings-messenger = Nalozi za poruke
settings-address = Adresa
settings-address-hint = Ulica, grad — onako kako treba da ga pročitaju preprodavci.
settings-note = Kako da razmenjujemo informacije
# $used: broj unetih znakova, npr. „12 / 500“.
settings-note-hint = Vaš omiljeni kanal i vreme, npr. „Prvo pišite na Telegram; odgovaramo u roku od jednog dana.“ { $used }
settings-save-failed-hint = Ništa nije sačuvano; ispravite i ponovo sačuvajte.
settings-status-unsaved = Imate nesačuvane izmene.
settings-status-refused = Vaša poslednja izmena je odbijena; pogledajte poruku iznad.
settings-status-pending = Sačuvano na ovom računaru; čeka sinhronizaciju.
settings-status-saved = Sve izmene su sačuvane.
settings-reset = Poništi
settings-visible = Vidljivo preprodavcima
settings-visible-empty = Prazno, pa preprodavci ovde ništa ne vide.
settings-hidden = Skriveno od preprodavaca.
settings-preview-title = Prikaz kao preprodavac
settings-preview-unsaved = Nesačuvane izmene
settings-preview-draft = Šta će preprodavci videti u imeniku partnera kada sačuvate.
settings-preview-now = Šta preprodavci sada vide u imeniku partnera.
settings-preview-no-country = Država nije uneta
settings-preview-unlisted = Preprodavci vas ne vide: niste u imeniku partnera.
settings-preview-unlisted-detail = Nijedan vaš kontakt podatak se ne prikazuje i nijedan preprodavac vam ne može poslati Zahtev za partnerstvo. Preprodavci koji su već povezani sa vama ostaju povezani.

## Registracija

register-steps = Koraci registracije
register-step-plan = Izbor paketa
    .title = Izaberite paket
    .subtitle = Izaberite paket koji odgovara vašem poslovanju. Možete ga kasnije promeniti.
register-step-details = Podaci o firmi
    .title = Registrujte svoju firmu
    .subtitle = Otvaramo vaš partnerski nalog i šaljemo vam pristupne podatke.
register-step-sent = Pristupni podaci poslati
    .title = Registrovani ste
register-already-partner = Već ste partner?
register-sign-in = Prijavite se
register-choose-plan = Izaberi paket
register-load-plans = Učitaj pakete
# $server: adresa servera, podebljano.
register-plans-from = Paketi koje nudi { $server }
register-change-server = Promeni server
register-loading-plans = Učitavanje paketa
register-loading-plans-busy = Učitavanje paketa…
register-try-in-a-moment = Pokušajte ponovo za trenutak.
register-no-plans = Ovaj server trenutno ne nudi nijedan paket. Obratite se svom WP Play operateru.
register-trial-note = Svaki paket počinje besplatnim probnim periodom od 14 dana sa svim funkcijama. Podaci za plaćanje sada nisu potrebni.
register-plan = Paket
# $price: mesečna cena, npr. „29,00 €“.
register-plan-price = { $price } mesečno posle probnog perioda od 14 dana
register-change-plan = Promeni paket
register-phone-hint = U međunarodnom obliku, npr. { $example }
register-delivery = Korisničko ime i lozinku pošaljite
register-delivery-email = E-poštom
register-delivery-sms = SMS-om
register-no-resellers = Ne želim da pružam usluge preprodavcima
register-no-resellers-detail = Vaša firma neće biti prikazana preprodavcima, a vaši kontakt podaci ostaju skriveni. Ovo možete kasnije promeniti u Podešavanjima.
register-failed-hint = Ispravite podatke i ponovo se registrujte.
register-how = Otvaramo vaš nalog i šaljemo pristupne podatke { $via ->
    [sms] SMS-om na broj telefona naveden iznad
   *[email] na adresu e-pošte navedenu iznad
}.
register-submit = Registruj se
register-busy = Registracija…
# $destination: adresa e-pošte ili broj telefona, podebljano.
register-sent = Vaše korisničko ime i lozinka poslati su { $via ->
    [sms] SMS-om
   *[email] e-poštom
} na { $destination }.
# $date: poslednji dan probnog perioda, podebljano.
register-trial-until = Vaš besplatni probni period traje do { $date }.
register-own-password = Pri prvoj prijavi izabraćete svoju lozinku.
register-go-login = Idi na prijavu

## Izbor nove lozinke pri prvoj prijavi

# $username: podebljano.
password-change-explain = Prijavili ste se kao { $username } lozinkom koju smo generisali i poslali vam. Sada izaberite svoju lozinku; generisana prestaje da važi čim to uradite.
password-change-current = Trenutna lozinka
password-change-current-hint = Generisana lozinka iz e-poruke ili SMS-a.
password-change-current-missing = Unesite lozinku kojom ste se prijavili.
password-change-new = Nova lozinka
password-change-new-hint = Kombinujte velika i mala slova sa ciframa ili simbolima.
password-change-confirm = Potvrdite novu lozinku
password-change-confirm-missing = Ponovo unesite novu lozinku.
password-change-mismatch = Lozinke se ne poklapaju.
password-change-submit = Postavi novu lozinku
password-strength = Jačina
password-strength-too-weak = Preslaba
password-strength-fair = Srednja
password-strength-strong = Jaka

## Sadržaj: katalog strimova partnera

catalog-title = Katalog sadržaja
catalog-intro = Vaši povezani preprodavci vide ovaj katalog i prodaju ove strimove svojim korisnicima; niko drugi ga ne vidi.
catalog-add-stream = Dodaj strim
catalog-add-subtitle = IP strim iz vašeg kataloga: ono što vaši povezani preprodavci vide i prodaju.
catalog-adding = Dodavanje…
catalog-add-failed-hint = Ispravite i ponovo dodajte strim.
catalog-add-offline = Radi i van mreže: strim se sinhronizuje kada server bude dostupan.
catalog-name = Naziv
catalog-name-hint = Onako kako će ga preprodavci videti, npr. „Sport HD 1“.
catalog-category = Kategorija
catalog-category-hint = Izaberite jednu od svojih kategorija ili unesite novu.
catalog-category-hint-first = npr. Sport, Vesti, Filmovi, Deca.
catalog-url = URL strima
catalog-url-hint = Počinje sa http://, https://, rtmp://, rtsp:// ili udp://, npr. rtmp://live.example.com/app/channel-1
catalog-search = Pretraga strimova
catalog-search-placeholder = Pretražite naziv, kategoriju ili URL
catalog-all-categories = Sve kategorije ({ $count })
catalog-shown = { $shown } od { $total ->
    [one] { $total } strima
    [few] { $total } strima
   *[other] { $total } strimova
}
catalog-summary = { $streams ->
    [one] { $streams } strim
    [few] { $streams } strima
   *[other] { $streams } strimova
} u { $categories ->
    [one] { $categories } kategoriji
    [few] { $categories } kategorije
   *[other] { $categories } kategorija
}
catalog-loading = Učitavanje kataloga
catalog-empty = Vaš katalog je prazan — dodajte prvi strim.
catalog-empty-detail = Strim je jedan od vaših IP kanala: naziv, kategorija kao što su Sport ili Vesti, i URL sa kog se reprodukuje (http, https, rtmp, rtsp ili udp). Povezani preprodavci ovde vide vaše strimove i prodaju ih. Strimove možete dodavati i van mreže.
catalog-no-match = Nijedan strim ne odgovara pojmu „{ $search }“.
catalog-no-match-in = Nijedan strim u kategoriji { $category } ne odgovara pojmu „{ $search }“.
catalog-no-match-category = U ovoj kategoriji nema strimova.
catalog-search-hint = Pretraga obuhvata nazive strimova, kategorije i URL-ove.
catalog-show-all = Prikaži sve strimove
catalog-discarded = Odbijena izmena strima { $name } je odbačena.
    .hint = Katalog prikazuje ono što je na serveru.
catalog-added = Strim { $name } je dodat u vaš katalog.
    .hint = Vaši povezani preprodavci će ga videti čim stigne na server.
catalog-removed = Strim { $name } je uklonjen iz vašeg kataloga.
    .hint = Vaši povezani preprodavci ga više ne vide.
catalog-col-sync = Sinhronizacija
catalog-col-actions = Radnje
catalog-streams = { $count ->
    [one] { $count } strim
    [few] { $count } strima
   *[other] { $count } strimova
}
catalog-rejected = Odbijeno
catalog-rejected-message = Server je odbio ovu izmenu.
catalog-rejected-tip = Odbacite odbijenu izmenu i prikažite ono što je na serveru.
catalog-discard-first = Prvo odbacite odbijenu izmenu.
catalog-remove-label = Ukloni { $name } iz kataloga
catalog-remove = Ukloni
catalog-remove-title = Ukloniti strim?
catalog-remove-confirm = Ukloni strim
catalog-remove-failed-hint = Strim je i dalje u vašem katalogu; pokušajte ponovo.
catalog-remove-sentence = Ukloniti „{ $name }“ ({ $category }) iz vašeg kataloga?
catalog-remove-unknown = Vaši povezani preprodavci prestaju da ga vide čim uklanjanje stigne na server.
catalog-remove-nobody = Trenutno nijedan preprodavac nije povezan sa vama, pa to nikoga drugog ne pogađa.
catalog-remove-linked = { $count ->
    [one] Vaš { $count } povezani preprodavac prestaje da ga vidi čim uklanjanje stigne na server.
    [few] Vaša { $count } povezana preprodavca prestaju da ga vide čim uklanjanje stigne na server.
   *[other] Vaših { $count } povezanih preprodavaca prestaje da ga vidi čim uklanjanje stigne na server.
}
catalog-remove-again = Da biste ga kasnije ponovo ponudili, dodajte ga iznova.

## Dnevnik aktivnosti

audit-title = Dnevnik aktivnosti
audit-intro = Svaka izmena vaših podataka i svaka prijava — vaša, vaših dilera i preprodavaca, osoblja WP Play ili samog WP Play (predračuni, uplate, podsetnici) — od najnovije. Otvorite unos da biste videli šta je izmenjeno.
audit-search = Pretraga učitanih unosa
audit-search-placeholder = Pretražite ko, šta, na čemu ili vrednost
audit-kind = Vrsta
audit-everything = Sve ({ $count })
audit-shown = { $shown } od { $total ->
    [one] { $total } učitanog unosa
    [few] { $total } učitana unosa
   *[other] { $total } učitanih unosa
}
audit-count = { $count ->
    [one] { $count } unos
    [few] { $count } unosa
   *[other] { $count } unosa
}
audit-count-loaded = { $count ->
    [one] Učitan je { $count } unos
    [few] Učitana su { $count } unosa
   *[other] Učitano je { $count } unosa
}
# $time: vreme poslednjeg čitanja.
audit-updated = ažurirano u { $time }
audit-needs-connection = Za dnevnik aktivnosti potrebna je veza sa serverom.
audit-stale-offline = Prikazani su ranije učitani unosi. Osvežiće se kada server bude dostupan.
audit-stale = Prikazani su ranije učitani unosi.
audit-retry = Pokušaj ponovo
# Subjekat rečenice „… needs a connection to the server“.
audit-subject = Dnevnik aktivnosti
audit-offline-note = Dnevnik se čuva na serveru, a ne na ovom računaru. Sve ostalo radi i van mreže; ova stranica i sama pokušava ponovo kada se veza vrati.
audit-loading = Učitavanje dnevnika aktivnosti
audit-empty = U dnevniku još nema ničega.
audit-empty-detail = Izmene se ovde prikazuju kada ih server prihvati: dodavanje dilera, produženje pretplatnika, odgovor na Zahtev za partnerstvo, izmene kataloga ili podešavanja. Izmene koje čekaju sinhronizaciju pojavljuju se posle sinhronizacije.
audit-no-match = Nijedan učitan unos ne odgovara pojmu „{ $search }“.
audit-no-match-kind = Nema učitanih unosa ove vrste.
audit-search-hint = Pretraga obuhvata do sada učitane unose.
audit-search-hint-more = Pretraga obuhvata do sada učitane unose; učitajte starije unose da biste pretražili dalje unazad.
audit-show-all = Prikaži sve unose
audit-loading-short = Učitavanje…
audit-load-older = Učitaj starije unose
audit-loading-older = Učitavanje starijih unosa…
audit-older-needs-connection = Za starije unose potrebna je veza sa serverom.
audit-try-again = Pokušajte ponovo.
audit-end = Početak vašeg dnevnika aktivnosti.
audit-col-when = Kada
audit-col-who = Ko
audit-col-what = Šta
audit-col-which = Na čemu
audit-col-changes = Izmene
audit-show-changes = Prikaži izmene za: { $what }, { $which }
audit-hide-changes = Sakrij izmene za: { $what }, { $which }
audit-details = Detalji
audit-changes = { $count ->
    [one] { $count } izmena
    [few] { $count } izmene
   *[other] { $count } izmena
}
audit-no-field-changes = Za ovaj unos nisu zabeležene izmene polja.
# $kind: šta je unos izmenio, npr. „Diler“.
audit-created-with = { $kind } – dodato sa vrednostima:
audit-removed-was = { $kind } – uklonjeno. Vrednosti su bile:
audit-fields-changed = { $count ->
    [one] Izmenjeno je { $count } polje:
    [few] Izmenjena su { $count } polja:
   *[other] Izmenjeno je { $count } polja:
}
audit-empty-value = prazno
audit-became = postalo je
audit-yes = Da
audit-no = Ne
audit-action-update-profile = Izmenjen profil firme
audit-action-set-language = Promenjen jezik
audit-action-set-notification-preferences = Izabran način obaveštavanja
audit-action-sign-in = Prijava
audit-action-reset-dealer-password = Dileru data nova lozinka
audit-action-sign-in-failed = Pogrešna lozinka pri prijavi
audit-action-sign-in-blocked = Prijava blokirana posle pogrešnih lozinki
audit-action-password-changed = Promenjena lozinka
audit-action-signed-out = Odjava
audit-action-session-ended = Odjavljen drugi uređaj
audit-action-other-sessions-ended = Odjavljeni svi ostali uređaji
audit-action-password-recovery-requested = Zatražen kod za oporavak lozinke
audit-action-password-recovered = Izabrana nova lozinka kodom za oporavak
audit-action-second-factor-enabled = Uključena prijava u dva koraka
audit-action-second-factor-disabled = Isključena prijava u dva koraka
audit-action-second-factor-failed = Pogrešan kod pri prijavi u dva koraka
audit-action-recovery-code-used = Prijava kodom za oporavak
audit-action-dealer-second-factor-rule = Promenjeno da li dileri moraju da koriste prijavu u dva koraka
audit-action-change-package = Izabran drugi paket
audit-action-invoice-issued = Izdat predračun
audit-action-payment-recorded = Evidentirana uplata
audit-action-payment-reversed = Banka je vratila uplatu
audit-action-payment-resolved = Uplata rešena
audit-action-statement-imported = Uvezen izvod banke
audit-action-lifecycle-reminder = Poslat podsetnik: plaćeni period uskoro ističe
audit-action-lifecycle-invoice = Poslat predračun za sledeći mesec
audit-action-lifecycle-locked = Zaključano: period je istekao bez uplate
audit-action-lifecycle-unlocked = Otključano uplatom
audit-action-lifecycle-purge-notice = Upozorenje da će podaci biti obrisani
audit-action-purge-partner = Svi podaci obrisani (30 dana posle zaključavanja)
audit-action-package-added = Dodat paket
audit-action-package-disabled = Paket se više ne nudi
audit-action-package-enabled = Paket se ponovo nudi
audit-action-package-changed = Paket izmenjen
audit-action-lifecycle-run = Ručno pokrenut prolaz životnog ciklusa
audit-action-delivery-retried = Poruka ponovo poslata
audit-action-operator-added = Dodat operater
audit-action-create-dealer = Dodat diler
audit-action-update-dealer = Izmenjen diler
audit-action-set-dealer-status = Promenjen status dilera
audit-action-delete-dealer = Obrisan diler
audit-action-create-subscriber = Dodat pretplatnik
audit-action-update-subscriber = Izmenjen pretplatnik
audit-action-extend-subscriber = Produžen pretplatnik
audit-action-remove-subscriber = Uklonjen pretplatnik
audit-action-update-reseller-settings = Promenjene usluge za preprodavce
audit-action-request-partner = Poslat Zahtev za partnerstvo
audit-action-withdraw-request = Povučen Zahtev za partnerstvo
audit-action-answer-request = Odgovoreno na Zahtev za partnerstvo
audit-action-remove-reseller = Uklonjen preprodavac
audit-action-add-stream = Dodat strim
audit-action-remove-stream = Uklonjen strim
audit-entity-dealer = Diler
audit-entity-subscriber = Pretplatnik
audit-entity-stream = Strim
audit-entity-partner-request = Zahtev za partnerstvo
audit-entity-link = Veza sa preprodavcem
audit-entity-reseller-settings = Usluge za preprodavce
audit-entity-profile = Profil firme
audit-entity-language = Jezik
audit-entity-notifications = Obaveštenja
audit-entity-account = Nalog
audit-entity-invoice = Predračun
audit-entity-payment = Uplata
audit-entity-statement = Izvod banke
audit-entity-lifecycle = Životni ciklus
audit-entity-message = E-pošta ili SMS
audit-entity-package = Paket
audit-entity-partner = Nalog partnera
audit-field-device = Uređaj
audit-field-platform = Platforma
audit-field-app-version = Verzija aplikacije
audit-field-session = Sesija
audit-field-ended = Završenih sesija
audit-role-partner = Partner
audit-role-dealer = Diler
audit-role-reseller = Preprodavac
audit-role-operator = Osoblje WP Play
audit-role-system = WP Play (automatski)
audit-from = Od
audit-field-id = ID
audit-field-name = Naziv
audit-field-contact-email = Kontakt e-pošta
audit-field-contact-phone = Kontakt telefon
audit-field-contact-person = Kontakt osoba
audit-field-username = Korisničko ime
audit-field-status = Status
audit-field-state = Stanje
audit-field-line-username = Korisničko ime linije
audit-field-mac = MAC adresa
audit-field-expires = Ističe
audit-field-dealer = Diler
audit-field-stream-url = URL strima
audit-field-category = Kategorija
audit-field-company = Firma
audit-field-email = E-pošta
audit-field-phone = Telefon
audit-field-country = Država
audit-field-credential-delivery = Pristupni podaci poslati putem
audit-field-offers-reseller-services = Pruža usluge preprodavcima
audit-field-website = Veb-sajt
audit-field-messenger = Nalozi za poruke
audit-field-address = Adresa
audit-field-note = Kako da razmenjujemo informacije
audit-field-message = Poruka
audit-field-reason = Razlog
audit-field-partner = Partner
audit-field-reseller = Preprodavac
audit-field-linked-at = Povezan od
audit-field-value = Vrednost
# $field: naziv kontakt podatka, npr. „e-pošta“.
audit-field-visible = Vidljivo preprodavcima: { $field }
