//! Export then import gives the same procedure: ids, names, kinds, lanes, flows (and what our
//! `epure:` attributes carry), on every sample and on generated procedures.

use std::path::Path;

use epure_core::Procedure;
use proptest::prelude::*;

fn samples() -> Vec<(String, Procedure)> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples");
    let mut out: Vec<(String, Procedure)> = std::fs::read_dir(&dir)
        .expect("samples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".epure.json"))
        .map(|p| {
            let text = std::fs::read_to_string(&p).expect("read sample");
            (p.display().to_string(), epure_core::format::from_str(&text).expect("valid sample"))
        })
        .collect();
    out.sort_by(|a, b| a.0.cmp(&b.0));
    out
}

/// What must survive the trip, one line per thing, so a failure shows the difference.
fn essence(p: &Procedure) -> Vec<String> {
    let mut out = vec![format!("name {:?}", p.meta.name)];
    out.extend(p.actors.iter().map(|a| format!("actor {} {:?} {:?}", a.id, a.name, a.kind)));
    out.extend(p.data.iter().map(|d| format!("data {} {:?}", d.id, d.name)));
    out.extend(p.steps().map(|s| {
        format!(
            "step {} {} {:?} {:?} d={:?} w={:?} o={:?} req={:?} prod={:?} note={:?}",
            s.id,
            s.kind.as_str(),
            s.label,
            s.actor,
            s.duration_min,
            s.wait_min,
            s.outcome,
            s.requests,
            s.produces,
            s.note
        )
    }));
    out.extend(p.flows().map(|f| {
        format!(
            "flow {} {}->{} {:?} p={:?} delay={:?}",
            f.flow.id, f.from, f.to, f.flow.label, f.flow.probability, f.flow.delay_min
        )
    }));
    out
}

fn round_trip(name: &str, p: &Procedure) {
    let xml = epure_bpmn::export(p, &[]);
    let (back, report) = epure_bpmn::import(xml.as_bytes()).unwrap_or_else(|e| panic!("{name}: {e}\n{xml}"));
    assert_eq!(essence(&back), essence(p), "{name}\n{xml}");
    // Our own export needs no guess: nothing to look at in the report.
    let warnings: Vec<String> = report.warnings().map(|e| e.sentence(epure_bpmn::Lang::En)).collect();
    assert!(warnings.is_empty(), "{name}: {warnings:#?}");
}

#[test]
fn every_sample_survives_export_then_import() {
    let samples = samples();
    assert!(samples.len() >= 6);
    for (name, p) in samples {
        round_trip(&name, &p);
    }
}

#[test]
fn flagged_steps_are_coloured_both_ways() {
    let (_, p) = samples().into_iter().next().expect("a sample");
    let flagged: Vec<String> = p.steps().skip(1).take(2).map(|s| s.id.clone()).collect();
    let xml = epure_bpmn::export(&p, &flagged);
    assert!(xml.contains("xmlns:bioc=\"http://bpmn.io/schema/bpmn/biocolor/1.0\""));
    assert!(xml.contains("xmlns:color=\"http://www.omg.org/spec/BPMN/non-normative/color/1.0\""));
    for id in &flagged {
        let shape = format!(
            "bpmnElement=\"{id}\" bioc:stroke=\"#b42318\" bioc:fill=\"#fee4e2\" color:border-color=\"#b42318\" color:background-color=\"#fee4e2\""
        );
        assert!(xml.contains(&shape), "{id} not coloured");
    }
    assert_eq!(xml.matches("bioc:stroke=").count(), flagged.len());
}

#[test]
fn the_fallback_layout_places_every_step_in_its_lane() {
    let (_, mut p) = samples().into_iter().next().expect("a sample");
    let ids: Vec<String> = p.steps().map(|s| s.id.clone()).collect();
    for id in &ids {
        if let Some(s) = p.step_mut(id) {
            s.position = None;
        }
    }
    let pos = epure_bpmn::positions(&p);
    assert_eq!(pos.len(), p.step_count());
    // Two steps never share a place.
    let mut places: Vec<(i64, i64)> = pos.values().map(|&(x, y)| (x as i64, y as i64)).collect();
    places.sort();
    places.dedup();
    assert_eq!(places.len(), p.step_count());
    // Positions come back on import.
    let (back, _) = epure_bpmn::import(epure_bpmn::export(&p, &[]).as_bytes()).unwrap();
    for s in back.steps() {
        let (x, y) = pos[&s.id];
        assert_eq!(s.position.map(|q| (q.x, q.y)), Some((x, y)), "{}", s.id);
    }
}

proptest! {
    #![proptest_config(ProptestConfig::with_cases(64))]
    #[test]
    fn generated_procedures_survive_export_then_import(seed in any::<u64>(), n in 3usize..120) {
        let p = epure_core::synthetic::procedure(seed, n);
        round_trip(&format!("synthetic({seed}, {n})"), &p);
    }
}
