//! Properties of the analysis on generated procedures (`synthetic::procedure`), whole and
//! half-drawn (flows and steps removed at random): no panic, no finding on an unknown id, no
//! finding twice, deterministic output, finite non-negative visits, lead time ≥ the touch time of
//! the critical path.

use epure_core::Procedure;
use epure_core::analysis::{Analysis, Settings, analyze};
use epure_core::synthetic::{self, Rng};
use proptest::prelude::*;

fn check_invariants(p: &Procedure, a: &Analysis) -> Result<(), TestCaseError> {
    let m = &a.metrics;
    for (id, v) in m.visits.iter() {
        prop_assert!(v.is_finite() && v >= 0.0, "visits of {id}: {v}");
    }
    for v in [
        m.handoffs_per_case,
        m.user_contacts,
        m.requests_per_case,
        m.touch_time_min,
        m.lead_time_min,
        m.cost_per_case_eur,
        m.cycle_efficiency,
    ] {
        prop_assert!(v.is_finite() && v >= 0.0, "{v}");
    }
    prop_assert!(m.cycle_efficiency <= 1.0);
    let critical_touch: f64 = m
        .critical_path
        .iter()
        .map(|id| m.visits.get(id).unwrap_or(0.0) * p.step(id).map(|s| s.duration()).unwrap_or(0.0))
        .sum();
    prop_assert!(
        m.lead_time_min + 1e-6 >= critical_touch,
        "lead {} < critical touch {critical_touch}",
        m.lead_time_min
    );
    let mut seen = std::collections::HashSet::new();
    for f in &a.findings {
        prop_assert!(!f.subjects.is_empty());
        for s in &f.subjects {
            prop_assert!(
                p.step(s).is_some() || p.flow(s).is_some() || p.data_item(s).is_some(),
                "{} names unknown {s}",
                f.rule
            );
        }
        let mut key = f.subjects.clone();
        key.sort();
        prop_assert!(seen.insert((f.rule, key)), "{} twice on {:?}", f.rule, f.subjects);
        for g in [f.gain.touch_min, f.gain.lead_min, f.gain.handoffs, f.gain.contacts, f.gain.requests] {
            prop_assert!(g.is_finite() && g >= 0.0, "{} gain {g}", f.rule);
        }
    }
    Ok(())
}

/// Removes about a tenth of the flows and a twentieth of the steps.
fn half_drawn(mut p: Procedure, seed: u64) -> Procedure {
    let mut rng = Rng::new(seed);
    let flows: Vec<String> = p.flows().map(|f| f.flow.id.clone()).collect();
    for f in flows {
        if rng.chance(1, 10) {
            let _ = p.remove_flow(&f);
        }
    }
    let steps: Vec<String> = p.steps().map(|s| s.id.clone()).collect();
    for s in steps {
        if rng.chance(1, 20) {
            let _ = p.remove_step(&s);
        }
    }
    p
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]

    #[test]
    fn generated_procedures(seed in any::<u64>(), size in 3usize..200) {
        let p = synthetic::procedure(seed, size);
        let a = analyze(&p, &Settings::default());
        check_invariants(&p, &a)?;
        // Deterministic, and independent of a trip through the file format.
        let again = analyze(&p, &Settings::default());
        prop_assert_eq!(a.to_json(), again.to_json());
        let reread = epure_core::format::from_str(&epure_core::format::to_string(&p)).expect("generated files are valid");
        prop_assert_eq!(a.to_json(), analyze(&reread, &Settings::default()).to_json());
    }

    #[test]
    fn half_drawn_procedures(seed in any::<u64>(), size in 3usize..120) {
        let p = half_drawn(synthetic::procedure(seed, size), seed ^ 0x5eed);
        let a = analyze(&p, &Settings::default());
        check_invariants(&p, &a)?;
        prop_assert_eq!(a.to_json(), analyze(&p, &Settings::default()).to_json());
    }
}

#[test]
fn a_large_generated_procedure_is_analysed() {
    let p = synthetic::procedure(7, 5_000);
    let a = analyze(&p, &Settings::default());
    assert!(a.metrics.lead_time_min.is_finite() && a.metrics.lead_time_min > 0.0);
}
