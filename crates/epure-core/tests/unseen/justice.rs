//! Justice: the civil courts' greffes (an injonction de payer at a tribunal judiciaire).

use crate::kit::*;

/// Unseen: an injonction de payer at a tribunal judiciaire (the creditor's request by post with
/// the evidence, the greffe's registration and check, the judge's order without a hearing, the
/// certified copy to the creditor, the signification by a commissaire de justice, the debtor's
/// opposition within a month or the enforceable formula asked for by the creditor).
#[test]
fn an_unseen_order_for_payment_is_read_as_an_expert_would() {
    let found = found_in("injonction-payer.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // A company's Kbis is in the national register of companies.
            ("once-only", "kbis requete"),
            // The file goes back through the creditor twice (the copy to have it signified, the
            // signification act to get the formula): creditor, greffe, judge, greffe, creditor,
            // commissaire de justice, debtor, greffe, the hearing. (The analysis names the way
            // that does not go round the return for missing pieces: as many handoffs.)
            (
                "handoff-chain",
                "requete enregistrement controle-greffe examen ordonnance copie mandat signification opposition enr-opposition audience-creancier audience-debiteur jugement notif-jugement"
            ),
            // The judges' backlog is the queue of an order given without a hearing.
            ("waiting", "examen"),
            // The request posted on the Cerfa form is keyed into the civil application.
            ("media-break", "f-requete enregistrement creancier-id debiteur-id creance"),
            // The creditor files, has the order signified, then comes back for the formula. (The
            // debtor, who opposes or not, is solicited at most twice, and on their own.)
            ("too-many-contacts", "requete envoi-pieces mandat audience-creancier demande-fe"),
            // One request in eight lacks a piece of evidence.
            ("rework-loop", "controle-greffe d-complete demande-pieces envoi-pieces"),
        ]
    );
    // Near misses: the greffe's completeness check, then the judge's examination of the claim
    // (what the pieces say); the greffe's check of the signification date (a new piece); the order
    // after the examination and the formula after the check (a check, then one act); the judge's
    // order between two steps of the greffe (an approval is never short); the copy, the notice of
    // rejection and the judgment sent to the parties (no relays); the rejection decided on the
    // pieces right after the registration; the two hearings (one per party) and the two
    // registrations (the request, the opposition) are not duplicates.
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
            "rekeying",
            "waste-step",
        ],
    );
}
