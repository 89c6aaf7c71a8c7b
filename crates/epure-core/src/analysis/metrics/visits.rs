//! Expected visits per case: the absorbing Markov chain `v = e_start + Pᵀ v`, solved component by
//! component in topological order.
//!
//! Outside loops the solution is exact by propagation. Inside a loop (a strongly connected
//! component) the small system of that loop is solved: densely by Gaussian elimination up to
//! `DENSE_MAX` steps, by Gauss-Seidel iteration with a convergence check beyond. A loop cases
//! cannot leave makes its system singular: it is reported (`endless-loop`) and its steps are counted
//! as passed once, so every figure stays finite.

use super::graph::Graph;
use super::scc::Components;

/// Largest loop solved by dense elimination (k² memory, k³ time).
const DENSE_MAX: usize = 256;
/// Gauss-Seidel stops when no visit moves by more than this (relative).
const TOLERANCE: f64 = 1e-12;
/// Gauss-Seidel gives up after this many arc updates on one loop.
const WORK_BUDGET: usize = 200_000_000;

/// How a loop's system was solved.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum LoopState {
    /// Not a loop, or a loop solved exactly.
    Solved,
    /// Cases that enter cannot leave (no flow out with a share > 0): the system is singular.
    Closed,
    /// The system has no meaningful solution (e.g. a fork inside a loop multiplies cases faster than
    /// they leave): counted as one pass.
    Diverging,
}

/// Solves the expected visits.
///
/// Arguments: the adjacency, its components, the start (when there is exactly one).
/// Returns: visits per node index and the state of each component.
/// Complexity: O(V + E) outside loops; O(k³) for a loop of k ≤ 256 steps; iterations × arcs beyond.
pub fn solve(g: &Graph, c: &Components, start: Option<usize>) -> (Vec<f64>, Vec<LoopState>) {
    let mut v = vec![0.0; g.bound];
    let mut state = vec![LoopState::Solved; c.members.len()];
    let Some(start) = start else {
        return (v, state);
    };
    let mut inflow = vec![0.0; g.bound];
    inflow[start] = 1.0;
    // Index of each member of a loop inside its component (set for a loop's members when it is
    // solved; each node is in one component), and the tables of the dense solver, kept from one
    // loop to the next.
    let mut local = vec![0usize; g.bound];
    let mut dense_scratch = Dense::default();
    for (id, members) in c.members.iter().enumerate() {
        if let [n] = *members
            && !c.cyclic[id]
        {
            // A single step outside any loop: its visits are what flows in.
            if inflow[n] == 0.0 {
                // No case ever gets here (unreachable, or only through prob-0 flows).
                continue;
            }
            v[n] = inflow[n];
        } else {
            if members.iter().all(|&n| inflow[n] == 0.0) {
                continue;
            }
            for (i, &n) in members.iter().enumerate() {
                local[n] = i;
            }
            let leaks = members.iter().any(|&n| g.out[n].iter().any(|a| a.share > 0.0 && c.of[a.node] != id));
            let iterated;
            let solved = if !leaks {
                state[id] = LoopState::Closed;
                None
            } else if members.len() <= DENSE_MAX {
                dense(g, c, id, members, &local, &inflow, &mut dense_scratch)
            } else {
                iterated = gauss_seidel(g, c, id, members, &local, &inflow);
                iterated.as_deref()
            };
            match solved {
                Some(values) => {
                    for (&n, &x) in members.iter().zip(values) {
                        v[n] = x;
                    }
                }
                None => {
                    if state[id] == LoopState::Solved {
                        state[id] = LoopState::Diverging;
                    }
                    one_pass(g, c, id, members, &inflow, &mut v);
                }
            }
        }
        for &n in members {
            for a in &g.out[n] {
                if c.of[a.node] != id {
                    inflow[a.node] += g.transfer(v[n], a);
                }
            }
        }
    }
    (v, state)
}

/// The tables of [`dense`], reused from one loop to the next.
#[derive(Default)]
struct Dense {
    a: Vec<f64>,
    b: Vec<f64>,
    x: Vec<f64>,
}

/// Gaussian elimination with partial pivoting on `(I − P_SSᵀ) v = inflow`.
///
/// `local` gives each member's index inside the component. Returns the solution, borrowed from
/// `scratch`.
fn dense<'s>(
    g: &Graph,
    c: &Components,
    id: usize,
    members: &[usize],
    local: &[usize],
    inflow: &[f64],
    scratch: &'s mut Dense,
) -> Option<&'s [f64]> {
    let k = members.len();
    let Dense { a, b, x } = scratch;
    a.clear();
    a.resize(k * k, 0.0);
    b.clear();
    b.extend(members.iter().map(|&n| inflow[n]));
    for (i, &n) in members.iter().enumerate() {
        a[i * k + i] += 1.0;
        for arc in &g.out[n] {
            // Row j (the target) receives from column i (the source).
            if c.of[arc.node] == id {
                let j = local[arc.node];
                a[j * k + i] -= g.transfer(1.0, arc);
            }
        }
    }
    for col in 0..k {
        let pivot = (col..k).max_by(|&x, &y| a[x * k + col].abs().total_cmp(&a[y * k + col].abs()))?;
        if a[pivot * k + col].abs() < 1e-12 {
            return None;
        }
        if pivot != col {
            for j in 0..k {
                a.swap(pivot * k + j, col * k + j);
            }
            b.swap(pivot, col);
        }
        let d = a[col * k + col];
        for row in col + 1..k {
            let f = a[row * k + col] / d;
            if f != 0.0 {
                for j in col..k {
                    a[row * k + j] -= f * a[col * k + j];
                }
                b[row] -= f * b[col];
            }
        }
    }
    x.clear();
    x.resize(k, 0.0);
    for row in (0..k).rev() {
        let mut s = b[row];
        for j in row + 1..k {
            s -= a[row * k + j] * x[j];
        }
        x[row] = s / a[row * k + row];
    }
    acceptable(x)
}

/// Gauss-Seidel sweeps in the author's order until the visits settle.
///
/// `local` gives each member's index inside the component.
fn gauss_seidel(
    g: &Graph,
    c: &Components,
    id: usize,
    members: &[usize],
    local: &[usize],
    inflow: &[f64],
) -> Option<Vec<f64>> {
    let k = members.len();
    let mut x = vec![0.0; k];
    let arcs_per_sweep: usize = members.iter().map(|&n| g.inc[n].len() + 1).sum();
    let max_sweeps = (WORK_BUDGET / arcs_per_sweep.max(1)).max(10);
    for _ in 0..max_sweeps {
        let mut delta: f64 = 0.0;
        for (i, &n) in members.iter().enumerate() {
            let mut s = inflow[n];
            let mut self_share = 0.0;
            for arc in &g.inc[n] {
                if c.of[arc.node] != id {
                    continue;
                }
                let w = arc.share * g.join_factor[n];
                if arc.node == n {
                    self_share += w;
                } else {
                    s += w * x[local[arc.node]];
                }
            }
            if self_share >= 1.0 {
                return None;
            }
            let new = s / (1.0 - self_share);
            if !new.is_finite() || new > 1e12 {
                return None;
            }
            delta = delta.max((new - x[i]).abs() / new.abs().max(1.0));
            x[i] = new;
        }
        if delta < TOLERANCE {
            return acceptable(&mut x).is_some().then_some(x);
        }
    }
    None
}

/// Visits must be finite and not negative (tiny negative rounding is clamped, in place).
fn acceptable(x: &mut [f64]) -> Option<&[f64]> {
    if x.iter().all(|v| v.is_finite() && *v > -1e-9 && *v < 1e12) {
        for v in x.iter_mut() {
            *v = v.max(0.0);
        }
        Some(x)
    } else {
        None
    }
}

/// The fallback for a loop without a meaningful solution: every case passes once, in breadth-first
/// order from where it enters, ignoring the flows that go back.
fn one_pass(g: &Graph, c: &Components, id: usize, members: &[usize], inflow: &[f64], v: &mut [f64]) {
    let mut seen = rustc_hash::FxHashSet::default();
    let mut queue: std::collections::VecDeque<usize> = members.iter().copied().filter(|&n| inflow[n] > 0.0).collect();
    for &n in members {
        v[n] = inflow[n];
    }
    while let Some(n) = queue.pop_front() {
        if !seen.insert(n) {
            continue;
        }
        for a in &g.out[n] {
            if c.of[a.node] == id && !seen.contains(&a.node) {
                v[a.node] += g.transfer(v[n], a);
                queue.push_back(a.node);
            }
        }
    }
}
