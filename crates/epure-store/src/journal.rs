//! Editing a working copy, with an undo/redo journal that lives in the file.
//!
//! The journal of a procedure is one list of edits numbered by `seq`; each row holds the edit
//! and its inverse (as `epure_core::edit::apply` returned it). Rows with `undone = 0` are the
//! undo stack (top: highest `seq`), rows with `undone = 1` the redo stack (top: lowest `seq`);
//! the undone rows are always a suffix. A new edit drops the redo stack. Because the journal is
//! in the file, undo and redo survive closing and reopening the app.
//!
//! Each change is one IMMEDIATE transaction that writes the new working copy, bumps the
//! revision and updates the journal: a crash leaves the edit either wholly there or wholly
//! absent, and an acknowledged edit is on disk.

use epure_core::Procedure;
use epure_core::edit::{self, Edit};
use rusqlite::{OptionalExtension, Transaction, TransactionBehavior, params};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::procedures::not_found;

/// The undo steps kept per procedure; older ones are dropped, the working copy stays.
pub const JOURNAL_LIMIT: i64 = 1000;

/// A procedure open for editing: its working copy in memory, in step with the file.
#[derive(Debug, Clone)]
pub struct Document {
    id: String,
    procedure: Procedure,
    revision: i64,
}

impl Document {
    pub fn id(&self) -> &str {
        &self.id
    }

    /// The working copy, as committed.
    pub fn procedure(&self) -> &Procedure {
        &self.procedure
    }

    /// How many changes were committed to the working copy.
    pub fn revision(&self) -> i64 {
        self.revision
    }
}

/// The sizes of the undo and redo stacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct History {
    pub undo: usize,
    pub redo: usize,
}

enum Direction {
    Undo,
    Redo,
}

impl Store {
    /// Opens a procedure's working copy for editing.
    pub fn open_document(&self, id: &str) -> Result<Document> {
        let (procedure, revision) = self.load_with_revision(id)?;
        Ok(Document { id: id.to_owned(), procedure, revision })
    }

    /// Applies an edit and commits it with its journal entry; drops the redo stack.
    ///
    /// When the model refuses the edit ([`crate::ErrorKind::InvalidInput`]) or the commit
    /// fails, both the document and the file are as they were.
    pub fn apply_edit(&mut self, doc: &mut Document, edit: &Edit) -> Result<()> {
        self.writable()?;
        let inverse = edit::apply(&mut doc.procedure, edit)?;
        if doc.procedure.meta.id.as_deref() != Some(doc.id.as_str()) {
            let _ = edit::apply(&mut doc.procedure, &inverse);
            return Err(StoreError::InvalidInput(format!(
                "the id of stored procedure \"{}\" cannot be changed",
                doc.id
            )));
        }
        let committed = (|| -> Result<()> {
            let (forward, backward) = (to_json(edit)?, to_json(&inverse)?);
            let tx = self.begin(doc)?;
            tx.execute("DELETE FROM journal WHERE procedure_id = ?1 AND undone = 1", [&doc.id])?;
            let seq: i64 = tx.query_row(
                "SELECT coalesce(max(seq), 0) + 1 FROM journal WHERE procedure_id = ?1",
                [&doc.id],
                |r| r.get(0),
            )?;
            tx.execute(
                "INSERT INTO journal (procedure_id, seq, edit, inverse) VALUES (?1, ?2, ?3, ?4)",
                params![doc.id, seq, forward, backward],
            )?;
            tx.execute(
                "DELETE FROM journal WHERE procedure_id = ?1 AND seq <= ?2",
                params![doc.id, seq - JOURNAL_LIMIT],
            )?;
            write_working(&tx, doc)?;
            tx.commit()?;
            Ok(())
        })();
        self.settle(doc, committed, &inverse)
    }

    /// Undoes the last edit still done; `false` when there is none.
    pub fn undo(&mut self, doc: &mut Document) -> Result<bool> {
        self.step(doc, Direction::Undo)
    }

    /// Redoes the last undone edit; `false` when there is none.
    pub fn redo(&mut self, doc: &mut Document) -> Result<bool> {
        self.step(doc, Direction::Redo)
    }

    /// The sizes of a procedure's undo and redo stacks.
    pub fn history(&self, id: &str) -> Result<History> {
        let (undo, redo): (i64, i64) = self.conn.query_row(
            "SELECT coalesce(sum(undone = 0), 0), coalesce(sum(undone = 1), 0) FROM journal WHERE procedure_id = ?1",
            [id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        Ok(History { undo: undo as usize, redo: redo as usize })
    }

    fn step(&mut self, doc: &mut Document, direction: Direction) -> Result<bool> {
        self.writable()?;
        let query = match direction {
            Direction::Undo => {
                "SELECT seq, inverse FROM journal WHERE procedure_id = ?1 AND undone = 0 ORDER BY seq DESC LIMIT 1"
            }
            Direction::Redo => {
                "SELECT seq, edit FROM journal WHERE procedure_id = ?1 AND undone = 1 ORDER BY seq ASC LIMIT 1"
            }
        };
        let Some((seq, text)) =
            self.conn.query_row(query, [&doc.id], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?))).optional()?
        else {
            return Ok(false);
        };
        let edit: Edit = serde_json::from_str(&text)
            .map_err(|e| StoreError::Internal(format!("journal entry {seq} of \"{}\" cannot be read: {e}", doc.id)))?;
        // The journal was written against this very working copy, so the edit applies; if it
        // does not, the file was changed behind Épure's back and the model says why.
        let inverse = edit::apply(&mut doc.procedure, &edit)?;
        let undone = matches!(direction, Direction::Undo);
        let committed = (|| -> Result<()> {
            let tx = self.begin(doc)?;
            tx.execute(
                "UPDATE journal SET undone = ?3 WHERE procedure_id = ?1 AND seq = ?2",
                params![doc.id, seq, undone],
            )?;
            write_working(&tx, doc)?;
            tx.commit()?;
            Ok(())
        })();
        self.settle(doc, committed, &inverse).map(|()| true)
    }

    /// Starts a write transaction, checking that the file still holds the document's revision
    /// (one writer: a second window on the same procedure must reopen, not overwrite).
    fn begin(&mut self, doc: &Document) -> Result<Transaction<'_>> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let revision: Option<i64> =
            tx.query_row("SELECT revision FROM procedures WHERE id = ?1", [&doc.id], |r| r.get(0)).optional()?;
        match revision {
            None => Err(not_found(&doc.id)),
            Some(r) if r != doc.revision => Err(StoreError::InvalidInput(format!(
                "procedure \"{}\" was changed elsewhere since it was opened (revision {r}, not {}): reopen it",
                doc.id, doc.revision
            ))),
            Some(_) => Ok(tx),
        }
    }

    /// After a commit attempt: on success count the change; on failure put the document back
    /// as it was, so that memory and file agree.
    fn settle(&mut self, doc: &mut Document, committed: Result<()>, inverse: &Edit) -> Result<()> {
        match committed {
            Ok(()) => {
                doc.revision += 1;
                self.changed();
                Ok(())
            }
            Err(e) => {
                let _ = edit::apply(&mut doc.procedure, inverse);
                Err(e)
            }
        }
    }
}

fn write_working(tx: &Transaction<'_>, doc: &Document) -> Result<()> {
    tx.execute(
        "UPDATE procedures SET working = ?2, name = ?3, revision = revision + 1,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
        params![doc.id, epure_core::format::to_string(&doc.procedure), doc.procedure.meta.name],
    )?;
    Ok(())
}

fn to_json(edit: &Edit) -> Result<String> {
    serde_json::to_string(edit).map_err(|e| StoreError::Internal(format!("an edit cannot be written: {e}")))
}
