//! The schema and its migrations, on `PRAGMA user_version`.
//!
//! `rusqlite_migration` cannot be used with rusqlite 0.43 (it links another SQLite), and the
//! runner is a dozen lines. **Migrations are append-only:** a released step is never edited, a
//! change is a new step. Each step runs in its own transaction with the version bump, so a crash
//! leaves the file at one version or the next, never between.

use rusqlite::{Connection, TransactionBehavior};

use crate::error::Result;

/// The migrations, in order: `MIGRATIONS[i]` takes a file from version `i` to `i + 1`.
pub(crate) const MIGRATIONS: &[&str] = &[
    // 1: procedures with their working copy, immutable versions, and the undo journal.
    "CREATE TABLE procedures (
        id         TEXT PRIMARY KEY,
        name       TEXT NOT NULL,
        working    TEXT NOT NULL,             -- canonical JSON (epure_core::format::to_string)
        revision   INTEGER NOT NULL DEFAULT 0, -- one more for every committed change
        created_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        updated_at TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ) STRICT;
     CREATE TABLE versions (
        id           INTEGER PRIMARY KEY,
        procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
        name         TEXT NOT NULL,
        author       TEXT NOT NULL,
        note         TEXT NOT NULL DEFAULT '',
        variant      TEXT NOT NULL CHECK (variant IN ('current', 'target')),
        derived_from INTEGER REFERENCES versions(id),
        content      TEXT NOT NULL,
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now')),
        UNIQUE (procedure_id, name)
     ) STRICT;
     CREATE TRIGGER versions_are_immutable BEFORE UPDATE ON versions
     BEGIN SELECT RAISE(ABORT, 'versions are immutable'); END;
     CREATE TABLE journal (
        procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
        seq          INTEGER NOT NULL,
        edit         TEXT NOT NULL,             -- epure_core::Edit as JSON
        inverse      TEXT NOT NULL,             -- the edit that undoes it
        undone       INTEGER NOT NULL DEFAULT 0, -- 1: on the redo stack
        PRIMARY KEY (procedure_id, seq)
     ) STRICT, WITHOUT ROWID;",
    // 2: generated reports.
    "CREATE TABLE reports (
        id           INTEGER PRIMARY KEY,
        procedure_id TEXT NOT NULL REFERENCES procedures(id) ON DELETE CASCADE,
        version_a    INTEGER REFERENCES versions(id),
        version_b    INTEGER REFERENCES versions(id),
        lang         TEXT NOT NULL,
        sha256       TEXT NOT NULL,
        page_count   INTEGER NOT NULL CHECK (page_count >= 0),
        size         INTEGER NOT NULL,
        pdf          BLOB NOT NULL,
        created_at   TEXT NOT NULL DEFAULT (strftime('%Y-%m-%dT%H:%M:%fZ', 'now'))
     ) STRICT;
     CREATE INDEX reports_by_procedure ON reports (procedure_id, id);",
    // 3: edits commit their journal row only; the working copy, rewritten at checkpoints,
    // moves to a table of its own so that an edit, which bumps the procedure's revision, no
    // longer rewrites (nor reads) the row holding megabytes of text. `checkpoint_seq` is the
    // journal position the stored text is at (it holds the rows up to that `seq`); it comes
    // before `text` so that reading it does not walk the text's overflow pages. Until now
    // every edit rewrote the text, so it is at the journal's head: the last row still done,
    // else just before the first undone one.
    "CREATE TABLE working_copies (
        procedure_id   TEXT PRIMARY KEY REFERENCES procedures(id) ON DELETE CASCADE,
        checkpoint_seq INTEGER NOT NULL,
        text           TEXT NOT NULL           -- canonical JSON (epure_core::format::to_string)
     ) STRICT;
     INSERT INTO working_copies (procedure_id, checkpoint_seq, text)
     SELECT id,
            coalesce(
                (SELECT max(seq) FROM journal j WHERE j.procedure_id = procedures.id AND j.undone = 0),
                (SELECT min(seq) - 1 FROM journal j WHERE j.procedure_id = procedures.id),
                0),
            working
     FROM procedures;
     ALTER TABLE procedures DROP COLUMN working;",
];

/// The schema version this build writes.
pub const SCHEMA_VERSION: u32 = MIGRATIONS.len() as u32;

pub(crate) fn user_version(conn: &Connection) -> Result<u32> {
    Ok(conn.query_row("PRAGMA user_version", [], |r| r.get::<_, i64>(0))?.clamp(0, u32::MAX as i64) as u32)
}

/// Brings the file up to `target` (at most [`SCHEMA_VERSION`]); never goes backwards.
pub(crate) fn migrate_to(conn: &mut Connection, target: u32) -> Result<()> {
    loop {
        let tx = conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // Read inside the write lock: two processes opening at once do not both migrate.
        let current = user_version(&tx)?;
        if current >= target {
            return Ok(());
        }
        tx.execute_batch(MIGRATIONS[current as usize])?;
        tx.execute_batch(&format!("PRAGMA user_version = {}", current + 1))?;
        tx.commit()?;
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::{BackupPolicy, Store};
    use epure_core::edit::{self, Edit};

    /// A file at every earlier schema, holding what that schema can hold, opens, migrates to
    /// the latest and keeps its data.
    #[test]
    fn every_earlier_schema_migrates_to_the_latest_and_keeps_its_data() {
        for from in 0..SCHEMA_VERSION {
            let dir = tempfile::tempdir().unwrap();
            let path = dir.path().join("old.db");
            let mut states = vec![epure_core::synthetic::procedure(1, 10)];
            {
                let mut conn = Connection::open(&path).unwrap();
                migrate_to(&mut conn, from).unwrap();
                assert_eq!(user_version(&conn).unwrap(), from);
                if from >= 1 {
                    // As that schema's store left it: one edit done, one undone, the working
                    // copy rewritten at each.
                    let p = &mut states[0].clone();
                    p.meta.id = Some("p".into());
                    states[0] = p.clone();
                    let mut rows = Vec::new();
                    for label in ["Un", "Deux"] {
                        let mut step = p.step("s2").unwrap().clone();
                        step.label = Some(label.into());
                        let edit = Edit::UpdateStep { step };
                        let inverse = edit::apply(p, &edit).unwrap();
                        states.push(p.clone());
                        rows.push((edit, inverse));
                    }
                    let text = epure_core::format::to_string(&states[1]);
                    conn.execute("INSERT INTO procedures (id, name, working) VALUES ('p', 'P', ?1)", [text]).unwrap();
                    for (seq, (edit, inverse)) in (1..).zip(rows) {
                        conn.execute(
                            "INSERT INTO journal (procedure_id, seq, edit, inverse, undone) VALUES ('p', ?1, ?2, ?3, ?4)",
                            rusqlite::params![
                                seq,
                                serde_json::to_string(&edit).unwrap(),
                                serde_json::to_string(&inverse).unwrap(),
                                seq == 2
                            ],
                        )
                        .unwrap();
                    }
                    conn.execute_batch(&format!("PRAGMA application_id = {}", crate::APPLICATION_ID)).unwrap();
                }
            }
            let mut store = Store::open_with(&path, BackupPolicy::manual()).unwrap();
            assert_eq!(store.schema_version().unwrap(), SCHEMA_VERSION, "from {from}");
            assert_eq!(store.list().unwrap().len(), usize::from(from >= 1), "from {from}");
            if from >= 1 {
                // The journal still undoes and redoes from where it was.
                let mut doc = store.open_document("p").unwrap();
                assert_eq!(doc.procedure(), &states[1], "from {from}");
                assert!(store.undo(&mut doc).unwrap());
                assert_eq!(store.load("p").unwrap(), states[0], "from {from}");
                assert!(store.redo(&mut doc).unwrap() && store.redo(&mut doc).unwrap());
                assert_eq!(store.load("p").unwrap(), states[2], "from {from}");
            }
            store.import(&epure_core::synthetic::procedure(2, 5)).unwrap();
            store.integrity_check().unwrap();
        }
    }

    #[test]
    fn migrating_twice_changes_nothing() {
        let mut conn = Connection::open_in_memory().unwrap();
        migrate_to(&mut conn, SCHEMA_VERSION).unwrap();
        migrate_to(&mut conn, SCHEMA_VERSION).unwrap();
        assert_eq!(user_version(&conn).unwrap(), SCHEMA_VERSION);
    }
}
