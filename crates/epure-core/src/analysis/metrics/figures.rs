//! The figures of the metrics (analysis spec, section 1): the serialised [`Metrics`], how the
//! context computes them, and the media breaks they count.

use serde::ser::SerializeMap;
use serde::{Serialize, Serializer};

use super::Context;
use crate::analysis::ser_f64;
use crate::model::{Channel, Medium, Procedure, ValueClass};

/// Expected visits per step, written as a JSON object keyed by step id, in the author's order.
///
/// The ids are packed one after the other in one string (one allocation for all rather than one
/// per step): [`Visits::iter`] reads them back as pairs.
#[derive(Debug, Clone, PartialEq, Default)]
pub struct Visits {
    /// Every step id, one after the other.
    ids: String,
    /// Where each id ends in `ids` (it begins where the one before ends).
    ends: Vec<usize>,
    /// The visits of each id, in the same order.
    values: Vec<f64>,
}

impl Serialize for Visits {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        struct F(f64);
        impl Serialize for F {
            fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
                ser_f64(&self.0, s)
            }
        }
        let mut m = s.serialize_map(Some(self.len()))?;
        for (k, v) in self.iter() {
            m.serialize_entry(k, &F(v))?;
        }
        m.end()
    }
}

impl Visits {
    /// Visits from `(step id, visits)` pairs, kept in their order.
    pub fn new<'s>(pairs: impl IntoIterator<Item = (&'s str, f64)>) -> Self {
        let mut v = Visits::default();
        for (id, x) in pairs {
            v.push(id, x);
        }
        v
    }

    /// Adds a step's visits after the others.
    pub fn push(&mut self, id: &str, visits: f64) {
        self.ids.push_str(id);
        self.ends.push(self.ids.len());
        self.values.push(visits);
    }

    /// The `(step id, visits)` pairs, in the author's order.
    pub fn iter(&self) -> impl ExactSizeIterator<Item = (&str, f64)> + '_ {
        (0..self.len()).map(|i| {
            let begin = if i == 0 { 0 } else { self.ends[i - 1] };
            (&self.ids[begin..self.ends[i]], self.values[i])
        })
    }

    /// The number of steps.
    pub fn len(&self) -> usize {
        self.values.len()
    }

    pub fn is_empty(&self) -> bool {
        self.values.is_empty()
    }

    /// The visits of the first step with that id. Complexity: O(number of steps).
    pub fn get(&self, id: &str) -> Option<f64> {
        self.iter().find(|&(k, _)| k == id).map(|(_, v)| v)
    }
}

/// Per-case figures multiplied by `cases_per_year`.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Yearly {
    #[serde(serialize_with = "ser_f64")]
    pub cases_per_year: f64,
    /// Hours of work of the administration (every lane but the user's).
    #[serde(serialize_with = "ser_f64")]
    pub agent_hours: f64,
    #[serde(serialize_with = "ser_f64")]
    pub cost_eur: f64,
    #[serde(serialize_with = "ser_f64")]
    pub user_contacts: f64,
    /// Working days (420 min) cases spend waiting (queues and transfers on the lead time).
    #[serde(serialize_with = "ser_f64")]
    pub days_waited: f64,
}

/// The metrics of a procedure, per case (expected values). Field names are the spec's.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Metrics {
    pub visits: Visits,
    pub work_steps: usize,
    pub actors: usize,
    pub handoffs: usize,
    #[serde(serialize_with = "ser_f64")]
    pub handoffs_per_case: f64,
    #[serde(serialize_with = "ser_f64")]
    pub user_contacts: f64,
    pub documents_requested: usize,
    #[serde(serialize_with = "ser_f64")]
    pub requests_per_case: f64,
    #[serde(serialize_with = "ser_f64")]
    pub touch_time_min: f64,
    /// The waiting part of the lead time (queues and transfer delays).
    #[serde(serialize_with = "ser_f64")]
    pub wait_time_min: f64,
    #[serde(serialize_with = "ser_f64")]
    pub lead_time_min: f64,
    pub critical_path: Vec<String>,
    #[serde(serialize_with = "ser_f64")]
    pub cycle_efficiency: f64,
    /// `value_adding` (value-adding touch time ÷ lead time) or `all_touch` (no step is classified).
    pub cycle_efficiency_basis: &'static str,
    #[serde(serialize_with = "ser_f64")]
    pub cost_per_case_eur: f64,
    /// `null` when `cases_per_year` is unknown.
    pub yearly: Option<Yearly>,
    /// Flows where the case changes between paper and digital.
    pub media_breaks: Vec<String>,
}

impl Context<'_> {
    /// The metrics but the [`ReportFigures`] (left empty), given the number of lanes in use.
    pub(super) fn compute_metrics(&self, lanes: usize) -> Metrics {
        let p = self.p;
        let order = &self.g.order;
        // The structural counts of `graph::summary`, computed here from the same walk as the
        // per-case figures.
        let mut work_steps = 0;
        let mut user_contacts = 0.0;
        let mut requests_per_case = 0.0;
        let mut touch = 0.0;
        let mut value_touch = 0.0;
        let mut classified = false;
        let mut cost = 0.0;
        let mut agent_min = 0.0;
        let mut requested: Vec<&str> = Vec::new();
        for &n in order {
            let s = self.step(n);
            let v = self.visits[n];
            touch += v * s.duration();
            if s.value.is_some() {
                classified = true;
            }
            if s.value == Some(ValueClass::ValueAdding) {
                value_touch += v * s.duration();
            }
            let hourly = self.actor_of(n).and_then(|a| a.hourly_cost_eur).unwrap_or(0.0);
            cost += v * (s.duration() / 60.0 * hourly + s.cost_eur.unwrap_or(0.0));
            if s.kind.is_work() {
                work_steps += 1;
                if self.in_user_lane(n) {
                    user_contacts += v;
                } else {
                    agent_min += v * s.duration();
                }
            }
            if self.reachable[n] {
                for d in &s.requests {
                    if p.data_item(d).is_some() && !requested.contains(&d.as_str()) {
                        requested.push(d);
                    }
                }
            }
            requests_per_case += v * s.requests.len() as f64;
        }
        let lead = self.lead.lead.total();
        let (basis, numerator) = if classified { ("value_adding", value_touch) } else { ("all_touch", touch) };
        let cycle_efficiency = if lead > 0.0 { (numerator / lead).min(1.0) } else { 0.0 };
        let yearly = p.meta.cases_per_year.filter(|c| c.is_finite() && *c >= 0.0).map(|c| Yearly {
            cases_per_year: c,
            agent_hours: agent_min / 60.0 * c,
            cost_eur: cost * c,
            user_contacts: user_contacts * c,
            days_waited: self.lead.lead.wait / self.settings.working_day_min * c,
        });
        Metrics {
            work_steps,
            actors: lanes,
            user_contacts,
            documents_requested: requested.len(),
            requests_per_case,
            touch_time_min: touch,
            wait_time_min: self.lead.lead.wait,
            lead_time_min: lead,
            cycle_efficiency,
            cycle_efficiency_basis: basis,
            cost_per_case_eur: cost,
            yearly,
            ..Metrics::empty()
        }
    }

    /// The [`ReportFigures`] of the procedure.
    ///
    /// Complexity: O(V + E), plus [`Context::next_work`] from each work step.
    pub(crate) fn report_figures(&self) -> ReportFigures {
        let order = &self.g.order;
        // Room for every id at once: the packed table is filled without growing.
        let mut visits = Visits {
            ids: String::with_capacity(order.iter().map(|&n| self.step(n).id.len()).sum()),
            ends: Vec::with_capacity(order.len()),
            values: Vec::with_capacity(order.len()),
        };
        for &n in order {
            visits.push(&self.step(n).id, self.visits[n]);
        }
        // Handoffs: a work step's nearest work steps after it in another lane (`graph::summary`
        // counts the same; its `graph::next_work_steps` allocates a table per step, quadratic on
        // very large procedures).
        let mut handoffs = 0;
        let mut handoffs_per_case = 0.0;
        let mut next = Vec::new();
        for &n in order.iter().filter(|&&n| self.g.kind(n).is_work()) {
            self.next_work_into(n, &mut next);
            for &(m, w) in &next {
                if !self.same_lane(m, n) {
                    handoffs += 1;
                    handoffs_per_case += self.visits[n] * w;
                }
            }
        }
        ReportFigures {
            visits,
            handoffs,
            handoffs_per_case,
            critical_path: self.lead.critical_path.iter().map(|&n| self.id(n)).collect(),
            media_breaks: media_breaks(self.p).into_iter().map(|(id, _)| id).collect(),
        }
    }
}

/// The figures of the [`Metrics`] that only the report shows, no rule reading them: the
/// analysis computes them beside the rules, off the path of its longest thread.
pub(crate) struct ReportFigures {
    visits: Visits,
    handoffs: usize,
    handoffs_per_case: f64,
    critical_path: Vec<String>,
    media_breaks: Vec<String>,
}

impl ReportFigures {
    /// Writes the figures into the metrics computed without them.
    pub(crate) fn fill(self, m: &mut Metrics) {
        m.visits = self.visits;
        m.handoffs = self.handoffs;
        m.handoffs_per_case = self.handoffs_per_case;
        m.critical_path = self.critical_path;
        m.media_breaks = self.media_breaks;
    }
}

impl Metrics {
    /// Metrics of nothing: every count 0, no visits, no path.
    pub(crate) fn empty() -> Self {
        Metrics {
            visits: Visits::default(),
            work_steps: 0,
            actors: 0,
            handoffs: 0,
            handoffs_per_case: 0.0,
            user_contacts: 0.0,
            documents_requested: 0,
            requests_per_case: 0.0,
            touch_time_min: 0.0,
            wait_time_min: 0.0,
            lead_time_min: 0.0,
            critical_path: Vec::new(),
            cycle_efficiency: 0.0,
            cycle_efficiency_basis: "all_touch",
            cost_per_case_eur: 0.0,
            yearly: None,
            media_breaks: Vec::new(),
        }
    }
}

/// Paper or digital.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Support {
    Paper,
    Digital,
}

pub fn channel_support(c: Option<Channel>) -> Option<Support> {
    match c? {
        Channel::Counter | Channel::Paper | Channel::Mail => Some(Support::Paper),
        Channel::Online | Channel::Email | Channel::Internal => Some(Support::Digital),
        Channel::Phone => None,
    }
}

pub fn medium_support(m: Option<Medium>) -> Option<Support> {
    match m? {
        Medium::Paper | Medium::Mail => Some(Support::Paper),
        Medium::Email | Medium::System => Some(Support::Digital),
        Medium::Oral => None,
    }
}

/// Flows where the case changes between paper and digital: the known supports of the source
/// step's channel, the flow's medium and the target step's channel are not all the same.
/// Returns the flow ids in the author's order, each with the support the case arrives on.
pub fn media_breaks(p: &Procedure) -> Vec<(String, Support)> {
    let mut out = Vec::new();
    let g = p.graph();
    // Through the graph's own indices: no look-up of the ends' ids.
    for &e in p.flow_indices() {
        let Some((a, b)) = g.edge_endpoints(e) else { continue };
        let (a, b, flow) = (&g[a], &g[b], &g[e]);
        let seq = [channel_support(a.channel), medium_support(flow.medium), channel_support(b.channel)];
        // The known supports differ when both appear (there are two); the case arrives on the last.
        let paper = seq.contains(&Some(Support::Paper));
        let digital = seq.contains(&Some(Support::Digital));
        if paper
            && digital
            && let Some(last) = seq[2].or(seq[1])
        {
            out.push((flow.id.clone(), last));
        }
    }
    out
}
