//! Épure's domain, pure: the procedure model, its file format and validation, and the derived
//! notions (handoffs, lanes, reachability) that analysis, simplification, layout and report
//! build on.
//!
//! **Architecture invariant:** this crate does no I/O and depends on no I/O crate (no SQLite,
//! no PDF, no Tauri, no async runtime). Everything here is a function of its inputs, so the
//! desktop app, the command line and the tests all see the same results.

pub mod analysis;
pub mod compare;
pub mod edit;
pub mod editing;
pub mod format;
pub mod graph;
pub mod layout;
pub mod model;
mod num;
pub mod simplify;
pub mod synthetic;

pub use edit::{Edit, EditError};
pub use format::{Problem, ReadError};
pub use model::{
    Actor, ActorKind, Channel, DataItem, DataKind, Flow, FlowRef, Medium, ModelError, Outcome, Position, Procedure,
    ProcedureMeta, Step, StepKind, ValueClass, Variant,
};
