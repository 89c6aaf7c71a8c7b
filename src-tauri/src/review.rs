//! The review of simplification proposals, the target version, and the comparison of any two
//! procedures or versions. The proposals, the transformations and the comparison are
//! epure-core's; this module only reads the store and words the answers as DTOs.

use std::collections::BTreeSet;

use epure_core::Procedure;
use epure_core::analysis::{Settings, analyze};
use epure_core::compare::{self, GraphDiff};
use epure_core::layout::{Layout, LayoutOptions, layout};
use epure_core::simplify::{self, Accept};
use tauri::State;

use crate::dto::{
    AppliedView, ChangeLine, CompareView, EffectView, FindingKey, MetricDeltaView, MetricsView, PreviewView,
    ProposalView, ReviewView, SideRef, SideView, StepStatus, VersionView,
};
use crate::error::AppError;
use crate::state::AppState;
use crate::workspace::Workspace;

fn label(p: &Procedure, id: &str) -> String {
    p.step(id).map_or_else(|| id.to_owned(), |s| s.label().to_owned())
}

fn lane_name(p: &Procedure, actor: Option<&str>) -> Option<String> {
    actor.map(|a| p.actor(a).map_or_else(|| a.to_owned(), |x| x.name.clone()))
}

/// The changes of a diff in words: each step named by its label.
pub fn change_lines(before: &Procedure, after: &Procedure, d: &GraphDiff) -> Vec<ChangeLine> {
    let line = |kind, label, fields: Vec<String>, to_lane| ChangeLine { kind, label, fields, to_lane };
    let mut out = Vec::new();
    out.extend(d.steps_removed.iter().map(|id| line("removed", label(before, id), Vec::new(), None)));
    out.extend(d.steps_added.iter().map(|id| line("added", label(after, id), Vec::new(), None)));
    out.extend(
        d.steps_moved
            .iter()
            .map(|m| line("moved", label(before, &m.before), Vec::new(), lane_name(after, m.to_actor.as_deref()))),
    );
    out.extend(
        d.steps_changed.iter().map(|c| {
            line("changed", label(before, &c.before), c.fields.iter().map(|f| (*f).to_owned()).collect(), None)
        }),
    );
    out
}

/// Each step's status on either side of a diff (a step both moved and changed is `changed`).
pub fn statuses(d: &GraphDiff) -> (Vec<StepStatus>, Vec<StepStatus>) {
    let (mut before, mut after) = (Vec::new(), Vec::new());
    let st = |step: &str, status| StepStatus { step: step.to_owned(), status };
    before.extend(d.steps_removed.iter().map(|s| st(s, "removed")));
    after.extend(d.steps_added.iter().map(|s| st(s, "added")));
    for c in &d.steps_changed {
        before.push(st(&c.before, "changed"));
        after.push(st(&c.after, "changed"));
    }
    for m in &d.steps_moved {
        if !before.iter().any(|s| s.step == m.before) {
            before.push(st(&m.before, "moved"));
        }
        if !after.iter().any(|s| s.step == m.after) {
            after.push(st(&m.after, "moved"));
        }
    }
    (before, after)
}

fn deltas(before: &Procedure, after: &Procedure) -> Vec<MetricDeltaView> {
    compare::compare(before, after, &Settings::from_procedure(before))
        .metrics
        .into_iter()
        .map(|m| MetricDeltaView {
            metric: m.metric.to_owned(),
            before: m.before,
            after: m.after,
            change: m.change,
            percent: m.percent,
        })
        .collect()
}

fn draw(p: &Procedure) -> Layout {
    layout(p, &LayoutOptions::default())
}

/// Every proposal of a procedure, in the analysis's order.
pub fn review(id: &str, revision: i64, p: &Procedure) -> ReviewView {
    let settings = Settings::from_procedure(p);
    let proposals = simplify::proposals(p, &settings)
        .into_iter()
        .map(|prop| {
            let f = &prop.finding;
            let (changes, flows_added, flows_removed) = match &prop.changes {
                Some(d) => {
                    // The added steps are named in the result: apply again only when there are some.
                    let after = if d.steps_added.is_empty() { None } else { simplify::transform(p, f, &settings).ok() };
                    (change_lines(p, after.as_ref().unwrap_or(p), d), d.flows_added.len(), d.flows_removed.len())
                }
                None => (Vec::new(), 0, 0),
            };
            ProposalView {
                key: FindingKey { rule: f.rule.to_owned(), subjects: f.subjects.clone() },
                severity: f.severity.as_str().to_owned(),
                title_fr: f.title_fr.clone(),
                title_en: f.title_en.clone(),
                explanation_fr: f.explanation_fr.clone(),
                explanation_en: f.explanation_en.clone(),
                changes,
                flows_added,
                flows_removed,
                effect: prop.effect.map(|e| EffectView {
                    work_steps: e.work_steps,
                    lead_time_min: e.lead_time_min,
                    handoffs_per_case: e.handoffs_per_case,
                    user_contacts: e.user_contacts,
                    requests_per_case: e.requests_per_case,
                    cost_per_case_eur: e.cost_per_case_eur,
                }),
                refusal_fr: prop.refusal.as_ref().map(|r| r.reason_fr.clone()),
                refusal_en: prop.refusal.map(|r| r.reason_en),
            }
        })
        .collect();
    ReviewView { id: id.to_owned(), revision, name: p.meta.name.clone(), proposals }
}

/// The target the accepted findings give, and how it was obtained.
pub fn target(p: &Procedure, accepted: &[FindingKey]) -> (Procedure, Vec<AppliedView>) {
    let keys: BTreeSet<(String, Vec<String>)> = accepted.iter().map(|k| (k.rule.clone(), k.subjects.clone())).collect();
    let result = simplify::simplify(p, &Accept::Findings(keys), &Settings::from_procedure(p));
    let applied = result
        .steps
        .into_iter()
        .map(|s| AppliedView {
            key: FindingKey { rule: s.rule.to_owned(), subjects: s.subjects },
            title_fr: s.title_fr,
            title_en: s.title_en,
            refusal_fr: s.refusal.as_ref().map(|r| r.reason_fr.clone()),
            refusal_en: s.refusal.map(|r| r.reason_en),
        })
        .collect();
    (result.procedure, applied)
}

pub fn preview(revision: i64, p: &Procedure, accepted: &[FindingKey]) -> PreviewView {
    let (after, applied) = target(p, accepted);
    let (_, statuses) = statuses(&compare::diff(p, &after));
    let metrics = MetricsView::of(&analyze(&after, &Settings::from_procedure(&after)).metrics);
    PreviewView { revision, layout: draw(&after), metrics, deltas: deltas(p, &after), statuses, applied }
}

/// A procedure's working copy or one of its versions, with its names.
pub fn load_side(ws: &mut Workspace, side: &SideRef) -> Result<(Procedure, Option<String>), AppError> {
    match side.version {
        None => Ok((ws.document(&side.procedure)?.procedure().clone(), None)),
        Some(v) => {
            let info = ws.store.versions(&side.procedure)?.into_iter().find(|i| i.id == v);
            let Some(info) = info else {
                return Err(AppError::not_found(format!("no version {v} of \"{}\"", side.procedure)));
            };
            Ok((ws.store.load_version(v)?, Some(info.name)))
        }
    }
}

pub fn comparison(a: (SideRef, Procedure, Option<String>), b: (SideRef, Procedure, Option<String>)) -> CompareView {
    let d = compare::diff(&a.1, &b.1);
    let (before_status, after_status) = statuses(&d);
    let side = |(reference, p, version_name): (SideRef, Procedure, Option<String>)| SideView {
        reference,
        name: p.meta.name.clone(),
        version_name,
        layout: draw(&p),
        metrics: MetricsView::of(&analyze(&p, &Settings::from_procedure(&p)).metrics),
    };
    let deltas = deltas(&a.1, &b.1);
    let (before, after) = (side(a), side(b));
    let (overlay, overlay_removed_flows) = compare::overlay(&before.layout, &after.layout, &d);
    let mut overlay_status = after_status.clone();
    overlay_status.extend(before_status.iter().filter(|s| s.status == "removed").cloned());
    CompareView { before, after, deltas, before_status, after_status, overlay, overlay_status, overlay_removed_flows }
}

#[tauri::command]
pub async fn list_proposals(state: State<'_, AppState>, id: String) -> Result<ReviewView, AppError> {
    state
        .run(move |ws| {
            let doc = ws.document(&id)?;
            Ok(review(&id, doc.revision(), doc.procedure()))
        })
        .await
}

/// The live preview of the target the accepted proposals give (nothing is kept).
#[tauri::command]
pub async fn preview_target(
    state: State<'_, AppState>,
    id: String,
    accepted: Vec<FindingKey>,
) -> Result<PreviewView, AppError> {
    state
        .run(move |ws| {
            let doc = ws.document(&id)?;
            Ok(preview(doc.revision(), doc.procedure(), &accepted))
        })
        .await
}

/// Keeps the target as a named version derived from a snapshot of the working copy, which is
/// not modified. Refused when the working copy changed since `revision` was reviewed.
#[tauri::command]
pub async fn create_target(
    state: State<'_, AppState>,
    id: String,
    revision: i64,
    accepted: Vec<FindingKey>,
    name: String,
) -> Result<VersionView, AppError> {
    state
        .run(move |ws| {
            let (after, applied) = target(ws.document(&id)?.procedure(), &accepted);
            let note =
                applied.iter().filter(|a| a.refusal_fr.is_none()).map(|a| a.title_fr.as_str()).collect::<Vec<_>>();
            let new = epure_store::NewVersion {
                name: name.trim().to_owned(),
                author: String::new(),
                note: note.join("\n"),
                derived_from: None,
            };
            let base = format!("État actuel (révision {revision})");
            let (_, made) = ws.store.create_target_version(&id, revision, &base, &new, &after)?;
            Ok(VersionView::of(&made))
        })
        .await
}

#[tauri::command]
pub async fn list_versions(state: State<'_, AppState>, id: String) -> Result<Vec<VersionView>, AppError> {
    state.run(move |ws| Ok(ws.store.versions(&id)?.iter().map(VersionView::of).collect())).await
}

/// Any two procedures or versions compared.
#[tauri::command]
pub async fn compare_sides(
    state: State<'_, AppState>,
    before: SideRef,
    after: SideRef,
) -> Result<CompareView, AppError> {
    state
        .run(move |ws| {
            let (a, a_name) = load_side(ws, &before)?;
            let (b, b_name) = load_side(ws, &after)?;
            Ok(comparison((before, a, a_name), (after, b, b_name)))
        })
        .await
}

#[cfg(test)]
mod tests {
    use super::*;

    fn cantine() -> Procedure {
        crate::samples::find("cantine").expect("the canteen sample")
    }

    #[test]
    fn the_review_words_each_proposal_and_the_preview_applies_only_the_accepted() {
        let p = cantine();
        let r = review("cantine", 3, &p);
        let ok: Vec<&ProposalView> = r.proposals.iter().filter(|x| x.refusal_fr.is_none()).collect();
        assert!(ok.len() >= 3);
        for x in &ok {
            assert!(x.effect.is_some());
            assert!(x.changes.iter().all(|c| !c.label.is_empty()));
        }
        let none = preview(3, &p, &[]);
        assert!(none.statuses.is_empty() && none.deltas.iter().all(|d| d.change == 0.0));
        let all: Vec<FindingKey> = ok.iter().map(|x| x.key.clone()).collect();
        let some = preview(3, &p, &all);
        let lead = some.deltas.iter().find(|d| d.metric == "lead_time_min").expect("lead time");
        assert!(lead.change < 0.0, "{lead:?}");
        assert!(some.applied.iter().filter(|a| a.refusal_fr.is_none()).count() >= ok.len().min(2));
    }

    #[test]
    fn the_overlay_is_the_after_drawing_with_the_removed_steps() {
        let p = cantine();
        let keys: Vec<FindingKey> =
            review("c", 0, &p).proposals.into_iter().filter(|x| x.refusal_fr.is_none()).map(|x| x.key).collect();
        let (t, _) = target(&p, &keys);
        let side = |v| SideRef { procedure: "c".into(), version: v };
        let c = comparison((side(None), p.clone(), None), (side(Some(2)), t.clone(), Some("Cible".into())));
        let removed: Vec<&StepStatus> = c.before_status.iter().filter(|s| s.status == "removed").collect();
        assert!(!removed.is_empty());
        assert_eq!(c.overlay.nodes.len(), c.after.layout.nodes.len() + removed.len());
        for s in &c.overlay_status {
            assert!(c.overlay.node(&s.step).is_some(), "{} is drawn in the overlay", s.step);
        }
        // The removed flows are drawn too, between steps the overlay shows, under their own ids.
        let d = compare::diff(&p, &t);
        assert!(!d.flows_removed.is_empty());
        assert!(!c.overlay_removed_flows.is_empty());
        for id in &c.overlay_removed_flows {
            let e = c.overlay.edges.iter().find(|e| &e.id == id).expect("drawn");
            assert!(d.flows_removed.iter().any(|f| id == &format!("{}{f}", compare::REMOVED_FLOW)));
            assert!(c.overlay.node(&e.from).is_some() && c.overlay.node(&e.to).is_some());
            assert!(c.after.layout.edges.iter().all(|a| &a.id != id));
        }
        assert!(c.after_status.iter().all(|s| t.step(&s.step).is_some()));
    }
}
