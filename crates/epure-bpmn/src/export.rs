//! Épure procedure → BPMN 2.0 XML with its diagram (BPMN-DI), the flagged steps coloured.
//!
//! One pool (the procedure) holding one lane per actor. Steps become start and end events,
//! tasks, exclusive and parallel gateways; flows become sequence flows; data items become data
//! objects with input and output associations for `requests` and `produces`; a step's note is
//! its documentation. What BPMN has no place for (approval and check kinds, durations, waits,
//! outcomes, probabilities, transfer delays, actor kinds, ids that are not valid XML ids) is
//! written as `epure:` attributes, which other tools keep and ignore and our import reads back,
//! so export then import gives the same procedure.
//!
//! Flagged steps are coloured with both colour conventions in use: bpmn.io's
//! `bioc:stroke`/`bioc:fill` and the OMG "BPMN in Color" `color:border-color`/
//! `color:background-color`, on their `BPMNShape`.

use std::collections::{HashMap, HashSet, VecDeque};
use std::fmt::Write as _;

use epure_core::{ActorKind, Outcome, Procedure, StepKind};
use quick_xml::escape::escape;

use crate::import::xml::{BPMNDI_NS, DC_NS, DI_NS, EPURE_NS, MODEL_NS};

const BIOC_NS: &str = "http://bpmn.io/schema/bpmn/biocolor/1.0";
const COLOR_NS: &str = "http://www.omg.org/spec/BPMN/non-normative/color/1.0";
const STROKE: &str = "#b42318";
const FILL: &str = "#fee4e2";

/// Width and height of a step's shape.
fn size(kind: StepKind) -> (f64, f64) {
    match kind {
        StepKind::Start | StepKind::End => (36.0, 36.0),
        StepKind::Decision | StepKind::Parallel => (50.0, 50.0),
        _ => (100.0, 80.0),
    }
}

const COLUMN: f64 = 170.0;
const ROW: f64 = 110.0;
const LANE_HEADER: f64 = 30.0;
const MARGIN: f64 = 40.0;

/// Where each step's shape goes (top-left corner): the step's own `position` when every step
/// has one, otherwise a simple layout — columns by distance from the start (breadth first),
/// one band per actor, steps sharing a cell stacked. This is the one function to swap for
/// `epure_core::layout` when it lands.
pub fn positions(p: &Procedure) -> HashMap<String, (f64, f64)> {
    if p.step_count() > 0 && p.steps().all(|s| s.position.is_some()) {
        return p.steps().filter_map(|s| s.position.map(|pos| (s.id.clone(), (pos.x, pos.y)))).collect();
    }
    let g = p.graph();
    // Columns: breadth first from the start, then from every step not yet reached (in the
    // author's order), so unreachable steps get a column too. Iterative: no recursion.
    let mut rank: HashMap<_, usize> = HashMap::new();
    let mut queue = VecDeque::new();
    let roots = p.start().into_iter().chain(p.step_indices().iter().copied());
    for root in roots {
        if rank.contains_key(&root) {
            continue;
        }
        rank.insert(root, 0);
        queue.push_back(root);
        while let Some(n) = queue.pop_front() {
            let r = rank.get(&n).copied().unwrap_or(0);
            for (_, m) in p.outgoing(n) {
                if let std::collections::hash_map::Entry::Vacant(e) = rank.entry(m) {
                    e.insert(r + 1);
                    queue.push_back(m);
                }
            }
        }
    }
    // Rows: the actor's band; a step without an actor sits in the band of a neighbour.
    let lane_index: HashMap<&str, usize> = p.actors.iter().enumerate().map(|(i, a)| (a.id.as_str(), i)).collect();
    let mut band: HashMap<_, usize> = HashMap::new();
    for &n in p.step_indices() {
        if let Some(i) = g[n].actor.as_deref().and_then(|a| lane_index.get(a)) {
            band.insert(n, *i);
        }
    }
    for &n in p.step_indices() {
        if !band.contains_key(&n) {
            let near = p.incoming(n).into_iter().chain(p.outgoing(n)).find_map(|(_, m)| band.get(&m).copied());
            band.insert(n, near.unwrap_or(0));
        }
    }
    let mut cell: HashMap<(usize, usize), usize> = HashMap::new();
    let mut slot: HashMap<_, usize> = HashMap::new();
    for &n in p.step_indices() {
        let key = (band.get(&n).copied().unwrap_or(0), rank.get(&n).copied().unwrap_or(0));
        let c = cell.entry(key).or_insert(0);
        slot.insert(n, *c);
        *c += 1;
    }
    let bands = p.actors.len().max(1);
    let mut depth = vec![1usize; bands];
    for (&(b, _), &count) in &cell {
        if let Some(d) = depth.get_mut(b) {
            *d = (*d).max(count);
        }
    }
    let mut top = vec![0.0; bands];
    let mut y = 0.0;
    for b in 0..bands {
        top[b] = y;
        y += depth[b] as f64 * ROW + 2.0 * MARGIN;
    }
    p.step_indices()
        .iter()
        .map(|&n| {
            let s = &g[n];
            let (w, h) = size(s.kind);
            let b = band.get(&n).copied().unwrap_or(0).min(bands - 1);
            let x = LANE_HEADER + MARGIN + rank.get(&n).copied().unwrap_or(0) as f64 * COLUMN + (100.0 - w) / 2.0;
            let y = top[b] + MARGIN + slot.get(&n).copied().unwrap_or(0) as f64 * ROW + (80.0 - h) / 2.0;
            (s.id.clone(), (x, y))
        })
        .collect()
}

/// XML ids for the procedure's ids: the same id when it is a valid XML name not used yet by
/// another element, otherwise a derived one (the original then travels in `epure:id`).
struct Ids {
    used: HashSet<String>,
}

impl Ids {
    fn take(&mut self, wanted: &str, prefix: &str) -> String {
        if is_ncname(wanted) && self.used.insert(wanted.to_owned()) {
            return wanted.to_owned();
        }
        let clean: String = wanted.chars().map(|c| if c.is_alphanumeric() || c == '_' { c } else { '_' }).collect();
        let base = format!("{prefix}_{clean}");
        let mut id = base.clone();
        let mut n = 2;
        while !self.used.insert(id.clone()) {
            id = format!("{base}_{n}");
            n += 1;
        }
        id
    }
}

fn is_ncname(s: &str) -> bool {
    let mut chars = s.chars();
    chars.next().is_some_and(|c| c.is_alphabetic() || c == '_')
        && chars.all(|c| c.is_alphanumeric() || matches!(c, '_' | '-' | '.'))
}

fn attr(out: &mut String, name: &str, value: &str) {
    let _ = write!(out, " {name}=\"{}\"", escape(value));
}

fn num(v: f64) -> String {
    if v.fract() == 0.0 && v.abs() < 1e15 { format!("{}", v as i64) } else { format!("{v}") }
}

fn actor_kind(k: ActorKind) -> &'static str {
    match k {
        ActorKind::User => "user",
        ActorKind::Agent => "agent",
        ActorKind::Service => "service",
        ActorKind::Partner => "partner",
        ActorKind::System => "system",
    }
}

/// Writes `p` as a BPMN 2.0 document; the steps whose ids are in `flagged` are coloured.
pub fn export(p: &Procedure, flagged: &[String]) -> String {
    let flagged: HashSet<&str> = flagged.iter().map(String::as_str).collect();
    let mut ids = Ids { used: HashSet::new() };
    for fixed in ["Definitions_1", "Collaboration_1", "Participant_1", "Process_1", "LaneSet_1", "Diagram_1", "Plane_1"]
    {
        ids.used.insert(fixed.to_owned());
    }
    // Steps first, so that their ids (what other tools show) are the ones kept whenever possible.
    let step_xml: HashMap<&str, String> = p.steps().map(|s| (s.id.as_str(), ids.take(&s.id, "step"))).collect();
    let flow_xml: Vec<String> = p.flows().map(|f| ids.take(&f.flow.id, "flow")).collect();
    let lane_xml: Vec<String> = p.actors.iter().map(|a| ids.take(&a.id, "lane")).collect();
    let data_xml: HashMap<&str, String> = p.data.iter().map(|d| (d.id.as_str(), ids.take(&d.id, "data"))).collect();
    let data_ref: HashMap<&str, String> =
        p.data.iter().map(|d| (d.id.as_str(), ids.take(&format!("{}_ref", data_xml[d.id.as_str()]), "ref"))).collect();
    let epure_id = |out: &mut String, xml: &str, id: &str| {
        if xml != id {
            attr(out, "epure:id", id);
        }
    };

    let mut o = String::with_capacity(4096 + p.step_count() * 600);
    o.push_str("<?xml version=\"1.0\" encoding=\"UTF-8\"?>\n");
    let _ = writeln!(
        o,
        "<bpmn:definitions xmlns:bpmn=\"{MODEL_NS}\" xmlns:bpmndi=\"{BPMNDI_NS}\" xmlns:dc=\"{DC_NS}\" \
         xmlns:di=\"{DI_NS}\" xmlns:bioc=\"{BIOC_NS}\" xmlns:color=\"{COLOR_NS}\" xmlns:epure=\"{EPURE_NS}\" \
         id=\"Definitions_1\" targetNamespace=\"{EPURE_NS}\" exporter=\"Épure\" exporterVersion=\"{}\">",
        env!("CARGO_PKG_VERSION")
    );
    o.push_str("  <bpmn:collaboration id=\"Collaboration_1\">\n    <bpmn:participant id=\"Participant_1\"");
    attr(&mut o, "name", &p.meta.name);
    o.push_str(" processRef=\"Process_1\" />\n  </bpmn:collaboration>\n");
    o.push_str("  <bpmn:process id=\"Process_1\" isExecutable=\"false\">\n");
    if let Some(d) = &p.meta.description {
        let _ = writeln!(o, "    <bpmn:documentation>{}</bpmn:documentation>", escape(d.as_str()));
    }
    // Steps per actor, in the author's order: one pass, not one per actor.
    let mut in_lane: HashMap<&str, Vec<&str>> = HashMap::new();
    for s in p.steps() {
        if let Some(a) = &s.actor {
            in_lane.entry(a.as_str()).or_default().push(s.id.as_str());
        }
    }
    if !p.actors.is_empty() {
        o.push_str("    <bpmn:laneSet id=\"LaneSet_1\">\n");
        for (a, xml) in p.actors.iter().zip(&lane_xml) {
            o.push_str("      <bpmn:lane");
            attr(&mut o, "id", xml);
            attr(&mut o, "name", &a.name);
            attr(&mut o, "epure:kind", actor_kind(a.kind));
            epure_id(&mut o, xml, &a.id);
            o.push_str(">\n");
            for s in in_lane.get(a.id.as_str()).into_iter().flatten() {
                let _ = writeln!(o, "        <bpmn:flowNodeRef>{}</bpmn:flowNodeRef>", escape(step_xml[s].as_str()));
            }
            o.push_str("      </bpmn:lane>\n");
        }
        o.push_str("    </bpmn:laneSet>\n");
    }
    let flows: Vec<_> = p.flows().zip(&flow_xml).collect();
    let mut incoming: HashMap<&str, Vec<&String>> = HashMap::new();
    let mut outgoing: HashMap<&str, Vec<&String>> = HashMap::new();
    for (f, fx) in &flows {
        incoming.entry(f.to).or_default().push(fx);
        outgoing.entry(f.from).or_default().push(fx);
    }
    for s in p.steps() {
        let tag = match s.kind {
            StepKind::Start => "startEvent",
            StepKind::End => "endEvent",
            StepKind::Decision => "exclusiveGateway",
            StepKind::Parallel => "parallelGateway",
            StepKind::Task | StepKind::Approval | StepKind::Check => "task",
        };
        let xml = &step_xml[s.id.as_str()];
        let _ = write!(o, "    <bpmn:{tag}");
        attr(&mut o, "id", xml);
        if let Some(l) = s.label.as_deref().filter(|l| !l.is_empty()) {
            attr(&mut o, "name", l);
        }
        epure_id(&mut o, xml, &s.id);
        match s.kind {
            StepKind::Approval => attr(&mut o, "epure:kind", "approval"),
            StepKind::Check => attr(&mut o, "epure:kind", "check"),
            _ => {}
        }
        if let Some(d) = s.duration_min {
            attr(&mut o, "epure:duration_min", &num(d));
        }
        if let Some(w) = s.wait_min {
            attr(&mut o, "epure:wait_min", &num(w));
        }
        match (s.kind, s.outcome) {
            (_, Some(Outcome::Granted)) => attr(&mut o, "epure:outcome", "granted"),
            (_, Some(Outcome::Refused)) => attr(&mut o, "epure:outcome", "refused"),
            (_, Some(Outcome::Abandoned)) => attr(&mut o, "epure:outcome", "abandoned"),
            // Our import guesses an outcome from an end's name; say there is none.
            (StepKind::End, None) => attr(&mut o, "epure:outcome", "none"),
            _ => {}
        }
        o.push_str(">\n");
        if let Some(n) = &s.note {
            let _ = writeln!(o, "      <bpmn:documentation>{}</bpmn:documentation>", escape(n.as_str()));
        }
        for fx in incoming.get(s.id.as_str()).into_iter().flatten() {
            let _ = writeln!(o, "      <bpmn:incoming>{}</bpmn:incoming>", escape(fx.as_str()));
        }
        for fx in outgoing.get(s.id.as_str()).into_iter().flatten() {
            let _ = writeln!(o, "      <bpmn:outgoing>{}</bpmn:outgoing>", escape(fx.as_str()));
        }
        let inputs: Vec<&String> = s.requests.iter().filter(|d| data_ref.contains_key(d.as_str())).collect();
        if !inputs.is_empty() && s.kind.is_work() {
            let prop = ids.take(&format!("{xml}_input"), "property");
            let _ = writeln!(
                o,
                "      <bpmn:property id=\"{}\" name=\"__targetRef_placeholder\" />",
                escape(prop.as_str())
            );
            for d in inputs {
                let assoc = ids.take(&format!("{xml}_in_{}", data_xml[d.as_str()]), "association");
                let _ = writeln!(
                    o,
                    "      <bpmn:dataInputAssociation id=\"{}\"><bpmn:sourceRef>{}</bpmn:sourceRef><bpmn:targetRef>{}</bpmn:targetRef></bpmn:dataInputAssociation>",
                    escape(assoc.as_str()),
                    escape(data_ref[d.as_str()].as_str()),
                    escape(prop.as_str())
                );
            }
        }
        if s.kind.is_work() {
            for d in s.produces.iter().filter(|d| data_ref.contains_key(d.as_str())) {
                let assoc = ids.take(&format!("{xml}_out_{}", data_xml[d.as_str()]), "association");
                let _ = writeln!(
                    o,
                    "      <bpmn:dataOutputAssociation id=\"{}\"><bpmn:targetRef>{}</bpmn:targetRef></bpmn:dataOutputAssociation>",
                    escape(assoc.as_str()),
                    escape(data_ref[d.as_str()].as_str())
                );
            }
        }
        let _ = writeln!(o, "    </bpmn:{tag}>");
    }
    for d in &p.data {
        let xml = &data_xml[d.id.as_str()];
        o.push_str("    <bpmn:dataObject");
        attr(&mut o, "id", xml);
        attr(&mut o, "name", &d.name);
        epure_id(&mut o, xml, &d.id);
        o.push_str(" />\n    <bpmn:dataObjectReference");
        attr(&mut o, "id", &data_ref[d.id.as_str()]);
        attr(&mut o, "dataObjectRef", xml);
        o.push_str(" />\n");
    }
    for (f, xml) in &flows {
        o.push_str("    <bpmn:sequenceFlow");
        attr(&mut o, "id", xml);
        if let Some(l) = &f.flow.label {
            attr(&mut o, "name", l);
        }
        epure_id(&mut o, xml, &f.flow.id);
        attr(&mut o, "sourceRef", &step_xml[f.from]);
        attr(&mut o, "targetRef", &step_xml[f.to]);
        if let Some(pr) = f.flow.probability {
            attr(&mut o, "epure:probability", &num(pr));
        }
        if let Some(d) = f.flow.delay_min {
            attr(&mut o, "epure:delay_min", &num(d));
        }
        o.push_str(" />\n");
    }
    o.push_str("  </bpmn:process>\n");
    diagram(&mut o, p, &flagged, &step_xml, &flows, &lane_xml, &data_ref);
    o.push_str("</bpmn:definitions>\n");
    o
}

type Flows<'a, 'b> = [(epure_core::FlowRef<'a>, &'b String)];

fn bounds(o: &mut String, x: f64, y: f64, w: f64, h: f64) {
    let _ = write!(o, "<dc:Bounds x=\"{}\" y=\"{}\" width=\"{}\" height=\"{}\" />", num(x), num(y), num(w), num(h));
}

fn diagram(
    o: &mut String,
    p: &Procedure,
    flagged: &HashSet<&str>,
    step_xml: &HashMap<&str, String>,
    flows: &Flows<'_, '_>,
    lane_xml: &[String],
    data_ref: &HashMap<&str, String>,
) {
    let pos = positions(p);
    let shape_of = |id: &str| -> (f64, f64, f64, f64) {
        let (x, y) = pos.get(id).copied().unwrap_or((0.0, 0.0));
        let (w, h) = p.step(id).map(|s| size(s.kind)).unwrap_or((100.0, 80.0));
        (x, y, w, h)
    };
    // Lane bands: around their steps, stacked in the actors' order when they have none.
    let mut min_x = f64::INFINITY;
    let mut max_x = f64::NEG_INFINITY;
    for s in p.steps() {
        let (x, _, w, _) = shape_of(&s.id);
        min_x = min_x.min(x);
        max_x = max_x.max(x + w);
    }
    if !min_x.is_finite() {
        min_x = LANE_HEADER + MARGIN;
        max_x = min_x + 200.0;
    }
    let left = min_x - MARGIN - LANE_HEADER;
    let width = max_x - min_x + 2.0 * MARGIN + LANE_HEADER;
    let mut lanes: Vec<(f64, f64)> = Vec::new();
    let mut next_top = f64::NEG_INFINITY;
    let mut extent: HashMap<&str, (f64, f64)> = HashMap::new();
    for s in p.steps() {
        if let Some(a) = &s.actor {
            let (_, y, _, h) = shape_of(&s.id);
            let e = extent.entry(a.as_str()).or_insert((f64::INFINITY, f64::NEG_INFINITY));
            e.0 = e.0.min(y - MARGIN);
            e.1 = e.1.max(y + h + MARGIN);
        }
    }
    for a in &p.actors {
        let (mut top, mut bottom) = extent.get(a.id.as_str()).copied().unwrap_or((f64::INFINITY, f64::NEG_INFINITY));
        if !top.is_finite() {
            top = if next_top.is_finite() { next_top } else { 0.0 };
            bottom = top + ROW;
        }
        next_top = next_top.max(bottom);
        lanes.push((top, bottom));
    }
    let pool_top = lanes.iter().map(|l| l.0).fold(f64::INFINITY, f64::min);
    let pool_bottom = lanes.iter().map(|l| l.1).fold(f64::NEG_INFINITY, f64::max);
    let (pool_top, pool_bottom) = if pool_top.is_finite() {
        (pool_top, pool_bottom)
    } else {
        let ys: Vec<(f64, f64)> = p.steps().map(|s| shape_of(&s.id)).map(|(_, y, _, h)| (y, y + h)).collect();
        let t = ys.iter().map(|v| v.0).fold(0.0, f64::min) - MARGIN;
        let b = ys.iter().map(|v| v.1).fold(ROW, f64::max) + MARGIN;
        (t, b)
    };

    o.push_str("  <bpmndi:BPMNDiagram id=\"Diagram_1\">\n    <bpmndi:BPMNPlane id=\"Plane_1\" bpmnElement=\"Collaboration_1\">\n");
    o.push_str("      <bpmndi:BPMNShape id=\"Participant_1_di\" bpmnElement=\"Participant_1\" isHorizontal=\"true\">");
    bounds(o, left - LANE_HEADER, pool_top, width + LANE_HEADER, pool_bottom - pool_top);
    o.push_str("</bpmndi:BPMNShape>\n");
    for (xml, (top, bottom)) in lane_xml.iter().zip(&lanes) {
        let _ = write!(
            o,
            "      <bpmndi:BPMNShape id=\"{}_di\" bpmnElement=\"{}\" isHorizontal=\"true\">",
            escape(xml.as_str()),
            escape(xml.as_str())
        );
        bounds(o, left, *top, width, bottom - top);
        o.push_str("</bpmndi:BPMNShape>\n");
    }
    for s in p.steps() {
        let xml = &step_xml[s.id.as_str()];
        let (x, y, w, h) = shape_of(&s.id);
        let _ = write!(
            o,
            "      <bpmndi:BPMNShape id=\"{}_di\" bpmnElement=\"{}\"",
            escape(xml.as_str()),
            escape(xml.as_str())
        );
        if flagged.contains(s.id.as_str()) {
            let _ = write!(
                o,
                " bioc:stroke=\"{STROKE}\" bioc:fill=\"{FILL}\" color:border-color=\"{STROKE}\" color:background-color=\"{FILL}\""
            );
        }
        if matches!(s.kind, StepKind::Decision) {
            o.push_str(" isMarkerVisible=\"true\"");
        }
        o.push('>');
        bounds(o, x, y, w, h);
        o.push_str("</bpmndi:BPMNShape>\n");
    }
    // Data object references: beside the first step that uses each.
    let mut first_user: HashMap<&str, &str> = HashMap::new();
    for s in p.steps() {
        for d in s.requests.iter().chain(&s.produces) {
            first_user.entry(d.as_str()).or_insert(s.id.as_str());
        }
    }
    for d in &p.data {
        let Some(user) = first_user.get(d.id.as_str()).and_then(|id| p.step(id)) else { continue };
        let (x, y, _, _) = shape_of(&user.id);
        let r = &data_ref[d.id.as_str()];
        let _ = write!(
            o,
            "      <bpmndi:BPMNShape id=\"{}_di\" bpmnElement=\"{}\">",
            escape(r.as_str()),
            escape(r.as_str())
        );
        bounds(o, x + 64.0, y - 60.0, 36.0, 50.0);
        o.push_str("</bpmndi:BPMNShape>\n");
    }
    for (f, xml) in flows {
        let (ax, ay, aw, ah) = shape_of(f.from);
        let (bx, by, _, bh) = shape_of(f.to);
        let (x1, y1) = (ax + aw, ay + ah / 2.0);
        let (x2, y2) = (bx, by + bh / 2.0);
        let _ = write!(
            o,
            "      <bpmndi:BPMNEdge id=\"{}_di\" bpmnElement=\"{}\">",
            escape(xml.as_str()),
            escape(xml.as_str())
        );
        let mid = (x1 + x2) / 2.0;
        for (x, y) in [(x1, y1), (mid, y1), (mid, y2), (x2, y2)] {
            let _ = write!(o, "<di:waypoint x=\"{}\" y=\"{}\" />", num(x), num(y));
        }
        o.push_str("</bpmndi:BPMNEdge>\n");
    }
    o.push_str("    </bpmndi:BPMNPlane>\n  </bpmndi:BPMNDiagram>\n");
}
