//! `redundant-check` — Contrôle redondant.
//!
//! Fires on a step that checks only data items already checked earlier on a way a case takes,
//! and produces nothing of its own (no opinion, no document). Not fired: two experts giving two
//! opinions on the same plans (each produces its own avis); checks on parallel or exclusive
//! branches (neither comes after the other); a check that also looks at something new; a check
//! after a fresh copy of the item came in (requested again or issued in between); an approval
//! (an authority's visa is not a verification to merge); a re-check inside a rework loop the
//! first check is not part of; a re-check inside a loop that every way round from a check of the
//! item brings a fresh copy of first (the jury's deliberation, then the validation file written
//! again on its prescriptions and checked before it goes back: the check reads the new file); a check of what a piece says after a check that it is there (the
//! counter checks the file is complete, the service checks the address is in the sector): the
//! first looked at the presence of the pieces, not at their content; "recevabilité" (the
//! admissibility of the file: the required pieces are there) is such a check too. Only steps that
//! verify count, on either side: a check, an approval (for the earlier one), or a task whose label
//! says it verifies ("vérifier", "contrôler", "examiner", "instruire"…). A task that notifies,
//! passes on, pays or keys in a document lists it as checked because it uses it: "Notifier la
//! décision" then "Transmettre la décision à la CAF" or "au contrôle de légalité" are not two
//! checks of the decision. A later check with a legal basis is mandated where it stands and is
//! never flagged; nor is one whose label says it makes something of its own though the drawing
//! lists nothing it produces (an opinion given, an order prepared, a deliberation, a visit on the
//! spot: `own.rs`); nor the identity of the person met at the counter after the copy of their
//! identity document was checked on the file (`in_person.rs`).

use super::duplicate_step::StepsWithLanes;
use super::{Context, finding, text};
use crate::analysis::labels;
use crate::analysis::words::{Quoted, QuotedList, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{Step, StepKind};

pub const ID: &str = "redundant-check";

mod in_person;
mod own;

/// Words of a label saying the check is about the presence of the pieces (normalised by
/// [`labels::words`]): "vérifier la complétude", "contrôler que le dossier est complet",
/// "la présence des pièces", "les pièces manquantes".
const COMPLETENESS: &[&str] = &[
    "complétude",
    "complet",
    "complète",
    "incomplet",
    "présence",
    "manquant",
    "manquante",
    "recevabilité",
    "recevable",
    "irrecevable",
    "irrecevabilité",
];

/// Verbs (and nouns of the act) of a task's label saying it verifies what it lists as checked (normalised by
/// [`labels::words`], which maps "contrôler" and "vérification" onto "vérifier").
const VERIFYING: &[&str] = &[
    "vérifier",
    "examiner",
    "examen",
    "instruire",
    "instruction",
    "analyser",
    "analyse",
    "étudier",
    "expertiser",
    "évaluer",
    "évaluation",
];

/// Whether a task's label says it verifies: its first word, the verb (or the noun of the act) is
/// one of [`VERIFYING`]. Only the first: "Transmettre l'arrêté au contrôle de légalité" passes
/// the act on, it does not check it.
pub(super) fn says_verify(ctx: &Context, label: &str) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| VERIFYING.iter().flat_map(|w| labels::words(w)).collect());
    ctx.label_words(label).first().is_some_and(|w| stems.contains(w))
}

/// Whether a step verifies the data it lists as checked: a check or an approval does; a task
/// does when its label says so, otherwise it only uses them (it notifies, sends, pays, keys in).
fn verifies(ctx: &Context, s: &crate::model::Step) -> bool {
    match s.kind {
        StepKind::Check | StepKind::Approval => true,
        StepKind::Task => says_verify(ctx, s.label()),
        _ => false,
    }
}

/// Whether a check only looks at whether the pieces are there.
fn about_completeness(ctx: &Context, label: &str) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| COMPLETENESS.iter().flat_map(|w| labels::words(w)).collect());
    ctx.label_words(label).iter().any(|w| stems.contains(w))
}

/// For each data item, the reachable work steps that verify it.
pub(super) fn checked(ctx: &Context) -> Vec<Vec<usize>> {
    // Whether a task verifies is read from its label's words: asked only of the steps that list
    // something checked, the others naming no item anyway.
    let verifying = |n: usize| {
        let s = ctx.step(n);
        !s.checks.is_empty() && verifies(ctx, s)
    };
    super::steps_naming(ctx, ctx.reachable_work().filter(|&n| verifying(n)), |n| ctx.step(n).checks.iter())
}

/// The data items a step brings a fresh copy of (requested again, or issued).
pub(super) fn fresh(s: &Step) -> impl Iterator<Item = &String> {
    s.requests.iter().chain(&s.produces)
}

/// Whether, inside the loop of `later`, a step verifying `item` (one of `checkers`) reaches
/// `later` on a way round that brings no fresh copy of the item in between. The pairs inside a
/// loop are found without the fresh copies that stop the searches elsewhere (any two checks of
/// one loop are paired); this reads them. A backward search from `later` kept inside its loop
/// (strongly connected component), which does not go past a step bringing a fresh copy:
/// O(steps and flows of the loop), asked only for a check paired with another of its own loop.
fn checked_again_in_loop(ctx: &Context, later: usize, item: &str, checkers: &[usize]) -> bool {
    let comp = ctx.comps.of[later];
    let mut seen: std::collections::HashSet<usize> = std::collections::HashSet::from([later]);
    let mut queue: Vec<usize> = vec![later];
    while let Some(n) = queue.pop() {
        for a in ctx.g.inc[n].iter().filter(|a| a.share > 0.0 && ctx.comps.of[a.node] == comp) {
            let m = a.node;
            if !seen.insert(m) {
                continue;
            }
            // A check of the item met going back: the later one reads what it read.
            if checkers.contains(&m) {
                return true;
            }
            // A fresh copy comes in here: nothing before it on this way is checked again.
            if fresh(ctx.step(m)).any(|d| d == item) {
                continue;
            }
            queue.push(m);
        }
    }
    false
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    // Later step → (item, earlier step) pairs.
    let mut again: Vec<(usize, Vec<(String, usize)>)> = Vec::new();
    let mut slot: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    // A fresh copy (requested again, or issued in between) is a new thing to check (`fresh`).
    let found = ctx.data_pairs(super::DataQuestion::Checked);
    let checkers = checked(ctx);
    for ((d, pairs), checkers) in ctx.p.data.iter().zip(found).zip(&checkers) {
        for (later, earlier) in pairs {
            if ctx.in_loop(later) && !ctx.same_loop(later, earlier) {
                continue;
            }
            // Inside one loop: every way round from a check brings a fresh copy first.
            if ctx.same_loop(later, earlier) && !checked_again_in_loop(ctx, later, &d.id, checkers) {
                continue;
            }
            // The identity of the one met at the counter is not the copy checked again.
            if in_person::identity_of_the_one_met(ctx, later, earlier, d) {
                continue;
            }
            // Checking that a piece is there does not check what it says.
            if about_completeness(ctx, ctx.step(earlier).label()) && !about_completeness(ctx, ctx.step(later).label()) {
                continue;
            }
            match slot.get(&later) {
                Some(&i) => again[i].1.push((d.id.clone(), earlier)),
                None => {
                    slot.insert(later, again.len());
                    again.push((later, vec![(d.id.clone(), earlier)]));
                }
            }
        }
    }
    again.sort_by_key(|(n, _)| ctx.g.pos[*n]);
    let mut out = Vec::new();
    for (later, items) in again {
        let s = ctx.step(later);
        // A check the law requires at that point (the buyer's check of the winner's certificates,
        // the accountant's control) stays whatever came before: merging it away is not the
        // agent's to decide, and `merge-steps` would refuse to drop it.
        if s.kind == StepKind::Approval
            || !s.produces.is_empty()
            || s.legal_basis.is_some()
            || own::makes_its_own(ctx, s.label())
        {
            continue;
        }
        if !s.checks.iter().all(|c| items.iter().any(|(d, _)| d == c)) {
            continue;
        }
        let mut earlier: Vec<usize> = items.iter().map(|&(_, e)| e).collect();
        earlier.sort_by_key(|&n| ctx.g.pos[n]);
        earlier.dedup();
        let names: Vec<String> = s.checks.iter().map(|d| ctx.data_name(d)).collect();
        let mut subjects: Vec<String> = earlier.iter().map(|&n| ctx.id(n)).collect();
        subjects.push(ctx.id(later));
        subjects.extend(s.checks.iter().cloned());
        let plural = names.len() > 1;
        let lead = if ctx.on_lead(later) { ctx.visits[later] * (s.duration() + s.wait()) } else { 0.0 };
        out.push(finding(
            ID,
            Severity::Warning,
            subjects,
            text(
                sentence!["Contrôle redondant : ", Quoted(Lang::Fr, ctx.label_str(later))],
                sentence!["Redundant check: ", Quoted(Lang::En, ctx.label_str(later))],
            ),
            text(
                sentence! {
                    if plural { "Les éléments " } else { "L'élément " }, QuotedList(Lang::Fr, &names),
                    if plural { " sont déjà vérifiés" } else { " est déjà vérifié" }, " à l'étape ",
                    StepsWithLanes(ctx, Lang::Fr, &earlier), ". L'étape ", Quoted(Lang::Fr, ctx.label_str(later)),
                    " (", ctx.lane_str(later), ") ", if plural { "les contrôle" } else { "le contrôle" },
                    " à nouveau sans rien produire de plus (ni avis, ni document) : les deux contrôles peuvent être \
                     fusionnés.",
                },
                sentence! {
                    QuotedList(Lang::En, &names), if plural { " are" } else { " is" }, " already checked at ",
                    StepsWithLanes(ctx, Lang::En, &earlier), ". Step ", Quoted(Lang::En, ctx.label_str(later)),
                    " (", ctx.lane_str(later), ") checks ", if plural { "them" } else { "it" },
                    " again and produces nothing more (no opinion, no document): the two checks can be merged.",
                },
            ),
            Gain { touch_min: ctx.visits[later] * s.duration(), lead_min: lead, ..Gain::default() },
            Some("merge-steps"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    #[test]
    fn fires_on_a_second_check_that_produces_nothing() {
        let p = B::new()
            .start("s")
            .check("c1", "b", "Vérifier l'éligibilité")
            .checks("c1", &["avis", "ressources"])
            .task("r", "b", "Rédiger le rapport")
            .produces("r", &["rapport"])
            .check("c2", "c", "Contrôler l'éligibilité")
            .checks("c2", &["avis", "ressources"])
            .end("e")
            .chain(&["s", "c1", "r", "c2", "e"])
            .build();
        check(&p, "redundant-check", &["c1 c2 avis ressources"]);
    }

    fn two_checks(first: &str, second: &str) -> crate::model::Procedure {
        B::new()
            .start("s")
            .check("c1", "a", first)
            .checks("c1", &["domicile"])
            .check("c2", "b", second)
            .checks("c2", &["domicile"])
            .end("e")
            .chain(&["s", "c1", "c2", "e"])
            .build()
    }

    #[test]
    fn a_check_of_what_a_piece_says_is_not_the_check_that_it_is_there() {
        // The counter checks the file is complete; the service checks the address is in the
        // sector: two different questions about the same piece.
        let content = "Vérifier que le domicile est dans le secteur de la crèche";
        check(&two_checks("Vérifier la complétude du dossier", content), "redundant-check", &[]);
        check(&two_checks("Contrôler la présence des pièces", content), "redundant-check", &[]);
        // Twice whether it is there, or twice what it says: redundant.
        check(
            &two_checks("Vérifier la complétude du dossier", "Contrôler que le dossier est complet"),
            "redundant-check",
            &["c1 c2 domicile"],
        );
        check(&two_checks(content, "Contrôler le justificatif de domicile"), "redundant-check", &["c1 c2 domicile"]);
        // What it says was checked first: that it is there goes without saying.
        check(&two_checks(content, "Vérifier la complétude du dossier"), "redundant-check", &["c1 c2 domicile"]);
    }

    #[test]
    fn a_mandated_later_check_is_not_redundant() {
        let same = "Contrôler le justificatif de domicile";
        check(&two_checks(same, same), "redundant-check", &["c1 c2 domicile"]);
        let p = B { p: two_checks(same, same) }.legal("c2").build();
        check(&p, "redundant-check", &[]);
    }

    #[test]
    fn a_check_of_the_conditions_is_not_the_check_that_the_file_is_admissible() {
        // "Recevabilité": the required pieces are there; the conditions are another question.
        let conditions = "Vérifier les conditions d'ouverture des droits (âge, résidence)";
        check(&two_checks("Vérifier la recevabilité du dossier", conditions), "redundant-check", &[]);
        check(&two_checks("Contrôler que le dossier est recevable", conditions), "redundant-check", &[]);
        // Admissible twice is still twice the same check.
        check(
            &two_checks("Vérifier la recevabilité du dossier", "Contrôler la recevabilité de la demande"),
            "redundant-check",
            &["c1 c2 domicile"],
        );
    }

    fn used_after_a_check(second: &str, kind: &str) -> crate::model::Procedure {
        let b = B::new().start("s").check("c1", "b", "Vérifier la décision").checks("c1", &["decision"]);
        let b = match kind {
            "check" => b.check("c2", "b", second),
            _ => b.task("c2", "b", second),
        };
        b.checks("c2", &["decision"]).end("e").chain(&["s", "c1", "c2", "e"]).build()
    }

    #[test]
    fn a_task_that_uses_a_document_does_not_check_it_again() {
        // Notifying, passing on or paying uses the decision: it is not a second check of it.
        for label in
            ["Notifier la décision à la CAF", "Transmettre la décision au contrôle de légalité", "Payer l'aide"]
        {
            check(&used_after_a_check(label, "task"), "redundant-check", &[]);
        }
        // A task whose label says it verifies, or a check, does.
        check(&used_after_a_check("Contrôler la décision", "task"), "redundant-check", &["c1 c2 decision"]);
        check(&used_after_a_check("Instruire la décision", "task"), "redundant-check", &["c1 c2 decision"]);
        check(&used_after_a_check("Relire la décision", "check"), "redundant-check", &["c1 c2 decision"]);
        // Nor is a notification before a check an earlier check.
        let notified_first = B::new()
            .start("s")
            .task("n", "b", "Notifier la décision")
            .checks("n", &["decision"])
            .check("c", "d", "Contrôler la légalité de la décision")
            .checks("c", &["decision"])
            .end("e")
            .chain(&["s", "n", "c", "e"])
            .build();
        check(&notified_first, "redundant-check", &[]);
    }

    #[test]
    fn does_not_fire_on_two_experts_giving_two_opinions() {
        let p = B::new()
            .start("s")
            .check("x", "c", "Examiner les plans (architecte)")
            .checks("x", &["plans"])
            .produces("x", &["avis-x"])
            .check("y", "d", "Examiner les plans (pompiers)")
            .checks("y", &["plans"])
            .produces("y", &["avis-y"])
            .end("e")
            .chain(&["s", "x", "y", "e"])
            .build();
        check(&p, "redundant-check", &[]);
    }

    #[test]
    fn does_not_fire_on_parallel_branches() {
        let p = B::new()
            .start("s")
            .par("f")
            .check("x", "c", "Examiner les plans")
            .checks("x", &["plans"])
            .check("y", "d", "Examiner les plans")
            .checks("y", &["plans"])
            .par("j")
            .end("e")
            .chain(&["s", "f", "x", "j", "e"])
            .chain(&["f", "y", "j"])
            .build();
        check(&p, "redundant-check", &[]);
    }

    #[test]
    fn does_not_fire_when_the_later_check_looks_at_something_new_or_a_fresh_copy() {
        let new_item = B::new()
            .start("s")
            .check("c1", "a", "Vérifier les pièces")
            .checks("c1", &["domicile"])
            .check("c2", "b", "Vérifier la complétude")
            .checks("c2", &["domicile", "rib"])
            .end("e")
            .chain(&["s", "c1", "c2", "e"])
            .build();
        check(&new_item, "redundant-check", &[]);
        let fresh = B::new()
            .start("s")
            .check("c1", "a", "Vérifier les pièces")
            .checks("c1", &["domicile"])
            .task("renvoi", "u", "Renvoyer le justificatif")
            .requests("renvoi", &["domicile"])
            .check("c2", "b", "Vérifier le justificatif")
            .checks("c2", &["domicile"])
            .end("e")
            .chain(&["s", "c1", "renvoi", "c2", "e"])
            .build();
        check(&fresh, "redundant-check", &[]);
    }

    /// A loop where a case is checked, judged, and sent back with what it must do: the file checked
    /// again before it goes back reads the new file (`jury`), and a second check of the same file
    /// on one turn, with nothing new in between, stays a redundant check (`twice`).
    fn loop_back(fresh_on_return: bool, second_check: bool) -> crate::model::Procedure {
        let mut b = B::new()
            .start("s")
            .task("redaction", "u", "Rédiger le dossier de validation")
            .produces("redaction", &["dossier"])
            .check("depot", "a", "Vérifier que le dossier est prêt et le transmettre")
            .checks("depot", &["dossier"]);
        let mut chain = vec!["s", "redaction", "depot"];
        if second_check {
            b = b.check("relire", "a2", "Relire le dossier").checks("relire", &["dossier"]);
            chain.push("relire");
        }
        chain.extend(["jury", "d"]);
        b = b
            .approval("jury", "j", "Délibérer")
            .checks("jury", &["dossier"])
            .produces("jury", &["pv"])
            .decision("d")
            .task("complement", "u", "Compléter le dossier selon les prescriptions")
            .end("e")
            .chain(&chain)
            .prob("d", "e", 0.7)
            .prob("d", "complement", 0.3)
            .flow("complement", "depot", 0.0, None);
        if fresh_on_return {
            b = b.produces("complement", &["dossier"]);
        }
        b.build()
    }

    #[test]
    fn a_check_in_a_loop_after_a_fresh_copy_on_every_way_round_is_not_redundant() {
        check(&loop_back(true, false), "redundant-check", &[]);
    }

    #[test]
    fn a_second_check_on_one_turn_of_a_loop_stays_redundant() {
        check(&loop_back(true, true), "redundant-check", &["depot relire dossier"]);
        // Nothing new on the return: the check after the jury reads what the jury read.
        check(&loop_back(false, false), "redundant-check", &["jury depot dossier"]);
    }

    #[test]
    fn does_not_fire_on_an_approval() {
        let p = B::new()
            .start("s")
            .check("c1", "b", "Vérifier le projet")
            .checks("c1", &["projet"])
            .approval("v", "c", "Signer l'arrêté")
            .checks("v", &["projet"])
            .end("e")
            .chain(&["s", "c1", "v", "e"])
            .build();
        check(&p, "redundant-check", &[]);
    }
}
