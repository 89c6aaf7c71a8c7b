//! One redundancy, one finding: what two rules would both say about the same steps is told by
//! the one that says the most, so that an agent reads it once and its minutes are counted once.
//! Each pass runs after every rule (`rules::run_all`), on the findings in the catalogue's order.

use super::{Context, media_break, rekeying, waste_step};
use super::{duplicate_step, redundant_check};
use crate::analysis::Finding;

/// One redundancy is told once, by the rule that says the most about it. Two checks of the same
/// pieces whose labels also mean the same ("Vérifier la demande" at the counter, "Contrôler la
/// demande" in the service) are both a `duplicate-step` and a `redundant-check`: the latter names
/// the pieces checked twice, so a `duplicate-step` finding whose steps are all named by one
/// `redundant-check` finding is dropped, and the same minutes are not counted twice.
/// Complexity: O(Σ subjects) to index the `redundant-check` findings by subject, then for each
/// `duplicate-step` finding its subjects looked up in the findings that name its first one.
pub(super) fn drop_told_twice(findings: &mut Vec<Finding>) {
    let checks: Vec<rustc_hash::FxHashSet<&str>> = findings
        .iter()
        .filter(|f| f.rule == redundant_check::ID)
        .map(|f| f.subjects.iter().map(String::as_str).collect())
        .collect();
    if checks.is_empty() {
        return;
    }
    let mut naming: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
    for (i, c) in checks.iter().enumerate() {
        for &s in c {
            naming.entry(s).or_default().push(i);
        }
    }
    let told: Vec<bool> = findings
        .iter()
        .map(|f| {
            f.rule == duplicate_step::ID
                && f.subjects.first().and_then(|s| naming.get(s.as_str())).is_some_and(|candidates| {
                    candidates.iter().any(|&i| f.subjects.iter().all(|s| checks[i].contains(s.as_str())))
                })
        })
        .collect();
    let mut told = told.into_iter();
    findings.retain(|_| !told.next().unwrap_or(false));
}

/// The user's paper form keyed in by hand is one redundancy: `rekeying` says it ("ressaisie à la
/// main d'informations fournies sur papier") and so does `media-break` when the paper reaches the
/// keying step along a flow, with the paper flow's delay in its gain and `go-digital`, which puts
/// the form online, as its proposal. A paper `rekeying` finding (its first subject is the keying
/// step) whose step and items one `media-break` finding names is dropped; one without such a
/// media break (the form keyed in further on) stays.
/// Complexity: one pass to index the media breaks by keying step, one to filter.
pub(super) fn drop_keyed_from_paper_twice(ctx: &Context, findings: &mut Vec<Finding>) {
    let breaks: rustc_hash::FxHashMap<&str, Vec<&[String]>> = findings
        .iter()
        .filter(|f| f.rule == media_break::ID && f.subjects.len() >= 2)
        .fold(rustc_hash::FxHashMap::default(), |mut by_step, f| {
            by_step.entry(f.subjects[1].as_str()).or_default().push(&f.subjects[2..]);
            by_step
        });
    if breaks.is_empty() {
        return;
    }
    let told: Vec<bool> = findings
        .iter()
        .map(|f| {
            f.rule == rekeying::ID
                && f.subjects
                    .first()
                    .filter(|s| ctx.p.node(s).is_some())
                    .and_then(|s| breaks.get(s.as_str()))
                    .is_some_and(|items| {
                        let keyed: Vec<&String> =
                            f.subjects[1..].iter().filter(|s| ctx.p.data_item(s).is_some()).collect();
                        items.iter().any(|named| keyed.iter().all(|d| named.contains(d)))
                    })
        })
        .collect();
    let mut told = told.into_iter();
    findings.retain(|_| !told.next().unwrap_or(false));
}

/// A second entry from paper is one redundancy: `rekeying` says the item is keyed in twice (the
/// family file created at the counter, then keyed again into the canteen's software from the
/// paper form) and proposes to enter it once; the `media-break` before the second entry would say
/// again that it is keyed from paper. That media break is dropped when `rekeying` findings name
/// its keying step as a later entry of each of its items — one finding or several: items keyed at
/// different steps before come as one finding each (the apprentice keyed into the HR software and
/// the DPAE, the contract into the HR software only, both again into the funder's platform after
/// the medical visit at the counter). The one before the first entry stays (the paper is keyed in
/// there too, and entering it once does not change that).
/// Complexity: one pass to index, per keying step, the items `rekeying` findings say are keyed
/// there again, one to filter.
pub(super) fn drop_break_of_a_second_entry(ctx: &Context, findings: &mut Vec<Finding>) {
    let mut later: rustc_hash::FxHashMap<&str, rustc_hash::FxHashSet<&str>> = rustc_hash::FxHashMap::default();
    for f in findings.iter().filter(|f| f.rule == rekeying::ID) {
        // An item keyed twice names its items first, then the steps entering them.
        if !f.subjects.first().is_some_and(|s| f.names_data(ctx.p, s)) {
            continue;
        }
        let items: Vec<&str> = f.subjects.iter().map(String::as_str).filter(|s| f.names_data(ctx.p, s)).collect();
        let mut steps: Vec<usize> = f.step_subjects(ctx.p).filter_map(|s| ctx.p.node(s).map(|x| x.index())).collect();
        steps.sort_by_key(|&n| ctx.g.pos[n]);
        for &n in steps.iter().skip(1) {
            later.entry(ctx.step(n).id.as_str()).or_default().extend(items.iter().copied());
        }
    }
    if later.is_empty() {
        return;
    }
    let told: Vec<bool> = findings
        .iter()
        .map(|f| {
            f.rule == media_break::ID
                && f.subjects
                    .get(1)
                    .and_then(|s| later.get(s.as_str()))
                    .is_some_and(|keyed| f.subjects[2..].iter().all(|d| keyed.contains(d.as_str())))
        })
        .collect();
    let mut told = told.into_iter();
    findings.retain(|_| !told.next().unwrap_or(false));
}

/// A step the author classified as waste that another finding already proposes to take away is
/// told by that finding, which says why it can go: a relay is a `transit-step` (removed, the file
/// going straight on), a repeated check a `redundant-check` (merged into the first). Its
/// `waste-step` would propose the same and count the same minutes again.
/// Complexity: one pass to collect the steps taken away (`remove-step`: the first subject;
/// `merge-steps`: every step but the first in the author's order), one to filter.
pub(super) fn drop_removed_twice(ctx: &Context, findings: &mut Vec<Finding>) {
    let mut going: rustc_hash::FxHashSet<usize> = rustc_hash::FxHashSet::default();
    let taking_away = |f: &&Finding| matches!(f.suggestion, Some("remove-step" | "merge-steps"));
    for f in findings.iter().filter(|f| f.rule != waste_step::ID).filter(taking_away) {
        let mut steps: Vec<usize> = f.step_subjects(ctx.p).filter_map(|s| ctx.p.node(s).map(|x| x.index())).collect();
        if f.suggestion == Some("remove-step") {
            going.extend(steps.first());
        } else {
            steps.sort_by_key(|&n| ctx.g.pos[n]);
            going.extend(steps.iter().skip(1));
        }
    }
    if going.is_empty() {
        return;
    }
    findings.retain(|f| {
        f.rule != waste_step::ID
            || !f.subjects.first().and_then(|s| ctx.p.node(s).map(|x| x.index())).is_some_and(|n| going.contains(&n))
    });
}
