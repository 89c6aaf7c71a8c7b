//! Justice: the civil courts' greffes (an injonction de payer at a tribunal judiciaire) and the
//! criminal chain from the police to the parquet (a complaint for theft).

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

/// Unseen: a complaint for theft at the police (the online pre-complaint, the call for an
/// appointment, the hearing at the commissariat with the procès-verbal written in LRP, the
/// receipt and the copy, the first investigations, the OPJ's visa, the paper shuttle to the
/// parquet, the registration in Cassiopée, the prosecutor's decision, the notice of dismissal).
#[test]
fn an_unseen_police_complaint_is_read_as_an_expert_would() {
    let found = found_in("plainte-police.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The offence and its procedure number, keyed into LRP at the hearing, are keyed
            // again into Cassiopée by the bureau d'ordre: what the procédure pénale numérique
            // removes.
            ("rekeying", "infraction audition enregistrement"),
            // Victim, police unit, victim, reception desk, police unit, victim, police unit,
            // investigator, OPJ, bureau d'ordre, prosecutor, bureau d'ordre. (The analysis names
            // the way of the nine complaints in ten whose author is not found: as many hands.)
            (
                "handoff-chain",
                "pre-plainte prise-rdv presentation accueil-victime audition signature remise-recepisse investigations visa-opj envoi-parquet enregistrement orientation avis"
            ),
            // The parquet's backlog of complaints against unknown authors before they are even
            // registered. The receipt handed over at the commissariat tells the victim the
            // complaint was taken, not what becomes of it (`waiting` read it as the outcome and
            // kept silent on every wait after it).
            ("waiting", "enregistrement"),
            // The procedure printed and sent by the shuttle is keyed into Cassiopée.
            ("media-break", "f-navette enregistrement identite infraction recit"),
        ]
    );
    // Near misses: the victim online, then at the commissariat on the appointment (two
    // solicitations, the hearing and the signature in the same sitting, after half an hour in
    // the hall: `too-many-contacts` read any wait as the victim gone home); the reception desk's
    // identity check and the hearing (the desk checks who comes, the hearing takes the
    // complaint); the victim's signature, then the receipt (CPP art. 15-3, a document of its
    // own); the OPJ's visa, then the prosecutor's decision (real work between, two
    // authorities); the shuttle to the parquet (mandated, CPP art. 19); the pre-complaint taken
    // up by LRP (nothing typed twice by the victim); no refusal at the end.
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "once-only",
            "redundant-check",
            "ping-pong",
            "transit-step",
            "approval-chain",
            "parallelizable",
            "rework-loop",
            "late-knockout",
            "waste-step",
            "too-many-contacts",
        ],
    );
}
