//! The text format of `epure compare`: a readable table for people, French by default, each
//! figure in its own unit (working days, hours, euros), then what changed in the drawing.

use std::fmt::Write;

use super::{Comparison, MetricDelta};
use crate::analysis::Lang;
use crate::analysis::words::{duration, number, percent, quote, quoted_list};
use crate::model::Procedure;

/// How a metric reads: its name in French and English, and how its values are written.
struct Shown {
    fr: &'static str,
    en: &'static str,
    unit: Unit,
}

#[derive(Clone, Copy)]
enum Unit {
    /// A count or an average, with this many decimals.
    Number(usize),
    /// Minutes, written as minutes, hours or working days.
    Duration,
    /// A share (0–1), in percent.
    Share,
    Euros(usize),
    Hours,
    Days,
}

fn shown(metric: &str) -> Shown {
    let s = |fr, en, unit| Shown { fr, en, unit };
    match metric {
        "work_steps" => s("Étapes de travail", "Work steps", Unit::Number(0)),
        "actors" => s("Acteurs", "Actors", Unit::Number(0)),
        "handoffs" => s("Passages de relais", "Handoffs", Unit::Number(0)),
        "handoffs_per_case" => s("Passages de relais par dossier", "Handoffs per case", Unit::Number(2)),
        "user_contacts" => {
            s("Sollicitations de l'usager par dossier", "Contacts with the user per case", Unit::Number(2))
        }
        "documents_requested" => s("Pièces et données demandées", "Documents and data requested", Unit::Number(0)),
        "requests_per_case" => s("Demandes de pièces par dossier", "Requests per case", Unit::Number(2)),
        "touch_time_min" => s("Temps de travail par dossier", "Touch time per case", Unit::Duration),
        "lead_time_min" => s("Délai total", "Lead time", Unit::Duration),
        "cycle_efficiency" => s("Part du délai consacrée au travail", "Cycle efficiency", Unit::Share),
        "cost_per_case_eur" => s("Coût par dossier", "Cost per case", Unit::Euros(2)),
        "yearly.agent_hours" => s("Heures de travail par an", "Hours of work per year", Unit::Hours),
        "yearly.cost_eur" => s("Coût par an", "Cost per year", Unit::Euros(0)),
        "yearly.user_contacts" => {
            s("Sollicitations des usagers par an", "Contacts with users per year", Unit::Number(0))
        }
        "yearly.days_waited" => s("Jours ouvrés d'attente cumulés par an", "Working days waited per year", Unit::Days),
        // A metric this table does not know yet: shown under its own name.
        _ => s("", "", Unit::Number(2)),
    }
}

fn value(lang: Lang, unit: Unit, v: f64, day: f64) -> String {
    let nb = '\u{a0}';
    match unit {
        Unit::Number(d) => number(lang, v, d),
        Unit::Duration => duration(lang, v, day),
        // Shares of the lead time are often small: one decimal.
        Unit::Share => format!("{}{}%", number(lang, v * 100.0, 1), if lang == Lang::Fr { "\u{a0}" } else { "" }),
        Unit::Euros(d) => format!("{}{nb}€", number(lang, v, d)),
        Unit::Hours => format!("{}{nb}h", number(lang, v, 0)),
        Unit::Days => format!("{}{nb}{}", number(lang, v, 0), if lang == Lang::Fr { "j" } else { "d" }),
    }
}

fn row(o: &mut String, m: &MetricDelta, lang: Lang, day: f64) {
    let s = shown(m.metric);
    let name = match lang {
        Lang::Fr if !s.fr.is_empty() => s.fr,
        Lang::En if !s.en.is_empty() => s.en,
        _ => m.metric,
    };
    let sign = if m.change > 0.0 {
        "+"
    } else if m.change < 0.0 {
        "−"
    } else {
        ""
    };
    let change = match s.unit {
        // A share changes by percentage points.
        Unit::Share => format!("{sign}{}\u{a0}pt", number(lang, m.change.abs() * 100.0, 1)),
        unit => format!("{sign}{}", value(lang, unit, m.change.abs(), day)),
    };
    let pct = m
        .percent
        .filter(|p| p.abs() >= 0.05)
        .map(|p| {
            let sign = if p > 0.0 { "+" } else { "−" };
            format!(" ({sign}{})", percent(lang, p.abs() / 100.0))
        })
        .unwrap_or_default();
    let _ = writeln!(
        o,
        "  {name:<40} {:>20} → {:<20} {}",
        value(lang, s.unit, m.before, day),
        value(lang, s.unit, m.after, day),
        if m.change == 0.0 {
            if lang == Lang::Fr { "inchangé".to_owned() } else { "unchanged".to_owned() }
        } else {
            format!("{change}{pct}")
        }
    );
}

/// Renders a comparison as text for people.
///
/// Arguments: the comparison, the procedures before and after (for names and step labels), the
/// language. Returns: lines ending with a newline; deterministic.
pub fn render_text(c: &Comparison, a: &Procedure, b: &Procedure, lang: Lang) -> String {
    let fr = lang == Lang::Fr;
    let day = 420.0;
    let mut o = String::new();
    let _ = writeln!(
        o,
        "{} {} → {}",
        if fr { "Comparaison :" } else { "Comparison:" },
        quote(lang, &a.meta.name),
        quote(lang, &b.meta.name)
    );
    let (per_case, yearly): (Vec<&MetricDelta>, Vec<&MetricDelta>) =
        c.metrics.iter().partition(|m| !m.metric.starts_with("yearly."));
    let _ = writeln!(o, "\n{}", if fr { "Par dossier" } else { "Per case" });
    for m in per_case {
        row(&mut o, m, lang, day);
    }
    if !yearly.is_empty() {
        let _ = writeln!(o, "\n{}", if fr { "Par an" } else { "Per year" });
        for m in yearly {
            row(&mut o, m, lang, day);
        }
    }
    let d = &c.diff;
    let label = |p: &Procedure, id: &str| {
        p.step(id).map(|s| s.label().to_owned()).filter(|l| !l.is_empty()).unwrap_or_else(|| id.to_owned())
    };
    let _ = writeln!(o, "\n{}", if fr { "Schéma" } else { "Drawing" });
    if d.is_empty() {
        let _ = writeln!(o, "  {}", if fr { "aucun changement" } else { "no change" });
    }
    let mut list = |title_fr: &str, title_en: &str, labels: Vec<String>| {
        if !labels.is_empty() {
            let (title, colon) = if fr { (title_fr, " :") } else { (title_en, ":") };
            let _ = writeln!(o, "  {title} ({}){colon} {}", labels.len(), quoted_list(lang, &labels));
        }
    };
    list("Étapes supprimées", "Steps removed", d.steps_removed.iter().map(|id| label(a, id)).collect());
    list("Étapes ajoutées", "Steps added", d.steps_added.iter().map(|id| label(b, id)).collect());
    list(
        "Étapes changées de couloir",
        "Steps moved to another lane",
        d.steps_moved.iter().map(|m| label(b, &m.after)).collect(),
    );
    list("Étapes modifiées", "Steps changed", d.steps_changed.iter().map(|m| label(b, &m.after)).collect());
    if !d.flows_added.is_empty() || !d.flows_removed.is_empty() {
        let _ = writeln!(
            o,
            "  {}",
            if fr {
                format!("Flux : {} ajoutés, {} supprimés", d.flows_added.len(), d.flows_removed.len())
            } else {
                format!("Flows: {} added, {} removed", d.flows_added.len(), d.flows_removed.len())
            }
        );
    }
    o
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;
    use crate::simplify::{Accept, simplify};

    fn sample(name: &str) -> Procedure {
        let path = format!("{}/../../assets/samples/{name}.epure.json", env!("CARGO_MANIFEST_DIR"));
        crate::format::from_str(&std::fs::read_to_string(path).expect("sample")).expect("reads")
    }

    #[test]
    fn a_simplified_sample_compared_in_french_and_english() {
        let before = sample("conge-agent");
        let settings = Settings::from_procedure(&before);
        let after = simplify(&before, &Accept::All, &settings).procedure;
        let c = super::super::compare(&before, &after, &settings);
        insta::assert_snapshot!("conge-agent-fr", render_text(&c, &before, &after, Lang::Fr));
        insta::assert_snapshot!("conge-agent-en", render_text(&c, &before, &after, Lang::En));
    }

    #[test]
    fn a_procedure_compared_with_itself_says_nothing_changed() {
        let p = sample("cantine-scolaire");
        let c = super::super::compare(&p, &p, &Settings::from_procedure(&p));
        let text = render_text(&c, &p, &p, Lang::Fr);
        assert!(text.contains("aucun changement"), "{text}");
        let rows = text.lines().filter(|l| l.starts_with("  ") && l.contains(" → ")).count();
        assert_eq!(rows, c.metrics.len());
        assert_eq!(text.lines().filter(|l| l.ends_with("inchangé")).count(), rows, "{text}");
    }
}
