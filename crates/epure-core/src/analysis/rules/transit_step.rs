//! `transit-step` — Simple transmission.
//!
//! Fires on a task outside the user's lane that requests, creates, checks, enters and decides
//! nothing, whose label says it passes the file on ("transmettre", "faire suivre", "envoyer pour
//! visa"…), and after which the file goes to another lane of the administration. Not fired:
//! sending the result or a document to the user (the next step is the user's, or the step
//! produces something); a step that checks or enters data; an approval or a check; a step in the
//! same lane as the next one; a step with a legal basis (it is mandated: only digitised, never
//! removed).

use super::{Context, finding, text};
use crate::analysis::labels;
use crate::analysis::words::quote;
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::StepKind;

pub const ID: &str = "transit-step";

/// Verbs of passing a file on (normalised by [`labels::words`], which already maps "envoyer",
/// "adresser", "acheminer", "expédier" and "faire suivre" onto "transmettre").
const VERBS: &[&str] =
    &["transmettre", "orienter", "réorienter", "router", "dispatcher", "redistribuer", "remonter", "relayer"];

fn says_transit(label: &str) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| VERBS.iter().filter_map(|v| labels::words(v).into_iter().next()).collect());
    labels::words(label).iter().any(|w| stems.contains(w))
}

/// Complexity: one pass over the reachable work steps; each distinct label is normalised once
/// (labels repeat, and stemming costs far more than the rest of the test).
pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let mut transit_label: std::collections::HashMap<&str, bool> = std::collections::HashMap::new();
    for n in ctx.reachable_work() {
        let s = ctx.step(n);
        if s.kind != StepKind::Task
            || ctx.in_user_lane(n)
            || s.legal_basis.is_some()
            || !(s.requests.is_empty() && s.produces.is_empty() && s.checks.is_empty() && s.enters.is_empty())
            || !*transit_label.entry(s.label()).or_insert_with(|| says_transit(s.label()))
        {
            continue;
        }
        let next = ctx.next_work(n);
        if next.is_empty() || next.iter().any(|&(m, _)| ctx.in_user_lane(m) || ctx.step(m).actor == s.actor) {
            continue;
        }
        let step_word = |lang: Lang| match (lang, next.len()) {
            (Lang::Fr, 1) => "l'étape",
            (Lang::Fr, _) => "les étapes",
            (Lang::En, 1) => "step",
            (Lang::En, _) => "steps",
        };
        let targets = |lang: Lang| {
            let items: Vec<String> =
                next.iter().map(|&(m, _)| format!("{} ({})", quote(lang, &ctx.label(m)), ctx.lane_name(m))).collect();
            format!("{} {}", step_word(lang), crate::analysis::words::list(lang, &items))
        };
        let (targets_fr, targets_en) = (targets(Lang::Fr), targets(Lang::En));
        let lead = if ctx.on_lead(n) { ctx.visits[n] * (s.duration() + s.wait()) } else { 0.0 };
        let mut subjects = vec![ctx.id(n)];
        subjects.extend(next.iter().map(|&(m, _)| ctx.id(m)));
        out.push(finding(
            ID,
            Severity::Warning,
            subjects,
            text(
                format!("Simple transmission : {}", quote(Lang::Fr, &ctx.label(n))),
                format!("Transit step: {}", quote(Lang::En, &ctx.label(n))),
            ),
            text(
                format!(
                    "L'étape {} ({}) ne fait que faire suivre le dossier vers {} : elle ne vérifie, ne saisit, ne produit \
                     et ne décide rien. Le dossier peut y aller directement, sans ce relais.",
                    quote(Lang::Fr, &ctx.label(n)),
                    ctx.lane_name(n),
                    targets_fr,
                ),
                format!(
                    "Step {} ({}) only passes the file on to {}: it checks, enters, produces and decides nothing. The file \
                     can go there directly, without this relay.",
                    quote(Lang::En, &ctx.label(n)),
                    ctx.lane_name(n),
                    targets_en,
                ),
            ),
            Gain { touch_min: ctx.visits[n] * s.duration(), lead_min: lead, handoffs: ctx.visits[n], ..Gain::default() },
            Some("remove-step"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    fn around(label: &str, next_lane: &str) -> B {
        B::new()
            .start("s")
            .task("depot", "u", "Déposer la demande")
            .task("t", "a", label)
            .dur("t", 5.0)
            .task("n", next_lane, "Instruire la demande")
            .end("e")
            .chain(&["s", "depot", "t", "n", "e"])
    }

    #[test]
    fn fires_on_passing_the_file_on() {
        check(&around("Transmettre la demande au responsable", "b").build(), "transit-step", &["t n"]);
        check(&around("Faire suivre le dossier", "b").build(), "transit-step", &["t n"]);
        check(&around("Envoyer pour visa", "c").build(), "transit-step", &["t n"]);
    }

    #[test]
    fn does_not_fire_when_sending_to_the_user() {
        check(&around("Envoyer la décision au demandeur", "u").build(), "transit-step", &[]);
    }

    #[test]
    fn does_not_fire_on_a_step_that_does_something() {
        check(&around("Transmettre le dossier", "b").checks("t", &["rib"]).build(), "transit-step", &[]);
        check(
            &around("Transmettre le courrier de relance", "b").produces("t", &["relance"]).build(),
            "transit-step",
            &[],
        );
        check(&around("Instruire la demande", "b").build(), "transit-step", &[]);
        check(&around("Transmettre le dossier", "a").build(), "transit-step", &[]);
        check(&around("Transmettre le dossier au préfet", "b").legal("t").build(), "transit-step", &[]);
    }
}
