//! The nearest earlier source of [`Context::earlier_on_paths`], for every group at once, in one pass
//! over the loops' condensation in topological order instead of one backward search per later
//! source.
//!
//! A backward breadth-first search from a step `s` over the live predecessors takes the steps at
//! distance 1 in the order of `s`'s predecessor list, then those at distance 2 in the order they
//! are first met, and so on: the first source it takes is, among the sources nearest to `s`, the
//! one whose way back from `s` is first when ways are compared by the position of each step in
//! its successor's predecessor list. That source is therefore the one the search from the first
//! predecessor of `s` at the smallest distance from a source would take (a step that is a source
//! itself taking itself). So each step carries, per group, its distance to the nearest source of
//! the group and that source, computed from its predecessors' in one pass: the first predecessor
//! with the smallest distance gives both. Inside a loop the distances come from a search through
//! the loop's steps in increasing distance, which gives the same choice.
//!
//! Steps a group's search may not pass (not reached by its sources, or stopping it) carry no
//! distance for it: a step outside loops that stops a group drops its distance, as
//! [`Context::earlier_on_paths`]'s forward pass drops its bit (inside loops neither stops).
//!
//! A loop with one way in at most is not solved group by group: a group without a source in the
//! loop reaches every member through that way, at the member's distance from it further, with the
//! same source. Only the groups with a source in the loop are searched.

use std::cmp::Reverse;
use std::collections::BinaryHeap;

use super::{Context, Stops};

/// No way back to a source. Distances (and the differences of a row's distances from them, see
/// [`Rows`]) stay far below it, so adding a few does not overflow.
const FAR: i32 = i32::MAX / 2;
const NONE: u32 = u32::MAX;

/// The rows of the steps still to be read by a later step: per group, a distance and a source.
///
/// A row's distances are kept less its `base`, one number per row, so that a step taking over its
/// predecessor's row one further adds one to that number rather than to every distance (and a
/// copy one further is a plain copy). Far distances are `FAR`, whatever the base.
struct Rows {
    width: usize,
    dist: Vec<i32>,
    src: Vec<u32>,
    /// Per row (slot), what its distances are kept less of.
    base: Vec<i32>,
    free: Vec<u32>,
    slot: Vec<u32>,
    max_slots: usize,
}

impl Rows {
    /// A row for step `n`, every distance far; `None` beyond the memory budget.
    fn alloc(&mut self, n: usize) -> Option<usize> {
        let s = self.alloc_raw(n)?;
        self.dist[s * self.width..(s + 1) * self.width].fill(FAR);
        Some(s)
    }

    /// A row for step `n` holding whatever it held (its base 0), for a caller writing all of it.
    fn alloc_raw(&mut self, n: usize) -> Option<usize> {
        let s = match self.free.pop() {
            Some(s) => s as usize,
            None => {
                let s = self.dist.len() / self.width.max(1);
                if s >= self.max_slots {
                    return None;
                }
                self.dist.resize(self.dist.len() + self.width, FAR);
                self.src.resize(self.src.len() + self.width, NONE);
                self.base.push(0);
                s
            }
        };
        self.base[s] = 0;
        self.slot[n] = s as u32;
        Some(s)
    }

    /// The base of step `n`'s row.
    fn base_of(&self, n: usize) -> i32 {
        self.base[self.slot[n] as usize]
    }

    /// The distance of group `g` at step `n`.
    fn dist_of(&self, n: usize, g: usize) -> i32 {
        match self.dist[self.at(n) + g] {
            FAR => FAR,
            d => d + self.base_of(n),
        }
    }

    /// Makes step `n`'s row hold its distances themselves (its base 0).
    fn normalize(&mut self, n: usize) {
        let s = self.slot[n] as usize;
        let b = std::mem::take(&mut self.base[s]);
        if b != 0 {
            for d in &mut self.dist[s * self.width..(s + 1) * self.width] {
                *d += b & ((*d - FAR) >> 31);
            }
        }
    }

    fn release(&mut self, n: usize) {
        let s = self.slot[n];
        if s != NONE {
            self.free.push(s);
            self.slot[n] = NONE;
        }
    }

    fn at(&self, n: usize) -> usize {
        self.slot[n] as usize * self.width
    }

    /// Relaxes step `x`'s row from the row of step `y` (another row), one further.
    fn relax_from(&mut self, x: usize, y: usize) {
        let (w, at, ay) = (self.width, self.at(x), self.at(y));
        let k = self.base_of(y) + 1 - self.base_of(x);
        let (d, dy) = two_rows(&mut self.dist, at, ay, w);
        let (s, sy) = two_rows(&mut self.src, at, ay, w);
        relax(d, s, dy, sy, k);
    }
}

/// The row at `a`, to write, and the row at `b`, to read (`a != b`, both `w` long).
fn two_rows<T>(v: &mut [T], a: usize, b: usize, w: usize) -> (&mut [T], &[T]) {
    if a < b {
        let (l, r) = v.split_at_mut(b);
        (&mut l[a..a + w], &r[..w])
    } else {
        let (l, r) = v.split_at_mut(a);
        (&mut r[..w], &l[b..b + w])
    }
}

/// Loops up to this many steps are solved for every group at once, by rounds over their steps
/// until nothing changes; larger ones by one search per group.
const SMALL_LOOP: usize = 16;

/// Takes, lane by lane, a predecessor's distance + `k` and source where that is strictly nearer
/// (so the first predecessor at the smallest distance keeps its source); far distances stay far.
/// `k` is 1 when both rows hold their distances themselves, else 1 + the predecessor's base - the
/// step's (see [`Rows`]).
/// Rows are [`LANES`] wide chunks, so that this compiles to vector instructions.
fn relax(d: &mut [i32], s: &mut [u32], dy: &[i32], sy: &[u32], k: i32) {
    for ((d, s), (dy, sy)) in
        d.chunks_exact_mut(LANES).zip(s.chunks_exact_mut(LANES)).zip(dy.chunks_exact(LANES).zip(sy.chunks_exact(LANES)))
    {
        for l in 0..LANES {
            // `k` only where the distance is not far (all ones below `FAR`: the sign of the
            // difference, as below).
            let e = dy[l] + (k & ((dy[l] - FAR) >> 31));
            // All ones where `e` is nearer: the sign of `e - d[l]` (both lie far below `FAR` or at
            // it, so the difference does not overflow). A sign rather than `e < d[l]`: the compiler
            // turns a comparison feeding masks back into a 32-bit minimum, which SSE2 lacks and
            // which it then computes lane by lane.
            let nearer = e.wrapping_sub(d[l]) >> 31;
            d[l] += e.wrapping_sub(d[l]) & nearer;
            s[l] ^= (s[l] ^ sy[l]) & nearer as u32;
        }
    }
}

/// Groups are padded to a multiple of this (padding groups have no sources).
const LANES: usize = 8;

/// Entries of (distance, source) a pass may hold at once: past this the caller's searches are
/// used instead.
const BUDGET: usize = 1 << 22;

impl<'a> Context<'a> {
    /// The distances and sources of the steps of a small loop, every group at once: distances by
    /// rounds of relaxation until none changes, then sources by rounds taking each step's first
    /// predecessor one nearer, until none changes (a step's source depends only on steps nearer
    /// than it, so the rounds end, at most one per step of the loop).
    fn small_loop(
        &self,
        c: usize,
        members: &[usize],
        rows: &mut Rows,
        (src_at, fill, src_gi): (&[u32], &[u32], &[u32]),
        (cur_d, cur_s, taken): (&mut [i32], &mut [u32], &mut [i32]),
    ) {
        let width = rows.width;
        let src_of = |n: usize| &src_gi[src_at[n] as usize..fill[n] as usize];
        let preds = |n: usize| self.g.live_preds(n);
        for &m in members {
            cur_d.fill(FAR);
            for &y in preds(m) {
                if self.comps.of[y] != c {
                    let at = rows.at(y);
                    relax(cur_d, cur_s, &rows.dist[at..at + width], &rows.src[at..at + width], 1);
                }
            }
            for &gi in src_of(m) {
                cur_d[gi as usize] = 0;
            }
            let at = rows.at(m);
            rows.dist[at..at + width].copy_from_slice(cur_d);
            rows.src[at..at + width].fill(NONE);
        }
        let mut changed = true;
        while changed {
            changed = false;
            for &m in members {
                let at = rows.at(m);
                cur_d.copy_from_slice(&rows.dist[at..at + width]);
                for &y in preds(m) {
                    if self.comps.of[y] == c && y != m {
                        let ay = rows.at(y);
                        let mut nearer = 0;
                        for (d, &e) in cur_d.iter_mut().zip(&rows.dist[ay..ay + width]) {
                            let e = e + 1;
                            let m = -((e < *d) as i32);
                            nearer |= m;
                            *d = (e & m) | (*d & !m);
                        }
                        changed |= nearer != 0;
                    }
                }
                rows.dist[at..at + width].copy_from_slice(cur_d);
            }
        }
        changed = true;
        while changed {
            changed = false;
            for &m in members {
                let at = rows.at(m);
                let dm = &rows.dist[at..at + width];
                for ((t, s), &d) in taken.iter_mut().zip(cur_s.iter_mut()).zip(dm) {
                    *t = -((d == 0 || d == FAR) as i32);
                    *s = if d == 0 { m as u32 } else { NONE };
                }
                for &y in preds(m) {
                    let ay = rows.at(y);
                    let (dy, sy) = (&rows.dist[ay..ay + width], &rows.src[ay..ay + width]);
                    for (((t, s), &d), (&e, &u)) in
                        taken.iter_mut().zip(cur_s.iter_mut()).zip(dm).zip(dy.iter().zip(sy))
                    {
                        let hit = !*t & -((e + 1 == d) as i32);
                        *s = (u & hit as u32) | (*s & !hit as u32);
                        *t |= hit;
                    }
                }
                if rows.src[at..at + width] != *cur_s {
                    rows.src[at..at + width].copy_from_slice(cur_s);
                    changed = true;
                }
            }
        }
    }

    /// Per group, `(later, earlier)` pairs in no particular order, as the backward searches of
    /// [`Context::earlier_on_paths`] find them; `None` when the rows would exceed [`BUDGET`].
    ///
    /// Arguments: the number of groups; each step's groups (`src_gi[src_at[n]..fill[n]]`); where
    /// searches stop, if anywhere (applied at steps outside loops, as the forward pass does).
    /// Complexity: O((V + E) × groups) time, O(live steps × groups) memory, where the live steps
    /// are those whose successors are not all done yet (a step that is the last to read its first
    /// predecessor's row takes it over); loops add a heap search per group with a source in them
    /// (per group reaching them, for loops with several ways in of more than [`SMALL_LOOP`]
    /// steps, and another per group with a single source there, for loops with several ways in),
    /// O(L log L) for a loop of L steps. The pairs are read out in the author's order
    /// through each source's entry, O(V + sources), without sorting.
    pub(super) fn earlier_by_levels(
        &self,
        groups: usize,
        (src_at, fill, src_gi): (&[u32], &[u32], &[u32]),
        stops: Option<&Stops>,
    ) -> Option<Vec<Vec<(usize, usize)>>> {
        let src_of = |n: usize| &src_gi[src_at[n] as usize..fill[n] as usize];
        let bound = self.g.bound;
        let width = groups.next_multiple_of(LANES).max(LANES);
        let (live_in, live_in_at) = self.g.live_in_parts();
        let preds = |n: usize| &live_in[live_in_at[n]..live_in_at[n + 1]];
        let mut uses = vec![0u32; bound];
        for &y in live_in {
            uses[y] += 1;
        }
        let mut rows = Rows {
            width,
            dist: Vec::new(),
            src: Vec::new(),
            base: Vec::new(),
            free: Vec::new(),
            slot: vec![NONE; bound],
            max_slots: BUDGET / width.max(1),
        };
        // The earlier source of each source of each group (`NONE` for none), in `src_gi`'s order.
        let mut found = vec![NONE; src_gi.len()];
        let entry_of = |n: usize, gi: u32| {
            let at = src_at[n] as usize;
            at + src_of(n).iter().position(|&g| g == gi).unwrap_or(0)
        };
        let mut reach: Vec<bool> = Vec::new();
        let mut cur_d = vec![FAR; width];
        let mut cur_s = vec![NONE; width];
        let mut taken = vec![0i32; width];
        // Loop searches: a step's place in its loop, and per place a distance and a source.
        let mut local = vec![NONE; bound];
        let mut ld: Vec<i32> = Vec::new();
        let mut ls: Vec<u32> = Vec::new();
        let mut heap: BinaryHeap<Reverse<(i32, u32)>> = BinaryHeap::new();
        // Loops with one way in: each member's distance from it, and the queue finding them.
        let mut inside: Vec<i32> = Vec::new();
        let mut queue: Vec<usize> = Vec::new();
        for (c, members) in self.comps.members.iter().enumerate() {
            if !self.comps.cyclic[c] {
                let x = members[0];
                let at = match *preds(x) {
                    [] => rows.alloc(x)? * width,
                    [first, ref rest @ ..] => {
                        // The first predecessor's row, one further: taken over when `x` is the
                        // last step reading it, else copied. The others are relaxed into it
                        // (strictly nearer only, so the first predecessor wins ties).
                        uses[first] -= 1;
                        let at = if uses[first] == 0 {
                            let slot = rows.slot[first];
                            rows.slot[first] = NONE;
                            rows.slot[x] = slot;
                            rows.base[slot as usize] += 1;
                            slot as usize * width
                        } else {
                            let s = rows.alloc_raw(x)?;
                            let (at, ay) = (s * width, rows.at(first));
                            rows.base[s] = rows.base_of(first) + 1;
                            rows.dist.copy_within(ay..ay + width, at);
                            rows.src.copy_within(ay..ay + width, at);
                            at
                        };
                        for &y in rest {
                            rows.relax_from(x, y);
                            uses[y] -= 1;
                            if uses[y] == 0 {
                                rows.release(y);
                            }
                        }
                        at
                    }
                };
                let zero = -rows.base_of(x);
                let (dist, src) = (&mut rows.dist[at..at + width], &mut rows.src[at..at + width]);
                for k in src_at[x] as usize..fill[x] as usize {
                    let gi = src_gi[k] as usize;
                    if dist[gi] != FAR {
                        found[k] = src[gi];
                    }
                }
                // The searches this step stops go no further (a group that never reached it is
                // far already).
                for &gi in stops.map(|s| s.of(x)).unwrap_or_default() {
                    dist[gi as usize] = FAR;
                }
                for &gi in src_of(x) {
                    dist[gi as usize] = zero;
                    src[gi as usize] = x as u32;
                }
                if uses[x] == 0 {
                    rows.release(x);
                }
                continue;
            }
            for (i, &m) in members.iter().enumerate() {
                local[m] = i as u32;
                rows.alloc_raw(m)?;
            }
            let len = members.len();
            ld.resize(len, FAR);
            ls.resize(len, NONE);
            // The first two sources of each group in the loop, in the author's order.
            let mut firsts: Vec<(u32, u32, u32)> = Vec::new();
            for &m in members {
                for &gi in src_of(m) {
                    match firsts.iter_mut().find(|f| f.0 == gi) {
                        Some(f) if f.2 == NONE => f.2 = m as u32,
                        Some(_) => {}
                        None => firsts.push((gi, m as u32, NONE)),
                    }
                }
            }
            let mut search = |g: usize, without: usize, rows: &Rows, ld: &mut Vec<i32>, ls: &mut Vec<u32>| {
                ld.fill(FAR);
                heap.clear();
                for (i, &m) in members.iter().enumerate() {
                    if m == without {
                        continue;
                    }
                    let mut d = if src_of(m).contains(&(g as u32)) { 0 } else { FAR };
                    for &y in preds(m) {
                        if self.comps.of[y] != c {
                            d = d.min(rows.dist_of(y, g).saturating_add(1));
                        }
                    }
                    if d != FAR {
                        ld[i] = d;
                        heap.push(Reverse((d, i as u32)));
                    }
                }
                while let Some(Reverse((d, i))) = heap.pop() {
                    let i = i as usize;
                    if d != ld[i] {
                        continue;
                    }
                    let m = members[i];
                    // Distances below `d` are final: the first predecessor at `d - 1` gives the source.
                    ls[i] = if d == 0 {
                        m as u32
                    } else {
                        let mut s = NONE;
                        for &y in preds(m) {
                            let (dy, sy) = if self.comps.of[y] == c {
                                let j = local[y] as usize;
                                if y == without { (FAR, NONE) } else { (ld[j], ls[j]) }
                            } else {
                                (rows.dist_of(y, g), rows.src[rows.at(y) + g])
                            };
                            if dy != FAR && dy + 1 == d {
                                s = sy;
                                break;
                            }
                        }
                        s
                    };
                    for a in &self.g.out[m] {
                        let z = a.node;
                        if a.share > 0.0 && self.comps.of[z] == c && z != without {
                            let j = local[z] as usize;
                            if d + 1 < ld[j] {
                                ld[j] = d + 1;
                                heap.push(Reverse((d + 1, j as u32)));
                            }
                        }
                    }
                }
            };
            // The ways into the loop from outside: with one at most, a group without a source
            // in the loop reaches each member through it, its distance grown by the member's
            // distance from the way in and its source unchanged (a case comes in only there, so
            // the backward search from the member leaves the loop only there). Only the groups
            // with a source in the loop are searched.
            let mut entry = None;
            let mut entries = 0;
            for (i, &m) in members.iter().enumerate() {
                for &y in preds(m) {
                    if self.comps.of[y] != c {
                        entries += 1;
                        entry = Some((i, y));
                    }
                }
            }
            if let (1, Some((first, y))) = (entries, entry) {
                inside.clear();
                inside.resize(len, FAR);
                inside[first] = 0;
                queue.clear();
                queue.push(first);
                let mut head = 0;
                while let Some(&i) = queue.get(head) {
                    head += 1;
                    for a in &self.g.out[members[i]] {
                        if a.share > 0.0 && self.comps.of[a.node] == c {
                            let j = local[a.node] as usize;
                            if inside[j] == FAR {
                                inside[j] = inside[i] + 1;
                                queue.push(j);
                            }
                        }
                    }
                }
                let (ay, by) = (rows.at(y), rows.base_of(y));
                for (&m, &k) in members.iter().zip(inside.iter()) {
                    let at = rows.at(m);
                    if k == FAR {
                        rows.dist[at..at + width].fill(FAR);
                        continue;
                    }
                    rows.base[rows.slot[m] as usize] = by + k + 1;
                    rows.dist.copy_within(ay..ay + width, at);
                    rows.src.copy_within(ay..ay + width, at);
                }
            } else {
                for &m in members {
                    let at = rows.at(m);
                    rows.dist[at..at + width].fill(FAR);
                }
            }
            if entries <= 1 {
                for &(gi, _, _) in &firsts {
                    let g = gi as usize;
                    ls.fill(NONE);
                    search(g, usize::MAX, &rows, &mut ld, &mut ls);
                    for (i, &m) in members.iter().enumerate() {
                        let at = rows.at(m) + g;
                        rows.dist[at] = if ld[i] == FAR { FAR } else { ld[i] - rows.base_of(m) };
                        rows.src[at] = if ld[i] == FAR { NONE } else { ls[i] };
                    }
                }
            } else if len <= SMALL_LOOP {
                // The rounds read the rows of the steps coming into the loop as they are.
                for &m in members {
                    for &y in preds(m) {
                        if self.comps.of[y] != c {
                            rows.normalize(y);
                        }
                    }
                }
                self.small_loop(c, members, &mut rows, (src_at, fill, src_gi), (&mut cur_d, &mut cur_s, &mut taken));
            } else {
                // The groups reaching the loop: from outside, or from a source inside it.
                reach.clear();
                reach.resize(width, false);
                for &m in members {
                    for &y in preds(m) {
                        if self.comps.of[y] != c {
                            let at = rows.at(y);
                            for (r, &d) in reach.iter_mut().zip(&rows.dist[at..at + width]) {
                                *r |= d != FAR;
                            }
                        }
                    }
                }
                for &(gi, _, _) in &firsts {
                    reach[gi as usize] = true;
                }
                for g in (0..groups).filter(|&g| reach[g]) {
                    ls.fill(NONE);
                    search(g, usize::MAX, &rows, &mut ld, &mut ls);
                    for (i, &m) in members.iter().enumerate() {
                        let at = rows.at(m) + g;
                        rows.dist[at] = ld[i];
                        rows.src[at] = if ld[i] == FAR { NONE } else { ls[i] };
                    }
                }
            }
            // Later sources of the loop: another source of the same loop first, else the nearest
            // source outside it, searching without the step itself.
            for &(gi, first, second) in &firsts {
                let g = gi as usize;
                if second != NONE {
                    found[entry_of(first as usize, gi)] = second;
                    for &m in members {
                        if m as u32 != first && src_of(m).contains(&gi) {
                            found[entry_of(m, gi)] = first;
                        }
                    }
                    continue;
                }
                let s = first as usize;
                if entries <= 1 {
                    // The only source of its group in a loop with one way in at most: every way
                    // back from it leaves the loop through that way, so the nearest earlier source
                    // is the one coming in there, if it reaches `s` (a shortest way from the way in
                    // to `s` does not pass `s` before its end).
                    if let Some((_, y)) = entry
                        && inside[local[s] as usize] != FAR
                        && rows.dist_of(y, g) != FAR
                    {
                        found[entry_of(s, gi)] = rows.src[rows.at(y) + g];
                    }
                    continue;
                }
                ls.fill(NONE);
                search(g, s, &rows, &mut ld, &mut ls);
                let mut best = (FAR, NONE);
                for &y in preds(s) {
                    let (dy, sy) = if self.comps.of[y] == c {
                        if y == s { (FAR, NONE) } else { (ld[local[y] as usize], ls[local[y] as usize]) }
                    } else {
                        (rows.dist_of(y, g), rows.src[rows.at(y) + g])
                    };
                    if dy != FAR && dy + 1 < best.0 {
                        best = (dy + 1, sy);
                    }
                }
                if best.0 != FAR {
                    found[entry_of(s, gi)] = best.1;
                }
            }
            for &m in members {
                for &y in preds(m) {
                    uses[y] -= 1;
                    if uses[y] == 0 {
                        rows.release(y);
                    }
                }
            }
            for &m in members {
                if uses[m] == 0 {
                    rows.release(m);
                }
            }
        }
        // Pairs in the author's order of the later source.
        let mut out: Vec<Vec<(usize, usize)>> = vec![Vec::new(); groups];
        for &n in &self.g.order {
            for k in src_at[n] as usize..fill[n] as usize {
                if found[k] != NONE {
                    out[src_gi[k] as usize].push((n, found[k] as usize));
                }
            }
        }
        Some(out)
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::Settings;
    use crate::analysis::metrics::Context;
    use crate::analysis::rules::Stops;

    /// The stops of `groups` groups where `blocked(group, step)`.
    fn stops_where(ctx: &Context, groups: usize, blocked: impl Fn(usize, usize) -> bool) -> Stops {
        Stops::new(ctx, |n, out| out.extend((0..groups).filter(|&g| blocked(g, n)).map(|g| g as u32)))
    }

    /// The one pass gives the pairs the backward searches give, with and without blocking, for
    /// groups of every size.
    #[test]
    fn the_pass_pairs_as_the_searches_do() {
        for seed in 0..40u64 {
            for size in [12usize, 60, 300, 1_500] {
                let p = crate::synthetic::procedure(seed, size);
                let ctx = Context::new(&p, &Settings::default());
                for k in [1usize, 3, 17, 70, 200] {
                    let mut groups: Vec<Vec<usize>> = vec![Vec::new(); k];
                    for &n in &ctx.g.order {
                        let h = ctx
                            .label_str(n)
                            .bytes()
                            .fold(seed as usize, |h, b| h.wrapping_mul(31).wrapping_add(b as usize));
                        groups[h % k].push(n);
                    }
                    let blocked = |g: usize, n: usize| (n * 7 + g).is_multiple_of(5);
                    let stops = stops_where(&ctx, k, blocked);
                    for b in [None, Some(&stops)] {
                        let fast = ctx.earlier_on_paths_by(&groups, b, true);
                        let slow = ctx.earlier_on_paths_by(&groups, b, false);
                        assert_eq!(fast, slow, "seed {seed}, size {size}, {k} groups, blocked {}", b.is_some());
                    }
                }
            }
        }
    }

    /// The same on random graphs with large and nested loops, duplicated flows and flows a
    /// decision never takes.
    #[test]
    fn the_pass_pairs_as_the_searches_do_in_tangled_loops() {
        use crate::analysis::testkit::B;
        let mut rng = crate::synthetic::Rng::new(9);
        let (mut pairs, mut in_loops) = (0, 0);
        for round in 0..300 {
            let n = 3 + rng.below(40);
            let mut b = B::new().start("s").end("e");
            let ids: Vec<String> = (0..n).map(|i| format!("t{i}")).collect();
            for (i, id) in ids.iter().enumerate() {
                b = if i % 4 == 3 { b.decision(id) } else { b.task(id, "a", "x") };
            }
            b = b.chain(&["s", &ids[0]]).chain(&[&ids[n - 1], "e"]);
            for i in 0..n - 1 {
                b = b.chain(&[&ids[i], &ids[i + 1]]);
            }
            for _ in 0..rng.below(2 * n) {
                let (x, y) = (rng.below(n), rng.below(n));
                b = if x % 4 == 3 && rng.chance(1, 3) {
                    b.prob(&ids[x], &ids[y], 0.0)
                } else {
                    b.chain(&[&ids[x], &ids[y]])
                };
            }
            let p = b.build();
            let ctx = Context::new(&p, &Settings::default());
            for k in [1usize, 2, 5, 13] {
                let groups: Vec<Vec<usize>> = (0..k)
                    .map(|g| ctx.g.order.iter().copied().filter(|&m| (m * 13 + g * 7 + round) % (k + 1) == 0).collect())
                    .collect();
                let blocked = |g: usize, m: usize| (m * 3 + g + round).is_multiple_of(7);
                let stops = stops_where(&ctx, k, blocked);
                for bl in [None, Some(&stops)] {
                    let fast = ctx.earlier_on_paths_by(&groups, bl, true);
                    let slow = ctx.earlier_on_paths_by(&groups, bl, false);
                    assert_eq!(fast, slow, "round {round}, {k} groups, blocked {}", bl.is_some());
                    pairs += fast.iter().map(Vec::len).sum::<usize>();
                    in_loops += fast.iter().flatten().filter(|&&(l, _)| ctx.in_loop(l)).count();
                }
            }
        }
        assert!(pairs > 1_000 && in_loops > 500, "{pairs} pairs, {in_loops} in loops");
    }
}
