//! What can go wrong with the store, as kinds the UI branches on and one-line messages people
//! can read.

use std::path::PathBuf;

/// The kind of a [`StoreError`]: what the UI branches on (never on the message text).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ErrorKind {
    /// No procedure, version or report with that id.
    NotFound,
    /// The request itself is wrong: an edit the model refuses, a name already taken, a bad file.
    InvalidInput,
    /// The file is open read-only (written by a newer Épure) and cannot be changed.
    ReadOnly,
    /// The file is damaged or is not an Épure database; nothing was written to it.
    Corrupt,
    /// The operating system refused (permissions, disk full, missing folder…).
    Io,
    /// A bug or an unexpected state.
    Internal,
}

impl ErrorKind {
    /// The code that crosses IPC (`{kind, message}`).
    pub fn as_str(self) -> &'static str {
        match self {
            ErrorKind::NotFound => "not_found",
            ErrorKind::InvalidInput => "invalid_input",
            ErrorKind::ReadOnly => "read_only",
            ErrorKind::Corrupt => "corrupt",
            ErrorKind::Io => "io",
            ErrorKind::Internal => "internal",
        }
    }
}

/// Why a store operation failed. Every message is one line.
#[derive(Debug, thiserror::Error)]
pub enum StoreError {
    #[error("{0}")]
    NotFound(String),
    #[error("{0}")]
    InvalidInput(String),
    #[error("{0}")]
    ReadOnly(String),
    /// A damaged file, with the newest backup that passed its check, if any.
    #[error(
        "{}the database is damaged ({detail}); nothing was written to it. {}",
        path_prefix(path),
        backup_hint(backup)
    )]
    Corrupt { path: PathBuf, detail: String, backup: Option<PathBuf> },
    #[error("{}", io_message(path, source))]
    Io { path: PathBuf, source: std::io::Error },
    #[error("internal error: {0}")]
    Internal(String),
}

/// "path: ", or nothing when the path is not known (an error met in the middle of a query).
fn path_prefix(path: &std::path::Path) -> String {
    if path.as_os_str().is_empty() { String::new() } else { format!("{}: ", path.display()) }
}

fn io_message(path: &std::path::Path, source: &std::io::Error) -> String {
    if path.as_os_str().is_empty() { source.to_string() } else { format!("{}: {source}", path.display()) }
}

fn backup_hint(backup: &Option<PathBuf>) -> String {
    match backup {
        Some(b) => format!("Latest good backup: {}", b.display()),
        None => "No good backup was found.".to_owned(),
    }
}

impl StoreError {
    pub fn kind(&self) -> ErrorKind {
        match self {
            StoreError::NotFound(_) => ErrorKind::NotFound,
            StoreError::InvalidInput(_) => ErrorKind::InvalidInput,
            StoreError::ReadOnly(_) => ErrorKind::ReadOnly,
            StoreError::Corrupt { .. } => ErrorKind::Corrupt,
            StoreError::Io { .. } => ErrorKind::Io,
            StoreError::Internal(_) => ErrorKind::Internal,
        }
    }

    pub(crate) fn io(path: impl Into<PathBuf>, source: std::io::Error) -> Self {
        StoreError::Io { path: path.into(), source }
    }
}

impl From<rusqlite::Error> for StoreError {
    fn from(e: rusqlite::Error) -> Self {
        use rusqlite::ErrorCode as C;
        match e.sqlite_error_code() {
            Some(C::ReadOnly) => StoreError::ReadOnly(format!("the database is read-only ({e})")),
            Some(C::DatabaseCorrupt | C::NotADatabase) => {
                StoreError::Corrupt { path: PathBuf::new(), detail: e.to_string(), backup: None }
            }
            Some(C::DiskFull | C::SystemIoFailure | C::CannotOpen | C::PermissionDenied) => {
                StoreError::Io { path: PathBuf::new(), source: std::io::Error::other(e.to_string()) }
            }
            Some(C::DatabaseBusy | C::DatabaseLocked) => StoreError::Io {
                path: PathBuf::new(),
                source: std::io::Error::other("the database is busy: another Épure is writing to it"),
            },
            _ => StoreError::Internal(e.to_string()),
        }
    }
}

impl From<epure_core::EditError> for StoreError {
    fn from(e: epure_core::EditError) -> Self {
        StoreError::InvalidInput(e.to_string())
    }
}

pub type Result<T, E = StoreError> = std::result::Result<T, E>;
