use crate::analysis::testkit::{B, check};
use crate::model::{Channel, Medium};

fn two(from: Channel, medium: Option<Medium>, to: Channel, enters: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("x", "a", "Recevoir le formulaire")
        .channel("x", from)
        .task("y", "b", "Traiter la demande")
        .channel("y", to)
        .end("e")
        .chain(&["s", "x"])
        .flow("x", "y", 0.0, medium)
        .chain(&["y", "e"]);
    if enters { b.enters("y", &["formulaire"]).build() } else { b.build() }
}

/// Two branches joined, then the signed deed sent on paper to a step that keys it in;
/// `checks` is what that step checks.
fn out_of_a_join(checks: &[&str]) -> String {
    let mut b = B::new()
        .start("s")
        .par("fork")
        .approval("x1", "a", "Autoriser la fermeture")
        .produces("x1", &["autorisation"])
        .approval("x2", "c", "Signer l'acte")
        .produces("x2", &["acte"])
        .par("join")
        .task("y", "b", "Émettre le titre de recettes")
        .channel("y", Channel::Internal)
        .enters("y", &["infos"])
        .end("e")
        .chain(&["s", "fork", "x1", "join"])
        .chain(&["fork", "x2", "join"])
        .flow("join", "y", 0.0, Some(Medium::Paper))
        .chain(&["y", "e"]);
    if !checks.is_empty() {
        b = b.checks("y", checks);
    }
    let a = crate::analysis::analyze(&b.build(), &crate::analysis::Settings::default());
    let f = a.findings.into_iter().find(|f| f.rule == "media-break").expect("fires");
    format!("{}\n{}", f.explanation_fr, f.explanation_en)
}

#[test]
fn names_the_step_the_paper_comes_from_not_a_gateway() {
    // The deed comes from its signature, the branch that issues what the step checks.
    let named = out_of_a_join(&["acte"]);
    assert!(named.contains("arrive sur papier de l'étape « Signer l'acte » à l'étape"), "{named}");
    assert!(named.contains("arrives on paper from step “Signer l'acte” at step"), "{named}");
    assert!(!named.contains("join"), "{named}");
    // Near miss: nothing says which branch it comes from: no step is named.
    let unnamed = out_of_a_join(&[]);
    assert!(unnamed.contains("arrive sur papier à l'étape « Émettre le titre de recettes »"), "{unnamed}");
    assert!(unnamed.contains("arrives on paper at step"), "{unnamed}");
}

#[test]
fn fires_when_paper_is_keyed_in() {
    check(&two(Channel::Internal, Some(Medium::Paper), Channel::Internal, true), "media-break", &["f2 y formulaire"]);
    check(&two(Channel::Counter, None, Channel::Internal, true), "media-break", &["f2 y formulaire"]);
}

#[test]
fn the_gain_is_the_keying_not_the_whole_step() {
    let keyed = |produces: &[&str]| {
        let p = two(Channel::Counter, None, Channel::Internal, true);
        let p = B { p }.dur("y", 20.0).produces("y", produces).build();
        let a = crate::analysis::analyze(&p, &crate::analysis::Settings::default());
        a.findings.into_iter().find(|f| f.rule == "media-break").expect("fires").gain.touch_min
    };
    // Only keying in: all of its minutes.
    assert!((keyed(&[]) - 20.0).abs() < 1e-9);
    // Keying in and admitting the pupil: the admission stays.
    assert!((keyed(&["admission"]) - 10.0).abs() < 1e-9);
}

/// The counter's check, "Dossier complet ?", then the keying: `back` is the medium of the
/// flow that brings the completed file back to the decision (none: no such way).
fn through_a_decision(back: Option<Option<Medium>>) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .check("x", "a", "Vérifier les pièces")
        .channel("x", Channel::Counter)
        .decision("d")
        .task("y", "b", "Saisir le dossier")
        .channel("y", Channel::Internal)
        .enters("y", &["formulaire"])
        .end("e")
        .refused("r")
        .chain(&["s", "x", "d"])
        .prob("d", "y", 0.8)
        .chain(&["y", "e"]);
    match back {
        None => b.prob("d", "r", 0.2).build(),
        Some(medium) => b
            .task("c", "u", "Compléter le dossier")
            .channel("c", Channel::Online)
            .prob("d", "c", 0.2)
            .flow("c", "d", 0.0, medium)
            .build(),
    }
}

#[test]
fn does_not_look_through_a_parallel_fork() {
    // Signed at the counter, then two branches: which one the paper file goes down is not drawn.
    let p = B::new()
        .start("s")
        .task("x", "u", "Signer le contrat")
        .channel("x", Channel::Counter)
        .par("fork")
        .task("y", "b", "Effectuer la déclaration préalable à l'embauche")
        .channel("y", Channel::Online)
        .enters("y", &["identite"])
        .task("z", "c", "Transmettre le contrat au contrôle de légalité")
        .par("join")
        .end("e")
        .chain(&["s", "x", "fork", "y", "join", "e"])
        .chain(&["fork", "z", "join"])
        .build();
    check(&p, "media-break", &[]);
}

#[test]
fn fires_through_the_gateways_between_the_paper_and_the_keying() {
    let p = through_a_decision(None);
    check(&p, "media-break", &["f3 y formulaire"]);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "media-break")
        .expect("fires");
    // The paper comes from the counter's check, not from the decision.
    assert!(f.explanation_fr.contains("de l'étape « Vérifier les pièces »"), "{}", f.explanation_fr);
    // A way into the decision that is digital: the file may come back online.
    check(&through_a_decision(Some(Some(Medium::System))), "media-break", &[]);
    check(&through_a_decision(Some(None)), "media-break", &[]);
    // Both ways on paper: still the paper file keyed in.
    check(&through_a_decision(Some(Some(Medium::Mail))), "media-break", &["f3 y formulaire"]);
}

/// The doctor fills in the certificate on paper, then the user fills in the request online;
/// `keys_the_paper`: what the user types is what the certificate says.
fn paper_then_online_form(keys_the_paper: bool) -> crate::model::Procedure {
    let entered: &[&str] = if keys_the_paper { &["certificat"] } else { &["identite"] };
    B::new()
        .start("s")
        .task("x", "a", "Remplir le certificat médical")
        .channel("x", Channel::Paper)
        .produces("x", &["certificat"])
        .task("y", "u", "Remplir la demande en ligne et joindre les pièces")
        .channel("y", Channel::Online)
        .requests("y", &["certificat", "identite"])
        .enters("y", entered)
        .end("e")
        .chain(&["s", "x", "y", "e"])
        .build()
}

#[test]
fn the_user_typing_their_own_form_after_a_paper_step_is_no_media_break() {
    check(&paper_then_online_form(false), "media-break", &[]);
    // Near miss: the user copies the paper certificate into the online form.
    check(&paper_then_online_form(true), "media-break", &["f2 y certificat"]);
}

/// The company files online with the region (`to` is the lane of the step that receives the
/// request), the standing committee votes in session, then the region's finance office keys
/// the mandate: `keyed` is what that step enters.
fn vote_then_mandate(to: &str, keyed: &[&str]) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande sur le portail")
        .channel("depot", Channel::Online)
        .requests("depot", &["rib", "siret"])
        .task("instruction", to, "Instruire la demande")
        .channel("instruction", Channel::Internal)
        .approval("vote", "c", "Voter l'aide en commission permanente")
        .channel("vote", Channel::Counter)
        .task("mandat", "b", "Mandater l'aide")
        .channel("mandat", Channel::Internal)
        .enters("mandat", keyed)
        .end("e")
        .chain(&["s", "depot", "instruction", "vote", "mandat", "e"])
        .build()
}

#[test]
fn names_only_what_the_paper_brings() {
    // The amount voted in session comes on paper; the RIB and the SIRET came in on the
    // portal of the lane that keys them.
    let p = vote_then_mandate("b", &["montant", "rib", "siret"]);
    check(&p, "media-break", &["f4 mandat montant"]);
    let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "media-break")
        .expect("fires");
    assert!(f.explanation_fr.contains("qui saisit « montant » dans"), "{}", f.explanation_fr);
    // Near miss: all it keys came in on that portal: nothing is copied off the paper.
    check(&vote_then_mandate("b", &["rib", "siret"]), "media-break", &[]);
    // Given online to another body (the police's pre-complaint, the parquet keying the
    // paper it receives), the items reach the keying lane on paper only.
    check(&vote_then_mandate("d", &["rib", "siret"]), "media-break", &["f4 mandat rib siret"]);
    // Given online to that lane, then again on paper at the counter: the paper's value is keyed.
    let again = B::new()
        .start("s")
        .task("depot", "u", "Déposer la demande sur le portail")
        .channel("depot", Channel::Online)
        .requests("depot", &["rib", "siret"])
        .task("instruction", "b", "Instruire la demande")
        .channel("instruction", Channel::Internal)
        .task("nouveau-rib", "u", "Remettre un nouveau RIB au guichet")
        .channel("nouveau-rib", Channel::Counter)
        .requests("nouveau-rib", &["rib"])
        .task("mandat", "b", "Mandater l'aide")
        .channel("mandat", Channel::Internal)
        .enters("mandat", &["rib", "siret"])
        .end("e")
        .chain(&["s", "depot", "instruction", "nouveau-rib", "mandat", "e"])
        .build();
    check(&again, "media-break", &["f4 mandat rib"]);
}

/// The paper file posted to a check that keys in `keyed`; with `asked`, the user gave the
/// rank on the paper form.
fn ranked(keyed: &[&str], asked: bool) -> crate::model::Procedure {
    let b = B::new()
        .start("s")
        .task("depot", "u", "Remettre le dossier papier")
        .channel("depot", Channel::Paper)
        .requests("depot", &["pieces"])
        .check("controle", "b", "Contrôler les pièces et retenir le critère de priorité")
        .channel("controle", Channel::Internal)
        .checks("controle", &["pieces"])
        .enters("controle", keyed)
        .end("e")
        .chain(&["s"])
        .flow("s", "depot", 0.0, None)
        .flow("depot", "controle", 0.0, Some(Medium::Mail))
        .chain(&["controle", "e"]);
    if asked { b.requests("depot", &["rang"]).build() } else { b.build() }
}

#[test]
fn the_verdict_a_check_records_is_not_copied_off_the_paper() {
    // The criterion retained on reading the pieces: the check's own judgement.
    check(&ranked(&["rang"], false), "media-break", &[]);
    // Near misses: the pieces themselves keyed in, or a rank the paper form gave, are copied.
    check(&ranked(&["rang", "pieces"], false), "media-break", &["f2 controle pieces"]);
    check(&ranked(&["rang"], true), "media-break", &["f2 controle rang"]);
}

#[test]
fn does_not_fire_without_keying_or_from_digital_or_on_a_posted_letter() {
    check(&two(Channel::Internal, Some(Medium::Paper), Channel::Internal, false), "media-break", &[]);
    check(&two(Channel::Online, Some(Medium::System), Channel::Internal, true), "media-break", &[]);
    check(&two(Channel::Mail, None, Channel::Internal, true), "media-break", &[]);
    check(&two(Channel::Internal, Some(Medium::Paper), Channel::Paper, true), "media-break", &[]);
}

#[test]
fn what_a_step_without_a_channel_keys_in_is_in_a_system() {
    // The form keyed in by the counter, then a printed file to the service keying the form and
    // the RIB that came with the paper: whether the drawing gives the first keying's channel or
    // leaves it out, the form is in a system already; the paper brings the RIB.
    let p = |channel: Channel| {
        let mut b = B::new()
            .start("s")
            .task("x", "a", "Saisir le formulaire")
            .enters("x", &["formulaire"])
            .task("p", "a", "Imprimer le dossier")
            .channel("p", Channel::Paper)
            .task("y", "b", "Saisir le dossier")
            .channel("y", Channel::Internal)
            .enters("y", &["formulaire", "rib"])
            .end("e")
            .chain(&["s", "x", "p", "y", "e"]);
        b = b.channel("x", channel);
        b.build()
    };
    let without_channel = || {
        let mut p = p(Channel::Internal);
        if let Some(s) = p.step_mut("x") {
            s.channel = None;
        }
        p
    };
    check(&p(Channel::Internal), "media-break", &["f3 y rib"]);
    check(&without_channel(), "media-break", &["f3 y rib"]);
    // Near miss: keyed on a paper form, the form is in no system: the paper brings both.
    check(&p(Channel::Paper), "media-break", &["f3 y formulaire rib"]);
}

/// The paper pieces posted to the doctor, then `label` in the doctor's digital space, keying
/// in the arrangements (named by no other step) and producing the opinion.
fn opinion_after_paper(label: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("x", "u", "Envoyer les pièces médicales")
        .channel("x", Channel::Paper)
        .requests("x", &["pieces"])
        .task("y", "b", label)
        .channel("y", Channel::Internal)
        .enters("y", &["amenagements"])
        .produces("y", &["avis"])
        .end("e")
        .chain(&["s", "x"])
        .flow("x", "y", 0.0, Some(Medium::Mail))
        .chain(&["y", "e"])
        .build()
}

#[test]
fn what_a_task_writing_its_own_document_decides_is_not_copied_off_the_paper() {
    // The doctor types the arrangements they propose as they write their opinion.
    check(&opinion_after_paper("Rédiger l'avis sur les aménagements"), "media-break", &[]);
    // Near miss: a step that says it keys in, or that does not say it writes, keys what
    // the paper brought.
    check(&opinion_after_paper("Enregistrer la demande d'aménagements"), "media-break", &["f2 y amenagements"]);
    check(&opinion_after_paper("Notifier les aménagements"), "media-break", &["f2 y amenagements"]);
}

#[test]
fn a_task_drafting_its_own_document_writes_it_though_drawn_without_it() {
    // Drawn without the opinion it produces: the label opens on drafting.
    let sparse = |label: &str| {
        let mut p = opinion_after_paper(label);
        if let Some(s) = p.step_mut("y") {
            s.produces.clear();
        }
        p
    };
    check(&sparse("Rédiger l'avis sur les aménagements dans Cyclades"), "media-break", &[]);
    check(&sparse("Le médecin établit l'avis dans Cyclades"), "media-break", &[]);
    // Near misses: a step that issues or calculates may work off the paper it was handed, and
    // one that keys in copies it.
    check(&sparse("Émettre l'avis dans Cyclades"), "media-break", &["f2 y amenagements"]);
    check(&sparse("Saisir les aménagements dans Cyclades"), "media-break", &["f2 y amenagements"]);
}

#[test]
fn a_step_drawn_without_its_channel_keys_into_a_system() {
    // The posted form keyed in at its arrival, the keying step's channel left out of the drawing:
    // `enters` says it keys into a system.
    let posted = |to: Option<Channel>| {
        let b = B::new()
            .start("s")
            .task("x", "u", "Envoyer la demande")
            .task("y", "b", "Enregistrer la demande dans l'application")
            .enters("y", &["formulaire"])
            .end("e")
            .chain(&["s", "x"])
            .flow("x", "y", 0.0, Some(Medium::Mail))
            .chain(&["y", "e"]);
        match to {
            Some(c) => b.channel("y", c).build(),
            None => b.build(),
        }
    };
    check(&posted(None), "media-break", &["f2 y formulaire"]);
    check(&posted(Some(Channel::Internal)), "media-break", &["f2 y formulaire"]);
    // Near misses: keyed where the paper is, at the counter or on paper; the phone (no support).
    check(&posted(Some(Channel::Counter)), "media-break", &[]);
    check(&posted(Some(Channel::Paper)), "media-break", &[]);
    check(&posted(Some(Channel::Phone)), "media-break", &[]);
}

#[test]
fn a_paper_way_few_files_take_is_told_with_its_share() {
    // Three files in ten come from the counter on a paper slip, which the service keys in; the
    // others are recorded straight in the software.
    let p = B::new()
        .start("s")
        .decision("v")
        .task("logiciel", "a", "Enregistrer la demande dans le logiciel")
        .channel("logiciel", Channel::Internal)
        .task("x", "a", "Remplir la fiche papier")
        .channel("x", Channel::Paper)
        .task("y", "b", "Traiter la demande")
        .channel("y", Channel::Internal)
        .enters("y", &["formulaire"])
        .end("e")
        .chain(&["s", "v"])
        .prob("v", "logiciel", 0.7)
        .prob("v", "x", 0.3)
        .chain(&["logiciel", "y"])
        .chain(&["x", "y", "e"])
        .build();
    let a = crate::analysis::analyze(&p, &crate::analysis::Settings::default());
    let f = a.findings.iter().find(|f| f.rule == "media-break").unwrap_or_else(|| panic!("{:#?}", a.findings));
    let fr = f.explanation_fr.replace(crate::analysis::words::NBSP, " ");
    assert!(
        fr.starts_with("Dans 30 % des cas, le dossier arrive sur papier de l'étape « Remplir la fiche papier »"),
        "{fr}"
    );
    assert!(f.explanation_en.starts_with("In 30% of cases, the file arrives on paper"), "{}", f.explanation_en);
    // Near miss: every file on paper, told as every file.
    let f = crate::analysis::analyze(&two(Channel::Paper, None, Channel::Internal, true), &Default::default());
    let f = f.findings.iter().find(|f| f.rule == "media-break").expect("fires");
    assert!(f.explanation_fr.starts_with("Le dossier arrive sur papier"), "{}", f.explanation_fr);
}

#[test]
fn the_keying_saved_is_the_paper_ways_files_only() {
    // The form handed in at the counter by three files in ten, filed online by the others, then
    // recorded: only the paper ones are keyed off paper, and the gain is theirs (6 of the 20 minutes per file).
    let gain = |paper: f64| {
        let p = B::new()
            .start("s")
            .decision("v")
            .task("papier", "a", "Recevoir le formulaire au guichet")
            .channel("papier", Channel::Counter)
            .requests("papier", &["formulaire"])
            .task("ligne", "u", "Déposer le formulaire en ligne")
            .channel("ligne", Channel::Online)
            .task("y", "b", "Enregistrer la demande")
            .channel("y", Channel::Internal)
            .enters("y", &["formulaire"])
            .dur("y", 20.0)
            .end("e")
            .chain(&["s", "v"])
            .prob("v", "papier", paper)
            .prob("v", "ligne", 1.0 - paper)
            .chain(&["papier", "y"])
            .chain(&["ligne", "y", "e"])
            .build();
        let a = crate::analysis::analyze(&p, &crate::analysis::Settings::default());
        a.findings.into_iter().find(|f| f.rule == "media-break").expect("fires").gain.touch_min
    };
    assert!((gain(0.3) - 6.0).abs() < 1e-9, "{}", gain(0.3));
    // Near miss: nearly every file on paper, nearly all of the keying is saved.
    assert!((gain(0.95) - 19.0).abs() < 1e-9, "{}", gain(0.95));
}
