//! Every error code a client can meet, from the server or from the desktop core: one
//! closed list. Clients match on these, never on messages; the UI gets them as a
//! TypeScript union (`Code.ts`), so a code it names that does not exist fails to compile.

use serde::{Deserialize, Deserializer, Serialize};

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal,)*) => {
        /// A stable, machine-readable error code (snake_case on the wire).
        #[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, PartialOrd, Ord, Serialize)]
        #[derive(ts_rs::TS, utoipa::ToSchema)]
        #[ts(export)]
        #[serde(rename_all = "snake_case")]
        pub enum Code {
            $($(#[$doc])* $variant,)*
            /// A code this build does not know (sent by a newer server).
            Unknown,
        }

        impl Code {
            /// Every code, in the order of the list.
            pub const ALL: &[Code] = &[$(Code::$variant,)* Code::Unknown];

            /// The code as it travels, e.g. `invalid_email`.
            pub const fn as_str(self) -> &'static str {
                match self {
                    $(Code::$variant => $text,)*
                    Code::Unknown => "unknown",
                }
            }

            /// The code of `text`; `Unknown` for a code this build does not know.
            pub fn parse(text: &str) -> Code {
                match text {
                    $($text => Code::$variant,)*
                    _ => Code::Unknown,
                }
            }
        }
    };
}

codes! {
    // Input.
    InvalidBody = "invalid_body",
    MalformedJson = "malformed_json",
    MissingField = "missing_field",
    InvalidField = "invalid_field",
    FieldTooLong = "field_too_long",
    InvalidQuery = "invalid_query",
    InvalidPath = "invalid_path",
    InvalidId = "invalid_id",
    InvalidText = "invalid_text",
    InvalidEmail = "invalid_email",
    InvalidPhone = "invalid_phone",
    InvalidCountry = "invalid_country",
    InvalidUsername = "invalid_username",
    InvalidMac = "invalid_mac",
    InvalidStreamUrl = "invalid_stream_url",
    InvalidExpiry = "invalid_expiry",
    InvalidExtension = "invalid_extension",
    ExtensionTooLong = "extension_too_long",
    InvalidPackage = "invalid_package",
    InvalidInvoice = "invalid_invoice",
    InvalidTarget = "invalid_target",
    InvalidVersion = "invalid_version",
    InvalidClientId = "invalid_client_id",
    InvalidBatch = "invalid_batch",
    BatchTooLarge = "batch_too_large",
    PayloadTooLarge = "payload_too_large",
    UnsupportedMediaType = "unsupported_media_type",
    UnknownPackage = "unknown_package",
    UnknownRole = "unknown_role",
    WeakPasswordHash = "weak_password_hash",
    PasswordTooWeak = "password_too_weak",
    PasswordTooLong = "password_too_long",
    PasswordUnchanged = "password_unchanged",
    BadPasswordHash = "bad_password_hash",
    // Signing in and sessions.
    WrongCredentials = "wrong_credentials",
    WrongCurrentPassword = "wrong_current_password",
    PasswordChangeRequired = "password_change_required",
    Unauthenticated = "unauthenticated",
    InvalidToken = "invalid_token",
    TokenExpired = "token_expired",
    InvalidRefreshToken = "invalid_refresh_token",
    RefreshTokenReused = "refresh_token_reused",
    AccountDeleted = "account_deleted",
    SessionEnded = "session_ended",
    Forbidden = "forbidden",
    NotAPartner = "not_a_partner",
    PartnerLocked = "partner_locked",
    // Throttles and bounds.
    TooManyAttempts = "too_many_attempts",
    TooManyRegistrations = "too_many_registrations",
    TooManyRequests = "too_many_requests",
    TooManyChanges = "too_many_changes",
    TooManyStreams = "too_many_streams",
    TooManyTakenUsernames = "too_many_taken_usernames",
    RequestTimeout = "request_timeout",
    ServerBusy = "server_busy",
    SmsUnavailable = "sms_unavailable",
    // Registration and accounts.
    RegistrationConflict = "registration_conflict",
    UsernameExhausted = "username_exhausted",
    PackageLimitReached = "package_limit_reached",
    PackageTooSmall = "package_too_small",
    SamePackage = "same_package",
    CurrencyMismatch = "currency_mismatch",
    // Rows and their versions.
    NotFound = "not_found",
    VersionConflict = "version_conflict",
    ConcurrentChange = "concurrent_change",
    DealerNotFound = "dealer_not_found",
    DealerExists = "dealer_exists",
    DealerUsernameTaken = "dealer_username_taken",
    SubscriberExists = "subscriber_exists",
    StreamExists = "stream_exists",
    RequestExists = "request_exists",
    PartnerUnavailable = "partner_unavailable",
    DealerInactive = "dealer_inactive",
    SubscriberNotFound = "subscriber_not_found",
    SubscriberCountChanged = "subscriber_count_changed",
    MacTaken = "mac_taken",
    StreamNotFound = "stream_not_found",
    // The partner network.
    AlreadyLinked = "already_linked",
    NotLinked = "not_linked",
    RequestPending = "request_pending",
    RequestNotFound = "request_not_found",
    RequestNotPending = "request_not_pending",
    RequestClosed = "request_closed",
    // Sync.
    ClientIdTaken = "client_id_taken",
    ClientOutdated = "client_outdated",
    ResyncRequired = "resync_required",
    FeedOutOfOrder = "feed_out_of_order",
    MutationOutOfOrder = "mutation_out_of_order",
    // The server's own trouble.
    DatabaseUnavailable = "database_unavailable",
    ServerError = "server_error",
    InternalError = "internal_error",
    MethodNotAllowed = "method_not_allowed",
    HashingFailed = "hashing_failed",
    HashingUnavailable = "hashing_unavailable",
    BadSignature = "bad_signature",
    // The desktop core.
    Offline = "offline",
    NotSignedIn = "not_signed_in",
    SignedIn = "signed_in",
    InvalidServerUrl = "invalid_server_url",
    InsecureServerUrl = "insecure_server_url",
    UntrustedCertificate = "untrusted_certificate",
    CaFileUnreadable = "ca_file_unreadable",
    HttpClient = "http_client",
    UnexpectedAnswer = "unexpected_answer",
    KeychainUnavailable = "keychain_unavailable",
    LocalStorage = "local_storage",
    // Updates of the desktop app.
    NoUpdate = "no_update",
    UpdateFailed = "update_failed",
    UpdateSignatureInvalid = "update_signature_invalid",
    UpdateUnavailable = "update_unavailable",
    UpdateUnreachable = "update_unreachable",
    /// The app's core did not answer the UI (the IPC failed).
    IpcError = "ipc_error",
}

/// A code this build does not know reads as [`Code::Unknown`], so a newer server's
/// answer is still understood.
impl<'de> Deserialize<'de> for Code {
    fn deserialize<D: Deserializer<'de>>(d: D) -> Result<Self, D::Error> {
        let text = std::borrow::Cow::<str>::deserialize(d)?;
        Ok(Code::parse(&text))
    }
}

impl std::fmt::Display for Code {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str(self.as_str())
    }
}

impl PartialEq<&str> for Code {
    fn eq(&self, other: &&str) -> bool {
        self.as_str() == *other
    }
}

impl PartialEq<str> for Code {
    fn eq(&self, other: &str) -> bool {
        self.as_str() == other
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn every_code_reads_back_and_travels_as_its_text() {
        let mut seen = std::collections::BTreeSet::new();
        for code in Code::ALL {
            assert!(seen.insert(code.as_str()), "{code} listed twice");
            assert_eq!(Code::parse(code.as_str()), *code);
            let json = serde_json::to_string(code).expect("serializes");
            assert_eq!(json, format!("\"{code}\""));
        }
        let newer: Code = serde_json::from_str("\"a_code_from_the_future\"").expect("reads");
        assert_eq!(newer, Code::Unknown);
    }
}
