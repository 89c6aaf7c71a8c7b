//! The TypeScript declarations of everything that crosses IPC, generated from the Rust types
//! by ts-rs into `ui/src/ipc/generated.ts`. This test fails when the file and the Rust types
//! drift apart; `EPURE_UPDATE_BINDINGS=1 cargo test -p epure-app ts_bindings` rewrites it.

use epure_core::layout::{Edge, Lane, Layout, Node, Point};
use epure_core::{ActorKind, DataKind, StepKind};
use ts_rs::TS;

use crate::dto::{
    AnalysisView, AppInfo, AppliedView, ChangeLine, CompareView, EditorState, EffectView, FindingKey, FindingView,
    HistoryView, ImportOutcome, MetricDeltaView, MetricsView, PreviewView, ProcedureSummary, ProposalView,
    ReportProgress, ReportView, ReviewView, SideRef, SideView, StepStatus, VersionView,
};
use crate::error::AppError;
use crate::gesture::Gesture;

const PATH: &str = concat!(env!("CARGO_MANIFEST_DIR"), "/ui/src/ipc/generated.ts");

fn declarations() -> String {
    // Default settings, not the environment's: the file must not depend on who generates it.
    let cfg = ts_rs::Config::new();
    let decls = [
        AppError::decl(&cfg),
        AppInfo::decl(&cfg),
        ProcedureSummary::decl(&cfg),
        StepKind::decl(&cfg),
        Layout::decl(&cfg),
        Lane::decl(&cfg),
        Node::decl(&cfg),
        Edge::decl(&cfg),
        Point::decl(&cfg),
        EditorState::decl(&cfg),
        HistoryView::decl(&cfg),
        AnalysisView::decl(&cfg),
        MetricsView::decl(&cfg),
        FindingView::decl(&cfg),
        Gesture::decl(&cfg),
        ActorKind::decl(&cfg),
        DataKind::decl(&cfg),
        ImportOutcome::decl(&cfg),
        FindingKey::decl(&cfg),
        ChangeLine::decl(&cfg),
        EffectView::decl(&cfg),
        ProposalView::decl(&cfg),
        ReviewView::decl(&cfg),
        AppliedView::decl(&cfg),
        StepStatus::decl(&cfg),
        MetricDeltaView::decl(&cfg),
        PreviewView::decl(&cfg),
        VersionView::decl(&cfg),
        SideRef::decl(&cfg),
        SideView::decl(&cfg),
        CompareView::decl(&cfg),
        ReportView::decl(&cfg),
        ReportProgress::decl(&cfg),
    ];
    let mut out = String::from(
        "// Generated from the Rust types by ts-rs (src-tauri/src/ts_bindings.rs). Do not edit:\n\
         // run `EPURE_UPDATE_BINDINGS=1 cargo test -p epure-app ts_bindings` after changing them.\n\n\
         // The file format's types (procedure, steps, edits) are written by hand in procedure.ts.\n\
         import type { Edit, ProcedureFile, StepJson } from './procedure';\n",
    );
    for d in decls {
        out.push('\n');
        out.push_str("export ");
        out.push_str(&d);
        out.push('\n');
    }
    out
}

#[test]
fn ts_bindings_match_the_rust_types() {
    let want = declarations();
    if std::env::var_os("EPURE_UPDATE_BINDINGS").is_some() {
        std::fs::write(PATH, &want).expect("write generated.ts");
        return;
    }
    let have = std::fs::read_to_string(PATH).unwrap_or_default();
    assert!(
        have == want,
        "ui/src/ipc/generated.ts is out of date with the Rust types: run \
         `EPURE_UPDATE_BINDINGS=1 cargo test -p epure-app ts_bindings`\n--- expected ---\n{want}"
    );
}
