//! Analysis: the metrics of a procedure (per case, expected values) and the findings of the rule
//! catalogue (analysis spec, sections 1 and 2).
//!
//! The pipeline is: [`metrics::Context`] builds a compact view of the graph
//! ([`metrics::graph::Graph`]), solves the absorbing Markov chain for the expected visits, then
//! the lead time and the critical path; each rule of [`rules`] reads that context and returns
//! findings, while the figures only the report shows are computed beside them; [`analyze`]
//! sorts and deduplicates the findings.
//!
//! **Invariant:** the analysis can't fail. A half-drawn procedure (no end, loops, no start, a fork
//! without a join) gives findings, never a panic, an `Err`, a NaN or an infinity. Every finding
//! names only steps, flows and data items that exist, and the same input always gives the same
//! output, byte for byte.

pub mod labels;
pub mod metrics;
pub mod rules;
pub mod settings;
mod text;
pub(crate) mod words;

use serde::{Serialize, Serializer};

use crate::model::Procedure;

pub use metrics::{Metrics, Yearly};
pub use settings::Settings;
pub use text::render_text;

/// Language of the sentences for people.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Lang {
    Fr,
    En,
}

/// How serious a finding is. Sorted most serious first.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, Hash, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Critical,
    Warning,
    Info,
}

impl Severity {
    pub fn as_str(self) -> &'static str {
        match self {
            Severity::Critical => "critical",
            Severity::Warning => "warning",
            Severity::Info => "info",
        }
    }
}

/// What acting on a finding would save, per case (expected values).
#[derive(Debug, Clone, Copy, PartialEq, Default, Serialize)]
pub struct Gain {
    #[serde(serialize_with = "ser_f64")]
    pub touch_min: f64,
    #[serde(serialize_with = "ser_f64")]
    pub lead_min: f64,
    #[serde(serialize_with = "ser_f64")]
    pub handoffs: f64,
    #[serde(serialize_with = "ser_f64")]
    pub contacts: f64,
    #[serde(serialize_with = "ser_f64")]
    pub requests: f64,
}

/// One thing the analysis flags, in French and in English.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Finding {
    /// The rule id of the catalogue (`once-only`, `ping-pong`, …).
    pub rule: &'static str,
    pub severity: Severity,
    /// Ids of the steps, flows and data items concerned, most relevant first.
    pub subjects: Vec<String>,
    pub title_fr: String,
    pub title_en: String,
    pub explanation_fr: String,
    pub explanation_en: String,
    pub gain: Gain,
    /// The transformation id that would act on the finding, if any.
    pub suggestion: Option<&'static str>,
}

impl Finding {
    /// Whether subject `s` names a data item rather than a step. Ids are unique among steps and
    /// among data, not across both: a step "timbre" (buying the tax stamp) and the item "timbre"
    /// (the stamp) may both exist. Such a subject is the data item when a step the finding names
    /// without ambiguity requests, checks, enters or produces it (the two checks of the stamp),
    /// the step otherwise.
    pub fn names_data(&self, p: &crate::model::Procedure, s: &str) -> bool {
        match (p.step(s).is_some(), p.data_item(s).is_some()) {
            (_, false) => false,
            (false, true) => true,
            (true, true) => self.subjects.iter().filter(|o| o.as_str() != s && p.data_item(o).is_none()).any(|o| {
                p.step(o).is_some_and(|st| {
                    [&st.requests, &st.checks, &st.enters, &st.produces].iter().any(|l| l.iter().any(|d| d == s))
                })
            }),
        }
    }

    /// The subjects that name steps, in the finding's order ([`Finding::names_data`] decides
    /// an id that is both a step and a data item).
    pub fn step_subjects<'f>(&'f self, p: &'f crate::model::Procedure) -> impl Iterator<Item = &'f str> + 'f {
        self.subjects.iter().map(String::as_str).filter(move |s| p.step(s).is_some() && !self.names_data(p, s))
    }
}

/// Metrics and findings of one procedure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Analysis {
    pub metrics: Metrics,
    pub findings: Vec<Finding>,
}

impl Analysis {
    /// The JSON object of the command line contract, pretty-printed, deterministic.
    pub fn to_json(&self) -> String {
        // Serialising plain structs of strings and finite numbers cannot fail.
        serde_json::to_string_pretty(self).unwrap_or_default()
    }
}

/// Analyses a procedure: metrics, then every rule of the catalogue.
///
/// Arguments: the procedure and the thresholds.
/// Returns: the metrics and the findings, sorted by severity, then rule, then the author's position
/// of the first subject, without two findings of one rule on the same subjects.
/// Complexity: O(V + E) for the metrics on procedures whose loops are small, plus one linear pass
/// per rule and per data item or label group for the rules that look along paths.
pub fn analyze(p: &Procedure, settings: &Settings) -> Analysis {
    analyze_with(p, settings, None)
}

/// [`analyze`] with the rules on exactly `threads` threads (1: all on the calling thread), where
/// [`analyze`] chooses from the procedure's size and the machine. The result is the same; this is
/// for the benchmarks, which time both.
pub fn analyze_on(p: &Procedure, settings: &Settings, threads: usize) -> Analysis {
    analyze_with(p, settings, Some(threads))
}

fn analyze_with(p: &Procedure, settings: &Settings, threads: Option<usize>) -> Analysis {
    let mut ctx = metrics::Context::for_rules(p, settings);
    // The figures no rule reads are computed beside the rules, not before them.
    let (mut findings, report) = rules::run_all_beside(&ctx, threads, || ctx.report_figures());
    normalise(&ctx, &mut findings);
    // Moved out, not cloned.
    let mut metrics = std::mem::replace(&mut ctx.metrics, Metrics::empty());
    report.fill(&mut metrics);
    Analysis { metrics, findings }
}

/// Where an id is: (0, author position) for a step, (1, position) for a flow, (2, position) for a
/// data item.
type Place = (u8, usize);

/// Drops findings naming unknown ids, deduplicates on (rule, subjects) and sorts.
///
/// Steps and flows are found through the procedure's own id index and the adjacency's author
/// positions; each subject is looked up once. Repeated subjects are found through their places
/// (one id, one place), marked per place in one table for all findings. The findings themselves
/// are moved once: what is sorted is their keys and indices.
/// Complexity: O(V + E + D) for the tables of V steps, E flows and D data items, plus
/// O(F log F) for F findings, plus their subjects.
fn normalise(ctx: &metrics::Context, findings: &mut Vec<Finding>) {
    let p = ctx.p;
    let mut flow_at = vec![usize::MAX; petgraph::visit::EdgeIndexable::edge_bound(p.graph())];
    for (i, e) in p.flow_indices().iter().enumerate() {
        flow_at[e.index()] = i;
    }
    let data_at: rustc_hash::FxHashMap<&str, usize> =
        p.data.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    // For each place (steps, flows, data items), the last finding that named it.
    let mut named = [
        vec![usize::MAX; p.step_indices().len()],
        vec![usize::MAX; p.flow_indices().len()],
        vec![usize::MAX; p.data.len()],
    ];
    // Where an id is, for the order of findings; `None` for an id that names nothing (a step or a
    // flow always has a position, so this is also whether the id exists).
    let place = |id: &str| -> Option<Place> {
        p.node(id)
            .and_then(|n| ctx.g.pos.get(n.index()).map(|&i| (0u8, i)))
            .or_else(|| p.edge(id).and_then(|e| flow_at.get(e.index()).map(|&i| (1, i))))
            .or_else(|| data_at.get(id).map(|&i| (2, i)))
    };
    // The findings kept, by index, with their sort key: severity, rule, place of the first subject,
    // packed into one number that compares as that tuple does (`sort_key`).
    let mut keyed: Vec<(u128, usize)> = Vec::with_capacity(findings.len());
    // The places of each kept finding's subjects, packed (`places[span[i].0..span[i].1]`), sized
    // once for all the subjects.
    let mut places: Vec<Place> = Vec::with_capacity(findings.iter().map(|f| f.subjects.len()).sum());
    let mut span = vec![(0, 0); findings.len()];
    for (i, f) in findings.iter_mut().enumerate() {
        if f.subjects.is_empty() {
            continue;
        }
        let from = places.len();
        places.extend(f.subjects.iter().map_while(|s| place(s)));
        if places.len() - from != f.subjects.len() {
            places.truncate(from);
            continue;
        }
        // Repeats removed, keeping the first of each in its order: two subjects are the same id
        // when they have the same place, and `named` holds the last finding that named each place.
        // The kept subjects are moved to the front, the repeats behind them cut.
        let mut kept = from;
        for r in from..places.len() {
            let (kind, pos) = places[r];
            let first = match named[usize::from(kind)].get_mut(pos) {
                Some(last) if *last == i => false,
                Some(last) => {
                    *last = i;
                    true
                }
                None => true,
            };
            if first {
                places[kept] = places[r];
                f.subjects.swap(kept - from, r - from);
                kept += 1;
            }
        }
        places.truncate(kept);
        f.subjects.truncate(kept - from);
        span[i] = (from, places.len());
        keyed.push((sort_key(f.severity, rules::rank(f.rule), places[from]), i));
    }
    // Stable, as the findings' own sort was: equal keys keep the rules' order.
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| findings[a.1].subjects.cmp(&findings[b.1].subjects)));
    // The first finding of each (rule, set of subjects) in that order is kept. Subjects are
    // distinct by now, so a one-subject finding can only repeat another one-subject finding: those
    // are keyed without a vector. Sets are compared through their places, one per id (a step, a
    // flow or a data item has one id), so that sorting them compares numbers, not strings.
    // Each finding's places sorted where they are: the sort keys above hold their first subject's.
    for &(from, to) in &span {
        places[from..to].sort_unstable();
    }
    let mut keep = vec![false; findings.len()];
    {
        let mut seen_one = rustc_hash::FxHashSet::with_capacity_and_hasher(keyed.len(), Default::default());
        let mut seen: rustc_hash::FxHashSet<(&str, &[Place])> = rustc_hash::FxHashSet::default();
        for &(_, i) in &keyed {
            let f = &findings[i];
            keep[i] = match f.subjects.as_slice() {
                [one] => seen_one.insert((f.rule, one.as_str())),
                _ => seen.insert((f.rule, &places[span[i].0..span[i].1])),
            };
        }
    }
    let mut slots: Vec<Option<Finding>> = findings.drain(..).map(Some).collect();
    findings.reserve(keyed.len());
    for (_, i) in keyed {
        if keep[i]
            && let Some(f) = slots[i].take()
        {
            findings.push(f);
        }
    }
}

/// The sort key of a finding, (severity, rule rank, place of the first subject), as one number
/// ordered as the tuple: the severity from bit 98, the rank in bits 66 to 97 (ranks are positions
/// in the catalogue, so far below 2³², the bound it is clamped to), the kind of the place in bits
/// 64 and 65, its position in the low 64 bits.
fn sort_key(severity: Severity, rank: usize, (kind, pos): Place) -> u128 {
    let rank = u32::try_from(rank).unwrap_or(u32::MAX);
    ((severity as u128) << 98) | (u128::from(rank) << 66) | (u128::from(kind & 3) << 64) | pos as u128
}

/// Rounds to 4 decimals; non-finite values (which the analysis guards against) become 0.
pub fn round4(v: f64) -> f64 {
    if !v.is_finite() {
        return 0.0;
    }
    let r = (v * 10_000.0).round() / 10_000.0;
    if r == 0.0 { 0.0 } else { r }
}

/// Serialises a figure rounded to 4 decimals, whole numbers as integers.
pub(crate) fn ser_f64<S: Serializer>(v: &f64, s: S) -> Result<S::Ok, S::Error> {
    crate::num::serialize_f64(round4(*v), s)
}

#[cfg(test)]
pub(crate) mod testkit;
