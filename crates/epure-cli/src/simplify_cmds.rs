//! `epure simplify FILE [--accept all|RULE,...] -o OUT` and `epure compare BEFORE AFTER`.
//! Glue only: the transformations and the comparison live in `epure-core`.

use std::collections::BTreeSet;
use std::path::Path;

use epure_core::Procedure;
use epure_core::analysis::Settings;
use epure_core::compare::compare;
use epure_core::simplify::{Accept, simplify};

use crate::files;
use crate::messages::Lang;

fn read(path: &Path) -> Option<Procedure> {
    match files::read_procedure(path) {
        Ok(p) => Some(p),
        Err(problems) => {
            for problem in problems {
                eprintln!("{}: {problem}", path.display());
            }
            None
        }
    }
}

/// `--accept`: `all`, or rule ids separated by commas.
pub fn parse_accept(text: &str) -> Result<Accept, String> {
    if text.trim() == "all" {
        return Ok(Accept::All);
    }
    let known: Vec<&str> = epure_core::analysis::rules::CATALOGUE.iter().map(|(id, _)| *id).collect();
    let mut rules = BTreeSet::new();
    for rule in text.split(',').map(str::trim).filter(|r| !r.is_empty()) {
        if !known.contains(&rule) {
            return Err(format!("unknown rule \"{rule}\" (known: all, {})", known.join(", ")));
        }
        rules.insert(rule.to_owned());
    }
    Ok(Accept::Rules(rules))
}

/// Writes the simplified version; prints each transformation made, then those refused.
pub fn run_simplify(path: &Path, accept: &Accept, output: &Path, lang: Lang) -> bool {
    let Some(p) = read(path) else { return false };
    let result = simplify(&p, accept, &Settings::from_procedure(&p));
    let text = epure_core::format::to_string(&result.procedure);
    if let Err(e) = files::write_atomically(output, text.as_bytes()) {
        eprintln!("{}: {e}", output.display());
        return false;
    }
    for step in &result.steps {
        let title = if lang == Lang::Fr { &step.title_fr } else { &step.title_en };
        match &step.refusal {
            None => println!("{} {title}", if lang == Lang::Fr { "appliqué :" } else { "applied:" }),
            Some(r) => {
                let reason = if lang == Lang::Fr { &r.reason_fr } else { &r.reason_en };
                println!("{} {title} — {reason}", if lang == Lang::Fr { "refusé :" } else { "refused:" });
            }
        }
    }
    true
}

/// Prints the comparison as JSON (for scripts) or a table (for people).
pub fn run_compare(before: &Path, after: &Path, json: bool, lang: Lang) -> bool {
    let (Some(a), Some(b)) = (read(before), read(after)) else { return false };
    let c = compare(&a, &b, &Settings::from_procedure(&a));
    if json {
        println!("{}", serde_json::to_string_pretty(&c).unwrap_or_default());
    } else {
        let lang = match lang {
            Lang::Fr => epure_core::analysis::Lang::Fr,
            Lang::En => epure_core::analysis::Lang::En,
        };
        print!("{}", epure_core::compare::render_text(&c, &a, &b, lang));
    }
    true
}
