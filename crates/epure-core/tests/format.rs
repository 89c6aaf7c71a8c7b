//! The file format: every refusal of the spec's "Validity" list with its message, what is
//! accepted although it looks wrong, canonical output, and the round trip on generated procedures.

use epure_core::format::{from_slice, from_str, to_string};
use epure_core::graph::summary;
use proptest::prelude::*;
use serde_json::{Value, json};

const WORKED_EXAMPLE: &str = include_str!("fixtures/worked-example.epure.json");

fn worked_example() -> Value {
    serde_json::from_str(WORKED_EXAMPLE).expect("fixture is JSON")
}

/// Reads the worked example after `edit`, and compares the problems with `expect`.
fn check(edit: impl FnOnce(&mut Value), expect: &[&str]) {
    let mut v = worked_example();
    edit(&mut v);
    let text = serde_json::to_string(&v).expect("serialise");
    let got: Vec<String> = match from_str(&text) {
        Ok(_) => Vec::new(),
        Err(e) => e.problems.iter().map(ToString::to_string).collect(),
    };
    assert_eq!(got, expect, "after editing the worked example");
}

fn check_text(text: &[u8], expect: &str) {
    match from_slice(text) {
        Ok(_) => panic!("accepted {:?}", String::from_utf8_lossy(text)),
        Err(e) => assert_eq!(e.to_string(), expect),
    }
}

#[test]
fn the_worked_example_reads_and_summarises_as_the_spec_says() {
    let p = from_str(WORKED_EXAMPLE).expect("worked example is valid");
    let s = summary(&p);
    assert_eq!((s.work_steps, s.actors, s.handoffs), (3, 3, 2));
    assert_eq!(p.meta.name, "Inscription à la cantine");
    assert_eq!(p.flows().map(|f| f.flow.id.as_str()).collect::<Vec<_>>(), ["f1", "f2", "f3", "f4"]);
}

#[test]
fn malformed_files_are_refused_with_one_line() {
    check_text(b"", "the file is empty");
    check_text(b"  \n ", "the file is empty");
    check_text(b"{\"format\": ", "not valid JSON: the file ends too early (line 1, column 11)");
    check_text(b"{\"format\" 1}", "not valid JSON: expected `:` (line 1, column 11)");
    check_text(&[0xff, 0xfe, 0x00, 0x13], "not valid JSON: expected value (line 1, column 1)");
    check_text(b"[1, 2]", "not an Épure procedure: the file must hold a JSON object");
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    check_text(deep.as_bytes(), "not valid JSON: nested too deeply (line 1, column 128)");
    let deep_object = "{\"a\":".repeat(10_000);
    check_text(deep_object.as_bytes(), "not valid JSON: nested too deeply (line 1, column 636)");
}

#[test]
fn format_and_version_are_checked_first() {
    check(|v| drop(v.as_object_mut().unwrap().remove("format")), &["format: missing (expected \"epure.procedure\")"]);
    check(
        |v| v["format"] = json!("bpmn"),
        &["format: \"bpmn\" is not an Épure procedure (expected \"epure.procedure\")"],
    );
    check(|v| drop(v.as_object_mut().unwrap().remove("version")), &["version: missing"]);
    check(
        |v| v["version"] = json!(2),
        &["version: written by a newer version of Épure (file version 2; this version reads up to 1)"],
    );
    check(|v| v["version"] = json!(0), &["version: 0 is not a known file version (expected 1)"]);
    check(|v| v["version"] = json!("1"), &["version: \"1\" is not a known file version (expected 1)"]);
}

#[test]
fn missing_required_fields_are_named_with_their_owner() {
    check(|v| drop(v.as_object_mut().unwrap().remove("procedure")), &["procedure: missing"]);
    check(|v| drop(v["procedure"].as_object_mut().unwrap().remove("name")), &["procedure.name: missing"]);
    check(
        |v| drop(v["actors"][1].as_object_mut().unwrap().remove("id")),
        &["actors[1].id: missing", "steps[2].actor: unknown actor \"accueil\" (step \"verif\")"],
    );
    check(
        |v| drop(v["actors"][1].as_object_mut().unwrap().remove("name")),
        &["actors[1].name: missing (actor \"accueil\")"],
    );
    check(
        |v| drop(v["actors"][1].as_object_mut().unwrap().remove("kind")),
        &["actors[1].kind: missing (actor \"accueil\")"],
    );
    check(
        |v| drop(v["data"][0].as_object_mut().unwrap().remove("name")),
        &["data[0].name: missing (data item \"domicile\")"],
    );
    check(
        |v| drop(v["steps"][2].as_object_mut().unwrap().remove("label")),
        &["steps[2].label: missing (step \"verif\")"],
    );
    check(
        |v| drop(v["steps"][2].as_object_mut().unwrap().remove("kind")),
        &["steps[2].kind: missing (step \"verif\")"],
    );
    check(
        |v| drop(v["steps"][2].as_object_mut().unwrap().remove("actor")),
        &["steps[2].actor: missing: a check needs a lane (step \"verif\")"],
    );
    check(
        |v| drop(v["steps"][2].as_object_mut().unwrap().remove("id")),
        &[
            "steps[2].id: missing",
            "flows[1].to: unknown step \"verif\" (flow \"f2\")",
            "flows[2].from: unknown step \"verif\" (flow \"f3\")",
        ],
    );
    check(|v| drop(v["flows"][1].as_object_mut().unwrap().remove("to")), &["flows[1].to: missing (flow \"f2\")"]);
    check(|v| drop(v["flows"][1].as_object_mut().unwrap().remove("from")), &["flows[1].from: missing (flow \"f2\")"]);
    // Start and end steps need no label.
    check(|v| v["steps"][0]["label"] = json!("Demande reçue"), &[]);
}

#[test]
fn duplicate_ids_name_the_earlier_use() {
    check(
        |v| v["actors"][2]["id"] = json!("usager"),
        &[
            "actors[2].id: duplicate id \"usager\" (already used by actors[0])",
            "steps[3].actor: unknown actor \"educ\" (step \"saisie\")",
        ],
    );
    check(
        |v| v["data"][1]["id"] = json!("domicile"),
        &[
            "data[1].id: duplicate id \"domicile\" (already used by data[0])",
            "steps[1].requests[1]: unknown data item \"qf\" (step \"depot\")",
            "steps[3].enters[1]: unknown data item \"qf\" (step \"saisie\")",
        ],
    );
    check(
        |v| v["steps"][3]["id"] = json!("depot"),
        &[
            "steps[3].id: duplicate id \"depot\" (already used by steps[1])",
            "flows[2].to: unknown step \"saisie\" (flow \"f3\")",
            "flows[3].from: unknown step \"saisie\" (flow \"f4\")",
        ],
    );
    check(
        |v| {
            v["flows"][0]["id"] = json!("a");
            v["flows"][2]["id"] = json!("a");
        },
        &["flows[2].id: duplicate id \"a\" (already used by flows[0])"],
    );
}

#[test]
fn unknown_references_name_the_missing_id() {
    check(
        |v| v["steps"][2]["actor"] = json!("acceuil"),
        &["steps[2].actor: unknown actor \"acceuil\" (step \"verif\")"],
    );
    for field in ["requests", "enters", "checks", "produces"] {
        check(
            |v| v["steps"][2][field] = json!(["domicile", "rib"]),
            &[&format!("steps[2].{field}[1]: unknown data item \"rib\" (step \"verif\")")],
        );
    }
    check(|v| v["flows"][0]["to"] = json!("depott"), &["flows[0].to: unknown step \"depott\" (flow \"f1\")"]);
    check(|v| v["flows"][3]["from"] = json!("nowhere"), &["flows[3].from: unknown step \"nowhere\" (flow \"f4\")"]);
}

#[test]
fn negative_numbers_are_refused() {
    check(
        |v| v["steps"][1]["duration_min"] = json!(-20),
        &["steps[1].duration_min: negative number -20 (step \"depot\")"],
    );
    check(|v| v["steps"][3]["wait_min"] = json!(-1.5), &["steps[3].wait_min: negative number -1.5 (step \"saisie\")"]);
    check(|v| v["steps"][1]["cost_eur"] = json!(-3), &["steps[1].cost_eur: negative number -3 (step \"depot\")"]);
    check(
        |v| v["actors"][1]["hourly_cost_eur"] = json!(-30),
        &["actors[1].hourly_cost_eur: negative number -30 (actor \"accueil\")"],
    );
    check(|v| v["procedure"]["cases_per_year"] = json!(-1), &["procedure.cases_per_year: negative number -1"]);
    check(|v| v["flows"][2]["delay_min"] = json!(-1440), &["flows[2].delay_min: negative number -1440 (flow \"f3\")"]);
}

/// The worked example with a decision after the check: complete (p) or back to the family.
fn with_decision(v: &mut Value, p_ok: Value, p_back: Value) {
    v["steps"]
        .as_array_mut()
        .unwrap()
        .insert(3, json!({ "id": "d", "label": "Dossier complet ?", "kind": "decision" }));
    v["flows"] = json!([
        { "from": "s", "to": "depot" }, { "from": "depot", "to": "verif" }, { "from": "verif", "to": "d" },
        { "id": "ok", "from": "d", "to": "saisie", "probability": p_ok },
        { "id": "back", "from": "d", "to": "depot", "probability": p_back },
        { "from": "saisie", "to": "e" }
    ]);
}

#[test]
fn probabilities_are_checked() {
    check(|v| with_decision(v, json!(0.8), json!(0.2)), &[]);
    check(|v| with_decision(v, json!(0.8), json!(0.2005)), &[]);
    check(
        |v| with_decision(v, json!(1.5), json!(-0.5)),
        &[
            "flows[3].probability: 1.5 is outside [0, 1] (flow \"ok\")",
            "flows[4].probability: -0.5 is outside [0, 1] (flow \"back\")",
        ],
    );
    check(
        |v| with_decision(v, json!(0.7), json!(0.2)),
        &["steps[3]: the probabilities of the flows out of decision \"d\" sum to 0.9, not 1 (ok, back)"],
    );
    check(
        |v| {
            with_decision(v, json!(0.8), json!(0.2));
            v["flows"][4].as_object_mut().unwrap().remove("probability");
        },
        &["flows[4].probability: missing: flow \"back\" leaves decision \"d\""],
    );
    // A decision with a single way out (an exclusive merge) may leave it unstated.
    check(
        |v| {
            with_decision(v, json!(1), json!(0));
            v["flows"].as_array_mut().unwrap().remove(4);
            v["flows"][3].as_object_mut().unwrap().remove("probability");
        },
        &[],
    );
}

#[test]
fn exactly_one_start() {
    check(
        |v| v["steps"][0]["kind"] = json!("task"),
        &[
            "steps[0].label: missing (step \"s\")",
            "steps[0].actor: missing: a task needs a lane (step \"s\")",
            "steps: no start step (a procedure has exactly one)",
        ],
    );
    check(
        |v| v["steps"][4]["kind"] = json!("start"),
        &["steps[4].kind: a second start step \"e\" (a procedure has exactly one; the first is \"s\")"],
    );
}

#[test]
fn wrong_types_and_kinds_name_their_field() {
    check(
        |v| v["steps"][1]["duration_min"] = json!("20"),
        &["steps[1].duration_min: invalid type: string \"20\", expected f64"],
    );
    check(
        |v| v["steps"][1]["kind"] = json!("tache"),
        &[
            "steps[1].kind: unknown variant `tache`, expected one of `start`, `end`, `task`, `approval`, `check`, `decision`, `parallel`",
        ],
    );
    check(|v| v["actors"] = json!({}), &["actors: invalid type: map, expected a sequence"]);
}

#[test]
fn half_drawn_procedures_are_accepted() {
    // A step no case reaches, a dead end, a loop, a task with two ways out: the analysis reports them.
    check(
        |v| {
            v["steps"]
                .as_array_mut()
                .unwrap()
                .push(json!({ "id": "orphan", "label": "Archiver", "kind": "task", "actor": "educ" }));
            v["steps"]
                .as_array_mut()
                .unwrap()
                .push(json!({ "id": "stuck", "label": "Relancer", "kind": "task", "actor": "accueil" }));
            let flows = v["flows"].as_array_mut().unwrap();
            flows.push(json!({ "from": "verif", "to": "stuck" }));
            flows.push(json!({ "from": "saisie", "to": "depot" }));
        },
        &[],
    );
    // A decision drawn without any way out yet.
    check(|v| v["steps"].as_array_mut().unwrap().push(json!({ "id": "d", "label": "?", "kind": "decision" })), &[]);
}

#[test]
fn several_problems_are_all_reported_and_summarised_in_one_line() {
    let mut v = worked_example();
    v["steps"][2]["actor"] = json!("acceuil");
    v["steps"][1]["duration_min"] = json!(-1);
    let e = from_str(&v.to_string()).unwrap_err();
    assert_eq!(e.problems.len(), 2);
    assert_eq!(e.to_string(), "steps[1].duration_min: negative number -1 (step \"depot\") (and 1 more problem)");
}

#[test]
fn writing_is_canonical_and_keeps_the_author_order_and_unknown_fields() {
    let mut v = worked_example();
    v["x-tool"] = json!({ "zoom": 2 });
    v["steps"][2]["x-colour"] = json!("red");
    v["steps"].as_array_mut().unwrap().swap(1, 3);
    let p = from_str(&v.to_string()).unwrap();
    let out = to_string(&p);
    let back: Value = serde_json::from_str(&out).unwrap();
    assert_eq!(back["x-tool"], json!({ "zoom": 2 }));
    assert_eq!(back["steps"][2]["x-colour"], json!("red"));
    let ids: Vec<&str> = back["steps"].as_array().unwrap().iter().map(|s| s["id"].as_str().unwrap()).collect();
    assert_eq!(ids, ["s", "saisie", "verif", "depot", "e"]);
    // Whole numbers stay whole; the output is a fixed point.
    assert!(out.contains("\"duration_min\": 20,"), "{out}");
    assert_eq!(to_string(&from_str(&out).unwrap()), out);
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// write → read gives the same procedure, and writing it again gives the same bytes.
    #[test]
    fn round_trip_on_generated_procedures(seed in any::<u64>(), size in 3usize..300) {
        let p = epure_core::synthetic::procedure(seed, size);
        let text = to_string(&p);
        let back = from_str(&text).map_err(|e| TestCaseError::fail(e.to_string()))?;
        prop_assert_eq!(&back, &p);
        prop_assert_eq!(to_string(&back), text);
    }

    /// Whatever the bytes, reading returns (never panics).
    #[test]
    fn arbitrary_bytes_never_panic(bytes in proptest::collection::vec(any::<u8>(), 0..512)) {
        let _ = from_slice(&bytes);
    }

    /// A file cut short anywhere (a power cut while copying it) is refused with a problem.
    #[test]
    fn truncated_files_are_refused_cleanly(cut in 0usize..1200) {
        let text = WORKED_EXAMPLE.as_bytes();
        // The file ends with "}\n": cutting only the newline leaves it whole.
        let cut = cut.min(text.len() - 2);
        let e = from_slice(&text[..cut]).expect_err("a truncated file is refused");
        prop_assert!(!e.problems.is_empty());
    }
}
