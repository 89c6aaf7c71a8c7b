//! Comparing two procedures (analysis spec, section 4): every metric side by side with its
//! change, yearly figures where the volume is known, and the graph diff. Any two procedures
//! compare, not only a version and the one it was derived from.

mod diff;
mod overlay;
mod text;

use serde::Serialize;

pub use diff::{GraphDiff, StepChange, StepMove, diff};
pub use overlay::{REMOVED_FLOW, overlay};
pub use text::render_text;

use crate::analysis::{self, Metrics, Settings};
use crate::model::Procedure;

/// One figure before and after.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricDelta {
    /// The spec's metric name (`lead_time_min`, …; yearly ones are `yearly.agent_hours`, …).
    pub metric: &'static str,
    pub before: f64,
    pub after: f64,
    /// `after − before`.
    pub change: f64,
    /// The change as a share of `before`, in percent; `None` when `before` is 0.
    pub percent: Option<f64>,
}

/// Two procedures compared.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Comparison {
    pub metrics: Vec<MetricDelta>,
    pub diff: GraphDiff,
}

impl Comparison {
    /// Whether nothing differs: no graph change and every delta zero.
    pub fn is_empty(&self) -> bool {
        self.diff.is_empty() && self.metrics.iter().all(|m| m.change == 0.0)
    }
}

/// Compares two procedures, each analysed with its own settings' defaults merged with `settings`.
///
/// Arguments: the procedure before and after, the analysis settings.
/// Returns: the metrics side by side (then the yearly figures when both know their volume) and
/// the graph diff.
pub fn compare(before: &Procedure, after: &Procedure, settings: &Settings) -> Comparison {
    let (a, b) = (analysis::analyze(before, settings).metrics, analysis::analyze(after, settings).metrics);
    Comparison { metrics: deltas(&a, &b), diff: diff(before, after) }
}

/// A metric's name and how to read it from the metrics.
type Reading = (&'static str, fn(&Metrics) -> f64);

fn deltas(a: &Metrics, b: &Metrics) -> Vec<MetricDelta> {
    let per_case: [Reading; 11] = [
        ("work_steps", |m| m.work_steps as f64),
        ("actors", |m| m.actors as f64),
        ("handoffs", |m| m.handoffs as f64),
        ("handoffs_per_case", |m| m.handoffs_per_case),
        ("user_contacts", |m| m.user_contacts),
        ("documents_requested", |m| m.documents_requested as f64),
        ("requests_per_case", |m| m.requests_per_case),
        ("touch_time_min", |m| m.touch_time_min),
        ("lead_time_min", |m| m.lead_time_min),
        ("cycle_efficiency", |m| m.cycle_efficiency),
        ("cost_per_case_eur", |m| m.cost_per_case_eur),
    ];
    let mut out: Vec<MetricDelta> = per_case.iter().map(|&(name, get)| delta(name, get(a), get(b))).collect();
    if let (Some(ya), Some(yb)) = (&a.yearly, &b.yearly) {
        out.extend([
            delta("yearly.agent_hours", ya.agent_hours, yb.agent_hours),
            delta("yearly.cost_eur", ya.cost_eur, yb.cost_eur),
            delta("yearly.user_contacts", ya.user_contacts, yb.user_contacts),
            delta("yearly.days_waited", ya.days_waited, yb.days_waited),
        ]);
    }
    out
}

fn delta(metric: &'static str, before: f64, after: f64) -> MetricDelta {
    let change = after - before;
    let percent = if before == 0.0 { None } else { Some(100.0 * change / before) };
    MetricDelta { metric, before, after, change, percent }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_procedure_compared_with_itself_changes_nothing() {
        let p = crate::synthetic::procedure(11, 120);
        let c = compare(&p, &p, &Settings::default());
        assert!(c.is_empty());
        assert!(c.metrics.iter().all(|m| m.change == 0.0 && m.percent.is_none_or(|x| x == 0.0)));
    }

    #[test]
    fn deltas_are_after_minus_before_with_percent() {
        let d = delta("lead_time_min", 840.0, 630.0);
        assert_eq!((d.change, d.percent), (-210.0, Some(-25.0)));
        assert_eq!(delta("handoffs", 0.0, 2.0).percent, None);
    }
}
