//! Where the time of loading a large procedure goes: the SQLite read, the JSON syntax alone,
//! the whole reader (syntax, shape and validity), and the store's load with its journal
//! replay. Run with `cargo run --release -p epure-store --example load_profile [STEPS]`.

use std::time::{Duration, Instant};

use epure_store::{BackupPolicy, Store};

/// The median of `runs` timings of `f`.
fn median(runs: usize, mut f: impl FnMut()) -> Duration {
    let mut times: Vec<Duration> = (0..runs)
        .map(|_| {
            let t = Instant::now();
            f();
            t.elapsed()
        })
        .collect();
    times.sort();
    times[runs / 2]
}

fn main() -> Result<(), Box<dyn std::error::Error>> {
    let steps = std::env::args().nth(1).and_then(|s| s.parse().ok()).unwrap_or(10_000);
    // Loading reads through SQLite's page cache and never waits for an fsync, so, unlike the
    // edit benchmark, it does not matter whether the temporary folder is on disk.
    let dir = tempfile::Builder::new().prefix("load-profile-").tempdir()?;
    let mut store = Store::open_with(dir.path().join("epure.db"), BackupPolicy::manual())?;
    let p = epure_core::synthetic::procedure(7, steps);
    let id = store.import(&p)?;
    let text = store.working_text(&id)?;
    let ms = |d: Duration| d.as_secs_f64() * 1e3;
    let runs = 15;
    let read = median(runs, || drop(std::hint::black_box(store.working_text(&id))));
    let syntax = median(runs, || drop(std::hint::black_box(serde_json::from_str::<serde::de::IgnoredAny>(&text))));
    let reader = median(runs, || drop(std::hint::black_box(epure_core::format::from_str(&text))));
    let write = median(runs, || drop(std::hint::black_box(epure_core::format::to_string(&p))));
    let load = median(runs, || drop(std::hint::black_box(store.open_document(&id))));
    println!(
        "{steps} steps, {:.1} MB of JSON: SQLite read {:.1} ms, JSON syntax alone {:.1} ms, \
         format::from_str {:.1} ms, format::to_string {:.1} ms, open_document {:.1} ms",
        text.len() as f64 / 1e6,
        ms(read),
        ms(syntax),
        ms(reader),
        ms(write),
        ms(load)
    );
    Ok(())
}
