//! The text format of `epure analyze`: a readable summary for people, French by default.

use std::fmt::Write;

use super::words::{duration, number, percent, quantity, quote};
use super::{Analysis, Lang, Severity};
use crate::model::Procedure;

fn severity(lang: Lang, s: Severity) -> &'static str {
    match (lang, s) {
        (Lang::Fr, Severity::Critical) => "CRITIQUE",
        (Lang::Fr, Severity::Warning) => "ALERTE",
        (Lang::Fr, Severity::Info) => "INFO",
        (Lang::En, Severity::Critical) => "CRITICAL",
        (Lang::En, Severity::Warning) => "WARNING",
        (Lang::En, Severity::Info) => "INFO",
    }
}

/// Renders an analysis as text for people.
///
/// Arguments: the analysis, the procedure it was computed on (for labels), the language.
/// Returns: lines ending with a newline; deterministic.
pub fn render_text(a: &Analysis, p: &Procedure, lang: Lang) -> String {
    let m = &a.metrics;
    let day = 420.0;
    let fr = lang == Lang::Fr;
    let mut o = String::new();
    let label =
        |id: &str| p.step(id).map(|s| s.label().to_owned()).filter(|l| !l.is_empty()).unwrap_or_else(|| id.to_owned());
    let _ = writeln!(
        o,
        "{}",
        if fr {
            format!("Analyse de {}", quote(lang, &p.meta.name))
        } else {
            format!("Analysis of {}", quote(lang, &p.meta.name))
        }
    );
    let _ = writeln!(o);
    let _ = writeln!(o, "{}", if fr { "Indicateurs par dossier" } else { "Figures per file" });
    let line = |o: &mut String, k: &str, v: String| {
        let _ = writeln!(o, "  {k} : {v}");
    };
    let line_en = |o: &mut String, k: &str, v: String| {
        let _ = writeln!(o, "  {k}: {v}");
    };
    let put = |o: &mut String, kfr: &str, ken: &str, v: String| if fr { line(o, kfr, v) } else { line_en(o, ken, v) };
    put(&mut o, "Étapes de travail", "Work steps", m.work_steps.to_string());
    put(&mut o, "Acteurs", "Actors", m.actors.to_string());
    put(
        &mut o,
        "Passages de relais",
        "Handoffs",
        format!(
            "{} ({} {})",
            m.handoffs,
            number(lang, m.handoffs_per_case, 2),
            if fr { "par dossier" } else { "per file" }
        ),
    );
    put(&mut o, "Contacts avec l'usager", "Contacts with the user", number(lang, m.user_contacts, 2));
    put(
        &mut o,
        "Pièces et données demandées",
        "Documents and data requested",
        format!(
            "{} ({} {})",
            m.documents_requested,
            number(lang, m.requests_per_case, 2),
            match (fr, m.requests_per_case < 2.0) {
                (true, true) => "demande par dossier",
                (true, false) => "demandes par dossier",
                (false, true) => "request per file",
                (false, false) => "requests per file",
            }
        ),
    );
    put(&mut o, "Temps de travail", "Touch time", duration(lang, m.touch_time_min, day));
    put(&mut o, "Délai total", "Lead time", duration(lang, m.lead_time_min, day));
    put(&mut o, "Dont attente", "Of which waiting", duration(lang, m.wait_time_min, day));
    put(&mut o, "Efficacité du processus", "Cycle efficiency", percent(lang, m.cycle_efficiency));
    put(&mut o, "Coût par dossier", "Cost per file", format!("{} €", number(lang, m.cost_per_case_eur, 2)));
    put(&mut o, "Ruptures de support", "Media breaks", m.media_breaks.len().to_string());
    if let Some(y) = &m.yearly {
        put(
            &mut o,
            &format!("Par an ({} dossiers)", number(lang, y.cases_per_year, 0)),
            &format!("Per year ({} files)", number(lang, y.cases_per_year, 0)),
            if fr {
                format!(
                    "{} h de travail, {} €, {} contacts, {} jours ouvrés d'attente cumulés",
                    number(lang, y.agent_hours, 0),
                    number(lang, y.cost_eur, 0),
                    number(lang, y.user_contacts, 0),
                    number(lang, y.days_waited, 0)
                )
            } else {
                format!(
                    "{} h of work, {} €, {} contacts, {} working days of waiting in all",
                    number(lang, y.agent_hours, 0),
                    number(lang, y.cost_eur, 0),
                    number(lang, y.user_contacts, 0),
                    number(lang, y.days_waited, 0)
                )
            },
        );
    }
    let path: Vec<String> = m
        .critical_path
        .iter()
        .filter(|id| p.step(id).is_some_and(|s| s.kind.is_work()))
        .map(|id| quote(lang, &label(id)))
        .collect();
    put(&mut o, "Chemin critique", "Critical path", path.join(" → "));
    let _ = writeln!(o);
    let _ = writeln!(o, "{} ({})", if fr { "Constats" } else { "Findings" }, a.findings.len());
    if a.findings.is_empty() {
        let _ = writeln!(o, "  {}", if fr { "Aucun constat." } else { "No finding." });
    }
    for f in &a.findings {
        let (title, expl) = if fr { (&f.title_fr, &f.explanation_fr) } else { (&f.title_en, &f.explanation_en) };
        let _ = writeln!(o, "  [{}] {} ({})", severity(lang, f.severity), title, f.rule);
        let _ = writeln!(o, "      {expl}");
        let g = &f.gain;
        let mut gains = Vec::new();
        if g.touch_min > 0.0 {
            gains.push(format!("{} {}", duration(lang, g.touch_min, day), if fr { "de travail" } else { "of work" }));
        }
        if g.lead_min > 0.0 {
            gains.push(format!("{} {}", duration(lang, g.lead_min, day), if fr { "de délai" } else { "of lead time" }));
        }
        if g.handoffs > 0.0 {
            let (one, many) = if fr { ("passage de relais", "passages de relais") } else { ("handoff", "handoffs") };
            gains.push(quantity(lang, g.handoffs, 2, one, many));
        }
        if g.contacts > 0.0 {
            gains.push(quantity(lang, g.contacts, 2, "contact", "contacts"));
        }
        if g.requests > 0.0 {
            let (one, many) = if fr { ("demande", "demandes") } else { ("request", "requests") };
            gains.push(quantity(lang, g.requests, 2, one, many));
        }
        if !gains.is_empty() {
            let _ = writeln!(
                o,
                "      {} {}",
                if fr { "Gain estimé par dossier :" } else { "Estimated gain per file:" },
                gains.join(", ")
            );
        }
    }
    o
}
