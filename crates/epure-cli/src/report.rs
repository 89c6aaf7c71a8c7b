//! `epure report BEFORE [AFTER] -o REPORT.pdf`: the printed report, written atomically.
//!
//! Each procedure is analysed (metrics and findings); with a target, the changes are read off
//! the comparison and tied to the findings they answer.

use std::path::{Path, PathBuf};

use clap::Args;
use epure_core::{Procedure, Variant};
use epure_report::{Fonts, Lang as ReportLang, ProcedureSide, ReportInput};

use crate::messages::Lang;
use crate::{Status, files, store_cmds};

#[derive(Args)]
pub struct ReportArgs {
    /// The procedure as it is (or the only one): a procedure file, or a procedure id in the
    /// store — then the report is also kept in the store with the procedure.
    before: String,
    /// The target procedure, for a before/after report (a file or a store id).
    after: Option<String>,
    /// Where to write the PDF.
    #[arg(short, long)]
    output: PathBuf,
    /// The author named on the cover and in the PDF's metadata.
    #[arg(long, default_value = "Épure")]
    author: String,
    /// The report's date (YYYY-MM-DD); today's date by default.
    #[arg(long)]
    date: Option<String>,
}

/// Runs the command: `BadInput` when an input could not be read or the PDF not written (each
/// problem printed on one line naming the file).
pub fn run(args: &ReportArgs, db: Option<&Path>, lang: Lang) -> Status {
    if write_report(args, db, lang) { Status::Ok } else { Status::BadInput }
}

fn write_report(args: &ReportArgs, db: Option<&Path>, lang: Lang) -> bool {
    let read = |source: &str| store_cmds::procedure_from(source, db).ok().map(|(_, p)| p);
    let before = read(&args.before);
    let after = args.after.as_deref().map(read);
    let (Some(before), Some(after)) = (before, after.map_or(Some(None), |a| a.map(Some))) else {
        return false;
    };
    let report_lang = lang;
    let lang = match lang {
        Lang::Fr => ReportLang::Fr,
        Lang::En => ReportLang::En,
    };
    fn side<'p>(lang: ReportLang, p: &'p Procedure, source: &str) -> ProcedureSide<'p> {
        let variant = match p.meta.variant() {
            Variant::Current => lang.pick("état actuel", "current"),
            Variant::Target => lang.pick("cible", "target"),
        };
        let file =
            Path::new(source).file_name().map_or_else(|| source.to_owned(), |f| f.to_string_lossy().into_owned());
        let analysis = epure_core::analysis::analyze(p, &epure_core::analysis::Settings::from_procedure(p));
        epure_report::analysed::side(p, format!("{variant} ({file})"), &analysis)
    }
    let before_side = side(lang, &before, &args.before);
    let changes =
        after.as_ref().map(|a| epure_report::analysed::changes(&before, a, &before_side.findings)).unwrap_or_default();
    let input = ReportInput {
        lang,
        generated_on: args.date.clone().unwrap_or_else(today),
        author: args.author.clone(),
        before: before_side,
        after: after.as_ref().zip(args.after.as_deref()).map(|(p, source)| side(lang, p, source)),
        changes,
    };
    let fonts = match Fonts::from_bytes(dejavu::sans::regular(), dejavu::sans::bold()) {
        Ok(f) => f,
        Err(e) => {
            eprintln!("epure: {e}");
            return false;
        }
    };
    let (bytes, pages) = match epure_report::render_with_page_count(&input, &fonts) {
        Ok(b) => b,
        Err(e) => {
            eprintln!("{}: {e}", args.output.display());
            return false;
        }
    };
    if let Err(e) = files::write_atomically(&args.output, &bytes) {
        eprintln!("{}: {e}", args.output.display());
        return false;
    }
    // A procedure of the store keeps its reports.
    if !Path::new(&args.before).is_file() && !args.before.contains('/') && !args.before.ends_with(".json") {
        let tag = match report_lang {
            Lang::Fr => "fr",
            Lang::En => "en",
        };
        return store_cmds::keep_report(&args.before, tag, pages, &bytes, db, report_lang);
    }
    true
}

/// Today's date in UTC, as YYYY-MM-DD (the shell reads the clock; the report never does).
fn today() -> String {
    let secs = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).map_or(0, |d| d.as_secs());
    epure_report::text::iso_date(secs)
}
