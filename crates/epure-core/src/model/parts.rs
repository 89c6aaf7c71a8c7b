//! The parts of a procedure: its description, actors (lanes), data items, steps and flows, and
//! the kinds, channels and media they are described with.

use serde::{Deserialize, Serialize};
use serde_json::{Map, Value};

/// Fields this version does not know, kept so that writing a file back loses nothing.
pub type Extra = Map<String, Value>;

/// Whether a procedure describes how things are done today or how they should be done.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Variant {
    /// État actuel (as-is).
    #[default]
    Current,
    /// Cible (to-be), usually derived from a `current` version.
    Target,
}

/// Who does the work in a lane.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum ActorKind {
    /// The person the procedure serves (usager).
    User,
    /// A front-office person.
    Agent,
    /// A back-office unit.
    Service,
    /// Another administration or body.
    Partner,
    /// An information system acting alone.
    System,
}

/// A supporting document or a single datum.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum DataKind {
    #[default]
    Document,
    Field,
}

/// What a step is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
#[cfg_attr(feature = "ts", derive(ts_rs::TS))]
pub enum StepKind {
    Start,
    End,
    Task,
    Approval,
    Check,
    /// An exclusive choice (XOR); also how exclusive paths merge again.
    Decision,
    /// A fork (all outgoing flows taken) or a join (waits for all incoming flows).
    Parallel,
}

impl StepKind {
    /// Work steps are the ones people (or systems) spend time on: tasks, approvals and checks.
    /// Start, end and gateways are "transparent" for handoffs.
    pub fn is_work(self) -> bool {
        matches!(self, StepKind::Task | StepKind::Approval | StepKind::Check)
    }

    /// Steps that must carry a label and sit in a lane.
    pub fn needs_label(self) -> bool {
        !matches!(self, StepKind::Start | StepKind::End)
    }

    pub fn as_str(self) -> &'static str {
        match self {
            StepKind::Start => "start",
            StepKind::End => "end",
            StepKind::Task => "task",
            StepKind::Approval => "approval",
            StepKind::Check => "check",
            StepKind::Decision => "decision",
            StepKind::Parallel => "parallel",
        }
    }
}

/// How a step is carried out.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Channel {
    Counter,
    Paper,
    Mail,
    Email,
    Phone,
    Online,
    Internal,
}

/// Lean classification of a step.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum ValueClass {
    ValueAdding,
    Required,
    Waste,
}

/// How a case ends.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Outcome {
    Granted,
    Refused,
    Abandoned,
}

/// How a case travels along a flow.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, Serialize, Deserialize)]
#[serde(rename_all = "snake_case")]
pub enum Medium {
    Paper,
    Mail,
    Email,
    System,
    Oral,
}

/// Where the editor drew a step, in abstract units.
#[derive(Debug, Clone, Copy, PartialEq, Serialize, Deserialize)]
pub struct Position {
    pub x: f64,
    pub y: f64,
}

/// The procedure's own description.
#[derive(Debug, Clone, PartialEq, Default, Serialize)]
pub struct ProcedureMeta {
    #[serde(skip_serializing_if = "Option::is_none")]
    pub id: Option<String>,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub description: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub owner: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub variant: Option<Variant>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub derived_from: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub cases_per_year: Option<f64>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub tags: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl ProcedureMeta {
    /// The variant, with the format's default.
    pub fn variant(&self) -> Variant {
        self.variant.unwrap_or_default()
    }
}

/// A lane: the person or body doing the work.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Actor {
    pub id: String,
    pub name: String,
    pub kind: ActorKind,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub hourly_cost_eur: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

/// A document or datum that steps request, enter, check or produce.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct DataItem {
    pub id: String,
    pub name: String,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub kind: Option<DataKind>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub held_by: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl DataItem {
    /// The kind, with the format's default.
    pub fn kind(&self) -> DataKind {
        self.kind.unwrap_or_default()
    }
}

/// A node of the procedure graph.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct Step {
    pub id: String,
    /// Required by the format for all but `start` and `end`; may be empty on a gateway.
    #[serde(skip_serializing_if = "Option::is_none")]
    pub label: Option<String>,
    pub kind: StepKind,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub actor: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub duration_min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub wait_min: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
    pub cost_eur: Option<f64>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub channel: Option<Channel>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub value: Option<ValueClass>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub requests: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub enters: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub checks: Vec<String>,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub produces: Vec<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub outcome: Option<Outcome>,
    #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt_position")]
    pub position: Option<Position>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub legal_basis: Option<String>,
    #[serde(skip_serializing_if = "Option::is_none")]
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

impl Step {
    /// A step with only the required fields set.
    pub fn new(id: impl Into<String>, kind: StepKind) -> Self {
        Step {
            id: id.into(),
            label: None,
            kind,
            actor: None,
            duration_min: None,
            wait_min: None,
            cost_eur: None,
            channel: None,
            value: None,
            requests: Vec::new(),
            enters: Vec::new(),
            checks: Vec::new(),
            produces: Vec::new(),
            outcome: None,
            position: None,
            legal_basis: None,
            note: None,
            extra: Extra::new(),
        }
    }

    /// Minutes of work per case (0 when not given).
    pub fn duration(&self) -> f64 {
        self.duration_min.unwrap_or(0.0)
    }

    /// Minutes of queue before the step starts (0 when not given).
    pub fn wait(&self) -> f64 {
        self.wait_min.unwrap_or(0.0)
    }

    /// The label, or "" when there is none.
    pub fn label(&self) -> &str {
        self.label.as_deref().unwrap_or_default()
    }

    /// A step with a label, in a lane.
    pub fn work(id: impl Into<String>, kind: StepKind, label: impl Into<String>, actor: impl Into<String>) -> Self {
        Step { label: Some(label.into()), actor: Some(actor.into()), ..Step::new(id, kind) }
    }
}

/// An edge of the procedure graph. Its endpoints are the graph edge's endpoints.
#[derive(Debug, Clone, PartialEq)]
pub struct Flow {
    pub id: String,
    pub label: Option<String>,
    pub probability: Option<f64>,
    pub delay_min: Option<f64>,
    pub medium: Option<Medium>,
    pub extra: Extra,
}

impl Flow {
    /// A flow with only an id.
    pub fn new(id: impl Into<String>) -> Self {
        Flow { id: id.into(), label: None, probability: None, delay_min: None, medium: None, extra: Extra::new() }
    }

    /// Transfer minutes along the flow (0 when not given).
    pub fn delay(&self) -> f64 {
        self.delay_min.unwrap_or(0.0)
    }
}
