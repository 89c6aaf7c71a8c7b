//! The commands the page may call (each also listed in build.rs). A few lines each: DTO in,
//! core or store, DTO out. Those that touch SQLite run on a blocking thread, so the window
//! never waits on the disk.

use epure_core::layout::{LayoutOptions, layout};
use tauri::State;

use crate::dto::{AppInfo, ProcedureSummary, ProcedureView};
use crate::error::AppError;
use crate::state::{AppState, lock};

#[tauri::command]
pub fn app_info() -> AppInfo {
    AppInfo { version: env!("CARGO_PKG_VERSION") }
}

/// The procedures of the local store, summarised, by name.
#[tauri::command]
pub async fn list_procedures(state: State<'_, AppState>) -> Result<Vec<ProcedureSummary>, AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let store = lock(&store);
        let infos = store.list()?;
        infos.iter().map(|info| Ok(ProcedureSummary::of(&info.id, &store.load(&info.id)?))).collect()
    })
    .await?
}

/// A procedure of the store, opened for viewing: summary and swimlane drawing.
#[tauri::command]
pub async fn procedure_view(state: State<'_, AppState>, id: String) -> Result<ProcedureView, AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let p = lock(&store).load(&id)?;
        Ok(ProcedureView { summary: ProcedureSummary::of(&id, &p), layout: layout(&p, &LayoutOptions::default()) })
    })
    .await?
}
