//! Editing a working copy, with an undo/redo journal that lives in the file.
//!
//! The journal of a procedure is one list of edits numbered by `seq`; each row holds the edit
//! and its inverse (as `epure_core::edit::apply` returned it). Rows with `undone = 0` are the
//! undo stack (top: highest `seq`), rows with `undone = 1` the redo stack (top: lowest `seq`);
//! the undone rows are always a suffix. A new edit drops the redo stack. Because the journal is
//! in the file, undo and redo survive closing and reopening the app.
//!
//! Each change is one IMMEDIATE transaction that bumps the revision and updates the journal: a
//! crash leaves the edit either wholly there or wholly absent, and an acknowledged edit is on
//! disk. The change does not rewrite the working copy: on a 10,000-step procedure that
//! rewrite (megabytes of JSON, serialised and written through the WAL) was most of an edit's
//! cost. The stored working copy is instead a checkpoint at journal position
//! `working_copies.checkpoint_seq`, and the current state is the checkpoint with the journal
//! replayed onto it: the rows done since it, forward, or the rows undone since it, backward
//! (see [`read_current`]). The checkpoint is rewritten when the replay would get longer than
//! [`CHECKPOINT_EVERY`] steps, when the store is closed, and before anything that copies or
//! replaces the stored text (a version, a restore).
//!
//! The replay needs every row between the checkpoint and the head, so two rules keep them:
//! the journal's length limit only drops rows the checkpoint already holds, and an edit that
//! would drop a redo row the checkpoint holds (after undoing past it) rewrites the checkpoint
//! in its own transaction.

use epure_core::Procedure;
use epure_core::edit::{self, Edit};
use rusqlite::{Connection, OptionalExtension, Transaction, TransactionBehavior, params};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::procedures::not_found;

/// The undo steps kept per procedure; older ones are dropped, the working copy stays.
pub const JOURNAL_LIMIT: i64 = 1000;

/// The longest replay a load may need: past it, the change that made it longer rewrites the
/// stored working copy. One change in this many pays for a full rewrite (under 1 in 100, so
/// the 99th percentile of an edit is a journal-only commit), and a load replays at most this
/// many small edits, as one batch. Below [`JOURNAL_LIMIT`], so the rows a replay needs are
/// never dropped by the limit.
pub const CHECKPOINT_EVERY: i64 = 250;

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

/// A procedure as the file holds it now: the checkpoint with its journal replayed.
pub(crate) struct Current {
    pub procedure: Procedure,
    pub revision: i64,
    /// The journal position of the stored working copy.
    pub checkpoint: i64,
    /// The journal position of the current state: every row up to it is done, none after.
    pub head: i64,
}

impl Current {
    /// Whether the stored working copy lags the current state.
    pub fn lags(&self) -> bool {
        self.checkpoint != self.head
    }
}

/// Reads a procedure's current state. The caller holds a transaction (read or write), so the
/// row and its journal are read from one snapshot.
pub(crate) fn read_current(conn: &Connection, id: &str) -> Result<Current> {
    let (text, revision, checkpoint): (String, i64, i64) = conn
        .prepare_cached(
            "SELECT w.text, p.revision, w.checkpoint_seq
             FROM procedures p JOIN working_copies w ON w.procedure_id = p.id WHERE p.id = ?1",
        )?
        .query_row([id], |r| Ok((r.get(0)?, r.get(1)?, r.get(2)?)))
        .optional()?
        .ok_or_else(|| not_found(id))?;
    let mut procedure = crate::procedures::parse(&text, || format!("procedure \"{id}\""))?;
    // Only one of the two is ever non-empty: the head is either at or after the checkpoint
    // (rows done since: their edits, in order) or before it (rows undone since: their
    // inverses, newest first).
    let forward = journal_rows(
        conn,
        "SELECT seq, edit FROM journal WHERE procedure_id = ?1 AND seq > ?2 AND undone = 0 ORDER BY seq",
        id,
        checkpoint,
    )?;
    let backward = journal_rows(
        conn,
        "SELECT seq, inverse FROM journal WHERE procedure_id = ?1 AND seq <= ?2 AND undone = 1 ORDER BY seq DESC",
        id,
        checkpoint,
    )?;
    let head = match (forward.last(), backward.last()) {
        (Some(&(seq, _)), _) => seq,
        (None, Some(&(seq, _))) => seq - 1,
        (None, None) => checkpoint,
    };
    let edits: Vec<Edit> = forward.into_iter().chain(backward).map(|(_, e)| e).collect();
    if !edits.is_empty() {
        // One batch: each edit was checked against the state it was applied to when it was
        // journaled, so the whole-procedure checks run once, at the end, not once per edit.
        edit::apply(&mut procedure, &Edit::Batch { edits }).map_err(|e| {
            StoreError::Internal(format!(
                "the journal of procedure \"{id}\" does not replay onto its working copy: {e}"
            ))
        })?;
    }
    Ok(Current { procedure, revision, checkpoint, head })
}

fn journal_rows(conn: &Connection, sql: &str, id: &str, checkpoint: i64) -> Result<Vec<(i64, Edit)>> {
    let mut stmt = conn.prepare_cached(sql)?;
    let rows = stmt.query_map(params![id, checkpoint], |r| Ok((r.get::<_, i64>(0)?, r.get::<_, String>(1)?)))?;
    let mut out = Vec::new();
    for row in rows {
        let (seq, text) = row?;
        out.push((seq, from_json(&text, seq, id)?));
    }
    Ok(out)
}

/// Rewrites the stored working copy as `procedure`, the state at journal position `head`. The
/// content does not change, so neither do the revision and the modification time.
pub(crate) fn write_checkpoint(conn: &Connection, id: &str, procedure: &Procedure, head: i64) -> Result<()> {
    conn.prepare_cached("UPDATE working_copies SET text = ?2, checkpoint_seq = ?3 WHERE procedure_id = ?1")?
        .execute(params![id, epure_core::format::to_string(procedure), head])?;
    Ok(())
}

impl Store {
    /// Opens a procedure's working copy for editing.
    pub fn open_document(&self, id: &str) -> Result<Document> {
        let (procedure, revision) = self.load_with_revision(id)?;
        Ok(Document { id: id.to_owned(), procedure, revision })
    }

    /// Rewrites the stored working copy of every procedure edited through this store whose
    /// working copy lags its journal, each in its own transaction. Called on close; loading
    /// does not need it (it replays), it keeps the next load short and the stored text whole.
    pub fn checkpoint(&mut self) -> Result<()> {
        if self.read_only.is_some() {
            return Ok(());
        }
        let ids: Vec<String> = std::mem::take(&mut self.lagging).into_iter().collect();
        let mut first_error = None;
        for id in ids {
            let done = (|| -> Result<()> {
                let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
                let current = match read_current(&tx, &id) {
                    Ok(c) => c,
                    // Deleted since: nothing to keep.
                    Err(e) if e.kind() == crate::ErrorKind::NotFound => return Ok(()),
                    Err(e) => return Err(e),
                };
                if current.lags() {
                    write_checkpoint(&tx, &id, &current.procedure, current.head)?;
                }
                tx.commit()?;
                Ok(())
            })();
            if let Err(e) = done {
                // Still lagging: the next close tries again; the journal holds the edits.
                self.lagging.insert(id);
                first_error.get_or_insert(e);
            }
        }
        first_error.map_or(Ok(()), Err)
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
        let committed = (|| -> Result<(i64, i64)> {
            let (forward, backward) = (to_json(edit)?, to_json(&inverse)?);
            let (tx, mut checkpoint) = self.begin(doc)?;
            // Dropping a redo row the checkpoint holds would leave no way back from the
            // checkpoint to the head: the working copy is written with this edit instead.
            let first_undone: Option<i64> = tx
                .prepare_cached("SELECT min(seq) FROM journal WHERE procedure_id = ?1 AND undone = 1")?
                .query_row([&doc.id], |r| r.get(0))?;
            let rewrite = first_undone.is_some_and(|seq| seq <= checkpoint);
            tx.prepare_cached("DELETE FROM journal WHERE procedure_id = ?1 AND undone = 1")?.execute([&doc.id])?;
            let seq: i64 = tx
                .prepare_cached("SELECT coalesce(max(seq), 0) + 1 FROM journal WHERE procedure_id = ?1")?
                .query_row([&doc.id], |r| r.get(0))?;
            tx.prepare_cached("INSERT INTO journal (procedure_id, seq, edit, inverse) VALUES (?1, ?2, ?3, ?4)")?
                .execute(params![doc.id, seq, forward, backward])?;
            if rewrite {
                write_checkpoint(&tx, &doc.id, &doc.procedure, seq)?;
                checkpoint = seq;
            }
            // Only rows the checkpoint holds may go: the replay needs the others.
            tx.prepare_cached("DELETE FROM journal WHERE procedure_id = ?1 AND seq <= min(?2, ?3)")?
                .execute(params![doc.id, seq - JOURNAL_LIMIT, checkpoint])?;
            bump_revision(&tx, doc)?;
            tx.commit()?;
            Ok((seq, checkpoint))
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
        let edit = from_json(&text, seq, &doc.id)?;
        // The journal was written against this very working copy, so the edit applies; if it
        // does not, the file was changed behind Épure's back and the model says why.
        let inverse = edit::apply(&mut doc.procedure, &edit)?;
        let undone = matches!(direction, Direction::Undo);
        let committed = (|| -> Result<(i64, i64)> {
            let (tx, checkpoint) = self.begin(doc)?;
            tx.prepare_cached("UPDATE journal SET undone = ?3 WHERE procedure_id = ?1 AND seq = ?2")?
                .execute(params![doc.id, seq, undone])?;
            bump_revision(&tx, doc)?;
            tx.commit()?;
            // Undoing row `seq` leaves the rows before it done; redoing it makes it the head.
            Ok((if undone { seq - 1 } else { seq }, checkpoint))
        })();
        self.settle(doc, committed, &inverse).map(|()| true)
    }

    /// Starts a write transaction, checking that the file still holds the document's revision
    /// (one writer: a second window on the same procedure must reopen, not overwrite).
    /// Also returns the journal position of the stored working copy.
    fn begin(&mut self, doc: &Document) -> Result<(Transaction<'_>, i64)> {
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let found: Option<(i64, i64)> = tx
            .prepare_cached(
                "SELECT p.revision, w.checkpoint_seq
                 FROM procedures p JOIN working_copies w ON w.procedure_id = p.id WHERE p.id = ?1",
            )?
            .query_row([&doc.id], |r| Ok((r.get(0)?, r.get(1)?)))
            .optional()?;
        match found {
            None => Err(not_found(&doc.id)),
            Some((r, _)) if r != doc.revision => Err(StoreError::InvalidInput(format!(
                "procedure \"{}\" was changed elsewhere since it was opened (revision {r}, not {}): reopen it",
                doc.id, doc.revision
            ))),
            Some((_, checkpoint)) => Ok((tx, checkpoint)),
        }
    }

    /// After a commit attempt: on success count the change, and rewrite the checkpoint when
    /// the replay from it (`head` against `checkpoint`) has got too long; on failure put the
    /// document back as it was, so that memory and file agree.
    fn settle(&mut self, doc: &mut Document, committed: Result<(i64, i64)>, inverse: &Edit) -> Result<()> {
        match committed {
            Ok((head, checkpoint)) => {
                doc.revision += 1;
                if (head - checkpoint).abs() >= CHECKPOINT_EVERY {
                    // Its own transaction, after the edit's: the edit is committed whatever
                    // happens here, and a failed rewrite is retried by the next change or on
                    // close, the journal holding the edits meanwhile.
                    if self.checkpoint_document(doc, head).is_err() {
                        self.lagging.insert(doc.id.clone());
                    }
                } else if head != checkpoint {
                    self.lagging.insert(doc.id.clone());
                } else {
                    self.lagging.remove(&doc.id);
                }
                self.changed();
                Ok(())
            }
            Err(e) => {
                let _ = edit::apply(&mut doc.procedure, inverse);
                Err(e)
            }
        }
    }

    /// Writes a document's state, at journal position `head`, as the stored working copy.
    fn checkpoint_document(&mut self, doc: &Document, head: i64) -> Result<()> {
        let (tx, _) = self.begin(doc)?;
        write_checkpoint(&tx, &doc.id, &doc.procedure, head)?;
        tx.commit()?;
        self.lagging.remove(&doc.id);
        Ok(())
    }
}

/// Counts a change: the revision, the name (an edit may rename), the modification time. A
/// small row: the working copy's text is in `working_copies`, left as it is.
fn bump_revision(tx: &Transaction<'_>, doc: &Document) -> Result<()> {
    tx.prepare_cached(
        "UPDATE procedures SET name = ?2, revision = revision + 1,
                updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now')
         WHERE id = ?1",
    )?
    .execute(params![doc.id, doc.procedure.meta.name])?;
    Ok(())
}

fn to_json(edit: &Edit) -> Result<String> {
    serde_json::to_string(edit).map_err(|e| StoreError::Internal(format!("an edit cannot be written: {e}")))
}

fn from_json(text: &str, seq: i64, id: &str) -> Result<Edit> {
    serde_json::from_str(text)
        .map_err(|e| StoreError::Internal(format!("journal entry {seq} of \"{id}\" cannot be read: {e}")))
}
