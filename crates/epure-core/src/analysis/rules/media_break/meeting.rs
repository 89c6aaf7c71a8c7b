//! `media-break`: the user's meeting at the counter before a step that draws up its own document.

use super::Context;
use crate::analysis::metrics::{Support, medium_support};

/// Whether the paper the file comes from is only the user's meeting at the counter with the one
/// who draws up a document after it: the user's step there asks for, produces, checks and enters
/// nothing, the file does not leave it on paper or by post, and the keying step produces a
/// document of its own ("Construire le plan d'entreprise avec le conseiller", then "Le conseiller
/// établit le plan d'entreprise dans l'outil de la chambre"). What is keyed is what was said there,
/// in the document drawn up: no paper is copied. A form handed over at the counter is a piece the
/// step asks for (`requests`), a paper form is the `paper` channel, a front office's step at the
/// counter receives the file ("Recevoir le formulaire"), and a keying step that produces nothing
/// copies the file it was handed ("Saisir le dossier"): all of them still bring paper. A keying
/// step drawn without its document whose label opens on drafting it writes it all the same
/// ([`super::authors`]).
pub(super) fn only_a_meeting(ctx: &Context, source: usize, medium: Option<crate::model::Medium>, to: usize) -> bool {
    let s = ctx.step(source);
    s.kind.is_work()
        && ctx.in_user_lane(source)
        && s.channel == Some(crate::model::Channel::Counter)
        && medium_support(medium) != Some(Support::Paper)
        && s.requests.is_empty()
        && s.produces.is_empty()
        && s.checks.is_empty()
        && s.enters.is_empty()
        && (!ctx.step(to).produces.is_empty() || super::authors(ctx, ctx.step(to)))
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::{Channel, Medium};

    #[test]
    fn is_silent_after_a_meeting_at_the_counter_that_hands_over_nothing() {
        // The candidate builds the business plan with the adviser, who then draws it up in the
        // chamber's tool: what is keyed is what was said, no paper is copied.
        // `y` keys in the figures and produces the plan; drawn as writing it ("Établir…"), the
        // figures it alone names are its own whatever came before (`authors`), so the near
        // misses below draw it as keying ("Saisir…"), where only the meeting keeps it silent.
        let drawn = |b: B, label: &str| {
            b.start("s")
                .task("x", "u", "Construire le plan d'entreprise avec le conseiller")
                .channel("x", Channel::Counter)
                .task("y", "b", label)
                .channel("y", Channel::Internal)
                .enters("y", &["chiffres"])
                .produces("y", &["plan"])
                .end("e")
                .chain(&["s", "x"])
        };
        let meeting = |b: B| drawn(b, "Saisir le plan d'entreprise dans l'outil");
        let p = meeting(B::new()).flow("x", "y", 0.0, None).chain(&["y", "e"]).build();
        check(&p, "media-break", &[]);
        let written = drawn(B::new(), "Établir le plan d'entreprise dans l'outil");
        check(&written.flow("x", "y", 0.0, None).chain(&["y", "e"]).build(), "media-break", &[]);
        // Near misses: a form handed over at the counter, a paper form, the file posted on, a
        // front office receiving it at the counter, or a step that only keys in what it got.
        let form = meeting(B::new()).requests("x", &["formulaire"]).flow("x", "y", 0.0, None).chain(&["y", "e"]);
        check(&form.build(), "media-break", &["f2 y chiffres"]);
        let paper = meeting(B::new()).channel("x", Channel::Paper).flow("x", "y", 0.0, None).chain(&["y", "e"]);
        check(&paper.build(), "media-break", &["f2 y chiffres"]);
        let posted = meeting(B::new()).flow("x", "y", 0.0, Some(Medium::Mail)).chain(&["y", "e"]);
        check(&posted.build(), "media-break", &["f2 y chiffres"]);
        let front = B::new()
            .start("s")
            .task("x", "a", "Recevoir le candidat")
            .channel("x", Channel::Counter)
            .task("y", "b", "Saisir le plan d'entreprise dans l'outil")
            .channel("y", Channel::Internal)
            .enters("y", &["chiffres"])
            .produces("y", &["plan"])
            .end("e")
            .chain(&["s", "x", "y", "e"]);
        check(&front.build(), "media-break", &["f2 y chiffres"]);
        let keying = meeting(B::new()).flow("x", "y", 0.0, None).chain(&["y", "e"]);
        let mut keying = keying.build();
        keying.step_mut("y").expect("y").produces.clear();
        check(&keying, "media-break", &["f2 y chiffres"]);
        // Drawn without the plan, the adviser who says they draw it up still writes it.
        let mut sparse = drawn(B::new(), "Le conseiller établit le plan d'entreprise dans l'outil")
            .flow("x", "y", 0.0, None)
            .chain(&["y", "e"])
            .build();
        sparse.step_mut("y").expect("y").produces.clear();
        check(&sparse, "media-break", &[]);
    }
}
