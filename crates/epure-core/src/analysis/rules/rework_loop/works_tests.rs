//! `rework-loop`: the user's own works on what a visit found, read as a correction.

use super::tests::rework;
use crate::analysis::testkit::{B, check};
use crate::analysis::{Settings, analyze};

#[test]
fn the_users_own_works_on_the_visits_report_propose_no_check_at_the_filing() {
    // The Consuel's inspector visits the installation and lists the non-conformities; the owner
    // has their electrician lift them, and the certificate the filing handed in is visaed at the
    // counter-visit: what goes round is works on the premises, which no check of the filing could
    // have caught, although the certificate is handed in again.
    let works = |b: B| {
        b.produces("depot", &["attestation"])
            .checks("c", &["attestation"])
            .produces("c", &["rapport"])
            .checks("r", &["rapport"])
            .produces("r", &["attestation"])
    };
    let suggestion = |b: B| {
        let p = b.build();
        check(&p, "rework-loop", &["c d r"]);
        let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap();
        (f.suggestion, f.explanation_fr)
    };
    let (s, fr) = suggestion(works(rework(0.15)).channel("r", crate::model::Channel::Internal));
    assert_eq!(s, None, "{fr}");
    assert!(fr.contains("corriger ce que le contrôle a relevé"), "{fr}");
    // Near misses: the certificate sent again online (a piece, which the filing can check), or
    // the user's works not reading what the check found (a completeness check's list): still the
    // check at the filing.
    let (s, fr) = suggestion(works(rework(0.15)).channel("r", crate::model::Channel::Online));
    assert_eq!(s, Some("check-upfront"), "{fr}");
    let unread = rework(0.15)
        .produces("depot", &["attestation"])
        .checks("c", &["attestation"])
        .produces("c", &["rapport"])
        .produces("r", &["attestation"])
        .channel("r", crate::model::Channel::Internal);
    let (s, fr) = suggestion(unread);
    assert_eq!(s, Some("check-upfront"), "{fr}");
}

#[test]
fn own_work_on_a_verdict_then_its_proof_sent_online_is_a_correction() {
    // The jury adjourns the candidate (its decision written down), who does a new placement on
    // that decision (their own work) and then declares it online: a correction, not a piece
    // missing from the filing, although the declaration is sent online.
    let adjourned = rework(0.15)
        .produces("depot", &["attestation"])
        .checks("c", &["attestation"])
        .produces("c", &["rapport"])
        .checks("r", &["rapport"])
        .channel("r", crate::model::Channel::Internal)
        .task("proof", "u", "Déclarer le nouveau stage en ligne")
        .channel("proof", crate::model::Channel::Online)
        .requests("proof", &["attestation"]);
    let mut p = adjourned.build();
    // The declaration goes between the placement and the check.
    let r_to_c: Vec<String> = p.flows().filter(|f| f.from == "r" && f.to == "c").map(|f| f.flow.id.clone()).collect();
    for id in r_to_c {
        p.remove_flow(&id).expect("the way back");
    }
    let p = B { p }.chain(&["r", "proof", "c"]).build();
    let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").expect("fires");
    assert_eq!(f.suggestion, None, "{}", f.explanation_fr);
}
