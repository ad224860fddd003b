//! One `#[tauri::command]` per entry of `wpplay_desktop::ipc_commands!`, generated from
//! that list, and their registration ([`handler`]). A core command calls the `Core`
//! method of its name; a shell command calls the function of its name below, with the
//! app handle and the core. Errors cross the IPC as `{code, message}`.

use std::sync::Arc;
use tauri::{AppHandle, State};
use wpplay_desktop::Core;
use wpplay_wire::ErrorBody;

type Answer<T> = Result<T, ErrorBody>;

/// The core, shared by every command.
pub struct AppCore(pub Arc<Core>);

macro_rules! tauri_commands {
    (
        core { $($name:ident($($args:ty)?) -> $ret:ty;)* }
        shell { $($shell:ident($($shell_args:ty)?) -> $shell_ret:ty;)* }
    ) => {
        $(
            #[tauri::command]
            pub async fn $name(core: State<'_, AppCore> $(, args: $args)?) -> Answer<$ret> {
                core.0.$name($(std::convert::identity::<$args>(args))?).await
            }
        )*
        $(
            #[tauri::command]
            pub async fn $shell(
                app: AppHandle,
                core: State<'_, AppCore>
                $(, args: $shell_args)?
            ) -> Answer<$shell_ret> {
                shell::$shell(&app, &core.0 $(, std::convert::identity::<$shell_args>(args))?).await
            }
        )*

        /// Every command, for `invoke_handler`.
        pub fn handler() -> impl Fn(tauri::ipc::Invoke) -> bool + Send + Sync + 'static {
            tauri::generate_handler![$($name,)* $($shell,)*]
        }
    };
}

wpplay_desktop::ipc_commands!(tauri_commands);

/// The commands the shell serves itself.
mod shell {
    use crate::commands::Answer;
    use crate::update::Updates;
    use tauri::{AppHandle, Manager};
    use wpplay_desktop::Core;
    use wpplay_desktop::commands::InvoiceArgs;
    use wpplay_desktop::view::{SavedFile, UpdateStatus};

    /// Saves the invoice and opens it in the user's PDF viewer; the saved file stays
    /// either way.
    pub async fn save_invoice_pdf(
        app: &AppHandle,
        core: &Core,
        args: InvoiceArgs,
    ) -> Answer<SavedFile> {
        use tauri_plugin_opener::OpenerExt;
        let saved = core.save_invoice_pdf(args).await?;
        let opened = match app.opener().open_path(saved.path.clone(), None::<&str>) {
            Ok(()) => true,
            Err(e) => {
                tracing::warn!(error = %e, "the saved invoice could not be opened");
                false
            }
        };
        Ok(SavedFile { opened, ..saved })
    }

    pub async fn update_status(app: &AppHandle, _: &Core) -> Answer<UpdateStatus> {
        Ok(app.state::<Updates>().status(app).await)
    }

    pub async fn check_for_update(app: &AppHandle, core: &Core) -> Answer<UpdateStatus> {
        Ok(app.state::<Updates>().check(app, core).await)
    }

    pub async fn install_update(app: &AppHandle, _: &Core) -> Answer<UpdateStatus> {
        Ok(app.state::<Updates>().install(app).await)
    }
}
