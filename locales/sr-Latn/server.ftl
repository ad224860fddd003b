# Šta server piše ljudima: pristupne podatke, obaveštenja, podsetnike i fakture, e-poštom,
# SMS-om i u aplikaciji. Svaka poruka ovde ima svog blizanca u server.ftl svakog jezika
# (test proverava id-jeve, promenljive i oblike množine).

-brand = WP Play
-desk = WP Play Partner Desk

## Registracija

credentials-sms = { -brand }: vaš nalog je spreman. Korisničko ime: { $username } Lozinka: { $password } Pri prvoj prijavi izaberite novu lozinku.
credentials-email =
    .subject = Vaš { -brand } nalog
    .body =
        Poštovani/a { $contact },

        Dobro došli u { -brand }. { $intro }

        Prijavite se u { -desk } sa:

        Korisničko ime: { $username }
        Lozinka: { $password }

        Pri prvoj prijavi bićete zamoljeni da izaberete svoju lozinku.
        Uputstvo za korišćenje panela je na njegovoj početnoj strani.

        { -brand }
credentials-intro-partner = Partnerski nalog firme { $company } je spreman i počeo je vaš besplatni probni period od 14 dana za paket { $package }. Ističe { $ends }.
credentials-intro-reseller = Preprodavački nalog firme { $company } je spreman. Pronađite partnere u aplikaciji i pošaljite im Zahtev za partnerstvo.
already-registered-email =
    .subject = Vaš { -brand } nalog već postoji
    .body =
        Poštovani,

        Neko, možda vi, upravo je pokušao da registruje novi { -brand } nalog sa ovom adresom e-pošte. Adresa već pripada jednom nalogu, pa novi nalog nije napravljen.

        Da biste koristili svoj nalog, prijavite se u { -desk } korisničkim imenom { $username }. Ako više ne znate lozinku, zamolite { -brand } podršku da je poništi.

        Ako to niste bili vi, ne morate ništa da radite.

        { -brand }

## Obaveštenja: u aplikaciji, e-poštom (više njih u kratkom roku stiže kao jedna poruka) ili SMS-om

notice-email-subject = { -brand }: { $title }
notice-sms = { -brand }: { $title }. { $body }
notice-digest-subject = { -brand }: { $count ->
    [one] { $count } novost
    [few] { $count } novosti
   *[other] { $count } novosti
} iz vaše partnerske mreže
notice-footer = Otvorite { -desk } za detalje.

request-received =
    .title = Novi Zahtev za partnerstvo
    .body = { $reseller } traži da preprodaje vaše IP strimove: „{ $message }“
request-withdrawn =
    .title = Zahtev povučen
    .body = { $reseller } je povukao svoj Zahtev za partnerstvo.
request-accepted =
    .title = Zahtev prihvaćen
    .body = { $partner } je prihvatio vaš Zahtev za partnerstvo. Njegov sadržaj vam je sada dostupan.
request-rejected =
    .title = Zahtev odbijen
    .body = { $partner } je odbio vaš Zahtev za partnerstvo.
request-rejected-reason = { $partner } je odbio vaš Zahtev za partnerstvo. Razlog: { $reason }
request-cancelled =
    .title = Zahtev otkazan
request-cancelled-opted-out = { $partner } više ne radi sa preprodavcima; vaš zahtev je otkazan.
request-cancelled-locked = { $partner } ne prima nove preprodavce do sledeće uplate; vaš zahtev je otkazan.
reseller-removed-by-partner =
    .title = Partner je prekinuo saradnju
    .body = { $partner } je prekinuo saradnju. Razlog: { $reason }
reseller-removed =
    .title = Preprodavac uklonjen
    .body = { $reseller } je uklonjen iz vaših preprodavaca. Razlog: { $reason }

## Tok naloga

period-trial = besplatni probni period
period-paid = plaćeni period
access-ending =
    .title = { $period ->
        [trial] Vaš besplatni probni period ističe za { $days ->
            [one] { $days } dan
            [few] { $days } dana
           *[other] { $days } dana
        }
       *[paid] Vaš plaćeni period ističe za { $days ->
            [one] { $days } dan
            [few] { $days } dana
           *[other] { $days } dana
        }
    }
    .body = { $period ->
        [trial] Vaš besplatni probni period za { -brand } ističe { $when }.
       *[paid] Vaš plaćeni period za { -brand } ističe { $when }.
    } Platite profakturu koju smo vam poslali da bi vaš administratorski panel, dileri i preprodavci nastavili da rade.
access-ends-today =
    .title = { $period ->
        [trial] Vaš besplatni probni period ističe danas
       *[paid] Vaš plaćeni period ističe danas
    }
    .body = { $period ->
        [trial] Vaš besplatni probni period za { -brand } ističe danas, { $when }.
       *[paid] Vaš plaćeni period za { -brand } ističe danas, { $when }.
    } Platite profakturu da biste zadržali pristup.
access-locked =
    .title = Vaš pristup je zaključan
    .body = { $period ->
        [trial] Vaš besplatni probni period je istekao { $when } bez uplate,
       *[paid] Vaš plaćeni period je istekao { $when } bez uplate,
    } pa je administratorski panel zaključan za vas, vaše dilere i vaše preprodavce. Vaši podaci se čuvaju do { $purge }; platite profakturu i sve će biti vraćeno kako je bilo.
purge-warning =
    .title = Vaši podaci se brišu za { $days ->
        [one] { $days } dan
        [few] { $days } dana
       *[other] { $days } dana
    }
    .body = Vaš { -brand } nalog je zaključan od { $when }. Ako ne platite, svi vaši podaci (dileri, pretplatnici, sadržaj, preprodavci) biće trajno obrisani { $purge }.
at-time = { $day } u { $time }

## Fakture

invoice-issued =
    .title = Profaktura { $number }
    .body =
        Profaktura { $number } za paket { $package }, od { $from } do { $to }: { $amount }.

        Uplata na: račun naveden na profakturi
        Poziv na broj: { $reference }

        Uplata se evidentira automatski i produžava vaš paket.
invoice-email-attached = Profaktura je priložena kao PDF.

## Uplate

payment-received =
    .title = Uplata primljena
    .body = Faktura { $number } je plaćena. Hvala vam.
payment-received-until = Faktura { $number } je plaćena. Vaš paket važi do { $until }.
partner-purged =
    .title = Jedan partner je napustio { -brand }
    .body = Partner sa kojim ste bili povezani zatvorio je svoj { -brand } nalog jer je ostao neplaćen; njegov sadržaj vam više nije dostupan.

## Profaktura (PDF); naslovi se štampaju velikim slovima

pdf-title = Profaktura
pdf-doc-title = Profaktura { $number }
pdf-file = WP-Play-profaktura-{ $number }.pdf
pdf-number = Br. { $number }
pdf-issued = Izdata { $date }
pdf-from = Izdavalac
pdf-to = Kupac
pdf-account = Račun { $account }
pdf-country = Država { $country }
pdf-item = Stavka
pdf-period = Period
pdf-amount = Iznos
pdf-item-period = Paket { $package }, jedan mesec
pdf-item-proration = Paket { $package }: razlika za prelazak na veći paket
pdf-total = Ukupno za uplatu
pdf-how = Kako platiti
pdf-pay = Uplatite { $amount } na račun { $issuer } ({ $account })
pdf-with-reference = sa ovim pozivom na broj:
pdf-automatic = Uplata se automatski evidentira po pozivu na broj i produžava vaš paket.
pdf-ips = NBS IPS QR: skenirajte aplikacijom svoje banke i platite odmah
pdf-footer = Ova profaktura nije poreska faktura. { -desk }.

## Šta preprodavac vidi od obrisanog partnera

purge-former-partner = bivši partner
purge-closed = Nalog partnera je zatvoren.
purge-withdrawn = (povučeno)

## Prijava sa novog uređaja

new-device-unnamed = uređaj koji nije naveo svoje ime
new-device-email =
    .subject = Nova prijava na vaš { -brand } nalog
    .body =
        Na vaš nalog { $username } prijavljeno je sa uređaja koji ranije nije korišćen:

        Uređaj: { $device }
        Adresa: { $address }
        Vreme: { $when }

        Ako ste to bili vi, ne morate ništa da radite. Ako niste, odmah promenite lozinku u aplikaciji { -desk } i završite sesije koje ne prepoznajete u Podešavanjima.

## Oporavak lozinke

recovery-sms = { -brand }: vaš kod za oporavak lozinke je { $code }. Važi { $minutes } minuta. Ako ga niste tražili, zanemarite ovu poruku.
recovery-email =
    .subject = Vaš { -brand } kod za oporavak lozinke
    .body =
        Neko je zatražio oporavak lozinke vašeg naloga { $username }.

        Vaš kod: { $code }

        Unesite ga u { -desk } u roku od { $minutes } minuta da biste izabrali novu lozinku. Svi uređaji prijavljeni na nalog biće odjavljeni.

        Ako to niste bili vi, zanemarite ovu poruku: vaša lozinka ostaje ista.
