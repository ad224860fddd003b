//! Forms as they are typed, judged field by field by the domain's own validators
//! (`check_form`): each field's problem, whether typing more may still cure it, and the
//! value as the core would store it. The UI keeps no copy of a rule: it shows what this
//! answers. Where the core has no whole-form rule of the domain to apply on submit (a
//! stream, a message, a reason, the reseller details), it refuses with the first problem
//! found here ([`accept`]), so the form and the core never disagree.

use crate::commands::FormArgs;
use crate::error::CoreResult;
use crate::view::{FieldCheck, FieldProblem};
use wpplay_domain::credentials::check_new_password;
use wpplay_domain::lang::Lang;
use wpplay_domain::validate::{
    self, MAX_MESSAGE_LEN, MAX_NOTE_LEN, MAX_STREAM_URL_LEN, MAX_TEXT_LEN, STREAM_URL_SCHEMES,
};
use wpplay_domain::{Code, DomainError, ErrorCode, dealer};
use wpplay_wire::ErrorBody;

/// Every field of `form`, in the form's order. `signed_in_as` is the account's username,
/// which its own new password must not contain.
pub fn check(form: &FormArgs, signed_in_as: &str) -> Vec<FieldCheck> {
    use Blank::{Allowed, Required};
    match form {
        FormArgs::NewDealer {
            display_name,
            contact_email,
            contact_phone,
            username,
            password,
        } => {
            let login = dealer::username(username).unwrap_or_default();
            let mut fields = dealer_details(display_name, contact_email, contact_phone);
            fields.extend([
                field("username", username, Required, Rule::Username),
                field(
                    "password",
                    password,
                    Required,
                    Rule::Password {
                        username: &login,
                        current: "",
                    },
                ),
            ]);
            fields
        }
        FormArgs::Dealer {
            display_name,
            contact_email,
            contact_phone,
            username,
            password,
        } => {
            let mut fields = dealer_details(display_name, contact_email, contact_phone);
            fields.push(field(
                "password",
                password,
                Allowed,
                Rule::Password {
                    username,
                    current: "",
                },
            ));
            fields
        }
        FormArgs::Subscriber {
            name,
            line_username,
            mac,
        } => vec![
            field("name", name, Required, Rule::Text),
            field("line_username", line_username, Required, Rule::Text),
            field("mac", mac, Required, Rule::Mac),
        ],
        FormArgs::Stream {
            name,
            category,
            stream_url,
        } => vec![
            field("name", name, Required, Rule::Text),
            field("category", category, Required, Rule::Text),
            field("stream_url", stream_url, Required, Rule::StreamUrl),
        ],
        FormArgs::Registration {
            company,
            contact_person,
            email,
            phone,
            country,
        } => vec![
            field("company", company, Required, Rule::Text),
            contact_person_field(contact_person),
            field("email", email, Required, Rule::Email),
            phone_field(phone),
            field("country", country, Required, Rule::Country),
        ],
        FormArgs::Profile {
            contact_person,
            phone,
        } => vec![contact_person_field(contact_person), phone_field(phone)],
        FormArgs::RequestPartner { message } => vec![field(
            "message",
            message,
            Required,
            Rule::Lines(MAX_MESSAGE_LEN),
        )],
        FormArgs::RejectRequest { reason } => {
            vec![field(
                "reason",
                reason,
                Allowed,
                Rule::Lines(MAX_MESSAGE_LEN),
            )]
        }
        FormArgs::RemoveReseller { reason } => vec![field(
            "reason",
            reason,
            Required,
            Rule::Lines(MAX_MESSAGE_LEN),
        )],
        FormArgs::ResellerDetails {
            website,
            messenger,
            address,
            note,
        } => vec![
            field("website", website, Allowed, Rule::Text),
            field("messenger", messenger, Allowed, Rule::Text),
            field("address", address, Allowed, Rule::Text),
            field("note", note, Allowed, Rule::Lines(MAX_NOTE_LEN)),
        ],
        FormArgs::NewPassword {
            current_password,
            new_password,
        } => vec![field(
            "new_password",
            new_password,
            Required,
            Rule::Password {
                username: signed_in_as,
                current: current_password,
            },
        )],
    }
}

/// The values of `form` as the core stores them, or its first problem as the error.
pub fn accept(form: &FormArgs) -> CoreResult<Accepted> {
    let fields = check(form, "");
    if let Some((f, p)) = fields
        .iter()
        .find_map(|f| f.problem.as_ref().map(|p| (f, p)))
    {
        let message = wpplay_i18n::describe(Lang::En, p.code, Some(&f.field));
        return Err(ErrorBody::new(p.code, message).about(f.field.clone()));
    }
    Ok(Accepted(fields))
}

/// A form without a problem.
pub struct Accepted(Vec<FieldCheck>);

impl Accepted {
    /// The stored value of `field`; `None` when it was left blank.
    pub fn value(&self, field: &str) -> Option<String> {
        self.0
            .iter()
            .find(|f| f.field == field)
            .and_then(|f| f.value.clone())
    }
}

fn dealer_details(name: &str, email: &str, phone: &str) -> Vec<FieldCheck> {
    vec![
        field("display_name", name, Blank::Required, Rule::Text),
        field("contact_email", email, Blank::Allowed, Rule::Email),
        field("contact_phone", phone, Blank::Allowed, Rule::Phone),
    ]
}

fn contact_person_field(value: &str) -> FieldCheck {
    field("contact_person", value, Blank::Required, Rule::Text)
}

fn phone_field(value: &str) -> FieldCheck {
    field("phone", value, Blank::Required, Rule::Phone)
}

/// Whether a blank field is a problem (the UI asks for it in the catalog's words,
/// `ask-<field>`).
#[derive(Clone, Copy)]
enum Blank {
    Required,
    Allowed,
}

/// Which of the domain's validators judges a field.
#[derive(Clone, Copy)]
enum Rule<'a> {
    Text,
    /// Text over several lines, of at most so many characters.
    Lines(usize),
    Email,
    Phone,
    Country,
    Username,
    Mac,
    StreamUrl,
    /// A new password: must not contain `username` (when there is one) nor be `current`.
    Password {
        username: &'a str,
        current: &'a str,
    },
}

impl Rule<'_> {
    fn apply(self, value: &str) -> Result<String, DomainError> {
        match self {
            Rule::Text => validate::text("text", value),
            Rule::Lines(max) => validate::lines("text", value, max),
            Rule::Email => validate::email(value),
            Rule::Phone => validate::phone(value),
            Rule::Country => validate::country(value),
            Rule::Username => dealer::username(value),
            Rule::Mac => dealer::mac(value),
            Rule::StreamUrl => validate::stream_url(value),
            Rule::Password { username, current } => {
                check_new_password(username, current, value).map(|()| String::new())
            }
        }
    }

    /// Text the user may still type after the value: a problem is incomplete when one of
    /// these makes the value pass.
    fn continuations(self) -> Vec<String> {
        let owned = |list: &[&str]| list.iter().map(|s| (*s).to_owned()).collect();
        match self {
            Rule::Text | Rule::Lines(_) => owned(&["a"]),
            Rule::Email => owned(&["a@a.rs", "@a.rs", "a.rs", ".rs", "rs"]),
            Rule::Phone => owned(&["1", "1234567", "01234567", "+1234567"]),
            // Chosen from a list, never typed.
            Rule::Country => Vec::new(),
            Rule::Username => owned(&["a", "aaa"]),
            Rule::Mac => (1..=12).map(|n| "1".repeat(n)).collect(),
            // The rest of any scheme (the user may be typing one), then a host.
            Rule::StreamUrl => STREAM_URL_SCHEMES
                .iter()
                .flat_map(|s| (0..=s.len()).map(move |i| format!("{}a", &s[i..])))
                .collect(),
            // Symbols between the letters, so no username (letters, digits, `.`, `_`, `-`)
            // can be made of what the value ends with and the continuation.
            Rule::Password { .. } => owned(&["#Q#Q#Q#Q#Q#Q"]),
        }
    }

    fn max_chars(self) -> Option<usize> {
        match self {
            Rule::Text => Some(MAX_TEXT_LEN),
            Rule::Lines(max) => Some(max),
            Rule::StreamUrl => Some(MAX_STREAM_URL_LEN),
            _ => None,
        }
    }

    fn is_blank(self, value: &str) -> bool {
        match self {
            // Spaces are characters of a password, not blank.
            Rule::Password { .. } => value.is_empty(),
            _ => value.trim().is_empty(),
        }
    }
}

fn field(name: &'static str, value: &str, blank: Blank, rule: Rule) -> FieldCheck {
    let max = rule.max_chars();
    let answer = |value, problem| FieldCheck {
        field: name.to_owned(),
        value,
        problem,
        max_chars: max.and_then(|m| u32::try_from(m).ok()),
    };
    if rule.is_blank(value) {
        return match blank {
            Blank::Allowed => answer(None, None),
            Blank::Required => answer(
                None,
                Some(FieldProblem {
                    code: Code::MissingField,
                    incomplete: true,
                }),
            ),
        };
    }
    match rule.apply(value) {
        Ok(stored) => answer(
            (!matches!(rule, Rule::Password { .. })).then_some(stored),
            None,
        ),
        Err(e) => {
            let incomplete = rule
                .continuations()
                .iter()
                .any(|more| rule.apply(&format!("{value}{more}")).is_ok());
            answer(
                None,
                Some(FieldProblem {
                    code: e.code(),
                    incomplete,
                }),
            )
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use wpplay_domain::dealer::{DealerDetails, SubscriberDetails};
    use wpplay_domain::registration::ProfileEdit;

    fn new_dealer(username: &str, password: &str) -> FormArgs {
        FormArgs::NewDealer {
            display_name: "Marko".into(),
            contact_email: String::new(),
            contact_phone: String::new(),
            username: username.into(),
            password: password.into(),
        }
    }

    fn subscriber(mac: &str) -> FormArgs {
        FormArgs::Subscriber {
            name: "Petar".into(),
            line_username: "petar1".into(),
            mac: mac.into(),
        }
    }

    fn stream(url: &str) -> FormArgs {
        FormArgs::Stream {
            name: "Sport 1".into(),
            category: "Sport".into(),
            stream_url: url.into(),
        }
    }

    fn profile(phone: &str) -> FormArgs {
        FormArgs::Profile {
            contact_person: "Ana".into(),
            phone: phone.into(),
        }
    }

    fn registration(email: &str) -> FormArgs {
        FormArgs::Registration {
            company: "Acme".into(),
            contact_person: "Ana".into(),
            email: email.into(),
            phone: "+381 64 123 4567".into(),
            country: "RS".into(),
        }
    }

    /// The one problem of `form` at `field`: its code and whether typing may cure it.
    fn problem(form: &FormArgs, field: &str) -> Option<(Code, bool)> {
        let fields = check(form, "ana.admin");
        let f = fields
            .iter()
            .find(|f| f.field == field)
            .unwrap_or_else(|| panic!("{form:?} has no field {field}"));
        f.problem.as_ref().map(|p| (p.code, p.incomplete))
    }

    /// A form, one of its fields, and the problem expected there.
    type Case = (FormArgs, &'static str, Option<(Code, bool)>);

    const LATER: bool = true;
    const AT_ONCE: bool = false;

    #[test]
    fn what_typing_more_may_cure_waits_and_a_wrong_character_does_not() {
        use Code::*;
        let cases: Vec<Case> = vec![
            // Blank required fields ask, later; blank optional ones are fine.
            (
                new_dealer("", "Secret-pass-1"),
                "username",
                Some((MissingField, LATER)),
            ),
            (
                new_dealer("marko", ""),
                "password",
                Some((MissingField, LATER)),
            ),
            (new_dealer("marko", "x"), "contact_email", None),
            (subscriber(" "), "mac", Some((MissingField, LATER))),
            // Usernames: too short waits; a wrong start, character or length does not.
            (
                new_dealer("ma", "x"),
                "username",
                Some((InvalidUsername, LATER)),
            ),
            (
                new_dealer("1marko", "x"),
                "username",
                Some((InvalidUsername, AT_ONCE)),
            ),
            (
                new_dealer("mar ko", "x"),
                "username",
                Some((InvalidUsername, AT_ONCE)),
            ),
            (
                new_dealer(&"m".repeat(33), "x"),
                "username",
                Some((InvalidUsername, AT_ONCE)),
            ),
            (new_dealer("Marko", "x"), "username", None),
            // Passwords: short or weak waits; containing the username or too long does not.
            (
                new_dealer("marko", "Abc-1"),
                "password",
                Some((PasswordTooWeak, LATER)),
            ),
            (
                new_dealer("marko", "abcdefghijkl"),
                "password",
                Some((PasswordTooWeak, LATER)),
            ),
            (
                new_dealer("marko", "my-MARKO-1"),
                "password",
                Some((PasswordTooWeak, AT_ONCE)),
            ),
            (
                new_dealer("marko", &"Ab1-".repeat(33)),
                "password",
                Some((PasswordTooLong, AT_ONCE)),
            ),
            (new_dealer("marko", "Secret-pass-1"), "password", None),
            (new_dealer("ma", "ma-Secret-1"), "password", None),
            // MACs: fewer digits wait; a wrong character, too many or a reserved one do not.
            (subscriber("00:1a:2b"), "mac", Some((InvalidMac, LATER))),
            (
                subscriber("00:00:00:00:00:0"),
                "mac",
                Some((InvalidMac, LATER)),
            ),
            (subscriber("00:1a:2g"), "mac", Some((InvalidMac, AT_ONCE))),
            (
                subscriber("00:1a:2b:3c:4d:5e:6"),
                "mac",
                Some((InvalidMac, AT_ONCE)),
            ),
            (
                subscriber("ff:ff:ff:ff:ff:ff"),
                "mac",
                Some((InvalidMac, AT_ONCE)),
            ),
            (subscriber("001a.2b3c.4d5e"), "mac", None),
            // Stream URLs: a scheme being typed waits; anything else does not.
            (stream("rtm"), "stream_url", Some((InvalidStreamUrl, LATER))),
            (
                stream("HTTPS:/"),
                "stream_url",
                Some((InvalidStreamUrl, LATER)),
            ),
            (
                stream("ftp://x"),
                "stream_url",
                Some((InvalidStreamUrl, AT_ONCE)),
            ),
            (
                stream("rtmp://a b"),
                "stream_url",
                Some((InvalidStreamUrl, AT_ONCE)),
            ),
            (stream("rtmp://live.example/app"), "stream_url", None),
            // E-mail and phone: an address or number on its way waits.
            (registration("ana@"), "email", Some((InvalidEmail, LATER))),
            (
                registration("ana@acme."),
                "email",
                Some((InvalidEmail, LATER)),
            ),
            (
                registration("ana@@acme.rs"),
                "email",
                Some((InvalidEmail, AT_ONCE)),
            ),
            (
                registration("ana @acme.rs"),
                "email",
                Some((InvalidEmail, AT_ONCE)),
            ),
            (profile("+381 6"), "phone", Some((InvalidPhone, LATER))),
            (profile("0"), "phone", Some((InvalidPhone, LATER))),
            (
                profile("064 123 4567"),
                "phone",
                Some((InvalidPhone, AT_ONCE)),
            ),
            (
                profile("+381 64 abc"),
                "phone",
                Some((InvalidPhone, AT_ONCE)),
            ),
            (profile("+0"), "phone", Some((InvalidPhone, AT_ONCE))),
            // Text: too long or a control character shows at once.
            (
                stream_named(&"x".repeat(201)),
                "name",
                Some((FieldTooLong, AT_ONCE)),
            ),
            (
                stream_named("a\u{7}b"),
                "name",
                Some((InvalidText, AT_ONCE)),
            ),
            (stream_named(&"č".repeat(200)), "name", None),
        ];
        for (form, field, expected) in cases {
            assert_eq!(problem(&form, field), expected, "{field} of {form:?}");
        }
    }

    fn stream_named(name: &str) -> FormArgs {
        FormArgs::Stream {
            name: name.into(),
            category: "Sport".into(),
            stream_url: "udp://x".into(),
        }
    }

    #[test]
    fn values_come_back_as_stored_and_passwords_do_not() {
        let fields = check(&new_dealer(" Marko.D ", "Secret-pass-1"), "");
        let value = |name: &str| {
            fields
                .iter()
                .find(|f| f.field == name)
                .and_then(|f| f.value.clone())
        };
        assert_eq!(value("username").as_deref(), Some("marko.d"));
        assert_eq!(value("display_name").as_deref(), Some("Marko"));
        assert_eq!(value("contact_email"), None, "blank and optional");
        assert_eq!(value("password"), None, "a password is never sent back");
        let mac = check(&subscriber("001a-2b3c-4d5e"), "")
            .into_iter()
            .find(|f| f.field == "mac")
            .and_then(|f| f.value);
        assert_eq!(mac.as_deref(), Some("00:1A:2B:3C:4D:5E"));
        let limits: Vec<_> = check(
            &FormArgs::RequestPartner {
                message: String::new(),
            },
            "",
        )
        .into_iter()
        .map(|f| f.max_chars)
        .collect();
        assert_eq!(limits, [Some(2000)], "the counter's limit");
    }

    #[test]
    fn a_new_password_of_ones_own_must_not_be_the_username_nor_the_current_one() {
        let form = |new: &str| FormArgs::NewPassword {
            current_password: "Old-pass-123".into(),
            new_password: new.into(),
        };
        let code = |new: &str| {
            check(&form(new), "acme1234")[0]
                .problem
                .as_ref()
                .map(|p| p.code)
        };
        assert_eq!(code("Old-pass-123"), Some(Code::PasswordUnchanged));
        assert_eq!(code("my-ACME1234-x"), Some(Code::PasswordTooWeak));
        assert_eq!(code("Brand-new-pass-4"), None);
    }

    #[test]
    fn an_edited_dealers_new_password_is_optional_and_judged_against_its_username() {
        let form = |password: &str| FormArgs::Dealer {
            display_name: "Marko".into(),
            contact_email: String::new(),
            contact_phone: String::new(),
            username: "marko".into(),
            password: password.into(),
        };
        let code = |password: &str| {
            check(&form(password), "")
                .into_iter()
                .find(|f| f.field == "password")
                .expect("a password field")
                .problem
                .map(|p| p.code)
        };
        assert_eq!(code(""), None, "blank keeps the password");
        assert_eq!(code("my-MARKO-1x"), Some(Code::PasswordTooWeak));
        assert_eq!(code("Brand-new-pass-4"), None);
    }

    /// The check composes the domain's field validators as its whole-form validators do:
    /// whatever it finds fine, they accept, and the other way round.
    #[test]
    fn agrees_with_the_domains_whole_form_rules() {
        let fine = |form: &FormArgs| check(form, "").iter().all(|f| f.problem.is_none());
        for (name, email, phone) in [
            ("Marko", "", ""),
            ("Marko", "marko@x.rs", "+381 64 1234567"),
            ("", "", ""),
            ("Marko", "marko@", ""),
            ("Marko", " ", "064"),
            (&*"m".repeat(201), "", ""),
        ] {
            let form = FormArgs::Dealer {
                display_name: name.into(),
                contact_email: email.into(),
                contact_phone: phone.into(),
                username: "marko".into(),
                password: String::new(),
            };
            let domain = DealerDetails::validate(name, Some(email), Some(phone)).is_ok();
            assert_eq!(fine(&form), domain, "{form:?}");
        }
        for (name, login, mac) in [
            ("Petar", "petar1", "00:1a:2b:3c:4d:5e"),
            ("Petar", "", "00:1a:2b:3c:4d:5e"),
            ("Petar", "petar1", "00:00:00:00:00:00"),
            ("Pe\u{1}tar", "petar1", "00:1a:2b:3c:4d:5e"),
        ] {
            let form = FormArgs::Subscriber {
                name: name.into(),
                line_username: login.into(),
                mac: mac.into(),
            };
            let domain = SubscriberDetails::validate(name, login, mac).is_ok();
            assert_eq!(fine(&form), domain, "{form:?}");
        }
        for (person, phone) in [("Ana", "+381641234567"), ("", "+381641234567"), ("Ana", "")] {
            let form = FormArgs::Profile {
                contact_person: person.into(),
                phone: phone.into(),
            };
            assert_eq!(
                fine(&form),
                ProfileEdit::validate(person, phone).is_ok(),
                "{form:?}"
            );
        }
    }

    #[test]
    fn accept_refuses_with_the_first_problem_at_its_field() {
        let refused = accept(&stream("ftp://x")).err().expect("refused");
        assert_eq!(
            (refused.code, refused.field.as_deref()),
            (Code::InvalidStreamUrl, Some("stream_url"))
        );
        let ok = accept(&FormArgs::RejectRequest {
            reason: "  ".into(),
        })
        .expect("a reason is optional");
        assert_eq!(ok.value("reason"), None);
    }
}
