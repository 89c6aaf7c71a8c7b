//! The procedure model: a procedure, its actors (lanes), its data items, and a graph of steps
//! joined by flows.
//!
//! The graph is a petgraph [`StableGraph`](petgraph::stable_graph::StableGraph) whose node and
//! edge weights carry the author's own string ids. A `NodeIndex` is an implementation detail: petgraph reuses freed indices, so an
//! index is never persisted or shown, only the ids are. The order in which the author listed
//! steps and flows is kept separately, so that writing a procedure back gives the same order.
//!
//! `parts.rs` holds the parts (description, actors, data items, steps, flows and their kinds);
//! `procedure.rs` the procedure that owns them and its graph.

mod parts;
mod procedure;

pub use parts::*;
pub use procedure::*;
