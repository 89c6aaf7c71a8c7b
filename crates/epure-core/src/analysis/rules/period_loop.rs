//! Loops that repeat the service period after period, which no rule reads as a return: the
//! employer claims each month's indemnity, the allocation is paid, "Autre mois ?" goes round
//! again. Nothing is done again for the same file; the next period is done (`rework-loop` does
//! not flag it, `waiting` does not flag the period's wait, `ping-pong` not the next term).
//!
//! Such a loop is told apart by its shape: the decision that goes round follows no verification
//! (a payment, a delivery: no check, no approval, no task whose label says it verifies), and the
//! way round goes straight back to where every pass starts, with no step of its own (a return
//! has its own: the pieces asked for, the file completed). A task that says it verifies but
//! delivers the period's service, after which the case can close ("Contrôler l'ordre de payer
//! et verser le reliquat", then "Autre trimestre ?" or the end), is the accountant's payment, not
//! a verification.
//!
//! A decision inside the pass that only lets a case out to a refusal or an abandonment, and
//! otherwise goes on with the same pass ("Arrêt médicalement justifié ?" after the approved
//! doctor's counter-visit: no, the agent is told to come back to work; yes, the pay goes on) does
//! not go round: it stops the case, it sends nothing back. Only the decisions whose way back
//! inside the loop reaches a step where passes start are read as the period's.
//!
//! A period closed by an act is such a loop too: the account of the year approved by the greffe,
//! then "Mesure encore en cours l'an prochain ?" going straight back to the next account, or the
//! end. The decision follows the approval, which produces the act, and goes round in at least
//! half the cases: a signature refused that sends the draft back to be redone goes round in
//! fewer cases than it lets through, and stays a return.
//!
//! A loop renewed by an act is such a loop too, although a review decides the way round: the
//! contract's six-month review, then "Renouveler ?", the inspector's signed amendment, the young
//! person's signature, the next six months; the trainee's extended year after the CAP's opinion.
//! Its way round issues the authority's act for the next period (an approval that produces a
//! document) and hands nothing back in: no step on it asks for anything, and the user's steps on
//! it neither enter nor produce anything (a return for missing pieces brings pieces back).

use super::Context;
use crate::model::{Outcome, Step, StepKind};

/// Work steps looked at through gateways around a loop's decision and entries.
const GATEWAY_REACH: usize = 32;

/// The stack and the steps seen of the searches around one loop, shared by the searches of one
/// [`recurring`] call: a search empties them as it starts.
#[derive(Default)]
struct Walk {
    stack: Vec<usize>,
    seen: Vec<usize>,
}

impl Walk {
    /// Empties the scratch and stacks the nodes a search starts from.
    fn start(&mut self, from: impl Iterator<Item = usize>) -> (&mut Vec<usize>, &mut Vec<usize>) {
        self.stack.clear();
        self.seen.clear();
        self.stack.extend(from);
        (&mut self.stack, &mut self.seen)
    }
}

/// The nearest work steps from `from` along the arcs `next` gives, through gateways, staying in
/// component `c`.
fn nearest_work(
    ctx: &Context,
    c: usize,
    from: impl Iterator<Item = usize>,
    forward: bool,
    walk: &mut Walk,
) -> Vec<usize> {
    let mut found = Vec::new();
    let (stack, seen) = walk.start(from);
    while let Some(n) = stack.pop() {
        if ctx.comps.of[n] != c || seen.contains(&n) || seen.len() >= GATEWAY_REACH {
            continue;
        }
        seen.push(n);
        if ctx.step(n).kind.is_work() {
            if !found.contains(&n) {
                found.push(n);
            }
            continue;
        }
        let arcs = if forward { &ctx.g.out[n] } else { &ctx.g.inc[n] };
        stack.extend(arcs.iter().filter(|a| a.share > 0.0).map(|a| a.node));
    }
    found
}

/// The decisions of loop `c` just behind decision `d`, through the other gateways, when every way
/// into `d` from inside the loop comes from one with no work step between; `None` when a work
/// step is met, or no such decision. Looked at within [`GATEWAY_REACH`] steps.
fn decisions_just_behind(ctx: &Context, c: usize, d: usize, walk: &mut Walk) -> Option<Vec<usize>> {
    let (stack, seen) = walk.start(ctx.g.inc[d].iter().filter(|a| a.share > 0.0).map(|a| a.node));
    let mut found = Vec::new();
    while let Some(n) = stack.pop() {
        if ctx.comps.of[n] != c || seen.contains(&n) {
            continue;
        }
        if seen.len() >= GATEWAY_REACH || ctx.step(n).kind.is_work() || n == d {
            return None;
        }
        seen.push(n);
        if ctx.step(n).kind == StepKind::Decision {
            found.push(n);
            continue;
        }
        stack.extend(ctx.g.inc[n].iter().filter(|a| a.share > 0.0).map(|a| a.node));
    }
    (!found.is_empty()).then_some(found)
}

/// Whether every way out of loop `c` from the nodes `from` reaches an end through gateways
/// only, with no work step on the way (the case is over once it leaves).
fn leads_straight_to_an_end(ctx: &Context, c: usize, from: impl Iterator<Item = usize>, walk: &mut Walk) -> bool {
    let (stack, seen) = walk.start(from);
    let mut ends = false;
    while let Some(n) = stack.pop() {
        if seen.contains(&n) {
            continue;
        }
        if ctx.comps.of[n] == c || seen.len() >= GATEWAY_REACH || ctx.step(n).kind.is_work() {
            return false;
        }
        seen.push(n);
        if ctx.step(n).kind == StepKind::End {
            ends = true;
        }
        stack.extend(ctx.g.out[n].iter().filter(|a| a.share > 0.0).map(|a| a.node));
    }
    ends
}

/// Whether every way out of loop `c` from the nodes `from` ends the case as refused or abandoned
/// without coming back into it (the agent told to come back to work, the request rejected),
/// whatever work is done on the way; looked at within [`GATEWAY_REACH`] steps.
fn knocks_out(ctx: &Context, c: usize, from: impl Iterator<Item = usize>, walk: &mut Walk) -> bool {
    let (stack, seen) = walk.start(from);
    let mut ends = false;
    while let Some(n) = stack.pop() {
        if seen.contains(&n) {
            continue;
        }
        if ctx.comps.of[n] == c || seen.len() >= GATEWAY_REACH {
            return false;
        }
        seen.push(n);
        let s = ctx.step(n);
        if s.kind == StepKind::End {
            if !matches!(s.outcome, Some(Outcome::Refused | Outcome::Abandoned)) {
                return false;
            }
            ends = true;
        }
        stack.extend(ctx.g.out[n].iter().filter(|a| a.share > 0.0).map(|a| a.node));
    }
    ends
}

/// The share of cases at least that a decision following an approval sends round again for the
/// loop to be read as periods closed by the approval's act (see [`recurring`]).
const PERIOD_SHARE: f64 = 0.5;

/// Steps looked at along the way on of a knock-out inside the pass.
const PASS_REACH: usize = 64;

/// Whether the ways on from decision `d` into loop `c` (`back`) go on with the same pass: they
/// meet another decision that lets cases out of the loop before any step where passes start
/// ([`recurring`]'s `starts`). A way that reaches such a step first goes back (the claim
/// corrected, then filed again): a return. Looked at within [`PASS_REACH`] steps; past it, a
/// return is assumed.
fn goes_on_with_the_pass(ctx: &Context, c: usize, d: usize, back: &[usize], starts: &[usize], walk: &mut Walk) -> bool {
    let inside = |n: usize| ctx.comps.of[n] == c;
    let (stack, seen) = walk.start(back.iter().copied());
    while let Some(n) = stack.pop() {
        if seen.contains(&n) {
            continue;
        }
        if starts.contains(&n) || n == d || seen.len() >= PASS_REACH {
            return false;
        }
        seen.push(n);
        let outs = &ctx.g.out[n];
        let lets_out = ctx.step(n).kind == StepKind::Decision && outs.iter().any(|a| a.share > 0.0 && !inside(a.node));
        if !lets_out {
            stack.extend(outs.iter().filter(|a| a.share > 0.0 && inside(a.node)).map(|a| a.node));
        }
    }
    true
}

/// Whether the way round of loop `c`, from the nodes `back` to the steps where passes start,
/// renews the service by an act: it passes an approval that produces a document or whose label
/// says it renews (drawn without the amendment it signs), no step on it
/// requests anything, and no step of the user's lane on it enters or produces anything.
///
/// Complexity: O(size of the loop).
fn renewed_by_an_act(ctx: &Context, c: usize, back: &[usize], starts: &[usize]) -> bool {
    let mut stack: Vec<usize> = back.to_vec();
    let mut seen = rustc_hash::FxHashSet::default();
    let mut act = false;
    while let Some(n) = stack.pop() {
        if ctx.comps.of[n] != c || starts.contains(&n) || !seen.insert(n) {
            continue;
        }
        let s = ctx.step(n);
        if !s.requests.is_empty()
            || (ctx.in_user_lane(n) && s.kind.is_work() && (!s.enters.is_empty() || !s.produces.is_empty()))
        {
            return false;
        }
        // The act is the document the approval issues, or the renewal its label names, drawn
        // without it ("Signer l'avenant de renouvellement").
        act |= s.kind == StepKind::Approval && (!s.produces.is_empty() || renews(ctx, n));
        stack.extend(ctx.g.out[n].iter().filter(|a| a.share > 0.0).map(|a| a.node));
    }
    act
}

/// Whether loop `c` repeats the service period after period rather than sending the file back:
/// every decision of the loop that goes round again follows no verification, and its way round
/// reaches first only steps where passes start (the first work steps after the loop's entries),
/// or it follows one and its way round renews the service by an act ([`renewed_by_an_act`]). A
/// knock-out inside the pass (its way out only refuses or abandons, its way on goes on with the
/// pass) does not go round. Returns those steps, where each pass — each period — starts; `None`
/// for a return, or a loop of another shape.
///
/// Complexity: O(size of the loop and of the gateways around it).
pub(crate) fn recurring(ctx: &Context, c: usize) -> Option<Vec<usize>> {
    period_rounds(ctx, c).map(|(starts, _)| starts)
}

/// [`recurring`], with the decisions of the loop that go round to the next period.
pub(crate) fn period_rounds(ctx: &Context, c: usize) -> Option<(Vec<usize>, Vec<usize>)> {
    let members = &ctx.comps.members[c];
    let inside = |n: usize| ctx.comps.of[n] == c;
    let entries = members
        .iter()
        .copied()
        .filter(|&n| ctx.g.inc[n].iter().any(|a| a.share > 0.0 && !inside(a.node) && ctx.reachable[a.node]));
    let mut walk = Walk::default();
    let starts = nearest_work(ctx, c, entries, true, &mut walk);
    if starts.is_empty() {
        return None;
    }
    // A decision of the loop that renews the period (the resident's card renewed each year):
    // then a check's decision that sends the file back within the pass is a return inside the
    // period, which `rework-loop` reads once the period's rounds are taken away, not a sign that
    // the whole loop is one of returns.
    // Asked only when a check's decision would otherwise end the reading.
    let renewed = || {
        let mut walk = Walk::default();
        members.iter().any(|&d| {
            ctx.step(d).kind == StepKind::Decision && {
                let back = ctx.g.out[d].iter().filter(|a| a.share > 0.0 && inside(a.node)).map(|a| a.node);
                let round = nearest_work(ctx, c, back, true, &mut walk);
                renewal(ctx, c, d, &round)
            }
        })
    };
    let mut rounds = Vec::new();
    for &d in members {
        if ctx.step(d).kind != StepKind::Decision {
            continue;
        }
        let outs = &ctx.g.out[d];
        let back: Vec<usize> = outs.iter().filter(|a| a.share > 0.0 && inside(a.node)).map(|a| a.node).collect();
        if back.is_empty() || !outs.iter().any(|a| a.share > 0.0 && !inside(a.node)) {
            continue;
        }
        // A knock-out inside the pass: its way on stays in the pass, its way out only stops the case.
        // Both searches only read: the one along the pass, which a way back to where passes
        // start ends at once, is asked first.
        if goes_on_with_the_pass(ctx, c, d, &back, &starts, &mut walk)
            && knocks_out(ctx, c, outs.iter().filter(|a| a.share > 0.0 && !inside(a.node)).map(|a| a.node), &mut walk)
        {
            continue;
        }
        rounds.push(d);
        // A check whose verdict another decision of the pass settles — inside the loop or by ending
        // the case, every way of it that leaves the loop refusing or abandoning (the year's
        // financial standing checked, then "Capacité maintenue ?": the formal notice and the
        // capital made good, or the licence withdrawn, or on) — is the period's own: the decision
        // after it that goes round ("L'entreprise poursuit-elle son activité ?") does not follow it.
        if let Some(verdicts) = decisions_just_behind(ctx, c, d, &mut walk) {
            let settled = verdicts.iter().all(|&v| {
                let out: Vec<usize> =
                    ctx.g.out[v].iter().filter(|a| a.share > 0.0 && !inside(a.node)).map(|a| a.node).collect();
                out.is_empty() || knocks_out(ctx, c, out.into_iter(), &mut walk)
            });
            if settled {
                let round = nearest_work(ctx, c, back.iter().copied(), true, &mut walk);
                // A renewal goes round through its own request, before the step the passes
                // start at (the resident's renewal, then the instruction).
                if renewal(ctx, c, d, &round) {
                    continue;
                }
                if round.is_empty() || round.iter().any(|n| !starts.contains(n)) {
                    return None;
                }
                continue;
            }
        }
        let before = nearest_work(ctx, c, ctx.g.inc[d].iter().map(|a| a.node), false, &mut walk);
        // A task that says it verifies and delivers the period's service, after which the case
        // can close ("Contrôler l'ordre de payer et verser le reliquat", then "Autre trimestre ?"
        // or the end): the accountant's control is how the payment is made, not what sends the
        // file round again.
        if before.is_empty() {
            return None;
        }
        let closes =
            leads_straight_to_an_end(ctx, c, outs.iter().filter(|a| !inside(a.node)).map(|a| a.node), &mut walk);
        // An approval that issues the period's act, after which the case can close, and after
        // which the case goes round more often than not ("Approuver le compte de gestion", then
        // "Mesure encore en cours l'an prochain ?" or the end): the act closes the period, the
        // next one starts. An approval whose refusal sends the file back to be redone goes
        // round in fewer cases than it lets through.
        let round_share: f64 = outs.iter().filter(|a| inside(a.node)).map(|a| a.share).sum();
        // Drawn without the act, the approval's label approving says it ("Approuver le compte de
        // gestion").
        let issues_the_period = |s: &Step| {
            s.kind == StepKind::Approval
                && (!s.produces.is_empty() || approves(ctx, s))
                && closes
                && round_share >= PERIOD_SHARE
        };
        let verifies = |n: usize| {
            let s = ctx.step(n);
            match s.kind {
                StepKind::Task => {
                    (!closes || (s.produces.is_empty() && !pays(s.label())))
                        && super::redundant_check::says_verify(ctx, s.label())
                }
                _ => !issues_the_period(s),
            }
        };
        let round = nearest_work(ctx, c, back.iter().copied(), true, &mut walk);
        if renewal(ctx, c, d, &round) {
            continue;
        }
        if before.iter().any(|&n| verifies(n)) {
            if renewed_by_an_act(ctx, c, &back, &starts) {
                continue;
            }
            if renewed() {
                rounds.pop();
                continue;
            }
            return None;
        }
        if round.is_empty() || round.iter().any(|n| !starts.contains(n)) {
            return None;
        }
    }
    (!rounds.is_empty()).then_some((starts, rounds))
}

/// Verbs of paying the period's service, as a label writes them after "et" or "puis".
const PAYING: &[&str] = &["verser", "rembourser", "payer"];

/// Whether a label that opens on verifying goes on to pay, in a clause of its own ("Contrôler
/// l'ordre de payer et verser le reliquat à la famille", "Contrôler le mandat puis payer"): the
/// accountant's control is how the payment is made, which a drawing without the payment's
/// document still says. Not a payment named as the control's object ("Contrôler les pièces du
/// versement", "Contrôler l'ordre de payer").
fn pays(label: &str) -> bool {
    let lower = label.to_lowercase();
    let words: Vec<&str> = lower.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).any(|w| matches!(w[0], "et" | "puis") && PAYING.contains(&w[1]))
}

/// Words of a label that say the step renews what was granted for a period (normalised by
/// [`crate::analysis::labels::words`]): "Déposer la demande de renouvellement", "Demander la
/// prolongation", "Reconduire la convention".
const RENEWING: &[&str] = &[
    "renouvellement",
    "renouveler",
    "prolongation",
    "prolonger",
    "prorogation",
    "proroger",
    "reconduction",
    "reconduire",
];

/// Whether the way round of loop `c`, whose first work steps are `round`, renews what was
/// granted for a period the user lived: each of those steps says it renews (the agency files
/// the renewal of its card, with the period's training hours and the year's guarantee), and the
/// loop holds the user's own work of the period (the three years of practice under the card,
/// the `internal` channel in the user's lane), or the decision `d` that sends it round names the
/// period (the year on a taxi licence's waiting list). A request filed again after a refusal has
/// no period of the user's own work inside its loop; the pieces of a return are asked by a step
/// that does not say it renews.
fn renewal(ctx: &Context, c: usize, d: usize, round: &[usize]) -> bool {
    !round.is_empty()
        && round.iter().all(|&n| renews(ctx, n))
        && (ctx.comps.members[c].iter().any(|&n| ctx.users_own_work(n)) || names_a_period(ctx, d))
}

/// Words of a decision's label that name the period its way round renews (normalised by
/// [`crate::analysis::labels::words`]): "Une licence se libère-t-elle dans l'année ?".
const PERIOD_WORDS: &[&str] = &["année", "annuel", "mois", "semestre", "trimestre"];

/// Whether decision `d`'s label names a period ([`PERIOD_WORDS`]): the registration on a
/// waiting list renewed each year while no licence is free is the period's, though the
/// candidate does no work of their own in it; a request filed again after a refusal ("Demande
/// accordée ?") names none.
fn names_a_period(ctx: &Context, d: usize) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| PERIOD_WORDS.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    let names = |n: usize| ctx.label_words(ctx.step(n).label()).iter().any(|w| stems.contains(w));
    // Or the step just before it, which tells the user the term (« Rappeler au résident
    // l'échéance annuelle de sa carte », then « Le résident renouvelle-t-il sa carte ? »).
    names(d) || ctx.g.inc[d].iter().any(|a| ctx.step(a.node).kind.is_work() && names(a.node))
}

/// Whether an approval's label opens on approving ("Approuver le compte de gestion"): the act
/// itself, not a visa of it.
fn approves(ctx: &Context, s: &Step) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| crate::analysis::labels::words("approuver"));
    ctx.label_words(s.label()).first().is_some_and(|w| stems.contains(w))
}

/// Whether step `n`'s label says it renews ([`RENEWING`]).
pub(super) fn renews(ctx: &Context, n: usize) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| RENEWING.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    ctx.label_words(ctx.step(n).label()).iter().any(|w| stems.contains(w))
}
