//! `duplicate-step` — Étape en double.
//!
//! Fires on two work steps of the same kind whose labels mean the same ([`labels::same_meaning`]:
//! case, accents, stop words, stemming, word order, a few synonyms) on a way a case takes through
//! both. Not fired: steps on exclusive or parallel branches; steps whose data show they work on
//! different things (both list data, and they share none); approvals in different lanes (that is
//! an `approval-chain`); a step repeated on the rework branch of a loop the first one is not part
//! of; labels that differ by a number ("N+1" / "N+2") or of which one says which occurrence it is
//! ("lors du second contrôle" after "lors du contrôle"); steps addressed to different recipients
//! ("Notifier la décision" to the applicant, then "Notifier la décision à la CAF", the payer).
//! Two checks of the same pieces that `redundant-check` flags are told by it alone (see
//! `rules::run_all`), not twice.

use rustc_hash::FxHashMap as HashMap;

use super::{Context, finding, text};
use crate::analysis::labels;
use crate::analysis::words::{self, Piece, Quoted, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{Step, StepKind};

pub const ID: &str = "duplicate-step";

/// Above this many distinct labels, only labels with exactly the same words are compared
/// (pairwise comparison of labels is quadratic).
const PAIRWISE_MAX: usize = 1_000;

fn data_of(s: &Step) -> impl Iterator<Item = &String> {
    s.requests.iter().chain(&s.enters).chain(&s.checks).chain(&s.produces)
}

fn unrelated(a: &Step, b: &Step) -> bool {
    data_of(a).next().is_some() && data_of(b).next().is_some() && !data_of(a).any(|d| data_of(b).any(|e| e == d))
}

/// A step quoted with its lane: « A » (Accueil).
fn push_step_with_lane(out: &mut String, ctx: &Context, lang: Lang, n: usize) {
    words::push_quoted(out, lang, ctx.label_str(n));
    out.push_str(" (");
    out.push_str(ctx.lane_str(n));
    out.push(')');
}

/// Steps as a list, each quoted with its lane: « A » (Accueil), « B » (Direction)…
pub(super) struct StepsWithLanes<'c, 'a>(pub &'c Context<'a>, pub Lang, pub &'c [usize]);

impl Piece for StepsWithLanes<'_, '_> {
    fn size(&self) -> usize {
        self.2.len() * 48
    }
    fn push_to(&self, out: &mut String) {
        let StepsWithLanes(ctx, lang, steps) = *self;
        words::push_list(out, lang, steps.len(), |o, i| push_step_with_lane(o, ctx, lang, steps[i]));
    }
}

/// Steps one after the other, each quoted with its lane: « A » (Accueil) → « B » (Direction)…
pub(super) struct PathWithLanes<'c, 'a>(pub &'c Context<'a>, pub Lang, pub &'c [usize]);

impl Piece for PathWithLanes<'_, '_> {
    fn size(&self) -> usize {
        self.2.len() * 50
    }
    fn push_to(&self, out: &mut String) {
        let PathWithLanes(ctx, lang, steps) = *self;
        for (i, &n) in steps.iter().enumerate() {
            if i > 0 {
                out.push_str(" → ");
            }
            push_step_with_lane(out, ctx, lang, n);
        }
    }
}

/// A step's kind and the normalised words of its label.
type Key = (StepKind, Vec<String>);

pub fn run(ctx: &Context) -> Vec<Finding> {
    // (kind, key) → steps, in the author's order.
    let mut by_key: Vec<(Key, Vec<usize>)> = Vec::new();
    let mut index: HashMap<(StepKind, usize), usize> = HashMap::default();
    // Labels repeat (the same wording at several steps): normalise each distinct one once, and
    // number the distinct keys, so that a step costs one look-up of its borrowed label.
    let mut keys: Vec<Vec<String>> = Vec::new();
    let mut key_number: HashMap<Vec<String>, usize> = HashMap::default();
    // Each distinct label's key and number; each step's label number.
    let mut label_key: HashMap<&str, (usize, u32)> = HashMap::default();
    let mut distinct: Vec<&str> = Vec::new();
    let mut label_of = vec![u32::MAX; ctx.g.bound];
    for n in ctx.reachable_work() {
        let label = ctx.label_str(n);
        let (key, number) = match label_key.get(label) {
            Some(&known) => known,
            None => {
                let k = labels::key_of_words(&ctx.label_words(label));
                let next = keys.len();
                let k = *key_number.entry(k).or_insert_with_key(|k| {
                    keys.push(k.clone());
                    next
                });
                let known = (k, distinct.len() as u32);
                distinct.push(label);
                label_key.insert(label, known);
                known
            }
        };
        label_of[n] = number;
        if keys[key].is_empty() {
            continue;
        }
        let kind = ctx.step(n).kind;
        match index.get(&(kind, key)) {
            Some(&i) => by_key[i].1.push(n),
            None => {
                index.insert((kind, key), by_key.len());
                by_key.push(((kind, keys[key].clone()), vec![n]));
            }
        }
    }
    // Classes of keys that mean the same.
    let mut class: Vec<usize> = (0..by_key.len()).collect();
    if by_key.len() <= PAIRWISE_MAX {
        let words: Vec<std::sync::Arc<[String]>> =
            by_key.iter().map(|(_, steps)| ctx.label_words(ctx.label_str(steps[0]))).collect();
        for i in 0..by_key.len() {
            for j in i + 1..by_key.len() {
                let (ka, kb) = (&by_key[i].0, &by_key[j].0);
                if ka.0 == kb.0 && class[j] == j && labels::same_meaning_keys(&words[i], &ka.1, &words[j], &kb.1) {
                    class[j] = class[i];
                }
            }
        }
    }
    let mut members: Vec<Vec<usize>> = vec![Vec::new(); by_key.len()];
    for (i, (_, steps)) in by_key.iter().enumerate() {
        members[class[i]].extend(steps);
    }
    let mut out = Vec::new();
    let classes: Vec<Vec<usize>> = members
        .into_iter()
        .filter(|m| m.len() >= 2)
        .map(|mut m| {
            m.sort_by_key(|&n| ctx.g.pos[n]);
            m
        })
        .collect();
    // The same act for two addressees is two steps: each class is split by whom its steps are
    // addressed to, before looking along the paths (so that the nearest earlier step found is
    // one addressed to the same). Each distinct label is read once, when a class first needs it,
    // and its addressees numbered, so that a step costs two look-ups in vectors.
    let mut to_of: Vec<u32> = vec![u32::MAX; distinct.len()];
    let mut to_number: HashMap<Vec<String>, u32> = HashMap::default();
    let classes: Vec<Vec<usize>> = classes
        .into_iter()
        .flat_map(|class| {
            let mut by_to: Vec<(u32, Vec<usize>)> = Vec::new();
            for n in class {
                let li = label_of[n] as usize;
                if to_of[li] == u32::MAX {
                    let next = to_number.len() as u32;
                    to_of[li] = *to_number.entry(labels::addressees(distinct[li])).or_insert(next);
                }
                let to = to_of[li];
                match by_to.iter_mut().find(|(t, _)| *t == to) {
                    Some((_, m)) => m.push(n),
                    None => by_to.push((to, vec![n])),
                }
            }
            by_to.into_iter().map(|(_, m)| m).filter(|m| m.len() >= 2).collect::<Vec<_>>()
        })
        .collect();
    let found = ctx.earlier_on_paths(&classes, None);
    for found in found {
        let pairs: Vec<(usize, usize)> = found
            .into_iter()
            .filter(|&(l, e)| !ctx.in_loop(l) || ctx.same_loop(l, e))
            .filter(|&(l, e)| !unrelated(ctx.step(l), ctx.step(e)))
            .filter(|&(l, e)| ctx.step(l).kind != StepKind::Approval || ctx.step(l).actor == ctx.step(e).actor)
            .collect();
        let (sets, of_set) = super::groups_and_pairs(ctx, &pairs);
        for (group, of_set) in sets.into_iter().zip(of_set) {
            let later: Vec<usize> = of_set.iter().map(|&k| pairs[k].0).collect();
            let touch: f64 = later.iter().map(|&n| ctx.visits[n] * ctx.step(n).duration()).sum();
            let lead: f64 = later
                .iter()
                .filter(|&&n| ctx.on_lead(n))
                .map(|&n| ctx.visits[n] * (ctx.step(n).duration() + ctx.step(n).wait()))
                .sum();
            out.push(finding(
                ID,
                Severity::Warning,
                group.iter().map(|&n| ctx.id(n)).collect(),
                text(
                    sentence!["Étape en double : ", Quoted(Lang::Fr, ctx.label_str(group[0]))],
                    sentence!["Duplicate step: ", Quoted(Lang::En, ctx.label_str(group[0]))],
                ),
                text(
                    sentence! {
                        "Les étapes ", StepsWithLanes(ctx, Lang::Fr, &group),
                        " font la même chose sur le même parcours : un dossier passe par chacune d'elles. Une seule suffit.",
                    },
                    sentence! {
                        "Steps ", StepsWithLanes(ctx, Lang::En, &group),
                        " do the same thing on the same way through: a file goes through each of them. One is enough.",
                    },
                ),
                Gain { touch_min: touch, lead_min: lead, ..Gain::default() },
                Some("merge-steps"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    #[test]
    fn fires_on_two_steps_that_mean_the_same() {
        let p = B::new()
            .start("s")
            .check("v1", "a", "Vérifier les pièces du dossier")
            .task("t", "b", "Instruire")
            .check("v2", "b", "Contrôle des pièces du dossier")
            .end("e")
            .chain(&["s", "v1", "t", "v2", "e"])
            .build();
        check(&p, "duplicate-step", &["v1 v2"]);
    }

    #[test]
    fn does_not_fire_on_different_kinds_numbers_or_exclusive_branches() {
        let kinds = B::new()
            .start("s")
            .task("v1", "a", "Vérifier les pièces")
            .check("v2", "b", "Vérifier les pièces")
            .end("e")
            .chain(&["s", "v1", "v2", "e"])
            .build();
        check(&kinds, "duplicate-step", &[]);
        let numbers = B::new()
            .start("s")
            .approval("v1", "b", "Viser la demande (N+1)")
            .approval("v2", "b", "Viser la demande (N+2)")
            .end("e")
            .chain(&["s", "v1", "v2", "e"])
            .build();
        check(&numbers, "duplicate-step", &[]);
        let exclusive = B::new()
            .start("s")
            .decision("d")
            .task("n1", "b", "Notifier la décision")
            .task("n2", "b", "Notifier la décision")
            .end("e1")
            .end("e2")
            .chain(&["s", "d"])
            .prob("d", "n1", 0.5)
            .prob("d", "n2", 0.5)
            .chain(&["n1", "e1"])
            .chain(&["n2", "e2"])
            .build();
        check(&exclusive, "duplicate-step", &[]);
    }

    #[test]
    fn does_not_fire_on_a_later_occurrence_the_label_names() {
        let shown = |second: &str| {
            B::new()
                .start("s")
                .task("p1", "u", "Présenter les travaux de l'enfant lors du contrôle")
                .check("c1", "b", "Contrôler les acquisitions")
                .task("p2", "u", second)
                .end("e")
                .chain(&["s", "p1", "c1", "p2", "e"])
                .build()
        };
        // The second control, after an insufficient first one: the author says which it is.
        check(&shown("Présenter les travaux de l'enfant lors du second contrôle"), "duplicate-step", &[]);
        // Near miss: a word more that says no occurrence is the same step again.
        check(&shown("Présenter les travaux de l'enfant lors du contrôle annuel"), "duplicate-step", &["p1 p2"]);
    }

    #[test]
    fn does_not_fire_when_the_data_show_different_work() {
        let p = B::new()
            .start("s")
            .check("v1", "a", "Vérifier le justificatif")
            .checks("v1", &["domicile"])
            .check("v2", "b", "Vérifier le justificatif")
            .checks("v2", &["rib"])
            .end("e")
            .chain(&["s", "v1", "v2", "e"])
            .build();
        check(&p, "duplicate-step", &[]);
    }

    #[test]
    fn does_not_fire_on_the_same_act_for_another_addressee() {
        let notify = |second: &str| {
            B::new()
                .start("s")
                .task("n1", "b", "Notifier la décision")
                .checks("n1", &["decision"])
                .task("n2", "b", second)
                .checks("n2", &["decision"])
                .end("e")
                .chain(&["s", "n1", "n2", "e"])
                .build()
        };
        check(&notify("Notifier la décision à la CAF"), "duplicate-step", &[]);
        check(&notify("Notifier la décision au demandeur"), "duplicate-step", &[]);
        // The same act to the same addressee, worded otherwise, is still twice the same step.
        let twice = B::new()
            .start("s")
            .task("n1", "b", "Notifier la décision à la CAF")
            .task("n2", "c", "Classer le dossier")
            .task("n3", "c", "Notifier à la CAF la décision")
            .end("e")
            .chain(&["s", "n1", "n2", "n3", "e"])
            .build();
        check(&twice, "duplicate-step", &["n1 n3"]);
    }

    #[test]
    fn two_checks_of_the_same_pieces_are_told_once_as_a_redundant_check() {
        let checks = |second: &[&str]| {
            B::new()
                .start("s")
                .check("v1", "a", "Vérifier la demande")
                .checks("v1", &["plans", "domicile"])
                .check("v2", "b", "Contrôler la demande")
                .checks("v2", second)
                .end("e")
                .chain(&["s", "v1", "v2", "e"])
                .build()
        };
        // The redundant check names the pieces: the same pair is not a duplicate step as well.
        let p = checks(&["plans"]);
        check(&p, "duplicate-step", &[]);
        check(&p, "redundant-check", &["v1 v2 plans"]);
        // Near miss: the second also checks something new, so it is no redundant check, and the
        // labels still say the step is done twice.
        let p = checks(&["plans", "rib"]);
        check(&p, "redundant-check", &[]);
        check(&p, "duplicate-step", &["v1 v2"]);
    }

    #[test]
    fn does_not_fire_on_approvals_in_different_lanes() {
        let p = B::new()
            .start("s")
            .approval("v1", "b", "Viser le projet")
            .approval("v2", "c", "Viser le projet")
            .end("e")
            .chain(&["s", "v1", "v2", "e"])
            .build();
        check(&p, "duplicate-step", &[]);
    }
}
