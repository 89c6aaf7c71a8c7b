//! Backups: a rolling copy of the file, taken on close and every few minutes while there are
//! changes, keeping a few generations in a `backups/` folder beside the database.
//!
//! A copy is made with `VACUUM INTO`, which writes a consistent, compact database from a
//! snapshot while the file stays usable, into a file created beforehand with mode 0600 (SQLite
//! would otherwise create it with the umask's mode), then renamed into place.

use std::fs::{self, OpenOptions};
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::{Duration, Instant};

use crate::Store;
use crate::error::{Result, StoreError};

/// When to back up, and how many copies to keep.
#[derive(Debug, Clone, Copy)]
pub struct BackupPolicy {
    /// Back up when a change is committed this long after the last backup; `None`: never.
    pub interval: Option<Duration>,
    /// Back up when the store is closed after changes.
    pub on_close: bool,
    /// Copies kept; older ones are deleted.
    pub keep: usize,
}

impl Default for BackupPolicy {
    fn default() -> Self {
        BackupPolicy { interval: Some(Duration::from_secs(10 * 60)), on_close: true, keep: 5 }
    }
}

impl BackupPolicy {
    /// No automatic backup (tests, one-shot command-line calls that back up explicitly).
    pub fn manual() -> Self {
        BackupPolicy { interval: None, on_close: false, keep: 5 }
    }
}

/// The folder holding the backups of the database at `db`.
pub fn backup_dir(db: &Path) -> PathBuf {
    db.parent().filter(|d| !d.as_os_str().is_empty()).unwrap_or(Path::new(".")).join("backups")
}

fn stem(db: &Path) -> String {
    db.file_stem().map(|s| s.to_string_lossy().into_owned()).unwrap_or_else(|| "epure".to_owned())
}

/// The backups of `db`, newest first. Their names sort by time.
pub fn backups(db: &Path) -> Vec<PathBuf> {
    let prefix = format!("{}-", stem(db));
    let mut found: Vec<PathBuf> = fs::read_dir(backup_dir(db))
        .map(|entries| {
            entries
                .filter_map(|e| e.ok().map(|e| e.path()))
                .filter(|p| {
                    p.file_name()
                        .map(|n| n.to_string_lossy())
                        .is_some_and(|n| n.starts_with(&prefix) && n.ends_with(".db"))
                })
                .collect()
        })
        .unwrap_or_default();
    found.sort();
    found.reverse();
    found
}

/// The newest backup of `db` that passes its own check (read-only: nothing is written).
pub(crate) fn latest_good_backup(db: &Path) -> Option<PathBuf> {
    backups(db).into_iter().find(|b| {
        crate::open::open_read_only(b)
            .and_then(|c| c.query_row("PRAGMA quick_check(1)", [], |r| r.get::<_, String>(0)))
            .is_ok_and(|v| v == "ok")
    })
}

impl Store {
    /// Takes a backup now and deletes the copies beyond the policy's `keep`; returns its path.
    pub fn backup(&mut self) -> Result<PathBuf> {
        let dir = backup_dir(&self.path);
        fs::DirBuilder::new().recursive(true).mode(0o700).create(&dir).map_err(|e| StoreError::io(&dir, e))?;
        let stamp: String = self.conn.query_row("SELECT strftime('%Y%m%dT%H%M%f', 'now')", [], |r| r.get(0))?;
        let stamp = stamp.replace('.', "");
        let mut target = dir.join(format!("{}-{stamp}Z.db", stem(&self.path)));
        let mut n = 1;
        while target.exists() {
            n += 1;
            target = dir.join(format!("{}-{stamp}Z-{n}.db", stem(&self.path)));
        }
        let tmp = dir.join(format!(".{}.tmp-{}", stem(&self.path), std::process::id()));
        let _ = fs::remove_file(&tmp);
        OpenOptions::new().write(true).create_new(true).mode(0o600).open(&tmp).map_err(|e| StoreError::io(&tmp, e))?;
        let copied = (|| -> Result<()> {
            let tmp_text =
                tmp.to_str().ok_or_else(|| StoreError::InvalidInput(format!("{}: not a UTF-8 path", tmp.display())))?;
            self.conn.execute("VACUUM INTO ?1", [tmp_text])?;
            fs::File::open(&tmp).and_then(|f| f.sync_all()).map_err(|e| StoreError::io(&tmp, e))?;
            fs::rename(&tmp, &target).map_err(|e| StoreError::io(&target, e))?;
            fs::File::open(&dir).and_then(|d| d.sync_all()).map_err(|e| StoreError::io(&dir, e))
        })();
        if let Err(e) = copied {
            let _ = fs::remove_file(&tmp);
            return Err(e);
        }
        for old in backups(&self.path).into_iter().skip(self.policy.keep.max(1)) {
            let _ = fs::remove_file(old);
        }
        self.dirty = false;
        self.last_backup = Instant::now();
        Ok(target)
    }
}
