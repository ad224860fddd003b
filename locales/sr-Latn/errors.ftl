# Šta svaka šifra greške znači čoveku, po šifri (vidi locales/en/errors.ftl).

## Polja koja greška može da imenuje

field-company = Firma
field-name = Naziv
field-reason = Razlog
field-contact_person = Kontakt osoba
field-note = Napomena
field-text = Tekst
field-message = Poruka
field-line_username = Korisničko ime linije
field-display_name = Prikazano ime
field-category = Kategorija
field-phone = Telefon
field-mac = MAC adresa
field-email = E-pošta
field-country = Država
field-username = Korisničko ime
field-password = Lozinka
field-new_password = Nova lozinka
field-current_password = Trenutna lozinka
field-stream_url = URL strima
field-package_id = Paket
field-expires_at = Plaćeno do
field-days = Dani
field-subscriber_count = Broj pretplatnika

## Šta traži prazno obavezno polje

ask-username = Izaberite korisničko ime.
ask-password = Izaberite lozinku.
ask-display_name = Unesite ime dilera.
ask-name = Unesite naziv.
ask-line_username = Unesite korisničko ime linije.
ask-mac = Unesite MAC adresu uređaja pretplatnika.
ask-category = Unesite kategoriju.
ask-stream_url = Unesite URL strima.
ask-company = Unesite naziv firme.
ask-contact_person = Unesite ime kontakt osobe.
ask-email = Unesite adresu e-pošte.
ask-phone = Unesite broj telefona.
ask-country = Izaberite državu.
ask-message = Napišite partneru nekoliko reči: ko ste i šta vam treba.
ask-reason = Navedite razlog; primalac će ga pročitati.
ask-new_password = Izaberite novu lozinku.

## Unos

error-invalid_body = Zahtev nije mogao da se pročita. Ažurirajte aplikaciju ili pokušajte ponovo.
error-malformed_json = Zahtev nije mogao da se pročita. Ažurirajte aplikaciju ili pokušajte ponovo.
error-missing_field = Nešto obavezno nije popunjeno. Popunite i pokušajte ponovo.
    .field = Popunite polje „{ $field }“.
error-invalid_field = Nešto u obrascu nije ispravno. Proverite i pokušajte ponovo.
    .field = Polje „{ $field }“ nije ispravno.
error-field_too_long = Tekst je predugačak. Skratite ga i pokušajte ponovo.
    .field = Polje „{ $field }“ je predugačko. Skratite ga.
error-invalid_query = Spisak nije mogao da se zatraži. Ažurirajte aplikaciju ili pokušajte ponovo.
error-invalid_statement = Izvod nije mogao da se pročita, pa ništa nije evidentirano. Ispravite stavku koju navodi ili zatražite datoteku od banke ponovo.
error-payment_not_for_review = Ova uplata ne čeka to: u međuvremenu je rešena ili njeno stanje traži drugi korak.
error-package_code_taken = Drugi paket već ima tu oznaku. Izaberite drugu oznaku.
error-delivery_not_retryable = Ova poruka ne može ponovo da se pošalje: isporučena je, ili je odustato od nje i njen tekst više ne postoji.
error-invalid_path = Ta adresa nije ispravna.
error-invalid_id = Taj identifikator nije ispravan.
error-invalid_text = Uklonite nevidljive kontrolne znakove (npr. iz nalepljenog teksta).
    .field = Uklonite nevidljive kontrolne znakove iz polja „{ $field }“ (npr. iz nalepljenog teksta).
error-invalid_email = Unesite ispravnu adresu e-pošte, npr. ana@acme.rs.
error-invalid_phone = Koristite međunarodni oblik: + i pozivni broj zemlje, pa broj, npr. +381 64 123 4567.
error-invalid_country = Izaberite državu sa spiska.
error-invalid_username = Korisničko ime ima od 3 do 32 znaka: mala slova a–z, cifre, tačke, crtice ili donje crte, a počinje slovom.
error-invalid_mac = Unesite MAC adresu kao šest parova znakova 0–9 i A–F, npr. 00:1A:79:12:34:56.
error-invalid_stream_url = Unesite URL strima koji počinje sa http://, https://, rtmp://, rtsp:// ili udp://, bez razmaka.
error-invalid_expiry = Linija može biti plaćena najviše tri godine unapred.
error-invalid_extension = Izaberite od 1 do 1098 dana.
error-extension_too_long = Linija može biti plaćena najviše tri godine unapred: produžite ovu za manje dana.
error-invalid_package = Taj paket nije ispravan.
error-invalid_invoice = To nije broj fakture.
error-invalid_target = Taj partner ne može da se izabere ovde.
error-invalid_version = Aplikacija je poslala zastarelu verziju ovog reda. Sinhronizujte i pokušajte ponovo.
error-invalid_client_id = Aplikacija je poslala identifikator koji server ne može da koristi. Ažurirajte aplikaciju.
error-invalid_batch = Aplikacija je poslala izmene pogrešnim redosledom. Sinhronizujte ponovo.
error-batch_too_large = Aplikacija je poslala previše izmena odjednom. Sinhronizujte ponovo; idu u manjim delovima.
error-payload_too_large = To je preveliko za slanje.
error-unsupported_media_type = Zahtev nije mogao da se pročita. Ažurirajte aplikaciju.
error-unknown_package = Izaberite jedan od ponuđenih paketa.
error-unknown_role = Ovaj nalog nema ulogu koju aplikacija poznaje. Obratite se WP Play-u.
error-weak_password_hash = Lozinka nije mogla da se zaštiti dovoljno dobro. Ažurirajte aplikaciju.
error-password_too_weak = Lozinka je preslaba: koristite najmanje 10 znakova, kombinujte velika i mala slova sa ciframa ili simbolima i ne koristite korisničko ime.
error-password_too_long = Lozinka je predugačka.
error-password_unchanged = Nova lozinka mora da se razlikuje od trenutne.
error-bad_password_hash = Lozinka nije mogla da se zaštiti. Pokušajte ponovo.

## Prijava i sesije

error-wrong_credentials = Korisničko ime ili lozinka nisu tačni.
error-wrong_recovery_code = Ovaj kod nije tačan, već je iskorišćen ili je istekao. Zatražite novi.
error-second_factor_required = Unesite kod iz aplikacije za autentifikaciju.
error-wrong_second_factor_code = Ovaj kod nije tačan ili je već iskorišćen. Sačekajte sledeći.
error-challenge_expired = Prijava je trajala predugo. Prijavite se ponovo.
error-second_factor_already_on = Prijava u dva koraka je već uključena.
error-second_factor_off = Prijava u dva koraka nije uključena.
error-second_factor_mandatory = Ovaj nalog mora da se prijavljuje u dva koraka: to se ne može isključiti.
error-wrong_current_password = Trenutna lozinka nije tačna.
error-password_change_required = Prvo izaberite novu lozinku: poslatu lozinku morate da zamenite pri prvoj prijavi.
error-unauthenticated = Prvo se prijavite.
error-invalid_token = Vaša sesija više nije važeća. Prijavite se ponovo.
error-token_expired = Vaša sesija je istekla. Prijavite se ponovo.
error-invalid_refresh_token = Vaša sesija je završena. Prijavite se ponovo.
error-refresh_token_reused = Ova sesija je završena jer je jedan od njenih starih tokena za prijavu ponovo upotrebljen, možda od nekoga ko ga je kopirao. Prijavite se ponovo i promenite lozinku ako ovo niste očekivali.
error-account_deleted = Ovaj nalog više ne postoji: obrisan je 30 dana nakon što je ostao neplaćen. Njegovi podaci na ovom računaru su takođe uklonjeni.
error-session_ended = Vaša sesija je završena. Prijavite se ponovo.
error-forbidden = Ovaj nalog ne sme to da uradi.
error-not_a_partner = To mogu samo partneri.
error-partner_locked = Nalog partnera je zaključan do sledeće uplate; izmene se odbijaju.

## Ograničenja

error-too_many_attempts = Previše pokušaja. Sačekajte nekoliko minuta i pokušajte ponovo.
error-too_many_registrations = Previše registracija sa ove adrese. Pokušajte kasnije.
error-too_many_requests = Poslali ste onoliko zahteva za partnerstvo koliko dan dozvoljava. Pošaljite još sutra.
error-too_many_changes = Previše izmena u jednom minutu. Ostaju u redu i prolaze uskoro.
error-too_many_streams = Ovaj nalog ima otvoreno previše veza uživo. Zatvorite aplikaciju na drugom računaru ili sačekajte minut.
error-too_many_taken_usernames = Previše tih korisničkih imena je zauzeto. Izaberite drugo.
error-request_timeout = Server nije odgovorio na vreme. Proverite vezu i pokušajte ponovo.
error-server_busy = Server je trenutno zauzet. Pokušajte ponovo za trenutak.
error-sms_unavailable = SMS poruke trenutno ne mogu da se šalju. Izaberite e-poštu ili pokušajte kasnije.

## Registracija i nalozi

error-registration_conflict = Ova firma ili kontakt su već registrovani. Prijavite se ili koristite drugu adresu e-pošte ili broj telefona.
error-username_exhausted = Od tog naziva nije moglo da se napravi slobodno korisničko ime. Probajte malo drugačiji naziv firme.
error-package_limit_reached = Vaš paket ne dozvoljava više ovoga. Izaberite veći paket u odeljku Naplata.
error-package_too_small = Imate više nego što taj paket dozvoljava. Prvo uklonite višak, pa ga izaberite ponovo.
error-same_package = Već ste na tom paketu.
error-currency_mismatch = Taj paket ima cenu u drugoj valuti. Zamolite WP Play da promeni valutu.

## Redovi i njihove verzije

error-not_found = To više ne postoji.
error-version_conflict = Ovo je u međuvremenu promenjeno na drugom uređaju. Pregledajte trenutne vrednosti i ponovo unesite izmenu.
error-concurrent_change = Ova izmena se sudarila sa drugom izmenom u istom trenutku. Proverite trenutno stanje i pokušajte ponovo.
error-dealer_not_found = Ovaj diler više ne postoji; možda je obrisan na drugom uređaju.
error-dealer_exists = Ovaj diler već postoji.
error-dealer_username_taken = To korisničko ime je zauzeto. Izaberite drugo.
error-subscriber_exists = Ovaj pretplatnik već postoji.
error-stream_exists = Ovaj strim već postoji.
error-request_exists = Ovaj zahtev već postoji.
error-partner_unavailable = Ovaj partner trenutno ne prima preprodavce.
error-dealer_inactive = Partner je privremeno isključio ovaj dilerski nalog. Zamolite partnera da ga ponovo aktivira.
error-subscriber_not_found = Ovaj pretplatnik više ne postoji; možda je uklonjen na drugom uređaju.
error-subscriber_count_changed = Broj pretplatnika ovog dilera se promenio otkad ste potvrdili. Pregledajte i potvrdite ponovo.
error-mac_taken = Drugi pretplatnik već koristi ovu MAC adresu.
error-stream_not_found = Ovaj strim više nije u katalogu.

## Mreža partnera

error-already_linked = Već radite sa ovim partnerom.
error-not_linked = (Više) ne radite sa ovim partnerom. Prvo pošaljite zahtev za partnerstvo.
error-request_pending = Zahtev ovom partneru još čeka odgovor.
error-request_not_found = Ovaj zahtev više ne postoji.
error-request_not_pending = Na ovaj zahtev je već odgovoreno ili je povučen i više ne može da se menja.
error-request_closed = Na ovaj zahtev je već odgovoreno ili je povučen.

## Sinhronizacija

error-client_id_taken = Aplikacija je napravila identifikator koji je zauzet. Sinhronizujte ponovo.
error-client_outdated = Ova aplikacija je starija od servera. Ažurirajte aplikaciju; neposlate izmene se čuvaju.
error-resync_required = Kopija na ovom računaru mora ponovo da se učita sa servera. Sinhronizujte ponovo.
error-feed_out_of_order = Server je poslao izmene pogrešnim redosledom; sledeća sinhronizacija će pokušati ponovo.
error-mutation_out_of_order = Aplikacija je poslala izmene pogrešnim redosledom; sledeća sinhronizacija će pokušati ponovo.

## Problemi na serveru

error-database_unavailable = Server trenutno ne može da pristupi svojoj bazi podataka. Pokušajte ponovo za trenutak.
error-server_error = Server je imao problem. Pokušajte kasnije.
error-internal_error = Server je naišao na neočekivan problem; zabeležen je. Pokušajte kasnije.
error-method_not_allowed = Server ne prihvata taj zahtev. Ažurirajte aplikaciju.
error-hashing_failed = Lozinka nije mogla da se zaštiti. Pokušajte ponovo.
error-hashing_unavailable = Lozinka trenutno ne može da se proveri. Pokušajte ponovo za trenutak.
error-bad_signature = Potpis se ne poklapa.

## Ovaj računar

error-offline = Server nije dostupan. Proverite adresu i vezu; vaš rad se čuva i sinhronizuje se kad server ponovo bude dostupan.
error-not_signed_in = Prvo se prijavite.
error-signed_in = Ovaj nalog je prijavljen na ovom računaru: prvo se odjavite, pa uklonite njegove podatke.
error-invalid_server_url = Unesite adresu servera, npr. https://partners.wpplay.rs.
error-insecure_server_url = Koristite https:// adresu: samo server na ovom računaru sme da se koristi preko običnog http-a.
error-untrusted_certificate = Server je odgovorio sertifikatom kojem ovaj računar ne veruje. Obratite se svom WP Play operateru.
error-ca_file_unreadable = Datoteka sertifikata data aplikaciji ne može da se pročita.
error-http_client = Aplikacija nije mogla da pokrene mrežnog klijenta. Ponovo pokrenite aplikaciju.
error-unexpected_answer = Odgovor servera nije razumljiv. Da li je ovo WP Play server?
error-keychain_unavailable = Sistemski privezak ključeva ne može da se pročita. Otključajte ga i pokušajte ponovo.
error-local_storage = Aplikacija nije mogla da čita ili upisuje svoje lokalne podatke. Ponovo pokrenite aplikaciju; ako se ponavlja, oslobodite prostor na disku.

## Ažuriranja

error-no_update = Nema novije verzije aplikacije.
error-update_failed = Ažuriranje nije moglo da se instalira. Pokušajte kasnije.
error-update_signature_invalid = Preuzeto ažuriranje nije potpisao WP Play, pa nije instalirano.
error-update_unavailable = Ažuriranja ne mogu da se instaliraju na ovom računaru. Preuzmite novu verziju od WP Play-a.
error-update_unreachable = Server za ažuriranja nije dostupan. Pokušajte kasnije.
error-ipc_error = Jezgro aplikacije nije odgovorilo. Ponovo pokrenite aplikaciju.
error-unknown = Nešto nije u redu.
