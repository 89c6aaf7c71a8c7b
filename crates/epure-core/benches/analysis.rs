//! The analysis on generated procedures of 100 to 100,000 steps, each next to one breadth-first
//! traversal of the same graph (the goal: the whole analysis within 20× a traversal at 10,000 steps).
//! `analyze` is what the app and the command line run (its rules on several threads from 1,000
//! steps); `analyze-1-thread` is the same analysis on the calling thread alone.

use std::hint::black_box;
use std::time::Duration;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use epure_core::analysis::{Settings, analyze, analyze_on};
use epure_core::synthetic;
use petgraph::visit::{Bfs, Walker};

fn bfs_count(p: &epure_core::Procedure) -> usize {
    match p.start() {
        Some(s) => Bfs::new(p.graph(), s).iter(p.graph()).count(),
        None => 0,
    }
}

fn analysis(c: &mut Criterion) {
    let mut group = c.benchmark_group("analysis");
    group.sample_size(10);
    for size in [100usize, 1_000, 10_000, 100_000] {
        if size >= 100_000 {
            group.measurement_time(Duration::from_secs(8));
            group.warm_up_time(Duration::from_secs(1));
        }
        let p = synthetic::procedure(42, size);
        let settings = Settings::default();
        group.bench_with_input(BenchmarkId::new("bfs", size), &p, |b, p| b.iter(|| bfs_count(black_box(p))));
        group.bench_with_input(BenchmarkId::new("analyze", size), &p, |b, p| {
            b.iter(|| analyze(black_box(p), &settings))
        });
        if size >= 1_000 {
            group.bench_with_input(BenchmarkId::new("analyze-1-thread", size), &p, |b, p| {
                b.iter(|| analyze_on(black_box(p), &settings, 1))
            });
        }
    }
    group.finish();
}

// What the app and the command line run with: the times are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

criterion_group!(benches, analysis);
criterion_main!(benches);
