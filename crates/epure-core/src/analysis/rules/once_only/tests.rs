use crate::analysis::testkit::{B, check};

fn base() -> B {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer le dossier")
        .check("verif", "a", "Vérifier les pièces")
        .task("complement", "u", "Compléter le dossier")
        .end("e")
}

#[test]
fn fires_when_a_piece_is_asked_twice_on_one_way() {
    let p = base()
        .requests("depot", &["rib"])
        .requests("complement", &["rib"])
        .chain(&["s", "depot", "verif", "complement", "e"])
        .build();
    check(&p, "once-only", &["rib depot complement"]);
}

#[test]
fn a_piece_drawn_on_the_filing_and_on_the_agents_check_is_asked_once() {
    // The RIB drawn as asked for both at the filing and at the counter's check right after
    // it (the format allows either, or both): one handing over.
    let both = base()
        .requests("depot", &["rib"])
        .requests("verif", &["rib"])
        .checks("verif", &["rib"])
        .requests("complement", &["rib"])
        .chain(&["s", "depot", "verif", "complement", "e"]);
    check(&both.clone().build(), "once-only", &["rib depot complement"]);
    let once = |wait: f64| {
        let mut p = both.clone().wait("verif", wait).build();
        p.step_mut("complement").expect("the complement").requests.clear();
        p
    };
    check(&once(0.0), "once-only", &[]);
    // Near misses: the check comes after a wait (the agent asks again later), is the back
    // office's, or the filing does not ask for the piece (the check's request is the first;
    // the complement's is asked again).
    check(&once(420.0), "once-only", &["rib depot verif"]);
    let mut p = once(0.0);
    p.step_mut("verif").expect("the check").actor = Some("b".into());
    check(&p, "once-only", &["rib depot verif"]);
    let mut p = both.build();
    p.step_mut("depot").expect("the filing").requests.clear();
    check(&p, "once-only", &["rib verif complement"]);
}

/// The request filed online or on paper (exclusive ways into the same check), asked again at
/// the visit; with `rework`, the check sends missing pieces back to a complement.
fn two_ways_in(rework: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .decision("canal")
        .task("en-ligne", "u", "Déposer la demande en ligne")
        .requests("en-ligne", &["domicile"])
        .task("papier", "u", "Déposer le formulaire papier")
        .requests("papier", &["domicile"])
        .check("verif", "b", "Vérifier le dossier")
        .checks("verif", &["domicile"])
        .task("visite", "u", "Recevoir l'agent à domicile")
        .requests("visite", &["domicile"])
        .end("e")
        .prob("canal", "en-ligne", 0.7)
        .prob("canal", "papier", 0.3)
        .chain(&["s", "canal"])
        .chain(&["en-ligne", "verif"])
        .chain(&["papier", "verif"]);
    if rework {
        b.decision("d")
            .task("complement", "u", "Envoyer la pièce manquante")
            .requests("complement", &["domicile"])
            .chain(&["verif", "d"])
            .prob("d", "complement", 0.2)
            .prob("d", "visite", 0.8)
            .chain(&["complement", "verif"])
            .chain(&["visite", "e"])
            .build()
    } else {
        b.chain(&["verif", "visite", "e"]).build()
    }
}

#[test]
fn names_the_first_request_on_every_way_in() {
    check(&two_ways_in(false), "once-only", &["domicile en-ligne visite papier"]);
    let a = crate::analysis::analyze(&two_ways_in(false), &crate::analysis::Settings::default());
    let f = a.findings.iter().find(|f| f.rule == "once-only").expect("the finding");
    assert!(
        f.explanation_fr
            .contains("Sur les autres parcours, elle est demandée de même à l'étape « Déposer le formulaire papier »"),
        "{}",
        f.explanation_fr
    );
    assert!(f.explanation_fr.contains("demandée deux fois"), "{}", f.explanation_fr);
    // Near miss: the piece sent again when it was missing is no other way in.
    check(&two_ways_in(true), "once-only", &["domicile en-ligne visite papier"]);
}

/// The request filed in person (checked and scanned at the counter) or posted by a social
/// service (scanned by the mail platform): two ways that meet after steps of their own, then
/// the piece asked again at the renewal; with `refused`, a third way in whose files are
/// refused before the renewal.
fn two_ways_meeting_later(refused: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .decision("canal")
        .task("deposer", "u", "Déposer le dossier à l'accueil")
        .requests("deposer", &["identite"])
        .check("verifier", "a", "Vérifier les pièces au guichet")
        .checks("verifier", &["identite"])
        .task("numeriser-accueil", "a", "Numériser le dossier")
        .task("poster", "u", "Envoyer le dossier par courrier")
        .requests("poster", &["identite"])
        .task("numeriser-courrier", "c", "Numériser le courrier reçu")
        .decision("m")
        .check("instruire", "b", "Instruire la demande")
        .task("renouveler", "u", "Envoyer la demande de renouvellement")
        .requests("renouveler", &["identite"])
        .end("e")
        .chain(&["s", "canal"])
        .chain(&["deposer", "verifier", "numeriser-accueil", "m"])
        .chain(&["poster", "numeriser-courrier", "m"])
        .prob("m", "instruire", 1.0)
        .chain(&["instruire", "renouveler", "e"]);
    if refused {
        b.task("guichet-social", "u", "Déposer le dossier au service social")
            .requests("guichet-social", &["identite"])
            .end("refus")
            .chain(&["guichet-social", "refus"])
            .prob("canal", "deposer", 0.7)
            .prob("canal", "poster", 0.2)
            .prob("canal", "guichet-social", 0.1)
            .build()
    } else {
        b.prob("canal", "deposer", 0.85).prob("canal", "poster", 0.15).build()
    }
}

#[test]
fn names_the_first_request_on_a_way_in_that_meets_the_others_later() {
    // The nearest earlier request is the posted file's (fewer steps back); the filing at the
    // counter, most files' way, is named too.
    check(&two_ways_meeting_later(false), "once-only", &["identite poster renouveler deposer"]);
    let a = crate::analysis::analyze(&two_ways_meeting_later(false), &crate::analysis::Settings::default());
    let f = a.findings.iter().find(|f| f.rule == "once-only").expect("the finding");
    assert!(
        f.explanation_fr.contains(
            "Sur les autres parcours, elle est demandée de même à l'étape « Déposer le dossier à l'accueil »"
        ),
        "{}",
        f.explanation_fr
    );
    // Near miss: a way in whose files never reach the later request is no way to it.
    check(&two_ways_meeting_later(true), "once-only", &["identite poster renouveler deposer"]);
}

#[test]
fn fires_when_a_holder_already_has_it() {
    let p = base()
        .held("avis", "DGFiP")
        .requests("depot", &["avis"])
        .chain(&["s", "depot", "verif", "complement", "e"])
        .build();
    check(&p, "once-only", &["avis depot"]);
}

#[test]
fn holds_one_finding_when_held_and_asked_twice() {
    let p = base()
        .held("avis", "DGFiP")
        .requests("depot", &["avis"])
        .requests("complement", &["avis"])
        .chain(&["s", "depot", "verif", "complement", "e"])
        .build();
    check(&p, "once-only", &["avis depot complement"]);
}

/// The CAF and the Département each pay their share and each ask the user for the RIB.
fn two_payers() -> B {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .par("f")
        .task("caf", "c", "Verser l'allocation")
        .task("dep", "d", "Verser la prestation")
        .par("j")
        .end("e")
        .chain(&["s", "depot", "f", "caf", "j", "e"])
        .chain(&["f", "dep", "j"])
}

#[test]
fn fires_when_two_parallel_branches_ask_for_the_same_piece() {
    let p = two_payers().requests("caf", &["rib"]).requests("dep", &["rib"]).build();
    check(&p, "once-only", &["rib caf dep"]);
    let a = crate::analysis::analyze(&p, &crate::analysis::Settings::default());
    let f = a.findings.iter().find(|f| f.rule == "once-only").expect("the finding");
    assert!(f.explanation_fr.contains("en parallèle"), "{}", f.explanation_fr);
    assert!((f.gain.requests - 1.0).abs() < 1e-9, "one request saved per case: {:?}", f.gain);
}

#[test]
fn a_parallel_request_already_named_after_an_earlier_one_is_not_named_again() {
    // Asked at the filing, then on both branches: one finding, three requests.
    let p = two_payers().requests("depot", &["rib"]).requests("caf", &["rib"]).requests("dep", &["rib"]).build();
    check(&p, "once-only", &["rib depot caf dep"]);
}

#[test]
fn does_not_fire_when_a_branch_asks_only_for_some_cases() {
    // The Département asks for the RIB only when it pays something (a decision in its branch).
    let p = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .par("f")
        .task("caf", "c", "Verser l'allocation")
        .decision("d?")
        .task("dep", "d", "Verser la prestation")
        .decision("m")
        .par("j")
        .end("e")
        .requests("caf", &["rib"])
        .requests("dep", &["rib"])
        .chain(&["s", "depot", "f", "caf", "j", "e"])
        .chain(&["f", "d?"])
        .prob("d?", "dep", 0.3)
        .prob("d?", "m", 0.7)
        .chain(&["dep", "m", "j"])
        .build();
    let ctx = crate::analysis::metrics::Context::new(&p, &crate::analysis::Settings::default());
    assert_eq!(ctx.lead.blocks.len(), 1, "a well-structured block");
    check(&p, "once-only", &[]);
}

#[test]
fn does_not_fire_on_exclusive_branches() {
    let p = base()
        .decision("d")
        .end("e2")
        .requests("depot", &["rib"])
        .requests("complement", &["rib"])
        .chain(&["s", "verif", "d"])
        .prob("d", "depot", 0.5)
        .prob("d", "complement", 0.5)
        .chain(&["depot", "e"])
        .chain(&["complement", "e2"])
        .build();
    check(&p, "once-only", &[]);
}

#[test]
fn does_not_fire_on_a_missing_piece_asked_again_in_a_rework_loop() {
    let p = base()
        .decision("d")
        .requests("depot", &["rib"])
        .requests("complement", &["rib"])
        .chain(&["s", "depot", "verif", "d"])
        .prob("d", "complement", 0.2)
        .prob("d", "e", 0.8)
        .chain(&["complement", "verif"])
        .build();
    check(&p, "once-only", &[]);
}

#[test]
fn names_the_first_request_when_a_piece_is_asked_again_after_a_rework_loop() {
    // Filed, asked again when missing, then asked again for the originals at the counter. The
    // rework request is nearer the later one than the filing (a receipt is issued in between).
    let p = base()
        .decision("d")
        .task("recu", "a", "Délivrer le récépissé")
        .task("originaux", "u", "Présenter les originaux au guichet")
        .requests("depot", &["rib"])
        .requests("complement", &["rib"])
        .requests("originaux", &["rib"])
        .chain(&["s", "depot", "recu", "verif", "d"])
        .prob("d", "complement", 0.2)
        .prob("d", "originaux", 0.8)
        .chain(&["complement", "verif"])
        .chain(&["originaux", "e"])
        .build();
    check(&p, "once-only", &["rib depot originaux"]);
    let f = crate::analysis::analyze(&p, &Default::default()).findings;
    let f = f.iter().find(|f| f.rule == "once-only").expect("fires");
    assert!(f.explanation_fr.contains("Déposer le dossier"), "{}", f.explanation_fr);
    assert!(!f.explanation_fr.contains("Compléter le dossier"), "{}", f.explanation_fr);
}

/// Searching again only the requests whose earlier one was a rework request gives the pairs
/// the pass over every request but the rework ones gives.
#[test]
fn the_searches_without_rework_requests_pair_as_the_pass_does() {
    use crate::analysis::rules::DataQuestion;
    let mut redone = 0;
    for seed in 0..30u64 {
        for size in [60usize, 300, 1_500] {
            let p = crate::synthetic::procedure(seed, size);
            let ctx = crate::analysis::metrics::Context::new(&p, &crate::analysis::Settings::default());
            let groups: Vec<Vec<usize>> = super::asked(&ctx);
            let found = ctx.data_pairs(DataQuestion::Asked);
            let (mut fast, mut slow) = (found.clone(), found.clone());
            super::without_rework_requests(&ctx, &groups, &mut fast, Some(usize::MAX));
            super::without_rework_requests(&ctx, &groups, &mut slow, None);
            assert_eq!(fast, slow, "seed {seed}, size {size}");
            redone += usize::from(fast != found);
        }
    }
    assert!(redone >= 5, "{redone} procedures with rework requests named");
}

#[test]
fn does_not_fire_on_a_single_request_or_a_document_the_administration_issued_in_between() {
    let single = base().requests("depot", &["rib"]).chain(&["s", "depot", "verif", "complement", "e"]).build();
    check(&single, "once-only", &[]);
    // The service issues a new form in between: asking for the signed form back is not asking twice.
    let reissued = base()
        .requests("depot", &["formulaire"])
        .produces("verif", &["formulaire"])
        .requests("complement", &["formulaire"])
        .chain(&["s", "depot", "verif", "complement", "e"])
        .build();
    check(&reissued, "once-only", &[]);
}

#[test]
fn does_not_fire_on_an_unreachable_request() {
    let p = base().held("avis", "DGFiP").requests("complement", &["avis"]).chain(&["s", "depot", "verif", "e"]).build();
    check(&p, "once-only", &[]);
}

#[test]
fn the_identity_shown_to_collect_what_is_handed_over_is_not_asked_again() {
    use crate::model::Channel;
    // The request is posted with a copy of the identity document; the certificate is collected
    // at the counter on presentation of the identity document: the agent checks who collects
    // before handing it over, which is no piece asked again.
    let sitting = |label: &str, item: &str, then: (&str, f64)| {
        B::new()
            .start("s")
            .task("depot", "u", "Envoyer la demande par courrier")
            .channel("depot", Channel::Mail)
            .requests("depot", &["identite", "rib"])
            .check("instruction", "b", "Instruire la demande")
            .task("retrait", "u", label)
            .channel("retrait", Channel::Counter)
            .requests("retrait", &[item])
            .task("remise", "a", then.0)
            .channel("remise", Channel::Counter)
            .wait("remise", then.1)
            .end("e")
            .chain(&["s", "depot", "instruction", "retrait", "remise", "e"])
            .build()
    };
    let handed_over = ("Remettre le certificat au demandeur", 0.0);
    check(
        &sitting("Retirer le certificat sur présentation de sa pièce d'identité", "identite", handed_over),
        "once-only",
        &[],
    );
    check(&sitting("Se présenter au guichet", "identite", handed_over), "once-only", &[]);
    check(&sitting("Se présenter au guichet", "identite", ("Restituer le véhicule", 0.0)), "once-only", &[]);
    // Near misses: the identity shown at a sitting where nothing is handed over (an interview),
    // or handed over days later (it is shown again then); another piece brought to collect; the
    // identity sent again by post.
    let asked_twice = ["identite depot retrait"];
    check(&sitting("Se présenter à l'entretien", "identite", ("Instruire le dossier", 0.0)), "once-only", &asked_twice);
    check(
        &sitting("Se présenter au guichet", "identite", ("Remettre le certificat", 14_400.0)),
        "once-only",
        &asked_twice,
    );
    check(&sitting("Retirer le certificat", "rib", handed_over), "once-only", &["rib depot retrait"]);
    let mut by_post = sitting("Retirer le certificat", "identite", handed_over);
    by_post.step_mut("retrait").expect("the second request").channel = Some(Channel::Mail);
    check(&by_post, "once-only", &asked_twice);
}

/// Each year (`yearly`; once otherwise) the company justifies its financial standing
/// (`justifier`, asking for the year's attestation) and the service checks it; when it falls
/// short, the formal notice and the attestation asked again once the capital is made good
/// (`regulariser`), back to the check or, `through_justification`, to the justification again.
fn yearly_notice(yearly: bool, through_justification: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("exercer", "u", "Exploiter les véhicules pendant l'exercice")
        .task("justifier", "u", "Justifier de la capacité financière")
        .requests("justifier", &["attestation"])
        .check("controler", "b", "Contrôler la capacité financière")
        .checks("controler", &["attestation"])
        .decision("maintien")
        .task("demeure", "b", "Mettre l'entreprise en demeure de régulariser")
        .task("regulariser", "u", "Régulariser la capacité financière")
        .requests("regulariser", &["attestation"])
        .decision("poursuite")
        .end("e")
        .chain(&["s", "exercer", "justifier", "controler", "maintien"])
        .prob("maintien", "poursuite", 0.9)
        .prob("maintien", "demeure", 0.1)
        .chain(&["demeure", "regulariser", if through_justification { "justifier" } else { "controler" }]);
    if yearly { b.prob("poursuite", "exercer", 0.9).prob("poursuite", "e", 0.1) } else { b.chain(&["poursuite", "e"]) }
        .build()
}

#[test]
fn a_piece_asked_again_on_a_return_inside_a_larger_loop_is_the_return_s() {
    // The attestation brought again after the formal notice was wrong: the return asks for it,
    // inside the years of the licence that hold the yearly justification too.
    check(&yearly_notice(true, false), "once-only", &[]);
    check(&yearly_notice(false, false), "once-only", &[]);
    // Near miss: a regularisation that goes back through the justification has the company hand
    // the attestation in twice on that way.
    check(&yearly_notice(false, true), "once-only", &["attestation justifier regulariser"]);
}

#[test]
fn says_whom_to_fetch_a_piece_from_when_several_hold_it() {
    let said = |holders: &[&str]| {
        let mut b = base().requests("depot", &["kbis"]).chain(&["s", "depot", "verif", "e"]);
        for h in holders {
            b = b.held("kbis", h);
        }
        let a = crate::analysis::analyze(&b.build(), &crate::analysis::Settings::default());
        a.findings.into_iter().find(|f| f.rule == "once-only").expect("fires").explanation_fr
    };
    let one = said(&["INPI"]);
    assert!(
        one.contains(
            "détenue par une administration (détenteur : INPI). Elle peut être récupérée directement auprès d'elle"
        ),
        "{one}"
    );
    let two = said(&["INPI", "Infogreffe"]);
    assert!(
        two.contains(
            "détenue par des administrations (détenteurs : INPI et Infogreffe). Elle peut être récupérée directement \
             auprès de l'une d'elles"
        ),
        "{two}"
    );
}

/// The decision signed, then `notice`, then the user's adhesion with a copy of the decision, taken
/// by the lane `taker` (`d`: "Partenaire").
fn sent_on(notice: &str, taker: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .approval("sig", "c", "Signer la décision")
        .produces("sig", &["decision"])
        .task("notif", "b", notice)
        .checks("notif", &["decision"])
        .task("adhesion", "u", "Adhérer à la convention")
        .requests("adhesion", &["decision"])
        .task("enreg", taker, "Enregistrer l'adhésion")
        .checks("enreg", &["decision"])
        .end("e")
        .chain(&["s", "depot", "sig", "notif", "adhesion", "enreg", "e"])
        .build()
}

#[test]
fn fires_when_the_body_asking_for_a_piece_was_sent_it_by_the_administration() {
    // The ARS notifies its approval to the company and informs the CPAM, which then asks the
    // company for a copy with its adhesion; or the arrêté notified to the pharmacist and to the
    // Ordre, which asks for it with the opening declaration.
    check(
        &sent_on("Notifier la décision à l'usager et en informer le partenaire", "d"),
        "once-only",
        &["decision adhesion"],
    );
    check(
        &sent_on("Notifier la décision à l'usager, au partenaire et à la mairie", "d"),
        "once-only",
        &["decision adhesion"],
    );
    check(&sent_on("TRANSMISSION DE LA DECISION AU PARTENAIRE", "d"), "once-only", &["decision adhesion"]);
    // The acts as nouns; the partner by the acronym of its lane's name.
    check(
        &sent_on("Notification de la décision à l'usager et information du partenaire", "d"),
        "once-only",
        &["decision adhesion"],
    );
    let mut p = sent_on("Notifier la décision à l'usager et en informer la CPAM", "d");
    if let Some(a) = p.actors.iter_mut().find(|a| a.id == "d") {
        a.name = "Caisse primaire d'assurance maladie (service des relations avec les professionnels)".into();
    }
    check(&p, "once-only", &["decision adhesion"]);
    // The partner second among those informed.
    check(
        &sent_on("Inscrire l'usager et en informer la mairie et le partenaire", "d"),
        "once-only",
        &["decision adhesion"],
    );
}

#[test]
fn a_piece_sent_to_someone_else_is_new_to_the_body_asking_for_it() {
    // Near misses: the decision notified to the user alone; the user oriented towards the partner
    // (the person is sent, not the piece); the partner informed, but the adhesion taken by another
    // lane; the decision published in the partner's name after it was notified.
    check(&sent_on("Notifier la décision à l'usager", "d"), "once-only", &[]);
    check(&sent_on("Notifier la décision à l'usager et orienter vers le partenaire", "d"), "once-only", &[]);
    check(&sent_on("Notifier la décision à l'usager et en informer le partenaire", "a"), "once-only", &[]);
    check(&sent_on("Notifier la décision à l'usager, la publier au registre du partenaire", "d"), "once-only", &[]);
    // An appeal to the partner joins the decision it contests, though the partner was told of it.
    let mut p = sent_on("Notifier la décision à l'usager et en informer le partenaire", "d");
    p.step_mut("adhesion").expect("the adhesion").label = Some("Former un recours auprès du partenaire".into());
    check(&p, "once-only", &[]);
    // The piece the user handed in at the filing, checked and passed on, asked again by the
    // partner: the request twice is the finding, told once.
    let mut p = sent_on("Notifier la décision à l'usager et en informer le partenaire", "d");
    p.step_mut("sig").expect("the signature").produces.clear();
    p.step_mut("depot").expect("the filing").requests.push("decision".into());
    check(&p, "once-only", &["decision depot adhesion"]);
}

/// The site gives the candidate a number (`name`, a datum), which two training bodies ask for at
/// enrolment; with `issued`, the administration's site produces it, otherwise nobody does.
fn quoted_number(name: &str, issued: bool) -> crate::model::Procedure {
    let mut b = B::new()
        .start("s")
        .task("inscrire", "u", "S'inscrire sur le site")
        .task("attribuer", "b", "Attribuer le numéro d'inscription")
        .task("fg", "u", "S'inscrire à la formation générale")
        .requests("fg", &["numero"])
        .task("appro", "u", "S'inscrire à l'approfondissement")
        .requests("appro", &["numero"])
        .end("e")
        .chain(&["s", "inscrire", "attribuer", "fg", "appro", "e"])
        .field("numero");
    if issued {
        b = b.produces("attribuer", &["numero"]);
    }
    if let Some(d) = b.p.data.iter_mut().find(|d| d.id == "numero") {
        d.name = name.into();
    }
    b.build()
}

#[test]
fn an_identifier_the_administration_issued_quoted_again_is_no_piece_asked_twice() {
    check(&quoted_number("Numéro d'inscription", true), "once-only", &[]);
    check(&quoted_number("Référence du dossier", true), "once-only", &[]);
    // Near misses: a datum that is no identifier (the amount it decided, stated back), or an
    // identifier no step of the administration issued, asked twice.
    check(&quoted_number("Montant de l'aide accordée", true), "once-only", &["numero fg appro"]);
    check(&quoted_number("Numéro d'inscription", false), "once-only", &["numero fg appro"]);
}

/// The filing asks for a certificate `held` by the body named so, in a procedure whose owner is
/// `owner`; the French explanation of the finding.
fn held_in(owner: &str, held: &str) -> String {
    let mut p = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande")
        .requests("depot", &["attestation"])
        .held("attestation", held)
        .end("e")
        .chain(&["s", "depot", "e"])
        .build();
    p.meta.owner = Some(owner.into());
    crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "once-only")
        .map(|f| f.explanation_fr)
        .unwrap_or_default()
}

#[test]
fn a_piece_the_asking_administration_holds_is_looked_up_in_its_own_files() {
    let own = held_in("DREAL, service transports — bureau des registres", "DREAL (fichier des attestations délivrées)");
    assert!(own.contains("déjà détenue par l'administration qui la demande"), "{own}");
    assert!(own.contains("consultée dans ses propres fichiers"), "{own}");
    // A commune is its town hall.
    let commune = held_in("Mairie, service Commerce", "Commune (registre des déclarations de licence)");
    assert!(commune.contains("l'administration qui la demande"), "{commune}");
    // Near misses: another administration; one named in the owner after its first body (the
    // régie asks for the tax notice the DGFiP holds, though a DGFiP accountant keeps its books).
    for (owner, held) in
        [("DREAL, service transports", "INPI"), ("Régie des eaux ; comptable public de la DGFiP", "DGFiP")]
    {
        let other = held_in(owner, held);
        assert!(other.contains("déjà détenue par une administration"), "{other}");
        assert!(other.contains("récupérée directement auprès d'elle"), "{other}");
    }
}
