//! Lead time, parallel blocks and the critical path.
//!
//! Without parallelism, the expected lead time is the expected sum of everything a case goes
//! through (linearity of expectation): Σ visits × (wait + duration) + Σ traversals × delay. A
//! well-structured parallel block (one fork, one matching join: the fork's immediate
//! post-dominator, a `parallel` step whose incoming flows are exactly the block's branches, each
//! branch entered only from the fork) counts as its longest branch: the other branches' time is
//! subtracted. Blocks are handled innermost first, so nested blocks count right. Expected branch
//! times are compared (max of expectations, not expectation of the max: exact when branches do not
//! branch themselves, a slight underestimate otherwise).
//!
//! A fork that is not well-structured counts every branch one after the other (an upper bound),
//! and is reported as `unstructured-parallel`.

use petgraph::stable_graph::NodeIndex;

use super::graph::Graph;
use crate::model::{Procedure, StepKind};

/// Minutes of work and of waiting (queues and transfer delays).
#[derive(Debug, Clone, Copy, PartialEq, Default)]
pub struct Time {
    pub work: f64,
    pub wait: f64,
}

impl Time {
    pub fn total(self) -> f64 {
        self.work + self.wait
    }
    fn add(&mut self, o: Time) {
        self.work += o.work;
        self.wait += o.wait;
    }
    fn sub(&mut self, o: Time) {
        self.work -= o.work;
        self.wait -= o.wait;
    }
}

/// A well-structured parallel block.
#[derive(Debug, Clone)]
pub struct Block {
    pub fork: usize,
    pub join: usize,
    /// Steps of each branch (between fork and join), in discovery order.
    pub branches: Vec<Vec<usize>>,
    /// Expected time of each branch per case.
    pub branch_time: Vec<Time>,
    /// The longest branch.
    pub critical: usize,
    /// The time of the other branches, which the lead time does not count.
    pub excess: Time,
}

/// What the lead-time pass finds.
#[derive(Debug, Clone, Default)]
pub struct Lead {
    pub lead: Time,
    pub blocks: Vec<Block>,
    /// Forks without a matching join.
    pub unstructured_forks: Vec<usize>,
    /// Joins that no well-structured fork matches.
    pub unmatched_joins: Vec<usize>,
    /// Steps on a branch of a parallel block that is not its longest: their waits do not lengthen
    /// the lead time.
    pub off_critical: Vec<bool>,
    /// Steps of the critical path, in order.
    pub critical_path: Vec<usize>,
}

/// Expected time spent at each node (per case): visits × duration, visits × wait.
pub fn node_times(p: &Procedure, g: &Graph, visits: &[f64]) -> Vec<Time> {
    let pg = p.graph();
    let mut t = vec![Time::default(); g.bound];
    for &n in &g.order {
        let s = &pg[NodeIndex::new(n)];
        t[n] = Time { work: visits[n] * s.duration(), wait: visits[n] * s.wait() };
    }
    t
}

/// Expected transfer delay along an arc out of `n` (per case).
fn arc_delay(p: &Procedure, visits: &[f64], n: usize, a: &super::graph::Arc) -> f64 {
    visits[n] * a.share * p.graph()[a.edge].delay()
}

/// Lead time, blocks and critical path.
///
/// Arguments: the procedure, its adjacency, the expected visits, the start.
/// Returns: the [`Lead`].
/// Complexity: O(V + E) plus the post-dominator computation (near-linear on drawn procedures,
/// O(V²) worst case) and O(Σ block sizes × nesting depth) for the blocks; only when there are forks.
pub fn compute(p: &Procedure, g: &Graph, visits: &[f64], start: Option<usize>) -> Lead {
    let pg = p.graph();
    // What `node_times` gives, computed where it is used rather than kept in a table.
    let time_at = |n: usize| {
        let s = &pg[NodeIndex::new(n)];
        Time { work: visits[n] * s.duration(), wait: visits[n] * s.wait() }
    };
    let mut total = Time::default();
    // One pass over the steps: the total, and the forks (a fork has several flows out: the cheap
    // test first).
    let mut forks: Vec<usize> = Vec::new();
    for &n in &g.order {
        total.add(time_at(n));
        let out = &g.out[n];
        for a in out {
            total.wait += arc_delay(p, visits, n, a);
        }
        if out.len() >= 2 && !matches!(g.kind(n), StepKind::Decision | StepKind::End) {
            forks.push(n);
        }
    }
    let mut lead = Lead { off_critical: vec![false; g.bound], ..Lead::default() };
    // Each block with its sort key: its size, then its fork's author position.
    let mut keyed: Vec<((usize, usize), Block)> = Vec::new();
    if !forks.is_empty() {
        let ipdom = PostDominators::new(g);
        let mut scratch = BlockScratch { owner: vec![NONE; g.bound], touched: Vec::new(), stack: Vec::new() };
        for &f in &forks {
            match ipdom.of(f).and_then(|j| block(g, f, j, &mut scratch)) {
                Some(b) => keyed.push(((b.branches.iter().map(Vec::len).sum::<usize>(), g.pos[b.fork]), b)),
                None => lead.unstructured_forks.push(f),
            }
        }
    }
    // Innermost first: a block nested in another is strictly smaller. The keys are distinct (one
    // block per fork), so an unstable sort gives the order a stable one would.
    keyed.sort_unstable_by_key(|(k, _)| *k);
    let mut blocks: Vec<Block> = keyed.into_iter().map(|(_, b)| b).collect();
    // 1 + the rank of the block of each fork already counted (0 for none), and each counted
    // block's excess: a step's excess is 0 unless it is such a fork.
    let mut block_of = vec![0usize; g.bound];
    let mut excess_of: Vec<Time> = Vec::with_capacity(blocks.len());
    for b in &mut blocks {
        let mut bt = Vec::with_capacity(b.branches.len());
        for (i, nodes) in b.branches.iter().enumerate() {
            let mut t = Time::default();
            // Branches were built in the order of the fork's flows.
            if let Some(a) = g.out[b.fork].get(i) {
                t.wait += arc_delay(p, visits, b.fork, a);
            }
            for &n in nodes {
                t.add(time_at(n));
                if block_of[n] != 0 {
                    t.sub(excess_of[block_of[n] - 1]);
                }
                for a in &g.out[n] {
                    t.wait += arc_delay(p, visits, n, a);
                }
            }
            bt.push(t);
        }
        let mut critical = 0;
        for (i, t) in bt.iter().enumerate() {
            if t.total() > bt[critical].total() + 1e-12 {
                critical = i;
            }
        }
        let mut excess = Time::default();
        for (i, t) in bt.iter().enumerate() {
            if i != critical {
                excess.add(*t);
            }
        }
        excess_of.push(excess);
        block_of[b.fork] = excess_of.len();
        b.branch_time = bt;
        b.critical = critical;
        b.excess = excess;
        total.sub(excess);
        for (i, nodes) in b.branches.iter().enumerate() {
            if i != critical {
                for &n in nodes {
                    lead.off_critical[n] = true;
                }
            }
        }
    }
    let mut matched = vec![false; g.bound];
    for b in &blocks {
        matched[b.join] = true;
    }
    // `Graph::is_join`, the cheap test first.
    lead.unmatched_joins = g
        .order
        .iter()
        .copied()
        .filter(|&n| g.inc[n].len() >= 2 && !matched[n] && g.kind(n) == StepKind::Parallel)
        .collect();
    lead.lead = Time { work: total.work.max(0.0), wait: total.wait.max(0.0) };
    lead.critical_path = critical_path(g, &blocks, &block_of, start);
    lead.blocks = blocks;
    lead
}

/// No node (a hole in an index table, or "not yet").
const NONE: usize = usize::MAX;

/// Immediate post-dominator of every node (None when a node cannot reach an end or a dead end),
/// from [`PostDominators`]: what the tests compare with petgraph's dominators. (`_p`, the
/// procedure, is not read: the kinds of its steps are in `g`.)
#[cfg(test)]
fn post_dominators(_p: &Procedure, g: &Graph) -> Vec<Option<usize>> {
    let d = PostDominators::new(g);
    let mut out = vec![None; g.bound];
    for &n in &g.order {
        out[n] = d.of(n);
    }
    out
}

/// The post-dominator tree, by post-order number of the reversed graph: the immediate
/// post-dominator of every node (none when a node cannot reach an end or a dead end).
///
/// Computed as dominators of the reversed graph from a virtual exit joined to every end and every
/// step without a way on, by Cooper, Harvey and Kennedy's iteration ("A simple, fast dominance
/// algorithm") over dense arrays indexed by node: the successors of a step in the reversed graph
/// are its live predecessors, its predecessors there its live successors (and the exit for an
/// end). Immediate dominators are unique, so this gives what any dominator algorithm gives.
/// Complexity: O((V + E) × rounds), the rounds few on graphs whose loops are shallow; O(V + E)
/// memory.
struct PostDominators {
    /// Post-order number of each node (`NONE` when the search from the exit did not reach it).
    post: Vec<usize>,
    /// The node of each post-order number.
    by_post: Vec<usize>,
    /// Immediate dominator of each post-order number (`NONE` when none); the exit's is itself.
    idom: Vec<usize>,
}

impl PostDominators {
    /// The immediate post-dominator of node `n`, when it has one that is a step.
    fn of(&self, n: usize) -> Option<usize> {
        let root = self.by_post.len() - 1;
        let b = self.post[n];
        if b != NONE && b != root && self.idom[b] != NONE && self.idom[b] != root {
            Some(self.by_post[self.idom[b]])
        } else {
            None
        }
    }

    /// Computes the tree (see [`PostDominators`]).
    fn new(g: &Graph) -> Self {
        let exit = g.bound;
        // The steps joined to the exit: every end, and every step without a way on.
        let mut to_exit = vec![false; g.bound];
        let mut ends: Vec<usize> = Vec::new();
        for &n in &g.order {
            if g.kind(n) == StepKind::End || !g.out[n].iter().any(|a| a.share > 0.0) {
                to_exit[n] = true;
                ends.push(n);
            }
        }
        let (live_in, live_in_at) = g.live_in_parts();
        // Depth-first post-order from the exit over the reversed graph: the exit's successors are the
        // steps joined to it, searched one after the other, and the exit comes last. Each entry of the
        // stack keeps the range of `live_in` still to look at.
        let mut post = vec![NONE; g.bound + 1];
        let mut by_post: Vec<usize> = Vec::with_capacity(g.bound + 1);
        let mut seen = vec![false; g.bound];
        let mut stack: Vec<(usize, usize, usize)> = Vec::with_capacity(g.bound);
        for &e in &ends {
            if std::mem::replace(&mut seen[e], true) {
                continue;
            }
            stack.push((e, live_in_at[e], live_in_at[e + 1]));
            while let Some(top) = stack.last_mut() {
                let (x, i, end) = *top;
                if i < end {
                    top.1 += 1;
                    let y = live_in[i];
                    if !std::mem::replace(&mut seen[y], true) {
                        stack.push((y, live_in_at[y], live_in_at[y + 1]));
                    }
                } else {
                    post[x] = by_post.len();
                    by_post.push(x);
                    stack.pop();
                }
            }
        }
        post[exit] = by_post.len();
        by_post.push(exit);
        // Immediate dominators by post-order number; the exit is the last.
        let root = by_post.len() - 1;
        // The predecessors of each node in the reversed graph, by post-order number, packed once
        // rather than filtered again at every round: its live successors the search reached, in the
        // order of its flows, then the exit when it is joined to it. Written in place, the position
        // moving on only past a kept one (so one more entry than can be kept).
        let (arcs, at) = g.out.parts();
        let mut preds: Vec<usize> = vec![0; live_in.len() + ends.len() + 1];
        let mut preds_at: Vec<usize> = Vec::with_capacity(root + 1);
        let mut len = 0;
        for &x in &by_post[..root] {
            preds_at.push(len);
            for a in &arcs[at[x]..at[x + 1]] {
                let q = post[a.node];
                preds[len] = q;
                len += usize::from(a.share > 0.0 && q != NONE);
            }
            preds[len] = root;
            len += usize::from(to_exit[x]);
        }
        preds_at.push(len);
        let mut idom = vec![NONE; by_post.len()];
        idom[root] = root;
        let mut changed = true;
        while changed {
            changed = false;
            // Node b's predecessors end where b + 1's begin.
            let mut end = len;
            for b in (0..root).rev() {
                let begin = preds_at[b];
                let mut new = NONE;
                for &q in &preds[begin..end] {
                    if idom[q] == NONE {
                        continue;
                    }
                    new = if new == NONE {
                        q
                    } else {
                        let (mut a, mut c) = (q, new);
                        while a != c {
                            while a < c {
                                a = idom[a];
                            }
                            while c < a {
                                c = idom[c];
                            }
                        }
                        a
                    };
                }
                if new != idom[b] {
                    idom[b] = new;
                    changed = true;
                }
                end = begin;
            }
        }
        PostDominators { post, by_post, idom }
    }
}

/// Tables [`block`] reuses from one fork to the next, rather than a hash map and stacks per fork.
struct BlockScratch {
    /// The branch each step was found on (`NONE` when none): reset after each fork.
    owner: Vec<usize>,
    /// The steps whose `owner` was set.
    touched: Vec<usize>,
    stack: Vec<usize>,
}

/// The block of fork `f` closed by `j`, when it is well-structured.
fn block(g: &Graph, f: usize, j: usize, scratch: &mut BlockScratch) -> Option<Block> {
    if !g.is_join(j) || g.inc[j].len() != g.out[f].len() {
        return None;
    }
    let found = branches(g, f, j, scratch);
    for &n in &scratch.touched {
        scratch.owner[n] = NONE;
    }
    scratch.touched.clear();
    Some(Block { fork: f, join: j, branches: found?, branch_time: Vec::new(), critical: 0, excess: Time::default() })
}

/// The branches of the block of fork `f` closed by `j`, when each is entered only from the fork
/// and none reaches the fork, an end or another branch. Leaves `scratch.owner` set for the steps
/// listed in `scratch.touched`.
fn branches(g: &Graph, f: usize, j: usize, scratch: &mut BlockScratch) -> Option<Vec<Vec<usize>>> {
    let BlockScratch { owner, touched, stack } = scratch;
    let mut branches = Vec::with_capacity(g.out[f].len());
    for (i, a) in g.out[f].iter().enumerate() {
        let mut nodes = Vec::new();
        if a.node == j {
            branches.push(nodes);
            continue;
        }
        stack.clear();
        stack.push(a.node);
        while let Some(n) = stack.pop() {
            if n == j || owner[n] == i {
                continue;
            }
            if n == f || owner[n] != NONE || g.kind(n) == StepKind::End {
                return None;
            }
            owner[n] = i;
            touched.push(n);
            nodes.push(n);
            for b in g.out[n].iter().rev() {
                stack.push(b.node);
            }
        }
        branches.push(nodes);
    }
    // Single entry: every step of a branch is entered from the fork or from its own branch.
    for (i, nodes) in branches.iter().enumerate() {
        for &n in nodes {
            if g.inc[n].iter().any(|a| a.node != f && owner[a.node] != i) {
                return None;
            }
        }
    }
    Some(branches)
}

/// The chain of steps that sets the lead time on the most likely way through: from the start,
/// the most likely flow out of each decision (not going back to a step already on the chain when
/// another way exists), the longest branch of each parallel block, the first flow elsewhere.
///
/// `block_of[n]` is 1 + the rank in `blocks` of the block forking at `n`, 0 when there is none.
fn critical_path(g: &Graph, blocks: &[Block], block_of: &[usize], start: Option<usize>) -> Vec<usize> {
    let Some(mut cur) = start else {
        return Vec::new();
    };
    let mut on = vec![false; g.bound];
    let mut path = Vec::new();
    loop {
        on[cur] = true;
        path.push(cur);
        if g.kind(cur) == StepKind::End {
            break;
        }
        let next = if let Some(b) = block_of[cur].checked_sub(1).and_then(|k| blocks.get(k)) {
            // The head of the block's longest branch.
            Some(b.branches[b.critical].first().copied().unwrap_or(b.join))
        } else {
            let mut best: Option<&super::graph::Arc> = None;
            for a in &g.out[cur] {
                if on[a.node] || a.share <= 0.0 {
                    continue;
                }
                if best.is_none_or(|b| a.share > b.share + 1e-12) {
                    best = Some(a);
                }
            }
            best.map(|a| a.node)
        };
        match next {
            Some(n) if !on[n] => cur = n,
            _ => break,
        }
    }
    path
}

#[cfg(test)]
mod dominator_tests {
    use petgraph::algo::dominators::simple_fast;
    use petgraph::graph::{Graph as PGraph, NodeIndex as PIndex};
    use petgraph::stable_graph::NodeIndex;

    use super::super::graph::Graph;
    use crate::model::{Procedure, StepKind};

    /// The former computation, through petgraph.
    fn reference(p: &Procedure, g: &Graph) -> Vec<Option<usize>> {
        let pg = p.graph();
        let exit = g.bound;
        let mut rev: PGraph<(), ()> = PGraph::with_capacity(g.bound + 1, g.bound + 1);
        for _ in 0..=g.bound {
            rev.add_node(());
        }
        for &n in &g.order {
            let live: Vec<usize> = g.out[n].iter().filter(|a| a.share > 0.0).map(|a| a.node).collect();
            if pg[NodeIndex::new(n)].kind == StepKind::End || live.is_empty() {
                rev.add_edge(PIndex::new(exit), PIndex::new(n), ());
            }
            for m in live {
                rev.add_edge(PIndex::new(m), PIndex::new(n), ());
            }
        }
        let dom = simple_fast(&rev, PIndex::new(exit));
        let mut out = vec![None; g.bound];
        for &n in &g.order {
            out[n] = dom.immediate_dominator(PIndex::new(n)).map(|d| d.index()).filter(|&d| d != exit);
        }
        out
    }

    #[test]
    fn post_dominators_are_petgraphs() {
        for seed in 0..30u64 {
            for size in [5usize, 50, 400] {
                let p = crate::synthetic::procedure(seed, size);
                let g = Graph::new(&p);
                assert_eq!(super::post_dominators(&p, &g), reference(&p, &g), "seed {seed}, size {size}");
            }
        }
        use crate::analysis::testkit::B;
        let mut rng = crate::synthetic::Rng::new(3);
        for round in 0..300 {
            let n = 3 + rng.below(30);
            let mut b = B::new().start("s").end("e");
            let ids: Vec<String> = (0..n).map(|i| format!("t{i}")).collect();
            for (i, id) in ids.iter().enumerate() {
                b = if i % 3 == 2 { b.par(id) } else { b.task(id, "a", "x") };
            }
            b = b.chain(&["s", &ids[0]]).chain(&[&ids[n - 1], "e"]);
            for _ in 0..rng.below(3 * n) {
                let (x, y) = (rng.below(n), rng.below(n));
                b = b.chain(&[&ids[x], &ids[y]]);
            }
            let p = b.build();
            let g = Graph::new(&p);
            assert_eq!(super::post_dominators(&p, &g), reference(&p, &g), "round {round}");
        }
    }
}
