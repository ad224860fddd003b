//! Serbian Latin to Cyrillic, word by word. Serbian's two alphabets map one to one
//! (Vuk's "write as you speak"), with three digraphs (lj → љ, nj → њ, dž → џ). What is not
//! Serbian stays in Latin: addresses and URLs, e-mail addresses, abbreviations in capitals
//! (PDF, SMS, IPTV), foreign words (anything with q, w, x or y), product names, and the
//! few Serbian words whose "nj" or "dž" are two letters (konjunkcija, nadživeti).

/// Names that stay as they are in either script.
const KEEP: &[&str] = &[
    "WP",
    "Play",
    "Partner",
    "Desk",
    "Viber",
    "Telegram",
    "WhatsApp",
    "Signal",
    "Excel",
    "Windows",
    "macOS",
    "Linux",
    "Android",
    "TiviMate",
    "Smarters",
    "Kodi",
    "VLC",
    "Xtream",
    "Mac",
    "Ctrl",
    "Shift",
    "Enter",
    "Esc",
    "Tab",
    "Alt",
    "StreamCo",
    "Google",
    "Microsoft",
    "Authenticator",
    "Aegis",
];

/// Words whose "nj" or "dž" are two sounds, not one: a prefix that tells them, and the
/// place of the pair's second letter in it.
const SPLIT_PAIRS: &[(&str, usize)] = &[
    ("nadž", 3),
    ("odž", 2),
    ("podž", 3),
    ("predž", 4),
    ("konjug", 3),
    ("konjun", 3),
    ("injek", 2),
    ("tanjug", 3),
    ("vanjez", 3),
];

/// `text` in Cyrillic, keeping in Latin what is not Serbian (see the module's note).
pub fn to_cyrillic(text: &str) -> String {
    let mut out = String::with_capacity(text.len() * 2);
    let mut word = String::new();
    for c in text.chars() {
        if is_word_char(c) {
            word.push(c);
        } else {
            flush(&mut word, &mut out);
            out.push(c);
        }
    }
    flush(&mut word, &mut out);
    out
}

/// Letters, digits and what joins them inside an address or a name (`a.b@c.rs`,
/// `https://x.rs/a`, `Wi-Fi`) belong to one word, so such a word is judged whole.
fn is_word_char(c: char) -> bool {
    c.is_alphanumeric()
        || matches!(
            c,
            '@' | '.' | '/' | ':' | '_' | '-' | '+' | '=' | '?' | '&' | '#' | '%' | '~'
        )
}

fn flush(word: &mut String, out: &mut String) {
    if word.is_empty() {
        return;
    }
    // Punctuation that ends a sentence is not part of the word.
    let core_len = word.trim_end_matches(['.', ':', '-', '?']).len();
    let (core, tail) = word.split_at(core_len);
    // A key combination (Ctrl+C, Shift+Enter) is written as on the keyboard.
    let keys = core.contains('+') && core.chars().any(char::is_alphabetic);
    if is_address(core) || is_foreign(core) || keys {
        out.push_str(core);
    } else {
        // "PDF-u", "e-mail": each part of a joined word is judged on its own.
        let mut rest = core;
        while !rest.is_empty() {
            let end = rest.find(['-', '+']).unwrap_or(rest.len());
            let part = &rest[..end];
            if stays_latin(part) {
                out.push_str(part);
            } else {
                transliterate_word(part, out);
            }
            // The joining mark itself, if any.
            let joiner = rest[end..].chars().next();
            if let Some(j) = joiner {
                out.push(j);
            }
            rest = &rest[end + joiner.map_or(0, char::len_utf8)..];
        }
    }
    out.push_str(tail);
    word.clear();
}

/// An e-mail address, a URL or a domain name ("deskmedia.rs", not "d.o.o").
fn is_address(word: &str) -> bool {
    let lower = word.to_lowercase();
    let host = lower.split('/').next().unwrap_or_default();
    let domain = {
        let parts: Vec<&str> = host.split('.').collect();
        parts.len() > 1
            && parts.iter().all(|p| !p.is_empty())
            && parts
                .last()
                .is_some_and(|tld| tld.len() >= 2 && tld.chars().all(char::is_alphabetic))
    };
    word.contains('@') || lower.contains("://") || lower.starts_with("www.") || domain
}

/// A word with letters Serbian does not have (Wi-Fi, Xtream, Sony).
fn is_foreign(word: &str) -> bool {
    word.to_lowercase()
        .chars()
        .any(|c| matches!(c, 'q' | 'w' | 'x' | 'y'))
}

/// A part of a word that is not Serbian: an abbreviation in capitals, a foreign word, a
/// code mixing digits and letters, a name from [`KEEP`].
fn stays_latin(part: &str) -> bool {
    let letters: Vec<char> = part.chars().filter(|c| c.is_alphabetic()).collect();
    letters.is_empty()
        || (letters.len() >= 2 && letters.iter().all(|c| c.is_uppercase()))
        || part.chars().any(|c| c.is_ascii_digit())
        || KEEP.contains(&part)
}

fn transliterate_word(word: &str, out: &mut String) {
    let lower = word.to_lowercase();
    let split_at = SPLIT_PAIRS
        .iter()
        .find(|(prefix, _)| lower.starts_with(prefix))
        .map(|(_, at)| *at);
    let chars: Vec<char> = word.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let c = chars[i];
        let next = chars.get(i + 1).copied();
        let pair = next.and_then(|n| digraph(c, n));
        if let (Some(cyr), false) = (pair, split_at == Some(i + 1)) {
            out.push(cyr);
            i += 2;
            continue;
        }
        out.push(letter(c));
        i += 1;
    }
}

/// The Cyrillic letter for a Latin digraph ("Lj" and "LJ" are both Љ).
fn digraph(a: char, b: char) -> Option<char> {
    let upper = a.is_uppercase();
    let cyr = match (a.to_lowercase().next()?, b.to_lowercase().next()?) {
        ('l', 'j') => 'љ',
        ('n', 'j') => 'њ',
        ('d', 'ž') => 'џ',
        _ => return None,
    };
    Some(if upper {
        cyr.to_uppercase().next().unwrap_or(cyr)
    } else {
        cyr
    })
}

fn letter(c: char) -> char {
    let lower = c.to_lowercase().next().unwrap_or(c);
    let cyr = match lower {
        'a' => 'а',
        'b' => 'б',
        'c' => 'ц',
        'č' => 'ч',
        'ć' => 'ћ',
        'd' => 'д',
        'đ' => 'ђ',
        'e' => 'е',
        'f' => 'ф',
        'g' => 'г',
        'h' => 'х',
        'i' => 'и',
        'j' => 'ј',
        'k' => 'к',
        'l' => 'л',
        'm' => 'м',
        'n' => 'н',
        'o' => 'о',
        'p' => 'п',
        'r' => 'р',
        's' => 'с',
        'š' => 'ш',
        't' => 'т',
        'u' => 'у',
        'v' => 'в',
        'z' => 'з',
        'ž' => 'ж',
        _ => return c,
    };
    if c.is_uppercase() {
        cyr.to_uppercase().next().unwrap_or(cyr)
    } else {
        cyr
    }
}

#[cfg(test)]
mod tests {
    use super::to_cyrillic;

    #[test]
    fn serbian_letters_and_digraphs() {
        assert_eq!(
            to_cyrillic("Ćirilica Media d.o.o."),
            "Ћирилица Медиа д.о.о."
        );
        assert_eq!(to_cyrillic("ljubav, njiva, džep"), "љубав, њива, џеп");
        assert_eq!(to_cyrillic("Ljiljana Njegoš Džajić"), "Љиљана Његош Џајић");
        assert_eq!(
            to_cyrillic("Đorđe Šćepanović čeka žutu"),
            "Ђорђе Шћепановић чека жуту"
        );
        assert_eq!(to_cyrillic("Preostalo je 5 dana."), "Преостало је 5 дана.");
    }

    #[test]
    fn two_letter_pairs_that_are_two_sounds() {
        assert_eq!(to_cyrillic("nadživeti"), "надживети");
        assert_eq!(to_cyrillic("konjunkcija"), "конјункција");
        assert_eq!(to_cyrillic("injekcija"), "инјекција");
    }

    #[test]
    fn what_is_not_serbian_stays_latin() {
        assert_eq!(
            to_cyrillic("Pišite na jelena@deskmedia.rs ili https://deskmedia.rs/kontakt."),
            "Пишите на jelena@deskmedia.rs или https://deskmedia.rs/kontakt."
        );
        assert_eq!(
            to_cyrillic("Faktura u PDF-u, poslata SMS porukom"),
            "Фактура у PDF-у, послата SMS поруком"
        );
        assert_eq!(to_cyrillic("Pošaljite e-mail"), "Пошаљите е-маил");
        assert_eq!(to_cyrillic("WP Play Partner Desk"), "WP Play Partner Desk");
        assert_eq!(
            to_cyrillic("Pritisnite Ctrl+C ili Shift+Enter na Mac računaru"),
            "Притисните Ctrl+C или Shift+Enter на Mac рачунару"
        );
        assert_eq!(
            to_cyrillic("Wi-Fi i Xtream plejer"),
            "Wi-Fi и Xtream плејер"
        );
        assert_eq!(to_cyrillic("www.wpplay.rs"), "www.wpplay.rs");
        assert_eq!(
            to_cyrillic("deskmedia.rs/kontakt i Poštovani/a"),
            "deskmedia.rs/kontakt и Поштовани/а"
        );
        assert_eq!(
            to_cyrillic("Poziv na broj 97 16-2026000001"),
            "Позив на број 97 16-2026000001"
        );
    }
}
