//! `media-break`: on a way back round a loop into the step where the file was keyed, the paper
//! brings only what the way back asks again.

use crate::analysis::testkit::{B, check};
use crate::model::{Channel, Medium};

/// The candidate posts the registration; the agent keys the identity in and checks the pieces;
/// one file in four gets a letter back and the candidate posts `again` to the same agent.
fn posted_back(again: &[&str]) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("inscription", "u", "Envoyer la demande d'inscription par courrier")
        .channel("inscription", Channel::Paper)
        .requests("inscription", &["identite", "carte"])
        .task("enregistrer", "a", "Enregistrer la demande dans le registre")
        .channel("enregistrer", Channel::Online)
        .enters("enregistrer", &["identite"])
        .check("verifier", "a", "Vérifier les pièces")
        .checks("verifier", &["carte"])
        .decision("d")
        .task("complement", "u", "Envoyer les pièces manquantes par courrier")
        .channel("complement", Channel::Paper)
        .requests("complement", again)
        .end("e")
        .flow("s", "inscription", 0.0, None)
        .flow("inscription", "enregistrer", 0.0, Some(Medium::Mail))
        .chain(&["enregistrer", "verifier", "d"])
        .prob("d", "complement", 0.25)
        .prob("d", "e", 0.75)
        .flow("complement", "enregistrer", 0.0, Some(Medium::Mail))
        .build()
}

#[test]
fn the_letter_back_brings_only_what_it_asks_again() {
    // The card posted again: the identity keyed on the way in is not on that letter.
    check(&posted_back(&["carte"]), "media-break", &["f2 enregistrer identite"]);
    // Near miss: the whole form posted again brings the identity, keyed again from the paper.
    check(&posted_back(&["identite", "carte"]), "media-break", &["f2 enregistrer identite", "f7 enregistrer identite"]);
}
