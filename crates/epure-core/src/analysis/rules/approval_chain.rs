//! `approval-chain` — Cascade de validations.
//!
//! Fires on two or more approvals in a row on a way a case takes (only gateways between them, or
//! a relay that only passes the file on: a visa, "Envoyer le projet pour signature", the
//! signature).
//! Proposes `single-approval` (keep the last, highest authority) when at most one of them has a
//! legal basis, `parallelize` otherwise (mandated visas cannot be dropped, but need not wait for
//! one another). Not fired: approvals separated by real work; approvals on exclusive branches (one
//! to grant, one to refuse); a check followed by an approval; a signature in the user's lane (the
//! association's president signing the convention the mayor signed is the other party to a
//! contract, not a visa of the administration: the two signatures are what makes it binding); an
//! approval that decides on what another body's approval produced (the commission's opinion, the
//! Architecte des Bâtiments de France's agreement, given in a partner's lane, read by the
//! decision after it): the law has the administration decide after that body and on what it
//! said, so that act can be neither dropped nor given beside the decision (drawn without the
//! opinion, the body's label that gives it says so: "… et rendre un avis"); nor two parties
//! signing one contract, one of them another body (the treatment plant's operator and the
//! community of communes signing the special discharge convention the company signed too), nor
//! the two authorities that co-sign a national diploma (the university's president, then the
//! rector as chancellor of the universities, each signing the one parchment).

use super::duplicate_step::StepsWithLanes;
use super::{Context, finding, text};
use crate::analysis::words::{duration, few, percent, quote, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{ActorKind, StepKind};

pub const ID: &str = "approval-chain";

/// Whether approval `b` decides on the act another body gave at approval `a`: `a` is in a
/// partner's lane and `b` checks something `a` produced.
///
/// Drawn without what `a` produces, its label says it: an approval that gives an opinion
/// ("Examiner le dossier en commission et rendre un avis") is that body's act all the same.
fn rests_on_partners_act(ctx: &Context, a: usize, b: usize) -> bool {
    let sa = ctx.step(a);
    ctx.lane_kind(a) == Some(ActorKind::Partner)
        && (sa.produces.iter().any(|d| ctx.step(b).checks.contains(d))
            || (sa.produces.is_empty() && gives_an_opinion(ctx, sa.label())))
}

/// Whether a label gives an opinion: it names one ("avis") after a verb that gives it ("rendre",
/// "donner", "émettre", "formuler"), in any clause ("Examiner le dossier en commission et rendre
/// un avis").
fn gives_an_opinion(ctx: &Context, label: &str) -> bool {
    static WORDS: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let [giving, opinion] = WORDS.get_or_init(|| {
        [&["rendre", "donner", "émettre", "formuler"][..], &["avis"][..]]
            .map(|w| w.iter().flat_map(|w| crate::analysis::labels::words(w)).collect())
    });
    let words = ctx.label_words(label);
    words.iter().enumerate().any(|(i, w)| giving.contains(w) && words[i + 1..].iter().any(|v| opinion.contains(v)))
}

/// Words of a data item's name that make it an act each of its signatories signs: a contract its
/// parties sign ("Convention spéciale de déversement", "Contrat de concession", "Avenant n° 2",
/// "Protocole d'accord"), or a national diploma, which the head of the institution and the rector,
/// chancellor of the universities, both sign ("Diplôme national de doctorat"): neither signature
/// is a visa of the other's.
const CONTRACTS: &[&str] = &["convention", "contrat", "avenant", "protocole", "bail", "diplôme"];

/// Whether approvals `a` and `b` are two parties signing one contract: in two lanes, one of them
/// another body's (a partner: the plant's operator under its concession), both checking an item
/// whose name makes it a contract ("Signer la convention (exploitant)", then "Signer la
/// convention (collectivité)"). Each party's signature is what binds it, as the user's is (see
/// the module's documentation): not a validation of the other's. A visa of another body on an act
/// (the budget controller's on the order) is no contract: still a chain. Drawn with neither
/// checking anything, both labels name the same contract right after their verb.
fn co_signed(ctx: &Context, a: usize, b: usize) -> bool {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let words = WORDS.get_or_init(|| CONTRACTS.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    let partner = |n: usize| ctx.lane_kind(n) == Some(ActorKind::Partner);
    if ctx.step(a).actor == ctx.step(b).actor || !(partner(a) || partner(b)) {
        return false;
    }
    let later = &ctx.step(b).checks;
    if ctx.step(a).checks.is_empty() && later.is_empty() {
        // Drawn without the contract: both labels sign the same one ("Signer la convention
        // (exploitant)", then "Signer la convention (collectivité)").
        let signed = |n: usize| {
            let w = ctx.label_words(ctx.label_str(n));
            (w.len() >= 2 && words.contains(&w[1])).then(|| w[1].clone())
        };
        return signed(a).is_some_and(|c| signed(b) == Some(c));
    }
    ctx.step(a).checks.iter().filter(|d| later.contains(d)).any(|d| {
        let name = ctx.data_name(d);
        ctx.label_words(&name).first().is_some_and(|w| words.contains(w))
    })
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    // The user's signature is not one of the administration's validations.
    let is_approval = |n: usize| ctx.step(n).kind == StepKind::Approval && !ctx.in_user_lane(n);
    let chained =
        |a: usize, b: usize| is_approval(b) && b != a && !rests_on_partners_act(ctx, a, b) && !co_signed(ctx, a, b);
    let mut pairs = Vec::new();
    for a in ctx.reachable_work().filter(|&n| is_approval(n)) {
        for (b, _) in ctx.next_work(a) {
            if is_approval(b) {
                if chained(a, b) {
                    pairs.push((a, b));
                }
            } else if super::transit_step::passes_on(ctx, b) {
                // Through a relay that only passes the file on ("Envoyer pour signature").
                pairs.extend(ctx.next_work(b).into_iter().filter(|&(c, _)| chained(a, c)).map(|(c, _)| (a, c)));
            }
        }
    }
    let mut out = Vec::new();
    let chains = super::groups(ctx, &pairs);
    let of_chain = super::pairs_by_group(ctx, &chains, &pairs);
    for (chain, of_chain) in chains.into_iter().zip(of_chain) {
        let chain_pairs = || of_chain.iter().map(|&k| pairs[k]);
        if chain.len() < 2 {
            continue;
        }
        let mandated = chain.iter().filter(|&&n| ctx.step(n).legal_basis.is_some()).count();
        let time = |n: usize| ctx.visits[n] * (ctx.step(n).duration() + ctx.step(n).wait());
        let dropped = &chain[..chain.len() - 1];
        // The lane changes that bypassing each dropped approval removes (none when its
        // neighbours are in its own lane, or when a relay of its lane still hands the file on).
        let handoffs: f64 =
            dropped.iter().map(|&n| super::transit_step::handoffs_saved(ctx, n, &ctx.next_work(n))).sum();
        let (suggestion, gain) = if mandated <= 1 {
            let delay: f64 = chain_pairs()
                .flat_map(|(a, b)| ctx.g.out[a].iter().filter(move |x| x.node == b).map(move |x| (a, x)))
                .map(|(a, x)| ctx.visits[a] * x.share * ctx.p.graph()[x.edge].delay())
                .sum();
            let gain = Gain {
                touch_min: dropped.iter().map(|&n| ctx.visits[n] * ctx.step(n).duration()).sum(),
                lead_min: dropped.iter().map(|&n| time(n)).sum::<f64>() + delay,
                handoffs,
                ..Gain::default()
            };
            ("single-approval", gain)
        } else {
            let total: f64 = chain.iter().map(|&n| time(n)).sum();
            let longest = chain.iter().map(|&n| time(n)).fold(0.0, f64::max);
            ("parallelize", Gain { lead_min: total - longest, ..Gain::default() })
        };
        let wait: f64 = chain.iter().map(|&n| time(n)).sum();
        let day = ctx.settings.working_day_min;
        // A chain fewer than half the files go through (the opposition to one drone flight in
        // twenty) is told as those files live it, then averaged over every file.
        let through = ctx.visits[chain[0]];
        let (took_fr, took_en) = if through > 1e-9 && through < 0.5 {
            (
                format!(
                    "{} sur les {} des dossiers qui y passent ({} en moyenne par dossier)",
                    duration(Lang::Fr, wait / through, day),
                    percent(Lang::Fr, through),
                    duration(Lang::Fr, wait, day)
                ),
                format!(
                    "{} on the {} of files that go through them ({} on average per file)",
                    duration(Lang::En, wait / through, day),
                    percent(Lang::En, through),
                    duration(Lang::En, wait, day)
                ),
            )
        } else {
            (
                format!("{} par dossier", duration(Lang::Fr, wait, day)),
                format!("{} per file", duration(Lang::En, wait, day)),
            )
        };
        let last = chain[chain.len() - 1];
        // The authority that decides already signs by delegation (« par délégation du préfet »):
        // a delegation of signature is not what to advise, it is there; extending it is.
        let delegated = [ctx.label_str(last), ctx.lane_str(last)].iter().any(|l| {
            let l = super::folded(l);
            l.contains("delega") || l.contains("delegue")
        });
        // The decision is an assembly's vote (« Voter l'aide en commission permanente »,
        // « Délibérer en conseil municipal »): a vote is no signature to delegate; what the law
        // may allow is the assembly delegating the decision to its executive.
        let voted = {
            let l = super::folded(ctx.label_str(last));
            // The act, its first word (« Voter », « Délibération du conseil »: not « Signer la
            // délibération », the executive's signature), or the sitting it is done in.
            let first = l.split(|c: char| !c.is_alphanumeric()).find(|t| !t.is_empty()).unwrap_or_default();
            ["vote", "deliber"].iter().any(|w| first.starts_with(w))
                || [
                    "par deliberation",
                    "par un vote",
                    "en commission permanente",
                    "en conseil",
                    "en seance",
                    "en assemblee",
                ]
                .iter()
                .any(|w| l.contains(w))
        };
        let (advice_fr, advice_en) = if suggestion == "single-approval" && voted {
            (
                format!(
                    "Une seule validation, le vote de l'assemblée qui décide ({}), suffirait : les visas \
                     intermédiaires peuvent être supprimés et, là où la loi le permet, la décision déléguée par \
                     l'assemblée à son exécutif (le maire, le président, le directeur).",
                    quote(Lang::Fr, &ctx.label(last))
                ),
                format!(
                    "A single approval, the vote of the assembly that decides ({}), would do: the intermediate \
                     visas can be dropped and, where the law allows it, the decision delegated by the assembly to \
                     its executive (the mayor, the president, the director).",
                    quote(Lang::En, &ctx.label(last))
                ),
            )
        } else if suggestion == "single-approval" && delegated {
            (
                format!(
                    "Une seule validation, la dernière ({}), suffirait : sa signature est déjà \
                     déléguée ; les visas intermédiaires peuvent être supprimés, ou la délégation étendue à qui vise \
                     le projet.",
                    quote(Lang::Fr, &ctx.label(last))
                ),
                format!(
                    "A single approval, the last one ({}), would do: its signature is already \
                     delegated; the intermediate visas can be dropped, or the delegation extended to whoever visas \
                     the draft.",
                    quote(Lang::En, &ctx.label(last))
                ),
            )
        } else if suggestion == "single-approval" {
            (
                format!(
                    "Une seule validation, la dernière ({}), suffirait ; les visas intermédiaires peuvent être supprimés ou remplacés par une délégation de signature.",
                    quote(Lang::Fr, &ctx.label(chain[chain.len() - 1]))
                ),
                format!(
                    "A single approval, the last one ({}), would do; the intermediate visas can be dropped or replaced by a delegation of signature.",
                    quote(Lang::En, &ctx.label(chain[chain.len() - 1]))
                ),
            )
        } else {
            (
                "Ces validations étant prévues par les textes, elles peuvent au moins être menées en parallèle plutôt que l'une après l'autre.".to_string(),
                "As these approvals are required by law, they can at least run in parallel rather than one after the other.".to_string(),
            )
        };
        out.push(finding(
            ID,
            Severity::Warning,
            chain.iter().map(|&n| ctx.id(n)).collect(),
            text(
                sentence!["Cascade de ", few(Lang::Fr, chain.len()), " validations successives"],
                sentence!["Chain of ", few(Lang::En, chain.len()), " approvals in a row"],
            ),
            text(
                sentence! {
                    "Le dossier passe par ", few(Lang::Fr, chain.len()), " validations à la suite : ",
                    StepsWithLanes(ctx, Lang::Fr, &chain), ". Elles prennent ", took_fr, ", attente comprise. ", advice_fr,
                },
                sentence! {
                    "The file goes through ", few(Lang::En, chain.len()), " approvals in a row: ", StepsWithLanes(ctx, Lang::En, &chain),
                    ". They take ", took_en, ", waiting included. ", advice_en,
                },
            ),
            gain,
            Some(suggestion),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
