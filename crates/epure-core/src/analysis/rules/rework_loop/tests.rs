//! `rework-loop`: where it fires, the near misses, and what it advises.

use crate::analysis::testkit::{B, check};
use crate::analysis::{Settings, analyze};

pub(super) fn rework(p_back: f64) -> B {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer le dossier")
        .check("c", "a", "Vérifier la complétude")
        .dur("c", 10.0)
        .decision("d")
        .task("r", "u", "Compléter le dossier")
        .dur("r", 20.0)
        .wait("r", 100.0)
        .end("e")
        .chain(&["s", "depot", "c", "d"])
        .prob("d", "r", p_back)
        .prob("d", "e", 1.0 - p_back)
        .chain(&["r", "c"])
}

#[test]
fn fires_with_its_probability_and_cost() {
    let p = rework(0.3).build();
    check(&p, "rework-loop", &["c d r"]);
    let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap();
    // Extra passes per case: 0.3 / 0.7; each costs 10 + 20 + 100 minutes.
    let extra = 0.3 / 0.7;
    assert!((f.gain.lead_min - extra * 130.0).abs() < 1e-9, "{:?}", f.gain);
    assert!((f.gain.touch_min - extra * 30.0).abs() < 1e-9);
    assert!((f.gain.contacts - extra).abs() < 1e-9);
    assert!(f.title_fr.contains("30 %"), "{}", f.title_fr);
}

#[test]
fn a_return_drawn_through_a_merge_is_the_same_loop() {
    // The completed file comes back to the check through a merge gateway ("Reprise") rather than
    // straight into it: the same loop, the same subjects, the same step it goes back to.
    let through_merge = B::new()
        .start("s")
        .task("depot", "u", "Déposer le dossier")
        .decision("m")
        .check("c", "a", "Vérifier la complétude")
        .dur("c", 10.0)
        .decision("d")
        .task("r", "u", "Compléter le dossier")
        .dur("r", 20.0)
        .wait("r", 100.0)
        .end("e")
        .chain(&["s", "depot", "m", "c", "d"])
        .prob("d", "r", 0.3)
        .prob("d", "e", 0.7)
        .chain(&["r", "m"])
        .build();
    check(&through_merge, "rework-loop", &["c d r"]);
    let title = |p: &crate::model::Procedure| {
        analyze(p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").map(|f| f.title_fr)
    };
    assert_eq!(title(&through_merge), title(&rework(0.3).build()));
    // Near miss: the decision that sends the file back has two ways out; it stays a subject.
    check(&rework(0.3).build(), "rework-loop", &["c d r"]);
}

#[test]
fn proposes_nothing_when_the_check_weighs_a_resource_outside_the_file() {
    let suggestion = |b: B| {
        let p = b.build();
        analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").map(|f| f.suggestion)
    };
    let pieces = || rework(0.5).requests("depot", &["dossier"]).checks("c", &["dossier"]);
    assert_eq!(suggestion(pieces()), Some(Some("check-upfront")));
    // No place free tonight: the places the shelters declared are the administration's, no
    // step brings them into the file; the person calls again tomorrow.
    let places = || pieces().checks("c", &["places"]).held("places", "SIAO");
    assert_eq!(suggestion(places()), Some(None));
    // Near misses: a held piece the user is asked for anyway (it may be the missing one);
    // one a step before issues (the opinion to be checked).
    assert_eq!(suggestion(places().requests("depot", &["places"])), Some(Some("check-upfront")));
    // Near miss: the way round asks the user for the missing pieces (a document): the file goes
    // round for them, whatever else the check weighs (the affiliation in the federation's
    // register); asked for a datum again (the situation told again on the next call), it does not.
    let pieces_asked = || places().requests("r", &["complement"]);
    assert_eq!(suggestion(pieces_asked()), Some(Some("check-upfront")));
    assert_eq!(suggestion(pieces_asked().field("complement")), Some(None));
    let issued = B::new()
        .start("s")
        .task("depot", "u", "Déposer le dossier")
        .requests("depot", &["dossier"])
        .task("avis", "b", "Émettre l'avis")
        .produces("avis", &["places"])
        .held("places", "SIAO")
        .check("c", "a", "Vérifier la complétude")
        .checks("c", &["dossier", "places"])
        .decision("d")
        .task("r", "u", "Compléter le dossier")
        .end("e")
        .chain(&["s", "depot", "avis", "c", "d"])
        .prob("d", "r", 0.5)
        .prob("d", "e", 0.5)
        .chain(&["r", "c"]);
    assert_eq!(suggestion(issued), Some(Some("check-upfront")));
}

#[test]
fn is_a_warning_from_the_threshold_on_and_information_below() {
    let severity = |p_back: f64| {
        let p = rework(p_back).build();
        analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap().severity
    };
    // One file in five sent back is at the threshold (0.2), not below it.
    assert_eq!(severity(0.2), crate::analysis::Severity::Warning);
    assert_eq!(severity(0.19), crate::analysis::Severity::Info);
}

#[test]
fn proposes_nothing_on_a_return_no_check_decides() {
    // The Département reminds a partner who has not answered: no check sends the file round.
    let reminded = |checks: &[&str]| {
        B::new()
            .start("s")
            .task("invite", "b", "Inviter les obligés à répondre")
            .task("reponse", "d", "Retourner le questionnaire")
            .dur("reponse", 40.0)
            .checks("reponse", checks)
            .decision("d")
            .task("relance", "b", "Relancer les obligés")
            .dur("relance", 10.0)
            .end("e")
            .chain(&["s", "invite", "reponse", "d"])
            .prob("d", "relance", 0.35)
            .prob("d", "e", 0.65)
            .chain(&["relance", "reponse"])
            .build()
    };
    let found = |p: &crate::model::Procedure| {
        analyze(p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap()
    };
    let f = found(&reminded(&[]));
    assert_eq!(f.subjects, ["reponse", "d", "relance"]);
    assert_eq!(f.suggestion, None);
    assert!(f.explanation_fr.contains("vérifier le dossier plus tôt ne l'éviterait pas"), "{}", f.explanation_fr);
    assert!(f.explanation_en.contains("checking the file earlier would not avoid it"), "{}", f.explanation_en);
    // Near miss: a check of the pieces decides the return (here between two bodies): the
    // proposal, and the advice to check the questionnaire where it is filled in, before it is
    // sent (the loop does not go back to the user).
    let f = found(&reminded(&["questionnaire"]));
    assert_eq!(f.suggestion, Some("check-upfront"));
    assert!(f.explanation_fr.contains("un contrôle là où le dossier est constitué ou saisi"), "{}", f.explanation_fr);
}

#[test]
fn proposes_the_check_at_the_submission_and_is_silent_once_it_is_there() {
    let incomplete = rework(0.3).requests("depot", &["rib", "domicile"]).checks("c", &["rib", "domicile"]);
    let f = analyze(&incomplete.clone().build(), &Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "rework-loop")
        .expect("fires");
    assert_eq!(f.suggestion, Some("check-upfront"));
    assert!(f.explanation_fr.contains("dès l'étape « Déposer le dossier »"), "{}", f.explanation_fr);
    // The submission checks every piece the loop's check verifies: the returns left are the
    // examination of what the pieces say.
    check(&incomplete.clone().checks("depot", &["rib", "domicile"]).build(), "rework-loop", &[]);
    // Checking only some of them upfront leaves the loop to flag.
    check(&incomplete.checks("depot", &["rib"]).build(), "rework-loop", &["c d r"]);
}

#[test]
fn proposes_the_check_of_what_the_user_types_in_online() {
    // The supplier types the order number on the portal; the accounts department looks for it
    // and sends back the invoices without one.
    let typed = |who: &str| {
        let b = rework(0.1).checks("c", &["engagement"]).channel("depot", crate::model::Channel::Online);
        if who == "u" { b.enters("depot", &["engagement"]) } else { b.enters("c", &["engagement"]) }.build()
    };
    let found = |p: &crate::model::Procedure| {
        analyze(p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap()
    };
    let f = found(&typed("u"));
    assert!(
        f.explanation_fr.contains("Contrôler « engagement » dès l'étape « Déposer le dossier »"),
        "{}",
        f.explanation_fr
    );
    assert!(f.explanation_fr.contains("le formulaire en ligne signale"), "{}", f.explanation_fr);
    // Near miss: the number is keyed in by the administration, not handed in by the user.
    let f = found(&typed("b"));
    assert!(f.explanation_fr.contains("Vérifier la complétude dès le premier contact"), "{}", f.explanation_fr);
}

#[test]
fn names_the_pieces_the_loop_asks_for_again() {
    let incomplete =
        rework(0.3).requests("depot", &["rib", "domicile", "identite"]).checks("c", &["rib", "domicile", "identite"]);
    let advice = |b: B| {
        let f = analyze(&b.build(), &Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "rework-loop")
            .expect("fires");
        f.explanation_en
    };
    // The return asks for the RIB again: that is the piece to check at the submission.
    let targeted = advice(incomplete.clone().requests("r", &["rib"]));
    assert!(targeted.contains("Checking “RIB” at step “Déposer le dossier”"), "{targeted}");
    // Near miss: a return that names no piece leaves every piece the check verifies.
    let all = advice(incomplete.clone());
    let named = all.split("Checking ").nth(1).and_then(|rest| rest.split(" at step").next()).unwrap_or_default();
    assert_eq!(named.matches('“').count(), 3, "{all}");
    // Once the piece that sends files back is checked at the submission, the loop is silent.
    check(&incomplete.requests("r", &["rib"]).checks("depot", &["rib"]).build(), "rework-loop", &[]);
}

#[test]
fn names_the_filing_that_handed_in_what_the_loop_asks_for_again() {
    // The file, then for some cases a piece of their own on a branch, then the check; the
    // return asks for the RIB again, which came with the file, not with the branch's piece.
    let b = |asked_again: &[&str]| {
        B::new()
            .start("s")
            .task("depot", "u", "Envoyer le dossier")
            .decision("d-etranger")
            .task("extra", "u", "Envoyer le certificat de coutume")
            .decision("m")
            .check("c", "a", "Vérifier le dossier")
            .dur("c", 10.0)
            .decision("d")
            .task("r", "u", "Envoyer les pièces manquantes")
            .dur("r", 20.0)
            .end("e")
            .chain(&["s", "depot", "d-etranger"])
            .prob("d-etranger", "extra", 0.1)
            .prob("d-etranger", "m", 0.9)
            .chain(&["extra", "m"])
            .prob("m", "c", 1.0)
            .chain(&["c", "d"])
            .prob("d", "r", 0.2)
            .prob("d", "e", 0.8)
            .chain(&["r", "c"])
            .requests("depot", &["rib", "domicile"])
            .requests("extra", &["coutume"])
            .checks("c", &["rib", "domicile", "coutume"])
            .requests("r", asked_again)
            .build()
    };
    let advice = |p: &crate::model::Procedure| {
        analyze(p, &Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "rework-loop")
            .map(|f| f.explanation_en)
            .expect("fires")
    };
    let rib = advice(&b(&["rib"]));
    assert!(rib.contains("Checking “RIB” at step “Envoyer le dossier”"), "{rib}");
    // Near miss: when the return asks for the branch's piece again, the branch is where it
    // came from.
    let coutume = advice(&b(&["coutume"]));
    assert!(coutume.contains("at step “Envoyer le certificat de coutume”"), "{coutume}");
}

#[test]
fn names_the_piece_the_user_files_when_the_check_reads_it_filed() {
    // The dates of the leave told first, then the certificate sent through the account, which
    // files it in the record; the check reads the filed piece, and the return sends a new one.
    let b = |return_files: bool| {
        let b = B::new()
            .start("s")
            .task("dates", "u", "Indiquer les dates du congé")
            .task("envoi", "u", "Envoyer le justificatif par la messagerie")
            .check("c", "a", "Vérifier les droits et le justificatif")
            .dur("c", 10.0)
            .decision("d")
            .task("r", "u", "Renvoyer un justificatif conforme")
            .dur("r", 10.0)
            .end("e")
            .chain(&["s", "dates", "envoi", "c", "d"])
            .prob("d", "r", 0.1)
            .prob("d", "e", 0.9)
            .chain(&["r", "c"])
            .requests("dates", &["conge"])
            .requests("envoi", &["acte"])
            .produces("envoi", &["piece"])
            .checks("c", &["piece", "conge"])
            .requests("r", &["acte"]);
        if return_files { b.produces("r", &["piece"]) } else { b }
    };
    let advice = |p: &crate::model::Procedure| {
        analyze(p, &Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "rework-loop")
            .map(|f| f.explanation_en)
            .expect("fires")
    };
    // The piece sent again is what sends files back: checked where it was first sent, not the
    // dates told before (which the return does not touch).
    let filed = advice(&b(true).build());
    assert!(filed.contains("Checking “piece” at step “Envoyer le justificatif par la messagerie”"), "{filed}");
    // A return that sends a piece by another name still finds the filing, the nearest step that
    // handed in what the check verifies.
    let told = advice(&b(false).build());
    assert!(told.contains("Checking “piece” at step “Envoyer le justificatif par la messagerie”"), "{told}");
    // Near miss: once the account's messaging checks the piece it files, the loop is silent.
    check(&b(true).checks("envoi", &["piece"]).build(), "rework-loop", &[]);
}

#[test]
fn is_silent_when_the_counter_checks_the_pieces_as_they_are_handed_in() {
    use crate::model::Channel;
    let incomplete = rework(0.3).requests("depot", &["rib", "domicile"]).checks("c", &["rib", "domicile"]);
    // Handed in at the counter, gone through there and then: the check is already upfront,
    // and a return means the user did not have the piece.
    let counter = incomplete.clone().channel("depot", Channel::Counter).channel("c", Channel::Counter);
    check(&counter.build(), "rework-loop", &[]);
    // Near misses: the pieces checked later in the back office, or filed online.
    let back_office = incomplete.clone().channel("depot", Channel::Counter).channel("c", Channel::Internal);
    check(&back_office.build(), "rework-loop", &["c d r"]);
    let online = incomplete.clone().channel("depot", Channel::Online).channel("c", Channel::Counter);
    check(&online.build(), "rework-loop", &["c d r"]);
    // A fetch from a holder between the two takes no one's time: still on the spot. Work in
    // between, or a wait before the check, means the user has left.
    let between = |minutes: f64| {
        let mut b = incomplete.clone().channel("depot", Channel::Counter).channel("c", Channel::Counter);
        b.p.remove_flow("f2").expect("depot to check");
        b.task("x", "a", "Récupérer le RIB").dur("x", minutes).chain(&["depot", "x", "c"]).build()
    };
    check(&between(0.0), "rework-loop", &[]);
    check(&between(15.0), "rework-loop", &["c d r"]);
    let later = incomplete.channel("depot", Channel::Counter).channel("c", Channel::Counter).wait("c", 420.0);
    check(&later.build(), "rework-loop", &["c d r"]);
}

#[test]
fn a_submission_without_channel_followed_by_a_check_at_the_counter_is_handed_in_there() {
    use crate::model::Channel;
    let incomplete = rework(0.3).requests("depot", &["rib", "domicile"]).checks("c", &["rib", "domicile"]);
    // The submission's channel left out: the check at the counter right after it goes through
    // the pieces with the user, who is there; the check is already upfront.
    check(&incomplete.clone().channel("c", Channel::Counter).build(), "rework-loop", &[]);
    // Near misses: the check in the back office, or at the counter after a wait (the user came
    // back, or never came), or no channel known on either side.
    check(&incomplete.clone().channel("c", Channel::Internal).build(), "rework-loop", &["c d r"]);
    check(&incomplete.clone().channel("c", Channel::Counter).wait("c", 420.0).build(), "rework-loop", &["c d r"]);
    check(&incomplete.clone().build(), "rework-loop", &["c d r"]);
    // Handed in at the counter, gone through by the front office (the reception the user meets,
    // lane "a") without a channel and without a wait: there and then. Near miss: by the back
    // office (lane "b"), the check without a channel may be made later.
    let front = incomplete.clone().channel("depot", Channel::Counter);
    check(&front.clone().build(), "rework-loop", &[]);
    let mut back = front;
    back.p.step_mut("c").expect("the check").actor = Some("b".into());
    check(&back.build(), "rework-loop", &["c d r"]);
}

#[test]
fn is_silent_when_another_check_at_the_counter_already_went_through_the_pieces() {
    use crate::model::Channel;
    // The reception desk checks the file with the user at the counter; the office it serves
    // checks it again later and sends it back: proposing to check the pieces at the counter
    // proposes what is done already.
    let desk = |checked: &[&str], wait: f64| {
        let mut b = rework(0.3)
            .requests("depot", &["rib", "domicile"])
            .checks("c", &["rib", "domicile"])
            .channel("depot", Channel::Counter)
            .channel("c", Channel::Internal);
        b.p.remove_flow("f2").expect("depot to check");
        b.check("g", "a", "Vérifier au guichet que le dossier est complet")
            .dur("g", 10.0)
            .wait("g", wait)
            .channel("g", Channel::Counter)
            .checks("g", checked)
            .chain(&["depot", "g", "c"])
    };
    check(&desk(&["rib", "domicile"], 0.0).build(), "rework-loop", &[]);
    // Near misses: the desk checks only some of the pieces; it sees the file later, once the
    // user has left; it is not at the counter.
    check(&desk(&["rib"], 0.0).build(), "rework-loop", &["c d r"]);
    check(&desk(&["rib", "domicile"], 420.0).build(), "rework-loop", &["c d r"]);
    check(&desk(&["rib", "domicile"], 0.0).channel("g", Channel::Internal).build(), "rework-loop", &["c d r"]);
}

#[test]
fn a_reception_at_the_counter_drawn_apart_keeps_the_check_on_the_spot() {
    use crate::model::Channel;
    // "Recevoir le dossier" then "Vérifier la complétude", both at the counter without a wait:
    // one sitting drawn as two steps, the check is still made as the user hands the file in.
    let split = |wait: f64, channel: Channel| {
        let mut b = rework(0.3)
            .requests("depot", &["rib", "domicile"])
            .checks("c", &["rib", "domicile"])
            .channel("depot", Channel::Counter)
            .channel("c", Channel::Counter);
        b.p.remove_flow("f2").expect("depot to check");
        b.task("x", "a", "Recevoir le dossier")
            .dur("x", 10.0)
            .wait("x", wait)
            .channel("x", channel)
            .chain(&["depot", "x", "c"])
            .build()
    };
    check(&split(0.0, Channel::Counter), "rework-loop", &[]);
    // Near misses: the reception waits (the user has left), or is done in the back office.
    check(&split(420.0, Channel::Counter), "rework-loop", &["c d r"]);
    check(&split(0.0, Channel::Internal), "rework-loop", &["c d r"]);
}

#[test]
fn pieces_drawn_as_asked_for_by_the_agent_are_handed_in_at_that_step() {
    use crate::model::Channel;
    // The pieces drawn as `requests` on the agent's check rather than on the user's filing (the
    // format allows both: "asked of the user at this step"): the check asks for them and goes
    // through them at once; the loop is silent, as when drawn on the filing.
    let own = rework(0.3).checks("c", &["rib", "domicile"]);
    check(&own.clone().requests("c", &["rib", "domicile"]).build(), "rework-loop", &[]);
    // Near miss: asked for nowhere before the check, the loop is flagged.
    check(&own.build(), "rework-loop", &["c d r"]);
    // The counter desk (front office, lane "a") asks for the pieces and checks them, the office
    // checks again later: silent, as with the pieces on the filing at the counter.
    let desk = |lane: &str| {
        let mut b = rework(0.3)
            .checks("c", &["rib", "domicile"])
            .channel("depot", Channel::Counter)
            .channel("c", Channel::Internal);
        b.p.remove_flow("f2").expect("depot to check");
        b.check("g", lane, "Vérifier au guichet que le dossier est complet")
            .dur("g", 10.0)
            .channel("g", Channel::Counter)
            .requests("g", &["rib", "domicile"])
            .checks("g", &["rib", "domicile"])
            .chain(&["depot", "g", "c"])
            .build()
    };
    check(&desk("a"), "rework-loop", &[]);
    // Near miss: a partner that gathers the pieces for the user (a hospital's social service)
    // is not where the user hands them in to the administration.
    check(&desk("d"), "rework-loop", &["c d r"]);
}

#[test]
fn is_silent_when_the_online_service_checks_the_pieces_as_they_are_sent() {
    use crate::model::{Actor, ActorKind, Channel, Extra};
    // The guichet unique checks the mandatory fields and pieces the moment the formality is sent
    // and will not send it without them; the greffe checks it later and asks for a
    // regularisation: proposing an online form that flags missing pieces proposes what is done.
    let guichet = |lane: &str, wait: f64, as_check: bool| {
        let mut b = rework(0.3)
            .requests("depot", &["rib", "domicile"])
            .checks("c", &["rib", "domicile"])
            .channel("depot", Channel::Online)
            .channel("c", Channel::Internal);
        b.p.actors.push(Actor {
            id: "sys".into(),
            name: "Guichet en ligne".into(),
            kind: ActorKind::System,
            hourly_cost_eur: None,
            extra: Extra::new(),
        });
        b.p.remove_flow("f2").expect("depot to check");
        let label = "Contrôler les pièces obligatoires de la demande";
        let b = if as_check { b.check("g", lane, label) } else { b.task("g", lane, label) };
        b.wait("g", wait).channel("g", Channel::Internal).checks("g", &["rib", "domicile"]).chain(&["depot", "g", "c"])
    };
    check(&guichet("sys", 0.0, true).build(), "rework-loop", &[]);
    // Near misses: the system's check waits (a batch at night, once the user has left); a
    // person checks, if only for a moment; the system records the filing as a task.
    check(&guichet("sys", 420.0, true).build(), "rework-loop", &["c d r"]);
    check(&guichet("a", 0.0, true).build(), "rework-loop", &["c d r"]);
    check(&guichet("sys", 0.0, false).build(), "rework-loop", &["c d r"]);
    // The submission's channel left out: the system's check the moment it is sent says it was
    // online; the near misses stay flagged.
    let unknown = |mut b: B| {
        b.p.step_mut("depot").expect("the submission").channel = None;
        b.build()
    };
    check(&unknown(guichet("sys", 0.0, true)), "rework-loop", &[]);
    check(&unknown(guichet("sys", 420.0, true)), "rework-loop", &["c d r"]);
    check(&unknown(guichet("b", 0.0, true)), "rework-loop", &["c d r"]);
}

#[test]
fn does_not_fire_without_a_loop_or_when_it_is_never_taken() {
    let straight = B::new().start("s").task("t", "a", "Instruire").end("e").chain(&["s", "t", "e"]).build();
    check(&straight, "rework-loop", &[]);
}

#[test]
fn fires_on_the_way_no_check_at_the_filing_covers() {
    use crate::model::{Actor, ActorKind, Channel, Extra};
    // The declaration filed online is checked by the service the moment it is sent; the paper
    // form posted beside it is checked by no one before the office, which sends one file in three
    // back: the loop is told of the paper way, whose filing is the one to check (although the
    // online filing is nearer the check than the paper form, registered by the mail desk first).
    let two_ways = |paper_checked: bool| {
        let mut b = B::new()
            .start("s")
            .decision("v")
            .task("depot", "u", "Déclarer en ligne")
            .channel("depot", Channel::Online)
            .requests("depot", &["statuts"])
            .check("g", "sys", "Contrôler les pièces obligatoires")
            .channel("g", Channel::Internal)
            .checks("g", &["statuts"])
            .task("papier", "u", "Envoyer le formulaire papier")
            .channel("papier", Channel::Paper)
            .requests("papier", &["statuts"])
            .task("saisie", "a", "Enregistrer le courrier")
            .check("c", "a", "Vérifier la complétude")
            .checks("c", &["statuts"])
            .dur("c", 10.0)
            .decision("d")
            .task("r", "u", "Compléter le dossier")
            .requests("r", &["statuts"])
            .dur("r", 20.0)
            .wait("r", 100.0)
            .end("e")
            .chain(&["s", "v"])
            .prob("v", "depot", 0.7)
            .prob("v", "papier", 0.3)
            .chain(&["depot", "g", "c", "d"])
            .chain(&["papier", "saisie", "c"])
            .prob("d", "r", 0.3)
            .prob("d", "e", 0.7)
            .chain(&["r", "c"]);
        if paper_checked {
            b = b.checks("papier", &["statuts"]);
        }
        b.p.actors.push(Actor {
            id: "sys".into(),
            name: "Téléservice".into(),
            kind: ActorKind::System,
            hourly_cost_eur: None,
            extra: Extra::new(),
        });
        b.build()
    };
    let p = two_ways(false);
    check(&p, "rework-loop", &["c d r"]);
    let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").expect("fires");
    assert!(f.explanation_fr.contains("« Envoyer le formulaire papier »"), "{}", f.explanation_fr);
    // Near miss: both ways check the pieces as they are handed in.
    check(&two_ways(true), "rework-loop", &[]);
}

#[test]
fn one_branch_of_a_parallel_block_checking_the_pieces_covers_the_case() {
    // The association files its grant request with the region and, at the same time, with the
    // department (co-funding): both ask for the RIB, and the region's instructor sends the file
    // back when it is missing. Every case goes through both filings: once the region's filing
    // checks the RIB, the case has been checked upfront, and the department's filing is not
    // another way in to propose the check at again.
    let cofunded = |region_checks: bool| {
        let b = B::new()
            .start("s")
            .par("f")
            .task("region", "u", "Déposer la demande sur le portail de la région")
            .requests("region", &["rib"])
            .task("dept", "u", "Déposer la demande sur le portail du département")
            .requests("dept", &["rib"])
            .par("j")
            .check("c", "b", "Vérifier la complétude")
            .checks("c", &["rib"])
            .dur("c", 10.0)
            .decision("d")
            .task("r", "u", "Compléter le dossier")
            .requests("r", &["rib"])
            .dur("r", 20.0)
            .wait("r", 100.0)
            .end("e")
            .chain(&["s", "f", "region", "j"])
            .chain(&["f", "dept", "j", "c", "d"])
            .prob("d", "r", 0.3)
            .prob("d", "e", 0.7)
            .chain(&["r", "c"]);
        if region_checks { b.checks("region", &["rib"]).build() } else { b.build() }
    };
    let f = analyze(&cofunded(false), &Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "rework-loop")
        .expect("fires");
    assert_eq!(f.suggestion, Some("check-upfront"));
    assert!(f.explanation_fr.contains("« Déposer la demande sur le portail "), "{}", f.explanation_fr);
    // Near miss: the region's portal checks the RIB; the department's filing of the same case
    // is no way round that check.
    check(&cofunded(true), "rework-loop", &[]);
}

/// The inspector visits the premises the user described in the filing and lists what is to be
/// corrected; the user does the works and sends their proofs, and the inspector visits again.
fn visit_then_works(works_ask: &[&str]) -> B {
    completeness_then(works_ask).produces("c", &["rapport"])
}

/// The same loop round a check that writes no report of its own (a completeness check).
fn completeness_then(asked: &[&str]) -> B {
    rework(0.25).requests("depot", &["plans", "haccp"]).checks("c", &["plans", "haccp"]).requests("r", asked)
}

#[test]
fn a_return_for_corrections_the_filing_never_held_proposes_no_check_at_the_filing() {
    // The proofs of the works are asked for nowhere before the loop and the visit does not check
    // them as such: the return answers what the visit found, which no check at the filing would
    // have caught. Still a loop (its cost is real), but nothing upfront is proposed.
    let p = visit_then_works(&["justificatifs"]).build();
    check(&p, "rework-loop", &["c d r"]);
    let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap();
    assert_eq!(f.suggestion, None);
    assert!(!f.explanation_fr.contains("dès l'étape"), "{}", f.explanation_fr);
    assert!(f.explanation_fr.contains("corriger ce que le contrôle a relevé"), "{}", f.explanation_fr);
    assert!(f.explanation_en.contains("correct what the check found"), "{}", f.explanation_en);
}

#[test]
fn a_return_for_pieces_of_the_filing_still_proposes_the_check_at_the_filing() {
    // Near misses: the loop asks again for the plans the filing handed in and the visit checks;
    // or for a piece the check does not list but the filing handed in (the drawing left it out
    // of the check): both are pieces of the filing, to check when it is handed in.
    for asked in [&["plans"][..], &["justificatifs"][..]] {
        let b = visit_then_works(asked);
        let b = if asked == ["justificatifs"] { b.requests("depot", &["justificatifs"]) } else { b };
        let p = b.build();
        check(&p, "rework-loop", &["c d r"]);
        let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap();
        assert_eq!(f.suggestion, Some("check-upfront"), "{asked:?}");
    }
    // Nor a completeness check (no report of its own) whose return asks for a piece the filing
    // never asked for: the piece is to be asked for, and checked, at the filing.
    let p = completeness_then(&["justificatifs"]).build();
    let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap();
    assert_eq!(f.suggestion, Some("check-upfront"));
}

/// A record sent back by a partner to the service that keyed it: the loop holds no step of the
/// user.
fn sent_back_to_the_service() -> B {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .task("saisie", "b", "Saisir la fiche sur le portail")
        .check("c", "d", "Intégrer et contrôler la fiche")
        .decision("d")
        .task("renvoi", "d", "Renvoyer la fiche en anomalie")
        .task("corr", "b", "Corriger la fiche")
        .end("e")
        .chain(&["s", "depot", "saisie", "c", "d"])
        .prob("d", "renvoi", 0.1)
        .prob("d", "e", 0.9)
        .chain(&["renvoi", "corr", "c"])
        .enters("saisie", &["fiche"])
        .checks("c", &["fiche"])
}

#[test]
fn advises_a_check_where_the_file_is_keyed_when_the_loop_does_not_go_back_to_the_user() {
    let advice = |b: B| {
        let p = b.build();
        let f = analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").unwrap();
        (f.explanation_fr, f.explanation_en)
    };
    let (fr, en) = advice(sent_back_to_the_service());
    assert!(fr.contains("Ce retour ne passe pas par l'usager"), "{fr}");
    assert!(!fr.contains("premier contact"), "{fr}");
    assert!(en.contains("This return does not go through the user"), "{en}");
    // Near miss: the file sent back to the user, with no filing before the loop that hands in what
    // the check verifies: the first contact with the user is where to check it.
    let to_the_user = B::new()
        .start("s")
        .check("c", "a", "Vérifier la complétude")
        .decision("d")
        .task("r", "u", "Compléter le dossier")
        .end("e")
        .chain(&["s", "c", "d"])
        .prob("d", "r", 0.2)
        .prob("d", "e", 0.8)
        .chain(&["r", "c"])
        .checks("c", &["dossier"]);
    let (fr, _) = advice(to_the_user);
    assert!(fr.contains("dès le premier contact"), "{fr}");
    assert!(!fr.contains("ne passe pas par l'usager"), "{fr}");
}

#[test]
fn advises_fetching_the_pieces_an_administration_holds_rather_than_checking_them() {
    // The tax notice the DGFiP holds, asked with the RIB and missing on one file in three: the
    // RIB is to be checked at the filing, the notice obtained from its holder (as `once-only`
    // says), not checked there.
    let advice = |b: B| {
        analyze(&b.build(), &Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "rework-loop")
            .expect("fires")
            .explanation_fr
    };
    let both = rework(0.3).requests("depot", &["rib", "avis"]).checks("c", &["rib", "avis"]).held("avis", "DGFiP");
    let text = advice(both);
    assert!(
        text.contains(
            "Contrôler « RIB » dès l'étape « Déposer le dossier » (une liste des pièces à cocher accompagne le \
             formulaire, ou un dépôt en ligne signale les pièces manquantes avant l'envoi) et obtenir « Avis d'imposition » directement de \
             l'administration détentrice réduiraient ces retours"
        ),
        "{text}"
    );
    // Every piece held: only obtaining them is advised.
    let held = rework(0.3).requests("depot", &["avis"]).checks("c", &["avis"]).held("avis", "DGFiP");
    let text = advice(held);
    assert!(
        text.contains("Obtenir « Avis d'imposition » directement de l'administration détentrice réduirait ces retours"),
        "{text}"
    );
    // Near miss: no piece held, the check at the filing alone.
    let text = advice(rework(0.3).requests("depot", &["rib"]).checks("c", &["rib"]));
    assert!(text.contains("Contrôler « RIB » dès l'étape « Déposer le dossier »"), "{text}");
    assert!(!text.contains("Obtenir") && !text.contains("obtenir"), "{text}");
}
