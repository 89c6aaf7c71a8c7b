//! `too-many-contacts` — Sollicitations multiples.
//!
//! Fires when the user is solicited more than `max_user_contacts` times per case (expected visits
//! to work steps in the user's lane). Subjects: the user's steps. Not fired at or below the
//! threshold, whatever the number of steps drawn (a rarely taken branch weighs its probability).
//! The gain is the contacts above the threshold, not all but one: a procedure that needs the
//! user twice by nature (the fingerprints at the filing and the card handed in person) cannot be
//! brought down to a single contact.

use super::{Context, finding, text};
use crate::analysis::words::{number, quoted_list};
use crate::analysis::{Finding, Gain, Lang, Severity};

pub const ID: &str = "too-many-contacts";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let contacts = ctx.metrics.user_contacts;
    let max = ctx.settings.max_user_contacts;
    if contacts <= max + 1e-9 {
        return Vec::new();
    }
    let steps: Vec<usize> = ctx.reachable_work().filter(|&n| ctx.in_user_lane(n) && ctx.visits[n] > 0.0).collect();
    if steps.is_empty() {
        return Vec::new();
    }
    let labels: Vec<String> = steps.iter().map(|&n| ctx.label(n)).collect();
    vec![finding(
        ID,
        Severity::Warning,
        steps.iter().map(|&n| ctx.id(n)).collect(),
        text(
            format!("Sollicitations multiples : {} contacts avec l'usager par dossier", number(Lang::Fr, contacts, 1)),
            format!("Too many contacts: {} contacts with the user per file", number(Lang::En, contacts, 1)),
        ),
        text(
            format!(
                "L'usager est sollicité en moyenne {} fois par dossier (seuil : {}), aux étapes {}. Chaque sollicitation \
                 est un déplacement, un envoi ou une connexion de plus, et un risque d'abandon.",
                number(Lang::Fr, contacts, 2),
                number(Lang::Fr, max, 1),
                quoted_list(Lang::Fr, &labels)
            ),
            format!(
                "The user is solicited {} times per file on average (threshold: {}), at steps {}. Each contact is one \
                 more trip, mailing or login, and a risk of giving up.",
                number(Lang::En, contacts, 2),
                number(Lang::En, max, 1),
                quoted_list(Lang::En, &labels)
            ),
        ),
        Gain { contacts: (contacts - max).max(0.0), ..Gain::default() },
        None,
    )]
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

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
    fn does_not_fire_at_the_threshold() {
        // Two contacts, the third step is never taken.
        check(&contacts(0.0), "too-many-contacts", &[]);
    }
}
