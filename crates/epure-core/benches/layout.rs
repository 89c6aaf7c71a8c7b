//! Swimlane layout of generated procedures. Targets: 1,000 steps ≤ 50 ms, 10,000 ≤ 1 s.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use epure_core::layout::{LayoutOptions, layout};
use epure_core::synthetic;

fn bench(c: &mut Criterion) {
    let mut group = c.benchmark_group("layout");
    group.sample_size(10);
    let opts = LayoutOptions::default();
    for size in [100usize, 1_000, 10_000] {
        let p = synthetic::procedure(42, size);
        group.bench_with_input(BenchmarkId::from_parameter(size), &p, |b, p| b.iter(|| layout(black_box(p), &opts)));
    }
    group.finish();
}

// What the app and the command line run with: the times are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

criterion_group!(benches, bench);
criterion_main!(benches);
