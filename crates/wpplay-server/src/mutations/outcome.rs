//! What applying one mutation answers: done, or a refusal with a stable code and a
//! message for the user; and the refusals every family shares.

use wpplay_domain::authorize::Forbidden;
use wpplay_domain::{Code, DomainError, ErrorCode};

/// Why a mutation was refused: a stable code and a message for the user.
pub type Refusal = (Code, String);

/// The outcome of applying one mutation: `Err` is a refusal, recorded and shown.
pub type Applied = Result<(), Refusal>;

/// A domain rule broken by the input, as a refusal.
pub fn refuse(e: &DomainError) -> Refusal {
    (e.code(), e.to_string())
}

/// Checks a client-chosen id: a UUID in its usual text form.
pub fn check_id(field: &'static str, id: &str) -> Applied {
    let ok = id.len() == 36
        && id.chars().enumerate().all(|(i, c)| {
            if [8, 13, 18, 23].contains(&i) {
                c == '-'
            } else {
                c.is_ascii_hexdigit()
            }
        });
    if ok {
        Ok(())
    } else {
        Err((
            Code::InvalidId,
            format!("'{field}' must be a UUID chosen by the client."),
        ))
    }
}

/// The refusal for an edit made on an older version of a row.
pub fn conflict(what: &str, current: i64) -> Refusal {
    (
        Code::VersionConflict,
        format!(
            "This {what} was changed on another device meanwhile (now version {current}). Review the current values and apply your edit again."
        ),
    )
}

/// An actor's role may not make this change, as a refusal.
pub fn forbidden(f: Forbidden) -> Refusal {
    (f.code(), f.to_string())
}
