//! The `epure` binary as scripts and people use it: exit status, one line per problem naming
//! the file, never a panic, whatever the input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn epure(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epure")).args(args).output().expect("run epure")
}

fn samples() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(&dir)
        .expect("samples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".epure.json"))
        .collect();
    files.sort();
    files
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

/// Runs `epure validate` on a file holding `bytes`; expects exit 2 and exactly one line naming it.
fn check_refused(name: &str, bytes: &[u8], expect: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join(name);
    std::fs::write(&path, bytes).unwrap();
    let out = epure(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2), "{}", stderr(&out));
    assert_eq!(stderr(&out), format!("{}: {expect}\n", path.display()));
    assert_eq!(stdout(&out), "");
}

#[test]
fn validate_summarises_every_sample() {
    let files = samples();
    assert!(files.len() >= 5, "at least five samples");
    let mut args = vec!["validate"];
    args.extend(files.iter().map(|p| p.to_str().unwrap()));
    let out = epure(&args);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    let lines: Vec<&str> = text.lines().collect();
    assert_eq!(lines.len(), files.len());
    for (line, file) in lines.iter().zip(&files) {
        assert!(line.starts_with(&format!("{}: « ", file.display())), "{line}");
        assert!(line.contains("étapes de travail") && line.contains("acteurs") && line.contains("relais"), "{line}");
    }
}

#[test]
fn validate_speaks_english_on_request() {
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../epure-core/tests/fixtures/worked-example.epure.json");
    let out = epure(&["--lang", "en", "validate", example.to_str().unwrap()]);
    assert_eq!(
        stdout(&out),
        format!("{}: \"Inscription à la cantine\": 3 work steps, 3 actors, 2 handoffs\n", example.display())
    );
}

#[test]
fn bad_input_gets_one_line_and_exit_2() {
    check_refused("empty.epure.json", b"", "the file is empty");
    check_refused(
        "garbage.epure.json",
        &[0x89, b'P', b'N', b'G', 0, 1, 2, 0xff],
        "not valid JSON: expected value (line 1, column 1)",
    );
    let deep = format!("{}{}", "[".repeat(10_000), "]".repeat(10_000));
    check_refused("deep.epure.json", deep.as_bytes(), "not valid JSON: nested too deeply (line 1, column 128)");
    check_refused("array.epure.json", b"[]", "not an Épure procedure: the file must hold a JSON object");

    let missing = epure(&["validate", "/nonexistent/x.epure.json"]);
    assert_eq!(missing.status.code(), Some(2));
    assert_eq!(stderr(&missing), "/nonexistent/x.epure.json: no such file\n");
}

#[test]
fn a_200_mb_file_is_refused_before_it_is_read() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("huge.epure.json");
    // Sparse: takes no disk space, but reports 200 MB.
    std::fs::File::create(&path).unwrap().set_len(200 * 1024 * 1024).unwrap();
    let out = epure(&["validate", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(
        stderr(&out),
        format!("{}: too large (200 MB; procedure files are read up to 100 MB)\n", path.display())
    );
}

#[test]
fn fmt_rewrites_canonically_and_check_reports_without_writing() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("p.epure.json");
    let example = Path::new(env!("CARGO_MANIFEST_DIR")).join("../epure-core/tests/fixtures/worked-example.epure.json");
    let original = std::fs::read(&example).unwrap();
    std::fs::write(&path, &original).unwrap();
    let p = path.to_str().unwrap();

    let check = epure(&["fmt", "--check", p]);
    assert_eq!(check.status.code(), Some(1));
    assert_eq!(std::fs::read(&path).unwrap(), original, "--check changes nothing");

    let fmt = epure(&["fmt", p]);
    assert_eq!(fmt.status.code(), Some(0), "{}", stderr(&fmt));
    let once = std::fs::read(&path).unwrap();
    assert_ne!(once, original);
    assert_eq!(epure(&["fmt", "--check", p]).status.code(), Some(0), "canonical after fmt");
    assert_eq!(epure(&["fmt", p]).status.code(), Some(0));
    assert_eq!(std::fs::read(&path).unwrap(), once, "fmt is idempotent");
    // No temporary file is left behind.
    assert_eq!(std::fs::read_dir(dir.path()).unwrap().count(), 1);
}

#[test]
fn fmt_leaves_a_broken_file_untouched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.epure.json");
    std::fs::write(&path, b"{\"format\": \"epure.procedure\", \"version\": 1, \"procedure\": {}}").unwrap();
    let out = epure(&["fmt", path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).contains("procedure.name: missing"), "{}", stderr(&out));
    assert_eq!(std::fs::read(&path).unwrap(), b"{\"format\": \"epure.procedure\", \"version\": 1, \"procedure\": {}}");
}

// `epure analyze`: the JSON contract of the analysis spec (section 5), the French summary, exit 2
// on bad input, byte-identical output across runs.

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join(format!("../../assets/samples/{name}.epure.json"))
}

#[test]
fn analyze_prints_the_json_contract() {
    let out = epure(&["analyze", sample("cantine-scolaire").to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let text = stdout(&out);
    for key in [
        "\"metrics\"",
        "\"visits\"",
        "\"work_steps\"",
        "\"actors\"",
        "\"handoffs\"",
        "\"handoffs_per_case\"",
        "\"user_contacts\"",
        "\"documents_requested\"",
        "\"requests_per_case\"",
        "\"touch_time_min\"",
        "\"lead_time_min\"",
        "\"critical_path\"",
        "\"cycle_efficiency\"",
        "\"cost_per_case_eur\"",
        "\"yearly\"",
        "\"media_breaks\"",
        "\"findings\"",
        "\"rule\"",
        "\"severity\"",
        "\"subjects\"",
        "\"title_fr\"",
        "\"title_en\"",
        "\"explanation_fr\"",
        "\"explanation_en\"",
        "\"gain\"",
        "\"suggestion\"",
    ] {
        assert!(text.contains(key), "{key} missing");
    }
    assert!(text.contains("« Justificatif de domicile de moins de 3 mois »"), "{text}");
    assert!(!text.contains("NaN") && !text.contains("Infinity"));
}

#[test]
fn analyze_is_byte_identical_across_runs() {
    for name in ["aide-sociale", "permis-construire", "licence-debit-boissons"] {
        let a = epure(&["analyze", sample(name).to_str().unwrap(), "--format", "json"]);
        let b = epure(&["analyze", sample(name).to_str().unwrap(), "--format", "json"]);
        assert_eq!(a.stdout, b.stdout, "{name}");
    }
}

#[test]
fn analyze_summarises_in_french_or_english() {
    let fr = epure(&["analyze", sample("conge-agent").to_str().unwrap()]);
    assert_eq!(fr.status.code(), Some(0), "{}", stderr(&fr));
    let text = stdout(&fr);
    assert!(text.contains("Cascade de trois validations successives"), "{text}");
    assert!(text.contains("Délai total"), "{text}");
    let en = epure(&["--lang", "en", "analyze", sample("conge-agent").to_str().unwrap(), "--format", "text"]);
    assert!(stdout(&en).contains("Chain of three approvals in a row"), "{}", stdout(&en));
    let clean = epure(&["analyze", sample("carte-stationnement-resident").to_str().unwrap()]);
    assert!(stdout(&clean).contains("Aucun constat."), "{}", stdout(&clean));
}

#[test]
fn analyze_refuses_bad_input_with_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("broken.epure.json");
    std::fs::write(&path, b"{ not json").unwrap();
    let out = epure(&["analyze", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(2));
    assert!(stderr(&out).starts_with(&format!("{}: ", path.display())), "{}", stderr(&out));
    assert_eq!(stdout(&out), "");
    let missing = epure(&["analyze", dir.path().join("absent.epure.json").to_str().unwrap()]);
    assert_eq!(missing.status.code(), Some(2));
}

#[test]
fn analyze_survives_a_half_drawn_procedure() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("draft.epure.json");
    let text = r#"{"format":"epure.procedure","version":1,"procedure":{"name":"Brouillon"},
        "actors":[{"id":"a","name":"Accueil","kind":"agent"}],
        "steps":[{"id":"s","kind":"start"},{"id":"x","kind":"task","label":"Relancer","actor":"a"},
                 {"id":"y","kind":"task","label":"Attendre","actor":"a"},{"id":"z","kind":"task","label":"Isolée","actor":"a"},
                 {"id":"e","kind":"end","outcome":"granted"}],
        "flows":[{"from":"s","to":"x"},{"from":"x","to":"y"},{"from":"y","to":"x"}]}"#;
    std::fs::write(&path, text).unwrap();
    let out = epure(&["analyze", path.to_str().unwrap(), "--format", "json"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let json = stdout(&out);
    assert!(json.contains("\"endless-loop\"") && json.contains("\"unreachable\""), "{json}");
}
