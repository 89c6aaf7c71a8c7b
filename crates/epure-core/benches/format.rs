//! Reading and writing procedure files of growing size (generated procedures).

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, Throughput, criterion_group, criterion_main};
use epure_core::format::{from_str, to_string};
use epure_core::synthetic;

fn read_write(c: &mut Criterion) {
    let mut group = c.benchmark_group("format");
    group.sample_size(10);
    for size in [100usize, 1_000, 10_000] {
        let p = synthetic::procedure(42, size);
        let text = to_string(&p);
        group.throughput(Throughput::Bytes(text.len() as u64));
        group.bench_with_input(BenchmarkId::new("read", size), &text, |b, text| b.iter(|| from_str(black_box(text))));
        group.bench_with_input(BenchmarkId::new("write", size), &p, |b, p| b.iter(|| to_string(black_box(p))));
    }
    group.finish();
}

// What the app and the command line run with: the times are theirs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

criterion_group!(benches, read_write);
criterion_main!(benches);
