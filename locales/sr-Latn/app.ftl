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
