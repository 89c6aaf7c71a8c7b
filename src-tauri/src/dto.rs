//! What crosses the IPC boundary. Plain data, named as the page uses it.

use epure_core::layout::Layout;
use serde::Serialize;
use ts_rs::TS;

/// A procedure in a list: enough to recognise it and judge its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct ProcedureSummary {
    pub id: String,
    pub name: String,
    pub owner: Option<String>,
    pub work_steps: usize,
    pub actors: usize,
    pub handoffs: usize,
    /// Its named versions (the state before, the simplified targets), oldest first.
    pub versions: Vec<VersionView>,
}

impl ProcedureSummary {
    pub fn of(id: &str, p: &epure_core::Procedure, versions: &[epure_store::VersionInfo]) -> Self {
        let s = epure_core::graph::summary(p);
        ProcedureSummary {
            id: p.meta.id.clone().unwrap_or_else(|| id.to_owned()),
            name: p.meta.name.clone(),
            owner: p.meta.owner.clone(),
            work_steps: s.work_steps,
            actors: s.actors,
            handoffs: s.handoffs,
            versions: versions.iter().map(VersionView::of).collect(),
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppInfo {
    pub version: &'static str,
}

/// The sizes of a procedure's undo and redo stacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, TS)]
pub struct HistoryView {
    pub undo: usize,
    pub redo: usize,
}

/// A procedure open in the editor, as committed: what the page draws and edits.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EditorState {
    pub id: String,
    /// How many changes were committed: the page drops an answer older than what it shows.
    #[ts(type = "number")]
    pub revision: i64,
    /// The working copy in the file format (`*.epure.json`, see `ipc/procedure.ts`).
    #[ts(type = "ProcedureFile")]
    pub procedure: serde_json::Value,
    pub layout: Layout,
    pub history: HistoryView,
    /// The id of what the last gesture created (a step, a lane, a data item, a flow), if any.
    pub created: Option<String>,
}

impl EditorState {
    pub fn of(doc: &epure_store::Document, history: epure_store::History, created: Option<String>) -> Self {
        let p = doc.procedure();
        EditorState {
            id: doc.id().to_owned(),
            revision: doc.revision(),
            // The canonical writer only writes what the reader accepts: valid JSON.
            procedure: serde_json::from_str(&epure_core::format::to_string(p)).unwrap_or_default(),
            layout: epure_core::layout::layout(p, &epure_core::layout::LayoutOptions::default()),
            history: HistoryView { undo: history.undo, redo: history.redo },
            created,
        }
    }
}

/// The figures of the metrics bar.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricsView {
    pub work_steps: usize,
    pub actors: usize,
    pub handoffs: usize,
    pub handoffs_per_case: f64,
    pub user_contacts: f64,
    pub documents_requested: usize,
    pub requests_per_case: f64,
    pub touch_time_min: f64,
    pub lead_time_min: f64,
    pub cost_per_case_eur: f64,
    pub cases_per_year: Option<f64>,
    pub cost_per_year_eur: Option<f64>,
    pub agent_hours_per_year: Option<f64>,
    /// The steps that set the lead time on the most likely way through.
    pub critical_path: Vec<String>,
}

impl MetricsView {
    pub fn of(m: &epure_core::analysis::Metrics) -> Self {
        MetricsView {
            work_steps: m.work_steps,
            actors: m.actors,
            handoffs: m.handoffs,
            handoffs_per_case: m.handoffs_per_case,
            user_contacts: m.user_contacts,
            documents_requested: m.documents_requested,
            requests_per_case: m.requests_per_case,
            touch_time_min: m.touch_time_min,
            lead_time_min: m.lead_time_min,
            cost_per_case_eur: m.cost_per_case_eur,
            cases_per_year: m.yearly.as_ref().map(|y| y.cases_per_year),
            cost_per_year_eur: m.yearly.as_ref().map(|y| y.cost_eur),
            agent_hours_per_year: m.yearly.as_ref().map(|y| y.agent_hours),
            critical_path: m.critical_path.clone(),
        }
    }
}

/// One finding, in both languages (the page shows the one it speaks).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct FindingView {
    pub rule: String,
    #[ts(type = "'critical' | 'warning' | 'info'")]
    pub severity: String,
    /// Ids of the steps, flows and data items concerned: what the canvas highlights.
    pub subjects: Vec<String>,
    pub title_fr: String,
    pub title_en: String,
    pub explanation_fr: String,
    pub explanation_en: String,
    pub suggestion: Option<String>,
}

/// The live analysis of a working copy.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AnalysisView {
    /// The revision analysed: the page ignores an analysis older than what it shows.
    #[ts(type = "number")]
    pub revision: i64,
    pub metrics: MetricsView,
    pub findings: Vec<FindingView>,
}

impl AnalysisView {
    pub fn of(doc: &epure_store::Document) -> Self {
        use epure_core::analysis::{Settings, analyze};
        let p = doc.procedure();
        let a = analyze(p, &Settings::from_procedure(p));
        let metrics = MetricsView::of(&a.metrics);
        let findings = a
            .findings
            .into_iter()
            .map(|f| FindingView {
                rule: f.rule.to_owned(),
                severity: f.severity.as_str().to_owned(),
                subjects: f.subjects,
                title_fr: f.title_fr,
                title_en: f.title_en,
                explanation_fr: f.explanation_fr,
                explanation_en: f.explanation_en,
                suggestion: f.suggestion.map(str::to_owned),
            })
            .collect();
        AnalysisView { revision: doc.revision(), metrics, findings }
    }
}

/// What became of one file the agent imported.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ImportOutcome {
    pub file: String,
    /// The procedure now in the store, when the file was imported.
    pub procedure: Option<ProcedureSummary>,
    /// Its id was already in the store: it came in as a copy with a new id.
    pub copy: bool,
    /// Why it was not imported (`invalid_procedure`, `invalid_bpmn`, `too_large`, `unreadable`, …).
    pub error: Option<String>,
    /// The problems found in the file, or what a BPMN import did not map one to one.
    pub details: Vec<String>,
}

impl ImportOutcome {
    pub fn imported(file: String, procedure: ProcedureSummary, copy: bool, notes: Vec<String>) -> Self {
        ImportOutcome { file, procedure: Some(procedure), copy, error: None, details: notes }
    }

    pub fn failed(file: String, kind: &str, details: Vec<String>) -> Self {
        ImportOutcome { file, procedure: None, copy: false, error: Some(kind.to_owned()), details }
    }
}

/// A finding named as the review names it: its rule and subjects (what the agent accepts).
#[derive(Debug, Clone, PartialEq, Eq, PartialOrd, Ord, Serialize, serde::Deserialize, TS)]
pub struct FindingKey {
    pub rule: String,
    pub subjects: Vec<String>,
}

/// One change a proposal makes to the drawing, named by the step's label.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ChangeLine {
    #[ts(type = "'added' | 'removed' | 'moved' | 'changed'")]
    pub kind: &'static str,
    pub label: String,
    /// For a changed step: the fields that change (`requests`, `duration_min`, …).
    pub fields: Vec<String>,
    /// For a moved step: the lane it goes to.
    pub to_lane: Option<String>,
}

/// The effect of a proposal per case (after − before), computed by applying it.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct EffectView {
    pub work_steps: f64,
    pub lead_time_min: f64,
    pub handoffs_per_case: f64,
    pub user_contacts: f64,
    pub requests_per_case: f64,
    pub cost_per_case_eur: f64,
}

/// One proposal of the review: its finding, what it changes, its effect, or why it cannot be.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProposalView {
    pub key: FindingKey,
    #[ts(type = "'critical' | 'warning' | 'info'")]
    pub severity: String,
    pub title_fr: String,
    pub title_en: String,
    pub explanation_fr: String,
    pub explanation_en: String,
    pub changes: Vec<ChangeLine>,
    pub flows_added: usize,
    pub flows_removed: usize,
    pub effect: Option<EffectView>,
    pub refusal_fr: Option<String>,
    pub refusal_en: Option<String>,
}

/// The proposals of a working copy at a revision.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReviewView {
    pub id: String,
    #[ts(type = "number")]
    pub revision: i64,
    pub name: String,
    pub proposals: Vec<ProposalView>,
}

/// A transformation made, or refused, while building the target.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct AppliedView {
    pub key: FindingKey,
    pub title_fr: String,
    pub title_en: String,
    pub refusal_fr: Option<String>,
    pub refusal_en: Option<String>,
}

/// A step's part in a comparison.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct StepStatus {
    pub step: String,
    #[ts(type = "'added' | 'removed' | 'changed' | 'moved'")]
    pub status: &'static str,
}

/// One figure before and after (`metric`: the spec's name, `yearly.agent_hours`, …).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct MetricDeltaView {
    pub metric: String,
    pub before: f64,
    pub after: f64,
    pub change: f64,
    pub percent: Option<f64>,
}

/// The procedure the accepted proposals would give, before it is kept.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct PreviewView {
    #[ts(type = "number")]
    pub revision: i64,
    pub layout: Layout,
    pub metrics: MetricsView,
    pub deltas: Vec<MetricDeltaView>,
    pub statuses: Vec<StepStatus>,
    pub applied: Vec<AppliedView>,
}

/// A named version of a procedure.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct VersionView {
    #[ts(type = "number")]
    pub id: i64,
    pub procedure_id: String,
    pub name: String,
    #[ts(type = "'current' | 'target'")]
    pub variant: String,
    #[ts(type = "number | null")]
    pub derived_from: Option<i64>,
    pub author: String,
    pub created_at: String,
}

impl VersionView {
    pub fn of(v: &epure_store::VersionInfo) -> Self {
        VersionView {
            id: v.id,
            procedure_id: v.procedure_id.clone(),
            name: v.name.clone(),
            variant: v.variant.clone(),
            derived_from: v.derived_from,
            author: v.author.clone(),
            created_at: v.created_at.clone(),
        }
    }
}

/// One side of a comparison: a procedure's working copy (`version: null`) or one of its versions.
#[derive(Debug, Clone, PartialEq, Eq, Serialize, serde::Deserialize, TS)]
pub struct SideRef {
    pub procedure: String,
    #[ts(type = "number | null")]
    pub version: Option<i64>,
}

/// One side as drawn and measured.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct SideView {
    pub reference: SideRef,
    /// The procedure's name.
    pub name: String,
    /// The version's name; `null` for the working copy.
    pub version_name: Option<String>,
    pub layout: Layout,
    pub metrics: MetricsView,
}

/// Two procedures or versions compared: both drawings, the statuses of their steps, the
/// overlay (the after drawing with the removed steps where they were), the metrics' deltas.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct CompareView {
    pub before: SideView,
    pub after: SideView,
    pub deltas: Vec<MetricDeltaView>,
    pub before_status: Vec<StepStatus>,
    pub after_status: Vec<StepStatus>,
    pub overlay: Layout,
    pub overlay_status: Vec<StepStatus>,
    /// The overlay's flows that the after side no longer has (drawn from the before side).
    pub overlay_removed_flows: Vec<String>,
}

/// A report kept in the store.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReportView {
    #[ts(type = "number")]
    pub id: i64,
    pub procedure_id: String,
    pub created_at: String,
    #[ts(type = "'fr' | 'en'")]
    pub lang: String,
    pub page_count: u32,
    #[ts(type = "number")]
    pub size: u64,
    /// SHA-256 of the PDF, lower-case hex.
    pub sha256: String,
    /// The versions reported on, by name (`null`: the working copy).
    pub version_a: Option<String>,
    pub version_b: Option<String>,
    /// Whether it is a before/after report (its second side is a version of the procedure).
    pub comparison: bool,
}

/// Where a report being generated is.
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ReportProgress {
    #[ts(type = "'analysis' | 'model' | 'paginate' | 'pdf' | 'store'")]
    pub phase: &'static str,
    /// Pages written, during `pdf`.
    pub done: usize,
    pub total: usize,
    /// 0 to 100, never going back.
    pub percent: f64,
}
