//! `endless-loop` — Boucle sans sortie.
//!
//! Fires on each loop cases can enter and never leave (no flow out of it that a case can take), and
//! on a loop whose expected visits do not converge (a fork inside a loop that multiplies cases).
//! The metrics then count its steps as passed once, so that every figure stays finite.

use super::{Context, finding, text};
use crate::analysis::metrics::visits::LoopState;
use crate::analysis::words::quoted_list;
use crate::analysis::{Finding, Gain, Lang, Severity};

pub const ID: &str = "endless-loop";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (c, state) in ctx.loop_state.iter().enumerate() {
        if *state == LoopState::Solved {
            continue;
        }
        let members = &ctx.comps.members[c];
        let labels: Vec<String> = members.iter().map(|&n| ctx.label(n)).collect();
        let (fr, en) = match state {
            LoopState::Closed => (
                format!(
                    "Les étapes {} forment une boucle dont aucun dossier ne peut sortir : aucune sortie n'y mène vers une fin. \
                     Ajoutez la sortie (par exemple « dossier complet ») avec sa probabilité.",
                    quoted_list(Lang::Fr, &labels)
                ),
                format!(
                    "Steps {} form a loop no file can leave: no way out leads to an end. Add the way out (for example \
                     \"file complete\") with its probability.",
                    quoted_list(Lang::En, &labels)
                ),
            ),
            _ => (
                format!(
                    "Les étapes {} forment une boucle où les dossiers se multiplient (une branche parallèle revient en arrière) : \
                     le nombre de passages n'a pas de limite. Vérifiez les branches parallèles de cette boucle.",
                    quoted_list(Lang::Fr, &labels)
                ),
                format!(
                    "Steps {} form a loop where files multiply (a parallel branch goes back): the number of passes has no \
                     limit. Check the parallel branches of this loop.",
                    quoted_list(Lang::En, &labels)
                ),
            ),
        };
        out.push(finding(
            ID,
            Severity::Critical,
            members.iter().map(|&n| ctx.id(n)).collect(),
            text("Boucle sans sortie", "Endless loop"),
            text(fr, en),
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
    fn fires_on_a_loop_without_a_way_out() {
        let p = B::new()
            .start("s")
            .task("x", "a", "Relancer")
            .task("y", "b", "Attendre")
            .end("e")
            .chain(&["s", "x", "y", "x"])
            .build();
        check(&p, "endless-loop", &["x y"]);
    }

    #[test]
    fn fires_when_the_way_out_is_never_taken() {
        let p = B::new()
            .start("s")
            .task("x", "a", "Vérifier")
            .decision("d")
            .end("e")
            .chain(&["s", "x", "d"])
            .prob("d", "x", 1.0)
            .prob("d", "e", 0.0)
            .build();
        check(&p, "endless-loop", &["x d"]);
    }

    #[test]
    fn does_not_fire_on_a_rework_loop_with_a_way_out() {
        let p = B::new()
            .start("s")
            .task("x", "a", "Vérifier")
            .decision("d")
            .end("e")
            .chain(&["s", "x", "d"])
            .prob("d", "x", 0.3)
            .prob("d", "e", 0.7)
            .build();
        check(&p, "endless-loop", &[]);
    }
}
