use crate::analysis::testkit::{B, check};
use crate::model::Channel;

fn late(decider_checks: &[&str]) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["formulaire"])
        .task("instr", "b", "Instruire sur place et rédiger l'avis technique")
        .dur("instr", 90.0)
        .checks("instr", &["formulaire"])
        .produces("instr", &["avis"])
        .approval("sign", "c", "Arbitrer et signer")
        .dur("sign", 10.0)
        .decision("d")
        .task("notif", "b", "Notifier l'accord")
        .task("refus", "b", "Notifier le refus")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "instr", "sign", "d"])
        .prob("d", "notif", 0.8)
        .prob("d", "refus", 0.2)
        .chain(&["notif", "ok"])
        .chain(&["refus", "ko"]);
    if decider_checks.is_empty() { b.build() } else { b.checks("sign", decider_checks).build() }
}

#[test]
fn fires_when_the_refusal_uses_nothing_of_the_work_before() {
    check(&late(&[]), "late-knockout", &["d sign instr"]);
}

#[test]
fn does_not_fire_when_the_decision_uses_the_work() {
    check(&late(&["avis"]), "late-knockout", &[]);
    check(&late(&["formulaire"]), "late-knockout", &[]);
}

/// The instruction (90 minutes, producing the technical opinion), a body's examination of it
/// (`exam_lane`), then a ruling by `rule_lane` that names no data, and the refusal.
fn ruled(exam_lane: &str, rule_lane: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["formulaire"])
        .task("instr", "b", "Instruire sur place et rédiger l'avis technique")
        .dur("instr", 90.0)
        .checks("instr", &["formulaire"])
        .produces("instr", &["avis"])
        .check("exam", exam_lane, "Examiner la demande au vu de l'avis")
        .dur("exam", 20.0)
        .checks("exam", &["avis"])
        .approval("statuer", rule_lane, "Statuer sur la demande")
        .dur("statuer", 5.0)
        .decision("d")
        .task("notif", "b", "Notifier l'accord")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "instr", "exam", "statuer", "d"])
        .prob("d", "notif", 0.8)
        .prob("d", "ko", 0.2)
        .chain(&["notif", "ok"])
        .build()
}

#[test]
fn a_ruling_naming_no_data_rests_on_the_same_body_s_examination_before_it() {
    // The commission examines the file, then rules: one body, drawn as two steps.
    check(&ruled("c", "c"), "late-knockout", &[]);
    // Near miss: another body's signature naming nothing rests on nothing of the work.
    check(&ruled("b", "c"), "late-knockout", &["d statuer instr exam"]);
}

/// The instruction, the signature reading its opinion, then `after` (lane b, naming no data)
/// and the user's choice to appeal, whose "no" ends in a refusal.
fn contested(after: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["formulaire"])
        .task("instr", "b", "Instruire sur place et rédiger l'avis technique")
        .dur("instr", 90.0)
        .checks("instr", &["formulaire"])
        .produces("instr", &["avis"])
        .approval("sign", "c", "Signer la décision")
        .dur("sign", 10.0)
        .checks("sign", &["avis"])
        .task("apres", "b", after)
        .dur("apres", 10.0)
        .decision("d")
        .task("recours", "u", "Former un recours")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "instr", "sign", "apres", "d"])
        .prob("d", "recours", 0.4)
        .prob("d", "ko", 0.6)
        .chain(&["recours", "ok"])
        .build()
}

#[test]
fn the_choice_after_a_notice_rests_on_what_the_notice_passes_on() {
    // "Notifier le refus", then the user's choice to appeal: the refusal was decided on the
    // signature, which read the instruction's opinion.
    check(&contested("Notifier le refus au demandeur"), "late-knockout", &[]);
    check(&contested("Informer le demandeur du refus"), "late-knockout", &[]);
    // Near miss: a step of the service that is no notice and names nothing decides on nothing.
    check(&contested("Classer le dossier"), "late-knockout", &["d apres instr sign"]);
}

/// The administration's work (90 minutes, producing a decision it notifies), then the user's
/// claim to a partner, which decides on the claim and refuses some; with `reads`, the claim is
/// made on the notified decision (the resident claims once the disaster is recognised).
fn claim_after(reads: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("instr", "b", "Instruire la demande et prendre l'arrêté")
        .dur("instr", 90.0)
        .produces("instr", &["arrete"])
        .task("claim", "u", "Déclarer le sinistre à son assureur")
        .requests("claim", &["declaration"])
        .task("expertise", "d", "Expertiser les dommages")
        .dur("expertise", 60.0)
        .checks("expertise", &["declaration"])
        .decision("d")
        .end("ok")
        .refused("ko")
        .chain(&["s", "instr", "claim", "expertise", "d"])
        .prob("d", "ok", 0.8)
        .prob("d", "ko", 0.2);
    if reads { b.checks("claim", &["arrete"]).build() } else { b.build() }
}

#[test]
fn reads_the_influence_through_what_the_user_hands_in() {
    // The claim is made on the decree: the decree's work is what the refusal comes after.
    check(&claim_after(true), "late-knockout", &[]);
    // Near miss: a claim that does not rest on the earlier work, refused on the claim alone.
    check(&claim_after(false), "late-knockout", &["d expertise instr"]);
    // The plans handed in with the form do not make the work on the plans influence a
    // refusal decided on the form.
    let p = B { p: late(&["formulaire"]) }.requests("depot", &["plans"]).build();
    let mut p = p;
    if let Some(instr) = p.step_mut("instr") {
        instr.checks = vec!["plans".into()];
    }
    check(&p, "late-knockout", &["d sign instr"]);
}

/// The work of a first stage, then the user's own work on what it granted (receiving
/// children under the agrément: `internal` in the user's lane, or at the `counter` when the
/// administration calls them in), then a renewal refused on a new examination.
fn after_the_users_work(channel: Channel) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("instr", "b", "Instruire la demande et rédiger le rapport")
        .dur("instr", 120.0)
        .produces("instr", &["rapport"])
        .approval("agrement", "c", "Accorder l'agrément")
        .checks("agrement", &["rapport"])
        .produces("agrement", &["agrement"])
        .task("exercice", "u", "Accueillir des enfants pendant la durée de l'agrément")
        .channel("exercice", channel)
        .check("visite", "b", "Évaluer la pratique au renouvellement")
        .dur("visite", 60.0)
        .produces("visite", &["rapport-renouvellement"])
        .decision("d")
        .end("ok")
        .refused("ko")
        .chain(&["s", "instr", "agrement", "exercice", "visite", "d"])
        .prob("d", "ok", 0.95)
        .prob("d", "ko", 0.05)
        .build()
}

#[test]
fn does_not_look_past_the_users_own_work() {
    check(&after_the_users_work(Channel::Internal), "late-knockout", &[]);
    // Near miss: a step where the user comes to the administration is no earlier stage.
    check(&after_the_users_work(Channel::Counter), "late-knockout", &["d visite instr agrement"]);
}

#[test]
fn does_not_fire_without_evidence_in_the_data() {
    // Nothing before the decision produces anything: no sign that the decision ignores it.
    let p = B::new()
        .start("s")
        .task("instr", "b", "Instruire la demande")
        .dur("instr", 120.0)
        .approval("sign", "c", "Signer")
        .decision("d")
        .end("ok")
        .refused("ko")
        .chain(&["s", "instr", "sign", "d"])
        .prob("d", "ok", 0.7)
        .prob("d", "ko", 0.3)
        .build();
    check(&p, "late-knockout", &[]);
}

#[test]
fn does_not_fire_after_little_work_or_without_a_refusal() {
    let p = B::new()
        .start("s")
        .check("c", "b", "Vérifier la recevabilité")
        .dur("c", 10.0)
        .decision("d")
        .end("ok")
        .refused("ko")
        .chain(&["s", "c", "d"])
        .prob("d", "ok", 0.7)
        .prob("d", "ko", 0.3)
        .build();
    check(&p, "late-knockout", &[]);
}
/// A plan granted after an examination, then carried out month after month: the debit of
/// each month, then whether it was honoured (a rejected one lapses the plan), then whether
/// months remain. With `way_round` the loop goes back through steps of its own that ask the
/// user for something again (a return, not the next period).
fn monthly(way_round: Option<&str>) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("depot", "u", "Demander des délais de paiement")
        .requests("depot", &["justificatifs"])
        .check("examen", "b", "Examiner les ressources et les charges")
        .dur("examen", 60.0)
        .checks("examen", &["justificatifs"])
        .task("plan", "b", "Calculer l'échéancier")
        .dur("plan", 20.0)
        .produces("plan", &["echeancier"])
        .approval("accord", "c", "Accorder les délais")
        .dur("accord", 10.0)
        .checks("accord", &["echeancier"])
        .task("prel", "b", "Prélever l'échéance du mois")
        .produces("prel", &["echeance"])
        .decision("honoree")
        .task("caduc", "b", "Notifier la caducité du plan")
        .decision("reste")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "examen", "plan", "accord", "prel", "honoree"])
        .prob("honoree", "caduc", 0.05)
        .prob("honoree", "reste", 0.95)
        .chain(&["caduc", "ko"])
        .prob("reste", "ok", 0.1);
    match way_round {
        None => b.prob("reste", "prel", 0.9).build(),
        Some(step) => b
            .task(step, "b", "Demander un nouveau RIB")
            .produces(step, &["demande"])
            .task("rib", "u", "Fournir un nouveau RIB")
            .requests("rib", &["rib"])
            .prob("reste", step, 0.9)
            .chain(&[step, "rib", "prel"])
            .build(),
    }
}

#[test]
fn a_knockout_at_one_period_of_a_granted_service_is_not_late() {
    check(&monthly(None), "late-knockout", &[]);
}

#[test]
fn a_knockout_inside_a_return_is_still_read() {
    check(&monthly(Some("relance")), "late-knockout", &["honoree prel examen plan accord"]);
}

/// The instruction (90 minutes, writing the report and the draft order), the director's visa
/// (`visa_reads` the report or nothing), then the signature by delegation of another lane,
/// naming no data, and the refusal.
fn visa_then_signature(visa_reads: &[&str]) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["formulaire"])
        .task("instr", "b", "Instruire et rédiger le projet d'arrêté")
        .dur("instr", 90.0)
        .checks("instr", &["formulaire"])
        .produces("instr", &["rapport"])
        .approval("visa", "dir", "Viser le projet d'arrêté")
        .dur("visa", 10.0)
        .checks("visa", visa_reads)
        .approval("signature", "sg", "Signer l'arrêté par délégation du préfet")
        .dur("signature", 5.0)
        .decision("d")
        .task("notif", "b", "Notifier l'arrêté")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "instr", "visa", "signature", "d"])
        .prob("d", "notif", 0.7)
        .prob("d", "ko", 0.3)
        .chain(&["notif", "ok"])
        .build()
}

#[test]
fn a_signature_after_a_visa_rests_on_what_the_visa_read() {
    // The secretary general signs the draft the director's visa read: the refusal rests on the
    // report, not on nothing.
    check(&visa_then_signature(&["rapport"]), "late-knockout", &[]);
    // Near miss: a visa that names nothing either leaves the signature resting on nothing of the
    // data, and the refusal still reads as late.
    check(&visa_then_signature(&[]), "late-knockout", &["d signature instr visa"]);
}

/// The examination (90 minutes, producing the technical opinion), the proposed amount keyed into
/// the tool at `keyed_at` ("instr" itself or a short keying step after it), then the committee
/// that sets the programme on that amount, and the refusal.
fn programmed(keyed_at: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["formulaire"])
        .task("instr", "b", "Examiner les actions et proposer un montant")
        .dur("instr", 90.0)
        .checks("instr", &["formulaire"])
        .produces("instr", &["avis"])
        .task("saisie", "b", "Reporter la proposition dans l'outil")
        .dur("saisie", 5.0)
        .enters(keyed_at, &["proposition"])
        .approval("commission", "c", "Arrêter la programmation en commission")
        .dur("commission", 10.0)
        .checks("commission", &["proposition"])
        .decision("d")
        .task("notif", "b", "Notifier l'accord")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "instr", "saisie", "commission", "d"])
        .prob("d", "notif", 0.8)
        .prob("d", "ko", 0.2)
        .chain(&["notif", "ok"])
        .build()
}

#[test]
fn the_work_that_keys_in_what_the_decision_checks_influences_it() {
    // The examination keys in the amount it proposes: the committee decides on it.
    check(&programmed("instr"), "late-knockout", &[]);
    // Near miss: only the short keying step after it enters the amount, the examination's
    // opinion is ignored: the refusal owes nothing to the 90 minutes.
    check(&programmed("saisie"), "late-knockout", &["d commission instr"]);
}

/// The instruction (90 minutes, producing the opinion, reading the form when `reads`), the
/// proposal written by another service naming nothing it reads, the head's signature of the
/// proposal, and the refusal for one file in five.
fn proposed(reads: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["formulaire"])
        .task("instr", "d", "Instruire sur place et rédiger le rapport")
        .dur("instr", 90.0)
        .produces("instr", &["rapport"])
        .task("proposer", "b", "Proposer la décision")
        .dur("proposer", 20.0)
        .produces("proposer", &["projet"])
        .approval("signer", "c", "Signer la décision")
        .dur("signer", 10.0)
        .checks("signer", &["projet"])
        .decision("d")
        .task("notif", "b", "Notifier l'accord")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "instr", "proposer", "signer", "d"])
        .prob("d", "notif", 0.8)
        .prob("d", "ko", 0.2)
        .chain(&["notif", "ok"]);
    if reads { b.checks("instr", &["formulaire"]).build() } else { b.build() }
}

#[test]
fn a_proposal_naming_nothing_it_reads_rests_on_the_examination_before_it() {
    // The gestionnaire's proposal is written from the inspectors' report, whatever their lane:
    // the refusal the head signs rests on the instruction.
    check(&proposed(true), "late-knockout", &[]);
    // Near miss: an instruction that names nothing it reads gives the proposal nothing the data
    // shows to rest on.
    check(&proposed(false), "late-knockout", &["d signer instr"]);
}

/// The examination (90 minutes, reading the form), the opinion that keys in the arrangements it
/// proposes (named by no other step when `born_there`; otherwise the form's, keyed from it),
/// the signature of the opinion, and the refusal for one file in five.
fn opinion(born_there: bool) -> crate::model::Procedure {
    let keyed = if born_there { "amenagements" } else { "formulaire" };
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["formulaire"])
        .check("examen", "d", "Examiner la situation du candidat")
        .dur("examen", 90.0)
        .checks("examen", &["formulaire"])
        .produces("examen", &["compte-rendu"])
        .task("avis", "b", "Rédiger l'avis")
        .dur("avis", 20.0)
        .enters("avis", &[keyed])
        .produces("avis", &["avis-doc"])
        .approval("signer", "c", "Signer la décision")
        .dur("signer", 10.0)
        .checks("signer", &["avis-doc"])
        .decision("d")
        .task("notif", "b", "Notifier l'accord")
        .end("ok")
        .refused("ko")
        .chain(&["s", "depot", "examen", "avis", "signer", "d"])
        .prob("d", "notif", 0.8)
        .prob("d", "ko", 0.2)
        .chain(&["notif", "ok"])
        .build()
}

#[test]
fn an_opinion_keying_in_what_it_proposes_rests_on_the_examination_before_it() {
    // The arrangements are born in the opinion: it is written from the examination.
    check(&opinion(true), "late-knockout", &[]);
}
