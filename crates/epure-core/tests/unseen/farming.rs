//! Farming: the CAP aids a farmer applies for each year (the DDT instructs, the ASP, the paying
//! agency, checks on the spot and pays).

use crate::kit::*;

/// Unseen: a farmer's CAP aid application (the déclaration PAC on Telepac with its pre-filled
/// parcel register, the area monitoring's alerts and the farmer's corrections, the DDT's
/// administrative instruction, the ASP's on-the-spot checks on a sample drawn by risk analysis,
/// the payment of the advance and the balance, a recalculation after payment with its
/// contradictory procedure).
#[test]
fn an_unseen_cap_aid_application_is_read_as_an_expert_would() {
    let found = found_in("aides-pac.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The HVE certificate is on the ministry's national list of certified farms.
            ("once-only", "hve declaration"),
            // One farm in four gets an alert from the area monitoring and corrects its
            // declaration.
            ("rework-loop", "suivi d-alerte alerte corriger"),
            // Known false alarm: the weeks before the satellite images show the season's crops
            // are no queue, and neither is the wait before the payment lot, which the EU
            // regulation dates (the advance from 16 October, the balance from 1 December). The
            // format cannot say that a wait is a date fixed by a text, so the rule reads both as
            // queues.
            ("waiting", "suivi"),
            ("waiting", "validation"),
            // On the way of a farm checked on the spot and recalculated after payment, the file
            // goes between the farmer, the DDT, the ASP's controllers and its accountant.
            (
                "handoff-chain",
                "declaration anomalies annonce recevoir controle-place signer-rapport validation paiement reduction observations examen-observations regularisation"
            ),
        ]
    );
    // Near misses: the automatic cross-checks, the DDT lifting their anomalies and the ASP's check
    // on the spot (each its own product, the last one mandated on a sample); the DDT's validation
    // then the ASP's payment (the separation of the paying agency); the controller's visit and the
    // report signed there (one sitting); the season's monitoring and the payment calendar set by
    // the EU regulation are not queues; the contradictory procedure before a reduction is
    // mandated.
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "duplicate-step",
            "approval-chain",
            "ping-pong",
            "parallelizable",
            "transit-step",
            "too-many-contacts",
            "media-break",
            "rekeying",
        ],
    );
}
