//! `waste-step` — Étape sans valeur ajoutée.
//!
//! Fires on each reachable step the author classified `waste`. A step with a legal basis is
//! still reported, but nothing is proposed (it is mandated: only reordering or digitising).

use super::{Context, finding, text};
use crate::analysis::words::{duration, quote};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::ValueClass;

pub const ID: &str = "waste-step";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let day = ctx.settings.working_day_min;
    ctx.g
        .order
        .iter()
        .copied()
        .filter(|&n| ctx.reachable[n] && ctx.step(n).value == Some(ValueClass::Waste))
        .map(|n| {
            let s = ctx.step(n);
            let v = ctx.visits[n];
            let lead = if ctx.on_lead(n) { v * (s.duration() + s.wait()) } else { 0.0 };
            let mandated = s.legal_basis.is_some();
            let (label_fr, label_en) = (quote(Lang::Fr, ctx.label_str(n)), quote(Lang::En, ctx.label_str(n)));
            let lane = ctx.lane_str(n);
            finding(
                ID,
                Severity::Info,
                vec![ctx.id(n)],
                text(
                    format!("Étape sans valeur ajoutée : {label_fr}"),
                    format!("Step without added value: {label_en}"),
                ),
                text(
                    format!(
                        "L'étape {} ({}) est classée sans valeur ajoutée ni obligation : elle coûte {} de travail et {} de délai par dossier.{}",
                        label_fr,
                        lane,
                        duration(Lang::Fr, v * s.duration(), day),
                        duration(Lang::Fr, lead, day),
                        if mandated { " Elle est toutefois prévue par un texte : elle ne peut être supprimée sans le modifier." } else { " Elle peut être supprimée." }
                    ),
                    format!(
                        "Step {} ({}) is classified as neither adding value nor required: it costs {} of work and {} of lead time per file.{}",
                        label_en,
                        lane,
                        duration(Lang::En, v * s.duration(), day),
                        duration(Lang::En, lead, day),
                        if mandated { " It is however required by a legal text: it cannot be removed without changing it." } else { " It can be removed." }
                    ),
                ),
                Gain { touch_min: v * s.duration(), lead_min: lead, ..Gain::default() },
                if mandated { None } else { Some("remove-step") },
            )
        })
        .collect()
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::ValueClass;

    #[test]
    fn fires_on_waste_and_only_on_waste() {
        let p = B::new()
            .start("s")
            .task("t1", "a", "Photocopier le dossier")
            .value("t1", ValueClass::Waste)
            .task("t2", "a", "Instruire")
            .value("t2", ValueClass::Required)
            .task("t3", "a", "Classer")
            .end("e")
            .chain(&["s", "t1", "t2", "t3", "e"])
            .build();
        check(&p, "waste-step", &["t1"]);
    }
}
