//! Files the agent opens or saves through the app: procedure files (`*.epure.json`) and BPMN
//! models, read with a size limit, written atomically (epure-store's temporary file, fsync,
//! rename), never half-written over the agent's own file.

use std::path::Path;

use epure_core::Procedure;

/// The largest file read, as on the command line. A 100,000-step procedure is about 45 MB.
pub const MAX_FILE_BYTES: u64 = 100 * 1024 * 1024;

/// Why a file could not be read, for the page to word (`kind`) and for support (`detail`).
pub struct FileError {
    pub kind: &'static str,
    pub detail: Vec<String>,
}

fn err(kind: &'static str, detail: impl Into<String>) -> FileError {
    FileError { kind, detail: vec![detail.into()] }
}

pub fn is_bpmn(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("bpmn") || e.eq_ignore_ascii_case("xml"))
}

/// Reads a procedure file or a BPMN model; for BPMN, also the import report's lines (what did
/// not map one to one), in French or English.
pub fn read(path: &Path, english: bool) -> Result<(Procedure, Vec<String>), FileError> {
    let meta = std::fs::metadata(path).map_err(|e| err("unreadable", e.to_string()))?;
    if meta.is_dir() {
        return Err(err("unreadable", "is a folder"));
    }
    if meta.len() > MAX_FILE_BYTES {
        return Err(err("too_large", format!("{} MB", meta.len() / (1024 * 1024))));
    }
    let bytes = std::fs::read(path).map_err(|e| err("unreadable", e.to_string()))?;
    if is_bpmn(path) {
        let lang = if english { epure_bpmn::Lang::En } else { epure_bpmn::Lang::Fr };
        let (p, report) = epure_bpmn::import(&bytes).map_err(|e| err("invalid_bpmn", e.to_string()))?;
        Ok((p, report.lines(lang)))
    } else {
        let p = epure_core::format::from_slice(&bytes).map_err(|e| FileError {
            kind: "invalid_procedure",
            detail: e.problems.iter().map(ToString::to_string).collect(),
        })?;
        Ok((p, Vec::new()))
    }
}

/// Writes a procedure as a procedure file, or as BPMN when the name ends in `.bpmn`.
pub fn write(path: &Path, p: &Procedure) -> Result<(), epure_store::StoreError> {
    let text = if is_bpmn(path) { epure_bpmn::export(p, &[]) } else { epure_core::format::to_string(p) };
    epure_store::write_atomically(path, text.as_bytes())
}
