//! `redundant-check`: a later check whose label says it makes something of its own, drawn
//! without what it produces.

use super::Context;
use crate::analysis::labels;

/// Verbs a label opens on, or goes on to after "et", when its step writes or decides something
/// of its own: the report drafted, the jury's deliberation, the order prepared.
const WRITING: &[&str] = &["rédiger", "établir", "préparer", "délibérer", "statuer"];
/// Verbs that give an opinion when the label names one ("Donner l'avis de la police
/// municipale", "Rendre l'avis technique").
const GIVING: &[&str] = &["donner", "rendre", "émettre", "formuler"];
/// The opinion they give.
const OPINION: &[&str] = &["avis"];
/// Verbs of a visit, and the words saying a check is made on the spot ("Visiter le local",
/// "Contrôler les travaux sur place"): it looks at the premises or the works themselves, which no
/// check of the papers could see.
const VISITING: &[&str] = &["visiter"];
const ON_SITE: &[&str] = &["sur place", "sur site", "sur le terrain"];

fn stems(words: &[&str]) -> Vec<String> {
    words.iter().flat_map(|w| labels::words(w)).collect()
}

/// Whether a later check's label says it makes something of its own although the drawing lists
/// nothing it produces: an opinion given ("Donner l'avis de la police municipale sur la
/// circulation"), a report or an order drafted or a deliberation ("Examiner l'évaluation et
/// préparer l'arrêté", "Entendre le candidat et délibérer"), or a visit on the spot ("Visiter
/// l'établissement", "Contrôler les travaux sur place"). Two such steps are two acts, not one
/// check made twice.
pub(super) fn makes_its_own(ctx: &Context, label: &str) -> bool {
    static SETS: std::sync::OnceLock<[Vec<String>; 4]> = std::sync::OnceLock::new();
    let [writing, giving, opinion, visiting] =
        SETS.get_or_init(|| [stems(WRITING), stems(GIVING), stems(OPINION), stems(VISITING)]);
    let words = ctx.label_words(label);
    let Some(first) = words.first() else { return false };
    if writing.contains(first) || visiting.contains(first) {
        return true;
    }
    if giving.contains(first) && words.iter().any(|w| opinion.contains(w)) {
        return true;
    }
    let lower = labels::strip_accents(&label.to_lowercase()).replace('’', "'");
    let raw: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    let after_and = raw
        .windows(2)
        .any(|w| matches!(w[0], "et" | "puis") && labels::words(w[1]).first().is_some_and(|v| writing.contains(v)));
    after_and || ON_SITE.iter().any(|p| lower.contains(p))
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    /// The bureau checks the plan, then `later` checks the plan again, drawn without what it
    /// produces.
    fn again(later: &str) -> crate::model::Procedure {
        B::new()
            .start("s")
            .check("c1", "b", "Contrôler la demande")
            .checks("c1", &["plan"])
            .check("c2", "c", later)
            .checks("c2", &["plan"])
            .end("e")
            .chain(&["s", "c1", "c2", "e"])
            .build()
    }

    #[test]
    fn a_later_step_that_says_it_makes_its_own_is_no_second_check() {
        for label in [
            "Donner l'avis de la police municipale sur la circulation",
            "Rendre l'avis technique sur l'acceptabilité des effluents",
            "Examiner l'évaluation et préparer l'arrêté de permis",
            "Entendre le candidat et délibérer sur les blocs de compétences",
            "Visiter l'établissement (points de rejet, comptage)",
            "Contrôler les travaux sur place",
        ] {
            check(&again(label), "redundant-check", &[]);
        }
        // Near misses: a check of the same plan that says nothing of its own, an opinion only
        // passed on, a visit named as what is checked.
        check(&again("Vérifier le plan"), "redundant-check", &["c1 c2 plan"]);
        check(&again("Examiner la demande et l'avis"), "redundant-check", &["c1 c2 plan"]);
        check(&again("Vérifier le compte rendu de visite"), "redundant-check", &["c1 c2 plan"]);
    }
}
