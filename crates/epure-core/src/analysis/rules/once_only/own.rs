//! `once-only`: a piece held by the administration asking for it.

use super::Context;
use crate::analysis::labels::strip_accents;
use crate::model::DataItem;

/// Who, among those the procedure names, holds a piece asked of the user.
#[derive(Clone, Copy, PartialEq, Eq, Debug)]
pub(super) enum Holder {
    /// The administration that runs the procedure: the piece is in its own files (the DREAL
    /// asking for the certificate of competence it issued, the commune for the receipt of the
    /// declaration it delivered).
    Asker,
    /// Another administration.
    Other,
}

/// Names of the same administration: a commune is its town hall.
const SAME: &[(&str, &str)] = &[("commune", "mairie"), ("mairie", "commune")];

/// Where the holders of `d` stand: a holder's name (before any bracket: "DREAL (fichier des
/// attestations délivrées)") in the procedure's owner — its first body, before any ";" or
/// "avec" that names the others — is the asker, a commune being its town hall. (A body with a
/// lane of its own is not read as the asker: the accountant of the DGFiP paying a CCAS's aid
/// does not make the tax notice the CCAS's.)
pub(super) fn holder_of(ctx: &Context, d: &DataItem) -> Holder {
    let words = |s: &str| -> Vec<String> {
        strip_accents(&s.to_lowercase())
            .split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty())
            .map(str::to_owned)
            .collect()
    };
    let owner: Vec<String> = ctx
        .p
        .meta
        .owner
        .as_deref()
        .map(|o| words(o.split(';').next().unwrap_or_default().split(" avec ").next().unwrap_or_default()))
        .unwrap_or_default();
    // Whether the words of `holder`, or of its other name, come one after the other in `name`.
    let names_it = |name: &[String], holder: &[String]| {
        let other: Option<Vec<String>> = SAME.iter().find(|(a, _)| holder == [*a]).map(|(_, b)| vec![(*b).to_owned()]);
        name.windows(holder.len()).any(|w| w == holder)
            || other.is_some_and(|o| name.windows(o.len()).any(|w| w == o.as_slice()))
    };
    let holders: Vec<Vec<String>> =
        d.held_by.iter().map(|h| words(h.split(" (").next().unwrap_or_default())).filter(|h| !h.is_empty()).collect();
    if holders.iter().any(|h| names_it(&owner, h)) { Holder::Asker } else { Holder::Other }
}
