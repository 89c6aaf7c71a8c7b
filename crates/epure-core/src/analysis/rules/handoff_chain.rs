//! `handoff-chain` — Relais en cascade.
//!
//! Fires when one way from the start to an end hands the file over more than
//! `handoff_chain_max` times (a loop counted once). The way with the most handoffs is found by a
//! longest-path pass over the loops' condensation in topological order (inside a loop, steps are
//! taken going round once from where cases enter it). Not fired at or below the threshold, nor on
//! handoffs spread over exclusive ways that no single case takes. The way is told with the share
//! of files that take it when most do not (the product of the chances of the turns it takes; of
//! two ways with as many handoffs, the one more files take), its gain is the handoffs above the
//! threshold for that share, and a way fewer than one file in ten takes is information. When
//! under half the files take it, the way with the most hands among those at least half the files
//! take (the same pass, dropping rarer ways), or else among those one file in ten takes, is told
//! instead if it has too many hands too and at least twice as many files take it as the busiest
//! way, as a warning, with the rarer way's count beside it: that is the way a manager acts on.
//! Steps of an information system
//! lane (a platform's receipt, an automatic exchange) are passed through: the file goes through
//! a system between two hands, it does not change hands there.

use super::{Context, Marks, finding, text};
use crate::analysis::words::{percent, push_list, push_quoted, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::ActorKind;

pub const ID: &str = "handoff-chain";

/// The share of files from which a way with too many hands is a warning; below it, information.
const RARE_WAY: f64 = 0.1;

/// The share of files under which the way with the most hands is a minority's: the way most files
/// take is told instead when it has too many hands too, and at least [`COMMON_FACTOR`] times as
/// many files take it (a refusal taken by 55 % of the files does not hide the 45 % granted and
/// paid through two administrations).
const MINORITY_WAY: f64 = 0.5;
const COMMON_FACTOR: f64 = 2.0;

/// The steps of loop `c` in the order a case meets them going round once: breadth-first from
/// the steps cases enter by (in the author's order), along the loop's own flows. A step the
/// author listed last (one a simplification added) is still taken after the steps before it.
///
/// Written into `order` (emptied first); `taken` is scratch space shared by every loop (emptied
/// here in O(1)), so that a loop costs its size, not a set of its own.
fn from_entries(ctx: &Context, c: usize, taken: &mut Marks, order: &mut Vec<usize>) {
    let members = &ctx.comps.members[c];
    let inside = |n: usize| ctx.comps.of[n] == c;
    order.clear();
    taken.clear();
    for &n in members {
        if ctx.g.inc[n].iter().any(|a| a.share > 0.0 && !inside(a.node)) {
            order.push(n);
            taken.insert(n);
        }
    }
    let mut i = 0;
    while i < order.len() {
        let n = order[i];
        i += 1;
        for a in &ctx.g.out[n] {
            if a.share > 0.0 && inside(a.node) && taken.insert(a.node) {
                order.push(a.node);
            }
        }
    }
    order.extend(members.iter().copied().filter(|&n| !taken.contains(n)));
}

/// The way told: per step, the handoffs on the best way reaching it and where that way came from;
/// the end it leads to.
struct Way {
    count: Vec<i64>,
    pred: Vec<usize>,
    end: usize,
    /// The share of files that take the way (see [`best_way`]).
    share: f64,
}

const NONE: usize = usize::MAX;

/// A hand: a work step outside an information system's lane.
fn hand(ctx: &Context, n: usize) -> bool {
    ctx.step(n).kind.is_work() && ctx.lane_kind(n) != Some(ActorKind::System)
}

/// The way from the start to an end with the most handoffs (of two with as many, the one more
/// files take) among the ways at least `floor` of the files take: one pass over the loops'
/// condensation in topological order, which drops a way as soon as its share falls under `floor`
/// (so the most handoffs found past a rare turn are not weighed against a common way's).
///
/// The share of files that take a way is the product of the chances of each turn it takes: out
/// of a decision, the flow's probability; inside a loop, going round is no turn (every file that
/// enters goes through its steps); out of a loop, the share of the files entering it that leave
/// by that flow. A branch with no step of its own (the reception without reserves) is a turn
/// like any other: the way past it is taken by its share of the files, not by all of them.
fn best_way(ctx: &Context, start: usize, floor: f64) -> Option<Way> {
    let bound = ctx.g.bound;
    // Best handoff count reaching each step, the last work step on that way, and where it came from.
    let mut count = vec![-1i64; bound];
    let mut last_work = vec![NONE; bound];
    let mut pred = vec![NONE; bound];
    // The share of files that take that way (the product of its turns so far).
    let mut way_share = vec![0.0_f64; bound];
    count[start] = 0;
    way_share[start] = 1.0;
    // Per loop, the files that enter it (per case): what its ways out share.
    let mut entering = vec![0.0_f64; ctx.comps.members.len()];
    for (c, members) in ctx.comps.members.iter().enumerate().filter(|&(c, _)| ctx.comps.cyclic[c]) {
        entering[c] = members
            .iter()
            .flat_map(|&m| &ctx.g.inc[m])
            .filter(|a| ctx.comps.of[a.node] != c)
            .map(|a| ctx.visits[a.node] * a.share)
            .sum();
    }
    let turn = |n: usize, a: &crate::analysis::metrics::graph::Arc| {
        let c = ctx.comps.of[n];
        if !ctx.comps.cyclic[c] {
            a.share
        } else if ctx.comps.of[a.node] == c {
            1.0
        } else if entering[c] > 0.0 {
            (ctx.visits[n] * a.share / entering[c]).min(1.0)
        } else {
            a.share
        }
    };
    let better = |c: i64, sh: f64, c0: i64, sh0: f64| sh >= floor && (c > c0 || c == c0 && sh > sh0);
    let mut done = vec![false; bound];
    // Whether two steps have the same `actor`: two known actors are one when they are the same
    // actor (the context keeps the first actor of each id), a known and an unknown one never
    // are, and only unknown ones are compared by id.
    let same_lane = |x: usize, y: usize| match (ctx.actor_of(x), ctx.actor_of(y)) {
        (Some(p), Some(q)) => std::ptr::eq(p, q),
        (None, None) => ctx.step(x).actor == ctx.step(y).actor,
        _ => false,
    };
    // Scratch for the loops' walks, shared by every loop.
    let (mut taken, mut walked) = (Marks::new(bound), Vec::new());
    for (c, members) in ctx.comps.members.iter().enumerate() {
        let order: &[usize] = if ctx.comps.cyclic[c] {
            from_entries(ctx, c, &mut taken, &mut walked);
            &walked
        } else {
            members
        };
        for &n in order {
            done[n] = true;
            if count[n] < 0 {
                continue;
            }
            let (mut c, mut lw) = (count[n], last_work[n]);
            let sh = way_share[n];
            if hand(ctx, n) {
                if lw != NONE && !same_lane(lw, n) {
                    c += 1;
                }
                lw = n;
            }
            for a in &ctx.g.out[n] {
                // Forward only: flows back to a step already passed close a loop, counted once.
                if a.share <= 0.0 || done[a.node] {
                    continue;
                }
                let sh = sh * turn(n, a);
                if better(c, sh, count[a.node], way_share[a.node]) {
                    count[a.node] = c;
                    last_work[a.node] = lw;
                    pred[a.node] = n;
                    way_share[a.node] = sh;
                }
            }
            // Keep the value after this step for the path reconstruction.
            count[n] = c;
            last_work[n] = lw;
        }
    }
    let end = ctx
        .g
        .order
        .iter()
        .copied()
        .filter(|&n| ctx.step(n).kind == crate::model::StepKind::End && count[n] >= 0)
        .max_by(|&a, &b| {
            let (sa, sb) = (way_share[a], way_share[b]);
            count[a].cmp(&count[b]).then(sa.total_cmp(&sb)).then(ctx.g.pos[b].cmp(&ctx.g.pos[a]))
        })?;
    Some(Way { count, pred, end, share: way_share[end].clamp(0.0, 1.0) })
}

impl Way {
    /// The steps of the way, from the start, and the share of files that take it.
    fn steps(&self, ctx: &Context) -> (Vec<usize>, f64) {
        let mut path = Vec::new();
        let mut n = self.end;
        let mut guard = 0;
        while n != NONE && guard <= ctx.g.bound {
            path.push(n);
            n = self.pred[n];
            guard += 1;
        }
        path.reverse();
        (path, self.share)
    }
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let Some(start) = ctx.start else { return Vec::new() };
    let Some(way) = best_way(ctx, start, 0.0) else { return Vec::new() };
    let threshold = ctx.settings.handoff_chain_max;
    let mut max = way.count[way.end];
    if max <= threshold as i64 {
        return Vec::new();
    }
    let (mut path, mut share) = way.steps(ctx);
    // The way with the most hands is a minority's: the busiest of the ways most files take is told
    // when it has too many hands too (the refusal and the appeal add two more to the nine in ten
    // granted; the conseil médical's way, one file in five, beside the four in five it never
    // sees), the rarer one's count beside it.
    // When no way half the files take has too many, the busiest of those one file in ten takes at
    // least (the 40 % of land clearings the DREAL sees, beside the rare public inquiry).
    let mut rarer: Option<(i64, f64)> = None;
    if share < MINORITY_WAY
        && let Some(common) = [MINORITY_WAY, RARE_WAY]
            .into_iter()
            .filter_map(|floor| best_way(ctx, start, floor))
            .find(|common| common.count[common.end] > threshold as i64)
            .filter(|common| common.share >= COMMON_FACTOR * share)
    {
        let (p, sh) = common.steps(ctx);
        rarer = Some((max, share));
        (path, share, max) = (p, sh, common.count[common.end]);
    }
    let work: Vec<usize> = path.into_iter().filter(|&n| hand(ctx, n)).collect();
    // The hands one after the other (a lane once per stay), as steps: their lane's name and kind.
    let mut turns: Vec<usize> = Vec::new();
    let mut prev: Option<&Option<String>> = None;
    for &n in &work {
        if prev != Some(&ctx.step(n).actor) {
            turns.push(n);
            prev = Some(&ctx.step(n).actor);
        }
    }
    let (hands_fr, hands_en) = hands(ctx, &turns);
    // A way through other administrations and bodies (the médecin agréé, the conseil médical,
    // the CPAM) is not one a single contact can take over: their part is theirs by law.
    let bodies = distinct(ctx, &turns).filter(|&n| ctx.lane_kind(n) == Some(ActorKind::Partner)).count();
    let (advice_fr, advice_en) = if bodies >= 2 {
        (
            "Les organismes qui interviennent de droit ne se retirent pas du circuit : un dossier partagé qui leur \
             parvient sans repasser par chaque service, et le regroupement des autres étapes dans un même service, \
             réduiraient ces relais.",
            "The bodies that take part by law cannot be taken out of the circuit: a shared file that reaches them \
             without going back through each service, and grouping the other steps in one service, would reduce \
             these handoffs.",
        )
    } else {
        (
            "Un interlocuteur unique ou le regroupement d'étapes dans un même service réduirait ces relais.",
            "A single contact or grouping steps in one service would reduce these handoffs.",
        )
    };
    // A way most files do not take is told with its share, and counts for that share of them.
    let rare = share < 0.995;
    let (way_fr, way_en) = if rare {
        (
            format!("Sur un parcours que suivent environ {} des dossiers", percent(Lang::Fr, share)),
            format!("On a way about {} of the files take", percent(Lang::En, share)),
        )
    } else {
        ("Sur un même parcours".to_owned(), "On one way through".to_owned())
    };
    let severity = if share >= RARE_WAY { Severity::Warning } else { Severity::Info };
    let (rarer_fr, rarer_en) = match rarer {
        Some((m, sh)) if m > max => (
            format!(
                " Sur un parcours plus rare, que suivent environ {} des dossiers, il change jusqu'à {m} fois de mains.",
                percent(Lang::Fr, sh)
            ),
            format!(
                " On a rarer way, which about {} of the files take, it changes hands up to {m} times.",
                percent(Lang::En, sh)
            ),
        ),
        _ => (String::new(), String::new()),
    };
    vec![finding(
        ID,
        severity,
        work.iter().map(|&n| ctx.id(n)).collect(),
        text(format!("Relais en cascade : {max} passages de relais"), format!("Handoff chain: {max} handoffs")),
        text(
            format!(
                "{way_fr}, le dossier change {max} fois de mains (seuil : {threshold}){hands_fr}.{rarer_fr} Chaque passage \
                 ajoute une attente et un risque de perte d'information, et brouille la responsabilité du dossier. \
                 {advice_fr}"
            ),
            format!(
                "{way_en}, the file changes hands {max} times (threshold: {threshold}){hands_en}.{rarer_en} Each handoff adds \
                 a wait and a risk of losing information, and blurs who owns the file. {advice_en}"
            ),
        ),
        Gain { handoffs: share * (max - ctx.settings.handoff_chain_max as i64) as f64, ..Gain::default() },
        Some("reassign-step"),
    )]
}

/// The longest sequence of hands written as a chain (« A → B → C »); a longer one is told as the
/// hands it goes through, each once, with how many times it takes the file when more than once.
const CHAIN_MAX: usize = 10;

/// The steps of `turns` whose lane is met for the first time, in order.
fn distinct<'t>(ctx: &'t Context, turns: &'t [usize]) -> impl Iterator<Item = usize> + 't {
    turns.iter().enumerate().filter(move |&(i, &n)| !turns[..i].iter().any(|&m| ctx.same_lane(m, n))).map(|(_, &n)| n)
}

/// The hands of the way, after the count of handoffs: « : A → B → C » while the chain is short
/// enough to read, otherwise « entre 9 intervenants : « A » (5 fois), « B » et « C » », those
/// that take it more than once first.
fn hands(ctx: &Context, turns: &[usize]) -> (String, String) {
    if turns.len() <= CHAIN_MAX {
        let lanes: Vec<&str> = turns.iter().map(|&n| ctx.lane_str(n)).collect();
        let lanes = lanes.join(" → ");
        return (format!(" : {lanes}"), format!(": {lanes}"));
    }
    // The hands that take the file most often first, the others after in the order the file meets
    // them: a count after the last of the list would read as every hand's (« « A », « B » et « C »
    // (2 fois) »).
    let mut firsts: Vec<(usize, usize)> =
        distinct(ctx, turns).map(|n| (n, turns.iter().filter(|&&m| ctx.same_lane(m, n)).count())).collect();
    firsts.sort_by_key(|&(_, times)| std::cmp::Reverse(times));
    let write = |lang: Lang| {
        let mut out = String::with_capacity(firsts.len() * 48);
        push_list(&mut out, lang, firsts.len(), |o, i| {
            let (n, times) = firsts[i];
            push_quoted(o, lang, ctx.lane_str(n));
            if times > 1 {
                // In figures, as every count of the list: « (2 fois) » beside « (12 fois) ».
                let unit = if lang == Lang::Fr { "fois)" } else { "times)" };
                o.push_str(&sentence![" (", times, " ", unit]);
            }
        });
        out
    };
    let k = firsts.len();
    (
        sentence![" entre ", k, " intervenants : ", write(Lang::Fr)],
        sentence![" between ", k, " hands: ", write(Lang::En)],
    )
}

#[cfg(test)]
mod tests;
