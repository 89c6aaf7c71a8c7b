//! Derived notions on the procedure graph that the whole product shares: handoffs between
//! lanes, the user's lane, reachability.
//!
//! Every traversal here is iterative (no recursion: a 100,000-step procedure must not overflow
//! the stack) and visits neighbours in the author's order of flows, so results are deterministic.

use petgraph::stable_graph::NodeIndex;
use petgraph::visit::NodeIndexable;

use crate::model::{ActorKind, Procedure, StepKind};

/// A change of lane between two consecutive work steps (passage de relais).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Handoff {
    /// The work step the file leaves.
    pub from: NodeIndex,
    /// The next work step, in another lane.
    pub to: NodeIndex,
}

/// The nearest work steps after `n`, looking through start, end and gateways (which are
/// transparent whatever lane they are drawn in), in the author's order, without repeats.
///
/// Complexity: O(size of the transparent region after `n`).
pub fn next_work_steps(p: &Procedure, n: NodeIndex) -> Vec<NodeIndex> {
    let g = p.graph();
    let mut found = Vec::new();
    let mut seen = vec![false; g.node_bound()];
    let mut stack: Vec<NodeIndex> = p.outgoing(n).into_iter().rev().map(|(_, m)| m).collect();
    while let Some(m) = stack.pop() {
        if std::mem::replace(&mut seen[m.index()], true) {
            continue;
        }
        if g[m].kind.is_work() {
            found.push(m);
        } else {
            stack.extend(p.outgoing(m).into_iter().rev().map(|(_, x)| x));
        }
    }
    found
}

/// Every handoff of the procedure (the structural count), in the author's order of steps.
///
/// Only work steps count; a pair of work steps joined through gateways counts once, however
/// many ways join them.
///
/// Complexity: O(V + E) for procedures whose gateways are not chained into huge regions.
pub fn handoffs(p: &Procedure) -> Vec<Handoff> {
    let g = p.graph();
    let mut out = Vec::new();
    for &n in p.step_indices() {
        if !g[n].kind.is_work() {
            continue;
        }
        for m in next_work_steps(p, n) {
            if g[n].actor != g[m].actor {
                out.push(Handoff { from: n, to: m });
            }
        }
    }
    out
}

/// Whether a step sits in the lane of the person the procedure serves.
pub fn in_user_lane(p: &Procedure, n: NodeIndex) -> bool {
    p.actor_of(n).is_some_and(|a| a.kind == ActorKind::User)
}

/// Steps a case can reach from `from` (including it), as a table indexed by `NodeIndex::index()`.
///
/// Complexity: O(V + E).
pub fn reachable_from(p: &Procedure, from: NodeIndex) -> Vec<bool> {
    let g = p.graph();
    let mut seen = vec![false; g.node_bound()];
    let mut stack = vec![from];
    while let Some(n) = stack.pop() {
        if std::mem::replace(&mut seen[n.index()], true) {
            continue;
        }
        stack.extend(g.neighbors_directed(n, petgraph::Direction::Outgoing));
    }
    seen
}

/// Steps from which some `end` step can be reached, as a table indexed by `NodeIndex::index()`.
///
/// Complexity: O(V + E).
pub fn reaches_an_end(p: &Procedure) -> Vec<bool> {
    let g = p.graph();
    let mut seen = vec![false; g.node_bound()];
    let mut stack: Vec<NodeIndex> = p.step_indices().iter().copied().filter(|&n| g[n].kind == StepKind::End).collect();
    while let Some(n) = stack.pop() {
        if std::mem::replace(&mut seen[n.index()], true) {
            continue;
        }
        stack.extend(g.neighbors_directed(n, petgraph::Direction::Incoming));
    }
    seen
}

/// A one-line description of a procedure's size: what `epure validate` prints.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Summary {
    pub work_steps: usize,
    /// Lanes holding at least one step a case can reach from the start.
    pub actors: usize,
    pub handoffs: usize,
}

/// Counts work steps, lanes in use and handoffs.
pub fn summary(p: &Procedure) -> Summary {
    let g = p.graph();
    let work_steps = p.steps().filter(|s| s.kind.is_work()).count();
    let reachable = p.start().map(|s| reachable_from(p, s)).unwrap_or_default();
    let mut lanes: Vec<&str> = p
        .step_indices()
        .iter()
        .filter(|n| reachable.get(n.index()).copied().unwrap_or(false))
        .filter_map(|&n| g[n].actor.as_deref())
        .collect();
    lanes.sort_unstable();
    lanes.dedup();
    Summary { work_steps, actors: lanes.len(), handoffs: handoffs(p).len() }
}
