//! One drawing of a comparison: the procedure after, with what it no longer has drawn where it
//! stood before.

use super::GraphDiff;
use crate::layout::{Edge, Layout};

/// How the overlay marks the id of a flow it draws from the before side, so that it cannot meet
/// the id of a flow of the after side.
pub const REMOVED_FLOW: &str = "removed:";

/// The overlay of two drawings compared: the after drawing, plus the removed steps where they
/// stood before and the removed flows between steps it shows (ids prefixed [`REMOVED_FLOW`]).
///
/// Returns: the drawing, and the ids of the removed flows in it.
pub fn overlay(before: &Layout, after: &Layout, d: &GraphDiff) -> (Layout, Vec<String>) {
    let mut out = after.clone();
    out.nodes.extend(before.nodes.iter().filter(|n| d.steps_removed.contains(&n.id)).cloned());
    // A removed flow keeps its route only if both its steps are drawn where they stood before;
    // otherwise the route would start or end in empty space, and it goes without one (the
    // canvas then joins the two steps itself).
    let same_place = |id: &str| match (before.node(id), out.node(id)) {
        (Some(a), Some(b)) => a.x == b.x && a.y == b.y && a.width == b.width && a.height == b.height,
        _ => false,
    };
    let removed: Vec<Edge> = before
        .edges
        .iter()
        .filter(|e| d.flows_removed.contains(&e.id))
        .filter(|e| out.node(&e.from).is_some() && out.node(&e.to).is_some())
        .map(|e| {
            let points = if same_place(&e.from) && same_place(&e.to) { e.points.clone() } else { Vec::new() };
            Edge { id: format!("{REMOVED_FLOW}{}", e.id), points, ..e.clone() }
        })
        .collect();
    let ids = removed.iter().map(|e| e.id.clone()).collect();
    out.edges.extend(removed);
    (out, ids)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;
    use crate::layout::{LayoutOptions, layout};
    use crate::simplify::{Accept, simplify};

    #[test]
    fn the_after_drawing_with_the_removed_steps_and_flows() {
        let path = format!("{}/../../assets/samples/conge-agent.epure.json", env!("CARGO_MANIFEST_DIR"));
        let before = crate::format::from_str(&std::fs::read_to_string(path).expect("sample")).expect("reads");
        let after = simplify(&before, &Accept::All, &Settings::from_procedure(&before)).procedure;
        let d = super::super::diff(&before, &after);
        let opts = LayoutOptions::default();
        let (a, b) = (layout(&before, &opts), layout(&after, &opts));
        let (o, removed) = overlay(&a, &b, &d);
        assert!(!d.steps_removed.is_empty() && !removed.is_empty());
        assert_eq!(o.nodes.len(), b.nodes.len() + d.steps_removed.len());
        for id in &removed {
            let e = o.edges.iter().find(|e| &e.id == id).expect("drawn");
            let (from, to) = (o.node(&e.from).expect("its source"), o.node(&e.to).expect("its target"));
            // A route, if any, leaves and reaches the steps where the overlay draws them.
            if let (Some(first), Some(last)) = (e.points.first(), e.points.last()) {
                let on = |n: &crate::layout::Node, p: &crate::layout::Point| {
                    p.x >= n.x - 1e-9
                        && p.x <= n.x + n.width + 1e-9
                        && p.y >= n.y - 1e-9
                        && p.y <= n.y + n.height + 1e-9
                };
                assert!(on(from, first) && on(to, last), "{id}: {:?}", e.points);
            }
            assert!(b.edges.iter().all(|x| &x.id != id), "{id} meets no flow of the after drawing");
        }
        assert_eq!(o.edges.len(), b.edges.len() + removed.len());
    }
}
