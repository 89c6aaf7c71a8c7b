//! Transformations on the samples (one test each, with their refusals), the whole
//! simplification, and the spec's invariants on generated procedures.

use proptest::prelude::*;

use super::*;
use crate::analysis::Settings;
use crate::format::from_str;
use crate::model::{Channel, Medium, StepKind};

fn sample(name: &str) -> Procedure {
    let path = format!("{}/../../assets/samples/{name}.epure.json", env!("CARGO_MANIFEST_DIR"));
    from_str(&std::fs::read_to_string(path).expect("sample")).expect("sample reads")
}

/// The first finding of `rule` on the sample, and the procedure.
fn finding(name: &str, rule: &str, pick: impl Fn(&Finding) -> bool) -> (Procedure, Finding) {
    let p = sample(name);
    let f = analysis::analyze(&p, &Settings::from_procedure(&p))
        .findings
        .into_iter()
        .find(|f| f.rule == rule && pick(f))
        .unwrap_or_else(|| panic!("{name}: a {rule} finding"));
    (p, f)
}

fn apply(p: &Procedure, f: &Finding) -> Procedure {
    transform(p, f, &Settings::from_procedure(p)).unwrap_or_else(|r| panic!("{}: {}", f.rule, r.reason_en))
}

fn metrics(p: &Procedure) -> analysis::Metrics {
    analysis::analyze(p, &Settings::from_procedure(p)).metrics
}

fn requesters(p: &Procedure, data: &str) -> Vec<String> {
    p.steps().filter(|s| s.requests.iter().any(|d| d == data)).map(|s| s.id.clone()).collect()
}

#[test]
fn remove_step_bypasses_a_transit_step() {
    let (p, f) = finding("licence-debit-boissons", "transit-step", |_| true);
    let gone = f.subjects[0].clone();
    let after = apply(&p, &f);
    assert!(after.step(&gone).is_none());
    assert_eq!(after.step_count(), p.step_count() - 1);
    assert!(metrics(&after).lead_time_min <= metrics(&p).lead_time_min);
}

#[test]
fn a_step_with_a_legal_basis_is_never_removed() {
    let p = sample("aide-sociale");
    let with_basis =
        p.steps().find(|s| s.legal_basis.is_some() && s.kind.is_work()).expect("a step with a legal basis");
    let f = Finding {
        rule: "waste-step",
        severity: analysis::Severity::Info,
        subjects: vec![with_basis.id.clone()],
        title_fr: String::new(),
        title_en: String::new(),
        explanation_fr: String::new(),
        explanation_en: String::new(),
        gain: analysis::Gain::default(),
        suggestion: Some("remove-step"),
    };
    let r = transform(&p, &f, &Settings::default()).expect_err("refused");
    assert!(r.reason_fr.contains("base légale"), "{}", r.reason_fr);
}

#[test]
fn ask_once_keeps_only_the_first_request() {
    let (p, f) = finding("cantine-scolaire", "once-only", |f| f.suggestion == Some("ask-once"));
    let d = f.subjects[0].clone();
    assert!(requesters(&p, &d).len() >= 2);
    let after = apply(&p, &f);
    assert_eq!(requesters(&after, &d), requesters(&p, &d)[..1]);
    assert!(metrics(&after).requests_per_case < metrics(&p).requests_per_case);
}

#[test]
fn fetch_from_holder_stops_asking_the_user() {
    let (p, f) = finding("cantine-scolaire", "once-only", |f| f.suggestion == Some("fetch-from-holder"));
    let d = f.subjects[0].clone();
    let after = apply(&p, &f);
    assert!(requesters(&after, &d).is_empty(), "no longer asked of the user");
    let holder = p.data_item(&d).expect("item").held_by.join(", ");
    if p.steps().any(|s| s.checks.contains(&d) || s.enters.contains(&d)) {
        let fetch = after.steps().find(|s| s.produces.contains(&d)).expect("a step gets it from the holder");
        assert!(fetch.label().contains(&holder), "{}", fetch.label());
        // Named in brackets: "auprès de CAF" lacks the article French needs.
        assert!(fetch.label().contains(&format!("auprès du détenteur ({holder})")), "{}", fetch.label());
        assert_eq!(fetch.duration(), 0.0);
        // The exchange between systems takes no one's time and leaves the steps unclassified:
        // the cycle efficiency keeps its basis (it would drop to 0 % on "value-adding" time).
        assert_eq!(fetch.value, None);
    }
    assert_eq!(metrics(&after).cycle_efficiency_basis, metrics(&p).cycle_efficiency_basis);
    // The file coming back round the completeness loop goes back to the check, not to the fetch.
    assert_eq!(after.flow("f12").map(|r| (r.from, r.to)), Some(("complement-famille", "verif-completude")));
}

#[test]
fn enter_once_drops_the_second_entry() {
    let (p, f) =
        finding("cantine-scolaire", "rekeying", |f| f.suggestion == Some("enter-once") && f.subjects.len() >= 3);
    let d = f.subjects[0].clone();
    let enterers = |p: &Procedure| p.steps().filter(|s| s.enters.contains(&d)).count();
    assert!(enterers(&p) >= 2);
    let after = apply(&p, &f);
    assert_eq!(enterers(&after), 1);
    assert!(metrics(&after).touch_time_min <= metrics(&p).touch_time_min);
}

#[test]
fn single_approval_keeps_the_last_signature() {
    let (p, f) = finding("licence-debit-boissons", "approval-chain", |f| f.suggestion == Some("single-approval"));
    let after = apply(&p, &f);
    let approvals: Vec<&String> =
        f.subjects.iter().filter(|s| p.step(s).is_some_and(|s| s.kind == StepKind::Approval)).collect();
    let last = approvals.last().expect("approvals");
    assert!(after.step(last).is_some(), "the highest authority still signs");
    let left = approvals.iter().filter(|s| after.step(s).is_some()).count();
    assert!(left < approvals.len());
}

#[test]
fn reassign_step_moves_the_short_steps_home() {
    let (p, f) = finding("licence-debit-boissons", "ping-pong", |_| true);
    let after = apply(&p, &f);
    let home = p.step(&f.subjects[0]).and_then(|s| s.actor.clone());
    let middle: Vec<&String> = f.subjects[1..f.subjects.len() - 1].iter().filter(|s| p.step(s).is_some()).collect();
    assert!(middle.iter().any(|s| after.step(s).and_then(|s| s.actor.clone()) == home));
    assert!(metrics(&after).handoffs_per_case < metrics(&p).handoffs_per_case);
}

#[test]
fn go_digital_makes_the_flow_and_next_step_digital() {
    let (p, f) = finding("cantine-scolaire", "media-break", |_| true);
    let after = apply(&p, &f);
    let flow = after.flow(&f.subjects[0]).expect("the flow");
    assert!(matches!(flow.flow.medium, Some(Medium::System | Medium::Email)));
    let next = after.step(flow.to).expect("next step");
    assert!(matches!(next.channel, Some(Channel::Internal | Channel::Online)));
}

/// A finding as a rule raises it, for the cases where the rule itself would not fire (so that the
/// transformation's own refusals are tested, not only the rule's precision).
fn raised(rule: &'static str, suggestion: &'static str, subjects: &[&str]) -> Finding {
    Finding {
        rule,
        severity: analysis::Severity::Warning,
        subjects: subjects.iter().map(|s| s.to_string()).collect(),
        title_fr: String::new(),
        title_en: String::new(),
        explanation_fr: String::new(),
        explanation_en: String::new(),
        gain: analysis::Gain::default(),
        suggestion: Some(suggestion),
    }
}

/// The finding of `rule` the analysis raises on `p`.
fn fired(p: &Procedure, rule: &str) -> Finding {
    analysis::analyze(p, &Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == rule)
        .unwrap_or_else(|| panic!("a {rule} finding"))
}

/// The flows of a procedure as `from>to` (with `:probability` out of a decision), in the
/// author's order.
fn flows(p: &Procedure) -> String {
    p.flows()
        .map(|r| match r.flow.probability {
            Some(pr) => format!("{}>{}:{pr}", r.from, r.to),
            None => format!("{}>{}", r.from, r.to),
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// Data-driven check of one transformation: the flows of the result, or `refused: ` and the
/// beginning of the English reason. Every refusal also has its French reason.
fn check(p: &Procedure, f: &Finding, expect: &str) -> Option<Procedure> {
    match transform(p, f, &Settings::default()) {
        Ok(after) => {
            assert_eq!(flows(&after), expect, "{}", f.rule);
            Some(after)
        }
        Err(r) => {
            let got = format!("refused: {}", r.reason_en);
            assert!(
                expect.starts_with("refused: ") && got.starts_with(expect),
                "{}: got {got}, expected {expect}",
                f.rule
            );
            assert!(!r.reason_fr.is_empty());
            None
        }
    }
}

mod parallelize {
    use super::*;
    use crate::analysis::testkit::B;

    /// s → x → y → e, x and y in lanes `x_lane` and `c`, between a step of lane `around` (or
    /// the start and the end when it is empty). `y` checks `y_checks`.
    fn seq(around: &str, x_lane: &str, y_checks: &str, medium: Option<Medium>) -> Procedure {
        let mut b = B::new()
            .start("s")
            .check("x", x_lane, "Vérifier le casier")
            .checks("x", &["casier"])
            .produces("x", &["avis-casier"])
            .dur("x", 30.0)
            .wait("x", 420.0)
            .check("y", "c", "Vérifier la solvabilité")
            .checks("y", &[y_checks])
            .dur("y", 20.0)
            .wait("y", 840.0)
            .end("e");
        if around.is_empty() {
            b = b.chain(&["s", "x"]).flow("x", "y", 60.0, medium).chain(&["y", "e"]);
        } else {
            b = b
                .task("p", around, "Enregistrer la demande")
                .task("n", around, "Notifier la décision")
                .chain(&["s", "p", "x"])
                .flow("x", "y", 60.0, medium)
                .chain(&["y", "n", "e"]);
        }
        b.build()
    }

    #[test]
    fn independent_steps_go_between_a_fork_and_its_join() {
        let p = seq("", "b", "bilan", None);
        let f = fired(&p, "parallelizable");
        let after = check(&p, &f, "s>parallele-5 parallele-5>y jonction-6>e parallele-5>x x>jonction-6 y>jonction-6")
            .expect("applied");
        // Lead time: the longer branch (x: 450; y: 60 on the way + 860) instead of both.
        let (a, b) = (metrics(&p), metrics(&after));
        assert!((a.lead_time_min - (450.0 + 60.0 + 860.0)).abs() < 1e-9, "{}", a.lead_time_min);
        assert!((b.lead_time_min - 920.0).abs() < 1e-9, "{}", b.lead_time_min);
        assert_eq!(after.step("parallele-5").map(|s| s.kind), Some(StepKind::Parallel));
        assert!(fired_rules(&after).iter().all(|r| r != "unstructured-parallel" && r != "parallelizable"));
    }

    #[test]
    fn refusals() {
        let f = raised("parallelizable", "parallelize", &["x", "y"]);
        // y checks what x produces.
        check(&seq("", "b", "avis-casier", None), &f, "refused: step “Vérifier la solvabilité” uses “avis-casier”");
        // One paper file cannot be in two offices.
        check(&seq("", "b", "bilan", Some(Medium::Paper)), &f, "refused: the file travels on paper");
        // The case goes back to the lane it came from after each step: one more handoff.
        check(&seq("a", "b", "bilan", None), &f, "refused: this transformation would add handoffs");
        // x has a second way out.
        let mut forked = seq("", "b", "bilan", None);
        let id = forked.fresh_flow_id();
        forked.add_flow("x", "e", crate::model::Flow::new(id)).expect("flow");
        check(&forked, &f, "refused: step “Vérifier le casier” has several ways in or out");
        // Not consecutive: p stands between them.
        let apart = B::new()
            .start("s")
            .check("x", "b", "Vérifier le casier")
            .task("m", "b", "Classer")
            .check("y", "c", "Vérifier la solvabilité")
            .end("e")
            .chain(&["s", "x", "m", "y", "e"])
            .build();
        check(&apart, &f, "refused: these steps do not follow one another directly");
        check(&apart, &raised("parallelizable", "parallelize", &["x"]), "refused: nothing to transform");
    }

    #[test]
    fn mandated_approvals_are_collected_in_parallel_unless_one_needs_the_other() {
        let visas = |signs_opinion: bool| {
            let b = B::new()
                .start("s")
                .approval("v1", "b", "Avis conforme du préfet")
                .legal("v1")
                .produces("v1", &["avis-prefet"])
                .wait("v1", 2100.0)
                .approval("v2", "c", "Signer l'arrêté")
                .legal("v2")
                .wait("v2", 840.0)
                .end("e")
                .chain(&["s", "v1", "v2", "e"]);
            if signs_opinion { b.checks("v2", &["avis-prefet"]).build() } else { b.build() }
        };
        let p = visas(false);
        let f = fired(&p, "approval-chain");
        assert_eq!(f.suggestion, Some("parallelize"));
        let after =
            check(&p, &f, "s>parallele-5 parallele-5>v2 jonction-6>e parallele-5>v1 v1>jonction-6 v2>jonction-6")
                .expect("applied");
        assert_eq!(
            after.step("parallele-5").map(crate::model::Step::label),
            Some("Recueillir les validations en parallèle")
        );
        assert!(metrics(&after).lead_time_min < metrics(&p).lead_time_min);
        check(
            &visas(true),
            &f,
            "refused: step “Signer l'arrêté” uses “avis-prefet”, which “Avis conforme du préfet” produces",
        );
    }
}

mod check_upfront {
    use super::*;
    use crate::analysis::testkit::B;

    /// Filing, a completeness check, and a share `back` of files sent back to the user.
    fn rework(depot_requests: &[&str], check_checks: &[&str], back_lane: &str) -> Procedure {
        let mut b = B::new()
            .start("s")
            .task("depot", "u", "Déposer le dossier")
            .channel("depot", Channel::Online)
            .check("c", "a", "Vérifier la complétude")
            .dur("c", 10.0)
            .decision("d")
            .task("r", back_lane, "Compléter le dossier")
            .dur("r", 20.0)
            .wait("r", 100.0)
            .end("e")
            .chain(&["s", "depot", "c", "d"])
            .prob("d", "r", 0.3)
            .prob("d", "e", 0.7)
            .chain(&["r", "c"]);
        if !depot_requests.is_empty() {
            b = b.requests("depot", depot_requests);
        }
        if !check_checks.is_empty() {
            b = b.checks("c", check_checks);
        }
        b.build()
    }

    #[test]
    fn the_pieces_are_checked_when_handed_in_and_half_the_returns_avoided() {
        let p = rework(&["rib", "domicile"], &["rib", "domicile", "plans"], "u");
        let f = fired(&p, "rework-loop");
        assert_eq!(f.suggestion, Some("check-upfront"));
        assert!(f.explanation_fr.contains("de 30 % à 15 %"), "{}", f.explanation_fr);
        let after = check(&p, &f, "s>depot depot>c c>d d>r:0.15 d>e:0.85 r>c").expect("applied");
        let depot = after.step("depot").expect("depot");
        assert_eq!(depot.checks, ["rib", "domicile"]);
        assert!(depot.note.as_deref().is_some_and(|n| n.contains("chiffre à confirmer")));
        // The administration still checks completeness; the user does no more than before.
        assert_eq!(after.step("c"), p.step("c"));
        assert_eq!(depot.duration(), p.step("depot").expect("depot").duration());
        let (a, b) = (metrics(&p), metrics(&after));
        assert!(b.lead_time_min < a.lead_time_min && b.user_contacts < a.user_contacts);
        // The returns left are about what the pieces say: the loop is no longer flagged, and
        // proposing the same again is refused with the reason.
        assert!(
            !analysis::analyze(&after, &Settings::default()).findings.iter().any(|f| f.rule == "rework-loop"),
            "the simplified loop is not flagged again"
        );
        check(&after, &f, "refused: the pieces are already checked when handed in (“Déposer le dossier”)");
    }

    #[test]
    fn the_pieces_are_checked_on_every_way_in_at_once() {
        // The request is filed online or on the paper form (60 / 40); neither checks the pieces,
        // and the service sends one file in three back. Checking at the online filing only would
        // leave the paper files sent back as before, and the same finding raised again.
        let p = B::new()
            .start("s")
            .decision("v")
            .task("web", "u", "Déposer la demande en ligne")
            .channel("web", Channel::Online)
            .requests("web", &["rib"])
            .task("papier", "u", "Envoyer le formulaire papier")
            .channel("papier", Channel::Paper)
            .requests("papier", &["rib"])
            .decision("m")
            .check("c", "b", "Vérifier la complétude")
            .checks("c", &["rib"])
            .dur("c", 10.0)
            .decision("d")
            .task("r", "u", "Compléter le dossier")
            .requests("r", &["rib"])
            .end("e")
            .chain(&["s", "v"])
            .prob("v", "web", 0.6)
            .prob("v", "papier", 0.4)
            .chain(&["web", "m", "c", "d"])
            .chain(&["papier", "m"])
            .prob("d", "r", 0.3)
            .prob("d", "e", 0.7)
            .chain(&["r", "c"])
            .build();
        let f = fired(&p, "rework-loop");
        assert!(
            f.explanation_fr
                .contains("dès les étapes « Déposer la demande en ligne » et « Envoyer le formulaire papier »"),
            "{}",
            f.explanation_fr
        );
        let after = transform(&p, &f, &Settings::default()).expect("applied");
        for way in ["web", "papier"] {
            assert_eq!(after.step(way).expect("a filing").checks, ["rib"], "{way}");
        }
        assert!(
            !analysis::analyze(&after, &Settings::default()).findings.iter().any(|f| f.rule == "rework-loop"),
            "the simplified loop is not flagged again"
        );
    }

    #[test]
    fn refusals() {
        let f = raised("rework-loop", "check-upfront", &["c", "d", "r"]);
        // The file goes back to another service, not to the user.
        check(&rework(&["rib"], &["rib"], "b"), &f, "refused: the loop does not send the file back to the user");
        // The decision follows no check of data.
        check(&rework(&["rib"], &[], "u"), &f, "refused: no check of pieces decides the return");
        // The user hands in nothing the check verifies.
        check(&rework(&["rib"], &["plans"], "u"), &f, "refused: no step of the user before the loop hands in");
        let straight = B::new().start("s").task("t", "a", "Instruire").end("e").chain(&["s", "t", "e"]).build();
        check(&straight, &raised("rework-loop", "check-upfront", &["t"]), "refused: no decision of the loop");
    }
}

mod move_earlier {
    use super::*;
    use crate::analysis::testkit::B;

    /// Filing, a long instruction, then the admissibility check that decides a refusal.
    fn late(decider: StepKind, decider_checks: &str, refusal_checks: Option<&str>) -> Procedure {
        let b = B::new()
            .start("s")
            .task("depot", "u", "Déposer la demande")
            .requests("depot", &["formulaire", "plans"])
            .task("instr", "b", "Instruire sur place et rédiger l'avis technique")
            .dur("instr", 90.0)
            .wait("instr", 2100.0)
            .checks("instr", &["plans"])
            .produces("instr", &["avis-technique"]);
        let b = match decider {
            StepKind::Approval => b.approval("recv", "c", "Arbitrer et signer"),
            _ => b.check("recv", "c", "Vérifier la recevabilité"),
        };
        let b = b
            .dur("recv", 10.0)
            .checks("recv", &[decider_checks])
            .decision("d")
            .task("notif", "b", "Notifier l'accord")
            .task("refus", "b", "Notifier le refus")
            .end("ok")
            .refused("ko")
            .chain(&["s", "depot", "instr", "recv", "d"])
            .prob("d", "notif", 0.8)
            .prob("d", "refus", 0.2)
            .chain(&["notif", "ok"])
            .chain(&["refus", "ko"]);
        match refusal_checks {
            Some(d) => b.checks("refus", &[d]).build(),
            None => b.build(),
        }
    }

    #[test]
    fn the_knockout_comes_before_the_work_it_does_not_use() {
        let p = late(StepKind::Check, "formulaire", None);
        let f = fired(&p, "late-knockout");
        assert_eq!(f.subjects, ["d", "recv", "instr"]);
        let after = check(&p, &f, "s>depot depot>recv instr>notif recv>d d>instr:0.8 d>refus:0.2 notif>ok refus>ko")
            .expect("applied");
        let order: Vec<&str> = after.steps().map(|s| s.id.as_str()).collect();
        assert_eq!(order[..5], ["s", "depot", "recv", "d", "instr"]);
        let (a, b) = (metrics(&p), metrics(&after));
        // Refused files (20 %) no longer wait for and go through the instruction.
        assert!((a.lead_time_min - b.lead_time_min - 0.2 * (90.0 + 2100.0)).abs() < 1e-9);
        assert!((a.touch_time_min - b.touch_time_min - 0.2 * 90.0).abs() < 1e-9);
        assert!(!fired_rules(&after).contains(&"late-knockout".to_owned()));
    }

    #[test]
    fn refusals() {
        let f = raised("late-knockout", "move-earlier", &["d", "recv", "instr"]);
        check(
            &late(StepKind::Approval, "formulaire", None),
            &f,
            "refused: the deciding step (“Arbitrer et signer”) is a signature",
        );
        check(
            &late(StepKind::Check, "avis-technique", None),
            &f,
            "refused: “Instruire sur place et rédiger l'avis technique” produces “avis-technique”, which the decision or the refusal needs",
        );
        // A refusal motivated by the technical opinion needs the instruction first.
        check(&late(StepKind::Check, "formulaire", Some("avis-technique")), &f, "refused: “Instruire sur place");
        // The work the decision ignores is not just before it.
        check(
            &late(StepKind::Check, "formulaire", None),
            &raised("late-knockout", "move-earlier", &["d", "recv"]),
            "refused: the work the decision does not use is not just before",
        );
        // Two ways on besides the refusal.
        let mut two = late(StepKind::Check, "formulaire", None);
        let to_notif = two.flows().find(|r| r.from == "d" && r.to == "notif").map(|r| r.flow.id.clone());
        two.flow_mut(&to_notif.expect("d → notif")).expect("flow").probability = Some(0.5);
        let id = two.fresh_flow_id();
        let mut extra = crate::model::Flow::new(id);
        extra.probability = Some(0.3);
        two.add_flow("d", "ok", extra).expect("flow");
        check(&two, &f, "refused: the decision has several ways on besides the refusal");
    }
}

fn fired_rules(p: &Procedure) -> Vec<String> {
    analysis::analyze(p, &Settings::default()).findings.into_iter().map(|f| f.rule.to_owned()).collect()
}

#[test]
fn check_upfront_on_the_samples_halves_the_returns_for_missing_pieces() {
    for (name, submission, back_flow, before, items) in [
        ("permis-construire", "depot-pc", "f5", 0.4, &["cerfa", "plans", "notice", "insertion"][..]),
        (
            "cantine-scolaire",
            "retour-fiche-cantine",
            "f9",
            0.3,
            &["fiche-cantine", "justif-domicile", "mandat-sepa"][..],
        ),
    ] {
        let (p, f) = finding(name, "rework-loop", |_| true);
        assert_eq!(f.suggestion, Some("check-upfront"));
        let after = apply(&p, &f);
        let prob = after.flow(back_flow).and_then(|r| r.flow.probability);
        assert_eq!(prob, Some(before / 2.0), "{name}");
        assert_eq!(after.step(submission).expect("submission").checks, items, "{name}");
        let (a, b) = (metrics(&p), metrics(&after));
        assert!(b.lead_time_min < a.lead_time_min && b.user_contacts < a.user_contacts, "{name}");
    }
}

#[test]
fn a_signature_is_not_moved_before_the_work_it_signs() {
    let (p, f) = finding("licence-debit-boissons", "late-knockout", |_| true);
    let r = transform(&p, &f, &Settings::from_procedure(&p)).expect_err("refused");
    assert!(r.reason_fr.contains("signature"), "{}", r.reason_fr);
}

#[test]
fn proposals_show_changes_and_effects_computed_by_applying_them() {
    let p = sample("cantine-scolaire");
    let list = proposals(&p, &Settings::from_procedure(&p));
    assert!(!list.is_empty());
    for prop in &list {
        match (&prop.changes, &prop.effect, &prop.refusal) {
            (Some(changes), Some(effect), None) => {
                assert!(
                    !changes.is_empty() || prop.finding.rule == "media-break",
                    "{} changes something",
                    prop.finding.rule
                );
                assert!(
                    effect.lead_time_min <= 1e-6
                        && effect.handoffs_per_case <= 1e-6
                        && effect.requests_per_case <= 1e-6
                );
            }
            (None, None, Some(r)) => assert!(!r.reason_fr.is_empty()),
            other => panic!("inconsistent proposal: {other:?}"),
        }
    }
}

#[test]
fn simplifying_every_sample_removes_the_accepted_findings_and_is_idempotent() {
    let dir = format!("{}/../../assets/samples", env!("CARGO_MANIFEST_DIR"));
    for entry in std::fs::read_dir(dir).expect("samples") {
        let path = entry.expect("entry").path();
        if !path.to_string_lossy().ends_with(".epure.json") {
            continue;
        }
        let p = from_str(&std::fs::read_to_string(&path).expect("read")).expect("reads");
        let settings = Settings::from_procedure(&p);
        let once = simplify(&p, &Accept::All, &settings);
        let t = &once.procedure;
        assert_eq!(t.meta.variant(), Variant::Target);
        assert_eq!(t.meta.derived_from, p.meta.id);
        let remaining = analysis::analyze(t, &settings).findings;
        for applied in once.steps.iter().filter(|s| s.refusal.is_none()) {
            let again = remaining.iter().find(|f| f.rule == applied.rule && f.subjects == applied.subjects);
            assert!(again.is_none(), "{}: {} still found after it was applied", path.display(), applied.rule);
        }
        let (a, b) = (metrics(&p), metrics(t));
        assert!(b.lead_time_min <= a.lead_time_min + 1e-6 && b.handoffs_per_case <= a.handoffs_per_case + 1e-6);
        assert!(b.user_contacts <= a.user_contacts + 1e-6, "{}: no more contacts with the user", path.display());
        // The administration's work is never handed to the user.
        let user_lanes: Vec<&str> =
            p.actors.iter().filter(|a| a.kind == crate::model::ActorKind::User).map(|a| a.id.as_str()).collect();
        for s in t.steps().filter(|s| p.step(&s.id).is_some()) {
            let was_user = p.step(&s.id).and_then(|o| o.actor.as_deref()).is_some_and(|a| user_lanes.contains(&a));
            let is_user = s.actor.as_deref().is_some_and(|a| user_lanes.contains(&a));
            assert_eq!(was_user, is_user, "{}: {} stays on its side of the counter", path.display(), s.id);
        }
        let twice = simplify(t, &Accept::All, &settings);
        assert!(compare::diff(t, &twice.procedure).is_empty(), "{}: simplifying again changes nothing", path.display());
        assert!(twice.steps.iter().all(|s| s.refusal.is_some()));
    }
}

#[test]
fn only_the_accepted_rules_are_applied() {
    let p = sample("cantine-scolaire");
    let accept = Accept::Rules(["once-only".to_owned()].into_iter().collect());
    let s = simplify(&p, &accept, &Settings::from_procedure(&p));
    assert!(!s.steps.is_empty());
    assert!(s.steps.iter().all(|st| st.rule == "once-only"));
}

/// The spec's invariants between a procedure and a transformed version, checked from the
/// figures themselves rather than trusted to the guard: the end stays reachable, no used data
/// item loses its source, lead time, handoffs, requests and contacts per case never grow.
fn invariants(p: &Procedure, t: &Procedure) -> Result<(), String> {
    if crate::format::from_str(&crate::format::to_string(t)).is_err() {
        return Err("not valid".into());
    }
    if reaches_end(p) && !reaches_end(t) {
        return Err("end unreachable".into());
    }
    let (a, b) = (metrics(p), metrics(t));
    for (name, before, after) in [
        ("lead time", a.lead_time_min, b.lead_time_min),
        ("handoffs per case", a.handoffs_per_case, b.handoffs_per_case),
        ("requests per case", a.requests_per_case, b.requests_per_case),
        ("user contacts", a.user_contacts, b.user_contacts),
    ] {
        if after > before + 1e-6 {
            return Err(format!("{name} {before} -> {after}"));
        }
    }
    let (sourced_before, sourced_after) = (sourced(p), sourced(t));
    for st in t.steps() {
        for d in st.checks.iter().chain(&st.enters) {
            if sourced_before.contains(d.as_str()) && !sourced_after.contains(d.as_str()) {
                return Err(format!("{d} lost its source at {}", st.id));
            }
        }
    }
    Ok(())
}

/// The transformations that reorganise the graph.
const REORGANISING: [&str; 3] = ["parallelize", "check-upfront", "move-earlier"];

/// Applies each reorganising transformation to every finding of a generated procedure that
/// suggests it; returns how many applied, by transformation, or the first broken invariant.
fn reorganise_generated(seed: u64, size: usize) -> Result<[usize; 3], String> {
    let p = crate::synthetic::procedure(seed, size);
    let settings = Settings::default();
    let mut applied = [0; 3];
    for f in analysis::analyze(&p, &settings).findings {
        let Some(i) = REORGANISING.iter().position(|s| f.suggestion == Some(*s)) else { continue };
        let Ok(t) = transform(&p, &f, &settings) else { continue };
        invariants(&p, &t).map_err(|e| format!("seed {seed}, size {size}, {}: {e}", REORGANISING[i]))?;
        // A fixed point: the same finding, raised again on the result, transforms nothing more.
        let again = analysis::analyze(&t, &settings)
            .findings
            .into_iter()
            .find(|g| g.rule == f.rule && g.subjects == f.subjects);
        if let Some(g) = again
            && transform(&t, &g, &settings).is_ok()
        {
            return Err(format!("seed {seed}, size {size}, {}: applies again", REORGANISING[i]));
        }
        applied[i] += 1;
    }
    Ok(applied)
}

/// The property tests below would prove nothing if the generator never gave the reorganising
/// transformations anything to do: on these seeds each applies several times.
#[test]
fn the_reorganising_transformations_apply_on_generated_procedures() {
    let mut total = [0; 3];
    for seed in 0..200u64 {
        let applied = reorganise_generated(seed, 5 + (seed as usize % 40)).unwrap_or_else(|e| panic!("{e}"));
        for (t, a) in total.iter_mut().zip(applied) {
            *t += a;
        }
    }
    assert!(total.iter().all(|&n| n >= 2), "applied: {total:?} ({REORGANISING:?})");
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    /// Each reorganising transformation, on its own, keeps the spec's invariants and is a
    /// fixed point.
    #[test]
    fn reorganising_transformations_keep_the_invariants(seed in any::<u64>(), size in 5usize..48) {
        let outcome = reorganise_generated(seed, size);
        prop_assert!(outcome.is_ok(), "{}", outcome.err().unwrap_or_default());
    }
}

proptest! {
    // Each case simplifies twice, analysing the procedure after every change: keep it modest.
    #![proptest_config(ProptestConfig::with_cases(12))]

    /// The spec's invariants: the end stays reachable, no used data item loses its source,
    /// lead time, handoffs and requests per case never grow, and once is as good as twice.
    #[test]
    fn simplification_invariants_on_generated_procedures(seed in any::<u64>(), size in 5usize..48) {
        let p = crate::synthetic::procedure(seed, size);
        let settings = Settings::default();
        let s = simplify(&p, &Accept::All, &settings);
        let t = &s.procedure;
        let kept = invariants(&p, t);
        prop_assert!(kept.is_ok(), "{}", kept.err().unwrap_or_default());
        let twice = simplify(t, &Accept::All, &settings);
        prop_assert!(compare::diff(t, &twice.procedure).is_empty());
    }
}

#[test]
fn only_the_accepted_findings_are_applied_and_a_rejected_one_stays() {
    let p = sample("cantine-scolaire");
    let settings = Settings::from_procedure(&p);
    let list: Vec<Proposal> = proposals(&p, &settings).into_iter().filter(|x| x.refusal.is_none()).collect();
    let once_only: Vec<&Proposal> = list.iter().filter(|x| x.finding.rule == "once-only").collect();
    assert!(once_only.len() >= 2, "the canteen asks twice and for a piece a holder has");
    let (taken, left) = (&once_only[0].finding, &once_only[1].finding);
    let keys = BTreeSet::from([(taken.rule.to_owned(), taken.subjects.clone())]);
    let result = simplify(&p, &Accept::Findings(keys), &settings);
    let applied: Vec<(&str, &[String])> =
        result.steps.iter().filter(|s| s.refusal.is_none()).map(|s| (s.rule, s.subjects.as_slice())).collect();
    assert_eq!(applied, vec![(taken.rule, taken.subjects.as_slice())]);
    let remaining = analysis::analyze(&result.procedure, &settings).findings;
    assert!(remaining.iter().any(|f| f.rule == left.rule && f.subjects == left.subjects), "the rejected one stays");
    assert!(!remaining.iter().any(|f| f.rule == taken.rule && f.subjects == taken.subjects));
    assert_eq!(result.procedure.meta.variant(), Variant::Target);
    // Nothing accepted: the target is the procedure itself.
    let none = simplify(&p, &Accept::Findings(BTreeSet::new()), &settings);
    assert!(compare::diff(&p, &none.procedure).is_empty() && none.steps.is_empty());
}

/// A procedure of fixtures/ (written for the analysis tests).
fn fixture(name: &str) -> Procedure {
    let path = format!("{}/tests/fixtures/{name}.epure.json", env!("CARGO_MANIFEST_DIR"));
    from_str(&std::fs::read_to_string(path).expect("fixture")).expect("fixture reads")
}

fn first_finding(p: &Procedure, rule: &str, pick: impl Fn(&Finding) -> bool) -> Finding {
    analysis::analyze(p, &Settings::from_procedure(p))
        .findings
        .into_iter()
        .find(|f| f.rule == rule && pick(f))
        .unwrap_or_else(|| panic!("a {rule} finding"))
}

#[test]
fn a_users_step_left_with_nothing_to_hand_over_goes() {
    // MAPA: the attestations and the Kbis, fetched from their holders, leave "Transmettre les
    // attestations et le Kbis" with nothing to do: the company is not contacted for it any more.
    let mut p = fixture("marche-mapa");
    for item in ["attestations", "kbis"] {
        let f = first_finding(&p, "once-only", |f| f.suggestion == Some("fetch-from-holder") && f.subjects[0] == item);
        p = apply(&p, &f);
    }
    assert!(p.step("envoi-attestations").is_none(), "the hand-over step is gone");
    assert!(p.step("offre").is_some_and(|s| !s.requests.is_empty()), "the offer itself stays");
    // MDPH: the RIB asked by the CAF and by the Département, on parallel branches, is given once;
    // "Envoyer un RIB au Département pour la PCH" goes, and the user has one contact less.
    let p = fixture("mdph-aah-pch");
    let f = first_finding(&p, "once-only", |f| f.suggestion == Some("ask-once") && f.subjects[0] == "rib");
    let after = apply(&p, &f);
    assert!(after.step("rib-pch").is_none());
    assert!(metrics(&after).user_contacts < metrics(&p).user_contacts);
}

#[test]
fn a_users_step_left_with_nothing_to_deposit_or_fill_in_goes() {
    // CROUS: the certificate of enrolment fetched from the school leaves "Déposer le certificat
    // de scolarité sur le DSE" with nothing to do; the filing of the DSE stays.
    let p = fixture("bourse-crous");
    let f = first_finding(&p, "once-only", |f| f.subjects[0] == "certificat");
    let after = apply(&p, &f);
    assert!(after.step("depot-certificat").is_none(), "the deposit of nothing is gone");
    assert!(metrics(&after).user_contacts < metrics(&p).user_contacts);
    // CNI: the civil status given in the ANTS pre-application is not written again on paper:
    // "Remplir le formulaire papier de demande" goes, the pre-application (the filing) stays.
    let p = fixture("carte-identite");
    let f = first_finding(&p, "once-only", |f| f.suggestion == Some("ask-once") && f.subjects[0] == "etat-civil");
    let after = apply(&p, &f);
    assert!(after.step("cerfa").is_none(), "the empty paper form is gone");
    assert!(after.step("predemande").is_some_and(|s| s.requests.contains(&"etat-civil".to_string())));
}

#[test]
fn a_deposit_that_still_hands_something_over_stays() {
    // CROUS: the parents' tax notice fetched from the DGFiP; the DSE filing still asks for the
    // identity, the family situation and the RIB, and the student's later deposit is untouched.
    let p = fixture("bourse-crous");
    let f = first_finding(&p, "once-only", |f| f.subjects[0] == "avis-fiscal");
    let after = apply(&p, &f);
    assert!(after.step("dse").is_some());
    assert!(after.step("depot-certificat").is_some(), "not touched by this change");
}

#[test]
fn a_users_step_that_is_more_than_a_hand_over_stays_emptied() {
    // Titre de séjour: the originals shown at the counter were asked at the filing; the
    // appointment stays (the user comes for the fingerprints and the card), only the pieces go.
    let p = fixture("titre-sejour");
    let f = first_finding(&p, "once-only", |f| f.suggestion == Some("ask-once"));
    let after = apply(&p, &f);
    let askers: Vec<&str> = f.subjects.iter().skip(1).map(String::as_str).collect();
    assert!(askers.iter().all(|id| after.step(id).is_some()), "{askers:?} all stay");
}

#[test]
fn a_fetch_inserted_before_paper_keying_leaves_the_media_break_in_sight() {
    // School enrolment: the quotient familial, fetched from the CAF, is needed where the paper
    // form handed in at the counter is keyed in. The exchange runs alongside the paper file: the
    // keying from paper is still flagged, on the flow into the keying step, and counted once.
    let p = fixture("inscription-scolaire");
    let f = first_finding(&p, "once-only", |f| f.suggestion == Some("fetch-from-holder") && f.subjects[0] == "qf");
    let after = apply(&p, &f);
    let fetch = after.steps().find(|s| s.produces.contains(&"qf".to_string())).expect("the fetch");
    assert_eq!(fetch.channel, None, "no channel of its own");
    let breaks = |p: &Procedure| {
        analysis::analyze(p, &Settings::from_procedure(p))
            .findings
            .into_iter()
            .filter(|f| f.rule == "media-break" && f.subjects.get(1).is_some_and(|s| s == "saisie"))
            .count()
    };
    assert_eq!(breaks(&p), 1);
    assert_eq!(breaks(&after), 1, "still keyed in from paper");
    assert_eq!(metrics(&after).media_breaks.len(), metrics(&p).media_breaks.len());
    // Filed online, nothing changes: the fetch is an exchange inside the systems.
    let p = fixture("bourse-crous");
    let f = first_finding(&p, "once-only", |f| f.subjects[0] == "avis-fiscal");
    let after = apply(&p, &f);
    let fetch = after.steps().find(|s| s.produces.contains(&"avis-fiscal".to_string())).expect("the fetch");
    assert_eq!(fetch.channel, Some(Channel::Internal));
}

/// The rules that fire on `p` with their subjects joined, for the tests below.
fn told(p: &Procedure) -> Vec<(String, String)> {
    analysis::analyze(p, &Settings::from_procedure(p))
        .findings
        .into_iter()
        .map(|f| (f.rule.to_owned(), f.subjects.join(" ")))
        .collect()
}

#[test]
fn going_digital_on_the_users_posted_form_has_them_file_it_online() {
    // APA: the paper form posted by the applicant is keyed in by the mail room. Digital end to end
    // is the applicant filing online: the form feeds the software, and the keying goes.
    let p = fixture("apa-domicile");
    let f = first_finding(&p, "media-break", |f| f.subjects.get(1).is_some_and(|s| s == "enregistrement"));
    let after = apply(&p, &f);
    assert_eq!(after.step("depot").and_then(|s| s.channel), Some(Channel::Online));
    assert!(after.step("enregistrement").is_none(), "nothing left to key in: the step goes");
    let left = told(&after);
    assert!(!left.iter().any(|(r, _)| r == "rekeying" || r == "media-break"), "{left:?}");
    // The rekeying of the paper form (told by the media break alone) proposes the same online
    // form, and makes the same change.
    let f = raised("rekeying", "enter-once", &["enregistrement", "formulaire", "depot"]);
    let after = apply(&p, &f);
    assert_eq!(after.step("depot").and_then(|s| s.channel), Some(Channel::Online));
    assert!(after.step("enregistrement").is_none());
}

#[test]
fn a_filing_at_the_counter_keeps_its_counter_once_the_form_is_filled_in_online() {
    // Legal aid: the form handed in at the court's reception desk, checked there with the
    // applicant, keyed in by the legal aid office. The form is filled in online beforehand; the
    // pieces are still handed in and gone through at the counter, so the rework loop (checked on
    // the spot) stays silent.
    let p = fixture("aide-juridictionnelle");
    let f = first_finding(&p, "media-break", |f| f.subjects.get(1).is_some_and(|s| s == "enregistrement"));
    let after = apply(&p, &f);
    assert_eq!(after.step("depot").and_then(|s| s.channel), Some(Channel::Counter));
    assert!(after.step("enregistrement").is_none());
    let left = told(&after);
    assert!(!left.iter().any(|(r, _)| ["rekeying", "media-break", "rework-loop"].contains(&r.as_str())), "{left:?}");
}

#[test]
fn paper_from_elsewhere_only_travels_digitally() {
    // Retirement: the former employers' records of service come by post and are keyed into the
    // career account. Going digital carries them digitally; the career is still rebuilt from them,
    // and the agent's own form is not touched by it.
    let p = fixture("retraite-cnracl");
    let f = first_finding(&p, "media-break", |f| f.subjects.get(1).is_some_and(|s| s == "reconstitution"));
    let after = apply(&p, &f);
    assert_eq!(after.step("reconstitution").map(|s| s.enters.clone()), Some(vec!["cir".to_string()]));
    assert_eq!(after.step("pieces").and_then(|s| s.channel), Some(Channel::Paper));
    // Accepting everything: the agent's pension request is filled in online, and the file leaves
    // it digitally, also through the fetch of the record the CNRACL holds.
    let all = simplify(&p, &Accept::All, &Settings::from_procedure(&p)).procedure;
    assert_eq!(all.step("pieces").and_then(|s| s.channel), Some(Channel::Online));
    let paper_after_form = all.flows().filter(|f| {
        matches!(f.flow.medium, Some(Medium::Paper | Medium::Mail))
            && (f.from == "pieces" || f.from.starts_with("recuperation"))
    });
    assert_eq!(paper_after_form.count(), 0);
    assert!(!told(&all).iter().any(|(r, _)| r == "rekeying"));
}

#[test]
fn fetch_from_holder_fetches_for_the_administration_not_for_the_user_s_own_keying() {
    use crate::analysis::testkit::B;
    // The employer keys the hours into its payroll (declared in the DSN), then the platform asks
    // for them again; the service checks the claim. The hours fetched from the DSN are fetched
    // for the service's check, in its lane, not before the employer's own payroll.
    let p = B::new()
        .start("s")
        .task("paie", "u", "Établir la paie et la DSN")
        .channel("paie", Channel::Online)
        .enters("paie", &["heures"])
        .task("di", "u", "Déposer la demande d'indemnisation")
        .channel("di", Channel::Online)
        .requests("di", &["heures"])
        .held("heures", "DSN")
        .check("valid", "b", "Valider la demande d'indemnisation")
        .channel("valid", Channel::Internal)
        .checks("valid", &["heures"])
        .end("e")
        .chain(&["s", "paie", "di", "valid", "e"])
        .build();
    let f = fired(&p, "once-only");
    assert_eq!(f.suggestion, Some("fetch-from-holder"));
    let after = transform(&p, &f, &Settings::default()).expect("applied, the user asked no more");
    let fetch = after.steps().find(|s| s.produces.contains(&"heures".to_string())).expect("the fetch");
    assert_eq!(fetch.actor.as_deref(), Some("b"), "in the lane of the step that needs it");
    let fid = fetch.id.clone();
    assert!(flows(&after).contains(&format!("{fid}>valid")), "{}", flows(&after));
    assert!(metrics(&after).user_contacts <= metrics(&p).user_contacts);
    // Near miss: with no step of the administration needing it, nothing is fetched; the request
    // is only dropped (the user's own keying keeps what it has).
    let mut lone = B { p: p.clone() };
    lone.p.step_mut("valid").expect("valid").checks.clear();
    let p2 = lone.build();
    let f2 = fired(&p2, "once-only");
    let after2 = transform(&p2, &f2, &Settings::default()).expect("applied");
    assert!(after2.steps().all(|s| !s.produces.contains(&"heures".to_string())), "no fetch");
    assert!(after2.steps().all(|s| !s.requests.contains(&"heures".to_string())));
}

#[test]
fn merge_steps_tells_a_data_item_from_a_step_of_the_same_id() {
    use crate::analysis::testkit::B;
    // The host buys the stamp (step "timbre"), the counter checks it (item "timbre"), the
    // service checks it again: merging keeps the counter's check, not the purchase.
    let p = B::new()
        .start("s")
        .task("timbre", "u", "Acheter le timbre fiscal")
        .channel("timbre", Channel::Online)
        .produces("timbre", &["timbre"])
        .task("depot", "u", "Se présenter en mairie")
        .channel("depot", Channel::Counter)
        .requests("depot", &["timbre", "identite"])
        .check("verif", "a", "Vérifier les justificatifs")
        .channel("verif", Channel::Counter)
        .checks("verif", &["timbre", "identite"])
        .check("controle", "b", "Contrôler la complétude du dossier")
        .checks("controle", &["timbre", "identite"])
        .end("e")
        .chain(&["s", "timbre", "depot", "verif", "controle", "e"])
        .build();
    let f = fired(&p, "redundant-check");
    assert!(f.subjects.contains(&"timbre".to_string()), "{:?}", f.subjects);
    let after = transform(&p, &f, &Settings::default()).expect("merged");
    let left: Vec<&str> = after.steps().filter(|s| s.kind.is_work()).map(|s| s.id.as_str()).collect();
    assert_eq!(left, ["timbre", "depot", "verif"]);
    // Near miss: a subject naming only a step is a step (the two checks themselves).
    assert!(!left.contains(&"controle"));
}

#[test]
fn a_file_handed_on_digitally_is_not_read_as_parallel_work() {
    // Once the paper is gone and the entry is made once, the mail desk's registration and the
    // service's keying, or the counter's check and the keying, share no data any more; the
    // service still works on what the mail desk or the counter passed on.
    for name in ["dia-preemption", "inscription-listes-electorales"] {
        let p = fixture(name);
        let settings = Settings::from_procedure(&p);
        let target = simplify(&p, &Accept::All, &settings).procedure;
        let found = analysis::analyze(&target, &settings).findings;
        assert!(
            !found.iter().any(|f| f.rule == "parallelizable"),
            "{name}: {:?}",
            found.iter().map(|f| f.rule).collect::<Vec<_>>()
        );
    }
}
