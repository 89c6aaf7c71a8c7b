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
        assert_eq!(fetch.duration(), 0.0);
    }
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

#[test]
fn reorganisations_are_left_to_the_agent_with_a_reason() {
    let (p, f) = finding("cantine-scolaire", "rework-loop", |_| true);
    assert_eq!(f.suggestion, Some("check-upfront"));
    let r = transform(&p, &f, &Settings::default()).expect_err("refused");
    assert!(r.reason_fr.contains("éditeur"));
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
            assert!(
                !remaining.iter().any(|f| f.rule == applied.rule && f.subjects == applied.subjects),
                "{}: {} still found after it was applied",
                path.display(),
                applied.rule
            );
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
        prop_assert!(reaches_end(t) || !reaches_end(&p));
        let (a, b) = (metrics(&p), metrics(t));
        prop_assert!(b.lead_time_min <= a.lead_time_min + 1e-6, "lead {} -> {}", a.lead_time_min, b.lead_time_min);
        prop_assert!(b.handoffs_per_case <= a.handoffs_per_case + 1e-6);
        prop_assert!(b.requests_per_case <= a.requests_per_case + 1e-6);
        prop_assert!(b.user_contacts <= a.user_contacts + 1e-6, "contacts {} -> {}", a.user_contacts, b.user_contacts);
        let sourced_before = sourced(&p);
        let sourced_after = sourced(t);
        for st in t.steps() {
            for d in st.checks.iter().chain(&st.enters) {
                prop_assert!(!sourced_before.contains(d.as_str()) || sourced_after.contains(d.as_str()));
            }
        }
        let twice = simplify(t, &Accept::All, &settings);
        prop_assert!(compare::diff(t, &twice.procedure).is_empty());
    }
}
