//! The BPMN MIWG reference models and bpmn.io's exports of them: every file imports, into a
//! valid procedure, with the counts of the model and every name kept.

use std::path::PathBuf;

use epure_bpmn::import::xml::{Ns, parse};
use epure_bpmn::{Action, Limits};

fn miwg(rel: &str) -> PathBuf {
    PathBuf::from(env!("CARGO_MANIFEST_DIR")).join("../../../shared/interop/bpmn-miwg").join(rel)
}

/// Expected counts per file: [tasks (all task types and call activities), sub-processes
/// (subProcess, transaction, adHocSubProcess), gateways (all types), events (start, end,
/// intermediate catch/throw, boundary), lanes, sequence flows, message flows, pools
/// (participants)], then the number of flow nodes directly in a process (the steps the
/// procedure gets, sub-processes being one step each).
///
/// Counted once, independently of this crate, with Python's ElementTree: for each file,
/// `sum(1 for e in root.iter() if e.tag in ['{MODEL}'+n for n in NAMES])` per category, MODEL
/// being the BPMN 2.0 model namespace URI (so prefixes play no part), and for the last column
/// the same over the direct children of every `process` element.
const MODELS: [(&str, [usize; 8], usize); 42] = [
    ("reference/A.1.0.bpmn", [3, 0, 0, 2, 0, 4, 0, 0], 5),
    ("reference/A.2.0.bpmn", [4, 0, 2, 2, 0, 9, 0, 0], 8),
    ("reference/A.2.1.bpmn", [4, 0, 2, 2, 0, 11, 0, 0], 8),
    ("reference/A.3.0.bpmn", [4, 1, 0, 5, 0, 8, 0, 0], 10),
    ("reference/A.4.0.bpmn", [6, 2, 0, 9, 2, 13, 2, 1], 11),
    ("reference/A.4.1.bpmn", [6, 2, 0, 9, 3, 13, 2, 2], 11),
    ("reference/B.1.0.bpmn", [11, 2, 5, 11, 2, 26, 2, 2], 26),
    ("reference/B.2.0.bpmn", [36, 5, 8, 45, 2, 85, 2, 2], 82),
    ("reference/C.1.0.bpmn", [9, 0, 3, 9, 4, 20, 5, 2], 21),
    ("reference/C.1.1.bpmn", [5, 0, 2, 3, 0, 10, 0, 0], 10),
    ("reference/C.2.0.bpmn", [11, 1, 3, 14, 2, 25, 5, 4], 22),
    ("reference/C.3.0.bpmn", [4, 1, 3, 6, 0, 15, 0, 0], 14),
    ("reference/C.4.0.bpmn", [22, 0, 6, 12, 2, 41, 0, 4], 40),
    ("reference/C.5.0.bpmn", [19, 0, 12, 6, 3, 40, 0, 1], 37),
    ("reference/C.6.0.bpmn", [12, 2, 5, 21, 0, 32, 0, 0], 23),
    ("reference/C.7.0.bpmn", [6, 0, 3, 2, 2, 12, 0, 1], 11),
    ("reference/C.8.0.bpmn", [9, 0, 2, 7, 0, 16, 0, 0], 18),
    ("reference/C.8.1.bpmn", [9, 0, 2, 7, 0, 16, 0, 1], 18),
    ("reference/C.9.0.bpmn", [10, 2, 3, 10, 0, 21, 0, 1], 17),
    ("reference/C.9.1.bpmn", [4, 0, 0, 6, 0, 7, 0, 1], 10),
    ("reference/C.9.2.bpmn", [5, 3, 1, 11, 0, 12, 0, 1], 8),
    ("bpmn.io/A.1.0-export.bpmn", [3, 0, 0, 2, 0, 4, 0, 0], 5),
    ("bpmn.io/A.2.0-export.bpmn", [4, 0, 2, 2, 0, 9, 0, 0], 8),
    ("bpmn.io/A.2.1-export.bpmn", [4, 0, 2, 2, 0, 11, 0, 0], 8),
    ("bpmn.io/A.3.0-export.bpmn", [4, 1, 0, 5, 0, 8, 0, 0], 10),
    ("bpmn.io/A.4.0-export.bpmn", [6, 2, 0, 9, 2, 13, 2, 2], 11),
    ("bpmn.io/A.4.1-export.bpmn", [6, 2, 0, 9, 3, 13, 2, 2], 11),
    ("bpmn.io/B.1.0-export.bpmn", [9, 3, 5, 9, 2, 24, 2, 2], 20),
    ("bpmn.io/B.2.0-export.bpmn", [34, 6, 8, 43, 2, 83, 2, 2], 71),
    ("bpmn.io/C.1.0-export.bpmn", [9, 0, 3, 9, 3, 20, 5, 2], 21),
    ("bpmn.io/C.1.1-export.bpmn", [5, 0, 2, 3, 0, 10, 0, 0], 10),
    ("bpmn.io/C.2.0-export.bpmn", [11, 1, 3, 14, 2, 25, 5, 4], 22),
    ("bpmn.io/C.3.0-export.bpmn", [4, 1, 3, 6, 0, 15, 0, 0], 14),
    ("bpmn.io/C.4.0-export.bpmn", [12, 0, 5, 6, 2, 26, 0, 1], 23),
    ("bpmn.io/C.5.0-export.bpmn", [17, 0, 10, 4, 3, 34, 0, 1], 31),
    ("bpmn.io/C.6.0-export.bpmn", [12, 2, 5, 21, 0, 32, 0, 0], 23),
    ("bpmn.io/C.7.0-export.bpmn", [6, 0, 3, 2, 2, 12, 0, 1], 11),
    ("bpmn.io/C.8.0-export.bpmn", [9, 0, 2, 7, 0, 16, 0, 0], 18),
    ("bpmn.io/C.8.1-export.bpmn", [9, 0, 2, 7, 0, 16, 0, 1], 18),
    ("bpmn.io/C.9.0-export.bpmn", [10, 2, 3, 10, 0, 21, 0, 1], 17),
    ("bpmn.io/C.9.1-export.bpmn", [4, 0, 0, 6, 0, 7, 0, 1], 10),
    ("bpmn.io/C.9.2-export.bpmn", [5, 3, 1, 11, 0, 12, 0, 1], 8),
];

fn check(rel: &str, expect: [usize; 8], top_nodes: usize) {
    let bytes = std::fs::read(miwg(rel)).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let (p, report) = epure_bpmn::import(&bytes).unwrap_or_else(|e| panic!("{rel}: {e}"));
    let c = report.counts;
    let got = [c.tasks, c.sub_processes, c.gateways, c.events, c.lanes, c.sequence_flows, c.message_flows, c.pools];
    assert_eq!(
        got, expect,
        "{rel}: counts [tasks, sub-processes, gateways, events, lanes, seq flows, msg flows, pools]"
    );

    // The procedure is valid: it reads back through the format's own validation, unchanged.
    let text = epure_core::format::to_string(&p);
    let back = epure_core::format::from_str(&text).unwrap_or_else(|e| panic!("{rel}: invalid procedure: {e}"));
    if back != p {
        let diff = p.steps().zip(back.steps()).find(|(a, b)| a != b).map(|(a, b)| format!("{a:?}\n{b:?}"));
        let fdiff = p.flows().zip(back.flows()).find(|(a, b)| a != b).map(|(a, b)| format!("{a:?}\n{b:?}"));
        panic!("{rel}: the procedure does not read back the same: {diff:?} {fdiff:?} {:?}", p.meta == back.meta);
    }

    // One step per flow node of a process, plus a start when the model has none.
    let added = report.entries.iter().filter(|e| matches!(e.action, Action::StartAdded { .. })).count();
    assert_eq!(p.step_count(), top_nodes + added, "{rel}: steps");
    // Lanes all became actors.
    assert!(p.actors.len() >= c.lanes, "{rel}: actors {} < lanes {}", p.actors.len(), c.lanes);

    // Every named flow node, lane, flow, pool and data object keeps its name somewhere the
    // agent sees it: a step label, a flow label, an actor, a data item, a note, the title.
    let tree = parse(&bytes, &Limits::default()).unwrap();
    let mut seen: Vec<String> = vec![p.meta.name.clone()];
    seen.extend(p.steps().map(|s| s.label().to_owned()));
    seen.extend(p.steps().filter_map(|s| s.note.clone()));
    seen.extend(p.flows().filter_map(|f| f.flow.label.clone()));
    seen.extend(p.actors.iter().map(|a| a.name.clone()));
    seen.extend(p.data.iter().map(|d| d.name.clone()));
    let seen = seen.join("\u{1}");
    let mut missing = Vec::new();
    for e in tree.elements.iter().filter(|e| e.ns == Ns::Model) {
        let named_kind = epure_bpmn::import::map::is_flow_node(&e.name)
            || matches!(e.name.as_str(), "lane" | "sequenceFlow" | "messageFlow" | "participant" | "dataObject");
        let Some(name) = e.attr("name").map(str::trim).filter(|n| !n.is_empty()) else { continue };
        if named_kind && !seen.contains(name) {
            missing.push(format!("{} {:?} {name:?}", e.name, e.attr("id")));
        }
    }
    assert!(missing.is_empty(), "{rel}: names lost: {missing:#?}");

    // Nothing dropped silently: every flow node, flow, lane, pool without a process, data
    // object, data store, annotation and group is a step, a flow, an actor or a data item of
    // the same id, or has an entry in the report.
    let mut accounted: std::collections::HashSet<&str> = std::collections::HashSet::new();
    accounted.extend(p.steps().map(|s| s.id.as_str()));
    accounted.extend(p.flows().map(|f| f.flow.id.as_str()));
    accounted.extend(p.actors.iter().map(|a| a.id.as_str()));
    accounted.extend(p.data.iter().map(|d| d.id.as_str()));
    accounted.extend(report.entries.iter().map(|e| e.id.as_str()));
    let mut silent = Vec::new();
    for e in tree.elements.iter().filter(|e| e.ns == Ns::Model) {
        let content = epure_bpmn::import::map::is_flow_node(&e.name)
            || matches!(
                e.name.as_str(),
                "sequenceFlow" | "messageFlow" | "lane" | "dataObject" | "dataStore" | "textAnnotation" | "group"
            )
            || (e.name == "participant" && e.attr("processRef").is_none());
        if let Some(id) = e.attr("id")
            && content
            && !accounted.contains(id)
        {
            silent.push(format!("{} {id}", e.name));
        }
    }
    assert!(silent.is_empty(), "{rel}: dropped silently: {silent:#?}");
}

#[test]
fn every_miwg_model_and_bpmn_io_export_imports_with_its_counts_and_names() {
    for (rel, expect, top) in MODELS {
        check(rel, expect, top);
    }
}
