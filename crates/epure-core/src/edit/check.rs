//! The checks an edit passes before it is kept: each operation's own (numbers, positions,
//! places, ids), then the whole procedure's (one start, decision probabilities).

use crate::format::validate::PROBABILITY_TOLERANCE;
use crate::model::{Actor, Flow, Position, Procedure, Step, StepKind};

use super::{EditError, unknown};

/// A place to insert at, among `len` items: `None` means the end.
pub(super) fn check_index(index: Option<usize>, len: usize) -> Result<usize, EditError> {
    match index {
        None => Ok(len),
        Some(i) if i <= len => Ok(i),
        Some(i) => Err(EditError::Invalid(format!("no position {i} (there are {len} items)"))),
    }
}

pub(super) fn check_number(whose: &str, field: &str, value: Option<f64>) -> Result<(), EditError> {
    match value {
        Some(x) if x < 0.0 || !x.is_finite() => {
            Err(EditError::Invalid(format!("{whose}: {field} must be a number ≥ 0, not {x}")))
        }
        _ => Ok(()),
    }
}

pub(super) fn check_position(id: &str, position: Option<Position>) -> Result<(), EditError> {
    match position {
        Some(Position { x, y }) if !x.is_finite() || !y.is_finite() => {
            Err(EditError::Invalid(format!("step \"{id}\": position must be finite")))
        }
        _ => Ok(()),
    }
}

/// The checks the reader makes on one step, against the procedure's lanes and data.
pub(super) fn check_step(p: &Procedure, s: &Step) -> Result<(), EditError> {
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

pub(super) fn check_flow(f: &Flow) -> Result<(), EditError> {
    let whose = format!("flow \"{}\"", f.id);
    if let Some(x) = f.probability
        && !(0.0..=1.0).contains(&x)
    {
        return Err(EditError::Invalid(format!("{whose}: probability {x} is outside [0, 1]")));
    }
    check_number(&whose, "delay_min", f.delay_min)
}

pub(super) fn check_actor(a: &Actor) -> Result<(), EditError> {
    check_number(&format!("actor \"{}\"", a.id), "hourly_cost_eur", a.hourly_cost_eur)
}

/// What an edit can break beyond its own operation: the single start and the probabilities out
/// of each decision (the same rules as the reader, so the result can always be read back).
pub(super) fn check_whole(p: &Procedure) -> Result<(), EditError> {
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
