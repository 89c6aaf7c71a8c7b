//! Runs the rules of the catalogue, on several threads for a large procedure.
//!
//! The rules only read the [`Context`] (its caches are behind locks), so they can run at the
//! same time. Each worker takes the next rule not yet taken, costliest first ([`COSTLIEST_FIRST`]),
//! so that the threads end together; each rule's findings go into that rule's own slot, so the
//! findings come out in the catalogue's order whatever thread ran what, and the analysis stays
//! byte for byte the same as on one thread.

use std::sync::atomic::{AtomicUsize, Ordering};

use super::{CATALOGUE, Context};
use crate::analysis::Finding;

/// Procedures of fewer steps are analysed on the calling thread: starting threads would cost
/// more than it saves (a 1,000-step procedure is analysed in a few milliseconds).
const PARALLEL_FROM: usize = 1_000;

/// Past this many threads the analysis does not get faster: its costliest rule alone is about a
/// quarter of the rules' work.
const MAX_WORKERS: usize = 4;

/// The rules, costliest first: the order the workers take them in (their instructions on a
/// generated 10,000-step procedure, from `once-only`'s 19.5 M, with the data pass it shares with
/// `rekeying` and `redundant-check`, down to a few thousand). The order only balances the
/// threads; the findings do not depend on it.
const COSTLIEST_FIRST: [&str; 19] = [
    "once-only",
    "duplicate-step",
    "waiting",
    "late-knockout",
    "handoff-chain",
    "waste-step",
    "rekeying",
    "media-break",
    "ping-pong",
    "parallelizable",
    "approval-chain",
    "rework-loop",
    "too-many-contacts",
    "redundant-check",
    "transit-step",
    "dead-end",
    "unreachable",
    "endless-loop",
    "unstructured-parallel",
];

/// How many threads the rules of this procedure run on.
pub(super) fn workers(ctx: &Context) -> usize {
    if ctx.p.steps().len() < PARALLEL_FROM {
        return 1;
    }
    std::thread::available_parallelism().map_or(1, |n| n.get()).min(MAX_WORKERS)
}

/// The findings of every rule, one vector per rule in the catalogue's order, on `workers` threads
/// (the calling thread when 1), and what `beside` returns: work that no rule waits for, done by
/// the calling thread before it takes rules (after them on one thread).
///
/// A rule that panics (none should: see the analysis invariant) panics the caller, as it would
/// on one thread.
pub(super) fn run_rules<T>(ctx: &Context, workers: usize, beside: impl FnOnce() -> T) -> (Vec<Vec<Finding>>, T) {
    if workers <= 1 {
        let findings = CATALOGUE.iter().map(|(_, rule)| rule(ctx)).collect();
        return (findings, beside());
    }
    // Catalogue positions in the order rules are taken; a rule missing from the costs list (none
    // is: a test checks) comes last.
    let mut order: Vec<usize> = (0..CATALOGUE.len()).collect();
    order.sort_by_key(|&i| COSTLIEST_FIRST.iter().position(|id| *id == CATALOGUE[i].0).unwrap_or(usize::MAX));
    let next = AtomicUsize::new(0);
    let work = || {
        let mut done = Vec::new();
        while let Some(&i) = order.get(next.fetch_add(1, Ordering::Relaxed)) {
            done.push((i, (CATALOGUE[i].1)(ctx)));
        }
        done
    };
    let mut slots: Vec<Vec<Finding>> = vec![Vec::new(); CATALOGUE.len()];
    let aside = std::thread::scope(|scope| {
        // A thread the system refuses to start is simply not there: the others take its rules.
        let helpers: Vec<_> =
            (1..workers).filter_map(|_| std::thread::Builder::new().spawn_scoped(scope, work).ok()).collect();
        // The calling thread works too, rather than waiting: first what no rule waits for, while
        // the helpers take the costliest rules.
        let aside = beside();
        let mut results = vec![work()];
        for h in helpers {
            match h.join() {
                Ok(done) => results.push(done),
                Err(panic) => std::panic::resume_unwind(panic),
            }
        }
        for (i, findings) in results.into_iter().flatten() {
            slots[i] = findings;
        }
        aside
    });
    (slots, aside)
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::analysis::Settings;

    #[test]
    fn several_threads_find_what_one_finds_in_the_same_order() {
        for (seed, size) in [(3u64, 1_200usize), (11, 2_000)] {
            let p = crate::synthetic::procedure(seed, size);
            let ctx = Context::new(&p, &Settings::default());
            let one = run_rules(&ctx, 1, || ()).0;
            // A fresh context: the first run took the cached answers of `data_pairs`.
            let ctx = Context::new(&p, &Settings::default());
            let three = run_rules(&ctx, 3, || ()).0;
            assert_eq!(one.iter().map(Vec::len).sum::<usize>(), three.iter().map(Vec::len).sum::<usize>());
            assert!(one.iter().map(Vec::len).sum::<usize>() > 100, "a procedure with findings to compare");
            assert_eq!(one, three, "seed {seed}, {size} steps");
        }
    }

    #[test]
    fn every_rule_of_the_catalogue_has_its_place_in_the_order() {
        let mut ordered = COSTLIEST_FIRST.to_vec();
        let mut catalogue: Vec<&str> = CATALOGUE.iter().map(|(id, _)| *id).collect();
        ordered.sort_unstable();
        catalogue.sort_unstable();
        assert_eq!(ordered, catalogue);
    }

    #[test]
    fn small_procedures_stay_on_the_calling_thread() {
        let small = crate::synthetic::procedure(1, 200);
        assert_eq!(workers(&Context::new(&small, &Settings::default())), 1);
        let large = crate::synthetic::procedure(1, PARALLEL_FROM + 10);
        let n = workers(&Context::new(&large, &Settings::default()));
        assert!((1..=MAX_WORKERS).contains(&n));
    }
}
