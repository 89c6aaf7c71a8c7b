//! `epure simplify` and `epure compare` as scripts use them.

use std::path::PathBuf;
use std::process::{Command, Output};

fn epure(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epure")).args(args).output().expect("run epure")
}

fn sample(name: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples").join(name)
}

#[test]
fn simplify_writes_a_target_version_and_compare_shows_the_gains() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample("cantine-scolaire.epure.json");
    let out = dir.path().join("cible.epure.json");
    let s = epure(&["simplify", input.to_str().unwrap(), "-o", out.to_str().unwrap()]);
    assert_eq!(s.status.code(), Some(0), "{}", String::from_utf8_lossy(&s.stderr));
    assert!(String::from_utf8_lossy(&s.stdout).contains("appliqué : Dites-le-nous une fois"));
    let target = epure_core::format::from_str(&std::fs::read_to_string(&out).unwrap()).unwrap();
    assert_eq!(target.meta.variant(), epure_core::Variant::Target);

    let c = epure(&["compare", input.to_str().unwrap(), out.to_str().unwrap(), "--format", "json"]);
    assert_eq!(c.status.code(), Some(0));
    let json: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
    let metric =
        |name: &str| json["metrics"].as_array().unwrap().iter().find(|m| m["metric"] == name).cloned().unwrap();
    assert!(metric("requests_per_case")["change"].as_f64().unwrap() < 0.0);
    assert!(metric("lead_time_min")["change"].as_f64().unwrap() <= 0.0);
    assert!(json["diff"]["steps_changed"].as_array().is_some_and(|a| !a.is_empty()));
}

#[test]
fn compare_with_itself_is_all_zero_and_bad_rules_are_refused() {
    let input = sample("permis-construire.epure.json");
    let c = epure(&["compare", input.to_str().unwrap(), input.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
    assert!(json["metrics"].as_array().unwrap().iter().all(|m| m["change"] == 0.0));
    let out = epure(&["simplify", input.to_str().unwrap(), "--accept", "once-only,nope", "-o", "/tmp/never.json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).starts_with("--accept: unknown rule \"nope\""));
}

#[test]
fn the_building_permit_checks_its_pieces_at_filing() {
    let dir = tempfile::tempdir().unwrap();
    let input = sample("permis-construire.epure.json");
    let out = dir.path().join("cible.epure.json");
    let s = epure(&["simplify", input.to_str().unwrap(), "--accept", "rework-loop", "-o", out.to_str().unwrap()]);
    assert_eq!(s.status.code(), Some(0), "{}", String::from_utf8_lossy(&s.stderr));
    assert!(String::from_utf8_lossy(&s.stdout).contains("appliqué : Boucle de reprise : 40 %"));
    let c = epure(&["compare", input.to_str().unwrap(), out.to_str().unwrap(), "--format", "json"]);
    let json: serde_json::Value = serde_json::from_slice(&c.stdout).unwrap();
    let change = |name: &str| {
        json["metrics"].as_array().unwrap().iter().find(|m| m["metric"] == name).unwrap()["change"].as_f64()
    };
    // Half the returns for missing pieces avoided: 1/0.6 → 1/0.8 passes through the filing check.
    assert!((change("user_contacts").unwrap() + (1.0 / 0.6 - 1.0 / 0.8)).abs() < 1e-6);
    assert!(change("lead_time_min").unwrap() < 0.0);
    assert_eq!(change("work_steps"), Some(0.0), "the administration's check stays");
}
