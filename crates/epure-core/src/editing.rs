//! Gestures: the edits the editor builds from one action of the agent.
//!
//! An agent does not think in [`Edit`]s. "Add a step after this one" means adding the step *and*
//! splicing it into the flow; "connect this decision to that step" means adding the flow *and*
//! sharing the decision's probabilities so they still sum to 1; "tidy up the drawing" means
//! forgetting every hand-placed position. Each function here turns one such gesture into one
//! edit (a [`Edit::Batch`] when it takes several changes), so that it is applied, journaled and
//! undone as one step. Nothing is applied here: the caller applies the edit through the store,
//! which checks it as a whole.
//!
//! Every function is a function of the procedure it reads and refuses, with an [`EditError`],
//! what cannot be done (an unknown id, a step that would lose its place in the flow).

use crate::edit::{Edit, EditError, PlacedFlow};
use crate::layout::Layout;
use crate::model::{Actor, ActorKind, DataItem, DataKind, Extra, Flow, Position, Procedure, Step, StepKind};

fn unknown(what: &'static str, id: &str) -> EditError {
    EditError::Unknown { what, id: id.to_owned() }
}

fn batch(edits: Vec<Edit>) -> Edit {
    if edits.len() == 1 {
        edits.into_iter().next().unwrap_or(Edit::Batch { edits: Vec::new() })
    } else {
        Edit::Batch { edits }
    }
}

fn fresh(prefix: &str, start: usize, taken: impl Fn(&str) -> bool) -> String {
    (start..).map(|n| format!("{prefix}{n}")).find(|c| !taken(c)).unwrap_or_else(|| prefix.to_owned())
}

fn placed(from: &str, to: &str, id: String) -> PlacedFlow {
    PlacedFlow { from: from.to_owned(), to: to.to_owned(), flow: Flow::new(id), index: None }
}

/// The flows out of a step, as `(flow, target)` ids in the author's order.
fn outgoing(p: &Procedure, id: &str) -> Vec<(String, String)> {
    p.flows().filter(|f| f.from == id).map(|f| (f.flow.id.clone(), f.to.to_owned())).collect()
}

fn incoming(p: &Procedure, id: &str) -> Vec<(String, String)> {
    p.flows().filter(|f| f.to == id).map(|f| (f.flow.id.clone(), f.from.to_owned())).collect()
}

/// Probabilities for the flows out of a decision after a gesture: `keep` are the flows that
/// stay (with their current probability, if any), `added` how many new flows join them. Every
/// flow gets an even share when none had a probability; otherwise the new flows get an even
/// share `1 / n` and the old ones are scaled to fill the rest, so that their ratios are kept.
fn shares(keep: &[Option<f64>], added: usize) -> Vec<f64> {
    let n = keep.len() + added;
    if n == 0 {
        return Vec::new();
    }
    let even = 1.0 / n as f64;
    let known: f64 = keep.iter().flatten().sum();
    if keep.iter().all(Option::is_none) || known <= f64::EPSILON {
        return vec![even; n];
    }
    let room = 1.0 - even * added as f64;
    let mut out: Vec<f64> = keep.iter().map(|q| q.unwrap_or(0.0) / known * room).collect();
    out.extend(std::iter::repeat_n(even, added));
    out
}

fn with_probability(p: &Procedure, flow_id: &str, probability: Option<f64>) -> Result<Edit, EditError> {
    let f = p.flow(flow_id).ok_or_else(|| unknown("flow", flow_id))?;
    Ok(Edit::UpdateFlow { flow: Flow { probability, ..f.flow.clone() } })
}

fn round(v: f64) -> f64 {
    (v * 10_000.0).round() / 10_000.0
}

/// Rounds shares to 4 decimals, the rounding remainder going to the last one, so that the
/// sum is exactly 1.
fn rounded(values: &[f64]) -> Vec<f64> {
    let mut out: Vec<f64> = values.iter().map(|&v| round(v)).collect();
    if let Some(last) = out.len().checked_sub(1) {
        let rest: f64 = out[..last].iter().sum();
        out[last] = round(1.0 - rest).max(0.0);
    }
    out
}

/// The updates that give the flows `flows` the probabilities `values`, rounded.
fn assign(p: &Procedure, flows: &[String], values: &[f64]) -> Result<Vec<Edit>, EditError> {
    flows.iter().zip(rounded(values)).map(|(f, v)| with_probability(p, f, Some(v))).collect()
}

/// Adds a step of `kind` right after `after`, in `after`'s lane unless `actor` says otherwise,
/// and splices it into the flow: when `after` has exactly one way out, the new step takes its
/// place on it (`after → new → next`); when it has none, it is connected from `after`; a
/// decision or a fork with several ways out keeps them, and the new step is left to connect.
///
/// Returns the edit and the new step's id.
pub fn insert_after(
    p: &Procedure,
    after: &str,
    kind: StepKind,
    label: &str,
    actor: Option<&str>,
) -> Result<(Edit, String), EditError> {
    let prev = p.step(after).ok_or_else(|| unknown("step", after))?;
    let id = p.fresh_step_id("etape");
    let lane = actor.map(str::to_owned).or_else(|| prev.actor.clone());
    let step = Step { label: Some(label.to_owned()), actor: lane, ..Step::new(&id, kind) };
    let index = p.step_position(after).map(|i| i + 1);
    let mut edits = vec![Edit::AddStep { step, index, flows: Vec::new() }];
    let out = outgoing(p, after);
    match out.as_slice() {
        [(flow, next)] if prev.kind != StepKind::End => {
            edits.push(Edit::ReconnectFlow { id: flow.clone(), from: after.to_owned(), to: id.clone() });
            edits.push(Edit::AddFlow(placed(&id, next, p.fresh_flow_id())));
        }
        [] if prev.kind != StepKind::End => edits.push(Edit::AddFlow(placed(after, &id, p.fresh_flow_id()))),
        _ => {}
    }
    Ok((batch(edits), id))
}

/// Adds a step at the end of the author's order, connected to nothing yet.
pub fn add_step(p: &Procedure, kind: StepKind, label: &str, actor: Option<&str>) -> (Edit, String) {
    let id = p.fresh_step_id(if kind.is_work() { "etape" } else { kind.as_str() });
    let label = if kind.needs_label() || !label.is_empty() { Some(label.to_owned()) } else { None };
    let step = Step { label, actor: actor.map(str::to_owned), ..Step::new(&id, kind) };
    (Edit::AddStep { step, index: None, flows: Vec::new() }, id)
}

/// Removes a step; when it had exactly one way in and one way out, the flow is closed up
/// (`prev → next`), so that deleting a step in a chain keeps the chain.
pub fn remove_bypassing(p: &Procedure, id: &str) -> Result<Edit, EditError> {
    p.step(id).ok_or_else(|| unknown("step", id))?;
    let (ins, outs) = (incoming(p, id), outgoing(p, id));
    let mut edits = Vec::new();
    if let ([(flow_in, prev)], [(_, next)]) = (ins.as_slice(), outs.as_slice())
        && prev != id
        && next != id
    {
        // The flow in keeps its id, label, medium and probability and now reaches the next step.
        edits.push(Edit::ReconnectFlow { id: flow_in.clone(), from: prev.clone(), to: next.clone() });
    } else {
        // The flows in are removed with the step: a decision that loses a way out shares its
        // probabilities again among the ways that stay.
        for (flow, prev) in &ins {
            if prev != id && p.step(prev).is_some_and(|s| s.kind == StepKind::Decision) {
                let stay: Vec<(String, String)> =
                    outgoing(p, prev).into_iter().filter(|(f, to)| f != flow && to != id).collect();
                if !stay.is_empty() {
                    edits.extend(rebalance(p, &stay)?);
                }
            }
        }
    }
    edits.push(Edit::RemoveStep { id: id.to_owned() });
    Ok(batch(edits))
}

/// Removes several steps as one edit, each as [`remove_bypassing`] would on what the previous
/// removals left.
pub fn remove_all(p: &Procedure, ids: &[String]) -> Result<Edit, EditError> {
    let mut scratch = p.clone();
    let mut edits = Vec::with_capacity(ids.len());
    for id in ids {
        let e = remove_bypassing(&scratch, id)?;
        crate::edit::apply(&mut scratch, &e)?;
        edits.push(e);
    }
    Ok(batch(edits))
}

/// New probabilities for the flows that stay out of a decision after one was removed.
fn rebalance(p: &Procedure, stay: &[(String, String)]) -> Result<Vec<Edit>, EditError> {
    if stay.len() == 1 {
        return Ok(vec![with_probability(p, &stay[0].0, None)?]);
    }
    let ids: Vec<String> = stay.iter().map(|(f, _)| f.clone()).collect();
    let old: Vec<Option<f64>> = ids.iter().map(|f| p.flow(f).and_then(|r| r.flow.probability)).collect();
    assign(p, &ids, &shares(&old, 0))
}

/// Connects two steps. Out of a decision, the probabilities are shared again so that they still
/// sum to 1: the new way gets an even share and the others keep their ratios.
///
/// Returns the edit and the new flow's id.
pub fn connect(p: &Procedure, from: &str, to: &str) -> Result<(Edit, String), EditError> {
    let source = p.step(from).ok_or_else(|| unknown("step", from))?;
    p.step(to).ok_or_else(|| unknown("step", to))?;
    if p.flows().any(|f| f.from == from && f.to == to) {
        return Err(EditError::Invalid(format!("\"{from}\" and \"{to}\" are already connected")));
    }
    let id = p.fresh_flow_id();
    let mut new_flow = placed(from, to, id.clone());
    let mut updates = Vec::new();
    if source.kind == StepKind::Decision {
        let out: Vec<String> = outgoing(p, from).into_iter().map(|(f, _)| f).collect();
        if !out.is_empty() {
            let old: Vec<Option<f64>> = out.iter().map(|f| p.flow(f).and_then(|r| r.flow.probability)).collect();
            let values = rounded(&shares(&old, 1));
            for (f, v) in out.iter().zip(&values) {
                updates.push(with_probability(p, f, Some(*v))?);
            }
            // The last share (with the rounding remainder) is the new way's.
            new_flow.flow.probability = values.last().copied();
        }
    }
    let mut edits = vec![Edit::AddFlow(new_flow)];
    edits.append(&mut updates);
    Ok((batch(edits), id))
}

/// Removes a flow; out of a decision, the ways that stay share its probability.
pub fn disconnect(p: &Procedure, flow: &str) -> Result<Edit, EditError> {
    let f = p.flow(flow).ok_or_else(|| unknown("flow", flow))?;
    let mut edits = Vec::new();
    if p.step(f.from).is_some_and(|s| s.kind == StepKind::Decision) {
        let stay: Vec<(String, String)> = outgoing(p, f.from).into_iter().filter(|(id, _)| id != flow).collect();
        if !stay.is_empty() {
            edits.extend(rebalance(p, &stay)?);
        }
    }
    edits.push(Edit::RemoveFlow { id: flow.to_owned() });
    Ok(batch(edits))
}

/// Sets the probability of one way out of a decision; the other ways share the rest in the
/// ratios they had (evenly when they had none), so that the decision always sums to 100 %.
pub fn set_probability(p: &Procedure, flow: &str, probability: f64) -> Result<Edit, EditError> {
    let f = p.flow(flow).ok_or_else(|| unknown("flow", flow))?;
    if !(0.0..=1.0).contains(&probability) {
        return Err(EditError::Invalid(format!("{probability} is outside [0, 1]")));
    }
    if p.step(f.from).is_none_or(|s| s.kind != StepKind::Decision) {
        return Err(EditError::Invalid(format!("flow \"{flow}\" does not leave a decision")));
    }
    let out = outgoing(p, f.from);
    let others: Vec<String> = out.iter().map(|(id, _)| id.clone()).filter(|id| id != flow).collect();
    if others.is_empty() {
        return with_probability(p, flow, Some(1.0));
    }
    let old: Vec<f64> = others.iter().map(|o| p.flow(o).and_then(|r| r.flow.probability).unwrap_or(0.0)).collect();
    let known: f64 = old.iter().sum();
    let room = 1.0 - probability;
    let values: Vec<f64> = if known <= f64::EPSILON {
        vec![room / others.len() as f64; others.len()]
    } else {
        old.iter().map(|q| q / known * room).collect()
    };
    let mut ids = vec![flow.to_owned()];
    ids.extend(others);
    let mut all = vec![probability];
    all.extend(values);
    Ok(batch(assign(p, &ids, &all)?))
}

/// Changes a step's fields (relabel, change lane, kind, durations, documents…). A step that
/// becomes a decision gets even probabilities on its ways out; one that stops being a decision
/// loses them.
pub fn update_step(p: &Procedure, step: Step) -> Result<Edit, EditError> {
    let old = p.step(&step.id).ok_or_else(|| unknown("step", &step.id))?;
    let becomes = step.kind == StepKind::Decision && old.kind != StepKind::Decision;
    let leaves = step.kind != StepKind::Decision && old.kind == StepKind::Decision;
    let out = outgoing(p, &step.id);
    let mut edits = vec![Edit::UpdateStep { step: step.clone() }];
    if becomes && out.len() > 1 {
        let ids: Vec<String> = out.into_iter().map(|(f, _)| f).collect();
        let values = vec![1.0 / ids.len() as f64; ids.len()];
        edits.extend(assign(p, &ids, &values)?);
    } else if leaves {
        for (f, _) in out {
            edits.push(with_probability(p, &f, None)?);
        }
    }
    Ok(batch(edits))
}

/// Forgets every hand-placed position, so the automatic layout places every step ("Mettre en
/// forme"). One edit, so one undo; `None` when nothing was placed by hand.
pub fn relayout(p: &Procedure) -> Option<Edit> {
    let edits: Vec<Edit> = p
        .steps()
        .filter(|s| s.position.is_some())
        .map(|s| Edit::MoveStep { id: s.id.clone(), position: None })
        .collect();
    if edits.is_empty() { None } else { Some(batch(edits)) }
}

/// Puts a step where the agent dropped it (top-left corner at `x`, `y` in layout units). When
/// its centre falls in another actor's lane of `layout`, the step changes lane too.
pub fn place(p: &Procedure, layout: &Layout, id: &str, x: f64, y: f64) -> Result<Edit, EditError> {
    let step = p.step(id).ok_or_else(|| unknown("step", id))?;
    let node = layout.nodes.iter().find(|n| n.id == id).ok_or_else(|| unknown("step", id))?;
    let centre = y + node.height / 2.0;
    let lane = layout.lanes.iter().find(|l| centre >= l.y && centre < l.y + l.height).and_then(|l| l.actor.clone());
    let mut edits = Vec::new();
    if let Some(actor) = lane
        && step.actor.as_deref() != Some(actor.as_str())
        && step.kind.needs_label()
    {
        edits.push(Edit::UpdateStep { step: Step { actor: Some(actor), ..step.clone() } });
    }
    edits.push(Edit::MoveStep { id: id.to_owned(), position: Some(Position { x: x.round(), y: y.round() }) });
    Ok(batch(edits))
}

/// Adds a lane at the end.
///
/// Returns the edit and the new actor's id.
pub fn add_actor(p: &Procedure, name: &str, kind: ActorKind) -> (Edit, String) {
    let id = fresh("acteur-", p.actors.len() + 1, |c| p.actor(c).is_some());
    let actor = Actor { id: id.clone(), name: name.to_owned(), kind, hourly_cost_eur: None, extra: Extra::new() };
    (Edit::AddActor { actor, index: None }, id)
}

/// Adds a document or datum to the data dictionary.
///
/// Returns the edit and the new item's id.
pub fn add_data(p: &Procedure, name: &str, kind: DataKind) -> (Edit, String) {
    let id = fresh("piece-", p.data.len() + 1, |c| p.data_item(c).is_some());
    let item =
        DataItem { id: id.clone(), name: name.to_owned(), kind: Some(kind), held_by: Vec::new(), extra: Extra::new() };
    (Edit::AddData { item, index: None }, id)
}

/// Removes a data item and every mention of it in the steps (requested, entered, checked,
/// produced), as one edit.
pub fn remove_data(p: &Procedure, id: &str) -> Result<Edit, EditError> {
    p.data_item(id).ok_or_else(|| unknown("data item", id))?;
    let mut edits: Vec<Edit> = p
        .steps()
        .filter(|s| [&s.requests, &s.enters, &s.checks, &s.produces].iter().any(|l| l.iter().any(|d| d == id)))
        .map(|s| {
            let keep = |l: &Vec<String>| l.iter().filter(|d| *d != id).cloned().collect::<Vec<_>>();
            Edit::UpdateStep {
                step: Step {
                    requests: keep(&s.requests),
                    enters: keep(&s.enters),
                    checks: keep(&s.checks),
                    produces: keep(&s.produces),
                    ..s.clone()
                },
            }
        })
        .collect();
    edits.push(Edit::RemoveData { id: id.to_owned() });
    Ok(batch(edits))
}

/// Removes a lane no step sits in any more (the caller moves or removes its steps first).
pub fn remove_actor(p: &Procedure, id: &str) -> Result<Edit, EditError> {
    p.actor(id).ok_or_else(|| unknown("actor", id))?;
    Ok(Edit::RemoveActor { id: id.to_owned() })
}

#[cfg(test)]
mod tests;
