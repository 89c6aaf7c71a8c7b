//! Environment and the sea: the State's regional service for the environment (DREAL) instructing
//! for the prefect a derogation to the protection of species, with the regional scientific
//! council's opinion and the public's participation; a household's domestic borehole declared to
//! the mairie and to the BRGM, with the water service's inspection.

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

/// Unseen: a household's domestic borehole (CGCT L2224-9 and R2224-22: the Cerfa 13837 to the
/// mairie a month before the works, with the parcel, the location, the depth and the use; beyond
/// ten metres, the code minier's declaration to the BRGM on DUPLOS with the same data; the
/// mairie's completeness check, register and receipt, and the copy to the water service, which
/// keys it again; the two declarations after the works; the water service's inspection when the
/// water is used inside the house).
#[test]
fn an_unseen_domestic_borehole_declaration_is_read_as_an_expert_would() {
    let found = found_in("forage-domestique.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The parcel, which the DGFiP's cadastre holds, and the location, depth, uses and
            // works declared to the mairie and again to the BRGM.
            ("once-only", "parcelle decl-mairie decl-duplos"),
            ("once-only", "localisation decl-mairie decl-duplos"),
            ("once-only", "profondeur decl-mairie decl-duplos"),
            ("once-only", "usage decl-mairie decl-duplos"),
            ("once-only", "caracteristiques decl-fin-mairie decl-fin-duplos"),
            // Keyed into the mairie's register, then again by the water service.
            ("rekeying", "localisation enregistrement saisie-eau"),
            ("rekeying", "usage enregistrement saisie-eau"),
            ("rekeying", "caracteristiques maj-mairie maj-eau"),
            // The mairie posts a copy of the household's declaration on: the water service keys
            // what it carries (the analysis read « une copie » as information sent of an act of
            // the mairie's until a copy of the user's filing was read as the file passed on).
            ("transit-step", "transmission saisie-eau"),
            (
                "handoff-chain",
                "decl-mairie completude enregistrement accuse transmission saisie-eau travaux analyse-eau decl-fin-mairie maj-mairie maj-eau"
            ),
            // A plan of the site missing.
            ("rework-loop", "completude d-complet complement"),
            // The posted Cerfa and the declaration after the works keyed in at the mairie.
            ("media-break", "f7 enregistrement parcelle localisation profondeur usage"),
            ("media-break", "f22 maj-mairie caracteristiques"),
            // Two administrations, two declarations each, the analysis, the works brought up to
            // standard.
            (
                "too-many-contacts",
                "decl-mairie complement decl-duplos analyse-eau decl-fin-mairie decl-fin-duplos mise-conformite"
            ),
        ]
    );
    // Near misses: the month before the works is the legal delay the label names; the receipt
    // goes to the household; the water service's inspection is its own (R2224-22-3), not the
    // mairie's check again; the keyings the rekeying findings name are not told again as breaks.
    assert_not_flagged(&found, &["waiting", "redundant-check", "duplicate-step", "late-knockout", "approval-chain"]);
}
