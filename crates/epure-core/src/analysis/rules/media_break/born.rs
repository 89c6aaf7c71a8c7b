//! `media-break`: an item born at the step that keys it, which no paper can have brought.

use super::Context;
use crate::analysis::labels;

/// Steps looked at behind a keying step for one naming an item (see [`born_here`]).
const LOOKBEHIND: usize = 256;

/// Verbs a label opens on when its step does an act whose record is born with it (normalised by
/// [`labels::words`]): the commission decides the aid, the agent strikes off or closes the
/// domiciliation, the pound hands the vehicle back. Not "traiter", "émettre", "saisir": a step
/// that processes the file, issues a title from the deed or keys it in copies what it was handed.
const ACTING: &[&str] = &["décider", "statuer", "prononcer", "radier", "clore", "clôturer", "restituer"];

/// Which of the items step `to` enters are born there: the step's label opens on an act
/// ([`ACTING`]), and no step before it, on any way in, asks for, produces, enters or checks
/// the item. Such an item is what the step does, not what a paper said: the vehicle's release
/// recorded as it is handed back ("Restituer le véhicule et enregistrer sa sortie"), the
/// commission's decision on the aid ("Décider de l'aide humaine"), the domiciliation struck off
/// ("Radier la domiciliation"). Any other step may copy what it was handed, whatever the drawing
/// names before it (a sparse drawing lists no piece of the paper form). `None` when the label
/// opens on no such act, or the search stops at [`LOOKBEHIND`] steps (the rule reads the items as
/// brought, as before). Complexity: one backward search of at most [`LOOKBEHIND`] steps.
pub(super) fn born_here(ctx: &Context, to: usize) -> Option<Vec<bool>> {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| ACTING.iter().flat_map(|w| labels::words(w)).collect());
    let s = ctx.step(to);
    if ctx.label_words(s.label()).first().is_none_or(|w| !stems.contains(w)) {
        return None;
    }
    let mut born = vec![true; s.enters.len()];
    let mut seen = rustc_hash::FxHashSet::default();
    let mut stack: Vec<usize> = ctx.g.inc[to].iter().map(|a| a.node).collect();
    while let Some(n) = stack.pop() {
        if n == to || !seen.insert(n) {
            continue;
        }
        if seen.len() > LOOKBEHIND {
            return None;
        }
        let m = ctx.step(n);
        for (d, b) in s.enters.iter().zip(born.iter_mut()) {
            if m.requests.contains(d) || m.produces.contains(d) || m.enters.contains(d) || m.checks.contains(d) {
                *b = false;
            }
        }
        stack.extend(ctx.g.inc[n].iter().map(|a| a.node));
    }
    Some(born)
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::Channel;

    /// The fee paid at the counter, then `label` in the system entering `item`; `earlier` names
    /// the item on the way before (the user asked for it).
    fn counter_then(label: &str, earlier: bool) -> crate::model::Procedure {
        let b = B::new()
            .start("s")
            .task("pay", "a", "Encaisser les frais et délivrer la quittance")
            .channel("pay", Channel::Counter)
            .task("out", "d", label)
            .channel("out", Channel::Internal)
            .enters("out", &["sortie"])
            .end("e")
            .chain(&["s", "pay", "out", "e"]);
        if earlier { b.requests("pay", &["sortie"]).build() } else { b.build() }
    }

    #[test]
    fn an_item_born_at_the_step_that_enters_it_is_not_copied_off_the_paper() {
        check(&counter_then("Restituer le véhicule et enregistrer sa sortie", false), "media-break", &[]);
        check(&counter_then("Radier la domiciliation", false), "media-break", &[]);
        // Near misses: a step that keys in or processes the file copies the paper, named before
        // or not; and an item named on the way before came on it.
        check(&counter_then("Enregistrer la sortie du véhicule", false), "media-break", &["f2 out sortie"]);
        check(&counter_then("Traiter la demande", false), "media-break", &["f2 out sortie"]);
        check(&counter_then("Restituer le véhicule et enregistrer sa sortie", true), "media-break", &["f2 out sortie"]);
    }
}
