//! What BPMN's words say in Épure's terms: the channel a task type implies, an actor's kind
//! from a lane's name, an end's outcome from its name, a timer's ISO 8601 duration in minutes.
//! Pure functions of strings, separate from the mapping of the element tree (`map/`).

use epure_core::{ActorKind, Channel, Outcome};

/// The channel a task type says: work done in or by an information system is `internal`
/// (the format has no `system` channel; `internal` is "inside the administration's systems").
/// A manual, send or receive task does not say how, so no channel is guessed.
pub(crate) fn channel_of(task_type: &str) -> Option<Channel> {
    match task_type {
        "serviceTask" | "scriptTask" | "businessRuleTask" | "userTask" => Some(Channel::Internal),
        _ => None,
    }
}

/// A lane's kind from its name: the person served, an information system, or (by default)
/// a back-office service. The agent corrects it in the editor.
pub(crate) fn infer_actor_kind(name: &str) -> ActorKind {
    let n = name.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if any(&[
        "usager",
        "citoyen",
        "demandeur",
        "requérant",
        "customer",
        "client",
        "applicant",
        "citizen",
        "patient",
        "user",
    ]) {
        ActorKind::User
    } else if any(&[
        "système",
        "systeme",
        "system",
        "logiciel",
        "application",
        "plateforme",
        "platform",
        "erp",
        "server",
    ]) {
        ActorKind::System
    } else if any(&["accueil", "guichet", "front", "reception", "réception"]) {
        ActorKind::Agent
    } else {
        ActorKind::Service
    }
}

pub(crate) fn parse_actor_kind(s: &str) -> Option<ActorKind> {
    Some(match s {
        "user" => ActorKind::User,
        "agent" => ActorKind::Agent,
        "service" => ActorKind::Service,
        "partner" => ActorKind::Partner,
        "system" => ActorKind::System,
        _ => return None,
    })
}

/// How a case ends, when the end event's name says so.
pub(crate) fn outcome_from_name(name: &str) -> Option<Outcome> {
    let n = name.to_lowercase();
    let any = |words: &[&str]| words.iter().any(|w| n.contains(w));
    if any(&[
        "refus",
        "reject",
        "rejet",
        "denied",
        "declin",
        "irrecevable",
        "not approved",
        "non accord",
        "failed",
        "échec",
    ]) {
        Some(Outcome::Refused)
    } else if any(&["abandon", "cancel", "annul", "withdraw", "désist", "desist", "sans suite", "timeout", "expired"])
    {
        Some(Outcome::Abandoned)
    } else {
        None
    }
}

/// ISO 8601 duration (`P1DT2H30M`) → minutes, with 1 day = 1 working day = 420 minutes and
/// 1 week = 5 working days. Months and years have no fixed length: not read.
pub fn iso_duration_minutes(s: &str) -> Option<f64> {
    let rest = s.strip_prefix('P').or_else(|| s.strip_prefix('p'))?;
    let mut minutes = 0.0;
    let mut in_time = false;
    let mut number = String::new();
    let mut any = false;
    for ch in rest.chars() {
        match ch {
            'T' | 't' => in_time = true,
            '0'..='9' | '.' | ',' => number.push(if ch == ',' { '.' } else { ch }),
            unit => {
                let v: f64 = number.parse().ok()?;
                number.clear();
                any = true;
                minutes += match (in_time, unit.to_ascii_uppercase()) {
                    (false, 'W') => v * 5.0 * 420.0,
                    (false, 'D') => v * 420.0,
                    (true, 'H') => v * 60.0,
                    (true, 'M') => v,
                    (true, 'S') => v / 60.0,
                    _ => return None,
                };
            }
        }
    }
    (any && number.is_empty() && minutes.is_finite()).then_some(minutes)
}
