//! Schools beyond the registration: the individual reception plan of a pupil with a chronic
//! illness or an allergy (the school, the médecin de l'Éducation nationale, and the commune for
//! the time of the canteen and the after-school care); a commune's school-meals enrolment with a
//! tariff by the family quotient (the service enfance, the central kitchen, the régie); a child's
//! enrolment at a municipal music conservatoire (the teachers, the director, the régie); the
//! bourse de lycée (the lycée, the DSDEN, the DASEN, the recteur on appeal).

use crate::kit::*;

/// Unseen: an individual reception plan (PAI) for an allergic pupil (the family asks the head
/// teacher with the request of the child's doctor and the prescription; the head teacher sends it
/// to the médecin de l'Éducation nationale, who writes the PAI and the emergency protocol; the
/// family, the head teacher and the mayor's deputy sign it; the family then brings the
/// prescription and the emergency kit to the after-school service, which records the PAI).
#[test]
fn an_unseen_individual_reception_plan_is_read_as_an_expert_would() {
    let found = found_in("pai-ecole.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The prescription, filed with the school and carried by the PAI the mayor signs, is
            // asked again by the town hall's after-school service.
            ("once-only", "ordonnance demande depot-periscolaire"),
            // The head teacher only forwards the request to the school doctor (the finding names
            // the relay and the step it passes the file to).
            ("transit-step", "transmission redaction"),
            // The family, the head teacher, the doctor, the family again, the head teacher, the
            // mayor's deputy, the family, the after-school service: seven handoffs for one plan.
            (
                "handoff-chain",
                "demande transmission redaction signature-famille signature-directeur signature-maire depot-periscolaire saisie"
            ),
            // Known false alarm: the head teacher and the mayor's deputy are two competent
            // authorities of two bodies, each signing the plan for its own time (the school time
            // for the State, the canteen and the after-school care for the commune), and the
            // advice to keep the mayor's signature alone is wrong. The drawing has both as the
            // services of one administration, and the plan is no contract by its name: the format
            // does not tell a co-signed plan from a visa followed by a signature.
            ("approval-chain", "signature-directeur signature-maire"),
            // Four weeks before the school doctor (one for thousands of pupils) writes the plan.
            ("waiting", "redaction"),
            // The PAI signed on paper, keyed by hand into the after-school software.
            ("media-break", "f8 saisie allergies"),
            // The family goes to the school, signs, then goes to the after-school service.
            ("too-many-contacts", "demande signature-famille depot-periscolaire"),
        ]
    );
    // Near misses: the doctor reads the prescription as a
    // doctor, its own medical check; each party signs the plan it takes on, no check repeated;
    // nothing is refused.
    assert_not_flagged(&found, &["redundant-check", "duplicate-step", "ping-pong", "late-knockout", "rework-loop"]);
}

/// Unseen: a commune's school-meals and after-school enrolment with a tariff by the family
/// quotient (the family files on the portail famille or at the guichet unique, with the CAF's
/// quotient certificate or the tax notice; the service enfance checks the pieces and asks for the
/// missing ones, sets the band in the billing software, confirms the enrolment and the tariff;
/// the central kitchen lists the child among its diners; a food allergy goes to the school doctor
/// for a PAI; the month is billed « à terme échu »).
#[test]
fn an_unseen_school_meals_enrolment_is_read_as_an_expert_would() {
    let found = found_in("cantine-quotient-familial.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The quotient is the CAF's (the commune has CDAP): asked at the filing, and again
            // when missing or out of date.
            ("once-only", "attestation-qf depot-ligne depot-guichet complement"),
            // The tax notice of families without the CAF: the DGFiP's (API Particulier).
            ("once-only", "avis-imposition depot-ligne depot-guichet"),
            // The child and the days typed on the portal, then again by the central kitchen from
            // its weekly export (the counter's keying of the paper fiche is the break below).
            ("rekeying", "enfant depot-ligne inscription-cuisine"),
            ("rekeying", "jours depot-ligne inscription-cuisine"),
            // One file in four lacks a piece (the quotient of the wrong year, the proof of address).
            ("rework-loop", "instruction d-complet relance complement"),
            // Not in the expectation: the three days before the service checks each file (1.3
            // passes), over a third of the days until the family has its confirmation, the month
            // billed after it left out of the measure (the analysis weighed it against 32 days
            // until the waits after the outcome were left out).
            ("waiting", "instruction"),
            // The paper fiche handed in at the counter, keyed into the portal.
            ("media-break", "f6 saisie-guichet enfant jours allergie"),
            // Family, counter, service, kitchen, family, school doctor, kitchen, régie on the
            // counter's way with a PAI (the loop counted once).
            (
                "handoff-chain",
                "depot-guichet verif-guichet saisie-guichet instruction saisie-qf inscription-cuisine demande-pai redaction-pai pai-cuisine facturation"
            ),
        ]
    );
    // Known miss: the kitchen's weekly list, a week when the child enrolled is not yet a diner,
    // comes after the confirmation sent to the family: weighed against the whole lead time, as
    // a wait after the outcome is, it stays under the threshold.
    // Near misses: the month before the first invoice is the billing cycle, nobody's queue; the
    // counter checks the pieces are there, the service what they say (the quotient of the year,
    // the address for the resident tariff); the school doctor examines the allergist's
    // certificate as a doctor and writes the PAI; the confirmation and the reminder go to the
    // family (no relay); the loop is no ping-pong; 1.4 contacts; no approval, no refusal.
    assert_not_flagged(
        &found,
        &[
            "redundant-check",
            "transit-step",
            "parallelizable",
            "ping-pong",
            "too-many-contacts",
            "duplicate-step",
            "approval-chain",
            "late-knockout",
        ],
    );
    assert!(!found.contains(&("waiting", "facturation")), "{found:?}");
}

/// Unseen: a child's enrolment at a municipal music conservatoire (the pre-registration online
/// in the spring; the teacher's placement test and the director's admission list; the family's
/// confirmation on paper with the proof of address and the CAF's quotient certificate; the
/// secretariat's check and keying; the instrument hired on a paper contract; the schedule of
/// lessons; the régie's tariff and the billing per term).
#[test]
fn an_unseen_music_school_enrolment_is_read_as_an_expert_would() {
    let found = found_in("inscription-conservatoire.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // The address given online, then again on the paper confirmation; the quotient the
            // CAF holds (CDAP).
            ("once-only", "adresse preinscription confirmation"),
            ("once-only", "qf confirmation"),
            // The identity taken over from the pre-registration and keyed again in the régie's
            // account; the quotient keyed by the secretariat and again by the régie.
            ("rekeying", "identite reprise compte"),
            ("rekeying", "qf controle compte"),
            // The régie checks again the two pieces the secretariat checked.
            ("redundant-check", "controle controle-regie domicile qf"),
            // The secretariat, the instrument hire, the teacher's schedule, the secretariat that
            // sends it: the teacher could send it to the family (written first as a near miss:
            // the analysis is right). Known false gain: it counts the weeks before the rentrée,
            // the school calendar, which stay whoever sends the schedule.
            ("ping-pong", "controle saisie-location edt envoi-edt"),
            // The secretariat passes the file to the régie.
            ("transit-step", "transmission controle-regie"),
            (
                "handoff-chain",
                "preinscription reprise convocation test liste admission confirmation controle location saisie-location edt envoi-edt transmission controle-regie compte facturation"
            ),
            // A proof of address missing or too old.
            ("rework-loop", "controle d-complet relance complement"),
            // Known false alarms: the weeks before the June session of placement tests, then
            // before the rentrée when the teacher draws up the schedule, are the school's calendar,
            // drawn as waits; nothing in the labels says so. (They stayed under the threshold only
            // while the terms billed after the schedule was sent counted in the time they were
            // weighed against.)
            ("waiting", "test"),
            ("waiting", "edt"),
            // The paper confirmation and the paper hire contract keyed in.
            ("media-break", "f11 controle qf"),
            ("media-break", "f19 saisie-location contrat"),
            // The pre-registration, the confirmation, the missing piece, the instrument's hire.
            ("too-many-contacts", "preinscription confirmation complement location"),
        ]
    );
    // Near misses: the teacher's placement test and the director's admission list are an
    // assessment and a decision; the billing per term is the period, no loop of returns nor
    // queue; sending to the family is no relay; the waiting list is decided on the test.
    assert_not_flagged(&found, &["late-knockout", "approval-chain", "parallelizable", "duplicate-step"]);
    assert!(!found.iter().any(|(r, s)| *r == "waiting" && s.contains("facturation")), "{found:?}");
}

/// Unseen: the bourse de lycée (the family's request online, the tax figure fetched from the
/// DGFiP, or the paper form at the lycée's secretariat with the tax notice, checked, keyed in and
/// posted to the DSDEN, which checks it again on receipt; the instruction, the DASEN's signature,
/// the notice; the appeal to the recteur; each trimester the attendance certified, then the
/// payment).
#[test]
fn an_unseen_high_school_grant_is_read_as_an_expert_would() {
    let found = found_in("bourse-lycee.epure.json");
    let found = as_pairs(&found);
    assert_eq!(
        found,
        [
            // On paper, the tax notice the DGFiP holds, asked again when the year is wrong.
            ("once-only", "avis depot-papier complement"),
            // The DSDEN checks again on receipt what the secretariat checked.
            ("redundant-check", "controle controle-dsden avis rfr enfants"),
            // Posting the paper files once they are keyed in: the data are already there. (The
            // analysis names the step the file goes to, with the relay.)
            ("transit-step", "envoi controle-dsden"),
            // The paper way, three files in ten: family, secretariat, DSDEN, DASEN, secretariat,
            // vie scolaire, intendance (the analysis once told a way of 2 %, the refusal and the
            // appeal; it tells the way most files with too many hands take).
            (
                "handoff-chain",
                "depot-papier controle saisie envoi controle-dsden instruction signature notification assiduite paiement"
            ),
            // Three paper files in ten go back to the family for a piece.
            ("rework-loop", "controle d-complet relance complement"),
            // Three weeks in the DSDEN's pile, over half the time until the family is notified.
            // (The trimesters paid after the notice once counted in the time it was weighed
            // against, and it was missed.)
            ("waiting", "instruction"),
            // The paper form keyed into the Bourses application.
            ("media-break", "f11 saisie rfr enfants"),
        ]
    );
    // Near misses: the trimester payments are the grant's calendar, no rework, no queue, no round
    // trip (only the vie scolaire knows whether absences are justified); the notice is no relay,
    // the refusal an approval; the instruction computes the échelon, the appeal's review weighs
    // new grounds; one signature per way; only the DASEN may refuse; the RIB and the children are
    // asked once and held by nobody; the sending and the check of what is sent are not
    // independent; nothing is keyed from the paper decisions; about one contact per file.
    assert_not_flagged(
        &found,
        &["approval-chain", "late-knockout", "parallelizable", "too-many-contacts", "ping-pong", "rekeying"],
    );
    for quiet in ["f22", "f19", "assiduite"] {
        assert!(!found.contains(&("waiting", quiet)), "{quiet}: {found:?}");
    }
    assert!(!found.iter().any(|(r, s)| *r == "rework-loop" && s.contains("paiement")), "{found:?}");
    assert!(!found.iter().any(|(r, s)| *r == "once-only" && (s.starts_with("rib") || s.starts_with("enfants"))));
}
