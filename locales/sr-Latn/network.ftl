# Poruke ekrana (network), vidi app.ftl.

## Reči zajedničke stranicama mreže (strana preprodavca i stranica Preprodavci partnera)

network-status-pending = Na čekanju
    .tip = Čeka se odgovor partnera.
network-status-accepted = Prihvaćen
    .tip = Partner je prihvatio zahtev: povezani ste.
network-status-rejected = Odbijen
    .tip = Partner je odbio ovaj zahtev.
network-status-withdrawn = Povučen
    .tip = Povukli ste ovaj zahtev.
network-status-cancelled = Otkazan
    .tip = Zatvoren dok je bio na čekanju: partner više ne radi sa preprodavcima ili mu je nalog zaključan.
network-refresh = Osveži
network-refreshing = Osvežavanje…
network-notifications-none = Još nema obaveštenja. Ovde se prikazuju odgovori na vaše zahteve i promene vaših povezivanja.
network-no-message = Bez poruke
network-col-partner = Partner
network-col-message = Poruka
network-col-sent = Poslato
network-col-status = Status
network-col-sync = Sinhronizacija
network-col-actions = Radnje
network-request-unchanged = Zahtev je ostao nepromenjen; pokušajte ponovo.
network-request-for-partner = Zahtev za partnerstvo
network-find-partner = Pronađi partnera
network-my-requests = Moji zahtevi
network-my-partners = Moji partneri
network-linked-partners = Povezani partneri
network-linked-since = Povezani od { $date }
network-open-content = Otvori sadržaj
network-open-content-of = Otvori sadržaj partnera { $company }
network-partner-directory = Imenik partnera
network-loading-partners = Učitavanje vaših partnera

## Kartica partnera u imeniku

network-contact-website = Veb-sajt
network-contact-messenger = Mesindžer
network-contact-address = Adresa
network-card-linked = Povezan
network-card-request-sent = Zahtev poslat
network-card-note = Kako rade sa preprodavcima
network-card-show-less = Prikaži manje
network-card-show-all = Prikaži sve
network-card-no-contacts = Kontakt podaci nisu prikazani. Pošaljite zahtev za partnerstvo da biste stupili u kontakt.
network-card-request-to = Zahtev za partnerstvo: { $company }
network-card-preview = Preprodavci vam odavde traže saradnju.
network-card-waiting = Čeka se njihov odgovor.
network-card-view-requests = Prikaži u zahtevima

## Povezani partneri

network-more-partners = { $count ->
    [one] i još { $count } partner na stranici Sadržaj
    [few] i još { $count } partnera na stranici Sadržaj
   *[other] i još { $count } partnera na stranici Sadržaj
}

## Sadržaj: katalog strimova povezanog partnera

network-content-empty = Još nema sadržaja partnera
network-content-empty-text = Sadržaj partnera možete čitati kada se povežete sa njim: pronađite partnera u imeniku, pošaljite zahtev za partnerstvo, i kada ga prihvati, ovde će se prikazati njegov katalog strimova.
network-content-source = Katalog strimova · učitan sa servera
network-content-locked-hint = Sa vaše strane nije potrebno ništa: sadržaj se ponovo otvara čim partner plati. Kasnije pokušajte sa „Osveži“.
network-checking = Proveravanje…
network-check-again = Proveri ponovo
network-content-not-linked-hint = Partner vas je možda u međuvremenu uklonio; stranica Zahtevi to prikazuje posle sledeće sinhronizacije.
network-content-subject = Sadržaj partnera
network-content-offline = Vaši povezani partneri i zahtevi ostaju dostupni van mreže; katalog se otvara kada server bude dostupan.
network-content-loading = Učitavanje sadržaja partnera { $company }
network-content-stale = Za sadržaj partnera potrebna je veza sa serverom. Prikazuje se poslednji učitani katalog.
network-content-stale-hint = Prikazuje se poslednji učitani katalog.
network-catalog-empty = { $company } još nema strimova u katalogu.
network-catalog-empty-hint = Strimove dodaje partner; kasnije proverite ponovo pomoću „Osveži“.
network-catalog-search = Pretraži strimove partnera { $company }
network-catalog-search-placeholder = Pretražite naziv, kategoriju ili URL
network-catalog-category = Kategorija
network-catalog-all-categories = Sve kategorije ({ $count })
network-catalog-filtered = Strimovi: { $shown } od { $total }
network-catalog-summary = { $streams ->
    [one] { $streams } strim
    [few] { $streams } strima
   *[other] { $streams } strimova
} u { $categories ->
    [one] { $categories } kategoriji
    [few] { $categories } kategorije
   *[other] { $categories } kategorija
}
network-catalog-no-match = Nijedan strim ne odgovara pretrazi.
network-catalog-no-match-search = Nijedan strim ne odgovara pretrazi „{ $search }“.
network-catalog-no-match-category = U kategoriji { $category } nijedan strim ne odgovara pretrazi.
network-catalog-no-match-both = U kategoriji { $category } nijedan strim ne odgovara pretrazi „{ $search }“.
network-catalog-search-looks = Pretraga obuhvata nazive strimova, kategorije i URL adrese.
network-catalog-show-all = Prikaži sve strimove
network-col-stream = Strim
network-col-stream-url = URL strima
network-stream-url-what = URL strima
network-stream-copy-of = Kopiraj URL strima { $name }
network-stream-copied = Kopirano
network-stream-copy = Kopiraj

## Zahtev za partnerstvo (prozor preprodavca)

network-request-hint-linked = Zatvorite ovaj prozor: sadržaj partnera je na stranici Sadržaj.
network-request-hint-pending = Zatvorite ovaj prozor i pratite zahtev na stranici Zahtevi, ili ga tamo prvo povucite.
network-request-subtitle = Za: { $company }, { $country }
network-request-send = Pošalji zahtev
network-request-sending = Slanje…
network-request-explain = { $company } čita vašu poruku i prihvata ili odbija vaš zahtev. Kada ga prihvati, povezani ste i ovde možete čitati njegov sadržaj; oboje dobijate obaveštenje pri svakom koraku.
network-request-message = Poruka partneru
network-request-message-hint = Obavezno. Enter šalje; Shift+Enter počinje novi red.
network-request-message-example = npr. Dobar dan, mi smo StreamCo, IPTV preprodavac iz Novog Sada sa oko 400 korisnika. Želeli bismo da nudimo vaše sportske i informativne kanale. Možete nas kontaktirati na …
network-request-tips = Šta partneri žele da pročitaju
network-request-tip-who = Ko ste: vaša firma, vaš grad ili država.
network-request-tip-customers = Vaši korisnici: otprilike koliko ih je i kako im prodajete.
network-request-tip-need = Šta vam je potrebno: kanali ili kategorije koje želite da nudite.
network-request-tip-reach = Kako da vas kontaktiraju, ako to nije navedeno u vašem nalogu.
network-request-nothing-sent = Ništa nije poslato; pokušajte ponovo.
network-request-offline = Radi i van mreže: zahtev se šalje kada server bude dostupan.

## Imenik partnera

network-request-sent-toast = Zahtev je poslat partneru { $company }.
network-request-sent-toast-hint = Dobićete obaveštenje kada odgovori; pratite ga na stranici Zahtevi.
network-request-saved-toast = Zahtev partneru { $company } je sačuvan.
network-request-saved-toast-hint = Šalje se kada server bude dostupan.
network-directory-description = Partneri koji nude usluge za preprodavce. Pošaljite zahtev za partnerstvo; kada ga partner prihvati, možete čitati njegov sadržaj.
network-directory-search = Pretraži partnere
network-directory-search-placeholder = Pretražite firmu ili državu
network-directory-filtered = Partneri: { $shown } od { $total }
network-directory-count = { $count ->
    [one] { $count } partner
    [few] { $count } partnera
   *[other] { $count } partnera
}
network-directory-count-linked = { $count ->
    [one] { $count } partner
    [few] { $count } partnera
   *[other] { $count } partnera
} · povezanih: { $linked }
network-directory-subject = Imenik partnera
network-directory-offline = Vaši zahtevi, partneri i obaveštenja ostaju dostupni van mreže na stranici Zahtevi.
network-open-requests = Otvori zahteve
network-directory-loading = Učitavanje imenika partnera
network-directory-stale = Za imenik partnera potrebna je veza sa serverom. Prikazuje se poslednja učitana lista.
network-directory-stale-hint = Prikazuje se poslednja učitana lista.
network-directory-empty = Trenutno nijedan partner ne nudi usluge za preprodavce.
network-directory-empty-hint = Partneri biraju da li preprodavci mogu da ih pronađu. Proverite ponovo kasnije pomoću „Osveži“.
network-directory-no-match = Nijedan partner ne odgovara pretrazi „{ $search }“.
network-directory-search-looks = Pretraga obuhvata nazive firmi i države.
network-directory-show-all = Prikaži sve partnere

## Stranica Zahtevi preprodavca

network-withdrawn-toast = Zahtev partneru { $company } je povučen.
network-withdrawn-toast-hint = Partner ga više ne može prihvatiti.
network-requests-description = Zahtevi za partnerstvo koje ste poslali i odgovori partnera. Zahtev možete povući dok je na čekanju.
network-requests-pending = na čekanju
network-requests-loading = Učitavanje vaših zahteva
network-requests-empty = Još niste poslali zahtev nijednom partneru
network-requests-empty-text = Pronađite partnera u imeniku i pošaljite zahtev za partnerstvo. Kada ga prihvati, možete čitati njegov sadržaj.
network-open-directory = Otvori imenik partnera
network-no-longer-linked = Više niste povezani
network-refused = Server je odbio
network-refused-tip = Odbacite odbijenu izmenu i prikažite ono što je na serveru.
network-refused-what = vaš zahtev partneru { $company }
network-refused-discarded = Odbijena izmena vašeg zahteva partneru { $company } je odbačena.
network-withdrawal-waiting = Povlačenje je sačuvano na ovom računaru; automatski se šalje na server.
network-request-waiting = Zahtev je sačuvan na ovom računaru; automatski se šalje na server.
network-withdraw-of = Povuci zahtev partneru { $company }
network-withdraw = Povuci
network-partners-later = Vaši partneri će se ovde prikazati čim mogu da se učitaju.
network-partners-empty = Još nema povezanih partnera. Partner koji prihvati vaš zahtev prikazuje se ovde, a njegov sadržaj je na jedan klik.
network-notifications-later = Obaveštenja će se ovde prikazati čim mogu da se učitaju.
network-withdraw-title = Povući zahtev?
network-withdraw-confirm = Povuci zahtev
network-withdraw-sentence = Povući zahtev za partnerstvo koji ste { $date } poslali partneru { $company }?
network-withdraw-explain = { $company } ga više neće moći prihvatiti. Kasnije možete poslati novi zahtev iz imenika partnera.

## Početna strana preprodavca

network-home-welcome = Dobro došli, { $name }
network-home-intro = Pronađite partnere, pratite svoje zahteve i čitajte sadržaj svojih partnera.
network-home-refused = { $count ->
    [one] Server je odbio { $count } izmenu.
    [few] Server je odbio { $count } izmene.
   *[other] Server je odbio { $count } izmena.
}
network-home-refused-next = Razlog pogledajte na stranici Zahtevi, a zatim odbacite izmenu ili pošaljite novi zahtev.
network-home-review = Pregledaj
network-home-linked-some = Njihov sadržaj je na jedan klik
network-home-linked-none = Još niste povezani ni sa jednim partnerom
network-home-pending = Zahtevi na čekanju
network-home-pending-some = Čekaju se odgovori partnera
network-home-pending-none = Nijedan zahtev ne čeka odgovor
network-home-quick = Brze radnje
network-home-how = Pošaljite zahtev za partnerstvo iz imenika. Kada ga partner prihvati, povezani ste i njegov katalog strimova čitate u odeljku Sadržaj.
network-home-partners-empty = Još nema povezanih partnera. Partner koji prihvati vaš zahtev prikazuje se ovde.
network-home-browse = Pregledaj imenik partnera
network-home-all-requests = Svi zahtevi
network-home-loading-notifications = Učitavanje obaveštenja

## Stranica Preprodavci partnera

resellers-remove-title = Ukloni mog preprodavca
resellers-reject-title = Odbij zahtev
resellers-remove-submit = Ukloni preprodavca
resellers-removing = Uklanjanje…
resellers-rejecting = Odbijanje…
resellers-still-linked = Preprodavac je i dalje povezan; pokušajte ponovo.
resellers-remove-sentence = Ukloniti { $company } kao vašeg preprodavca?
resellers-remove-explain = Preprodavac odmah gubi pristup vašem sadržaju i oboje dobijate obaveštenje.
resellers-reject-explain = { $company } dobija obaveštenje da ste odbili zahtev i nije povezan sa vama. Kasnije može ponovo da pošalje zahtev.
resellers-reason = Razlog
resellers-reason-optional = Razlog (nije obavezno)
resellers-remove-hint = Obavezno. Preprodavac ga čita. Enter uklanja; Shift+Enter počinje novi red.
resellers-reject-hint = Preprodavac ga čita. Enter odbija; Shift+Enter počinje novi red.
resellers-remove-offline = Radi i van mreže: uklanjanje se sinhronizuje kada server bude dostupan.
resellers-reject-offline = Radi i van mreže: odgovor se sinhronizuje kada server bude dostupan.
resellers-col-reseller = Preprodavac
resellers-col-received = Primljeno
resellers-col-linked-since = Povezan od
resellers-accepted = Prihvatili ste { $company } kao svog preprodavca.
resellers-accepted-hint = Preprodavac dobija obaveštenje i pristup vašem sadržaju čim server primi odgovor.
resellers-rejected = Odbili ste zahtev preprodavca { $company }.
resellers-rejected-hint = Preprodavac dobija obaveštenje.
resellers-rejected-hint-reason = Preprodavac dobija obaveštenje sa vašim razlogom.
resellers-removed = { $company } više nije vaš preprodavac.
resellers-removed-hint = Njegov pristup vašem sadržaju prestaje i oboje dobijate obaveštenje.
resellers-requests-title = Zahtevi za partnerstvo
resellers-requests-description = Preprodavci koji žele da prodaju vaš sadržaj. Prihvatite ih da biste se povezali, ili ih odbijte uz razlog.
resellers-requests-loading = Učitavanje zahteva
resellers-requests-empty = Nema zahteva na čekanju. Preprodavci vas pronalaze u imeniku partnera dok nudite usluge za preprodavce.
resellers-accept = Prihvati
resellers-accept-from = Prihvati zahtev preprodavca { $company }
resellers-reject = Odbij
resellers-reject-from = Odbij zahtev preprodavca { $company }
resellers-mine = Moji preprodavci
resellers-mine-description = Preprodavci povezani sa vama prodaju vaš sadržaj svojim korisnicima.
resellers-mine-loading = Učitavanje vaših preprodavaca
resellers-mine-later = Vaši preprodavci će se ovde prikazati čim mogu da se učitaju.
resellers-mine-empty = Još nema preprodavaca. Prihvatite zahtev za partnerstvo i preprodavac će se prikazati ovde.
resellers-removal-waiting = Uklanjanje je sačuvano na ovom računaru; automatski se šalje na server.
resellers-remove-of = Ukloni { $company } kao mog preprodavca
resellers-from = Od: { $company }
resellers-linked-subtitle = { $company }, povezan od { $date }
resellers-waiting = Sačuvano na ovom računaru; automatski se šalje na server.
