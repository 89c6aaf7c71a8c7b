//! `waiting` — Attente prépondérante.
//!
//! Fires on a wait before a step, or a transfer delay along a flow, that is at least
//! `waiting_min_share` of the lead time and at least `waiting_min_min` long (per case, expected).
//! Not fired on waits on a shorter branch of a parallel block (they do not lengthen the lead
//! time), nor on short waits in very short procedures. Explained, nothing proposed.

use super::{Context, finding, text};
use crate::analysis::words::{duration, percent, quote};
use crate::analysis::{Finding, Gain, Lang, Severity};

pub const ID: &str = "waiting";

pub fn run(ctx: &Context) -> Vec<Finding> {
    let lead = ctx.metrics.lead_time_min;
    if lead <= 0.0 {
        return Vec::new();
    }
    let day = ctx.settings.working_day_min;
    let big = |w: f64| w >= ctx.settings.waiting_min_min && w / lead >= ctx.settings.waiting_min_share;
    let mut out = Vec::new();
    for &n in &ctx.g.order {
        if !ctx.reachable[n] || !ctx.on_lead(n) {
            continue;
        }
        let w = ctx.visits[n] * ctx.step(n).wait();
        if big(w) {
            let label = ctx.label(n);
            out.push(finding(
                ID,
                Severity::Warning,
                vec![ctx.id(n)],
                text(
                    format!("Attente prépondérante avant {}", quote(Lang::Fr, &label)),
                    format!("Dominant wait before {}", quote(Lang::En, &label)),
                ),
                text(
                    format!(
                        "Le dossier attend en moyenne {} avant l'étape {} ({}), soit {} du délai total de la démarche ({}).",
                        duration(Lang::Fr, w, day),
                        quote(Lang::Fr, &label),
                        ctx.lane_name(n),
                        percent(Lang::Fr, w / lead),
                        duration(Lang::Fr, lead, day)
                    ),
                    format!(
                        "The file waits {} on average before step {} ({}), that is {} of the procedure's lead time ({}).",
                        duration(Lang::En, w, day),
                        quote(Lang::En, &label),
                        ctx.lane_name(n),
                        percent(Lang::En, w / lead),
                        duration(Lang::En, lead, day)
                    ),
                ),
                Gain::default(),
                None,
            ));
        }
        for a in &ctx.g.out[n] {
            if !ctx.on_lead(a.node) && !ctx.g.is_join(ctx.p, a.node) {
                continue;
            }
            let w = ctx.visits[n] * a.share * ctx.p.graph()[a.edge].delay();
            if !big(w) {
                continue;
            }
            let flow = &ctx.p.graph()[a.edge];
            let (from, to) = (ctx.label(n), ctx.label(a.node));
            out.push(finding(
                ID,
                Severity::Warning,
                vec![flow.id.clone()],
                text(
                    format!(
                        "Délai d'acheminement prépondérant entre {} et {}",
                        quote(Lang::Fr, &from),
                        quote(Lang::Fr, &to)
                    ),
                    format!("Dominant transfer delay between {} and {}", quote(Lang::En, &from), quote(Lang::En, &to)),
                ),
                text(
                    format!(
                        "L'acheminement du dossier de {} à {} prend en moyenne {}, soit {} du délai total ({}).",
                        quote(Lang::Fr, &from),
                        quote(Lang::Fr, &to),
                        duration(Lang::Fr, w, day),
                        percent(Lang::Fr, w / lead),
                        duration(Lang::Fr, lead, day)
                    ),
                    format!(
                        "Moving the file from {} to {} takes {} on average, that is {} of the lead time ({}).",
                        quote(Lang::En, &from),
                        quote(Lang::En, &to),
                        duration(Lang::En, w, day),
                        percent(Lang::En, w / lead),
                        duration(Lang::En, lead, day)
                    ),
                ),
                Gain::default(),
                None,
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    #[test]
    fn fires_on_a_wait_that_dominates() {
        let p = B::new()
            .start("s")
            .task("t", "a", "Instruire")
            .dur("t", 60.0)
            .approval("c", "c", "Examiner en commission")
            .wait("c", 8400.0)
            .end("e")
            .chain(&["s", "t", "c", "e"])
            .build();
        check(&p, "waiting", &["c"]);
    }

    #[test]
    fn does_not_fire_on_small_or_parallel_waits() {
        let small = B::new()
            .start("s")
            .task("t", "a", "Instruire")
            .dur("t", 10.0)
            .wait("t", 30.0)
            .end("e")
            .chain(&["s", "t", "e"])
            .build();
        check(&small, "waiting", &[]);
        // y waits a lot, but x waits longer in parallel: only x's wait sets the lead time.
        let parallel = B::new()
            .start("s")
            .par("f")
            .task("x", "c", "Avis A")
            .wait("x", 5000.0)
            .task("y", "d", "Avis B")
            .wait("y", 4000.0)
            .par("j")
            .end("e")
            .chain(&["s", "f", "x", "j", "e"])
            .chain(&["f", "y", "j"])
            .build();
        check(&parallel, "waiting", &["x"]);
    }
}
