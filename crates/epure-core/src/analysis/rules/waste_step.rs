//! `waste-step` — Étape sans valeur ajoutée.
//!
//! Fires on each reachable step the author classified `waste`. A step with a legal basis is
//! still reported, but nothing is proposed (it is mandated: only reordering or digitising).
//! A step another finding already proposes to take away (a `transit-step`, the later of a
//! `redundant-check`) is told by that finding alone, which says why it can go.

use super::{Context, finding, text};
use crate::analysis::words::{Duration, Quoted, sentence};
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
            let work = v * s.duration();
            let (label_fr, label_en) = (Quoted(Lang::Fr, ctx.label_str(n)), Quoted(Lang::En, ctx.label_str(n)));
            let lane = ctx.lane_str(n);
            finding(
                ID,
                Severity::Info,
                vec![ctx.id(n)],
                text(
                    sentence!["Étape sans valeur ajoutée : ", label_fr],
                    sentence!["Step without added value: ", label_en],
                ),
                text(
                    sentence! {
                        "L'étape ", label_fr, " (", lane, ") est classée sans valeur ajoutée ni obligation : elle coûte ",
                        Duration(Lang::Fr, work, day), " de travail et ", Duration(Lang::Fr, lead, day),
                        " de délai par dossier.",
                        if mandated {
                            " Elle est toutefois prévue par un texte : elle ne peut être supprimée sans le modifier."
                        } else {
                            " Elle peut être supprimée."
                        },
                    },
                    sentence! {
                        "Step ", label_en, " (", lane, ") is classified as neither adding value nor required: it costs ",
                        Duration(Lang::En, work, day), " of work and ", Duration(Lang::En, lead, day),
                        " of lead time per file.",
                        if mandated {
                            " It is however required by a legal text: it cannot be removed without changing it."
                        } else {
                            " It can be removed."
                        },
                    },
                ),
                Gain { touch_min: work, lead_min: lead, ..Gain::default() },
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

    #[test]
    fn a_relay_classified_as_waste_is_told_once_as_a_transit_step() {
        let relay = |label: &str| {
            B::new()
                .start("s")
                .task("t1", "a", "Instruire la demande")
                .task("t2", "a", label)
                .value("t2", ValueClass::Waste)
                .task("t3", "b", "Signer la décision")
                .end("e")
                .chain(&["s", "t1", "t2", "t3", "e"])
                .build()
        };
        // Both rules would propose removing the relay: the transit step says where the file goes.
        let p = relay("Transmettre le dossier au service");
        check(&p, "transit-step", &["t2 t3"]);
        check(&p, "waste-step", &[]);
        // Near miss: waste that is no relay is still told as waste.
        let p = relay("Photocopier le dossier");
        check(&p, "transit-step", &[]);
        check(&p, "waste-step", &["t2"]);
    }

    #[test]
    fn a_repeated_check_classified_as_waste_is_told_once_as_a_redundant_check() {
        let p = B::new()
            .start("s")
            .check("c1", "a", "Vérifier l'éligibilité")
            .checks("c1", &["ressources"])
            .check("c2", "b", "Contrôler l'éligibilité")
            .checks("c2", &["ressources"])
            .value("c2", ValueClass::Waste)
            .end("e")
            .chain(&["s", "c1", "c2", "e"])
            .build();
        // Merged into the first check, the second goes: told once, with the piece checked twice.
        check(&p, "redundant-check", &["c1 c2 ressources"]);
        check(&p, "waste-step", &[]);
    }
}
