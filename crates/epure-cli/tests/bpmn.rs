//! `epure import FILE.bpmn` and `epure export FILE -o OUT.bpmn` as people and scripts use
//! them: files written, the import report on stderr in French or English, exit status 2 with
//! one line naming the file on bad input.

use std::path::{Path, PathBuf};
use std::process::{Command, Output};

fn epure(args: &[&str]) -> Output {
    Command::new(env!("CARGO_BIN_EXE_epure")).args(args).output().expect("run epure")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn miwg(rel: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../../shared/interop/bpmn-miwg").join(rel)
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples").join(name)
}

#[test]
fn import_writes_a_valid_procedure_and_reports_in_french() {
    let dir = tempfile::tempdir().unwrap();
    let out_path = dir.path().join("c1.epure.json");
    let input = miwg("reference/C.1.0.bpmn");
    let out = epure(&["import", input.to_str().unwrap(), "-o", out_path.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let notes = stderr(&out).lines().count();
    let expect = format!(
        "{} → {}: 9 tâches, 0 sous-processus, 3 branchements, 9 événements, 4 couloirs, 20 flux de séquence, \
         5 flux de message, 2 bassins ; {notes} remarques dont ",
        input.display(),
        out_path.display(),
    );
    assert!(stdout(&out).starts_with(&expect), "{}", stdout(&out));
    assert!(stdout(&out).ends_with(" à vérifier\n"), "{}", stdout(&out));
    assert!(stderr(&out).lines().all(|l| l.starts_with(&format!("{}: ", input.display()))), "{}", stderr(&out));
    // The written file is a valid procedure: `epure validate` accepts it.
    let v = epure(&["validate", out_path.to_str().unwrap()]);
    assert_eq!(v.status.code(), Some(0), "{}", stderr(&v));
}

#[test]
fn import_without_output_puts_the_bpmn_procedure_in_the_store() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("epure.db");
    let input = dir.path().join("a.bpmn");
    std::fs::copy(miwg("bpmn.io/A.2.0-export.bpmn"), &input).unwrap();
    let out = epure(&["--db", db.to_str().unwrap(), "--lang", "en", "import", input.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let id = stdout(&out).trim().to_owned();
    assert!(!id.is_empty() && !id.contains(' '), "one new id: {id}");
    assert!(stderr(&out).contains("probabilities spread evenly"), "{}", stderr(&out));
    let list = epure(&["--db", db.to_str().unwrap(), "list"]);
    assert!(stdout(&list).starts_with(&format!("{id}\t")), "{}", stdout(&list));
    // And it comes back out as BPMN, by id.
    let bpmn = dir.path().join("back.bpmn");
    let out = epure(&["--db", db.to_str().unwrap(), "export", &id, "-o", bpmn.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(std::fs::read_to_string(&bpmn).unwrap().contains("<bpmn:definitions"));
}

#[test]
fn import_refuses_hostile_and_foreign_files_with_one_line() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("epure.db");
    let laughs = dir.path().join("lol.bpmn");
    std::fs::write(&laughs, "<!DOCTYPE l [<!ENTITY a \"aaaa\">]><definitions/>").unwrap();
    let huge = dir.path().join("huge.bpmn");
    std::fs::File::create(&huge).unwrap().set_len(100 * 1024 * 1024).unwrap();
    let json = dir.path().join("p.epure.json");
    std::fs::write(&json, "{}").unwrap();
    let out_file = dir.path().join("out.epure.json");
    for (path, to_file, expect) in [
        (
            &laughs,
            false,
            "the file declares a document type or entities (<!DOCTYPE>, line 1): refused, BPMN needs none and they are a known attack (billion laughs, external entities)",
        ),
        (&huge, false, "too large (100 MB; BPMN files are read up to 50 MB)"),
        (&json, false, "format: missing (expected \"epure.procedure\")"),
        (&json, true, "seuls les fichiers BPMN 2.0 (.bpmn) s'importent"),
    ] {
        let mut args = vec!["--db", db.to_str().unwrap(), "import", path.to_str().unwrap()];
        if to_file {
            args.extend(["-o", out_file.to_str().unwrap()]);
        }
        let out = epure(&args);
        assert_eq!(out.status.code(), Some(2));
        assert_eq!(stderr(&out), format!("{}: {expect}\n", path.display()));
        assert_eq!(stdout(&out), "");
    }
    assert!(!out_file.exists());
    // Nothing refused reached the store.
    assert_eq!(stdout(&epure(&["--db", db.to_str().unwrap(), "list"])), "");
}

#[test]
fn export_writes_bpmn_that_imports_back_with_flags_coloured() {
    let dir = tempfile::tempdir().unwrap();
    let bpmn = dir.path().join("cantine.bpmn");
    let input = sample("cantine-scolaire.epure.json");
    let out =
        epure(&["export", input.to_str().unwrap(), "-o", bpmn.to_str().unwrap(), "--flag", "ressaisie-education"]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert!(stdout(&out).contains("1 signalées"), "{}", stdout(&out));
    let xml = std::fs::read_to_string(&bpmn).unwrap();
    assert!(xml.contains("bpmnElement=\"ressaisie-education\" bioc:stroke="));

    let back = dir.path().join("back.epure.json");
    let out = epure(&["import", bpmn.to_str().unwrap(), "-o", back.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    let original = epure_core::format::from_str(&std::fs::read_to_string(&input).unwrap()).unwrap();
    let reread = epure_core::format::from_str(&std::fs::read_to_string(&back).unwrap()).unwrap();
    let ids = |p: &epure_core::Procedure| {
        p.steps().map(|s| (s.id.clone(), s.label.clone(), s.actor.clone())).collect::<Vec<_>>()
    };
    assert_eq!(ids(&reread), ids(&original));
}

#[test]
fn export_refuses_an_unknown_procedure_and_unknown_flags() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("epure.db");
    let input = sample("cantine-scolaire.epure.json");
    // Not a file and not an id in the store.
    let out_json = dir.path().join("x.epure.json");
    let out = epure(&["--db", db.to_str().unwrap(), "export", "nope", "-o", out_json.to_str().unwrap()]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out).lines().count(), 1, "{}", stderr(&out));
    assert!(stderr(&out).contains("nope"), "{}", stderr(&out));
    assert!(!out_json.exists());

    let out_bpmn = dir.path().join("x.bpmn");
    let out = epure(&["export", input.to_str().unwrap(), "-o", out_bpmn.to_str().unwrap(), "--flag", "nope"]);
    assert_eq!(out.status.code(), Some(2));
    assert_eq!(stderr(&out), format!("{}: --flag : aucune étape « nope »\n", input.display()));
    assert!(!out_bpmn.exists());
}
