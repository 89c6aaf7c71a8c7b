//! Named versions: immutable snapshots of a working copy ("État actuel", "Cible v1", …) with
//! author, date and note. A target version records the version it was derived from. Restoring
//! a version replaces the working copy only after snapshotting it: no state is ever destroyed.

use epure_core::Procedure;
use rusqlite::{OptionalExtension, TransactionBehavior, params};

use crate::Store;
use crate::error::{Result, StoreError};
use crate::journal::{Document, read_current, write_checkpoint};
use crate::procedures::{not_found, parse};

/// What a new version is called and who made it.
#[derive(Debug, Clone, Default)]
pub struct NewVersion {
    pub name: String,
    pub author: String,
    pub note: String,
    /// The version this one was derived from (for a target, the current state it simplifies).
    pub derived_from: Option<i64>,
}

/// A stored version.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct VersionInfo {
    pub id: i64,
    pub procedure_id: String,
    pub name: String,
    pub author: String,
    pub note: String,
    /// `current` or `target`, from the snapshot's own `variant`.
    pub variant: String,
    pub derived_from: Option<i64>,
    pub created_at: String,
}

const COLUMNS: &str = "id, procedure_id, name, author, note, variant, derived_from, created_at";

fn row(r: &rusqlite::Row<'_>) -> rusqlite::Result<VersionInfo> {
    Ok(VersionInfo {
        id: r.get(0)?,
        procedure_id: r.get(1)?,
        name: r.get(2)?,
        author: r.get(3)?,
        note: r.get(4)?,
        variant: r.get(5)?,
        derived_from: r.get(6)?,
        created_at: r.get(7)?,
    })
}

impl Store {
    /// Snapshots the working copy of `procedure_id` as a new, immutable version.
    pub fn create_version(&mut self, procedure_id: &str, new: &NewVersion) -> Result<VersionInfo> {
        self.writable()?;
        if new.name.trim().is_empty() {
            return Err(StoreError::InvalidInput("a version needs a name".to_owned()));
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        // A version copies the stored text: bring it to the journal's head first.
        let current = read_current(&tx, procedure_id)?;
        if current.lags() {
            write_checkpoint(&tx, procedure_id, &current.procedure, current.head)?;
        }
        let id = insert_version(&tx, procedure_id, new)?;
        let info = tx.query_row(&format!("SELECT {COLUMNS} FROM versions WHERE id = ?1"), [id], row)?;
        tx.commit()?;
        self.changed();
        Ok(info)
    }

    /// Keeps a target computed from the working copy: the working copy is first snapshotted as a version
    /// named `base_name` (unless a version already holds exactly the working copy), then `target` is stored
    /// as a version derived from it — one transaction. The working copy itself is not touched. Refused when
    /// the working copy is no longer at `revision` (the target was computed from another state: compute it
    /// again).
    pub fn create_target_version(
        &mut self,
        procedure_id: &str,
        revision: i64,
        base_name: &str,
        new: &NewVersion,
        target: &Procedure,
    ) -> Result<(VersionInfo, VersionInfo)> {
        self.writable()?;
        if new.name.trim().is_empty() || base_name.trim().is_empty() {
            return Err(StoreError::InvalidInput("a version needs a name".to_owned()));
        }
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let current = read_current(&tx, procedure_id)?;
        if current.revision != revision {
            return Err(StoreError::InvalidInput(format!(
                "procedure \"{procedure_id}\" was changed since the target was computed: compute it again"
            )));
        }
        // The base version copies the stored text: bring it to the journal's head first.
        if current.lags() {
            write_checkpoint(&tx, procedure_id, &current.procedure, current.head)?;
        }
        let working = epure_core::format::to_string(&current.procedure);
        // A version that already holds exactly the working copy is the base.
        let same: Option<i64> = tx
            .query_row(
                "SELECT id FROM versions WHERE procedure_id = ?1 AND content = ?2 ORDER BY id DESC LIMIT 1",
                params![procedure_id, working],
                |r| r.get(0),
            )
            .optional()?;
        let base = match same {
            Some(id) => id,
            None => insert_version(
                &tx,
                procedure_id,
                &NewVersion { name: base_name.to_owned(), author: new.author.clone(), ..Default::default() },
            )?,
        };
        let mut content = target.clone();
        content.meta.id = Some(procedure_id.to_owned());
        content.meta.variant = Some(epure_core::Variant::Target);
        let name_taken = tx
            .query_row(
                "SELECT 1 FROM versions WHERE procedure_id = ?1 AND name = ?2",
                params![procedure_id, new.name],
                |_| Ok(()),
            )
            .optional()?;
        if name_taken.is_some() {
            return Err(StoreError::InvalidInput(format!(
                "procedure \"{procedure_id}\" already has a version named \"{}\"",
                new.name
            )));
        }
        tx.execute(
            "INSERT INTO versions (procedure_id, name, author, note, variant, derived_from, content)
             VALUES (?1, ?2, ?3, ?4, 'target', ?5, ?6)",
            params![procedure_id, new.name, new.author, new.note, base, epure_core::format::to_string(&content)],
        )?;
        let target_id = tx.last_insert_rowid();
        let get = |id: i64| tx.query_row(&format!("SELECT {COLUMNS} FROM versions WHERE id = ?1"), [id], row);
        let infos = (get(base)?, get(target_id)?);
        tx.commit()?;
        self.changed();
        Ok(infos)
    }

    /// A procedure's versions, oldest first.
    pub fn versions(&self, procedure_id: &str) -> Result<Vec<VersionInfo>> {
        let exists =
            self.conn.query_row("SELECT 1 FROM procedures WHERE id = ?1", [procedure_id], |_| Ok(())).optional()?;
        if exists.is_none() {
            return Err(not_found(procedure_id));
        }
        let mut stmt =
            self.conn.prepare(&format!("SELECT {COLUMNS} FROM versions WHERE procedure_id = ?1 ORDER BY id"))?;
        let rows = stmt.query_map([procedure_id], row)?;
        Ok(rows.collect::<Result<_, _>>()?)
    }

    /// The procedure as a version holds it.
    pub fn load_version(&self, version_id: i64) -> Result<Procedure> {
        let text: String = self
            .conn
            .query_row("SELECT content FROM versions WHERE id = ?1", [version_id], |r| r.get(0))
            .optional()?
            .ok_or_else(|| version_not_found(version_id))?;
        parse(&text, || format!("version {version_id}"))
    }

    /// Makes a version the working copy again. The working copy it replaces is first kept as a
    /// version of its own (returned), and the undo journal, which was about the replaced
    /// state, is cleared: all in one transaction.
    pub fn restore_version(&mut self, doc: &mut Document, version_id: i64) -> Result<VersionInfo> {
        self.writable()?;
        let mut restored = self.load_version(version_id)?;
        let owner: String =
            self.conn.query_row("SELECT procedure_id FROM versions WHERE id = ?1", [version_id], |r| r.get(0))?;
        if owner != doc.id() {
            return Err(StoreError::InvalidInput(format!(
                "version {version_id} belongs to procedure \"{owner}\", not \"{}\"",
                doc.id()
            )));
        }
        restored.meta.id = Some(doc.id().to_owned());
        let tx = self.conn.transaction_with_behavior(TransactionBehavior::Immediate)?;
        let (revision, version_name): (i64, String) = tx.query_row(
            "SELECT p.revision, v.name FROM procedures p, versions v WHERE p.id = ?1 AND v.id = ?2",
            params![doc.id(), version_id],
            |r| Ok((r.get(0)?, r.get(1)?)),
        )?;
        if revision != doc.revision() {
            return Err(StoreError::InvalidInput(format!(
                "procedure \"{}\" was changed elsewhere: reopen it",
                doc.id()
            )));
        }
        let keep = NewVersion {
            name: format!("Copie de travail avant restauration de « {version_name} » (révision {revision})"),
            author: "Épure".to_owned(),
            note: "Enregistrée automatiquement avant une restauration.".to_owned(),
            derived_from: None,
        };
        // The kept version copies the stored text, which may lag the journal: write the
        // document's state (the file's, the revision says) first. Position 0 is right once the
        // journal is cleared below, in this same transaction.
        write_checkpoint(&tx, doc.id(), doc.procedure(), 0)?;
        let kept = insert_version(&tx, doc.id(), &keep)?;
        let info = tx.query_row(&format!("SELECT {COLUMNS} FROM versions WHERE id = ?1"), [kept], row)?;
        tx.execute(
            "UPDATE procedures SET name = ?2, revision = revision + 1,
                    updated_at = strftime('%Y-%m-%dT%H:%M:%fZ', 'now') WHERE id = ?1",
            params![doc.id(), restored.meta.name],
        )?;
        write_checkpoint(&tx, doc.id(), &restored, 0)?;
        tx.execute("DELETE FROM journal WHERE procedure_id = ?1", [doc.id()])?;
        tx.commit()?;
        self.lagging.remove(doc.id());
        *doc = self.open_document(doc.id())?;
        self.changed();
        Ok(info)
    }
}

fn insert_version(tx: &rusqlite::Transaction<'_>, procedure_id: &str, new: &NewVersion) -> Result<i64> {
    let exists = tx.query_row("SELECT 1 FROM procedures WHERE id = ?1", [procedure_id], |_| Ok(())).optional()?;
    if exists.is_none() {
        return Err(not_found(procedure_id));
    }
    if let Some(from) = new.derived_from {
        let owner: Option<String> =
            tx.query_row("SELECT procedure_id FROM versions WHERE id = ?1", [from], |r| r.get(0)).optional()?;
        match owner {
            None => return Err(version_not_found(from)),
            Some(o) if o != procedure_id => {
                return Err(StoreError::InvalidInput(format!(
                    "version {from} belongs to procedure \"{o}\", not \"{procedure_id}\""
                )));
            }
            Some(_) => {}
        }
    }
    let taken = tx
        .query_row(
            "SELECT 1 FROM versions WHERE procedure_id = ?1 AND name = ?2",
            params![procedure_id, new.name],
            |_| Ok(()),
        )
        .optional()?;
    if taken.is_some() {
        return Err(StoreError::InvalidInput(format!(
            "procedure \"{procedure_id}\" already has a version named \"{}\"",
            new.name
        )));
    }
    tx.execute(
        "INSERT INTO versions (procedure_id, name, author, note, variant, derived_from, content)
         SELECT procedure_id, ?2, ?3, ?4, coalesce(json_extract(text, '$.procedure.variant'), 'current'), ?5, text
         FROM working_copies WHERE procedure_id = ?1",
        params![procedure_id, new.name, new.author, new.note, new.derived_from],
    )?;
    Ok(tx.last_insert_rowid())
}

fn version_not_found(id: i64) -> StoreError {
    StoreError::NotFound(format!("no version {id} in the store"))
}
