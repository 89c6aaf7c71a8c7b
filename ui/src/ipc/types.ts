// Types shared with the Rust side over IPC, generated from the Rust types by ts-rs
// (src-tauri/src/ts_bindings.rs fails its test when they drift apart).
export type {
  AppInfo,
  Edge,
  IpcError,
  Lane,
  Layout,
  Node,
  Point,
  ProcedureSummary,
  ProcedureView,
  StepKind,
} from './generated';
