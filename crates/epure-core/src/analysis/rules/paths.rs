//! The searches along paths that several rules share: for groups of steps (the steps asking for
//! one data item, the steps with one label…), which step of a group a case meets after another
//! of the same group, and the nearest such earlier one ([`Context::earlier_on_paths`], with its
//! one pass in [`levels`](super::levels)); the three questions about data items answered together
//! ([`Context::data_pairs`]); where a search stops ([`Stops`]); and the tables that number the
//! data items the steps name.

use super::{Context, once_only, redundant_check, rekeying};

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
        let mut slots = crate::analysis::metrics::locked(&self.data_pairs);
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
    /// (`rules/levels.rs`), O((V + E) × groups) time in vector instructions and O(steps still read ×
    /// groups) memory, plus the groups each step stops. Past its memory budget, a forward pass
    /// carrying a bitset of groups per step, O((V + E) × ⌈groups / 64⌉) time and memory, finds the
    /// later sources and where each group's sources reach; then per later source, a backward
    /// breadth-first search over the live predecessors
    /// ([`Graph::live_preds`](crate::analysis::metrics::graph::Graph::live_preds)), restricted to the steps
    /// its group's sources reach, which stops at the nearest one: in all O(Σ over groups of the
    /// steps between consecutive sources), with O(V) memory. Both give the same pairs.
    pub fn earlier_on_paths(&self, groups: &[Vec<usize>], stops: Option<&Stops>) -> Vec<Vec<(usize, usize)>> {
        self.earlier_on_paths_by(groups, stops, true)
    }

    /// [`Context::earlier_on_paths`], through the one pass of [`super::levels`] when `levels` is true and
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
    pub(super) fn of(&self, n: usize) -> &[u32] {
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
