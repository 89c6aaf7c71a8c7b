//! Hostile and broken input: refused fast, with one clear line, never a panic or a hang.

use std::time::{Duration, Instant};

use epure_bpmn::{BpmnError, Limits, import, import_file, import_with};

const MODEL: &str = "http://www.omg.org/spec/BPMN/20100524/MODEL";

/// Imports `bytes`, expects the error message `expect`, within a second.
fn check_refused(bytes: &[u8], expect: &str) {
    let t = Instant::now();
    let err = import(bytes)
        .err()
        .unwrap_or_else(|| panic!("accepted: {:?}", String::from_utf8_lossy(&bytes[..bytes.len().min(200)])));
    assert!(t.elapsed() < Duration::from_secs(1), "took {:?}", t.elapsed());
    assert_eq!(err.to_string(), expect);
}

#[test]
fn billion_laughs_is_refused_at_the_doctype() {
    let mut xml = String::from("<?xml version=\"1.0\"?>\n<!DOCTYPE lolz [\n<!ENTITY lol \"lol\">\n");
    for i in 1..10 {
        let prev = if i == 1 { "lol".to_owned() } else { format!("lol{}", i - 1) };
        xml.push_str(&format!("<!ENTITY lol{i} \"{}\">\n", format!("&{prev};").repeat(10)));
    }
    xml.push_str(&format!("]>\n<definitions xmlns=\"{MODEL}\"><process id=\"p\" name=\"&lol9;\"/></definitions>\n"));
    check_refused(
        xml.as_bytes(),
        "the file declares a document type or entities (<!DOCTYPE>, line 2): refused, BPMN needs none and they are \
         a known attack (billion laughs, external entities)",
    );
}

#[test]
fn external_entities_are_refused_and_nothing_is_fetched() {
    check_refused(
        b"<?xml version=\"1.0\"?><!DOCTYPE d [<!ENTITY x SYSTEM \"file:///etc/passwd\">]><d>&x;</d>",
        "the file declares a document type or entities (<!DOCTYPE>, line 1): refused, BPMN needs none and they are \
         a known attack (billion laughs, external entities)",
    );
    // Without a declaration, an entity reference is refused, not looked up.
    check_refused(
        format!("<definitions xmlns=\"{MODEL}\">\n<process id=\"p\" name=\"&xxe;\"/></definitions>").as_bytes(),
        "unknown entity reference &xxe; (line 2): refused, entities are never expanded",
    );
    check_refused(
        format!("<definitions xmlns=\"{MODEL}\"><documentation>&xxe;</documentation></definitions>").as_bytes(),
        "unknown entity reference &xxe; (line 1): refused, entities are never expanded",
    );
}

#[test]
fn ten_thousand_deep_nesting_is_refused() {
    let depth = 10_000;
    let xml = format!(
        "<definitions xmlns=\"{MODEL}\">\n{}{}</definitions>",
        "<subProcess>".repeat(depth),
        "</subProcess>".repeat(depth)
    );
    check_refused(xml.as_bytes(), "nested deeper than 256 elements (line 2): refused, no real BPMN model is that deep");
}

#[test]
fn a_100_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.bpmn");
    let f = std::fs::File::create(&path).unwrap();
    // Sparse: the size is what is checked, before a byte is read.
    f.set_len(100 * 1024 * 1024).unwrap();
    let t = Instant::now();
    let err = import_file(&path).unwrap_err();
    assert!(t.elapsed() < Duration::from_millis(100), "took {:?}", t.elapsed());
    assert_eq!(err.to_string(), "too large (100 MB; BPMN files are read up to 50 MB)");
    // In memory too.
    let limits = Limits { max_bytes: 1024, ..Limits::default() };
    assert_eq!(import_with(&[b' '; 2048], &limits).unwrap_err(), BpmnError::TooLarge { size_mb: 0, limit_mb: 0 });
}

#[test]
fn too_many_elements_are_refused() {
    let xml = format!("<definitions xmlns=\"{MODEL}\">{}</definitions>", "<task/>".repeat(500_001));
    // No time bound here: the elements must be read to be counted, and a debug build on a
    // loaded machine is slow; the point is the refusal and its message.
    let err = import(xml.as_bytes()).unwrap_err();
    assert_eq!(err.to_string(), "more than 500000 XML elements: refused, no real BPMN model is that large");
    let limits = Limits { max_elements: 10, ..Limits::default() };
    let err = import_with(xml.as_bytes(), &limits).unwrap_err();
    assert_eq!(err, BpmnError::TooManyElements { limit: 10 });
}

#[test]
fn broken_files_get_one_clear_line() {
    let cases: [(&[u8], &str); 9] = [
        (b"", "malformed XML (line 1): no element at all"),
        (b"   \n", "malformed XML (line 1): no element at all"),
        (b"not xml at all", "malformed XML (line 1): no element at all"),
        (b"<definitions", "malformed XML (line 1): syntax error: tag not closed: `>` not found before end of input"),
        (
            b"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"><process>",
            "malformed XML (line 1): the file ends inside an element",
        ),
        (b"<a><b></a>", "malformed XML (line 1): ill-formed document: expected `</b>`, but `</a>` was found"),
        (b"\xff\xfe<\x00a\x00/\x00>\x00", "not UTF-8 text: UTF-16; save the file as UTF-8"),
        (b"<a>\xc3\x28</a>", "not UTF-8 text: invalid byte at offset 3"),
        (
            b"<definitions xmlns=\"http://www.omg.org/spec/BPMN/20100524/MODEL\"/>",
            "the file holds no process to import (no process, no pool)",
        ),
    ];
    for (bytes, expect) in cases {
        check_refused(bytes, expect);
    }
}

#[test]
fn a_file_of_another_kind_is_not_bpmn() {
    // The prefix says bpmn, the namespace says otherwise: namespaces decide.
    check_refused(
        b"<bpmn:definitions xmlns:bpmn=\"http://example.com/not-bpmn\"/>",
        "not a BPMN 2.0 file: the root element is <definitions>, not <definitions> in the BPMN 2.0 model namespace",
    );
    check_refused(
        b"<svg xmlns=\"http://www.w3.org/2000/svg\"/>",
        "not a BPMN 2.0 file: the root element is <svg>, not <definitions> in the BPMN 2.0 model namespace",
    );
}

#[test]
fn wide_files_import_in_linear_time() {
    // Many pools, processes, lanes and tasks: every lookup is a map, so this takes well under
    // a second in release (a search per pool made it minutes).
    let n = 20_000;
    let mut xml = format!("<definitions xmlns=\"{MODEL}\"><collaboration>");
    for i in 0..n {
        xml.push_str(&format!("<participant id=\"pa{i}\" processRef=\"p{i}\"/>"));
    }
    xml.push_str("</collaboration>");
    for i in 0..n {
        xml.push_str(&format!(
            "<process id=\"p{i}\"><laneSet><lane id=\"l{i}\"><flowNodeRef>t{i}</flowNodeRef></lane></laneSet>\
             <task id=\"t{i}\" name=\"T\"/></process>"
        ));
    }
    xml.push_str("</definitions>");
    let t = Instant::now();
    let (p, _) = import(xml.as_bytes()).unwrap();
    assert_eq!(p.step_count(), n + 1);
    assert_eq!(p.actors.len(), n);
    let exported = epure_bpmn::export(&p, &[]);
    assert!(t.elapsed() < Duration::from_secs(60), "took {:?}", t.elapsed());
    assert!(import(exported.as_bytes()).is_ok());
}
