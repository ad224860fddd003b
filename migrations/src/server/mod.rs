//! The central server's schema.
pub mod m20261126_000001_accounts;
pub mod m20261127_000001_dealers;
pub mod m20261127_000002_resellers;
pub mod m20261127_000003_reseller_links;
pub mod m20261127_000004_audit;
pub mod m20261128_000001_billing;
pub mod m20261128_000002_message_attachment;
pub mod m20261129_000001_refresh_grace;
pub mod m20261201_000001_desktop_releases;
pub mod m20261206_000001_unlimited_dealers;
pub mod m20261206_000002_retired_refresh_tokens;
pub mod m20261206_000003_rations;
pub mod m20261207_000001_languages;
pub mod m20261207_000002_session_devices;
pub mod m20261207_000003_account_safety;
pub mod m20261207_000004_bank_statements;
pub mod m20261207_000005_payment_split;
