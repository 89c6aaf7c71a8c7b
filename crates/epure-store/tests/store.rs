//! The store as the app and the command line use it: files and their modes, damaged and newer
//! files, edits with undo/redo across a reopen, versions, reports, backups.

use std::fs;
use std::os::unix::fs::PermissionsExt;
use std::path::{Path, PathBuf};

use epure_core::edit::Edit;
use epure_core::synthetic::procedure;
use epure_core::{Position, Step, StepKind};
use epure_store::{BackupPolicy, ErrorKind, NewReport, NewVersion, SCHEMA_VERSION, Store, StoreError};

fn db_in(dir: &tempfile::TempDir) -> PathBuf {
    dir.path().join("data").join("epure.db")
}

fn open(path: &Path) -> Store {
    Store::open_with(path, BackupPolicy::manual()).expect("open store")
}

fn mode(path: &Path) -> u32 {
    fs::metadata(path).unwrap_or_else(|e| panic!("{}: {e}", path.display())).permissions().mode() & 0o777
}

fn sibling(path: &Path, suffix: &str) -> PathBuf {
    PathBuf::from(format!("{}{suffix}", path.display()))
}

/// The file's bytes and modification time: what "nothing was written" means.
fn fingerprint(path: &Path) -> (Vec<u8>, std::time::SystemTime) {
    (fs::read(path).expect("read"), fs::metadata(path).and_then(|m| m.modified()).expect("mtime"))
}

fn relabel(doc: &epure_store::Document, id: &str, label: &str) -> Edit {
    let mut step = doc.procedure().step(id).expect("step").clone();
    step.label = Some(label.to_owned());
    Edit::UpdateStep { step }
}

#[test]
fn the_file_its_wal_and_shm_and_backups_are_private_to_the_user() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let mut store = open(&path);
    let id = store.import(&procedure(1, 20)).unwrap();
    let mut doc = store.open_document(&id).unwrap();
    {
        let e = relabel(&doc, "s2", "Vérifier");
        store.apply_edit(&mut doc, &e)
    }
    .unwrap();
    // While the store is open, SQLite's companions exist.
    for p in [path.clone(), sibling(&path, "-wal"), sibling(&path, "-shm")] {
        assert_eq!(mode(&p), 0o600, "{}", p.display());
    }
    assert_eq!(mode(path.parent().unwrap()), 0o700);
    let backup = store.backup().unwrap();
    assert_eq!(mode(&backup), 0o600);
    assert_eq!(mode(backup.parent().unwrap()), 0o700);
    drop(store);
    // `file(1)` and anyone reading the header know whose file it is.
    let header = fs::read(&path).unwrap();
    assert_eq!(&header[68..72], b"EPUR");
}

#[test]
fn a_file_from_a_newer_epure_opens_read_only_and_is_never_downgraded() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let id = open(&path).import(&procedure(2, 10)).unwrap();
    {
        let conn = rusqlite::Connection::open(&path).unwrap();
        conn.execute_batch(&format!("PRAGMA user_version = {}", SCHEMA_VERSION + 7)).unwrap();
    }
    let before = fingerprint(&path);
    let mut store = open(&path);
    let why = store.read_only().expect("read-only").to_owned();
    assert!(why.contains(&format!("schema {}", SCHEMA_VERSION + 7)) && why.contains("read-only"), "{why}");
    assert_eq!(store.list().unwrap().len(), 1, "reading still works");
    let mut doc = store.open_document(&id).unwrap();
    let refusals = [
        store.import(&procedure(3, 5)).unwrap_err(),
        {
            let e = relabel(&doc, "s2", "x");
            store.apply_edit(&mut doc, &e)
        }
        .unwrap_err(),
        store.create_version(&id, &NewVersion { name: "v".into(), ..Default::default() }).unwrap_err(),
        store.undo(&mut doc).unwrap_err(),
        store.create_procedure("Nouvelle").unwrap_err(),
        store.duplicate_procedure(&id, "Copie").unwrap_err(),
        store.delete_procedure(&id).unwrap_err(),
    ];
    for e in refusals {
        assert_eq!(e.kind(), ErrorKind::ReadOnly, "{e}");
    }
    drop(store);
    assert_eq!(fingerprint(&path), before, "a newer file is left byte for byte as it was");
    assert_eq!(
        rusqlite::Connection::open(&path)
            .unwrap()
            .query_row("PRAGMA user_version", [], |r| r.get::<_, u32>(0))
            .unwrap(),
        SCHEMA_VERSION + 7
    );
}

/// A damaged file: the error is `Corrupt`, names the file and the latest good backup, and the
/// file is not touched.
fn check_damaged(damage: impl FnOnce(&Path), expect_detail: &str) {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let backup = {
        let mut store = open(&path);
        store.import(&procedure(4, 400)).unwrap();
        store.backup().unwrap()
    };
    damage(&path);
    let before = fingerprint(&path);
    let err = match Store::open(&path) {
        Ok(_) => panic!("a damaged file opened"),
        Err(e) => e,
    };
    assert_eq!(err.kind(), ErrorKind::Corrupt, "{err}");
    let message = err.to_string();
    let (head, tail) = (
        format!("{}: the database is damaged ({expect_detail}", path.display()),
        format!("); nothing was written to it. Latest good backup: {}", backup.display()),
    );
    assert!(message.starts_with(&head) && message.ends_with(&tail), "{message}");
    assert!(!message.contains('\n'));
    assert_eq!(fingerprint(&path), before, "nothing is written to a damaged file");
    assert!(!sibling(&path, "-wal").exists() || fs::metadata(sibling(&path, "-wal")).unwrap().len() == 0);
    // The backup it names opens and holds the data.
    assert_eq!(open(&backup).list().unwrap().len(), 1);
}

#[test]
fn damaged_files_are_reported_with_the_latest_good_backup_and_left_alone() {
    check_damaged(
        |p| {
            let len = fs::metadata(p).unwrap().len();
            fs::OpenOptions::new().write(true).open(p).unwrap().set_len(len / 2).unwrap();
        },
        "truncated: 61440 of 122880 bytes",
    );
    check_damaged(
        |p| fs::OpenOptions::new().write(true).open(p).unwrap().set_len(60).unwrap(),
        "truncated: 60 bytes, shorter than a database header",
    );
    check_damaged(
        |p| {
            let mut rng = epure_core::synthetic::Rng::new(99);
            let bytes: Vec<u8> = (0..50_000).map(|_| rng.next_u64() as u8).collect();
            fs::write(p, bytes).unwrap();
        },
        "not an SQLite database",
    );
    check_damaged(
        |p| {
            // A valid header over garbage pages: only SQLite's own check can tell.
            let mut bytes = fs::read(p).unwrap();
            let mut rng = epure_core::synthetic::Rng::new(7);
            for b in &mut bytes[4096..] {
                *b = rng.next_u64() as u8;
            }
            fs::write(p, bytes).unwrap();
        },
        "SQLite's check failed: *** in database main *** Tree",
    );
}

#[test]
fn a_file_that_is_not_ours_is_refused_without_being_touched() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("other.db");
    rusqlite::Connection::open(&path).unwrap().execute_batch("CREATE TABLE t (x); INSERT INTO t VALUES (1);").unwrap();
    let before = fingerprint(&path);
    let err = Store::open(&path).err().expect("refused");
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(
        err.to_string(),
        format!("{}: not an Épure database (application_id 0x0); nothing was written to it", path.display())
    );
    assert_eq!(fingerprint(&path), before);
}

#[test]
fn undo_and_redo_survive_closing_and_reopening() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let original = procedure(5, 30);
    let id = open(&path).import(&original).unwrap();
    let stored_original = open(&path).load(&id).unwrap();
    let edits = {
        let mut store = open(&path);
        let mut doc = store.open_document(&id).unwrap();
        let mut new = Step::work("relance", StepKind::Task, "Relancer l'usager", "usager");
        new.duration_min = Some(5.0);
        let edits = vec![
            relabel(&doc, "s2", "Contrôler la complétude"),
            Edit::AddStep { step: new, index: Some(1), flows: vec![] },
            Edit::MoveStep { id: "s3".into(), position: Some(Position { x: 120.0, y: 40.5 }) },
        ];
        for e in &edits {
            store.apply_edit(&mut doc, e).unwrap();
        }
        edits
    };
    let after_all = {
        let mut p = stored_original.clone();
        for e in &edits {
            epure_core::edit::apply(&mut p, e).unwrap();
        }
        p
    };
    // Each session below is a fresh open of the file: the journal is all that remembers.
    let session = |f: &dyn Fn(&mut Store, &mut epure_store::Document)| {
        let mut store = open(&path);
        let mut doc = store.open_document(&id).unwrap();
        f(&mut store, &mut doc);
    };
    session(&|store, doc| {
        assert_eq!(doc.procedure(), &after_all);
        assert_eq!(store.history(&id).unwrap(), epure_store::History { undo: 3, redo: 0 });
        assert!(store.undo(doc).unwrap());
        assert!(store.undo(doc).unwrap());
    });
    session(&|store, doc| {
        assert_eq!(store.history(&id).unwrap(), epure_store::History { undo: 1, redo: 2 });
        assert!(doc.procedure().step("relance").is_none());
        assert_eq!(doc.procedure().step("s2").unwrap().label(), "Contrôler la complétude");
        assert!(store.undo(doc).unwrap());
        assert!(!store.undo(doc).unwrap(), "nothing left to undo");
        assert_eq!(doc.procedure(), &stored_original);
        assert_eq!(store.working_text(&id).unwrap(), epure_core::format::to_string(&stored_original));
    });
    session(&|store, doc| {
        for _ in 0..3 {
            assert!(store.redo(doc).unwrap());
        }
        assert!(!store.redo(doc).unwrap());
        assert_eq!(doc.procedure(), &after_all);
        // A new edit after an undo drops the redo stack.
        assert!(store.undo(doc).unwrap());
        let e = relabel(doc, "s2", "Autre chose");
        store.apply_edit(doc, &e).unwrap();
        assert_eq!(store.history(&id).unwrap(), epure_store::History { undo: 3, redo: 0 });
    });
    session(&|store, doc| {
        assert!(!store.redo(doc).unwrap());
        assert_eq!(doc.procedure().step("s2").unwrap().label(), "Autre chose");
        assert!(doc.procedure().step("relance").is_some());
    });
}

#[test]
fn a_refused_edit_changes_neither_the_document_nor_the_file() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let mut store = open(&path);
    let id = store.import(&procedure(6, 12)).unwrap();
    let mut doc = store.open_document(&id).unwrap();
    let before = (doc.procedure().clone(), store.working_text(&id).unwrap(), doc.revision());
    let lane = doc.procedure().step("s2").and_then(|s| s.actor.clone()).expect("s2 has a lane");
    for (edit, expect) in [
        (Edit::RemoveStep { id: "s1".into() }, "no start step (a procedure has exactly one)"),
        (Edit::RemoveActor { id: lane.clone() }, "is still used by step"),
        (
            Edit::SetMeta {
                meta: epure_core::ProcedureMeta { name: "x".into(), id: Some("other".into()), ..Default::default() },
            },
            "the id of stored procedure",
        ),
    ] {
        let err = store.apply_edit(&mut doc, &edit).unwrap_err();
        assert_eq!(err.kind(), ErrorKind::InvalidInput);
        assert!(err.to_string().starts_with(expect) || err.to_string().contains(expect), "{err}");
        assert_eq!((doc.procedure().clone(), store.working_text(&id).unwrap(), doc.revision()), before);
    }
    assert_eq!(store.history(&id).unwrap().undo, 0);
}

#[test]
fn a_second_window_on_a_procedure_must_reopen_rather_than_overwrite() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&db_in(&dir));
    let id = store.import(&procedure(7, 8)).unwrap();
    let mut first = store.open_document(&id).unwrap();
    let mut second = store.open_document(&id).unwrap();
    {
        let e = relabel(&first, "s2", "Un");
        store.apply_edit(&mut first, &e)
    }
    .unwrap();
    let err = {
        let e = relabel(&second, "s2", "Deux");
        store.apply_edit(&mut second, &e)
    }
    .unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert!(err.to_string().contains("was changed elsewhere"), "{err}");
    assert_eq!(store.load(&id).unwrap().step("s2").unwrap().label(), "Un");
}

#[test]
fn import_keeps_or_makes_ids_and_refuses_a_taken_one() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&db_in(&dir));
    let mut p = procedure(8, 6);
    p.meta.name = "Inscription à la cantine".into();
    let generated = store.import(&p).unwrap();
    assert!(
        generated.starts_with("inscription-a-la-cantine-") && generated.len() == "inscription-a-la-cantine-".len() + 4,
        "{generated}"
    );
    let again = store.import(&p).unwrap();
    assert_ne!(again, generated, "the same file imported twice gets two ids");
    p.meta.id = Some("cantine".into());
    assert_eq!(store.import(&p).unwrap(), "cantine");
    let err = store.import(&p).unwrap_err();
    assert_eq!(
        (err.kind(), err.to_string()),
        (ErrorKind::InvalidInput, "a procedure with id \"cantine\" is already in the store".to_owned())
    );
    assert_eq!(store.load("cantine").unwrap().meta.id.as_deref(), Some("cantine"));
    let names: Vec<String> = store.list().unwrap().into_iter().map(|i| i.id).collect();
    assert_eq!(names.len(), 3);
    assert_eq!(store.load("nope").unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn versions_are_immutable_snapshots_and_restoring_destroys_nothing() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let mut store = open(&path);
    let id = store.import(&procedure(9, 15)).unwrap();
    let current = store
        .create_version(
            &id,
            &NewVersion {
                name: "État actuel".into(),
                author: "A. Martin".into(),
                note: "Relevé du 3 mars".into(),
                derived_from: None,
            },
        )
        .unwrap();
    assert_eq!((current.variant.as_str(), current.author.as_str()), ("current", "A. Martin"));
    let mut doc = store.open_document(&id).unwrap();
    let mut meta = doc.procedure().meta.clone();
    meta.variant = Some(epure_core::Variant::Target);
    store.apply_edit(&mut doc, &Edit::SetMeta { meta }).unwrap();
    store.apply_edit(&mut doc, &Edit::RemoveStep { id: "s3".into() }).unwrap();
    let target = store
        .create_version(
            &id,
            &NewVersion {
                name: "Cible v1".into(),
                author: "A. Martin".into(),
                note: String::new(),
                derived_from: Some(current.id),
            },
        )
        .unwrap();
    assert_eq!((target.variant.as_str(), target.derived_from), ("target", Some(current.id)));
    let taken = store.create_version(&id, &NewVersion { name: "Cible v1".into(), ..Default::default() }).unwrap_err();
    assert_eq!(taken.to_string(), format!("procedure \"{id}\" already has a version named \"Cible v1\""));
    assert_eq!(
        store
            .create_version(&id, &NewVersion { name: "x".into(), derived_from: Some(999), ..Default::default() })
            .unwrap_err()
            .kind(),
        ErrorKind::NotFound
    );

    // Versions cannot be changed, even behind the store's back.
    let conn = rusqlite::Connection::open(&path).unwrap();
    let err = conn.execute("UPDATE versions SET content = '{}' WHERE id = ?1", [current.id]).unwrap_err();
    assert!(err.to_string().contains("versions are immutable"), "{err}");

    // Restoring the current state keeps the target working copy as a version of its own.
    let before_restore = doc.procedure().clone();
    let kept = store.restore_version(&mut doc, current.id).unwrap();
    assert_eq!(doc.procedure(), &store.load_version(current.id).unwrap());
    assert_eq!(store.load_version(kept.id).unwrap(), before_restore);
    assert!(kept.name.starts_with("Copie de travail avant restauration de « État actuel »"), "{}", kept.name);
    assert_eq!(store.history(&id).unwrap(), epure_store::History::default());
    let names: Vec<String> = store.versions(&id).unwrap().into_iter().map(|v| v.name).collect();
    assert_eq!(names.len(), 3);
    assert_eq!(&names[..2], ["État actuel", "Cible v1"]);
}

#[test]
fn a_report_is_stored_with_its_metadata_and_exported_byte_identical() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&db_in(&dir));
    let id = store.import(&procedure(10, 10)).unwrap();
    let v = store.create_version(&id, &NewVersion { name: "État actuel".into(), ..Default::default() }).unwrap();
    let mut pdf = b"%PDF-1.7\n".to_vec();
    let mut rng = epure_core::synthetic::Rng::new(3);
    pdf.extend((0..300_000).map(|_| rng.next_u64() as u8));
    let new = NewReport {
        procedure_id: id.clone(),
        version_a: Some(v.id),
        version_b: None,
        lang: "fr".into(),
        page_count: 4,
    };
    let info = store.add_report(&new, &pdf).unwrap();
    assert_eq!((info.page_count, info.size, info.lang.as_str()), (4, pdf.len() as u64, "fr"));
    assert_eq!(info.sha256.len(), 64);
    assert_eq!(store.reports(&id).unwrap(), vec![info.clone()]);

    // Exporting over an existing file replaces it whole, keeping its mode.
    let target = dir.path().join("rapport.pdf");
    fs::write(&target, b"old").unwrap();
    fs::set_permissions(&target, fs::Permissions::from_mode(0o640)).unwrap();
    store.export_report(info.id, &target).unwrap();
    assert_eq!(fs::read(&target).unwrap(), pdf);
    assert_eq!(mode(&target), 0o640);
    let leftovers: Vec<_> = fs::read_dir(dir.path())
        .unwrap()
        .filter_map(|e| e.ok())
        .filter(|e| e.file_name().to_string_lossy().contains("epure-tmp"))
        .collect();
    assert!(leftovers.is_empty());

    assert_eq!(store.add_report(&new, b"not a pdf").unwrap_err().kind(), ErrorKind::InvalidInput);
    let other = NewReport { version_a: Some(v.id + 100), ..new };
    assert_eq!(store.add_report(&other, &pdf).unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(store.export_report(999, &target).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn backups_roll_and_are_taken_on_close_after_changes() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let policy = BackupPolicy { interval: None, on_close: true, keep: 3 };
    {
        // No change, no backup on close.
        let _store = Store::open_with(&path, policy).unwrap();
    }
    assert!(epure_store::backups(&path).is_empty());
    for i in 0..5 {
        let mut store = Store::open_with(&path, policy).unwrap();
        store.import(&procedure(20 + i, 5)).unwrap();
    }
    let kept = epure_store::backups(&path);
    assert_eq!(kept.len(), 3, "{kept:?}");
    // The newest holds all five procedures.
    assert_eq!(open(&kept[0]).list().unwrap().len(), 5);
    assert_eq!(open(&kept[2]).list().unwrap().len(), 3);
    // A periodic backup is taken on the first change once the interval has passed.
    let mut store =
        Store::open_with(&path, BackupPolicy { interval: Some(std::time::Duration::ZERO), on_close: false, keep: 10 })
            .unwrap();
    store.import(&procedure(30, 5)).unwrap();
    assert_eq!(epure_store::backups(&path).len(), 4);
}

#[test]
fn errors_carry_the_kind_the_ui_branches_on() {
    let cases: Vec<(StoreError, &str)> = vec![
        (StoreError::NotFound("x".into()), "not_found"),
        (StoreError::InvalidInput("x".into()), "invalid_input"),
        (StoreError::ReadOnly("x".into()), "read_only"),
        (StoreError::Corrupt { path: "a".into(), detail: "b".into(), backup: None }, "corrupt"),
        (StoreError::Internal("x".into()), "internal"),
    ];
    for (e, kind) in cases {
        assert_eq!(e.kind().as_str(), kind);
    }
    // Met in the middle of a query, a damaged page has no path to name, and none is made up.
    let e =
        StoreError::Corrupt { path: PathBuf::new(), detail: "database disk image is malformed".into(), backup: None };
    assert_eq!(
        e.to_string(),
        "the database is damaged (database disk image is malformed); nothing was written to it. No good backup was found."
    );
}

#[test]
fn a_new_procedure_is_the_blank_one_under_an_id_made_from_its_name() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&db_in(&dir));
    let id = store.create_procedure("  Carte de stationnement  ").unwrap();
    assert!(id.starts_with("carte-de-stationnement-") && id.len() == "carte-de-stationnement-".len() + 4, "{id}");
    let mut expect = epure_core::Procedure::new_blank("Carte de stationnement");
    expect.meta.id = Some(id.clone());
    assert_eq!(store.load(&id).unwrap(), expect);
    assert_eq!(store.list().unwrap()[0].name, "Carte de stationnement");
    assert_ne!(store.create_procedure("Carte de stationnement").unwrap(), id, "a second one gets its own id");
    // It is editable like any other.
    let mut doc = store.open_document(&id).unwrap();
    let step = Step::work("t1", StepKind::Task, "Remplir le formulaire", "usager");
    store.apply_edit(&mut doc, &Edit::AddStep { step, index: Some(1), flows: vec![] }).unwrap();
    let err = store.create_procedure(" ").unwrap_err();
    assert_eq!((err.kind(), err.to_string()), (ErrorKind::InvalidInput, "a procedure needs a name".to_owned()));
    assert_eq!(store.list().unwrap().len(), 2);
}

#[test]
fn a_duplicate_copies_the_working_copy_under_a_new_name_without_history() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&db_in(&dir));
    let source = store.import(&procedure(11, 25)).unwrap();
    store.create_version(&source, &NewVersion { name: "État actuel".into(), ..Default::default() }).unwrap();
    let mut doc = store.open_document(&source).unwrap();
    let e = relabel(&doc, "s2", "Après la version");
    store.apply_edit(&mut doc, &e).unwrap();
    let source_text = store.working_text(&source).unwrap();

    let copy = store.duplicate_procedure(&source, "Cantine (copie)").unwrap();
    assert!(copy.starts_with("cantine-copie-"), "{copy}");
    let mut expect = doc.procedure().clone();
    expect.meta.name = "Cantine (copie)".into();
    expect.meta.id = Some(copy.clone());
    assert_eq!(store.load(&copy).unwrap(), expect, "the working copy, edits included");
    assert_eq!(store.history(&copy).unwrap(), epure_store::History::default());
    assert!(store.versions(&copy).unwrap().is_empty());
    assert_eq!(store.working_text(&source).unwrap(), source_text, "the source is untouched");
    assert_eq!(store.history(&source).unwrap().undo, 1);

    let err = store.duplicate_procedure("nope", "X").unwrap_err();
    assert_eq!((err.kind(), err.to_string()), (ErrorKind::NotFound, "no procedure \"nope\" in the store".to_owned()));
    assert_eq!(store.duplicate_procedure(&source, "").unwrap_err().kind(), ErrorKind::InvalidInput);
    assert_eq!(store.list().unwrap().len(), 2);
}

#[test]
fn deleting_a_procedure_takes_its_versions_journal_and_reports_and_nothing_else() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let mut store = open(&path);
    let mut ids = Vec::new();
    for seed in [12, 13] {
        let id = store.import(&procedure(seed, 20)).unwrap();
        let v = store.create_version(&id, &NewVersion { name: "État actuel".into(), ..Default::default() }).unwrap();
        store
            .create_version(&id, &NewVersion { name: "Cible".into(), derived_from: Some(v.id), ..Default::default() })
            .unwrap();
        let mut doc = store.open_document(&id).unwrap();
        for label in ["Un", "Deux"] {
            let e = relabel(&doc, "s2", label);
            store.apply_edit(&mut doc, &e).unwrap();
        }
        store.undo(&mut doc).unwrap();
        let report =
            NewReport { procedure_id: id.clone(), version_a: Some(v.id), lang: "fr".into(), ..Default::default() };
        store.add_report(&report, b"%PDF-1.7\n").unwrap();
        ids.push(id);
    }
    let (gone, kept) = (&ids[0], &ids[1]);
    let snapshot = |store: &Store| {
        (
            store.working_text(kept).unwrap(),
            store.versions(kept).unwrap(),
            store.history(kept).unwrap(),
            store.reports(kept).unwrap(),
        )
    };
    let before = snapshot(&store);
    store.delete_procedure(gone).unwrap();
    assert_eq!(snapshot(&store), before);
    assert_eq!(store.load(gone).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(store.versions(gone).unwrap_err().kind(), ErrorKind::NotFound);
    assert_eq!(store.history(gone).unwrap(), epure_store::History::default());
    assert!(store.reports(gone).unwrap().is_empty());
    assert_eq!(store.list().unwrap().into_iter().map(|i| i.id).collect::<Vec<_>>(), [kept.as_str()]);
    let err = store.delete_procedure(gone).unwrap_err();
    assert_eq!((err.kind(), err.to_string()), (ErrorKind::NotFound, format!("no procedure \"{gone}\" in the store")));
    store.integrity_check().unwrap();
    drop(store);
    // Nothing is left behind that names the deleted procedure.
    let conn = rusqlite::Connection::open(&path).unwrap();
    for table in ["versions", "journal", "reports"] {
        let n: i64 = conn
            .query_row(&format!("SELECT count(*) FROM {table} WHERE procedure_id = ?1"), [gone], |r| r.get(0))
            .unwrap();
        assert_eq!(n, 0, "{table}");
    }
    let dangling: i64 = conn.query_row("SELECT count(*) FROM pragma_foreign_key_check", [], |r| r.get(0)).unwrap();
    assert_eq!(dangling, 0);
}

/// The stored working copy and the journal position it is at, read behind the store's back.
fn stored_working(path: &Path, id: &str) -> (String, i64) {
    rusqlite::Connection::open(path)
        .unwrap()
        .query_row("SELECT text, checkpoint_seq FROM working_copies WHERE procedure_id = ?1", [id], |r| {
            Ok((r.get(0)?, r.get(1)?))
        })
        .unwrap()
}

#[test]
fn edits_commit_only_their_journal_row_and_the_working_copy_follows_at_checkpoints() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let id = open(&path).import(&procedure(14, 40)).unwrap();
    let text = |p: &epure_core::Procedure| epure_core::format::to_string(p);
    let mut store = open(&path);
    let mut doc = store.open_document(&id).unwrap();
    // states[k]: the procedure after k edits.
    let mut states = vec![doc.procedure().clone()];
    let every = epure_store::CHECKPOINT_EVERY as usize;
    for n in 0..every {
        let e = if n % 2 == 0 {
            relabel(&doc, "s2", &format!("Libellé {n}"))
        } else {
            Edit::MoveStep { id: "s3".into(), position: Some(Position { x: n as f64, y: 0.0 }) }
        };
        store.apply_edit(&mut doc, &e).unwrap();
        states.push(doc.procedure().clone());
        if n == 2 {
            // Journal only: the stored text has not moved, yet every reader sees the edits.
            assert_eq!(stored_working(&path, &id), (text(&states[0]), 0));
            assert_eq!(open(&path).load(&id).unwrap(), states[3]);
            assert_eq!(store.working_text(&id).unwrap(), text(&states[3]));
        }
    }
    // The edit that made the replay CHECKPOINT_EVERY long rewrote the working copy.
    assert_eq!(stored_working(&path, &id), (text(&states[every]), every as i64));

    // Undone past the checkpoint, then the process dies without closing: the replay goes
    // backward from the checkpoint.
    for _ in 0..5 {
        assert!(store.undo(&mut doc).unwrap());
    }
    std::mem::forget(store);
    let mut store = open(&path);
    let mut doc = store.open_document(&id).unwrap();
    assert_eq!(doc.procedure(), &states[every - 5]);
    assert_eq!(store.history(&id).unwrap(), epure_store::History { undo: every - 5, redo: 5 });
    assert!(store.redo(&mut doc).unwrap() && store.redo(&mut doc).unwrap());
    std::mem::forget(store);
    let mut store = open(&path);
    let mut doc = store.open_document(&id).unwrap();
    assert_eq!(doc.procedure(), &states[every - 3]);

    // A new edit drops redo rows the checkpoint holds: it rewrites the working copy itself.
    let e = relabel(&doc, "s4", "Nouvelle branche");
    store.apply_edit(&mut doc, &e).unwrap();
    let branched = doc.procedure().clone();
    assert_eq!(stored_working(&path, &id), (text(&branched), every as i64 - 2));
    assert_eq!(store.history(&id).unwrap(), epure_store::History { undo: every - 2, redo: 0 });
    assert!(store.undo(&mut doc).unwrap());
    assert_eq!(doc.procedure(), &states[every - 3]);
    assert!(store.redo(&mut doc).unwrap());

    // Closing rewrites a lagging working copy, so the stored text is whole again.
    let e = relabel(&doc, "s5", "Avant fermeture");
    store.apply_edit(&mut doc, &e).unwrap();
    let last = doc.procedure().clone();
    assert_eq!(stored_working(&path, &id).1, every as i64 - 2);
    drop(store);
    assert_eq!(stored_working(&path, &id), (text(&last), every as i64 - 1));
    let store = open(&path);
    assert_eq!(store.load(&id).unwrap(), last);
    store.integrity_check().unwrap();
}

#[test]
fn a_version_and_a_duplicate_hold_the_edits_the_working_copy_has_not_caught_up_with() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let mut store = open(&path);
    let id = store.import(&procedure(15, 20)).unwrap();
    let mut doc = store.open_document(&id).unwrap();
    let e = relabel(&doc, "s2", "Modifié");
    store.apply_edit(&mut doc, &e).unwrap();
    assert_eq!(stored_working(&path, &id).1, 0, "journal only");
    let v = store.create_version(&id, &NewVersion { name: "Après".into(), ..Default::default() }).unwrap();
    assert_eq!(&store.load_version(v.id).unwrap(), doc.procedure());
    let copy = store.duplicate_procedure(&id, "Copie").unwrap();
    assert_eq!(store.load(&copy).unwrap().step("s2").unwrap().label(), "Modifié");
    // Restoring keeps the current state, edits included, as a version.
    let e = relabel(&doc, "s2", "Encore");
    store.apply_edit(&mut doc, &e).unwrap();
    let before = doc.procedure().clone();
    let kept = store.restore_version(&mut doc, v.id).unwrap();
    assert_eq!(store.load_version(kept.id).unwrap(), before);
    assert_eq!(store.load(&id).unwrap().step("s2").unwrap().label(), "Modifié");
    assert_eq!(stored_working(&path, &id).1, 0);
}

/// The journal keeps the last JOURNAL_LIMIT edits: past that, the oldest undo steps are
/// dropped, never the edits themselves, and what remains undoes exactly as far as it says.
#[test]
fn the_journal_keeps_its_last_thousand_edits_and_every_edit_is_still_there() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let id = open(&path).import(&procedure(21, 30)).unwrap();
    let limit = epure_store::JOURNAL_LIMIT as usize;
    let extra = 40;
    let mut store = open(&path);
    let mut doc = store.open_document(&id).unwrap();
    let mut states = vec![doc.procedure().clone()];
    for n in 0..limit + extra {
        let e = relabel(&doc, "s2", &format!("Libellé {n}"));
        store.apply_edit(&mut doc, &e).unwrap();
        states.push(doc.procedure().clone());
    }
    drop(store);
    let mut store = open(&path);
    let mut doc = store.open_document(&id).unwrap();
    assert_eq!(doc.procedure(), &states[limit + extra], "every edit is in the working copy");
    assert_eq!(store.history(&id).unwrap(), epure_store::History { undo: limit, redo: 0 });
    let mut undone = 0;
    while store.undo(&mut doc).unwrap() {
        undone += 1;
    }
    assert_eq!(undone, limit);
    assert_eq!(doc.procedure(), &states[extra], "undo stops where the kept journal starts");
    drop(store);
    assert_eq!(open(&path).load(&id).unwrap(), states[extra], "and that is what a reopen reads");
}

#[test]
fn deleting_a_report_takes_only_that_report_and_survives_a_reopen() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let mut store = open(&path);
    let id = store.import(&procedure(10, 10)).unwrap();
    let new = NewReport { procedure_id: id.clone(), lang: "fr".into(), page_count: 1, ..Default::default() };
    let first = store.add_report(&new, b"%PDF-1.7\nfirst").unwrap();
    let second = store.add_report(&new, b"%PDF-1.7\nsecond").unwrap();
    store.delete_report(first.id).unwrap();
    assert_eq!(store.delete_report(first.id).unwrap_err().kind(), ErrorKind::NotFound);
    drop(store);
    let store = open(&path);
    assert_eq!(store.reports(&id).unwrap(), vec![second.clone()]);
    assert_eq!(store.report_pdf(second.id).unwrap(), b"%PDF-1.7\nsecond");
    assert_eq!(store.report_pdf(first.id).unwrap_err().kind(), ErrorKind::NotFound);
}

#[test]
fn a_target_version_is_derived_from_a_snapshot_and_leaves_the_working_copy_alone() {
    let dir = tempfile::tempdir().unwrap();
    let mut store = open(&db_in(&dir));
    let p = procedure(10, 10);
    let id = store.import(&p).unwrap();
    let working = store.working_text(&id).unwrap();
    let revision = store.open_document(&id).unwrap().revision();
    let mut target = store.load(&id).unwrap();
    target.meta.name = "Cible".into();
    let new = NewVersion { name: "Cible v1".into(), author: "Agent".into(), ..Default::default() };
    let (base, made) = store.create_target_version(&id, revision, "État actuel", &new, &target).unwrap();
    assert_eq!((base.name.as_str(), base.variant.as_str()), ("État actuel", "current"));
    assert_eq!((made.variant.as_str(), made.derived_from), ("target", Some(base.id)));
    assert_eq!(store.load_version(made.id).unwrap().meta.name, "Cible");
    assert_eq!(store.working_text(&id).unwrap(), working, "the original is not modified");
    // A second target reuses the snapshot, since the working copy did not change.
    let again = NewVersion { name: "Cible v2".into(), ..Default::default() };
    let (base2, _) = store.create_target_version(&id, revision, "État actuel 2", &again, &target).unwrap();
    assert_eq!(base2.id, base.id);
    assert_eq!(store.versions(&id).unwrap().len(), 3);
    // Refusals leave nothing behind: a taken name, a stale revision.
    let taken = store.create_target_version(&id, revision, "x", &again, &target).unwrap_err();
    assert_eq!(taken.kind(), ErrorKind::InvalidInput);
    let stale = NewVersion { name: "Cible v3".into(), ..Default::default() };
    let err = store.create_target_version(&id, revision + 1, "y", &stale, &target).unwrap_err();
    assert_eq!(err.kind(), ErrorKind::InvalidInput);
    assert_eq!(store.versions(&id).unwrap().len(), 3);
}

#[test]
fn a_target_version_snapshots_edits_the_stored_text_has_not_caught_up_with() {
    let dir = tempfile::tempdir().unwrap();
    let path = db_in(&dir);
    let mut store = open(&path);
    let id = store.import(&procedure(11, 12)).unwrap();
    let mut doc = store.open_document(&id).unwrap();
    let e = relabel(&doc, "s2", "Édité avant la cible");
    store.apply_edit(&mut doc, &e).unwrap();
    assert_eq!(stored_working(&path, &id).1, 0, "journal only");
    let target = doc.procedure().clone();
    let new = NewVersion { name: "Cible".into(), ..Default::default() };
    let (base, _) = store.create_target_version(&id, doc.revision(), "État actuel", &new, &target).unwrap();
    assert_eq!(&store.load_version(base.id).unwrap(), doc.procedure(), "the snapshot holds the edit");
    assert_eq!(&store.load(&id).unwrap(), doc.procedure());
}
