//! The fastest and the median of many runs of the analysis and of one breadth-first traversal of
//! the same generated procedure, and their ratio: on a machine shared with other work the fastest
//! run is the figure that moves least from one hour to the next (the criterion benchmarks'
//! medians move by a third). `cargo run --release --example fastest_of -- 10000 60`.

use std::hint::black_box;
use std::time::Instant;

use petgraph::visit::{Bfs, Walker};

/// The fastest and the median time of `runs` runs of `f`, in milliseconds.
fn time(runs: usize, f: &dyn Fn()) -> (f64, f64) {
    let mut t: Vec<f64> = (0..runs.max(1))
        .map(|_| {
            let t0 = Instant::now();
            f();
            t0.elapsed().as_secs_f64() * 1e3
        })
        .collect();
    t.sort_by(f64::total_cmp);
    (t[0], t[t.len() / 2])
}

fn main() {
    let mut args = std::env::args().skip(1);
    let size: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let runs: usize = args.next().and_then(|s| s.parse().ok()).unwrap_or(60);
    let p = epure_core::synthetic::procedure(42, size);
    let s = epure_core::analysis::Settings::default();
    let bfs = time(runs, &|| {
        if let Some(start) = p.start() {
            black_box(Bfs::new(p.graph(), start).iter(p.graph()).count());
        }
    });
    let all = time(runs, &|| drop(black_box(epure_core::analysis::analyze(&p, &s))));
    let one = time(runs, &|| drop(black_box(epure_core::analysis::analyze_on(&p, &s, 1))));
    // What writing the findings alone costs: copying the analysis's findings, text and subjects.
    let a = epure_core::analysis::analyze(&p, &s);
    let copy = time(runs, &|| drop(black_box(a.findings.clone())));
    let bytes: usize = a
        .findings
        .iter()
        .map(|f| f.title_fr.len() + f.title_en.len() + f.explanation_fr.len() + f.explanation_en.len())
        .sum();
    println!(
        "{size} steps, {runs} runs, fastest / median (ms): traversal {:.3} / {:.3}; analysis {:.2} / {:.2} \
         ({:.0}×); on one thread {:.2} / {:.2} ({:.0}×); copying its {} findings ({} kB of text) {:.2} / {:.2} ({:.0}×)",
        bfs.0,
        bfs.1,
        all.0,
        all.1,
        all.0 / bfs.0,
        one.0,
        one.1,
        one.0 / bfs.0,
        a.findings.len(),
        bytes / 1000,
        copy.0,
        copy.1,
        copy.0 / bfs.0
    );
}

// The binaries' allocator, so that what is timed is what the app runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
