//! A compact, read-only view of the procedure graph for the analysis: adjacency lists indexed by
//! `NodeIndex::index()`, in the author's order of flows, with the share of a case each flow carries.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};
use petgraph::visit::NodeIndexable;

use crate::model::{Procedure, Step, StepKind};

/// One flow seen from one of its ends.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Arc {
    /// The other end (the target of an outgoing arc, the source of an incoming one).
    pub node: usize,
    pub edge: EdgeIndex,
    /// Share of the source's visits sent along the flow: the normalised probability out of a
    /// decision, 1 out of a fork or a plain step, 0 out of an end (cases leave there).
    pub share: f64,
}

/// Arcs per node packed in one table (`arcs[at[n]..at[n + 1]]`), in the order they were given:
/// one allocation for the whole graph rather than one per node. `adjacency[n]` is node `n`'s slice.
#[derive(Debug, Clone, Default)]
pub struct Adjacency {
    arcs: Vec<Arc>,
    at: Vec<usize>,
}

impl Adjacency {
    fn of_mut(&mut self, n: usize) -> &mut [Arc] {
        &mut self.arcs[self.at[n]..self.at[n + 1]]
    }

    /// The table behind the slices: every arc, and where each node's arcs start (`len() + 1`
    /// entries: node `n`'s arcs are `arcs[at[n]..at[n + 1]]`), for searches that keep positions.
    pub fn parts(&self) -> (&[Arc], &[usize]) {
        (&self.arcs, &self.at)
    }

    /// Number of nodes.
    pub fn len(&self) -> usize {
        self.at.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }
}

impl std::ops::Index<usize> for Adjacency {
    type Output = [Arc];

    fn index(&self, n: usize) -> &[Arc] {
        &self.arcs[self.at[n]..self.at[n + 1]]
    }
}

/// Adjacency of the procedure graph, built once per analysis.
#[derive(Debug, Clone)]
pub struct Graph {
    /// Size of the index tables (`node_bound`).
    pub bound: usize,
    /// Nodes in the author's order.
    pub order: Vec<usize>,
    /// Author position of each node (`usize::MAX` for holes).
    pub pos: Vec<usize>,
    /// Outgoing arcs of each node (`out[n]`, a slice).
    pub out: Adjacency,
    /// Incoming arcs of each node (`inc[n]`, a slice).
    pub inc: Adjacency,
    /// 1 / in-degree for a parallel join (it is visited once per visit of its fork, not once per
    /// branch), 1 for every other node.
    pub join_factor: Vec<f64>,
    /// Sources of the flows a case can take (share > 0) into each node, in the order of `inc`,
    /// packed in one table: the backward searches of the rules read only these, many times, so
    /// they are filtered once here rather than at every step of every search.
    live_in: Vec<usize>,
    /// Where each node's slice of `live_in` starts (`bound + 1` entries).
    live_in_at: Vec<usize>,
    /// The kind of each step, read here rather than through the procedure graph.
    kind: Vec<StepKind>,
}

impl Graph {
    /// Builds the adjacency of `p`.
    ///
    /// Complexity: O(V + E).
    pub fn new(p: &Procedure) -> Self {
        let pg = p.graph();
        let bound = pg.node_bound();
        let mut pos = vec![usize::MAX; bound];
        let order: Vec<usize> = p.step_indices().iter().map(|n| n.index()).collect();
        for (i, &n) in order.iter().enumerate() {
            pos[n] = i;
        }
        // Flows in the author's order, so every adjacency list is in the author's order too. Both
        // tables are filled by counting sort, in one table each (no vector per node): `at[n + 2]`
        // first counts node n's arcs; after the running sums `at[n + 1]` is where n's arcs start,
        // and serves as the cursor that places them, which leaves it where they end, that is
        // where n + 1's start.
        let flows = p.flow_indices();
        let mut ends: Vec<(usize, usize, EdgeIndex)> = Vec::with_capacity(flows.len());
        let mut out_at = vec![0usize; bound + 2];
        let mut in_at = vec![0usize; bound + 2];
        for &e in flows {
            if let Some((a, b)) = pg.edge_endpoints(e) {
                let (a, b) = (a.index(), b.index());
                out_at[a + 2] += 1;
                in_at[b + 2] += 1;
                ends.push((a, b, e));
            }
        }
        running_sums(&mut out_at);
        running_sums(&mut in_at);
        let blank = Arc { node: 0, edge: EdgeIndex::new(0), share: 0.0 };
        // Outgoing arcs are placed with a share of 1, what every step but an end and a decision
        // sends along each flow (see `set_shares`): only those two kinds are looked at again.
        let mut arcs = vec![blank; ends.len()];
        // Where each flow (by its rank in `ends`) sits among the outgoing arcs.
        let mut slot = Vec::with_capacity(ends.len());
        for &(a, b, e) in &ends {
            let k = out_at[a + 1];
            out_at[a + 1] += 1;
            arcs[k] = Arc { node: b, edge: e, share: 1.0 };
            slot.push(k);
        }
        out_at.pop();
        let mut out = Adjacency { arcs, at: out_at };
        // Shares, and the join factors from the in-degrees (`in_at[n + 2] - in_at[n + 1]` until
        // the incoming arcs are placed).
        let mut join_factor = vec![1.0; bound];
        // Holes keep a kind no one reads.
        let mut kind = vec![StepKind::Task; bound];
        for &n in &order {
            let step = &pg[NodeIndex::new(n)];
            kind[n] = step.kind;
            if matches!(step.kind, StepKind::End | StepKind::Decision) {
                set_shares(step, out.of_mut(n), |a| pg[a.edge].probability);
            }
            let in_degree = in_at[n + 2] - in_at[n + 1];
            if step.kind == StepKind::Parallel && in_degree >= 2 {
                join_factor[n] = 1.0 / in_degree as f64;
            }
        }
        let mut arcs = vec![blank; ends.len()];
        for (&(a, b, e), &k) in ends.iter().zip(&slot) {
            let i = in_at[b + 1];
            in_at[b + 1] += 1;
            arcs[i] = Arc { node: a, edge: e, share: out.arcs[k].share };
        }
        in_at.pop();
        let inc = Adjacency { arcs, at: in_at };
        // Written in place, the position moving on only past a live arc.
        let mut live_in = vec![0usize; inc.arcs.len()];
        let mut live_in_at = Vec::with_capacity(bound + 1);
        let mut len = 0;
        for w in inc.at.windows(2) {
            live_in_at.push(len);
            for a in &inc.arcs[w[0]..w[1]] {
                live_in[len] = a.node;
                len += usize::from(a.share > 0.0);
            }
        }
        live_in_at.push(len);
        live_in.truncate(len);
        Graph { bound, order, pos, out, inc, join_factor, live_in, live_in_at, kind }
    }

    /// The sources of the flows with a share > 0 into `n`, in the author's order of flows.
    pub fn live_preds(&self, n: usize) -> &[usize] {
        match (self.live_in_at.get(n), self.live_in_at.get(n + 1)) {
            (Some(&a), Some(&b)) => &self.live_in[a..b],
            _ => &[],
        }
    }

    /// The table behind [`Graph::live_preds`]: the sources, and where each node's slice starts
    /// (`bound + 1` entries), for searches that read it in their innermost loop.
    pub fn live_in_parts(&self) -> (&[usize], &[usize]) {
        (&self.live_in, &self.live_in_at)
    }

    /// Whether a node starts several branches that are all taken: a `parallel` fork, or a start or
    /// work step drawn with several outgoing flows (read as a fork, as BPMN reads it).
    pub fn is_fork(&self, n: usize) -> bool {
        self.out[n].len() >= 2 && !matches!(self.kind[n], StepKind::Decision | StepKind::End)
    }

    /// Whether a node is a `parallel` join.
    pub fn is_join(&self, n: usize) -> bool {
        self.kind[n] == StepKind::Parallel && self.inc[n].len() >= 2
    }

    /// The kind of the step at node `n` (a node of `order`).
    pub fn kind(&self, n: usize) -> StepKind {
        self.kind[n]
    }

    /// Visits passed along an arc for `v` visits of its source.
    pub fn transfer(&self, v: f64, arc: &Arc) -> f64 {
        v * arc.share * self.join_factor[arc.node]
    }
}

/// The nodes reachable from `from` (included) along the arcs of `adj`, as a table indexed by node:
/// along `Graph::out`, the steps a case can reach; along `Graph::inc`, the steps that reach one
/// of `from`. Each node is marked when first found, so it is stacked at most once.
///
/// Complexity: O(V + E).
pub fn search(adj: &Adjacency, from: impl Iterator<Item = usize>) -> Vec<bool> {
    let (arcs, at) = adj.parts();
    let mut seen = vec![false; adj.len()];
    let mut stack: Vec<usize> = Vec::new();
    for n in from {
        if !std::mem::replace(&mut seen[n], true) {
            stack.push(n);
        }
    }
    while let Some(n) = stack.pop() {
        for a in &arcs[at[n]..at[n + 1]] {
            if !std::mem::replace(&mut seen[a.node], true) {
                stack.push(a.node);
            }
        }
    }
    seen
}

/// Running sums in place: each entry becomes the sum of itself and those before it.
fn running_sums(t: &mut [usize]) {
    let mut sum = 0;
    for x in t {
        sum += *x;
        *x = sum;
    }
}

/// Shares of the visits of `step` sent along each of its outgoing flows.
///
/// Out of a decision: the probabilities, normalised (missing ones share what is left equally; all
/// missing or summing to 0: an equal split). Out of an end: 0. Otherwise: 1 each.
fn set_shares(step: &Step, arcs: &mut [Arc], prob: impl Fn(&Arc) -> Option<f64>) {
    // In place, without a vector per step; sums run in the flows' order, as they did.
    let prob = |a: &Arc| prob(a).filter(|v| v.is_finite() && *v >= 0.0);
    let k = arcs.len();
    match step.kind {
        StepKind::End => arcs.iter_mut().for_each(|a| a.share = 0.0),
        StepKind::Decision if k >= 2 => {
            let given: f64 = arcs.iter().filter_map(prob).sum();
            let missing = arcs.iter().filter(|a| prob(a).is_none()).count();
            let rest = if missing > 0 { ((1.0 - given).max(0.0)) / missing as f64 } else { 0.0 };
            for a in arcs.iter_mut() {
                a.share = prob(a).unwrap_or(rest);
            }
            let total: f64 = arcs.iter().map(|a| a.share).sum();
            for a in arcs.iter_mut() {
                a.share = if total > 0.0 { a.share / total } else { 1.0 / k as f64 };
            }
        }
        _ => arcs.iter_mut().for_each(|a| a.share = 1.0),
    }
}
