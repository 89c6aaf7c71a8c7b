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
//! send them.

use std::collections::HashSet;

use serde::{Deserialize, Serialize};

use crate::format::validate::PROBABILITY_TOLERANCE;
use crate::model::{Actor, DataItem, Flow, Position, Procedure, ProcedureMeta, Step, StepKind};

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

/// A place to insert at, among `len` items: `None` means the end.
fn check_index(index: Option<usize>, len: usize) -> Result<usize, EditError> {
    match index {
        None => Ok(len),
        Some(i) if i <= len => Ok(i),
        Some(i) => Err(EditError::Invalid(format!("no position {i} (there are {len} items)"))),
    }
}

fn check_number(whose: &str, field: &str, value: Option<f64>) -> Result<(), EditError> {
    match value {
        Some(x) if x < 0.0 || !x.is_finite() => {
            Err(EditError::Invalid(format!("{whose}: {field} must be a number ≥ 0, not {x}")))
        }
        _ => Ok(()),
    }
}

fn check_position(id: &str, position: Option<Position>) -> Result<(), EditError> {
    match position {
        Some(Position { x, y }) if !x.is_finite() || !y.is_finite() => {
            Err(EditError::Invalid(format!("step \"{id}\": position must be finite")))
        }
        _ => Ok(()),
    }
}

/// The checks the reader makes on one step, against the procedure's lanes and data.
fn check_step(p: &Procedure, s: &Step) -> Result<(), EditError> {
    let whose = format!("step \"{}\"", s.id);
    if s.kind.needs_label() && s.label.is_none() {
        return Err(EditError::Invalid(format!("{whose}: a {} needs a label", s.kind.as_str())));
    }
    match &s.actor {
        None if s.kind.is_work() => {
            return Err(EditError::Invalid(format!("{whose}: a {} needs a lane", s.kind.as_str())));
        }
        Some(a) if p.actor(a).is_none() => return Err(unknown("actor", a)),
        _ => {}
    }
    for list in [&s.requests, &s.enters, &s.checks, &s.produces] {
        if let Some(d) = list.iter().find(|d| p.data_item(d).is_none()) {
            return Err(unknown("data item", d));
        }
    }
    check_number(&whose, "duration_min", s.duration_min)?;
    check_number(&whose, "wait_min", s.wait_min)?;
    check_number(&whose, "cost_eur", s.cost_eur)?;
    check_position(&s.id, s.position)
}

fn check_flow(f: &Flow) -> Result<(), EditError> {
    let whose = format!("flow \"{}\"", f.id);
    if let Some(x) = f.probability
        && !(0.0..=1.0).contains(&x)
    {
        return Err(EditError::Invalid(format!("{whose}: probability {x} is outside [0, 1]")));
    }
    check_number(&whose, "delay_min", f.delay_min)
}

fn check_actor(a: &Actor) -> Result<(), EditError> {
    check_number(&format!("actor \"{}\"", a.id), "hourly_cost_eur", a.hourly_cost_eur)
}

/// What an edit can break beyond its own operation: the single start and the probabilities out
/// of each decision (the same rules as the reader, so the result can always be read back).
fn check_whole(p: &Procedure) -> Result<(), EditError> {
    let mut starts = p.steps().filter(|s| s.kind == StepKind::Start);
    match (starts.next(), starts.next()) {
        (None, _) => return Err(EditError::Invalid("no start step (a procedure has exactly one)".to_owned())),
        (Some(first), Some(second)) => {
            return Err(EditError::Invalid(format!(
                "a second start step \"{}\" (a procedure has exactly one: \"{}\")",
                second.id, first.id
            )));
        }
        _ => {}
    }
    let g = p.graph();
    for &n in p.step_indices() {
        if g[n].kind != StepKind::Decision {
            continue;
        }
        let out = p.outgoing(n);
        if out.is_empty() || (out.len() == 1 && g[out[0].0].probability.is_none()) {
            continue;
        }
        let mut sum = 0.0;
        for &(e, _) in &out {
            match g[e].probability {
                Some(x) => sum += x,
                None => {
                    return Err(EditError::Invalid(format!(
                        "flow \"{}\" leaves decision \"{}\" without a probability",
                        g[e].id, g[n].id
                    )));
                }
            }
        }
        if (sum - 1.0).abs() > PROBABILITY_TOLERANCE {
            return Err(EditError::Invalid(format!(
                "the probabilities of the flows out of decision \"{}\" would sum to {}, not 1",
                g[n].id,
                (sum * 1000.0).round() / 1000.0
            )));
        }
    }
    Ok(())
}

/// How model values travel inside an edit: written as in the file, read through the file's
/// own shapes (`format::raw`), so an edit and a file agree on every field.
mod repr {
    use serde::de::Error as _;
    use serde::{Deserialize, Deserializer, Serialize, Serializer};

    use crate::format::raw::{RawActor, RawData, RawFlow, RawMeta, RawStep};
    use crate::model::{Actor, DataItem, Flow, ProcedureMeta, Step};

    fn required<T, E: serde::de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
        value.ok_or_else(|| E::missing_field(field))
    }

    pub mod step {
        use super::*;

        pub fn serialize<S: Serializer>(step: &Step, s: S) -> Result<S::Ok, S::Error> {
            step.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Step, D::Error> {
            let r = RawStep::deserialize(d)?;
            Ok(Step {
                id: required(r.id, "id")?,
                label: r.label,
                kind: required(r.kind, "kind")?,
                actor: r.actor,
                duration_min: r.duration_min,
                wait_min: r.wait_min,
                cost_eur: r.cost_eur,
                channel: r.channel,
                value: r.value,
                requests: r.requests,
                enters: r.enters,
                checks: r.checks,
                produces: r.produces,
                outcome: r.outcome,
                position: r.position,
                legal_basis: r.legal_basis,
                note: r.note,
                extra: r.extra,
            })
        }
    }

    pub mod flow {
        use super::*;
        use crate::model::{Extra, Medium};

        #[derive(Serialize)]
        struct Out<'a> {
            id: &'a str,
            #[serde(skip_serializing_if = "Option::is_none")]
            label: Option<&'a str>,
            #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
            probability: Option<f64>,
            #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
            delay_min: Option<f64>,
            #[serde(skip_serializing_if = "Option::is_none")]
            medium: Option<Medium>,
            #[serde(flatten)]
            extra: &'a Extra,
        }

        pub fn serialize<S: Serializer>(f: &Flow, s: S) -> Result<S::Ok, S::Error> {
            Out {
                id: &f.id,
                label: f.label.as_deref(),
                probability: f.probability,
                delay_min: f.delay_min,
                medium: f.medium,
                extra: &f.extra,
            }
            .serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Flow, D::Error> {
            let r = RawFlow::deserialize(d)?;
            if r.from.is_some() || r.to.is_some() {
                return Err(D::Error::custom("a flow's ends are given beside it, not inside it"));
            }
            Ok(Flow {
                id: r.id.unwrap_or_default(),
                label: r.label,
                probability: r.probability,
                delay_min: r.delay_min,
                medium: r.medium,
                extra: r.extra,
            })
        }
    }

    pub mod actor {
        use super::*;

        pub fn serialize<S: Serializer>(a: &Actor, s: S) -> Result<S::Ok, S::Error> {
            a.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Actor, D::Error> {
            let r = RawActor::deserialize(d)?;
            Ok(Actor {
                id: required(r.id, "id")?,
                name: required(r.name, "name")?,
                kind: required(r.kind, "kind")?,
                hourly_cost_eur: r.hourly_cost_eur,
                extra: r.extra,
            })
        }
    }

    pub mod data {
        use super::*;

        pub fn serialize<S: Serializer>(item: &DataItem, s: S) -> Result<S::Ok, S::Error> {
            item.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DataItem, D::Error> {
            let r = RawData::deserialize(d)?;
            Ok(DataItem {
                id: required(r.id, "id")?,
                name: required(r.name, "name")?,
                kind: r.kind,
                held_by: r.held_by,
                extra: r.extra,
            })
        }
    }

    pub mod meta {
        use super::*;

        pub fn serialize<S: Serializer>(m: &ProcedureMeta, s: S) -> Result<S::Ok, S::Error> {
            m.serialize(s)
        }

        pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ProcedureMeta, D::Error> {
            let r = RawMeta::deserialize(d)?;
            Ok(ProcedureMeta {
                id: r.id,
                name: required(r.name, "name")?,
                description: r.description,
                owner: r.owner,
                variant: r.variant,
                derived_from: r.derived_from,
                cases_per_year: r.cases_per_year,
                tags: r.tags,
                extra: r.extra,
            })
        }
    }
}
