use crate::analysis::testkit::{B, check, fired};

/// Two signatures in a row of what `item` names, in lanes `first` and `second`.
fn two_signatures(first: &str, second: &str, item: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("t", "b", "Rédiger le document")
        .approval("a1", first, "Signer le document")
        .approval("a2", second, "Signer le document (collectivité)")
        .end("e")
        .chain(&["s", "t", "a1", "a2", "e"])
        .checks("a1", &[item])
        .checks("a2", &[item])
        .build()
}

#[test]
fn a_chain_few_files_go_through_is_told_as_they_live_it() {
    // One flight in twenty is opposed: the head's visa, then the director's signature, a
    // working day on those files.
    let said = |opposed: f64| {
        let p = B::new()
            .start("s")
            .check("examen", "b", "Examiner la notification")
            .decision("d")
            .approval("visa", "b", "Viser le projet d'arrêté d'opposition")
            .dur("visa", 10.0)
            .wait("visa", 200.0)
            .approval("signature", "c", "Signer l'arrêté d'opposition")
            .dur("signature", 10.0)
            .wait("signature", 200.0)
            .end("e")
            .chain(&["s", "examen", "d"])
            .prob("d", "visa", opposed)
            .prob("d", "e", 1.0 - opposed)
            .chain(&["visa", "signature", "e"])
            .build();
        let f = crate::analysis::analyze(&p, &Default::default()).findings;
        let f = f.into_iter().find(|f| f.rule == "approval-chain").expect("fires");
        (f.explanation_fr, f.explanation_en)
    };
    let five = crate::analysis::words::percent(crate::analysis::Lang::Fr, 0.05);
    let (fr, en) = said(0.05);
    assert!(
        fr.contains(&format!(
            "Elles prennent 1 jour ouvré sur les {five} des dossiers qui y passent (21 min en moyenne par dossier), attente comprise."
        )),
        "{fr}"
    );
    assert!(
        en.contains("They take 1 working day on the 5% of files that go through them (21 min on average per file)"),
        "{en}"
    );
    // Near miss: most files go through the chain: told per file.
    let (fr, _) = said(0.8);
    assert!(fr.contains("Elles prennent 5 h 36 par dossier, attente comprise."), "{fr}");
}

#[test]
fn is_silent_on_the_parties_signing_one_contract() {
    // The plant's operator and the community sign the discharge convention: two parties.
    check(&two_signatures("d", "c", "convention"), "approval-chain", &[]);
    check(&two_signatures("c", "d", "contrat"), "approval-chain", &[]);
    // Near misses: another body's visa on an order, and two signatures of one convention
    // inside the administration (the director's visa, then the president's signature).
    check(&two_signatures("d", "c", "arrete"), "approval-chain", &["a1 a2"]);
    check(&two_signatures("b", "c", "convention"), "approval-chain", &["a1 a2"]);
}

#[test]
fn is_silent_on_the_two_authorities_signing_a_national_diploma() {
    // The university's president, then the rector (another body), sign the one diploma.
    check(&two_signatures("c", "d", "diplôme"), "approval-chain", &[]);
    check(&two_signatures("c", "d", "Diplome national de master"), "approval-chain", &[]);
    // Near misses: two signatures of the diploma inside the university (the dean's visa, then
    // the president's signature), and the rector's visa on an attestation.
    check(&two_signatures("b", "c", "diplôme"), "approval-chain", &["a1 a2"]);
    check(&two_signatures("c", "d", "attestation de réussite"), "approval-chain", &["a1 a2"]);
}

#[test]
fn the_parties_signing_one_contract_are_read_from_the_labels_drawn_without_it() {
    let sparse = |first: &str, l1: &str, l2: &str| {
        let mut p = two_signatures(first, "c", "x");
        for (id, label) in [("a1", l1), ("a2", l2)] {
            if let Some(s) = p.step_mut(id) {
                s.checks.clear();
                s.label = Some(label.to_owned());
            }
        }
        p
    };
    let (l1, l2) = ("Signer la convention (exploitant)", "Signer la convention (collectivité)");
    check(&sparse("d", l1, l2), "approval-chain", &[]);
    // Near misses: inside the administration, and another body's visa on an order.
    check(&sparse("b", l1, l2), "approval-chain", &["a1 a2"]);
    check(&sparse("d", "Viser l'arrêté", "Signer l'arrêté"), "approval-chain", &["a1 a2"]);
}

#[test]
fn fires_on_approvals_in_a_row() {
    let p = B::new()
        .start("s")
        .task("t", "b", "Rédiger le projet")
        .approval("v1", "b", "Viser le projet (chef de service)")
        .approval("v2", "c", "Viser le projet (directeur)")
        .decision("d")
        .approval("v3", "c", "Signer l'arrêté")
        .end("e")
        .refused("r")
        .chain(&["s", "t", "v1", "v2", "d"])
        .prob("d", "v3", 0.9)
        .prob("d", "r", 0.1)
        .chain(&["v3", "e"])
        .build();
    check(&p, "approval-chain", &["v1 v2 v3"]);
    let f = crate::analysis::analyze(&p, &Default::default()).findings;
    assert!(f.iter().any(|f| f.rule == "approval-chain" && f.suggestion == Some("single-approval")));
}

/// A commission (`lane`) gives its opinion as an approval, then the service decides; the
/// decision reads the opinion when `reads` is true.
fn after_opinion(lane: &str, reads: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("t", "b", "Instruire le dossier")
        .approval("avis", lane, "Examiner le dossier en commission et rendre un avis")
        .produces("avis", &["avis-commission"])
        .approval("decision", "c", "Signer la décision")
        .end("e")
        .chain(&["s", "t", "avis", "decision", "e"]);
    if reads { b.checks("decision", &["avis-commission"]).build() } else { b.build() }
}

#[test]
fn an_opinion_given_by_another_body_drawn_without_it_is_read_from_its_label() {
    let sparse = |lane: &str, label: &str| {
        let mut p = after_opinion(lane, false);
        if let Some(s) = p.step_mut("avis") {
            s.produces.clear();
            s.label = Some(label.to_owned());
        }
        p
    };
    check(&sparse("d", "Examiner le dossier en commission et rendre un avis"), "approval-chain", &[]);
    // Near misses: the same in the administration's own lane, and another body's approval
    // whose label gives no opinion.
    check(&sparse("b", "Examiner le dossier en commission et rendre un avis"), "approval-chain", &["avis decision"]);
    check(&sparse("d", "Viser le dossier"), "approval-chain", &["avis decision"]);
}

#[test]
fn does_not_fire_on_a_decision_taken_on_another_bodys_opinion() {
    check(&after_opinion("d", true), "approval-chain", &[]);
    // Near misses: a decision that does not read the opinion; an opinion of the
    // administration's own service (a visa read by the signature is still a visa).
    check(&after_opinion("d", false), "approval-chain", &["avis decision"]);
    check(&after_opinion("b", true), "approval-chain", &["avis decision"]);
}

#[test]
fn fires_through_a_relay_that_only_sends_for_signature() {
    let p = B::new()
        .start("s")
        .task("t", "b", "Rédiger le projet de décision")
        .approval("v1", "b", "Viser le projet (chef de bureau)")
        .task("envoi", "b", "Transmettre le projet pour signature")
        .approval("v2", "c", "Signer la décision")
        .end("e")
        .chain(&["s", "t", "v1", "envoi", "v2", "e"])
        .build();
    check(&p, "approval-chain", &["v1 v2"]);
    // Without the visa, the relay of the same lane still hands the file on: no handoff saved.
    assert_eq!(gain(&p).handoffs, 0.0);
    // Real work in between (the step enters the decision): not a cascade.
    let work = B::new()
        .start("s")
        .approval("v1", "b", "Viser le projet (chef de bureau)")
        .task("envoi", "b", "Transmettre le projet pour signature")
        .enters("envoi", &["decision"])
        .approval("v2", "c", "Signer la décision")
        .end("e")
        .chain(&["s", "v1", "envoi", "v2", "e"])
        .build();
    check(&work, "approval-chain", &[]);
}

fn gain(p: &crate::model::Procedure) -> crate::analysis::Gain {
    let a = crate::analysis::analyze(p, &Default::default());
    a.findings.iter().find(|f| f.rule == "approval-chain").map(|f| f.gain).unwrap_or_default()
}

#[test]
fn counts_the_handoffs_that_dropping_the_visas_removes() {
    // Drafted in B, visa in D, signature in C: B → D → C becomes B → C, one change saved.
    let aside = B::new()
        .start("s")
        .task("t", "b", "Rédiger le projet")
        .approval("v1", "d", "Viser le projet")
        .approval("v2", "c", "Signer l'arrêté")
        .end("e")
        .chain(&["s", "t", "v1", "v2", "e"])
        .build();
    assert_eq!(gain(&aside).handoffs, 1.0);
    // Visa in B itself: B → C either way.
    let own = B::new()
        .start("s")
        .task("t", "b", "Rédiger le projet")
        .approval("v1", "b", "Viser le projet")
        .approval("v2", "c", "Signer l'arrêté")
        .end("e")
        .chain(&["s", "t", "v1", "v2", "e"])
        .build();
    assert_eq!(gain(&own).handoffs, 0.0);
}

#[test]
fn proposes_parallel_visas_when_they_are_mandated() {
    let p = B::new()
        .start("s")
        .approval("v1", "b", "Avis conforme du préfet")
        .legal("v1")
        .approval("v2", "c", "Signer l'arrêté")
        .legal("v2")
        .end("e")
        .chain(&["s", "v1", "v2", "e"])
        .build();
    let f = crate::analysis::analyze(&p, &Default::default()).findings;
    assert!(f.iter().any(|f| f.rule == "approval-chain" && f.suggestion == Some("parallelize")));
}

#[test]
fn does_not_fire_on_approvals_apart_or_on_exclusive_branches() {
    let apart = B::new()
        .start("s")
        .approval("v1", "b", "Viser")
        .task("t", "b", "Instruire")
        .approval("v2", "c", "Signer")
        .end("e")
        .chain(&["s", "v1", "t", "v2", "e"])
        .build();
    assert!(fired(&apart, "approval-chain").is_empty());
    let exclusive = B::new()
        .start("s")
        .check("c", "b", "Instruire")
        .decision("d")
        .approval("v1", "c", "Signer l'accord")
        .approval("v2", "c", "Signer le refus")
        .end("e")
        .refused("r")
        .chain(&["s", "c", "d"])
        .prob("d", "v1", 0.8)
        .prob("d", "v2", 0.2)
        .chain(&["v1", "e"])
        .chain(&["v2", "r"])
        .build();
    assert!(fired(&exclusive, "approval-chain").is_empty());
}

#[test]
fn does_not_fire_on_the_user_signing_after_the_administration() {
    // A convention signed by the mayor, then by the association's president: two parties.
    let both_parties = B::new()
        .start("s")
        .task("t", "b", "Rédiger la convention")
        .approval("v1", "c", "Signer la convention (maire)")
        .approval("v2", "u", "Signer la convention (président de l'association)")
        .end("e")
        .chain(&["s", "t", "v1", "v2", "e"])
        .build();
    assert!(fired(&both_parties, "approval-chain").is_empty());
    // Two visas of the administration before the user signs are still a chain.
    let visas = B::new()
        .start("s")
        .approval("v0", "b", "Viser la convention (chef de service)")
        .approval("v1", "c", "Signer la convention (maire)")
        .approval("v2", "u", "Signer la convention (président de l'association)")
        .end("e")
        .chain(&["s", "v0", "v1", "v2", "e"])
        .build();
    check(&visas, "approval-chain", &["v0 v1"]);
}

#[test]
fn a_signature_already_delegated_is_not_advised_a_delegation() {
    let advice = |sign: &str| {
        let p = B::new()
            .start("s")
            .task("t", "b", "Rédiger le projet d'arrêté")
            .approval("v1", "b", "Viser le projet d'arrêté")
            .approval("v2", "c", sign)
            .end("e")
            .chain(&["s", "t", "v1", "v2", "e"])
            .build();
        let f = crate::analysis::analyze(&p, &Default::default()).findings;
        let f = f.into_iter().find(|f| f.rule == "approval-chain").expect("fires");
        (f.explanation_fr, f.explanation_en)
    };
    let (fr, en) = advice("Signer l'arrêté par délégation du préfet");
    assert!(fr.contains("suffirait : sa signature est déjà déléguée ; les visas intermédiaires peuvent être supprimés, ou la délégation étendue à qui vise le projet."), "{fr}");
    assert!(en.contains("would do: its signature is already delegated;"), "{en}");
    assert!(!fr.contains("remplacés par une délégation"), "{fr}");
    // Drawn in capitals without accents, as the variants are: the same reading.
    let (fr, _) = advice("SIGNATURE PAR DELEGATION DU PREFET");
    assert!(fr.contains("sa signature est déjà déléguée"), "{fr}");
    // Near miss: the mayor signs himself; a delegation is what to advise.
    let (fr, _) = advice("Signer l'arrêté");
    assert!(
        fr.contains("les visas intermédiaires peuvent être supprimés ou remplacés par une délégation de signature."),
        "{fr}"
    );
}

#[test]
fn an_assemblys_vote_is_not_advised_a_delegation_of_signature() {
    let advice = |decide: &str| {
        let p = B::new()
            .start("s")
            .task("t", "b", "Instruire la demande d'aide")
            .approval("v1", "b", "Viser le rapport")
            .approval("v2", "c", decide)
            .end("e")
            .chain(&["s", "t", "v1", "v2", "e"])
            .build();
        let f = crate::analysis::analyze(&p, &Default::default()).findings;
        let f = f.into_iter().find(|f| f.rule == "approval-chain").expect("fires");
        (f.title_fr, f.explanation_fr, f.explanation_en)
    };
    let (title, fr, en) = advice("Voter l'aide en commission permanente");
    assert_eq!(title, "Cascade de deux validations successives");
    assert!(fr.starts_with("Le dossier passe par deux validations à la suite"), "{fr}");
    assert!(fr.contains("le vote de l'assemblée qui décide"), "{fr}");
    assert!(fr.contains("la décision déléguée par l'assemblée à son exécutif"), "{fr}");
    assert!(!fr.contains("délégation de signature"), "{fr}");
    assert!(en.starts_with("The file goes through two approvals in a row"), "{en}");
    let (_, fr, _) = advice("Attribuer la dotation par délibération de la commission permanente");
    assert!(fr.contains("le vote de l'assemblée"), "{fr}");
    let (_, fr, _) = advice("Délibération du conseil municipal");
    assert!(fr.contains("le vote de l'assemblée"), "{fr}");
    // Near miss: the president signing the deliberation is a signature.
    let (_, fr, _) = advice("Signer la délibération");
    assert!(fr.contains("remplacés par une délégation de signature"), "{fr}");
}
