//! `waiting` — Attente prépondérante.
//!
//! Fires on a wait before a step, or a transfer delay along a flow, that is at least
//! `waiting_min_share` of the lead time and at least `waiting_min_min` long (per case, expected).
//! Not fired on waits on a shorter branch of a parallel block (they do not lengthen the lead time),
//! nor on short waits in very short procedures; nor on waits after the user has the outcome and
//! nothing more to do (the decision is notified to them on every way there and no step of theirs
//! follows): the file stays open in the back office — the fee's invoice, the archiving — but nobody
//! waits for it. A receipt handed over ("Remettre à la victime le récépissé de plainte") is not the
//! outcome: the user still waits for what the file becomes; nor is a decision notified while an act
//! to come (an approval, a check that makes its own document) may still end the case otherwise
//! (the admission to psychiatric care notified to the patient, before the judge who may release
//! them); but the receipt of a declaration
//! ("Délivrer le récépissé de déclaration" of a drinks licence) is, under a declaration regime,
//! the title the declarant acts under, unless a publication follows (an association is a legal
//! person once its declaration is published in the JOAFE). Nor is the file itself made available to the user or
//! handed back ("Mettre le dossier à disposition de la victime", the consultation before a
//! decision): they read or complete it, nothing is decided; nor is informing another lane than
//! the user's ("Informer l'employeur et le médecin du travail": "informer" takes the one told as
//! its object). Nor on the wait before the step where
//! each pass of a loop that repeats the service period after period starts (the month worked before
//! the employer claims its indemnity, see `period_loop::recurring`): that is the period itself, not
//! a queue; the other waits of such a loop are weighed as any. Nor on the wait before a step the
//! user carries out inside their own organisation (the `internal` channel in the user's lane: the
//! commune's works before it mandates the invoices, its council's next sitting): that is the user's
//! own time, which the administration neither causes nor can shorten; it stays in the lead time.
//! Nor on the wait before a step whose label says it is done when a period ends ("Recenser les
//! candidatures concurrentes à l'expiration du délai de publicité") or a set time after something
//! ("au moins un mois après le dépôt"), or of an answer every way out
//! of which goes straight to a gateway that says so ("Avis reçus ou délai d'un mois écoulé"): the
//! wait is that period, set by a text or by the administration's notice, not a queue; it stays in
//! the lead time too.
//! Nor, for the same reason, on the wait before a step of the user once they have the outcome on
//! every way there, done where they are (the fee paid online within its term, the permit put up
//! on the site, the works under the grant): not at a counter or collecting something, where the
//! wait is the queue for the appointment; nor on the delay drawn on the flow into such a step (the
//! year of disponibilité granted before the agent asks to be reinstated). A parallel join has the
//! outcome once one of its branches gives it: it waits for all of them.
//! A wait before a step, or a delay along a flow, that some files skip (fewer than 95 % go through
//! it) is told as those files live it, beside the average over all files; inside a loop, the files that get to
//! the step are fewer than its visits (a file sent back twice passes there twice): they are told
//! with their passes and the wait in all. A wait before the outcome is weighed against the lead
//! time less the time after the outcome that the rule itself declines as nobody's queue (the
//! month billed after a school-meals enrolment, the year of activity before an approved
//! company's first yearly statement), told beside the whole; a wait before a step of the user's
//! or after the outcome, against the whole lead time. Explained, nothing proposed.

use super::{Context, finding, text};
use crate::analysis::labels;
use crate::analysis::words::{duration, number, percent, quantity, quote};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::StepKind;
use lived::{lived_lead, share_of};
use period_end::at_end_of_period;

mod lived;
mod period_end;
mod user;

pub(super) use user::user_words;
use user::{informs_another_lane, user_roots};

pub const ID: &str = "waiting";

/// Verbs of a step that gives the user the outcome, addressed to the applicant unless the label
/// names someone else after "à" ("Notifier la décision", "Informer l'agent du refus", "Remettre
/// la carte"; [`labels::words`] maps "informer" onto "notifier").
const DELIVERING: &[&str] = &["notifier", "remettre", "délivrer"];
/// Verbs that give the user the outcome only when the user is named after "à": "Envoyer l'arrêté
/// à l'entreprise" ([`labels::words`] maps "envoyer" and "adresser" onto "transmettre");
/// "Transmettre la demande au responsable" passes it on.
const DELIVERING_TO_NAMED: &[&str] = &["transmettre"];
/// Verbs that make the document a delivering verb then sends, in one step: "Éditer et envoyer
/// le nouvel avis au conducteur".
const MAKING: &[&str] = &["éditer", "établir", "rédiger", "imprimer"];
/// Words of a label that gives the user the outcome online when the user is named after "à":
/// "Mettre la décision à disposition du candidat" (the platform's way to notify); "Mettre le
/// dossier à disposition du service" passes it on.
const MAKING_AVAILABLE: [&str; 2] = ["mettre", "disposition"];

/// Words naming an acknowledgement of what the user handed in: handing it over tells them the
/// file was received, not what was decided ("Remettre à la victime le récépissé de plainte",
/// "Délivrer l'accusé de réception du dépôt"). [`labels::words`] reduces "accusé de réception" to
/// these two words.
const RECEIPT: &[&str] = &["récépissé", "accusé"];
/// The word that, right after a receipt, makes it the title of a declaration regime.
const DECLARED: &[&str] = &["déclaration"];
/// First words of a step that publishes a declaration: a declaration that takes effect once
/// published (an association is a legal person only once its declaration is inserted in the
/// JOAFE, loi du 1er juillet 1901, art. 5 and 6) is not the declarant's title at its receipt.
const PUBLISHING: &[&str] = &["publier", "insérer"];

/// Whether step `n`'s label names the receipt of a declaration ("Délivrer le récépissé de
/// déclaration"), the word right after the receipt naming the declaration.
fn receipt_of_declaration(ctx: &Context, n: usize) -> bool {
    static RECEIPTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static DECLARATION: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let (receipts, declaration) =
        (RECEIPTS.get_or_init(|| stems(RECEIPT)), DECLARATION.get_or_init(|| stems(DECLARED)));
    let words = ctx.label_words(ctx.step(n).label());
    words.windows(2).any(|w| receipts.contains(&w[0]) && declaration.contains(&w[1]))
}

/// Words naming the file itself: handing it over or making it available to the user ("Mettre le
/// dossier à disposition de la victime et de l'employeur", the consultation the CPAM owes the
/// parties before it decides on an occupational disease; "Remettre le dossier incomplet au
/// demandeur") lets them read or complete it, it tells them nothing decided.
const FILE: &[&str] = &["dossier"];

pub(super) fn stems(words: &[&str]) -> Vec<String> {
    words.iter().flat_map(|w| labels::words(w)).collect()
}

/// Whether step `n` gives the user the outcome: a work step outside the user's lane whose label's
/// first word delivers ([`DELIVERING`]) to the applicant or to a user named after "à", or sends
/// ([`DELIVERING_TO_NAMED`]) or makes available ([`MAKING_AVAILABLE`]) to a user named after "à"
/// (by one of `user_words` or a word grown from one of `roots`, see [`user_roots`]).
fn delivers(ctx: &Context, n: usize, user_words: &[String], roots: &[String]) -> bool {
    static TO_APPLICANT: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static TO_NAMED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let s = ctx.step(n);
    if !s.kind.is_work() || ctx.in_user_lane(n) {
        return false;
    }
    static AVAILABLE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let words = ctx.label_words(s.label());
    // The verb is the first word, or the second after one that makes the document ("Éditer et
    // envoyer le nouvel avis au conducteur", "Rédiger et notifier la décision").
    static MAKES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let makes = MAKES.get_or_init(|| stems(MAKING));
    let at = usize::from(words.len() > 1 && words.first().is_some_and(|w| makes.contains(w)));
    let Some(verb) = words.get(at) else { return false };
    let to_applicant = TO_APPLICANT.get_or_init(|| stems(DELIVERING)).contains(verb);
    let available = AVAILABLE.get_or_init(|| stems(&MAKING_AVAILABLE));
    let makes_available = available.first() == Some(verb) && available.iter().skip(1).all(|w| words.contains(w));
    if !to_applicant && !makes_available && !TO_NAMED.get_or_init(|| stems(DELIVERING_TO_NAMED)).contains(verb) {
        return false;
    }
    // What is handed over is the first thing the label names after the verb and its addressee:
    // a receipt first is the acknowledgement of the filing ("Remettre la convention visée et le
    // récépissé" hands over the outcome first).
    // Under a declaration regime the receipt of the declaration is the outcome itself: the
    // declarant acts under it ("Délivrer le récépissé de déclaration" of a drinks licence): the
    // word right after the receipt names the declaration, not its filing ("le récépissé de dépôt
    // de la déclaration" only acknowledges it). (An association still waits for its publication
    // in the JOAFE, which makes it a legal person: see `after_outcome`.)
    static RECEIPTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static DECLARATION: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let to_words = labels::addressees(s.label());
    // (The word after the receipt is read as it stands: "déclaration" and "déclarant" share a stem.)
    let object = words.iter().enumerate().skip(at + 1).find(|(_, w)| !user_words.contains(w) && !to_words.contains(w));
    static FILES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    if object.is_some_and(|(_, w)| FILES.get_or_init(|| stems(FILE)).contains(w)) {
        return false;
    }
    if let Some((i, w)) = object
        && RECEIPTS.get_or_init(|| stems(RECEIPT)).contains(w)
        && !words.get(i + 1).is_some_and(|w| DECLARATION.get_or_init(|| stems(DECLARED)).contains(w))
    {
        return false;
    }
    if makes_available && !to_applicant {
        // Whom it is made available to follows "disposition" ("… à disposition de l'entreprise").
        let label = s.label().to_lowercase();
        let after = label.find("disposition").map_or("", |i| &label[i + "disposition".len()..]);
        return labels::words(after).iter().any(|w| user_words.contains(w));
    }
    let to = to_words;
    if to_applicant && to.is_empty() && informs_another_lane(ctx, s.label(), &words, user_words) {
        return false;
    }
    (to_applicant && to.is_empty())
        || to.iter().any(|w| user_words.contains(w) || roots.iter().any(|r| w.starts_with(r.as_str())))
}

/// Per step, what the user has when the file gets there: the outcome, given on every way from
/// the start by a step that [`delivers`] it (`given`), and whether they also have nothing more to
/// do, no step of the user's lane can follow (`served`). A loop has the outcome only when every
/// way into it already gave it and the case can end only one way from it (the works put right
/// after the permit's conformity check), never when it is given inside the loop (a return to the
/// user may come).
struct Outcome {
    given: Vec<bool>,
    served: Vec<bool>,
}

/// Whether step `n` is the user's own term once they have the outcome: a work step of the user's
/// lane that the outcome precedes on every way, done where they are (paying the fee online,
/// putting up the permit on the site, connecting the house's private part), not at a counter or
/// collecting something, where the wait is the administration's queue for the appointment.
fn own_term_after_outcome(ctx: &Context, outcome: &Outcome, n: usize) -> bool {
    let s = ctx.step(n);
    outcome.given[n]
        && s.kind.is_work()
        && ctx.in_user_lane(n)
        && s.channel != Some(crate::model::Channel::Counter)
        && !super::collects(ctx, n)
}

/// Per step, whether the case's end is still to be decided when the file gets there: the step
/// itself or some way on is an act (an approval, or a check that makes a document of its own: a
/// judge's order, a certificate) from which the case can still end in more than one way. What was
/// notified before is then a decision along the way, not the outcome: the admission to
/// psychiatric care notified to the patient, whom the certificates of the observation period and
/// then the juge des libertés et de la détention may still release, leaves the patient waiting
/// for the judge. A notice followed only by the decision node that sorts the ends ("Notifier la
/// décision", then "Accordé ?") still gives the outcome: no act lies between; and so does a
/// notice after which the way taken holds no such act (the overpayment recovered on the benefits
/// to come, while another way leads to the commission that may remit it). Complexity: one pass
/// backward over the loops' condensation, O(V + E). Also returns, per step, the outcomes the case
/// can still end in from it (one bit each).
fn still_open(ctx: &Context) -> (Vec<bool>, Vec<u8>) {
    let bound = ctx.g.bound;
    // Which outcomes each step can still end in: one bit per outcome (and one for an end drawn
    // without one).
    let bit = |n: usize| -> u8 {
        let s = ctx.step(n);
        if s.kind != StepKind::End {
            return 0;
        }
        match s.outcome {
            Some(crate::model::Outcome::Granted) => 1,
            Some(crate::model::Outcome::Refused) => 2,
            Some(crate::model::Outcome::Abandoned) => 4,
            None => 8,
        }
    };
    let act = |n: usize| {
        let s = ctx.step(n);
        s.kind == StepKind::Approval || (s.kind == StepKind::Check && !s.produces.is_empty())
    };
    let mut ends = vec![0_u8; bound];
    let mut open = vec![false; bound];
    for (c, members) in ctx.comps.members.iter().enumerate().rev() {
        let mut mask = 0_u8;
        for &n in members {
            mask |= bit(n);
            for a in &ctx.g.out[n] {
                mask |= ends[a.node];
            }
        }
        // A loop's steps share its ends and its acts.
        let here = members.iter().any(|&n| act(n)) && mask.count_ones() > 1;
        let on = members.iter().any(|&n| ctx.g.out[n].iter().any(|a| ctx.comps.of[a.node] != c && open[a.node]));
        for &n in members {
            ends[n] = mask;
            open[n] = here || on;
        }
    }
    (open, ends)
}

/// Per step, whether a step that `gives` the user an outcome can still follow it (or, in a loop,
/// is part of it). Complexity: one pass backward over the loops' condensation, O(V + E).
fn delivered_later(ctx: &Context, gives: &dyn Fn(usize) -> bool) -> Vec<bool> {
    let mut later = vec![false; ctx.g.bound];
    for (c, members) in ctx.comps.members.iter().enumerate().rev() {
        let inside = ctx.comps.cyclic[c] && members.iter().any(|&n| gives(n));
        let any = inside
            || members
                .iter()
                .any(|&n| ctx.g.out[n].iter().any(|a| ctx.comps.of[a.node] != c && (later[a.node] || gives(a.node))));
        for &n in members {
            later[n] = any;
        }
    }
    later
}

/// [`Outcome`] of every step.
/// Complexity: one pass forward and one backward over the loops' condensation, O(V + E).
fn after_outcome(ctx: &Context) -> Outcome {
    let bound = ctx.g.bound;
    let user_words = user_words(ctx);
    let roots = user_roots(ctx, &user_words);
    // Backward: a publication still follows (the receipt of an association's declaration, then
    // its insertion in the JOAFE, which makes it a legal person).
    let publishing = stems(PUBLISHING);
    let mut published_next = vec![false; bound];
    for members in ctx.comps.members.iter().rev() {
        let any = members.iter().any(|&n| {
            ctx.g.out[n].iter().any(|a| {
                let s = ctx.step(a.node);
                published_next[a.node]
                    || (s.kind.is_work() && ctx.label_words(s.label()).first().is_some_and(|w| publishing.contains(w)))
            })
        });
        for &n in members {
            published_next[n] = any;
        }
    }
    // Read once per step, however many steps follow it.
    let read: Vec<std::cell::Cell<Option<bool>>> = vec![std::cell::Cell::new(None); bound];
    let gives = |n: usize| match read[n].get() {
        Some(g) => g,
        None => {
            let g = delivers(ctx, n, &user_words, &roots) && !(published_next[n] && receipt_of_declaration(ctx, n));
            read[n].set(Some(g));
            g
        }
    };
    // Forward: the outcome is given on every way in; a parallel join waits for all its branches,
    // so it is given there once one of them gives it (the order notified to the agent on one
    // branch while the payroll stops on the other).
    // A loop has it when every way into it from outside does, the case can end only one way from
    // it and nothing more is delivered to the user in it or after it: the works put right after
    // the permit's conformity check, the grant paid term after term. A loop from which the case
    // may still end otherwise is still deciding (the certificate asked for again, which may be
    // refused after an alert told at the start); one followed by another delivery leaves the user
    // waiting for it (the pension's title after the order that strikes the agent off the staff);
    // and a loop the outcome is given inside never has it (a return to the user may come).
    let (open, ends) = still_open(ctx);
    // Read only once a loop is entered with the outcome given.
    let later = std::cell::OnceCell::new();
    let mut given = vec![false; bound];
    for (c, members) in ctx.comps.members.iter().enumerate() {
        let has = |m: usize| given[m] || gives(m);
        if ctx.comps.cyclic[c] {
            if ends[members[0]].count_ones() > 1 {
                continue;
            }
            let mut ins = members
                .iter()
                .flat_map(|&n| ctx.g.inc[n].iter())
                .filter(|a| a.share > 0.0 && ctx.reachable[a.node] && ctx.comps.of[a.node] != c)
                .map(|a| a.node)
                .peekable();
            let all =
                ins.peek().is_some() && ins.all(has) && !later.get_or_init(|| delivered_later(ctx, &gives))[members[0]];
            for &n in members {
                given[n] = all;
            }
            continue;
        }
        let n = members[0];
        let mut ins = ctx.g.inc[n].iter().filter(|a| a.share > 0.0 && ctx.reachable[a.node]).map(|a| a.node).peekable();
        given[n] = ins.peek().is_some() && if ctx.g.is_join(n) { ins.any(has) } else { ins.all(has) };
    }
    // Backward: a step of the user can still follow.
    let mut user_next = vec![false; bound];
    for (c, members) in ctx.comps.members.iter().enumerate().rev() {
        let any = members.iter().any(|&n| {
            ctx.g.out[n]
                .iter()
                .any(|a| (ctx.step(a.node).kind.is_work() && ctx.in_user_lane(a.node)) || user_next[a.node])
        }) || (ctx.comps.cyclic[c] && members.iter().any(|&n| ctx.in_user_lane(n)));
        for &n in members {
            user_next[n] = any;
        }
    }
    let served = (0..bound).map(|n| given[n] && !user_next[n] && !ctx.in_user_lane(n) && !open[n]).collect();
    Outcome { given, served }
}

/// Share of the files under which a step is not passed by every file: the wait of those that go
/// through it is told beside the average over all files, which would understate it (a conseil
/// médical consulted on one file in five makes those files wait two months, not the 8 days of the
/// average; the young people admitted to a foyer wait three weeks for their room, not the 12
/// working days averaged over the 20 % refused too). Above it, the few files that skip the step
/// barely move the average.
const SOME_FILES_SHARE: f64 = 0.95;

/// Largest loop in which the files going through a step are counted exactly (see
/// [`files_through`]); in a larger one, the step's visits stand for them.
const LOOP_MAX: usize = 64;

/// Share of the files that go through step `n` at least once. Its visits count every pass: inside
/// a loop (the missing pieces asked for again and again), they are the files that get there times
/// the passes each makes, 1 / (1 − the chance of coming back to `n`). That chance is the chance of
/// reaching `n` again from the steps after it without leaving the loop, solved by Gauss–Seidel
/// over the loop's steps. Complexity: O(iterations × the loop's flows), for the few steps whose
/// wait is flagged, and only in loops of at most [`LOOP_MAX`] steps.
fn files_through(ctx: &Context, n: usize) -> f64 {
    let visits = ctx.visits[n];
    let c = ctx.comps.of[n];
    let members = &ctx.comps.members[c];
    if !ctx.comps.cyclic[c] || members.len() > LOOP_MAX {
        return visits;
    }
    let at = |m: usize| members.iter().position(|&x| x == m);
    // `hit[i]`: the chance, from the loop's step `members[i]`, of reaching `n` before leaving.
    let mut hit = vec![0.0_f64; members.len()];
    let back = |m: usize, hit: &[f64]| -> f64 {
        let chance: f64 = ctx.g.out[m]
            .iter()
            .map(|a| if a.node == n { a.share } else { at(a.node).map_or(0.0, |j| a.share * hit[j]) })
            .sum();
        chance.min(1.0)
    };
    for _ in 0..200 {
        let mut change = 0.0_f64;
        for (i, &m) in members.iter().enumerate() {
            if m == n {
                continue;
            }
            let h = back(m, &hit);
            change = change.max((h - hit[i]).abs());
            hit[i] = h;
        }
        if change < 1e-12 {
            break;
        }
    }
    visits * (1.0 - back(n, &hit))
}

/// The sentence of a wait `w` (per case, expected) before step `n`.
fn wait_before(ctx: &Context, n: usize, w: f64, lived: f64, lang: Lang) -> String {
    let day = ctx.settings.working_day_min;
    let label = quote(lang, &ctx.label(n));
    let lane = ctx.lane_name(n);
    let (avg, of) = (duration(lang, w, day), share_of(ctx, w, lived, lang, true));
    let visits = ctx.visits[n];
    let through = files_through(ctx, n);
    // Before a step of the user, the time is theirs or an appointment's, not the file's.
    let user = ctx.in_user_lane(n);
    if through > 1e-9 && through < SOME_FILES_SHARE {
        let (once, files) = (duration(lang, w / through, day), percent(lang, through));
        // Those files wait there at each of their passes: told with the passes and in all.
        let passes = visits / through;
        let (times, in_all) = if passes >= 1.05 {
            match lang {
                Lang::Fr => (format!(" ({} fois en moyenne)", number(lang, passes, 1)), " en tout"),
                Lang::En => (format!(" ({} times on average)", number(lang, passes, 1)), " in all"),
            }
        } else {
            (String::new(), "")
        };
        return match (lang, user) {
            (Lang::Fr, false) => format!(
                "Le dossier attend {once}{in_all} avant l'étape {label} ({lane}), par laquelle passent {files} des \
                 dossiers{times} : {avg} en moyenne sur l'ensemble des dossiers, {of}."
            ),
            (Lang::Fr, true) => format!(
                "L'attente avant l'étape {label} ({lane}), par laquelle passent {files} des dossiers{times}, est de \
                 {once}{in_all} : {avg} en moyenne sur l'ensemble des dossiers, {of}."
            ),
            (Lang::En, false) => format!(
                "The file waits {once}{in_all} before step {label} ({lane}), which {files} of files go through{times}: \
                 {avg} on average over all files, {of}."
            ),
            (Lang::En, true) => format!(
                "The wait before step {label} ({lane}), which {files} of files go through{times}, is {once}{in_all}: \
                 {avg} on average over all files, {of}."
            ),
        };
    }
    // A step met more than once per file (a check the returns come back to): the wait of one
    // pass, then the passes per file, rather than a mean no file waits in one go.
    if visits >= 1.05 {
        let once = duration(lang, w / visits, day);
        let times = match lang {
            Lang::Fr => quantity(lang, visits, 1, "passage", "passages"),
            Lang::En => quantity(lang, visits, 1, "pass", "passes"),
        };
        return match (lang, user) {
            (Lang::Fr, false) => format!(
                "Le dossier attend {once} avant l'étape {label} ({lane}) à chaque passage ({times} en moyenne) : \
                 {avg} par dossier, {of}."
            ),
            (Lang::Fr, true) => format!(
                "L'attente avant l'étape {label} ({lane}) est de {once} à chaque passage ({times} en moyenne) : \
                 {avg} par dossier, {of}."
            ),
            (Lang::En, false) => format!(
                "The file waits {once} before step {label} ({lane}) at each pass ({times} on average): {avg} per \
                 file, {of}."
            ),
            (Lang::En, true) => format!(
                "The wait before step {label} ({lane}) is {once} at each pass ({times} on average): {avg} per file, \
                 {of}."
            ),
        };
    }
    match (lang, user) {
        (Lang::Fr, false) => format!("Le dossier attend en moyenne {avg} avant l'étape {label} ({lane}), {of}."),
        (Lang::Fr, true) => format!("L'attente avant l'étape {label} ({lane}) est de {avg} en moyenne, {of}."),
        (Lang::En, false) => format!("The file waits {avg} on average before step {label} ({lane}), {of}."),
        (Lang::En, true) => format!("The wait before step {label} ({lane}) is {avg} on average, {of}."),
    }
}

/// The sentence of a transfer delay `w` (per case, expected) along a flow from step `from` to step
/// `to`, which `taken` files per case take. As before a step some files skip, the delay of a flow
/// not every file takes is told as those files live it, then averaged: the post that takes two days on the paper
/// way of one file in five does not take "2 h 48 on average".
fn delay_along(ctx: &Context, from: usize, to: usize, w: f64, taken: f64, lived: f64, lang: Lang) -> String {
    let day = ctx.settings.working_day_min;
    let (from, to) = (quote(lang, &ctx.label(from)), quote(lang, &ctx.label(to)));
    let (avg, of) = (duration(lang, w, day), share_of(ctx, w, lived, lang, false));
    if taken > 0.0 && taken < SOME_FILES_SHARE {
        let (once, files) = (duration(lang, w / taken, day), percent(lang, taken));
        return match lang {
            Lang::Fr => format!(
                "L'acheminement du dossier de {from} à {to}, par lequel passent {files} des dossiers, prend {once} : \
                 {avg} en moyenne sur l'ensemble des dossiers, {of}."
            ),
            Lang::En => format!(
                "Moving the file from {from} to {to}, which {files} of files go through, takes {once}: {avg} on \
                 average over all files, {of}."
            ),
        };
    }
    match lang {
        Lang::Fr => format!("L'acheminement du dossier de {from} à {to} prend en moyenne {avg}, {of}."),
        Lang::En => {
            format!("Moving the file from {from} to {to} takes {avg} on average, {of}.")
        }
    }
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let lead = ctx.metrics.lead_time_min;
    if lead <= 0.0 {
        return Vec::new();
    }
    // Which steps come after the user has the outcome: computed only once a wait is long enough.
    let served_once = std::cell::OnceCell::new();
    let outcome = || served_once.get_or_init(|| after_outcome(ctx));
    let served = |n: usize| outcome().served[n];
    // The lead time the waits are weighed against, computed only then too.
    let lived_once = std::cell::OnceCell::new();
    let lived = || *lived_once.get_or_init(|| lived_lead(ctx, outcome()));
    // The lead time a wait before step `n` is weighed against: the time until the user has the
    // outcome, for a wait before it; but the whole lead time before a step of the user's, where
    // the time is theirs or an appointment's (the parents' days before they declare the birth,
    // the family's before it enrols the child at the club), and after the outcome (the fee's
    // invoice before the user pays it): only a wait that weighs on the whole procedure is told
    // there.
    let against = |n: usize| if ctx.in_user_lane(n) || outcome().given[n] { lead } else { lived() };
    let big = |w: f64, n: usize| w >= ctx.settings.waiting_min_min && w / against(n) >= ctx.settings.waiting_min_share;
    // Where each period of a recurring loop starts: computed only once a wait is big enough.
    let periods_once = std::cell::OnceCell::new();
    let period_start = |n: usize| {
        let starts: &Vec<usize> = periods_once.get_or_init(|| {
            (0..ctx.comps.members.len())
                .filter(|&c| ctx.comps.cyclic[c])
                .filter_map(|c| super::period_loop::recurring(ctx, c))
                .flatten()
                .collect()
        });
        starts.contains(&n)
    };
    let mut out = Vec::new();
    for &n in &ctx.g.order {
        if !ctx.reachable[n] || !ctx.on_lead(n) {
            continue;
        }
        let w = ctx.visits[n] * ctx.step(n).wait();
        if big(w, n)
            && !served(n)
            && !period_start(n)
            && !ctx.users_own_work(n)
            && !own_term_after_outcome(ctx, outcome(), n)
            && !at_end_of_period(ctx, n)
        {
            let label = ctx.label(n);
            out.push(finding(
                ID,
                Severity::Warning,
                vec![ctx.id(n)],
                text(
                    format!("Attente prépondérante avant {}", quote(Lang::Fr, &label)),
                    format!("Dominant wait before {}", quote(Lang::En, &label)),
                ),
                text(wait_before(ctx, n, w, against(n), Lang::Fr), wait_before(ctx, n, w, against(n), Lang::En)),
                Gain::default(),
                None,
            ));
        }
        for a in &ctx.g.out[n] {
            if !ctx.on_lead(a.node) && !ctx.g.is_join(a.node) {
                continue;
            }
            let w = ctx.visits[n] * a.share * ctx.p.graph()[a.edge].delay();
            let way_round = ctx.comps.of[n] == ctx.comps.of[a.node] && ctx.comps.cyclic[ctx.comps.of[n]];
            // A delay drawn on the flow into the user's own term after the outcome is that term
            // drawn otherwise (the year of disponibilité before the agent asks to come back).
            if !big(w, a.node)
                || served(a.node)
                || (way_round && period_start(a.node))
                || own_term_after_outcome(ctx, outcome(), a.node)
            {
                continue;
            }
            let flow = &ctx.p.graph()[a.edge];
            let taken = ctx.visits[n] * a.share;
            let (from, to) = (ctx.label(n), ctx.label(a.node));
            out.push(finding(
                ID,
                Severity::Warning,
                vec![flow.id.clone()],
                text(
                    format!(
                        "Délai d'acheminement prépondérant entre {} et {}",
                        quote(Lang::Fr, &from),
                        quote(Lang::Fr, &to)
                    ),
                    format!("Dominant transfer delay between {} and {}", quote(Lang::En, &from), quote(Lang::En, &to)),
                ),
                text(
                    delay_along(ctx, n, a.node, w, taken, against(a.node), Lang::Fr),
                    delay_along(ctx, n, a.node, w, taken, against(a.node), Lang::En),
                ),
                Gain::default(),
                None,
            ));
        }
    }
    out
}

#[cfg(test)]
mod lived_tests;
#[cfg(test)]
mod loop_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod user_tests;
