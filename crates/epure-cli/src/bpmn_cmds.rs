//! BPMN 2.0 interchange for `epure import` (into the store, or with `-o` into a procedure file)
//! and `epure export … -o OUT.bpmn`. The import report goes to stderr, one line per element
//! that did not map one to one.

use std::path::{Path, PathBuf};

use epure_bpmn::Lang as ReportLang;

use crate::files;
use crate::messages::Lang;

/// Whether `import` should treat this file as BPMN.
pub fn is_bpmn(path: &Path) -> bool {
    path.extension().is_some_and(|e| e.eq_ignore_ascii_case("bpmn"))
}

fn report_lang(lang: Lang) -> ReportLang {
    match lang {
        Lang::Fr => ReportLang::Fr,
        Lang::En => ReportLang::En,
    }
}

/// Reads a BPMN file into a procedure, printing its import report to stderr.
pub fn read(path: &Path, lang: Lang) -> Result<epure_core::Procedure, Vec<String>> {
    let (procedure, report) = epure_bpmn::import_file(path).map_err(|e| vec![e.to_string()])?;
    for line in report.lines(report_lang(lang)) {
        eprintln!("{}: {line}", path.display());
    }
    Ok(procedure)
}

/// Converts one BPMN file into a procedure file. Returns false when it was refused.
///
/// stdout gets one line for the file written, with the report's summary.
pub fn convert(paths: &[PathBuf], output: &Path, lang: Lang) -> bool {
    if paths.len() > 1 {
        eprintln!(
            "{}",
            match lang {
                Lang::Fr => "-o ne s'emploie qu'avec un seul fichier",
                Lang::En => "-o takes a single input file",
            }
        );
        return false;
    }
    let mut ok = true;
    for path in paths {
        if !is_bpmn(path) {
            eprintln!(
                "{}: {}",
                path.display(),
                match lang {
                    Lang::Fr => "seuls les fichiers BPMN 2.0 (.bpmn) s'importent",
                    Lang::En => "only BPMN 2.0 files (.bpmn) can be imported",
                }
            );
            ok = false;
            continue;
        }
        let (procedure, report) = match epure_bpmn::import_file(path) {
            Ok(r) => r,
            Err(e) => {
                eprintln!("{}: {e}", path.display());
                ok = false;
                continue;
            }
        };
        let out = output.to_path_buf();
        let text = epure_core::format::to_string(&procedure);
        if let Err(e) = files::write_atomically(&out, text.as_bytes()) {
            eprintln!("{}: {e}", out.display());
            ok = false;
            continue;
        }
        let rl = report_lang(lang);
        for line in report.lines(rl) {
            eprintln!("{}: {line}", path.display());
        }
        println!("{} → {}: {}", path.display(), out.display(), report.summary(rl));
    }
    ok
}

/// Exports a procedure (named `source` in messages) to BPMN 2.0, colouring the flagged steps.
/// Returns false on failure.
pub fn export(source: &str, procedure: &epure_core::Procedure, output: &Path, flagged: &[String], lang: Lang) -> bool {
    if !is_bpmn(output) {
        eprintln!(
            "{}: {}",
            output.display(),
            match lang {
                Lang::Fr => "l'export écrit du BPMN 2.0 : le fichier de sortie doit finir par .bpmn",
                Lang::En => "export writes BPMN 2.0: the output file must end in .bpmn",
            }
        );
        return false;
    }
    let mut ok = true;
    for id in flagged.iter().filter(|id| procedure.step(id).is_none()) {
        eprintln!(
            "{source}: {}",
            match lang {
                Lang::Fr => format!("--flag : aucune étape « {id} »"),
                Lang::En => format!("--flag: no step \"{id}\""),
            }
        );
        ok = false;
    }
    if !ok {
        return false;
    }
    let xml = epure_bpmn::export(procedure, flagged);
    if let Err(e) = files::write_atomically(output, xml.as_bytes()) {
        eprintln!("{}: {e}", output.display());
        return false;
    }
    println!(
        "{source} → {}: {}",
        output.display(),
        match lang {
            Lang::Fr => format!(
                "{} étapes, {} flux, {} signalées",
                procedure.step_count(),
                procedure.flow_count(),
                flagged.len()
            ),
            Lang::En =>
                format!("{} steps, {} flows, {} flagged", procedure.step_count(), procedure.flow_count(), flagged.len()),
        }
    );
    true
}
