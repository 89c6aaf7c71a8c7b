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
//!
//! The passes, in the order [`map`] runs them, are methods of one `Mapper`, by what they read:
//! `nodes.rs` (lanes and pools → actors, flow nodes → steps), `artifacts.rs` (data objects and
//! stores, data associations, text annotations), `flows.rs` (sequence, boundary and message flows,
//! the one start, the decisions' probabilities); this file holds the mapper, its id bookkeeping
//! and the definitions that support the model.

mod artifacts;
mod flows;
mod nodes;

use std::collections::{HashMap, HashSet};

use epure_core::model::Extra;
use epure_core::{Actor, ActorKind, DataItem, DataKind, Flow, Procedure, Step};

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
