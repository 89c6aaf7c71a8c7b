//! What crosses the IPC boundary. Plain data, named as the page uses it.

use serde::Serialize;

/// A procedure in a list: enough to recognise it and judge its size.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
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

#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct AppInfo {
    pub version: &'static str,
}
