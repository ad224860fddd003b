//! Every error code a client can meet, from the server or from the desktop core: one
//! closed list. Clients match on these, never on messages; the UI gets them as a
//! TypeScript union (`Code.ts`), so a code it names that does not exist fails to compile.

use serde::{Deserialize, Deserializer, Serialize};

macro_rules! codes {
    ($($(#[$doc:meta])* $variant:ident = $text:literal => $kind:ident,)*) => {
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

            /// What kind of problem the code is, for how a screen presents it.
            pub const fn kind(self) -> ProblemKind {
                match self {
                    $(Code::$variant => ProblemKind::$kind,)*
                    Code::Unknown => ProblemKind::Unknown,
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

/// The kinds of problem: no connection, something to fix in what was typed, the session,
/// a limit reached, a clash with another change, a refusal, or trouble on the server's or
/// this computer's side. The UI reads each code's kind from `problemKinds.ts`, which the
/// desktop crate's tests write from [`Code::kind`].
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, ts_rs::TS)]
#[ts(export)]
#[serde(rename_all = "snake_case")]
pub enum ProblemKind {
    Connection,
    Input,
    Session,
    Limit,
    Conflict,
    Refused,
    Trouble,
    Unknown,
}

codes! {
    // Input.
    InvalidBody = "invalid_body" => Input,
    MalformedJson = "malformed_json" => Input,
    MissingField = "missing_field" => Input,
    InvalidField = "invalid_field" => Input,
    FieldTooLong = "field_too_long" => Input,
    InvalidQuery = "invalid_query" => Input,
    InvalidPath = "invalid_path" => Input,
    InvalidId = "invalid_id" => Input,
    InvalidText = "invalid_text" => Input,
    InvalidEmail = "invalid_email" => Input,
    InvalidPhone = "invalid_phone" => Input,
    InvalidCountry = "invalid_country" => Input,
    InvalidUsername = "invalid_username" => Input,
    InvalidMac = "invalid_mac" => Input,
    InvalidStreamUrl = "invalid_stream_url" => Input,
    InvalidExpiry = "invalid_expiry" => Input,
    InvalidExtension = "invalid_extension" => Input,
    ExtensionTooLong = "extension_too_long" => Input,
    InvalidPackage = "invalid_package" => Input,
    InvalidInvoice = "invalid_invoice" => Input,
    InvalidTarget = "invalid_target" => Input,
    InvalidVersion = "invalid_version" => Input,
    InvalidClientId = "invalid_client_id" => Input,
    InvalidBatch = "invalid_batch" => Input,
    BatchTooLarge = "batch_too_large" => Input,
    PayloadTooLarge = "payload_too_large" => Input,
    UnsupportedMediaType = "unsupported_media_type" => Input,
    UnknownPackage = "unknown_package" => Input,
    UnknownRole = "unknown_role" => Input,
    WeakPasswordHash = "weak_password_hash" => Input,
    PasswordTooWeak = "password_too_weak" => Input,
    PasswordTooLong = "password_too_long" => Input,
    PasswordUnchanged = "password_unchanged" => Input,
    BadPasswordHash = "bad_password_hash" => Input,
    // Signing in and sessions.
    WrongCredentials = "wrong_credentials" => Session,
    WrongCurrentPassword = "wrong_current_password" => Session,
    /// A password recovery code that is not right, used, expired or tried too often.
    WrongRecoveryCode = "wrong_recovery_code" => Input,
    /// The password matched; the sign-in waits for the second factor's code.
    SecondFactorRequired = "second_factor_required" => Session,
    /// A two-factor code (or recovery code) that is not right or was used already.
    WrongSecondFactorCode = "wrong_second_factor_code" => Input,
    /// The sign-in challenge is unknown or older than its few minutes.
    ChallengeExpired = "challenge_expired" => Session,
    /// Two-factor sign-in is on already (enrol again after turning it off).
    SecondFactorAlreadyOn = "second_factor_already_on" => Conflict,
    /// Two-factor sign-in is not on for this account.
    SecondFactorOff = "second_factor_off" => Conflict,
    /// The account must keep two-factor sign-in (an operator, or a dealer whose partner
    /// requires it).
    SecondFactorMandatory = "second_factor_mandatory" => Refused,
    PasswordChangeRequired = "password_change_required" => Session,
    Unauthenticated = "unauthenticated" => Session,
    InvalidToken = "invalid_token" => Input,
    TokenExpired = "token_expired" => Session,
    InvalidRefreshToken = "invalid_refresh_token" => Input,
    RefreshTokenReused = "refresh_token_reused" => Session,
    AccountDeleted = "account_deleted" => Session,
    SessionEnded = "session_ended" => Session,
    Forbidden = "forbidden" => Refused,
    NotAPartner = "not_a_partner" => Refused,
    PartnerLocked = "partner_locked" => Refused,
    // Throttles and bounds.
    TooManyAttempts = "too_many_attempts" => Limit,
    TooManyRegistrations = "too_many_registrations" => Limit,
    TooManyRequests = "too_many_requests" => Limit,
    TooManyChanges = "too_many_changes" => Limit,
    TooManyStreams = "too_many_streams" => Limit,
    TooManyTakenUsernames = "too_many_taken_usernames" => Limit,
    RequestTimeout = "request_timeout" => Trouble,
    ServerBusy = "server_busy" => Trouble,
    SmsUnavailable = "sms_unavailable" => Limit,
    // Registration and accounts.
    RegistrationConflict = "registration_conflict" => Conflict,
    UsernameExhausted = "username_exhausted" => Limit,
    PackageLimitReached = "package_limit_reached" => Limit,
    PackageTooSmall = "package_too_small" => Limit,
    SamePackage = "same_package" => Conflict,
    CurrencyMismatch = "currency_mismatch" => Refused,
    /// A bank statement file that cannot be read; the message names the entry or line.
    InvalidStatement = "invalid_statement" => Input,
    /// The payment does not wait for review, or not for that resolution.
    PaymentNotForReview = "payment_not_for_review" => Conflict,
    /// Another package has that code already.
    PackageCodeTaken = "package_code_taken" => Conflict,
    /// The message was delivered, or given up on and its text forgotten.
    DeliveryNotRetryable = "delivery_not_retryable" => Conflict,
    // Rows and their versions.
    NotFound = "not_found" => Refused,
    VersionConflict = "version_conflict" => Conflict,
    ConcurrentChange = "concurrent_change" => Conflict,
    DealerNotFound = "dealer_not_found" => Refused,
    DealerExists = "dealer_exists" => Conflict,
    DealerUsernameTaken = "dealer_username_taken" => Conflict,
    SubscriberExists = "subscriber_exists" => Conflict,
    StreamExists = "stream_exists" => Conflict,
    RequestExists = "request_exists" => Conflict,
    PartnerUnavailable = "partner_unavailable" => Refused,
    DealerInactive = "dealer_inactive" => Refused,
    SubscriberNotFound = "subscriber_not_found" => Refused,
    SubscriberCountChanged = "subscriber_count_changed" => Conflict,
    MacTaken = "mac_taken" => Conflict,
    StreamNotFound = "stream_not_found" => Refused,
    // The partner network.
    AlreadyLinked = "already_linked" => Conflict,
    NotLinked = "not_linked" => Refused,
    RequestPending = "request_pending" => Conflict,
    RequestNotFound = "request_not_found" => Refused,
    RequestNotPending = "request_not_pending" => Refused,
    RequestClosed = "request_closed" => Refused,
    // Sync.
    ClientIdTaken = "client_id_taken" => Conflict,
    ClientOutdated = "client_outdated" => Trouble,
    ResyncRequired = "resync_required" => Trouble,
    FeedOutOfOrder = "feed_out_of_order" => Trouble,
    MutationOutOfOrder = "mutation_out_of_order" => Trouble,
    // The server's own trouble.
    DatabaseUnavailable = "database_unavailable" => Trouble,
    ServerError = "server_error" => Trouble,
    InternalError = "internal_error" => Trouble,
    MethodNotAllowed = "method_not_allowed" => Trouble,
    HashingFailed = "hashing_failed" => Trouble,
    HashingUnavailable = "hashing_unavailable" => Trouble,
    BadSignature = "bad_signature" => Trouble,
    // The desktop core.
    Offline = "offline" => Connection,
    NotSignedIn = "not_signed_in" => Session,
    SignedIn = "signed_in" => Session,
    InvalidServerUrl = "invalid_server_url" => Input,
    InsecureServerUrl = "insecure_server_url" => Input,
    UntrustedCertificate = "untrusted_certificate" => Trouble,
    CaFileUnreadable = "ca_file_unreadable" => Trouble,
    HttpClient = "http_client" => Trouble,
    UnexpectedAnswer = "unexpected_answer" => Trouble,
    KeychainUnavailable = "keychain_unavailable" => Trouble,
    LocalStorage = "local_storage" => Trouble,
    // Updates of the desktop app.
    NoUpdate = "no_update" => Trouble,
    UpdateFailed = "update_failed" => Trouble,
    UpdateSignatureInvalid = "update_signature_invalid" => Trouble,
    UpdateUnavailable = "update_unavailable" => Trouble,
    UpdateUnreachable = "update_unreachable" => Trouble,
    /// The app's core did not answer the UI (the IPC failed).
    IpcError = "ipc_error" => Trouble,
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
