//! Finding, creating and opening the database file.
//!
//! The order matters. A file that exists is first checked without writing anything: its header
//! is read by hand (length, magic, declared size), then a read-only connection runs
//! `quick_check`. Only a file that passes is opened for writing, because opening read-write is
//! not passive: switching to WAL, setting `application_id`, migrating, and the checkpoint on
//! close all write to the file, and writing to a damaged file can spread the damage over what a
//! recovery tool could still save.

use std::fs::{self, OpenOptions};
use std::io::Read;
use std::os::unix::fs::{DirBuilderExt, OpenOptionsExt};
use std::path::{Path, PathBuf};
use std::time::Duration;

use rusqlite::{Connection, OpenFlags};

use crate::error::{Result, StoreError};
use crate::migrate;

/// `PRAGMA application_id`: "EPUR" in ASCII, so `file(1)` and people can tell the file is ours.
pub const APPLICATION_ID: i32 = 0x4550_5552;

/// How long a connection waits for another one's lock before giving up.
const BUSY_TIMEOUT: Duration = Duration::from_secs(5);

/// Where the database is: the explicit path (the CLI's `--db`), else `$EPURE_DB`, else
/// `$XDG_DATA_HOME/epure/epure.db`, else `~/.local/share/epure/epure.db`.
pub fn resolve_path(explicit: Option<&Path>) -> Result<PathBuf> {
    if let Some(p) = explicit {
        return Ok(p.to_owned());
    }
    let env = |name: &str| std::env::var_os(name).filter(|v| !v.is_empty()).map(PathBuf::from);
    if let Some(p) = env("EPURE_DB") {
        return Ok(p);
    }
    // The XDG spec says a relative value is invalid and must be ignored.
    if let Some(dir) = env("XDG_DATA_HOME").filter(|d| d.is_absolute()) {
        return Ok(dir.join("epure").join("epure.db"));
    }
    match env("HOME") {
        Some(home) => Ok(home.join(".local/share/epure/epure.db")),
        None => Err(StoreError::InvalidInput(
            "cannot tell where the database goes: set EPURE_DB, XDG_DATA_HOME or HOME, or pass --db".to_owned(),
        )),
    }
}

/// What [`check_before_open`] found.
pub(crate) struct Found {
    pub schema: u32,
}

/// Creates the file (mode 0600, folder 0700) when it does not exist, before SQLite touches it:
/// SQLite then gives its `-wal` and `-shm` files the same mode as the database.
pub(crate) fn create_if_missing(path: &Path) -> Result<bool> {
    if path.exists() {
        return Ok(false);
    }
    if let Some(dir) = path.parent().filter(|d| !d.as_os_str().is_empty())
        && !dir.exists()
    {
        fs::DirBuilder::new().recursive(true).mode(0o700).create(dir).map_err(|e| StoreError::io(dir, e))?;
    }
    match OpenOptions::new().write(true).create_new(true).mode(0o600).open(path) {
        Ok(_) => Ok(true),
        // Someone created it in between: it is checked like any existing file.
        Err(e) if e.kind() == std::io::ErrorKind::AlreadyExists => Ok(false),
        Err(e) => Err(StoreError::io(path, e)),
    }
}

/// Checks an existing file without writing to it: header by hand, then `quick_check`,
/// `application_id` and `user_version` on a read-only connection.
pub(crate) fn check_before_open(path: &Path) -> Result<Found> {
    let corrupt = |detail: String| StoreError::Corrupt {
        path: path.to_owned(),
        detail,
        backup: crate::backup::latest_good_backup(path),
    };
    if let Some(detail) = header_problem(path)? {
        return Err(corrupt(detail));
    }
    let conn = open_read_only(path).map_err(|e| corrupt(e.to_string()))?;
    let verdict: Result<String, rusqlite::Error> = (|| {
        let mut stmt = conn.prepare("PRAGMA quick_check(1)")?;
        stmt.query_row([], |r| r.get::<_, String>(0))
    })();
    match verdict {
        Ok(v) if v == "ok" => {}
        // quick_check reports over several lines: one line for people.
        Ok(v) => {
            return Err(corrupt(format!(
                "SQLite's check failed: {}",
                v.split_whitespace().collect::<Vec<_>>().join(" ")
            )));
        }
        Err(e) => return Err(corrupt(e.to_string())),
    }
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0)).map_err(|e| corrupt(e.to_string()))?;
    let schema = migrate::user_version(&conn).map_err(|e| corrupt(e.to_string()))?;
    if app != APPLICATION_ID && !(app == 0 && is_empty_schema(&conn)) {
        return Err(StoreError::InvalidInput(format!(
            "{}: not an Épure database (application_id {app:#x}); nothing was written to it",
            path.display()
        )));
    }
    Ok(Found { schema })
}

/// A fresh file (just created, or left empty by a crash during creation) has no tables yet.
fn is_empty_schema(conn: &Connection) -> bool {
    conn.query_row("SELECT count(*) FROM sqlite_schema", [], |r| r.get::<_, i64>(0)).is_ok_and(|n| n == 0)
}

/// Reads the 100-byte SQLite header. An empty file is a valid empty database.
fn header_problem(path: &Path) -> Result<Option<String>> {
    let mut file = fs::File::open(path).map_err(|e| StoreError::io(path, e))?;
    let len = file.metadata().map_err(|e| StoreError::io(path, e))?.len();
    if len == 0 {
        return Ok(None);
    }
    let mut header = [0u8; 100];
    if len < 100 || file.read_exact(&mut header).is_err() {
        return Ok(Some(format!("truncated: {len} bytes, shorter than a database header")));
    }
    if &header[..16] != b"SQLite format 3\0" {
        return Ok(Some("not an SQLite database".to_owned()));
    }
    let page_size = match u16::from_be_bytes([header[16], header[17]]) {
        1 => 65_536,
        n => u64::from(n),
    };
    let pages = u64::from(u32::from_be_bytes([header[28], header[29], header[30], header[31]]));
    let counter = &header[24..28];
    let valid_for = &header[92..96];
    // The declared size is trustworthy only when the "version-valid-for" matches the change
    // counter; pages still in a WAL file are not in the main file yet, so a WAL excuses it.
    let wal = wal_path(path);
    let wal_len = fs::metadata(&wal).map(|m| m.len()).unwrap_or(0);
    if counter == valid_for && wal_len == 0 && len < pages * page_size {
        return Ok(Some(format!("truncated: {len} of {} bytes", pages * page_size)));
    }
    Ok(None)
}

pub(crate) fn wal_path(path: &Path) -> PathBuf {
    let mut s = path.as_os_str().to_owned();
    s.push("-wal");
    PathBuf::from(s)
}

pub(crate) fn open_read_only(path: &Path) -> Result<Connection, rusqlite::Error> {
    let conn = Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_ONLY | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    Ok(conn)
}

/// Opens a checked file for writing, with the pragmas every connection needs (foreign keys and
/// the busy timeout are per connection), then migrates it.
pub(crate) fn open_read_write(path: &Path) -> Result<Connection> {
    let mut conn =
        Connection::open_with_flags(path, OpenFlags::SQLITE_OPEN_READ_WRITE | OpenFlags::SQLITE_OPEN_NO_MUTEX)?;
    conn.busy_timeout(BUSY_TIMEOUT)?;
    let mode: String = conn.query_row("PRAGMA journal_mode = WAL", [], |r| r.get(0))?;
    if !mode.eq_ignore_ascii_case("wal") {
        return Err(StoreError::Internal(format!("{}: cannot switch to WAL (journal mode {mode})", path.display())));
    }
    // FULL: a commit is on disk before it is acknowledged, even across a power cut.
    conn.execute_batch("PRAGMA synchronous = FULL; PRAGMA foreign_keys = ON;")?;
    let app: i32 = conn.query_row("PRAGMA application_id", [], |r| r.get(0))?;
    if app != APPLICATION_ID {
        conn.execute_batch(&format!("PRAGMA application_id = {APPLICATION_ID}"))?;
    }
    migrate::migrate_to(&mut conn, migrate::SCHEMA_VERSION)?;
    Ok(conn)
}
