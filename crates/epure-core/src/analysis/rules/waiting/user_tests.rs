//! `waiting`: who a label names as the user ([`super::user`]).

use super::tests::granted_then_period;
use crate::analysis::testkit::fired;

#[test]
fn a_word_of_the_users_lane_names_them_when_no_other_lane_bears_it() {
    // An internal procedure: the user is "Fonctionnaire (agent demandeur)", and no other lane is
    // an agent, so the order notified "à l'agent" is their outcome.
    let named = |other_lane: &str| {
        let mut p = granted_then_period("Notifier l'arrêté à l'agent");
        for a in p.actors.iter_mut() {
            match a.id.as_str() {
                "u" => a.name = "Fonctionnaire (agent demandeur)".to_owned(),
                "a" => a.name = other_lane.to_owned(),
                _ => {}
            }
        }
        p
    };
    let p = named("Accueil");
    assert!(fired(&p, "waiting").is_empty(), "{:?}", fired(&p, "waiting"));
    // Near miss: another lane is an agent too (the public accountant): "à l'agent" no longer
    // names the user.
    let p = named("Agent comptable");
    assert_eq!(fired(&p, "waiting").len(), 1, "{:?}", fired(&p, "waiting"));
}

#[test]
fn the_one_who_runs_the_users_trade_is_the_user() {
    // The café's terrace: the order notified "au cafetier", the user's lane "Exploitant du café";
    // the name of who runs the café grows from the café's.
    let named = |user: &str, notify: &str, other_lane: &str| {
        let mut p = granted_then_period(notify);
        for a in p.actors.iter_mut() {
            match a.id.as_str() {
                "u" => a.name = user.to_owned(),
                "a" => a.name = other_lane.to_owned(),
                _ => {}
            }
        }
        p
    };
    let p = named("Exploitant du café", "Notifier l'arrêté au cafetier", "Accueil");
    assert!(fired(&p, "waiting").is_empty(), "{:?}", fired(&p, "waiting"));
    // Near misses: another lane bears the café too (the one notified may be its manager); the
    // café's landlord; a word of three letters grows into too many others (the bar, the bar
    // association).
    for (user, notify, other) in [
        ("Exploitant du café", "Notifier l'arrêté au cafetier", "Cafétéria du restaurant administratif"),
        ("Exploitant du café", "Notifier l'arrêté au bailleur", "Accueil"),
        ("Exploitant du bar", "Notifier l'arrêté au barreau", "Accueil"),
    ] {
        let p = named(user, notify, other);
        assert_eq!(fired(&p, "waiting").len(), 1, "{notify} / {other}: {:?}", fired(&p, "waiting"));
    }
}
