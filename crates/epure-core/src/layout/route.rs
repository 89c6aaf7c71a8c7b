//! Flow routes: orthogonal polylines between step borders.

use std::collections::HashMap;

use super::rank::Ranks;
use super::{Dense, Edge, LayoutOptions, Node, Point};
use crate::model::Procedure;

/// Longest span of columns checked for steps in the way; longer flows take the corridor.
const MAX_CHECKED_SPAN: usize = 64;
/// Space between parallel loop routes sharing a corridor.
const LOOP_SPACING: f64 = 6.0;

/// Arguments: the procedure, its dense graph, the placed nodes, the ranks, the sizes.
/// Returns: one route per flow, in the author's order.
/// Complexity: O(E × min(span, 64) × cell size) to look for steps in the way.
pub(crate) fn edges(p: &Procedure, g: &Dense, nodes: &[Node], ranks: &Ranks, opts: &LayoutOptions) -> Vec<Edge> {
    // Vertical extents of the steps of each column, to see whether a straight run is free.
    let max_rank = ranks.rank.iter().copied().max().unwrap_or(0);
    let mut columns: Vec<Vec<(f64, f64)>> = vec![Vec::new(); max_rank + 1];
    for n in nodes {
        columns[n.rank].push((n.y, n.y + n.height));
    }
    let column = opts.step_width + opts.column_gap;
    let column_left = |rank: usize| opts.lane_header + opts.column_gap / 2.0 + rank as f64 * column;
    let free = |from_rank: usize, to_rank: usize, y: f64| -> bool {
        (from_rank + 1..to_rank).all(|r| columns[r].iter().all(|&(top, bottom)| y < top - 4.0 || y > bottom + 4.0))
    };
    let mut corridors: HashMap<i64, usize> = HashMap::new();

    let mut out = Vec::with_capacity(p.flow_count());
    for (f, flow) in p.flows().enumerate() {
        let (Some(si), Some(ti)) = (g.position(p, flow.from), g.position(p, flow.to)) else { continue };
        let (s, t) = (&nodes[si], &nodes[ti]);
        let back = ranks.back.get(f).copied().unwrap_or(false) || t.x + t.width / 2.0 <= s.x + s.width / 2.0;
        let points = if si == ti {
            self_loop(s, opts)
        } else if back {
            // Below every step of the columns it spans, in the lanes it joins.
            let (lo, hi) = (s.lane.min(t.lane), s.lane.max(t.lane));
            let (r0, r1) = (s.rank.min(t.rank), s.rank.max(t.rank));
            let mut floor = (s.y + s.height).max(t.y + t.height);
            for n in nodes.iter().filter(|n| n.rank >= r0 && n.rank <= r1 && n.lane >= lo && n.lane <= hi) {
                floor = floor.max(n.y + n.height);
            }
            let key = floor.round() as i64;
            let k = corridors.entry(key).or_insert(0);
            let y = floor + opts.row_gap / 2.0 + *k as f64 * LOOP_SPACING;
            *k += 1;
            back_route(s, t, y, opts, &column_left, &|rank, top, bottom| {
                columns[rank].iter().any(|&(t0, t1)| t0 < bottom && t1 > top)
            })
        } else {
            forward(s, t, opts, &column_left, &free)
        };
        out.push(Edge { id: flow.flow.id.clone(), from: flow.from.to_owned(), to: flow.to.to_owned(), points, back });
    }
    out
}

/// A loop's route: down from the source's bottom to the corridor at `y`, along it, and up into
/// the target's bottom. A vertical run that would cross another step of its column (a step of a
/// lane in between) steps aside into the gap beside the column first.
///
/// `occupied(rank, top, bottom)` says whether a step of column `rank` spans part of `top..bottom`.
fn back_route(
    s: &Node,
    t: &Node,
    y: f64,
    opts: &LayoutOptions,
    column_left: &impl Fn(usize) -> f64,
    occupied: &impl Fn(usize, f64, f64) -> bool,
) -> Vec<Point> {
    let (sx, tx) = (s.center().x, t.center().x);
    let (s_bottom, t_bottom) = (s.y + s.height, t.y + t.height);
    let mut points = vec![Point { x: sx, y: s_bottom }];
    if occupied(s.rank, s_bottom, y) {
        let aside = s_bottom + opts.row_gap / 2.0;
        let gap = if s.fixed {
            s.x + s.width + opts.column_gap / 2.0
        } else {
            column_left(s.rank + 1) - opts.column_gap / 2.0
        };
        points.extend([Point { x: sx, y: aside }, Point { x: gap, y: aside }, Point { x: gap, y }]);
    } else {
        points.push(Point { x: sx, y });
    }
    if occupied(t.rank, t_bottom, y) {
        let aside = t_bottom + opts.row_gap / 2.0;
        let gap = if t.fixed { t.x - opts.column_gap / 2.0 } else { column_left(t.rank) - opts.column_gap / 2.0 };
        points.extend([Point { x: gap, y }, Point { x: gap, y: aside }, Point { x: tx, y: aside }]);
    } else {
        points.push(Point { x: tx, y });
    }
    points.push(Point { x: tx, y: t_bottom });
    points
}

fn forward(
    s: &Node,
    t: &Node,
    opts: &LayoutOptions,
    column_left: &impl Fn(usize) -> f64,
    free: &impl Fn(usize, usize, f64) -> bool,
) -> Vec<Point> {
    let (sy, ty) = (s.center().y, t.center().y);
    let start = Point { x: s.x + s.width, y: sy };
    let end = Point { x: t.x, y: ty };
    let span_checked = t.rank.saturating_sub(s.rank) <= MAX_CHECKED_SPAN;
    // The vertical channel in the gap just before the target's column, or just after the source's.
    let before_target = if t.fixed { t.x - opts.column_gap / 2.0 } else { column_left(t.rank) - opts.column_gap / 2.0 };
    let after_source =
        if s.fixed { s.x + s.width + opts.column_gap / 2.0 } else { column_left(s.rank + 1) - opts.column_gap / 2.0 };
    if (sy - ty).abs() < 0.5 && span_checked && free(s.rank, t.rank, sy) {
        return vec![start, end];
    }
    if span_checked && free(s.rank, t.rank, sy) {
        return vec![start, Point { x: before_target, y: sy }, Point { x: before_target, y: ty }, end];
    }
    if span_checked && free(s.rank, t.rank, ty) {
        return vec![start, Point { x: after_source, y: sy }, Point { x: after_source, y: ty }, end];
    }
    // Both straight runs are blocked: take the corridor below the source's row.
    let corridor = sy + opts.step_height / 2.0 + opts.row_gap / 2.0;
    vec![
        start,
        Point { x: after_source, y: sy },
        Point { x: after_source, y: corridor },
        Point { x: before_target, y: corridor },
        Point { x: before_target, y: ty },
        end,
    ]
}

fn self_loop(s: &Node, opts: &LayoutOptions) -> Vec<Point> {
    let out = opts.row_gap / 2.0;
    let (right, bottom, c) = (s.x + s.width, s.y + s.height, s.center());
    vec![
        Point { x: right, y: c.y },
        Point { x: right + out, y: c.y },
        Point { x: right + out, y: bottom + out },
        Point { x: c.x, y: bottom + out },
        Point { x: c.x, y: bottom },
    ]
}
