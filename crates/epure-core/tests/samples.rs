//! The sample procedures shipped in `assets/samples/`: they load, they are in canonical form,
//! and each has the shape its story needs (at least one user lane, a start, an end).

use std::path::{Path, PathBuf};

use epure_core::format::{from_slice, to_string};
use epure_core::graph::summary;
use epure_core::{ActorKind, StepKind};

fn sample_files() -> Vec<PathBuf> {
    let dir = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples");
    let mut files: Vec<PathBuf> = std::fs::read_dir(dir)
        .expect("samples folder")
        .filter_map(|e| e.ok().map(|e| e.path()))
        .filter(|p| p.to_string_lossy().ends_with(".epure.json"))
        .collect();
    files.sort();
    files
}

#[test]
fn every_sample_loads_is_canonical_and_well_formed() {
    let files = sample_files();
    assert!(files.len() >= 5, "at least five samples, found {}", files.len());
    for file in files {
        let bytes = std::fs::read(&file).expect("read sample");
        let p = from_slice(&bytes).unwrap_or_else(|e| panic!("{}: {e}", file.display()));
        let canonical = to_string(&p);
        let text = String::from_utf8_lossy(&bytes);
        if let Some((n, (want, got))) = canonical.lines().zip(text.lines()).enumerate().find(|(_, (a, b))| a != b) {
            panic!(
                "{} is not canonical (run `epure fmt`); line {}:\n  is:        {got}\n  should be: {want}",
                file.display(),
                n + 1
            );
        }
        assert_eq!(canonical.len(), text.len(), "{} is canonical (run `epure fmt`)", file.display());
        assert!(p.actors.iter().any(|a| a.kind == ActorKind::User), "{}: a user lane", file.display());
        assert!(p.steps().any(|s| s.kind == StepKind::End), "{}: an end", file.display());
        assert!(p.meta.cases_per_year.is_some(), "{}: yearly volume", file.display());
        let s = summary(&p);
        assert!(s.work_steps >= 5 && s.actors >= 3, "{}: a realistic size: {s:?}", file.display());
    }
}

#[test]
fn samples_cover_the_stories_the_product_tells() {
    // (file, expected summary as (work steps, actors, handoffs)): a change to a sample that
    // changes its shape shows here, where the analysis snapshots will depend on it.
    let expect = [
        ("aide-sociale", (14, 6, 9)),
        ("cantine-scolaire", (11, 3, 6)),
        ("carte-stationnement-resident", (5, 3, 2)),
        ("conge-agent", (9, 5, 4)),
        ("licence-debit-boissons", (14, 5, 9)),
        ("permis-construire", (14, 6, 12)),
    ];
    let files = sample_files();
    assert_eq!(files.len(), expect.len());
    for (file, (name, (work, actors, handoffs))) in files.iter().zip(expect) {
        assert!(file.to_string_lossy().ends_with(&format!("{name}.epure.json")), "{}", file.display());
        let p = from_slice(&std::fs::read(file).unwrap()).unwrap();
        let s = summary(&p);
        assert_eq!((s.work_steps, s.actors, s.handoffs), (work, actors, handoffs), "{name}");
    }
}
