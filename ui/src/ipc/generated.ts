// Generated from the Rust types by ts-rs (src-tauri/src/ts_bindings.rs). Do not edit:
// run `EPURE_UPDATE_BINDINGS=1 cargo test -p epure-app ts_bindings` after changing them.

// The file format's types (procedure, steps, edits) are written by hand in procedure.ts.
import type { Edit, ProcedureFile, StepJson } from './procedure';

export type IpcError = { 
/**
 * A stable, machine-readable kind: `invalid_input`, `not_found`, `internal`, …
 */
kind: string, message: string, };

export type AppInfo = { version: string, };

export type ProcedureSummary = { id: string, name: string, owner: string | null, work_steps: number, actors: number, handoffs: number, 
/**
 * Its named versions (the state before, the simplified targets), oldest first.
 */
versions: Array<VersionView>, };

export type StepKind = "start" | "end" | "task" | "approval" | "check" | "decision" | "parallel";

export type Layout = { width: number, height: number, lanes: Array<Lane>, 
/**
 * In the author's order of steps.
 */
nodes: Array<Node>, 
/**
 * In the author's order of flows.
 */
edges: Array<Edge>, };

export type Lane = { 
/**
 * The actor's id, or `None` for the band of steps that sit in no lane at all.
 */
actor: string | null, name: string, y: number, height: number, };

export type Node = { id: string, kind: StepKind, 
/**
 * The step's label ("" for an unlabelled start, end or gateway).
 */
label: string, 
/**
 * Index into [`Layout::lanes`].
 */
lane: number, 
/**
 * The column along the flow.
 */
rank: number, x: number, y: number, width: number, height: number, 
/**
 * Whether the position came from the procedure (set by hand) rather than from the layout.
 */
fixed: boolean, };

export type Edge = { id: string, from: string, to: string, points: Array<Point>, 
/**
 * A flow that goes back against the reading direction (a loop).
 */
back: boolean, };

export type Point = { x: number, y: number, };

export type EditorState = { id: string, 
/**
 * How many changes were committed: the page drops an answer older than what it shows.
 */
revision: number, 
/**
 * The working copy in the file format (`*.epure.json`, see `ipc/procedure.ts`).
 */
procedure: ProcedureFile, layout: Layout, history: HistoryView, 
/**
 * The id of what the last gesture created (a step, a lane, a data item, a flow), if any.
 */
created: string | null, };

export type HistoryView = { undo: number, redo: number, };

export type AnalysisView = { 
/**
 * The revision analysed: the page ignores an analysis older than what it shows.
 */
revision: number, metrics: MetricsView, findings: Array<FindingView>, };

export type MetricsView = { work_steps: number, actors: number, handoffs: number, handoffs_per_case: number, user_contacts: number, documents_requested: number, requests_per_case: number, touch_time_min: number, lead_time_min: number, cost_per_case_eur: number, cases_per_year: number | null, cost_per_year_eur: number | null, agent_hours_per_year: number | null, 
/**
 * The steps that set the lead time on the most likely way through.
 */
critical_path: Array<string>, };

export type FindingView = { rule: string, severity: 'critical' | 'warning' | 'info', 
/**
 * Ids of the steps, flows and data items concerned: what the canvas highlights.
 */
subjects: Array<string>, title_fr: string, title_en: string, explanation_fr: string, explanation_en: string, suggestion: string | null, };

export type Gesture = { "op": "insert_after", after: string, kind: StepKind, label: string, actor: string | null, } | { "op": "add_step", kind: StepKind, label: string, actor: string | null, } | { "op": "remove_steps", steps: Array<string>, } | { "op": "connect", from: string, to: string, } | { "op": "disconnect", flow: string, } | { "op": "set_probability", flow: string, probability: number, } | { "op": "update_step", step: StepJson, } | { "op": "place", step: string, x: number, y: number, } | { "op": "relayout" } | { "op": "add_actor", name: string, kind: ActorKind, } | { "op": "remove_actor", actor: string, } | { "op": "add_data", name: string, kind: DataKind, } | { "op": "remove_data", item: string, } | { "op": "edit", edit: Edit, };

export type ActorKind = "user" | "agent" | "service" | "partner" | "system";

export type DataKind = "document" | "field";

export type ImportOutcome = { file: string, 
/**
 * The procedure now in the store, when the file was imported.
 */
procedure: ProcedureSummary | null, 
/**
 * Its id was already in the store: it came in as a copy with a new id.
 */
copy: boolean, 
/**
 * Why it was not imported (`invalid_procedure`, `invalid_bpmn`, `too_large`, `unreadable`, …).
 */
error: string | null, 
/**
 * The problems found in the file, or what a BPMN import did not map one to one.
 */
details: Array<string>, };

export type FindingKey = { rule: string, subjects: Array<string>, };

export type ChangeLine = { kind: 'added' | 'removed' | 'moved' | 'changed', label: string, 
/**
 * For a changed step: the fields that change (`requests`, `duration_min`, …).
 */
fields: Array<string>, 
/**
 * For a moved step: the lane it goes to.
 */
to_lane: string | null, };

export type EffectView = { work_steps: number, lead_time_min: number, handoffs_per_case: number, user_contacts: number, requests_per_case: number, cost_per_case_eur: number, };

export type ProposalView = { key: FindingKey, severity: 'critical' | 'warning' | 'info', title_fr: string, title_en: string, explanation_fr: string, explanation_en: string, changes: Array<ChangeLine>, flows_added: number, flows_removed: number, effect: EffectView | null, refusal_fr: string | null, refusal_en: string | null, };

export type ReviewView = { id: string, revision: number, name: string, proposals: Array<ProposalView>, };

export type AppliedView = { key: FindingKey, title_fr: string, title_en: string, refusal_fr: string | null, refusal_en: string | null, };

export type StepStatus = { step: string, status: 'added' | 'removed' | 'changed' | 'moved', };

export type MetricDeltaView = { metric: string, before: number, after: number, change: number, percent: number | null, };

export type PreviewView = { revision: number, layout: Layout, metrics: MetricsView, deltas: Array<MetricDeltaView>, statuses: Array<StepStatus>, applied: Array<AppliedView>, };

export type VersionView = { id: number, procedure_id: string, name: string, variant: 'current' | 'target', derived_from: number | null, author: string, created_at: string, };

export type SideRef = { procedure: string, version: number | null, };

export type SideView = { reference: SideRef, 
/**
 * The procedure's name.
 */
name: string, 
/**
 * The version's name; `null` for the working copy.
 */
version_name: string | null, layout: Layout, metrics: MetricsView, };

export type CompareView = { before: SideView, after: SideView, deltas: Array<MetricDeltaView>, before_status: Array<StepStatus>, after_status: Array<StepStatus>, overlay: Layout, overlay_status: Array<StepStatus>, 
/**
 * The overlay's flows that the after side no longer has (drawn from the before side).
 */
overlay_removed_flows: Array<string>, };

export type ReportView = { id: number, procedure_id: string, created_at: string, lang: 'fr' | 'en', page_count: number, size: number, 
/**
 * SHA-256 of the PDF, lower-case hex.
 */
sha256: string, 
/**
 * The versions reported on, by name (`null`: the working copy).
 */
version_a: string | null, version_b: string | null, 
/**
 * Whether it is a before/after report (its second side is a version of the procedure).
 */
comparison: boolean, };

export type ReportProgress = { phase: 'analysis' | 'model' | 'paginate' | 'pdf' | 'store', 
/**
 * Pages written, during `pdf`.
 */
done: number, total: number, 
/**
 * 0 to 100, never going back.
 */
percent: number, };
