//! BPMN 2.0 interchange for Épure: import a model drawn in another tool (Camunda Modeler,
//! Bizagi, ARIS, Signavio, Visio…) into a procedure, and export a procedure back to BPMN 2.0
//! with its diagram and the flagged steps coloured.
//!
//! **Invariants.** Entities are never expanded and a document type is refused; size, depth and
//! element count are bounded ([`Limits`]); parsing opens no file and no connection; nothing
//! recurses on the depth of the XML; every element that is not mapped one to one is listed in
//! the [`ImportReport`], never dropped silently; an import never panics, whatever the bytes,
//! and what it returns is a valid procedure (it passes `epure_core::format` validation).

mod error;
pub mod export;
pub mod import;
mod limits;
mod report;

use std::path::Path;

pub use error::BpmnError;
pub use export::{export, positions};
pub use limits::Limits;
pub use report::{Action, Counts, Entry, ImportReport, Lang};

use epure_core::Procedure;

/// Imports a BPMN 2.0 document held in memory.
pub fn import(bytes: &[u8]) -> Result<(Procedure, ImportReport), BpmnError> {
    import_with(bytes, &Limits::default())
}

/// Imports a BPMN 2.0 document within the given limits.
pub fn import_with(bytes: &[u8], limits: &Limits) -> Result<(Procedure, ImportReport), BpmnError> {
    let tree = import::xml::parse(bytes, limits)?;
    import::map::map(&tree)
}

/// Imports a BPMN file, checking its size before reading a byte of it.
pub fn import_file(path: &Path) -> Result<(Procedure, ImportReport), BpmnError> {
    let limits = Limits::default();
    let meta = std::fs::metadata(path).map_err(|e| BpmnError::Io(e.to_string()))?;
    if meta.is_dir() {
        return Err(BpmnError::Io("is a folder, not a BPMN file".into()));
    }
    if meta.len() > limits.max_bytes {
        return Err(BpmnError::TooLarge {
            size_mb: meta.len() / (1024 * 1024),
            limit_mb: limits.max_bytes / (1024 * 1024),
        });
    }
    let bytes = std::fs::read(path).map_err(|e| BpmnError::Io(e.to_string()))?;
    import_with(&bytes, &limits)
}
