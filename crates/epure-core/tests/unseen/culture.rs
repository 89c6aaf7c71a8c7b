//! Culture and heritage beyond the grants: the public archives (a researcher's request to
//! consult records before the end of their time of closure, which the archives service, the
//! administration that produced the records and the Service interministériel des Archives de
//! France each take part in).

use crate::kit::*;

/// Unseen: a researcher's request for a derogation to consult public archives not yet open
/// (Code du patrimoine art. L213-3: the form e-mailed to the departmental archives with the object
/// of the research and the references, the identity and the supervisor's letter; the request
/// registered in the service's tracking table; the archivist's identification of the records and
/// opinion; the producing administration's agreement; the file passed on to the SIAF, which
/// creates it in its application, examines it and has the decision signed for the minister; the
/// decision notified, the records taken out for the reading room, the reader registered there).
#[test]
fn an_unseen_archives_derogation_is_read_as_an_expert_would() {
    let found = found_in("derogation-archives.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The request's object and references, typed into the archives' tracking table, are
            // typed again into the SIAF's application.
            ("rekeying", "demande enregistrement saisie-siaf"),
            // The archives service only passes the producer's answer on to the SIAF: the
            // producer could answer the SIAF, or the SIAF's application receive the file.
            // (The finding names the step it passes the file to.)
            ("transit-step", "transmission saisie-siaf"),
            // The researcher, the reading room's service, the archivist, the prefecture, the
            // archivist, the SIAF, its head, the SIAF, the reading room, the researcher.
            (
                "handoff-chain",
                "demande enregistrement instruction saisine accord-producteur transmission saisie-siaf examen-siaf signature notification preparation inscription consultation"
            ),
            // Four weeks before the producing administration answers: a queue, no time a text
            // sets.
            ("waiting", "accord-producteur"),
        ]
    );
    // Near misses: the archivist's opinion, the producer's agreement (the law requires it) and the
    // SIAF's examination on both (the authority that decides) each make their own act; the
    // signature for the minister is one approval; the decision notified to the researcher and the
    // refusal are no relays; the identity shown at the reading room is the reader in person, not
    // the copy asked again; the refusal rests on the examination and the signature just before
    // it; the researcher is solicited for the request and the consultation; nothing posted.
    assert_not_flagged(
        &found,
        &[
            "once-only",
            "redundant-check",
            "duplicate-step",
            "approval-chain",
            "ping-pong",
            "late-knockout",
            "parallelizable",
            "too-many-contacts",
            "media-break",
            "rework-loop",
        ],
    );
}
