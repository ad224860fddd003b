# Poruke ekrana (lines), vidi app.ftl.

## Zajedničko za prozore dilera i pretplatnika

lines-save-changes = Sačuvaj izmene
lines-adding = Dodavanje…
lines-fail-save = Ispravite i sačuvajte ponovo.
lines-offline-changes = Radi i van mreže: izmene se sinhronizuju kada server bude dostupan.
lines-edit = Izmeni
lines-edit-label = Izmeni { $name }

## Dileri (Dileri → Moji dileri)

dealers-status-active = Aktivan
dealers-status-inactive = Neaktivan
dealers-username-hint = 3-32 mala slova, cifre, . _ -, prvi znak mora biti slovo.
dealers-username-hint-as = Prijavljuje se kao „{ $login }“. 3-32 mala slova, cifre, . _ -, prvi znak mora biti slovo.
dealers-password-again = Ponovo unesite lozinku.
dealers-password-mismatch = Lozinke se ne poklapaju.
dealers-name = Naziv
dealers-contact-email = Kontakt e-pošta (opciono)
dealers-contact-phone = Kontakt telefon (opciono)
dealers-edit-title = Izmeni dilera
dealers-add-subtitle = Diler prodaje svojim pretplatnicima i prijavljuje se svojim nalogom.
dealers-add-submit = Dodaj dilera
dealers-delete-submit = Obriši dilera…
dealers-fail-add = Ispravite i ponovo dodajte dilera.
dealers-this-dealer = ovog dilera
dealers-signs-in-as = Prijavljuje se kao { $username }. Korisničko ime se ne može promeniti.
dealers-status = Status
dealers-active-reactivate = Ponovno aktiviranje: diler se ponovo prijavljuje, a njegovi pretplatnici se vraćaju.
dealers-active-desc = Diler se prijavljuje i opslužuje svoje pretplatnike.
dealers-inactive-desc = Privremeno isključenje: diler ne može da se prijavi, a { $count ->
    [one] { $count } njegov pretplatnik je suspendovan
    [few] { $count } njegova pretplatnika su suspendovana
   *[other] { $count } njegovih pretplatnika je suspendovano
}. Kasnije izaberite Aktivan da biste ga ponovo aktivirali.
dealers-delete = Obriši
dealers-delete-desc = Trajno uklanjanje dilera zajedno sa { $count ->
    [one] { $count } njegovim pretplatnikom
    [few] { $count } njegova pretplatnika
   *[other] svih { $count } njegovih pretplatnika
}. Brisanje potvrđujete u sledećem koraku.
dealers-details = Podaci
dealers-sign-in = Prijava
dealers-sign-in-note = Diler se prijavljuje u ovu istu aplikaciju, WP Play Partner Desk, ovim korisničkim imenom i lozinkom. Sami ih prosledite dileru: njemu se ništa ne šalje.
dealers-username = Korisničko ime
dealers-password = Lozinka
dealers-password-hint = Kombinujte velika i mala slova sa ciframa ili simbolima.
dealers-password-confirm = Potvrdite lozinku
dealers-reset-password = Postavi novu lozinku…
dealers-new-password = Nova lozinka
dealers-reset-note = Čuvanjem se diler odjavljuje na svim uređajima. Novu lozinku mu dajte sami: ništa mu se ne šalje.
dealers-password-saved = Nova lozinka za { $name } je sačuvana.
dealers-password-saved-hint = Odjavljen je i prijavljuje se kao „{ $username }“ novom lozinkom.
dealers-nothing-deleted = Ništa se ne briše dok ne potvrdite.
dealers-offline-add = Radi i van mreže: diler se sinhronizuje kada server bude dostupan.
dealers-col-name = Naziv
dealers-col-username = Korisničko ime
dealers-col-contact = Kontakt
dealers-col-status = Status
dealers-col-subscribers = Pretplatnici
dealers-col-sync = Sinhronizacija
dealers-col-actions = Radnje
dealers-no-contact = Nema kontakt podataka
dealers-delete-title = Obrisati dilera?
dealers-delete-confirm = Obriši dilera
dealers-delete-count-changed = Broj iznad je ažuran: potvrdite ponovo da biste obrisali dilera.
dealers-delete-sentence = Obrisati dilera { $name } i { $count ->
    [one] { $count } njegovog pretplatnika
    [few] { $count } njegova pretplatnika
   *[other] { $count } njegovih pretplatnika
}? Ovo se ne može opozvati.
dealers-delete-what = Diler više ne može da se prijavi, a linije njegovih pretplatnika se trajno uklanjaju. Ako dilera želite samo privremeno da zaustavite, izaberite Neaktivan.
dealers-added = Diler { $name } je dodat.
dealers-added-hint = Prijavljuje se kao „{ $username }“ lozinkom koju ste izabrali.
dealers-added-offline = Diler je dodat — sinhronizuje se kada server bude dostupan.
dealers-added-offline-hint = Moći će da se prijavi kao „{ $username }“ kada se to desi.
dealers-now-inactive = Diler { $name } je sada neaktivan: ne može da se prijavi, a njegovi pretplatnici su suspendovani.
dealers-active-again = Diler { $name } je ponovo aktivan.
dealers-saved = Izmene dilera { $name } su sačuvane.
dealers-deleted = { $count ->
    [one] Obrisani su diler { $name } i { $count } njegov pretplatnik.
    [few] Obrisani su diler { $name } i { $count } njegova pretplatnika.
   *[other] Obrisani su diler { $name } i { $count } njegovih pretplatnika.
}
dealers-filter-all = Svi
dealers-title = Moji dileri
dealers-description = Dileri prodaju svojim pretplatnicima i prijavljuju se u Partner Desk nalogom koji im vi date.
dealers-search = Pretraga dilera
dealers-search-placeholder = Naziv, korisničko ime, e-pošta, telefon
dealers-filter = Filtriraj po statusu
dealers-loading = Učitavanje vaših dilera
dealers-empty = Još nema dilera — dodajte prvog dilera.
dealers-empty-how = Dajte svakom dileru korisničko ime i lozinku: prijavljuju se u ovu aplikaciju i sami upravljaju svojim pretplatnicima. Dilere možete dodavati i van mreže.
dealers-no-match = { $status ->
    [active] Nijedan aktivan diler ne odgovara pretrazi „{ $search }“.
    [inactive] Nijedan neaktivan diler ne odgovara pretrazi „{ $search }“.
   *[all] Nijedan diler ne odgovara pretrazi „{ $search }“.
}
dealers-none = { $status ->
    [active] Nema aktivnih dilera.
    [inactive] Nema neaktivnih dilera.
   *[all] Nema dilera.
}
dealers-search-how = Pretraga obuhvata nazive, korisnička imena, adrese e-pošte i brojeve telefona.
dealers-show-all = Prikaži sve dilere
dealers-pager-none = 0 dilera

## Pretplatnici (IPTV linije)

lines-state-active = Aktivna
lines-state-disabled = Isključena
lines-state-suspended = Suspendovana
lines-state-expired = Istekla
lines-state-active-tip = Linija radi.
lines-state-disabled-tip = Isključili ste je vi: linija ne radi dok je ponovo ne postavite na Aktivna.
lines-state-suspended-tip = Njen diler je neaktivan: linija ponovo radi kada se diler ponovo aktivira.
lines-state-expired-tip = Plaćeni period je istekao: produžite liniju da biste je obnovili.
lines-countdown = { $days ->
    [one] za { $days } dan
    [few] za { $days } dana
   *[other] za { $days } dana
}
lines-countdown-expired = istekla
lines-days = { $days ->
    [one] { $days } dan
    [few] { $days } dana
   *[other] { $days } dana
}
lines-days-unit = dana
lines-common-periods = Uobičajeni periodi
lines-dealer-inactive = { $name } (neaktivan)
lines-mac-hint = Bilo koji uobičajeni oblik: 00:1A:2B:3C:4D:5E, 00-1A-2B-3C-4D-5E ili 001a.2b3c.4d5e.
lines-mac-saved-as = Čuva se kao { $mac }.
lines-days-missing = Unesite broj dana.
lines-days-whole = Unesite ceo broj dana.
lines-edit-title = Izmeni pretplatnika
lines-add-title = Dodaj pretplatnika
lines-owner-dealer = Linija dilera { $dealer }
lines-owner-own = Vaša sopstvena linija
lines-owner-yours = Vaša linija
lines-add-subtitle-partner = IPTV linija za nekog od vaših dilera ili vaša sopstvena.
lines-add-subtitle-dealer = Nova IPTV linija za nekog od vaših kupaca.
lines-add-submit = Dodaj pretplatnika
lines-fail-add = Ispravite i ponovo dodajte pretplatnika.
lines-this-line = ove linije
lines-name = Ime pretplatnika
lines-username = Korisničko ime linije
lines-username-hint = Ime za prijavu na liniju.
lines-mac = MAC adresa
lines-status = Status
lines-status-disabled-hint = Isključena: linija ne radi dok je ponovo ne postavite na Aktivna. Ništa se ne briše.
lines-status-active-hint = Aktivna: linija radi dok ima preostalih dana.
lines-suspended-named = { $where ->
    [providers] Ova linija je suspendovana jer je diler { $dealer } neaktivan. Ponovo radi kada se diler ponovo aktivira na stranici Dileri.
   *[here] Ova linija je suspendovana jer je diler { $dealer } neaktivan. Ponovo radi kada se diler ponovo aktivira.
}
lines-suspended-unnamed = { $where ->
    [providers] Ova linija je suspendovana jer je njen diler neaktivan. Ponovo radi kada se diler ponovo aktivira na stranici Dileri.
   *[here] Ova linija je suspendovana jer je njen diler neaktivan. Ponovo radi kada se diler ponovo aktivira.
}
lines-expired-note = Ova linija je istekla { $date } Upotrebite { $extend } u tabeli da biste je obnovili.
lines-dealer = Diler
lines-dealer-inactive-hint = Ovaj diler je neaktivan: linija ostaje suspendovana dok ponovo ne aktivirate dilera.
lines-dealer-own-hint = Sopstvena linija: sami njome upravljate.
lines-dealer-hint = Diler vidi ovu liniju i upravlja njome.
lines-my-own-line = Moja sopstvena linija
lines-dealers = Dileri
lines-runs-for = Trajanje
lines-expires-on = Ističe { $date } (za { $days ->
    [one] { $days } dan
    [few] { $days } dana
   *[other] { $days } dana
} od danas).
lines-offline-line = Radi i van mreže: linija se sinhronizuje kada server bude dostupan.
lines-extend-title = Produži liniju
lines-extend-busy = Produžavanje…
lines-extend-fail = Linija nije promenjena; pokušajte ponovo.
lines-extend-subtitle-expired = { $name } · istekla { $date }
lines-extend-subtitle = { $name } · ističe { $date } ({ $left })
lines-extend-lapsed = Ova linija je istekla, pa se dani računaju od { $today }.
    .today = danas
lines-extend-added = Dani se dodaju na trenutni datum isteka ({ $date }), pa se ništa već plaćeno ne gubi.
lines-extend-rule = Produženje se uvek računa od kasnijeg od dva datuma: današnjeg ili trenutnog datuma isteka.
lines-extend-by = Produži za
lines-new-expiry = Novi datum isteka
lines-extend-from-today = { $days ->
    [one] { $days } dan od danas
    [few] { $days } dana od danas
   *[other] { $days } dana od danas
}
lines-extend-from-date = { $days ->
    [one] { $days } dan od trenutnog isteka ({ $date })
    [few] { $days } dana od trenutnog isteka ({ $date })
   *[other] { $days } dana od trenutnog isteka ({ $date })
}
lines-extend-stays-disabled = Linija ostaje isključena dok je u prozoru Izmeni ne postavite na Aktivna.
lines-extend-stays-suspended-named = Linija ostaje suspendovana dok je diler { $dealer } neaktivan; dani i dalje teku.
lines-extend-stays-suspended-unnamed = Linija ostaje suspendovana dok je njen diler neaktivan; dani i dalje teku.
lines-offline-extension = Radi i van mreže: produženje se sinhronizuje kada server bude dostupan.
lines-remove-title = Ukloniti pretplatnika?
lines-remove-confirm = Ukloni pretplatnika
lines-remove-fail = Linija je i dalje tu; pokušajte ponovo.
lines-remove-sentence = Ukloniti pretplatnika { $name } (linija { $username }, MAC { $mac })? Ovo se ne može opozvati.
lines-remove-what = Linija prestaje da radi i trajno se briše. Ako je želite samo privremeno da zaustavite, u prozoru Izmeni postavite je na Isključena.
lines-remove-what-dealer = Linija prestaje da radi i trajno se briše, i sa spiska dilera { $dealer }. Ako je želite samo privremeno da zaustavite, u prozoru Izmeni postavite je na Isključena.
lines-added = Pretplatnik { $name } je dodat.
lines-added-hint = Linija { $username } važi do { $date }
lines-added-offline = Pretplatnik { $name } je dodat — sinhronizuje se kada server bude dostupan.
lines-added-offline-hint = Linija važi do { $date }
lines-now-disabled = Linija pretplatnika { $name } je isključena: ne radi dok je ne postavite na Aktivna.
lines-active-again = Linija pretplatnika { $name } je ponovo aktivna.
lines-saved = Izmene pretplatnika { $name } su sačuvane.
lines-extended = { $days ->
    [one] Linija pretplatnika { $name } je produžena za { $days } dan, do { $date }
    [few] Linija pretplatnika { $name } je produžena za { $days } dana, do { $date }
   *[other] Linija pretplatnika { $name } je produžena za { $days } dana, do { $date }
}
lines-removed = Pretplatnik { $name } je uklonjen.
lines-no-match = { $state ->
    [active] Nijedna aktivna linija
    [disabled] Nijedna isključena linija
    [suspended] Nijedna suspendovana linija
    [expired] Nijedna istekla linija
   *[all] Nijedna linija
}{ $whose ->
    [own] { " " }među vašim sopstvenim linijama
    [dealer] { " " }dilera { $dealer }
    [unknown] { " " }ovog dilera
   *[all] { "" }
} ne odgovara pretrazi „{ $search }“.
lines-none = Nema { $state ->
    [active] aktivnih linija
    [disabled] isključenih linija
    [suspended] suspendovanih linija
    [expired] isteklih linija
   *[all] linija
}{ $whose ->
    [own] { " " }među vašim sopstvenim linijama
    [dealer] { " " }dilera { $dealer }
    [unknown] { " " }ovog dilera
   *[all] { "" }
}.
lines-title-partner = Pretplatnici
lines-title-dealer = Vaši pretplatnici
lines-description-partner = Sve IPTV linije koje prodajete vi i vaši dileri. Izmene rade i van mreže i sinhronizuju se kada server bude dostupan.
lines-description-dealer = IPTV linije koje prodajete svojim kupcima. Izmene rade i van mreže i sinhronizuju se kada server bude dostupan.
lines-loading = Učitavanje pretplatnika
lines-empty-partner = Još nema pretplatnika — dodajte prvu liniju.
lines-empty-dealer = Još nemate pretplatnika — dodajte svoju prvu liniju.
lines-empty-how-partner = Pretplatnik je jedna IPTV linija: ime, korisničko ime linije i MAC adresa uređaja kupca, a radi onoliko dana koliko izaberete. Liniju možete zadržati kao sopstvenu ili je dati nekom od svojih dilera. Linije možete dodavati i van mreže.
lines-empty-how-dealer = Pretplatnik je jedna IPTV linija: ime, korisničko ime linije i MAC adresa uređaja kupca, a radi onoliko dana koliko izaberete. Linije možete dodavati i van mreže.
lines-none-own = Još nemate sopstvenih linija.
lines-none-of-dealer = Diler { $dealer } još nema linija.
lines-dealer-gone = Ovaj diler više ne postoji.
lines-dealer-gone-why = Možda je obrisan na drugom uređaju.
lines-none-what-now = Dodajte liniju ovde ili prikažite linije svih svojih dilera.
lines-show-all = Prikaži sve linije
lines-search-how-partner = Pretraga obuhvata imena, korisnička imena linija, MAC adrese i dilere; MAC adresa se pronalazi sa separatorima ili bez njih.
lines-search-how-dealer = Pretraga obuhvata imena, korisnička imena linija i MAC adrese; MAC adresa se pronalazi sa separatorima ili bez njih.
lines-clear-filters = Obriši filtere
lines-pager-none = 0 pretplatnika
lines-col-name = Ime
lines-col-username = Korisničko ime
lines-col-mac = MAC
lines-col-dealer = Diler
lines-col-expires = Ističe
lines-col-state = Stanje
lines-col-actions = Radnje
lines-own-line = Sopstvena linija
lines-own-line-tip = Sopstvena linija: ne prodaje je nijedan diler.
lines-expires-at = Ističe { $date }
lines-extend = Produži
lines-extend-label = Produži { $name }
lines-remove-label = Ukloni { $name }
lines-remove-tip = Ukloni ovu liniju
lines-filter-all = Sve
lines-filter-all-tip = Sve linije
lines-filter-active-tip = Linije koje sada rade
lines-filter-disabled-tip = Linije isključene u prozoru Izmeni
lines-filter-suspended-tip = Linije neaktivnih dilera
lines-filter-expired-tip = Linije čiji je plaćeni period istekao
lines-search = Pretraga pretplatnika
lines-search-placeholder-partner = Ime, korisničko ime, MAC ili diler
lines-search-placeholder-dealer = Pretražite ime, korisničko ime ili MAC
lines-show-lines-of = Prikaži linije
lines-all-lines = Sve linije
lines-my-own-lines = Moje sopstvene linije
lines-lines-of-dealer = Linije dilera
lines-deleted-dealer = Obrisan diler
lines-filter = Filtriraj po stanju
