//! Épure's local store: one SQLite file per user holding procedures (a working copy each),
//! their immutable named versions, the undo/redo journal, and generated reports.
//!
//! There is no "Save": every change is one short transaction, committed to disk
//! (`synchronous=FULL`) before the call returns, so what the UI shows as saved is on disk.
//!
//! **Invariants:** one writer per file (a [`Store`] owns its connection); every edit is its own
//! transaction, together with its journal entry; versions are never changed (a trigger refuses
//! it); a file that fails its check on open is never written to.

mod backup;
mod error;
mod journal;
mod migrate;
mod open;
mod procedures;
mod reports;
mod versions;

use std::collections::BTreeSet;
use std::path::{Path, PathBuf};
use std::time::Instant;

use rusqlite::Connection;

pub use backup::{BackupPolicy, backup_dir, backups};
pub use error::{ErrorKind, Result, StoreError};
pub use journal::{CHECKPOINT_EVERY, Document, History, JOURNAL_LIMIT};
pub use migrate::SCHEMA_VERSION;
pub use open::{APPLICATION_ID, resolve_path};
pub use procedures::ProcedureInfo;
pub use reports::{NewReport, ReportInfo, write_atomically};
pub use versions::{NewVersion, VersionInfo};

/// An open database file.
pub struct Store {
    conn: Connection,
    path: PathBuf,
    /// Why the file is read-only, when it is (written by a newer Épure).
    read_only: Option<String>,
    policy: BackupPolicy,
    /// Changed since the last backup.
    dirty: bool,
    last_backup: Instant,
    /// Procedures edited through this store whose stored working copy lags their journal:
    /// rewritten on close.
    lagging: BTreeSet<String>,
}

impl Store {
    /// Opens (creating when missing) the database at `path`, with the default backup policy.
    pub fn open(path: impl AsRef<Path>) -> Result<Store> {
        Store::open_with(path, BackupPolicy::default())
    }

    /// Opens the database at `path`.
    ///
    /// A damaged file gives [`ErrorKind::Corrupt`] with the newest good backup, and is not
    /// written to. A file written by a newer schema opens read-only: reading works, changing
    /// gives [`ErrorKind::ReadOnly`] ([`Store::read_only`] says why).
    pub fn open_with(path: impl AsRef<Path>, policy: BackupPolicy) -> Result<Store> {
        let path = path.as_ref().to_owned();
        open::create_if_missing(&path)?;
        let found = open::check_before_open(&path)?;
        let (conn, read_only) = if found.schema > SCHEMA_VERSION {
            let why = format!(
                "{}: written by a newer version of Épure (schema {}; this version knows up to {SCHEMA_VERSION}): opened read-only",
                path.display(),
                found.schema
            );
            (open::open_read_only(&path)?, Some(why))
        } else {
            (open::open_read_write(&path)?, None)
        };
        Ok(Store { conn, path, read_only, policy, dirty: false, last_backup: Instant::now(), lagging: BTreeSet::new() })
    }

    /// The database file.
    pub fn path(&self) -> &Path {
        &self.path
    }

    /// Why the file is read-only, or `None` when it can be changed.
    pub fn read_only(&self) -> Option<&str> {
        self.read_only.as_deref()
    }

    /// The file's schema version.
    pub fn schema_version(&self) -> Result<u32> {
        migrate::user_version(&self.conn)
    }

    /// Refuses a change on a read-only file.
    fn writable(&self) -> Result<()> {
        match &self.read_only {
            Some(why) => Err(StoreError::ReadOnly(why.clone())),
            None => Ok(()),
        }
    }

    /// Called after every committed change: marks the file dirty and takes the periodic backup
    /// when it is due. A failed backup does not fail the change, which is already committed.
    fn changed(&mut self) {
        self.dirty = true;
        if self.policy.interval.is_some_and(|every| self.last_backup.elapsed() >= every) {
            let _ = self.backup();
        }
    }

    /// Runs SQLite's full `integrity_check`: `Ok(())` or the problems found.
    pub fn integrity_check(&self) -> Result<()> {
        let mut stmt = self.conn.prepare("PRAGMA integrity_check")?;
        let lines: Vec<String> = stmt.query_map([], |r| r.get(0))?.collect::<Result<_, _>>()?;
        if lines == ["ok"] {
            Ok(())
        } else {
            Err(StoreError::Corrupt { path: self.path.clone(), detail: lines.join("; "), backup: None })
        }
    }
}

impl Store {
    /// The close: rewrites the working copies that lag their journal ([`Store::checkpoint`]),
    /// then takes the backup when anything changed since the last one (and the policy asks
    /// for it). Dropping a store does it too; an app whose process ends without dropping its
    /// state calls it when it exits.
    pub fn backup_if_changed(&mut self) -> Result<Option<PathBuf>> {
        // A failed checkpoint loses nothing (the journal holds the edits): back up anyway.
        let checkpointed = self.checkpoint();
        let backup = if self.dirty && self.read_only.is_none() && self.policy.on_close {
            self.backup().map(Some)
        } else {
            Ok(None)
        };
        checkpointed.and(backup)
    }
}

impl Drop for Store {
    fn drop(&mut self) {
        let _ = self.backup_if_changed();
    }
}
