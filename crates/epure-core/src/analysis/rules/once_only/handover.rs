//! What passes hands at the counter, which `once-only` does not read as a piece asked again: the
//! identity shown to collect what is handed over, and the piece the user hands in to the agent
//! who takes it there.

use crate::analysis::labels;
use crate::analysis::metrics::Context;
use crate::model::Channel;

/// Words naming an identity document ("Pièce d'identité", "Carte nationale d'identité",
/// "Passeport").
const IDENTITY: &[&str] = &["identité", "passeport"];
/// First words of the administration's step that hands something over ("Remettre le titre",
/// "Restituer le véhicule").
const HANDING_OVER: &[&str] = &["remettre", "restituer"];
/// Work steps looked at after the user's step for the hand-over of that sitting.
const HANDOVER_LOOKAHEAD: usize = 3;

/// Whether the user's request `n` of item `d` is the identity shown to collect what is handed
/// over: `d` names an identity document, `n` is the user's, in person at the counter, and at that
/// sitting something is released to them: `n` collects it ("Retirer le certificat sur
/// présentation de sa pièce d'identité"), or one of the next work steps hands it over
/// ("Restituer le véhicule", after the fees paid at the pound), with no wait before it (the
/// user has not left). The identity is checked there to release the document or the vehicle to
/// its holder — asked once, it would go to any bearer — which is no piece asked again.
pub(super) fn identity_shown_to_collect(ctx: &Context, n: usize, d: &crate::model::DataItem) -> bool {
    static WORDS: std::sync::OnceLock<[Vec<String>; 2]> = std::sync::OnceLock::new();
    let [identity, handing_over] =
        WORDS.get_or_init(|| [IDENTITY, HANDING_OVER].map(|w| w.iter().flat_map(|w| labels::words(w)).collect()));
    let s = ctx.step(n);
    if !ctx.in_user_lane(n) || s.channel != Some(Channel::Counter) {
        return false;
    }
    if !ctx.label_words(&d.name).iter().any(|w| identity.contains(w)) {
        return false;
    }
    let first_is =
        |m: usize, verbs: &[String]| ctx.label_words(ctx.label_str(m)).first().is_some_and(|w| verbs.contains(w));
    if crate::analysis::rules::collects(ctx, n) {
        return true;
    }
    // The next work steps of the sitting, breadth first.
    let mut frontier = vec![n];
    for _ in 0..HANDOVER_LOOKAHEAD {
        let next: Vec<usize> = frontier
            .iter()
            .flat_map(|&m| ctx.next_work(m))
            .map(|(m, _)| m)
            .filter(|&m| ctx.step(m).wait() == 0.0 && !ctx.in_user_lane(m))
            .collect();
        if next.iter().any(|&m| first_is(m, handing_over)) {
            return true;
        }
        frontier = next;
    }
    false
}

/// The user's steps that hand in item `d` where step `n` of the front office takes it: `n` is an
/// agent's step (the people the user meets) asking for `d` ("asked of the user at this step")
/// that does not wait, and every
/// way into it comes (through gateways only) from a step of the user asking for it too. The
/// format allows the piece handed in at the counter to be drawn on the user's filing, on the
/// agent's check, or on both: both is one handing over, not the item asked twice. Empty when `n`
/// is not such a step.
pub(super) fn handed_in_just_before(ctx: &Context, n: usize, d: &str) -> Vec<usize> {
    let front_office = ctx.actor_of(n).is_some_and(|a| a.kind == crate::model::ActorKind::Agent);
    if !front_office || ctx.step(n).wait() > 0.0 {
        return Vec::new();
    }
    let before: Vec<usize> = ctx.prev_work(n).into_iter().map(|(m, _)| m).collect();
    let hands_in = |m: usize| ctx.in_user_lane(m) && ctx.step(m).requests.iter().any(|x| x == d);
    if before.iter().all(|&m| hands_in(m)) { before } else { Vec::new() }
}
