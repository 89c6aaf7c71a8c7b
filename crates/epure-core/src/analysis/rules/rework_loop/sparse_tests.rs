//! `rework-loop` on procedures drawn sparsely, without the documents of their steps: what the
//! labels say still tells a period from a return.

use super::period_tests::{renewed, yearly_account};
use crate::analysis::testkit::{B, check};

#[test]
fn a_period_paid_by_a_control_that_pays_is_read_as_one_without_its_documents() {
    // Each term the grant is liquidated, then the accountant controls the order and pays, drawn
    // with no data at all: the label says the control pays, and the case can close after it.
    let termly = |label: &str| {
        B::new()
            .start("s")
            .task("liq", "g", "Liquider la bourse du trimestre")
            .wait("liq", 25200.0)
            .task("pay", "c", label)
            .decision("d")
            .end("e")
            .chain(&["s", "liq", "pay", "d"])
            .prob("d", "liq", 0.67)
            .prob("d", "e", 0.33)
            .build()
    };
    check(&termly("Contrôler l'ordre de payer et verser le reliquat à la famille"), "rework-loop", &[]);
    check(&termly("Contrôler le mandat et verser les mensualités"), "rework-loop", &[]);
    // Near misses: a control of the order that does not say it pays decides the way round, and
    // so does a control of the payment's pieces (the payment is what it checks, not what it does).
    check(&termly("Contrôler l'ordre de payer"), "rework-loop", &["liq pay d"]);
    check(&termly("Contrôler les pièces justificatives du versement"), "rework-loop", &["liq pay d"]);
}

#[test]
fn a_renewal_signed_is_an_act_without_its_document() {
    // The authority signs the amendment of renewal, drawn without the amendment: its label says
    // the act, and the next term begins.
    check(&renewed("none").build(), "rework-loop", &[]);
    // The trainee's year extended by an order (« prorogation » is a renewal too).
    let mut extended = renewed("none").build();
    if let Some(s) = extended.step_mut("avenant") {
        s.label = Some("Signer l'arrêté de prorogation du stage".to_owned());
    }
    check(&extended, "rework-loop", &[]);
    // Near miss: the same approval labelled as a visa of the review issues no act.
    let mut visa = renewed("none").build();
    if let Some(s) = visa.step_mut("avenant") {
        s.label = Some("Viser le bilan du contrat".to_owned());
    }
    check(&visa, "rework-loop", &["review d avenant user"]);
}

#[test]
fn a_period_closed_by_an_approval_is_read_from_its_label_without_the_act() {
    // The greffe approves the year's account, drawn without the approval's document.
    check(&yearly_account(0.8, false).build(), "rework-loop", &[]);
    check(&yearly_account(0.8, false).build(), "waiting", &[]);
    // Near miss: the same drawn as a visa.
    let mut visa = yearly_account(0.8, false).build();
    if let Some(s) = visa.step_mut("approuver") {
        s.label = Some("Viser le compte de gestion".to_owned());
    }
    check(&visa, "rework-loop", &["compte verif approuver d"]);
}
