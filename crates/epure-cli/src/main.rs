//! `epure`: the command line. Glue only: it reads files, calls `epure-core`, prints.
//!
//! Exit status: 0 on success, 1 when `fmt --check` finds a file to reformat, 2 on bad input
//! (each problem on one line naming the file), never a panic trace.

mod files;
mod messages;
mod report;

use std::path::PathBuf;
use std::process::ExitCode;

use clap::{Parser, Subcommand, ValueEnum};

use messages::Lang;

/// Épure: map, analyse and simplify administrative procedures.
#[derive(Parser)]
#[command(name = "epure", version, about, propagate_version = true)]
struct Cli {
    /// Language of the messages for people (summaries, reports).
    #[arg(long, global = true, value_enum, default_value_t = LangArg::Fr)]
    lang: LangArg,
    #[command(subcommand)]
    command: Command,
}

#[derive(Clone, Copy, ValueEnum)]
enum LangArg {
    Fr,
    En,
}

#[derive(Subcommand)]
enum Command {
    /// Check procedure files and print a one-line summary of each.
    Validate {
        #[arg(required = true)]
        files: Vec<PathBuf>,
    },
    /// Rewrite procedure files in the canonical layout (atomically: temp file, then rename).
    Fmt {
        /// Only report the files that are not canonical; change nothing (exit 1 if any).
        #[arg(long)]
        check: bool,
        #[arg(required = true)]
        files: Vec<PathBuf>,
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
        Command::Report(args) => report::run(&args, lang),
    };
    match status {
        Status::Ok => ExitCode::SUCCESS,
        Status::Differs => ExitCode::from(1),
        Status::BadInput => ExitCode::from(2),
    }
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
