use crate::analysis::testkit::{B, check};
use crate::model::Channel;

fn contacts(p_back: f64) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("u1", "u", "Déposer la demande")
        .task("a1", "a", "Convoquer")
        .task("u2", "u", "Se présenter à l'entretien")
        .check("c", "b", "Vérifier")
        .decision("d")
        .task("u3", "u", "Compléter")
        .end("e")
        .chain(&["s", "u1", "a1", "u2", "c", "d"])
        .prob("d", "u3", p_back)
        .prob("d", "e", 1.0 - p_back)
        .chain(&["u3", "e"])
        .build()
}

#[test]
fn fires_above_the_threshold() {
    check(&contacts(0.5), "too-many-contacts", &["u1 u2 u3"]);
}

#[test]
fn the_gain_is_the_contacts_above_the_threshold() {
    // 2.5 contacts per case, threshold 2: half a contact to save, not 1.5.
    let p = contacts(0.5);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "too-many-contacts")
        .expect("fired");
    assert!((f.gain.contacts - 0.5).abs() < 1e-9, "gain {}", f.gain.contacts);
}

#[test]
fn a_figure_just_above_the_threshold_is_written_above_it() {
    // 2.03 contacts: "2" would read as not above the threshold of 2.
    let said = |p_back: f64| {
        let f = crate::analysis::analyze(&contacts(p_back), &crate::analysis::Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "too-many-contacts")
            .expect("fired");
        (f.title_fr, f.explanation_fr, f.explanation_en)
    };
    let (title, fr, en) = said(0.03);
    assert!(title.ends_with(": 2,03 contacts avec l'usager par dossier"), "{title}");
    assert!(fr.starts_with("L'usager est sollicité en moyenne 2,03 fois par dossier (seuil : 2)"), "{fr}");
    assert!(en.starts_with("The user is solicited 2.03 times per file on average (threshold: 2)"), "{en}");
    // Beyond the threshold at the first decimal, one decimal; a whole number stays whole.
    assert!(said(0.3).1.contains(" 2,3 fois "), "{}", said(0.3).1);
    assert!(said(0.9996).1.contains(" 3 fois "), "{}", said(0.9996).1);
    // Above it only beyond the third decimal.
    assert!(said(0.0004).1.contains(" plus de 2 fois "), "{}", said(0.0004).1);
}

/// Two people served: the resident reports (once), the owner answers `owner` times (the
/// observations, the certificate of the works, a third exchange).
fn two_people(owner: usize) -> crate::model::Procedure {
    let mut b = B::new();
    b.p.actors.push(crate::model::Actor {
        id: "v".into(),
        name: "Propriétaire".into(),
        kind: crate::model::ActorKind::User,
        hourly_cost_eur: None,
        extra: crate::model::Extra::new(),
    });
    let answers = ["observations", "attestation", "pieces"];
    let mut chain = vec!["s", "signaler", "visite"];
    let mut b = b.start("s").task("signaler", "u", "Signaler le danger").task("visite", "b", "Visiter l'immeuble");
    for (i, id) in answers.iter().take(owner).enumerate() {
        let agent = ["courrier", "arrete", "constat"][i];
        b = b.task(agent, "b", "Écrire au propriétaire").task(id, "v", "Répondre à la mairie");
        chain.extend([agent, id]);
    }
    chain.push("e");
    b.end("e").chain(&chain).build()
}

#[test]
fn each_person_served_is_counted_on_their_own() {
    // The resident once, the owner twice: three steps of users, but nobody above two.
    check(&two_people(2), "too-many-contacts", &[]);
    // The owner three times: the finding names the owner's steps only, and their lane.
    let p = two_people(3);
    check(&p, "too-many-contacts", &["observations attestation pieces"]);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "too-many-contacts")
        .expect("fired");
    assert!(f.explanation_fr.starts_with("Le propriétaire est sollicité en moyenne 3 fois"), "{}", f.explanation_fr);
}

#[test]
fn a_person_is_named_as_agents_name_them() {
    // By the lane's name, with its article and agreement, not by "the lane".
    let said = |name: &str| {
        let p = super::Person::named(name);
        format!("{} {} sollicité{}", p.with_article(true), if p.plural { "sont" } else { "est" }, p.agreement())
    };
    assert_eq!(said("Propriétaire"), "Le propriétaire est sollicité");
    assert_eq!(
        said("Employeur (service des ressources humaines)"),
        "L'employeur (service des ressources humaines) est sollicité"
    );
    assert_eq!(said("Demandeuse d'asile"), "La demandeuse d'asile est sollicitée");
    assert_eq!(said("Société débitrice"), "La société débitrice est sollicitée");
    assert_eq!(said("Héritiers"), "Les héritiers sont sollicités");
    assert_eq!(said("Cheffe d'exploitation"), "La cheffe d'exploitation est sollicitée");
    // Near miss: an acronym keeps its capitals, and an epicene name reads masculine.
    assert_eq!(said("CCAS de la commune"), "Le CCAS de la commune est sollicité");
    assert_eq!(said("Bénéficiaire"), "Le bénéficiaire est sollicité");
}

#[test]
fn the_title_and_the_body_give_one_figure() {
    // 2.33 solicitations per case: « 2,3 » in the title and in the sentence, not « 2,33 ».
    let p = contacts(1.0 / 3.0);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "too-many-contacts")
        .expect("fired");
    assert!(f.title_fr.contains("2,3 contacts avec l'usager"), "{}", f.title_fr);
    assert!(f.explanation_fr.starts_with("L'usager est sollicité en moyenne 2,3 fois"), "{}", f.explanation_fr);
    // Near miss: a whole number stays whole in both.
    let p = two_people(3);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "too-many-contacts")
        .expect("fired");
    assert!(f.title_fr.contains("3 contacts avec le propriétaire par dossier"), "{}", f.title_fr);
}

/// The seller's check-up at a garage, their declaration online, then the papers handed to
/// the buyer (`to_buyer`) or posted to the office (else); the buyer files the request.
fn seller_and_buyer(to_buyer: bool) -> crate::model::Procedure {
    let mut b = B::new();
    b.p.actors.push(crate::model::Actor {
        id: "acheteur".into(),
        name: "Acheteur".into(),
        kind: crate::model::ActorKind::User,
        hourly_cost_eur: None,
        extra: crate::model::Extra::new(),
    });
    let b = b
        .start("s")
        .task("controle", "u", "Présenter le véhicule au contrôle technique")
        .task("centre", "c", "Réaliser le contrôle technique")
        .task("declarer", "u", "Déclarer la cession en ligne")
        .task("remettre", "u", "Remettre les papiers du véhicule")
        .produces("remettre", &["certificat-barre"])
        .task("demander", "acheteur", "Faire la demande d'immatriculation")
        .check("verifier", "b", "Vérifier la demande")
        .end("e")
        .channel("controle", Channel::Counter)
        .channel("declarer", Channel::Online)
        .channel("remettre", Channel::Counter)
        .wait("declarer", 2880.0)
        .wait("remettre", 2880.0);
    if to_buyer {
        b.chain(&["s", "controle", "centre", "declarer", "remettre", "demander", "verifier", "e"]).build()
    } else {
        b.task("enregistrer", "b", "Enregistrer les papiers reçus")
            .chain(&["s", "controle", "centre", "declarer", "remettre", "enregistrer", "demander", "verifier", "e"])
            .build()
    }
}

#[test]
fn a_handover_between_two_people_served_is_no_solicitation() {
    // The check-up and the declaration: two solicitations of the seller, at the threshold.
    check(&seller_and_buyer(true), "too-many-contacts", &[]);
    // Near misses: the papers posted to an office are a third one; so is the seller's
    // appearance that hands nothing (heard, say, before the buyer is).
    check(&seller_and_buyer(false), "too-many-contacts", &["controle declarer remettre"]);
    let mut p = seller_and_buyer(true);
    p.step_mut("remettre").expect("the handover").produces.clear();
    check(&p, "too-many-contacts", &["controle declarer remettre"]);
}

#[test]
fn does_not_fire_at_the_threshold() {
    // Two contacts, the third step is never taken.
    check(&contacts(0.0), "too-many-contacts", &[]);
}

/// Three user steps: the request at the desk, the deed signed and paid at the same desk while
/// the agent draws it up (`between` is the agent's step), the hand-over of a document later.
fn one_visit(between_wait: f64, channel: Channel) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("demande", "u", "Demander une concession au guichet")
        .task("redaction", "a", "Rédiger l'acte de concession")
        .task("paiement", "u", "Signer l'acte et payer")
        .task("remise", "u", "Retirer le titre")
        .end("e")
        .chain(&["s", "demande", "redaction", "paiement", "remise", "e"])
        .channel("demande", channel)
        .channel("redaction", channel)
        .channel("paiement", channel)
        .channel("remise", Channel::Counter)
        .wait("demande", 120.0)
        .dur("redaction", 15.0)
        .wait("redaction", between_wait)
        .wait("remise", 2880.0)
        .build()
}

#[test]
fn steps_of_one_visit_count_once() {
    // Request, then deed signed on the spot while the agent draws it up: one visit, plus the
    // hand-over later: 2 solicitations, at the threshold.
    check(&one_visit(0.0, Channel::Counter), "too-many-contacts", &[]);
    // The same on the phone.
    check(&one_visit(0.0, Channel::Phone), "too-many-contacts", &[]);
}

#[test]
fn a_step_without_channel_continues_the_sitting_it_follows() {
    // The deed signed with its channel left out, right after the agent's step at the counter:
    // signed there, in the same visit.
    let mut p = one_visit(0.0, Channel::Counter);
    p.step_mut("paiement").expect("the deed").channel = None;
    check(&p, "too-many-contacts", &[]);
    // So after a short wait in the hall.
    let mut p = one_visit(30.0, Channel::Counter);
    p.step_mut("paiement").expect("the deed").channel = None;
    check(&p, "too-many-contacts", &[]);
    // And with the front office's drafting without a channel between (the reception desk
    // the user meets).
    let mut p = one_visit(0.0, Channel::Counter);
    p.step_mut("paiement").expect("the deed").channel = None;
    p.step_mut("redaction").expect("the drafting").channel = None;
    check(&p, "too-many-contacts", &[]);
    // Near misses: a back office's step without a channel between (a signature between two
    // visits), a long wait, or a step behind on another channel than the one the step is
    // drawn on are another sitting.
    p.step_mut("redaction").expect("the drafting").actor = Some("b".into());
    check(&p, "too-many-contacts", &["demande paiement remise"]);
    let mut p = one_visit(420.0, Channel::Counter);
    p.step_mut("paiement").expect("the deed").channel = None;
    check(&p, "too-many-contacts", &["demande paiement remise"]);
    let mut p = one_visit(0.0, Channel::Counter);
    p.step_mut("redaction").expect("the drafting").channel = Some(Channel::Mail);
    check(&p, "too-many-contacts", &["demande paiement remise"]);
}

#[test]
fn a_short_wait_on_the_spot_does_not_end_the_visit() {
    // The victim waits half an hour in the hall before the hearing, then signs the
    // procès-verbal: still one visit, plus the hand-over later.
    check(&one_visit(30.0, Channel::Counter), "too-many-contacts", &[]);
    check(&one_visit(30.0, Channel::Phone), "too-many-contacts", &[]);
    // Near miss: by mail, even a short wait is the agent working on the letter once sent.
    check(&one_visit(30.0, Channel::Mail), "too-many-contacts", &["demande paiement remise"]);
    // Near miss: two hours is not waiting on the spot.
    check(&one_visit(120.0, Channel::Counter), "too-many-contacts", &["demande paiement remise"]);
}

#[test]
fn a_wait_or_a_letter_between_two_steps_makes_two_contacts() {
    // The agent's step waits: the user has gone home and comes back.
    check(&one_visit(420.0, Channel::Counter), "too-many-contacts", &["demande paiement remise"]);
    // By mail, the agent works on the file once it is sent: the signed deed is a second letter.
    check(&one_visit(0.0, Channel::Mail), "too-many-contacts", &["demande paiement remise"]);
}

/// A commune asks for a grant: its council votes, it files online, completes the file half the
/// time, does the works, then asks for the payment; `own` is the channel of the council's vote
/// and of the works, `back` the share of files sent back.
fn commune(own: Channel, back: f64) -> crate::model::Procedure {
    B::new()
        .start("s")
        .approval("vote", "u", "Approuver le projet en conseil municipal")
        .task("depot", "u", "Déposer la demande de subvention")
        .check("c", "b", "Vérifier la complétude")
        .decision("d")
        .task("complement", "u", "Compléter le dossier")
        .task("travaux", "u", "Réaliser les travaux et mandater les factures")
        .task("paiement", "u", "Demander le paiement")
        .end("e")
        .chain(&["s", "vote", "depot", "c", "d"])
        .prob("d", "complement", back)
        .prob("d", "travaux", 1.0 - back)
        .chain(&["complement", "c"])
        .chain(&["travaux", "paiement", "e"])
        .channel("vote", own)
        .channel("depot", Channel::Online)
        .channel("complement", Channel::Online)
        .channel("travaux", own)
        .channel("paiement", Channel::Online)
        .wait("depot", 420.0)
        .wait("paiement", 4200.0)
        .build()
}

#[test]
fn the_users_own_work_inside_their_organisation_is_no_solicitation() {
    // The vote and the works are the commune's own: the filing, the returns and the payment
    // request are 2.25 solicitations, the steps named those three.
    check(&commune(Channel::Internal, 0.2), "too-many-contacts", &["depot complement paiement"]);
    // Never sent back: the filing and the payment request, at the threshold.
    check(&commune(Channel::Internal, 0.0), "too-many-contacts", &[]);
    // Near miss: the same steps done by post are sent to the administration: each counts.
    check(&commune(Channel::Mail, 0.0), "too-many-contacts", &["vote depot travaux paiement"]);
}

#[test]
fn the_explanation_says_which_step_is_the_same_visit() {
    let p = B::new()
        .start("s")
        .task("u1", "u", "Déposer la demande")
        .task("u2", "u", "Signer le récépissé")
        .task("u3", "u", "Se présenter à l'entretien")
        .task("u4", "u", "Retirer le titre")
        .end("e")
        .chain(&["s", "u1", "u2", "u3", "u4", "e"])
        .channel("u1", Channel::Counter)
        .channel("u2", Channel::Counter)
        .wait("u3", 2880.0)
        .wait("u4", 2880.0)
        .build();
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "too-many-contacts")
        .expect("fired: 3 sittings");
    assert!(f.title_fr.contains("3 contacts"), "{}", f.title_fr);
    assert!(
        f.explanation_fr
            .contains("L'étape « Signer le récépissé » se fait lors du même passage que celle qui la précède"),
        "{}",
        f.explanation_fr
    );
    assert!((f.gain.contacts - 1.0).abs() < 1e-9, "gain {}", f.gain.contacts);
}

/// The return filed online, recorded by the teleservice (lane `t`, after `t_wait` minutes),
/// then the claim filed, then the pieces sent later on request.
fn online_session(t_wait: f64) -> crate::model::Procedure {
    let mut b = B::new();
    b.p.actors.push(crate::model::Actor {
        id: "t".into(),
        name: "Espace professionnel".into(),
        kind: crate::model::ActorKind::System,
        hourly_cost_eur: None,
        extra: crate::model::Extra::new(),
    });
    b.start("s")
        .task("declarer", "u", "Déposer la déclaration")
        .task("enregistrer", "t", "Enregistrer la déclaration")
        .task("demander", "u", "Déposer la demande de remboursement")
        .task("examiner", "b", "Examiner la demande")
        .task("pieces", "u", "Transmettre les factures")
        .end("e")
        .channel("declarer", Channel::Online)
        .channel("enregistrer", Channel::Online)
        .channel("demander", Channel::Online)
        .channel("pieces", Channel::Online)
        .wait("enregistrer", t_wait)
        .chain(&["s", "declarer", "enregistrer", "demander", "examiner", "pieces", "e"])
        .build()
}

#[test]
fn the_teleservice_recording_a_form_does_not_end_the_online_session() {
    // The return and the claim in one session, the pieces later: 2 solicitations.
    check(&online_session(0.0), "too-many-contacts", &[]);
    // Near misses: a teleservice that records the return overnight, or a back office's step
    // between the two forms, leaves the claim to another session: 3.
    check(&online_session(420.0), "too-many-contacts", &["declarer demander pieces"]);
    let mut p = online_session(0.0);
    p.step_mut("enregistrer").expect("the recording").actor = Some("b".into());
    check(&p, "too-many-contacts", &["declarer demander pieces"]);
}

/// The registration filed, then each year the company works (its own calendar) and justifies
/// its financial standing, which the service checks; with `settled`, "Capacité maintenue ?"
/// withdraws the licence or goes on to "L'entreprise poursuit-elle ?", which goes round to the
/// next year (a loop of periods); without, the check goes straight to that decision (a return).
fn yearly(settled: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande d'inscription")
        .task("inscrire", "b", "Inscrire l'entreprise au registre")
        .produces("inscrire", &["inscription"])
        .task("exercer", "u", "Exploiter les véhicules pendant l'exercice")
        .channel("exercer", Channel::Internal)
        .wait("exercer", 92400.0)
        .task("justifier", "u", "Justifier de la capacité financière")
        .requests("justifier", &["attestation"])
        .check("controler", "b", "Contrôler la capacité financière")
        .checks("controler", &["attestation"])
        .decision("poursuite")
        .end("e")
        .chain(&["s", "depot", "inscrire", "exercer", "justifier", "controler"])
        .prob("poursuite", "exercer", 0.9)
        .prob("poursuite", "e", 0.1);
    if settled {
        b.decision("maintien")
            .task("radier", "b", "Radier l'entreprise du registre")
            .refused("ko")
            .chain(&["controler", "maintien"])
            .prob("maintien", "poursuite", 0.95)
            .prob("maintien", "radier", 0.05)
            .chain(&["radier", "ko"])
            .build()
    } else {
        b.chain(&["controler", "poursuite"]).build()
    }
}

#[test]
fn counts_the_solicitations_of_a_loop_of_periods_for_one_period() {
    // The filing, then one justification a year: two solicitations, at the threshold.
    check(&yearly(true), "too-many-contacts", &[]);
    // Near miss: a loop that sends the file back is no period, each pass is one more
    // solicitation (ten years: eleven).
    check(&yearly(false), "too-many-contacts", &["depot justifier"]);
}

/// The owner files, is refused, has the works done, files again and lets the dwelling once
/// authorised; the works and the letting drawn without their channel. `works_asked`: the works
/// step asks for a piece; `checked_after`: the administration takes the file up right after it.
fn works_then_letting(works_asked: bool, checked_after: bool) -> crate::model::Procedure {
    let mut b = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["dossier"])
        .approval("refus", "a", "Refuser l'autorisation")
        .produces("refus", &["decision"])
        .task("travaux", "u", "Faire réaliser les travaux prescrits")
        .checks("travaux", &["decision"])
        .task("redepot", "u", "Déposer une nouvelle demande")
        .requests("redepot", &["dossier"])
        .wait("redepot", 4200.0)
        .approval("accord", "a", "Autoriser la location")
        .produces("accord", &["autorisation"])
        .task("louer", "u", "Louer le logement")
        .checks("louer", &["autorisation"])
        .end("e");
    if works_asked {
        b = b.requests("travaux", &["attestation"]);
    }
    if checked_after {
        b = b
            .check("controle", "a", "Contrôler les travaux")
            .chain(&["s", "depot", "refus", "travaux", "controle", "redepot"]);
    } else {
        b = b.chain(&["s", "depot", "refus", "travaux", "redepot"]);
    }
    b.chain(&["redepot", "accord", "louer", "e"]).build()
}

#[test]
fn a_users_step_drawn_without_channel_that_the_administration_is_not_in_is_their_own_work() {
    // The works the refusal prescribes and the letting once authorised: the owner's own, asked
    // nothing there, the file going on only to their own steps: two solicitations, the filings.
    check(&works_then_letting(false, false), "too-many-contacts", &[]);
    // Near misses: the works step asks for a piece, or the administration takes the file up right
    // after it (it checks the works): a solicitation.
    check(&works_then_letting(true, false), "too-many-contacts", &["depot travaux redepot"]);
    check(&works_then_letting(false, true), "too-many-contacts", &["depot travaux redepot"]);
}

/// A request filed online, a return for a piece, the order notified, then the user's last step
/// `last` on `channel`, reading the order (and sending it back to the service when `back`).
fn after_the_order(last: &str, channel: Channel, back: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .check("instruction", "a", "Instruire la demande")
        .decision("d")
        .task("relance", "a", "Réclamer la pièce manquante")
        .task("piece", "u", "Envoyer la pièce manquante")
        .task("notification", "a", "Notifier l'arrêté à l'entreprise")
        .task("dernier", "u", last)
        .checks("dernier", &["arrete"])
        .channel("depot", Channel::Online)
        .channel("piece", Channel::Email)
        .channel("dernier", channel)
        .chain(&["s", "depot", "instruction", "d"])
        .prob("d", "relance", 0.3)
        .prob("d", "notification", 0.7)
        .chain(&["relance", "piece", "instruction"])
        .chain(&["notification", "dernier"]);
    let b = b.end("e");
    let b = if back {
        b.task("enregistrement", "a", "Enregistrer l'arrêté contresigné").chain(&["dernier", "enregistrement", "e"])
    } else {
        b.chain(&["dernier", "e"])
    };
    b.build()
}

#[test]
fn the_order_put_up_on_paper_where_the_user_is_is_no_solicitation() {
    // The order put up on the works site: the company acts on what it was handed, asks nothing of
    // anyone, and the file ends there: the filing and the return are 1.43 solicitations.
    check(&after_the_order("Afficher l'arrêté sur le chantier", Channel::Paper, false), "too-many-contacts", &[]);
    // Near misses: the order signed on paper and sent back to the service, which records it; the
    // same notice posted online (the platform is the administration's); each is one more.
    check(
        &after_the_order("Contresigner l'arrêté", Channel::Paper, true),
        "too-many-contacts",
        &["depot piece dernier"],
    );
    check(
        &after_the_order("Publier l'avis sur la plateforme", Channel::Online, false),
        "too-many-contacts",
        &["depot piece dernier"],
    );
}
