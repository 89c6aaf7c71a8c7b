//! Edits: every accepted edit is undone exactly by its inverse and redone by the inverse's
//! inverse; every refused edit leaves the procedure as it was; what an edit leaves can always be
//! read back; edits survive a trip through JSON (the store's journal).

use epure_core::edit::{Edit, PlacedFlow, apply};
use epure_core::format::{from_str, to_string};
use epure_core::synthetic::{Rng, procedure};
use epure_core::{Actor, ActorKind, DataItem, Flow, Position, Procedure, Step, StepKind};
use proptest::prelude::*;
use serde_json::json;

const WORKED_EXAMPLE: &str = include_str!("fixtures/worked-example.epure.json");

fn example() -> Procedure {
    from_str(WORKED_EXAMPLE).expect("worked example")
}

/// Applies an edit given as JSON to the worked example and compares the outcome with `expect`
/// ("ok" or the refusal's message); a refusal must leave the procedure unchanged.
fn check(edit: serde_json::Value, expect: &str) {
    let edit: Edit = serde_json::from_value(edit).expect("edit JSON");
    let mut p = example();
    let got = match apply(&mut p, &edit) {
        Ok(_) => "ok".to_owned(),
        Err(e) => {
            assert_eq!(p, example(), "a refused edit changed the procedure");
            e.to_string()
        }
    };
    assert_eq!(got, expect, "{edit:?}");
}

#[test]
fn edits_that_would_break_validity_are_refused_with_a_reason() {
    let task = |id: &str, actor: &str| json!({"id": id, "kind": "task", "label": "Classer", "actor": actor});
    check(json!({"op": "add_step", "step": task("archive", "educ")}), "ok");
    check(json!({"op": "add_step", "step": task("depot", "educ")}), "a step with id \"depot\" already exists");
    check(json!({"op": "add_step", "step": task("x", "tresor")}), "unknown actor \"tresor\"");
    check(
        json!({"op": "add_step", "step": {"id": "x", "kind": "task", "label": "Classer"}}),
        "step \"x\": a task needs a lane",
    );
    check(
        json!({"op": "add_step", "step": {"id": "x", "kind": "check", "actor": "educ"}}),
        "step \"x\": a check needs a label",
    );
    check(json!({"op": "add_step", "step": task("x", "educ"), "index": 99}), "no position 99 (there are 5 items)");
    check(
        json!({"op": "add_step", "step": {"id": "s2", "kind": "start"}}),
        "a second start step \"s2\" (a procedure has exactly one: \"s\")",
    );
    check(
        json!({"op": "add_step", "step": task("x", "educ"), "flows": [{"from": "x", "to": "nowhere", "flow": {"id": "g1"}}]}),
        "unknown step \"nowhere\"",
    );
    check(
        json!({"op": "add_step", "step": task("x", "educ"), "flows": [{"from": "x", "to": "e", "flow": {"id": "f1"}}]}),
        "a flow with id \"f1\" already exists",
    );
    check(json!({"op": "remove_step", "id": "s"}), "no start step (a procedure has exactly one)");
    check(json!({"op": "remove_step", "id": "verif"}), "ok");
    check(json!({"op": "remove_step", "id": "ghost"}), "unknown step \"ghost\"");
    check(
        json!({"op": "update_step", "step": {"id": "depot", "kind": "task", "label": "Déposer", "actor": "usager", "duration_min": -5}}),
        "step \"depot\": duration_min must be a number ≥ 0, not -5",
    );
    check(
        json!({"op": "update_step", "step": {"id": "depot", "kind": "task", "label": "Déposer", "actor": "usager", "requests": ["rib"]}}),
        "unknown data item \"rib\"",
    );
    check(json!({"op": "move_step", "id": "depot", "position": {"x": 10, "y": -4.5}}), "ok");
    check(json!({"op": "add_flow", "from": "s", "to": "e", "flow": {"id": ""}}), "ok");
    check(
        json!({"op": "add_flow", "from": "s", "to": "e", "flow": {"id": "f2"}}),
        "a flow with id \"f2\" already exists",
    );
    check(
        json!({"op": "add_flow", "from": "s", "to": "e", "flow": {"id": "z", "probability": 1.5}}),
        "flow \"z\": probability 1.5 is outside [0, 1]",
    );
    check(json!({"op": "remove_flow", "id": "f9"}), "unknown flow \"f9\"");
    check(
        json!({"op": "update_flow", "flow": {"id": "f3", "delay_min": -1}}),
        "flow \"f3\": delay_min must be a number ≥ 0, not -1",
    );
    check(json!({"op": "reconnect_flow", "id": "f3", "from": "verif", "to": "ghost"}), "unknown step \"ghost\"");
    check(json!({"op": "remove_actor", "id": "educ"}), "actor \"educ\" is still used by step \"saisie\"");
    check(
        json!({"op": "add_actor", "actor": {"id": "educ", "name": "Bis", "kind": "service"}}),
        "a actor with id \"educ\" already exists",
    );
    check(
        json!({"op": "update_actor", "actor": {"id": "educ", "name": "Éducation", "kind": "service", "hourly_cost_eur": 38}}),
        "ok",
    );
    check(json!({"op": "move_actor", "id": "educ", "index": 0}), "ok");
    check(json!({"op": "move_actor", "id": "educ", "index": 3}), "no lane position 3 (there are 3)");
    check(json!({"op": "remove_data", "id": "qf"}), "data item \"qf\" is still used by step \"depot\"");
    check(json!({"op": "add_data", "item": {"id": "rib", "name": "RIB"}}), "ok");
    check(
        json!({"op": "set_meta", "meta": {"name": "Cantine", "cases_per_year": -1}}),
        "procedure: cases_per_year must be a number ≥ 0, not -1",
    );
    // A decision gets a second way out only together with both probabilities.
    let decide = json!({"op": "add_step", "step": {"id": "d", "kind": "decision", "label": "Complet ?"}});
    let out = |id: &str, to: &str, p: f64| json!({"op": "add_flow", "from": "d", "to": to, "flow": {"id": id, "probability": p}});
    check(json!({"op": "batch", "edits": [decide, out("d1", "verif", 0.8), out("d2", "e", 0.2)]}), "ok");
    check(
        json!({"op": "batch", "edits": [decide, out("d1", "verif", 0.8), out("d2", "e", 0.1)]}),
        "the probabilities of the flows out of decision \"d\" would sum to 0.9, not 1",
    );
    check(
        json!({"op": "batch", "edits": [decide, out("d1", "verif", 0.8), out("d1", "e", 0.2)]}),
        "a flow with id \"d1\" already exists",
    );
}

#[test]
fn removing_a_step_and_undoing_puts_back_its_flows_where_they_were() {
    let mut p = example();
    let inverse = apply(&mut p, &Edit::RemoveStep { id: "verif".into() }).expect("remove");
    assert_eq!(p.flows().map(|f| f.flow.id.as_str()).collect::<Vec<_>>(), ["f1", "f4"]);
    apply(&mut p, &inverse).expect("undo");
    assert_eq!(p, example());
    assert_eq!(to_string(&p), to_string(&example()));
    // Neighbour lists follow the author's order again, not the order of re-insertion.
    let verif = p.node("verif").expect("verif");
    let out: Vec<&str> = p.outgoing(verif).iter().map(|&(e, _)| p.graph()[e].id.as_str()).collect();
    assert_eq!(out, ["f3"]);
}

/// An edit that is often valid on `p`, sometimes not (both kinds are checked).
fn random_edit(p: &Procedure, rng: &mut Rng, fresh: &mut usize, depth: u32) -> Edit {
    *fresh += 1;
    let n = *fresh;
    let steps: Vec<&Step> = p.steps().collect();
    let step = |rng: &mut Rng| (*rng.pick(&steps)).clone();
    let flows: Vec<(String, String, Flow)> =
        p.flows().map(|f| (f.from.to_owned(), f.to.to_owned(), f.flow.clone())).collect();
    // Edits may remove every lane: a step is then added without one, and the lane edits wait
    // for one to be added again.
    let actor_id = |rng: &mut Rng| rng.pick(&p.actors).id.clone();
    let lanes = !p.actors.is_empty();
    match rng.below(if depth > 0 { 17 } else { 16 }) {
        0 => {
            let mut s = Step::new(format!("n{n}"), StepKind::Task);
            s.label = Some(format!("Étape {n}"));
            s.actor = lanes.then(|| actor_id(rng));
            s.duration_min = Some(rng.below(90) as f64);
            let from = step(rng).id;
            let flows = if rng.chance(1, 2) {
                vec![PlacedFlow {
                    from,
                    to: s.id.clone(),
                    flow: Flow::new(format!("g{n}")),
                    index: Some(rng.below(flows.len() + 1)),
                }]
            } else {
                Vec::new()
            };
            Edit::AddStep { step: s, index: Some(rng.below(steps.len() + 1)), flows }
        }
        1 => Edit::RemoveStep { id: step(rng).id },
        2 => {
            let mut s = step(rng);
            s.label = Some(format!("Renommée {n}"));
            s.wait_min = Some((rng.below(5) * 420) as f64);
            if rng.chance(1, 8) {
                s.duration_min = Some(-1.0);
            }
            Edit::UpdateStep { step: s }
        }
        3 => Edit::MoveStep {
            id: step(rng).id,
            position: rng.chance(3, 4).then(|| Position { x: rng.below(2000) as f64 / 4.0, y: rng.below(900) as f64 }),
        },
        4 => Edit::AddFlow(PlacedFlow {
            from: step(rng).id,
            to: step(rng).id,
            flow: Flow::new(if rng.chance(1, 2) { String::new() } else { format!("g{n}") }),
            index: rng.chance(1, 2).then(|| rng.below(flows.len() + 1)),
        }),
        5 if !flows.is_empty() => Edit::RemoveFlow { id: rng.pick(&flows).2.id.clone() },
        6 if !flows.is_empty() => {
            let mut f = rng.pick(&flows).2.clone();
            f.label = Some(format!("branche {n}"));
            f.delay_min = Some(rng.below(3) as f64 * 1440.0);
            Edit::UpdateFlow { flow: f }
        }
        7 if !flows.is_empty() => {
            Edit::ReconnectFlow { id: rng.pick(&flows).2.id.clone(), from: step(rng).id, to: step(rng).id }
        }
        8 => Edit::AddActor {
            actor: Actor {
                id: format!("a{n}"),
                name: format!("Service {n}"),
                kind: ActorKind::Service,
                hourly_cost_eur: Some(40.0),
                extra: Default::default(),
            },
            index: Some(rng.below(p.actors.len() + 1)),
        },
        9 if lanes => Edit::RemoveActor { id: actor_id(rng) },
        10 if lanes => {
            let mut a = rng.pick(&p.actors).clone();
            a.name = format!("Voie {n}");
            a.kind = ActorKind::Partner;
            Edit::UpdateActor { actor: a }
        }
        11 if lanes => Edit::MoveActor { id: actor_id(rng), index: rng.below(p.actors.len()) },
        12 => Edit::AddData {
            item: DataItem {
                id: format!("d{n}"),
                name: format!("Pièce {n}"),
                kind: None,
                held_by: vec!["CAF".into()],
                extra: Default::default(),
            },
            index: None,
        },
        13 if !p.data.is_empty() => Edit::RemoveData { id: rng.pick(&p.data).id.clone() },
        14 if !p.data.is_empty() => {
            let mut d = rng.pick(&p.data).clone();
            d.name = format!("Document {n}");
            Edit::UpdateData { item: d }
        }
        15 => {
            let mut meta = p.meta.clone();
            meta.name = format!("Démarche {n}");
            meta.cases_per_year = Some(rng.below(5000) as f64);
            Edit::SetMeta { meta }
        }
        16 => {
            // A batch is built against the procedure it starts from; later parts may not fit
            // the state the earlier ones leave, which is the "all or nothing" case.
            let edits = (0..2 + rng.below(2)).map(|_| random_edit(p, rng, fresh, depth - 1)).collect();
            Edit::Batch { edits }
        }
        _ => Edit::MoveStep { id: step(rng).id, position: None },
    }
}

fn round_trips_through_json(e: &Edit) {
    let text = serde_json::to_string(e).expect("serialise edit");
    let back: Edit = serde_json::from_str(&text).expect("read edit back");
    assert_eq!(&back, e, "{text}");
}

/// A session of `edits` random edits on a generated procedure: each edit is undone by its
/// inverse and redone, and the whole session undone in reverse order gives back the start.
fn session_undoes(seed: u64, size: usize, edits: usize) -> Result<(), TestCaseError> {
    let original = procedure(seed, size);
    let mut p = original.clone();
    let mut rng = Rng::new(seed ^ 0xED17);
    let mut fresh = 0;
    let mut undo = Vec::new();
    for _ in 0..edits {
        let edit = random_edit(&p, &mut rng, &mut fresh, 1);
        let before = p.clone();
        let before_text = to_string(&p);
        match apply(&mut p, &edit) {
            Err(_) => prop_assert!(p == before, "refused edit changed the procedure: {:?}", edit),
            Ok(inverse) => {
                round_trips_through_json(&edit);
                round_trips_through_json(&inverse);
                let after = p.clone();
                let after_text = to_string(&p);
                // What an edit leaves is always a file the reader accepts, and the same.
                let reread = from_str(&after_text);
                prop_assert!(reread.as_ref().is_ok_and(|r| *r == after), "{:?} after {:?}", reread.err(), edit);
                // Undo gives back the same procedure and the same bytes …
                let redo = apply(&mut p, &inverse).expect("the inverse applies");
                prop_assert!(p == before, "undo of {:?}", edit);
                prop_assert_eq!(to_string(&p), before_text.clone());
                // … and redo the state after the edit.
                let again = apply(&mut p, &redo).expect("redo applies");
                prop_assert!(p == after, "redo of {:?}", edit);
                prop_assert_eq!(to_string(&p), after_text);
                undo.push(again);
            }
        }
    }
    // Undoing the whole session in reverse order gives back the procedure it started from.
    for inverse in undo.iter().rev() {
        apply(&mut p, inverse).expect("undo in sequence");
    }
    prop_assert!(p == original);
    prop_assert_eq!(to_string(&p), to_string(&original));
    Ok(())
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn every_edit_is_undone_by_its_inverse(seed in 0u64..1_000_000, size in 3usize..60, edits in 1usize..30) {
        session_undoes(seed, size, edits)?;
    }
}

/// A session that once removed every lane, then picked a lane among none.
#[test]
fn a_session_that_removes_every_lane_goes_on() {
    session_undoes(978_196, 3, 24).expect("the session undoes");
}

#[test]
fn the_random_edits_exercise_both_acceptance_and_refusal() {
    let (mut accepted, mut refused) = (0usize, 0usize);
    for seed in 0..40 {
        let mut p = procedure(seed, 30);
        let mut rng = Rng::new(seed);
        let mut fresh = 0;
        for _ in 0..25 {
            let edit = random_edit(&p, &mut rng, &mut fresh, 1);
            match apply(&mut p, &edit) {
                Ok(_) => accepted += 1,
                Err(_) => refused += 1,
            }
        }
    }
    eprintln!("accepted {accepted}, refused {refused}");
    assert!(accepted > 500 && refused > 100, "accepted {accepted}, refused {refused}");
}
