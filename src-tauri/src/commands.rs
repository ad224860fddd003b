//! One `#[tauri::command]` per entry of `wpplay_desktop::commands::COMMANDS`.
//! Errors cross the IPC as `{code, message}`.

use crate::AppCore;
use tauri::State;
use wpplay_desktop::commands::{
    AddDealerArgs, AnswerRequestArgs, ChangePasswordArgs, DealerStatusArgs, DeleteDealerArgs,
    EditDealerArgs, ForgetAccountArgs, LoginArgs, MutationArgs, PasswordArgs, RegisterArgs,
    RemoveResellerArgs, ServerArgs, UpdateProfileArgs,
};
use wpplay_desktop::commands::{
    AddStreamArgs, AddSubscriberArgs, AuditArgs, EditSubscriberArgs, ExtendSubscriberArgs,
    PartnerArgs, RequestArgs, RequestPartnerArgs, ResellerSettingsArgs, StreamArgs, SubscriberArgs,
};
use wpplay_desktop::view::UpdateStatus;
use wpplay_desktop::view::{
    ContentView, CsvExport, DirectoryRow, RequestsView, ResellerSettingsView, SubscriberPage,
    SubscriberQuery, SubscriberRow,
};
use wpplay_desktop::view::{
    Dashboard, DealerPage, DealerQuery, DealerRow, PasswordStrength, ResellersView, SessionView,
    StartupView, SyncStatus,
};
use wpplay_wire::ErrorBody;
use wpplay_wire::audit::AuditEntry;
use wpplay_wire::packages::Package;
use wpplay_wire::registration::RegistrationResponse;

type Answer<T> = Result<T, ErrorBody>;

#[tauri::command]
pub async fn startup(core: State<'_, AppCore>) -> Answer<StartupView> {
    core.0.startup().await
}

#[tauri::command]
pub async fn forget_account(core: State<'_, AppCore>, args: ForgetAccountArgs) -> Answer<bool> {
    core.0
        .forget_account(&args.server_url, &args.username)
        .await
}

#[tauri::command]
pub async fn list_packages(core: State<'_, AppCore>, args: ServerArgs) -> Answer<Vec<Package>> {
    core.0.list_packages(args).await
}

#[tauri::command]
pub async fn register(
    core: State<'_, AppCore>,
    args: RegisterArgs,
) -> Answer<RegistrationResponse> {
    core.0.register(args).await
}

#[tauri::command]
pub async fn login(core: State<'_, AppCore>, args: LoginArgs) -> Answer<SessionView> {
    core.0.login(args).await
}

#[tauri::command]
pub async fn change_password(
    core: State<'_, AppCore>,
    args: ChangePasswordArgs,
) -> Answer<SessionView> {
    core.0.change_password(args).await
}

#[tauri::command]
pub fn password_strength(core: State<'_, AppCore>, args: PasswordArgs) -> PasswordStrength {
    core.0.password_strength(&args)
}

#[tauri::command]
pub async fn dashboard(core: State<'_, AppCore>) -> Answer<Dashboard> {
    core.0.dashboard().await
}

#[tauri::command]
pub async fn sync_now(core: State<'_, AppCore>) -> Answer<SyncStatus> {
    core.0.sync_now().await
}

#[tauri::command]
pub async fn resync_all(core: State<'_, AppCore>) -> Answer<SyncStatus> {
    core.0.resync_all().await
}

#[tauri::command]
pub async fn update_profile(
    core: State<'_, AppCore>,
    args: UpdateProfileArgs,
) -> Answer<Dashboard> {
    core.0.update_profile(args).await
}

#[tauri::command]
pub async fn discard_rejected(core: State<'_, AppCore>, args: MutationArgs) -> Answer<SyncStatus> {
    core.0.discard_rejected(args).await
}

#[tauri::command]
pub async fn logout(core: State<'_, AppCore>) -> Answer<()> {
    core.0.logout().await
}

#[tauri::command]
pub async fn list_dealers(core: State<'_, AppCore>, args: DealerQuery) -> Answer<DealerPage> {
    core.0.list_dealers(args).await
}

#[tauri::command]
pub async fn add_dealer(core: State<'_, AppCore>, args: AddDealerArgs) -> Answer<DealerRow> {
    core.0.add_dealer(args).await
}

#[tauri::command]
pub async fn edit_dealer(core: State<'_, AppCore>, args: EditDealerArgs) -> Answer<DealerRow> {
    core.0.edit_dealer(args).await
}

#[tauri::command]
pub async fn set_dealer_status(
    core: State<'_, AppCore>,
    args: DealerStatusArgs,
) -> Answer<DealerRow> {
    core.0.set_dealer_status(args).await
}

#[tauri::command]
pub async fn delete_dealer(core: State<'_, AppCore>, args: DeleteDealerArgs) -> Answer<()> {
    core.0.delete_dealer(args).await
}

#[tauri::command]
pub async fn resellers(core: State<'_, AppCore>) -> Answer<ResellersView> {
    core.0.resellers().await
}

#[tauri::command]
pub async fn answer_request(
    core: State<'_, AppCore>,
    args: AnswerRequestArgs,
) -> Answer<ResellersView> {
    core.0.answer_request(args).await
}

#[tauri::command]
pub async fn remove_reseller(
    core: State<'_, AppCore>,
    args: RemoveResellerArgs,
) -> Answer<ResellersView> {
    core.0.remove_reseller(args).await
}

#[tauri::command]
pub async fn export_dealers(core: State<'_, AppCore>, args: DealerQuery) -> Answer<CsvExport> {
    core.0.export_dealers(args).await
}

#[tauri::command]
pub async fn list_subscribers(
    core: State<'_, AppCore>,
    args: SubscriberQuery,
) -> Answer<SubscriberPage> {
    core.0.list_subscribers(args).await
}

#[tauri::command]
pub async fn add_subscriber(
    core: State<'_, AppCore>,
    args: AddSubscriberArgs,
) -> Answer<SubscriberRow> {
    core.0.add_subscriber(args).await
}

#[tauri::command]
pub async fn edit_subscriber(
    core: State<'_, AppCore>,
    args: EditSubscriberArgs,
) -> Answer<SubscriberRow> {
    core.0.edit_subscriber(args).await
}

#[tauri::command]
pub async fn extend_subscriber(
    core: State<'_, AppCore>,
    args: ExtendSubscriberArgs,
) -> Answer<SubscriberRow> {
    core.0.extend_subscriber(args).await
}

#[tauri::command]
pub async fn remove_subscriber(core: State<'_, AppCore>, args: SubscriberArgs) -> Answer<()> {
    core.0.remove_subscriber(args).await
}

#[tauri::command]
pub async fn export_subscribers(
    core: State<'_, AppCore>,
    args: SubscriberQuery,
) -> Answer<CsvExport> {
    core.0.export_subscribers(args).await
}

#[tauri::command]
pub async fn partner_directory(core: State<'_, AppCore>) -> Answer<Vec<DirectoryRow>> {
    core.0.partner_directory().await
}

#[tauri::command]
pub async fn my_requests(core: State<'_, AppCore>) -> Answer<RequestsView> {
    core.0.my_requests().await
}

#[tauri::command]
pub async fn request_partner(
    core: State<'_, AppCore>,
    args: RequestPartnerArgs,
) -> Answer<RequestsView> {
    core.0.request_partner(args).await
}

#[tauri::command]
pub async fn withdraw_request(core: State<'_, AppCore>, args: RequestArgs) -> Answer<RequestsView> {
    core.0.withdraw_request(args).await
}

#[tauri::command]
pub async fn partner_content(core: State<'_, AppCore>, args: PartnerArgs) -> Answer<ContentView> {
    core.0.partner_content(args).await
}

#[tauri::command]
pub async fn my_content(core: State<'_, AppCore>) -> Answer<ContentView> {
    core.0.my_content().await
}

#[tauri::command]
pub async fn add_stream(core: State<'_, AppCore>, args: AddStreamArgs) -> Answer<ContentView> {
    core.0.add_stream(args).await
}

#[tauri::command]
pub async fn remove_stream(core: State<'_, AppCore>, args: StreamArgs) -> Answer<ContentView> {
    core.0.remove_stream(args).await
}

#[tauri::command]
pub async fn reseller_settings(core: State<'_, AppCore>) -> Answer<ResellerSettingsView> {
    core.0.reseller_settings().await
}

#[tauri::command]
pub async fn update_reseller_settings(
    core: State<'_, AppCore>,
    args: ResellerSettingsArgs,
) -> Answer<ResellerSettingsView> {
    core.0.update_reseller_settings(args).await
}

#[tauri::command]
pub async fn audit_log(core: State<'_, AppCore>, args: AuditArgs) -> Answer<Vec<AuditEntry>> {
    core.0.audit_log(args).await
}

#[tauri::command]
pub async fn billing(core: State<'_, AppCore>) -> Answer<wpplay_wire::billing::BillingView> {
    core.0.billing().await
}

#[tauri::command]
pub async fn offered_packages(core: State<'_, AppCore>) -> Answer<Vec<Package>> {
    core.0.offered_packages().await
}

#[tauri::command]
pub async fn choose_package(
    core: State<'_, AppCore>,
    args: wpplay_desktop::commands::ChangePackageArgs,
) -> Answer<wpplay_wire::billing::ChangePackageResponse> {
    core.0.choose_package(args).await
}

#[tauri::command]
pub async fn save_invoice_pdf(
    app: tauri::AppHandle,
    core: State<'_, AppCore>,
    args: wpplay_desktop::commands::InvoiceArgs,
) -> Answer<wpplay_desktop::view::SavedFile> {
    use tauri_plugin_opener::OpenerExt;
    let saved = core.0.save_invoice_pdf(args).await?;
    // Opened in the user's PDF viewer; the saved file stays either way.
    let opened = match app.opener().open_path(saved.path.clone(), None::<&str>) {
        Ok(()) => true,
        Err(e) => {
            tracing::warn!(error = %e, "the saved invoice could not be opened");
            false
        }
    };
    Ok(wpplay_desktop::view::SavedFile { opened, ..saved })
}

#[tauri::command]
pub async fn update_status(
    app: tauri::AppHandle,
    updates: State<'_, crate::update::Updates>,
) -> Answer<UpdateStatus> {
    Ok(updates.status(&app).await)
}

#[tauri::command]
pub async fn check_for_update(
    app: tauri::AppHandle,
    core: State<'_, AppCore>,
    updates: State<'_, crate::update::Updates>,
) -> Answer<UpdateStatus> {
    Ok(updates.check(&app, &core.0).await)
}

#[tauri::command]
pub async fn install_update(
    app: tauri::AppHandle,
    updates: State<'_, crate::update::Updates>,
) -> Answer<UpdateStatus> {
    Ok(updates.install(&app).await)
}
