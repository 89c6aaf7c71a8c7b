//! Limits on what the importer reads, so that a hostile or broken file is refused fast and
//! with a clear message instead of exhausting memory or time.
//!
//! The largest real-world BPMN models are a few megabytes, a few thousand elements, a few
//! dozen levels deep; the limits leave a wide margin above that.

/// What the importer accepts. [`Limits::default`] is what the app and the command line use.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Limits {
    /// Largest file, in bytes, checked before anything is read.
    pub max_bytes: u64,
    /// Deepest element nesting.
    pub max_depth: usize,
    /// Most XML elements in the file.
    pub max_elements: usize,
}

impl Default for Limits {
    fn default() -> Self {
        Limits { max_bytes: 50 * 1024 * 1024, max_depth: 256, max_elements: 500_000 }
    }
}
