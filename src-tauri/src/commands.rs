//! One `#[tauri::command]` per entry of `wpplay_desktop::commands::COMMANDS`.
//! Errors cross the IPC as `{code, message}`.

use crate::AppCore;
use tauri::State;
use wpplay_desktop::commands::{
    AddDealerArgs, AnswerRequestArgs, ChangePasswordArgs, DealerStatusArgs, DeleteDealerArgs,
    EditDealerArgs, LoginArgs, MutationArgs, PasswordArgs, RegisterArgs, RemoveResellerArgs,
    ServerArgs, UpdateProfileArgs,
};
use wpplay_desktop::view::{
    Dashboard, DealerPage, DealerQuery, DealerRow, PasswordStrength, ResellersView, SessionView,
    StartupView, SyncStatus,
};
use wpplay_wire::ErrorBody;
use wpplay_wire::packages::Package;
use wpplay_wire::registration::RegistrationResponse;

type Answer<T> = Result<T, ErrorBody>;

#[tauri::command]
pub async fn startup(core: State<'_, AppCore>) -> Answer<StartupView> {
    core.0.startup().await
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
