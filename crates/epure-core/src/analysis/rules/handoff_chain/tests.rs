//! Tests of `handoff-chain`.

use crate::analysis::Lang;
use crate::analysis::testkit::{B, check};
use crate::analysis::words::percent;

fn relay(lanes: &[&str]) -> crate::model::Procedure {
    let mut b = B::new().start("s").end("e");
    let mut ids = vec!["s".to_string()];
    for (i, l) in lanes.iter().enumerate() {
        let id = format!("t{i}");
        b = b.task(&id, l, &format!("Étape {i}"));
        ids.push(id);
    }
    ids.push("e".into());
    let refs: Vec<&str> = ids.iter().map(String::as_str).collect();
    b.chain(&refs).build()
}

#[test]
fn fires_above_the_threshold() {
    check(&relay(&["u", "a", "b", "c", "d", "b", "a"]), "handoff-chain", &["t0 t1 t2 t3 t4 t5 t6"]);
}

#[test]
fn an_information_system_is_not_a_hand() {
    let with_platform = |kind: crate::model::ActorKind| {
        let mut p = relay(&["u", "a", "d", "b", "d", "c", "b"]);
        p.actors.push(crate::model::Actor {
            id: "si".into(),
            name: "Plateforme de dépôt".into(),
            kind,
            hourly_cost_eur: None,
            extra: crate::model::Extra::new(),
        });
        // The platform acknowledges the filing, between the user and the counter.
        if let Some(t) = p.step_mut("t1") {
            t.actor = Some("si".into());
        }
        p
    };
    // u → platform → d → b → d → c → b: five changes of hands, the platform passed through.
    check(&with_platform(crate::model::ActorKind::System), "handoff-chain", &[]);
    // Near miss: the same step in an agent's lane is one more hand (six changes).
    check(&with_platform(crate::model::ActorKind::Agent), "handoff-chain", &["t0 t1 t2 t3 t4 t5 t6"]);
}

#[test]
fn a_loop_is_walked_from_where_cases_enter_it() {
    // "Récupérer…" (x), the loop's entry, is listed last, as a simplification appends it:
    // the way is still walked through it, and its six handoffs are still counted.
    let p = B::new()
        .start("s")
        .task("t0", "u", "Déposer")
        .task("t2", "b", "Instruire")
        .decision("d")
        .task("t3", "c", "Viser")
        .task("t4", "d", "Donner un avis")
        .task("t5", "b", "Rédiger")
        .task("t6", "a", "Notifier")
        .end("e")
        .task("x", "a", "Récupérer le dossier")
        .chain(&["s", "t0", "x", "t2", "d"])
        .prob("d", "x", 0.3)
        .prob("d", "t3", 0.7)
        .chain(&["t3", "t4", "t5", "t6", "e"])
        .build();
    check(&p, "handoff-chain", &["t0 x t2 t3 t4 t5 t6"]);
}

#[test]
fn does_not_fire_at_the_threshold_or_within_one_lane() {
    check(&relay(&["u", "a", "b", "c", "d", "b"]), "handoff-chain", &[]);
    check(&relay(&["a", "a", "a", "a", "a", "a", "a", "a"]), "handoff-chain", &[]);
}

/// A filing, then `share` of the files go through five more hands before the decision (the
/// doubtful certificates sent to the consulate and the parquet), the others straight to it.
fn rare_way(share: f64) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("t0", "u", "Déposer la demande")
        .task("t1", "b", "Examiner la demande")
        .decision("d")
        .task("t2", "d", "Vérifier auprès du registre local")
        .task("t3", "b", "Saisir le procureur")
        .task("t4", "c", "Examiner l'acte")
        .task("t5", "b", "Transcrire l'acte")
        .task("t6", "u", "Envoyer le livret")
        .task("t7", "b", "Mettre à jour le livret")
        .end("e")
        .chain(&["s", "t0", "t1", "d"])
        .prob("d", "t2", share)
        .prob("d", "t5", 1.0 - share)
        .chain(&["t2", "t3", "t4", "t5", "t6", "t7", "e"])
        .build()
}

#[test]
fn a_way_few_files_take_is_told_with_its_share_and_counts_for_it() {
    let found = |share: f64| told(&rare_way(share));
    // Seven changes of hands, two above the threshold, on the way of 4 % of the files: told
    // as information, with its share, and worth 0.08 handoffs per file.
    let f = found(0.04);
    assert_eq!(f.subjects.join(" "), "t0 t1 t2 t3 t4 t5 t6 t7");
    assert_eq!(f.severity, crate::analysis::Severity::Info);
    assert!((f.gain.handoffs - 0.08).abs() < 1e-9, "gain {}", f.gain.handoffs);
    let four = crate::analysis::words::percent(crate::analysis::Lang::Fr, 0.04);
    let told = format!("Sur un parcours que suivent environ {four} des dossiers, le dossier change 7 fois");
    assert!(f.explanation_fr.starts_with(&told), "{}", f.explanation_fr);
    // Near miss: the way half the files take is a warning, worth half its two handoffs; the
    // way every file takes is told without a share.
    let f = found(0.5);
    assert_eq!(f.severity, crate::analysis::Severity::Warning);
    assert!((f.gain.handoffs - 1.0).abs() < 1e-9, "gain {}", f.gain.handoffs);
    let f = found(1.0);
    assert!(f.explanation_fr.starts_with("Sur un même parcours, le dossier change 7 fois"), "{}", f.explanation_fr);
    assert!((f.gain.handoffs - 2.0).abs() < 1e-9, "gain {}", f.gain.handoffs);
}

/// Six changes of hands on the way most files take; `rare` of them go to a partner and back
/// twice after the direction's examination (nine changes on that way).
fn common_and_rare(rare: f64, direct_to: &str) -> crate::model::Procedure {
    B::new()
        .start("s")
        .task("t0", "u", "Déposer la demande")
        .task("t1", "b", "Instruire la demande")
        .task("t2", "a", "Recevoir le demandeur")
        .task("t3", "c", "Examiner le dossier")
        .decision("d")
        .task("r1", "d", "Donner l'avis du partenaire")
        .task("r2", "b", "Compléter le dossier")
        .task("r3", "d", "Donner le second avis du partenaire")
        .task("t4", "b", "Rédiger la décision")
        .task("t5", "a", "Remettre la décision")
        .task("t6", "u", "Signer le récépissé")
        .end("e")
        .chain(&["s", "t0", "t1", "t2", "t3", "d"])
        .prob("d", "r1", rare)
        .prob("d", direct_to, 1.0 - rare)
        .chain(&["r1", "r2", "r3", "t4", "t5", "t6", "e"])
        .build()
}

#[test]
fn the_way_most_files_take_is_told_when_it_has_too_many_hands_too() {
    let found = |direct_to: &str| told(&common_and_rare(0.05, direct_to));
    // Six changes of hands on the way of 95 % of the files: a warning on that way, the rarer
    // way's nine beside it. Every step of the common way is on every file's way, but the flow
    // straight from the decision to the decision's drafting is a turn only 95 % take: the way
    // is told with its share and counts for it.
    let f = found("t4");
    assert_eq!(f.subjects.join(" "), "t0 t1 t2 t3 t4 t5 t6");
    assert_eq!(f.severity, crate::analysis::Severity::Warning);
    assert!((f.gain.handoffs - 0.95).abs() < 1e-9, "gain {}", f.gain.handoffs);
    let (five, most) = (percent(Lang::Fr, 0.05), percent(Lang::Fr, 0.95));
    let told = format!("Sur un parcours que suivent environ {most} des dossiers, le dossier change 6 fois");
    assert!(f.explanation_fr.starts_with(&told), "{}", f.explanation_fr);
    assert!(
        f.explanation_fr.contains(&format!(
            "Sur un parcours plus rare, que suivent environ {five} des dossiers, il change jusqu'à 9 fois de mains."
        )),
        "{}",
        f.explanation_fr
    );
    // Near miss: the way most files take hands the file over five times only (straight from
    // the examination to the handing over): the rare way is told, as information.
    let f = found("t5");
    assert_eq!(f.subjects.join(" "), "t0 t1 t2 t3 r1 r2 r3 t4 t5 t6");
    assert_eq!(f.severity, crate::analysis::Severity::Info);
    assert!(!f.explanation_fr.contains("plus rare"), "{}", f.explanation_fr);
}

#[test]
fn the_busier_way_stays_told_unless_twice_as_many_files_take_the_other() {
    let found = |rare: f64| told(&common_and_rare(rare, "t4"));
    // Three files in ten on the way with nine hands, seven in ten on the one with six: the
    // common way is told, the rarer one beside it.
    let f = found(0.3);
    assert_eq!(f.subjects.join(" "), "t0 t1 t2 t3 t4 t5 t6");
    assert!(f.explanation_fr.contains("plus rare"), "{}", f.explanation_fr);
    // Near miss: 45 % against 55 % is no majority to act on: the way with nine hands is told.
    let f = found(0.45);
    assert_eq!(f.subjects.join(" "), "t0 t1 t2 t3 r1 r2 r3 t4 t5 t6");
    assert_eq!(f.severity, crate::analysis::Severity::Warning);
    assert!(!f.explanation_fr.contains("plus rare"), "{}", f.explanation_fr);
}

#[test]
fn past_a_rare_turn_the_busiest_way_one_file_in_ten_takes_is_told() {
    // Seven files in ten are settled in two hands; of the three others, nine in ten go
    // through six hands and one in ten through nine more: no way half the files take has
    // too many hands, the 27 % way is told, the 3 % one beside it.
    let p = B::new()
        .start("s")
        .task("t0", "u", "Déposer la demande")
        .task("t1", "b", "Instruire la demande")
        .decision("d1")
        .task("quick", "b", "Notifier l'accord")
        .task("t2", "c", "Examiner le dossier")
        .task("t3", "b", "Compléter le dossier")
        .task("t4", "c", "Rédiger la décision")
        .task("t5", "a", "Signer la décision")
        .task("t6", "b", "Notifier la décision")
        .decision("d2")
        .task("r1", "d", "Donner l'avis du partenaire")
        .task("r2", "b", "Transmettre l'avis")
        .task("r3", "d", "Donner le second avis")
        .end("e1")
        .end("e2")
        .chain(&["s", "t0", "t1", "d1"])
        .prob("d1", "quick", 0.7)
        .prob("d1", "t2", 0.3)
        .chain(&["quick", "e1"])
        .chain(&["t2", "t3", "t4", "t5", "t6", "d2"])
        .prob("d2", "e2", 0.9)
        .prob("d2", "r1", 0.1)
        .chain(&["r1", "r2", "r3", "e2"])
        .build();
    let f = told(&p);
    assert_eq!(f.subjects.join(" "), "t0 t1 t2 t3 t4 t5 t6");
    let (most, rare) = (percent(Lang::Fr, 0.27), percent(Lang::Fr, 0.03));
    assert!(
        f.explanation_fr.starts_with(&format!("Sur un parcours que suivent environ {most}")),
        "{}",
        f.explanation_fr
    );
    assert!(f.explanation_fr.contains(&format!("plus rare, que suivent environ {rare}")), "{}", f.explanation_fr);
}

#[test]
fn of_two_ways_with_as_many_hands_tells_the_one_more_files_take() {
    // After the instruction, the opinion of one body or of another, as many hands either
    // way: the way four files in five take is told (listed second, it is not the first found).
    let p = B::new()
        .start("s")
        .task("t0", "u", "Déposer la demande")
        .task("t1", "b", "Instruire la demande")
        .decision("d")
        .task("rare", "d", "Donner l'avis du partenaire")
        .task("common", "c", "Donner l'avis de la direction")
        .task("t3", "b", "Rédiger la décision")
        .task("t4", "a", "Remettre la décision")
        .task("t5", "u", "Retirer la décision")
        .task("t6", "b", "Archiver le dossier")
        .end("e")
        .chain(&["s", "t0", "t1", "d"])
        .prob("d", "rare", 0.2)
        .prob("d", "common", 0.8)
        .chain(&["rare", "t3"])
        .chain(&["common", "t3", "t4", "t5", "t6", "e"])
        .build();
    check(&p, "handoff-chain", &["t0 t1 common t3 t4 t5 t6"]);
}

fn told(p: &crate::model::Procedure) -> crate::analysis::Finding {
    crate::analysis::analyze(p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .find(|f| f.rule == "handoff-chain")
        .expect("fired")
}

#[test]
fn a_long_chain_is_told_as_its_hands_and_bodies_are_not_told_to_give_way_to_one_contact() {
    // Seven hands in a row: told as the chain, with a single contact advised.
    let f = told(&relay(&["u", "a", "b", "c", "d", "b", "a"]));
    assert!(f.explanation_fr.contains("(seuil : 5) : Usager → Accueil → Service instructeur → Direction → Partenaire → Service instructeur → Accueil. Chaque passage ajoute une attente et un risque"), "{}", f.explanation_fr);
    assert!(
        f.explanation_fr.ends_with(
            "Un interlocuteur unique ou le regroupement d'étapes dans un même service réduirait ces relais."
        ),
        "{}",
        f.explanation_fr
    );
    // Eleven: too long a chain to read, told as the hands it goes through, each once, those that
    // take it more than once first (a count after the last of the list would read as every
    // hand's).
    let f = told(&relay(&["u", "a", "b", "a", "c", "a", "u", "a", "d", "a", "b"]));
    let fr = f.explanation_fr.replace(crate::analysis::words::NBSP, " ");
    assert!(fr.contains("(seuil : 5) entre 5 intervenants : « Accueil » (5 fois), « Usager » (2 fois), « Service instructeur » (2 fois), « Direction » et « Partenaire »."), "{fr}");
    assert!(f.explanation_en.contains("between 5 hands: “Accueil” (5 times), “Usager” (2 times), “Service instructeur” (2 times), “Direction” and “Partenaire”."), "{}", f.explanation_en);
    // Two other bodies on the way (their part is theirs by law): no single contact.
    let mut p = relay(&["u", "a", "b", "d", "e", "b", "a"]);
    {
        p.actors.push(crate::model::Actor {
            id: "e".into(),
            name: "Commission".into(),
            kind: crate::model::ActorKind::Partner,
            hourly_cost_eur: None,
            extra: crate::model::Extra::new(),
        });
    }
    let f = told(&p);
    assert!(f.explanation_fr.contains("Les organismes qui interviennent de droit"), "{}", f.explanation_fr);
    assert!(!f.explanation_fr.contains("interlocuteur unique"), "{}", f.explanation_fr);
}
