//! The commands the page may call (each also listed in build.rs). A few lines each.

use epure_core::layout::{LayoutOptions, layout};

use crate::dto::{AppInfo, ProcedureSummary, ProcedureView};
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

/// A sample procedure, opened for viewing: summary and swimlane drawing.
#[tauri::command]
pub fn sample_view(id: String) -> Result<ProcedureView, AppError> {
    let (file, text) = samples::find(&id).ok_or_else(|| AppError::not_found(format!("no sample \"{id}\"")))?;
    let p = epure_core::format::from_str(text).map_err(|e| AppError::invalid_input(format!("{file}: {e}")))?;
    Ok(ProcedureView { summary: ProcedureSummary::of(samples::stem(file), &p), layout: layout(&p, &LayoutOptions::default()) })
}
