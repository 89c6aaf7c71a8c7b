//! Swimlane layout: where each step and each flow is drawn, on screen and on paper.
//!
//! Lanes are horizontal bands, the user's lane first, then the other actors in the author's
//! order. Steps are placed in columns along the flow (layered drawing): loops are broken at
//! their back edges, each step's column is the length of the longest path reaching it, and the
//! order of steps sharing a lane and a column is chosen to reduce crossings (barycentre
//! sweeps). Flows are routed orthogonally, from the right side of a step to the left side of
//! the next; a flow going back (a loop) is routed below the steps it joins.
//!
//! Positions the agent set by hand are kept; only steps without a position are placed.
//!
//! The result is in abstract units (a work step is 160 × 64) and is deterministic: the same
//! procedure always gives the same drawing. The desktop app and the PDF report both draw from
//! it, so the printed diagram is the one the agent saw.
//!
//! Why not `rust-sugiyama`: it was evaluated; it lays out a plain graph (network-simplex ranks,
//! Brandes–Köpf coordinates) with no notion of lane bands, hand-placed nodes or node kinds, and
//! its ranking does not scale linearly. The layering here is specific to swimlanes and linear.

mod order;
mod rank;
mod route;

use petgraph::stable_graph::NodeIndex;
use serde::Serialize;

use crate::model::{ActorKind, Procedure, StepKind};

/// Sizes and spacing, in abstract units.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct LayoutOptions {
    /// Size of a task, approval or check.
    pub step_width: f64,
    pub step_height: f64,
    /// Size of a decision or parallel gateway (a square drawn as a diamond).
    pub gateway_size: f64,
    /// Diameter of a start or end event.
    pub event_size: f64,
    /// Horizontal space between two columns.
    pub column_gap: f64,
    /// Vertical space between two rows in a lane.
    pub row_gap: f64,
    /// Width of the band holding the lane names, left of the drawing.
    pub lane_header: f64,
    /// Space between a lane's border and the steps inside it.
    pub lane_padding: f64,
}

impl Default for LayoutOptions {
    fn default() -> Self {
        LayoutOptions {
            step_width: 160.0,
            step_height: 64.0,
            gateway_size: 44.0,
            event_size: 36.0,
            column_gap: 56.0,
            row_gap: 28.0,
            lane_header: 120.0,
            lane_padding: 24.0,
        }
    }
}

/// A point in layout units; `y` grows downwards.
#[derive(Debug, Clone, Copy, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Point {
    pub x: f64,
    pub y: f64,
}

/// A lane band.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Lane {
    /// The actor's id, or `None` for the band of steps that sit in no lane at all.
    pub actor: Option<String>,
    pub name: String,
    pub y: f64,
    pub height: f64,
}

/// Where a step is drawn: its box, top-left corner and size.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Node {
    pub id: String,
    pub kind: StepKind,
    /// The step's label ("" for an unlabelled start, end or gateway).
    pub label: String,
    /// Index into [`Layout::lanes`].
    pub lane: usize,
    /// The column along the flow.
    pub rank: usize,
    pub x: f64,
    pub y: f64,
    pub width: f64,
    pub height: f64,
    /// Whether the position came from the procedure (set by hand) rather than from the layout.
    pub fixed: bool,
}

impl Node {
    pub fn center(&self) -> Point {
        Point { x: self.x + self.width / 2.0, y: self.y + self.height / 2.0 }
    }
}

/// How a flow is drawn: a polyline from its source's border to its target's border; the last
/// segment ends with the arrowhead.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Edge {
    pub id: String,
    pub from: String,
    pub to: String,
    pub points: Vec<Point>,
    /// A flow that goes back against the reading direction (a loop).
    pub back: bool,
}

/// The drawing of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize)]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub struct Layout {
    pub width: f64,
    pub height: f64,
    pub lanes: Vec<Lane>,
    /// In the author's order of steps.
    pub nodes: Vec<Node>,
    /// In the author's order of flows.
    pub edges: Vec<Edge>,
}

impl Layout {
    pub fn node(&self, id: &str) -> Option<&Node> {
        self.nodes.iter().find(|n| n.id == id)
    }
}

/// Lays a procedure out in swimlanes.
///
/// Arguments: the procedure and the sizes to use.
/// Returns: lane bands, a box per step, a polyline per flow.
/// Complexity: O((V + E) log V) — cycle breaking and ranking are linear, each crossing
/// reduction sweep sorts the steps of each cell.
pub fn layout(p: &Procedure, opts: &LayoutOptions) -> Layout {
    let graph = Dense::new(p);
    let lanes = lane_order(p);
    let ranks = rank::ranks(&graph);
    let lane_of = assign_lanes(p, &graph, &lanes, &ranks.topological);
    let rows = order::rows(&graph, &ranks, &lane_of, lanes.len());

    // Lane heights: the most rows any column needs in the lane.
    let pitch = opts.step_height + opts.row_gap;
    let mut lane_rows = vec![1usize; lanes.len()];
    for (v, &row) in rows.iter().enumerate() {
        lane_rows[lane_of[v]] = lane_rows[lane_of[v]].max(row + 1);
    }
    let mut bands = Vec::with_capacity(lanes.len());
    let mut y = 0.0;
    for (i, lane) in lanes.iter().enumerate() {
        let height = 2.0 * opts.lane_padding + lane_rows[i] as f64 * pitch - opts.row_gap;
        bands.push(Lane { actor: lane.actor.clone(), name: lane.name.clone(), y, height });
        y += height;
    }

    let column = opts.step_width + opts.column_gap;
    let nodes: Vec<Node> = (0..graph.len())
        .map(|v| {
            let step = &p.graph()[graph.nodes[v]];
            let (w, h) = size(step.kind, opts);
            let lane = lane_of[v];
            let (x, y, fixed) = match step.position {
                Some(pos) => (pos.x, pos.y, true),
                None => (
                    opts.lane_header
                        + opts.column_gap / 2.0
                        + ranks.rank[v] as f64 * column
                        + (opts.step_width - w) / 2.0,
                    bands[lane].y + opts.lane_padding + rows[v] as f64 * pitch + (opts.step_height - h) / 2.0,
                    false,
                ),
            };
            Node {
                id: step.id.clone(),
                kind: step.kind,
                label: step.label().to_owned(),
                lane,
                rank: ranks.rank[v],
                x,
                y,
                width: w,
                height: h,
                fixed,
            }
        })
        .collect();

    let edges = route::edges(p, &graph, &nodes, &ranks, opts);

    let max_rank = ranks.rank.iter().copied().max().unwrap_or(0);
    let mut width = opts.lane_header + (max_rank + 1) as f64 * column;
    let mut height = y;
    for n in &nodes {
        width = width.max(n.x + n.width + opts.column_gap / 2.0);
        height = height.max(n.y + n.height + opts.lane_padding);
    }
    for e in &edges {
        for pt in &e.points {
            width = width.max(pt.x + opts.column_gap / 2.0);
            height = height.max(pt.y + opts.row_gap / 2.0);
        }
    }
    if let Some(last) = bands.last_mut() {
        // The last band reaches the bottom of the drawing (loops may be routed below it).
        last.height = last.height.max(height - last.y);
    }
    Layout { width, height, lanes: bands, nodes, edges }
}

fn size(kind: StepKind, opts: &LayoutOptions) -> (f64, f64) {
    match kind {
        StepKind::Start | StepKind::End => (opts.event_size, opts.event_size),
        StepKind::Decision | StepKind::Parallel => (opts.gateway_size, opts.gateway_size),
        StepKind::Task | StepKind::Approval | StepKind::Check => (opts.step_width, opts.step_height),
    }
}

/// The procedure's graph with dense indices `0..V` in the author's order of steps, and
/// neighbour lists in the author's order of flows.
pub(crate) struct Dense {
    pub nodes: Vec<NodeIndex>,
    /// `NodeIndex::index()` → dense index (`usize::MAX` for a free slot).
    dense: Vec<usize>,
    pub succ: Vec<Vec<(usize, usize)>>, // (flow position, target)
    pub pred: Vec<Vec<(usize, usize)>>, // (flow position, source)
    pub start: Option<usize>,
}

impl Dense {
    fn new(p: &Procedure) -> Self {
        let nodes: Vec<NodeIndex> = p.step_indices().to_vec();
        let bound = nodes.iter().map(|n| n.index() + 1).max().unwrap_or(0);
        let mut dense = vec![usize::MAX; bound];
        for (i, n) in nodes.iter().enumerate() {
            dense[n.index()] = i;
        }
        let mut succ = vec![Vec::new(); nodes.len()];
        let mut pred = vec![Vec::new(); nodes.len()];
        for (f, &e) in p.flow_indices().iter().enumerate() {
            if let Some((a, b)) = p.graph().edge_endpoints(e) {
                let (a, b) = (dense[a.index()], dense[b.index()]);
                succ[a].push((f, b));
                pred[b].push((f, a));
            }
        }
        let start = p.start().map(|s| dense[s.index()]);
        Dense { nodes, dense, succ, pred, start }
    }

    pub fn len(&self) -> usize {
        self.nodes.len()
    }

    /// The dense index of a step id.
    pub fn position(&self, p: &Procedure, id: &str) -> Option<usize> {
        self.dense.get(p.node(id)?.index()).copied().filter(|&i| i != usize::MAX)
    }
}

struct LaneSpec {
    actor: Option<String>,
    name: String,
}

/// Lanes in drawing order: the user's lanes first, then the others in the author's order,
/// then a band for steps in no lane when there are actors at all (none otherwise).
fn lane_order(p: &Procedure) -> Vec<LaneSpec> {
    let users = p.actors.iter().filter(|a| a.kind == ActorKind::User);
    let others = p.actors.iter().filter(|a| a.kind != ActorKind::User);
    let mut lanes: Vec<LaneSpec> =
        users.chain(others).map(|a| LaneSpec { actor: Some(a.id.clone()), name: a.name.clone() }).collect();
    if lanes.is_empty() {
        lanes.push(LaneSpec { actor: None, name: String::new() });
    }
    lanes
}

/// The lane of each step: its actor's; for a step in no lane (start, end, a gateway drawn
/// outside lanes), the lane of the step before it, else of the step after it, else the first.
fn assign_lanes(p: &Procedure, g: &Dense, lanes: &[LaneSpec], topological: &[usize]) -> Vec<usize> {
    let index_of = |actor: &str| lanes.iter().position(|l| l.actor.as_deref() == Some(actor));
    let mut lane: Vec<Option<usize>> =
        g.nodes.iter().map(|&n| p.graph()[n].actor.as_deref().and_then(index_of)).collect();
    // Forward: inherit from a predecessor (topological order visits predecessors first).
    for &v in topological {
        if lane[v].is_none() {
            lane[v] = g.pred[v].iter().find_map(|&(_, u)| lane[u]);
        }
    }
    // Backward: a start (or anything with no placed predecessor) takes its successor's lane.
    for &v in topological.iter().rev() {
        if lane[v].is_none() {
            lane[v] = g.succ[v].iter().find_map(|&(_, w)| lane[w]);
        }
    }
    lane.into_iter().map(|l| l.unwrap_or(0)).collect()
}

#[cfg(test)]
mod tests;
