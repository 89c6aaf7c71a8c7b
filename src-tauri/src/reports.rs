//! Reports from the app: built off the UI thread with their progress sent on a channel, kept in
//! the store with the procedure, opened in the system's PDF viewer, saved where the agent
//! chooses, deleted. A cancelled report stores nothing.

use std::ops::ControlFlow;
use std::path::PathBuf;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use epure_core::{Procedure, Variant};
use epure_report::{Fonts, Lang, Phase, ProcedureSide, ReportInput};
use epure_store::{NewReport, ReportInfo, VersionInfo};
use tauri::ipc::Channel;
use tauri::{AppHandle, Manager, State};

use crate::dto::{ReportProgress, ReportView, SideRef};
use crate::error::AppError;
use crate::review::load_side;
use crate::state::{AppState, lock};

/// Set to stop the report being generated (checked between phases and pages).
#[derive(Default)]
pub struct Cancel(Arc<AtomicBool>);

fn view(info: &ReportInfo, versions: &[VersionInfo]) -> ReportView {
    let name = |v: Option<i64>| v.and_then(|v| versions.iter().find(|i| i.id == v)).map(|i| i.name.clone());
    ReportView {
        id: info.id,
        procedure_id: info.procedure_id.clone(),
        created_at: info.created_at.clone(),
        lang: info.lang.clone(),
        page_count: info.page_count,
        size: info.size,
        sha256: info.sha256.clone(),
        version_a: name(info.version_a),
        version_b: name(info.version_b),
        comparison: info.version_b.is_some(),
    }
}

/// Where the progress bar stands for a phase: analysis, model, pagination, then the pages,
/// then storing. Never goes back.
pub fn progress(phase: &'static str, done: usize, total: usize) -> ReportProgress {
    let share = if total == 0 { 1.0 } else { done as f64 / total as f64 };
    let percent = match phase {
        "analysis" => 0.0,
        "model" => 10.0,
        "paginate" => 30.0,
        "pdf" => 45.0 + 50.0 * share,
        _ => 97.0,
    };
    ReportProgress { phase, done, total, percent }
}

fn side<'p>(lang: Lang, p: &'p Procedure, version: Option<&str>) -> ProcedureSide<'p> {
    // A version is named by its own name ("Cible simplifiée"); the working copy by its variant.
    let label = match version {
        Some(name) => name.to_owned(),
        None => {
            let variant = match p.meta.variant() {
                Variant::Current => lang.pick("état actuel", "current"),
                Variant::Target => lang.pick("cible", "target"),
            };
            format!("{variant} ({})", lang.pick("copie de travail", "working copy"))
        }
    };
    let analysis = epure_core::analysis::analyze(p, &epure_core::analysis::Settings::from_procedure(p));
    epure_report::analysed::side(p, label, &analysis)
}

/// Builds the PDF of one procedure or of a before/after pair; `None` when `on` said stop.
pub fn build(
    lang: Lang,
    date: String,
    before: (&Procedure, Option<&str>),
    after: Option<(&Procedure, Option<&str>)>,
    on: &mut dyn FnMut(ReportProgress) -> ControlFlow<()>,
) -> Result<Option<(Vec<u8>, usize)>, AppError> {
    if on(progress("analysis", 0, 1)).is_break() {
        return Ok(None);
    }
    let before_side = side(lang, before.0, before.1);
    let changes =
        after.map(|(a, _)| epure_report::analysed::changes(before.0, a, &before_side.findings)).unwrap_or_default();
    let input = ReportInput {
        lang,
        generated_on: date,
        author: "Épure".to_owned(),
        before: before_side,
        after: after.map(|(p, v)| side(lang, p, v)),
        changes,
    };
    let fonts = Fonts::from_bytes(dejavu::sans::regular(), dejavu::sans::bold())
        .map_err(|e| AppError { kind: "internal", message: e.to_string() })?;
    let rendered = epure_report::render_with_progress(&input, &fonts, &mut |phase, done, total| {
        let name = match phase {
            Phase::Model => "model",
            Phase::Paginate => "paginate",
            Phase::Pdf => "pdf",
        };
        on(progress(name, done, total))
    });
    match rendered {
        Ok(out) => Ok(Some(out)),
        Err(epure_report::ReportError::Cancelled) => Ok(None),
        Err(e) => Err(AppError { kind: "report_failed", message: e.to_string() }),
    }
}

fn cancelled() -> AppError {
    AppError { kind: "cancelled", message: "the report was cancelled".to_owned() }
}

/// Generates a report of `before` (and `after`: before/after), kept with procedure `id`.
#[tauri::command]
#[allow(clippy::too_many_arguments)]
pub async fn generate_report(
    state: State<'_, AppState>,
    cancel: State<'_, Cancel>,
    id: String,
    before: SideRef,
    after: Option<SideRef>,
    lang: String,
    on_progress: Channel<ReportProgress>,
) -> Result<ReportView, AppError> {
    let store = state.store()?;
    let stop = cancel.0.clone();
    stop.store(false, Ordering::SeqCst);
    let report_lang = if lang == "en" { Lang::En } else { Lang::Fr };
    tauri::async_runtime::spawn_blocking(move || {
        // Read under the lock, build without it: the editor stays usable meanwhile.
        let (a, a_name, b) = {
            let mut ws = lock(&store);
            let (a, a_name) = load_side(&mut ws, &before)?;
            let b = after.as_ref().map(|s| load_side(&mut ws, s)).transpose()?;
            (a, a_name, b)
        };
        let mut on = |p: ReportProgress| {
            // The page may have gone: the report still completes or stops on its own flag.
            let _ = on_progress.send(p);
            if stop.load(Ordering::SeqCst) { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        };
        let b_ref = b.as_ref().map(|(p, n)| (p, n.as_deref()));
        let Some((pdf, pages)) = build(report_lang, today(), (&a, a_name.as_deref()), b_ref, &mut on)? else {
            return Err(cancelled());
        };
        if on(progress("store", 0, 1)).is_break() {
            return Err(cancelled());
        }
        let own = |s: &SideRef| if s.procedure == id { s.version } else { None };
        let new = NewReport {
            procedure_id: id.clone(),
            version_a: own(&before),
            version_b: after.as_ref().and_then(own),
            // The store keeps the interface's codes (`fr`, `en`), as the command line does.
            lang: if report_lang == Lang::En { "en" } else { "fr" }.to_owned(),
            page_count: u32::try_from(pages).unwrap_or(u32::MAX),
        };
        let mut ws = lock(&store);
        let info = ws.store.add_report(&new, &pdf)?;
        let out = view(&info, &ws.store.versions(&id)?);
        let _ = on_progress.send(ReportProgress { phase: "store", done: 1, total: 1, percent: 100.0 });
        Ok(out)
    })
    .await?
}

/// Asks the report being generated to stop; it then stores nothing.
#[tauri::command]
pub fn cancel_report(cancel: State<'_, Cancel>) {
    cancel.0.store(true, Ordering::SeqCst);
}

#[tauri::command]
pub async fn list_reports(state: State<'_, AppState>, id: String) -> Result<Vec<ReportView>, AppError> {
    state
        .run(move |ws| {
            let versions = ws.store.versions(&id)?;
            let reports = ws.store.reports(&id)?;
            // Each report's bytes are read back and checked against their hash: the hash shown is
            // that of the bytes kept, or the list fails as `corrupt`.
            for r in &reports {
                ws.store.report_pdf(r.id)?;
            }
            Ok(reports.iter().rev().map(|r| view(r, &versions)).collect())
        })
        .await
}

/// Opens a report in the system's PDF viewer: the bytes are written to a file of the app's
/// cache folder, and only that file is opened (no path comes from the page).
#[tauri::command]
pub async fn open_report(app: AppHandle, state: State<'_, AppState>, id: i64) -> Result<(), AppError> {
    let store = state.store()?;
    let dir = app.path().app_cache_dir()?.join("reports");
    tauri::async_runtime::spawn_blocking(move || {
        let pdf = lock(&store).store.report_pdf(id)?;
        let io = |e: std::io::Error| AppError { kind: "io", message: e.to_string() };
        std::fs::create_dir_all(&dir).map_err(io)?;
        let path = dir.join(format!("rapport-epure-{id}.pdf"));
        epure_store::write_atomically(&path, &pdf)?;
        tauri_plugin_opener::open_path(&path, None::<&str>)
            .map_err(|e| AppError { kind: "open_failed", message: e.to_string() })
    })
    .await?
}

/// Saves a copy of a report where the agent chose in the native save dialog (atomically).
#[tauri::command]
pub async fn save_report(state: State<'_, AppState>, id: i64, path: PathBuf) -> Result<(), AppError> {
    state.run(move |ws| Ok(ws.store.export_report(id, &path)?)).await
}

#[tauri::command]
pub async fn delete_report(state: State<'_, AppState>, id: i64) -> Result<(), AppError> {
    state.run(move |ws| Ok(ws.store.delete_report(id)?)).await
}

/// Today's date in UTC, as YYYY-MM-DD (the shell reads the clock; the report never does).
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    epure_report::text::iso_date(secs)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cantine() -> Procedure {
        crate::samples::find("cantine").expect("the canteen sample")
    }

    #[test]
    fn progress_only_goes_forward_and_a_stop_gives_nothing() {
        let p = cantine();
        let mut seen = Vec::new();
        let out = build(Lang::Fr, "2026-12-01".into(), (&p, None), Some((&p, Some("Cible"))), &mut |x| {
            seen.push(x.percent);
            ControlFlow::Continue(())
        })
        .expect("report")
        .expect("not stopped");
        assert!(out.0.starts_with(b"%PDF-") && out.1 >= 2);
        assert!(seen.windows(2).all(|w| w[0] <= w[1]), "{seen:?}");
        assert_eq!(seen.len(), 3 + out.1 + 1);
        for stop in [0, 2, 5] {
            let mut calls = 0;
            let none = build(Lang::Fr, "2026-12-01".into(), (&p, None), None, &mut |_| {
                calls += 1;
                if calls > stop { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
            })
            .expect("no error");
            assert!(none.is_none());
        }
    }

    #[test]
    fn a_saved_copy_has_the_stored_bytes() {
        let dir = tempfile::tempdir().expect("dir");
        let mut store = epure_store::Store::open(dir.path().join("epure.db")).expect("store");
        let p = cantine();
        let id = store.import(&p).expect("import");
        let (pdf, pages) = build(Lang::Fr, "2026-12-01".into(), (&p, None), None, &mut |_| ControlFlow::Continue(()))
            .expect("report")
            .expect("built");
        let new = NewReport { procedure_id: id, lang: "fr".into(), page_count: pages as u32, ..Default::default() };
        let info = store.add_report(&new, &pdf).expect("kept");
        let copy = dir.path().join("copie.pdf");
        store.export_report(info.id, &copy).expect("saved");
        assert_eq!(std::fs::read(&copy).expect("read"), pdf);
    }
}
