//! The second phase of the import: the element tree → an Épure [`Procedure`].
//!
//! Decisions this mapping takes (and the report lists each time it takes them):
//! - **One start.** The first start event of the main process (the first pool's process with
//!   content, else the first process with content) is the procedure's start; any other start
//!   event becomes a task step, so its name and its flows are kept, and the agent connects it.
//!   No start event in the main process: a start step is added and joined to every step of the
//!   main process that nothing leads to.
//! - **Sub-processes are kept as one step** whose note lists what is inside; their inner
//!   elements are named in the report. Call activities are one step too.
//! - **Intermediate and boundary events become task steps** in their lane (a timer: a task with
//!   a wait); a boundary event is reached by a flow from the activity it is attached to.
//! - **Gateways.** Exclusive, event-based, inclusive and complex gateways become decisions
//!   whose outgoing flows get even probabilities, to be confirmed by the agent; inclusive and
//!   complex ones are flagged as read as exclusive. Parallel gateways become parallel steps.
//! - **Lanes are actors**; a lane of another pool than the main one is a `partner`. A process
//!   without lanes gets one actor named after its pool or process. Work steps always have an
//!   actor; events and gateways outside any lane have none.
//! - **Message flows** between two steps become flows (handoffs between pools); those that
//!   touch a whole pool cannot, and are reported.
//! - Waits from timers use the project's convention: 1 day = 1 working day = 420 minutes.

use std::collections::{HashMap, HashSet};

use epure_core::model::Extra;
use epure_core::{Actor, ActorKind, DataItem, DataKind, Flow, Outcome, Position, Procedure, Step, StepKind};

use super::words::{channel_of, infer_actor_kind, iso_duration_minutes, outcome_from_name, parse_actor_kind};
use super::xml::{Ns, Tree};
use crate::error::BpmnError;
use crate::report::{Action, Counts, ImportReport};

const TASKS: [&str; 9] = [
    "task",
    "userTask",
    "manualTask",
    "serviceTask",
    "scriptTask",
    "sendTask",
    "receiveTask",
    "businessRuleTask",
    "callActivity",
];
const SUB_PROCESSES: [&str; 3] = ["subProcess", "transaction", "adHocSubProcess"];
const GATEWAYS: [&str; 5] =
    ["exclusiveGateway", "inclusiveGateway", "parallelGateway", "eventBasedGateway", "complexGateway"];
const EVENTS: [&str; 6] = [
    "startEvent",
    "endEvent",
    "intermediateCatchEvent",
    "intermediateThrowEvent",
    "boundaryEvent",
    "implicitThrowEvent",
];

/// Root elements that only support the model (messages, errors, item definitions…).
const SUPPORTING: [&str; 14] = [
    "message",
    "error",
    "signal",
    "escalation",
    "itemDefinition",
    "interface",
    "resource",
    "category",
    "import",
    "globalTask",
    "globalUserTask",
    "globalManualTask",
    "globalScriptTask",
    "globalBusinessRuleTask",
];

/// Children of a process (or sub-process) that are handled by a dedicated pass, or are details
/// of their parent rather than content of the procedure.
const HANDLED_IN_PROCESS: [&str; 14] = [
    "sequenceFlow",
    "laneSet",
    "dataObject",
    "dataObjectReference",
    "dataStoreReference",
    "textAnnotation",
    "association",
    "documentation",
    "extensionElements",
    "property",
    "ioSpecification",
    "auditing",
    "monitoring",
    "correlationSubscription",
];

pub fn is_flow_node(name: &str) -> bool {
    TASKS.contains(&name) || SUB_PROCESSES.contains(&name) || GATEWAYS.contains(&name) || EVENTS.contains(&name)
}

/// Counts the BPMN elements of the whole document, at every depth.
fn count(t: &Tree) -> Counts {
    let mut c = Counts::default();
    for e in t.elements.iter().filter(|e| e.ns == Ns::Model) {
        let n = e.name.as_str();
        if TASKS.contains(&n) {
            c.tasks += 1;
        } else if SUB_PROCESSES.contains(&n) {
            c.sub_processes += 1;
        } else if GATEWAYS.contains(&n) {
            c.gateways += 1;
        } else if EVENTS.contains(&n) {
            c.events += 1;
        } else {
            match n {
                "lane" => c.lanes += 1,
                "sequenceFlow" => c.sequence_flows += 1,
                "messageFlow" => c.message_flows += 1,
                "participant" => c.pools += 1,
                _ => {}
            }
        }
    }
    c
}

struct Participant {
    id: String,
    name: Option<String>,
    process: Option<String>,
}

struct Mapper<'t> {
    t: &'t Tree,
    p: Procedure,
    r: ImportReport,
    /// BPMN flow-node id → the step standing for it (itself, or its collapsed sub-process).
    node_step: HashMap<String, String>,
    /// BPMN data object, data store or reference id → data item id.
    data_of: HashMap<String, String>,
    /// DI bounds (x, y) per BPMN element id: the first shape wins.
    bounds: HashMap<String, (f64, f64)>,
    participants: Vec<Participant>,
    /// Process id → the first participant (pool) holding it.
    pool_by_process: HashMap<String, usize>,
    /// Boundary steps and the BPMN id of the activity they are attached to.
    boundaries: Vec<(String, String, String)>,
    /// Flows whose probabilities came from our own export, and need no spreading.
    described_flows: HashSet<String>,
    actor_ids: HashSet<String>,
    /// Data item id → its index in `p.data`.
    data_ids: HashMap<String, usize>,
    start_taken: bool,
}

/// Maps a parsed tree to a procedure and its report.
pub fn map(t: &Tree) -> Result<(Procedure, ImportReport), BpmnError> {
    let root = t.get(0);
    if !root.is(Ns::Model, "definitions") {
        return Err(BpmnError::NotBpmn(root.name.chars().take(60).collect()));
    }
    let mut m = Mapper {
        t,
        p: Procedure::new(""),
        r: ImportReport { counts: count(t), entries: Vec::new() },
        node_step: HashMap::new(),
        data_of: HashMap::new(),
        bounds: HashMap::new(),
        participants: Vec::new(),
        pool_by_process: HashMap::new(),
        boundaries: Vec::new(),
        described_flows: HashSet::new(),
        actor_ids: HashSet::new(),
        data_ids: HashMap::new(),
        start_taken: false,
    };
    m.collect_bounds();
    let processes = m.processes();
    if processes.is_empty() && m.participants.is_empty() {
        return Err(BpmnError::NoProcess);
    }
    m.p.meta.name = m.procedure_name(&processes);
    m.data_stores();
    for &(proc_el, main) in &processes {
        m.data_objects(proc_el);
        m.process(proc_el, main);
    }
    m.black_box_pools(&processes);
    for &(proc_el, _) in &processes {
        m.sequence_flows(proc_el);
    }
    m.boundary_flows();
    m.message_flows();
    for &(proc_el, _) in &processes {
        m.data_associations(proc_el);
    }
    m.annotations();
    m.ensure_start(processes.first().map(|&(e, _)| e));
    m.spread_probabilities();
    m.supporting_definitions();
    Ok((m.p, m.r))
}

fn trimmed(s: Option<&str>) -> Option<String> {
    s.map(str::trim).filter(|s| !s.is_empty()).map(str::to_owned)
}

impl<'t> Mapper<'t> {
    fn collect_bounds(&mut self) {
        for e in &self.t.elements {
            if e.is(Ns::BpmnDi, "BPMNShape") {
                let Some(target) = e.attr("bpmnElement") else { continue };
                let Some(b) = e.children.iter().map(|&c| self.t.get(c)).find(|c| c.is(Ns::Dc, "Bounds")) else {
                    continue;
                };
                let num = |k: &str| b.attr(k).and_then(|v| v.trim().parse::<f64>().ok()).filter(|v| v.is_finite());
                // Hundredths of a unit are finer than any screen; rounding also keeps the
                // number short enough to survive a JSON round trip bit for bit.
                let num = |k: &str| num(k).map(|v| (v * 100.0).round() / 100.0).filter(|v| v.is_finite());
                if let (Some(x), Some(y)) = (num("x"), num("y")) {
                    self.bounds.entry(target.to_owned()).or_insert((x, y));
                }
            }
        }
    }

    /// The processes in the order they are imported, each with whether it is the main one
    /// (the first pool's process, else the first process with content).
    fn processes(&mut self) -> Vec<(usize, bool)> {
        let t = self.t;
        let all: Vec<usize> = t.model_children(0).filter(|&c| t.get(c).name == "process").collect();
        for collab in t.model_children(0).filter(|&c| t.get(c).name == "collaboration") {
            for part in t.model_children(collab).filter(|&c| t.get(c).name == "participant") {
                let e = t.get(part);
                self.participants.push(Participant {
                    id: e.attr("id").unwrap_or_default().to_owned(),
                    name: trimmed(e.attr("name")),
                    process: trimmed(e.attr("processRef")),
                });
            }
        }
        // Pools' processes first, in the order of the pools. Maps, not searches: a hostile
        // file may hold a hundred thousand pools.
        for (i, part) in self.participants.iter().enumerate() {
            if let Some(pr) = &part.process {
                self.pool_by_process.entry(pr.clone()).or_insert(i);
            }
        }
        let mut by_id: HashMap<&str, usize> = HashMap::new();
        for (i, &e) in all.iter().enumerate() {
            by_id.entry(t.get(e).attr("id").unwrap_or_default()).or_insert(i);
        }
        let mut taken = vec![false; all.len()];
        let mut ordered: Vec<usize> = Vec::new();
        for part in &self.participants {
            if let Some(&i) = part.process.as_deref().and_then(|pr| by_id.get(pr))
                && !taken[i]
            {
                taken[i] = true;
                ordered.push(all[i]);
            }
        }
        ordered.extend(all.iter().zip(&taken).filter(|(_, t)| !**t).map(|(&e, _)| e));
        let has_content = |e: usize| t.model_children(e).any(|c| is_flow_node(&t.get(c).name));
        let main = ordered.iter().position(|&e| has_content(e)).unwrap_or(0);
        if main > 0 {
            let e = ordered.remove(main);
            ordered.insert(0, e);
        }
        ordered.iter().enumerate().map(|(i, &e)| (e, i == 0)).collect()
    }

    fn pool_of(&self, process_id: &str) -> Option<&Participant> {
        self.pool_by_process.get(process_id).and_then(|&i| self.participants.get(i))
    }

    fn procedure_name(&self, processes: &[(usize, bool)]) -> String {
        let main = processes.first().map(|&(e, _)| self.t.get(e));
        main.and_then(|e| self.pool_of(e.attr("id").unwrap_or_default()).and_then(|p| p.name.clone()))
            .or_else(|| main.and_then(|e| trimmed(e.attr("name"))))
            .or_else(|| trimmed(self.t.get(0).attr("name")))
            .or_else(|| self.participants.iter().find_map(|p| p.name.clone()))
            .unwrap_or_else(|| "Démarche importée".to_owned())
    }

    fn unique_actor_id(&self, wanted: &str) -> String {
        let base = if wanted.is_empty() { "acteur" } else { wanted };
        let mut id = base.to_owned();
        let mut n = 2;
        while self.actor_ids.contains(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        id
    }

    fn unique_data_id(&self, wanted: &str) -> String {
        let base = if wanted.is_empty() { "donnee" } else { wanted };
        let mut id = base.to_owned();
        let mut n = 2;
        while self.data_ids.contains_key(&id) {
            id = format!("{base}_{n}");
            n += 1;
        }
        id
    }

    fn add_actor(&mut self, element: &str, bpmn_id: &str, name: String, kind: ActorKind) -> String {
        let id = self.unique_actor_id(bpmn_id);
        if id != bpmn_id {
            self.r.push(element, bpmn_id, Action::Renamed { new_id: id.clone() });
        }
        self.actor_ids.insert(id.clone());
        self.p.actors.push(Actor { id: id.clone(), name, kind, hourly_cost_eur: None, extra: Extra::new() });
        id
    }

    fn add_data(&mut self, element: &str, bpmn_id: &str, name: String, kind: DataKind) -> String {
        let id = self.unique_data_id(bpmn_id);
        if id != bpmn_id {
            self.r.push(element, bpmn_id, Action::Renamed { new_id: id.clone() });
        }
        self.data_ids.insert(id.clone(), self.p.data.len());
        self.p.data.push(DataItem { id: id.clone(), name, kind: Some(kind), held_by: Vec::new(), extra: Extra::new() });
        id
    }

    fn data_stores(&mut self) {
        let t = self.t;
        for s in t.model_children(0).filter(|&c| t.get(c).name == "dataStore") {
            let e = t.get(s);
            let bpmn_id = e.attr("id").unwrap_or_default();
            let name = trimmed(e.attr("name")).unwrap_or_else(|| bpmn_id.to_owned());
            let id = self.add_data("dataStore", bpmn_id, name, DataKind::Field);
            self.data_of.insert(bpmn_id.to_owned(), id);
        }
    }

    /// Data objects first, then the references to them (which may carry the only name).
    /// The process's own inputs and outputs (its `ioSpecification`) are data items too: tools
    /// draw them, and associations point at them.
    fn data_objects(&mut self, proc_el: usize) {
        let t = self.t;
        if let Some(io) = t.child(proc_el, Ns::Model, "ioSpecification") {
            for c in t.model_children(io).collect::<Vec<_>>() {
                let e = t.get(c);
                if e.name != "dataInput" && e.name != "dataOutput" {
                    continue;
                }
                let bpmn_id = e.attr("id").unwrap_or_default();
                let name = trimmed(e.attr("name")).unwrap_or_else(|| bpmn_id.to_owned());
                let id = self.add_data(&e.name, bpmn_id, name, DataKind::Document);
                self.data_of.insert(bpmn_id.to_owned(), id);
            }
        }
        for i in t.descendants(proc_el) {
            let e = t.get(i);
            if e.is(Ns::Model, "dataObject") {
                let bpmn_id = e.attr("id").unwrap_or_default();
                let wanted = e.attr_ns(Ns::Epure, "id").unwrap_or(bpmn_id);
                let name = trimmed(e.attr("name")).unwrap_or_else(|| bpmn_id.to_owned());
                let id = self.add_data("dataObject", wanted, name, DataKind::Document);
                self.data_of.insert(bpmn_id.to_owned(), id);
            }
        }
        for i in t.descendants(proc_el) {
            let e = t.get(i);
            let (target_attr, kind) = if e.is(Ns::Model, "dataObjectReference") {
                ("dataObjectRef", DataKind::Document)
            } else if e.is(Ns::Model, "dataStoreReference") {
                ("dataStoreRef", DataKind::Field)
            } else {
                continue;
            };
            let bpmn_id = e.attr("id").unwrap_or_default();
            let name = trimmed(e.attr("name"));
            match e.attr(target_attr).and_then(|r| self.data_of.get(r.trim()).cloned()) {
                Some(item) => {
                    // The object had no name of its own: the reference's is the one people see.
                    if let Some(name) = name
                        && let Some(&at) = self.data_ids.get(&item)
                        && let Some(d) = self.p.data.get_mut(at).filter(|d| d.name == item)
                    {
                        d.name = name;
                    }
                    self.data_of.insert(bpmn_id.to_owned(), item);
                }
                None => {
                    let id = self.add_data(&e.name, bpmn_id, name.unwrap_or_else(|| bpmn_id.to_owned()), kind);
                    self.data_of.insert(bpmn_id.to_owned(), id);
                }
            }
        }
    }

    /// Lanes → actors; flow nodes → steps.
    fn process(&mut self, proc_el: usize, main: bool) {
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
        let kind_for = |name: &str| if main { infer_actor_kind(name) } else { ActorKind::Partner };

        // Lanes in document order: a child lane comes after its parent, so the deepest lane
        // holding a node is the last one to claim it.
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
                None => owner_name.clone(),
            };
            let kind = e.attr_ns(Ns::Epure, "kind").and_then(parse_actor_kind).unwrap_or_else(|| kind_for(&name));
            let wanted = e.attr_ns(Ns::Epure, "id").unwrap_or(&bpmn_id).to_owned();
            let actor = self.add_actor("lane", &wanted, name.clone(), kind);
            for node in t.child_texts(i, "flowNodeRef") {
                lane_of.insert(node, actor.clone());
            }
        }
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
                    note.push(
                        "Événement de début BPMN : une démarche n'a qu'un début, celui-ci reste à relier.".into(),
                    );
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
                    note.push(format!(
                        "Sous-processus BPMN gardé comme une étape ; il contient : {}.",
                        listed.join(" ; ")
                    ));
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
            self.read_epure_attrs(c, &mut step);
            step.actor = lane_of.get(&bpmn_id).cloned();
            if step.actor.is_none() && step.kind.is_work() {
                let actor = match &default_actor {
                    Some(a) => a.clone(),
                    None => {
                        let a = self.add_actor("process", &owner_id, owner_name.clone(), kind_for(&owner_name));
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
            let a = self.add_actor("process", &owner_id, owner_name.clone(), kind_for(&owner_name));
            self.r.push("process", &proc_id, Action::DefaultActor { actor: a });
        }
    }

    /// The flow nodes and sequence flows inside a sub-process, at every depth, each with how
    /// its note names it.
    fn inner_elements(&self, sub: usize) -> Vec<(usize, String)> {
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

    fn documentation(&self, el: usize) -> Vec<String> {
        self.t.child_texts(el, "documentation").into_iter().filter(|s| !s.is_empty()).collect()
    }

    fn event_definition(&self, el: usize) -> Option<&'t str> {
        let t = self.t;
        t.model_children(el).map(|c| t.get(c).name.as_str()).find(|n| n.ends_with("EventDefinition"))
    }

    fn timer_minutes(&self, el: usize) -> Option<f64> {
        let t = self.t;
        let def = t.child(el, Ns::Model, "timerEventDefinition")?;
        let d = t.child(def, Ns::Model, "timeDuration")?;
        iso_duration_minutes(t.get(d).text.trim())
    }

    /// Fields our own export writes as `epure:` attributes, read back so a round trip keeps them.
    fn read_epure_attrs(&self, el: usize, step: &mut Step) {
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

    /// Adds a step whose id is the one it wants (its BPMN id, or the `epure:id` our export
    /// wrote), renamed when taken; `bpmn_id` is what the rest of the file refers to it by.
    fn add_step(&mut self, element: &str, bpmn_id: &str, mut step: Step) -> String {
        if step.id.is_empty() || self.p.step(&step.id).is_some() {
            let prefix = if step.id.is_empty() { element.to_owned() } else { format!("{}_", step.id) };
            step.id = self.p.fresh_step_id(&prefix);
            self.r.push(element, bpmn_id, Action::Renamed { new_id: step.id.clone() });
        }
        let id = step.id.clone();
        // The id was just checked to be free, so adding cannot fail.
        let _ = self.p.add_step(step);
        if !bpmn_id.is_empty() {
            self.node_step.entry(bpmn_id.to_owned()).or_insert_with(|| id.clone());
        }
        id
    }

    fn add_flow(&mut self, element: &str, bpmn_id: &str, from: &str, to: &str, mut flow: Flow) -> Option<String> {
        if flow.id.is_empty() || self.p.edge(&flow.id).is_some() {
            flow.id = self.p.fresh_flow_id();
            if !bpmn_id.is_empty() || element != "boundaryEvent" {
                self.r.push(element, bpmn_id, Action::Renamed { new_id: flow.id.clone() });
            }
        }
        let id = flow.id.clone();
        self.p.add_flow(from, to, flow).ok().map(|_| id)
    }

    fn black_box_pools(&mut self, processes: &[(usize, bool)]) {
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

    fn sequence_flows(&mut self, proc_el: usize) {
        let t = self.t;
        for c in t.model_children(proc_el).filter(|&c| t.get(c).name == "sequenceFlow").collect::<Vec<_>>() {
            let e = t.get(c);
            let bpmn_id = e.attr("id").unwrap_or_default();
            let src = e.attr("sourceRef").unwrap_or_default().trim();
            let dst = e.attr("targetRef").unwrap_or_default().trim();
            let (Some(from), Some(to)) = (self.node_step.get(src).cloned(), self.node_step.get(dst).cloned()) else {
                let missing = if self.node_step.contains_key(src) { dst } else { src };
                self.r.push("sequenceFlow", bpmn_id, Action::DanglingReference { missing: missing.to_owned() });
                continue;
            };
            let mut flow = Flow::new(e.attr_ns(Ns::Epure, "id").unwrap_or(bpmn_id));
            let condition = t.child(c, Ns::Model, "conditionExpression").map(|x| t.get(x).text.trim().to_owned());
            let condition = condition.filter(|s| !s.is_empty());
            flow.label = trimmed(e.attr("name")).or_else(|| condition.clone());
            if let Some(cond) = condition {
                flow.extra.insert("condition".into(), cond.into());
            }
            if let Some(p) = e
                .attr_ns(Ns::Epure, "probability")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| (0.0..=1.0).contains(v))
            {
                flow.probability = Some(p);
                self.described_flows.insert(bpmn_id.to_owned());
            }
            if let Some(d) = e
                .attr_ns(Ns::Epure, "delay_min")
                .and_then(|v| v.parse::<f64>().ok())
                .filter(|v| v.is_finite() && *v >= 0.0)
            {
                flow.delay_min = Some(d);
            }
            self.add_flow("sequenceFlow", bpmn_id, &from, &to, flow);
        }
    }

    fn boundary_flows(&mut self) {
        for (step, attached, bpmn_id) in std::mem::take(&mut self.boundaries) {
            match self.node_step.get(&attached).cloned() {
                Some(from) => {
                    let mut flow = Flow::new("");
                    flow.label = Some("exception".into());
                    self.add_flow("boundaryEvent", "", &from, &step, flow);
                    self.r.push("boundaryEvent", &bpmn_id, Action::Boundary { step, attached_to: Some(from) });
                }
                None => self.r.push("boundaryEvent", &bpmn_id, Action::Boundary { step, attached_to: None }),
            }
        }
    }

    fn message_flows(&mut self) {
        let t = self.t;
        let pools: HashSet<String> = self.participants.iter().map(|p| p.id.clone()).collect();
        let mut flows = Vec::new();
        for collab in t.model_children(0).filter(|&c| t.get(c).name == "collaboration") {
            flows.extend(t.model_children(collab).filter(|&c| t.get(c).name == "messageFlow"));
        }
        for c in flows {
            let e = t.get(c);
            let bpmn_id = e.attr("id").unwrap_or_default();
            let src = e.attr("sourceRef").unwrap_or_default().trim();
            let dst = e.attr("targetRef").unwrap_or_default().trim();
            if pools.contains(src) || pools.contains(dst) {
                self.r.push("messageFlow", bpmn_id, Action::MessageFlowToPool);
                continue;
            }
            let (Some(from), Some(to)) = (self.node_step.get(src).cloned(), self.node_step.get(dst).cloned()) else {
                let missing = if self.node_step.contains_key(src) { dst } else { src };
                self.r.push("messageFlow", bpmn_id, Action::DanglingReference { missing: missing.to_owned() });
                continue;
            };
            let mut flow = Flow::new(bpmn_id);
            flow.label = trimmed(e.attr("name"));
            if let Some(id) = self.add_flow("messageFlow", bpmn_id, &from, &to, flow) {
                self.r.push("messageFlow", bpmn_id, Action::MessageFlow { flow: id });
            }
        }
    }

    fn data_associations(&mut self, proc_el: usize) {
        let t = self.t;
        for i in t.descendants(proc_el) {
            let e = t.get(i);
            let input = e.is(Ns::Model, "dataInputAssociation");
            if !input && !e.is(Ns::Model, "dataOutputAssociation") {
                continue;
            }
            let owner = e.parent.map(|p| t.get(p).attr("id").unwrap_or_default()).unwrap_or_default();
            let Some(step) = self.node_step.get(owner).cloned() else {
                self.r.push(
                    &e.name,
                    e.attr("id").unwrap_or_default(),
                    Action::DanglingReference { missing: owner.to_owned() },
                );
                continue;
            };
            let refs = t.child_texts(i, if input { "sourceRef" } else { "targetRef" });
            let items: Vec<String> = refs.iter().filter_map(|r| self.data_of.get(r).cloned()).collect();
            if items.is_empty() {
                let missing = refs.first().cloned().unwrap_or_default();
                self.r.push(&e.name, e.attr("id").unwrap_or_default(), Action::DanglingReference { missing });
                continue;
            }
            if let Some(s) = self.p.step_mut(&step) {
                let list = if input { &mut s.requests } else { &mut s.produces };
                for item in items {
                    if !list.contains(&item) {
                        list.push(item);
                    }
                }
            }
        }
    }

    /// Text annotations → the notes of the steps they are associated with, or the description.
    fn annotations(&mut self) {
        let t = self.t;
        let mut links: HashMap<&str, Vec<&str>> = HashMap::new();
        for e in t.elements.iter().filter(|e| e.is(Ns::Model, "association")) {
            let (Some(a), Some(b)) = (e.attr("sourceRef"), e.attr("targetRef")) else { continue };
            links.entry(a.trim()).or_default().push(b.trim());
            links.entry(b.trim()).or_default().push(a.trim());
        }
        for (i, e) in t.elements.iter().enumerate() {
            if !e.is(Ns::Model, "textAnnotation") {
                continue;
            }
            let id = e.attr("id").unwrap_or_default();
            let text = t.child(i, Ns::Model, "text").map(|x| t.get(x).text.trim().to_owned()).unwrap_or_default();
            let steps: Vec<String> = links
                .get(id)
                .map(|others| others.iter().filter_map(|o| self.node_step.get(*o).cloned()).collect())
                .unwrap_or_default();
            if steps.is_empty() {
                if !text.is_empty() {
                    let d = self.p.meta.description.get_or_insert_with(String::new);
                    if !d.is_empty() {
                        d.push('\n');
                    }
                    d.push_str(&text);
                }
                self.r.push("textAnnotation", id, Action::AnnotationOnProcedure);
                continue;
            }
            for step in steps {
                if let Some(s) = self.p.step_mut(&step) {
                    let n = s.note.get_or_insert_with(String::new);
                    if !n.is_empty() {
                        n.push('\n');
                    }
                    n.push_str(&text);
                }
                self.r.push("textAnnotation", id, Action::AnnotationOnStep { step });
            }
        }
    }

    /// A procedure has exactly one start: when the model has none, add one joined to every
    /// step of the main process that nothing leads to.
    fn ensure_start(&mut self, main: Option<usize>) {
        if self.p.steps().any(|s| s.kind == StepKind::Start) {
            return;
        }
        let t = self.t;
        let main_nodes: HashSet<String> = main
            .map(|m| {
                t.model_children(m)
                    .filter_map(|c| t.get(c).attr("id"))
                    .filter_map(|x| self.node_step.get(x).cloned())
                    .collect()
            })
            .unwrap_or_default();
        let sources: Vec<String> = self
            .p
            .step_indices()
            .iter()
            .filter(|&&n| self.p.incoming(n).is_empty())
            .map(|&n| self.p.graph()[n].id.clone())
            .filter(|id| main_nodes.contains(id))
            .collect();
        let id = self.p.fresh_step_id("debut");
        let _ = self.p.add_step(Step::new(id.clone(), StepKind::Start));
        for s in &sources {
            let f = Flow::new(self.p.fresh_flow_id());
            let _ = self.p.add_flow(&id, s, f);
        }
        self.r.push("startEvent", "", Action::StartAdded { step: id, joined: sources.len() });
    }

    /// Decisions: even probabilities over their ways out, flagged for the agent to confirm,
    /// unless every way out already has one (a file from our own export).
    fn spread_probabilities(&mut self) {
        let decisions: Vec<_> =
            self.p.step_indices().iter().copied().filter(|&n| self.p.graph()[n].kind == StepKind::Decision).collect();
        for n in decisions {
            let out = self.p.outgoing(n);
            let ids: Vec<String> = out.iter().map(|&(e, _)| self.p.graph()[e].id.clone()).collect();
            if ids.iter().all(|f| self.described_flows.contains(f)) {
                let sum: f64 = out.iter().filter_map(|&(e, _)| self.p.graph()[e].probability).sum();
                if ids.is_empty() || (sum - 1.0).abs() <= 0.001 {
                    continue;
                }
            }
            if ids.len() < 2 {
                for f in &ids {
                    if let Some(flow) = self.p.flow_mut(f) {
                        flow.probability = None;
                    }
                }
                continue;
            }
            let share = 1.0 / ids.len() as f64;
            for f in &ids {
                if let Some(flow) = self.p.flow_mut(f) {
                    flow.probability = Some(share);
                }
            }
            let step = self.p.graph()[n].id.clone();
            self.r.push("gateway", &step.clone(), Action::ProbabilitiesSpread { step, flows: ids.len() });
        }
    }

    fn supporting_definitions(&mut self) {
        let t = self.t;
        for c in t.model_children(0).collect::<Vec<_>>() {
            let e = t.get(c);
            let name = e.name.as_str();
            if matches!(name, "process" | "collaboration" | "dataStore" | "documentation" | "extensionElements") {
                continue;
            }
            let id = e.attr("id").unwrap_or_default();
            if SUPPORTING.contains(&name) {
                self.r.push(name, id, Action::SupportingDefinition);
            } else {
                self.r.push(name, id, Action::NotImported);
            }
        }
        for collab in t.model_children(0).filter(|&c| t.get(c).name == "collaboration").collect::<Vec<_>>() {
            for c in t.model_children(collab) {
                let e = t.get(c);
                if !matches!(
                    e.name.as_str(),
                    "participant"
                        | "messageFlow"
                        | "textAnnotation"
                        | "association"
                        | "documentation"
                        | "extensionElements"
                ) {
                    self.r.push(&e.name, e.attr("id").unwrap_or_default(), Action::NotImported);
                }
            }
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
