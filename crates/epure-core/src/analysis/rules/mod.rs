//! The rule catalogue (analysis spec, section 2): one module per rule, each a function of the
//! [`Context`] returning its findings.
//!
//! Rules are written to be precise rather than broad: a finding an agent reads as wrong costs
//! more trust than a finding missed. Each module's tests hold cases where the rule must fire and
//! near misses where it must not.

use super::metrics::Context;
use super::{Finding, Gain, Severity};
pub use paths::Stops;
pub(crate) use paths::{DataQuestion, item_numbers, push_items, steps_naming};

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
mod paths;
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

/// Runs every rule, on `threads` threads or, when `None`, on as many as `schedule` chooses for
/// the procedure's size (several for a large one), then tells each redundancy once.
pub fn run_all(ctx: &Context, threads: Option<usize>) -> Vec<Finding> {
    run_all_beside(ctx, threads, || ()).0
}

/// [`run_all`], and what `beside` returns: work no rule waits for, done on the calling thread
/// while the others run rules (after the rules on one thread).
pub(crate) fn run_all_beside<T>(
    ctx: &Context,
    threads: Option<usize>,
    beside: impl FnOnce() -> T,
) -> (Vec<Finding>, T) {
    let threads = threads.unwrap_or_else(|| schedule::workers(ctx));
    let (per_rule, aside) = schedule::run_rules(ctx, threads, beside);
    // Sized once: the findings are large, and growing the vector would move them again.
    let mut out: Vec<Finding> = Vec::with_capacity(per_rule.iter().map(Vec::len).sum());
    for findings in per_rule {
        out.extend(findings);
    }
    told_once::drop_all(ctx, &mut out);
    (out, aside)
}

/// First words of a step that collects something ("Retirer le certificat", "Récupérer sa carte"):
/// read by `once-only` (the identity shown to collect is no piece asked again) and `waiting` (the
/// wait before collecting is the counter's queue).
const COLLECTING: &[&str] = &["retirer", "récupérer"];

/// Whether the label of step `n` starts with a verb of [`COLLECTING`].
pub(crate) fn collects(ctx: &Context, n: usize) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| COLLECTING.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    ctx.label_words(ctx.label_str(n)).first().is_some_and(|w| stems.contains(w))
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

    /// Whether step `n` lies on a way round of a loop that does not pass step `other`: `n` is in
    /// a loop `other` is not part of, or in one that holds both and goes round through `n`
    /// without `other` (the formal notice and the capital made good, inside the years of the
    /// licence whose yearly justification is `other`). Within a loop, looked at over at most
    /// `RETURN_REACH` steps; past them, no.
    pub fn returns_without(&self, n: usize, other: usize) -> bool {
        if !self.in_loop(n) {
            return false;
        }
        if !self.same_loop(n, other) {
            return true;
        }
        let c = self.comps.of[n];
        let mut stack: Vec<usize> = self.g.out[n].iter().filter(|a| a.share > 0.0).map(|a| a.node).collect();
        let mut seen: Vec<usize> = Vec::new();
        while let Some(m) = stack.pop() {
            if m == n {
                return true;
            }
            if m == other || self.comps.of[m] != c || seen.contains(&m) {
                continue;
            }
            if seen.len() >= RETURN_REACH {
                return false;
            }
            seen.push(m);
            stack.extend(self.g.out[m].iter().filter(|a| a.share > 0.0).map(|a| a.node));
        }
        false
    }

    /// Whether step `n` is one cases enter its loop by: in a loop, with a flow into it from a step
    /// outside (the check that opens the loop of missing pieces, which every file meets once).
    pub fn opens_a_loop(&self, n: usize) -> bool {
        self.in_loop(n) && self.g.inc[n].iter().any(|a| a.share > 0.0 && self.comps.of[a.node] != self.comps.of[n])
    }
}

/// Steps looked at inside a loop by [`Context::returns_without`].
const RETURN_REACH: usize = 64;

/// Whether a label says something: not empty once trimmed. Labels almost always begin with a
/// visible ASCII character, which answers without trimming (the rules ask at every step they name).
fn has_words(l: &str) -> bool {
    match l.as_bytes().first() {
        Some(b) if b.is_ascii_graphic() => true,
        _ => !l.trim().is_empty(),
    }
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

/// A label in lower case without accents (« Vérifier la complétude » → « verifier la completude »).
pub(crate) fn folded(label: &str) -> String {
    label
        .chars()
        .flat_map(char::to_lowercase)
        .map(|c| match c {
            'à' | 'â' | 'ä' => 'a',
            'é' | 'è' | 'ê' | 'ë' => 'e',
            'î' | 'ï' => 'i',
            'ô' | 'ö' => 'o',
            'ù' | 'û' | 'ü' => 'u',
            'ç' => 'c',
            '\u{2019}' => '\'',
            c => c,
        })
        .collect()
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
