//! The IPC contract: every command the shell exposes, with its argument and result types.
//!
//! The shell registers one `#[tauri::command]` per entry; `ui/src/lib/backend/commands.ts`
//! is generated from this table (and checked in CI), so the UI never guesses a name.

use serde::{Deserialize, Serialize};
use ts_rs::TS;
use wpplay_wire::registration::RegistrationRequest;

/// `login`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct LoginArgs {
    pub server_url: String,
    pub username: String,
    pub password: String,
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

/// `update_profile`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct UpdateProfileArgs {
    pub contact_person: String,
    pub phone: String,
}

/// `password_strength`.
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct PasswordArgs {
    pub password: String,
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

/// `update_reseller_settings`.
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

/// `audit_log`: the newest entries, or those before an entry id (the next page).
#[derive(Debug, Clone, Serialize, Deserialize, TS)]
#[ts(export)]
pub struct AuditArgs {
    pub before: Option<i64>,
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

/// One IPC command: its name, the TypeScript type of its `args` (if any) and of its result.
#[derive(Debug, Clone, Copy)]
pub struct CommandSpec {
    pub name: &'static str,
    pub args: Option<&'static str>,
    pub returns: &'static str,
}

const fn cmd(name: &'static str, args: Option<&'static str>, returns: &'static str) -> CommandSpec {
    CommandSpec {
        name,
        args,
        returns,
    }
}

/// Every command, in the order the UI module lists them.
pub const COMMANDS: &[CommandSpec] = &[
    cmd("startup", None, "StartupView"),
    cmd("list_packages", Some("ServerArgs"), "Array<Package>"),
    cmd("register", Some("RegisterArgs"), "RegistrationResponse"),
    cmd("login", Some("LoginArgs"), "SessionView"),
    cmd("forget_account", Some("ForgetAccountArgs"), "boolean"),
    cmd("change_password", Some("ChangePasswordArgs"), "SessionView"),
    cmd(
        "password_strength",
        Some("PasswordArgs"),
        "PasswordStrength",
    ),
    cmd("dashboard", None, "Dashboard"),
    cmd("sync_now", None, "SyncStatus"),
    cmd("resync_all", None, "SyncStatus"),
    cmd("update_profile", Some("UpdateProfileArgs"), "Dashboard"),
    cmd("discard_rejected", Some("MutationArgs"), "SyncStatus"),
    cmd("logout", None, "null"),
    cmd("list_dealers", Some("DealerQuery"), "DealerPage"),
    cmd("add_dealer", Some("AddDealerArgs"), "DealerRow"),
    cmd("edit_dealer", Some("EditDealerArgs"), "DealerRow"),
    cmd("set_dealer_status", Some("DealerStatusArgs"), "DealerRow"),
    cmd("delete_dealer", Some("DeleteDealerArgs"), "null"),
    cmd("resellers", None, "ResellersView"),
    cmd("answer_request", Some("AnswerRequestArgs"), "ResellersView"),
    cmd(
        "remove_reseller",
        Some("RemoveResellerArgs"),
        "ResellersView",
    ),
    cmd("export_dealers", Some("DealerQuery"), "CsvExport"),
    cmd(
        "list_subscribers",
        Some("SubscriberQuery"),
        "SubscriberPage",
    ),
    cmd("add_subscriber", Some("AddSubscriberArgs"), "SubscriberRow"),
    cmd(
        "edit_subscriber",
        Some("EditSubscriberArgs"),
        "SubscriberRow",
    ),
    cmd(
        "extend_subscriber",
        Some("ExtendSubscriberArgs"),
        "SubscriberRow",
    ),
    cmd("remove_subscriber", Some("SubscriberArgs"), "null"),
    cmd("export_subscribers", Some("SubscriberQuery"), "CsvExport"),
    cmd("partner_directory", None, "Array<DirectoryRow>"),
    cmd("my_requests", None, "RequestsView"),
    cmd(
        "request_partner",
        Some("RequestPartnerArgs"),
        "RequestsView",
    ),
    cmd("withdraw_request", Some("RequestArgs"), "RequestsView"),
    cmd("partner_content", Some("PartnerArgs"), "ContentView"),
    cmd("my_content", None, "ContentView"),
    cmd("add_stream", Some("AddStreamArgs"), "ContentView"),
    cmd("remove_stream", Some("StreamArgs"), "ContentView"),
    cmd("reseller_settings", None, "ResellerSettingsView"),
    cmd(
        "update_reseller_settings",
        Some("ResellerSettingsArgs"),
        "ResellerSettingsView",
    ),
    cmd("audit_log", Some("AuditArgs"), "Array<AuditEntry>"),
    cmd("billing", None, "BillingView"),
    cmd("offered_packages", None, "Array<Package>"),
    cmd(
        "choose_package",
        Some("ChangePackageArgs"),
        "ChangePackageResponse",
    ),
    cmd("save_invoice_pdf", Some("InvoiceArgs"), "SavedFile"),
    // Served by the shell (the updater plugin), not the core.
    cmd("update_status", None, "UpdateStatus"),
    cmd("check_for_update", None, "UpdateStatus"),
    cmd("install_update", None, "UpdateStatus"),
];

/// The TypeScript module wrapping `invoke` for every command.
pub fn typescript_module() -> String {
    let mut types: Vec<&str> = COMMANDS
        .iter()
        .flat_map(|c| [c.args, Some(c.returns)])
        .flatten()
        .map(|t| t.trim_start_matches("Array<").trim_end_matches('>'))
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
    out.push_str("\nexport const commands = {\n");
    for c in COMMANDS {
        let camel = camel_case(c.name);
        match c.args {
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
        let mut names: Vec<_> = COMMANDS.iter().map(|c| c.name).collect();
        names.sort_unstable();
        names.dedup();
        assert_eq!(names.len(), COMMANDS.len(), "two commands share a name");
        assert_eq!(camel_case("change_password"), "changePassword");
    }
}
