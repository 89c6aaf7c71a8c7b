//! Strongly connected components of the flows cases can take (share > 0), iteratively.

use super::graph::Graph;

/// The loops of a procedure.
#[derive(Debug, Clone, Default)]
pub struct Components {
    /// Component id of each node index (`usize::MAX` for holes).
    pub of: Vec<usize>,
    /// Members of each component, in the author's order; components in topological order
    /// (a component comes before every component it leads to).
    pub members: Vec<Vec<usize>>,
    /// Whether a component is a loop: several steps, or one step with a flow to itself.
    pub cyclic: Vec<bool>,
}

/// Tarjan's algorithm with an explicit stack.
///
/// Arguments: the adjacency; only arcs with a positive share count (an end lets cases leave).
/// Returns: the components in topological order.
/// Complexity: O(V + E) time and memory.
pub fn components(g: &Graph) -> Components {
    const NONE: usize = usize::MAX;
    let mut index = vec![NONE; g.bound];
    let mut low = vec![0usize; g.bound];
    let mut on_stack = vec![false; g.bound];
    let mut stack: Vec<usize> = Vec::new();
    let mut of = vec![NONE; g.bound];
    let mut found: Vec<Vec<usize>> = Vec::new();
    let mut next = 0usize;
    // (node, position of the next arc to look at)
    let mut call: Vec<(usize, usize)> = Vec::new();
    for &root in &g.order {
        if index[root] != NONE {
            continue;
        }
        call.push((root, 0));
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(top) = call.len().checked_sub(1) {
            let (n, mut i) = call[top];
            let mut child = None;
            while i < g.out[n].len() {
                let a = g.out[n][i];
                i += 1;
                if a.share <= 0.0 {
                    continue;
                }
                let m = a.node;
                if index[m] == NONE {
                    child = Some(m);
                    break;
                } else if on_stack[m] {
                    low[n] = low[n].min(index[m]);
                }
            }
            call[top].1 = i;
            if let Some(m) = child {
                index[m] = next;
                low[m] = next;
                next += 1;
                stack.push(m);
                on_stack[m] = true;
                call.push((m, 0));
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[n]);
            }
            if low[n] == index[n] {
                let mut comp = Vec::new();
                while let Some(m) = stack.pop() {
                    on_stack[m] = false;
                    comp.push(m);
                    if m == n {
                        break;
                    }
                }
                found.push(comp);
            }
        }
    }
    // Tarjan emits components sinks first.
    found.reverse();
    let mut cyclic = Vec::with_capacity(found.len());
    for (c, comp) in found.iter_mut().enumerate() {
        comp.sort_by_key(|&n| g.pos[n]);
        for &n in comp.iter() {
            of[n] = c;
        }
        let self_loop = comp.len() == 1 && g.out[comp[0]].iter().any(|a| a.node == comp[0] && a.share > 0.0);
        cyclic.push(comp.len() > 1 || self_loop);
    }
    Components { of, members: found, cyclic }
}
