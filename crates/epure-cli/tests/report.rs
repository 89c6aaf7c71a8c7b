//! `epure report` as people run it: the PDF is written (atomically), speaks French by default
//! and English on request, and bad input gets one line and exit status 2.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn epure(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epure")).args(args).output().expect("run epure")
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples").join(format!("{name}.epure.json"))
}

fn text_of(pdf: &Path) -> String {
    let out = Command::new("pdftotext").args(["-raw", pdf.to_str().unwrap(), "-"]).output().expect("pdftotext");
    String::from_utf8_lossy(&out.stdout).replace(['\u{a0}', '\u{202f}'], " ")
}

#[test]
fn report_on_one_procedure() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("rapport.pdf");
    let run = epure(&[
        "report",
        sample("cantine-scolaire").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--date",
        "2026-11-28",
        "--author",
        "Service Éducation",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let text = text_of(&out);
    for s in [
        "Inscription à la cantine scolaire",
        "28 novembre 2026",
        "Service Éducation",
        "Synthèse",
        "Annexe",
        "Passages de relais",
    ] {
        assert!(text.contains(s), "{s:?} missing");
    }
    assert!(!text.contains("Procédure cible"));
    // Only the report is left in the folder: no temporary file.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn before_after_report_in_english() {
    let dir = tempfile::tempdir().unwrap();
    let out = dir.path().join("report.pdf");
    let run = epure(&[
        "report",
        sample("conge-agent").to_str().unwrap(),
        sample("conge-agent").to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
        "--lang",
        "en",
        "--date",
        "2026-11-28",
    ]);
    assert_eq!(run.status.code(), Some(0), "{}", String::from_utf8_lossy(&run.stderr));
    let text = text_of(&out);
    for s in [
        "Analysis and simplification report",
        "28 November 2026",
        "Target procedure",
        "Figures before / after",
        "Changes made",
    ] {
        assert!(text.contains(s), "{s:?} missing");
    }
}

#[test]
fn bad_input_gets_one_line_and_no_report() {
    let dir = tempfile::tempdir().unwrap();
    let bad = dir.path().join("bad.epure.json");
    std::fs::write(&bad, b"{").unwrap();
    let out = dir.path().join("r.pdf");
    let run = epure(&[
        "report",
        sample("cantine-scolaire").to_str().unwrap(),
        bad.to_str().unwrap(),
        "-o",
        out.to_str().unwrap(),
    ]);
    assert_eq!(run.status.code(), Some(2));
    let err = String::from_utf8_lossy(&run.stderr);
    assert_eq!(err.lines().count(), 1, "{err}");
    assert!(err.starts_with(&format!("{}: ", bad.display())), "{err}");
    assert!(!out.exists());

    let missing = epure(&["report", "/nonexistent/p.epure.json", "-o", out.to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(String::from_utf8_lossy(&missing.stderr), "/nonexistent/p.epure.json: no such file\n");
}

#[test]
fn a_report_on_a_procedure_of_the_store_is_kept_in_the_store_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("epure.db");
    let db_arg = db.to_str().unwrap();
    let sample = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples/conge-agent.epure.json");
    let import = Command::new(env!("CARGO_BIN_EXE_epure"))
        .args(["--db", db_arg, "import", sample.to_str().unwrap()])
        .output()
        .unwrap();
    let id = String::from_utf8_lossy(&import.stdout).trim().to_owned();
    let pdf = dir.path().join("rapport.pdf");
    let out = Command::new(env!("CARGO_BIN_EXE_epure"))
        .args(["--db", db_arg, "report", &id, "-o", pdf.to_str().unwrap(), "--date", "2026-11-28"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    assert!(
        String::from_utf8_lossy(&out.stdout).starts_with("rapport n° "),
        "{}",
        String::from_utf8_lossy(&out.stdout)
    );
    let store = epure_store::Store::open(&db).unwrap();
    let reports = store.reports(&id).unwrap();
    assert_eq!(reports.len(), 1);
    assert!(reports[0].page_count > 1);
    assert_eq!(store.report_pdf(reports[0].id).unwrap(), std::fs::read(&pdf).unwrap());
}

#[test]
fn findings_name_their_steps_documents_and_flows_in_words() {
    let dir = tempfile::tempdir().unwrap();
    let pdf = dir.path().join("cantine.pdf");
    let cantine = sample("cantine-scolaire");
    let out = epure(&["report", cantine.to_str().unwrap(), "-o", pdf.to_str().unwrap(), "--date", "2026-11-28"]);
    assert_eq!(out.status.code(), Some(0), "{}", String::from_utf8_lossy(&out.stderr));
    let words = text_of(&pdf).split_whitespace().collect::<Vec<_>>().join(" ");
    // The media break's flow is named by the steps it joins, never by its id.
    assert!(words.contains("flux « Contrôler les justificatifs au guichet » → « Créer le dossier famille"), "{words}");
    assert!(words.contains("Dites-le-nous une fois"));
}
