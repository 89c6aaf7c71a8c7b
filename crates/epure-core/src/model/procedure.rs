//! A procedure: its parts and the graph of its steps and flows, with the author's order and the
//! id indexes.

// The id indexes are read at every look-up of a step or flow by id (the analysis does it per subject of
// every finding): FxHash, not SipHash. Nothing iterates them, so their order is never seen.
use rustc_hash::FxHashMap as HashMap;

use petgraph::Direction;
use petgraph::stable_graph::{EdgeIndex, NodeIndex, StableGraph};
use petgraph::visit::EdgeRef;

use super::parts::*;

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
