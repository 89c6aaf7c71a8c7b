//! How model values travel inside an edit: written as in the file, read through the file's
//! own shapes (`format::raw`), so an edit and a file agree on every field.

use serde::de::Error as _;
use serde::{Deserialize, Deserializer, Serialize, Serializer};

use crate::format::raw::{RawActor, RawData, RawFlow, RawMeta, RawStep};
use crate::model::{Actor, DataItem, Flow, ProcedureMeta, Step};

fn required<T, E: serde::de::Error>(value: Option<T>, field: &'static str) -> Result<T, E> {
    value.ok_or_else(|| E::missing_field(field))
}

pub mod step {
    use super::*;

    pub fn serialize<S: Serializer>(step: &Step, s: S) -> Result<S::Ok, S::Error> {
        step.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Step, D::Error> {
        let r = RawStep::deserialize(d)?;
        Ok(Step {
            id: required(r.id, "id")?,
            label: r.label,
            kind: required(r.kind, "kind")?,
            actor: r.actor,
            duration_min: r.duration_min,
            wait_min: r.wait_min,
            cost_eur: r.cost_eur,
            channel: r.channel,
            value: r.value,
            requests: r.requests,
            enters: r.enters,
            checks: r.checks,
            produces: r.produces,
            outcome: r.outcome,
            position: r.position,
            legal_basis: r.legal_basis,
            note: r.note,
            extra: r.extra,
        })
    }
}

pub mod flow {
    use super::*;
    use crate::model::{Extra, Medium};

    #[derive(Serialize)]
    struct Out<'a> {
        id: &'a str,
        #[serde(skip_serializing_if = "Option::is_none")]
        label: Option<&'a str>,
        #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
        probability: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none", serialize_with = "crate::num::opt")]
        delay_min: Option<f64>,
        #[serde(skip_serializing_if = "Option::is_none")]
        medium: Option<Medium>,
        #[serde(flatten)]
        extra: &'a Extra,
    }

    pub fn serialize<S: Serializer>(f: &Flow, s: S) -> Result<S::Ok, S::Error> {
        Out {
            id: &f.id,
            label: f.label.as_deref(),
            probability: f.probability,
            delay_min: f.delay_min,
            medium: f.medium,
            extra: &f.extra,
        }
        .serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Flow, D::Error> {
        let r = RawFlow::deserialize(d)?;
        if r.from.is_some() || r.to.is_some() {
            return Err(D::Error::custom("a flow's ends are given beside it, not inside it"));
        }
        Ok(Flow {
            id: r.id.unwrap_or_default(),
            label: r.label,
            probability: r.probability,
            delay_min: r.delay_min,
            medium: r.medium,
            extra: r.extra,
        })
    }
}

pub mod actor {
    use super::*;

    pub fn serialize<S: Serializer>(a: &Actor, s: S) -> Result<S::Ok, S::Error> {
        a.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<Actor, D::Error> {
        let r = RawActor::deserialize(d)?;
        Ok(Actor {
            id: required(r.id, "id")?,
            name: required(r.name, "name")?,
            kind: required(r.kind, "kind")?,
            hourly_cost_eur: r.hourly_cost_eur,
            extra: r.extra,
        })
    }
}

pub mod data {
    use super::*;

    pub fn serialize<S: Serializer>(item: &DataItem, s: S) -> Result<S::Ok, S::Error> {
        item.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<DataItem, D::Error> {
        let r = RawData::deserialize(d)?;
        Ok(DataItem {
            id: required(r.id, "id")?,
            name: required(r.name, "name")?,
            kind: r.kind,
            held_by: r.held_by,
            extra: r.extra,
        })
    }
}

pub mod meta {
    use super::*;

    pub fn serialize<S: Serializer>(m: &ProcedureMeta, s: S) -> Result<S::Ok, S::Error> {
        m.serialize(s)
    }

    pub fn deserialize<'de, D: Deserializer<'de>>(d: D) -> Result<ProcedureMeta, D::Error> {
        let r = RawMeta::deserialize(d)?;
        Ok(ProcedureMeta {
            id: r.id,
            name: required(r.name, "name")?,
            description: r.description,
            owner: r.owner,
            variant: r.variant,
            derived_from: r.derived_from,
            cases_per_year: r.cases_per_year,
            tags: r.tags,
            extra: r.extra,
        })
    }
}
