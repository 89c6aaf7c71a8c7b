//! What the editor asks for, as one message per gesture of the agent. Each becomes one edit
//! (built in `epure_core::editing`), so it is committed, journaled and undone as one step.

use epure_core::editing;
use epure_core::layout::{LayoutOptions, layout};
use epure_core::{ActorKind, DataKind, Edit, EditError, Procedure, StepKind};
use serde::Deserialize;
use ts_rs::TS;

#[derive(Debug, Clone, Deserialize, TS)]
#[serde(tag = "op", rename_all = "snake_case")]
pub enum Gesture {
    /// A new step right after another, spliced into the flow (the outline's Enter).
    InsertAfter {
        after: String,
        kind: StepKind,
        label: String,
        actor: Option<String>,
    },
    /// A new step from the palette, connected to nothing yet.
    AddStep {
        kind: StepKind,
        label: String,
        actor: Option<String>,
    },
    /// Removes steps, closing up the chain around each.
    RemoveSteps {
        steps: Vec<String>,
    },
    Connect {
        from: String,
        to: String,
    },
    Disconnect {
        flow: String,
    },
    /// One way out of a decision; the others share the rest.
    SetProbability {
        flow: String,
        probability: f64,
    },
    /// Every field of a step, in the file format.
    UpdateStep {
        #[ts(type = "StepJson")]
        step: serde_json::Value,
    },
    /// A step dropped on the canvas (top-left corner, layout units).
    Place {
        step: String,
        x: f64,
        y: f64,
    },
    /// "Mettre en forme": the automatic layout for every step.
    Relayout,
    AddActor {
        name: String,
        kind: ActorKind,
    },
    RemoveActor {
        actor: String,
    },
    AddData {
        name: String,
        kind: DataKind,
    },
    RemoveData {
        item: String,
    },
    /// Any other edit of the model, as the core defines it (rename a lane, move it, set a
    /// data item's holders, rename the procedure…).
    Edit {
        #[ts(type = "Edit")]
        edit: serde_json::Value,
    },
}

/// The edit a gesture makes on a procedure, and the id of what it creates; `None` when there is
/// nothing to do ("Mettre en forme" on a drawing with no hand-placed step).
pub fn to_edit(p: &Procedure, gesture: Gesture) -> Result<Option<(Edit, Option<String>)>, EditError> {
    let done = |e: Edit| Ok(Some((e, None)));
    let made = |(e, id): (Edit, String)| Ok(Some((e, Some(id))));
    match gesture {
        Gesture::InsertAfter { after, kind, label, actor } => {
            made(editing::insert_after(p, &after, kind, &label, actor.as_deref())?)
        }
        Gesture::AddStep { kind, label, actor } => made(editing::add_step(p, kind, &label, actor.as_deref())),
        Gesture::RemoveSteps { steps } => done(editing::remove_all(p, &steps)?),
        Gesture::Connect { from, to } => made(editing::connect(p, &from, &to)?),
        Gesture::Disconnect { flow } => done(editing::disconnect(p, &flow)?),
        Gesture::SetProbability { flow, probability } => done(editing::set_probability(p, &flow, probability)?),
        Gesture::UpdateStep { step } => {
            let Edit::UpdateStep { step } = parse(serde_json::json!({ "op": "update_step", "step": step }))? else {
                return Err(EditError::Invalid("not a step".into()));
            };
            done(editing::update_step(p, step)?)
        }
        Gesture::Place { step, x, y } => done(editing::place(p, &layout(p, &LayoutOptions::default()), &step, x, y)?),
        Gesture::Relayout => Ok(editing::relayout(p).map(|e| (e, None))),
        Gesture::AddActor { name, kind } => made(editing::add_actor(p, &name, kind)),
        Gesture::RemoveActor { actor } => done(editing::remove_actor(p, &actor)?),
        Gesture::AddData { name, kind } => made(editing::add_data(p, &name, kind)),
        Gesture::RemoveData { item } => done(editing::remove_data(p, &item)?),
        Gesture::Edit { edit } => done(parse(edit)?),
    }
}

fn parse(value: serde_json::Value) -> Result<Edit, EditError> {
    serde_json::from_value(value).map_err(|e| EditError::Invalid(format!("not an edit: {e}")))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample() -> Procedure {
        let (_, read) = crate::samples::load_all().into_iter().next().expect("a sample");
        read.expect("the sample reads")
    }

    fn gesture(json: serde_json::Value) -> Gesture {
        serde_json::from_value(json).expect("a gesture the page can send")
    }

    #[test]
    fn each_gesture_is_one_edit_and_says_what_it_created() {
        let p = sample();
        let first = p.steps().find(|s| s.kind.is_work()).map(|s| s.id.clone()).expect("a work step");
        for (json, created) in [
            (
                serde_json::json!({"op": "insert_after", "after": first, "kind": "task", "label": "Nouvelle étape", "actor": null}),
                true,
            ),
            (serde_json::json!({"op": "add_actor", "name": "Trésorerie", "kind": "partner"}), true),
            (serde_json::json!({"op": "add_data", "name": "RIB", "kind": "document"}), true),
            (serde_json::json!({"op": "remove_steps", "steps": [first]}), false),
            (serde_json::json!({"op": "edit", "edit": {"op": "move_actor", "id": p.actors[0].id, "index": 1}}), false),
        ] {
            let (edit, id) = to_edit(&p, gesture(json.clone())).expect("accepted").expect("something to do");
            assert_eq!(id.is_some(), created, "{json}");
            let mut q = p.clone();
            epure_core::edit::apply(&mut q, &edit).unwrap_or_else(|e| panic!("{json}: {e}"));
        }
    }

    #[test]
    fn a_malformed_or_impossible_gesture_is_refused_with_a_reason() {
        let p = sample();
        for (json, reason) in [
            (serde_json::json!({"op": "update_step", "step": {"id": "x"}}), "not an edit"),
            (serde_json::json!({"op": "edit", "edit": {"op": "explode"}}), "not an edit"),
            (serde_json::json!({"op": "connect", "from": "nowhere", "to": "nothing"}), "unknown step"),
            (
                serde_json::json!({"op": "set_probability", "flow": "f1", "probability": 0.5}),
                "does not leave a decision",
            ),
        ] {
            let err = to_edit(&p, gesture(json.clone())).expect_err("refused").to_string();
            assert!(err.contains(reason), "{json}: {err}");
        }
        // Nothing to tidy up on a drawing without hand-placed steps: no edit, no undo step.
        assert!(to_edit(&p, Gesture::Relayout).expect("accepted").is_none());
    }
}
