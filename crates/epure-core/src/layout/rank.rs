//! Columns: break loops at their back edges, then rank each step by the longest path reaching it.

use std::collections::VecDeque;

use super::Dense;

pub(crate) struct Ranks {
    /// The column of each step.
    pub rank: Vec<usize>,
    /// Per flow (in the author's order): whether it goes back against the flow (closes a loop).
    pub back: Vec<bool>,
    /// Steps in an order where every step comes after the sources of its forward flows.
    pub topological: Vec<usize>,
}

/// Arguments: the dense graph.
/// Returns: ranks, back edges and a topological order of the graph without its back edges.
/// Complexity: O(V + E); iterative, so deep graphs do not overflow the stack.
pub(crate) fn ranks(g: &Dense) -> Ranks {
    let n = g.len();
    let flow_count = g.succ.iter().map(Vec::len).sum::<usize>();
    let back = back_edges(g, flow_count);

    let mut indegree = vec![0usize; n];
    for (v, preds) in g.pred.iter().enumerate() {
        indegree[v] = preds.iter().filter(|&&(f, _)| !back[f]).count();
    }
    let mut queue: VecDeque<usize> = (0..n).filter(|&v| indegree[v] == 0).collect();
    let mut rank = vec![0usize; n];
    let mut topological = Vec::with_capacity(n);
    while let Some(u) = queue.pop_front() {
        topological.push(u);
        for &(f, w) in &g.succ[u] {
            if back[f] {
                continue;
            }
            rank[w] = rank[w].max(rank[u] + 1);
            indegree[w] -= 1;
            if indegree[w] == 0 {
                queue.push_back(w);
            }
        }
    }
    Ranks { rank, back, topological }
}

/// Depth-first search from the start, then from steps nobody reaches, then from any step left
/// (a loop no case enters); a flow to a step still on the search path closes a loop.
fn back_edges(g: &Dense, flow_count: usize) -> Vec<bool> {
    let n = g.len();
    let mut back = vec![false; flow_count];
    let mut state = vec![0u8; n]; // 0 unvisited, 1 on the path, 2 done
    let roots = g.start.into_iter().chain((0..n).filter(|&v| g.pred[v].is_empty())).chain(0..n);
    let mut stack: Vec<(usize, usize)> = Vec::new();
    for root in roots {
        if state[root] != 0 {
            continue;
        }
        state[root] = 1;
        stack.push((root, 0));
        while let Some(&mut (v, ref mut next)) = stack.last_mut() {
            if let Some(&(f, w)) = g.succ[v].get(*next) {
                *next += 1;
                match state[w] {
                    0 => {
                        state[w] = 1;
                        stack.push((w, 0));
                    }
                    1 => back[f] = true,
                    _ => {}
                }
            } else {
                state[v] = 2;
                stack.pop();
            }
        }
    }
    back
}
