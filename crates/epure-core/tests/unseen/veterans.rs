//! Veterans and the armed forces: what the Office national des combattants et des victimes de
//! guerre (ONaCVG) grants those who served, through its departmental services, with the armies'
//! archives that hold the records of service (the combatant's card for operations abroad).

use crate::kit::*;

/// Unseen: the combatant's card for service in operations abroad (the form posted to the
/// ONaCVG's departmental service with the identity, the record of service, the attestations of
/// operations and a photo; the registration in the Office's application, the completeness check
/// and its returns; the statement of services asked of the armies' archives in Pau, which is
/// authoritative; the instruction on the conditions of the code, the national commission's
/// opinion on the particular cases; the director's signature, the card edited and handed over).
#[test]
fn an_unseen_combatant_card_is_read_as_an_expert_would() {
    let found = found_in("carte-combattant.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The record of service and the attestations of operations are the armies' own
            // records, which the Office asks the archives for anyway: asked of the veteran at the
            // filing, and again when missing.
            ("once-only", "etat-services depot complement"),
            ("once-only", "attestations-opex depot complement"),
            // The veteran, the reception, the cards unit, the archives, the cards unit, the
            // director, the cards unit, the reception: the way 82 % of the files take (7 hands);
            // the commission's way, 8, beside it.
            (
                "handoff-chain",
                "depot enregistrement completude demande-archives releve instruction signature edition remise"
            ),
            // One file in three lacks the record of service or an attestation.
            ("rework-loop", "completude d-complet reclamer complement"),
            // Three months before the archives answer: their backlog is the procedure's delay.
            ("waiting", "releve"),
            // The posted form is keyed into the Office's application.
            ("media-break", "f-depot enregistrement demandeur"),
        ]
    );
    // Near misses: the completeness check, the instruction on the conditions (on the archives'
    // statement, a new piece) and the commission's opinion on a particular case (a body the code
    // provides, with its own opinion) are three questions; the director signs once (the refusal
    // too, on its own way); the request to the archives is a request of the Office's own, not a
    // file passed on; the card handed over is sent to the veteran, no relay; the refusal rests on
    // the instruction or the commission's opinion just before it; the veteran is solicited once
    // (twice for one file in three).
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "duplicate-step",
            "approval-chain",
            "ping-pong",
            "transit-step",
            "late-knockout",
            "parallelizable",
            "too-many-contacts",
        ],
    );
    let once = explained("carte-combattant.epure.json", "once-only");
    assert!(once[0].contains("État signalétique et des services"), "{once:?}");
}

/// Drawing style: the combatant's card drawn again by another agent (labels as nouns, the actor
/// in front or in capitals without accents, the lanes named as the services call themselves —
/// « CAPM Pau », « CNCC » —, no channels, the photo drawn on the completeness check rather than
/// on the filing): the same findings. The posted form keyed into the Office's application is a
/// media break whether or not the registration's channel is drawn.
#[test]
fn the_combatant_card_drawn_otherwise_gives_the_same_findings() {
    assert_same_findings("carte-combattant.epure.json", "carte-combattant-variante.epure.json");
}
