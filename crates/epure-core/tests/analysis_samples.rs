//! `analyze` on every sample procedure shipped in `assets/samples/`, snapshotted as the JSON of the
//! command line contract. Each snapshot was reviewed finding by finding (see the comments below).
//!
//! - aide-sociale: avis d'imposition held by the DGFiP; paper form and RIB keyed in by hand;
//!   eligibility checked twice; 8 handoffs on one way; the monthly commission wait; 3 contacts.
//! - cantine-scolaire: justificatif de domicile asked twice; quotient familial held by the CAF;
//!   dossier famille keyed into two systems from paper; 30 % rework loop; 2.43 contacts.
//! - carte-stationnement-resident: the clean reference: no finding.
//! - conge-agent: dates re-keyed into the SIRH; the secretariat's transit step; 3 approvals in a row.
//! - licence-debit-boissons: Kbis and licence receipt held elsewhere; Commerce ↔ Voirie ping-pong;
//!   transit step; 4 approvals in a row; late knock-out.
//! - permis-construire: 40 % rework loop for missing pieces; the ABF's wait; the three parallel
//!   opinions (ABF, SDIS, Enedis) are not flagged as redundant.
//!
//! The two rework loops (cantine, permis) name the pieces to check at the user's submission and
//! the prudent halving of returns that `check-upfront` assumes (reviewed with that change).
//!
//! The procedures written for these tests, which the rules were not tuned on, are read in
//! `tests/unseen/`.

use std::path::{Path, PathBuf};

use epure_core::analysis::{Settings, analyze};

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".epure.json"))
        .filter(|p| !p.to_string_lossy().contains("worked-example"))
        .collect();
    files.sort();
    files
}

fn analysis_of(path: &Path) -> serde_json::Value {
    let text = std::fs::read_to_string(path).expect("read sample");
    let p = epure_core::format::from_str(&text).expect("valid sample");
    let a = analyze(&p, &Settings::from_procedure(&p));
    serde_json::from_str(&a.to_json()).expect("json")
}

#[test]
fn every_sample_is_analysed_as_reviewed() {
    let files = samples();
    assert!(files.len() >= 6, "the six samples");
    for path in files {
        let name = path.file_name().unwrap().to_string_lossy().trim_end_matches(".epure.json").to_string();
        insta::assert_json_snapshot!(name.clone(), analysis_of(&path));
    }
}

fn rules_of(name: &str) -> Vec<String> {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../assets/samples/{name}.epure.json"));
    let v = analysis_of(&path);
    v["findings"].as_array().unwrap().iter().map(|f| f["rule"].as_str().unwrap().to_string()).collect()
}

#[test]
fn the_clean_reference_has_no_finding() {
    assert_eq!(rules_of("carte-stationnement-resident"), Vec::<String>::new());
}

#[test]
fn parallel_expert_opinions_are_not_redundant() {
    let rules = rules_of("permis-construire");
    for r in ["redundant-check", "duplicate-step", "parallelizable"] {
        assert!(!rules.iter().any(|x| x == r), "{r} in {rules:?}");
    }
}

#[test]
fn each_sample_shows_what_its_author_built_in() {
    let expect: &[(&str, &[&str])] = &[
        ("cantine-scolaire", &["once-only", "rekeying", "rework-loop"]),
        ("licence-debit-boissons", &["once-only", "ping-pong", "transit-step", "approval-chain", "late-knockout"]),
        ("aide-sociale", &["once-only", "redundant-check", "media-break", "waiting", "too-many-contacts"]),
        ("conge-agent", &["approval-chain", "transit-step", "rekeying"]),
        ("permis-construire", &["rework-loop"]),
    ];
    for (name, rules) in expect {
        let got = rules_of(name);
        for r in *rules {
            assert!(got.iter().any(|x| x == r), "{name}: {r} missing from {got:?}");
        }
    }
}
