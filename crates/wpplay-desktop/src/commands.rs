//! The IPC contract: every command the shell exposes, declared once in [`ipc_commands!`],
//! with the types of its arguments. The shell generates its commands from that list and
//! `ui/src/lib/backend/commands.ts` is generated from it (and checked in CI), so the UI
//! never guesses a name or a type.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wpplay_wire::registration::RegistrationRequest;

/// The wire types, for the command list ([`ipc_commands!`]) in other crates.
#[doc(hidden)]
pub use wpplay_domain::notify::NotificationPreferences;
pub use wpplay_wire as wire;

/// `login`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LoginArgs {
    pub server_url: String,
    pub username: String,
    pub password: String,
}

/// `request_recovery`: "Forgot password?" with the username or the e-mail address.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecoveryArgs {
    pub server_url: String,
    pub login: String,
}

/// `recover_password`: the code that arrived and the new password.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RecoverPasswordArgs {
    pub server_url: String,
    pub login: String,
    pub code: String,
    pub new_password: String,
}

/// `second_factor_sign_in`: the second step of a sign-in that answered
/// `second_factor_required` (its `challenge`), with the code from the authenticator app.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SecondFactorArgs {
    pub server_url: String,
    pub challenge: String,
    pub code: String,
}

/// `confirm_second_factor` and `disable_second_factor`: a current code.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SecondFactorCodeArgs {
    pub code: String,
}

/// `set_dealer_second_factor`: whether the partner's dealers must use two-factor sign-in.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DealerSecondFactorArgs {
    pub required: bool,
}

/// `change_password`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChangePasswordArgs {
    pub current_password: String,
    pub new_password: String,
}

/// `list_packages`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ServerArgs {
    pub server_url: String,
}

/// `forget_account`: remove a signed-out account's data from this computer.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ForgetAccountArgs {
    pub server_url: String,
    pub username: String,
}

/// `register`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RegisterArgs {
    pub server_url: String,
    pub form: RegistrationRequest,
}

/// `end_session`: one of the account's sessions, as `sessions` lists it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SessionArgs {
    #[ts(type = "number")]
    pub session_id: i64,
}

/// `update_profile`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpdateProfileArgs {
    pub contact_person: String,
    pub phone: String,
}

/// `set_language`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LanguageArgs {
    pub lang: wpplay_domain::lang::Lang,
}

/// `password_strength`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PasswordArgs {
    pub password: String,
}

/// `check_form`: a form as typed, named by `form`, to be judged field by field.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[serde(tag = "form", rename_all = "snake_case")]
#[ts(export)]
pub enum FormArgs {
    /// Add dealer: its details and the login it signs in with.
    NewDealer {
        display_name: String,
        contact_email: String,
        contact_phone: String,
        username: String,
        password: String,
    },
    /// Edit dealer: its details, and a new password if one is typed (blank: unchanged),
    /// which must not contain the dealer's `username`.
    Dealer {
        display_name: String,
        contact_email: String,
        contact_phone: String,
        username: String,
        password: String,
    },
    /// Add or edit a subscriber's line.
    Subscriber {
        name: String,
        line_username: String,
        mac: String,
    },
    /// Add stream.
    Stream {
        name: String,
        category: String,
        stream_url: String,
    },
    Registration {
        company: String,
        contact_person: String,
        email: String,
        phone: String,
        country: String,
    },
    /// The partner's profile on the Dashboard.
    Profile {
        contact_person: String,
        phone: String,
    },
    /// The message of a Request for Partner.
    RequestPartner { message: String },
    /// The optional reason of a rejected request.
    RejectRequest { reason: String },
    /// The required reason of Remove My Reseller.
    RemoveReseller { reason: String },
    /// The details a partner types in Settings → Reseller services.
    ResellerDetails {
        website: String,
        messenger: String,
        address: String,
        note: String,
    },
    /// The signed-in account's new password.
    NewPassword {
        current_password: String,
        new_password: String,
    },
}

/// `discard_rejected`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct MutationArgs {
    pub mutation_id: i64,
}

/// `add_dealer`: the Add Dealer data window.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddDealerArgs {
    pub display_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
    pub username: String,
    pub password: String,
}

/// `edit_dealer`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EditDealerArgs {
    pub dealer_id: String,
    pub display_name: String,
    pub contact_email: Option<String>,
    pub contact_phone: Option<String>,
}

/// `reset_dealer_password`: the dealer's new password, in clear only until the core
/// hashes it.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DealerPasswordArgs {
    pub dealer_id: String,
    pub password: String,
}

/// `set_dealer_status`: Active or Inactive.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DealerStatusArgs {
    pub dealer_id: String,
    pub status: wpplay_wire::dealers::DealerState,
}

/// `delete_dealer`: with the number of subscribers the confirmation named.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeleteDealerArgs {
    pub dealer_id: String,
    pub subscriber_count: i64,
}

/// `answer_request`: Accept, or Reject with an optional reason.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AnswerRequestArgs {
    pub request_id: String,
    pub accept: bool,
    pub reason: Option<String>,
}

/// `remove_reseller`: Remove My Reseller, with the required reason.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RemoveResellerArgs {
    pub reseller_id: i64,
    pub reason: String,
}

/// `add_subscriber`: a partner may give the line to one of its dealers; a dealer's lines
/// are always its own.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddSubscriberArgs {
    pub dealer_id: Option<String>,
    pub name: String,
    pub line_username: String,
    pub mac: String,
    /// Days from today until the line expires (1 to 1098).
    pub days: i64,
}

/// `edit_subscriber`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct EditSubscriberArgs {
    pub subscriber_id: String,
    pub name: String,
    pub line_username: String,
    pub mac: String,
    pub status: wpplay_wire::dealers::LineStatus,
}

/// `extend_subscriber`: from the later of now and the old expiry.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ExtendSubscriberArgs {
    pub subscriber_id: String,
    pub days: i64,
}

/// `check_line_days`: a number of days for a new line (no `subscriber_id`) or to extend one.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LineDaysArgs {
    pub subscriber_id: Option<String>,
    pub days: i64,
}

/// `remove_subscriber`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct SubscriberArgs {
    pub subscriber_id: String,
}

/// `request_partner`: Request for Partner, with a message.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestPartnerArgs {
    pub partner_id: i64,
    /// Shown on the request until the server's copy arrives.
    pub partner_company: String,
    pub message: String,
}

/// `withdraw_request`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct RequestArgs {
    pub request_id: String,
}

/// `partner_content`: a linked partner's catalog.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PartnerArgs {
    pub partner_id: i64,
}

/// `add_stream`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AddStreamArgs {
    pub name: String,
    pub category: String,
    pub stream_url: String,
}

/// `remove_stream`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct StreamArgs {
    pub stream_id: String,
}

/// `update_reseller_settings` and `preview_reseller_settings`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResellerSettingsArgs {
    pub offers_reseller_services: bool,
    pub website: Option<String>,
    pub messenger: Option<String>,
    pub address: Option<String>,
    pub note: Option<String>,
    pub visible: wpplay_wire::resellers::ContactVisibility,
}

/// `audit_log`: the newest entries, or those before an entry id (the next page); only
/// those at or after `since`, when given.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditArgs {
    pub before: Option<i64>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub since: Option<chrono::DateTime<chrono::Utc>>,
}

/// `review_payments`: the payments waiting for a person (or all of them), newest first;
/// those before a payment id for the next page.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ReviewPaymentsArgs {
    #[serde(default)]
    pub all: bool,
    pub before: Option<i64>,
}

/// `operator_partners`: the partners, searched (company, e-mail, contact) and by state
/// (`trial`, `active`, `locked`); those before an account id for the next page.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OperatorPartnersArgs {
    #[serde(default)]
    #[ts(optional = nullable)]
    pub search: Option<String>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub state: Option<String>,
    /// Only partners on this package (its id).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub package: Option<i64>,
    /// Only partners whose access ends within this many days (ended ones included).
    #[serde(default)]
    #[ts(optional = nullable)]
    pub ends_within_days: Option<i64>,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub before: Option<i64>,
}

/// `operator_partner`: one partner, by its account id.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct OperatorPartnerArgs {
    pub id: i64,
}

/// `resolve_payment`: what the operator decided about a payment waiting for review.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ResolvePaymentArgs {
    pub id: i64,
    pub action: wpplay_wire::billing::ResolveAction,
    /// The invoice's number, for `assign`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub invoice: Option<String>,
    /// The parts, for `split`.
    #[serde(default)]
    #[ts(optional = nullable)]
    pub parts: Option<Vec<wpplay_wire::billing::SplitPart>>,
    pub note: String,
}

/// `change_package_terms`: what the operator changes in package `id` (the rest stays).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PackageTermsArgs {
    pub id: i64,
    pub changes: wpplay_wire::operator::PackageChanges,
}

/// `upcoming_lifecycle`: how many days ahead (1-31).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpcomingArgs {
    pub days: u8,
}

/// `deliveries`: which messages (`trouble`, `pending`, `sent`, `all`); those before a
/// message id for the next page.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliveriesArgs {
    pub state: String,
    #[serde(default)]
    #[ts(optional = nullable)]
    pub before: Option<i64>,
}

/// `retry_delivery`: the message to send now.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct DeliveryArgs {
    pub id: i64,
}

/// `export_invoices`: every partner's invoices, or only those not paid in full.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceExportArgs {
    #[serde(default)]
    pub open_only: bool,
}

/// `export_audit`: the activity log's rows as the page shows them (worded in the app's
/// language), to a CSV file.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditExportArgs {
    pub rows: Vec<AuditCsvRow>,
}

/// One row of the activity log's export.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditCsvRow {
    pub at: String,
    pub who: String,
    pub role: String,
    pub what: String,
    pub which: String,
    pub outcome: String,
}

/// `choose_package`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct ChangePackageArgs {
    pub package_id: i64,
}

/// `save_invoice_pdf`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct InvoiceArgs {
    pub number: String,
}

/// Every IPC command, declared once, as `name(Args) -> Returns;` (`Args` absent when the
/// command takes none). A `core` command is served by `Core::name(args)`, an async method
/// answering `CoreResult<Returns>`; a `shell` command by the Tauri shell itself (the
/// updater, opening a saved file). The shell generates its `#[tauri::command]` functions
/// and their registration from this list (`src-tauri/src/commands.rs`) and the TypeScript
/// contract `ui/src/lib/backend/commands.ts` is generated from it here, so a new command
/// is one line here plus the method that serves it, and a signature that does not match
/// fails to compile.
///
/// `then` is a macro of the caller's that receives the list.
#[macro_export]
macro_rules! ipc_commands {
    ($then:ident) => {
        $then! {
            core {
                startup() -> $crate::view::StartupView;
                language() -> $crate::view::LanguageView;
                set_language($crate::commands::LanguageArgs) -> $crate::view::LanguageView;
                list_packages($crate::commands::ServerArgs) -> Vec<$crate::commands::wire::packages::Package>;
                register($crate::commands::RegisterArgs) -> $crate::commands::wire::registration::RegistrationResponse;
                login($crate::commands::LoginArgs) -> $crate::view::SessionView;
                forget_account($crate::commands::ForgetAccountArgs) -> bool;
                request_recovery($crate::commands::RecoveryArgs) -> $crate::commands::wire::auth::RecoveryRequested;
                recover_password($crate::commands::RecoverPasswordArgs) -> $crate::view::SessionView;
                second_factor_sign_in($crate::commands::SecondFactorArgs) -> $crate::view::SessionView;
                second_factor() -> $crate::commands::wire::auth::SecondFactorStatus;
                enrol_second_factor() -> $crate::view::SecondFactorSetup;
                confirm_second_factor($crate::commands::SecondFactorCodeArgs) -> $crate::commands::wire::auth::SecondFactorEnabled;
                disable_second_factor($crate::commands::SecondFactorCodeArgs) -> $crate::commands::wire::auth::SecondFactorStatus;
                set_dealer_second_factor($crate::commands::DealerSecondFactorArgs) -> $crate::commands::wire::auth::SecondFactorStatus;
                change_password($crate::commands::ChangePasswordArgs) -> $crate::view::SessionView;
                password_strength($crate::commands::PasswordArgs) -> $crate::view::PasswordStrength;
                check_form($crate::commands::FormArgs) -> Vec<$crate::view::FieldCheck>;
                dashboard() -> $crate::view::Dashboard;
                sync_now() -> $crate::view::SyncStatus;
                resync_all() -> $crate::view::SyncStatus;
                update_profile($crate::commands::UpdateProfileArgs) -> $crate::view::Dashboard;
                set_notification_preferences($crate::commands::NotificationPreferences) -> $crate::view::Dashboard;
                discard_rejected($crate::commands::MutationArgs) -> $crate::view::SyncStatus;
                logout() -> ();
                sessions() -> Vec<$crate::commands::wire::auth::SessionInfo>;
                end_session($crate::commands::SessionArgs) -> Vec<$crate::commands::wire::auth::SessionInfo>;
                end_other_sessions() -> Vec<$crate::commands::wire::auth::SessionInfo>;
                list_dealers($crate::view::DealerQuery) -> $crate::view::DealerPage;
                add_dealer($crate::commands::AddDealerArgs) -> $crate::view::DealerRow;
                edit_dealer($crate::commands::EditDealerArgs) -> $crate::view::DealerRow;
                reset_dealer_password($crate::commands::DealerPasswordArgs) -> $crate::view::DealerRow;
                set_dealer_status($crate::commands::DealerStatusArgs) -> $crate::view::DealerRow;
                delete_dealer($crate::commands::DeleteDealerArgs) -> ();
                resellers() -> $crate::view::ResellersView;
                answer_request($crate::commands::AnswerRequestArgs) -> $crate::view::ResellersView;
                remove_reseller($crate::commands::RemoveResellerArgs) -> $crate::view::ResellersView;
                export_dealers($crate::view::DealerQuery) -> $crate::view::CsvExport;
                list_subscribers($crate::view::SubscriberQuery) -> $crate::view::SubscriberPage;
                add_subscriber($crate::commands::AddSubscriberArgs) -> $crate::view::SubscriberRow;
                edit_subscriber($crate::commands::EditSubscriberArgs) -> $crate::view::SubscriberRow;
                extend_subscriber($crate::commands::ExtendSubscriberArgs) -> $crate::view::SubscriberRow;
                remove_subscriber($crate::commands::SubscriberArgs) -> ();
                check_line_days($crate::commands::LineDaysArgs) -> $crate::view::LineDays;
                export_subscribers($crate::view::SubscriberQuery) -> $crate::view::CsvExport;
                partner_directory() -> Vec<$crate::view::DirectoryRow>;
                my_requests() -> $crate::view::RequestsView;
                request_partner($crate::commands::RequestPartnerArgs) -> $crate::view::RequestsView;
                withdraw_request($crate::commands::RequestArgs) -> $crate::view::RequestsView;
                partner_content($crate::commands::PartnerArgs) -> $crate::view::ContentView;
                my_content() -> $crate::view::ContentView;
                add_stream($crate::commands::AddStreamArgs) -> $crate::view::ContentView;
                remove_stream($crate::commands::StreamArgs) -> $crate::view::ContentView;
                reseller_settings() -> $crate::view::ResellerSettingsView;
                update_reseller_settings($crate::commands::ResellerSettingsArgs) -> $crate::view::ResellerSettingsView;
                preview_reseller_settings($crate::commands::ResellerSettingsArgs) -> Option<$crate::commands::wire::resellers::DirectoryEntry>;
                audit_log($crate::commands::AuditArgs) -> Vec<$crate::commands::wire::audit::AuditEntry>;
                export_audit($crate::commands::AuditExportArgs) -> $crate::view::CsvExport;
                billing() -> $crate::commands::wire::billing::BillingView;
                offered_packages() -> Vec<$crate::commands::wire::packages::Package>;
                package_choices() -> Vec<$crate::view::PackageChoice>;
                choose_package($crate::commands::ChangePackageArgs) -> $crate::commands::wire::billing::ChangePackageResponse;
                operator_partners($crate::commands::OperatorPartnersArgs) -> Vec<$crate::commands::wire::billing::OperatorPartner>;
                operator_partner($crate::commands::OperatorPartnerArgs) -> $crate::commands::wire::billing::OperatorPartnerDetail;
                review_payments($crate::commands::ReviewPaymentsArgs) -> Vec<$crate::commands::wire::billing::ReviewPayment>;
                resolve_payment($crate::commands::ResolvePaymentArgs) -> $crate::commands::wire::billing::ReviewPayment;
                register_payment($crate::commands::wire::billing::RegisterPayment) -> $crate::commands::wire::billing::RegisteredPayment;
                preview_statement($crate::commands::wire::billing::StatementUpload) -> $crate::commands::wire::billing::StatementReport;
                import_statement($crate::commands::wire::billing::StatementUpload) -> $crate::commands::wire::billing::StatementReport;
                catalog() -> Vec<$crate::commands::wire::operator::CatalogPackage>;
                add_package($crate::commands::wire::operator::NewPackage) -> $crate::commands::wire::operator::CatalogPackage;
                change_package_terms($crate::commands::PackageTermsArgs) -> $crate::commands::wire::operator::CatalogPackage;
                upcoming_lifecycle($crate::commands::UpcomingArgs) -> $crate::commands::wire::operator::Upcoming;
                run_lifecycle() -> $crate::commands::wire::operator::LifecycleRun;
                deliveries($crate::commands::DeliveriesArgs) -> Vec<$crate::commands::wire::operator::Delivery>;
                retry_delivery($crate::commands::DeliveryArgs) -> $crate::commands::wire::operator::Delivery;
                export_payments($crate::commands::ReviewPaymentsArgs) -> $crate::view::CsvExport;
                export_invoices($crate::commands::InvoiceExportArgs) -> $crate::view::CsvExport;
            }
            shell {
                save_invoice_pdf($crate::commands::InvoiceArgs) -> $crate::view::SavedFile;
                update_status() -> $crate::view::UpdateStatus;
                check_for_update() -> $crate::view::UpdateStatus;
                install_update() -> $crate::view::UpdateStatus;
            }
        }
    };
}

/// One IPC command: its name and the TypeScript types of its `args` (if any) and result.
#[derive(Debug, Clone)]
pub struct CommandSpec {
    pub name: &'static str,
    pub args: Option<String>,
    pub returns: String,
}

fn ts_name<T: TS>() -> String {
    T::name(&ts_rs::Config::default())
}

macro_rules! specs {
    ($($section:ident { $($name:ident($($args:ty)?) -> $ret:ty;)* })*) => {
        vec![$($(CommandSpec {
            name: stringify!($name),
            args: None$(.or(Some(ts_name::<$args>())))?,
            returns: ts_name::<$ret>(),
        },)*)*]
    };
}

/// Every command, in the order of the list (and of the UI module).
pub fn commands() -> Vec<CommandSpec> {
    ipc_commands!(specs)
}

/// The TypeScript module wrapping `invoke` for every command.
pub fn typescript_module() -> String {
    let commands = commands();
    let mut types: Vec<&str> = commands
        .iter()
        .flat_map(|c| [c.args.as_deref(), Some(c.returns.as_str())])
        .flatten()
        .map(|t| {
            t.trim_start_matches("Array<")
                .trim_end_matches(" | null")
                .trim_end_matches('>')
        })
        .filter(|t| *t != "null" && *t != "boolean")
        .collect();
    types.sort_unstable();
    types.dedup();
    let mut out = String::from(
        "// Generated from crates/wpplay-desktop/src/commands.rs by its tests. Do not edit.\n\
         import { invoke } from \"@tauri-apps/api/core\";\n",
    );
    for t in &types {
        out.push_str(&format!("import type {{ {t} }} from \"./bindings/{t}\";\n"));
    }
    // The types of the contract, for the adapter to re-export to the screens.
    out.push_str(&format!("\nexport type {{ {} }};\n", types.join(", ")));
    out.push_str("\nexport const commands = {\n");
    for c in &commands {
        let camel = camel_case(c.name);
        match &c.args {
            Some(args) => out.push_str(&format!(
                "  {camel}: (args: {args}) => invoke<{ret}>(\"{name}\", {{ args }}),\n",
                ret = c.returns,
                name = c.name
            )),
            None => out.push_str(&format!(
                "  {camel}: () => invoke<{ret}>(\"{name}\"),\n",
                ret = c.returns,
                name = c.name
            )),
        }
    }
    out.push_str("};\n");
    out
}

fn camel_case(snake: &str) -> String {
    let mut out = String::new();
    let mut upper = false;
    for c in snake.chars() {
        if c == '_' {
            upper = true;
        } else if upper {
            out.push(c.to_ascii_uppercase());
            upper = false;
        } else {
            out.push(c);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    /// Writes `ui/src/lib/backend/bindings/problemKinds.ts`, each error code's kind (the
    /// domain's `Code::kind`) for the UI; CI fails when the committed copy differs.
    #[test]
    fn export_problem_kinds() {
        use wpplay_domain::Code;
        let mut ts = String::from(
            "// Generated from wpplay_domain::code::Code::kind by a test; do not edit.\n\
             import type { Code } from \"./Code\";\n\
             import type { ProblemKind } from \"./ProblemKind\";\n\n\
             export const PROBLEM_KINDS: Record<Code, ProblemKind> = {\n",
        );
        for code in Code::ALL {
            let kind = serde_json::to_string(&code.kind()).expect("serializes");
            ts.push_str(&format!("  {}: {kind},\n", code.as_str()));
        }
        ts.push_str("};\n");
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/backend/bindings/problemKinds.ts");
        std::fs::write(path, ts).expect("write problemKinds.ts");
    }

    /// Writes `ui/src/lib/backend/commands.ts`; CI fails when the committed copy differs.
    #[test]
    fn export_commands_module() {
        let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR"))
            .join("../../ui/src/lib/backend/commands.ts");
        std::fs::create_dir_all(path.parent().expect("has a parent"))
            .expect("create the backend folder");
        std::fs::write(&path, typescript_module()).expect("write commands.ts");
    }

    #[test]
    fn names_are_unique_and_camel_cased() {
        let commands = commands();
        let mut names: Vec<_> = commands.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), commands.len(), "two commands share a name");
        assert_eq!(camel_case("change_password"), "changePassword");
    }
}
