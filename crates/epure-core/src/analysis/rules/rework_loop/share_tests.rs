//! `rework-loop`: the share of passes that go round is the check's decision's, wherever the
//! returns come back in.

use crate::analysis::testkit::B;
use crate::analysis::{Finding, Settings, analyze};

/// A designation filed online (80 %) or on a paper form keyed in (20 %); the check sends one in
/// ten back, and the completed form comes back to the keying (`to_keying`) or to the check.
fn returned(to_keying: bool) -> Finding {
    let back_to = if to_keying { "saisie" } else { "c" };
    let p = B::new()
        .start("s")
        .decision("v")
        .task("ligne", "u", "Désigner le conducteur en ligne")
        .requests("ligne", &["permis"])
        .task("papier", "u", "Envoyer le formulaire de désignation")
        .requests("papier", &["permis"])
        .task("saisie", "a", "Saisir la désignation")
        .enters("saisie", &["permis"])
        .check("c", "b", "Contrôler la recevabilité de la désignation")
        .checks("c", &["permis"])
        .dur("c", 5.0)
        .decision("d")
        .task("r", "u", "Compléter la désignation")
        .requests("r", &["permis"])
        .dur("r", 10.0)
        .end("e")
        .chain(&["s", "v"])
        .prob("v", "ligne", 0.8)
        .prob("v", "papier", 0.2)
        .chain(&["ligne", "c"])
        .chain(&["papier", "saisie", "c"])
        .chain(&["c", "d"])
        .prob("d", "r", 0.1)
        .prob("d", "e", 0.9)
        .chain(&["r", back_to])
        .build();
    analyze(&p, &Settings::default()).findings.into_iter().find(|f| f.rule == "rework-loop").expect("a rework loop")
}

#[test]
fn the_share_of_returns_is_the_checks_whatever_step_they_come_back_to() {
    // Back to the keying, the loop has two ways in (the keying, the check): counted at its ways
    // in, a pass keyed and then checked would count twice, and the title said « 30 % ».
    for to_keying in [true, false] {
        let f = returned(to_keying);
        assert!(f.title_fr.starts_with("Boucle de reprise : 10 % des passages repartent vers"), "{}", f.title_fr);
        assert!(f.explanation_fr.contains("(de 10 % à 5 % des passages)"), "{}", f.explanation_fr);
    }
}
