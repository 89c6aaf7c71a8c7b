//! The editor's commands: open a working copy, change it by gestures, undo, redo, analyse.
//! Each change is committed by the store before the answer leaves, then announced on
//! `procedure://{id}/changed` so that every view of the procedure refreshes.

use tauri::{AppHandle, Emitter, State};

use crate::dto::{AnalysisView, EditorState};
use crate::error::AppError;
use crate::gesture::{self, Gesture};
use crate::state::AppState;
use crate::workspace::Workspace;

/// The event every view of a procedure listens to; its payload is the new revision.
pub fn changed_event(id: &str) -> String {
    format!("procedure://{id}/changed")
}

/// The editor's state of a procedure as committed.
fn state_of(ws: &mut Workspace, id: &str, created: Option<String>) -> Result<EditorState, AppError> {
    let history = ws.store.history(id)?;
    Ok(EditorState::of(ws.document(id)?, history, created))
}

/// Runs a change on a blocking thread, then tells the views.
async fn change(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    run: impl FnOnce(&mut Workspace, &str) -> Result<Option<String>, AppError> + Send + 'static,
) -> Result<EditorState, AppError> {
    let key = id.clone();
    let out = state
        .run(move |ws| {
            let created = run(ws, &key)?;
            state_of(ws, &key, created)
        })
        .await?;
    // A view that misses the event still has the answer; nothing to do on failure.
    let _ = app.emit(&changed_event(&id), out.revision);
    Ok(out)
}

#[tauri::command]
pub async fn open_editor(state: State<'_, AppState>, id: String) -> Result<EditorState, AppError> {
    state.run(move |ws| state_of(ws, &id, None)).await
}

/// Applies one gesture of the agent as one committed, undoable edit.
#[tauri::command]
pub async fn edit_procedure(
    app: AppHandle,
    state: State<'_, AppState>,
    id: String,
    gesture: Gesture,
) -> Result<EditorState, AppError> {
    change(app, state, id, move |ws, id| {
        let Some((edit, created)) = gesture::to_edit(ws.document(id)?.procedure(), gesture)? else {
            return Ok(None);
        };
        ws.apply(id, &edit)?;
        Ok(created)
    })
    .await
}

#[tauri::command]
pub async fn undo(app: AppHandle, state: State<'_, AppState>, id: String) -> Result<EditorState, AppError> {
    change(app, state, id, |ws, id| ws.undo(id).map(|_| None).map_err(AppError::from)).await
}

#[tauri::command]
pub async fn redo(app: AppHandle, state: State<'_, AppState>, id: String) -> Result<EditorState, AppError> {
    change(app, state, id, |ws, id| ws.redo(id).map(|_| None).map_err(AppError::from)).await
}

/// Metrics and findings of the working copy, computed in Rust.
#[tauri::command]
pub async fn analyze_procedure(state: State<'_, AppState>, id: String) -> Result<AnalysisView, AppError> {
    state.run(move |ws| Ok(AnalysisView::of(ws.document(&id)?))).await
}
