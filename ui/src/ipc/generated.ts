// Generated from the Rust types by ts-rs (src-tauri/src/ts_bindings.rs). Do not edit:
// run `EPURE_UPDATE_BINDINGS=1 cargo test -p epure-app ts_bindings` after changing them.

export type IpcError = { 
/**
 * A stable, machine-readable kind: `invalid_input`, `not_found`, `internal`, …
 */
kind: string, message: string, };

export type AppInfo = { version: string, };

export type ProcedureSummary = { id: string, name: string, owner: string | null, work_steps: number, actors: number, handoffs: number, };

export type ProcedureView = { summary: ProcedureSummary, layout: Layout, };

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
