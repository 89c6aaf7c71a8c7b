//! Writes the JSON of `analyze` for a range of generated procedures into a directory, so that two
//! versions of the analysis can be compared byte for byte:
//! `cargo run --release --example dump_analysis -- DIR [SAMPLES_DIR]` (the samples' JSON and
//! French and English text too when given `assets/samples`).

use epure_core::analysis::{Lang, Settings, analyze, render_text};

fn main() {
    let dir = std::env::args().nth(1).unwrap_or_else(|| "analysis-dump".into());
    std::fs::create_dir_all(&dir).expect("output directory");
    let mut cases: Vec<(u64, usize)> = Vec::new();
    for seed in 0..25u64 {
        for size in [8usize, 40, 150, 600, 2_500] {
            cases.push((seed, size));
        }
    }
    cases.extend([(42, 100), (42, 1_000), (42, 10_000), (7, 10_000), (42, 100_000)]);
    for (seed, size) in cases {
        let p = epure_core::synthetic::procedure(seed, size);
        let a = analyze(&p, &Settings::default());
        std::fs::write(format!("{dir}/s{seed}-n{size}.json"), a.to_json()).expect("write");
    }
    if let Some(samples) = std::env::args().nth(2) {
        let mut files: Vec<_> = std::fs::read_dir(&samples).expect("samples").flatten().map(|e| e.path()).collect();
        files.sort();
        for f in files.into_iter().filter(|f| f.to_string_lossy().ends_with(".epure.json")) {
            let name = f.file_name().unwrap_or_default().to_string_lossy().replace(".epure.json", "");
            let p = epure_core::format::from_str(&std::fs::read_to_string(&f).expect("read")).expect("sample");
            let a = analyze(&p, &Settings::from_procedure(&p));
            std::fs::write(format!("{dir}/sample-{name}.json"), a.to_json()).expect("write");
            std::fs::write(format!("{dir}/sample-{name}.fr.txt"), render_text(&a, &p, Lang::Fr)).expect("write");
            std::fs::write(format!("{dir}/sample-{name}.en.txt"), render_text(&a, &p, Lang::En)).expect("write");
        }
    }
}

// The binaries' allocator, so that what is counted is what the app runs.
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;
