//! Graph surgery shared by the transformations.

use crate::model::{Flow, Procedure, StepKind};

use super::Refusal;

/// Removes a work step and joins each of its predecessors to its successor, keeping the
/// incoming flow's label, probability, medium and delay (the outgoing transfer disappears with
/// the step). Refused for a step with a legal basis, a step that is not a task, approval or
/// check, and a step with other than one way out.
pub(crate) fn bypass(p: &mut Procedure, id: &str) -> Result<(), Refusal> {
    let Some(n) = p.node(id) else {
        return Err(Refusal::new(format!("l'étape « {id} » n'existe pas"), format!("there is no step “{id}”")));
    };
    let step = &p.graph()[n];
    let label = step.label().to_owned();
    if let Some(basis) = &step.legal_basis {
        return Err(Refusal::new(
            format!("l'étape « {label} » a une base légale ({basis}) : elle n'est jamais supprimée"),
            format!("step “{label}” has a legal basis ({basis}): it is never removed"),
        ));
    }
    if !step.kind.is_work() {
        return Err(Refusal::new(
            format!("« {label} » n'est pas une étape de travail"),
            format!("“{label}” is not a work step"),
        ));
    }
    let outs = p.outgoing(n);
    let [(_, succ)] = outs.as_slice() else {
        return Err(Refusal::new(
            format!("l'étape « {label} » a plusieurs suites : la supprimer demande un arbitrage dans l'éditeur"),
            format!("step “{label}” has several ways out: removing it is a decision for the editor"),
        ));
    };
    let succ = *succ;
    if succ == n || p.incoming(n).iter().any(|&(_, m)| m == n) {
        return Err(Refusal::new(
            format!("l'étape « {label} » boucle sur elle-même"),
            format!("step “{label}” loops on itself"),
        ));
    }
    let succ_id = p.graph()[succ].id.clone();
    let incoming: Vec<(String, Flow)> =
        p.incoming(n).into_iter().map(|(e, m)| (p.graph()[m].id.clone(), p.graph()[e].clone())).collect();
    p.remove_step(id).map_err(|e| Refusal::new(e.to_string(), e.to_string()))?;
    for (pred, flow) in incoming {
        join(p, &pred, &succ_id, flow);
    }
    Ok(())
}

/// Adds `flow` from `from` to `to`, or folds it into a flow already joining them (adding the
/// probabilities when `from` is a decision).
pub(crate) fn join(p: &mut Procedure, from: &str, to: &str, flow: Flow) {
    let existing = p.node(from).and_then(|a| {
        let b = p.node(to)?;
        p.outgoing(a).into_iter().find(|&(_, m)| m == b).map(|(e, _)| p.graph()[e].id.clone())
    });
    let from_decision = p.step(from).is_some_and(|s| s.kind == StepKind::Decision);
    match existing {
        Some(eid) => {
            if from_decision && let Some(f) = p.flow_mut(&eid) {
                f.probability = Some(f.probability.unwrap_or(0.0) + flow.probability.unwrap_or(0.0));
            }
        }
        None => {
            let mut flow = flow;
            if p.flow(&flow.id).is_some() {
                flow.id = p.fresh_flow_id();
            }
            // Both ends exist: they were read from the procedure just before.
            let _ = p.add_flow(from, to, flow);
        }
    }
}

/// Moves flow `id` to join `from` to `to`, keeping its id, label, probability, medium, delay and
/// place in the author's order (so the file still reads in the order it was drawn).
pub(crate) fn reroute(p: &mut Procedure, id: &str, from: &str, to: &str) -> Result<(), Refusal> {
    let refusal = |e: crate::model::ModelError| Refusal::new(e.to_string(), e.to_string());
    let pos = p.flow_position(id).ok_or_else(|| refusal(crate::model::ModelError::UnknownFlow(id.to_owned())))?;
    let flow = p.remove_flow(id).map_err(refusal)?;
    p.insert_flow(pos, from, to, flow).map_err(refusal)?;
    Ok(())
}

/// Adds a plain flow (no label, medium or delay) from `from` to `to`.
pub(crate) fn connect(p: &mut Procedure, from: &str, to: &str) -> Result<(), Refusal> {
    let id = p.fresh_flow_id();
    p.add_flow(from, to, Flow::new(id)).map_err(|e| Refusal::new(e.to_string(), e.to_string()))?;
    Ok(())
}

/// Moves step `id` just before step `before` in the author's order, with its flows kept where
/// they were in the order of flows. Transformations that change the order a case meets steps
/// in call it, because the author's order is what the other transformations read as "first".
pub(crate) fn move_before(p: &mut Procedure, id: &str, before: &str) -> Result<(), Refusal> {
    let refusal = |e: crate::model::ModelError| Refusal::new(e.to_string(), e.to_string());
    let n = p.node(id).ok_or_else(|| refusal(crate::model::ModelError::UnknownStep(id.to_owned())))?;
    let mut flows: Vec<(usize, String, String, Flow)> = Vec::new();
    for (e, _) in p.outgoing(n).into_iter().chain(p.incoming(n)) {
        let flow = p.graph()[e].clone();
        if flows.iter().any(|(_, _, _, f)| f.id == flow.id) {
            continue;
        }
        let Some(r) = p.flow(&flow.id) else { continue };
        let (from, to) = (r.from.to_owned(), r.to.to_owned());
        let pos = p.flow_position(&flow.id).unwrap_or(usize::MAX);
        flows.push((pos, from, to, flow));
    }
    flows.sort_by_key(|f| f.0);
    let step = p.remove_step(id).map_err(refusal)?;
    let at = p.step_position(before).unwrap_or(usize::MAX);
    p.insert_step(at, step).map_err(refusal)?;
    // In increasing order of their old places, each flow goes back to its place.
    for (pos, from, to, flow) in flows {
        p.insert_flow(pos, &from, &to, flow).map_err(refusal)?;
    }
    Ok(())
}
