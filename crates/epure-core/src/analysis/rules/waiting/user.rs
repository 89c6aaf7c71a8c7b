//! `waiting`: who the user is when a label names them ("Notifier l'arrêté à l'entreprise", « au
//! cafetier »), and who else a label informs.

use super::{Context, stems};
use crate::analysis::labels;

/// Words of a user's lane name too general to name the user in a label ("Agent demandeur": a
/// step addressed "à l'agent comptable" is not addressed to them).
const GENERIC_LANE_WORDS: &[&str] = &["agent", "service", "direction", "bureau", "responsable", "personne"];

/// Who the user is, when a label names them: these words, or a word of the user's lane's name
/// ("Notifier l'arrêté à l'entreprise", the lane "Entreprise demandeuse"). The names a procedure
/// gives only to the person it serves ("l'allocataire", "l'assuré", "la victime") are here, so that
/// a user's lane drawn as "Usager" still reads them; not those that name a third party as often
/// ("l'entreprise du marché", "le propriétaire" of a dangerous building, "l'employeur" of an agent
/// on sick leave), which only the lane's name can make the user's.
const USER_WORDS: &[&str] = &[
    "allocataire",
    "assuré",
    "assurée",
    "contribuable",
    "redevable",
    "électeur",
    "électrice",
    "patient",
    "patiente",
    "victime",
    "plaignant",
    "plaignante",
    "porteur",
    "époux",
    "usager",
    "demandeur",
    "demandeuse",
    "pétitionnaire",
    "requérant",
    "bénéficiaire",
    "candidat",
    "famille",
    "intéressé",
    "déclarant",
    "titulaire",
    "administré",
    "habitant",
    "parents",
];

/// The words of the user's lanes' names a label may name them by a word grown from: the name of
/// their trade or of their undertaking, from which French makes the name of who runs it ("Notifier
/// l'arrêté au cafetier", the lane "Exploitant du café"; "au commerçant" of "Commerce" the stemmer
/// already reads). Each is the word as written, unaccented and in lower case, of four letters or
/// more, one of [`user_words`] (so neither a stop word nor too general a word), and the start of no
/// word of another lane's name (the lane "Cafétéria du CROUS" would bear the café too).
pub(super) fn user_roots(ctx: &Context, user_words: &[String]) -> Vec<String> {
    let raw = |name: &str| -> Vec<String> {
        labels::strip_accents(&name.to_lowercase())
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| w.chars().count() >= 4)
            .map(str::to_owned)
            .collect()
    };
    let others: Vec<String> =
        ctx.p.actors.iter().filter(|a| a.kind != crate::model::ActorKind::User).flat_map(|a| raw(&a.name)).collect();
    let mut roots: Vec<String> = ctx
        .p
        .actors
        .iter()
        .filter(|a| a.kind == crate::model::ActorKind::User)
        .flat_map(|a| raw(&a.name))
        .filter(|w| labels::words(w).iter().all(|s| user_words.contains(s)) && !labels::words(w).is_empty())
        .filter(|w| !others.iter().any(|o| o.starts_with(w.as_str())))
        .collect();
    roots.sort();
    roots.dedup();
    roots
}

/// The words that name the user in a label, normalised: [`USER_WORDS`], and the words of the
/// user's lanes' names but those too general to name them ([`GENERIC_LANE_WORDS`]), unless no
/// other lane's name holds them: in an internal procedure whose user is "Fonctionnaire (agent
/// demandeur)" and where no other lane is an agent, "Notifier l'arrêté à l'agent" notifies them.
pub(in crate::analysis::rules) fn user_words(ctx: &Context) -> Vec<String> {
    let mut words = stems(USER_WORDS);
    let generic = stems(GENERIC_LANE_WORDS);
    let elsewhere = |w: &String| {
        ctx.p.actors.iter().any(|a| a.kind != crate::model::ActorKind::User && ctx.label_words(&a.name).contains(w))
    };
    for a in ctx.p.actors.iter().filter(|a| a.kind == crate::model::ActorKind::User) {
        words.extend(ctx.label_words(&a.name).iter().filter(|w| !generic.contains(w) || !elsewhere(w)).cloned());
    }
    words
}

/// Whether a label that informs someone ("Informer l'employeur et le médecin du travail et
/// ouvrir les questionnaires") names, as the one informed, another lane of the procedure than the
/// user's: "informer" takes the person told as its direct object, not after "à" as "notifier" does
/// ([`labels::words`] maps the one onto the other). The first word after the verb is the one
/// informed: a word of a lane outside the user's, and none of the user's words, addresses it there.
pub(super) fn informs_another_lane(ctx: &Context, label: &str, words: &[String], user_words: &[String]) -> bool {
    let lower = label.to_lowercase();
    if lower.split(|c: char| !c.is_alphanumeric()).next().is_none_or(|w| w != "informer") {
        return false;
    }
    let Some(told) = words.get(1) else { return false };
    if user_words.contains(told) {
        return false;
    }
    let generic = stems(GENERIC_LANE_WORDS);
    ctx.p
        .actors
        .iter()
        .filter(|a| a.kind != crate::model::ActorKind::User)
        .any(|a| ctx.label_words(&a.name).iter().any(|w| w == told && !generic.contains(w)))
}
