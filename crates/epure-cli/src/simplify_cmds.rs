//! `epure simplify FILE [--accept all|RULE,...] -o OUT` and `epure compare BEFORE AFTER`.
//! Glue only: the transformations and the comparison live in `epure-core`.

use std::collections::BTreeSet;
use std::path::Path;

use epure_core::Procedure;
use epure_core::analysis::Settings;
use epure_core::compare::{Comparison, compare};
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
        print!("{}", text(&c, &a, &b, lang));
    }
    true
}

fn text(c: &Comparison, a: &Procedure, b: &Procedure, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let mut out = format!(
        "{}\n",
        if fr {
            format!("Comparaison : « {} » → « {} »", a.meta.name, b.meta.name)
        } else {
            format!("Comparison: \"{}\" → \"{}\"", a.meta.name, b.meta.name)
        }
    );
    // Numbers the way each language writes them: "1234,5" in French.
    let num = |f: String| if fr { f.replace('.', ",") } else { f };
    for m in &c.metrics {
        // Cycle efficiency is a share: shown in percent.
        let k = if m.metric == "cycle_efficiency" { 100.0 } else { 1.0 };
        let pct = m.percent.map(|p| num(format!(" ({p:+.1} %)"))).unwrap_or_default();
        out.push_str(&format!(
            "  {:<22} {:>12} → {:>12}   {}{pct}\n",
            m.metric,
            num(format!("{:.2}", m.before * k)),
            num(format!("{:.2}", m.after * k)),
            num(format!("{:+.2}", m.change * k)),
        ));
    }
    let d = &c.diff;
    let counts = if fr {
        format!(
            "  étapes : {} ajoutées, {} supprimées, {} déplacées, {} modifiées ; flux : {} ajoutés, {} supprimés\n",
            d.steps_added.len(),
            d.steps_removed.len(),
            d.steps_moved.len(),
            d.steps_changed.len(),
            d.flows_added.len(),
            d.flows_removed.len()
        )
    } else {
        format!(
            "  steps: {} added, {} removed, {} moved, {} changed; flows: {} added, {} removed\n",
            d.steps_added.len(),
            d.steps_removed.len(),
            d.steps_moved.len(),
            d.steps_changed.len(),
            d.flows_added.len(),
            d.flows_removed.len()
        )
    };
    out.push_str(&counts);
    out
}
