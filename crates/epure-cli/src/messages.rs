//! Sentences for people, in French (default) or English.

use epure_core::Procedure;
use epure_core::graph::summary as count;

#[derive(Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

/// `n` followed by the singular or plural noun (French: 0 and 1 take the singular).
fn plural(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

/// The one-line summary `epure validate` prints.
pub fn summary(lang: Lang, p: &Procedure) -> String {
    let s = count(p);
    match lang {
        Lang::Fr => format!(
            "« {} » — {}, {}, {}",
            p.meta.name,
            plural(lang, s.work_steps, "étape de travail", "étapes de travail"),
            plural(lang, s.actors, "acteur", "acteurs"),
            plural(lang, s.handoffs, "passage de relais", "passages de relais"),
        ),
        Lang::En => format!(
            "\"{}\": {}, {}, {}",
            p.meta.name,
            plural(lang, s.work_steps, "work step", "work steps"),
            plural(lang, s.actors, "actor", "actors"),
            plural(lang, s.handoffs, "handoff", "handoffs"),
        ),
    }
}

pub fn not_canonical(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "à remettre en forme",
        Lang::En => "not in canonical form",
    }
}

pub fn reformatted(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => "remis en forme",
        Lang::En => "reformatted",
    }
}
