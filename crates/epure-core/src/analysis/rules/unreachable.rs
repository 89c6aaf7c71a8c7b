//! `unreachable` — Étape inaccessible.
//!
//! Fires once, naming every step no case can reach from the start (all steps when there is no
//! single start). Half-drawn procedures are expected: this is information, not an error.

use super::{Context, finding, text};
use crate::analysis::words::quoted_list;
use crate::analysis::{Finding, Gain, Lang, Severity};

pub const ID: &str = "unreachable";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let lost: Vec<usize> = ctx.g.order.iter().copied().filter(|&n| !ctx.reachable[n]).collect();
    if lost.is_empty() {
        return Vec::new();
    }
    let labels: Vec<String> = lost.iter().map(|&n| ctx.label(n)).collect();
    let (why_fr, why_en) = if ctx.start.is_none() {
        (" La démarche n'a pas une et une seule étape de début.", " The procedure does not have exactly one start.")
    } else {
        ("", "")
    };
    let one = lost.len() == 1;
    vec![finding(
        ID,
        Severity::Warning,
        lost.iter().map(|&n| ctx.id(n)).collect(),
        text(
            if one { "Étape inaccessible".to_string() } else { format!("{} étapes inaccessibles", lost.len()) },
            if one { "Unreachable step".to_string() } else { format!("{} unreachable steps", lost.len()) },
        ),
        text(
            format!(
                "{} {} {} : aucun dossier ne peut y arriver depuis le début de la démarche. Reliez-{} au parcours ou supprimez-{}.{why_fr}",
                if one { "L'étape" } else { "Les étapes" },
                quoted_list(Lang::Fr, &labels),
                if one { "est isolée" } else { "sont isolées" },
                if one { "la" } else { "les" },
                if one { "la" } else { "les" },
            ),
            format!(
                "No file can reach {} from the start of the procedure. Connect {} to the flow or delete {}.{why_en}",
                quoted_list(Lang::En, &labels),
                if one { "it" } else { "them" },
                if one { "it" } else { "them" },
            ),
        ),
        Gain::default(),
        None,
    )]
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    #[test]
    fn fires_on_steps_off_the_flow_and_not_otherwise() {
        let p = B::new()
            .start("s")
            .task("t", "a", "Instruire")
            .task("orphan", "a", "Archiver")
            .end("e")
            .chain(&["s", "t", "e"])
            .chain(&["orphan", "e"])
            .build();
        check(&p, "unreachable", &["orphan"]);
        let ok = B::new().start("s").task("t", "a", "Instruire").end("e").chain(&["s", "t", "e"]).build();
        check(&ok, "unreachable", &[]);
    }

    #[test]
    fn without_a_start_every_step_is_unreachable() {
        let p = B::new().task("t", "a", "Instruire").end("e").chain(&["t", "e"]).build();
        check(&p, "unreachable", &["t e"]);
    }
}
