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
/// "avec" that names the others — is the asker, a commune being its town hall; so is a holder
/// named exactly as one of the procedure's service or front-office lanes that checks the piece,
/// when it is the only holder ("Préfecture, secrétariat de la CDAC", which keeps the
/// commission's decisions). (A partner's lane is not read as the asker: the accountant of the
/// DGFiP paying a CCAS's aid does not make the tax notice the CCAS's.)
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
    // The one holder, named as one of the procedure's own back-office or front-office lanes, which
    // checks the piece once the user has handed it in, is the asker too: the secretariat of the
    // commission holds the commission's earlier decisions it checks the file for.
    let own_lane = |h: &Vec<String>| {
        ctx.p.actors.iter().any(|a| {
            matches!(a.kind, crate::model::ActorKind::Service | crate::model::ActorKind::Agent)
                && words(a.name.split(" (").next().unwrap_or_default()) == *h
                && ctx.p.steps().any(|s| s.actor.as_deref() == Some(a.id.as_str()) && s.checks.contains(&d.id))
        })
    };
    let own = holders.iter().any(|h| names_it(&owner, h)) || (holders.len() == 1 && own_lane(&holders[0]));
    if own { Holder::Asker } else { Holder::Other }
}
