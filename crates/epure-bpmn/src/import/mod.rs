//! BPMN 2.0 XML → Épure procedure, in two phases: [`xml`] reads the bytes into a small element
//! tree (namespaces resolved by URI, hostile input refused), [`map`] turns that tree into a
//! procedure and an [`ImportReport`](crate::ImportReport).

pub mod map;
pub mod words;
pub mod xml;
