//! `once-only`: a piece asked on exclusive ways after a first request is told as often as one way
//! asks it.

use crate::analysis::testkit::B;
use crate::analysis::{Settings, analyze};

/// The farmer reports the losses to the mayor, then applies online or on paper (`exclusive`), or
/// online and then again on paper at the DDT's request (in a row).
fn losses(exclusive: bool) -> String {
    let b = B::new()
        .start("s")
        .task("mairie", "u", "Signaler les pertes à la mairie")
        .requests("mairie", &["pertes"])
        .task("ligne", "u", "Déposer la demande en ligne")
        .requests("ligne", &["pertes"])
        .task("papier", "u", "Envoyer le formulaire papier")
        .requests("papier", &["pertes"])
        .task("instruire", "a", "Instruire la demande")
        .dur("instruire", 30.0)
        .end("e")
        .chain(&["s", "mairie"]);
    let p = if exclusive {
        b.decision("v")
            .chain(&["mairie", "v"])
            .prob("v", "ligne", 0.85)
            .prob("v", "papier", 0.15)
            .chain(&["ligne", "instruire"])
            .chain(&["papier", "instruire", "e"])
            .build()
    } else {
        b.chain(&["mairie", "ligne", "papier", "instruire", "e"]).build()
    };
    let a = analyze(&p, &Settings::default());
    a.findings.iter().filter(|f| f.rule == "once-only").map(|f| f.explanation_fr.clone()).collect::<Vec<_>>().join("\n")
}

#[test]
fn a_piece_asked_on_exclusive_ways_is_told_as_often_as_one_way_asks_it() {
    let text = losses(true);
    assert!(text.contains("est demandée deux fois à l'usager sur un même parcours (étapes"), "{text}");
    // Near miss: asked three times in a row, it is three times on the one way.
    let text = losses(false);
    assert!(text.contains("est demandée trois fois à l'usager (étapes"), "{text}");
}
