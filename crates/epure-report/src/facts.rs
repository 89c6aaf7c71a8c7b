//! Figures the report can state from the procedure alone, without the analysis engine: counts
//! of steps, lanes, handoffs and documents requested. The command line uses them until the
//! analysis is wired in; a caller with the analysis's metrics passes those instead.

use std::collections::BTreeSet;

use epure_core::Procedure;
use epure_core::graph::{in_user_lane, summary};

use crate::input::MetricRow;

fn row(key: &str, fr: &str, en: &str, value: f64, unit: &str, method: (&str, &str)) -> MetricRow {
    MetricRow {
        key: key.to_owned(),
        label_fr: fr.to_owned(),
        label_en: en.to_owned(),
        value,
        unit: unit.to_owned(),
        decimals: 0,
        method_fr: method.0.to_owned(),
        method_en: method.1.to_owned(),
    }
}

/// Structural figures: exact counts read off the drawing, not expected values per case.
pub fn structural_metrics(p: &Procedure) -> Vec<MetricRow> {
    let s = summary(p);
    let user_steps = p.step_indices().iter().filter(|&&n| p.graph()[n].kind.is_work() && in_user_lane(p, n)).count();
    let requested: BTreeSet<&str> = p.steps().flat_map(|s| s.requests.iter().map(String::as_str)).collect();
    let touch: f64 = p.steps().map(|s| s.duration()).sum();
    vec![
        row(
            "work_steps",
            "Étapes de travail",
            "Work steps",
            s.work_steps as f64,
            "",
            ("tâches, validations et contrôles dessinés", "tasks, approvals and checks drawn"),
        ),
        row(
            "handoffs",
            "Passages de relais",
            "Handoffs",
            s.handoffs as f64,
            "",
            (
                "changements de couloir entre deux étapes de travail consécutives (début, fin et \
                 branchements sont transparents)",
                "lane changes between consecutive work steps (start, end and gateways are transparent)",
            ),
        ),
        row(
            "user_steps",
            "Étapes de l'usager",
            "Steps of the user",
            user_steps as f64,
            "",
            ("étapes de travail dans le couloir de l'usager", "work steps in the user's lane"),
        ),
        row(
            "documents_requested",
            "Pièces demandées",
            "Documents requested",
            requested.len() as f64,
            "",
            ("pièces et données distinctes demandées à l'usager", "distinct documents and data asked of the user"),
        ),
        row(
            "actors",
            "Acteurs",
            "Actors",
            s.actors as f64,
            "",
            ("couloirs où une étape est atteignable depuis le début", "lanes holding a step reachable from the start"),
        ),
        row(
            "touch_time_total_min",
            "Temps de travail cumulé des étapes",
            "Total work time of the steps",
            touch,
            "min",
            (
                "somme des durées de toutes les étapes, chacune comptée une fois (sans les boucles ni \
                 les probabilités)",
                "sum of every step's duration, each counted once (loops and probabilities ignored)",
            ),
        ),
    ]
}
