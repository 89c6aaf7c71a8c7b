//! `once-only`: the proof of a current situation asked again at a renewal.

use super::Context;
// Whether a label says its step renews what was granted for a period, as `period_loop` reads it.
use crate::analysis::rules::period_loop::renews;

/// The word a data item's name opens on when it proves a current situation ("Justificatif de
/// domicile", "Justificatifs de ressources"): what it proves is dated.
const PROOF: &[&str] = &["justificatif", "justificatifs"];

/// Whether step `later` asks again for item `d` as the proof of the period to come: its label says
/// it renews what was granted for a period ("Envoyer la demande de renouvellement et les
/// justificatifs de l'année écoulée"), and the item is the proof of a current situation ([`PROOF`]:
/// the proof of address of the year to come, an élection de domicile being given for one year). It
/// is a new document for a new period, not the same one asked twice. A piece that does not change
/// (the identity document, the RIB) asked again at the renewal still is.
pub(super) fn proof_of_the_new_period(ctx: &Context, later: usize, d: &crate::model::DataItem) -> bool {
    let first = d.name.split(|c: char| !c.is_alphanumeric()).find(|w| !w.is_empty()).map(str::to_lowercase);
    first.is_some_and(|w| PROOF.contains(&w.as_str())) && renews(ctx, later)
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    /// The request with `item`, the card granted, then `renewal` asking for it again.
    fn renewed(item: &str, renewal: &str) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("d", "u", "Déposer la demande")
            .requests("d", &[item])
            .task("i", "b", "Instruire la demande")
            .task("r", "u", renewal)
            .requests("r", &[item])
            .task("j", "b", "Réexaminer les conditions pour l'année suivante")
            .end("e")
            .chain(&["s", "d", "i", "r", "j", "e"])
            .build()
    }

    #[test]
    fn the_proof_of_a_current_situation_asked_at_a_renewal_is_the_new_periods() {
        let mut p = renewed("domicile", "Demander le renouvellement de la domiciliation");
        check(&p, "once-only", &[]);
        // Near misses: the same proof asked again at a step that renews nothing, and a piece
        // that does not change asked again at the renewal.
        p = renewed("domicile", "Compléter le dossier");
        check(&p, "once-only", &["domicile d r"]);
        p = renewed("rib", "Demander le renouvellement de la domiciliation");
        check(&p, "once-only", &["rib d r"]);
    }
}
