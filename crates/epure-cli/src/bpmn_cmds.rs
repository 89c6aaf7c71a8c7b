//! `epure import FILE.bpmn` and `epure export FILE -o OUT.bpmn`: BPMN 2.0 interchange.
//!
//! All the logic of these two commands lives here, so that `main.rs` only dispatches: `import`
//! takes the BPMN path when the file ends in `.bpmn`, `export` when the output does.

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

/// `FILE.bpmn` → `FILE.epure.json`, beside it.
fn default_output(path: &Path) -> PathBuf {
    path.with_extension("epure.json")
}

/// Imports BPMN files into procedure files. Returns false when any file was refused.
///
/// The report goes to stderr, one line per element that was not mapped one to one; stdout
/// gets one line per file written.
pub fn import(paths: &[PathBuf], output: Option<&Path>, lang: Lang) -> bool {
    if output.is_some() && paths.len() > 1 {
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
        let out = output.map(Path::to_path_buf).unwrap_or_else(|| default_output(path));
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

/// Exports a procedure file to BPMN 2.0, colouring the flagged steps. Returns false on failure.
pub fn export(path: &Path, output: &Path, flagged: &[String], lang: Lang) -> bool {
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
    let procedure = match files::read_procedure(path) {
        Ok(p) => p,
        Err(problems) => {
            for problem in problems {
                eprintln!("{}: {problem}", path.display());
            }
            return false;
        }
    };
    let mut ok = true;
    for id in flagged.iter().filter(|id| procedure.step(id).is_none()) {
        eprintln!(
            "{}: {}",
            path.display(),
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
    let xml = epure_bpmn::export(&procedure, flagged);
    if let Err(e) = files::write_atomically(output, xml.as_bytes()) {
        eprintln!("{}: {e}", output.display());
        return false;
    }
    println!(
        "{} → {}: {}",
        path.display(),
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
