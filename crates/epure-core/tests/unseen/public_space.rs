//! The public space of a commune: a pitch on its open-air market (the service of the public
//! domain, the markets' consultative commission, the deputy mayor for trade, the placier).

use crate::kit::*;

/// Unseen: a travelling trader asks the commune for a subscriber's pitch on its market (the
/// municipal market rules under CGCT L2224-18: a letter with the pieces, the service's check, the
/// register of requests, the commission's quarterly sitting, the deputy mayor's order, the
/// placier's installation and the régie's software).
#[test]
fn an_unseen_market_pitch_is_read_as_an_expert_would() {
    let found = found_in("emplacement-marche.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The Kbis is in the RNE.
            ("once-only", "kbis demande"),
            // The trade and the length of the stall, written by hand in the letter, typed into
            // the register of requests (expected first as a near miss, the letter being the
            // procedure's way in: the analysis is right, an online form would feed the register),
            // then typed again into the régie's software.
            ("rekeying", "registre activite demande"),
            ("rekeying", "activite registre regie"),
            // The placier checks again, on the first market day, the pieces the service
            // checked before the commission.
            ("redundant-check", "controle installation kbis carte assurance"),
            // The trader, the service, the commission, the service, the deputy mayor, the
            // service, the placier: six handoffs.
            ("handoff-chain", "demande controle registre seance redaction signature notification installation regie"),
            // One letter in four lacks a piece.
            ("rework-loop", "controle d-complet relance envoi-pieces"),
            // Nine weeks before the commission's quarterly sitting.
            ("waiting", "seance"),
        ]
    );
    let check = explained("emplacement-marche.epure.json", "redundant-check");
    assert!(
        check.iter().any(|e| e.contains("Vérifier les pièces du commerçant le premier jour de marché")),
        "{check:?}"
    );
    // Near misses: the commission's opinion then the deputy mayor's signature (one opinion, one
    // signature: no cascade); the order written by the service then notified to the trader (the
    // order is produced there, the notification gives the trader the outcome: no relay); the
    // placier's installation, the service itself; no refusal drawn.
    assert_not_flagged(
        &found,
        &["approval-chain", "transit-step", "duplicate-step", "late-knockout", "ping-pong", "parallelizable"],
    );
}
