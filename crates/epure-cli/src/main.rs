//! `epure`: the command line. Glue only: it reads files, calls `epure-core`, prints.
//!
//! Exit status: 0 on success, 1 when `fmt --check` finds a file to reformat, 2 on bad input
//! (each problem on one line naming the file), never a panic trace.

mod bpmn_cmds;
mod files;
mod messages;
mod report;
mod simplify_cmds;
mod store_cmds;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use messages::Lang;

// The allocator the app and the command line run with (see the workspace's Cargo.toml).
#[global_allocator]
static ALLOCATOR: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Épure: map, analyse and simplify administrative procedures.
#[derive(Parser)]
#[command(name = "epure", version, about, propagate_version = true)]
struct Cli {
    /// Language of the messages for people (summaries, reports).
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Fr)]
    lang: LangArg,
    #[command(flatten)]
    store: store_cmds::DbArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

#[derive(Clone, Copy, ValueEnum)]
enum FormatArg {
    Json,
    Text,
}

#[derive(Subcommand)]
enum Command {
    /// Check procedure files and print a one-line summary of each.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Print the metrics and findings of a procedure (analysis spec, sections 1 and 2).
    Analyze {
        file: PathBuf,
        /// `json`: one object {"metrics": …, "findings": […]} for scripts; `text`: a summary for people.
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Rewrite procedure files in the canonical layout (atomically: temp file, then rename).
    Fmt {
        /// Only report the files that are not canonical; change nothing (exit 1 if any).
        #[arg(long)]
        check: bool,
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Import procedure files (.epure.json, or BPMN 2.0 .bpmn) into the store, printing each new
    /// id once committed; with -o, convert one BPMN file into a procedure file instead.
    Import {
        #[arg(required = true)]
        files: Vec<PathBuf>,
        /// Write this procedure file instead of importing into the store (BPMN input only).
        #[arg(short, long)]
        output: Option<PathBuf>,
    },
    /// Export a procedure — a store id or a procedure file — to BPMN 2.0 when the output ends
    /// in .bpmn (flagged steps coloured), else to a procedure file.
    Export {
        /// A procedure id in the store, or a procedure file.
        source: String,
        #[arg(short, long, required = true)]
        output: PathBuf,
        /// A step to colour as flagged in the BPMN (repeatable).
        #[arg(long = "flag")]
        flagged: Vec<String>,
    },
    #[command(flatten)]
    Store(store_cmds::StoreCommand),
    /// Apply the proposals of the accepted rules and write the target version.
    Simplify {
        file: PathBuf,
        /// `all`, or rule ids separated by commas (`once-only,rekeying`).
        #[arg(long, default_value = "all")]
        accept: String,
        #[arg(short, long, required = true)]
        output: PathBuf,
    },
    /// Compare two procedures: every metric side by side, and what changed in the graph.
    Compare {
        before: PathBuf,
        after: PathBuf,
        #[arg(long, value_enum, default_value_t = FormatArg::Text)]
        format: FormatArg,
    },
    /// Write the PDF report of a procedure, or of a current and a target version.
    Report(report::ReportArgs),
}

/// The outcome of one command.
enum Status {
    Ok,
    /// `fmt --check` found files to reformat.
    Differs,
    BadInput,
}

fn main() -> ExitCode {
    files::install_panic_hook();
    let cli = Cli::parse();
    let lang = match cli.lang {
        LangArg::Fr => Lang::Fr,
        LangArg::En => Lang::En,
    };
    let status = match cli.command {
        Command::Validate { files } => validate(&files, lang),
        Command::Fmt { check, files } => fmt(&files, check, lang),
        Command::Import { files, output: Some(output) } => ok(bpmn_cmds::convert(&files, &output, lang)),
        Command::Import { files, output: None } => store_cmds::import(&files, cli.store.db.as_deref(), lang),
        Command::Export { source, output, flagged } if bpmn_cmds::is_bpmn(&output) => {
            match store_cmds::procedure_from(&source, cli.store.db.as_deref()) {
                Ok((name, procedure)) => ok(bpmn_cmds::export(&name, &procedure, &output, &flagged, lang)),
                Err(status) => status,
            }
        }
        Command::Export { source, output, .. } => store_cmds::export(&source, &output, cli.store.db.as_deref()),
        Command::Store(command) => store_cmds::run(command, cli.store.db.as_deref(), lang),
        Command::Report(args) => report::run(&args, cli.store.db.as_deref(), lang),
        Command::Simplify { file, accept, output } => match simplify_cmds::parse_accept(&accept) {
            Ok(accept) => ok(simplify_cmds::run_simplify(&file, &accept, &output, lang)),
            Err(e) => {
                eprintln!("--accept: {e}");
                Status::BadInput
            }
        },
        Command::Compare { before, after, format } => {
            ok(simplify_cmds::run_compare(&before, &after, matches!(format, FormatArg::Json), lang))
        }
        Command::Analyze { file, format } => analyze(&file, format, lang),
    };
    match status {
        Status::Ok => ExitCode::SUCCESS,
        Status::Differs => ExitCode::from(1),
        Status::BadInput => ExitCode::from(2),
    }
}

fn ok(success: bool) -> Status {
    if success { Status::Ok } else { Status::BadInput }
}

fn validate(paths: &[PathBuf], lang: Lang) -> Status {
    let mut status = Status::Ok;
    for path in paths {
        match files::read_procedure(path) {
            Ok(p) => println!("{}: {}", path.display(), messages::summary(lang, &p)),
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

fn analyze(path: &std::path::Path, format: FormatArg, lang: Lang) -> Status {
    use epure_core::analysis;
    let procedure = match files::read_procedure(path) {
        Ok(p) => p,
        Err(problems) => {
            for problem in problems {
                eprintln!("{}: {problem}", path.display());
            }
            return Status::BadInput;
        }
    };
    let result = analysis::analyze(&procedure, &analysis::Settings::from_procedure(&procedure));
    match format {
        FormatArg::Json => println!("{}", result.to_json()),
        FormatArg::Text => {
            let lang = match lang {
                Lang::Fr => analysis::Lang::Fr,
                Lang::En => analysis::Lang::En,
            };
            print!("{}", analysis::render_text(&result, &procedure, lang));
        }
    }
    Status::Ok
}

fn fmt(paths: &[PathBuf], check: bool, lang: Lang) -> Status {
    let mut status = Status::Ok;
    for path in paths {
        let (procedure, original) = match files::read_procedure_with_bytes(path) {
            Ok(read) => read,
            Err(problems) => {
                for problem in problems {
                    eprintln!("{}: {problem}", path.display());
                }
                status = Status::BadInput;
                continue;
            }
        };
        let canonical = epure_core::format::to_string(&procedure);
        if canonical.as_bytes() == original.as_slice() {
            continue;
        }
        if check {
            println!("{}: {}", path.display(), messages::not_canonical(lang));
            if matches!(status, Status::Ok) {
                status = Status::Differs;
            }
        } else if let Err(e) = files::write_atomically(path, canonical.as_bytes()) {
            eprintln!("{}: {e}", path.display());
            status = Status::BadInput;
        } else {
            println!("{}: {}", path.display(), messages::reformatted(lang));
        }
    }
    status
}
