//! `rework-loop` on loops that repeat the service period after period (`period_loop`): the
//! month's claim, the contract renewed by an act, the year's account approved, the yearly check
//! the year settles, the card renewed: no return, while their near misses are.

use crate::analysis::testkit::{B, check};

/// Each month the employer claims the indemnity, the service validates the claim, the
/// allocation is paid, and "Autre mois ?" goes round again: `payer` is the step before the
/// decision, `fix` a step of its own on the way round when given.
fn monthly(payer: (&str, &str), fix: Option<&str>) -> B {
    let b = B::new()
        .start("s")
        .task("claim", "u", "Déposer la demande d'indemnisation du mois")
        .wait("claim", 8400.0)
        .check("valid", "b", "Valider la demande d'indemnisation")
        .dur("valid", 10.0);
    let b = match payer.0 {
        "check" => b.check("pay", "d", payer.1),
        _ => b.task("pay", "d", payer.1),
    };
    let b = b.decision("d").end("e").chain(&["s", "claim", "valid", "pay", "d"]).prob("d", "e", 0.33);
    match fix {
        Some(label) => b.task("fix", "u", label).prob("d", "fix", 0.67).chain(&["fix", "claim"]),
        None => b.prob("d", "claim", 0.67),
    }
}

#[test]
fn is_silent_on_a_loop_that_repeats_the_period() {
    // Period after period: nothing is done again for the same file.
    check(&monthly(("task", "Verser l'allocation"), None).build(), "rework-loop", &[]);
    // Near misses: a verification decides the way round (a return); the way round has a step
    // of its own (the claim corrected); the step before the decision says it verifies.
    check(&monthly(("check", "Contrôler le paiement"), None).build(), "rework-loop", &["claim valid pay d"]);
    check(
        &monthly(("task", "Verser l'allocation"), Some("Corriger la demande")).build(),
        "rework-loop",
        &["claim valid pay d fix"],
    );
    check(&monthly(("task", "Instruire la demande"), None).build(), "rework-loop", &["claim valid pay d"]);
}

/// A contract reviewed every six months and renewed by a signed amendment the user signs too;
/// `back` is what the user does on the way round: sign the amendment, or hand pieces back in.
pub(super) fn renewed(back: &str) -> B {
    let b = B::new()
        .start("s")
        .task("sign", "u", "Signer le contrat")
        .check("review", "a", "Faire le bilan du contrat")
        .wait("review", 52920.0)
        .checks("review", &["contrat"])
        .produces("review", &["bilan"])
        .decision("d")
        .approval("avenant", "c", "Signer l'avenant de renouvellement")
        .checks("avenant", &["bilan"])
        .task("user", "u", "Signer l'avenant")
        .end("e")
        .chain(&["s", "sign", "review", "d"])
        .prob("d", "avenant", 0.6)
        .prob("d", "e", 0.4)
        .chain(&["avenant", "user", "review"]);
    match back {
        "signs" => b.produces("avenant", &["avenant-doc"]).checks("user", &["avenant-doc"]),
        "hands in" => b.produces("avenant", &["avenant-doc"]).requests("user", &["justificatif"]),
        _ => b,
    }
}

#[test]
fn is_silent_on_a_contract_renewed_by_an_act_after_its_review() {
    // The review decides, the authority signs the amendment, the next term begins.
    check(&renewed("signs").build(), "rework-loop", &[]);
    check(&renewed("signs").build(), "waiting", &[]);
    // Near misses: the way round asks the user for a piece (a return); the approval on the
    // way round issues no act (a visa of the review, not a renewal: drawn without a document and
    // labelled as a visa, since a label that names the renewal says the act, see `sparse_tests`).
    check(&renewed("hands in").build(), "rework-loop", &["review d avenant user"]);
    let mut visa = renewed("visa").build();
    if let Some(s) = visa.step_mut("avenant") {
        s.label = Some("Viser le bilan du contrat".to_owned());
    }
    check(&visa, "rework-loop", &["review d avenant user"]);
}

#[test]
fn is_silent_on_a_period_with_a_knock_out_inside_the_pass() {
    // Each sick note is checked now and then by an approved doctor: a note not justified ends
    // the case (back to work), a justified one goes on with the pay; "Arrêt prolongé ?" then
    // starts the next note. The counter-visit's decision stops the case, it sends nothing back.
    let notes = |after_ko: &str| {
        let b = B::new()
            .start("s")
            .task("note", "u", "Adresser l'avis d'arrêt de travail")
            .check("visit", "d", "Examiner l'agent en contre-visite")
            .decision("justified")
            .task("pay", "b", "Maintenir le traitement du mois")
            .decision("d")
            .end("e")
            .refused("back")
            .chain(&["s", "note", "visit", "justified"])
            .prob("justified", "pay", 0.8)
            .chain(&["pay", "d"])
            .prob("d", "note", 0.3)
            .prob("d", "e", 0.7);
        match after_ko {
            "refused" => b.prob("justified", "back", 0.2),
            "granted" => b.end("ok").prob("justified", "ok", 0.2),
            // The decision also sends the note back to be corrected: a return.
            _ => b
                .prob("justified", "back", 0.1)
                .task("fix", "u", "Corriger l'avis d'arrêt")
                .prob("justified", "fix", 0.1)
                .chain(&["fix", "note"]),
        }
    };
    check(&notes("refused").build(), "rework-loop", &[]);
    // Near misses: the way out of the decision after the counter-visit is not a refusal; it
    // also sends the note back to be corrected.
    check(&notes("granted").build(), "rework-loop", &["note visit justified pay d"]);
    check(&notes("return").build(), "rework-loop", &["note visit justified pay d fix"]);
}

#[test]
fn is_silent_on_a_period_paid_by_an_accountant_who_controls_the_order() {
    // Each term the order to pay is liquidated, then the accountant controls it and pays: the
    // control is how the payment is made, and once paid the case can close.
    let termly = |label: &str, pays: bool| {
        let b = B::new()
            .start("s")
            .task("liq", "g", "Liquider la bourse du trimestre")
            .wait("liq", 25200.0)
            .produces("liq", &["ordre"])
            .task("pay", "c", label)
            .checks("pay", &["ordre"])
            .decision("d")
            .end("e")
            .chain(&["s", "liq", "pay", "d"])
            .prob("d", "liq", 0.67)
            .prob("d", "e", 0.33);
        if pays { b.produces("pay", &["versement"]) } else { b }
    };
    check(&termly("Contrôler l'ordre de payer et verser la bourse", true).build(), "rework-loop", &[]);
    // Near misses: a control that delivers nothing decides the way round (a return); a
    // delivering control after which more work follows before the case can close.
    check(&termly("Contrôler l'ordre de payer", false).build(), "rework-loop", &["liq pay d"]);
    let mut more = termly("Contrôler l'ordre de payer et verser la bourse", true).build();
    let out = more.flows().find(|f| f.from == "d" && f.to == "e").map(|f| f.flow.id.clone()).unwrap();
    more.remove_flow(&out).unwrap();
    let more = B { p: more }.task("clos", "g", "Clôturer le dossier").prob("d", "clos", 0.33).chain(&["clos", "e"]);
    check(&more.build(), "rework-loop", &["liq pay d"]);
}

/// Each year the mandataire renders the account, the greffe checks it against its pieces and
/// approves it, then "Mesure encore en cours l'an prochain ?" goes straight back to the next
/// account (`p_round`) or ends the measure.
pub(super) fn yearly_account(p_round: f64, act: bool) -> B {
    let b = B::new()
        .start("s")
        .task("inv", "m", "Dresser l'inventaire")
        .produces("inv", &["inventaire"])
        .task("compte", "m", "Établir le compte de gestion annuel")
        .wait("compte", 92400.0)
        .produces("compte", &["compte-doc"])
        .check("verif", "g", "Vérifier le compte de gestion")
        .checks("verif", &["compte-doc", "inventaire"])
        .approval("approuver", "g", "Approuver le compte de gestion")
        .checks("approuver", &["compte-doc"])
        .decision("d")
        .end("e")
        .chain(&["s", "inv", "compte", "verif", "approuver", "d"])
        .prob("d", "compte", p_round)
        .prob("d", "e", 1.0 - p_round);
    if act { b.produces("approuver", &["approbation"]) } else { b }
}

#[test]
fn is_silent_on_a_period_closed_by_the_act_that_approves_it() {
    // The account of each year is approved, the next year's follows: periods, not returns, and
    // the year before each account is its calendar.
    check(&yearly_account(0.8, true).build(), "rework-loop", &[]);
    check(&yearly_account(0.8, true).build(), "waiting", &[]);
    // Near misses: a signature refused that sends the file straight back to be redone goes
    // round in fewer cases than it lets through (a return); an approval that issues no act (a
    // visa, drawn without a document and labelled as one: a label that approves says the act,
    // see `sparse_tests`) does not close a period.
    check(&yearly_account(0.2, true).build(), "rework-loop", &["compte verif approuver d"]);
    let mut visa = yearly_account(0.8, false).build();
    if let Some(s) = visa.step_mut("approuver") {
        s.label = Some("Viser le compte de gestion".to_owned());
    }
    check(&visa, "rework-loop", &["compte verif approuver d"]);
}

/// Each year the company works (its own calendar), justifies its financial standing, the service
/// checks it; `verdict` says what follows the check: "inside" (the formal notice, the capital
/// made good, checked again), "withdrawn" (the licence withdrawn: a refusal), or "none" (the check
/// goes straight to the decision that goes round). Then "L'entreprise poursuit-elle ?" goes back
/// to the next year, or ends.
fn yearly_check(verdict: &str) -> crate::model::Procedure {
    let mut b = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande d'inscription")
        .task("inscrire", "b", "Inscrire l'entreprise au registre")
        .produces("inscrire", &["inscription"])
        .task("exercer", "u", "Exploiter les véhicules pendant l'exercice")
        .channel("exercer", crate::model::Channel::Internal)
        .wait("exercer", 92400.0)
        .task("justifier", "u", "Justifier de la capacité financière")
        .requests("justifier", &["attestation"])
        .check("controler", "b", "Contrôler la capacité financière")
        .checks("controler", &["attestation"])
        .dur("controler", 15.0)
        .decision("poursuite")
        .end("e")
        .chain(&["s", "depot", "inscrire", "exercer", "justifier", "controler"])
        .prob("poursuite", "exercer", 0.9)
        .prob("poursuite", "e", 0.1);
    b = match verdict {
        "none" => b.chain(&["controler", "poursuite"]),
        _ => {
            let b = b.decision("maintien").chain(&["controler", "maintien"]).prob("maintien", "poursuite", 0.9);
            if verdict == "inside" {
                b.task("demeure", "b", "Mettre l'entreprise en demeure de régulariser")
                    .task("regulariser", "u", "Régulariser la capacité financière")
                    .requests("regulariser", &["attestation"])
                    .chain(&["demeure", "regulariser", "controler"])
                    .prob("maintien", "demeure", 0.1)
            } else {
                b.task("radier", "b", "Radier l'entreprise du registre")
                    .refused("ko")
                    .chain(&["radier", "ko"])
                    .prob("maintien", "radier", 0.1)
            }
        }
    };
    b.build()
}

#[test]
fn is_silent_on_a_yearly_check_whose_verdict_the_pass_settles() {
    // The year's check answered inside the year (the formal notice, the capital made good) or by
    // withdrawing the licence, then the company goes on to the next year: periods, not returns.
    check(&yearly_check("inside"), "rework-loop", &[]);
    check(&yearly_check("withdrawn"), "rework-loop", &[]);
    // Near miss: a check whose verdict is the decision that goes round sends the file round.
    check(&yearly_check("none"), "rework-loop", &["exercer justifier controler poursuite"]);
}

/// The card granted, `period` the holder's years under it (their own work) or the service's
/// follow-up, the reminder of its term, then `filing` files again for the next three years.
fn renewed_card(period: bool, filing: &str) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande de carte")
        .requests("depot", &["kbis"])
        .check("examen", "b", "Examiner la demande")
        .checks("examen", &["kbis"])
        .task("edition", "b", "Éditer la carte")
        .produces("edition", &["carte"]);
    let b = if period {
        b.task("exercice", "u", "Exercer sous la carte").channel("exercice", crate::model::Channel::Internal)
    } else {
        b.task("exercice", "b", "Suivre le dossier")
    };
    b.wait("exercice", 378000.0)
        .task("rappel", "b", "Rappeler l'échéance de la carte")
        .decision("d")
        .task("renouv", "u", filing)
        .requests("renouv", &["kbis"])
        .end("e")
        .chain(&["s", "depot", "examen", "edition", "exercice", "rappel", "d"])
        .prob("d", "renouv", 0.9)
        .prob("d", "e", 0.1)
        .chain(&["renouv", "examen"])
        .build()
}

#[test]
fn is_silent_on_the_renewal_of_what_the_user_held_for_a_period() {
    // Every three years the agency files the renewal of the card it practised under: the next
    // period, not a return.
    check(&renewed_card(true, "Déposer la demande de renouvellement de la carte"), "rework-loop", &[]);
    // Near misses: filing again without saying it renews, or a renewal with no period of the
    // user's own inside the loop, goes round as a return.
    check(
        &renewed_card(true, "Déposer à nouveau la demande"),
        "rework-loop",
        &["examen edition exercice rappel d renouv"],
    );
    check(
        &renewed_card(false, "Déposer la demande de renouvellement de la carte"),
        "rework-loop",
        &["examen edition exercice rappel d renouv"],
    );
}

/// [`renewed_card`] with a return inside each period: one request in four lacks the Kbis at the
/// examination; the service `asks` for it and the agency sends it.
fn renewed_card_with_returns(asks: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande de carte")
        .requests("depot", &["kbis"])
        .check("examen", "b", "Examiner la demande")
        .checks("examen", &["kbis"])
        .decision("complet")
        .task("demande", "b", asks)
        .task("envoi", "u", "Envoyer le Kbis")
        .requests("envoi", &["kbis"])
        .task("edition", "b", "Éditer la carte")
        .produces("edition", &["carte"])
        .task("exercice", "u", "Exercer sous la carte")
        .channel("exercice", crate::model::Channel::Internal)
        .wait("exercice", 378000.0)
        .task("rappel", "b", "Rappeler l'échéance de la carte")
        .decision("d")
        .task("renouv", "u", "Déposer la demande de renouvellement de la carte")
        .requests("renouv", &["kbis"])
        .end("e")
        .chain(&["s", "depot", "examen", "complet"])
        .prob("complet", "edition", 0.75)
        .prob("complet", "demande", 0.25)
        .chain(&["demande", "envoi", "examen"])
        .chain(&["edition", "exercice", "rappel", "d"])
        .prob("d", "renouv", 0.9)
        .prob("d", "e", 0.1)
        .chain(&["renouv", "examen"])
        .build()
}

#[test]
fn tells_a_return_inside_each_period() {
    // The renewal every three years is the next period; the Kbis asked again within one, before
    // the card is edited, is a return.
    check(&renewed_card_with_returns("Demander le Kbis manquant"), "rework-loop", &["examen complet demande envoi"]);
    // Near miss: the return goes through a formal notice, the law's answer within the period
    // (see `is_silent_on_a_yearly_check_whose_verdict_the_pass_settles`).
    check(&renewed_card_with_returns("Mettre l'agence en demeure de fournir son Kbis"), "rework-loop", &[]);
}

/// A registration on a taxi licence's waiting list: the candidate posts it, the service keys it
/// and sends the rank; each year no licence is free (`question`), the candidate renews it by
/// letter and the service records the renewal.
fn waiting_list(question: &str) -> crate::model::Procedure {
    let mut p = B::new()
        .start("s")
        .task("inscription", "u", "Demander l'inscription sur la liste d'attente")
        .requests("inscription", &["carte"])
        .task("enregistrer", "b", "Enregistrer l'inscription et envoyer le rang")
        .decision("d")
        .task("renouv", "u", "Renouveler son inscription par courrier")
        .wait("renouv", 92400.0)
        .requests("renouv", &["carte"])
        .check("maj", "b", "Enregistrer le renouvellement et vérifier la carte")
        .checks("maj", &["carte"])
        .task("attribuer", "b", "Attribuer la licence")
        .end("e")
        .chain(&["s", "inscription", "enregistrer", "d"])
        .prob("d", "renouv", 0.7)
        .prob("d", "attribuer", 0.3)
        .chain(&["renouv", "maj", "d"])
        .chain(&["attribuer", "e"])
        .build();
    if let Some(s) = p.step_mut("d") {
        s.label = Some(question.to_owned());
    }
    p
}

#[test]
fn is_silent_on_a_registration_renewed_each_year_the_decision_names() {
    // The year on the list, renewed while no licence is free: the next period, though the
    // candidate does no work of their own in it (a known false alarm on an unseen taxi licence).
    check(&waiting_list("Une licence se libère-t-elle dans l'année ?"), "rework-loop", &[]);
    check(&waiting_list("Une licence se libère-t-elle dans l'année ?"), "waiting", &[]);
    // Near miss: a decision that names no period goes round as a return.
    check(&waiting_list("Une licence est-elle libre ?"), "rework-loop", &["d renouv maj"]);
}

/// A resident's parking card renewed each year (`reminder`, then « Le résident renouvelle-t-il
/// sa carte ? »), whose renewal comes back into the instruction the returns for pieces come
/// back to: one strongly connected component holding both loops.
fn renewed_into_the_instruction(reminder: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("demande", "u", "Demander la carte résident sur le portail")
        .requests("demande", &["domicile"])
        .check("instruction", "b", "Vérifier les pièces et l'adresse")
        .checks("instruction", &["domicile"])
        .dur("instruction", 10.0)
        .decision("d-complet")
        .task("relance", "b", "Demander les pièces manquantes")
        .task("complement", "u", "Déposer les pièces manquantes")
        .requests("complement", &["domicile"])
        .task("emission", "b", "Émettre la carte et l'envoyer au résident")
        .task("echeance", "b", reminder)
        .wait("echeance", 97020.0)
        .decision("d-renouveler")
        .task("renouvellement", "u", "Demander le renouvellement sur le portail")
        .requests("renouvellement", &["domicile"])
        .refused("refus")
        .end("e")
        .chain(&["s", "demande", "instruction", "d-complet"])
        .prob("d-complet", "emission", 0.7)
        .prob("d-complet", "relance", 0.25)
        .prob("d-complet", "refus", 0.05)
        .chain(&["relance", "complement", "instruction"])
        .chain(&["emission", "echeance", "d-renouveler"])
        .prob("d-renouveler", "renouvellement", 0.8)
        .prob("d-renouveler", "e", 0.2)
        .chain(&["renouvellement", "instruction"])
        .build()
}

#[test]
fn tells_the_returns_apart_from_a_renewal_into_the_same_instruction() {
    // The year named before the renewal: the returns for pieces are told alone.
    check(
        &renewed_into_the_instruction("Rappeler au résident l'échéance annuelle de sa carte"),
        "rework-loop",
        &["instruction d-complet relance complement"],
    );
    // Near miss: no period named, the whole component is read as one loop of returns.
    check(
        &renewed_into_the_instruction("Rappeler au résident sa carte"),
        "rework-loop",
        &["instruction d-complet relance complement emission echeance d-renouveler renouvellement"],
    );
}
