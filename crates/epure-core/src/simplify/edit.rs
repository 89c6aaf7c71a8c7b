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
