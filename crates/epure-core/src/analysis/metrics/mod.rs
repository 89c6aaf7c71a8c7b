//! The metrics of analysis spec section 1, and the [`Context`] the rules read.

mod figures;
pub mod graph;
pub mod lead;
pub mod scc;
pub mod visits;

use std::sync::{Arc, Mutex, MutexGuard, PoisonError};

use petgraph::stable_graph::NodeIndex;

pub use self::figures::{Metrics, Support, Visits, Yearly, channel_support, media_breaks, medium_support};
use self::graph::Graph;
use self::lead::Lead;
use self::scc::Components;
use self::visits::LoopState;
use super::Settings;
use crate::model::{ActorKind, Procedure, Step, StepKind};

/// Per group of sources, `(later, earlier)` pairs (see [`Context::earlier_on_paths`]).
pub type PairsPerGroup = Vec<Vec<(usize, usize)>>;

/// Everything the rules read: the procedure, the settings, the adjacency, the expected visits,
/// reachability, loops, parallel blocks and the metrics.
pub struct Context<'a> {
    pub p: &'a Procedure,
    pub settings: Settings,
    pub g: Graph,
    pub start: Option<usize>,
    pub visits: Vec<f64>,
    pub reachable: Vec<bool>,
    pub comps: Components,
    pub loop_state: Vec<LoopState>,
    pub lead: Lead,
    /// The metrics. While the rules run in [`analyze`](crate::analysis::analyze), the figures
    /// only the report shows (visits, handoffs, critical path, media breaks) are still empty: no
    /// rule reads them, and they are computed beside the rules.
    pub metrics: Metrics,
    /// The actor of each step's lane, looked up once (the rules ask for it at every step they
    /// look at, and finding an actor is a scan of the actors comparing ids).
    actor: Vec<Option<&'a crate::model::Actor>>,
    /// The number of each step's lane ([`NO_LANE`] for none): equal for two steps exactly when
    /// their `actor` fields are equal, compared as numbers rather than as strings.
    lane: Vec<u32>,
    /// The normalised words of each label asked for ([`Context::label_words`]), filled on first use.
    /// Behind a lock, as every cache of the context: the rules may run on several threads
    /// ([`rules::run_all`](crate::analysis::rules::run_all)).
    label_words: Mutex<rustc_hash::FxHashMap<Box<str>, Arc<[String]>>>,
    /// The answers of [`Context::data_pairs`] not yet taken, one slot per question.
    pub(crate) data_pairs: Mutex<[Option<PairsPerGroup>; 3]>,
}

impl<'a> Context<'a> {
    /// Computes the metrics.
    ///
    /// Complexity: see [`visits::solve`] and [`lead::compute`]; O(V + E) memory.
    pub fn new(p: &'a Procedure, settings: &Settings) -> Self {
        let mut ctx = Self::for_rules(p, settings);
        ctx.report_figures().fill(&mut ctx.metrics);
        ctx
    }

    /// [`Context::new`] without the [`ReportFigures`](figures::ReportFigures), which no rule reads: the
    /// analysis computes them while the rules run ([`Context::report_figures`]).
    pub(crate) fn for_rules(p: &'a Procedure, settings: &Settings) -> Self {
        let mut settings = settings.clone();
        settings.sanitise();
        let g = Graph::new(p);
        let start = p.start().map(|n| n.index());
        // Reachability over the adjacency, which holds every flow of the procedure graph: what
        // `graph::reachable_from` finds, without walking petgraph's lists.
        let reachable = match start {
            Some(s) => graph::search(&g.out, std::iter::once(s)),
            None => vec![false; g.bound],
        };
        let pg = p.graph();
        let comps = scc::components(&g);
        let (visits, loop_state) = visits::solve(&g, &comps, start);
        let lead = lead::compute(p, &g, &visits, start);
        // The actor of each step, and the lanes in use (distinct lane names of the steps a case
        // can reach): a known lane counted through its actor's index, an unknown one by name.
        // Each lane gets a number (`lane`): a known one its actor's index, an unknown one the next
        // number past the actors, so two steps have the same number exactly when they name the
        // same lane.
        let mut actor = vec![None; g.bound];
        let mut lane = vec![NO_LANE; g.bound];
        let mut unknown_lanes: rustc_hash::FxHashMap<&str, u32> = rustc_hash::FxHashMap::default();
        let mut lane_seen = vec![false; p.actors.len()];
        let mut lanes = 0;
        for &n in &g.order {
            let Some(id) = pg[NodeIndex::new(n)].actor.as_deref() else { continue };
            // The first actor with that id, as `Procedure::actor` finds it.
            let number = match p.actors.iter().position(|a| a.id == id) {
                Some(i) => {
                    actor[n] = Some(&p.actors[i]);
                    i as u32
                }
                None => {
                    let next = (p.actors.len() + unknown_lanes.len()) as u32;
                    *unknown_lanes.entry(id).or_insert(next)
                }
            };
            lane[n] = number;
            if reachable[n] {
                let i = number as usize;
                if i >= lane_seen.len() {
                    lane_seen.resize(i + 1, false);
                }
                lanes += usize::from(!std::mem::replace(&mut lane_seen[i], true));
            }
        }
        let mut ctx = Context {
            p,
            settings,
            g,
            start,
            visits,
            reachable,
            comps,
            loop_state,
            lead,
            metrics: Metrics::empty(),
            actor,
            lane,
            label_words: Default::default(),
            data_pairs: Default::default(),
        };
        ctx.metrics = ctx.compute_metrics(lanes);
        ctx
    }

    /// The step at a node index of the adjacency.
    pub fn step(&self, n: usize) -> &'a Step {
        &self.p.graph()[NodeIndex::new(n)]
    }

    /// The id of the step at a node index.
    pub fn id(&self, n: usize) -> String {
        self.step(n).id.clone()
    }

    /// The actor of a step's lane, when it has one that exists.
    pub fn actor_of(&self, n: usize) -> Option<&'a crate::model::Actor> {
        self.actor.get(n).copied().flatten()
    }

    /// Whether two steps name the same lane (both none counts as the same), as comparing their
    /// `actor` fields says, without comparing strings.
    pub fn same_lane(&self, a: usize, b: usize) -> bool {
        self.lane.get(a) == self.lane.get(b)
    }

    /// The kind of actor of a step's lane.
    pub fn lane_kind(&self, n: usize) -> Option<ActorKind> {
        self.actor_of(n).map(|a| a.kind)
    }

    /// Whether a step sits in the user's lane.
    pub fn in_user_lane(&self, n: usize) -> bool {
        self.lane_kind(n) == Some(ActorKind::User)
    }

    /// Whether a step is the user's own work inside their own organisation: a step of the user's
    /// lane carried out on the `internal` channel (a commune's council voting its deliberation, its
    /// works and its accounts; a company's payroll). It is no contact with the administration, and
    /// the time before it is the user's own, not a queue of the administration.
    ///
    /// Drawn without its channel (the field is optional), or on paper where they are (the order
    /// put up on the works site, the notice posted in the shop), a step of the user's lane is read
    /// as their own work when the administration is nowhere in it: the user acts on what the
    /// administration just handed them (the step checks something, and every work step right
    /// before it is outside the user's lanes), is asked for nothing there (`requests` is empty),
    /// and the file goes on from it only to the user's own steps or to an end (the owner having
    /// the works prescribed by the refusal done before filing again, then letting the dwelling
    /// once authorised). A step after which the administration takes the file up, where it asks
    /// for a piece, or that follows another of the user's steps, is a contact whatever the
    /// drawing leaves out. Bounded: the nearest work steps on either side.
    pub fn users_own_work(&self, n: usize) -> bool {
        if !self.in_user_lane(n) {
            return false;
        }
        let s = self.step(n);
        match s.channel {
            Some(crate::model::Channel::Internal) => true,
            Some(crate::model::Channel::Paper) | None => {
                s.requests.is_empty()
                    && !s.checks.is_empty()
                    && self.next_work(n).iter().all(|&(m, _)| self.in_user_lane(m))
                    && {
                        let before = self.prev_work(n);
                        !before.is_empty() && before.iter().all(|&(m, _)| !self.in_user_lane(m))
                    }
            }
            // At a counter, by post or e-mail, on the phone or online: the administration is there.
            Some(_) => false,
        }
    }

    /// The name of a step's lane (its actor id when the actor is unknown).
    pub fn lane_name(&self, n: usize) -> String {
        self.lane_str(n).to_owned()
    }

    /// [`Context::lane_name`], borrowed from the procedure.
    pub fn lane_str(&self, n: usize) -> &'a str {
        match self.actor_of(n) {
            Some(a) => &a.name,
            None => self.step(n).actor.as_deref().unwrap_or_default(),
        }
    }

    /// The normalised words of a label ([`labels::words`](crate::analysis::labels::words)), in the
    /// label's order.
    ///
    /// Each distinct label is normalised once per analysis and shared by the rules that read labels
    /// (`duplicate-step`, `redundant-check`, `transit-step`): labels repeat, and stemming costs far
    /// more than the rest of their tests. Complexity: one hash look-up, plus the normalisation the
    /// first time a label is asked for.
    pub fn label_words(&self, label: &str) -> Arc<[String]> {
        let known = locked(&self.label_words).get(label).cloned();
        if let Some(words) = known {
            return words;
        }
        // Normalised outside the lock: two threads asking for one new label at once both
        // normalise it, to the same words.
        let words: Arc<[String]> = crate::analysis::labels::words(label).into();
        locked(&self.label_words).insert(label.into(), words.clone());
        words
    }

    /// Takes the stack of [`Context::next_work`] and [`Context::prev_work`], empty. They run once
    /// per work step and more, so one stack per thread is kept between calls (the rules may run on
    /// several threads): taken out while a search runs, so a call inside another only allocates
    /// its own.
    fn take_work_stack(&self) -> Vec<(usize, f64)> {
        let mut stack = WORK_STACK.take();
        stack.clear();
        stack
    }

    /// Puts a stack taken by [`Context::take_work_stack`] back for the next search.
    fn give_back_work_stack(&self, stack: Vec<(usize, f64)>) {
        WORK_STACK.set(stack);
    }

    /// The name of a data item (its id when unknown).
    pub fn data_name(&self, id: &str) -> String {
        self.p.data_item(id).map(|d| d.name.clone()).unwrap_or_else(|| id.to_owned())
    }

    /// The nearest work steps after `n` (through start, end and gateways), with the expected share
    /// of `n`'s visits that reaches each.
    ///
    /// Complexity: O(size of the gateway region after `n`), capped against gateway cycles.
    pub fn next_work(&self, n: usize) -> Vec<(usize, f64)> {
        let mut found = Vec::new();
        self.next_work_into(n, &mut found);
        found
    }

    /// [`Context::next_work`] written into `found` (emptied first), for a caller asking for many
    /// steps in a row: one buffer for all instead of a new vector each time.
    pub fn next_work_into(&self, n: usize, found: &mut Vec<(usize, f64)>) {
        found.clear();
        // Shares only, without the join factor: each branch of a parallel block hands the file on.
        let mut stack = self.take_work_stack();
        stack.extend(self.g.out[n].iter().rev().map(|a| (a.node, a.share)));
        let mut budget = 4 * (self.g.bound + 16);
        while let Some((m, w)) = stack.pop() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            if self.g.kind(m).is_work() {
                match found.iter_mut().find(|(x, _)| *x == m) {
                    Some(e) => e.1 += w,
                    None => found.push((m, w)),
                }
            } else if m != n {
                for a in self.g.out[m].iter().rev() {
                    stack.push((a.node, w * a.share));
                }
            }
        }
        self.give_back_work_stack(stack);
    }

    /// The nearest work steps before `n` (through start, end and gateways), with how many passes
    /// per case go from each to `n`: its visits times the shares of the flows on the way.
    ///
    /// Complexity: O(size of the gateway region before `n`), capped against gateway cycles.
    pub fn prev_work(&self, n: usize) -> Vec<(usize, f64)> {
        let mut found: Vec<(usize, f64)> = Vec::new();
        // (step, share of that step's passes that goes on towards `n`)
        let mut stack = self.take_work_stack();
        stack.extend(self.g.inc[n].iter().map(|a| (a.node, a.share)));
        let mut budget = 4 * (self.g.bound + 16);
        while let Some((m, share)) = stack.pop() {
            budget = budget.saturating_sub(1);
            if budget == 0 {
                break;
            }
            if self.g.kind(m).is_work() {
                let w = self.visits[m] * share;
                match found.iter_mut().find(|(x, _)| *x == m) {
                    Some(e) => e.1 += w,
                    None => found.push((m, w)),
                }
            } else if m != n {
                for a in &self.g.inc[m] {
                    stack.push((a.node, a.share * share));
                }
            }
        }
        self.give_back_work_stack(stack);
        found
    }

    /// Whether the time of a step counts on the lead time (it is not on a shorter parallel branch).
    pub fn on_lead(&self, n: usize) -> bool {
        !self.lead.off_critical[n]
    }
}
/// Kinds of step that do work.
pub fn is_work(kind: StepKind) -> bool {
    kind.is_work()
}

/// The lane number of a step drawn in no lane.
const NO_LANE: u32 = u32::MAX;

thread_local! {
    /// The stack of [`Context::take_work_stack`], one per thread.
    static WORK_STACK: std::cell::Cell<Vec<(usize, f64)>> = const { std::cell::Cell::new(Vec::new()) };
}

/// A cache of the context, locked. A rule that panicked while holding it left nothing half
/// written that matters (each cache holds whole answers), so a poisoned lock is used as it is.
pub(crate) fn locked<T>(m: &Mutex<T>) -> MutexGuard<'_, T> {
    m.lock().unwrap_or_else(PoisonError::into_inner)
}

#[cfg(test)]
mod tests;
