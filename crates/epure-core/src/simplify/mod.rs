//! Simplification (analysis spec, section 3): from a finding to a better procedure.
//!
//! A transformation takes a procedure and one finding and returns a new procedure, or refuses
//! with a reason in the agent's words. Every result passes the same guard: it is a valid
//! procedure, its end is still reachable from its start, no data item a remaining step uses has
//! lost its source, and it is not worse on lead time, handoffs per case, requests per case or
//! contacts with the user.
//! What the guard refuses is never proposed.
//!
//! [`proposals`] lists what each finding would change, computed by applying it; [`simplify`]
//! applies the accepted rules until none applies any more (each later finding is re-evaluated
//! on the result of the earlier ones), so applying the result again changes nothing.

mod edit;
mod reorganise;
mod transforms;

use std::collections::{BTreeSet, HashSet};

use serde::Serialize;

use crate::analysis::{self, Finding, Settings};
use crate::compare::{self, GraphDiff};
use crate::model::{Procedure, Variant};

/// Why a transformation was not made, in French and English.
#[derive(Debug, Clone, PartialEq, Eq, Serialize)]
pub struct Refusal {
    pub reason_fr: String,
    pub reason_en: String,
}

impl Refusal {
    pub(crate) fn new(fr: impl Into<String>, en: impl Into<String>) -> Self {
        Refusal { reason_fr: fr.into(), reason_en: en.into() }
    }
}

/// Applies the transformation a finding suggests.
///
/// Arguments: the procedure, one of its findings, the analysis settings.
/// Returns: the transformed procedure, or why not.
pub fn transform(p: &Procedure, finding: &Finding, settings: &Settings) -> Result<Procedure, Refusal> {
    let Some(suggestion) = finding.suggestion else {
        return Err(Refusal::new(
            "ce constat n'appelle pas de transformation automatique",
            "this finding calls for no automatic transformation",
        ));
    };
    let after = transforms::apply(p, suggestion, finding)?;
    guard(p, &after, settings)?;
    Ok(after)
}

/// The effect of a change on the figures that matter, per case (after − before).
#[derive(Debug, Clone, Default, PartialEq, Serialize)]
pub struct Effect {
    pub work_steps: f64,
    pub lead_time_min: f64,
    pub touch_time_min: f64,
    pub handoffs_per_case: f64,
    pub user_contacts: f64,
    pub requests_per_case: f64,
    pub cost_per_case_eur: f64,
}

/// One finding, and what accepting it would do.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Proposal {
    pub finding: Finding,
    /// Steps and flows the transformation adds, removes, moves or changes.
    pub changes: Option<GraphDiff>,
    pub effect: Option<Effect>,
    /// Why it cannot be applied, when it cannot.
    pub refusal: Option<Refusal>,
}

/// Every finding with a suggested transformation, with its changes and expected effect,
/// computed by applying it to the procedure as it is.
pub fn proposals(p: &Procedure, settings: &Settings) -> Vec<Proposal> {
    let before = analysis::analyze(p, settings);
    before
        .findings
        .iter()
        .filter(|f| f.suggestion.is_some())
        .map(|f| match transform(p, f, settings) {
            Ok(after) => {
                let metrics = analysis::analyze(&after, settings).metrics;
                Proposal {
                    finding: f.clone(),
                    changes: Some(compare::diff(p, &after)),
                    effect: Some(effect(&before.metrics, &metrics)),
                    refusal: None,
                }
            }
            Err(r) => Proposal { finding: f.clone(), changes: None, effect: None, refusal: Some(r) },
        })
        .collect()
}

fn effect(a: &analysis::Metrics, b: &analysis::Metrics) -> Effect {
    Effect {
        work_steps: b.work_steps as f64 - a.work_steps as f64,
        lead_time_min: b.lead_time_min - a.lead_time_min,
        touch_time_min: b.touch_time_min - a.touch_time_min,
        handoffs_per_case: b.handoffs_per_case - a.handoffs_per_case,
        user_contacts: b.user_contacts - a.user_contacts,
        requests_per_case: b.requests_per_case - a.requests_per_case,
        cost_per_case_eur: b.cost_per_case_eur - a.cost_per_case_eur,
    }
}

/// Which proposals the agent accepted: all, those of some rules, or single findings.
#[derive(Debug, Clone, PartialEq, Eq)]
pub enum Accept {
    All,
    Rules(BTreeSet<String>),
    /// Findings named by their rule and subjects (`(rule, subjects)`), as the agent reviewed
    /// them one by one: a finding that only appears after another change is not taken.
    Findings(BTreeSet<(String, Vec<String>)>),
}

impl Accept {
    fn takes(&self, f: &Finding) -> bool {
        match self {
            Accept::All => true,
            Accept::Rules(rules) => rules.contains(f.rule),
            Accept::Findings(keys) => keys.contains(&(f.rule.to_owned(), f.subjects.clone())),
        }
    }
}

/// A transformation made, or refused, while simplifying.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub rule: &'static str,
    pub suggestion: Option<&'static str>,
    pub title_fr: String,
    pub title_en: String,
    pub subjects: Vec<String>,
    pub refusal: Option<Refusal>,
}

/// The target version and how it was obtained.
#[derive(Debug, Clone, PartialEq)]
pub struct Simplified {
    pub procedure: Procedure,
    /// In the order they were made (then the refused ones), each with its finding.
    pub steps: Vec<Step>,
}

/// Applies the accepted proposals, one at a time, each on the result of the previous, until
/// none applies any more; returns the target version (`variant: "target"`, `derived_from` the
/// original's id). The original is not modified.
///
/// Order: at each round the first accepted finding of the current procedure (the analysis's
/// order: severity, then the catalogue, then the author's order) is tried; a refused finding is
/// tried again only after another change. So the result is deterministic, and a fixed point:
/// simplifying it again changes nothing.
pub fn simplify(p: &Procedure, accept: &Accept, settings: &Settings) -> Simplified {
    let mut current = p.clone();
    let mut tried: HashSet<(String, Vec<String>)> = HashSet::new();
    let mut steps = Vec::new();
    // Each round removes a finding or marks one tried: bounded by the findings there can be.
    let rounds = 4 * (p.step_count() + p.flow_count() + p.data.len()) + 16;
    for _ in 0..rounds {
        let findings = analysis::analyze(&current, settings).findings;
        let Some(f) = findings.into_iter().find(|f| {
            f.suggestion.is_some() && accept.takes(f) && !tried.contains(&(f.rule.to_owned(), f.subjects.clone()))
        }) else {
            break;
        };
        tried.insert((f.rule.to_owned(), f.subjects.clone()));
        let outcome = transform(&current, &f, settings);
        let refusal = outcome.as_ref().err().cloned();
        if let Ok(next) = outcome {
            current = next;
            // What was refused before this change may apply now: try it again, so that the
            // result is a fixed point (simplifying it again changes nothing).
            tried.clear();
            steps.retain(|s: &Step| s.refusal.is_none());
        }
        steps.push(Step {
            rule: f.rule,
            suggestion: f.suggestion,
            title_fr: f.title_fr,
            title_en: f.title_en,
            subjects: f.subjects,
            refusal,
        });
    }
    steps.sort_by_key(|s| s.refusal.is_some());
    current.meta.variant = Some(Variant::Target);
    current.meta.derived_from = p.meta.id.clone().or_else(|| p.meta.derived_from.clone());
    Simplified { procedure: current, steps }
}

/// What every transformation result must satisfy (the spec's invariants).
fn guard(before: &Procedure, after: &Procedure, settings: &Settings) -> Result<(), Refusal> {
    if let Err(e) = crate::format::from_str(&crate::format::to_string(after)) {
        return Err(Refusal::new(
            format!("le résultat ne serait pas valide ({e})"),
            format!("the result would not be valid ({e})"),
        ));
    }
    if reaches_end(before) && !reaches_end(after) {
        return Err(Refusal::new(
            "la fin de la démarche ne serait plus atteignable",
            "the end of the procedure would no longer be reachable",
        ));
    }
    let (sourced_before, sourced_after) = (sourced(before), sourced(after));
    for s in after.steps() {
        for d in s.checks.iter().chain(&s.enters) {
            if sourced_before.contains(d.as_str()) && !sourced_after.contains(d.as_str()) {
                let name = after.data_item(d).map_or(d.as_str(), |i| i.name.as_str());
                return Err(Refusal::new(
                    format!("l'étape « {} » utilise « {name} », qui ne serait plus demandée ni produite", s.label()),
                    format!("step “{}” uses “{name}”, which would no longer be requested or produced", s.label()),
                ));
            }
        }
    }
    let (a, b) = (analysis::analyze(before, settings).metrics, analysis::analyze(after, settings).metrics);
    const EPS: f64 = 1e-6;
    for (worse, fr, en) in [
        (b.lead_time_min > a.lead_time_min + EPS, "allongerait le délai", "would lengthen the lead time"),
        (b.handoffs_per_case > a.handoffs_per_case + EPS, "ajouterait des passages de relais", "would add handoffs"),
        (
            b.requests_per_case > a.requests_per_case + EPS,
            "ajouterait des demandes de pièces",
            "would add requests for documents",
        ),
        (b.user_contacts > a.user_contacts + EPS, "solliciterait davantage l'usager", "would ask more of the user"),
    ] {
        if worse {
            return Err(Refusal::new(format!("cette transformation {fr}"), format!("this transformation {en}")));
        }
    }
    Ok(())
}

fn reaches_end(p: &Procedure) -> bool {
    let Some(start) = p.start() else { return false };
    let reach = crate::graph::reachable_from(p, start);
    p.step_indices().iter().any(|&n| p.graph()[n].kind == crate::model::StepKind::End && reach[n.index()])
}

/// Data items that have a source: requested of the user, produced by a step, or held by an
/// administration.
fn sourced(p: &Procedure) -> HashSet<&str> {
    let mut out: HashSet<&str> = p.data.iter().filter(|d| !d.held_by.is_empty()).map(|d| d.id.as_str()).collect();
    for s in p.steps() {
        out.extend(s.requests.iter().chain(&s.produces).map(String::as_str));
    }
    out
}

#[cfg(test)]
mod tests;
