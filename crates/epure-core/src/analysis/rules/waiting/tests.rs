use crate::analysis::testkit::{B, check, fired};
use crate::model::Channel;

#[test]
fn fires_on_a_wait_that_dominates() {
    let p = B::new()
        .start("s")
        .task("t", "a", "Instruire")
        .dur("t", 60.0)
        .approval("c", "c", "Examiner en commission")
        .wait("c", 8400.0)
        .end("e")
        .chain(&["s", "t", "c", "e"])
        .build();
    check(&p, "waiting", &["c"]);
}

#[test]
fn tells_the_wait_of_the_files_that_go_through_a_rare_step() {
    // One file in five goes before the commission, which sits two months later.
    let rare = |p_commission: f64| {
        let p = B::new()
            .start("s")
            .task("t", "a", "Instruire")
            .dur("t", 60.0)
            .wait("t", 840.0)
            .decision("d")
            .approval("c", "c", "Examiner en commission")
            .wait("c", 16800.0)
            .end("e")
            .chain(&["s", "t", "d"])
            .prob("d", "c", p_commission)
            .prob("d", "e", 1.0 - p_commission)
            .chain(&["c", "e"])
            .build();
        the_waiting(&p)
    };
    let f = rare(0.2);
    assert!(
        f.explanation_fr.starts_with(
            "Le dossier attend 40 jours ouvrés avant l'étape « Examiner en commission » (Direction), par laquelle \
             passent 20 % des dossiers : 8 jours ouvrés en moyenne sur l'ensemble des dossiers, soit "
        ),
        "{}",
        f.explanation_fr
    );
    assert!(
        f.explanation_en.contains("which 20% of files go through: 8 working days on average"),
        "{}",
        f.explanation_en
    );
    // Most files go through it, not all: those that do wait the whole 40 days, the average is
    // less (the young people admitted to a foyer wait three weeks, not the average over the
    // refused too).
    let f = rare(0.8);
    assert!(
        f.explanation_fr.starts_with(
            "Le dossier attend 40 jours ouvrés avant l'étape « Examiner en commission » (Direction), par laquelle \
             passent 80 % des dossiers : 32 jours ouvrés en moyenne sur l'ensemble des dossiers, soit "
        ),
        "{}",
        f.explanation_fr
    );
    // Near miss: nearly every file goes through it; the average says it.
    let f = rare(0.97);
    assert!(
        f.explanation_fr.starts_with("Le dossier attend en moyenne 38,8 jours ouvrés avant l'étape"),
        "{}",
        f.explanation_fr
    );
}

#[test]
fn in_a_rework_loop_tells_the_files_sent_back_and_their_passes() {
    // A share of the files is sent back for missing pieces, each time three weeks of the
    // user's; a file sent back may be sent back again.
    let returns = |p_back: f64, waits_at: &str| {
        let p = B::new()
            .start("s")
            .check("t", "a", "Vérifier le dossier")
            .dur("t", 30.0)
            .decision("d")
            .task("c", "u", "Compléter le dossier")
            .wait(waits_at, 6300.0)
            .end("e")
            .chain(&["s", "t", "d"])
            .prob("d", "c", p_back)
            .prob("d", "e", 1.0 - p_back)
            .chain(&["c", "t"])
            .build();
        the_waiting(&p)
    };
    // Four files in ten are sent back, 1.7 times each: 25 days in all, not the 10 days the
    // average over every file (0.67 passes) says.
    let f = returns(0.4, "c");
    assert!(
        f.explanation_fr.starts_with(
            "L'attente avant l'étape « Compléter le dossier » (Usager), par laquelle passent 40 % des dossiers \
             (1,7 fois en moyenne), est de 25 jours ouvrés en tout : 10 jours ouvrés en moyenne sur l'ensemble des \
             dossiers, soit "
        ),
        "{}",
        f.explanation_fr
    );
    assert!(
        f.explanation_en.contains("which 40% of files go through (1.7 times on average), is 25 working days in all"),
        "{}",
        f.explanation_en
    );
    // Seven files in ten are sent back, 3.3 times each.
    let f = returns(0.7, "c");
    assert!(
        f.explanation_fr.contains("passent 70 % des dossiers (3,3 fois en moyenne), est de 50 jours ouvrés en tout"),
        "{}",
        f.explanation_fr
    );
    // Near miss: every file waits before the check, 2.3 times per file when seven in ten are sent
    // back: the wait of one pass, the passes and the average per file say it.
    let f = returns(0.7, "t");
    assert!(
        f.explanation_fr.contains("(Accueil) à chaque passage (3,3 passages en moyenne) : 50 jours ouvrés par dossier"),
        "{}",
        f.explanation_fr
    );
    assert!(
        f.explanation_en.contains("at each pass (3.3 passes on average): 50 working days per file"),
        "{}",
        f.explanation_en
    );
}

/// The `waiting` finding of a procedure the test draws with one.
fn the_waiting(p: &crate::model::Procedure) -> super::Finding {
    crate::analysis::analyze(p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "waiting")
        .expect("a waiting finding")
}

#[test]
fn tells_the_delay_of_the_files_that_take_a_rare_flow() {
    // One file in five is posted, which takes ten working days in the summer.
    let posted = |p_post: f64| {
        let p = B::new()
            .start("s")
            .decision("d")
            .task("courrier", "u", "Envoyer le formulaire")
            .task("ligne", "u", "Déposer en ligne")
            .task("t", "a", "Saisir la demande")
            .dur("t", 60.0)
            .end("e")
            .chain(&["s", "d"])
            .prob("d", "courrier", p_post)
            .prob("d", "ligne", 1.0 - p_post)
            .flow("courrier", "t", 4200.0, None)
            .chain(&["ligne", "t", "e"])
            .build();
        the_waiting(&p)
    };
    let f = posted(0.2);
    assert!(
        f.explanation_fr.starts_with(
            "L'acheminement du dossier de « Envoyer le formulaire » à « Saisir la demande », par lequel passent \
             20 % des dossiers, prend 10 jours ouvrés : 2 jours ouvrés en moyenne sur l'ensemble des dossiers"
        ),
        "{}",
        f.explanation_fr
    );
    assert!(
        f.explanation_en.contains("which 20% of files go through, takes 10 working days: 2 working days on"),
        "{}",
        f.explanation_en
    );
    // Most files are posted, not all: those posted wait the ten days.
    let f = posted(0.8);
    assert!(
        f.explanation_fr.contains("passent 80 % des dossiers, prend 10 jours ouvrés : 8 jours"),
        "{}",
        f.explanation_fr
    );
    // Near miss: nearly every file is posted; the average says it.
    let f = posted(0.97);
    assert!(f.explanation_fr.contains("prend en moyenne 9,7 jours ouvrés"), "{}", f.explanation_fr);
}

#[test]
fn does_not_fire_on_small_or_parallel_waits() {
    let small = B::new()
        .start("s")
        .task("t", "a", "Instruire")
        .dur("t", 10.0)
        .wait("t", 30.0)
        .end("e")
        .chain(&["s", "t", "e"])
        .build();
    check(&small, "waiting", &[]);
    // y waits a lot, but x waits longer in parallel: only x's wait sets the lead time.
    let parallel = B::new()
        .start("s")
        .par("f")
        .task("x", "c", "Avis A")
        .wait("x", 5000.0)
        .task("y", "d", "Avis B")
        .wait("y", 4000.0)
        .par("j")
        .end("e")
        .chain(&["s", "f", "x", "j", "e"])
        .chain(&["f", "y", "j"])
        .build();
    check(&parallel, "waiting", &["x"]);
}

/// Instruction, signature, then `notify`, then an invoice after a long wait.
fn after_notice(notify: &str, then_user: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("d", "u", "Déposer la demande")
        .task("t", "a", "Instruire la demande")
        .dur("t", 60.0)
        .approval("sig", "a", "Signer l'arrêté")
        .task("n", "a", notify)
        .task("f", "b", "Émettre le titre de recettes")
        .wait("f", 6000.0)
        .end("e");
    let mut p = if then_user {
        b.task("p", "u", "Payer la redevance").chain(&["s", "d", "t", "sig", "n", "f", "p", "e"]).build()
    } else {
        b.chain(&["s", "d", "t", "sig", "n", "f", "e"]).build()
    };
    // The user's lane named as the drawing names it.
    if let Some(u) = p.actors.iter_mut().find(|a| a.id == "u") {
        u.name = "Entreprise demandeuse".to_owned();
    }
    p
}

#[test]
fn does_not_fire_once_the_user_has_the_outcome() {
    // The order is notified to the company: the invoice's wait keeps the file open, nobody waits.
    check(&after_notice("Notifier l'arrêté à l'entreprise", false), "waiting", &[]);
    check(&after_notice("Notifier l'arrêté", false), "waiting", &[]);
    check(&after_notice("Envoyer l'arrêté au demandeur", false), "waiting", &[]);
    // Near misses: the order passed on to another service is no notice; a step of the user
    // still to come (paying the fee) means they wait; a notice to someone else.
    check(&after_notice("Transmettre l'arrêté au service des recettes", false), "waiting", &["f"]);
    check(&after_notice("Notifier l'arrêté à l'entreprise", true), "waiting", &["f"]);
    // A platform makes the order available to the company: that is its notice; made available
    // to another service, it is passed on.
    check(&after_notice("Mettre l'arrêté à disposition de l'entreprise dans son espace", false), "waiting", &[]);
    check(&after_notice("Mettre l'arrêté à disposition du service des recettes", false), "waiting", &["f"]);
    check(&after_notice("Notifier l'arrêté à la police municipale", false), "waiting", &["f"]);
}

#[test]
fn the_outcome_is_told_whatever_the_drawing_style() {
    // A noun of the act, the actor in front, capitals without accents: the same notice.
    check(&after_notice("Remise de l'arrêté au demandeur", false), "waiting", &[]);
    check(&after_notice("Notification de l'arrêté à l'entreprise", false), "waiting", &[]);
    // The document made and sent in one step; made only, it is not sent yet.
    check(&after_notice("Éditer et envoyer l'arrêté à l'entreprise", false), "waiting", &[]);
    check(&after_notice("Éditer l'arrêté de l'entreprise", false), "waiting", &["f"]);
    check(&after_notice("L'accueil remet l'arrêté au demandeur", false), "waiting", &[]);
    check(&after_notice("NOTIFIER L'ARRETE A L'ENTREPRISE", false), "waiting", &[]);
    // The user named as the procedure names them, whatever the lane's name ("Usager" here).
    let mut p = after_notice("Notifier l'arrêté à l'allocataire", false);
    if let Some(u) = p.actors.iter_mut().find(|a| a.id == "u") {
        u.name = "Usager".to_owned();
    }
    check(&p, "waiting", &[]);
    // Near misses: the receipt in capitals without accents is still no outcome; the actor in
    // front passing the order on to another service; a third party the lane does not name.
    check(&after_notice("REMETTRE AU DEMANDEUR LE RECEPISSE DE SA DEMANDE", false), "waiting", &["f"]);
    check(&after_notice("Délivrer l'AR du dépôt", false), "waiting", &["f"]);
    check(&after_notice("L'accueil transmet l'arrêté au service des recettes", false), "waiting", &["f"]);
    check(&after_notice("Notifier l'arrêté au propriétaire", false), "waiting", &["f"]);
}

#[test]
fn a_receipt_handed_over_is_not_the_outcome() {
    // The receipt of the complaint tells the victim it was received: they still wait for
    // what the file becomes.
    check(&after_notice("Remettre au demandeur le récépissé de sa demande", false), "waiting", &["f"]);
    check(&after_notice("Délivrer l'accusé de réception du dépôt", false), "waiting", &["f"]);
    // Near miss: the order handed over first, with the receipt of the filed copy.
    check(&after_notice("Remettre l'arrêté et le récépissé au demandeur", false), "waiting", &[]);
}

#[test]
fn informing_another_lane_is_not_the_outcome() {
    // "Informer" takes the one told as its object: the recovery office informed of the order
    // is not the company.
    let mut other = after_notice("Informer la trésorerie et transmettre l'arrêté", false);
    if let Some(b) = other.actors.iter_mut().find(|a| a.id == "b") {
        b.name = "Trésorerie".to_owned();
    }
    check(&other, "waiting", &["f"]);
    // Near misses: the company informed, or the informed one named by no lane.
    check(&after_notice("Informer l'entreprise de l'arrêté", false), "waiting", &[]);
    check(&after_notice("Informer le pétitionnaire de la décision", false), "waiting", &[]);
    check(&after_notice("Informer de la décision", false), "waiting", &[]);
}

#[test]
fn the_file_made_available_is_not_the_outcome() {
    // The file made available to the parties for consultation before the decision (an
    // occupational disease at the CPAM), or handed back to be completed: nothing is decided.
    check(&after_notice("Mettre le dossier à disposition de l'entreprise", false), "waiting", &["f"]);
    check(&after_notice("Remettre le dossier incomplet au demandeur", false), "waiting", &["f"]);
    // Near miss: the decision made available, or the order handed over with the file.
    check(&after_notice("Mettre la décision à disposition de l'entreprise", false), "waiting", &[]);
    check(&after_notice("Remettre l'arrêté et le dossier visé au demandeur", false), "waiting", &[]);
}

#[test]
fn the_receipt_of_a_declaration_is_the_outcome() {
    // Under a declaration regime (a drinks licence) the declarant acts under
    // the receipt: the back office's later work keeps nobody waiting.
    check(&after_notice("Délivrer le récépissé de déclaration", false), "waiting", &[]);
    check(&after_notice("Remettre au déclarant le récépissé de la déclaration d'ouverture", false), "waiting", &[]);
    // Near miss: the declaration published afterwards (an association's, in the JOAFE) takes
    // effect then: the wait for the publication is the declarant's.
    let published = |publish: &str| {
        let mut p = after_notice("Délivrer le récépissé de déclaration", false);
        if let Some(f) = p.step_mut("f") {
            f.label = Some(publish.into());
        }
        p
    };
    check(&published("Publier l'avis de création au Journal officiel"), "waiting", &["f"]);
    check(&published("Archiver la déclaration"), "waiting", &[]);
    // Near misses: the receipt of the filing of a declaration, of a request, only acknowledges it.
    check(&after_notice("Délivrer le récépissé de dépôt de la déclaration", false), "waiting", &["f"]);
    check(&after_notice("Remettre au demandeur le récépissé de sa demande", false), "waiting", &["f"]);
}

/// Each month the employer claims the indemnity after the month worked (`claim`'s wait), the
/// allocation is paid `pay_wait` later, and "Autre mois ?" goes round again (or, as a
/// return, a check sends the claim back).
fn monthly(before_decision: &str, pay_wait: f64) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("claim", "u", "Déposer la demande d'indemnisation du mois")
        .dur("claim", 30.0)
        .wait("claim", 8400.0)
        .task("pay", "d", "Verser l'allocation")
        .dur("pay", 5.0)
        .wait("pay", pay_wait);
    let b = match before_decision {
        "check" => b.check("last", "b", "Contrôler la demande"),
        _ => b.task("last", "b", "Informer l'employeur du versement"),
    };
    b.decision("d")
        .end("e")
        .chain(&["s", "claim", "pay", "last", "d"])
        .prob("d", "claim", 0.67)
        .prob("d", "e", 0.33)
        .build()
}

#[test]
fn is_silent_on_the_period_of_a_recurring_loop() {
    // The month worked before each claim is the period, not a queue.
    check(&monthly("task", 420.0), "waiting", &[]);
    // Near misses: a payment that takes longer than the month is a wait, period or not; the
    // same wait before a claim sent back by a check is the time a return costs.
    check(&monthly("task", 12600.0), "waiting", &["pay"]);
    check(&monthly("check", 420.0), "waiting", &["claim"]);
}

/// The prefecture grants the subsidy, then the commune does the works (months) and asks for
/// the payment; `works` is the channel of the works.
fn works_then_payment(works: Channel) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("t", "a", "Instruire la demande")
        .dur("t", 60.0)
        .wait("t", 840.0)
        .task("w", "u", "Réaliser les travaux et mandater les factures")
        .channel("w", works)
        .wait("w", 50400.0)
        .task("p", "u", "Demander le paiement")
        .task("v", "a", "Verser la subvention")
        .wait("v", 840.0)
        .end("e")
        .chain(&["s", "t", "w", "p", "v", "e"])
        .build()
}

#[test]
fn is_silent_on_the_time_of_the_users_own_work() {
    check(&works_then_payment(Channel::Internal), "waiting", &[]);
    // Near miss: a step of the user that is a contact (the appointment at the counter) is
    // waited for as any.
    check(&works_then_payment(Channel::Counter), "waiting", &["w"]);
}

#[test]
fn before_a_step_of_the_user_the_wait_is_not_the_files() {
    let p = B::new()
        .start("s")
        .task("t", "a", "Proposer un rendez-vous")
        .dur("t", 60.0)
        .task("g", "u", "Se présenter au guichet")
        .wait("g", 8400.0)
        .end("e")
        .chain(&["s", "t", "g", "e"])
        .build();
    check(&p, "waiting", &["g"]);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "waiting")
        .expect("fires");
    assert!(
        f.explanation_fr.starts_with("L'attente avant l'étape « Se présenter au guichet »"),
        "{}",
        f.explanation_fr
    );
    assert!(f.explanation_en.starts_with("The wait before step “Se présenter au guichet”"), "{}", f.explanation_en);
}

#[test]
fn is_silent_on_the_users_own_term_once_they_have_the_outcome() {
    // The permit is notified, then the company pays the fee online within its ten-day term: its
    // own time once it has what it asked for, which no one in the administration can shorten.
    let after_notice = |label: &str, channel: Channel| {
        B::new()
            .start("s")
            .task("t", "b", "Instruire la demande")
            .dur("t", 60.0)
            .task("n", "b", "Notifier l'arrêté au demandeur")
            .task("u", "u", label)
            .channel("u", channel)
            .wait("u", 4200.0)
            .end("e")
            .chain(&["s", "t", "n", "u", "e"])
            .build()
    };
    check(&after_notice("Payer la redevance", Channel::Online), "waiting", &[]);
    check(&after_notice("Afficher l'arrêté sur le chantier", Channel::Paper), "waiting", &[]);
    // Near misses: the wait for an appointment at the counter once the card is ready, or to
    // collect it, is the administration's queue; and before the outcome, the user's wait is the
    // file's (the payment asked before the instruction).
    check(&after_notice("Se présenter au guichet", Channel::Counter), "waiting", &["u"]);
    check(&after_notice("Retirer la carte", Channel::Online), "waiting", &["u"]);
    let before = B::new()
        .start("s")
        .task("u", "u", "Payer la redevance")
        .channel("u", Channel::Online)
        .wait("u", 4200.0)
        .task("t", "b", "Instruire la demande")
        .dur("t", 60.0)
        .task("n", "b", "Notifier l'arrêté au demandeur")
        .end("e")
        .chain(&["s", "t", "u", "n", "e"])
        .build();
    check(&before, "waiting", &["u"]);
}

#[test]
fn is_silent_on_the_period_a_step_waits_the_end_of() {
    // The month a regional plan gives competitors to file, after the request is published: the
    // step that counts them is done when it ends, whatever the bureau's workload.
    let p = |label: &str| {
        B::new()
            .start("s")
            .task("t", "a", "Publier la demande")
            .dur("t", 20.0)
            .task("c", "a", label)
            .dur("c", 15.0)
            .wait("c", 8820.0)
            .task("i", "a", "Instruire la demande")
            .dur("i", 120.0)
            .wait("i", 840.0)
            .end("e")
            .chain(&["s", "t", "c", "i", "e"])
            .build()
    };
    check(&p("Recenser les candidatures concurrentes à l'expiration du délai de publicité"), "waiting", &[]);
    check(&p("Clore la consultation à l'issue de la période de dépôt"), "waiting", &[]);
    check(&p("Recenser les candidatures, une fois le délai de publicité écoulé"), "waiting", &[]);
    check(&p("Constater le défaut de paiement à l'expiration du délai de quinze jours"), "waiting", &[]);
    check(&p("Délivrer le certificat après purge du délai de recours des tiers"), "waiting", &[]);
    // At the end of the service's own period: the stay, the training.
    check(&p("Signer, à la fin du séjour, l'attestation de présence"), "waiting", &[]);
    check(&p("Délivrer l'attestation en fin de formation"), "waiting", &[]);
    // Near misses: a step that only speaks of a period, or of its end without one, or names a
    // document of the end of a period, still waits in a queue.
    check(&p("Vérifier le délai de recours"), "waiting", &["c"]);
    check(&p("Recenser les candidatures concurrentes"), "waiting", &["c"]);
    check(&p("Rédiger le rapport de fin d'instruction"), "waiting", &["c"]);
    check(&p("Transmettre l'attestation de fin de séjour à la Région"), "waiting", &["c"]);
    check(&p("Instruire à la fin de l'instruction technique"), "waiting", &["c"]);
}

/// The admission notified to the patient, then a judge's hearing after a long wait (`act`: it
/// makes an order) that may release them or keep the measure.
fn notice_then_hearing(act: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("d", "u", "Déposer la demande")
        .approval("adm", "c", "Prononcer l'admission")
        .dur("adm", 30.0)
        .task("n", "a", "Notifier la décision au patient")
        .check("aud", "d", "Tenir l'audience et statuer")
        .dur("aud", 30.0)
        .wait("aud", 6000.0)
        .decision("q")
        .end("e")
        .refused("r")
        .chain(&["s", "d", "adm", "n", "aud", "q"])
        .prob("q", "e", 0.9)
        .prob("q", "r", 0.1);
    if act { b.produces("aud", &["ordonnance"]).build() } else { b.build() }
}

#[test]
fn a_notice_is_no_outcome_while_an_act_may_still_end_the_case_otherwise() {
    // The admission notified, then the judge who may release the patient: the patient waits for
    // the hearing.
    check(&notice_then_hearing(true), "waiting", &["aud"]);
    // Near miss: a check that makes nothing of its own decides nothing after the notice.
    check(&notice_then_hearing(false), "waiting", &[]);
    // Near miss: the decision notified, then the archiving's wait, then only the decision node
    // that sorts the ends (no act between): the outcome was given.
    let p = B::new()
        .start("s")
        .task("d", "u", "Déposer la demande")
        .approval("adm", "c", "Statuer sur la demande")
        .dur("adm", 30.0)
        .task("n", "a", "Notifier la décision au demandeur")
        .task("f", "b", "Archiver le dossier")
        .wait("f", 6000.0)
        .decision("q")
        .end("e")
        .refused("r")
        .chain(&["s", "d", "adm", "n", "f", "q"])
        .prob("q", "e", 0.9)
        .prob("q", "r", 0.1)
        .build();
    check(&p, "waiting", &[]);
}

/// The order decided, then `notify` on one branch while the payroll stops on the other; after the
/// join, a year's delay on the flow into the agent's request to come back (on paper), then the
/// service's work on it.
pub(super) fn granted_then_period(notify: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("t", "b", "Instruire la demande")
        .dur("t", 60.0)
        .approval("sig", "c", "Signer l'arrêté")
        .par("fork")
        .task("n", "b", notify)
        .task("pay", "b", "Arrêter la rémunération")
        .par("join")
        .task("r", "u", "Demander sa réintégration")
        .channel("r", Channel::Paper)
        .task("i", "b", "Instruire la réintégration")
        .dur("i", 60.0)
        .end("e")
        .chain(&["s", "t", "sig", "fork", "n", "join"])
        .chain(&["fork", "pay", "join"])
        .flow("join", "r", 92400.0, None)
        .chain(&["r", "i", "e"])
        .build()
}

#[test]
fn is_silent_on_the_period_granted_drawn_on_the_flow_after_a_join() {
    // The year of disponibilité notified to the agent on one branch of the fork: the delay on the
    // flow into their request to come back is the period granted, not a queue.
    let p = granted_then_period("Notifier l'arrêté au demandeur");
    assert!(fired(&p, "waiting").is_empty(), "{:?}", fired(&p, "waiting"));
    // Near miss: the order passed on to another service on that branch, the user has nothing yet
    // and the year is the file's wait.
    let p = granted_then_period("Transmettre l'arrêté au service de la paie");
    assert_eq!(fired(&p, "waiting").len(), 1, "{:?}", fired(&p, "waiting"));
}

/// The bodies consulted give their opinion (a long wait before it) while the service writes its
/// report; the join after them is labelled `join`.
fn consulted_until(join: &str) -> crate::model::Procedure {
    let mut p = B::new()
        .start("s")
        .task("t", "b", "Instruire la demande")
        .dur("t", 60.0)
        .par("fork")
        .task("o", "d", "Rendre l'avis des organisations consultées")
        .dur("o", 90.0)
        .wait("o", 6300.0)
        .task("r", "b", "Rédiger le rapport")
        .dur("r", 60.0)
        .par("join")
        .approval("sig", "c", "Statuer sur la demande")
        .end("e")
        .chain(&["s", "t", "fork", "o", "join", "sig", "e"])
        .chain(&["fork", "r", "join"])
        .build();
    if let Some(j) = p.step_mut("join") {
        j.label = Some(join.to_owned());
    }
    p
}

#[test]
fn is_silent_on_an_answer_awaited_until_a_period_runs_out() {
    // The month the code gives the bodies consulted: the join says the file goes on once the
    // opinions are in or the month is over, so the wait before the opinion is that period.
    check(&consulted_until("Avis reçus ou délai d'un mois écoulé"), "waiting", &[]);
    check(&consulted_until("Avis rendus ou à l'expiration du délai de consultation"), "waiting", &[]);
    // Near miss: a join that only says the opinions are in: the wait is the body's queue.
    check(&consulted_until("Avis reçus"), "waiting", &["o"]);
}
