//! The commands the page may call (each also listed in build.rs). A few lines each: DTO in,
//! core or store, DTO out. Those that touch SQLite run on a blocking thread, so the window
//! never waits on the disk.

use tauri::State;

use crate::dto::{AppInfo, ProcedureSummary};
use crate::error::AppError;
use crate::state::AppState;

#[tauri::command]
pub fn app_info() -> AppInfo {
    AppInfo { version: env!("CARGO_PKG_VERSION") }
}

/// A drawing error the page caught (its crash screen, an unhandled rejection), for the support
/// log: the agent sees a sentence, support reads the detail.
#[tauri::command]
pub async fn record_ui_error(state: State<'_, AppState>, message: String) -> Result<(), AppError> {
    state.support_log().record("ui", &message);
    Ok(())
}

/// The procedures of the local store, summarised, by name.
#[tauri::command]
pub async fn list_procedures(state: State<'_, AppState>) -> Result<Vec<ProcedureSummary>, AppError> {
    state
        .run(move |ws| {
            let infos = ws.store.list()?;
            infos.iter().map(|info| crate::library::summary(&ws.store, &info.id)).collect()
        })
        .await
}
