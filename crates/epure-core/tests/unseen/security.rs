//! Security and administrative police: a private security agent's professional card (the
//! CNAPS), a sport shooter's authorisation to acquire a firearm (the préfecture's bureau des armes,
//! the SIA), a drone flight over a populated area (the DGAC's AlphaTango, the préfecture).

use crate::kit::*;

/// Unseen: a private security agent's first professional card (CSI L612-20, R612-12 s.: the
/// request on the CNAPS's teleservice with the CQP and the residence permit, the gestionnaire's
/// completeness check, the instructor's B2 asked of the Casier and the TAJ consulted, the
/// certifier asked to confirm the CQP, the head of the pôle's visa, the délégué's signature; the
/// contradictory procedure before a refusal and the recours gracieux).
#[test]
fn an_unseen_private_security_card_is_read_as_an_expert_would() {
    let found = found_in("carte-pro-cnaps.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The CQP is held by its certifier, which the CNAPS asks to confirm it anyway (and
            // the return asks for it again); the residence permit is in AGDREF, the CNAPS's own
            // ministry's.
            ("once-only", "cqp depot complement"),
            ("once-only", "titre-sejour joindre-titre"),
            // The civil status typed online, again into the B2 request and the TAJ query, and by
            // the legal service when a recours comes (« jusqu'à quatre fois »: the reviewer read
            // « quatre fois » as overstated, the fourth entry being on 3 % of the files' way).
            ("rekeying", "etat-civil depot demande-b2 taj enreg-recours"),
            // Applicant, gestionnaire, instructor, certifier, instructor, head of the pôle,
            // délégué: six hands on the way nine files in ten take (the refusal and the recours,
            // 3 %, have ten, said beside it). Written first as either way; the reviewer read the
            // first run, which named only the refusal's way as information, as making the main
            // problem look marginal: the rule now tells the common way (see handoff_chain.rs).
            ("handoff-chain", "depot completude instruction certif proposition visa signature"),
            // The head of the pôle's visa before the délégué's signature on a routine card.
            ("approval-chain", "visa signature"),
            // Three files in ten lack a piece or have an unreadable one.
            ("rework-loop", "completude d-complet demande-pieces complement"),
            // Twenty working days in the instructors' pile, about half the lead time.
            ("waiting", "instruction"),
        ]
    );
    let cqp = explained("carte-pro-cnaps.epure.json", "once-only");
    assert!(
        cqp.iter().any(|e| e.contains("« Certificat d'aptitude professionnelle (CQP APS ou titre RNCP) »")),
        "{cqp:?}"
    );
    let keyed = explained("carte-pro-cnaps.epure.json", "rekeying");
    assert!(keyed.iter().any(|e| e.contains("est saisie jusqu'à quatre fois")), "{keyed:?}");
    let hands = explained("carte-pro-cnaps.epure.json", "handoff-chain");
    assert!(hands.iter().any(|e| e.contains("il change jusqu'à 10 fois de mains")), "{hands:?}");
    // Near misses: the B2, held by the Casier and asked of it by the CNAPS itself, not of the
    // applicant (no once-only on it; no ping-pong on the instructor's round trip to it); the
    // completeness check, then the instructor's check of what the pieces say (the analysis is
    // right: the label says "complétude", and that is how a délégation splits the work; my first
    // expectation flagged a redundant check); the certifier's confirmation, the proposals and the
    // re-examination, each producing a document; the card number and the refusal sent to the
    // applicant (no relay); the fifteen days of the contradictory procedure (a legal period).
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "ping-pong",
            "transit-step",
            "late-knockout",
            "too-many-contacts",
            "duplicate-step",
            "parallelizable",
        ],
    );
    assert!(!found.iter().any(|&(r, s)| r == "waiting" && s != "instruction"), "{found:?}");
}

/// Unseen: a sport shooter's authorisation to acquire and hold a category B firearm (CSI R312-1
/// s.: the club's prior opinion, the medical certificate, the request in the SIA with the
/// licence; the SIA's automatic look-up of the FINIADA, the bureau des armes's completeness
/// check, its own look-up again, the B2, the police enquiry dispatched by the état-major to the
/// local station; the head of the bureau's visa, the prefect's signature; the gunsmith records
/// the sale).
#[test]
fn an_unseen_firearm_authorisation_is_read_as_an_expert_would() {
    let found = found_in("autorisation-arme-sia.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The licence is the Fédération's (ITAC); the medical certificate too, asked again
            // when it is older than a month at the check.
            ("once-only", "licence depot"),
            ("once-only", "certificat depot complement"),
            // The shooter's civil status typed into the SIA, again into the B2 request and the
            // police's enquiry.
            ("rekeying", "etat-civil depot consult-b2 enquete"),
            // The SIA already looks the FINIADA up; the bureau's agent does it again by hand.
            ("redundant-check", "finiada-auto finiada-agent finiada"),
            // The état-major only passes the enquiry on to the station of the shooter's home.
            // (Missed by the first run: the rule read « au commissariat du domicile » as sent to
            // someone's home; fixed in transit_step.rs.)
            ("transit-step", "dispatch enquete"),
            // Club, doctor, shooter, bureau, état-major, station, bureau, head of the bureau,
            // prefect, bureau, shooter, gunsmith: eleven hands.
            (
                "handoff-chain",
                "avis-club certificat-med depot completude finiada-agent dispatch enquete instruction redaction visa signature info-club achat vente"
            ),
            // The head of the bureau's visa before the prefect's signature.
            ("approval-chain", "visa signature"),
            // One file in four waits for a new certificate.
            ("rework-loop", "completude d-complet relance complement"),
            // Forty working days before the bureau opens the file, thirty in the station's
            // enquiry queue.
            ("waiting", "completude"),
            ("waiting", "enquete"),
            // Known false alarm: the weapon bought at the gunsmith's counter, whose serial number
            // he reads off the weapon and records in the SIA: the counter is read as paper handed
            // over, and the shop's counter as the administration's (the format cannot tell a
            // private shop's counter from a public one).
            ("media-break", "f27 vente arme-vendue"),
            // Known false alarm: the same purchase counted as a solicitation (2.3 against 2); it
            // is the purpose of the authorisation, not something the administration asks.
            ("too-many-contacts", "depot complement achat"),
        ]
    );
    let relay = explained("autorisation-arme-sia.epure.json", "transit-step");
    assert!(
        relay.iter().any(|e| e.contains("« Faire suivre la demande d'enquête au commissariat du domicile »")),
        "{relay:?}"
    );
    // Near misses: the B2 and the enquiry, two checks on different grounds (no redundant check
    // between them); the club told of the authorisation (a copy to a partner, not a relay);
    // the decision on the enquiry's report (no late knock-out).
    assert_not_flagged(&found, &["late-knockout", "duplicate-step", "ping-pong", "parallelizable"]);
    assert!(!found.contains(&("transit-step", "info-club achat")), "{found:?}");
}

/// Unseen: a professional drone flight over a populated area under the national standard
/// scenario S3 (arrêté du 3 décembre 2020: the declaration on AlphaTango with the remote pilot's
/// certificate and the drone's registration, the DSAC's receipt, the notice to the prefect five
/// working days before, the police's and the DSAC's opinions side by side, the prefect's
/// opposition or silence, then the flight).
#[test]
fn an_unseen_drone_flight_over_a_town_is_read_as_an_expert_would() {
    let found = found_in("drone-scenario-s3.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The insurance given twice; the drone's registration, the pilot's certificate and
            // the DSAC's receipt asked of the operator by e-mail although the DGAC issued them and
            // AlphaTango holds them.
            ("once-only", "assurance declaration notification"),
            ("once-only", "drone notification"),
            ("once-only", "telepilote notification"),
            ("once-only", "recepisse notification"),
            // Operator, DSAC, operator, prefecture, police, prefecture, operator: six hands on
            // the way of the flights not opposed (the opposition's, 5 %, has eight). The reviewer
            // counted five, not the operator's own flight: the rule counts the user's turns (see
            // the BAFA in youth.rs).
            ("handoff-chain", "declaration ar-dsac notification enregistrement verif avis-ddsp synthese vol"),
            // The head of the bureau's visa before the director's signature of an opposition.
            ("approval-chain", "visa signature"),
            // One notice in five comes back for a precise map of the perimeter.
            ("rework-loop", "verif d-complet demande-pieces envoi-pieces"),
            // The five working days before the DSAC's receipt.
            ("waiting", "ar-dsac"),
            // Known false alarm as to one step: the flight itself (« Réaliser le vol dans le
            // périmètre notifié ») is counted as a solicitation (3.2 rather than 2.25): it checks
            // nothing the administration handed over (the prefect's silence is the outcome), so
            // `Context::users_own_work` does not read it as the operator's own work.
            ("too-many-contacts", "declaration notification envoi-pieces vol"),
        ]
    );
    let held = explained("drone-scenario-s3.epure.json", "once-only");
    assert!(held.iter().any(|e| e.contains("« Certificat d'aptitude théorique de télépilote »")), "{held:?}");
    // Near misses: the drone's number asked again in the notice is a new value (no rekeying: the
    // once-only tells it); the DSAC's check, then the prefecture's (new items, fresh copies: no
    // redundant check); the opinions already side by side (no parallelizable); the prefect's
    // silence worth acceptance (no late knock-out).
    assert_not_flagged(&found, &["rekeying", "redundant-check", "parallelizable", "late-knockout", "transit-step"]);
}
