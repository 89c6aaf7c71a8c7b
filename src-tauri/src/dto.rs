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
}

impl ProcedureSummary {
    pub fn of(id: &str, p: &epure_core::Procedure) -> Self {
        let s = epure_core::graph::summary(p);
        ProcedureSummary {
            id: p.meta.id.clone().unwrap_or_else(|| id.to_owned()),
            name: p.meta.name.clone(),
            owner: p.meta.owner.clone(),
            work_steps: s.work_steps,
            actors: s.actors,
            handoffs: s.handoffs,
        }
    }
}

#[derive(Debug, Clone, PartialEq, Eq, Serialize, TS)]
pub struct AppInfo {
    pub version: &'static str,
}

/// A procedure opened for viewing: its summary and its swimlane drawing, computed in Rust
/// (the same layout the printed report draws).
#[derive(Debug, Clone, PartialEq, Serialize, TS)]
pub struct ProcedureView {
    pub summary: ProcedureSummary,
    pub layout: Layout,
}
