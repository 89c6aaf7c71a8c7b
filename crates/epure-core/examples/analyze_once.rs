//! Generates one procedure and analyses it once, for instruction counts:
//! `valgrind --tool=callgrind --toggle-collect='*analysis*analyze*' target/release/examples/analyze_once 10000`.
//! The rules run on the calling thread (the instructions of every rule are then counted under
//! `analyze`); a second argument runs them on that many threads, as the app does from 1,000 steps.

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let threads: usize = std::env::args().nth(2).and_then(|s| s.parse().ok()).unwrap_or(1);
    let p = epure_core::synthetic::procedure(42, size);
    let a = epure_core::analysis::analyze_on(&p, &epure_core::analysis::Settings::default(), threads);
    println!("{} findings", std::hint::black_box(a).findings.len());
}

// The binaries' allocator, so that what is counted is what the app runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
