//! Elections: a proxy vote (the elector, the police or gendarmerie that checks their identity,
//! the répertoire électoral unique and the commune's elections service).

use crate::kit::*;

/// Unseen: a proxy vote (Code électoral L71 and R72: the request online on Maprocuration, then
/// the elector's identity checked at the police station, the proxy reaching the commune through
/// the REU; or the paper Cerfa at the counter, posted to the town hall, which keys it into the REU).
#[test]
fn an_unseen_proxy_vote_is_read_as_an_expert_would() {
    let found = found_in("procuration-vote.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // Three days of post for the paper way, two thirds of the lead time (and a proxy
            // posted late may not be there before the ballot).
            ("waiting", "f7"),
            // The paper form posted to the town hall, where the mandatary's details are keyed
            // into the REU.
            ("media-break", "f7 saisie-reu mandataire"),
        ]
    );
    let paper = explained("procuration-vote.epure.json", "media-break");
    assert!(paper.iter().any(|e| e.contains("Dans 30 % des cas")), "{paper:?}");
    // Near misses: the identity checked at the counter on each way (exclusive ways: no duplicate,
    // no redundant check); the reference of the online request shown at the counter, which the
    // elector got from Maprocuration a moment before (no piece asked again of another
    // administration); two contacts at most; the REU informing the elector (no relay).
    assert_not_flagged(
        &found,
        &["duplicate-step", "redundant-check", "once-only", "too-many-contacts", "transit-step", "handoff-chain"],
    );
}
