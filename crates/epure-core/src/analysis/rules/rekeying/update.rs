//! `rekeying`: a record updated in the system it was keyed into, or a value corrected at the
//! user's request.

use super::Context;

/// How a label opens when its step updates a record rather than keys it in ("Mettre à jour
/// RESYTAL", "Actualiser le dossier dans le SIRH").
const UPDATING: &[&str] = &["mettre à jour", "mettre a jour", "mise à jour", "mise a jour", "actualiser", "modifier"];

/// The names of systems a label gives: its words written in capitals, of three letters or more
/// ("RESYTAL", "AGIRHE", "SIRH").
fn systems(label: &str) -> impl Iterator<Item = &str> {
    label
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| w.chars().count() >= 3 && w.chars().all(|c| c.is_uppercase() || c.is_ascii_digit()))
        .filter(|w| w.chars().any(char::is_alphabetic))
}

/// Whether step `later`, entering again an item step `earlier` entered, updates the record
/// `earlier` keyed in: its label opens on updating ([`UPDATING`]) and both labels name the same
/// system ("Enregistrer l'agrément conditionnel dans RESYTAL", then "Mettre à jour RESYTAL…" for
/// the full agrément, under the same number). The item is found under that record, not keyed
/// again; a record updated in another system than the one it was keyed into is a second keying.
pub(super) fn updates_the_same_record(ctx: &Context, later: usize, earlier: usize) -> bool {
    let (l, e) = (ctx.step(later).label(), ctx.step(earlier).label());
    let lower = l.to_lowercase();
    UPDATING.iter().any(|u| lower.starts_with(u)) && systems(l).any(|s| systems(e).any(|t| t == s))
}

/// Words of a label saying the value is corrected at someone's request (normalised by
/// [`crate::analysis::labels::words`]): "Réexaminer le barème contesté", "Corriger le barème",
/// "Rectifier la déclaration".
const CORRECTING: &[&str] = &["réexaminer", "corriger", "rectifier", "contesté", "contestée", "contestation"];

/// Whether step `later`, entering again an item, enters the value corrected at the user's
/// request: it checks a document a step of the user's lane produces (the agent's request to
/// correct the scale), or comes straight after a step of the user's lane (the request drawn
/// without its document), and its label says it corrects ([`CORRECTING`]). The value keyed is a new
/// one, the user's right to have it re-examined, as after a new request of the item.
/// `user_made` gives the items the user's lane produces, made once for the analysis when a label
/// first says it corrects.
pub(super) fn corrected_at_the_users_request<'a>(
    ctx: &Context<'a>,
    later: usize,
    user_made: &std::cell::OnceCell<rustc_hash::FxHashSet<&'a str>>,
) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| CORRECTING.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    let s = ctx.step(later);
    if !ctx.label_words(s.label()).iter().any(|w| stems.contains(w)) {
        return false;
    }
    let made = user_made.get_or_init(|| {
        ctx.reachable_work()
            .filter(|&n| ctx.in_user_lane(n))
            .flat_map(|n| ctx.step(n).produces.iter().map(String::as_str))
            .collect()
    });
    // Drawn without the request's document, the request comes straight before.
    s.checks.iter().any(|d| made.contains(d.as_str())) || ctx.prev_work(later).iter().any(|&(m, _)| ctx.in_user_lane(m))
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::Channel;

    fn keyed_then(first: &str, later: &str) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("k1", "b", first)
            .channel("k1", Channel::Internal)
            .enters("k1", &["numero"])
            .task("t", "c", "Visiter l'établissement")
            .task("k2", "b", later)
            .channel("k2", Channel::Internal)
            .enters("k2", &["numero"])
            .end("e")
            .chain(&["s", "k1", "t", "k2", "e"])
            .build()
    }

    #[test]
    fn a_record_updated_in_the_system_it_was_keyed_into_is_no_second_keying() {
        let p = keyed_then("Enregistrer l'agrément dans RESYTAL", "Mettre à jour RESYTAL et notifier l'arrêté");
        check(&p, "rekeying", &[]);
        // Near misses: updated in another system, keyed again into the same one, and an update
        // whose system the labels do not name.
        let p = keyed_then("Enregistrer l'agrément dans RESYTAL", "Mettre à jour SIGAL");
        check(&p, "rekeying", &["numero k1 k2"]);
        let p = keyed_then("Enregistrer l'agrément dans RESYTAL", "Saisir l'agrément dans RESYTAL");
        check(&p, "rekeying", &["numero k1 k2"]);
        let p = keyed_then("Enregistrer l'agrément", "Mettre à jour le dossier");
        check(&p, "rekeying", &["numero k1 k2"]);
    }

    /// The scale keyed, then the user asks for its correction (`asks`), then `later` keys it again.
    fn contested(later: &str, asks: bool) -> crate::model::Procedure {
        let b = B::new()
            .start("s")
            .task("k1", "b", "Calculer le barème")
            .channel("k1", Channel::Internal)
            .enters("k1", &["bareme"])
            .task("u", "u", "Demander la correction du barème")
            .task("k2", "b", later)
            .channel("k2", Channel::Internal)
            .enters("k2", &["bareme"])
            .end("e")
            .chain(&["s", "k1", "u", "k2", "e"]);
        if asks { b.produces("u", &["demande"]).checks("k2", &["demande"]).build() } else { b.build() }
    }

    #[test]
    fn a_value_corrected_at_the_users_request_is_no_second_keying() {
        check(&contested("Réexaminer le barème contesté", true), "rekeying", &[]);
        // Drawn without the request's document, the request comes straight before.
        check(&contested("Réexaminer le barème contesté", false), "rekeying", &[]);
        // Near misses: a step that does not say it corrects, and a correction with no request of
        // the user (the office corrects its own scale after a visit).
        check(&contested("Saisir le barème dans le SIRH", true), "rekeying", &["bareme k1 k2"]);
        let mut own = contested("Corriger le barème", false);
        if let Some(s) = own.step_mut("u") {
            s.actor = Some("c".to_owned());
        }
        check(&own, "rekeying", &["bareme k1 k2"]);
    }
}
