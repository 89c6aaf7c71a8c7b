//! `rework-loop`: the returns inside a loop that repeats the service period after period.

use petgraph::stable_graph::NodeIndex;

use super::Context;

/// The loops inside loop `c`, which repeats the service period after period, once the ways round
/// to the next period (the flows of its decisions `rounds` that stay in the loop) are taken away: the lab results asked again within one ALD
/// protocol, before the renewal five years on; the judge's director querying one guardian's
/// account in seven. Each in the order of `c`'s steps; not one through a formal notice
/// ([`FORMAL_NOTICE`]). Complexity: O(size of `c`), through petgraph's Tarjan.
pub(super) fn returns_within_periods(ctx: &Context, c: usize, rounds: &[usize]) -> Vec<Vec<usize>> {
    let members = &ctx.comps.members[c];
    let inside = |n: usize| ctx.comps.of[n] == c;
    let local: rustc_hash::FxHashMap<usize, u32> = members.iter().enumerate().map(|(i, &n)| (n, i as u32)).collect();
    let mut g = petgraph::graph::DiGraph::<(), ()>::with_capacity(members.len(), members.len());
    for _ in members {
        g.add_node(());
    }
    let mut self_loop = vec![false; members.len()];
    for (i, &n) in members.iter().enumerate().filter(|&(_, n)| !rounds.contains(n)) {
        for a in ctx.g.out[n].iter().filter(|a| a.share > 0.0 && inside(a.node)) {
            if let Some(&j) = local.get(&a.node) {
                self_loop[i] |= j as usize == i;
                g.add_edge(NodeIndex::new(i), NodeIndex::new(j as usize), ());
            }
        }
    }
    let notice = crate::analysis::labels::words(FORMAL_NOTICE);
    let enforces = |steps: &[usize]| {
        steps.iter().any(|&n| {
            ctx.step(n).kind.is_work()
                && !ctx.in_user_lane(n)
                && ctx.label_words(ctx.step(n).label()).iter().any(|w| notice.contains(w))
        })
    };
    petgraph::algo::tarjan_scc(&g)
        .into_iter()
        .filter(|scc| scc.len() > 1 || scc.first().is_some_and(|i| self_loop[i.index()]))
        .map(|scc| {
            let mut steps: Vec<usize> = scc.iter().map(|i| i.index()).collect();
            steps.sort_unstable();
            steps.into_iter().map(|i| members[i]).collect::<Vec<usize>>()
        })
        .filter(|steps| !enforces(steps))
        .collect()
}

/// A formal notice (« Mettre l'entreprise en demeure de régulariser »): inside a period, a loop
/// through one is the law's answer to an obligation of the period unmet (the haulier's capital
/// made good within the year), not a file sent back for what it lacks.
const FORMAL_NOTICE: &str = "demeure";
