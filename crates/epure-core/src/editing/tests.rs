//! Each gesture applied to a small procedure, checked on what a reader of the file would see:
//! the flows as `from>to` (with their probability out of a decision) and the steps' lanes.

use super::*;
use crate::edit;
use crate::format;

/// Start → accueil (task, a) → choix (decision, b: 70 % ok / 30 % ko) → fin / refus.
const BASE: &str = r#"{
  "format": "epure.procedure", "version": 1,
  "procedure": {"id": "t", "name": "Test"},
  "actors": [
    {"id": "u", "name": "Usager", "kind": "user"},
    {"id": "a", "name": "Accueil", "kind": "agent"},
    {"id": "b", "name": "Instruction", "kind": "service"}
  ],
  "data": [{"id": "rib", "name": "RIB"}],
  "steps": [
    {"id": "s", "kind": "start"},
    {"id": "depot", "kind": "task", "label": "Déposer", "actor": "u", "requests": ["rib"]},
    {"id": "accueil", "kind": "task", "label": "Accueillir", "actor": "a"},
    {"id": "choix", "kind": "decision", "label": "Complet ?", "actor": "b"},
    {"id": "fin", "kind": "end", "outcome": "granted"},
    {"id": "refus", "kind": "end", "outcome": "refused"}
  ],
  "flows": [
    {"id": "f1", "from": "s", "to": "depot"},
    {"id": "f2", "from": "depot", "to": "accueil"},
    {"id": "f3", "from": "accueil", "to": "choix"},
    {"id": "f4", "from": "choix", "to": "fin", "probability": 0.7},
    {"id": "f5", "from": "choix", "to": "refus", "probability": 0.3}
  ]
}"#;

fn base() -> Procedure {
    format::from_str(BASE).expect("valid fixture")
}

/// The flows of a procedure, in the author's order, as `from>to` or `from>to@p`.
fn flows(p: &Procedure) -> Vec<String> {
    p.flows()
        .map(|f| match f.flow.probability {
            Some(q) => format!("{}>{}@{q}", f.from, f.to),
            None => format!("{}>{}", f.from, f.to),
        })
        .collect()
}

/// Applies a gesture's edit; the result must be a procedure the reader accepts, and the
/// inverse must give the original back byte for byte.
fn apply(p: &Procedure, e: &Edit) -> Procedure {
    let mut q = p.clone();
    let inverse = edit::apply(&mut q, e).unwrap_or_else(|err| panic!("gesture refused: {err}\n{e:?}"));
    let text = format::to_string(&q);
    format::from_str(&text).unwrap_or_else(|err| panic!("result not readable: {err}"));
    let mut back = q.clone();
    edit::apply(&mut back, &inverse).expect("inverse applies");
    assert_eq!(format::to_string(&back), format::to_string(p), "undo gives the original back");
    q
}

#[test]
fn insert_after_splices_the_new_step_into_the_flow() {
    let p = base();
    let (e, id) = insert_after(&p, "depot", StepKind::Task, "Compléter", None).expect("insert");
    assert_eq!(id, "etape7");
    let q = apply(&p, &e);
    assert_eq!(
        flows(&q),
        ["s>depot", "depot>etape7", "accueil>choix", "choix>fin@0.7", "choix>refus@0.3", "etape7>accueil"]
    );
    let new = q.step(&id).expect("new step");
    assert_eq!((new.label(), new.actor.as_deref()), ("Compléter", Some("u")), "in the lane of the step before");
    assert_eq!(q.step_position(&id), Some(2), "listed right after the step before");
}

#[test]
fn insert_after_a_step_with_no_way_out_connects_it() {
    let mut p = base();
    let cut = disconnect(&p, "f2").expect("disconnect");
    edit::apply(&mut p, &cut).expect("apply");
    let (e2, id2) = insert_after(&p, "depot", StepKind::Task, "Compléter", Some("b")).expect("insert");
    let q = apply(&p, &e2);
    assert!(flows(&q).contains(&format!("depot>{id2}")));
    assert_eq!(q.step(&id2).and_then(|s| s.actor.as_deref()), Some("b"), "in the lane asked for");
    // After a decision with two ways out, the new step is left to connect.
    let (e3, id3) = insert_after(&base(), "choix", StepKind::Task, "y", None).expect("insert");
    let r = apply(&base(), &e3);
    assert!(!flows(&r).iter().any(|f| f.contains(&id3)), "{:?}", flows(&r));
}

#[test]
fn remove_bypassing_closes_a_chain_and_rebalances_a_decision() {
    let p = base();
    let q = apply(&p, &remove_bypassing(&p, "accueil").expect("remove"));
    assert_eq!(flows(&q), ["s>depot", "depot>choix", "choix>fin@0.7", "choix>refus@0.3"]);
    // A decision with three ways out loses one: the two others keep their ratio.
    let (add, _) = add_step(&p, StepKind::End, "", None);
    let p3 = apply(&p, &add);
    let (c, _) = connect(&p3, "choix", "end7").expect("connect");
    let p3 = apply(&p3, &c);
    assert_eq!(flows(&p3)[3..], ["choix>fin@0.4667", "choix>refus@0.2", "choix>end7@0.3333"]);
    let r = apply(&p3, &remove_bypassing(&p3, "end7").expect("remove"));
    assert_eq!(flows(&r)[3..], ["choix>fin@0.7", "choix>refus@0.3"]);
}

#[test]
fn connecting_and_disconnecting_a_decision_keeps_it_at_100_percent() {
    let p = base();
    let (e, id) = connect(&p, "choix", "depot").expect("connect");
    assert_eq!(id, "f6");
    let q = apply(&p, &e);
    assert_eq!(flows(&q)[3..], ["choix>fin@0.4667", "choix>refus@0.2", "choix>depot@0.3333"]);
    let r = apply(&q, &disconnect(&q, "f4").expect("disconnect"));
    assert_eq!(flows(&r)[3..], ["choix>refus@0.375", "choix>depot@0.625"]);
    // Down to one way out: it is certain, and says nothing.
    let s = apply(&r, &disconnect(&r, "f5").expect("disconnect"));
    assert_eq!(flows(&s)[3..], ["choix>depot"]);
    assert!(connect(&p, "depot", "accueil").is_err(), "already connected");
    assert!(connect(&p, "depot", "nowhere").is_err());
}

#[test]
fn setting_a_probability_shares_the_rest() {
    let p = base();
    let q = apply(&p, &set_probability(&p, "f5", 0.1).expect("set"));
    assert_eq!(flows(&q)[3..], ["choix>fin@0.9", "choix>refus@0.1"]);
    for (flow, value, why) in
        [("f5", 1.5, "outside [0, 1]"), ("f2", 0.5, "does not leave a decision"), ("zz", 0.5, "unknown flow")]
    {
        let err = set_probability(&p, flow, value).expect_err(why).to_string();
        assert!(err.contains(why), "{err}");
    }
}

#[test]
fn a_step_that_becomes_a_decision_gets_even_shares_and_loses_them_after() {
    let p = base();
    let (c, _) = connect(&p, "accueil", "refus").expect("connect");
    let p = apply(&p, &c);
    let mut step = p.step("accueil").cloned().expect("step");
    step.kind = StepKind::Decision;
    let q = apply(&p, &update_step(&p, step.clone()).expect("update"));
    assert_eq!(flows(&q)[2], "accueil>choix@0.5");
    assert_eq!(flows(&q)[5], "accueil>refus@0.5");
    step.kind = StepKind::Check;
    let r = apply(&q, &update_step(&q, step).expect("update"));
    assert_eq!((flows(&r)[2].as_str(), flows(&r)[5].as_str()), ("accueil>choix", "accueil>refus"));
}

#[test]
fn placing_a_step_in_another_lane_moves_it_there() {
    let p = base();
    let l = crate::layout::layout(&p, &crate::layout::LayoutOptions::default());
    let lane_b = l.lanes.iter().find(|l| l.actor.as_deref() == Some("b")).expect("lane b");
    let q = apply(&p, &place(&p, &l, "accueil", 500.0, lane_b.y + 10.0).expect("place"));
    let s = q.step("accueil").expect("step");
    assert_eq!(s.actor.as_deref(), Some("b"));
    assert_eq!(s.position.map(|p| (p.x, p.y)), Some((500.0, (lane_b.y + 10.0).round())));
    // Dropped in its own lane: it only moves.
    let lane_a = l.lanes.iter().find(|l| l.actor.as_deref() == Some("a")).expect("lane a");
    let r = apply(&p, &place(&p, &l, "accueil", 300.0, lane_a.y + 5.0).expect("place"));
    assert_eq!(r.step("accueil").and_then(|s| s.actor.as_deref()), Some("a"));
    // "Mettre en forme" forgets every hand position in one edit.
    let back = apply(&q, &relayout(&q).expect("something to lay out"));
    assert!(back.steps().all(|s| s.position.is_none()));
    assert!(relayout(&p).is_none());
}

#[test]
fn lanes_and_data_items_get_fresh_ids_and_leave_no_dangling_mention() {
    let p = base();
    let (e, id) = add_actor(&p, "Trésorerie", ActorKind::Partner);
    assert_eq!(id, "acteur-4");
    let q = apply(&p, &e);
    assert_eq!(q.actors.last().map(|a| a.name.as_str()), Some("Trésorerie"));
    let (e, id) = add_data(&q, "Avis d'imposition", DataKind::Document);
    assert_eq!(id, "piece-2");
    let q = apply(&q, &e);
    let r = apply(&q, &remove_data(&q, "rib").expect("remove"));
    assert!(r.step("depot").is_some_and(|s| s.requests.is_empty()));
    assert!(r.data_item("rib").is_none());
    assert!(remove_actor(&r, "nobody").is_err());
}

#[test]
fn shares_keep_ratios_and_sum_to_one() {
    for (old, added, expect) in [
        (vec![], 0, vec![]),
        (vec![None, None], 1, vec![1.0 / 3.0; 3]),
        (vec![Some(0.7), Some(0.3)], 0, vec![0.7, 0.3]),
        (vec![Some(0.5), Some(0.0)], 1, vec![2.0 / 3.0, 0.0, 1.0 / 3.0]),
    ] {
        let got = shares(&old, added);
        assert_eq!(got.len(), expect.len());
        for (g, e) in got.iter().zip(&expect) {
            assert!((g - e).abs() < 1e-9, "{old:?} + {added}: {got:?}");
        }
    }
}

#[test]
fn removing_neighbours_together_keeps_the_chain() {
    let p = base();
    let e = remove_all(&p, &["depot".to_owned(), "accueil".to_owned()]).expect("remove");
    let q = apply(&p, &e);
    assert_eq!(flows(&q), ["s>choix", "choix>fin@0.7", "choix>refus@0.3"]);
    assert!(remove_all(&p, &["depot".to_owned(), "depot".to_owned()]).is_err(), "the second is unknown by then");
}
