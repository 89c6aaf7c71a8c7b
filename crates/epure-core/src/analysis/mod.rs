//! Analysis: the metrics of a procedure (per case, expected values) and the findings of the rule
//! catalogue (analysis spec, sections 1 and 2).
//!
//! The pipeline is: [`metrics::compute`] builds a compact view of the graph ([`Graph`]), solves the
//! absorbing Markov chain for the expected visits, then the lead time and the critical path; each
//! rule of [`rules`] reads that context and returns findings; [`analyze`] sorts and deduplicates them.
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
    let mut ctx = metrics::Context::new(p, settings);
    let mut findings = rules::run_all(&ctx);
    normalise(&ctx, &mut findings);
    // Moved out, not cloned: the visits alone are one id string per step.
    let metrics = std::mem::replace(&mut ctx.metrics, Metrics::empty());
    Analysis { metrics, findings }
}

/// Subject lists up to this long are deduplicated by comparing each subject with those before it;
/// longer ones through a hash set.
const SHORT_SUBJECTS: usize = 16;

/// Drops findings naming unknown ids, deduplicates on (rule, subjects) and sorts.
///
/// Steps and flows are found through the procedure's own id index and the adjacency's author
/// positions, so nothing proportional to the procedure is rebuilt here. Complexity: O(F log F) for
/// F findings, plus their subjects.
fn normalise(ctx: &metrics::Context, findings: &mut Vec<Finding>) {
    let p = ctx.p;
    let mut flow_at = vec![usize::MAX; petgraph::visit::EdgeIndexable::edge_bound(p.graph())];
    for (i, e) in p.flow_indices().iter().enumerate() {
        flow_at[e.index()] = i;
    }
    let data_at: rustc_hash::FxHashMap<&str, usize> =
        p.data.iter().enumerate().map(|(i, d)| (d.id.as_str(), i)).collect();
    let step_pos = |id: &str| p.node(id).and_then(|n| ctx.g.pos.get(n.index()).copied());
    let flow_pos = |id: &str| p.edge(id).and_then(|e| flow_at.get(e.index()).copied());
    let data_pos = |id: &str| data_at.get(id).copied();
    let exists = |id: &str| p.node(id).is_some() || p.edge(id).is_some() || data_at.contains_key(id);
    findings.retain(|f| !f.subjects.is_empty() && f.subjects.iter().all(|s| exists(s)));
    for f in findings.iter_mut() {
        if f.subjects.len() <= SHORT_SUBJECTS {
            let mut kept: Vec<String> = Vec::with_capacity(f.subjects.len());
            for s in f.subjects.drain(..) {
                if !kept.contains(&s) {
                    kept.push(s);
                }
            }
            f.subjects = kept;
            continue;
        }
        let keep: Vec<bool> = {
            let mut seen = rustc_hash::FxHashSet::with_capacity_and_hasher(f.subjects.len(), Default::default());
            f.subjects.iter().map(|s| seen.insert(s.as_str())).collect()
        };
        let mut k = keep.into_iter();
        f.subjects.retain(|_| k.next().unwrap_or(false));
    }
    let pos = |f: &Finding| {
        let first = f.subjects.first().map(String::as_str).unwrap_or_default();
        step_pos(first)
            .map(|i| (0, i))
            .or_else(|| flow_pos(first).map(|i| (1, i)))
            .or_else(|| data_pos(first).map(|i| (2, i)))
            .unwrap_or((3, 0))
    };
    let mut keyed: Vec<_> = findings.drain(..).map(|f| ((f.severity, rules::rank(f.rule), pos(&f)), f)).collect();
    keyed.sort_by(|a, b| a.0.cmp(&b.0).then_with(|| a.1.subjects.cmp(&b.1.subjects)));
    let mut kept: Vec<Finding> = Vec::with_capacity(keyed.len());
    {
        let mut seen = rustc_hash::FxHashSet::with_capacity_and_hasher(keyed.len(), Default::default());
        let mut keep = Vec::with_capacity(keyed.len());
        for (_, f) in &keyed {
            let mut subjects: Vec<&str> = f.subjects.iter().map(String::as_str).collect();
            subjects.sort_unstable();
            keep.push(seen.insert((f.rule, subjects)));
        }
        for ((_, f), k) in keyed.into_iter().zip(keep) {
            if k {
                kept.push(f);
            }
        }
    }
    *findings = kept;
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
