//! The desktop shell: wires the window to Épure's crates. It holds no business logic: each
//! command is a few lines that turn a request into a call to `epure-core` or `epure-store`
//! or `epure-report` and the answer into a DTO for the page.

mod commands;
mod dto;
mod editor;
mod error;
mod files;
mod gesture;
mod library;
pub mod rendering;
mod reports;
mod review;
pub mod samples;
mod state;
mod support_log;
#[cfg(test)]
mod ts_bindings;
mod workspace;

pub use dto::{AnalysisView, AppInfo, EditorState, ProcedureSummary};
pub use error::AppError;

/// Builds and runs the app until its window is closed.
pub fn run() -> tauri::Result<()> {
    use tauri::Manager;
    let app = tauri::Builder::default()
        .plugin(tauri_plugin_dialog::init())
        .manage(state::AppState::open())
        .manage(reports::Cancel::default())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::record_ui_error,
            commands::list_procedures,
            library::create_procedure,
            library::duplicate_procedure,
            library::rename_procedure,
            library::delete_procedure,
            library::import_files,
            library::export_procedure,
            editor::open_editor,
            editor::edit_procedure,
            editor::undo,
            editor::redo,
            editor::analyze_procedure,
            review::list_proposals,
            review::preview_target,
            review::create_target,
            review::list_versions,
            review::compare_sides,
            reports::generate_report,
            reports::cancel_report,
            reports::list_reports,
            reports::open_report,
            reports::save_report,
            reports::delete_report
        ])
        .build(tauri::generate_context!())?;
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            handle.state::<state::AppState>().close();
        }
    });
    Ok(())
}
