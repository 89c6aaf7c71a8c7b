//! The rule catalogue (analysis spec, section 2): one module per rule, each a function of the
//! [`Context`] returning its findings.
//!
//! Rules are written to be precise rather than broad: a finding an agent reads as wrong costs
//! more trust than a finding missed. Each module's tests hold cases where the rule must fire and
//! near misses where it must not.

use super::metrics::Context;
use super::{Finding, Gain, Severity};

pub mod approval_chain;
pub mod dead_end;
pub mod duplicate_step;
pub mod endless_loop;
pub mod handoff_chain;
pub mod late_knockout;
mod levels;
pub mod media_break;
pub mod once_only;
pub mod parallelizable;
mod period_loop;
pub mod ping_pong;
pub mod redundant_check;
pub mod rekeying;
pub mod rework_loop;
mod schedule;
mod told_once;
pub mod too_many_contacts;
pub mod transit_step;
pub mod unreachable;
pub mod unstructured_parallel;
pub mod waiting;
pub mod waste_step;

type Rule = fn(&Context) -> Vec<Finding>;

/// The catalogue, in the spec's order (which is also the order findings of equal severity are
/// listed in).
pub const CATALOGUE: &[(&str, Rule)] = &[
    ("duplicate-step", duplicate_step::run),
    ("once-only", once_only::run),
    ("rekeying", rekeying::run),
    ("redundant-check", redundant_check::run),
    ("ping-pong", ping_pong::run),
    ("transit-step", transit_step::run),
    ("handoff-chain", handoff_chain::run),
    ("approval-chain", approval_chain::run),
    ("parallelizable", parallelizable::run),
    ("rework-loop", rework_loop::run),
    ("late-knockout", late_knockout::run),
    ("waiting", waiting::run),
    ("media-break", media_break::run),
    ("waste-step", waste_step::run),
    ("too-many-contacts", too_many_contacts::run),
    ("unreachable", unreachable::run),
    ("dead-end", dead_end::run),
    ("endless-loop", endless_loop::run),
    ("unstructured-parallel", unstructured_parallel::run),
];

/// Position of a rule in the catalogue.
pub fn rank(rule: &str) -> usize {
    CATALOGUE.iter().position(|(id, _)| *id == rule).unwrap_or(CATALOGUE.len())
}

/// Runs every rule, on `threads` threads or, when `None`, on as many as [`schedule`] chooses for
/// the procedure's size (several for a large one), then tells each redundancy once.
pub fn run_all(ctx: &Context, threads: Option<usize>) -> Vec<Finding> {
    let threads = threads.unwrap_or_else(|| schedule::workers(ctx));
    let mut out: Vec<Finding> = schedule::run_rules(ctx, threads).into_iter().flatten().collect();
    told_once::drop_all(ctx, &mut out);
    out
}

/// A sentence in both languages.
pub(crate) struct Text {
    pub fr: String,
    pub en: String,
}

pub(crate) fn text(fr: impl Into<String>, en: impl Into<String>) -> Text {
    Text { fr: fr.into(), en: en.into() }
}

/// Builds a finding.
pub(crate) fn finding(
    rule: &'static str,
    severity: Severity,
    subjects: Vec<String>,
    title: Text,
    explanation: Text,
    gain: Gain,
    suggestion: Option<&'static str>,
) -> Finding {
    Finding {
        rule,
        severity,
        subjects,
        title_fr: title.fr,
        title_en: title.en,
        explanation_fr: explanation.fr,
        explanation_en: explanation.en,
        gain,
        suggestion,
    }
}

/// The questions about data items that three rules ask along the paths, answered by one pass
/// ([`Context::data_pairs`]).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum DataQuestion {
    /// `once-only`: requests of an item after an earlier request, not through a step issuing it.
    Asked = 0,
    /// `rekeying`: steps keying an item in after an earlier one did (or took it on paper), not
    /// through a new request of it.
    Keyed = 1,
    /// `redundant-check`: checks of an item after an earlier check, not through a fresh copy.
    Checked = 2,
}

impl<'a> Context<'a> {
    /// [`Context::earlier_on_paths`] for the groups of one [`DataQuestion`], one group per data
    /// item. The three questions are answered together, as one call with three groups per item
    /// (each group's search is independent of the others, so the pairs are those of three calls):
    /// the passes over the graph, whose cost is mostly per step rather than per group, are made
    /// once instead of three times. Each answer is computed on the first call and handed out once;
    /// asking again recomputes them all.
    pub(crate) fn data_pairs(&self, q: DataQuestion) -> Vec<Vec<(usize, usize)>> {
        // Locked while the pass runs: a rule asking on another thread meanwhile waits for its
        // answer rather than computing them all a second time.
        let mut slots = super::metrics::locked(&self.data_pairs);
        if let Some(found) = slots[q as usize].take() {
            return found;
        }
        let d = self.p.data.len();
        let mut groups = once_only::asked(self);
        groups.extend(rekeying::keyed(self));
        groups.extend(redundant_check::checked(self));
        let items = item_numbers(self);
        let stops = Stops::new(self, |n, stop| {
            let s = self.step(n);
            push_items(stop, &items, 0, once_only::issued(s));
            push_items(stop, &items, d, rekeying::requested(s));
            push_items(stop, &items, 2 * d, redundant_check::fresh(s));
        });
        let mut found = self.earlier_on_paths(&groups, Some(&stops));
        let checked = found.split_off(2 * d.min(found.len() / 3));
        let keyed = found.split_off(d.min(found.len() / 2));
        let mut all = [Some(found), Some(keyed), Some(checked)];
        let mine = all[q as usize].take();
        *slots = all;
        mine.unwrap_or_default()
    }
}

impl<'a> Context<'a> {
    /// The label of a step (its id when it has none).
    pub fn label(&self, n: usize) -> String {
        self.label_str(n).to_owned()
    }

    /// [`Context::label`], borrowed from the procedure.
    pub fn label_str(&self, n: usize) -> &'a str {
        let s = self.step(n);
        match s.label.as_deref() {
            Some(l) if has_words(l) => l,
            _ => &s.id,
        }
    }

    /// Work steps a case can reach, in the author's order.
    pub fn reachable_work(&self) -> impl Iterator<Item = usize> + '_ {
        self.g.order.iter().copied().filter(|&n| self.reachable[n] && self.step(n).kind.is_work())
    }

    /// Whether two steps are in the same loop.
    pub fn same_loop(&self, a: usize, b: usize) -> bool {
        let c = self.comps.of[a];
        c == self.comps.of[b] && self.comps.cyclic.get(c).copied().unwrap_or(false)
    }

    /// Whether a step is in a loop.
    pub fn in_loop(&self, n: usize) -> bool {
        self.comps.cyclic.get(self.comps.of[n]).copied().unwrap_or(false)
    }

    /// For each source that a case can reach after another source (along flows it can take, not
    /// passing through a `blocked` step), one such earlier source.
    ///
    /// See [`Context::earlier_on_paths`]; this is the same for a single group of sources.
    pub fn earlier_on_path(&self, sources: &[usize], blocked: &dyn Fn(usize) -> bool) -> Vec<(usize, usize)> {
        let stops = Stops::new(self, |n, stop| {
            if blocked(n) {
                stop.push(0);
            }
        });
        self.earlier_on_paths(&[sources.to_vec()], Some(&stops)).pop().unwrap_or_default()
    }

    /// For several groups of sources at once (the steps requesting one data item, the steps with
    /// one label…): for each source that a case can reach after another source of its group
    /// (along flows it can take, not through a step that `stops` its group), one such earlier
    /// source, the nearest going backwards. Inside a loop, another source of the same loop is
    /// preferred.
    ///
    /// Arguments: the groups of sources; `stops`, if given, the groups whose search each step stops
    /// (e.g. where a fresh copy of a document comes in); `None` when nothing does.
    /// Returns: per group, `(later, earlier)` pairs in the author's order of the later step.
    /// Complexity: the nearest earlier source of every later source in one pass over the loops'
    /// condensation in topological order carrying a distance and a source per group
    /// ([`levels`]), O((V + E) × groups) time in vector instructions and O(steps still read ×
    /// groups) memory, plus the groups each step stops. Past its memory budget, a forward pass
    /// carrying a bitset of groups per step, O((V + E) × ⌈groups / 64⌉) time and memory, finds the
    /// later sources and where each group's sources reach; then per later source, a backward
    /// breadth-first search over the live predecessors
    /// ([`Graph::live_preds`](super::metrics::graph::Graph::live_preds)), restricted to the steps
    /// its group's sources reach, which stops at the nearest one: in all O(Σ over groups of the
    /// steps between consecutive sources), with O(V) memory. Both give the same pairs.
    pub fn earlier_on_paths(&self, groups: &[Vec<usize>], stops: Option<&Stops>) -> Vec<Vec<(usize, usize)>> {
        self.earlier_on_paths_by(groups, stops, true)
    }

    /// [`Context::earlier_on_paths`], through the one pass of [`levels`] when `levels` is true and
    /// its rows fit, else through the backward searches (the two give the same pairs).
    pub(crate) fn earlier_on_paths_by(
        &self,
        groups: &[Vec<usize>],
        stops: Option<&Stops>,
        levels: bool,
    ) -> Vec<Vec<(usize, usize)>> {
        let words = groups.len().div_ceil(64).max(1);
        let bound = self.g.bound;
        // The groups each step is a source of, ascending, packed in one table (`src_at[n]..src_at[n + 1]`).
        let mut src_at = vec![0u32; bound + 1];
        for members in groups {
            let mut last = usize::MAX;
            for &n in members {
                // A step listed twice in its group counts once (members are usually in order).
                if n != last {
                    src_at[n + 1] += 1;
                    last = n;
                }
            }
        }
        for n in 0..bound {
            src_at[n + 1] += src_at[n];
        }
        let mut fill: Vec<u32> = src_at[..bound].to_vec();
        let mut src_gi = vec![u32::MAX; src_at[bound] as usize];
        for (gi, members) in groups.iter().enumerate() {
            for &n in members {
                let (a, f) = (src_at[n] as usize, fill[n] as usize);
                if !src_gi[a..f].contains(&(gi as u32)) {
                    src_gi[f] = gi as u32;
                    fill[n] += 1;
                }
            }
        }
        if levels && let Some(out) = self.earlier_by_levels(groups.len(), (&src_at, &fill, &src_gi), stops) {
            return out;
        }
        let src_of = |n: usize| &src_gi[src_at[n] as usize..fill[n] as usize];
        let mut bits = vec![0u64; bound * words];
        let mut later: Vec<Vec<usize>> = vec![Vec::new(); groups.len()];
        let mut pre = vec![0u64; words];
        let mut in_loop = vec![0u32; groups.len()];
        for (c, members) in self.comps.members.iter().enumerate() {
            let cyclic = self.comps.cyclic[c];
            if cyclic {
                pre.iter_mut().for_each(|w| *w = 0);
                for &m in members {
                    for a in self.g.inc[m].iter().filter(|a| a.share > 0.0 && self.comps.of[a.node] != c) {
                        for w in 0..words {
                            pre[w] |= bits[a.node * words + w];
                        }
                    }
                }
                let outside = pre.clone();
                // Sources of each group inside the loop, counted first, so that "another source of
                // the same loop" is one look-up rather than a scan of the loop per source.
                for &m in members {
                    for &gi in src_of(m) {
                        in_loop[gi as usize] += 1;
                    }
                }
                for &m in members {
                    for &gi in src_of(m) {
                        let gi = gi as usize;
                        if in_loop[gi] >= 2 || outside[gi / 64] >> (gi % 64) & 1 == 1 {
                            later[gi].push(m);
                        }
                        pre[gi / 64] |= 1 << (gi % 64);
                    }
                }
                for &m in members {
                    for &gi in src_of(m) {
                        in_loop[gi as usize] = 0;
                    }
                }
                for &m in members {
                    bits[m * words..(m + 1) * words].copy_from_slice(&pre);
                }
            } else {
                let n = members[0];
                pre.iter_mut().for_each(|w| *w = 0);
                for a in self.g.inc[n].iter().filter(|a| a.share > 0.0 && a.node != n) {
                    for (w, v) in pre.iter_mut().zip(&bits[a.node * words..(a.node + 1) * words]) {
                        *w |= v;
                    }
                }
                for &gi in src_of(n) {
                    if pre[gi as usize / 64] >> (gi % 64) & 1 == 1 {
                        later[gi as usize].push(n);
                    }
                }
                // The searches this step stops go no further: O(groups it stops).
                for &gi in stops.map(|s| s.of(n)).unwrap_or_default() {
                    pre[gi as usize / 64] &= !(1 << (gi % 64));
                }
                for &gi in src_of(n) {
                    pre[gi as usize / 64] |= 1 << (gi % 64);
                }
                bits[n * words..(n + 1) * words].copy_from_slice(&pre);
            }
        }
        let mut out = vec![Vec::new(); groups.len()];
        let (live_in, live_in_at) = self.g.live_in_parts();
        // Backward searches share one visit table, stamped per search, and one queue: a plain
        // vector read from a moving head, since a search never queues a step twice.
        let mut stamp = vec![0u32; bound];
        let mut search = 0u32;
        let mut queue: Vec<usize> = Vec::new();
        // The sources of the group at hand, marked with its number + 1: one look-up per step.
        let mut src_mark = vec![0u32; bound];
        for (gi, laters) in later.into_iter().enumerate() {
            let mark = gi as u32 + 1;
            for &n in &groups[gi] {
                src_mark[n] = mark;
            }
            let (word, mask) = (gi / 64, 1u64 << (gi % 64));
            let found = &mut out[gi];
            for s in laters {
                let is_src = |x: usize| x != s && src_mark[x] == mark;
                let mut earlier = None;
                if self.in_loop(s) {
                    let c = self.comps.of[s];
                    earlier = self.comps.members[c].iter().copied().find(|&x| is_src(x));
                }
                if earlier.is_none() {
                    // A step is stamped when it is queued, and only if its group reaches it: each
                    // step enters the queue once, in the order a search stamping on leaving the
                    // queue would take it, so the nearest source found is the same.
                    search += 1;
                    stamp[s] = search;
                    queue.clear();
                    let mut head = 0;
                    let mut x = s;
                    loop {
                        for &y in &live_in[live_in_at[x]..live_in_at[x + 1]] {
                            if stamp[y] != search && bits[y * words + word] & mask != 0 {
                                stamp[y] = search;
                                queue.push(y);
                            }
                        }
                        let Some(&next) = queue.get(head) else { break };
                        head += 1;
                        if src_mark[next] == mark {
                            // `next` is not `s`: `s` was stamped before the search began.
                            earlier = Some(next);
                            break;
                        }
                        x = next;
                    }
                }
                if let Some(e) = earlier {
                    found.push((s, e));
                }
            }
            found.sort_by_key(|&(l, _)| self.g.pos[l]);
        }
        out
    }
}

/// Whether a label says something: not empty once trimmed. Labels almost always begin with a
/// visible ASCII character, which answers without trimming (the rules ask at every step they name).
fn has_words(l: &str) -> bool {
    match l.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => true,
        _ => !l.trim().is_empty(),
    }
}

/// Where the searches of [`Context::earlier_on_paths`] stop: for each step, the groups whose search
/// may not pass it, packed in one table. Listed step by step from what the step is, rather than
/// asked for every group reaching a step: a step stops few groups (those of the documents it
/// issues or asks for), while many reach it.
pub struct Stops {
    /// Where each step's groups begin in `groups`, and one past the last step's.
    at: Vec<u32>,
    groups: Vec<u32>,
}

impl Stops {
    /// `stops(n, out)` pushes onto `out` the groups step `n` stops (in any order, repeats allowed);
    /// it is called for each step of the procedure once. Complexity: O(V + groups pushed).
    pub fn new(ctx: &Context, mut stops: impl FnMut(usize, &mut Vec<u32>)) -> Self {
        let mut at = Vec::with_capacity(ctx.g.bound + 1);
        let mut groups = Vec::new();
        for n in 0..ctx.g.bound {
            at.push(groups.len() as u32);
            if ctx.g.pos[n] != usize::MAX {
                stops(n, &mut groups);
            }
        }
        at.push(groups.len() as u32);
        Stops { at, groups }
    }

    /// The groups step `n` stops.
    fn of(&self, n: usize) -> &[u32] {
        &self.groups[self.at[n] as usize..self.at[n + 1] as usize]
    }
}

/// The data items of the procedure by id (ids may repeat: each id lists every item bearing it).
pub(crate) type ItemNumbers<'a> = rustc_hash::FxHashMap<&'a str, Vec<usize>>;

pub(crate) fn item_numbers<'a>(ctx: &Context<'a>) -> ItemNumbers<'a> {
    let mut items = ItemNumbers::default();
    for (i, d) in ctx.p.data.iter().enumerate() {
        items.entry(d.id.as_str()).or_default().push(i);
    }
    items
}

/// Pushes group `first + i` for each data item `i` that one of `ids` names.
pub(crate) fn push_items<'a>(
    out: &mut Vec<u32>,
    items: &ItemNumbers,
    first: usize,
    ids: impl Iterator<Item = &'a String>,
) {
    for id in ids {
        for &i in items.get(id.as_str()).map(Vec::as_slice).unwrap_or_default() {
            out.push((first + i) as u32);
        }
    }
}

/// For each data item of the procedure, the given steps (in their order) for which `names` lists
/// the item's id, each step once per item.
///
/// One pass over the steps and what they name, through a map from id to items, instead of one
/// pass over every step per item: on large procedures the steps no longer fit in the caches, and
/// each pass read them all again. Complexity: O(D + V + names), for D items.
pub(crate) fn steps_naming<'a, I>(
    ctx: &Context<'a>,
    steps: impl Iterator<Item = usize>,
    names: impl Fn(usize) -> I,
) -> Vec<Vec<usize>>
where
    I: Iterator<Item = &'a String>,
{
    let items = item_numbers(ctx);
    let mut out = vec![Vec::new(); ctx.p.data.len()];
    for n in steps {
        for id in names(n) {
            for &i in items.get(id.as_str()).map(Vec::as_slice).unwrap_or_default() {
                if out[i].last() != Some(&n) {
                    out[i].push(n);
                }
            }
        }
    }
    out
}

/// A set of steps (node indices below the graph's bound) that empties in O(1): each step holds
/// the round it was last marked in. A rule running many small searches reuses one instead of
/// building and hashing into a fresh set per search.
pub(crate) struct Marks {
    round: Vec<u32>,
    current: u32,
    len: usize,
}

impl Marks {
    pub(crate) fn new(bound: usize) -> Self {
        Marks { round: vec![0; bound], current: 1, len: 0 }
    }

    /// Empties the set.
    pub(crate) fn clear(&mut self) {
        self.len = 0;
        if self.current == u32::MAX {
            self.round.iter_mut().for_each(|r| *r = 0);
            self.current = 0;
        }
        self.current += 1;
    }

    /// Adds a step; false when it was already there.
    pub(crate) fn insert(&mut self, n: usize) -> bool {
        match self.round.get_mut(n) {
            Some(r) if *r != self.current => {
                *r = self.current;
                self.len += 1;
                true
            }
            _ => false,
        }
    }

    pub(crate) fn contains(&self, n: usize) -> bool {
        self.round.get(n) == Some(&self.current)
    }

    /// How many steps were added since the set was last emptied.
    pub(crate) fn len(&self) -> usize {
        self.len
    }
}

/// Groups pairs into connected sets (union-find), each set sorted in the author's order, sets
/// ordered by their first member.
///
/// Complexity: O(P log P) for P pairs; the steps are renumbered densely first, so nothing
/// proportional to the procedure is allocated.
pub(crate) fn groups(ctx: &Context, pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    groups_and_pairs(ctx, pairs).0
}

/// [`groups`], and for each set the indices of its pairs in the pairs' order (as
/// [`pairs_by_group`] gives them), from the same union-find.
///
/// Complexity: O(P log P) for P pairs: one sort of the pairs' ends by their place in the author's
/// order, which numbers the steps densely; no search per pair.
pub(crate) fn groups_and_pairs(ctx: &Context, pairs: &[(usize, usize)]) -> (Vec<Vec<usize>>, Vec<Vec<usize>>) {
    // Each end of each pair (`2k` the later, `2k + 1` the earlier) as its step's place in the
    // author's order above the end's number: sorted, equal places are adjacent, and numbered in
    // the author's order.
    let mut ends: Vec<u64> = pairs
        .iter()
        .enumerate()
        .flat_map(|(k, &(a, b))| [(a, 2 * k), (b, 2 * k + 1)])
        .map(|(n, e)| ((ctx.g.pos[n] as u64) << 32) | e as u64)
        .collect();
    ends.sort_unstable();
    let mut slot_of_end = vec![0u32; ends.len()];
    let mut nodes: Vec<usize> = Vec::with_capacity(ends.len());
    let mut last = u64::MAX;
    for &key in &ends {
        let pos = key >> 32;
        if pos != last {
            nodes.push(pos as usize);
            last = pos;
        }
        slot_of_end[(key & u32::MAX as u64) as usize] = (nodes.len() - 1) as u32;
    }
    // Places back to steps (every step of a pair has one).
    for n in &mut nodes {
        *n = ctx.g.order.get(*n).copied().unwrap_or_default();
    }
    fn find(parent: &mut [u32], x: u32) -> u32 {
        let mut r = x;
        while parent[r as usize] != r {
            r = parent[r as usize];
        }
        let mut y = x;
        while parent[y as usize] != r {
            let next = parent[y as usize];
            parent[y as usize] = r;
            y = next;
        }
        r
    }
    let mut parent: Vec<u32> = (0..nodes.len() as u32).collect();
    for k in 0..pairs.len() {
        let (ra, rb) = (find(&mut parent, slot_of_end[2 * k]), find(&mut parent, slot_of_end[2 * k + 1]));
        if ra != rb {
            // The root is the member first in the author's order.
            parent[ra.max(rb) as usize] = ra.min(rb);
        }
    }
    // Roots are each set's first member, so sets come out ordered by their first member, and
    // members, visited in the author's order, come out sorted.
    // Each step's set, and each set's numbers of steps and of pairs, counted first so that every
    // list is allocated once at its size.
    let mut set_of = vec![u32::MAX; nodes.len()];
    let mut sizes: Vec<(usize, usize)> = Vec::new();
    for i in 0..nodes.len() {
        let r = find(&mut parent, i as u32) as usize;
        if set_of[r] == u32::MAX {
            set_of[r] = sizes.len() as u32;
            sizes.push((0, 0));
        }
        set_of[i] = set_of[r];
        sizes[set_of[i] as usize].0 += 1;
    }
    for k in 0..pairs.len() {
        sizes[set_of[slot_of_end[2 * k] as usize] as usize].1 += 1;
    }
    let mut sets: Vec<Vec<usize>> = sizes.iter().map(|&(steps, _)| Vec::with_capacity(steps)).collect();
    let mut of_set: Vec<Vec<usize>> = sizes.iter().map(|&(_, pairs)| Vec::with_capacity(pairs)).collect();
    for (i, &node) in nodes.iter().enumerate() {
        sets[set_of[i] as usize].push(node);
    }
    for k in 0..pairs.len() {
        of_set[set_of[slot_of_end[2 * k] as usize] as usize].push(k);
    }
    (sets, of_set)
}

/// For each set returned by [`groups`] for `pairs`, the indices of its pairs (both steps of a pair
/// are in one set), in the pairs' order.
///
/// Complexity: O((S + P) log S) for S steps in the sets and P pairs; a rule reading each set's
/// pairs through this, rather than filtering every pair for every set, stays linear in the pairs.
pub(crate) fn pairs_by_group(ctx: &Context, sets: &[Vec<usize>], pairs: &[(usize, usize)]) -> Vec<Vec<usize>> {
    // Each member's place in the author's order above its set's number, sorted.
    let mut at: Vec<u64> = sets
        .iter()
        .enumerate()
        .flat_map(|(i, set)| set.iter().map(move |&n| ((ctx.g.pos[n] as u64) << 32) | i as u64))
        .collect();
    at.sort_unstable();
    let mut out = vec![Vec::new(); sets.len()];
    for (k, &(a, _)) in pairs.iter().enumerate() {
        let pos = ctx.g.pos[a] as u64;
        let i = at.partition_point(|&key| key >> 32 < pos);
        if let Some(&key) = at.get(i).filter(|&&key| key >> 32 == pos) {
            out[(key & u32::MAX as u64) as usize].push(k);
        }
    }
    out
}

#[cfg(test)]
mod tests {
    #[test]
    fn a_label_says_something_unless_it_is_blank() {
        let check = |label: &str, expect: bool| assert_eq!(super::has_words(label), expect, "{label:?}");
        check("Instruire la demande", true);
        check("été", true);
        check("  Signer", true);
        check("\tX", true);
        check("", false);
        check("   ", false);
        // Blank in Unicode's sense, as `trim` reads it: no-break and em spaces.
        check("\u{a0}\u{2003}\n", false);
        check("\u{a0}Viser", true);
    }
}
