//! Generated credentials and the password policy.
//!
//! The caller passes the random number generator, so this stays pure and testable.

use crate::DomainError;
use crate::code::Code;
use rand::Rng;
use rand::seq::SliceRandom;

/// The shortest password a person may choose.
pub const MIN_PASSWORD_LEN: usize = 10;
/// The longest password accepted (argon2 has no limit, but a megabyte "password" is abuse).
pub const MAX_PASSWORD_LEN: usize = 128;

const LOWER: &[u8] = b"abcdefghijkmnopqrstuvwxyz";
const UPPER: &[u8] = b"ABCDEFGHJKLMNPQRSTUVWXYZ";
const DIGITS: &[u8] = b"23456789";
const SYMBOLS: &[u8] = b"-_.!@#%+=";

/// A strong random password of 16 characters with every character class present.
/// Look-alike characters (0/O, 1/l/I) are left out so a password read from an SMS
/// can be typed without guessing.
pub fn generate_password(rng: &mut impl Rng) -> String {
    let all: Vec<u8> = [LOWER, UPPER, DIGITS, SYMBOLS].concat();
    let mut chars: Vec<u8> = [LOWER, UPPER, DIGITS, SYMBOLS]
        .iter()
        .map(|class| class[rng.gen_range(0..class.len())])
        .collect();
    while chars.len() < 16 {
        chars.push(all[rng.gen_range(0..all.len())]);
    }
    chars.shuffle(rng);
    chars.into_iter().map(char::from).collect()
}

/// The random tail of a generated username: lowercase letters and digits without
/// look-alikes (no l, o, 0, 1).
const USERNAME_TAIL: &[u8] = b"abcdefghijkmnpqrstuvwxyz23456789";
/// Characters in the tail: 32^6, about a billion usernames per company name, so an
/// account's username cannot be guessed from its public company name.
const USERNAME_TAIL_LEN: usize = 6;

/// A login name derived from the company name plus six random characters, e.g.
/// `acmetv7k3m9q`.
pub fn generate_username(company: &str, rng: &mut impl Rng) -> String {
    let mut stem: String = ascii_letters(company)
        .chars()
        .filter_map(|c| {
            let c = c.to_ascii_lowercase();
            c.is_ascii_alphanumeric().then_some(c)
        })
        .take(12)
        .collect();
    if stem.len() < 3 || !stem.starts_with(|c: char| c.is_ascii_alphabetic()) {
        stem = format!("partner{stem}");
        stem.truncate(12);
    }
    let tail: String = (0..USERNAME_TAIL_LEN)
        .map(|_| char::from(USERNAME_TAIL[rng.gen_range(0..USERNAME_TAIL.len())]))
        .collect();
    format!("{stem}{tail}")
}

/// A name in plain ASCII letters, for a login: Serbian Latin letters lose their marks
/// (č, ć → c; š → s; ž → z; đ → dj), Cyrillic is written in Latin first (Ћирилица →
/// Cirilica, љ → lj, џ → dz), and other accented Latin letters lose their accents.
pub fn ascii_letters(name: &str) -> String {
    let mut out = String::with_capacity(name.len());
    for c in name.chars() {
        let lower = c.to_lowercase().next().unwrap_or(c);
        let latin: &str = match lower {
            'а' => "a",
            'б' => "b",
            'в' => "v",
            'г' => "g",
            'д' => "d",
            'ђ' | 'đ' => "dj",
            'е' => "e",
            'ж' | 'ž' => "z",
            'з' => "z",
            'и' => "i",
            'ј' => "j",
            'к' => "k",
            'л' => "l",
            'љ' => "lj",
            'м' => "m",
            'н' => "n",
            'њ' => "nj",
            'о' => "o",
            'п' => "p",
            'р' => "r",
            'с' => "s",
            'т' => "t",
            'ћ' | 'ć' | 'ч' | 'č' => "c",
            'у' => "u",
            'ф' => "f",
            'х' => "h",
            'ц' => "c",
            'џ' => "dz",
            'ш' | 'š' => "s",
            'á' | 'à' | 'â' | 'ä' | 'ã' | 'å' => "a",
            'é' | 'è' | 'ê' | 'ë' => "e",
            'í' | 'ì' | 'î' | 'ï' => "i",
            'ó' | 'ò' | 'ô' | 'ö' | 'õ' | 'ø' => "o",
            'ú' | 'ù' | 'û' | 'ü' => "u",
            'ý' | 'ÿ' => "y",
            'ñ' => "n",
            'ß' => "ss",
            _ => {
                out.push(c);
                continue;
            }
        };
        if c.is_uppercase() {
            let mut letters = latin.chars();
            out.extend(letters.next().map(|f| f.to_ascii_uppercase()));
            out.extend(letters);
        } else {
            out.push_str(latin);
        }
    }
    out
}

/// How strong a password is, for the "strength" meter and the server's policy.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord)]
pub enum Strength {
    TooWeak,
    Fair,
    Strong,
}

/// Scores a password by length and character classes.
pub fn strength(password: &str) -> Strength {
    let len = password.chars().count();
    let classes = [
        password.chars().any(|c| c.is_lowercase()),
        password.chars().any(|c| c.is_uppercase()),
        password.chars().any(|c| c.is_ascii_digit()),
        password.chars().any(|c| !c.is_alphanumeric()),
    ]
    .iter()
    .filter(|present| **present)
    .count();
    match (len, classes) {
        (l, _) if l < MIN_PASSWORD_LEN => Strength::TooWeak,
        (_, c) if c < 2 => Strength::TooWeak,
        (l, c) if l >= 14 || c >= 3 => Strength::Strong,
        _ => Strength::Fair,
    }
}

/// Checks a new password a person chose: not too long, not containing the username (when
/// there is one), long enough, mixed enough, and not the password it replaces.
pub fn check_new_password(username: &str, current: &str, new: &str) -> Result<(), DomainError> {
    let fail = |code, message: &str| Err(DomainError::invalid(code, "new_password", message));
    if new.chars().count() > MAX_PASSWORD_LEN {
        return fail(
            Code::PasswordTooLong,
            &format!("Use at most {MAX_PASSWORD_LEN} characters in the password."),
        );
    }
    if !username.is_empty() && new.to_lowercase().contains(&username.to_lowercase()) {
        return fail(
            Code::PasswordTooWeak,
            "The password must not contain the username.",
        );
    }
    if new.chars().count() < MIN_PASSWORD_LEN {
        return fail(
            Code::PasswordTooWeak,
            &format!("Use at least {MIN_PASSWORD_LEN} characters in the password."),
        );
    }
    if strength(new) == Strength::TooWeak {
        return fail(
            Code::PasswordTooWeak,
            "Too weak: mix upper and lower case letters with digits or symbols.",
        );
    }
    if new == current {
        return fail(
            Code::PasswordUnchanged,
            "The new password must differ from the current one.",
        );
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;
    use rand::SeedableRng;
    use rand::rngs::StdRng;

    #[test]
    fn generated_passwords_are_strong_and_distinct() {
        let mut rng = StdRng::seed_from_u64(7);
        let mut seen = std::collections::HashSet::new();
        for _ in 0..500 {
            let p = generate_password(&mut rng);
            assert_eq!(
                p.len(),
                16,
                "generated passwords have a fixed, generous length"
            );
            assert_eq!(
                strength(&p),
                Strength::Strong,
                "{p} must pass our own policy"
            );
            assert!(
                !p.contains(['0', 'O', '1', 'l', 'I']),
                "{p} has a look-alike character"
            );
            assert!(seen.insert(p), "passwords must not repeat");
        }
    }

    #[test]
    fn usernames_come_from_the_company() {
        let mut rng = StdRng::seed_from_u64(1);
        let u = generate_username("Acme TV d.o.o.", &mut rng);
        assert!(u.starts_with("acmetvdoo"), "{u}");
        assert_eq!(u.len(), "acmetvdoo".len() + 6);
        // The same company name gives a different username nearly every time.
        let many: std::collections::HashSet<String> = (0..2_000)
            .map(|_| generate_username("Acme TV d.o.o.", &mut rng))
            .collect();
        assert!(many.len() >= 1_999, "{} distinct of 2,000", many.len());
        let u = generate_username("42", &mut rng);
        assert!(
            u.starts_with("partner42"),
            "a username must start with a letter: {u}"
        );
        let u = generate_username("Ćevap Ltd", &mut rng);
        assert!(
            u.starts_with("cevapltd"),
            "Serbian letters are written in ASCII: {u}"
        );
    }

    #[test]
    fn password_policy() {
        let check = |new: &str| {
            check_new_password("acme1234", "Old-Pass-123", new)
                .map_err(|e| crate::ErrorCode::code(&e).as_str())
        };
        assert_eq!(check("short1A"), Err("password_too_weak"));
        assert_eq!(check("alllowercaseletters"), Err("password_too_weak"));
        assert_eq!(check("my-acme1234-pass"), Err("password_too_weak"));
        assert_eq!(check("Old-Pass-123"), Err("password_unchanged"));
        assert_eq!(check(&"Ab1-".repeat(40)), Err("password_too_long"));
        assert_eq!(check("correct horse 42"), Ok(()));
        assert_eq!(
            check_new_password("", "", "correct horse 42"),
            Ok(()),
            "without a username there is nothing to contain"
        );
        let message = |new: &str| {
            check_new_password("acme1234", "", new)
                .map_err(|e| e.message().to_owned())
                .err()
        };
        assert_eq!(
            message("acme1234").as_deref(),
            Some("The password must not contain the username."),
            "containing the username is said first: typing more cannot cure it"
        );
        assert_eq!(
            message("Ab1-").as_deref(),
            Some("Use at least 10 characters in the password.")
        );
        assert_eq!(
            message("alllowercaseletters").as_deref(),
            Some("Too weak: mix upper and lower case letters with digits or symbols.")
        );
    }

    #[test]
    fn serbian_company_names_give_readable_logins() {
        assert_eq!(
            ascii_letters("Ćirilica Media d.o.o."),
            "Cirilica Media d.o.o."
        );
        assert_eq!(
            ascii_letters("Đorđe Žarković Šabac Čačak"),
            "Djordje Zarkovic Sabac Cacak"
        );
        assert_eq!(
            ascii_letters("Љубав Њиве Џеп Ђурђевак"),
            "Ljubav Njive Dzep Djurdjevak"
        );
        assert_eq!(ascii_letters("Müller Café"), "Muller Cafe");
        let mut rng = rand::rngs::mock::StepRng::new(0, 1);
        let login = generate_username("Ćirilica Media d.o.o.", &mut rng);
        assert!(login.starts_with("cirilicamedi"), "{login}");
        let cyrillic = generate_username("Ћирилица Медиа", &mut rng);
        assert!(cyrillic.starts_with("cirilicamedi"), "{cyrillic}");
    }
}
