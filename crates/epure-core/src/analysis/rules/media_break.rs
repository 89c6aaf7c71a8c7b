//! `media-break` — Rupture de support.
//!
//! Fires on a flow where the file goes from paper to digital and the next step keys data into a
//! system: the case arrives on paper (a paper or postal flow, or from a step done at the counter or
//! on paper, also through the decisions in between: "Vérifier les pièces" at the counter, then
//! "Dossier complet ?", then "Saisir le dossier") at a step carried out in a system that `enters`
//! data (its channel digital, or left out: `enters` is keying into a system whatever the drawing
//! says of the channel). Not fired: paper to paper, digital to digital; a digital step that prints or posts a
//! letter (the normal way to notify by post, counted in the `media_breaks` metric but not flagged);
//! a paper document arriving at a step that enters nothing; the user filling in their own form
//! online after a paper step (the doctor's paper certificate attached to the online request): they
//! type what they know, not what the paper says — unless they key in what that paper step produced.
//! Out of a parallel join, the paper comes from the one branch that brings, by post or on paper,
//! what the keying step uses (the replacement service's invoice posted while the birth certificate
//! came online). Nor after the user's meeting at the counter that hands over nothing, when the
//! keying step draws up a document of its own (the business plan the adviser writes in the
//! chamber's tool after building it with the candidate): what is keyed is what was said. Only the
//! items the paper brings are named: an item a system already holds (entered at an earlier step:
//! keyed again, it is a `rekeying`), or that the user gave online to the keying step's own lane,
//! reaches that step in digital form, whatever else comes on paper (the region's finance office
//! keys the amount its standing committee voted in session, not the RIB the company filed on the
//! region's portal); nor is the verdict a check or an approval records (an item no other step asks
//! for, produces or enters: the criterion of priority the bureau retains on reading the paper
//! pieces is its judgement, keyed, not copied off the paper: a digital file would still leave it to
//! be keyed); nor, on a way back round a loop into the step where the file entered it and was
//! keyed, an item no step of the loop asks or makes again (the letter with the missing card and
//! licence does not bring the identity keyed the first time); nor what a task that writes a document of its own (its label opens on drafting,
//! assessing or deciding) keys as it decides it, named by no other step (the doctor's opinion
//! written in Cyclades, with the arrangements it proposes); nor an item born at the step, which no
//! step before it names and whose label does not say it keys in (the vehicle's release recorded as
//! it is handed back, the commission's decision, the domiciliation struck off: `born.rs`); when
//! nothing keyed is left, the rule does not fire.
//!
//! The gain is the keying saved, shared as `rekeying` shares it: a step that keys in the paper
//! and also issues a document ("Admettre l'élève et l'inscrire dans ONDE") keeps the issuing.

use super::{Context, finding, text};
use crate::analysis::metrics::{Support, channel_support, medium_support};
use crate::analysis::words::{Quoted, QuotedList, percent, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::StepKind;
use born::born_here;
use join::paper_into_join;
use meeting::only_a_meeting;

mod born;
mod join;
mod meeting;

pub const ID: &str = "media-break";

/// Whether a step is carried out on paper (at the counter or on a paper form).
pub(super) fn on_paper(s: &crate::model::Step) -> bool {
    matches!(s.channel, Some(crate::model::Channel::Counter | crate::model::Channel::Paper))
}

/// Steps looked at behind a gateway to find where the file comes from.
const LOOKBEHIND: usize = 32;

/// Steps looked at behind a keying step to find the items that already reached it in digital
/// form.
const DIGITAL_LOOKBEHIND: usize = 32;

/// Which of the items step `to` enters already reached it in digital form on the way the paper
/// comes, from step `from` back: a step carried out in a system (or by an information system's
/// lane) entered them before (keying them again is a `rekeying`, whatever lies between), or the
/// user gave them online to `to`'s own lane (the first work step after the user's is in that lane:
/// the region's portal, then its instruction, then its finance office). Given online to another
/// body, they reach `to`'s lane only on the paper it receives (the pre-complaint the police took,
/// the parquet keying the shuttle's paper). The nearest source of each item decides: given again
/// on paper, nearer, it is a new value, which the paper brings (as `rekeying` reads a request
/// made again). Among the nearest [`DIGITAL_LOOKBEHIND`] steps; none when `to` is inside a loop
/// (what it keys again there may be a correction, which comes on the paper). What was only
/// produced earlier is not counted (a letter drafted in one office and posted to another reaches
/// it on paper). Complexity: O(DIGITAL_LOOKBEHIND) steps per keying step after paper.
fn digital_before(ctx: &Context, from: usize, to: usize) -> Vec<bool> {
    let target = ctx.step(to);
    let mut found = vec![false; target.enters.len()];
    if ctx.comps.cyclic[ctx.comps.of[to]] {
        return found;
    }
    let mut decided = vec![false; target.enters.len()];
    // Each step on the way back, with the first work step after it on the way to `to`.
    let mut queue = std::collections::VecDeque::from([(from, to)]);
    let mut seen: Vec<usize> = vec![to, from];
    while let Some((m, receiver)) = queue.pop_front() {
        let s = ctx.step(m);
        if s.kind.is_work() {
            let in_system = channel_support(s.channel) == Some(Support::Digital)
                || ctx.lane_kind(m) == Some(crate::model::ActorKind::System);
            let user = ctx.in_user_lane(m);
            let given_to_lane = user && in_system && ctx.step(receiver).actor == target.actor;
            // What a step keys in is in a system (what `enters` means), whether its channel is
            // digital or left out of the drawing (the field is optional).
            let keyed_in_system = in_system || s.channel.is_none();
            for (i, d) in target.enters.iter().enumerate() {
                if decided[i] {
                    continue;
                }
                if (keyed_in_system && s.enters.contains(d)) || (given_to_lane && s.requests.contains(d)) {
                    (found[i], decided[i]) = (true, true);
                } else if user && s.requests.contains(d) {
                    // Given again nearer, on paper or to another body: that is the value keyed.
                    decided[i] = true;
                }
            }
        }
        let after = if s.kind.is_work() { m } else { receiver };
        for a in &ctx.g.inc[m] {
            if seen.contains(&a.node) || !ctx.reachable[a.node] {
                continue;
            }
            if seen.len() > DIGITAL_LOOKBEHIND {
                return found;
            }
            seen.push(a.node);
            queue.push_back((a.node, after));
        }
    }
    found
}

/// Where a file leaving decision `n` along a flow with no medium comes from, when it comes on
/// paper on every way in: "Vérifier les pièces" at the counter, "Dossier complet ?", then "Saisir
/// le dossier". The first such work step in the author's order; `None` when a way in is digital
/// or unknown, or the search goes too far. Only decisions are looked through: out of a parallel
/// fork, one paper file goes down one branch at most, and which one the drawing does not say.
fn paper_through_gateways(ctx: &Context, n: usize) -> Option<usize> {
    if ctx.step(n).kind != StepKind::Decision {
        return None;
    }
    let mut stack = vec![n];
    let mut seen: Vec<usize> = Vec::new();
    let mut sources: Vec<usize> = Vec::new();
    while let Some(gw) = stack.pop() {
        if seen.contains(&gw) {
            continue;
        }
        if seen.len() >= LOOKBEHIND {
            return None;
        }
        seen.push(gw);
        let ways: Vec<_> = ctx.g.inc[gw].iter().filter(|a| ctx.reachable[a.node]).collect();
        if ways.is_empty() {
            return None;
        }
        for a in ways {
            let before = ctx.step(a.node);
            match medium_support(ctx.p.graph()[a.edge].medium) {
                Some(Support::Paper) => sources.push(a.node),
                Some(Support::Digital) => return None,
                None if before.kind.is_work() => {
                    if !on_paper(before) {
                        return None;
                    }
                    sources.push(a.node);
                }
                None if before.kind == StepKind::Decision => stack.push(a.node),
                None => return None,
            }
        }
    }
    sources.into_iter().min_by_key(|&m| ctx.g.pos[m])
}

/// The work step a paper file leaving gateway `n` comes from, to name it: the nearest work step
/// before the gateway when there is one, else the one of them that issues what step `to` keys in
/// or checks (out of a join: the signed deed, not the other branch's authorisation); `None` when
/// the drawing does not say which. A work step is its own source.
fn named_source(ctx: &Context, n: usize, to: usize) -> Option<usize> {
    if ctx.step(n).kind.is_work() {
        return Some(n);
    }
    let before: Vec<usize> = ctx.prev_work(n).into_iter().map(|(m, _)| m).collect();
    if let [one] = before.as_slice() {
        return Some(*one);
    }
    let target = ctx.step(to);
    let mut issuing = before
        .into_iter()
        .filter(|&m| ctx.step(m).produces.iter().any(|d| target.enters.contains(d) || target.checks.contains(d)));
    match (issuing.next(), issuing.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    }
}

/// Per data id, how many steps ask the user for it, produce it or enter it (counted once per step),
/// and the last step counted. Complexity: linear in the steps' data references.
type Naming<'a> = rustc_hash::FxHashMap<&'a str, (usize, usize)>;

fn naming_steps<'a>(ctx: &Context<'a>) -> Naming<'a> {
    let mut count = Naming::default();
    for (i, s) in ctx.p.steps().enumerate() {
        for d in s.requests.iter().chain(&s.produces).chain(&s.enters) {
            let (n, last) = count.entry(d.as_str()).or_insert((0, usize::MAX));
            if *last != i {
                *n += 1;
                *last = i;
            }
        }
    }
    count
}

/// Whether item `d`, keyed in at step `to`, is the verdict that check or approval records, or
/// what a task that writes a document of its own decides as it writes it ([`authors`]: the doctor
/// keying the arrangements proposed as the opinion is written): no other step asks for it, produces it or
/// enters it, so no paper brought it. The counts are made
/// the first time a check or an approval asks.
fn own_verdict<'a>(
    ctx: &Context<'a>,
    to: &crate::model::Step,
    d: &str,
    naming: &std::cell::OnceCell<Naming<'a>>,
) -> bool {
    (matches!(to.kind, StepKind::Check | StepKind::Approval) || authors(ctx, to))
        && naming.get_or_init(|| naming_steps(ctx)).get(d).map_or(0, |&(n, _)| n) <= 1
}

/// Verbs a label opens on when its step writes a document of its own (normalised by
/// [`crate::analysis::labels::words`]): the opinion drafted, the amount assessed, the decision
/// taken.
const AUTHORING: &[&str] = &[
    "rédiger", "établir", "formuler", "proposer", "décider", "statuer", "émettre", "donner", "rendre", "évaluer",
    "calculer", "chiffrer", "fixer",
];

/// Whether task `to` writes a document of its own rather than keying in the file: it produces
/// one, and its label opens on a verb of [`AUTHORING`] ("Rédiger l'avis sur les aménagements dans
/// Cyclades" decides what it keys; "Enregistrer la demande et délivrer le récépissé", "Notifier
/// l'aide et la mandater" key in what the paper brought).
///
/// Drawn without what it produces, a task whose label opens on drafting ([`DRAFTING`]: "Rédiger
/// l'avis", "Le conseiller établit le plan d'entreprise") writes its document all the same; one
/// that issues or calculates ("Émettre le titre de recettes") may work off the paper it was
/// handed, and is read as writing only when the drawing says it produces.
fn authors(ctx: &Context, to: &crate::model::Step) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static DRAFTS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| AUTHORING.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    let drafts = DRAFTS.get_or_init(|| DRAFTING.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    let words = ctx.label_words(to.label());
    let first = words.first();
    to.kind == StepKind::Task
        && first.is_some_and(|w| stems.contains(w))
        && (!to.produces.is_empty() || first.is_some_and(|w| drafts.contains(w)))
}

/// The verbs of [`AUTHORING`] that write a document whatever the drawing lists.
const DRAFTING: &[&str] = &["rédiger", "établir", "formuler"];

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let naming = std::cell::OnceCell::new();
    for &n in &ctx.g.order {
        if !ctx.reachable[n] {
            continue;
        }
        let from = ctx.step(n);
        for a in &ctx.g.out[n] {
            let flow = &ctx.p.graph()[a.edge];
            let to = ctx.step(a.node);
            // Keyed into a system: a digital channel, or the channel left out of the drawing (the
            // field is optional): `enters` says the step keys into an information system.
            let in_system = to.channel.is_none() || channel_support(to.channel) == Some(Support::Digital);
            if !in_system || to.enters.is_empty() {
                continue;
            }
            // The step the paper comes from: this one, or through the gateways before it.
            let source = match medium_support(flow.medium) {
                Some(s) => (s == Support::Paper).then_some(n),
                None if from.kind.is_work() || ctx.g.inc[n].is_empty() => on_paper(from).then_some(n),
                None => paper_through_gateways(ctx, n).or_else(|| paper_into_join(ctx, n, a.node)),
            };
            let Some(source) = source else { continue };
            if only_a_meeting(ctx, source, flow.medium, a.node) {
                continue;
            }
            // The user filling in their own form online after a paper step (the doctor's paper
            // certificate, scanned and attached) types what they know, not the paper: nothing is
            // copied by hand, unless what they key in is what the paper brought.
            if ctx.in_user_lane(a.node) && !to.enters.iter().any(|d| ctx.step(source).produces.contains(d)) {
                continue;
            }
            // What the paper brings: not what already came in digital form, nor the verdict the
            // step records.
            let digital = digital_before(ctx, n, a.node);
            let born = born_here(ctx, a.node);
            let keyed: Vec<&String> = to
                .enters
                .iter()
                .zip(&digital)
                .enumerate()
                .filter(|(i, (d, dig))| {
                    !**dig && !own_verdict(ctx, to, d, &naming) && born.as_ref().is_none_or(|b| !b[*i])
                })
                .map(|(_, (d, _))| d)
                .collect();
            // Coming back round a loop into the step that keyed the file on its way in (the loop
            // is entered there), the paper brings only what the way back asks or makes again (the
            // missing card and licence posted, not the identity keyed the first time). A step
            // the loop reaches only from inside keys what each pass brings (the jury's minutes).
            let c = ctx.comps.of[a.node];
            let entered_here = || ctx.g.inc[a.node].iter().any(|b| ctx.comps.of[b.node] != c && ctx.reachable[b.node]);
            let keyed = if ctx.comps.cyclic[c] && ctx.comps.of[n] == c && entered_here() {
                let again = |d: &String| {
                    ctx.comps.members[c]
                        .iter()
                        .any(|&m| m != a.node && (ctx.step(m).requests.contains(d) || ctx.step(m).produces.contains(d)))
                };
                keyed.into_iter().filter(|d| again(d)).collect()
            } else {
                keyed
            };
            if keyed.is_empty() {
                continue;
            }
            let names: Vec<String> = keyed.iter().map(|d| ctx.data_name(d)).collect();
            // Named by the work step it comes from: a gateway is no step anyone did.
            let from = named_source(ctx, source, a.node).map(|m| ctx.label_str(m));
            let (from_fr, from_en) = (
                from.map(|l| (" de l'étape ", Quoted(Lang::Fr, l))),
                from.map(|l| (" from step ", Quoted(Lang::En, l))),
            );
            let (label, lane) = (ctx.label_str(a.node), ctx.lane_str(a.node));
            // A paper way one file in ten or more does not take (the paper form beside the
            // portal) is told with the share of files that take it: the gain per file is that
            // share's. Files refused on the way, a few in a hundred, do not make it rare.
            let taken = ctx.visits[n] * a.share;
            let rare = (taken > 0.0 && taken < 0.9).then(|| (percent(Lang::Fr, taken), percent(Lang::En, taken)));
            let (opening_fr, opening_en) = match &rare {
                Some((fr, en)) => {
                    (("Dans ", fr.as_str(), " des cas, le dossier"), ("In ", en.as_str(), " of cases, the file"))
                }
                None => (("", "", "Le dossier"), ("", "", "The file")),
            };
            let mut subjects = vec![flow.id.clone(), ctx.id(a.node)];
            subjects.extend(keyed.iter().map(|d| (*d).clone()));
            out.push(finding(
                ID,
                Severity::Warning,
                subjects,
                text(
                    sentence!["Rupture de support avant ", Quoted(Lang::Fr, label)],
                    sentence!["Media break before ", Quoted(Lang::En, label)],
                ),
                text(
                    sentence! {
                        opening_fr.0, opening_fr.1, opening_fr.2, " arrive sur papier", from_fr, " à l'étape ", Quoted(Lang::Fr, label), " (", lane,
                        "), qui saisit ", QuotedList(Lang::Fr, &names), " dans un système d'information : le papier est \
                        recopié à la main. Une transmission dématérialisée de bout en bout supprimerait la saisie et les \
                        erreurs de recopie.",
                    },
                    sentence! {
                        opening_en.0, opening_en.1, opening_en.2, " arrives on paper", from_en, " at step ", Quoted(Lang::En, label), " (", lane, "), which keys ",
                        QuotedList(Lang::En, &names), " into an information system: paper is copied by hand. A digital \
                        transfer end to end would remove the keying and copying errors.",
                    },
                ),
                Gain {
                    // The keying saved, not the step: a step that also issues a document (the
                    // admission, the receipt) keeps that part of its work once the file is digital.
                    // Only for the files the paper way brings: the step also keys, or checks,
                    // the files that reach it in digital form, which keep no keying to save.
                    touch_min: super::rekeying::keying_min(ctx, a.node, keyed.len())
                        * if ctx.visits[a.node] > 0.0 { (taken / ctx.visits[a.node]).min(1.0) } else { 0.0 },
                    lead_min: ctx.visits[n] * a.share * flow.delay(),
                    ..Gain::default()
                },
                Some("go-digital"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod loop_tests;
#[cfg(test)]
mod tests;
