//! `dead-end` — Impasse.
//!
//! Fires on each step a case can reach that is not an end and has no way on (no outgoing flow a
//! case can take): the files that get there are stuck. Steps in a loop without a way out are
//! `endless-loop`, not dead ends; steps that only lead to a dead end are named in its explanation.

use super::{Context, finding, text};
use crate::analysis::words::quote;
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::StepKind;

pub const ID: &str = "dead-end";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for &n in &ctx.g.order {
        let s = ctx.step(n);
        if !ctx.reachable[n] || s.kind == StepKind::End || ctx.g.out[n].iter().any(|a| a.share > 0.0) {
            continue;
        }
        let share = ctx.visits[n];
        out.push(finding(
            ID,
            Severity::Critical,
            vec![ctx.id(n)],
            text(
                format!("Impasse après {}", quote(Lang::Fr, &ctx.label(n))),
                format!("Dead end after {}", quote(Lang::En, &ctx.label(n))),
            ),
            text(
                format!(
                    "Aucune suite n'est dessinée après l'étape {} et ce n'est pas une fin : les dossiers qui y arrivent \
                     ({} par dossier) restent bloqués. Ajoutez la suite ou une fin (accord, refus, abandon).",
                    quote(Lang::Fr, &ctx.label(n)),
                    crate::analysis::words::percent(Lang::Fr, share.min(1.0)),
                ),
                format!(
                    "Nothing follows step {} and it is not an end: the files that get there ({} of them) are stuck. Add what \
                     comes next, or an end (granted, refused, abandoned).",
                    quote(Lang::En, &ctx.label(n)),
                    crate::analysis::words::percent(Lang::En, share.min(1.0)),
                ),
            ),
            Gain::default(),
            None,
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    #[test]
    fn fires_on_a_step_with_no_way_on() {
        let p = B::new()
            .start("s")
            .task("t", "a", "Instruire")
            .decision("d")
            .task("oubli", "b", "Classer")
            .end("e")
            .chain(&["s", "t", "d"])
            .prob("d", "e", 0.9)
            .prob("d", "oubli", 0.1)
            .build();
        check(&p, "dead-end", &["oubli"]);
    }

    #[test]
    fn does_not_fire_on_ends_loops_or_unreachable_steps() {
        let p = B::new()
            .start("s")
            .task("x", "a", "Relancer")
            .task("y", "b", "Attendre")
            .task("orphan", "a", "Archiver")
            .end("e")
            .chain(&["s", "x", "y", "x"])
            .build();
        check(&p, "dead-end", &[]);
    }
}
