//! `redundant-check`: the person's identity checked when they are met, after the copy of their
//! identity document was checked on the file.

use super::Context;
use crate::analysis::labels;
use crate::model::Channel;

/// Words naming an identity ("Pièce d'identité", "Identité du demandeur", "Passeport").
const IDENTITY: &[&str] = &["identité", "passeport"];

/// Whether the later check `later` of item `d`, after the earlier check `earlier`, is the
/// identity of the person met in person: `d` names an identity, `later` is done at the counter
/// and `earlier` is not ("Accueillir le patient, vérifier son identité et lui présenter le
/// dossier" at the desk, after "Vérifier l'identité et la qualité du demandeur" on the copy posted
/// with the request). The desk checks that the one in front of it is the one the file names,
/// which no check of a copy could; merging them would hand the file to any bearer.
pub(super) fn identity_of_the_one_met(ctx: &Context, later: usize, earlier: usize, d: &crate::model::DataItem) -> bool {
    static WORDS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let identity = WORDS.get_or_init(|| IDENTITY.iter().flat_map(|w| labels::words(w)).collect());
    ctx.step(later).channel == Some(Channel::Counter)
        && ctx.step(earlier).channel != Some(Channel::Counter)
        && ctx.label_words(&d.name).iter().any(|w| identity.contains(w))
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::Channel;

    /// The identity posted with the request checked on the file, then checked again by `later`
    /// (at `channel`).
    fn checked_again(item: &str, first: Option<Channel>, channel: Channel) -> crate::model::Procedure {
        let mut b = B::new()
            .start("s")
            .task("d", "u", "Adresser la demande avec la copie de sa pièce d'identité")
            .requests("d", &[item])
            .check("c1", "b", "Vérifier l'identité du demandeur")
            .checks("c1", &[item])
            .check("c2", "a", "Accueillir le demandeur et vérifier son identité")
            .checks("c2", &[item])
            .channel("c2", channel)
            .end("e")
            .chain(&["s", "d", "c1", "c2", "e"]);
        if let Some(c) = first {
            b = b.channel("c1", c);
        }
        b.build()
    }

    #[test]
    fn the_identity_of_the_one_met_at_the_counter_is_not_the_copy_checked_again() {
        check(&checked_again("identite", Some(Channel::Internal), Channel::Counter), "redundant-check", &[]);
        check(&checked_again("identite", None, Channel::Counter), "redundant-check", &[]);
        // Near misses: checked again on the file, checked twice at the counter, and another
        // piece checked again at the counter.
        let again = ["c1 c2 identite"];
        check(&checked_again("identite", Some(Channel::Internal), Channel::Internal), "redundant-check", &again);
        check(&checked_again("identite", Some(Channel::Counter), Channel::Counter), "redundant-check", &again);
        let rib = ["c1 c2 rib"];
        check(&checked_again("rib", Some(Channel::Internal), Channel::Counter), "redundant-check", &rib);
    }
}
