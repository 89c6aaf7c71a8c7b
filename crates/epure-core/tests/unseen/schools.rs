//! Schools beyond the registration: the individual reception plan of a pupil with a chronic
//! illness or an allergy (the school, the médecin de l'Éducation nationale, and the commune for
//! the time of the canteen and the after-school care).

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
