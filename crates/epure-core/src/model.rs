//! The procedure model: a procedure, its actors (lanes), its data items, and a graph of steps
//! joined by flows.
//!
//! The graph is a petgraph [`StableGraph`] whose node and edge weights carry the author's own
//! string ids. A `NodeIndex` is an implementation detail: petgraph reuses freed indices, so an
//! index is never persisted or shown, only the ids are. The order in which the author listed
//! steps and flows is kept separately, so that writing a procedure back gives the same order.

// The id indexes are read at every look-up of a step or flow by id (the analysis does it per subject of
// every finding): FxHash, not SipHash. Nothing iterates them, so their order is never seen.
use rustc_hash::FxHashMap as HashMap;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;
use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Fields this version does not know, kept so that writing a file back loses nothing.
pub type Extra = Map<String, Value>;

/// Whether a procedure describes how things are done today or how they should be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// État actuel (as-is).
    #[default]
    Current,
    /// Cible (to-be), usually derived from a `current` version.
    Target,
}

/// Who does the work in a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ActorKind {
    /// The person the procedure serves (usager).
    User,
    /// A front-office person.
    Agent,
    /// A back-office unit.
    Service,
    /// Another administration or body.
    Partner,
    /// An information system acting alone.
    System,
}

/// A supporting document or a single datum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DataKind {
    #[default]
    Document,
    Field,
}

/// What a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum StepKind {
    Start,
    End,
    Task,
    Approval,
    Check,
    /// An exclusive choice (XOR); also how exclusive paths merge again.
    Decision,
    /// A fork (all outgoing flows taken) or a join (waits for all incoming flows).
    Parallel,
}

impl StepKind {
    /// Work steps are the ones people (or systems) spend time on: tasks, approvals and checks.
    /// Start, end and gateways are "transparent" for handoffs.
    pub fn is_work(self) -> bool {
        matches!(self, StepKind::Task | StepKind::Approval | StepKind::Check)
    }

    /// Steps that must carry a label and sit in a lane.
    pub fn needs_label(self) -> bool {
        !matches!(self, StepKind::Start | StepKind::End)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Start => "start",
            StepKind::End => "end",
            StepKind::Task => "task",
            StepKind::Approval => "approval",
            StepKind::Check => "check",
            StepKind::Decision => "decision",
            StepKind::Parallel => "parallel",
        }
    }
}

/// How a step is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Counter,
    Paper,
    Mail,
    Email,
    Phone,
    Online,
    Internal,
}

/// Lean classification of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueClass {
    ValueAdding,
    Required,
    Waste,
}

/// How a case ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Granted,
    Refused,
    Abandoned,
}

/// How a case travels along a flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    Paper,
    Mail,
    Email,
    System,
    Oral,
}

/// Where the editor drew a step, in abstract units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// The procedure's own description.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ProcedureMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<Variant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub cases_per_year: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ProcedureMeta {
    /// The variant, with the format's default.
    pub fn variant(&self) -> Variant {
        self.variant.unwrap_or_default()
    }
}

/// A lane: the person or body doing the work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub hourly_cost_eur: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A document or datum that steps request, enter, check or produce.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataItem {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<DataKind>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held_by: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl DataItem {
    /// The kind, with the format's default.
    pub fn kind(&self) -> DataKind {
        self.kind.unwrap_or_default()
    }
}

/// A node of the procedure graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    /// Required by the format for all but `start` and `end`; may be empty on a gateway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub kind: StepKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub duration_min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub wait_min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub cost_eur: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueClass>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub enters: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub produces: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt_position")]
    pub position: Option<Position>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Step {
    /// A step with only the required fields set.
    pub fn new(id: impl Into<String>, kind: StepKind) -> Self {
        Step {
            id: id.into(),
            label: None,
            kind,
            actor: None,
            duration_min: None,
            wait_min: None,
            cost_eur: None,
            channel: None,
            value: None,
            requests: Vec::new(),
            enters: Vec::new(),
            checks: Vec::new(),
            produces: Vec::new(),
            outcome: None,
            position: None,
            legal_basis: None,
            note: None,
            extra: Extra::new(),
        }
    }

    /// Minutes of work per case (0 when not given).
    pub fn duration(&self) -> f64 {
        self.duration_min.unwrap_or(0.0)
    }

    /// Minutes of queue before the step starts (0 when not given).
    pub fn wait(&self) -> f64 {
        self.wait_min.unwrap_or(0.0)
    }

    /// The label, or "" when there is none.
    pub fn label(&self) -> &str {
        self.label.as_deref().unwrap_or_default()
    }

    /// A step with a label, in a lane.
    pub fn work(id: impl Into<String>, kind: StepKind, label: impl Into<String>, actor: impl Into<String>) -> Self {
        Step { label: Some(label.into()), actor: Some(actor.into()), ..Step::new(id, kind) }
    }
}

/// An edge of the procedure graph. Its endpoints are the graph edge's endpoints.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub id: String,
    pub label: Option<String>,
    pub probability: Option<f64>,
    pub delay_min: Option<f64>,
    pub medium: Option<Medium>,
    pub extra: Extra,
}

impl Flow {
    /// A flow with only an id.
    pub fn new(id: impl Into<String>) -> Self {
        Flow { id: id.into(), label: None, probability: None, delay_min: None, medium: None, extra: Extra::new() }
    }

    /// Transfer minutes along the flow (0 when not given).
    pub fn delay(&self) -> f64 {
        self.delay_min.unwrap_or(0.0)
    }
}

/// Why an edit of the model was refused.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ModelError {
    #[error("a step with id \"{0}\" already exists")]
    DuplicateStep(String),
    #[error("a flow with id \"{0}\" already exists")]
    DuplicateFlow(String),
    #[error("unknown step \"{0}\"")]
    UnknownStep(String),
    #[error("unknown flow \"{0}\"")]
    UnknownFlow(String),
}

/// One administrative procedure: description, lanes, data and the graph of steps.
#[derive(Debug, Clone, Default)]
pub struct Procedure {
    pub meta: ProcedureMeta,
    pub actors: Vec<Actor>,
    pub data: Vec<DataItem>,
    /// Top-level fields of the file this version does not know.
    pub extra: Extra,
    graph: StableGraph<Step, Flow>,
    step_order: Vec<NodeIndex>,
    flow_order: Vec<EdgeIndex>,
    step_index: HashMap<String, NodeIndex>,
    flow_index: HashMap<String, EdgeIndex>,
    /// Insertion sequence of each flow: sorting by it gives the author's order in O(1) per flow.
    flow_seq: HashMap<EdgeIndex, u64>,
    next_seq: u64,
}

impl PartialEq for Procedure {
    /// Two procedures are equal when they hold the same things in the same order, whatever
    /// their internal graph indices.
    fn eq(&self, other: &Self) -> bool {
        self.meta == other.meta
            && self.actors == other.actors
            && self.data == other.data
            && self.extra == other.extra
            && self.steps().eq(other.steps())
            && self.flows().eq(other.flows())
    }
}

impl Procedure {
    /// An empty procedure with a name.
    pub fn new(name: impl Into<String>) -> Self {
        Procedure { meta: ProcedureMeta { name: name.into(), ..Default::default() }, ..Default::default() }
    }

    /// The smallest procedure the reader accepts and an agent can start drawing from: one lane
    /// "Usager" (the person the procedure serves), a start and an end in it, joined by a flow.
    /// The id is left out, so that the store makes one from the name.
    pub fn new_blank(name: impl Into<String>) -> Self {
        let mut p = Procedure::new(name);
        p.actors.push(Actor {
            id: "usager".into(),
            name: "Usager".into(),
            kind: ActorKind::User,
            hourly_cost_eur: None,
            extra: Extra::new(),
        });
        // Ids and positions are fixed, so two blank procedures are byte-identical but for
        // their name; start and end sit in the user's lane so the drawing has a lane to show.
        for (id, kind) in [("debut", StepKind::Start), ("fin", StepKind::End)] {
            let step = Step { actor: Some("usager".into()), ..Step::new(id, kind) };
            // A fresh procedure holds no step yet, so neither id can clash.
            let _ = p.add_step(step);
        }
        let _ = p.add_flow("debut", "fin", Flow::new("f1"));
        p
    }

    /// The graph, read-only. Node and edge weights carry the ids.
    pub fn graph(&self) -> &StableGraph<Step, Flow> {
        &self.graph
    }

    /// Steps in the author's order.
    pub fn steps(&self) -> impl ExactSizeIterator<Item = &Step> + '_ {
        self.step_order.iter().map(|&n| &self.graph[n])
    }

    /// Node indices in the author's order.
    pub fn step_indices(&self) -> &[NodeIndex] {
        &self.step_order
    }

    /// Flows in the author's order, with their endpoints' ids.
    pub fn flows(&self) -> impl ExactSizeIterator<Item = FlowRef<'_>> + '_ {
        self.flow_order.iter().map(|&e| self.flow_ref(e))
    }

    /// Edge indices in the author's order.
    pub fn flow_indices(&self) -> &[EdgeIndex] {
        &self.flow_order
    }

    fn flow_ref(&self, e: EdgeIndex) -> FlowRef<'_> {
        // An index from our own order vectors always exists in the graph.
        let (a, b) = self.graph.edge_endpoints(e).unwrap_or_default();
        FlowRef { flow: &self.graph[e], from: &self.graph[a].id, to: &self.graph[b].id }
    }

    pub fn step_count(&self) -> usize {
        self.step_order.len()
    }

    pub fn flow_count(&self) -> usize {
        self.flow_order.len()
    }

    /// The node index of a step id.
    pub fn node(&self, id: &str) -> Option<NodeIndex> {
        self.step_index.get(id).copied()
    }

    /// The edge index of a flow id.
    pub fn edge(&self, id: &str) -> Option<EdgeIndex> {
        self.flow_index.get(id).copied()
    }

    pub fn step(&self, id: &str) -> Option<&Step> {
        self.node(id).map(|n| &self.graph[n])
    }

    /// Mutable access to a step's fields. Its id must not be changed through this reference.
    pub fn step_mut(&mut self, id: &str) -> Option<&mut Step> {
        let n = self.node(id)?;
        Some(&mut self.graph[n])
    }

    pub fn flow(&self, id: &str) -> Option<FlowRef<'_>> {
        self.edge(id).map(|e| self.flow_ref(e))
    }

    /// Mutable access to a flow's fields. Its id must not be changed through this reference.
    pub fn flow_mut(&mut self, id: &str) -> Option<&mut Flow> {
        let e = self.edge(id)?;
        Some(&mut self.graph[e])
    }

    pub fn actor(&self, id: &str) -> Option<&Actor> {
        self.actors.iter().find(|a| a.id == id)
    }

    pub fn data_item(&self, id: &str) -> Option<&DataItem> {
        self.data.iter().find(|d| d.id == id)
    }

    /// The actor of a step, when it has one that exists.
    pub fn actor_of(&self, n: NodeIndex) -> Option<&Actor> {
        self.graph[n].actor.as_deref().and_then(|a| self.actor(a))
    }

    /// Appends a step. Refused when its id is taken.
    pub fn add_step(&mut self, step: Step) -> Result<NodeIndex, ModelError> {
        if self.step_index.contains_key(&step.id) {
            return Err(ModelError::DuplicateStep(step.id));
        }
        let id = step.id.clone();
        let n = self.graph.add_node(step);
        self.step_order.push(n);
        self.step_index.insert(id, n);
        Ok(n)
    }

    /// Removes a step and every flow touching it; returns the step.
    pub fn remove_step(&mut self, id: &str) -> Result<Step, ModelError> {
        let n = self.node(id).ok_or_else(|| ModelError::UnknownStep(id.to_owned()))?;
        let touching: Vec<EdgeIndex> = self
            .graph
            .edges_directed(n, Direction::Outgoing)
            .chain(self.graph.edges_directed(n, Direction::Incoming))
            .map(|e| e.id())
            .collect();
        for e in touching {
            self.forget_edge(e);
        }
        self.step_order.retain(|&m| m != n);
        self.step_index.remove(id);
        self.graph.remove_node(n).ok_or_else(|| ModelError::UnknownStep(id.to_owned()))
    }

    /// Appends a flow between two existing steps. Refused when its id is taken or an end is unknown.
    pub fn add_flow(&mut self, from: &str, to: &str, flow: Flow) -> Result<EdgeIndex, ModelError> {
        if self.flow_index.contains_key(&flow.id) {
            return Err(ModelError::DuplicateFlow(flow.id));
        }
        let a = self.node(from).ok_or_else(|| ModelError::UnknownStep(from.to_owned()))?;
        let b = self.node(to).ok_or_else(|| ModelError::UnknownStep(to.to_owned()))?;
        let id = flow.id.clone();
        let e = self.graph.add_edge(a, b, flow);
        self.flow_order.push(e);
        self.flow_seq.insert(e, self.next_seq);
        self.next_seq += 1;
        self.flow_index.insert(id, e);
        Ok(e)
    }

    /// Removes a flow; returns it.
    pub fn remove_flow(&mut self, id: &str) -> Result<Flow, ModelError> {
        let e = self.edge(id).ok_or_else(|| ModelError::UnknownFlow(id.to_owned()))?;
        self.forget_edge(e).ok_or_else(|| ModelError::UnknownFlow(id.to_owned()))
    }

    fn forget_edge(&mut self, e: EdgeIndex) -> Option<Flow> {
        self.flow_order.retain(|&f| f != e);
        self.flow_seq.remove(&e);
        let flow = self.graph.remove_edge(e)?;
        self.flow_index.remove(&flow.id);
        Some(flow)
    }

    /// Inserts a step at `index` in the author's order (clamped to the end). Refused when its id
    /// is taken. Undoing a removal uses it to put the step back where it was.
    pub fn insert_step(&mut self, index: usize, step: Step) -> Result<NodeIndex, ModelError> {
        let n = self.add_step(step)?;
        let last = self.step_order.pop();
        debug_assert_eq!(last, Some(n));
        self.step_order.insert(index.min(self.step_order.len()), n);
        Ok(n)
    }

    /// Inserts a flow at `index` in the author's order (clamped to the end). Refused like
    /// [`Procedure::add_flow`].
    pub fn insert_flow(&mut self, index: usize, from: &str, to: &str, flow: Flow) -> Result<EdgeIndex, ModelError> {
        let e = self.add_flow(from, to, flow)?;
        if index < self.flow_order.len() - 1 {
            let last = self.flow_order.pop();
            debug_assert_eq!(last, Some(e));
            self.flow_order.insert(index, e);
            // Neighbour lists are sorted by insertion sequence: renumber so that the sequence
            // follows the author's order again, as it does after reading a file.
            for (seq, &f) in self.flow_order.iter().enumerate() {
                self.flow_seq.insert(f, seq as u64);
            }
            self.next_seq = self.flow_order.len() as u64;
        }
        Ok(e)
    }

    /// Where a step stands in the author's order.
    pub fn step_position(&self, id: &str) -> Option<usize> {
        let n = self.node(id)?;
        self.step_order.iter().position(|&m| m == n)
    }

    /// Where a flow stands in the author's order.
    pub fn flow_position(&self, id: &str) -> Option<usize> {
        let e = self.edge(id)?;
        self.flow_order.iter().position(|&f| f == e)
    }

    /// A flow id not yet used: `f1`, `f2`, …
    pub fn fresh_flow_id(&self) -> String {
        fresh_id("f", self.flow_order.len() + 1, |c| self.flow_index.contains_key(c))
    }

    /// A step id not yet used, built on a prefix.
    pub fn fresh_step_id(&self, prefix: &str) -> String {
        fresh_id(prefix, self.step_order.len() + 1, |c| self.step_index.contains_key(c))
    }

    /// The single `start` step, when there is exactly one.
    pub fn start(&self) -> Option<NodeIndex> {
        let mut starts = self.step_order.iter().filter(|&&n| self.graph[n].kind == StepKind::Start);
        match (starts.next(), starts.next()) {
            (Some(&n), None) => Some(n),
            _ => None,
        }
    }

    /// Outgoing flows of a step, in the author's order of flows.
    pub fn outgoing(&self, n: NodeIndex) -> Vec<(EdgeIndex, NodeIndex)> {
        self.directed(n, Direction::Outgoing)
    }

    /// Incoming flows of a step, in the author's order of flows.
    pub fn incoming(&self, n: NodeIndex) -> Vec<(EdgeIndex, NodeIndex)> {
        self.directed(n, Direction::Incoming)
    }

    fn directed(&self, n: NodeIndex, dir: Direction) -> Vec<(EdgeIndex, NodeIndex)> {
        // petgraph lists a node's edges newest first; sort by the author's order so that every
        // traversal, and so every output, is deterministic and independent of edit history.
        let mut edges: Vec<(EdgeIndex, NodeIndex)> = self
            .graph
            .edges_directed(n, dir)
            .map(|e| (e.id(), if dir == Direction::Outgoing { e.target() } else { e.source() }))
            .collect();
        edges.sort_by_key(|&(e, _)| self.flow_seq.get(&e).copied().unwrap_or(u64::MAX));
        edges
    }
}

fn fresh_id(prefix: &str, mut n: usize, taken: impl Fn(&str) -> bool) -> String {
    loop {
        let candidate = format!("{prefix}{n}");
        if !taken(&candidate) {
            return candidate;
        }
        n += 1;
    }
}

/// A flow with the ids of the steps it joins.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct FlowRef<'a> {
    pub flow: &'a Flow,
    pub from: &'a str,
    pub to: &'a str,
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_blank_procedure_is_read_back_as_it_was_written() {
        let p = Procedure::new_blank("Demande de carte de stationnement");
        assert_eq!((p.step_count(), p.flow_count(), p.actors.len()), (2, 1, 1));
        assert!(p.start().is_some());
        assert_eq!(p.meta.id, None);
        let text = crate::format::to_string(&p);
        assert_eq!(crate::format::from_str(&text), Ok(p));
    }
}
