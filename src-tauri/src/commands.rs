//! The commands the page may call (each also listed in build.rs). A few lines each.

use crate::dto::{AppInfo, ProcedureSummary};
use crate::error::AppError;
use crate::samples;

#[tauri::command]
pub fn app_info() -> AppInfo {
    AppInfo { version: env!("CARGO_PKG_VERSION") }
}

/// The sample procedures shipped with the app, summarised.
#[tauri::command]
pub fn list_samples() -> Result<Vec<ProcedureSummary>, AppError> {
    samples::load_all()
        .into_iter()
        .map(|(file, read)| {
            read.map(|p| ProcedureSummary::of(samples::stem(file), &p))
                .map_err(|e| AppError::invalid_input(format!("{file}: {e}")))
        })
        .collect()
}
