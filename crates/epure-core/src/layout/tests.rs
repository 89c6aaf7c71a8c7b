//! Layout tests: data-driven cases on small procedures, and properties on generated ones.

use proptest::prelude::*;
use serde_json::{Value, json};

use super::*;
use crate::format::from_str;
use crate::synthetic;

fn procedure(actors: Value, steps: Value, flows: Value) -> Procedure {
    let file = json!({
        "format": "epure.procedure", "version": 1,
        "procedure": { "name": "t" },
        "actors": actors, "data": [], "steps": steps, "flows": flows,
    });
    from_str(&file.to_string()).unwrap_or_else(|e| panic!("test procedure: {e}"))
}

fn worked_example() -> Procedure {
    from_str(include_str!("../../tests/fixtures/worked-example.epure.json")).expect("fixture")
}

/// The procedure's nodes as (id, lane, rank), in the author's order.
fn check_ranks(p: &Procedure, expect: &[(&str, usize, usize)]) {
    let l = layout(p, &LayoutOptions::default());
    let got: Vec<(&str, usize, usize)> = l.nodes.iter().map(|n| (n.id.as_str(), n.lane, n.rank)).collect();
    assert_eq!(got, expect);
    assert_invariants(p, &l);
}

/// What holds for every layout: boxes inside their lane and apart from each other, flows
/// forward left to right, routes orthogonal and touching their steps' borders.
fn assert_invariants(p: &Procedure, l: &Layout) {
    assert_eq!(l.nodes.len(), p.step_count());
    assert_eq!(l.edges.len(), p.flow_count());
    for n in l.nodes.iter().filter(|n| !n.fixed) {
        let lane = &l.lanes[n.lane];
        assert!(n.y >= lane.y && n.y + n.height <= lane.y + lane.height + 1e-9, "{} inside its lane", n.id);
        assert!(n.x >= 0.0 && n.x + n.width <= l.width && n.y + n.height <= l.height, "{} inside the drawing", n.id);
    }
    let auto: Vec<&Node> = l.nodes.iter().filter(|n| !n.fixed).collect();
    for (i, a) in auto.iter().enumerate() {
        for b in &auto[i + 1..] {
            let apart = a.x + a.width <= b.x || b.x + b.width <= a.x || a.y + a.height <= b.y || b.y + b.height <= a.y;
            assert!(apart, "{} and {} overlap", a.id, b.id);
        }
    }
    for e in &l.edges {
        let (s, t) = (l.node(&e.from).expect("source"), l.node(&e.to).expect("target"));
        assert!(e.points.len() >= 2, "{} has a route", e.id);
        for w in e.points.windows(2) {
            assert!(w[0].x == w[1].x || w[0].y == w[1].y, "{} is orthogonal: {:?}", e.id, e.points);
            assert!(w.iter().all(|p| p.x.is_finite() && p.y.is_finite()));
        }
        let (first, last) = (e.points[0], e.points[e.points.len() - 1]);
        assert!(on_border(s, first), "{} leaves {} from its border: {first:?}", e.id, s.id);
        assert!(on_border(t, last), "{} reaches {} on its border: {last:?}", e.id, t.id);
        if !e.back && !s.fixed && !t.fixed {
            assert!(t.rank > s.rank && t.x > s.x, "{} goes forward", e.id);
        }
    }
}

fn on_border(n: &Node, p: Point) -> bool {
    let within = |v: f64, a: f64, b: f64| v >= a - 1e-9 && v <= b + 1e-9;
    let on_x = (p.x - n.x).abs() < 1e-9 || (p.x - n.x - n.width).abs() < 1e-9;
    let on_y = (p.y - n.y).abs() < 1e-9 || (p.y - n.y - n.height).abs() < 1e-9;
    (on_x && within(p.y, n.y, n.y + n.height)) || (on_y && within(p.x, n.x, n.x + n.width))
}

#[test]
fn the_worked_example_reads_left_to_right_one_lane_per_actor() {
    check_ranks(&worked_example(), &[("s", 0, 0), ("depot", 0, 1), ("verif", 1, 2), ("saisie", 2, 3), ("e", 2, 4)]);
    let l = layout(&worked_example(), &LayoutOptions::default());
    let names: Vec<&str> = l.lanes.iter().map(|l| l.name.as_str()).collect();
    assert_eq!(names, ["Famille", "Accueil mairie", "Service Éducation"]);
}

#[test]
fn the_user_lane_comes_first_whatever_the_author_order() {
    let p = procedure(
        json!([{ "id": "svc", "name": "Service", "kind": "service" }, { "id": "u", "name": "Usager", "kind": "user" }]),
        json!([
            { "id": "s", "kind": "start" },
            { "id": "a", "label": "Demander", "kind": "task", "actor": "u" },
            { "id": "b", "label": "Instruire", "kind": "task", "actor": "svc" },
            { "id": "e", "kind": "end" }
        ]),
        json!([{ "from": "s", "to": "a" }, { "from": "a", "to": "b" }, { "from": "b", "to": "e" }]),
    );
    // The start takes the lane of the step after it; the end the lane of the step before it.
    check_ranks(&p, &[("s", 0, 0), ("a", 0, 1), ("b", 1, 2), ("e", 1, 3)]);
}

#[test]
fn a_loop_is_broken_at_its_back_edge_and_routed_below() {
    let p = procedure(
        json!([{ "id": "u", "name": "Usager", "kind": "user" }, { "id": "svc", "name": "Service", "kind": "service" }]),
        json!([
            { "id": "s", "kind": "start" },
            { "id": "depot", "label": "Déposer", "kind": "task", "actor": "u" },
            { "id": "verif", "label": "Vérifier", "kind": "check", "actor": "svc" },
            { "id": "d", "label": "Complet ?", "kind": "decision", "actor": "svc" },
            { "id": "e", "kind": "end" }
        ]),
        json!([
            { "from": "s", "to": "depot" }, { "from": "depot", "to": "verif" }, { "from": "verif", "to": "d" },
            { "id": "back", "from": "d", "to": "depot", "probability": 0.3 },
            { "id": "ok", "from": "d", "to": "e", "probability": 0.7 }
        ]),
    );
    check_ranks(&p, &[("s", 0, 0), ("depot", 0, 1), ("verif", 1, 2), ("d", 1, 3), ("e", 1, 4)]);
    let l = layout(&p, &LayoutOptions::default());
    let back = l.edges.iter().find(|e| e.id == "back").unwrap();
    assert!(back.back);
    let (d, depot) = (l.node("d").unwrap(), l.node("depot").unwrap());
    let lowest = back.points.iter().map(|p| p.y).fold(f64::MIN, f64::max);
    assert!(lowest > d.y + d.height && lowest > depot.y + depot.height, "routed below both: {:?}", back.points);
    assert!(l.edges.iter().filter(|e| e.id != "back").all(|e| !e.back));
}

#[test]
fn parallel_branches_share_a_column_in_their_lanes() {
    let p = procedure(
        json!([
            { "id": "svc", "name": "Service", "kind": "service" },
            { "id": "abf", "name": "ABF", "kind": "partner" },
            { "id": "sdis", "name": "SDIS", "kind": "partner" }
        ]),
        json!([
            { "id": "s", "kind": "start" },
            { "id": "fork", "kind": "parallel", "label": "" },
            { "id": "a", "label": "Avis ABF", "kind": "task", "actor": "abf" },
            { "id": "b", "label": "Avis SDIS", "kind": "task", "actor": "sdis" },
            { "id": "c", "label": "Relire", "kind": "task", "actor": "svc" },
            { "id": "join", "kind": "parallel", "label": "" },
            { "id": "e", "kind": "end" }
        ]),
        json!([
            { "from": "s", "to": "fork" }, { "from": "fork", "to": "a" }, { "from": "fork", "to": "b" },
            { "from": "fork", "to": "c" }, { "from": "a", "to": "join" }, { "from": "b", "to": "join" },
            { "from": "c", "to": "join" }, { "from": "join", "to": "e" }
        ]),
    );
    // A start and fork in no lane, with no lane before them, take their successors' lane.
    check_ranks(&p, &[("s", 1, 0), ("fork", 1, 1), ("a", 1, 2), ("b", 2, 2), ("c", 0, 2), ("join", 1, 3), ("e", 1, 4)]);
}

#[test]
fn steps_sharing_a_lane_and_a_column_are_stacked() {
    let p = procedure(
        json!([{ "id": "svc", "name": "Service", "kind": "service" }]),
        json!([
            { "id": "s", "kind": "start" },
            { "id": "d", "label": "?", "kind": "decision" },
            { "id": "a", "label": "Voie A", "kind": "task", "actor": "svc" },
            { "id": "b", "label": "Voie B", "kind": "task", "actor": "svc" },
            { "id": "m", "label": "", "kind": "decision" },
            { "id": "e", "kind": "end" }
        ]),
        json!([
            { "from": "s", "to": "d" },
            { "from": "d", "to": "a", "probability": 0.5 }, { "from": "d", "to": "b", "probability": 0.5 },
            { "from": "a", "to": "m" }, { "from": "b", "to": "m" }, { "from": "m", "to": "e" }
        ]),
    );
    let l = layout(&p, &LayoutOptions::default());
    assert_invariants(&p, &l);
    let (a, b) = (l.node("a").unwrap(), l.node("b").unwrap());
    assert_eq!((a.rank, a.x), (b.rank, b.x));
    assert!(b.y >= a.y + a.height, "b below a");
    assert!(l.lanes[0].height >= 2.0 * a.height, "the lane grew to hold both");
}

#[test]
fn hand_placed_steps_keep_their_position() {
    let mut p = worked_example();
    if let Some(s) = p.step_mut("verif") {
        s.position = Some(crate::model::Position { x: 900.0, y: 15.0 });
    }
    let l = layout(&p, &LayoutOptions::default());
    let v = l.node("verif").unwrap();
    assert_eq!((v.x, v.y, v.fixed), (900.0, 15.0, true));
    let auto = layout(&worked_example(), &LayoutOptions::default());
    assert_eq!(l.node("saisie").map(|n| (n.x, n.y)), auto.node("saisie").map(|n| (n.x, n.y)), "others unchanged");
    assert!(l.width >= 900.0 + v.width);
}

#[test]
fn self_loops_and_unreachable_steps_are_drawn() {
    let p = procedure(
        json!([{ "id": "svc", "name": "Service", "kind": "service" }]),
        json!([
            { "id": "s", "kind": "start" },
            { "id": "a", "label": "Relancer", "kind": "task", "actor": "svc" },
            { "id": "orphan", "label": "Archiver", "kind": "task", "actor": "svc" },
            { "id": "e", "kind": "end" }
        ]),
        json!([{ "from": "s", "to": "a" }, { "id": "again", "from": "a", "to": "a" }, { "from": "a", "to": "e" }]),
    );
    let l = layout(&p, &LayoutOptions::default());
    assert_invariants(&p, &l);
    assert!(l.edges.iter().find(|e| e.id == "again").is_some_and(|e| e.back && e.points.len() == 5));
    assert_eq!(l.node("orphan").map(|n| n.rank), Some(0));
}

#[test]
fn an_empty_procedure_has_an_empty_drawing() {
    let l = layout(&Procedure::new("vide"), &LayoutOptions::default());
    assert!(l.nodes.is_empty() && l.edges.is_empty());
    assert_eq!(l.lanes.len(), 1);
    assert!(l.width > 0.0 && l.height > 0.0);
}

#[test]
fn every_sample_lays_out_cleanly() {
    let dir = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples");
    for entry in std::fs::read_dir(dir).expect("samples") {
        let path = entry.expect("entry").path();
        if !path.to_string_lossy().ends_with(".epure.json") {
            continue;
        }
        let p = from_str(&std::fs::read_to_string(&path).expect("read")).expect("sample reads");
        let l = layout(&p, &LayoutOptions::default());
        assert_invariants(&p, &l);
        for e in &l.edges {
            for w in e.points.windows(2) {
                let through = l.nodes.iter().find(|n| goes_through(n, w[0], w[1]));
                assert!(
                    through.is_none(),
                    "{}: {} goes through {:?}: {:?}",
                    path.display(),
                    e.id,
                    through.map(|n| &n.id),
                    e.points
                );
            }
        }
    }
}

/// Whether an orthogonal segment runs inside a step's box (touching its border is not).
fn goes_through(n: &Node, a: Point, b: Point) -> bool {
    let (x0, x1, y0, y1) = (a.x.min(b.x), a.x.max(b.x), a.y.min(b.y), a.y.max(b.y));
    x0 < n.x + n.width - 1.0 && x1 > n.x + 1.0 && y0 < n.y + n.height - 1.0 && y1 > n.y + 1.0
}

#[test]
fn a_loop_steps_aside_from_a_step_under_its_source() {
    // "Compléter" (usager) loops back to "Vérifier" (service); "Confirmer" is in the service's lane
    // in the same column as "Compléter": the loop goes down beside it, not through it.
    let p = procedure(
        json!([{ "id": "u", "name": "Usager", "kind": "user" }, { "id": "svc", "name": "Service", "kind": "service" }]),
        json!([
            { "id": "s", "kind": "start", "actor": "u" },
            { "id": "verif", "label": "Vérifier", "kind": "check", "actor": "svc" },
            { "id": "d", "label": "Complet ?", "kind": "decision", "actor": "svc" },
            { "id": "completer", "label": "Compléter", "kind": "task", "actor": "u" },
            { "id": "confirmer", "label": "Confirmer", "kind": "task", "actor": "svc" },
            { "id": "e", "kind": "end", "actor": "u" }
        ]),
        json!([
            { "from": "s", "to": "verif" }, { "from": "verif", "to": "d" },
            { "id": "ko", "from": "d", "to": "completer", "probability": 0.3 },
            { "id": "ok", "from": "d", "to": "confirmer", "probability": 0.7 },
            { "id": "back", "from": "completer", "to": "verif" }, { "from": "confirmer", "to": "e" }
        ]),
    );
    let l = layout(&p, &LayoutOptions::default());
    assert_invariants(&p, &l);
    let (completer, confirmer) = (l.node("completer").unwrap(), l.node("confirmer").unwrap());
    assert_eq!(completer.rank, confirmer.rank, "the two share a column");
    let back = l.edges.iter().find(|e| e.id == "back").unwrap();
    assert!(back.back && back.points.len() > 4, "a detour: {:?}", back.points);
    for w in back.points.windows(2) {
        assert!(!l.nodes.iter().any(|n| goes_through(n, w[0], w[1])), "{:?}", back.points);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(48))]

    #[test]
    fn generated_procedures_lay_out_cleanly_and_deterministically(seed in any::<u64>(), size in 3usize..160) {
        let p = synthetic::procedure(seed, size);
        let l = layout(&p, &LayoutOptions::default());
        assert_invariants(&p, &l);
        prop_assert_eq!(&l, &layout(&p, &LayoutOptions::default()));
    }
}
