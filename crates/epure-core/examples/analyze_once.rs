//! Generates one procedure and analyses it once, for instruction counts:
//! `valgrind --tool=callgrind --toggle-collect='*analysis*analyze*' target/release/examples/analyze_once 10000`.

fn main() {
    let size: usize = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    let p = epure_core::synthetic::procedure(42, size);
    let a = epure_core::analysis::analyze(&p, &epure_core::analysis::Settings::default());
    println!("{} findings", std::hint::black_box(a).findings.len());
}
