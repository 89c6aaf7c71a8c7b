//! Civil status at the mairie beyond the town hall's own registers: a change of name by simple
//! declaration (the civil-status counter, the officer, the mentions on acts kept by other
//! communes or by the Service central d'état civil in Nantes).

use crate::kit::*;

/// Unseen: a change of name by declaration at the mairie (loi du 2 mars 2022, art. 61-3-1 of the
/// civil code: the cerfa and its pieces handed in at an appointment, checked at the counter,
/// examined by the officer, the procureur seized in doubt; the confirmation at least a month
/// later; the consignation drawn up, visaed and signed, the extract handed over; the mentions on
/// the birth act, kept here, by another commune or by the SCEC, and on the family's acts).
#[test]
fn an_unseen_change_of_name_is_read_as_an_expert_would() {
    let found = found_in("changement-nom-mairie.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The birth act and the family's acts are held by the communes that keep them
            // (COMEDEC), asked at the filing and again for the missing ones.
            ("once-only", "acte-naissance depot pieces"),
            ("once-only", "actes-famille depot pieces"),
            // The chosen name keyed at the counter, in the consignation, then by each holder of an
            // act. (Known wrong figure in the text: « jusqu'à 5 fois » counts the commune of birth
            // and the SCEC, on exclusive ways; no file is keyed more than four times.)
            ("rekeying", "nom-choisi reception redaction mention-commune mention-scec mentions-famille"),
            // Along the way through the commune of birth, 55 % of the files.
            (
                "handoff-chain",
                "rdv depot reception examen confirmation redaction visa signature remettre avis mention-commune"
            ),
            // The head of service's visa before the officer's signature.
            ("approval-chain", "visa signature"),
            ("too-many-contacts", "rdv depot pieces confirmation"),
            // Known misses: one file in five goes back for missing pieces, checked at the counter
            // as they are handed in, so the rule is silent, although the acts could be fetched
            // from their holders; and the two months a person born abroad waits for the SCEC's
            // mention, which a new passport needs, come after the extract handed over, read as
            // the outcome. (The month of reflection before the confirmation, « au moins un mois
            // après le dépôt », was once read as a queue.)
        ]
    );
    // Near misses: the counter checks that the file is complete, the officer what the pieces say,
    // the procureur gives his own answer; the avis, the extract, the referral and the notice each
    // produce something; each mention is put by the one holder of the act; an approval is never
    // short; the confirmation follows the examination; the opposition is decided on the
    // procureur's answer; the name typed at the consignation is a keying, not paper; the livret,
    // the consent and the identity are asked once.
    assert_not_flagged(
        &found,
        &[
            "waiting",
            "redundant-check",
            "transit-step",
            "duplicate-step",
            "ping-pong",
            "parallelizable",
            "late-knockout",
            "media-break",
            "unstructured-parallel",
            "rework-loop",
        ],
    );
}
