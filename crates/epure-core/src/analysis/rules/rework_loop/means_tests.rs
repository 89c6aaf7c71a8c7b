//! `rework-loop`: how the advice says the pieces would be checked at the filing, by the ways in
//! and by what the returns are about.

use crate::analysis::testkit::B;
use crate::analysis::{Finding, Settings, analyze};
use crate::model::Channel;

/// The user files online (or, for `paper`, posts a paper form too, which an agent keys in); the
/// service checks the RIB and sends the file back with the request `ask`.
fn returned(ask: &str, paper: Option<Channel>) -> Finding {
    let mut b = B::new()
        .start("s")
        .task("depot", "u", "Déposer le dossier en ligne")
        .requests("depot", &["rib"])
        .channel("depot", Channel::Online)
        .check("c", "b", "Vérifier le RIB")
        .checks("c", &["rib"])
        .dur("c", 10.0)
        .decision("d")
        .task("r", "u", ask)
        .requests("r", &["rib"])
        .dur("r", 20.0)
        .end("e")
        .prob("d", "r", 0.3)
        .prob("d", "e", 0.7)
        .chain(&["r", "c"])
        .chain(&["c", "d"]);
    b = match paper {
        None => b.chain(&["s", "depot", "c"]),
        Some(channel) => b
            .decision("v")
            .task("papier", "u", "Envoyer le formulaire")
            .requests("papier", &["rib"])
            .channel("papier", channel)
            .task("saisie", "a", "Saisir le formulaire")
            .chain(&["s", "v"])
            .prob("v", "depot", 0.7)
            .prob("v", "papier", 0.3)
            .chain(&["depot", "c"])
            .chain(&["papier", "saisie", "c"]),
    };
    let p = b.build();
    analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").expect("fires")
}

#[test]
fn a_piece_sent_back_for_what_it_says_is_not_one_a_form_flags_as_missing() {
    // The RIB missing: the online form that will not send without it.
    let f = returned("Envoyer le RIB manquant", None);
    assert!(f.explanation_fr.contains("(le formulaire en ligne signale les pièces manquantes"), "{}", f.explanation_fr);
    // The RIB there but not the right one (another account, a scan one cannot read): a form does
    // not see it; the filing says beforehand what the piece must show.
    for ask in ["Envoyer un RIB conforme", "ENVOYER UN RIB LISIBLE", "Envoyer un autre RIB"] {
        let f = returned(ask, None);
        assert!(!f.explanation_fr.contains("formulaire en ligne signale"), "{}", f.explanation_fr);
        assert!(
            f.explanation_fr
                .contains("(une notice dit, exemple à l'appui, ce que la pièce doit montrer pour être acceptée"),
            "{}",
            f.explanation_fr
        );
        assert!(
            f.explanation_en.contains("(a guide says, with an example, what the piece must show"),
            "{}",
            f.explanation_en
        );
        assert_eq!(f.suggestion, Some("check-upfront"));
    }
}

#[test]
fn ways_in_by_several_channels_are_each_told_their_means() {
    // Online and by post: the online form, and the checklist with the paper form.
    let f = returned("Envoyer le RIB manquant", Some(Channel::Mail));
    assert!(
        f.explanation_fr.contains(
            "(en ligne, le formulaire signale les pièces manquantes avant l'envoi ; sinon, une \
             liste des pièces à cocher accompagne le formulaire)"
        ),
        "{}",
        f.explanation_fr
    );
    assert!(
        f.explanation_en
            .contains("(online, the form flags missing pieces before the file is sent; otherwise, a checklist"),
        "{}",
        f.explanation_en
    );
    // Online and at the counter: the agent's check with the user there.
    let f = returned("Envoyer le RIB manquant", Some(Channel::Counter));
    assert!(
        f.explanation_fr
            .contains(" ; au guichet, l'agent vérifie la présence des pièces avec l'usager, liste à l'appui)"),
        "{}",
        f.explanation_fr
    );
    // Near miss: both ways online are one means.
    let f = returned("Envoyer le RIB manquant", Some(Channel::Online));
    assert!(f.explanation_fr.contains("(le formulaire en ligne signale les pièces manquantes"), "{}", f.explanation_fr);
}

#[test]
fn half_the_returns_is_written_as_half() {
    // Three files in ten sent back: from 30 % to 15 %.
    let f = returned("Envoyer le RIB manquant", None);
    let fr = f.explanation_fr.replace(crate::analysis::words::NBSP, " ");
    assert!(fr.contains("(de 30 % à 15 % des passages)"), "{fr}");
    // A quarter: half of it is 12.5 %, not 12 % (nor, for 35 %, 18 %).
    let quarter = {
        let mut b = B::new()
            .start("s")
            .task("depot", "u", "Déposer le dossier")
            .requests("depot", &["rib"])
            .check("c", "b", "Vérifier le RIB")
            .checks("c", &["rib"])
            .decision("d")
            .task("r", "u", "Envoyer le RIB manquant")
            .requests("r", &["rib"])
            .end("e")
            .chain(&["s", "depot", "c", "d"])
            .prob("d", "r", 0.25)
            .prob("d", "e", 0.75);
        b = b.chain(&["r", "c"]);
        analyze(&b.build(), &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").expect("fires")
    };
    let fr = quarter.explanation_fr.replace(crate::analysis::words::NBSP, " ");
    assert!(fr.contains("(de 25 % à 12,5 % des passages)"), "{fr}");
    assert!(quarter.explanation_en.contains("(from 25% to 12.5% of passes)"), "{}", quarter.explanation_en);
}

#[test]
fn a_circuit_too_long_to_read_is_told_by_its_number_of_steps() {
    // The return goes through `n` steps of the service before the check again.
    let told = |n: usize| {
        let mut b = B::new()
            .start("s")
            .task("depot", "u", "Déposer le dossier")
            .requests("depot", &["rib"])
            .check("c", "b", "Vérifier le RIB")
            .checks("c", &["rib"])
            .decision("d")
            .task("r", "u", "Envoyer le RIB manquant")
            .requests("r", &["rib"])
            .end("e")
            .chain(&["s", "depot", "c", "d"])
            .prob("d", "r", 0.3)
            .prob("d", "e", 0.7);
        let mut prev = "r".to_string();
        for i in 0..n {
            let id = format!("t{i}");
            b = b.task(&id, "b", &format!("Traiter le retour {i}")).chain(&[prev.as_str(), id.as_str()]);
            prev = id;
        }
        b = b.chain(&[prev.as_str(), "c"]);
        analyze(&b.build(), &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").expect("fires")
    };
    // Eight steps: listed by name.
    let f = told(6);
    assert!(f.explanation_fr.contains("et refait le circuit "), "{}", f.explanation_fr);
    assert!(f.explanation_fr.contains("« Traiter le retour 5 »"), "{}", f.explanation_fr);
    // Twelve: told by their number.
    let f = told(10);
    assert!(f.explanation_fr.contains("» et refait un circuit de 12 étapes. Par dossier"), "{}", f.explanation_fr);
    assert!(f.explanation_en.contains("” and round a circuit of 12 steps again. Per file"), "{}", f.explanation_en);
    assert!(!f.explanation_fr.contains("« Traiter le retour 5 »"), "{}", f.explanation_fr);
}

/// The project's owner files online the pieces `pieces` (named as given); the service checks
/// their completeness and asks for the complements.
fn complements_of(pieces: &[&str]) -> Finding {
    let ids: Vec<String> = (0..pieces.len()).map(|i| format!("piece-{i}")).collect();
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut p = B::new()
        .start("s")
        .task("depot", "u", "Déposer le dossier en ligne")
        .requests("depot", &ids)
        .channel("depot", Channel::Online)
        .check("c", "b", "Vérifier la complétude du dossier")
        .checks("c", &ids)
        .decision("d")
        .task("r", "u", "Déposer les compléments")
        .requests("r", &ids)
        .end("e")
        .prob("d", "r", 0.4)
        .prob("d", "e", 0.6)
        .chain(&["s", "depot", "c", "d"])
        .chain(&["r", "c"])
        .build();
    for (d, name) in p.data.iter_mut().zip(pieces) {
        d.name = (*name).into();
    }
    analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").expect("fires")
}

#[test]
fn the_complements_of_a_study_are_its_content_not_a_missing_piece() {
    // A study: what is asked of it is what it treats, said beforehand with the department.
    for study in ["Étude d'impact", "Document d'incidences (Natura 2000)", "DOSSIER TECHNIQUE (inventaires)"] {
        let f = complements_of(&[study]);
        assert!(
            f.explanation_fr.contains(
                "(un échange préalable avec le service instructeur dit, avant le dépôt, ce que l'étude doit traiter"
            ),
            "{}",
            f.explanation_fr
        );
        assert!(!f.explanation_fr.contains("formulaire en ligne signale"), "{}", f.explanation_fr);
        assert!(
            f.explanation_en.contains("a prior exchange with the investigating department"),
            "{}",
            f.explanation_en
        );
    }
    // A study among other pieces: the form for them, the exchange for the study.
    let f = complements_of(&["Plan de situation", "Étude de dangers"]);
    assert!(
        f.explanation_fr.contains(
            "le formulaire en ligne signale les pièces manquantes avant l'envoi ; pour « Étude de dangers », un échange préalable"
        ),
        "{}",
        f.explanation_fr
    );
    // Near miss: a diploma of the end of studies is a piece the form flags as missing.
    let f = complements_of(&["Certificat de fin d'études"]);
    assert!(f.explanation_fr.contains("(le formulaire en ligne signale les pièces manquantes"), "{}", f.explanation_fr);
}
