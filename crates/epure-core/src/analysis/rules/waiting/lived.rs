//! `waiting`: the lead time the waits before the outcome are weighed against, and the clause
//! that tells it.

use super::{Outcome, own_term_after_outcome};
use crate::analysis::Lang;
use crate::analysis::metrics::Context;
use crate::analysis::words::{duration, percent};

/// The clause that weighs a wait `w` against the lead time the user lives, `lived` (see
/// [`lived_lead`]): the lead time itself when nothing follows the outcome, otherwise that time,
/// with the whole beside it (« soit 37 % des 10,8 jours ouvrés pendant lesquels l'usager attend (le
/// délai de la démarche, 32 jours ouvrés, moins le temps qui suit la réponse et où il n'attend plus
/// rien) »): the share is of the first figure, which comes first so that no one reads the two as
/// the fraction. `procedure` says
/// « de la démarche » after the lead time, where the sentence has not named the procedure.
pub(super) fn share_of(ctx: &Context, w: f64, lived: f64, lang: Lang, procedure: bool) -> String {
    let day = ctx.settings.working_day_min;
    let lead = ctx.metrics.lead_time_min;
    let (share, total) = (percent(lang, w / lived), duration(lang, lead, day));
    if lived >= lead {
        return match (lang, procedure) {
            (Lang::Fr, true) => format!("soit {share} du délai total de la démarche ({total})"),
            (Lang::Fr, false) => format!("soit {share} du délai total ({total})"),
            (Lang::En, true) => format!("that is {share} of the procedure's lead time ({total})"),
            (Lang::En, false) => format!("that is {share} of the lead time ({total})"),
        };
    }
    let upto = duration(lang, lived, day);
    match lang {
        Lang::Fr => format!(
            "soit {share} des {upto} pendant lesquels l'usager attend (le délai de la démarche, {total}, moins le \
             temps qui suit la réponse et où il n'attend plus rien)"
        ),
        Lang::En => format!(
            "that is {share} of the {upto} the user waits (the procedure's lead time, {total}, less the time after \
             the answer when they wait for nothing more)"
        ),
    }
}

/// The lead time the user lives: the lead time less the time of the steps after they have the
/// outcome with nothing more to do ([`Outcome::served`]) or that are their own term once they
/// have it ([`own_term_after_outcome`], its channel drawn), and the delays drawn on the flows into them: the waits
/// the rule declines as nobody's queue. A wait before the outcome is weighed against it, not
/// against a lead time that holds those: the month billed « à terme échu » after a school-meals
/// enrolment is confirmed would make the three days before the service checks the pieces look
/// like a tenth of the delay, when they are over a third of the days the family waits for its
/// answer; the year of activity before an approved company's first yearly statement would hide
/// the four weeks of the department's opinion. (The steps after the outcome that the user still
/// waits for, the card made and collected, stay in it.) Complexity: O(V + E).
pub(super) fn lived_lead(ctx: &Context, outcome: &Outcome) -> f64 {
    let lead = ctx.metrics.lead_time_min;
    let mut after = 0.0_f64;
    for &n in &ctx.g.order {
        // An own term drawn without its channel may be a counter's queue (the visas asked at the
        // consulate): it stays in the time the user lives.
        let own_term = || ctx.step(n).channel.is_some() && own_term_after_outcome(ctx, outcome, n);
        if !ctx.reachable[n] || !ctx.on_lead(n) || !(outcome.served[n] || own_term()) {
            continue;
        }
        let s = ctx.step(n);
        after += ctx.visits[n] * (s.duration() + s.wait());
        after += ctx.g.inc[n]
            .iter()
            .filter(|a| ctx.reachable[a.node])
            .map(|a| ctx.visits[a.node] * a.share * ctx.p.graph()[a.edge].delay())
            .sum::<f64>();
    }
    // A short tail (the file archived, the fee's title issued the same week) is left in: the
    // sentence would give two lead times a few minutes apart.
    if after >= TAIL_SHARE * lead && lead - after > 0.0 { lead - after } else { lead }
}

/// Share of the lead time below which the time after the outcome is left in the lead time the
/// waits are weighed against (see [`lived_lead`]).
const TAIL_SHARE: f64 = 0.05;
