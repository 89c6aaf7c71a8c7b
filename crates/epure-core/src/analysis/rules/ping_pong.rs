//! `ping-pong` — Aller-retour.
//!
//! Fires when the file goes from lane A to lane B and back to A, and what B does on the way is
//! only short (at most `ping_pong_max_touch_min` of touch time in all) or only passes the file on.
//! Overlapping bounces between the same two lanes make one finding. Not fired: an approval in B
//! (an approval is never "short"); the user's lane at either end (going back to the user is a
//! contact, see `too-many-contacts`); real work in B; B hands the file to a third lane; B is a
//! partner (another administration or body: what it does is its own competence, the bus operator's
//! opinion on a traffic order cannot be given to the town's service); A is a partner (the remedy
//! would move the administration's step into that body's lane: the obligés alimentaires who did not
//! answer cannot remind themselves, the Département's reminder is its own); B issues an opinion (a
//! check that writes its verdict down, an "avis", a certificate, a report: it carries B's name and
//! responsibility, so moving the step into A's lane would have A sign B's document; so does a
//! payment mandate, the ordonnateur's accounting act issued by the finance service); B is the
//! public accountant (the agence comptable, the trésorerie: payment is its act); B's step is a
//! second-level control (another hand by design: handing it back would undo the separation of
//! duties). A short
//! check in B that yields a mere datum (the credits are available), or a form B fills in for A,
//! can still be handed to A. Nor when A or B is an information system's lane: the
//! acknowledgement of receipt the system sends by itself between two steps of the service is no
//! round trip, the file does not change hands there (as `handoff-chain` reads it). Nor is coming
//! back to A by going round a loop that repeats the service period after period (see
//! `period_loop::recurring`): the service of management liquidates the next term's grant, the
//! accountant pays it, that is the next term.

use super::duplicate_step::PathWithLanes;
use super::{Context, finding, text};
use crate::analysis::labels;
use crate::analysis::words::{Duration, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{ActorKind, DataKind, StepKind};

pub const ID: &str = "ping-pong";

/// Longest run of steps in the other lane that is followed.
const MAX_RUN: usize = 16;

/// The two lanes, the consecutive step pairs of their bounces, the steps of the other lane on the
/// way (B's short steps), the visits of the bounces, the wait in the other lane.
type Bounces<'a> = ((Option<&'a str>, Option<&'a str>), Vec<(usize, usize)>, Vec<usize>, f64, f64);

/// Words of a document's name saying it is an opinion, an attestation or an accounting act given
/// under its author's name (normalised by [`labels::words`]): "Avis technique", "Certificat
/// d'aptitude", "Rapport d'expertise", "Mandat de paiement" (the ordonnateur's order to the public
/// accountant, issued by the service that holds the delegation of signature: the service that
/// certified the service fait cannot issue it for them).
const OPINION: &[&str] = &["avis", "certificat", "attestation", "rapport", "visa", "expertise", "mandat"];

/// Words of a lane's name, as written, that name a public accountant: the agent comptable of a
/// social security body, the trésorerie, the paierie. Payment is the accountant's act, which the
/// ordonnateur's service may not take over (séparation de l'ordonnateur et du comptable, décret
/// n° 2012-1246, art. 9): "Agence comptable", not the ordonnateur's own "Service comptabilité".
const ACCOUNTANT: &[&str] = &["comptable", "trésorerie", "tresorerie", "paierie", "payeur"];

/// Whether a step is B's own and cannot be moved into another service's lane: it sits in a
/// partner's lane (another body) or in the public accountant's ([`ACCOUNTANT`]), or it issues an
/// opinion under B's name: a check that produces a document (its verdict, written down), or a step
/// producing a document named as an opinion. A form B fills in for A ("Compléter la fiche de
/// liaison") is not one. An unknown data id is not taken for a document.
fn own_competence(ctx: &Context, n: usize) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| OPINION.iter().flat_map(|w| labels::words(w)).collect());
    let s = ctx.step(n);
    // Drawn without what it produces, a step whose label gives an opinion ("Donner l'avis de la
    // police municipale", "Établir le rapport") issues it all the same; one that passes it on
    // ("Transmettre l'avis") does not.
    let says_opinion = || {
        s.produces.is_empty()
            && ctx.label_words(s.label()).iter().any(|w| stems.contains(w))
            && !super::transit_step::says_transit(ctx, s.label())
    };
    let accountant = || {
        let name = ctx.lane_str(n).to_lowercase();
        name.split(|c: char| !c.is_alphanumeric()).any(|w| ACCOUNTANT.contains(&w))
    };
    ctx.lane_kind(n) == Some(ActorKind::Partner)
        || accountant()
        || says_opinion()
        || second_level(s.label())
        || s.produces
            .iter()
            .filter_map(|d| ctx.p.data_item(d))
            .filter(|d| d.kind() == DataKind::Document)
            .any(|d| s.kind == StepKind::Check || ctx.label_words(&d.name).iter().any(|w| stems.contains(w)))
}

/// Whether a label names a second-level control ("Contrôler en second niveau le titre de
/// séjour", "contrôle de deuxième niveau"): another hand than the one that did the first by
/// design, the separation of duties, which handing it back to the first service would undo.
fn second_level(label: &str) -> bool {
    let raw = labels::strip_accents(&label.to_lowercase());
    ["second niveau", "deuxieme niveau", "2e niveau", "2nd niveau"].iter().any(|w| raw.contains(w))
}

/// Whether a step sits in an information system's lane: the system acts alone (an automatic
/// acknowledgement, an exchange of data), the file does not change hands there.
fn in_system_lane(ctx: &Context, n: usize) -> bool {
    ctx.lane_kind(n) == Some(ActorKind::System)
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    // Lanes are compared, never kept: borrowed, not cloned at every look.
    let lane = |n: usize| ctx.step(n).actor.as_deref();
    // Whether two steps are in one lane, as `lane(x) == lane(y)` tells: two known actors are one
    // when they are the same actor (the context keeps the first actor of each id), a known and an
    // unknown one never are, and only unknown lanes are compared by name.
    let same_lane = |x: usize, y: usize| match (ctx.actor_of(x), ctx.actor_of(y)) {
        (Some(p), Some(q)) => std::ptr::eq(p, q),
        (None, None) => lane(x) == lane(y),
        _ => false,
    };
    // (lanes A, B) → consecutive step pairs of the bounces, plus (first-step visits, B's wait).
    let mut bounces: Vec<Bounces> = Vec::new();
    // The steps after `a`, and after the last step of a run: buffers shared by every step.
    let (mut outs, mut next) = (Vec::new(), Vec::new());
    // The run of B's steps after `a`: one buffer for every bounce looked at.
    let mut run: Vec<usize> = Vec::new();
    // Loop → where each of its periods starts, when it repeats the service (asked only of loops
    // a bounce goes round).
    let mut periods: std::collections::HashMap<usize, Option<Vec<usize>>> = std::collections::HashMap::new();
    for a in ctx.reachable_work() {
        // Going back to the user is a contact; going back to a partner would hand it B's step; an
        // information system's step is no hand the file passes through.
        if ctx.in_user_lane(a) || ctx.lane_kind(a) == Some(ActorKind::Partner) || in_system_lane(ctx, a) {
            continue;
        }
        ctx.next_work_into(a, &mut outs);
        for &(b, w) in &outs {
            if w <= 0.0 || same_lane(b, a) || ctx.in_user_lane(b) || in_system_lane(ctx, b) {
                continue;
            }
            run.clear();
            run.push(b);
            let mut back = None;
            loop {
                let last = run[run.len() - 1];
                ctx.next_work_into(last, &mut next);
                next.retain(|&(_, w)| w > 0.0);
                if next.len() != 1 {
                    break;
                }
                let m = next[0].0;
                if same_lane(m, b) && run.len() < MAX_RUN && !run.contains(&m) {
                    run.push(m);
                } else {
                    if same_lane(m, a) {
                        back = Some(m);
                    }
                    break;
                }
            }
            let Some(c) = back else { continue };
            if run.iter().any(|&n| ctx.step(n).kind == StepKind::Approval || own_competence(ctx, n)) {
                continue;
            }
            let touch: f64 = run.iter().map(|&n| ctx.step(n).duration()).sum();
            // Only passing the file on, whatever the minutes: "Transmettre le dossier au service",
            // as `transit-step` reads it. A task naming no data is not transit by that alone: the
            // works team's four hours to lay the connection, drawn without what they produce, are
            // real work.
            let transit = run.iter().all(|&n| super::transit_step::passes_on(ctx, n));
            if touch > ctx.settings.ping_pong_max_touch_min && !transit {
                continue;
            }
            // Back in A, or on to B, only by going round a loop that repeats the service period
            // after period (where a pass starts is met again): the next period, not a return.
            let comp = ctx.comps.of[a];
            if ctx.comps.cyclic[comp] && run.iter().chain([&c]).all(|&n| ctx.comps.of[n] == comp) {
                let starts = periods.entry(comp).or_insert_with(|| super::period_loop::recurring(ctx, comp));
                if starts.as_ref().is_some_and(|s| run.iter().chain([&c]).any(|n| s.contains(n))) {
                    continue;
                }
            }
            // The consecutive pairs of a, the run, c.
            let mut pairs: Vec<(usize, usize)> = Vec::with_capacity(run.len() + 1);
            pairs.push((a, run[0]));
            pairs.extend(run.windows(2).map(|p| (p[0], p[1])));
            pairs.push((run[run.len() - 1], c));
            let wait: f64 = run.iter().map(|&n| ctx.visits[n] * ctx.step(n).wait()).sum();
            let key = (lane(a).min(lane(b)), lane(a).max(lane(b)));
            match bounces.iter_mut().find(|(k, _, _, _, _)| *k == key) {
                Some((_, p, r, v, wt)) => {
                    p.extend(pairs);
                    r.extend(&run);
                    *v += ctx.visits[b] * w;
                    *wt += wait;
                }
                None => bounces.push((key, pairs, run.clone(), ctx.visits[b] * w, wait)),
            }
        }
    }
    let mut out = Vec::new();
    for (_, mut pairs, runs, per_case, wait) in bounces {
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
            // B's steps, read from the bounces rather than from the set's ends: a bounce that comes
            // back to the step it left (a loop) has no end step of its own.
            let short_touch: f64 = group.iter().filter(|n| runs.contains(n)).map(|&n| ctx.step(n).duration()).sum();
            // One step in between or several: the sentence agrees with them.
            let between = if group.iter().filter(|n| runs.contains(n)).count() == 1 {
                ("L'étape intermédiaire ne représente que ", "la confier", "The step in between is only ", "giving it")
            } else {
                (
                    "Les étapes intermédiaires ne représentent que ",
                    "les confier",
                    "The steps in between are only ",
                    "giving them",
                )
            };
            let day = ctx.settings.working_day_min;
            out.push(finding(
                ID,
                Severity::Warning,
                group.iter().map(|&n| ctx.id(n)).collect(),
                text(
                    sentence!["Aller-retour entre ", la, " et ", lb],
                    sentence!["Ping-pong between ", la, " and ", lb],
                ),
                text(
                    sentence! {
                        "Le dossier fait l'aller-retour entre ", la, " et ", lb, " (", trips, " passages de relais) : ",
                        PathWithLanes(ctx, Lang::Fr, &group), ". ", between.0, Duration(Lang::Fr, short_touch, day),
                        " de travail ; ", between.1, " au même service éviterait ces allers-retours et l'attente qui \
                        les accompagne.",
                    },
                    sentence! {
                        "The file goes back and forth between ", la, " and ", lb, " (", trips, " handoffs): ",
                        PathWithLanes(ctx, Lang::En, &group), ". ", between.2, Duration(Lang::En, short_touch, day),
                        " of work; ", between.3, " to the same service would avoid the round trips and the waiting \
                        that comes with them.",
                    },
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
    fn the_advice_agrees_with_the_steps_in_between() {
        let told = |p: &crate::model::Procedure| {
            let f = crate::analysis::analyze(p, &Default::default()).findings;
            let f = f.into_iter().find(|f| f.rule == "ping-pong").expect("fires");
            (f.explanation_fr.replace(crate::analysis::words::NBSP, " "), f.explanation_en)
        };
        // One step in between: the singular.
        let (fr, en) = told(&bounce("check", 5.0).build());
        assert!(
            fr.contains(
                ". L'étape intermédiaire ne représente que 5 min de travail ; la confier au même service éviterait"
            ),
            "{fr}"
        );
        assert!(en.contains(". The step in between is only 5"), "{en}");
        assert!(en.contains("of work; giving it to the same service would avoid"), "{en}");
        // Two: the plural.
        let p = B::new()
            .start("s")
            .task("a1", "b", "Préparer le dossier")
            .check("x", "c", "Contrôler la présence du plan")
            .checks("x", &["plans"])
            .dur("x", 5.0)
            .task("y", "c", "Noter le contrôle")
            .dur("y", 5.0)
            .task("a2", "b", "Compléter la fiche")
            .end("e")
            .chain(&["s", "a1", "x", "y", "a2", "e"])
            .build();
        let (fr, _) = told(&p);
        assert!(fr.contains(". Les étapes intermédiaires ne représentent que 10 min de travail ; les confier"), "{fr}");
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

    /// Each term the service of management liquidates the grant and the accountant pays it
    /// (a 3-minute payment), "Autre trimestre ?" going round; with `inside`, the
    /// service also files the payment within the term, after the accountant.
    fn termly(inside: bool) -> B {
        let b = B::new()
            .start("s")
            .task("liq", "g", "Liquider la bourse du trimestre")
            .dur("liq", 5.0)
            .wait("liq", 25200.0)
            .produces("liq", &["ordre"])
            .task("pay", "c", "Verser la bourse")
            .dur("pay", 3.0)
            .checks("pay", &["ordre"])
            .produces("pay", &["versement"])
            .decision("d")
            .end("e")
            .chain(&["s", "liq", "pay"]);
        let b = if inside {
            b.task("classer", "g", "Classer le justificatif de paiement")
                .dur("classer", 5.0)
                .checks("classer", &["versement"])
                .chain(&["pay", "classer", "d"])
        } else {
            b.chain(&["pay", "d"])
        };
        b.prob("d", "liq", 0.67).prob("d", "e", 0.33)
    }

    #[test]
    fn does_not_fire_through_the_public_accountant() {
        // The CNSE liquidates, the agence comptable pays (three minutes), the CNSE publishes the
        // statement: the payment is the accountant's act, the service cannot take it over.
        let b = |lane: &str| {
            let mut p = B::new()
                .start("s")
                .task("liq", "b", "Calculer le remboursement")
                .dur("liq", 20.0)
                .produces("liq", &["calcul"])
                .task("pay", "c", "Mettre en paiement")
                .dur("pay", 3.0)
                .checks("pay", &["calcul"])
                .task("pub", "b", "Publier le décompte")
                .dur("pub", 2.0)
                .checks("pub", &["calcul"])
                .end("e")
                .chain(&["s", "liq", "pay", "pub", "e"])
                .build();
            if let Some(c) = p.actors.iter_mut().find(|a| a.id == "c") {
                c.name = lane.to_owned();
            }
            p
        };
        check(&b("Agence comptable"), "ping-pong", &[]);
        check(&b("Trésorerie municipale"), "ping-pong", &[]);
        // Near miss: the ordonnateur's own accounting service, which the file need not visit.
        check(&b("Service comptabilité"), "ping-pong", &["liq pay pub"]);
    }

    #[test]
    fn does_not_fire_on_the_next_period_of_a_recurring_loop() {
        // Back to the service only for the next term's liquidation: the next period.
        check(&termly(false).build(), "ping-pong", &[]);
        // Near miss: within one term the file goes back to the service after the short payment.
        check(&termly(true).build(), "ping-pong", &["liq pay classer"]);
    }

    #[test]
    fn does_not_fire_through_an_information_system_s_step() {
        // The service registers the file, the system sends the acknowledgement by itself, the
        // service checks the file: the file stays in the service's hands.
        let b = |kind: crate::model::ActorKind| {
            let mut b = B::new()
                .start("s")
                .task("a1", "b", "Enregistrer la demande")
                .dur("a1", 10.0)
                .task("x", "c", "Envoyer l'accusé de réception")
                .produces("x", &["ar"])
                .task("a2", "b", "Vérifier la recevabilité du dossier")
                .dur("a2", 10.0)
                .checks("a2", &["formulaire"])
                .end("e")
                .chain(&["s", "a1", "x", "a2", "e"]);
            if let Some(c) = b.p.actors.iter_mut().find(|a| a.id == "c") {
                c.kind = kind;
            }
            b.build()
        };
        check(&b(crate::model::ActorKind::System), "ping-pong", &[]);
        // Near miss: a service that sends the acknowledgement in between is a round trip.
        check(&b(crate::model::ActorKind::Service), "ping-pong", &["a1 x a2"]);
    }

    #[test]
    fn does_not_fire_on_an_approval_or_real_work() {
        check(&bounce("approval", 5.0).build(), "ping-pong", &[]);
        check(&bounce("task", 60.0).build(), "ping-pong", &[]);
    }

    #[test]
    fn does_not_fire_on_an_opinion_or_a_partner_s_step() {
        // A short opinion of another service is its own document, not a step to hand over.
        check(&bounce("task", 5.0).build(), "ping-pong", &[]);
        // A second-level control: another hand by design.
        let mut p = bounce("check", 5.0).build();
        if let Some(x) = p.step_mut("x") {
            x.label = Some("Contrôler en second niveau la présence du plan".into());
        }
        check(&p, "ping-pong", &[]);
        // A partner (another body) checking for 5 minutes: its competence, not the service's.
        let mut p = bounce("check", 5.0).build();
        if let Some(x) = p.step_mut("x") {
            x.actor = Some("d".into());
        }
        check(&p, "ping-pong", &[]);
    }

    /// The service certifies the service fait, the finance service liquidates the invoice in ten
    /// minutes producing `made` (named `name`), the service files the claim for reimbursement.
    fn liquidated(made: &str, name: &str) -> crate::model::Procedure {
        let mut p = B::new()
            .start("s")
            .check("a1", "b", "Constater le service fait")
            .dur("a1", 20.0)
            .task("x", "c", "Liquider la facture")
            .dur("x", 10.0)
            .produces("x", &[made])
            .task("a2", "b", "Déposer la demande de remboursement")
            .dur("a2", 30.0)
            .end("e")
            .chain(&["s", "a1", "x", "a2", "e"])
            .build();
        if let Some(d) = p.data.iter_mut().find(|d| d.id == made) {
            d.name = name.into();
        }
        p
    }

    #[test]
    fn does_not_fire_on_a_payment_mandate() {
        // The mandate is the ordonnateur's act, issued by the finance service under its signature.
        check(&liquidated("mandat", "Mandat de paiement"), "ping-pong", &[]);
        // Near miss: a purchase order keyed in for the service can be handed to it.
        check(&liquidated("bon", "Bon de commande"), "ping-pong", &["a1 x a2"]);
    }

    #[test]
    fn fires_on_a_short_form_filled_in_for_the_other_service() {
        let p = bounce("check", 5.0).task("f", "c", "Compléter la fiche de liaison").dur("f", 5.0).build();
        let mut p = p;
        let x = p.flows().find(|f| f.from == "x").map(|f| f.flow.id.clone()).unwrap();
        p.remove_flow(&x).unwrap();
        let p = B { p }.chain(&["x", "f", "a2"]).produces("f", &["fiche"]).build();
        check(&p, "ping-pong", &["a1 x a2 f"]);
    }

    #[test]
    fn fires_on_a_short_check_that_yields_a_datum() {
        // "Vérifier la disponibilité des crédits" gives a datum, not a document of its own.
        let mut p = bounce("check", 5.0).produces("x", &["credits"]).build();
        if let Some(d) = p.data.iter_mut().find(|d| d.id == "credits") {
            d.kind = Some(crate::model::DataKind::Field);
        }
        check(&p, "ping-pong", &["a1 x a2"]);
    }

    /// The Département invites someone to answer and reminds them (10 minutes) when they do not:
    /// in `lane_a`, a partner (`d`, the obligés alimentaires) or another service (`c`).
    fn reminded(lane_a: &str) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("invite", "b", "Inviter les obligés à répondre")
            .task("reponse", lane_a, "Retourner le questionnaire")
            .dur("reponse", 40.0)
            .produces("reponse", &["questionnaire"])
            .decision("d")
            .task("relance", "b", "Relancer les obligés")
            .dur("relance", 10.0)
            .task("calcul", "b", "Calculer la participation")
            .checks("calcul", &["questionnaire"])
            .end("e")
            .chain(&["s", "invite", "reponse", "d"])
            .prob("d", "relance", 0.35)
            .prob("d", "calcul", 0.65)
            .chain(&["relance", "reponse"])
            .chain(&["calcul", "e"])
            .build()
    }

    #[test]
    fn does_not_fire_back_to_a_partner() {
        // The obligés cannot remind themselves: the reminder is the Département's own.
        check(&reminded("d"), "ping-pong", &[]);
        // Near miss: the same short reminder between two services of the administration.
        let p = reminded("c");
        check(&p, "ping-pong", &["reponse relance"]);
        // B's ten minutes are told, though the bounce comes back to the step it left.
        let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "ping-pong")
            .unwrap();
        assert!(f.explanation_fr.contains("que 10 min de travail"), "{}", f.explanation_fr);
        assert!(f.explanation_en.contains("only 10 min of work"), "{}", f.explanation_en);
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

    /// The service prepares the file, `label` in lane c (`minutes`, naming no data), the
    /// service goes on.
    fn drawn_without_data(label: &str, minutes: f64) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("a1", "b", "Préparer le dossier")
            .task("x", "c", label)
            .dur("x", minutes)
            .task("a2", "b", "Compléter la fiche")
            .end("e")
            .chain(&["s", "a1", "x", "a2", "e"])
            .build()
    }

    #[test]
    fn reads_the_label_of_a_step_drawn_without_data() {
        // Four hours of works drawn without what they produce are real work, not a relay.
        check(&drawn_without_data("Réaliser le branchement sous la voirie", 240.0), "ping-pong", &[]);
        // An opinion given is the other service's own, whatever its minutes.
        check(&drawn_without_data("Donner l'avis de la police municipale", 10.0), "ping-pong", &[]);
        // Near misses: passing the file on is a relay, whatever the minutes; a short step that
        // says neither is short.
        check(&drawn_without_data("Transmettre le dossier au bureau", 30.0), "ping-pong", &["a1 x a2"]);
        check(&drawn_without_data("Transmettre l'avis au bureau", 5.0), "ping-pong", &["a1 x a2"]);
        check(&drawn_without_data("Compléter le tableau de suivi", 10.0), "ping-pong", &["a1 x a2"]);
    }
}
