//! What a business goes through with the administrations: its creation through the guichet unique
//! des formalités d'entreprises (the INPI), which passes it on to the INSEE, the greffe, the
//! chambre de métiers et de l'artisanat, the URSSAF and the tax office.

use crate::kit::*;

/// Unseen: a SARL opening a hairdresser's salon, created through the guichet unique (the
/// articles drafted and signed, the capital deposited at the bank, the notice of incorporation
/// published; the formality filed online with its pieces, the diploma of the qualified person
/// among them, checked by the guichet for missing fields and pieces; the SIREN from the INSEE;
/// then side by side the greffe's check and the RCS registration, the CMA's check of the
/// professional qualification, the URSSAF's affiliation of the manager and the tax office's file,
/// each returning the formality for regularisation when a piece is wrong; the RNE; the Kbis made
/// available).
#[test]
fn an_unseen_hairdressing_company_creation_is_read_as_an_expert_would() {
    let found = found_in("creation-sarl-coiffure.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // Three days in the CMA's queue before the qualification is checked: the longest
            // branch, what the creation waits for.
            ("waiting", "controle-cma"),
            // The bank, the legal notice, the guichet and the regularisations: the guichet is
            // unique for the administrations, not for the creator (the notice published online
            // and the formality filed in the same sitting are counted once: 2.3 in all).
            ("too-many-contacts", "fonds annonce declaration reponse-greffe reponse-cma"),
        ]
    );
    // Near misses: the guichet checks that the mandatory fields and pieces are there and will
    // not send the formality without them, so the greffe's and the CMA's returns are about what
    // the pieces say (the articles' clauses, the diploma's adequacy): checking the pieces at the
    // filing is already done (no rework loop to propose; the analysis proposed "the online form
    // flags missing pieces" on both loops until the rule read the guichet's own check as made on
    // the spot, as a counter's); the guichet's check of presence, the
    // greffe's of regularity and the CMA's of the qualification are three questions (no redundant
    // check); the pieces asked again on a regularisation were wrong, not asked twice; the data
    // typed once by the creator reach every body through the guichet (no rekeying); the bodies
    // already work side by side on the SIREN; four handoffs at most on one way; the two
    // requests for regularisation and the two checks are different acts of two bodies.
    assert_not_flagged(
        &found,
        &[
            "rework-loop",
            "redundant-check",
            "once-only",
            "rekeying",
            "parallelizable",
            "handoff-chain",
            "duplicate-step",
            "transit-step",
            "ping-pong",
            "media-break",
        ],
    );
}
