//! How BPMN constructs map to a procedure: one `check(bpmn, expect)` per construct, the
//! expectation being a compact rendering of the procedure and its report.

use epure_bpmn::{Lang, import};
use epure_core::Procedure;

/// One line per actor, step and flow, then the report's lines.
fn render(p: &Procedure, report: &epure_bpmn::ImportReport) -> String {
    let mut out = vec![format!("procedure {:?}", p.meta.name)];
    if let Some(d) = &p.meta.description {
        out.push(format!("description {d:?}"));
    }
    for a in &p.actors {
        out.push(format!("actor {} {:?} {:?}", a.id, a.name, a.kind));
    }
    for d in &p.data {
        out.push(format!("data {} {:?} {:?}", d.id, d.name, d.kind()));
    }
    for s in p.steps() {
        let mut line = format!("step {} {} {:?}", s.id, s.kind.as_str(), s.label());
        if let Some(a) = &s.actor {
            line.push_str(&format!(" @{a}"));
        }
        if let Some(c) = s.channel {
            line.push_str(&format!(" channel={c:?}"));
        }
        if let Some(w) = s.wait_min {
            line.push_str(&format!(" wait={w}"));
        }
        if let Some(o) = s.outcome {
            line.push_str(&format!(" outcome={o:?}"));
        }
        if !s.requests.is_empty() {
            line.push_str(&format!(" requests={:?}", s.requests));
        }
        if !s.produces.is_empty() {
            line.push_str(&format!(" produces={:?}", s.produces));
        }
        if let Some(pos) = s.position {
            line.push_str(&format!(" at=({},{})", pos.x, pos.y));
        }
        if let Some(n) = &s.note {
            line.push_str(&format!(" note={n:?}"));
        }
        out.push(line);
    }
    for f in p.flows() {
        let mut line = format!("flow {} {}->{}", f.flow.id, f.from, f.to);
        if let Some(l) = &f.flow.label {
            line.push_str(&format!(" {l:?}"));
        }
        if let Some(pr) = f.flow.probability {
            line.push_str(&format!(" p={pr:.3}"));
        }
        out.push(line);
    }
    out.extend(report.lines(Lang::En).into_iter().map(|l| format!("report {l}")));
    out.join("\n")
}

fn check(bpmn: &str, expect: &str) {
    let (p, report) = import(bpmn.as_bytes()).unwrap_or_else(|e| panic!("{e}"));
    // Whatever the input, the result is a valid procedure.
    let back = epure_core::format::from_str(&epure_core::format::to_string(&p));
    assert!(back.is_ok(), "invalid: {back:?}");
    let got = render(&p, &report);
    let expect: Vec<&str> = expect.trim().lines().map(str::trim).collect();
    assert_eq!(got, expect.join("\n"), "\n--- got ---\n{got}\n");
}

#[test]
fn prefixes_do_not_matter_only_namespaces_do() {
    let expect = r#"
        procedure "P"
        actor p "P" Service
        step s start ""
        step t task "Do it" @p
        step e end ""
        flow f1 s->t
        flow f2 t->e
        report process p: process without lanes, actor "p" created
    "#;
    let body = |pre: &str| {
        format!(
            r#"<{pre}process id="p" name="P"><{pre}startEvent id="s"/><{pre}task id="t" name="Do it"/><{pre}endEvent id="e"/>
            <{pre}sequenceFlow id="f1" sourceRef="s" targetRef="t"/><{pre}sequenceFlow id="f2" sourceRef="t" targetRef="e"/></{pre}process>"#
        )
    };
    let m = "http://www.omg.org/spec/BPMN/20100524/MODEL";
    for (open, pre, close) in [
        (format!(r#"<definitions xmlns="{m}">"#), "", "</definitions>"),
        (format!(r#"<bpmn:definitions xmlns:bpmn="{m}">"#), "bpmn:", "</bpmn:definitions>"),
        (format!(r#"<bpmn2:definitions xmlns:bpmn2="{m}">"#), "bpmn2:", "</bpmn2:definitions>"),
        (format!(r#"<semantic:definitions xmlns:semantic="{m}">"#), "semantic:", "</semantic:definitions>"),
        (format!(r#"<x:definitions xmlns:x="{m}" xmlns="urn:other">"#), "x:", "</x:definitions>"),
    ] {
        check(&format!("{open}{}{close}", body(pre)), expect);
    }
    // A default namespace redeclared on an inner element.
    check(
        &format!(
            r#"<b:definitions xmlns:b="{m}"><process xmlns="{m}" id="p" name="P"><startEvent id="s"/><task id="t" name="Do it"/>
            <endEvent id="e"/><sequenceFlow id="f1" sourceRef="s" targetRef="t"/><sequenceFlow id="f2" sourceRef="t" targetRef="e"/>
            </process></b:definitions>"#
        ),
        expect,
    );
}

const HEAD: &str = r#"<definitions xmlns="http://www.omg.org/spec/BPMN/20100524/MODEL"
  xmlns:bpmndi="http://www.omg.org/spec/BPMN/20100524/DI" xmlns:dc="http://www.omg.org/spec/DD/20100524/DC">"#;

#[test]
fn lanes_pools_tasks_gateways_and_positions() {
    check(
        &format!(
            r#"{HEAD}
  <collaboration id="c">
    <participant id="pool" name="Mairie" processRef="p"/>
    <participant id="caf" name="CAF"/>
    <messageFlow id="m1" name="demande" sourceRef="t1" targetRef="caf"/>
  </collaboration>
  <process id="p">
    <laneSet><lane id="usager" name="Usager"><flowNodeRef>t1</flowNodeRef></lane>
      <lane id="back" name="Service instructeur"><flowNodeRef>g</flowNodeRef><flowNodeRef>t2</flowNodeRef><flowNodeRef>t3</flowNodeRef>
        <flowNodeRef>x</flowNodeRef><flowNodeRef>j</flowNodeRef></lane></laneSet>
    <startEvent id="s" name="Demande reçue"/>
    <userTask id="t1" name="Remplir le formulaire"/>
    <exclusiveGateway id="g" name="Complet ?"/>
    <serviceTask id="t2" name="Calculer"/>
    <sendTask id="t3" name="Envoyer"/>
    <inclusiveGateway id="x"/>
    <parallelGateway id="j"/>
    <endEvent id="e1" name="Demande refusée"/>
    <endEvent id="e2" name="Accordée"><terminateEventDefinition/></endEvent>
    <sequenceFlow id="f1" sourceRef="s" targetRef="t1"/>
    <sequenceFlow id="f2" sourceRef="t1" targetRef="g"/>
    <sequenceFlow id="f3" name="oui" sourceRef="g" targetRef="t2"/>
    <sequenceFlow id="f4" sourceRef="g" targetRef="t3"><conditionExpression>dossier incomplet</conditionExpression></sequenceFlow>
    <sequenceFlow id="f5" sourceRef="g" targetRef="e1"/>
    <sequenceFlow id="f6" sourceRef="t2" targetRef="x"/>
    <sequenceFlow id="f7" sourceRef="x" targetRef="j"/>
    <sequenceFlow id="f8" sourceRef="x" targetRef="e2"/>
    <sequenceFlow id="f9" sourceRef="ghost" targetRef="e2"/>
    <group id="grp"/>
  </process>
  <message id="msg"/>
  <bpmndi:BPMNDiagram><bpmndi:BPMNPlane>
    <bpmndi:BPMNShape bpmnElement="t1"><dc:Bounds x="10.004" y="20" width="100" height="80"/></bpmndi:BPMNShape>
  </bpmndi:BPMNPlane></bpmndi:BPMNDiagram>
</definitions>"#
        ),
        r#"
        procedure "Mairie"
        actor usager "Usager" User
        actor back "Service instructeur" Service
        actor caf "CAF" Partner
        step s start "Demande reçue"
        step t1 task "Remplir le formulaire" @usager channel=Internal at=(10,20)
        step g decision "Complet ?" @back
        step t2 task "Calculer" @back channel=Internal
        step t3 task "Envoyer" @back
        step x decision "" @back
        step j parallel "" @back
        step e1 end "Demande refusée" outcome=Refused
        step e2 end "Accordée"
        flow f1 s->t1
        flow f2 t1->g
        flow f3 g->t2 "oui" p=0.333
        flow f4 g->t3 "dossier incomplet" p=0.333
        flow f5 g->e1 p=0.333
        flow f6 t2->x
        flow f7 x->j p=0.500
        flow f8 x->e2 p=0.500
        report inclusiveGateway x: read as an exclusive decision "x" (several ways out could be taken together), to check
        report group grp: element not supported: not imported
        report participant caf: pool without a process, partner actor "caf"
        report sequenceFlow f9: refers to "ghost", which is unknown: not imported
        report messageFlow m1: message flow to or from a whole pool: no flow between steps can carry it
        report gateway g: decision "g": probabilities spread evenly over its 3 ways out, to confirm
        report gateway x: decision "x": probabilities spread evenly over its 2 ways out, to confirm
        report message msg: supporting definition (message, error, item type…), not needed by a procedure
    "#,
    );
}

#[test]
fn starts_events_subprocesses_data_and_annotations() {
    check(
        &format!(
            r#"{HEAD}
  <collaboration id="c">
    <participant id="pa" name="Agence" processRef="pa_p"/>
    <participant id="pb" name="Partenaire" processRef="pb_p"/>
    <messageFlow id="m1" sourceRef="t1" targetRef="s2"/>
    <textAnnotation id="a2"><text>Note générale</text></textAnnotation>
  </collaboration>
  <dataStore id="ds" name="Base des usagers"/>
  <process id="pa_p">
    <startEvent id="s1"/>
    <task id="t1" name="Instruire">
      <dataInputAssociation><sourceRef>dor</sourceRef><targetRef>in1</targetRef></dataInputAssociation>
      <dataOutputAssociation><targetRef>dsr</targetRef></dataOutputAssociation>
    </task>
    <boundaryEvent id="b1" attachedToRef="t1"><timerEventDefinition/></boundaryEvent>
    <intermediateCatchEvent id="w"><timerEventDefinition><timeDuration>P2DT1H</timeDuration></timerEventDefinition></intermediateCatchEvent>
    <subProcess id="sp" name="Contrôles">
      <startEvent id="sp_s"/><task id="sp_t" name="Vérifier"/><sequenceFlow id="sp_f" sourceRef="sp_s" targetRef="sp_t"/>
    </subProcess>
    <endEvent id="e"/>
    <dataObject id="do" name="Dossier"/>
    <dataObjectReference id="dor" dataObjectRef="do"/>
    <dataStoreReference id="dsr" dataStoreRef="ds"/>
    <textAnnotation id="a1"><text>À faire vite</text></textAnnotation>
    <association id="as1" sourceRef="t1" targetRef="a1"/>
    <sequenceFlow id="f1" sourceRef="s1" targetRef="t1"/>
    <sequenceFlow id="f2" sourceRef="t1" targetRef="w"/>
    <sequenceFlow id="f3" sourceRef="w" targetRef="sp"/>
    <sequenceFlow id="f4" sourceRef="sp" targetRef="e"/>
    <sequenceFlow id="f5" sourceRef="b1" targetRef="e"/>
  </process>
  <process id="pb_p">
    <startEvent id="s2" name="Demande reçue"/>
    <task id="t2" name="Répondre"/>
    <sequenceFlow id="g1" sourceRef="s2" targetRef="t2"/>
  </process>
</definitions>"#
        ),
        r#"
        procedure "Agence"
        description "Note générale"
        actor pa "Agence" Service
        actor pb "Partenaire" Partner
        data ds "Base des usagers" Field
        data do "Dossier" Document
        step s1 start ""
        step t1 task "Instruire" @pa requests=["do"] produces=["ds"] note="À faire vite"
        step b1 task "Exception (b1)" @pa note="Événement de bordure BPMN (timerEventDefinition)."
        step w task "Attente (w)" @pa wait=900 note="Événement intermédiaire BPMN (timerEventDefinition)."
        step sp task "Contrôles" @pa note="Sous-processus BPMN gardé comme une étape ; il contient : startEvent sp_s ; task « Vérifier » ; sequenceFlow sp_f."
        step e end ""
        step s2 task "Demande reçue" @pb note="Événement de début BPMN : une démarche n'a qu'un début, celui-ci reste à relier."
        step t2 task "Répondre" @pb
        flow f1 s1->t1
        flow f2 t1->w
        flow f3 w->sp
        flow f4 sp->e
        flow f5 b1->e
        flow g1 s2->t2
        flow f7 t1->b1 "exception"
        flow m1 t1->s2
        report process pa_p: process without lanes, actor "pa" created
        report intermediateCatchEvent w: timer, became the wait of step "w" (900 min)
        report subProcess sp: sub-process kept as one step "sp"; its 3 elements are listed in its note
        report startEvent sp_s: inside sub-process "sp" (in its note)
        report task sp_t: inside sub-process "sp" (in its note)
        report sequenceFlow sp_f: inside sub-process "sp" (in its note)
        report process pb_p: process without lanes, actor "pb" created
        report startEvent s2: another start event, kept as step "s2" (a procedure has one start), to connect
        report boundaryEvent b1: boundary event, step "b1" reached from "t1"
        report messageFlow m1: message flow, became flow "m1"
        report textAnnotation a2: annotation, added to the procedure's description
        report textAnnotation a1: annotation, added to the note of "t1"
    "#,
    );
}

#[test]
fn a_model_without_start_gets_one() {
    check(
        &format!(
            r#"{HEAD}<process id="p" name="Sans début"><task id="a" name="A"/><task id="b" name="B"/>
            <sequenceFlow id="f" sourceRef="a" targetRef="b"/></process></definitions>"#
        ),
        r#"
        procedure "Sans début"
        actor p "Sans début" Service
        step a task "A" @p
        step b task "B" @p
        step debut3 start ""
        flow f a->b
        flow f2 debut3->a
        report process p: process without lanes, actor "p" created
        report startEvent: no start event: start "debut3" added, joined to 1 steps
    "#,
    );
}

#[test]
fn duplicate_and_missing_ids_are_renamed() {
    check(
        &format!(
            r#"{HEAD}<process id="p" name="P"><startEvent id="s"/><task id="s" name="A"/><task name="B"/></process></definitions>"#
        ),
        r#"
        procedure "P"
        actor p "P" Service
        step s start ""
        step s_2 task "A" @p
        step task3 task "B" @p
        report process p: process without lanes, actor "p" created
        report task s: id missing or already taken, renamed "s_2"
        report task: id missing or already taken, renamed "task3"
    "#,
    );
}

#[test]
fn iso_durations() {
    use epure_bpmn::import::words::iso_duration_minutes as d;
    assert_eq!(d("PT30M"), Some(30.0));
    assert_eq!(d("P1D"), Some(420.0));
    assert_eq!(d("P1W"), Some(2100.0));
    assert_eq!(d("P1DT2H"), Some(540.0));
    assert_eq!(d("PT90S"), Some(1.5));
    assert_eq!(d("P1M"), None);
    assert_eq!(d("P"), None);
    assert_eq!(d("1D"), None);
    assert_eq!(d("PT"), None);
    assert_eq!(d("PxD"), None);
}

#[test]
fn other_producers_habits_bom_crlf_cdata_and_qualified_attributes() {
    // A byte-order mark, CRLF line ends, an XML declaration naming the encoding, CDATA and
    // character references in names, `xsi:type` on expressions, an end named as a refusal.
    let xml = "\u{feff}<?xml version=\"1.0\" encoding=\"UTF-8\" standalone=\"yes\"?>\r\n\
        <semantic:definitions xmlns:semantic=\"http://www.omg.org/spec/BPMN/20100524/MODEL\" \
        xmlns:xsi=\"http://www.w3.org/2001/XMLSchema-instance\">\r\n\
        <semantic:process id=\"p\" name=\"Caf&#233;\">\r\n\
        <semantic:startEvent id=\"s\" name=\"D&#xe9;but\"/>\r\n\
        <semantic:exclusiveGateway id=\"g\" name=\"ok?\"/>\r\n\
        <semantic:endEvent id=\"e1\" name=\"Rejected\"/><semantic:endEvent id=\"e2\" name=\"Done\"/>\r\n\
        <semantic:sequenceFlow id=\"f1\" sourceRef=\"s\" targetRef=\"g\"/>\r\n\
        <semantic:sequenceFlow id=\"f2\" sourceRef=\"g\" targetRef=\"e1\">\
        <semantic:conditionExpression xsi:type=\"semantic:tFormalExpression\"><![CDATA[a < b]]></semantic:conditionExpression>\
        </semantic:sequenceFlow>\r\n\
        <semantic:sequenceFlow id=\"f3\" name=\"yes &amp; more\" sourceRef=\"g\" targetRef=\"e2\"/>\r\n\
        </semantic:process></semantic:definitions>\r\n";
    check(
        xml,
        r#"
        procedure "Café"
        step s start "Début"
        step g decision "ok?"
        step e1 end "Rejected" outcome=Refused
        step e2 end "Done"
        flow f1 s->g
        flow f2 g->e1 "a < b" p=0.500
        flow f3 g->e2 "yes & more" p=0.500
        report gateway g: decision "g": probabilities spread evenly over its 2 ways out, to confirm
    "#,
    );
}
