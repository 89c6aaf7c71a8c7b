//! The desktop shell: wires the window to Épure's crates. It holds no business logic: each
//! command is a few lines that turn a request into a call to `epure-core` (and, later, the
//! store and the report) and the answer into a DTO for the page.

mod commands;
mod dto;
mod error;
pub mod samples;
#[cfg(test)]
mod ts_bindings;

pub use dto::{AppInfo, ProcedureSummary, ProcedureView};
pub use error::AppError;

/// Builds and runs the app until its window is closed.
pub fn run() -> tauri::Result<()> {
    tauri::Builder::default()
        .invoke_handler(tauri::generate_handler![commands::app_info, commands::list_samples, commands::sample_view])
        .run(tauri::generate_context!())
}
