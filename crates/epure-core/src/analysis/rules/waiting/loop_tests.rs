//! `waiting`: a loop the file enters once the user has the outcome (the works put right after the
//! permit's conformity check) has it too.

use crate::analysis::testkit::{B, check};
use crate::model::Channel;

/// A permit instructed (a wait of 20 working days before the instruction), notified by `notice`,
/// then ten months of the holder's own works drawn on the flow into their declaration that the
/// works are done, the service's visit on site, and either the certificate of conformity or a
/// formal notice to put the works right, after which the holder declares them again. `refusal`
/// lets the visit end in a withdrawal too; `then` is a step of the service's after the
/// certificate.
fn permit_then_works(notice: &str, refusal: bool, then: Option<&str>) -> crate::model::Procedure {
    let mut b = B::new()
        .start("s")
        .task("t", "b", "Instruire la demande")
        .dur("t", 60.0)
        .wait("t", 8400.0)
        .task("n", "b", notice)
        .task("u", "u", "Déclarer l'achèvement des travaux")
        .channel("u", Channel::Mail)
        .check("v", "b", "Procéder au récolement des travaux")
        .dur("v", 120.0)
        .wait("v", 420.0)
        .decision("d")
        .approval("ok", "c", "Signer l'attestation de conformité")
        .approval("md", "c", "Mettre en demeure de mettre les travaux en conformité")
        .end("e")
        .chain(&["s", "t", "n"])
        .flow("n", "u", 105000.0, None)
        .chain(&["u", "v", "d"])
        .prob("d", "ok", if refusal { 0.75 } else { 0.85 })
        .prob("d", "md", 0.15)
        .flow("md", "u", 25200.0, None);
    if refusal {
        b = b.approval("w", "c", "Retirer le permis").refused("r").prob("d", "w", 0.1).chain(&["w", "r"]);
    }
    b = match then {
        Some(label) => b.task("x", "b", label).chain(&["ok", "x", "e"]),
        None => b.chain(&["ok", "e"]),
    };
    b.build()
}

#[test]
fn a_loop_entered_once_the_user_has_the_outcome_has_it_too() {
    // The holder's works are their own time under the permit, however often the conformity visit
    // sends them back: no delay is flagged on them, and the instruction's twenty days are weighed
    // against the time until the permit is notified, where they are nearly all of it.
    let p = permit_then_works("Notifier l'arrêté au demandeur", false, None);
    check(&p, "waiting", &["t"]);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default());
    let f = f.findings.iter().find(|f| f.rule == "waiting").expect("the instruction's wait");
    assert!(f.explanation_fr.contains("pendant lesquels l'usager attend"), "{}", f.explanation_fr);
    // Near misses, where the ten months of works are flagged as the file's wait (the flow `f3`)
    // and the instruction's twenty days are weighed against the whole lead time: the permit
    // passed on to another service, the holder has nothing yet; the visit may still withdraw the
    // permit, the loop is still deciding; something more is sent to the holder after the
    // certificate, they wait for it.
    check(&permit_then_works("Transmettre l'arrêté au service du cadastre", false, None), "waiting", &["f3"]);
    check(&permit_then_works("Notifier l'arrêté au demandeur", true, None), "waiting", &["f3"]);
    let then = Some("Notifier le certificat au demandeur");
    check(&permit_then_works("Notifier l'arrêté au demandeur", false, then), "waiting", &["f3"]);
}
