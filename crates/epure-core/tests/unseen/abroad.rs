//! French people abroad, and foreigners coming to France: the civil status the service central
//! d'état civil (Nantes) keeps for the French born, married or deceased abroad, with the
//! consulates and the parquet of Nantes; a foreign student's long-stay visa (Campus France, the
//! university, the consulate and its provider, the OFII).

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

/// Unseen: a foreign student's long-stay student visa (the Études en France file with its
/// pieces, checked by Campus France and sent back when incomplete; the interview; the
/// university's commission and acceptance; the request on France-Visas; the appointment at the
/// consulate's provider, the biometrics and the pieces collected, the passports sent to the
/// consulate; the instruction, the decision, the vignette, the passport handed back; the visa
/// validated online on arrival with the OFII's tax).
#[test]
fn an_unseen_student_visa_is_read_as_an_expert_would() {
    let found = found_in("visa-etudiant-campus-france.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The passport uploaded and brought again; the language test's certificate the
            // certifying body holds; the university's acceptance, which Études en France holds.
            ("once-only", "passeport eef depot-vfs"),
            ("once-only", "test-langue eef"),
            ("once-only", "acceptation depot-vfs"),
            // The identity typed on Études en France, then on France-Visas.
            ("rekeying", "identite eef france-visas"),
            // The provider sends the passports to the consulate. (Known wording fault: « le
            // dossier peut y aller directement » of passports that must travel for the vignette.)
            ("transit-step", "envoi instruction"),
            (
                "handoff-chain",
                "eef paiement verif-cf rdv-cf entretien candidature choix france-visas depot-vfs collecte envoi instruction decider vignette remise validation taxe"
            ),
            // Campus France sends incomplete files back. (Known wording fault: the advice proposes
            // what the platform already does.)
            ("rework-loop", "verif-cf d-cf retour-cf correction"),
            // The weeks before the university's commission.
            ("waiting", "candidature"),
            (
                "too-many-contacts",
                "eef paiement correction rdv-cf choix france-visas depot-vfs retour-vfs validation taxe"
            ),
            // (Written down first: the paper file at the provider, which only scans it, and the
            // provider's returns, checked at its counter as the student hands the pieces in: the
            // analysis is right on both.)
        ]
    );
    // Near misses: the completeness check reads the scans, the interview the originals, Campus
    // France gives an opinion and the university decides, the provider only checks presence; the
    // pieces asked again are the loops; the interview and the pieces feed the decisions; one
    // approval, never short; the passport handed back and the refusal give the outcome; the
    // passport travels for its vignette, nothing keyed from paper; the travel and the three
    // months after arrival are no queue; filing and coming back are two steps.
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "late-knockout",
            "approval-chain",
            "ping-pong",
            "media-break",
            "parallelizable",
            "duplicate-step",
        ],
    );
    assert!(!found.contains(&("waiting", "validation")), "{found:?}");
}
