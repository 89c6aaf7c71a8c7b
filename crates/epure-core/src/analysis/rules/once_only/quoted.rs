//! `once-only`: an identifier the administration issued, quoted again by the user.

use super::Context;

/// First words of a datum's name that make it an identifier ("Numéro d'inscription BAFA",
/// "Référence du dossier"), normalised by [`crate::analysis::labels::words`].
const IDENTIFIERS: &[&str] = &["numéro", "identifiant", "référence"];

/// Per data item, whether it is a reference the administration issued that the user quotes: a
/// datum whose name says it is an identifier, produced by a step of the administration (the
/// registration number the ministry's site gives, quoted to each training body at enrolment).
/// Quoting it again is how the file is found without asking for the rest: no piece asked twice.
/// Complexity: O(D) for the names, and O(V + produces) once if some item's name is one.
pub(super) fn quoted_references(ctx: &Context) -> Vec<bool> {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| IDENTIFIERS.iter().flat_map(|w| crate::analysis::labels::words(w)).collect());
    let mut quoted: Vec<bool> = ctx
        .p
        .data
        .iter()
        .map(|d| {
            d.kind() == crate::model::DataKind::Field
                && crate::analysis::labels::words(&d.name).first().is_some_and(|w| stems.contains(w))
        })
        .collect();
    if quoted.contains(&true) {
        let issued: rustc_hash::FxHashSet<&str> = ctx
            .reachable_work()
            .filter(|&n| !ctx.in_user_lane(n))
            .flat_map(|n| ctx.step(n).produces.iter().map(String::as_str))
            .collect();
        for (q, d) in quoted.iter_mut().zip(&ctx.p.data) {
            *q = *q && issued.contains(d.id.as_str());
        }
    }
    quoted
}
