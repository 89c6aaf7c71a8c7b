//! The commands on the local store: `import`, `list`, `export`, `versions`, `db check`,
//! `db backup` (`import` and `export` are declared in main.rs because they also speak BPMN).
//! Glue only: every rule lives in `epure-store`.
//!
//! The database is `--db FILE`, else `$EPURE_DB`, else `$XDG_DATA_HOME/epure/epure.db`. Each
//! command opens it, does one thing and closes it; bad input gives exit 2 and one line naming
//! the file or the database and the problem.

use std::io::Write;
use std::path::{Path, PathBuf};

use clap::{Args, Subcommand};
use epure_core::edit::{Edit, PlacedFlow};
use epure_core::{Flow, Procedure, Step, StepKind};
use epure_store::{BackupPolicy, Store, StoreError};

use crate::Status;
use crate::bpmn_cmds;
use crate::files;
use crate::messages::Lang;

/// The global `--db` flag.
#[derive(Args)]
pub struct DbArg {
    /// The database file (default: $EPURE_DB, else $XDG_DATA_HOME/epure/epure.db).
    #[arg(long, global = true, value_name = "FILE")]
    pub db: Option<PathBuf>,
}

#[derive(Subcommand)]
pub enum StoreCommand {
    /// List the procedures in the store: id, name, versions, last change.
    List,
    /// List a procedure's versions: id, name, variant, author, date, derived from.
    Versions { id: String },
    /// Check or back up the database itself.
    #[command(subcommand)]
    Db(DbCommand),
}

#[derive(Subcommand)]
pub enum DbCommand {
    /// Run SQLite's full integrity check and print what the file holds.
    Check,
    /// Take a backup now (kept with the rolling backups, beside the database).
    Backup,
    /// For the crash test only: apply a scripted stream of edits to a procedure, printing
    /// `ack N` after each one is committed.
    #[command(hide = true, name = "edit-stream")]
    EditStream {
        id: String,
        #[arg(long, default_value_t = u64::MAX)]
        count: u64,
    },
}

/// Opens the store for one command; on failure, the line is printed and the status returned.
fn open(db: Option<&Path>) -> Result<(PathBuf, Store), Status> {
    let path = epure_store::resolve_path(db).map_err(|e| {
        eprintln!("epure: {e}");
        Status::BadInput
    })?;
    // One-shot commands back up explicitly (`db backup`), not on every close.
    match Store::open_with(&path, BackupPolicy::manual()) {
        Ok(store) => Ok((path, store)),
        Err(e) => Err(fail(&path, &e)),
    }
}

pub fn run(command: StoreCommand, db: Option<&Path>, lang: Lang) -> Status {
    let (path, mut store) = match open(db) {
        Ok(opened) => opened,
        Err(status) => return status,
    };
    let result = match command {
        StoreCommand::List => list(&store),
        StoreCommand::Versions { id } => versions(&store, &id),
        StoreCommand::Db(DbCommand::Check) => check(&store, lang),
        StoreCommand::Db(DbCommand::Backup) => store.backup().map(|b| println!("{}", b.display())),
        StoreCommand::Db(DbCommand::EditStream { id, count }) => edit_stream(&mut store, &id, count),
    };
    match result {
        Ok(()) => Status::Ok,
        Err(e) => fail(&path, &e),
    }
}

/// One line naming the database and the problem (messages about the file already name it).
fn fail(db: &Path, e: &StoreError) -> Status {
    let message = e.to_string();
    let name = db.display().to_string();
    if message.starts_with(&name) {
        eprintln!("{message}");
    } else {
        eprintln!("{name}: {message}");
    }
    Status::BadInput
}

/// `epure import FILE...`: procedure or BPMN files into the store; prints each new id once it
/// is committed.
pub fn import(paths: &[PathBuf], db: Option<&Path>, lang: Lang) -> Status {
    let (_, mut store) = match open(db) {
        Ok(opened) => opened,
        Err(status) => return status,
    };
    let mut status = Status::Ok;
    for path in paths {
        let read = if bpmn_cmds::is_bpmn(path) { bpmn_cmds::read(path, lang) } else { files::read_procedure(path) };
        let outcome = read.and_then(|p| store.import(&p).map_err(|e| vec![e.to_string()]));
        match outcome {
            // Printed after the commit: an id on screen is an id on disk.
            Ok(id) => println!("{id}"),
            Err(problems) => {
                for problem in problems {
                    eprintln!("{}: {problem}", path.display());
                }
                status = Status::BadInput;
            }
        }
    }
    status
}

fn list(store: &Store) -> Result<(), StoreError> {
    for p in store.list()? {
        println!("{}\t{}\t{}\t{}", p.id, p.name, p.versions, p.updated_at);
    }
    Ok(())
}

/// `epure export ID -o FILE`: a procedure's working copy to a file (atomically).
pub fn export(id: &str, output: &Path, db: Option<&Path>) -> Status {
    let (path, store) = match open(db) {
        Ok(opened) => opened,
        Err(status) => return status,
    };
    let result = store.working_text(id).and_then(|text| {
        files::write_atomically(output, text.as_bytes())
            .map_err(|e| StoreError::InvalidInput(format!("{}: {e}", output.display())))
    });
    match result {
        Ok(()) => Status::Ok,
        Err(e) => fail(&path, &e),
    }
}

/// A procedure named on the command line: a procedure file when one exists at that path,
/// else a procedure id in the store. Returns the name to use in messages and the procedure.
pub fn procedure_from(source: &str, db: Option<&Path>) -> Result<(String, Procedure), Status> {
    let file = Path::new(source);
    // Anything that looks like a path is read as a file (a typo must not open the store).
    if file.is_file() || source.contains('/') || source.ends_with(".json") {
        return files::read_procedure(file).map(|p| (source.to_owned(), p)).map_err(|problems| {
            for problem in problems {
                eprintln!("{source}: {problem}");
            }
            Status::BadInput
        });
    }
    let (path, store) = open(db)?;
    store.load(source).map(|p| (source.to_owned(), p)).map_err(|e| fail(&path, &e))
}

fn versions(store: &Store, id: &str) -> Result<(), StoreError> {
    for v in store.versions(id)? {
        let derived = v.derived_from.map(|d| d.to_string()).unwrap_or_default();
        println!("{}\t{}\t{}\t{}\t{}\t{}", v.id, v.name, v.variant, v.author, v.created_at, derived);
    }
    Ok(())
}

fn check(store: &Store, lang: Lang) -> Result<(), StoreError> {
    store.integrity_check()?;
    let (schema, count) = (store.schema_version()?, store.list()?.len());
    let path = store.path().display();
    match lang {
        Lang::Fr => {
            println!("{path} : intègre (schéma {schema}, {count} démarche{})", if count > 1 { "s" } else { "" })
        }
        Lang::En => println!("{path}: ok (schema {schema}, {count} procedure{})", if count == 1 { "" } else { "s" }),
    }
    if let Some(why) = store.read_only() {
        println!("{why}");
    }
    Ok(())
}

/// The crash test's child: adds steps `k1`, `k2`, … in a chain, one edit each (a batch of the
/// step and its flow), continuing after the highest `k` step already stored.
fn edit_stream(store: &mut Store, id: &str, count: u64) -> Result<(), StoreError> {
    let mut doc = store.open_document(id)?;
    let lane = doc
        .procedure()
        .actors
        .first()
        .map(|a| a.id.clone())
        .ok_or_else(|| StoreError::InvalidInput(format!("procedure \"{id}\" has no lane")))?;
    let last = doc.procedure().steps().filter_map(|s| s.id.strip_prefix('k')?.parse::<u64>().ok()).max().unwrap_or(0);
    let stdout = std::io::stdout();
    for n in last + 1..=last.saturating_add(count) {
        let step = Step::work(format!("k{n}"), StepKind::Task, format!("Étape scriptée {n}"), lane.clone());
        let mut edits = vec![Edit::AddStep { step, index: None, flows: Vec::new() }];
        if n > 1 {
            let flow = PlacedFlow {
                from: format!("k{}", n - 1),
                to: format!("k{n}"),
                flow: Flow::new(format!("kf{n}")),
                index: None,
            };
            edits.push(Edit::AddFlow(flow));
        }
        store.apply_edit(&mut doc, &Edit::Batch { edits })?;
        let mut out = stdout.lock();
        writeln!(out, "ack {n}").and_then(|()| out.flush()).map_err(|e| StoreError::Internal(e.to_string()))?;
    }
    Ok(())
}

/// Keeps a generated report in the store with its procedure; prints the report's number.
pub fn keep_report(
    procedure_id: &str,
    lang_tag: &str,
    pages: usize,
    pdf: &[u8],
    db: Option<&Path>,
    lang: Lang,
) -> bool {
    let (path, mut store) = match open(db) {
        Ok(opened) => opened,
        Err(_) => return false,
    };
    let new = epure_store::NewReport {
        procedure_id: procedure_id.to_owned(),
        lang: lang_tag.to_owned(),
        page_count: u32::try_from(pages).unwrap_or(u32::MAX),
        ..Default::default()
    };
    match store.add_report(&new, pdf) {
        Ok(info) => {
            match lang {
                Lang::Fr => {
                    println!("rapport n° {} enregistré avec la démarche {procedure_id} ({pages} pages)", info.id)
                }
                Lang::En => println!("report {} kept with procedure {procedure_id} ({pages} pages)", info.id),
            }
            true
        }
        Err(e) => {
            fail(&path, &e);
            false
        }
    }
}
