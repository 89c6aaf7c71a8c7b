//! Rows: the order of the steps that share a lane and a column, chosen to reduce crossings.

use super::Dense;
use super::rank::Ranks;

/// Sweeps of the barycentre heuristic (down then up counts as two).
const SWEEPS: usize = 4;

/// Arguments: the graph, its ranks, the lane of each step, the number of lanes.
/// Returns: the row of each step inside its lane (0 = top).
/// Complexity: O(SWEEPS × (E + V log V)).
pub(crate) fn rows(g: &Dense, ranks: &Ranks, lane_of: &[usize], lanes: usize) -> Vec<usize> {
    let n = g.len();
    let max_rank = ranks.rank.iter().copied().max().unwrap_or(0);
    // Cells (column, lane) hold their steps, first in the author's order.
    let cell = |v: usize| ranks.rank[v] * lanes + lane_of[v];
    let mut cells: Vec<Vec<usize>> = vec![Vec::new(); (max_rank + 1) * lanes.max(1)];
    for v in 0..n {
        cells[cell(v)].push(v);
    }
    let mut row = vec![0usize; n];
    let assign = |cells: &Vec<Vec<usize>>, row: &mut Vec<usize>| {
        for c in cells {
            for (i, &v) in c.iter().enumerate() {
                row[v] = i;
            }
        }
    };
    assign(&cells, &mut row);

    // A step's vertical position across the whole drawing: lane first, then row. Lanes keep
    // their order, so only the order inside a cell can change.
    let key = |v: usize, row: &[usize]| (lane_of[v] * n + row[v]) as f64;
    for sweep in 0..SWEEPS {
        let downward = sweep % 2 == 0;
        let columns: Vec<usize> = if downward { (1..=max_rank).collect() } else { (0..max_rank).rev().collect() };
        for r in columns {
            for lane in 0..lanes {
                let c = &mut cells[r * lanes + lane];
                if c.len() < 2 {
                    continue;
                }
                let mut keyed: Vec<(f64, usize, usize)> = c
                    .iter()
                    .enumerate()
                    .map(|(i, &v)| {
                        let neighbours = if downward { &g.pred[v] } else { &g.succ[v] };
                        let (sum, count) = neighbours
                            .iter()
                            .filter(|&&(f, _)| !ranks.back[f])
                            .fold((0.0, 0usize), |(s, k), &(_, u)| (s + key(u, &row), k + 1));
                        // A step with no neighbour on that side keeps its place.
                        let bary = if count == 0 { key(v, &row) } else { sum / count as f64 };
                        (bary, i, v)
                    })
                    .collect();
                keyed.sort_by(|a, b| a.0.total_cmp(&b.0).then(a.1.cmp(&b.1)));
                *c = keyed.into_iter().map(|(_, _, v)| v).collect();
                for (i, &v) in c.iter().enumerate() {
                    row[v] = i;
                }
            }
        }
    }
    row
}
