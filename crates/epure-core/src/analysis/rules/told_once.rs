//! One redundancy, one finding: what two rules would both say about the same steps is told by
//! the one that says the most, so that an agent reads it once and its minutes are counted once.
//! The passes run after every rule (`rules::run_all`, through [`drop_all`]), on the findings in
//! the catalogue's order, each on the findings the passes before it kept.

use rustc_hash::{FxHashMap, FxHashSet};

use super::{Context, media_break, rekeying, waste_step};
use super::{duplicate_step, redundant_check};
use crate::analysis::Finding;

/// Runs the passes of this file in order: [`drop_told_twice`], [`drop_keyed_from_paper_twice`],
/// [`drop_break_of_a_second_entry`], [`drop_removed_twice`]. Each marks the findings it drops and
/// skips those marked before it, so it sees what the ones before it kept; the findings are then
/// compacted once. The data ids are hashed once for all the passes.
/// Complexity: O(F + D) for F findings and D data items, plus each pass's.
pub(super) fn drop_all(ctx: &Context, findings: &mut Vec<Finding>) {
    let ids = Ids { ctx, data: ctx.p.data.iter().map(|d| d.id.as_str()).collect() };
    let mut dropped = vec![false; findings.len()];
    drop_told_twice(findings, &mut dropped);
    drop_keyed_from_paper_twice(&ids, findings, &mut dropped);
    drop_break_of_a_second_entry(&ids, findings, &mut dropped);
    drop_removed_twice(&ids, findings, &mut dropped);
    if dropped.contains(&true) {
        let mut dropped = dropped.into_iter();
        findings.retain(|_| !dropped.next().unwrap_or(false));
    }
}

/// The ids of the procedure as the passes look them up: steps through the procedure's index,
/// data items through a set built once (`Procedure::data_item` is a scan).
struct Ids<'c, 'a> {
    ctx: &'c Context<'a>,
    data: FxHashSet<&'a str>,
}

/// What one subject names: the node of the step with its id, if any, and whether a data item has it.
type Named = (Option<usize>, bool);

impl Ids<'_, '_> {
    /// What each subject of `f` names, each looked up once, into `out`.
    fn resolve(&self, f: &Finding, out: &mut Vec<Named>) {
        out.clear();
        out.extend(f.subjects.iter().map(|s| (self.ctx.p.node(s).map(|n| n.index()), self.data.contains(s.as_str()))));
    }

    /// [`Finding::names_data`] for subject `i` of `f`, from its subjects resolved in `at`.
    fn names_data(&self, f: &Finding, at: &[Named], i: usize) -> bool {
        match at[i] {
            (_, false) => false,
            (None, true) => true,
            (Some(_), true) => {
                let s = &f.subjects[i];
                f.subjects.iter().zip(at).any(|(o, &(n, is_data))| {
                    o != s
                        && !is_data
                        && n.is_some_and(|n| {
                            let st = self.ctx.step(n);
                            [&st.requests, &st.checks, &st.enters, &st.produces].iter().any(|l| l.contains(s))
                        })
                })
            }
        }
    }

    /// The nodes of the subjects of `f` that name steps, in the finding's order
    /// ([`Finding::step_subjects`]), from its subjects resolved in `at`.
    fn step_nodes<'s>(&'s self, f: &'s Finding, at: &'s [Named]) -> impl Iterator<Item = usize> + 's {
        at.iter().enumerate().filter_map(move |(i, &(n, _))| n.filter(|_| !self.names_data(f, at, i)))
    }
}

/// One redundancy is told once, by the rule that says the most about it. Two checks of the same
/// pieces whose labels also mean the same ("Vérifier la demande" at the counter, "Contrôler la
/// demande" in the service) are both a `duplicate-step` and a `redundant-check`: the latter names
/// the pieces checked twice, so a `duplicate-step` finding whose steps are all named by one
/// `redundant-check` finding is dropped, and the same minutes are not counted twice.
/// Complexity: O(Σ subjects) to index the `redundant-check` findings by subject, then for each
/// `duplicate-step` finding its subjects looked up in the findings that name its first one.
fn drop_told_twice(findings: &[Finding], dropped: &mut [bool]) {
    let kept = || findings.iter().zip(dropped.iter()).filter(|(_, d)| !**d).map(|(f, _)| f);
    let checks: Vec<FxHashSet<&str>> = kept()
        .filter(|f| f.rule == redundant_check::ID)
        .map(|f| f.subjects.iter().map(String::as_str).collect())
        .collect();
    if checks.is_empty() {
        return;
    }
    let mut naming: FxHashMap<&str, Vec<usize>> = FxHashMap::default();
    for (i, c) in checks.iter().enumerate() {
        for &s in c {
            naming.entry(s).or_default().push(i);
        }
    }
    for (f, d) in findings.iter().zip(dropped.iter_mut()) {
        *d = *d
            || f.rule == duplicate_step::ID
                && f.subjects.first().and_then(|s| naming.get(s.as_str())).is_some_and(|candidates| {
                    candidates.iter().any(|&i| f.subjects.iter().all(|s| checks[i].contains(s.as_str())))
                });
    }
}

/// The user's paper form keyed in by hand is one redundancy: `rekeying` says it ("ressaisie à la
/// main d'informations fournies sur papier") and so does `media-break` when the paper reaches the
/// keying step along a flow, with the paper flow's delay in its gain and `go-digital`, which puts
/// the form online, as its proposal. A paper `rekeying` finding (its first subject is the keying
/// step) whose step and items one `media-break` finding names is dropped; one without such a
/// media break (the form keyed in further on) stays.
/// Complexity: one pass to index the media breaks by keying step, one to filter.
fn drop_keyed_from_paper_twice(ids: &Ids, findings: &[Finding], dropped: &mut [bool]) {
    let mut breaks: FxHashMap<&str, Vec<&[String]>> = FxHashMap::default();
    for (f, _) in findings.iter().zip(dropped.iter()).filter(|(f, d)| !**d && f.rule == media_break::ID) {
        if f.subjects.len() >= 2 {
            breaks.entry(f.subjects[1].as_str()).or_default().push(&f.subjects[2..]);
        }
    }
    if breaks.is_empty() {
        return;
    }
    for (f, d) in findings.iter().zip(dropped.iter_mut()) {
        *d = *d
            || f.rule == rekeying::ID
                && f.subjects
                    .first()
                    .filter(|s| ids.ctx.p.node(s).is_some())
                    .and_then(|s| breaks.get(s.as_str()))
                    .is_some_and(|items| {
                        let keyed: Vec<&String> =
                            f.subjects[1..].iter().filter(|s| ids.data.contains(s.as_str())).collect();
                        // An id that is a step's too may be the step the paper came from (a
                        // user's letter and the document it is, both « demande-buvette »).
                        let step = |d: &String| ids.ctx.p.node(d).is_some();
                        items.iter().any(|named| keyed.iter().all(|d| named.contains(d) || step(d)))
                    });
    }
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
fn drop_break_of_a_second_entry(ids: &Ids, findings: &[Finding], dropped: &mut [bool]) {
    let ctx = ids.ctx;
    let mut later: FxHashMap<&str, FxHashSet<&str>> = FxHashMap::default();
    let mut at = Vec::new();
    for (f, _) in findings.iter().zip(dropped.iter()).filter(|(f, d)| !**d && f.rule == rekeying::ID) {
        ids.resolve(f, &mut at);
        // An item keyed twice names its items first, then the steps entering them.
        if f.subjects.is_empty() || !ids.names_data(f, &at, 0) {
            continue;
        }
        let items: Vec<&str> =
            (0..f.subjects.len()).filter(|&i| ids.names_data(f, &at, i)).map(|i| f.subjects[i].as_str()).collect();
        let mut steps: Vec<usize> = ids.step_nodes(f, &at).collect();
        steps.sort_by_key(|&n| ctx.g.pos[n]);
        for &n in steps.iter().skip(1) {
            later.entry(ctx.step(n).id.as_str()).or_default().extend(items.iter().copied());
        }
    }
    if later.is_empty() {
        return;
    }
    for (f, d) in findings.iter().zip(dropped.iter_mut()) {
        *d = *d
            || f.rule == media_break::ID
                && f.subjects
                    .get(1)
                    .and_then(|s| later.get(s.as_str()))
                    .is_some_and(|keyed| f.subjects[2..].iter().all(|d| keyed.contains(d.as_str())));
    }
}

/// A step the author classified as waste that another finding already proposes to take away is
/// told by that finding, which says why it can go: a relay is a `transit-step` (removed, the file
/// going straight on), a repeated check a `redundant-check` (merged into the first). Its
/// `waste-step` would propose the same and count the same minutes again.
/// Complexity: one pass to collect the steps taken away (`remove-step`: the first subject;
/// `merge-steps`: every step but the first in the author's order), one to filter.
fn drop_removed_twice(ids: &Ids, findings: &[Finding], dropped: &mut [bool]) {
    let ctx = ids.ctx;
    let mut going: FxHashSet<usize> = FxHashSet::default();
    let mut at = Vec::new();
    let taking_away = |f: &Finding| matches!(f.suggestion, Some("remove-step" | "merge-steps"));
    for (f, _) in
        findings.iter().zip(dropped.iter()).filter(|(f, d)| !**d && f.rule != waste_step::ID && taking_away(f))
    {
        ids.resolve(f, &mut at);
        if f.suggestion == Some("remove-step") {
            going.extend(ids.step_nodes(f, &at).next());
        } else {
            let mut steps: Vec<usize> = ids.step_nodes(f, &at).collect();
            steps.sort_by_key(|&n| ctx.g.pos[n]);
            going.extend(steps.iter().skip(1));
        }
    }
    if going.is_empty() {
        return;
    }
    for (f, d) in findings.iter().zip(dropped.iter_mut()) {
        *d = *d
            || f.rule == waste_step::ID
                && f.subjects.first().and_then(|s| ctx.p.node(s)).is_some_and(|n| going.contains(&n.index()));
    }
}
