//! `once-only` — Dites-le-nous une fois.
//!
//! Fires when a data item is requested from the user although `held_by` names an administration
//! that already holds it (one finding per item, naming every step that asks for it:
//! `fetch-from-holder`), or when it is requested again on a way a case can take after an earlier
//! request (`ask-once`). Not fired: requests on exclusive branches (no case meets both); a piece
//! asked again on the rework branch of a loop the first request is not part of (it was missing:
//! `rework-loop` speaks of it), also inside a larger loop that holds both (the year's attestation
//! asked again after the formal notice, inside the years of the licence); a document the
//! administration itself issued in between (a form sent to be signed and returned is a new
//! document); the identity document shown in person to collect what the administration hands over
//! at that sitting (the certificate, the vehicle at the pound): who collects is checked there,
//! asked once it would go to any bearer; an identifier the administration issued, quoted again (the
//! BAFA registration number given to each training body): it is how the file is found without
//! asking for the rest; the proof of a current situation asked again at a renewal (the proof of
//! address of the year to come: `renewal.rs`). A piece asked at the filing, again on the rework
//! branch when it was missing, and again later ("apporter les originaux") is asked twice by the
//! filing and the later request: the finding names those two, not the rework request.
//!
//! Also fired on a piece the administration already made known to the body that asks the user for
//! it (the ARS notifies its approval to the ambulance company and informs the CPAM, which then asks
//! the company for a copy): see `sent.rs`.
//!
//! Two branches of one parallel block are both taken by every case that reaches the fork: a
//! piece asked on each (the CAF and the Département each asking for the RIB) is asked twice,
//! although neither request comes after the other. Only requests met at every pass through the
//! block count (visited as often as its fork), not one a decision inside the branch may skip.

use super::{Context, Marks, finding, text};
use crate::analysis::words::{Quoted, QuotedList, Times, quoted_list, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::Step;
use handover::{handed_in_just_before, identity_shown_to_collect};
use quoted::quoted_references;

mod handover;
mod held;
mod own;
mod quoted;
mod renewal;
mod sent;

pub const ID: &str = "once-only";

/// The reachable steps asking for each data item not held elsewhere, in the author's order (none
/// for an item some administration holds: that is the other finding). `run` builds the same
/// groups from the askers it lists anyway.
pub(super) fn asked(ctx: &Context) -> Vec<Vec<usize>> {
    let mut askers_of = super::steps_naming(ctx, ctx.g.order.iter().copied().filter(|&n| ctx.reachable[n]), |n| {
        ctx.step(n).requests.iter()
    });
    let quoted = quoted_references(ctx);
    for ((d, askers), quoted) in ctx.p.data.iter().zip(&mut askers_of).zip(quoted) {
        if !d.held_by.is_empty() || quoted {
            askers.clear();
        }
    }
    askers_of
}

/// The data items a step issues (then a later request of one asks for a new document).
pub(super) fn issued(s: &Step) -> impl Iterator<Item = &String> {
    s.produces.iter()
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // The reachable steps asking for each item, in the author's order, but for an agent's step
    // taking what the user hands in just before (`handed_in_just_before`).
    let mut askers_of = super::steps_naming(ctx, ctx.g.order.iter().copied().filter(|&n| ctx.reachable[n]), |n| {
        ctx.step(n).requests.iter()
    });
    // Per item, the agent's steps left out and the user's steps they take from.
    let mut taken: Vec<Vec<(usize, Vec<usize>)>> = vec![Vec::new(); askers_of.len()];
    for (di, (d, askers)) in ctx.p.data.iter().zip(&mut askers_of).enumerate() {
        if askers.len() < 2 {
            continue;
        }
        askers.retain(|&n| {
            let from = handed_in_just_before(ctx, n, &d.id);
            if from.is_empty() {
                return true;
            }
            taken[di].push((n, from));
            false
        });
    }
    // Asked again after an earlier request: every data item in one pass (shared with the other
    // rules asking about data, see `Context::data_pairs`). A document the administration itself
    // issued in between is a new document.
    let groups: Vec<Vec<usize>> = ctx
        .p
        .data
        .iter()
        .zip(&askers_of)
        .zip(quoted_references(ctx))
        .map(|((d, askers), quoted)| if d.held_by.is_empty() && !quoted { askers.clone() } else { Vec::new() })
        .collect();
    let mut earlier = ctx.data_pairs(super::DataQuestion::Asked);
    // Requests asked again on a rework branch the first request is not part of (the piece was
    // missing). When one is the nearest earlier request of a later one, the request it repeats
    // is the one to name: the pairs of those items are looked for again without them.
    without_rework_requests(ctx, &groups, &mut earlier, Some(4 * (ctx.g.bound + ctx.g.live_in_parts().0.len())));
    let branches_of = if ctx.lead.blocks.is_empty() { Vec::new() } else { branches_of(ctx) };
    // The tables of the backward searches of `alternatives` (made for the first item asked twice,
    // shared by the searches, emptied before each).
    let mut ways_back: Option<WaysBack> = None;
    // What the administration sent on to a body named in its labels (`sent`).
    let mut sent_on = sent::Sent::new(ctx);
    for (di, d) in ctx.p.data.iter().enumerate() {
        let askers = &askers_of[di];
        if askers.is_empty() {
            continue;
        }
        let name = d.name.clone();
        if !d.held_by.is_empty() {
            out.push(held::finding_of(ctx, d, askers));
            continue;
        }
        // Asked of the user although the administration sent it to the body asking for it.
        let sent_here = sent_on.requests_of(ctx, &d.id, askers);
        if askers.len() < 2 {
            out.extend(sent_here.into_iter().map(|(u, sender, taker)| sent::finding_of(ctx, d, u, sender, taker)));
            continue;
        }
        // The agent taking what the user hands in is that handing over: a request after it is
        // after the user's (the one way in that is not the later request itself), and it is no
        // request after theirs.
        let from = |n: usize| taken[di].iter().find(|(t, _)| *t == n).map(|(_, from)| from);
        let mut pairs: Vec<(usize, usize)> = std::mem::take(&mut earlier[di])
            .into_iter()
            .filter(|&(later, earlier)| from(later).is_none_or(|f| !f.contains(&earlier)))
            .map(|(later, earlier)| match from(earlier) {
                Some(f) => {
                    let other: Vec<usize> = f.iter().copied().filter(|&m| m != later).collect();
                    (later, if other.len() == 1 { other[0] } else { earlier })
                }
                None => (later, earlier),
            })
            .filter(|&(later, earlier)| later != earlier)
            // Asked again on a rework branch the first request is not part of: the piece was missing.
            .filter(|&(later, earlier)| !ctx.returns_without(later, earlier))
            .filter(|&(later, _)| !identity_shown_to_collect(ctx, later, d))
            .filter(|&(later, _)| !renewal::proof_of_the_new_period(ctx, later, d))
            .collect();
        // A request asked again of the user is told as such, not as sent on as well.
        out.extend(
            sent_here
                .into_iter()
                .filter(|&(u, _, _)| !pairs.iter().any(|&(later, _)| later == u))
                .map(|(u, sender, taker)| sent::finding_of(ctx, d, u, sender, taker)),
        );
        if !taken[di].is_empty() {
            let mut kept: Vec<(usize, usize)> = Vec::with_capacity(pairs.len());
            for pair in pairs {
                if !kept.contains(&pair) {
                    kept.push(pair);
                }
            }
            pairs = kept;
        }
        let (sets, of_set) = super::groups_and_pairs(ctx, &pairs);
        let parallel = on_parallel_branches(ctx, &branches_of, askers);
        for side_by_side in &parallel {
            // Already named together as requests one after the other.
            if !sets.iter().any(|set| side_by_side.iter().all(|n| set.contains(n))) {
                out.push(parallel_finding(ctx, d, side_by_side));
            }
        }
        // The requests of the item some finding names as asked twice.
        let paired: Vec<usize> = sets.iter().flatten().copied().collect();
        for (group, of_set) in sets.into_iter().zip(of_set) {
            let later: Vec<usize> = of_set.iter().map(|&k| pairs[k].0).collect();
            let labels: Vec<&str> = group.iter().map(|&n| ctx.label_str(n)).collect();
            let others = alternatives(ctx, (di, &d.id), (&group, &paired), &later, askers, &parallel, &mut ways_back);
            let mut subjects = vec![d.id.clone()];
            subjects.extend(group.iter().map(|&n| ctx.id(n)));
            subjects.extend(others.iter().map(|&n| ctx.id(n)));
            let other_labels: Vec<String> = others.iter().map(|&n| ctx.label(n)).collect();
            let (others_fr, others_en) = if others.is_empty() {
                (String::new(), String::new())
            } else {
                let (step_fr, step_en) =
                    if others.len() == 1 { ("à l'étape", "at step") } else { ("aux étapes", "at steps") };
                (
                    format!(
                        " Sur les autres parcours, elle est demandée de même {step_fr} {}.",
                        quoted_list(Lang::Fr, &other_labels)
                    ),
                    format!(
                        " On the other ways, it is asked for the same way {step_en} {}.",
                        quoted_list(Lang::En, &other_labels)
                    ),
                )
            };
            let saved: f64 = later.iter().map(|&n| ctx.visits[n]).sum();
            // Told as often as one way asks it: the mayor's report, then the online or the paper
            // application, is twice, not three times.
            let k = most_on_one_way(&pairs, &of_set).min(group.len());
            let (on_one_fr, on_one_en) =
                if k < group.len() { (" sur un même parcours", " on one way") } else { ("", "") };
            out.push(finding(
                ID,
                Severity::Warning,
                subjects,
                text(
                    sentence!["Dites-le-nous une fois : ", noun_fr(d), " demandée ", Times(Lang::Fr, k)],
                    sentence!["Tell us once: ", Quoted(Lang::En, &name), " requested ", Times(Lang::En, k)],
                ),
                text(
                    sentence! {
                        subject_fr(d), " est demandée ", Times(Lang::Fr, k), " à l'usager", on_one_fr, " (étapes ",
                        QuotedList(Lang::Fr, &labels),
                        "). Celle fournie la première fois peut être conservée et réutilisée par la suite.",
                        others_fr.as_str(),
                    },
                    sentence! {
                        Quoted(Lang::En, &name), " is requested from the user ", Times(Lang::En, k), on_one_en, " (steps ",
                        QuotedList(Lang::En, &labels), "). The copy given the first time can be kept and reused.",
                        others_en.as_str(),
                    },
                ),
                Gain { requests: saved, ..Gain::default() },
                Some("ask-once"),
            ));
        }
    }
    out
}

/// The most requests of a group that one way meets: the longest chain of its pairs (`of_set`,
/// indices into `pairs`, each a later request and an earlier one that reaches it), at least two.
/// Requests on exclusive ways (the application online or on paper, after the same report) are
/// one each way. Complexity: O(pairs²) at most, for the few pairs of one item.
fn most_on_one_way(pairs: &[(usize, usize)], of_set: &[usize]) -> usize {
    let mut depth: Vec<(usize, usize)> = Vec::with_capacity(2 * of_set.len());
    let at = |depth: &[(usize, usize)], n: usize| depth.iter().find(|e| e.0 == n).map_or(1, |e| e.1);
    for _ in 0..of_set.len() {
        let mut changed = false;
        for &k in of_set {
            let (later, earlier) = pairs[k];
            let d = at(&depth, earlier) + 1;
            if d > at(&depth, later) {
                match depth.iter_mut().find(|e| e.0 == later) {
                    Some(e) => e.1 = d,
                    None => depth.push((later, d)),
                }
                changed = true;
            }
        }
        if !changed {
            break;
        }
    }
    depth.iter().map(|e| e.1).max().unwrap_or(2).max(2)
}

/// How many steps one backward search of [`alternatives`] meets at most. A drawn procedure has far
/// fewer, so the search is whole there; on a generated one of thousands of steps, a way whose first
/// request lies farther back than that is not named (the finding still names the nearest), and the
/// searches stay linear in the number of later requests rather than in the steps behind them.
const WAYS_BACK_BUDGET: usize = 1024;

/// The tables of [`alternatives`]' backward searches: the steps met, the requests of the item
/// `asks_of` (the index of the data item, filled once for all its groups), the steps still to look at.
struct WaysBack {
    met: Marks,
    asks: Marks,
    asks_of: Option<usize>,
    stack: Vec<usize>,
}

impl WaysBack {
    fn new(bound: usize) -> Self {
        WaysBack { met: Marks::new(bound), asks: Marks::new(bound), asks_of: None, stack: Vec::new() }
    }
}

/// The other requests of the item that stand in for a first request of `group` on the other ways in:
/// steps asking for it that flow into the same next step as that first request (the filing on each
/// ground of a request, online or on paper), or that are the nearest request before a later request
/// of the group on another way to it (the filing in person at the counter, checked and scanned
/// there, and the file posted by a hospital's social service and scanned by the mail platform,
/// both asked again at the renewal: the two ways meet after steps of their own), neither in the
/// group, nor on the rework branch of a loop, nor on a branch of a parallel block beside it. The
/// finding names them, so that no way reads as the only one (the nearest earlier request may be
/// the one of the way few files take). A request found so that is itself asked twice with a later
/// one is named by that finding, not here again.
///
/// Complexity: O(size of the gateway regions after and before each first request), plus, per later
/// request of the group, one backward search over its live predecessors that stops at the requests
/// of the item and at the steps issuing it: O(steps between it and the requests before it), at most
/// [`WAYS_BACK_BUDGET`] steps.
fn alternatives(
    ctx: &Context,
    (di, item): (usize, &str),
    (group, paired): (&[usize], &[usize]),
    later: &[usize],
    askers: &[usize],
    parallel: &[Vec<usize>],
    ways_back: &mut Option<WaysBack>,
) -> Vec<usize> {
    let mut others: Vec<usize> = Vec::new();
    let beside = |a: usize| parallel.iter().any(|set| set.contains(&a) && group.iter().any(|m| set.contains(m)));
    let WaysBack { met, asks, asks_of, stack } = ways_back.get_or_insert_with(|| WaysBack::new(ctx.g.bound));
    if *asks_of != Some(di) {
        asks.clear();
        for &a in askers {
            asks.insert(a);
        }
        *asks_of = Some(di);
    }
    for &l in later {
        met.clear();
        stack.clear();
        stack.extend(ctx.g.inc[l].iter().filter(|a| a.share > 0.0).map(|a| a.node));
        while let Some(n) = stack.pop() {
            if n == l || met.len() >= WAYS_BACK_BUDGET || !met.insert(n) {
                continue;
            }
            // A request on the rework branch of a loop (the piece sent again when it was missing)
            // is passed through: the first request of that way lies before it.
            if asks.contains(n) && !ctx.returns_without(n, l) {
                if !paired.contains(&n) && !others.contains(&n) && !beside(n) {
                    others.push(n);
                }
                continue;
            }
            // A document the administration issued in between is a new one.
            if !ctx.in_loop(n) && issued(ctx.step(n)).any(|i| i == item) {
                continue;
            }
            stack.extend(ctx.g.inc[n].iter().filter(|a| a.share > 0.0).map(|a| a.node));
        }
    }
    for &m in group.iter().filter(|n| !later.contains(n)) {
        for (w, _) in ctx.next_work(m) {
            for (a, _) in ctx.prev_work(w) {
                // A request on the rework branch of a loop is the piece asked again when missing.
                if a != m
                    && !ctx.returns_without(a, m)
                    && askers.contains(&a)
                    && !group.contains(&a)
                    && !others.contains(&a)
                    && !parallel.iter().any(|set| set.contains(&a) && set.contains(&m))
                {
                    others.push(a);
                }
            }
        }
    }
    others.sort_by_key(|&n| ctx.g.pos[n]);
    others
}

/// Replaces, for each item where a rework request (asked again on a rework branch its earlier
/// request is not part of) is the nearest earlier request of another, the item's pairs by those
/// [`Context::earlier_on_paths`] gives for its requests without the rework ones.
///
/// Removing sources from a group changes no other source's answer whose nearest earlier source
/// stays: the steps on its way back are reached by that source, so they stay in the search, and
/// the search, restricted to fewer steps, meets no nearer or earlier-ranked source. Only the later
/// requests whose earlier one was a rework request are searched again, backwards from each, as
/// [`Context::earlier_on_paths`]'s searches do: over the live predecessors, not past a step outside
/// loops issuing the item (a search going only through steps its group's sources reach, as those
/// do, meets the same steps in the same order, up to steps from which no source is reached).
/// Inside a loop, another request of the same loop is taken first.
///
/// Arguments: the requests of each item (`groups`), the pairs found with them (`earlier`, changed
/// in place); `budget`: how many predecessors the searches may read in all before the items are
/// searched again in one pass instead (both give the same pairs), `None` for the pass at once.
/// Complexity: O(pairs × rework requests of their item) for the tests, then O(budget) for the
/// searches, which mostly stop after a few steps, and past it one [`Context::earlier_on_paths`]
/// for the items concerned.
fn without_rework_requests(
    ctx: &Context,
    groups: &[Vec<usize>],
    earlier: &mut [Vec<(usize, usize)>],
    budget: Option<usize>,
) {
    let rework = |later: usize, earlier: usize| ctx.returns_without(later, earlier);
    // The items concerned, with their rework requests.
    let mut again: Vec<(usize, Vec<usize>)> = Vec::new();
    for (di, pairs) in earlier.iter().enumerate() {
        let repeats: Vec<usize> = pairs.iter().filter(|&&(l, e)| rework(l, e)).map(|&(l, _)| l).collect();
        if pairs.iter().any(|&(l, e)| !rework(l, e) && repeats.contains(&e)) {
            again.push((di, repeats));
        }
    }
    if again.is_empty() {
        return;
    }
    if let Some(budget) = budget
        && let Some(found) = searched_without(ctx, groups, earlier, &again, budget)
    {
        for (&(di, _), pairs) in again.iter().zip(found) {
            earlier[di] = pairs;
        }
        return;
    }
    let mut without: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
    for (di, repeats) in &again {
        without[*di] = groups[*di].iter().copied().filter(|n| !repeats.contains(n)).collect();
    }
    let items = super::item_numbers(ctx);
    let stops = super::Stops::new(ctx, |n, stop| super::push_items(stop, &items, 0, issued(ctx.step(n))));
    let found = ctx.earlier_on_paths(&without, Some(&stops));
    for (di, pairs) in found.into_iter().enumerate() {
        if !without[di].is_empty() {
            earlier[di] = pairs;
        }
    }
}

/// The new pairs of each item of `again` (with its rework requests), in its order, through one backward search
/// per later request whose earlier one is a rework request (see [`without_rework_requests`]);
/// `None` once the searches have read more than `budget` predecessors.
fn searched_without(
    ctx: &Context,
    groups: &[Vec<usize>],
    earlier: &[Vec<(usize, usize)>],
    again: &[(usize, Vec<usize>)],
    mut budget: usize,
) -> Option<Vec<Vec<(usize, usize)>>> {
    let bound = ctx.g.bound;
    let (live_in, live_in_at) = ctx.g.live_in_parts();
    let (mut seen, mut sources) = (super::Marks::new(bound), super::Marks::new(bound));
    let mut queue: Vec<usize> = Vec::new();
    let mut out = Vec::with_capacity(again.len());
    for (di, repeats) in again {
        let id = &ctx.p.data[*di].id;
        sources.clear();
        for &n in groups[*di].iter().filter(|n| !repeats.contains(n)) {
            sources.insert(n);
        }
        // The steps the item's search may not pass (inside loops none, as in the pass).
        let stops = |x: usize| !ctx.in_loop(x) && issued(ctx.step(x)).any(|i| i == id);
        // `Err` past the budget, else the nearest earlier source, if any.
        let mut nearest = |s: usize| -> Result<Option<usize>, ()> {
            if ctx.in_loop(s) {
                let c = ctx.comps.of[s];
                let inside = ctx.comps.members[c].iter().copied().find(|&x| x != s && sources.contains(x));
                if inside.is_some() {
                    return Ok(inside);
                }
            }
            seen.clear();
            seen.insert(s);
            queue.clear();
            let (mut head, mut x) = (0, s);
            loop {
                if x == s || !stops(x) {
                    let preds = &live_in[live_in_at[x]..live_in_at[x + 1]];
                    budget = budget.checked_sub(preds.len()).ok_or(())?;
                    for &y in preds {
                        if seen.insert(y) {
                            queue.push(y);
                        }
                    }
                }
                let Some(&next) = queue.get(head) else { return Ok(None) };
                head += 1;
                if sources.contains(next) {
                    return Ok(Some(next));
                }
                x = next;
            }
        };
        let mut pairs = Vec::with_capacity(earlier[*di].len());
        for &(l, e) in earlier[*di].iter().filter(|&&(l, _)| !repeats.contains(&l)) {
            if !repeats.contains(&e) {
                pairs.push((l, e));
            } else if let Some(e) = nearest(l).ok()? {
                pairs.push((l, e));
            }
        }
        out.push(pairs);
    }
    Some(out)
}

/// For each step, the branches of parallel blocks it is on: (block, branch) indices into
/// [`crate::analysis::metrics::lead::Lead::blocks`], an outer block's as well as an inner one's.
/// Complexity: O(Σ branch lengths).
fn branches_of(ctx: &Context) -> Vec<Vec<(usize, usize)>> {
    let mut of = vec![Vec::new(); ctx.g.bound];
    for (bi, block) in ctx.lead.blocks.iter().enumerate() {
        for (ri, branch) in block.branches.iter().enumerate() {
            for &n in branch {
                of[n].push((bi, ri));
            }
        }
    }
    of
}

/// The requests of one item on two branches or more of one parallel block, each met at every
/// pass through the block: per block, the first such request of each branch, in the author's order.
fn on_parallel_branches(ctx: &Context, branches_of: &[Vec<(usize, usize)>], askers: &[usize]) -> Vec<Vec<usize>> {
    // (block, branch, position, step) of each request met whenever its block is.
    let mut met: Vec<(usize, usize, usize, usize)> = Vec::new();
    for &n in askers {
        for &(bi, ri) in branches_of.get(n).map(Vec::as_slice).unwrap_or_default() {
            let fork = ctx.visits[ctx.lead.blocks[bi].fork];
            if fork > 0.0 && ctx.visits[n] >= fork * (1.0 - 1e-9) {
                met.push((bi, ri, ctx.g.pos[n], n));
            }
        }
    }
    met.sort_unstable();
    let mut out = Vec::new();
    for block in met.chunk_by(|a, b| a.0 == b.0) {
        let mut firsts: Vec<(usize, usize)> = Vec::new();
        for branch in block.chunk_by(|a, b| a.1 == b.1) {
            firsts.push((branch[0].2, branch[0].3));
        }
        if firsts.len() >= 2 {
            firsts.sort_unstable();
            out.push(firsts.into_iter().map(|(_, n)| n).collect());
        }
    }
    out
}

/// The finding for one item asked on parallel branches (`steps`, in the author's order).
fn parallel_finding(ctx: &Context, d: &crate::model::DataItem, steps: &[usize]) -> Finding {
    let labels: Vec<&str> = steps.iter().map(|&n| ctx.label_str(n)).collect();
    let mut subjects = vec![d.id.clone()];
    subjects.extend(steps.iter().map(|&n| ctx.id(n)));
    let k = steps.len();
    let saved: f64 = steps[1..].iter().map(|&n| ctx.visits[n]).sum();
    finding(
        ID,
        Severity::Warning,
        subjects,
        text(
            sentence!["Dites-le-nous une fois : ", noun_fr(d), " demandée ", Times(Lang::Fr, k)],
            sentence!["Tell us once: ", Quoted(Lang::En, &d.name), " requested ", Times(Lang::En, k)],
        ),
        text(
            sentence! {
                subject_fr(d), " est demandée ", Times(Lang::Fr, k), " à l'usager, par des étapes menées en parallèle \
                (étapes ", QuotedList(Lang::Fr, &labels), ") : chaque dossier passe par ",
                if k == 2 { "les deux" } else { "toutes" }, ". Fournie une fois, elle peut être partagée entre les services ou les administrations qui la \
                 reçoivent.",
            },
            sentence! {
                Quoted(Lang::En, &d.name), " is requested from the user ", Times(Lang::En, k),
                " by steps carried out in parallel (steps ", QuotedList(Lang::En, &labels), "): every case goes through ",
                if k == 2 { "both" } else { "all of them" }, ". Given once, it can be shared between the services or the administrations that receive it.",
            },
        ),
        Gain { requests: saved, ..Gain::default() },
        Some("ask-once"),
    )
}

/// "pièce « X »" for a document, "donnée « X »" for a field.
pub(crate) fn noun_fr(d: &crate::model::DataItem) -> String {
    match d.kind() {
        crate::model::DataKind::Document => named("pièce ", d),
        crate::model::DataKind::Field => named("donnée ", d),
    }
}

/// "La pièce « X »" for a document, "La donnée « X »" for a field: the subject of a French sentence.
pub(crate) fn subject_fr(d: &crate::model::DataItem) -> String {
    match d.kind() {
        crate::model::DataKind::Document => named("La pièce ", d),
        crate::model::DataKind::Field => named("La donnée ", d),
    }
}

/// `head` then the item's name in French quotes, in one allocation (called for most findings
/// about data).
fn named(head: &str, d: &crate::model::DataItem) -> String {
    let mut out = String::with_capacity(head.len() + d.name.len() + 8);
    out.push_str(head);
    crate::analysis::words::push_quoted(&mut out, Lang::Fr, &d.name);
    out
}

#[cfg(test)]
mod tests;
#[cfg(test)]
mod ways_tests;
