//! `rekeying`: a record updated in the system it was keyed into.

use super::Context;

/// How a label opens when its step updates a record rather than keys it in ("Mettre à jour
/// RESYTAL", "Actualiser le dossier dans le SIRH").
const UPDATING: &[&str] = &["mettre à jour", "mettre a jour", "mise à jour", "mise a jour", "actualiser", "modifier"];

/// The names of systems a label gives: its words written in capitals, of three letters or more
/// ("RESYTAL", "AGIRHE", "SIRH").
fn systems(label: &str) -> impl Iterator<Item = &str> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Whether step `later`, entering again an item step `earlier` entered, updates the record
/// `earlier` keyed in: its label opens on updating ([`UPDATING`]) and both labels name the same
/// system ("Enregistrer l'agrément conditionnel dans RESYTAL", then "Mettre à jour RESYTAL…" for
/// the full agrément, under the same number). The item is found under that record, not keyed
/// again; a record updated in another system than the one it was keyed into is a second keying.
pub(super) fn updates_the_same_record(ctx: &Context, later: usize, earlier: usize) -> bool {
    let (l, e) = (ctx.step(later).label(), ctx.step(earlier).label());
    let lower = l.to_lowercase();
    UPDATING.iter().any(|u| lower.starts_with(u)) && systems(l).any(|s| systems(e).any(|t| t == s))
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::Channel;

    fn keyed_then(first: &str, later: &str) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("k1", "b", first)
            .channel("k1", Channel::Internal)
            .enters("k1", &["numero"])
            .task("t", "c", "Visiter l'établissement")
            .task("k2", "b", later)
            .channel("k2", Channel::Internal)
            .enters("k2", &["numero"])
            .end("e")
            .chain(&["s", "k1", "t", "k2", "e"])
            .build()
    }

    #[test]
    fn a_record_updated_in_the_system_it_was_keyed_into_is_no_second_keying() {
        let p = keyed_then("Enregistrer l'agrément dans RESYTAL", "Mettre à jour RESYTAL et notifier l'arrêté");
        check(&p, "rekeying", &[]);
        // Near misses: updated in another system, keyed again into the same one, and an update
        // whose system the labels do not name.
        let p = keyed_then("Enregistrer l'agrément dans RESYTAL", "Mettre à jour SIGAL");
        check(&p, "rekeying", &["numero k1 k2"]);
        let p = keyed_then("Enregistrer l'agrément dans RESYTAL", "Saisir l'agrément dans RESYTAL");
        check(&p, "rekeying", &["numero k1 k2"]);
        let p = keyed_then("Enregistrer l'agrément", "Mettre à jour le dossier");
        check(&p, "rekeying", &["numero k1 k2"]);
    }
}
