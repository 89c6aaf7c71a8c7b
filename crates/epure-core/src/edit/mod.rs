//! Edits: the invertible operations the editor performs on a procedure (the helix and
//! diagram-js model).
//!
//! [`apply`] changes a procedure and returns the edit that undoes the change, so an undo journal
//! is two lists of edits and nothing else. An edit that would leave a procedure the reader
//! refuses (an unknown id, a duplicate id, a lane still used, a second start, decision
//! probabilities that no longer sum to 1, a negative duration…) is refused, and the procedure is
//! left exactly as it was: what the store keeps can always be read back. Several changes that
//! are only valid together (adding a second way out of a decision and setting both
//! probabilities) go in one [`Edit::Batch`], checked as a whole.
//!
//! Edits are plain data (serde, tagged by `op`), so the store can journal them and the UI can
//! send them; the model values inside them are written as in a file (`repr.rs`). The checks
//! each edit passes are in `check.rs`.

mod check;
mod repr;

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::model::{Actor, DataItem, Flow, Position, Procedure, ProcedureMeta, Step};
use check::{check_actor, check_flow, check_index, check_number, check_position, check_step, check_whole};

/// One change of a procedure. Every variant has an inverse that [`apply`] returns.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Edit {
    /// Adds a step at `index` in the author's order (at the end when absent), with flows that
    /// touch it (how the undo of a removal puts back the step and its flows where they were).
    AddStep {
        #[serde(with = "repr::step")]
        step: Step,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
        #[serde(default, skip_serializing_if = "Vec::is_empty")]
        flows: Vec<PlacedFlow>,
    },
    /// Removes a step and every flow touching it.
    RemoveStep {
        id: String,
    },
    /// Replaces every field of the step with the same id (relabel, change lane, set a duration…).
    UpdateStep {
        #[serde(with = "repr::step")]
        step: Step,
    },
    /// Moves a step on the canvas (`None`: back to automatic layout).
    MoveStep {
        id: String,
        position: Option<Position>,
    },
    /// Connects two steps. A flow with an empty id gets a fresh one (`f1`, `f2`, …).
    AddFlow(PlacedFlow),
    RemoveFlow {
        id: String,
    },
    /// Replaces the fields of the flow with the same id; its ends stay.
    UpdateFlow {
        #[serde(with = "repr::flow")]
        flow: Flow,
    },
    /// Changes the ends of a flow, keeping its place in the author's order.
    ReconnectFlow {
        id: String,
        from: String,
        to: String,
    },
    AddActor {
        #[serde(with = "repr::actor")]
        actor: Actor,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes a lane no step sits in.
    RemoveActor {
        id: String,
    },
    /// Replaces the fields of the lane with the same id (rename it, change its kind or cost).
    UpdateActor {
        #[serde(with = "repr::actor")]
        actor: Actor,
    },
    /// Moves a lane to `index` among the lanes.
    MoveActor {
        id: String,
        index: usize,
    },
    AddData {
        #[serde(with = "repr::data")]
        item: DataItem,
        #[serde(default, skip_serializing_if = "Option::is_none")]
        index: Option<usize>,
    },
    /// Removes a data item no step refers to.
    RemoveData {
        id: String,
    },
    UpdateData {
        #[serde(with = "repr::data")]
        item: DataItem,
    },
    /// Replaces the procedure's description (name, owner, variant, cases per year…).
    SetMeta {
        #[serde(with = "repr::meta")]
        meta: ProcedureMeta,
    },
    /// Several edits applied in order and checked as a whole: all or nothing.
    Batch {
        edits: Vec<Edit>,
    },
}

/// A flow with its ends and, optionally, its place in the author's order.
#[derive(Debug, Clone, PartialEq, Serialize, Deserialize)]
pub struct PlacedFlow {
    pub from: String,
    pub to: String,
    #[serde(with = "repr::flow")]
    pub flow: Flow,
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub index: Option<usize>,
}

/// Why an edit was refused. The procedure is unchanged.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum EditError {
    #[error("unknown {what} \"{id}\"")]
    Unknown { what: &'static str, id: String },
    #[error("a {what} with id \"{id}\" already exists")]
    Duplicate { what: &'static str, id: String },
    #[error("{what} \"{id}\" is still used by step \"{by}\"")]
    InUse { what: &'static str, id: String, by: String },
    /// The change would make a procedure the reader refuses; the message says why.
    #[error("{0}")]
    Invalid(String),
}

fn unknown(what: &'static str, id: &str) -> EditError {
    EditError::Unknown { what, id: id.to_owned() }
}

fn duplicate(what: &'static str, id: &str) -> EditError {
    EditError::Duplicate { what, id: id.to_owned() }
}

/// Applies `edit` to `p` and returns the edit that undoes it.
///
/// On refusal `p` is unchanged. Applying the returned inverse gives back a procedure equal to
/// the one before, with the same canonical bytes; applying the inverse's inverse redoes.
///
/// Complexity: O(steps + flows) for the checks that span the whole procedure (one start,
/// decision probabilities), plus the edit's own cost.
pub fn apply(p: &mut Procedure, edit: &Edit) -> Result<Edit, EditError> {
    let inverse = apply_op(p, edit)?;
    if let Err(e) = check_whole(p) {
        // The inverse of an edit that was just applied always applies: it restores a state
        // that passed every check of the single operations.
        let _ = apply_op(p, &inverse);
        return Err(e);
    }
    Ok(inverse)
}

/// One operation with its own checks, without the whole-procedure checks.
fn apply_op(p: &mut Procedure, edit: &Edit) -> Result<Edit, EditError> {
    match edit {
        Edit::AddStep { step, index, flows } => add_step(p, step, *index, flows),
        Edit::RemoveStep { id } => remove_step(p, id),
        Edit::UpdateStep { step } => {
            check_step(p, step)?;
            let slot = p.step_mut(&step.id).ok_or_else(|| unknown("step", &step.id))?;
            let old = std::mem::replace(slot, step.clone());
            Ok(Edit::UpdateStep { step: old })
        }
        Edit::MoveStep { id, position } => {
            check_position(id, *position)?;
            let slot = p.step_mut(id).ok_or_else(|| unknown("step", id))?;
            let old = std::mem::replace(&mut slot.position, *position);
            Ok(Edit::MoveStep { id: id.clone(), position: old })
        }
        Edit::AddFlow(placed) => add_flow(p, placed),
        Edit::RemoveFlow { id } => {
            let f = p.flow(id).ok_or_else(|| unknown("flow", id))?;
            let (from, to) = (f.from.to_owned(), f.to.to_owned());
            let index = p.flow_position(id);
            let flow = p.remove_flow(id).map_err(|_| unknown("flow", id))?;
            Ok(Edit::AddFlow(PlacedFlow { from, to, flow, index }))
        }
        Edit::UpdateFlow { flow } => {
            check_flow(flow)?;
            let slot = p.flow_mut(&flow.id).ok_or_else(|| unknown("flow", &flow.id))?;
            let old = std::mem::replace(slot, flow.clone());
            Ok(Edit::UpdateFlow { flow: old })
        }
        Edit::ReconnectFlow { id, from, to } => {
            let f = p.flow(id).ok_or_else(|| unknown("flow", id))?;
            let (old_from, old_to) = (f.from.to_owned(), f.to.to_owned());
            for end in [from, to] {
                if p.node(end).is_none() {
                    return Err(unknown("step", end));
                }
            }
            let index = p.flow_position(id).unwrap_or(usize::MAX);
            let flow = p.remove_flow(id).map_err(|_| unknown("flow", id))?;
            // Both ends were checked above and the id was just freed: this cannot be refused.
            p.insert_flow(index, from, to, flow).map_err(|e| EditError::Invalid(e.to_string()))?;
            Ok(Edit::ReconnectFlow { id: id.clone(), from: old_from, to: old_to })
        }
        Edit::AddActor { actor, index } => {
            if p.actor(&actor.id).is_some() {
                return Err(duplicate("actor", &actor.id));
            }
            check_actor(actor)?;
            let at = check_index(*index, p.actors.len())?;
            p.actors.insert(at, actor.clone());
            Ok(Edit::RemoveActor { id: actor.id.clone() })
        }
        Edit::RemoveActor { id } => {
            let at = p.actors.iter().position(|a| a.id == *id).ok_or_else(|| unknown("actor", id))?;
            if let Some(s) = p.steps().find(|s| s.actor.as_deref() == Some(id)) {
                return Err(EditError::InUse { what: "actor", id: id.clone(), by: s.id.clone() });
            }
            let actor = p.actors.remove(at);
            Ok(Edit::AddActor { actor, index: Some(at) })
        }
        Edit::UpdateActor { actor } => {
            check_actor(actor)?;
            let slot = p.actors.iter_mut().find(|a| a.id == actor.id).ok_or_else(|| unknown("actor", &actor.id))?;
            let old = std::mem::replace(slot, actor.clone());
            Ok(Edit::UpdateActor { actor: old })
        }
        Edit::MoveActor { id, index } => {
            let at = p.actors.iter().position(|a| a.id == *id).ok_or_else(|| unknown("actor", id))?;
            if *index >= p.actors.len() {
                return Err(EditError::Invalid(format!("no lane position {index} (there are {})", p.actors.len())));
            }
            let actor = p.actors.remove(at);
            p.actors.insert(*index, actor);
            Ok(Edit::MoveActor { id: id.clone(), index: at })
        }
        Edit::AddData { item, index } => {
            if p.data_item(&item.id).is_some() {
                return Err(duplicate("data item", &item.id));
            }
            let at = check_index(*index, p.data.len())?;
            p.data.insert(at, item.clone());
            Ok(Edit::RemoveData { id: item.id.clone() })
        }
        Edit::RemoveData { id } => {
            let at = p.data.iter().position(|d| d.id == *id).ok_or_else(|| unknown("data item", id))?;
            let used = |s: &Step| [&s.requests, &s.enters, &s.checks, &s.produces].iter().any(|l| l.contains(id));
            if let Some(s) = p.steps().find(|s| used(s)) {
                return Err(EditError::InUse { what: "data item", id: id.clone(), by: s.id.clone() });
            }
            let item = p.data.remove(at);
            Ok(Edit::AddData { item, index: Some(at) })
        }
        Edit::UpdateData { item } => {
            let slot = p.data.iter_mut().find(|d| d.id == item.id).ok_or_else(|| unknown("data item", &item.id))?;
            let old = std::mem::replace(slot, item.clone());
            Ok(Edit::UpdateData { item: old })
        }
        Edit::SetMeta { meta } => {
            check_number("procedure", "cases_per_year", meta.cases_per_year)?;
            let old = std::mem::replace(&mut p.meta, meta.clone());
            Ok(Edit::SetMeta { meta: old })
        }
        Edit::Batch { edits } => {
            let mut inverses = Vec::with_capacity(edits.len());
            for e in edits {
                match apply_op(p, e) {
                    Ok(inv) => inverses.push(inv),
                    Err(err) => {
                        for inv in inverses.iter().rev() {
                            let _ = apply_op(p, inv);
                        }
                        return Err(err);
                    }
                }
            }
            inverses.reverse();
            Ok(Edit::Batch { edits: inverses })
        }
    }
}

fn add_step(p: &mut Procedure, step: &Step, index: Option<usize>, flows: &[PlacedFlow]) -> Result<Edit, EditError> {
    if p.node(&step.id).is_some() {
        return Err(duplicate("step", &step.id));
    }
    check_step(p, step)?;
    let at = check_index(index, p.step_count())?;
    // Check the flows before changing anything, so that a refusal leaves `p` as it was.
    let mut ids = HashSet::new();
    for f in flows {
        if f.flow.id.is_empty() || p.edge(&f.flow.id).is_some() || !ids.insert(f.flow.id.as_str()) {
            return Err(duplicate("flow", &f.flow.id));
        }
        for end in [&f.from, &f.to] {
            if *end != step.id && p.node(end).is_none() {
                return Err(unknown("step", end));
            }
        }
        check_flow(&f.flow)?;
    }
    let _ = p.insert_step(at, step.clone()).map_err(|e| EditError::Invalid(e.to_string()))?;
    // In ascending order of place, each flow lands where it stood before its removal.
    let mut sorted: Vec<&PlacedFlow> = flows.iter().collect();
    sorted.sort_by_key(|f| f.index.unwrap_or(usize::MAX));
    for f in sorted {
        // Ends and ids were checked above.
        let _ = p.insert_flow(f.index.unwrap_or(usize::MAX), &f.from, &f.to, f.flow.clone());
    }
    Ok(Edit::RemoveStep { id: step.id.clone() })
}

fn remove_step(p: &mut Procedure, id: &str) -> Result<Edit, EditError> {
    let index = p.step_position(id).ok_or_else(|| unknown("step", id))?;
    let flows: Vec<PlacedFlow> = p
        .flows()
        .enumerate()
        .filter(|(_, f)| f.from == id || f.to == id)
        .map(|(i, f)| PlacedFlow { from: f.from.to_owned(), to: f.to.to_owned(), flow: f.flow.clone(), index: Some(i) })
        .collect();
    let step = p.remove_step(id).map_err(|_| unknown("step", id))?;
    Ok(Edit::AddStep { step, index: Some(index), flows })
}

fn add_flow(p: &mut Procedure, placed: &PlacedFlow) -> Result<Edit, EditError> {
    let mut flow = placed.flow.clone();
    if flow.id.is_empty() {
        flow.id = p.fresh_flow_id();
    } else if p.edge(&flow.id).is_some() {
        return Err(duplicate("flow", &flow.id));
    }
    for end in [&placed.from, &placed.to] {
        if p.node(end).is_none() {
            return Err(unknown("step", end));
        }
    }
    check_flow(&flow)?;
    let at = check_index(placed.index, p.flow_count())?;
    let id = flow.id.clone();
    p.insert_flow(at, &placed.from, &placed.to, flow).map_err(|e| EditError::Invalid(e.to_string()))?;
    Ok(Edit::RemoveFlow { id })
}
