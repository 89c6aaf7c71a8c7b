//! `ping-pong` — Aller-retour.
//!
//! Fires when the file goes from lane A to lane B and back to A, and what B does on the way is
//! only short (at most `ping_pong_max_touch_min` of touch time in all) or only passes the file on.
//! Overlapping bounces between the same two lanes make one finding. Not fired: an approval in B
//! (an approval is never "short"); the user's lane at either end (going back to the user is a
//! contact, see `too-many-contacts`); real work in B; B hands the file to a third lane.

use super::{Context, finding, text};
use crate::analysis::words::{duration, quote};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::StepKind;

pub const ID: &str = "ping-pong";

/// Longest run of steps in the other lane that is followed.
const MAX_RUN: usize = 16;

/// The two lanes, the consecutive step pairs of their bounces, the visits of the bounces, the wait
/// in the other lane.
type Bounces<'a> = ((Option<&'a str>, Option<&'a str>), Vec<(usize, usize)>, f64, f64);

pub fn run(ctx: &Context) -> Vec<Finding> {
    // Lanes are compared, never kept: borrowed, not cloned at every look.
    let lane = |n: usize| ctx.step(n).actor.as_deref();
    // (lanes A, B) → consecutive step pairs of the bounces, plus (first-step visits, B's wait).
    let mut bounces: Vec<Bounces> = Vec::new();
    for a in ctx.reachable_work() {
        if ctx.in_user_lane(a) {
            continue;
        }
        for (b, w) in ctx.next_work(a) {
            if w <= 0.0 || lane(b) == lane(a) || ctx.in_user_lane(b) {
                continue;
            }
            let mut run = vec![b];
            let mut back = None;
            loop {
                let last = run[run.len() - 1];
                let next: Vec<usize> =
                    ctx.next_work(last).into_iter().filter(|&(_, w)| w > 0.0).map(|(m, _)| m).collect();
                if next.len() != 1 {
                    break;
                }
                let m = next[0];
                if lane(m) == lane(b) && run.len() < MAX_RUN && !run.contains(&m) {
                    run.push(m);
                } else {
                    if lane(m) == lane(a) {
                        back = Some(m);
                    }
                    break;
                }
            }
            let Some(c) = back else { continue };
            if run.iter().any(|&n| ctx.step(n).kind == StepKind::Approval) {
                continue;
            }
            let touch: f64 = run.iter().map(|&n| ctx.step(n).duration()).sum();
            let transit = run.iter().all(|&n| {
                let s = ctx.step(n);
                s.kind == StepKind::Task && s.produces.is_empty() && s.checks.is_empty() && s.enters.is_empty()
            });
            if touch > ctx.settings.ping_pong_max_touch_min && !transit {
                continue;
            }
            let mut chain = vec![a];
            chain.extend(&run);
            chain.push(c);
            let pairs: Vec<(usize, usize)> = chain.windows(2).map(|p| (p[0], p[1])).collect();
            let wait: f64 = run.iter().map(|&n| ctx.visits[n] * ctx.step(n).wait()).sum();
            let key = (lane(a).min(lane(b)), lane(a).max(lane(b)));
            match bounces.iter_mut().find(|(k, _, _, _)| *k == key) {
                Some((_, p, v, wt)) => {
                    p.extend(pairs);
                    *v += ctx.visits[b] * w;
                    *wt += wait;
                }
                None => bounces.push((key, pairs, ctx.visits[b] * w, wait)),
            }
        }
    }
    let mut out = Vec::new();
    for (_, mut pairs, per_case, wait) in bounces {
        let mut seen = std::collections::HashSet::new();
        pairs.retain(|p| seen.insert(*p));
        let sets = super::groups(ctx, &pairs);
        let of_set = super::pairs_by_group(ctx, &sets, &pairs);
        for (group, of_set) in sets.into_iter().zip(of_set) {
            let trips = of_set.len();
            let lanes: Vec<String> = {
                let mut l: Vec<String> = group.iter().map(|&n| ctx.lane_name(n)).collect();
                l.dedup();
                let mut u = Vec::new();
                for x in l {
                    if !u.contains(&x) {
                        u.push(x);
                    }
                }
                u
            };
            let (la, lb) = (lanes.first().cloned().unwrap_or_default(), lanes.get(1).cloned().unwrap_or_default());
            let steps_fr: Vec<String> =
                group.iter().map(|&n| format!("{} ({})", quote(Lang::Fr, &ctx.label(n)), ctx.lane_name(n))).collect();
            let steps_en: Vec<String> =
                group.iter().map(|&n| format!("{} ({})", quote(Lang::En, &ctx.label(n)), ctx.lane_name(n))).collect();
            let short: Vec<usize> = group[1..group.len().saturating_sub(1)].to_vec();
            let short_touch: f64 = short.iter().map(|&n| ctx.step(n).duration()).sum();
            let day = ctx.settings.working_day_min;
            out.push(finding(
                ID,
                Severity::Warning,
                group.iter().map(|&n| ctx.id(n)).collect(),
                text(format!("Aller-retour entre {la} et {lb}"), format!("Ping-pong between {la} and {lb}")),
                text(
                    format!(
                        "Le dossier fait l'aller-retour entre {la} et {lb} ({} passages de relais) : {}. Les étapes intermédiaires \
                         ne représentent que {} de travail ; les confier au même service éviterait ces allers-retours et \
                         l'attente qui les accompagne.",
                        trips,
                        steps_fr.join(" → "),
                        duration(Lang::Fr, short_touch, day)
                    ),
                    format!(
                        "The file goes back and forth between {la} and {lb} ({} handoffs): {}. The steps in between are only \
                         {} of work; giving them to one service would avoid the round trips and the waiting that comes with them.",
                        trips,
                        steps_en.join(" → "),
                        duration(Lang::En, short_touch, day)
                    ),
                ),
                Gain { handoffs: 2.0 * per_case, lead_min: wait, ..Gain::default() },
                Some("reassign-step"),
            ));
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    fn bounce(kind_b: &str, dur_b: f64) -> B {
        let b = B::new().start("s").task("a1", "b", "Préparer le dossier");
        let b = match kind_b {
            "approval" => b.approval("x", "c", "Viser le dossier"),
            "check" => b.check("x", "c", "Contrôler la présence du plan").checks("x", &["plans"]),
            _ => b.task("x", "c", "Rédiger l'avis technique").produces("x", &["avis"]),
        };
        b.dur("x", dur_b).task("a2", "b", "Compléter la fiche").end("e").chain(&["s", "a1", "x", "a2", "e"])
    }

    #[test]
    fn fires_on_a_short_round_trip() {
        check(&bounce("check", 5.0).build(), "ping-pong", &["a1 x a2"]);
    }

    #[test]
    fn overlapping_round_trips_make_one_finding() {
        let p = bounce("check", 5.0).task("x2", "c", "Instruire").dur("x2", 60.0).produces("x2", &["avis"]).build();
        let mut p = p;
        // a2 → x2 (back to c) → e
        let f = p.flows().find(|f| f.from == "a2").map(|f| f.flow.id.clone()).unwrap();
        p.remove_flow(&f).unwrap();
        let p = B { p }.chain(&["a2", "x2", "e"]).dur("a2", 10.0).build();
        check(&p, "ping-pong", &["a1 x a2 x2"]);
    }

    #[test]
    fn does_not_fire_on_an_approval_or_real_work() {
        check(&bounce("approval", 5.0).build(), "ping-pong", &[]);
        check(&bounce("task", 60.0).build(), "ping-pong", &[]);
    }

    #[test]
    fn does_not_fire_through_the_user() {
        let p = B::new()
            .start("s")
            .task("a1", "b", "Demander les pièces")
            .task("x", "u", "Envoyer les pièces")
            .dur("x", 5.0)
            .task("a2", "b", "Instruire")
            .end("e")
            .chain(&["s", "a1", "x", "a2", "e"])
            .build();
        check(&p, "ping-pong", &[]);
    }
}
