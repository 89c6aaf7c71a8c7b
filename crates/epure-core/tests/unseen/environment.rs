//! Environment and the sea: the State's regional service for the environment (DREAL) instructing
//! for the prefect a derogation to the protection of species, with the regional scientific
//! council's opinion and the public's participation.

use crate::kit::*;

/// Unseen: a derogation to destroy protected species and their habitats for a development project
/// (Code de l'environnement art. L411-2 and R411-6: the form and the consultancy's file filed on
/// Démarches simplifiées with the company's Kbis and the compensation measures located; the
/// DREAL's completeness check and its requests, its analysis, the CSRPN's opinion, the draft
/// order put to the public for fifteen days and the synthesis of the observations; the head of
/// service's validation, the prefecture's re-reading, the secretary general's signature; the
/// order notified and published, the measures located again in GéoMCE).
#[test]
fn an_unseen_protected_species_derogation_is_read_as_an_expert_would() {
    let found = found_in("derogation-especes-protegees.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The company's Kbis is in the national register of companies.
            ("once-only", "kbis depot"),
            // The compensation measures the company located in its online filing are keyed again
            // into GéoMCE: the form could feed it.
            ("rekeying", "mesures depot geomce"),
            // The prefecture's bureau re-reads the draft its author's head of service has just
            // validated, and produces nothing of its own before the signature.
            ("redundant-check", "visa-chef relecture projet"),
            // The company, the DREAL, the CSRPN, the DREAL, its head, the prefecture's bureau, the
            // secretary general, the DREAL for GéoMCE. (The analysis names the branch after the
            // signature that changes hands: the bureau's notification was written down at first.)
            (
                "handoff-chain",
                "depot completude analyse saisine avis-csrpn redaction participation synthese visa-chef relecture signature geomce"
            ),
            // Two files in five lack a piece of the study (an inventory, the alternatives).
            ("rework-loop", "completude d-complet complements completer"),
        ]
    );
    // Near misses: the completeness check, the DREAL's analysis and the CSRPN's opinion (the
    // scientific body the code has consulted, its own opinion) are three questions; the fifteen
    // days of the public's participation are a period the code sets, ended at the synthesis; the
    // CSRPN's sitting and the company's weeks on its study are each under a quarter of the lead
    // time; the head of service's validation and the signature are separated by the re-reading
    // (told above as the check repeated, not a second time as a cascade); the refusal rests on the
    // analysis just before it; the notification and the GéoMCE entry already run side by side;
    // the company is solicited at the filing and for one file in two and a half again; all is
    // online.
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "approval-chain",
            "ping-pong",
            "transit-step",
            "late-knockout",
            "parallelizable",
            "waiting",
            "too-many-contacts",
            "media-break",
        ],
    );
}
