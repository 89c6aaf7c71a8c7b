//! Housing beyond the permits: the Agence nationale de l'habitat's aids (MaPrimeRénov'
//! Copropriété, instructed by its local delegations in the DDT or by the délégataires des aides à
//! la pierre), the préfecture's housing commissions, the ADIL's advice, Action Logement's aids.

use crate::kit::*;

/// Unseen: MaPrimeRénov' Copropriété (the syndicate of co-owners, with its mandatory AMO, votes
/// the works and the aid in general assembly; the syndic files on the Anah's platform; the local
/// delegation checks admissibility, asks for what is missing and instructs in Op@l; the fragile
/// co-ownerships go to the CLAH for its opinion; the head of the housing service endorses, the
/// Agency's delegate in the department signs, the syndic is notified).
#[test]
fn an_unseen_condominium_renovation_grant_is_read_as_an_expert_would() {
    let found = found_in("maprimerenov-copropriete.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The registration number of the co-ownership: the Anah keeps the national register
            // itself, and checks it there at the instruction.
            ("once-only", "immatriculation depot"),
            // The syndic's Kbis is in the RNE.
            ("once-only", "kbis depot"),
            // The AMO, the syndicate, the delegation, the CLAH, the head of service, the delegate,
            // the delegation again. (Written first with the return for pieces in it: the analysis
            // tells the way without the return, which the rework loop tells on its own; the
            // expectation was corrected.)
            ("handoff-chain", "montage vote depot recevabilite instruction clah visa-chef signature notification"),
            // The head of the housing service endorses the proposal the delegate then signs: a
            // routine cascade on a file the instruction has settled.
            ("approval-chain", "visa-chef signature"),
            // A third of the files come back for updated quotes or a missing piece.
            ("rework-loop", "recevabilite d-complet demande-pieces complement"),
        ]
    );
    // Near misses: the admissibility check then the instruction on the same audit and quotes (a
    // question of completeness, then the energy gain and the eligible cost, with the calculation
    // sheet it produces); the CLAH's opinion on a fragile co-ownership (a body the code
    // provides, with its own opinion); the general assembly's vote is the co-owners' own decision,
    // which the law convenes (21 days' notice), no queue of the administration's, and no
    // solicitation by it (drawn, as the format has it, in the syndicate's own organisation: the
    // `internal` channel in the user's lane); the PV signed at the assembly and scanned onto the platform is not keyed
    // again; the rejection rests on the energy gain just instructed; the notification is sent to
    // the syndic, no relay.
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "duplicate-step",
            "waiting",
            "too-many-contacts",
            "media-break",
            "parallelizable",
            "transit-step",
            "ping-pong",
            "late-knockout",
        ],
    );
}
