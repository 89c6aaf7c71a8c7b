//! The desktop shell: wires the window to Épure's crates. It holds no business logic: each
//! command is a few lines that turn a request into a call to `epure-core` or `epure-store`
//! (and, later, the report) and the answer into a DTO for the page.

mod commands;
mod dto;
mod error;
pub mod samples;
mod state;
#[cfg(test)]
mod ts_bindings;

pub use dto::{AppInfo, ProcedureSummary, ProcedureView};
pub use error::AppError;

/// Builds and runs the app until its window is closed.
pub fn run() -> tauri::Result<()> {
    use tauri::Manager;
    let app = tauri::Builder::default()
        .manage(state::AppState::open())
        .invoke_handler(tauri::generate_handler![
            commands::app_info,
            commands::list_procedures,
            commands::procedure_view
        ])
        .build(tauri::generate_context!())?;
    app.run(|handle, event| {
        if let tauri::RunEvent::Exit = event {
            handle.state::<state::AppState>().close();
        }
    });
    Ok(())
}
