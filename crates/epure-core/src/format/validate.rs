//! Validity: the refusals listed by the format, each naming the field and the offending id.
//!
//! Everything else that looks wrong in a drawing (unreachable steps, loops, dead ends, a task
//! with several outgoing flows) is accepted here and reported by the analysis: an agent who is
//! halfway through drawing must be able to store and reopen the procedure.

use std::collections::{HashMap, HashSet};

use super::raw::{RawActor, RawData, RawFile, RawFlow, RawMeta, RawStep};
use super::{Problem, ReadError};
use crate::model::{Actor, DataItem, Flow, Procedure, ProcedureMeta, Step, StepKind};

/// Tolerance on the sum of a decision's probabilities.
pub const PROBABILITY_TOLERANCE: f64 = 0.001;

pub(super) fn validate(raw: RawFile) -> Result<Procedure, ReadError> {
    let mut v = Validator::default();
    // References are checked against every id the file gives, valid or not, so that one bad
    // actor, data item or step does not cascade into an "unknown" problem at each of its uses.
    let actor_ids: HashSet<String> = raw.actors.iter().filter_map(|a| a.id.clone()).collect();
    let data_ids: HashSet<String> = raw.data.iter().filter_map(|d| d.id.clone()).collect();
    let named_steps: HashSet<String> = raw.steps.iter().filter_map(|s| s.id.clone()).collect();

    let meta = v.meta(raw.procedure);
    let actors: Vec<Actor> = raw.actors.into_iter().enumerate().filter_map(|(i, a)| v.actor(i, a)).collect();
    let data: Vec<DataItem> = raw.data.into_iter().enumerate().filter_map(|(i, d)| v.data(i, d)).collect();
    let steps: Vec<(usize, Step)> =
        raw.steps.into_iter().enumerate().filter_map(|(i, s)| v.step(i, s, &actor_ids, &data_ids)).collect();
    v.single_start(&steps);
    let flows = v.flows(raw.flows, &named_steps);
    v.decision_sums(&steps, &flows);

    if !v.problems.is_empty() {
        return Err(ReadError { problems: v.problems });
    }

    let mut procedure = Procedure::default();
    (procedure.meta, procedure.actors, procedure.data, procedure.extra) = (meta, actors, data, raw.extra);
    for (_, step) in steps {
        // Ids were checked unique above, so adding cannot be refused; stay total all the same.
        if let Err(e) = procedure.add_step(step) {
            return Err(ReadError::one("steps", e.to_string()));
        }
    }
    for f in flows {
        if let Err(e) = procedure.add_flow(&f.from, &f.to, f.flow) {
            return Err(ReadError::one(format!("flows[{}]", f.index), e.to_string()));
        }
    }
    Ok(procedure)
}

/// A flow that passed its own checks, waiting to be added to the graph.
struct CheckedFlow {
    index: usize,
    from: String,
    to: String,
    flow: Flow,
}

#[derive(Default)]
struct Validator {
    problems: Vec<Problem>,
    /// First index of each id, per collection, to name the earlier one in a duplicate message.
    actor_seen: HashMap<String, usize>,
    data_seen: HashMap<String, usize>,
    step_seen: HashMap<String, usize>,
}

impl Validator {
    fn problem(&mut self, path: String, message: String) {
        self.problems.push(Problem::new(path, message));
    }

    fn required(&mut self, path: &str, field: &str, value: Option<String>, whose: &str) -> Option<String> {
        if value.is_none() {
            self.problem(format!("{path}.{field}"), format!("missing{whose}"));
        }
        value
    }

    fn non_negative(&mut self, path: &str, field: &str, value: Option<f64>, whose: &str) -> Option<f64> {
        match value {
            Some(x) if x < 0.0 || !x.is_finite() => {
                self.problem(format!("{path}.{field}"), format!("negative number {x}{whose}"));
                None
            }
            other => other,
        }
    }

    fn unique(&mut self, seen: Collection, index: usize, id: &str) -> bool {
        let (map, what) = match seen {
            Collection::Actors => (&mut self.actor_seen, "actors"),
            Collection::Data => (&mut self.data_seen, "data"),
            Collection::Steps => (&mut self.step_seen, "steps"),
        };
        if let Some(&first) = map.get(id) {
            self.problem(
                format!("{what}[{index}].id"),
                format!("duplicate id \"{id}\" (already used by {what}[{first}])"),
            );
            false
        } else {
            map.insert(id.to_owned(), index);
            true
        }
    }

    fn meta(&mut self, raw: Option<RawMeta>) -> ProcedureMeta {
        let Some(raw) = raw else {
            self.problem("procedure".into(), "missing".into());
            return ProcedureMeta::default();
        };
        let name = self.required("procedure", "name", raw.name, "").unwrap_or_default();
        let cases_per_year = self.non_negative("procedure", "cases_per_year", raw.cases_per_year, "");
        ProcedureMeta {
            id: raw.id,
            name,
            description: raw.description,
            owner: raw.owner,
            variant: raw.variant,
            derived_from: raw.derived_from,
            cases_per_year,
            tags: raw.tags,
            extra: raw.extra,
        }
    }

    fn actor(&mut self, i: usize, raw: RawActor) -> Option<Actor> {
        let path = format!("actors[{i}]");
        let id = self.required(&path, "id", raw.id, "");
        let whose = id.as_deref().map(|id| format!(" (actor \"{id}\")")).unwrap_or_default();
        let name = self.required(&path, "name", raw.name, &whose);
        if raw.kind.is_none() {
            self.problem(format!("{path}.kind"), format!("missing{whose}"));
        }
        let hourly_cost_eur = self.non_negative(&path, "hourly_cost_eur", raw.hourly_cost_eur, &whose);
        let id = id?;
        if !self.unique(Collection::Actors, i, &id) {
            return None;
        }
        Some(Actor { id, name: name?, kind: raw.kind?, hourly_cost_eur, extra: raw.extra })
    }

    fn data(&mut self, i: usize, raw: RawData) -> Option<DataItem> {
        let path = format!("data[{i}]");
        let id = self.required(&path, "id", raw.id, "");
        let whose = id.as_deref().map(|id| format!(" (data item \"{id}\")")).unwrap_or_default();
        let name = self.required(&path, "name", raw.name, &whose);
        let id = id?;
        if !self.unique(Collection::Data, i, &id) {
            return None;
        }
        Some(DataItem { id, name: name?, kind: raw.kind, held_by: raw.held_by, extra: raw.extra })
    }

    fn step(
        &mut self,
        i: usize,
        raw: RawStep,
        actors: &HashSet<String>,
        data: &HashSet<String>,
    ) -> Option<(usize, Step)> {
        let path = format!("steps[{i}]");
        let id = self.required(&path, "id", raw.id, "");
        let whose = id.as_deref().map(|id| format!(" (step \"{id}\")")).unwrap_or_default();
        let Some(kind) = raw.kind else {
            self.problem(format!("{path}.kind"), format!("missing{whose}"));
            return None;
        };
        if kind.needs_label() && raw.label.is_none() {
            self.problem(format!("{path}.label"), format!("missing{whose}"));
        }
        match &raw.actor {
            None if kind.is_work() => {
                self.problem(format!("{path}.actor"), format!("missing: a {} needs a lane{whose}", kind.as_str()));
            }
            Some(a) if !actors.contains(a) => {
                self.problem(format!("{path}.actor"), format!("unknown actor \"{a}\"{whose}"));
            }
            _ => {}
        }
        for (field, list) in
            [("requests", &raw.requests), ("enters", &raw.enters), ("checks", &raw.checks), ("produces", &raw.produces)]
        {
            for (j, d) in list.iter().enumerate() {
                if !data.contains(d) {
                    self.problem(format!("{path}.{field}[{j}]"), format!("unknown data item \"{d}\"{whose}"));
                }
            }
        }
        let duration_min = self.non_negative(&path, "duration_min", raw.duration_min, &whose);
        let wait_min = self.non_negative(&path, "wait_min", raw.wait_min, &whose);
        let cost_eur = self.non_negative(&path, "cost_eur", raw.cost_eur, &whose);
        let id = id?;
        if !self.unique(Collection::Steps, i, &id) {
            return None;
        }
        let step = Step {
            id,
            label: raw.label,
            kind,
            actor: raw.actor,
            duration_min,
            wait_min,
            cost_eur,
            channel: raw.channel,
            value: raw.value,
            requests: raw.requests,
            enters: raw.enters,
            checks: raw.checks,
            produces: raw.produces,
            outcome: raw.outcome,
            position: raw.position,
            legal_basis: raw.legal_basis,
            note: raw.note,
            extra: raw.extra,
        };
        Some((i, step))
    }

    fn single_start(&mut self, steps: &[(usize, Step)]) {
        let mut starts = steps.iter().filter(|(_, s)| s.kind == StepKind::Start);
        match starts.next() {
            None => self.problem("steps".into(), "no start step (a procedure has exactly one)".into()),
            Some((_, first)) => {
                for (i, s) in starts {
                    self.problem(
                        format!("steps[{i}].kind"),
                        format!(
                            "a second start step \"{}\" (a procedure has exactly one; the first is \"{}\")",
                            s.id, first.id
                        ),
                    );
                }
            }
        }
    }

    fn flows(&mut self, raw: Vec<RawFlow>, steps: &HashSet<String>) -> Vec<CheckedFlow> {
        // Ids the author gave are kept; the missing ones are generated without clashing with them.
        let given: HashSet<String> = raw.iter().filter_map(|f| f.id.clone()).collect();
        let mut seen: HashMap<String, usize> = HashMap::new();
        let mut next = 1usize;
        let mut out = Vec::with_capacity(raw.len());
        for (i, f) in raw.into_iter().enumerate() {
            let path = format!("flows[{i}]");
            let id = match f.id {
                Some(id) => id,
                None => loop {
                    let candidate = format!("f{next}");
                    next += 1;
                    if !given.contains(&candidate) {
                        break candidate;
                    }
                },
            };
            let whose = format!(" (flow \"{id}\")");
            let mut ok = true;
            for (field, end) in [("from", &f.from), ("to", &f.to)] {
                match end {
                    None => {
                        self.problem(format!("{path}.{field}"), format!("missing{whose}"));
                        ok = false;
                    }
                    Some(s) if !steps.contains(s) => {
                        self.problem(format!("{path}.{field}"), format!("unknown step \"{s}\"{whose}"));
                        ok = false;
                    }
                    _ => {}
                }
            }
            if let Some(p) = f.probability
                && !(0.0..=1.0).contains(&p)
            {
                self.problem(format!("{path}.probability"), format!("{p} is outside [0, 1]{whose}"));
                ok = false;
            }
            let delay_min = self.non_negative(&path, "delay_min", f.delay_min, &whose);
            if let Some(&first) = seen.get(&id) {
                self.problem(format!("{path}.id"), format!("duplicate id \"{id}\" (already used by flows[{first}])"));
                ok = false;
            } else {
                seen.insert(id.clone(), i);
            }
            if let (true, Some(from), Some(to)) = (ok, f.from, f.to) {
                let flow = Flow {
                    id,
                    label: f.label,
                    probability: f.probability,
                    delay_min,
                    medium: f.medium,
                    extra: f.extra,
                };
                out.push(CheckedFlow { index: i, from, to, flow });
            }
        }
        out
    }

    /// The flows out of each decision carry probabilities that sum to 1. A decision with a single
    /// way out (an exclusive merge) may leave it unstated: it is then certain. A decision drawn
    /// without any way out yet is accepted; the analysis reports the dead end.
    fn decision_sums(&mut self, steps: &[(usize, Step)], flows: &[CheckedFlow]) {
        let mut outs: HashMap<&str, Vec<&CheckedFlow>> = HashMap::new();
        for f in flows {
            outs.entry(f.from.as_str()).or_default().push(f);
        }
        for (i, step) in steps.iter().filter(|(_, s)| s.kind == StepKind::Decision) {
            let Some(out) = outs.get(step.id.as_str()) else { continue };
            if out.len() == 1 && out[0].flow.probability.is_none() {
                continue;
            }
            let mut sum = 0.0;
            let mut complete = true;
            for f in out {
                match f.flow.probability {
                    Some(p) => sum += p,
                    None => {
                        self.problem(
                            format!("flows[{}].probability", f.index),
                            format!("missing: flow \"{}\" leaves decision \"{}\"", f.flow.id, step.id),
                        );
                        complete = false;
                    }
                }
            }
            if complete && (sum - 1.0).abs() > PROBABILITY_TOLERANCE {
                let ids: Vec<&str> = out.iter().map(|f| f.flow.id.as_str()).collect();
                self.problem(
                    format!("steps[{i}]"),
                    format!(
                        "the probabilities of the flows out of decision \"{}\" sum to {}, not 1 ({})",
                        step.id,
                        round3(sum),
                        ids.join(", ")
                    ),
                );
            }
        }
    }
}

#[derive(Clone, Copy)]
enum Collection {
    Actors,
    Data,
    Steps,
}

fn round3(x: f64) -> f64 {
    (x * 1000.0).round() / 1000.0
}
