//! `unstructured-parallel` — Parallélisme non structuré.
//!
//! Fires on a fork without a matching join (including a task drawn with several outgoing flows,
//! which is read as a fork) and on a join that no fork matches. The lead time then counts the
//! branches of such a fork one after the other (an upper bound), which the explanation says.

use super::{Context, finding, text};
use crate::analysis::words::quote;
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::StepKind;

pub const ID: &str = "unstructured-parallel";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for &f in &ctx.lead.unstructured_forks {
        if !ctx.reachable[f] {
            continue;
        }
        let label = ctx.label(f);
        let drawn_as_task = ctx.step(f).kind != StepKind::Parallel;
        let (note_fr, note_en) = if drawn_as_task {
            (
                " Cette étape a plusieurs flux sortants : elle est lue comme un embranchement parallèle (toutes les branches sont suivies). S'il s'agit d'un choix, utilisez une décision.",
                " This step has several outgoing flows: it is read as a parallel fork (every branch is taken). If it is a choice, use a decision.",
            )
        } else {
            ("", "")
        };
        out.push(finding(
            ID,
            Severity::Warning,
            vec![ctx.id(f)],
            text(
                format!("Parallélisme non structuré après {}", quote(Lang::Fr, &label)),
                format!("Unstructured parallelism after {}", quote(Lang::En, &label)),
            ),
            text(
                format!(
                    "Les branches qui partent de {} ne se rejoignent pas toutes sur une même jonction parallèle. Le délai est \
                     calculé comme si elles se suivaient (majorant).{note_fr}",
                    quote(Lang::Fr, &label)
                ),
                format!(
                    "The branches leaving {} do not all meet again at one parallel join. The lead time counts them as if they \
                     ran one after the other (an upper bound).{note_en}",
                    quote(Lang::En, &label)
                ),
            ),
            Gain::default(),
            None,
        ));
    }
    for &j in &ctx.lead.unmatched_joins {
        if !ctx.reachable[j] {
            continue;
        }
        let label = ctx.label(j);
        out.push(finding(
            ID,
            Severity::Warning,
            vec![ctx.id(j)],
            text(
                format!("Jonction parallèle sans embranchement : {}", quote(Lang::Fr, &label)),
                format!("Parallel join without a fork: {}", quote(Lang::En, &label)),
            ),
            text(
                format!(
                    "La jonction {} attend plusieurs branches qui ne partent pas d'un même embranchement parallèle : selon le \
                     chemin suivi, un dossier pourrait l'attendre indéfiniment. S'il s'agit de chemins exclusifs qui se \
                     rejoignent, utilisez une décision.",
                    quote(Lang::Fr, &label)
                ),
                format!(
                    "Join {} waits for several branches that do not leave one parallel fork: depending on the way taken, a \
                     file could wait there forever. If exclusive ways merge here, use a decision.",
                    quote(Lang::En, &label)
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
    fn fires_on_a_fork_without_join_and_a_join_without_fork() {
        let p = B::new()
            .start("s")
            .par("f")
            .task("x", "b", "Avis A")
            .task("y", "c", "Avis B")
            .end("e1")
            .end("e2")
            .chain(&["s", "f", "x", "e1"])
            .chain(&["f", "y", "e2"])
            .build();
        check(&p, "unstructured-parallel", &["f"]);
        let join = B::new()
            .start("s")
            .decision("d")
            .task("x", "b", "Avis A")
            .task("y", "c", "Avis B")
            .par("j")
            .end("e")
            .chain(&["s", "d"])
            .prob("d", "x", 0.5)
            .prob("d", "y", 0.5)
            .chain(&["x", "j", "e"])
            .chain(&["y", "j"])
            .build();
        check(&join, "unstructured-parallel", &["j"]);
    }

    #[test]
    fn does_not_fire_on_a_well_structured_block() {
        let p = B::new()
            .start("s")
            .par("f")
            .task("x", "b", "Avis A")
            .task("y", "c", "Avis B")
            .par("j")
            .end("e")
            .chain(&["s", "f", "x", "j", "e"])
            .chain(&["f", "y", "j"])
            .build();
        check(&p, "unstructured-parallel", &[]);
    }
}
