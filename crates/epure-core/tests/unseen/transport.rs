//! Transport and vehicles: the registration of vehicles at the Agence nationale des titres
//! sécurisés (ANTS) and its centres of expertise (CERT), with the tax office that certifies the
//! VAT of a vehicle bought abroad.

use crate::kit::*;

/// Unseen: a used car bought in another EU country registered in France (the quitus fiscal
/// asked of the tax office through the secure messaging, with the foreign registration
/// certificate, the invoice, the identity and a proof of address, and delivered once the VAT is
/// checked; the request on the ANTS's site with the same pieces, the quitus and the certificate
/// of conformity, the vehicle typed in and the taxes paid; the CERT's instruction and its
/// requests for pieces; the characteristics keyed into the SIV; the card made and posted by the
/// Imprimerie nationale; a vehicle without a European approval sent to the DREAL).
#[test]
fn an_unseen_imported_car_registration_is_read_as_an_expert_would() {
    let found = found_in("immatriculation-vehicule-importe.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The quitus is the DGFiP's own certificate: the ANTS asks the buyer to carry it.
            ("once-only", "quitus demande-ants"),
            // The foreign certificate, the invoice, the identity and the proof of address, given
            // to the tax office, are asked again by the ANTS. (The invoice asked again when
            // missing was written down here too; it is the loop's return, told below: the
            // expectation was wrong.)
            ("once-only", "certificat-etranger demande-quitus demande-ants"),
            ("once-only", "facture demande-quitus demande-ants"),
            ("once-only", "identite demande-quitus demande-ants"),
            ("once-only", "domicile demande-quitus demande-ants"),
            // The vehicle's identification typed by the buyer is keyed again into the SIV.
            ("rekeying", "vehicule demande-ants saisie-siv"),
            // Three requests in ten lack a piece (the certificate of conformity, the invoice).
            ("rework-loop", "instruction d-complet reclamer completer"),
            // Weeks before the CERT opens the file: its known backlog.
            ("waiting", "instruction"),
            // The tax office, the ANTS, the pieces again for three in ten.
            ("too-many-contacts", "demande-quitus demande-ants completer"),
        ]
    );
    // Near misses: the tax office checks the VAT on the invoice and the foreign certificate (CGI
    // art. 298 sexies) and the CERT the vehicle's identity and its title (two questions two
    // administrations are charged with); the card made and posted to the buyer is no relay; the
    // refusal rests on the conformity known from the pieces just checked; the buyer, the tax
    // office, the buyer, the CERT and the Imprimerie nationale are not too many hands; all is
    // online but the card.
    assert_not_flagged(
        &found,
        &[
            "duplicate-step",
            "redundant-check",
            "ping-pong",
            "transit-step",
            "handoff-chain",
            "approval-chain",
            "late-knockout",
            "parallelizable",
            "media-break",
        ],
    );
}
