//! Report generation time for generated procedures sized to give about 10, 50 and 200 pages.
//! Pages should scale linearly: 200 pages within 4.5× the time of 50; 50 pages within 1.5 s.
//!
//! The procedure size for each page target is found by bisection on the page count (layout and
//! pagination only), so the benchmark keeps measuring the same thing if the layout changes.

use std::hint::black_box;

use criterion::{BenchmarkId, Criterion, criterion_group, criterion_main};
use epure_core::Procedure;
use epure_report::facts::structural_metrics;
use epure_report::{Fonts, Lang, ProcedureSide, ReportInput};

fn input(p: &Procedure) -> ReportInput<'_> {
    ReportInput {
        lang: Lang::Fr,
        generated_on: "2026-11-28".into(),
        author: "Banc d'essai".into(),
        before: ProcedureSide {
            procedure: p,
            version_label: "v1".into(),
            metrics: structural_metrics(p),
            findings: Vec::new(),
        },
        after: None,
        changes: Vec::new(),
    }
}

fn pages(fonts: &Fonts, steps: usize) -> usize {
    let p = epure_core::synthetic::procedure(42, steps);
    epure_report::paginate::paginate(fonts, &epure_report::model::build(&input(&p))).len()
}

/// The smallest procedure size giving at least `target` pages.
fn steps_for(fonts: &Fonts, target: usize) -> usize {
    let (mut lo, mut hi) = (4usize, 8usize);
    while pages(fonts, hi) < target {
        lo = hi;
        hi *= 2;
    }
    while hi - lo > 1 {
        let mid = (lo + hi) / 2;
        if pages(fonts, mid) >= target { hi = mid } else { lo = mid }
    }
    hi
}

fn bench(c: &mut Criterion) {
    let fonts = Fonts::from_bytes(dejavu::sans::regular(), dejavu::sans::bold()).expect("DejaVu");
    let mut group = c.benchmark_group("report");
    group.sample_size(10);
    for target in [10usize, 50, 200] {
        let steps = steps_for(&fonts, target);
        let p = epure_core::synthetic::procedure(42, steps);
        let n = pages(&fonts, steps);
        eprintln!("report/{target}: {steps} steps → {n} pages");
        group.bench_with_input(BenchmarkId::new("pages", target), &p, |b, p| {
            b.iter(|| epure_report::render(black_box(&input(p)), &fonts).expect("report"))
        });
    }
    group.finish();
}

criterion_group!(benches, bench);
criterion_main!(benches);
