//! Why a BPMN file could not be imported: one line, naming the problem.

/// A file refused as a whole. Anything less serious is imported and listed in the
/// [`ImportReport`](crate::ImportReport) instead.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum BpmnError {
    #[error("too large ({size_mb} MB; BPMN files are read up to {limit_mb} MB)")]
    TooLarge { size_mb: u64, limit_mb: u64 },
    #[error("nested deeper than {limit} elements (line {line}): refused, no real BPMN model is that deep")]
    TooDeep { limit: usize, line: u64 },
    #[error("more than {limit} XML elements: refused, no real BPMN model is that large")]
    TooManyElements { limit: usize },
    #[error(
        "the file declares a document type or entities (<!DOCTYPE>, line {line}): refused, \
         BPMN needs none and they are a known attack (billion laughs, external entities)"
    )]
    Doctype { line: u64 },
    #[error("unknown entity reference &{name}; (line {line}): refused, entities are never expanded")]
    UnknownEntity { name: String, line: u64 },
    #[error("not UTF-8 text: {0}")]
    Encoding(String),
    #[error("malformed XML (line {line}): {message}")]
    Malformed { line: u64, message: String },
    #[error("not a BPMN 2.0 file: the root element is <{0}>, not <definitions> in the BPMN 2.0 model namespace")]
    NotBpmn(String),
    #[error("the file holds no process to import (no process, no pool)")]
    NoProcess,
    #[error("cannot read the file: {0}")]
    Io(String),
}
