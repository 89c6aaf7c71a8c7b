//! The difference between two procedures' graphs: steps added, removed, moved to another lane,
//! changed; flows added and removed.
//!
//! Steps are matched by id first, then — among those left — by label once normalised (case,
//! accents, spacing), so that a version whose ids were regenerated (an import, a redraw) still
//! compares step by step. Flows are matched by their ends, through the step matching: a flow
//! is the same when it joins the same two steps.

use std::collections::HashMap;

use serde::Serialize;

use crate::model::{Procedure, Step};

/// What changed between two procedures, by step and flow ids.
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct GraphDiff {
    /// Steps only in the second procedure (their ids there).
    pub steps_added: Vec<String>,
    /// Steps only in the first procedure (their ids there).
    pub steps_removed: Vec<String>,
    /// Steps in both, whose lane changed.
    pub steps_moved: Vec<StepMove>,
    /// Steps in both, whose other fields changed (label, kind, durations, data…).
    pub steps_changed: Vec<StepChange>,
    /// Flows only in the second procedure (their ids there).
    pub flows_added: Vec<String>,
    /// Flows only in the first procedure (their ids there).
    pub flows_removed: Vec<String>,
}

impl GraphDiff {
    /// Whether the two graphs are the same.
    pub fn is_empty(&self) -> bool {
        self.steps_added.is_empty()
            && self.steps_removed.is_empty()
            && self.steps_moved.is_empty()
            && self.steps_changed.is_empty()
            && self.flows_added.is_empty()
            && self.flows_removed.is_empty()
    }
}

/// A step that moved to another lane.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepMove {
    /// Its id in the first procedure and in the second (equal unless matched by label).
    pub before: String,
    pub after: String,
    pub from_actor: Option<String>,
    pub to_actor: Option<String>,
}

/// A step whose fields changed, with the names of the fields.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct StepChange {
    pub before: String,
    pub after: String,
    pub fields: Vec<&'static str>,
}

/// Compares two procedures' graphs.
///
/// Arguments: the first (before) and second (after) procedures; any two procedures compare.
/// Returns: the differences, each list in the author's order of the procedure it names.
/// Complexity: O(V + E) expected (hash maps on ids and normalised labels).
pub fn diff(before: &Procedure, after: &Procedure) -> GraphDiff {
    let matching = match_steps(before, after);
    let mut out = GraphDiff::default();

    for a in before.steps() {
        match matching.get(a.id.as_str()) {
            None => out.steps_removed.push(a.id.clone()),
            Some(&b_id) => {
                let Some(b) = after.step(b_id) else { continue };
                if a.actor != b.actor {
                    out.steps_moved.push(StepMove {
                        before: a.id.clone(),
                        after: b.id.clone(),
                        from_actor: a.actor.clone(),
                        to_actor: b.actor.clone(),
                    });
                }
                let fields = changed_fields(a, b);
                if !fields.is_empty() {
                    out.steps_changed.push(StepChange { before: a.id.clone(), after: b.id.clone(), fields });
                }
            }
        }
    }
    let matched_after: HashMap<&str, &str> = matching.iter().map(|(a, b)| (*b, *a)).collect();
    out.steps_added =
        after.steps().filter(|b| !matched_after.contains_key(b.id.as_str())).map(|b| b.id.clone()).collect();

    // A flow of the first procedure, seen through the matching: the pair of ends it joins there.
    let mut remaining: HashMap<(&str, &str), usize> = HashMap::new();
    for f in before.flows() {
        if let (Some(&from), Some(&to)) = (matching.get(f.from), matching.get(f.to)) {
            *remaining.entry((from, to)).or_default() += 1;
        }
    }
    for f in after.flows() {
        match remaining.get_mut(&(f.from, f.to)) {
            Some(n) if *n > 0 => *n -= 1,
            _ => out.flows_added.push(f.flow.id.clone()),
        }
    }
    let mut present: HashMap<(&str, &str), usize> = HashMap::new();
    for f in after.flows() {
        *present.entry((f.from, f.to)).or_default() += 1;
    }
    for f in before.flows() {
        let ends = (matching.get(f.from).copied(), matching.get(f.to).copied());
        let kept = match ends {
            (Some(from), Some(to)) => present.get_mut(&(from, to)).filter(|n| **n > 0).map(|n| *n -= 1).is_some(),
            _ => false,
        };
        if !kept {
            out.flows_removed.push(f.flow.id.clone());
        }
    }
    out
}

/// Step ids of `before` → step ids of `after`: by id, then by normalised label among the rest
/// (only where the label is unambiguous on both sides).
fn match_steps<'a>(before: &'a Procedure, after: &'a Procedure) -> HashMap<&'a str, &'a str> {
    let mut matching: HashMap<&str, &str> = HashMap::new();
    for a in before.steps() {
        if after.step(&a.id).is_some() {
            matching.insert(&a.id, &a.id);
        }
    }
    let unmatched_after: Vec<&Step> = after.steps().filter(|b| before.step(&b.id).is_none()).collect();
    let by_label = |steps: &mut dyn Iterator<Item = &'a Step>| {
        let mut map: HashMap<String, Option<&'a str>> = HashMap::new();
        for s in steps.filter(|s| !s.label().trim().is_empty()) {
            map.entry(normalise(s.label()))
                .and_modify(|e| *e = None) // ambiguous: two steps share the label
                .or_insert(Some(&s.id));
        }
        map
    };
    let after_labels = by_label(&mut unmatched_after.iter().copied());
    let before_labels = by_label(&mut before.steps().filter(|a| !matching.contains_key(a.id.as_str())));
    for (label, a) in &before_labels {
        if let (Some(a), Some(Some(b))) = (a, after_labels.get(label)) {
            matching.insert(a, b);
        }
    }
    matching
}

/// Case, accents and spacing do not make two labels different.
fn normalise(label: &str) -> String {
    let folded: String = label.chars().flat_map(char::to_lowercase).map(fold_accent).collect();
    folded.split_whitespace().collect::<Vec<_>>().join(" ")
}

/// The letters of French without their accents.
fn fold_accent(c: char) -> char {
    match c {
        'à' | 'â' | 'ä' => 'a',
        'ç' => 'c',
        'é' | 'è' | 'ê' | 'ë' => 'e',
        'î' | 'ï' => 'i',
        'ô' | 'ö' => 'o',
        'ù' | 'û' | 'ü' => 'u',
        'ÿ' => 'y',
        'œ' => 'o',
        'æ' => 'a',
        other => other,
    }
}

/// The fields (other than id, lane and position) whose values differ.
fn changed_fields(a: &Step, b: &Step) -> Vec<&'static str> {
    let mut fields = Vec::new();
    let mut check = |name: &'static str, same: bool| {
        if !same {
            fields.push(name);
        }
    };
    check("label", a.label == b.label);
    check("kind", a.kind == b.kind);
    check("duration_min", a.duration_min == b.duration_min);
    check("wait_min", a.wait_min == b.wait_min);
    check("cost_eur", a.cost_eur == b.cost_eur);
    check("channel", a.channel == b.channel);
    check("value", a.value == b.value);
    check("requests", a.requests == b.requests);
    check("enters", a.enters == b.enters);
    check("checks", a.checks == b.checks);
    check("produces", a.produces == b.produces);
    check("outcome", a.outcome == b.outcome);
    check("legal_basis", a.legal_basis == b.legal_basis);
    check("note", a.note == b.note);
    fields
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::format::from_str;

    const WORKED: &str = include_str!("../../tests/fixtures/worked-example.epure.json");

    fn worked() -> Procedure {
        from_str(WORKED).expect("fixture")
    }

    /// Edits the worked example's JSON, then diffs the original against it.
    fn check(edit: impl FnOnce(&mut serde_json::Value), expect: serde_json::Value) {
        let mut v: serde_json::Value = serde_json::from_str(WORKED).expect("json");
        edit(&mut v);
        let after = from_str(&v.to_string()).expect("edited procedure reads");
        let got = serde_json::to_value(diff(&worked(), &after)).expect("serialise");
        let mut want = serde_json::to_value(GraphDiff::default()).expect("serialise");
        if let (Some(want), Some(expect)) = (want.as_object_mut(), expect.as_object()) {
            for (k, v) in expect {
                want.insert(k.clone(), v.clone());
            }
        }
        assert_eq!(got, want);
    }

    #[test]
    fn a_procedure_compared_with_itself_has_no_difference() {
        assert!(diff(&worked(), &worked()).is_empty());
        let big = crate::synthetic::procedure(5, 400);
        assert!(diff(&big, &big).is_empty());
    }

    #[test]
    fn steps_added_removed_moved_and_changed() {
        use serde_json::json;
        // The check moves to the education service and takes less time.
        check(
            |v| {
                v["steps"][2]["actor"] = json!("educ");
                v["steps"][2]["duration_min"] = json!(5);
            },
            json!({
                "steps_moved": [{ "before": "verif", "after": "verif", "from_actor": "accueil", "to_actor": "educ" }],
                "steps_changed": [{ "before": "verif", "after": "verif", "fields": ["duration_min"] }]
            }),
        );
        // The check is removed: the file goes straight to keying in.
        check(
            |v| {
                v["steps"].as_array_mut().unwrap().remove(2);
                v["flows"] = json!([
                    { "from": "s", "to": "depot" }, { "id": "direct", "from": "depot", "to": "saisie" },
                    { "from": "saisie", "to": "e" }
                ]);
            },
            json!({ "steps_removed": ["verif"], "flows_added": ["direct"], "flows_removed": ["f2", "f3"] }),
        );
        // A step is added after keying in.
        check(
            |v| {
                v["steps"]
                    .as_array_mut()
                    .unwrap()
                    .insert(4, json!({ "id": "notif", "label": "Notifier", "kind": "task", "actor": "educ" }));
                v["flows"][3] = json!({ "id": "f4", "from": "saisie", "to": "notif" });
                v["flows"].as_array_mut().unwrap().push(json!({ "id": "f5", "from": "notif", "to": "e" }));
            },
            json!({ "steps_added": ["notif"], "flows_added": ["f4", "f5"], "flows_removed": ["f4"] }),
        );
    }

    #[test]
    fn steps_with_new_ids_match_by_label_whatever_case_accents_and_spacing() {
        use serde_json::json;
        check(
            |v| {
                v["steps"][2]["id"] = json!("controle");
                v["steps"][2]["label"] = json!("VERIFIER  les pieces");
                v["flows"][1]["to"] = json!("controle");
                v["flows"][2]["from"] = json!("controle");
            },
            json!({ "steps_changed": [{ "before": "verif", "after": "controle", "fields": ["label"] }] }),
        );
    }

    #[test]
    fn ambiguous_labels_are_not_matched() {
        use serde_json::json;
        // Two new steps share the label of the one that was removed: none is taken for it.
        check(
            |v| {
                v["steps"][2]["id"] = json!("v1");
                let steps = v["steps"].as_array_mut().unwrap();
                steps.insert(
                    3,
                    json!({ "id": "v2", "label": "Vérifier les pièces", "kind": "check", "actor": "accueil" }),
                );
                v["flows"] = json!([
                    { "from": "s", "to": "depot" }, { "id": "a", "from": "depot", "to": "v1" },
                    { "id": "b", "from": "v1", "to": "v2" }, { "id": "c", "from": "v2", "to": "saisie" },
                    { "id": "f4", "from": "saisie", "to": "e" }
                ]);
            },
            json!({
                "steps_added": ["v1", "v2"], "steps_removed": ["verif"],
                "flows_added": ["a", "b", "c"], "flows_removed": ["f2", "f3"]
            }),
        );
    }
}
