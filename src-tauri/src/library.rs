//! The library's commands: the procedures of the local store, created, duplicated, renamed,
//! deleted, imported from files (procedure files and BPMN) and exported. Each is a few lines
//! over the store; each write is one committed transaction.

use std::path::PathBuf;

use epure_core::Edit;
use tauri::State;

use crate::dto::{ImportOutcome, ProcedureSummary};
use crate::error::AppError;
use crate::files;
use crate::state::AppState;
use crate::workspace::Workspace;

/// A procedure of the store as the library lists it, with its versions.
pub(crate) fn summary(store: &epure_store::Store, id: &str) -> Result<ProcedureSummary, AppError> {
    Ok(ProcedureSummary::of(id, &store.load(id)?, &store.versions(id)?))
}

#[tauri::command]
pub async fn create_procedure(state: State<'_, AppState>, name: String) -> Result<ProcedureSummary, AppError> {
    state
        .run(move |ws| {
            let id = ws.store.create_procedure(&name)?;
            summary(&ws.store, &id)
        })
        .await
}

#[tauri::command]
pub async fn duplicate_procedure(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<ProcedureSummary, AppError> {
    state
        .run(move |ws| {
            let copy = ws.store.duplicate_procedure(&id, &name)?;
            summary(&ws.store, &copy)
        })
        .await
}

/// Renames a procedure: an edit of its description, so it can be undone in the editor.
#[tauri::command]
pub async fn rename_procedure(
    state: State<'_, AppState>,
    id: String,
    name: String,
) -> Result<ProcedureSummary, AppError> {
    state
        .run(move |ws| {
            if name.trim().is_empty() {
                return Err(AppError::invalid_input("a procedure needs a name"));
            }
            let meta = epure_core::ProcedureMeta {
                name: name.trim().to_owned(),
                ..ws.document(&id)?.procedure().meta.clone()
            };
            ws.apply(&id, &Edit::SetMeta { meta })?;
            summary(&ws.store, &id)
        })
        .await
}

#[tauri::command]
pub async fn delete_procedure(state: State<'_, AppState>, id: String) -> Result<(), AppError> {
    state
        .run(move |ws| {
            ws.close(&id);
            Ok(ws.store.delete_procedure(&id)?)
        })
        .await
}

/// Imports files into the store, each on its own: one bad file does not stop the others.
/// A procedure whose id is already in the store comes in as a copy with a new id.
#[tauri::command]
pub async fn import_files(
    state: State<'_, AppState>,
    paths: Vec<PathBuf>,
    english: bool,
) -> Result<Vec<ImportOutcome>, AppError> {
    state.run(move |ws| import_paths(ws, &paths, english)).await
}

fn import_paths(ws: &mut Workspace, paths: &[PathBuf], english: bool) -> Result<Vec<ImportOutcome>, AppError> {
    let mut out = Vec::with_capacity(paths.len());
    for path in paths {
        let file = path.file_name().map(|n| n.to_string_lossy().into_owned()).unwrap_or_default();
        let outcome = match files::read(path, english) {
            Err(e) => ImportOutcome::failed(file, e.kind, e.detail),
            Ok((mut p, notes)) => {
                let taken = p.meta.id.as_deref().is_some_and(|id| ws.store.load(id).is_ok());
                if taken {
                    p.meta.id = None;
                }
                match ws.store.import(&p) {
                    Ok(id) => ImportOutcome::imported(file, summary(&ws.store, &id)?, taken, notes),
                    Err(e) => ImportOutcome::failed(file, e.kind().as_str(), vec![e.to_string()]),
                }
            }
        };
        out.push(outcome);
    }
    Ok(out)
}

/// Saves the working copy to a file the agent chose (`.epure.json`, or `.bpmn` for other tools).
#[tauri::command]
pub async fn export_procedure(state: State<'_, AppState>, id: String, path: PathBuf) -> Result<(), AppError> {
    state.run(move |ws| Ok(files::write(&path, ws.document(&id)?.procedure())?)).await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn workspace(dir: &std::path::Path) -> Workspace {
        Workspace::new(epure_store::Store::open(dir.join("epure.db")).expect("a new store"))
    }

    /// Each file on its own: a procedure file, the same again (a copy), a BPMN model, a broken
    /// file and a missing one; the store keeps what could be read and nothing else.
    #[test]
    fn imports_each_file_on_its_own_and_says_what_became_of_it() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut ws = workspace(dir.path());
        let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
        let sample = root.join("assets/samples/conge-agent.epure.json");
        let broken = dir.path().join("cassé.epure.json");
        std::fs::write(&broken, r#"{"format": "epure.procedure", "version": 1, "procedure": {"name": "x"}, "steps": [{"id": "a", "kind": "task"}]}"#)
            .expect("write");
        let bpmn = dir.path().join("modele.bpmn");
        std::fs::write(
            &bpmn,
            r#"<?xml version="1.0"?><definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL" id="d"><process id="p"><startEvent id="s"/><task id="t" name="Instruire la demande"/><endEvent id="e"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/></process></definitions>"#,
        )
        .expect("write");
        let paths = [sample.clone(), sample, bpmn, broken, dir.path().join("absent.epure.json")];
        let out = import_paths(&mut ws, &paths, false).expect("import");
        let verdicts: Vec<(&str, Option<&str>, bool)> =
            out.iter().map(|o| (o.file.as_str(), o.error.as_deref(), o.copy)).collect();
        assert_eq!(
            verdicts,
            [
                ("conge-agent.epure.json", None, false),
                ("conge-agent.epure.json", None, true),
                ("modele.bpmn", None, false),
                ("cassé.epure.json", Some("invalid_procedure"), false),
                ("absent.epure.json", Some("unreadable"), false),
            ]
        );
        let first = out[0].procedure.as_ref().expect("imported");
        let copy = out[1].procedure.as_ref().expect("imported");
        assert_eq!(first.id, "demande-conges-agent", "the id written in the file");
        assert_ne!(copy.id, first.id, "the copy has an id of its own");
        assert_eq!(copy.name, first.name);
        assert!(out[3].details.iter().any(|d| d.contains("actor")), "{:?}", out[3].details);
        assert_eq!(ws.store.list().expect("list").len(), 3, "only what could be read is stored");
    }

    #[test]
    fn exports_the_working_copy_as_a_procedure_file_or_bpmn() {
        let dir = tempfile::tempdir().expect("temporary folder");
        let mut ws = workspace(dir.path());
        let id = ws.store.create_procedure("Démarche exportée").expect("create");
        let json = dir.path().join("out.epure.json");
        files::write(&json, ws.document(&id).expect("open").procedure()).expect("write");
        let back = epure_core::format::from_slice(&std::fs::read(&json).expect("read")).expect("valid");
        assert_eq!(back.meta.name, "Démarche exportée");
        let bpmn = dir.path().join("out.bpmn");
        files::write(&bpmn, ws.document(&id).expect("open").procedure()).expect("write");
        let (again, _) = epure_bpmn::import(&std::fs::read(&bpmn).expect("read")).expect("BPMN reads back");
        assert_eq!(again.meta.name, "Démarche exportée");
    }
}
