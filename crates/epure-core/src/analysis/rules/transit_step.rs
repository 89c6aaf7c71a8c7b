//! `transit-step` — Simple transmission.
//!
//! Fires on a task outside the user's lane that requests, creates, checks, enters and decides nothing,
//! whose label says it passes the file on ("transmettre", "faire suivre", "envoyer pour visa"…), and
//! after which the file goes to another lane of the administration. Not fired: sending the result or a
//! document to the user (the next step is the user's, the label names the user among those it is sent
//! to or sends it to someone's home, or the step produces something), unless what it sends on is a
//! request another lane addressed to it, which asks the user for pieces (the ASP asks the training organisation for missing pieces,
//! the organisation forwards the request to the trainee); a step that checks or enters data; an approval or a check; a
//! step in the same lane as the next one; a step with a legal basis (it is mandated: only digitised,
//! never removed); an information system's step (it routes the file, nobody holds it there); a step
//! whose label opens on making what it sends ("Établir l'attestation et l'envoyer à la CPAM"), even
//! where the drawing lists none of its documents; a copy sent for information ("Transmettre une
//! copie de l'arrêté à la police municipale"), not a copy of the user's filing.

use super::duplicate_step::StepsWithLanes;
use super::{Context, finding, text};
use crate::analysis::labels;
use crate::analysis::words::{Quoted, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::StepKind;

pub const ID: &str = "transit-step";

/// Verbs of passing a file on (normalised by [`labels::words`], which already maps "envoyer",
/// "adresser", "acheminer", "expédier" and "faire suivre" onto "transmettre").
const VERBS: &[&str] =
    &["transmettre", "orienter", "réorienter", "router", "dispatcher", "redistribuer", "remonter", "relayer"];

/// Verbs a label opens on when its step makes what it then sends (normalised by
/// [`labels::words`]): "Établir l'attestation de salaire et l'envoyer à la CPAM", "Constituer le
/// dossier avec le patient et l'envoyer", "Éditer la carte et l'envoyer". The step drafts, edits
/// or puts the file together: it is work, even where the drawing lists none of its documents.
const MAKING: &[&str] =
    &["rédiger", "établir", "constituer", "éditer", "préparer", "dresser", "élaborer", "formuler", "émettre"];

pub(crate) fn says_transit(ctx: &Context, label: &str) -> bool {
    static STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static MAKES: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let stems = STEMS.get_or_init(|| VERBS.iter().filter_map(|v| labels::words(v).into_iter().next()).collect());
    let makes = MAKES.get_or_init(|| MAKING.iter().filter_map(|v| labels::words(v).into_iter().next()).collect());
    let words = ctx.label_words(label);
    words.first().is_none_or(|w| !makes.contains(w)) && words.iter().any(|w| stems.contains(w))
}

/// Whether a step only passes the file on (the test of the rule, without what comes next): a task
/// outside the user's lane and outside an information system's, not mandated, that requests,
/// creates, checks and enters nothing and whose label says it passes the file on. A system that
/// routes the file (the guichet unique passing the deposit to the competent greffe) is the way
/// the file travels, not a hand that holds it. Other rules read through such a relay
/// (`approval-chain`: a visa, "Envoyer le projet pour signature", the signature).
pub(crate) fn passes_on(ctx: &Context, n: usize) -> bool {
    let s = ctx.step(n);
    s.kind == StepKind::Task
        && !ctx.in_user_lane(n)
        && ctx.actor_of(n).is_none_or(|a| a.kind != crate::model::ActorKind::System)
        && s.legal_basis.is_none()
        && s.requests.is_empty()
        && s.produces.is_empty()
        && s.checks.is_empty()
        && s.enters.is_empty()
        && says_transit(ctx, s.label())
        && !sends_a_copy(ctx, s.label())
}

/// Whether a label sends a copy for information ("Transmettre une copie de l'arrêté à la police
/// municipale", "Adresser une copie de la décision au CCAS"): the service that holds the act tells
/// another body of it, the file does not pass on through it; there is no straighter way to remove
/// it for.
fn sends_a_copy(ctx: &Context, label: &str) -> bool {
    static COPY: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static FILED: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let copy = COPY.get_or_init(|| labels::words("copie"));
    let filed = FILED.get_or_init(|| FILING.iter().flat_map(|w| labels::words(w)).collect());
    let words = ctx.label_words(label);
    words.get(1).is_some_and(|w| copy.contains(w)) && words.get(2).is_none_or(|w| !filed.contains(w))
}

/// What the user files, which a copy of passes the file itself on ("Transmettre une copie de la
/// déclaration au service des eaux", who keys in what it says): no act of the sender's to tell
/// another body of.
const FILING: &[&str] = &["déclaration", "demande", "dossier", "formulaire", "requête", "cerfa"];

/// Whether relay `n`, whose next steps are `next`, forwards to the user a request another lane
/// addressed to `n`'s lane: every step before it, outside the user's lane and `n`'s, produces
/// something and names `n`'s lane as its addressee ("Demander les pièces manquantes à
/// l'organisme de formation", the ASP writing to the training organisation), and every step after
/// it is the user's, asked for pieces ("Apporter les pièces manquantes"). The request could go to
/// the user straight away: the organisation only passes it on ("Faire suivre la demande de pièces
/// au stagiaire"). Sending the user the result is no such relay: what the step before produces is
/// not addressed to the relay's lane ("Signer l'arrêté", then "Transmettre l'arrêté au
/// demandeur"), or the user is asked for nothing after it.
fn forwards_a_request(ctx: &Context, n: usize, next: &[(usize, f64)]) -> bool {
    if !next.iter().all(|&(m, _)| ctx.in_user_lane(m) && !ctx.step(m).requests.is_empty()) {
        return false;
    }
    let prev = ctx.prev_work(n);
    let lane = ctx.label_words(&ctx.lane_name(n));
    !prev.is_empty()
        && prev.iter().all(|&(p, _)| {
            let before = ctx.step(p);
            let to = labels::addressees(before.label());
            !ctx.in_user_lane(p)
                && before.actor != ctx.step(n).actor
                && !before.produces.is_empty()
                && !to.is_empty()
                && to.iter().all(|w| lane.contains(w))
        })
}

/// Handoffs per case saved by going straight from the steps before `n` to those after it: the lane
/// changes into `n` (one per way in) and out of it (one per pass of `n` and way out), minus those
/// left between each step before and each step after once `n` is gone.
///
/// At a join, several steps before lead into one pass of `n`: the change out of `n` is made once
/// per pass, not once per branch coming in (two opinions joined, then passed on, is three changes
/// of lane, and two once the relay is gone).
pub(crate) fn handoffs_saved(ctx: &Context, n: usize, next: &[(usize, f64)]) -> f64 {
    let lane = |m: usize| ctx.step(m).actor.as_deref();
    let change = |a: usize, b: usize| if lane(a) == lane(b) { 0.0 } else { 1.0 };
    let out: f64 = next.iter().map(|&(q, share)| ctx.visits[n] * share * change(n, q)).sum();
    let prev = ctx.prev_work(n);
    if prev.is_empty() {
        return out;
    }
    let mut saved = out;
    for &(p, w) in &prev {
        saved += w * change(p, n);
        for &(q, share) in next {
            saved -= w * share * change(p, q);
        }
    }
    saved.max(0.0)
}

/// Whether a label sends to someone's home: the home right after the preposition ("Envoyer la
/// carte au domicile de l'élève", "à domicile", "à son domicile"), not a word naming a body by
/// where the user lives ("Faire suivre la demande au commissariat du domicile" passes the file
/// on to the police station).
fn to_a_home(label: &str) -> bool {
    let text = labels::strip_accents(&label.to_lowercase());
    let words: Vec<&str> = text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.iter().enumerate().any(|(i, &w)| {
        w == "domicile"
            && (i >= 1 && matches!(words[i - 1], "au" | "a")
                || i >= 2 && words[i - 2] == "a" && matches!(words[i - 1], "son" | "sa" | "leur"))
    })
}

/// Complexity: one pass over the reachable work steps; each distinct label is normalised once
/// per analysis ([`Context::label_words`]).
pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // The words naming the user, read once a step passes the file on.
    let mut user_words: Option<Vec<String>> = None;
    for n in ctx.reachable_work() {
        let s = ctx.step(n);
        if !passes_on(ctx, n) {
            continue;
        }
        let next = ctx.next_work(n);
        if next.is_empty() || next.iter().any(|&(m, _)| ctx.step(m).actor == s.actor) {
            continue;
        }
        let forwarded = forwards_a_request(ctx, n, &next);
        if !forwarded && next.iter().any(|&(m, _)| ctx.in_user_lane(m)) {
            continue;
        }
        // Sent to the user too ("Adresser le compte rendu au DASEN et à la famille"): the user is
        // told, which removing the step would drop.
        // Sent to someone's home ("Envoyer la carte au domicile de l'élève"): it leaves the
        // administration for a person, it does not pass on inside it.
        let user = user_words.get_or_insert_with(|| super::waiting::user_words(ctx));
        if !forwarded && (labels::addressees(s.label()).iter().any(|w| user.contains(w)) || to_a_home(s.label())) {
            continue;
        }
        let step_word = |lang: Lang| match (lang, next.len()) {
            (Lang::Fr, 1) => "l'étape",
            (Lang::Fr, _) => "les étapes",
            (Lang::En, 1) => "step",
            (Lang::En, _) => "steps",
        };
        let next_steps: Vec<usize> = next.iter().map(|&(m, _)| m).collect();
        let targets = |lang: Lang| (step_word(lang), (" ", StepsWithLanes(ctx, lang, &next_steps)));
        let (label, lane) = (ctx.label_str(n), ctx.lane_str(n));
        let lead = if ctx.on_lead(n) { ctx.visits[n] * (s.duration() + s.wait()) } else { 0.0 };
        let mut subjects = vec![ctx.id(n)];
        subjects.extend(next.iter().map(|&(m, _)| ctx.id(m)));
        out.push(finding(
            ID,
            Severity::Warning,
            subjects,
            text(
                sentence!["Simple transmission : ", Quoted(Lang::Fr, label)],
                sentence!["Transit step: ", Quoted(Lang::En, label)],
            ),
            if forwarded {
                let before: Vec<usize> = ctx.prev_work(n).iter().map(|&(p, _)| p).collect();
                let (fr, en) =
                    if before.len() == 1 { ("de l'étape ", "of step ") } else { ("des étapes ", "of steps ") };
                text(
                    sentence! {
                        "L'étape ", Quoted(Lang::Fr, label), " (", lane, ") ne fait que faire suivre à l'usager la \
                        demande ", fr, StepsWithLanes(ctx, Lang::Fr, &before), " : elle ne vérifie, ne saisit, ne \
                        produit et ne décide rien. La demande peut être adressée directement à l'usager, sans ce \
                        relais.",
                    },
                    sentence! {
                        "Step ", Quoted(Lang::En, label), " (", lane, ") only forwards to the user the request ", en,
                        StepsWithLanes(ctx, Lang::En, &before), ": it checks, enters, produces and decides nothing. \
                        The request can go to the user directly, without this relay.",
                    },
                )
            } else {
                text(
                    sentence! {
                        "L'étape ", Quoted(Lang::Fr, label), " (", lane, ") ne fait que faire suivre le dossier vers ",
                        targets(Lang::Fr), " : elle ne vérifie, ne saisit, ne produit et ne décide rien. Le dossier \
                        peut y aller directement, sans ce relais.",
                    },
                    sentence! {
                        "Step ", Quoted(Lang::En, label), " (", lane, ") only passes the file on to ",
                        targets(Lang::En), ": it checks, enters, produces and decides nothing. The file can go there \
                        directly, without this relay.",
                    },
                )
            },
            Gain {
                touch_min: ctx.visits[n] * s.duration(),
                lead_min: lead,
                handoffs: handoffs_saved(ctx, n, &next),
                ..Gain::default()
            },
            Some("remove-step"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    fn around(label: &str, next_lane: &str) -> B {
        B::new()
            .start("s")
            .task("depot", "u", "Déposer la demande")
            .task("t", "a", label)
            .dur("t", 5.0)
            .task("n", next_lane, "Instruire la demande")
            .end("e")
            .chain(&["s", "depot", "t", "n", "e"])
    }

    #[test]
    fn fires_on_passing_the_file_on() {
        check(&around("Transmettre la demande au responsable", "b").build(), "transit-step", &["t n"]);
        check(&around("Faire suivre le dossier", "b").build(), "transit-step", &["t n"]);
        check(&around("Envoyer pour visa", "c").build(), "transit-step", &["t n"]);
    }

    #[test]
    fn saves_the_handoffs_that_going_straight_removes() {
        let gain = |p: crate::model::Procedure| {
            crate::analysis::analyze(&p, &crate::analysis::Settings::default())
                .findings
                .into_iter()
                .find(|f| f.rule == "transit-step")
                .map(|f| f.gain.handoffs)
        };
        // User → front office (transit) → back office: 2 lane changes become 1.
        assert_eq!(gain(around("Transmettre la demande", "b").build()), Some(1.0));
        // The step before is in the same lane as the transit: its lane change stays.
        let same_lane = B::new()
            .start("s")
            .task("signe", "a", "Signer le mandat")
            .task("t", "a", "Transmettre le bordereau au comptable")
            .task("n", "b", "Contrôler la dépense")
            .end("e")
            .chain(&["s", "signe", "t", "n", "e"])
            .build();
        assert_eq!(gain(same_lane), Some(0.0));
        // Back office → front office (transit) → back office: both lane changes go.
        let back_and_forth = B::new()
            .start("s")
            .task("instruit", "b", "Instruire")
            .task("t", "a", "Transmettre le dossier pour signature")
            .approval("n", "b", "Signer")
            .end("e")
            .chain(&["s", "instruit", "t", "n", "e"])
            .build();
        assert_eq!(gain(back_and_forth), Some(2.0));
        // Two opinions joined, then passed on: three lane changes become two, not four.
        let joined = B::new()
            .start("s")
            .par("f")
            .task("x", "c", "Rédiger l'avis médical")
            .task("y", "d", "Rédiger l'avis social")
            .par("j")
            .task("t", "b", "Transmettre le dossier à la commission")
            .approval("n", "a", "Décider en commission")
            .end("e")
            .chain(&["s", "f", "x", "j", "t", "n", "e"])
            .chain(&["f", "y", "j"])
            .build();
        assert_eq!(gain(joined), Some(1.0));
    }

    #[test]
    fn does_not_fire_when_sending_to_the_user() {
        check(&around("Envoyer la décision au demandeur", "u").build(), "transit-step", &[]);
        // Sent on to another service and to the user: the user is told.
        check(&around("Adresser le compte rendu au service et au demandeur", "b").build(), "transit-step", &[]);
        // Near miss: sent on to two services, the user named nowhere.
        check(&around("Adresser le compte rendu au service et au comptable", "b").build(), "transit-step", &["t n"]);
    }

    /// The instructing service writes to the front office, which forwards the request to the user.
    fn forwarding(before: &str, relay: &str, after_requests: bool) -> crate::model::Procedure {
        let b = B::new()
            .start("s")
            .task("depot", "u", "Déposer la demande")
            .check("instruire", "b", "Instruire la demande")
            .task("demande", "b", before)
            .produces("demande", &["demande-pieces"])
            .task("t", "a", relay)
            .task("complement", "u", "Apporter les pièces manquantes")
            .end("e")
            .chain(&["s", "depot", "instruire", "demande", "t", "complement", "e"]);
        if after_requests { b.requests("complement", &["rib"]).build() } else { b.build() }
    }

    #[test]
    fn fires_on_forwarding_to_the_user_a_request_addressed_to_the_relay() {
        check(
            &forwarding(
                "Demander les pièces manquantes à l'accueil",
                "Faire suivre la demande de pièces à l'usager",
                true,
            ),
            "transit-step",
            &["t complement"],
        );
        // Near misses: the request was not addressed to the relay's lane (the front office sends
        // the user what the service wrote); the user is asked for nothing after it (the result).
        check(
            &forwarding("Demander les pièces manquantes", "Faire suivre la demande de pièces à l'usager", true),
            "transit-step",
            &[],
        );
        check(&forwarding("Signer la décision", "Transmettre la décision à l'usager", false), "transit-step", &[]);
        check(
            &forwarding("Adresser la décision à l'accueil", "Transmettre la décision à l'usager", false),
            "transit-step",
            &[],
        );
    }

    #[test]
    fn does_not_fire_on_a_step_that_does_something() {
        check(&around("Transmettre le dossier", "b").checks("t", &["rib"]).build(), "transit-step", &[]);
        check(
            &around("Transmettre le courrier de relance", "b").produces("t", &["relance"]).build(),
            "transit-step",
            &[],
        );
        check(&around("Instruire la demande", "b").build(), "transit-step", &[]);
        check(&around("Transmettre le dossier", "a").build(), "transit-step", &[]);
        check(&around("Transmettre le dossier au préfet", "b").legal("t").build(), "transit-step", &[]);
    }

    #[test]
    fn a_step_that_makes_what_it_sends_is_no_relay_though_drawn_without_data() {
        // Drawn sparsely, with none of its documents: the label opens on making what it sends.
        check(&around("Établir l'attestation de salaire et l'envoyer à la CPAM", "b").build(), "transit-step", &[]);
        check(&around("Constituer le dossier avec le patient et l'envoyer", "b").build(), "transit-step", &[]);
        check(&around("Éditer la liste des aménagements et l'adresser au centre", "b").build(), "transit-step", &[]);
        // Near misses: the label opens on sending what another made, or names the making after
        // the sending.
        check(&around("Transmettre l'attestation établie par l'employeur", "b").build(), "transit-step", &["t n"]);
        check(&around("Adresser le dossier constitué au service", "b").build(), "transit-step", &["t n"]);
    }

    #[test]
    fn a_copy_sent_for_information_is_no_relay() {
        check(&around("Transmettre une copie de l'arrêté à la police municipale", "b").build(), "transit-step", &[]);
        check(&around("Adresser copie de la décision au CCAS", "b").build(), "transit-step", &[]);
        // Near miss: the act itself passed on, and a copy named after what is sent.
        check(&around("Transmettre l'arrêté à la police municipale", "b").build(), "transit-step", &["t n"]);
        check(&around("Transmettre le dossier et sa copie au service", "b").build(), "transit-step", &["t n"]);
        // Near miss: a copy of the user's filing passes the file on.
        check(
            &around("Transmettre une copie de la déclaration au service des eaux", "b").build(),
            "transit-step",
            &["t n"],
        );
    }

    #[test]
    fn sending_to_the_pupils_home_is_sending_to_the_user() {
        check(&around("Envoyer la carte au domicile de l'élève", "b").build(), "transit-step", &[]);
        check(&around("Envoyer la carte à son domicile", "b").build(), "transit-step", &[]);
        check(&around("ENVOYER LA CARTE A DOMICILE", "b").build(), "transit-step", &[]);
        // Near misses: sent to the school's secretariat; to the police station of the place where
        // the user lives, named after it.
        check(&around("Envoyer la carte au secrétariat du collège", "b").build(), "transit-step", &["t n"]);
        check(
            &around("Faire suivre la demande d'enquête au commissariat du domicile", "b").build(),
            "transit-step",
            &["t n"],
        );
    }

    #[test]
    fn an_information_system_routing_the_file_is_no_relay() {
        // The guichet unique passes the deposit on to the competent greffe: a system's routing.
        let mut b = around("Transmettre le dépôt au greffe compétent", "b");
        b.p.actors.push(crate::model::Actor {
            id: "g".into(),
            name: "Guichet unique".into(),
            kind: crate::model::ActorKind::System,
            hourly_cost_eur: None,
            extra: crate::model::Extra::new(),
        });
        let relay = b.clone().build();
        check(&relay, "transit-step", &["t n"]);
        let mut routed = b.build();
        routed.step_mut("t").expect("the relay").actor = Some("g".into());
        check(&routed, "transit-step", &[]);
    }
}
