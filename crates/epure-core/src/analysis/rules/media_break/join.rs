//! `media-break`: the paper that comes out of a parallel join, by the branch that brought it.

use super::Context;
use super::on_paper;
use crate::analysis::metrics::{Support, medium_support};

/// The work step whose paper file comes out of parallel join `n` to step `to`: the one branch
/// coming in by post or on paper (a paper or postal flow, or from a step done on paper or at the
/// counter) whose last step issues what `to` keys in or checks (the replacement service posts its
/// invoice and the days worked, the farmer sends the birth certificate online, and the MSA keys
/// the days). `None` when `n` is no join, or when no branch, or more than one, brings such paper:
/// the drawing does not say which paper is copied. Complexity: the join's ways in.
pub(super) fn paper_into_join(ctx: &Context, n: usize, to: usize) -> Option<usize> {
    if !ctx.g.is_join(n) {
        return None;
    }
    let target = ctx.step(to);
    let mut bringing = ctx.g.inc[n].iter().filter(|a| ctx.reachable[a.node]).filter_map(|a| {
        let before = ctx.step(a.node);
        let paper = match medium_support(ctx.p.graph()[a.edge].medium) {
            Some(s) => s == Support::Paper,
            None => before.kind.is_work() && on_paper(before),
        };
        let issues = before.produces.iter().any(|d| target.enters.contains(d) || target.checks.contains(d));
        (paper && before.kind.is_work() && issues).then_some(a.node)
    });
    match (bringing.next(), bringing.next()) {
        (Some(m), None) => Some(m),
        _ => None,
    }
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::{Channel, Medium};

    /// Two branches joined, then a step that keys in the days: `medium` is how the invoice comes
    /// in, `invoice_read` whether the keying step reads the invoice.
    fn joined(medium: Option<Medium>, invoice_read: bool) -> crate::model::Procedure {
        let b = B::new()
            .start("s")
            .par("fork")
            .task("x", "d", "Remplacer l'exploitante")
            .produces("x", &["jours"])
            .task("f", "d", "Adresser la facture et l'attestation des jours")
            .produces("f", &["facture"])
            .task("n", "u", "Envoyer l'acte de naissance")
            .channel("n", Channel::Online)
            .par("join")
            .task("y", "b", "Saisir les jours et liquider")
            .channel("y", Channel::Internal)
            .enters("y", &["jours"])
            .end("e")
            .chain(&["s", "fork", "x", "f"])
            .flow("f", "join", 0.0, medium)
            .chain(&["fork", "n", "join", "y", "e"]);
        if invoice_read { b.checks("y", &["facture"]).build() } else { b.build() }
    }

    #[test]
    fn fires_on_the_paper_a_branch_brings_into_a_join() {
        check(&joined(Some(Medium::Mail), true), "media-break", &["f7 y jours"]);
        // Near misses: the invoice comes in digital form, or the keying step does not read what
        // the paper branch issues: which paper is copied, the drawing does not say.
        check(&joined(Some(Medium::Email), true), "media-break", &[]);
        check(&joined(Some(Medium::Mail), false), "media-break", &[]);
    }
}
