//! Comparing two procedures (analysis.md, section 4): the graph diff here; the metrics side by
//! side come with the analysis.

mod diff;

pub use diff::{GraphDiff, StepChange, StepMove, diff};
