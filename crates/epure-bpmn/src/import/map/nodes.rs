//! Lanes and pools → actors; flow nodes (tasks, events, gateways, sub-processes) → steps.

use std::collections::{HashMap, HashSet};

use epure_core::{ActorKind, Outcome, Position, Step, StepKind};

use super::{HANDLED_IN_PROCESS, Mapper, SUB_PROCESSES, is_flow_node, trimmed};
use crate::import::words::{channel_of, infer_actor_kind, iso_duration_minutes, outcome_from_name, parse_actor_kind};
use crate::import::xml::Ns;
use crate::report::Action;

impl<'t> Mapper<'t> {
    /// Lanes → actors; flow nodes → steps.
    pub(super) fn process(&mut self, proc_el: usize, main: bool) {
        let t = self.t;
        let pe = t.get(proc_el);
        let proc_id = pe.attr("id").unwrap_or_default().to_owned();
        let pool = self.pool_of(&proc_id);
        let owner_id = pool.map(|p| p.id.clone()).filter(|s| !s.is_empty()).unwrap_or_else(|| proc_id.clone());
        let owner_name = pool
            .and_then(|p| p.name.clone())
            .or_else(|| trimmed(pe.attr("name")))
            .unwrap_or_else(|| format!("Processus {proc_id}"));
        if main {
            let doc = self.documentation(proc_el).join("\n");
            if !doc.is_empty() {
                self.p.meta.description = Some(doc);
            }
        }
        let (lane_of, has_lanes) = self.lanes(proc_el, main, &owner_name);
        let mut default_actor: Option<String> = None;

        for c in t.model_children(proc_el).collect::<Vec<_>>() {
            let e = t.get(c);
            let name = e.name.as_str();
            let bpmn_id = e.attr("id").unwrap_or_default().to_owned();
            if !is_flow_node(name) {
                if !HANDLED_IN_PROCESS.contains(&name) {
                    self.r.push(name, &bpmn_id, Action::NotImported);
                }
                continue;
            }
            let (mut step, note, report) = self.step_of_node(c, main);
            self.read_epure_attrs(c, &mut step);
            step.actor = lane_of.get(&bpmn_id).cloned();
            if step.actor.is_none() && step.kind.is_work() {
                let actor = match &default_actor {
                    Some(a) => a.clone(),
                    None => {
                        let a = self.add_actor("process", &owner_id, owner_name.clone(), actor_kind(main, &owner_name));
                        if !has_lanes {
                            self.r.push("process", &proc_id, Action::DefaultActor { actor: a.clone() });
                        }
                        default_actor = Some(a.clone());
                        a
                    }
                };
                step.actor = Some(actor);
            }
            if let Some(&(x, y)) = self.bounds.get(&bpmn_id) {
                step.position = Some(Position { x, y });
            }
            if !note.is_empty() {
                step.note = Some(note.join("\n"));
            }
            let id = self.add_step(name, &bpmn_id, step);
            if let Some(b) = self.boundaries.last_mut()
                && name == "boundaryEvent"
                && b.2 == bpmn_id
            {
                b.0 = id.clone();
            }
            if let Some(mut action) = report {
                set_step(&mut action, &id);
                self.r.push(name, &bpmn_id, action);
            }
            if SUB_PROCESSES.contains(&name) {
                for (inner, _) in self.inner_elements(c) {
                    let ie = t.get(inner);
                    let inner_id = ie.attr("id").unwrap_or_default();
                    if is_flow_node(&ie.name) {
                        self.node_step.insert(inner_id.to_owned(), id.clone());
                    }
                    self.r.push(&ie.name, inner_id, Action::InsideSubProcess { step: id.clone() });
                }
            }
        }
        if !has_lanes && default_actor.is_none() && !t.model_children(proc_el).any(|c| is_flow_node(&t.get(c).name)) {
            // An empty process still names its pool: keep it as an actor so no pool is lost.
            let a = self.add_actor("process", &owner_id, owner_name.clone(), actor_kind(main, &owner_name));
            self.r.push("process", &proc_id, Action::DefaultActor { actor: a });
        }
    }

    /// Lanes in document order → actors, and which actor each flow node's lane is (a child
    /// lane comes after its parent, so the deepest lane holding a node is the last one to claim
    /// it); whether the process has lanes at all.
    fn lanes(&mut self, proc_el: usize, main: bool, owner_name: &str) -> (HashMap<String, String>, bool) {
        let t = self.t;
        let mut lane_of: HashMap<String, String> = HashMap::new();
        let mut has_lanes = false;
        for i in t.descendants(proc_el) {
            let e = t.get(i);
            if !e.is(Ns::Model, "lane") {
                continue;
            }
            has_lanes = true;
            let bpmn_id = e.attr("id").unwrap_or_default().to_owned();
            let name = match trimmed(e.attr("name")) {
                // Another pool's lanes carry the pool's name, so the agent sees whose they are
                // (the main pool's name is the procedure's).
                Some(n) if !main && n != owner_name => format!("{owner_name} — {n}"),
                Some(n) => n,
                None => owner_name.to_owned(),
            };
            let kind =
                e.attr_ns(Ns::Epure, "kind").and_then(parse_actor_kind).unwrap_or_else(|| actor_kind(main, &name));
            let wanted = e.attr_ns(Ns::Epure, "id").unwrap_or(&bpmn_id).to_owned();
            let actor = self.add_actor("lane", &wanted, name, kind);
            for node in t.child_texts(i, "flowNodeRef") {
                lane_of.insert(node, actor.clone());
            }
        }
        (lane_of, has_lanes)
    }

    /// The step standing for flow node `c` of a process (`main`: of the main one), before its
    /// actor and position are set: its kind and label by the BPMN element, the lines of its note,
    /// and what the report says of it (its step id filled in once the step is added).
    fn step_of_node(&mut self, c: usize, main: bool) -> (Step, Vec<String>, Option<Action>) {
        let t = self.t;
        let e = t.get(c);
        let name = e.name.as_str();
        let bpmn_id = e.attr("id").unwrap_or_default().to_owned();
        let label = trimmed(e.attr("name"));
        let mut step = Step::new(e.attr_ns(Ns::Epure, "id").unwrap_or(&bpmn_id), StepKind::Task);
        step.label = label.clone();
        let mut note: Vec<String> = self.documentation(c);
        let mut report: Option<Action> = None;
        match name {
            "startEvent" if main && !self.start_taken => {
                step.kind = StepKind::Start;
                self.start_taken = true;
            }
            "startEvent" => {
                step.label = Some(label.unwrap_or_else(|| format!("Début ({bpmn_id})")));
                note.push("Événement de début BPMN : une démarche n'a qu'un début, celui-ci reste à relier.".into());
                report = Some(Action::ExtraStart { step: String::new() });
            }
            "endEvent" => {
                step.kind = StepKind::End;
                step.outcome = label.as_deref().and_then(outcome_from_name);
            }
            "intermediateCatchEvent" | "intermediateThrowEvent" | "implicitThrowEvent" => {
                let def = self.event_definition(c);
                let wait = if def == Some("timerEventDefinition") { self.timer_minutes(c) } else { None };
                step.wait_min = wait;
                let noun = match def {
                    Some("timerEventDefinition") => "Attente",
                    Some("messageEventDefinition") => "Message",
                    _ => "Événement",
                };
                step.label = Some(label.unwrap_or_else(|| format!("{noun} ({bpmn_id})")));
                note.push(format!("Événement intermédiaire BPMN ({}).", def.unwrap_or("sans définition")));
                report = Some(Action::EventAsTask { step: String::new(), wait_min: wait });
            }
            "boundaryEvent" => {
                let def = self.event_definition(c);
                step.label = Some(label.unwrap_or_else(|| format!("Exception ({bpmn_id})")));
                note.push(format!("Événement de bordure BPMN ({}).", def.unwrap_or("sans définition")));
                if let Some(a) = trimmed(e.attr("attachedToRef")) {
                    self.boundaries.push((String::new(), a, bpmn_id.clone()));
                } else {
                    report = Some(Action::Boundary { step: String::new(), attached_to: None });
                }
            }
            "exclusiveGateway" | "eventBasedGateway" => {
                step.kind = StepKind::Decision;
                step.label = Some(label.unwrap_or_default());
            }
            "inclusiveGateway" | "complexGateway" => {
                step.kind = StepKind::Decision;
                step.label = Some(label.unwrap_or_default());
                report = Some(Action::ReadAsDecision { step: String::new() });
            }
            "parallelGateway" => {
                step.kind = StepKind::Parallel;
                step.label = Some(label.unwrap_or_default());
            }
            "callActivity" => {
                step.label = Some(label.unwrap_or_else(|| format!("Activité appelée ({bpmn_id})")));
                let called = e.attr("calledElement").unwrap_or_default();
                note.push(format!("Activité appelée BPMN : {called}."));
                report = Some(Action::CallActivity { step: String::new() });
            }
            n if SUB_PROCESSES.contains(&n) => {
                step.label = Some(label.unwrap_or_else(|| format!("Sous-processus ({bpmn_id})")));
                let inner = self.inner_elements(c);
                let listed: Vec<String> = inner.iter().map(|(_, what)| what.clone()).collect();
                note.push(format!("Sous-processus BPMN gardé comme une étape ; il contient : {}.", listed.join(" ; ")));
                report = Some(Action::SubProcessCollapsed { step: String::new(), inner: inner.len() });
            }
            _ => {
                // Every task type.
                step.label = Some(label.unwrap_or_else(|| format!("Tâche ({bpmn_id})")));
                step.channel = channel_of(name);
            }
        }
        if t.child(c, Ns::Model, "multiInstanceLoopCharacteristics").is_some() {
            note.push("Répétée pour plusieurs instances (multi-instance BPMN).".into());
        } else if t.child(c, Ns::Model, "standardLoopCharacteristics").is_some() {
            note.push("Répétée en boucle (BPMN).".into());
        }
        (step, note, report)
    }

    /// The flow nodes and sequence flows inside a sub-process, at every depth, each with how
    /// its note names it.
    pub(super) fn inner_elements(&self, sub: usize) -> Vec<(usize, String)> {
        let t = self.t;
        t.descendants(sub)
            .filter(|&i| {
                let e = t.get(i);
                e.ns == Ns::Model && (is_flow_node(&e.name) || e.name == "sequenceFlow")
            })
            .map(|i| {
                let e = t.get(i);
                let what = match trimmed(e.attr("name")) {
                    Some(n) => format!("{} « {n} »", e.name),
                    None => format!("{} {}", e.name, e.attr("id").unwrap_or_default()),
                };
                (i, what)
            })
            .collect()
    }

    pub(super) fn documentation(&self, el: usize) -> Vec<String> {
        self.t.child_texts(el, "documentation").into_iter().filter(|s| !s.is_empty()).collect()
    }

    pub(super) fn event_definition(&self, el: usize) -> Option<&'t str> {
        let t = self.t;
        t.model_children(el).map(|c| t.get(c).name.as_str()).find(|n| n.ends_with("EventDefinition"))
    }

    pub(super) fn timer_minutes(&self, el: usize) -> Option<f64> {
        let t = self.t;
        let def = t.child(el, Ns::Model, "timerEventDefinition")?;
        let d = t.child(def, Ns::Model, "timeDuration")?;
        iso_duration_minutes(t.get(d).text.trim())
    }

    /// Fields our own export writes as `epure:` attributes, read back so a round trip keeps them.
    pub(super) fn read_epure_attrs(&self, el: usize, step: &mut Step) {
        let e = self.t.get(el);
        match e.attr_ns(Ns::Epure, "kind") {
            Some("approval") if step.kind == StepKind::Task => step.kind = StepKind::Approval,
            Some("check") if step.kind == StepKind::Task => step.kind = StepKind::Check,
            _ => {}
        }
        let num = |k: &str| {
            e.attr_ns(Ns::Epure, k).and_then(|v| v.parse::<f64>().ok()).filter(|v| v.is_finite() && *v >= 0.0)
        };
        if let Some(v) = num("duration_min") {
            step.duration_min = Some(v);
        }
        if let Some(v) = num("wait_min") {
            step.wait_min = Some(v);
        }
        match e.attr_ns(Ns::Epure, "outcome") {
            Some("granted") => step.outcome = Some(Outcome::Granted),
            Some("refused") => step.outcome = Some(Outcome::Refused),
            Some("abandoned") => step.outcome = Some(Outcome::Abandoned),
            _ => {}
        }
        if step.kind == StepKind::End && e.attr_ns(Ns::Epure, "outcome") == Some("none") {
            step.outcome = None;
        }
    }

    pub(super) fn black_box_pools(&mut self, processes: &[(usize, bool)]) {
        let known: HashSet<&str> = processes.iter().filter_map(|&(e, _)| self.t.get(e).attr("id")).collect();
        let boxes: Vec<(String, String)> = self
            .participants
            .iter()
            .filter(|p| p.process.as_deref().is_none_or(|pr| !known.contains(pr)))
            .map(|p| (p.id.clone(), p.name.clone().unwrap_or_else(|| format!("Participant {}", p.id))))
            .collect();
        for (id, name) in boxes {
            let actor = self.add_actor("participant", &id, name, ActorKind::Partner);
            self.r.push("participant", &id, Action::BlackBoxPool { actor });
        }
    }
}

fn set_step(action: &mut Action, id: &str) {
    match action {
        Action::ExtraStart { step }
        | Action::EventAsTask { step, .. }
        | Action::Boundary { step, .. }
        | Action::ReadAsDecision { step }
        | Action::CallActivity { step }
        | Action::SubProcessCollapsed { step, .. } => *step = id.to_owned(),
        _ => {}
    }
}

/// The kind of an actor named `name`: guessed from the name in the main process, a partner in
/// any other pool.
fn actor_kind(main: bool, name: &str) -> ActorKind {
    if main { infer_actor_kind(name) } else { ActorKind::Partner }
}
