//! Times each phase of the analysis on a generated procedure: `cargo run --release --example
//! profile_analysis -- 10000`.

use std::time::Instant;

use epure_core::analysis::metrics::Context;
use epure_core::analysis::{Settings, rules};

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let p = epure_core::synthetic::procedure(42, size);
    use epure_core::analysis::metrics::{graph::Graph, lead, scc, visits};
    let t = Instant::now();
    let g = Graph::new(&p);
    println!("graph: {:?}", t.elapsed());
    let t = Instant::now();
    let c = scc::components(&g);
    println!("components: {:?}", t.elapsed());
    let start = p.start().map(|n| n.index());
    let t = Instant::now();
    let (v, _) = visits::solve(&g, &c, start);
    println!("visits: {:?}", t.elapsed());
    let t = Instant::now();
    let _ = lead::compute(&p, &g, &v, start);
    println!("lead: {:?}", t.elapsed());
    let t = Instant::now();
    let ctx = Context::new(&p, &Settings::default());
    println!("metrics: {:?}", t.elapsed());
    let t = Instant::now();
    let a = epure_core::analysis::analyze(&p, &Settings::default());
    println!("analyze (whole): {:?} ({} findings)", t.elapsed(), a.findings.len());
    let t = Instant::now();
    let all = rules::run_all(&ctx, None);
    println!("all rules: {:?} ({} findings)", t.elapsed(), all.len());
    let ctx = Context::new(&p, &Settings::default());
    let t = Instant::now();
    let all = rules::run_all(&ctx, Some(1));
    println!("all rules, one thread: {:?} ({} findings)", t.elapsed(), all.len());
    for (id, rule) in rules::CATALOGUE {
        let t = Instant::now();
        let n = rule(&ctx).len();
        println!("{id}: {:?} ({n} findings)", t.elapsed());
    }
}

// The binaries' allocator, so that what is counted is what the app runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
