//! Strongly connected components of the flows cases can take (share > 0), iteratively.

use super::graph::Graph;

/// The loops of a procedure.
#[derive(Debug, Clone, Default)]
pub struct Components {
    /// Component id of each node index (`usize::MAX` for holes).
    pub of: Vec<usize>,
    /// Members of each component, in the author's order; components in topological order
    /// (a component comes before every component it leads to).
    pub members: Members,
    /// Whether a component is a loop: several steps, or one step with a flow to itself.
    pub cyclic: Vec<bool>,
}

/// The members of every component, packed in one table (most components are a single step: one
/// allocation in all rather than one per component). Component `c`'s members are `members[c]`.
#[derive(Debug, Clone, Default)]
pub struct Members {
    nodes: Vec<usize>,
    /// Where each component's members begin in `nodes`, and one past the last.
    at: Vec<usize>,
}

impl Members {
    /// The number of components.
    pub fn len(&self) -> usize {
        self.at.len().saturating_sub(1)
    }

    pub fn is_empty(&self) -> bool {
        self.len() == 0
    }

    /// The members of each component, in the components' order.
    pub fn iter(&self) -> impl DoubleEndedIterator<Item = &[usize]> + ExactSizeIterator {
        self.at.windows(2).map(|w| &self.nodes[w[0]..w[1]])
    }
}

impl std::ops::Index<usize> for Members {
    type Output = [usize];

    fn index(&self, c: usize) -> &[usize] {
        &self.nodes[self.at[c]..self.at[c + 1]]
    }
}

/// Tarjan's algorithm with an explicit stack.
///
/// Arguments: the adjacency; only arcs with a positive share count (an end lets cases leave).
/// Returns: the components in topological order.
/// Complexity: O(V + E) time and memory.
pub fn components(g: &Graph) -> Components {
    const NONE: usize = usize::MAX;
    let (arcs, at) = g.out.parts();
    let mut index = vec![NONE; g.bound];
    let mut low = vec![0usize; g.bound];
    let mut on_stack = vec![false; g.bound];
    // Whether a node has a live flow to itself, noted while its arcs are looked at.
    let mut self_loop = vec![false; g.bound];
    let mut stack: Vec<usize> = Vec::with_capacity(g.order.len());
    let mut of = vec![NONE; g.bound];
    // The components as Tarjan emits them, sinks first, packed: their members, and where each ends.
    let mut found: Vec<usize> = Vec::with_capacity(g.order.len());
    let mut found_end: Vec<usize> = Vec::with_capacity(g.order.len());
    let mut next = 0usize;
    // (node, position in `arcs` of the next arc to look at)
    let mut call: Vec<(usize, usize)> = Vec::with_capacity(g.order.len());
    for &root in &g.order {
        if index[root] != NONE {
            continue;
        }
        call.push((root, at[root]));
        index[root] = next;
        low[root] = next;
        next += 1;
        stack.push(root);
        on_stack[root] = true;
        while let Some(top) = call.len().checked_sub(1) {
            let (n, mut i) = call[top];
            let end = at[n + 1];
            let mut child = None;
            while i < end {
                let a = &arcs[i];
                i += 1;
                if a.share <= 0.0 {
                    continue;
                }
                let m = a.node;
                if index[m] == NONE {
                    child = Some(m);
                    break;
                } else if on_stack[m] {
                    self_loop[n] |= m == n;
                    low[n] = low[n].min(index[m]);
                }
            }
            if let Some(m) = child {
                call[top].1 = i;
                index[m] = next;
                low[m] = next;
                next += 1;
                stack.push(m);
                on_stack[m] = true;
                call.push((m, at[m]));
                continue;
            }
            call.pop();
            if let Some(&(parent, _)) = call.last() {
                low[parent] = low[parent].min(low[n]);
            }
            if low[n] == index[n] {
                while let Some(m) = stack.pop() {
                    on_stack[m] = false;
                    found.push(m);
                    if m == n {
                        break;
                    }
                }
                found_end.push(found.len());
            }
        }
    }
    // Tarjan emits components sinks first: read them back from the last one.
    let mut members = Members { nodes: Vec::with_capacity(found.len()), at: Vec::with_capacity(found_end.len() + 1) };
    members.at.push(0);
    let mut cyclic = Vec::with_capacity(found_end.len());
    let mut end = found.len();
    for k in (0..found_end.len()).rev() {
        let start = if k == 0 { 0 } else { found_end[k - 1] };
        let comp = &found[start..end];
        end = start;
        let c = cyclic.len();
        if let [n] = *comp {
            // Most components are one step: no sort, and a loop only through a flow to itself.
            members.nodes.push(n);
            of[n] = c;
            cyclic.push(self_loop[n]);
        } else {
            let first = members.nodes.len();
            members.nodes.extend_from_slice(comp);
            members.nodes[first..].sort_by_key(|&n| g.pos[n]);
            for &n in comp {
                of[n] = c;
            }
            cyclic.push(true);
        }
        members.at.push(members.nodes.len());
    }
    Components { of, members, cyclic }
}
