//! The store commands as scripts and people use them, and the crash test: a child process
//! editing the store is killed with SIGKILL at random moments, and every edit it acknowledged
//! must still be there, in a file that passes `integrity_check`.

use std::io::{BufRead, BufReader};
use std::path::{Path, PathBuf};
use std::process::{Command, Output, Stdio};
use std::time::{Duration, Instant};

use epure_core::synthetic::Rng;
use epure_store::{BackupPolicy, Store};

fn epure(args: &[&str]) -> Output {
    epure_env(args, &[])
}

fn epure_env(args: &[&str], env: &[(&str, &Path)]) -> Output {
    let mut cmd = Command::new(env!("CARGO_BIN_EXE_epure"));
    cmd.args(args).env_remove("EPURE_DB").env_remove("XDG_DATA_HOME");
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().expect("run epure")
}

fn stdout(o: &Output) -> String {
    String::from_utf8_lossy(&o.stdout).into_owned()
}

fn stderr(o: &Output) -> String {
    String::from_utf8_lossy(&o.stderr).into_owned()
}

fn sample(name: &str) -> PathBuf {
    Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples").join(name)
}

fn s(p: &Path) -> &str {
    p.to_str().expect("UTF-8 path")
}

#[test]
fn import_list_export_versions_and_check_round_trip() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("epure.db");
    let cantine = sample("cantine-scolaire.epure.json");
    let out = epure(&["--db", s(&db), "import", s(&cantine), s(&sample("permis-construire.epure.json"))]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(stdout(&out), "cantine-scolaire\npermis-construire\n");

    let list = stdout(&epure(&["--db", s(&db), "list"]));
    let ids: Vec<&str> = list.lines().map(|l| l.split('\t').next().unwrap()).collect();
    assert_eq!(ids, ["cantine-scolaire", "permis-construire"], "{list}");
    assert!(list.starts_with("cantine-scolaire\tInscription à la cantine scolaire\t0\t"), "{list}");

    // The working copy comes back byte for byte (the samples are canonical).
    let exported = dir.path().join("out.epure.json");
    let out = epure(&["--db", s(&db), "export", "cantine-scolaire", "-o", s(&exported)]);
    assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
    assert_eq!(std::fs::read(&exported).unwrap(), std::fs::read(&cantine).unwrap());

    let out = epure(&["--db", s(&db), "versions", "cantine-scolaire"]);
    assert_eq!((out.status.code(), stdout(&out)), (Some(0), String::new()));

    let out = epure(&["--db", s(&db), "db", "check"]);
    assert_eq!(
        stdout(&out),
        format!("{} : intègre (schéma {}, 2 démarches)\n", db.display(), epure_store::SCHEMA_VERSION)
    );
    let out = epure(&["--lang", "en", "--db", s(&db), "db", "check"]);
    assert_eq!(stdout(&out), format!("{}: ok (schema {}, 2 procedures)\n", db.display(), epure_store::SCHEMA_VERSION));

    let out = epure(&["--db", s(&db), "db", "backup"]);
    let backup = PathBuf::from(stdout(&out).trim_end());
    assert!(backup.starts_with(dir.path().join("backups")) && backup.exists(), "{}", stdout(&out));
}

#[test]
fn the_database_is_the_flag_else_epure_db_else_xdg_data_home() {
    let dir = tempfile::tempdir().unwrap();
    let (flag, env_db, xdg) = (dir.path().join("flag.db"), dir.path().join("env.db"), dir.path().join("xdg"));
    let cantine = sample("cantine-scolaire.epure.json");
    epure_env(&["import", s(&cantine)], &[("XDG_DATA_HOME", &xdg)]);
    assert!(xdg.join("epure/epure.db").exists());
    epure_env(&["import", s(&cantine)], &[("XDG_DATA_HOME", &xdg), ("EPURE_DB", &env_db)]);
    assert!(env_db.exists());
    epure_env(&["--db", s(&flag), "import", s(&cantine)], &[("XDG_DATA_HOME", &xdg), ("EPURE_DB", &env_db)]);
    assert!(flag.exists());
    // Each got exactly one import.
    for db in [xdg.join("epure/epure.db"), env_db, flag] {
        assert_eq!(Store::open_with(&db, BackupPolicy::manual()).unwrap().list().unwrap().len(), 1, "{}", db.display());
    }
}

/// Expects exit 2, nothing on stdout and exactly `expect` (one line) on stderr.
fn check_refused(args: &[&str], expect: &str) {
    let out = epure(args);
    assert_eq!(out.status.code(), Some(2), "{args:?}: {}", stderr(&out));
    assert_eq!(stderr(&out), format!("{expect}\n"), "{args:?}");
    assert_eq!(stdout(&out), "", "{args:?}");
}

#[test]
fn bad_input_gets_one_line_naming_the_file_or_database_and_exit_2() {
    let dir = tempfile::tempdir().unwrap();
    let db = dir.path().join("epure.db");
    let cantine = sample("cantine-scolaire.epure.json");
    let bad = dir.path().join("bad.epure.json");
    std::fs::write(&bad, "{").unwrap();
    epure(&["--db", s(&db), "import", s(&cantine)]);
    let d = db.display();
    check_refused(
        &["--db", s(&db), "import", s(&bad)],
        &format!("{}: not valid JSON: the file ends too early (line 1, column 1)", bad.display()),
    );
    check_refused(
        &["--db", s(&db), "import", s(&cantine)],
        &format!("{}: a procedure with id \"cantine-scolaire\" is already in the store", cantine.display()),
    );
    check_refused(
        &["--db", s(&db), "export", "nope", "-o", s(&dir.path().join("x.json"))],
        &format!("{d}: no procedure \"nope\" in the store"),
    );
    check_refused(&["--db", s(&db), "versions", "nope"], &format!("{d}: no procedure \"nope\" in the store"));

    let garbage = dir.path().join("garbage.db");
    let mut rng = Rng::new(1);
    std::fs::write(&garbage, (0..10_000).map(|_| rng.next_u64() as u8).collect::<Vec<u8>>()).unwrap();
    let before = std::fs::read(&garbage).unwrap();
    check_refused(
        &["--db", s(&garbage), "db", "check"],
        &format!(
            "{}: the database is damaged (not an SQLite database); nothing was written to it. No good backup was found.",
            garbage.display()
        ),
    );
    check_refused(
        &["--db", s(&garbage), "list"],
        &format!(
            "{}: the database is damaged (not an SQLite database); nothing was written to it. No good backup was found.",
            garbage.display()
        ),
    );
    assert_eq!(std::fs::read(&garbage).unwrap(), before);
}

/// What one crash run found.
#[derive(Default)]
struct Figures {
    kills: usize,
    acknowledged: u64,
    /// Committed but killed before the acknowledgement was printed (allowed: at most one per kill).
    unacknowledged_commits: u64,
    lost: u64,
}

/// Starts the edit stream on procedure `id`, kills it after a random delay, and returns the
/// acknowledged edit numbers.
fn run_and_kill(db: &Path, id: &str, delay: Duration) -> Vec<u64> {
    let mut child = Command::new(env!("CARGO_BIN_EXE_epure"))
        .args(["--db", s(db), "db", "edit-stream", id])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .expect("start the edit stream");
    let out = child.stdout.take().expect("stdout");
    let reader = std::thread::spawn(move || {
        BufReader::new(out)
            .lines()
            .map_while(Result::ok)
            .filter_map(|l| l.strip_prefix("ack ").and_then(|n| n.parse::<u64>().ok()))
            .collect::<Vec<u64>>()
    });
    std::thread::sleep(delay);
    // std's kill is SIGKILL on Unix: no destructor, no checkpoint, no flush runs in the child.
    child.kill().expect("SIGKILL");
    let status = child.wait().expect("wait");
    let mut err = String::new();
    if let Some(mut e) = child.stderr.take() {
        let _ = std::io::Read::read_to_string(&mut e, &mut err);
    }
    assert!(status.code().is_none() || err.is_empty(), "the edit stream failed on its own: {err}");
    reader.join().expect("reader")
}

/// The scripted steps `k1..kN` present in procedure `id`, checked to be a gap-free chain.
fn committed_chain(store: &Store, id: &str) -> u64 {
    let p = store.load(id).expect("load");
    let mut ks: Vec<u64> = p.steps().filter_map(|s| s.id.strip_prefix('k')?.parse().ok()).collect();
    ks.sort_unstable();
    let n = ks.len() as u64;
    assert_eq!(ks, (1..=n).collect::<Vec<_>>(), "the scripted steps form a chain with no hole");
    for k in 2..=n {
        let f = p.flow(&format!("kf{k}")).expect("each step's flow is there with it");
        assert_eq!((f.from, f.to), (format!("k{}", k - 1).as_str(), format!("k{k}").as_str()));
    }
    // Each edit was journaled in the transaction that applied it.
    let history = store.history(id).expect("history");
    assert_eq!(history.undo as u64, n.min(epure_store::JOURNAL_LIMIT as u64), "journal and working copy agree");
    n
}

/// Kills the edit stream `kills` times and checks the file after each kill.
fn crash_test(kills: usize, seed: u64) -> Figures {
    let dir =
        tempfile::Builder::new().prefix("crash-").tempdir_in(env!("CARGO_TARGET_TMPDIR")).expect("tempdir on disk");
    let db = dir.path().join("epure.db");
    let mut rng = Rng::new(seed);
    let mut figures = Figures::default();
    let mut id = String::new();
    let mut expected = 0u64;
    let mut finished_ids = Vec::new();
    // The sample without its id: each import gets a new one.
    let template = dir.path().join("template.epure.json");
    let mut p =
        epure_core::format::from_str(&std::fs::read_to_string(sample("conge-agent.epure.json")).unwrap()).unwrap();
    p.meta.id = None;
    std::fs::write(&template, epure_core::format::to_string(&p)).unwrap();
    for kill in 0..kills {
        // A fresh procedure every 50 kills keeps each working copy small, as a real one is.
        if kill % 50 == 0 {
            if !id.is_empty() {
                finished_ids.push((id.clone(), expected));
            }
            let out = epure(&["--db", s(&db), "import", s(&template)]);
            assert_eq!(out.status.code(), Some(0), "{}", stderr(&out));
            id = stdout(&out).trim().to_owned();
            expected = 0;
        }
        // Anywhere from before the file is open to well into the stream.
        let delay = Duration::from_micros(rng.below(120_000) as u64);
        let acks = run_and_kill(&db, &id, delay);
        figures.kills += 1;
        figures.acknowledged += acks.len() as u64;
        let store = Store::open_with(&db, BackupPolicy::manual()).expect("the file opens after a kill");
        store.integrity_check().expect("integrity_check after a kill");
        let present = committed_chain(&store, &id);
        let last_ack = acks.last().copied().unwrap_or(expected);
        if present < last_ack {
            figures.lost += last_ack - present;
        }
        assert!(present >= last_ack, "kill {kill}: acknowledged up to k{last_ack}, only k{present} on disk");
        assert!(present <= last_ack + 1, "kill {kill}: more than one unacknowledged commit");
        figures.unacknowledged_commits += present - last_ack;
        expected = present;
    }
    // Earlier procedures were left exactly as their last run committed them.
    let store = Store::open_with(&db, BackupPolicy::manual()).expect("open");
    for (id, n) in finished_ids {
        assert_eq!(committed_chain(&store, &id), n);
    }
    figures
}

#[test]
fn a_killed_editor_loses_no_acknowledged_edit() {
    let kills = std::env::var("EPURE_CRASH_KILLS").ok().and_then(|v| v.parse().ok()).unwrap_or(30);
    let seed = std::env::var("EPURE_CRASH_SEED").ok().and_then(|v| v.parse().ok()).unwrap_or_else(|| {
        std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map(|d| d.as_secs()).unwrap_or(1)
    });
    let started = Instant::now();
    let f = crash_test(kills, seed);
    eprintln!(
        "crash test (seed {seed}): {} kills, {} acknowledged edits, {} committed but unacknowledged, {} lost, {:.1} s",
        f.kills,
        f.acknowledged,
        f.unacknowledged_commits,
        f.lost,
        started.elapsed().as_secs_f64()
    );
    assert_eq!(f.lost, 0);
    assert!(f.acknowledged > 0, "the stream was killed before any edit every time: lengthen the delays");
}
