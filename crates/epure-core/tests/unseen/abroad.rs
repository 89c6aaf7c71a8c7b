//! French people abroad: the civil status the service central d'état civil (Nantes) keeps for
//! the French born, married or deceased abroad, with the consulates and the parquet of Nantes.

use crate::kit::*;

/// Unseen: the transcription of the birth certificate of a child born abroad to a French parent
/// (the request online with the foreign certificate, legalised or apostilled, its sworn
/// translation, the French parent's birth certificate and the parents' transcribed marriage
/// certificate; the SCEC's completeness check and its requests for pieces from abroad; the
/// officer's examination under article 47 of the Civil Code; for a doubtful certificate the
/// consulate's check at the local registry and, if the doubt stays, the parquet of Nantes, which
/// may oppose; the transcription, then the family record book posted to be updated).
#[test]
fn an_unseen_transcription_of_a_birth_abroad_is_read_as_an_expert_would() {
    let found = found_in("transcription-naissance-etranger.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The SCEC asks for certificates it keeps itself: the French parent's birth
            // certificate and the parents' transcribed marriage.
            ("once-only", "acte-parent demander"),
            ("once-only", "acte-mariage demander"),
            // A third of the requests lack a piece, to be obtained again from abroad.
            ("rework-loop", "completude d-complet demander-pieces completer"),
            // Three months before an officer examines the certificate: the SCEC's known backlog.
            ("waiting", "examiner"),
            // The request, the pieces for one in three, then the record book posted.
            ("too-many-contacts", "demander completer envoyer-livret"),
            // On the way of a doubtful certificate, the file passes between the bureau, the
            // officer, the consulate and the parquet, and back to the parents for the record book.
            (
                "handoff-chain",
                "demander completude examiner lever-acte saisir-parquet instruire-parquet transcrire envoyer-livret mettre-a-jour"
            ),
        ]
    );
    // Near misses: the completeness check, then the examination of the certificate's probative
    // value (two questions); the consulate's check at the local registry and the parquet's
    // examination each make their own act (the report, the decision): no check repeated; the
    // referral to the parquet is the law's, with its own act (no relay); the refusal rests on the
    // parquet's opposition (no late knockout); the record book is a paper booklet, posted because
    // it is one (no media break to go digital).
    assert_not_flagged(
        &found,
        &["redundant-check", "transit-step", "late-knockout", "duplicate-step", "media-break", "ping-pong", "rekeying"],
    );
}
