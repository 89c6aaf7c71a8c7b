//! Labour: an individual contract's termination by mutual agreement (the employer and the
//! employee, TéléRC, the DREETS that approves it).

use crate::kit::*;

/// Unseen: the approval of a rupture conventionnelle (C. trav. L1237-11 to L1237-16: the
/// interview, the agreement signed, the fifteen days either party may withdraw, the employer's
/// request on TéléRC, the DREETS's fifteen working days, its silence worth approval).
#[test]
fn an_unseen_termination_by_mutual_agreement_is_read_as_an_expert_would() {
    let found = found_in("rupture-conventionnelle.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The twelve months' salaries the employer declared in the DSN, typed again.
            ("once-only", "salaires saisie"),
            // The DREETS's eleven working days, four tenths of the lead time.
            ("waiting", "instruction"),
        ]
    );
    let dsn = explained("rupture-conventionnelle.epure.json", "once-only");
    assert!(dsn.iter().any(|e| e.contains("La donnée « Salaires des douze derniers mois »")), "{dsn:?}");
    // Near misses: the fifteen days either party may withdraw, before the request "à l'expiration
    // du délai de rétractation" (a period set by the code, not a queue), and the days before the
    // signature, the parties' own (no waiting there); the interview and the signature inside the
    // company (no solicitation); the refusal, rare and on the instruction itself (no late
    // knockout); the refusal and the approval on exclusive ways (no cascade); TéléRC's receipt
    // (no relay).
    assert_not_flagged(
        &found,
        &["late-knockout", "approval-chain", "too-many-contacts", "transit-step", "handoff-chain", "rekeying"],
    );
    assert!(!found.contains(&("waiting", "saisie")), "{found:?}");
}
