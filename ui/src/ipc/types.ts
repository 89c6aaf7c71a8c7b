// Types shared with the Rust side over IPC, generated from the Rust types by ts-rs
// (src-tauri/src/ts_bindings.rs fails its test when they drift apart), and the file format's
// types, written by hand (procedure.ts).
export type * from './generated';
export type * from './procedure';
export { DATA_ROLES } from './procedure';
