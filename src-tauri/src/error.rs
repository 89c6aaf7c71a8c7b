//! Errors as they cross to the page: `{kind, message}`. The page branches on `kind` and shows
//! its own translated sentence; `message` is detail for logs and support, never shown raw.

use serde::Serialize;

#[derive(Debug, Clone, PartialEq, Eq, Serialize, ts_rs::TS)]
#[ts(rename = "IpcError")]
pub struct AppError {
    /// A stable, machine-readable kind: `invalid_input`, `not_found`, `internal`, …
    #[ts(type = "string")]
    pub kind: &'static str,
    pub message: String,
}

impl AppError {
    pub fn invalid_input(message: impl Into<String>) -> Self {
        AppError { kind: "invalid_input", message: message.into() }
    }

    pub fn not_found(message: impl Into<String>) -> Self {
        AppError { kind: "not_found", message: message.into() }
    }
}

impl std::fmt::Display for AppError {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}: {}", self.kind, self.message)
    }
}

impl std::error::Error for AppError {}

impl From<epure_store::StoreError> for AppError {
    fn from(e: epure_store::StoreError) -> Self {
        AppError { kind: e.kind().as_str(), message: e.to_string() }
    }
}

impl From<tauri::Error> for AppError {
    fn from(e: tauri::Error) -> Self {
        AppError { kind: "internal", message: e.to_string() }
    }
}

impl From<epure_core::EditError> for AppError {
    fn from(e: epure_core::EditError) -> Self {
        AppError::invalid_input(e.to_string())
    }
}
