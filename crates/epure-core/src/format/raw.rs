//! The file as written, before validation: every field the format calls required is optional
//! here, so that a missing one is reported with its path and its step's id instead of a bare
//! serde message, and so that all problems of a file are reported at once.

use serde::Deserialize;

use crate::model::{ActorKind, Channel, DataKind, Extra, Medium, Outcome, Position, StepKind, ValueClass, Variant};

#[derive(Deserialize)]
pub(crate) struct RawFile {
    // Named here so that `extra` does not keep them; checked by `format::check_head`, before
    // this struct is read on the careful path, after it on the fast one.
    #[serde(default)]
    pub format: Option<serde_json::Value>,
    #[serde(default)]
    pub version: Option<serde_json::Value>,
    pub procedure: Option<RawMeta>,
    #[serde(default)]
    pub actors: Vec<RawActor>,
    #[serde(default)]
    pub data: Vec<RawData>,
    #[serde(default)]
    pub steps: Vec<RawStep>,
    #[serde(default)]
    pub flows: Vec<RawFlow>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Deserialize)]
pub(crate) struct RawMeta {
    pub id: Option<String>,
    pub name: Option<String>,
    pub description: Option<String>,
    pub owner: Option<String>,
    pub variant: Option<Variant>,
    pub derived_from: Option<String>,
    pub cases_per_year: Option<f64>,
    #[serde(default)]
    pub tags: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Deserialize)]
pub(crate) struct RawActor {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<ActorKind>,
    pub hourly_cost_eur: Option<f64>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Deserialize)]
pub(crate) struct RawData {
    pub id: Option<String>,
    pub name: Option<String>,
    pub kind: Option<DataKind>,
    #[serde(default)]
    pub held_by: Vec<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Deserialize)]
pub(crate) struct RawStep {
    pub id: Option<String>,
    pub label: Option<String>,
    pub kind: Option<StepKind>,
    pub actor: Option<String>,
    pub duration_min: Option<f64>,
    pub wait_min: Option<f64>,
    pub cost_eur: Option<f64>,
    pub channel: Option<Channel>,
    pub value: Option<ValueClass>,
    #[serde(default)]
    pub requests: Vec<String>,
    #[serde(default)]
    pub enters: Vec<String>,
    #[serde(default)]
    pub checks: Vec<String>,
    #[serde(default)]
    pub produces: Vec<String>,
    pub outcome: Option<Outcome>,
    pub position: Option<Position>,
    pub legal_basis: Option<String>,
    pub note: Option<String>,
    #[serde(flatten)]
    pub extra: Extra,
}

#[derive(Deserialize)]
pub(crate) struct RawFlow {
    pub id: Option<String>,
    pub from: Option<String>,
    pub to: Option<String>,
    pub label: Option<String>,
    pub probability: Option<f64>,
    pub delay_min: Option<f64>,
    pub medium: Option<Medium>,
    #[serde(flatten)]
    pub extra: Extra,
}
