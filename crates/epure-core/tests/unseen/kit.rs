//! Reading a procedure written for these tests: its findings as (rule, subjects), one rule's
//! explanations, one finding's JSON.

use std::path::Path;

use epure_core::analysis::{Settings, analyze};

/// The analysis of a fixture (`tests/fixtures/NAME`), as the command line's JSON gives it.
pub fn analysis_of_fixture(fixture: &str) -> serde_json::Value {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("tests/fixtures").join(fixture);
    let text = std::fs::read_to_string(&path).expect("read fixture");
    let p = epure_core::format::from_str(&text).expect("valid fixture");
    let a = analyze(&p, &Settings::from_procedure(&p));
    serde_json::from_str(&a.to_json()).expect("json")
}

/// The findings of a procedure written for these tests (`tests/fixtures`), as (rule, subjects).
pub fn found_in(fixture: &str) -> Vec<(String, String)> {
    let v = analysis_of_fixture(fixture);
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .map(|f| {
            let subjects: Vec<&str> =
                f["subjects"].as_array().expect("subjects").iter().filter_map(|s| s.as_str()).collect();
            (f["rule"].as_str().unwrap_or_default().to_owned(), subjects.join(" "))
        })
        .collect()
}

pub fn assert_not_flagged(found: &[(&str, &str)], rules: &[&str]) {
    for rule in rules {
        assert!(found.iter().all(|(r, _)| r != rule), "{rule} is not flagged: {found:?}");
    }
}

/// The findings of a fixture, borrowed as (rule, subjects) for comparisons.
pub fn as_pairs(found: &[(String, String)]) -> Vec<(&str, &str)> {
    found.iter().map(|(r, s)| (r.as_str(), s.as_str())).collect()
}

/// The findings of one rule in a fixture, with their French explanation.
pub fn explained(fixture: &str, rule: &str) -> Vec<String> {
    let v = analysis_of_fixture(fixture);
    v["findings"]
        .as_array()
        .expect("findings")
        .iter()
        .filter(|f| f["rule"] == rule)
        .map(|f| f["explanation_fr"].as_str().unwrap_or_default().to_owned())
        .collect()
}

/// The finding of `rule` in a fixture, as the command line's JSON gives it.
pub fn finding_of(fixture: &str, rule: &str) -> serde_json::Value {
    let v = analysis_of_fixture(fixture);
    v["findings"].as_array().expect("findings").iter().find(|f| f["rule"] == rule).cloned().expect(rule)
}

/// Drawing style: a procedure drawn again by another agent, in another legitimate style (labels
/// as nouns, the actor in front, capitals without accents, lanes named otherwise, a return through
/// a merge), the same ids kept, gives the same findings as (rule, subjects).
pub fn assert_same_findings(original: &str, variant: &str) {
    let (a, b) = (found_in(original), found_in(variant));
    assert_eq!(b, a, "{variant} is {original} drawn otherwise: the same findings");
}
