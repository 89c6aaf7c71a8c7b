//! Metrics computed by hand on small procedures.

use crate::analysis::testkit::B;
use crate::analysis::{Settings, analyze};
use crate::model::Medium;

fn close(a: f64, b: f64) {
    assert!((a - b).abs() < 1e-9, "{a} != {b}");
}

#[test]
fn a_straight_line() {
    let p = B::new()
        .start("s")
        .task("t1", "a", "Enregistrer")
        .dur("t1", 10.0)
        .wait("t1", 20.0)
        .task("t2", "b", "Instruire")
        .dur("t2", 30.0)
        .end("e")
        .chain(&["s", "t1"])
        .flow("t1", "t2", 60.0, Some(Medium::Paper))
        .chain(&["t2", "e"])
        .build();
    let m = analyze(&p, &Settings::default()).metrics;
    assert_eq!(m.visits.get("t2"), Some(1.0));
    assert_eq!((m.work_steps, m.actors, m.handoffs), (2, 2, 1));
    close(m.handoffs_per_case, 1.0);
    close(m.touch_time_min, 40.0);
    close(m.lead_time_min, 120.0);
    close(m.wait_time_min, 80.0);
    close(m.cost_per_case_eur, 40.0);
    close(m.cycle_efficiency, 40.0 / 120.0);
    assert_eq!(m.cycle_efficiency_basis, "all_touch");
    assert_eq!(m.critical_path, ["s", "t1", "t2", "e"]);
    assert!(m.yearly.is_none());
}

#[test]
fn a_loop_with_a_probability() {
    // 30 % of files are incomplete and go back to the user, who completes them.
    let p = B::new()
        .start("s")
        .check("c", "a", "Vérifier la complétude")
        .dur("c", 10.0)
        .decision("d")
        .task("r", "u", "Compléter le dossier")
        .dur("r", 20.0)
        .end("e")
        .chain(&["s", "c", "d"])
        .prob("d", "r", 0.3)
        .prob("d", "e", 0.7)
        .chain(&["r", "c"])
        .build();
    let m = analyze(&p, &Settings::default()).metrics;
    close(m.visits.get("c").unwrap(), 1.0 / 0.7);
    close(m.visits.get("r").unwrap(), 0.3 / 0.7);
    close(m.visits.get("e").unwrap(), 1.0);
    close(m.touch_time_min, 10.0 / 0.7 + 20.0 * 0.3 / 0.7);
    close(m.lead_time_min, m.touch_time_min);
    close(m.user_contacts, 0.3 / 0.7);
    assert_eq!(m.handoffs, 2);
    close(m.handoffs_per_case, 2.0 * 0.3 / 0.7);
    assert_eq!(m.critical_path, ["s", "c", "d", "e"]);
}

#[test]
fn a_parallel_block_counts_as_its_longest_branch() {
    let p = B::new()
        .start("s")
        .par("f")
        .task("x", "b", "Rendre l'avis technique")
        .dur("x", 30.0)
        .wait("x", 100.0)
        .task("y", "c", "Rendre l'avis financier")
        .dur("y", 50.0)
        .par("j")
        .task("z", "a", "Notifier")
        .dur("z", 10.0)
        .end("e")
        .chain(&["s", "f", "x", "j", "z", "e"])
        .chain(&["f", "y", "j"])
        .build();
    let m = analyze(&p, &Settings::default()).metrics;
    close(m.visits.get("j").unwrap(), 1.0);
    close(m.visits.get("z").unwrap(), 1.0);
    close(m.touch_time_min, 90.0);
    close(m.lead_time_min, 140.0);
    assert_eq!(m.critical_path, ["s", "f", "x", "j", "z", "e"]);
    // x → z and y → z both hand the file to the Accueil.
    assert_eq!(m.handoffs, 2);
    close(m.handoffs_per_case, 2.0);
}

#[test]
fn a_decision_weighs_each_way_by_its_probability() {
    let p = B::new()
        .start("s")
        .task("t", "a", "Enregistrer")
        .dur("t", 10.0)
        .decision("d")
        .task("r1", "b", "Instruire le cas complexe")
        .dur("r1", 40.0)
        .task("r2", "b", "Instruire le cas simple")
        .dur("r2", 20.0)
        .end("e1")
        .end("e2")
        .chain(&["s", "t", "d"])
        .prob("d", "r1", 0.25)
        .prob("d", "r2", 0.75)
        .chain(&["r1", "e1"])
        .chain(&["r2", "e2"])
        .build();
    let mut p = p;
    p.meta.cases_per_year = Some(1000.0);
    let m = analyze(&p, &Settings::default()).metrics;
    close(m.lead_time_min, 35.0);
    close(m.cost_per_case_eur, 35.0);
    assert_eq!(m.critical_path, ["s", "t", "d", "r2", "e2"]);
    let y = m.yearly.unwrap();
    close(y.agent_hours, 35.0 / 60.0 * 1000.0);
    close(y.cost_eur, 35_000.0);
}

#[test]
fn a_loop_without_a_way_out_gives_finite_figures_and_a_finding() {
    let p = B::new()
        .start("s")
        .task("x", "a", "Relancer")
        .dur("x", 5.0)
        .task("y", "b", "Attendre")
        .end("e")
        .chain(&["s", "x", "y", "x"])
        .build();
    let a = analyze(&p, &Settings::default());
    assert!(a.metrics.lead_time_min.is_finite() && a.metrics.visits.get("x").unwrap() >= 1.0);
    assert!(a.findings.iter().any(|f| f.rule == "endless-loop"));
}

#[test]
fn value_adding_time_is_preferred_when_steps_are_classified() {
    use crate::model::ValueClass;
    let p = B::new()
        .start("s")
        .task("t1", "a", "Instruire")
        .dur("t1", 30.0)
        .value("t1", ValueClass::ValueAdding)
        .task("t2", "a", "Classer")
        .dur("t2", 10.0)
        .value("t2", ValueClass::Waste)
        .end("e")
        .chain(&["s", "t1", "t2", "e"])
        .build();
    let m = analyze(&p, &Settings::default()).metrics;
    assert_eq!(m.cycle_efficiency_basis, "value_adding");
    close(m.cycle_efficiency, 0.75);
}

#[test]
fn media_breaks_are_the_flows_where_paper_meets_digital() {
    use crate::model::Channel;
    let p = B::new()
        .start("s")
        .task("t1", "u", "Déposer le formulaire")
        .channel("t1", Channel::Counter)
        .task("t2", "a", "Saisir le formulaire")
        .channel("t2", Channel::Internal)
        .task("t3", "b", "Instruire")
        .channel("t3", Channel::Internal)
        .end("e")
        .chain(&["s", "t1", "t2", "t3", "e"])
        .build();
    let m = analyze(&p, &Settings::default()).metrics;
    assert_eq!(m.media_breaks, ["f2"]);
}

#[test]
fn structural_counts_agree_with_the_shared_summary() {
    for seed in 0..40 {
        let p = crate::synthetic::procedure(seed, 60);
        let m = analyze(&p, &Settings::default()).metrics;
        let s = crate::graph::summary(&p);
        assert_eq!((m.work_steps, m.actors, m.handoffs), (s.work_steps, s.actors, s.handoffs), "seed {seed}");
    }
}
