//! The lead time a wait before the outcome is weighed against: the time after the outcome that
//! the rule declines as nobody's queue is left out of it.

use crate::analysis::testkit::{B, check};
use crate::model::{Channel, Procedure};

/// A school-meals enrolment: the family files, the service checks the pieces after `queue`
/// minutes, the enrolment is confirmed to the family, then the month is billed « à terme échu »
/// a month later; `then` is a last step of the family's, if any (lane `u`).
fn enrolment(queue: f64, user_wait: f64, billing: f64, then: Option<(&str, Channel)>) -> Procedure {
    let b = B::new()
        .start("s")
        .task("d", "u", "Remplir le dossier d'inscription")
        .dur("d", 20.0)
        .wait("d", user_wait)
        .check("t", "a", "Vérifier le dossier et les pièces")
        .dur("t", 15.0)
        .wait("t", queue)
        .task("n", "a", "Envoyer à la famille la confirmation d'inscription")
        .task("f", "b", "Facturer le mois échu")
        .dur("f", 5.0)
        .wait("f", billing)
        .end("e");
    match then {
        Some((label, channel)) => {
            b.task("x", "u", label).channel("x", channel).chain(&["s", "d", "t", "n", "f", "x", "e"]).build()
        }
        None => b.chain(&["s", "d", "t", "n", "f", "e"]).build(),
    }
}

fn waiting_text(p: &Procedure) -> String {
    let a = crate::analysis::analyze(p, &crate::analysis::Settings::default());
    a.findings.iter().filter(|f| f.rule == super::ID).map(|f| f.explanation_fr.clone()).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_queue_before_the_outcome_is_weighed_against_the_time_the_user_lives() {
    // Three days of queue, beside a month of billing after the confirmation: an eighth of the
    // lead time, but nearly all the days the family waits for its answer.
    let p = enrolment(1260.0, 0.0, 8400.0, None);
    check(&p, "waiting", &["t"]);
    let text = waiting_text(&p);
    assert!(
        text.contains(
            "soit 97 % des 3,1 jours ouvrés pendant lesquels l'usager attend (le délai de la démarche, 23,1 jours \
             ouvrés, moins le temps qui suit la réponse et où il n'attend plus rien)"
        ),
        "{text}"
    );
    // Near miss: the family still has to come to the counter after the billing (collecting the
    // badge): the month is theirs to wait too (told), and the three days are an eighth of it.
    check(&enrolment(1260.0, 0.0, 8400.0, Some(("Retirer le badge au guichet", Channel::Counter))), "waiting", &["f"]);
    // Paying the invoice online after it, the family waits for it too: the month is told.
    check(&enrolment(1260.0, 0.0, 8400.0, Some(("Payer la facture en ligne", Channel::Online))), "waiting", &["f"]);
    // The user's own term once they have the outcome (the fee paid online within its month) is
    // left out as the billing is.
    let own_term = |channel: Option<Channel>| {
        let b = B::new()
            .start("s")
            .task("d", "u", "Déposer la demande")
            .check("t", "a", "Instruire la demande")
            .dur("t", 15.0)
            .wait("t", 1260.0)
            .task("n", "a", "Notifier l'autorisation au demandeur")
            .task("x", "u", "Payer la redevance")
            .wait("x", 8400.0);
        let b = match channel {
            Some(c) => b.channel("x", c),
            None => b,
        };
        b.end("e").chain(&["s", "d", "t", "n", "x", "e"]).build()
    };
    check(&own_term(Some(Channel::Online)), "waiting", &["t"]);
    // Near miss: drawn without its channel, it may be a counter's queue: it stays in.
    check(&own_term(None), "waiting", &[]);
}

#[test]
fn before_a_step_of_the_user_the_whole_lead_time_is_the_measure() {
    // The family's three days before it files are its own (or an appointment's): weighed against
    // the whole lead time, an eighth of it, they are not told.
    check(&enrolment(0.0, 1260.0, 8400.0, None), "waiting", &[]);
}

#[test]
fn a_short_tail_after_the_outcome_leaves_the_lead_time_whole() {
    // The billing the same afternoon: the sentence gives the lead time alone.
    let p = enrolment(1260.0, 0.0, 60.0, None);
    check(&p, "waiting", &["t"]);
    let text = waiting_text(&p);
    assert!(text.contains("du délai total de la démarche (3,"), "{text}");
    assert!(!text.contains("pendant lesquels"), "{text}");
}
