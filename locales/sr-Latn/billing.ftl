# Poruke ekrana (billing), vidi app.ftl.

## Stanje naloga (StatusCard)

billing-account = Nalog
billing-as-last-synced = Prema poslednjoj sinhronizaciji
    .title = Server nije mogao da odgovori; ovo je ono što ovaj računar zna.
billing-locked-dates = Zaključan od { $since } Podaci se brišu za { $days ->
    [one] { $days } dan
    [few] { $days } dana
   *[other] { $days } dana
}, { $purge }
billing-trial-ends = Besplatni probni period ističe { $date }
billing-paid-through = Plaćeno do { $date }
billing-days-in-period = { $left } u ovom periodu.
billing-what-to-do = Šta da uradite
billing-locked-todo = Platite otvorenu fakturu u odeljku „Kako platiti“. Uplata se evidentira automatski i otključava vaš nalog, vaše dilere i vaše preprodavce, sa svim podacima tačno onakvim kakvi su bili.
billing-trial-soon = Platite profakturu pre isteka probnog perioda da biste zadržali pristup za sebe, svoje dilere i svoje preprodavce.
billing-trial-all = Sve funkcije vašeg paketa dostupne su tokom probnog perioda. Prva profaktura se izdaje 7 dana pre njegovog isteka.
billing-paid-soon = Platite sledeću fakturu pre ovog datuma da biste zadržali pristup bez prekida.
billing-paid-next = Sledeća profaktura se izdaje 7 dana pre ovog datuma. Ranijom uplatom ništa ne gubite: novi period počinje tamo gde se ovaj završava.

## Odeljak zatvoren dok je nalog zaključan (LockedScreen)

billing-locked-title = { $section } – odeljak je zatvoren dok je vaš nalog zaključan
billing-locked-lead = { $period ->
    [trial] Vaš besplatni probni period je istekao
   *[paid] Vaš plaćeni period je istekao
} { $date } bez uplate, pa je pristup administratorskom panelu obustavljen.
billing-locked-paused = Vi i vaši dileri ne možete da koristite administratorski panel, a vaši preprodavci ne mogu da koriste vaš sadržaj, dok nalog ne bude plaćen.
billing-locked-kept = Još ništa nije obrisano. Vaši podaci se čuvaju još { $days ->
    [one] { $days } dan
    [few] { $days } dana
   *[other] { $days } dana
}, do { $date } Posle toga se trajno brišu.
billing-locked-restores = Uplata vraća sve tačno onako kako je bilo: dilere, pretplatnike, sadržaj, preprodavce i podešavanja. Izmene koje još čekaju na ovom računaru šalju se posle uplate.
billing-locked-hint = Naplata prikazuje vašu otvorenu fakturu i poziv na broj za uplatu.

## Kako platiti (HowToPayCard, PaymentReference)

billing-how-to-pay = Kako platiti
billing-kind-proration = Razlika za veći paket
    .title = Naplaćuje razliku u ceni prelaska na veći paket za ostatak perioda.
billing-kind-monthly = Mesečni period
billing-proforma-number = Profaktura { $number }
billing-due-partial = preostalo od { $amount } (primljeno { $paid })
billing-due-open = za uplatu
billing-pay-explain = Platite bankovnim prenosom ili preko platnog provajdera sa ovim pozivom na broj; uplata se evidentira automatski i produžava vaš paket — obično u roku od nekoliko minuta od obaveštenja banke. Profakture vam stižu i e-poštom.
billing-none-locked = Nema otvorene fakture. Izaberite paket pod „Promeni paket“ da biste dobili profakturu za sledeći mesec, a zatim je platite sa njenim pozivom na broj da biste otključali nalog.
billing-none-issuing = Trenutno nemate ništa da platite. Sledeća profaktura se upravo izdaje i stiže vam i e-poštom.
billing-none-next = Trenutno nemate ništa da platite. Sledeća profaktura se izdaje 7 dana pre isteka perioda ({ $end }), na dan { $date } Stiže vam i e-poštom.
billing-reference = Poziv na broj
billing-reference-what = poziv na broj
billing-reference-copied = Poziv na broj { $reference } je kopiran.
billing-reference-copy-label = Kopiraj poziv na broj { $reference }
billing-copy = Kopiraj
billing-copied = Kopirano
billing-reference-title = Poziv na broj { $reference }

## Fakture i uplate (InvoiceTable, PaymentTable)

billing-col-invoice = Faktura
billing-col-period = Period
billing-col-package = Paket
billing-col-amount = Iznos
billing-col-status = Status
billing-col-issued = Izdata
billing-col-pdf = PDF
billing-col-received = Primljeno
billing-col-how = Način
billing-col-what-it-did = Ishod
billing-status-paid = Plaćena
billing-status-paid-on = Plaćena { $date }
billing-status-partial = Delimično plaćena: { $paid } od { $amount }
billing-status-open = Otvorena
billing-pdf = PDF
billing-pdf-label = Sačuvaj fakturu { $number } kao PDF
billing-pdf-opened = Faktura { $number } je otvorena.
billing-pdf-saved = Faktura { $number } je sačuvana kao PDF.
billing-pdf-saved-as = Sačuvana kao { $path }
billing-source-bank = Bankovni prenos
billing-source-webhook = Platni provajder
billing-source-operator = Evidentirao WP Play
billing-payment-paid = Plaćena faktura { $number }
billing-payment-applied = Proknjižena
billing-payment-partial = Deo fakture { $number }
billing-payment-partial-any = Deo fakture
billing-payment-overpaid = Više od iznosa fakture: WP Play će vam vratiti razliku ili je uračunati
billing-payment-matching = WP Play je povezuje sa fakturom
billing-payment-reversed = Banka ju je vratila: više se ne računa
billing-payment-refunded = Vraćena vam je

## Stranica Naplata (BillingPage, BillingUnavailable)

billing-loading = Učitavanje naplate
billing-payment-received = Uplata je primljena: faktura { $number } je plaćena.
billing-changed-pay = Platite { $amount } sa pozivom na broj { $reference }; nalazi se pod „Kako platiti“.
billing-invoices = Fakture
    .description = Profakture, najnovije prve. Svaka uplata se povezuje sa svojom fakturom preko poziva na broj.
billing-checking = Provera…
billing-check-payments = Proveri uplate
billing-invoices-none = Još nema faktura. Prva profaktura se izdaje 7 dana pre isteka { $state ->
    [trial] probnog perioda
   *[paid] perioda
} i pojavljuje se ovde.
billing-payments = Uplate
    .description = Evidentiraju se automatski na osnovu obaveštenja banke ili platnog provajdera, najnovije prve.
billing-needs-connection = Za naplatu je potrebna veza sa serverom
billing-stale = Prikazano je ono što je server poslednji put javio. { $detail }
billing-subject = Naplata
billing-offline-note = Fakture, pozivi na broj i promene paketa stižu sa servera. Stanje naloga iznad je ono što ovaj računar zna od poslednje sinhronizacije; sve ostalo u aplikaciji radi i van mreže.

## Promena paketa (ChangePackageWindow)

billing-change-subtitle = Izaberite paket; pravilo koje za njega važi prikazuje se pre nego što potvrdite.
billing-changing = Promena…
billing-packages-loading = Učitavanje ponuđenih paketa
billing-packages-on-offer = Ponuđeni paketi
billing-packages-need-connection = Za prikaz ponuđenih paketa potrebna je veza sa serverom
billing-badge-current = Trenutni
billing-badge-next = Sledeći period
billing-package-limits = Do { $subscribers } { $subscribers ->
    [one] pretplatnika
    [few] pretplatnika
   *[other] pretplatnika
} · do { $streams } { $streams ->
    [one] strima
    [few] strima
   *[other] strimova
}
billing-blocked-same = Već ste na ovom paketu.
billing-blocked-currency = Cena je u valuti { $theirs }, a vaša u { $yours }: zatražite promenu od operatera WP Play.
billing-blocked-pending = Već izabran od { $date }
billing-note-keep = Zadržite ga i otkažite prelazak na { $package }.
billing-switch-now = Pređi odmah
billing-switch-invoice = Pređi i dobij fakturu
billing-switch-from = Pređi od { $date }
billing-keep = Zadrži { $package }
billing-choose-offline = Za izbor paketa potrebna je veza sa serverom. Ništa nije promenjeno; pokušajte ponovo kada budete na mreži.
billing-choose-unknown = Spisak ispod je ponovo ažuran; izaberite jedan od ovih paketa.
billing-choose-retry = Ništa nije promenjeno; pokušajte ponovo za trenutak.
billing-rule-none = Izaberite paket da biste videli od kada važi i koliko košta.
billing-rule-now-trial = Važi odmah; vaš probni period i dalje ističe { $date }
    .detail = Probni period se ne naplaćuje.
billing-rule-prorated = Važi odmah; profaktura naplaćuje razliku za ostatak perioda (oko { $estimate } do { $date }).
    .detail = Ovo je procena: tačan iznos stoji na fakturi i obračunava se kada potvrdite.
billing-rule-next-period = Važi od { $date } Do tada zadržavate { $package }.
    .detail = Sada se ništa ne naplaćuje.
billing-rule-stay = Ostajete na paketu { $package }.
    .detail = Prelazak na { $pending } planiran od { $date } je otkazan.
billing-rule-locked = Važi odmah; izdaje se profaktura za sledeći mesec kako bi se vaš nalog otključao.
    .detail = Iznosi { $amount }; platite je sa njenim pozivom na broj i vaš nalog se ponovo otvara sa svim podacima.
billing-rule-same = Već ste na paketu { $package }.
billing-rule-currency = Cena paketa { $package } je u valuti { $theirs }, a vaša u { $yours }: zatražite promenu od operatera WP Play.
billing-prices-per-month = Cene su mesečne.

## Izmene koje je server odbio (dashboard/RejectedEdits)

rejected-edits-title = { $count ->
    [one] Server je odbio { $count } izmenu
    [few] Server je odbio { $count } izmene
   *[other] Server je odbio { $count } izmena
}
rejected-edits-what = Ispravite je i ponovo sačuvajte, ili je odbacite da biste zadržali ono što je na serveru.
rejected-edits-discarded = Odbačeno: { $summary }.
rejected-edits-still-listed = Izmena je i dalje na spisku; pokušajte ponovo.
rejected-edits-confirm-title = Odbaciti ovu izmenu?
rejected-edits-confirm = Odbaci izmenu
rejected-edits-confirm-what = Izmena „{ $summary }“ biće uklonjena sa ovog računara i više nikada neće biti poslata. Server zadržava svoje trenutne vrednosti. Ovo se ne može opozvati.

## Mogućnosti paketa koje WP Play nudi

feature-unlimited-dealers = Neograničen broj dilera
feature-reseller-network = Mreža preprodavaca
feature-e-mail-support = Podrška e-poštom
feature-priority-e-mail-support = Prioritetna podrška e-poštom
feature-dedicated-account-manager = Lični menadžer naloga
feature-phone-support = Telefonska podrška

## Uplate koje operater pregleda.
nav-payments = Uplate
review-title = Uplate za pregled
review-intro = Uplate koje server nije mogao da primeni takve kakve su: bez poznatog poziva na broj, premalo ili previše za fakturu, ili storno banke za nešto što ovde nije evidentirano. Svaka čeka dok je neko ne reši.
review-show = Koje uplate
review-show-waiting = Čekaju pregled
review-show-all = Sve uplate
review-count-waiting = { $count ->
    [one] { $count } uplata čeka pregled
    [few] { $count } uplate čekaju pregled
   *[other] { $count } uplata čeka pregled
}
review-count-all = { $count ->
    [one] { $count } uplata
    [few] { $count } uplate (najnovije prve)
   *[other] { $count } uplata (najnovije prve)
}
review-subject = Spisak uplata
review-offline-note = Uplate su na serveru: ovoj strani je potrebna veza.
review-loading = Čitanje uplata…
review-nothing-waiting = Ništa ne čeka pregled
review-none = Još nema uplata
review-nothing-waiting-detail = Izvodi banke i servis za plaćanje dodaju uplate; ono što ne mogu da primene pojavljuje se ovde.
review-col-received = Primljeno
review-col-amount = Iznos
review-col-payer = Uplatilac
review-col-said = Poziv na broj i tekst
review-col-status = Stanje
review-col-note = Napomena
review-payer-unknown = Uplatilac nije naveden
review-invoice-number = Faktura { $number }
review-resolve = Reši…
review-resolved = Uplata od { $amount } je rešena
review-status-applied = Primenjena
review-status-partial = Deo fakture
review-status-overpaid = Više od fakture
review-status-unmatched = Faktura nije pronađena
review-status-reversal = Storno banke
review-status-reversed = Banka ju je vratila
review-status-taken_back = Storno primenjen
review-status-refunded = Vraćena
review-status-not_ours = Nije za WP Play
review-resolve-title = Rešavanje uplate
review-resolve-subtitle = { $amount } primljeno { $date }
review-resolve-what = Šta je bilo s ovim novcem?
review-action-assign = Plaća fakturu
review-action-assign-detail = Računa se na tu fakturu kao da nosi njen poziv na broj; kad je plaćena u celosti, paket partnera se produžava.
review-action-refunded = Vraćena je uplatiocu
review-action-refunded-detail = Delimična uplata se skida sa fakture; kod preplaćene samo višak.
review-action-not_ours = Nije za WP Play
review-action-not_ours-detail = Uplata namenjena nekom drugom, ili storno nečega što ovde nije evidentirano.
review-action-split = Plaća više predračuna
review-action-split-detail = Jedna uplata za više predračuna: navedite koliko od nje ide na svaki; delovi zajedno čine uplatu.
review-status-split = Raspoređena na predračune
review-split-parts = Predračuni i iznosi
review-split-invoice-n = Broj predračuna za deo { $n }
review-split-amount = Iznos
review-split-amount-n = Iznos dela { $n }
review-split-remove-n = Ukloni deo { $n }
review-split-add = Još jedan predračun
review-split-adds-up = Zbir je jednak uplati
review-split-left = Preostalo za raspored: { $amount }
review-split-over = { $amount } više od uplate
review-invoice = Broj fakture
review-invoice-hint = Kako piše na fakturi, npr. 2026-000042.
review-note = Napomena za evidenciju
review-note-hint = Zašto, u jednom redu: ide u dnevnik aktivnosti s vašim imenom.
review-resolve-save = Reši
review-resolve-saving = Rešavanje…
review-nothing-changed = Ništa nije promenjeno.
import-open = Uvezi izvod…
import-title = Uvoz izvoda banke
import-subtitle = camt.053 ili camt.054 iz banke, ili jednostavan CSV. Ništa se ne evidentira pre uvoza.
import-file = Datoteka izvoda
import-file-hint = Kako ju je izvezlo elektronsko bankarstvo: XML, ili CSV sa kolonama entry_id, date, amount, currency i reference.
import-col-does = Šta radi
import-summary = Za evidenciju: { $new } (od toga za pregled { $waiting }), već evidentirano: { $known }, preskočeno: { $skipped }
import-confirm = { $count ->
    [one] Uvezi 1 uplatu
    [few] Uvezi { $count } uplate
   *[other] Uvezi { $count } uplata
}
import-confirm-none = Uvezi
import-busy = Uvoz…
import-will-apply = Plaća fakturu { $number }
import-outcome-will_apply = Plaća fakturu
import-outcome-will_wait = Čeka pregled
import-outcome-will_take_back = Vraća uplatu
import-outcome-already_recorded = Već evidentirano
import-outcome-skipped = Preskočeno
import-why-debit = Isplata, ne uplata
import-why-pending = Još nije knjiženo (na čekanju)
import-why-not_booked = Nije knjiženo (informativno)
import-why-returned_debit = Vraćena naša isplata
import-takes-back = Vraća { $id }
import-done = Evidentirano uplata: { $new }, čeka pregled: { $waiting }
import-done-detail = Već evidentirano ranije: { $known }, preskočeno: { $skipped }.

## Partneri za operatera.
desk-partners-title = Partneri
desk-partners-intro = Svi partneri WP Play-a, najnoviji prvi: gde je koji, njegov paket i koliko dilera i linija ima.
desk-partners-search = Pretraga partnera
desk-partners-search-placeholder = Firma, e-pošta ili kontakt
desk-partners-subject = Spisak partnera
desk-partners-loading = Čitanje partnera…
desk-partners-none = Nijedan partner ne odgovara
desk-partners-count = { $count ->
    [one] { $count } partner
    [few] { $count } partnera
   *[other] { $count } partnera
}
desk-col-company = Firma
desk-col-contact = Kontakt
desk-col-package = Paket
desk-col-state = Stanje
desk-col-dealers = Dileri
desk-col-lines = Linije
desk-state-any = Bilo koje stanje
desk-state-trial = Probni period
desk-state-active = Aktivan
desk-state-locked = Zaključan
desk-registered = registrovan { $date }
desk-access-ends = do { $date }
desk-access-ended = od { $date }

## The operator's catalog, lifecycle and deliveries.
nav-packages = Paketi
nav-lifecycle = Predstoji
nav-deliveries = Isporuke
packages-title = Paketi
packages-intro = Ono što partneri kupuju svakog meseca. Nova cena se naplaćuje od sledećeg predračuna svakog partnera; već izdati predračuni zadržavaju svoju.
packages-subject = Katalog paketa
packages-loading = Čitanje paketa…
packages-add = Dodaj paket…
packages-edit = Izmeni…
packages-col-name = Paket
packages-col-price = Mesečno
packages-col-limits = Ograničenja
packages-col-features = Mogućnosti
packages-col-partners = Partneri
packages-col-state = U ponudi
packages-state-offered = U ponudi
packages-state-withdrawn = Nije u ponudi
packages-lines = { $count ->
    [one] { $count } pretplatnička linija
    [few] { $count } pretplatničke linije
   *[other] { $count } pretplatničkih linija
}
packages-streams = { $count ->
    [one] { $count } strim
    [few] { $count } strima
   *[other] { $count } strimova
}
packages-add-title = Dodavanje paketa
packages-add-subtitle = Novi partneri mogu da ga izaberu čim se doda.
packages-edit-title = Izmena paketa { $name }
packages-edit-subtitle = { $count ->
    [0] Još nijedan partner ga nema.
    [one] { $count } partner ga ima: izmenu vidi odmah.
    [few] { $count } partnera ga imaju: izmenu vide odmah.
   *[other] { $count } partnera ga ima: izmenu vide odmah.
}
packages-code = Oznaka
packages-code-hint = Mala slova, cifre i crtice, npr. hotel-50. Nikad se ne menja.
packages-code-fixed = Oznaka paketa se nikad ne menja.
packages-name = Naziv
packages-price = Mesečna cena
packages-price-hint = Na primer 29,00.
packages-price-invalid = Unesite iznos kao 29,00 (najviše dve decimale).
packages-price-from-next = Sada { $old }; { $new } od sledećeg predračuna svakog partnera.
packages-currency = Valuta
packages-currency-fixed = Predračuni se izdaju u njoj, pa se nikad ne menja.
packages-max-subscribers = Pretplatničke linije
packages-max-streams = Strimovi
packages-limit-invalid = Unesite ceo broj, najmanje 1.
packages-limits-note = Niža ograničenja odbijaju nove linije ili strimove preko njih; ništa što partner ima se ne uklanja.
packages-features = Mogućnosti
packages-features-hint = Jedna po redu, kako ih partneri čitaju pri izboru (najviše 20).
packages-offered = U ponudi za nove partnere
packages-offered-detail = Partneri koji ga već imaju zadržavaju ga u svakom slučaju.
packages-save = Sačuvaj izmene
packages-add-save = Dodaj paket
packages-saving = Čuvanje…
packages-nothing-changed = Ništa nije promenjeno.
packages-added = Paket { $name } je dodat
packages-added-detail = Novi partneri mogu sada da ga izaberu.
packages-saved = Paket { $name } je sačuvan
packages-saved-detail = Nova cena važi od sledećeg predračuna svakog partnera.
lifecycle-title = Predstoji
lifecycle-intro = Šta životni ciklus radi sledeće, po danima u vremenskoj zoni servera: podsetnici, predračuni, zaključavanja i brisanja podataka. Server pokreće prolaz svakog minuta; „Pokreni sada” ga pokreće odmah.
lifecycle-subject = Životni ciklus
lifecycle-loading = Čitanje onoga što sledi…
lifecycle-days = Prikaži
lifecycle-days-n = Narednih { $days } dana
lifecycle-count = { $count ->
    [one] { $count } događaj
    [few] { $count } događaja
   *[other] { $count } događaja
}
lifecycle-due-title = { $count ->
    [0] Ništa nije na redu
    [one] { $count } događaj je na redu
    [few] { $count } događaja su na redu
   *[other] { $count } događaja je na redu
}
lifecycle-due-none = Svi dosad dospeli događaji su obrađeni.
lifecycle-due-detail = Sledeći prolaz, za manje od minuta, ih obrađuje; „Pokreni sada” to radi odmah.
lifecycle-run = Pokreni sada
lifecycle-running = Pokretanje…
lifecycle-ran = { $events ->
    [0] Prolaz završen: ništa nije bilo na redu
    [one] Prolaz završen: obrađen { $events } događaj
    [few] Prolaz završen: obrađena { $events } događaja
   *[other] Prolaz završen: obrađeno { $events } događaja
}
lifecycle-ran-detail = { $partners ->
    [one] Pregledan je { $partners } partner blizu kraja ili posle njega.
    [few] Pregledana su { $partners } partnera blizu kraja ili posle njega.
   *[other] Pregledano je { $partners } partnera blizu kraja ili posle njega.
}
lifecycle-run-failed = Prolaz nije pokrenut
lifecycle-more = …i još { $count }
lifecycle-nothing-ahead = U ovim danima nema podsetnika, predračuna, zaključavanja ni brisanja.
lifecycle-not-sent = evidentirano, nije poslato
lifecycle-kind-ends_in_7_days = Podsetnik: još 7 dana
lifecycle-kind-ends_in_3_days = Podsetnik: još 3 dana
lifecycle-kind-ends_in_1_day = Podsetnik: još 1 dan
lifecycle-kind-ends_today = Podsetnik: ističe danas
lifecycle-kind-invoice = Predračun za sledeći mesec
lifecycle-kind-locked = Zaključavanje
lifecycle-kind-purge_in_7_days = Upozorenje o brisanju: 7 dana
lifecycle-kind-purge_in_1_day = Upozorenje o brisanju: 1 dan
lifecycle-kind-purge = Brisanje svih podataka
deliveries-title = Isporuke
deliveries-intro = E-pošta i SMS koje server šalje: pristupni podaci, podsetnici, predračuni. Neuspeo pokušaj se ponavlja, svaki put posle dužeg čekanja (do sat vremena); njihov tekst se ovde nikad ne prikazuje.
deliveries-subject = Spisak isporuka
deliveries-loading = Čitanje isporuka…
deliveries-show = Koje poruke
deliveries-show-trouble = Sa problemom
deliveries-show-pending = Čekaju slanje
deliveries-show-sent = Poslate
deliveries-show-all = Sve poruke
deliveries-count = { $count ->
    [one] { $count } poruka
    [few] { $count } poruke
   *[other] { $count } poruka
}
deliveries-col-created = U redu od
deliveries-col-to = Za
deliveries-col-subject = Naslov i poslednja greška
deliveries-col-state = Stanje
deliveries-channel-email = E-pošta
deliveries-channel-sms = SMS
deliveries-state-pending = Čeka
deliveries-state-retrying = Neuspešno, ponoviće se
deliveries-state-sent = Poslata
deliveries-state-failed = Odustato
deliveries-sent-at = { $at }
deliveries-next-attempt = { $attempts ->
    [0] prvi pokušaj { $at }
    [one] { $attempts } pokušaj; sledeći { $at }
    [few] { $attempts } pokušaja; sledeći { $at }
   *[other] { $attempts } pokušaja; sledeći { $at }
}
deliveries-attempts = { $attempts ->
    [one] posle { $attempts } pokušaja
    [few] posle { $attempts } pokušaja
   *[other] posle { $attempts } pokušaja
}
deliveries-send-now = Pošalji sada
deliveries-retried = Slanje na { $to } sada
deliveries-retried-detail = Osvežite za trenutak da vidite da li je prošla.
deliveries-retry-failed = Poruka nije ponovo poslata
deliveries-no-trouble = Nema isporuka sa problemom
deliveries-none = Nema poruka
deliveries-none-detail = Svaka poruka koja ne prođe stoji ovde dok ne prođe.
desk-open = Otvori
desk-open-label = Otvori { $company }
desk-back = Nazad na partnere
desk-detail-subject = Partner
desk-detail-loading = Čitanje partnera…
desk-detail-intro = Prijavljuje se kao { $username } · registrovan { $date }
desk-detail-standing = Stanje
desk-detail-access-until = Pristup do { $date } ({ $days ->
    [one] još { $days } dan
    [few] još { $days } dana
   *[other] još { $days } dana
})
desk-detail-locked-since = Zaključan od { $date }
desk-detail-trial-ends = Probni period ističe
desk-detail-paid-through = Plaćeno do
desk-detail-never-paid = Još ništa nije plaćeno
desk-detail-purge = Podaci se brišu
desk-detail-next-invoice = Sledeći predračun
desk-detail-next-package = { $name } od sledećeg perioda
desk-detail-network = Mreža
desk-detail-network-counts = dileri: { $dealers } · linije: { $lines }
desk-detail-profile = Profil
desk-detail-email = E-pošta
desk-detail-phone = Telefon
desk-detail-country = Zemlja
desk-detail-username = Korisničko ime
desk-detail-language = Piše na
desk-detail-resellers = Preprodavci
desk-detail-serves-resellers = Radi sa preprodavcima
desk-detail-no-resellers = Ne radi sa preprodavcima
desk-language-en = engleskom
desk-language-sr-Latn = srpskom (latinica)
desk-language-sr-Cyrl = srpskom (ćirilica)
desk-detail-invoices = { $count ->
    [0] Predračuni
    [one] Predračuni ({ $count })
    [few] Predračuni ({ $count })
   *[other] Predračuni ({ $count })
}
desk-detail-no-invoices = Još nema predračuna: prvi se izdaje 7 dana pre isteka probnog perioda.
desk-detail-payments = { $count ->
    [0] Uplate
    [one] Uplate ({ $count })
    [few] Uplate ({ $count })
   *[other] Uplate ({ $count })
}
desk-detail-no-payments = Još nema uplata.
desk-detail-activity = Najnovije aktivnosti
desk-detail-no-activity = Još ništa nije zabeleženo.
lifecycle-nothing-ahead-title = Ništa u narednih { $days } dana
lifecycle-quiet-days = { $count ->
    [one] Ostali { $count } dan je miran.
    [few] Ostala { $count } dana su mirna.
   *[other] Ostalih { $count } dana je mirno.
}
desk-package-any = Bilo koji paket
desk-ends = Pristup ističe
desk-ends-any = Bilo kada
desk-ends-ended = Već istekao
desk-ends-within = U narednih { $days } dana
register-open = Evidentiraj uplatu…
register-title = Evidentiranje uplate
register-subtitle = Novac koji je stigao drugim putem: gotovina u kancelariji, uplata koje nema ni na jednom izvodu. Povezuje se po pozivu na broj kao svaka uplata.
register-amount = Iznos
register-amount-invalid = Unesite iznos kao 79,00 (veći od nule, najviše dve decimale).
register-reference = Poziv na broj
register-reference-hint = Kako ga je uplatilac naveo, npr. 97 41-2026000042; bez njega uplata čeka pregled.
register-day = Primljeno
register-save = Evidentiraj
register-done = Uplata od { $amount } je evidentirana
register-known = Uplata od { $amount } je već evidentirana
