//! The library's commands: the procedures of the local store, created, duplicated, renamed,
//! deleted, imported from files (procedure files and BPMN) and exported. Each is a few lines
//! over the store; each write is one committed transaction.

use std::path::PathBuf;

use epure_core::Edit;
use tauri::State;

use crate::dto::{ImportOutcome, ProcedureSummary};
use crate::error::AppError;
use crate::files;
use crate::state::{AppState, lock};

fn summary(ws: &mut crate::workspace::Workspace, id: &str) -> Result<ProcedureSummary, AppError> {
    Ok(ProcedureSummary::of(id, &ws.store.load(id)?))
}

#[tauri::command]
pub async fn create_procedure(state: State<'_, AppState>, name: String) -> Result<ProcedureSummary, AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut ws = lock(&store);
        let id = ws.store.create_procedure(&name)?;
        summary(&mut ws, &id)
    })
    .await?
}

#[tauri::command]
pub async fn duplicate_procedure(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<ProcedureSummary, AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut ws = lock(&store);
        let copy = ws.store.duplicate_procedure(&id, &name)?;
        summary(&mut ws, &copy)
    })
    .await?
}

/// Renames a procedure: an edit of its description, so it can be undone in the editor.
#[tauri::command]
pub async fn rename_procedure(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<ProcedureSummary, AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut ws = lock(&store);
        if name.trim().is_empty() {
            return Err(AppError::invalid_input("a procedure needs a name"));
        }
        let meta =
            epure_core::ProcedureMeta { name: name.trim().to_owned(), ..ws.document(&id)?.procedure().meta.clone() };
        ws.apply(&id, &Edit::SetMeta { meta })?;
        summary(&mut ws, &id)
    })
    .await?
}

#[tauri::command]
pub async fn delete_procedure(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut ws = lock(&store);
        ws.close(&id);
        Ok(ws.store.delete_procedure(&id)?)
    })
    .await?
}

/// Imports files into the store, each on its own: one bad file does not stop the others.
/// A procedure whose id is already in the store comes in as a copy with a new id.
#[tauri::command]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    english: bool,
) -> Result<Vec<ImportOutcome>, AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut ws = lock(&store);
        let mut out = Vec::with_capacity(paths.len());
        for path in paths {
            let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
            let outcome = match files::read(&path, english) {
                Err(e) => ImportOutcome::failed(file, e.kind, e.detail),
                Ok((mut p, notes)) => {
                    let taken = p.meta.id.as_deref().is_some_and(|id| ws.store.load(id).is_ok());
                    if taken {
                        p.meta.id = None;
                    }
                    match ws.store.import(&p) {
                        Ok(id) => ImportOutcome::imported(file, summary(&mut ws, &id)?, taken, notes),
                        Err(e) => ImportOutcome::failed(file, e.kind().as_str(), vec![e.to_string()]),
                    }
                }
            };
            out.push(outcome);
        }
        Ok(out)
    })
    .await?
}

/// Saves the working copy to a file the agent chose (`.epure.json`, or `.bpmn` for other tools).
#[tauri::command]
pub async fn export_procedure(state: State<'_, AppState>, id: String, path: PathBuf) -> Result<(), AppError> {
    let store = state.store()?;
    tauri::async_runtime::spawn_blocking(move || {
        let mut ws = lock(&store);
        Ok(files::write(&path, ws.document(&id)?.procedure())?)
    })
    .await?
}
