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

export type ProcedureSummary = { id: string, name: string, owner: string | null, work_steps: number, actors: number, handoffs: number, };

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
