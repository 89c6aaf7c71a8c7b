//! `too-many-contacts` — Sollicitations multiples.
//!
//! Fires when the user is solicited more than `max_user_contacts` times per case. A solicitation
//! is one sitting: the user's steps done one after the other in the same visit to the counter,
//! the same phone call or the same online session count once (the concession asked for at the
//! cemetery desk, then the deed signed and paid there while the agent drew it up; a short wait
//! on the spot, in the hall or on hold, does not end the visit). Other user
//! steps count their expected visits, as the `user_contacts` metric does. A step the user carries
//! out inside their own organisation (the `internal` channel in the user's lane: a commune's
//! council voting the deliberation, its works and its accounts) is no solicitation: the
//! administration asks nothing of them there. Nor is a step where one person the procedure serves
//! hands what it produces to another (the seller of a car handing the buyer the barred certificate
//! and the code de cession, at the sale): it passes between the two of them, and no administration
//! is there to ask for it. Subjects: the user's steps that solicit them. Not
//! fired at or below the threshold, whatever the number of steps drawn (a rarely taken branch
//! weighs its probability). The gain is the solicitations above the threshold, not
//! all but one: a procedure that needs the user twice by nature (the fingerprints at the filing
//! and the card handed in person) cannot be brought down to a single contact.
//!
//! Each person the procedure serves is counted on their own: where it has several user lanes (the
//! resident who reports a dangerous building and its owner, the creditor and the debtor), a
//! person's steps are their solicitations, not the other's, and a step of one does not continue
//! a sitting of the other. One finding per person solicited more than the threshold, naming their
//! lane: the resident asked once and the owner twice are not solicited three times.

use super::{Context, finding, text};
use crate::analysis::words::{number, quote, quoted_list};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::Channel;

pub const ID: &str = "too-many-contacts";

/// Steps looked at behind a user step to find the sitting it continues.
const SITTING_LOOKBEHIND: usize = 16;

/// Longest wait (minutes) spent on the spot at a counter or on the phone: the person waits in
/// the waiting room for the officer who takes their complaint, or on hold, and has not gone
/// home. A longer wait before a step ends the sitting.
const ON_THE_SPOT_WAIT_MIN: f64 = 60.0;

pub fn run(ctx: &Context) -> Vec<Finding> {
    let max = ctx.settings.max_user_contacts;
    if ctx.metrics.user_contacts <= max + 1e-9 {
        return Vec::new();
    }
    let steps: Vec<usize> = ctx
        .reachable_work()
        .filter(|&n| {
            ctx.in_user_lane(n) && !ctx.users_own_work(n) && ctx.visits[n] > 0.0 && !hands_to_another_person(ctx, n)
        })
        .collect();
    // Each person the procedure serves is solicited on their own: the creditor and the debtor,
    // the resident who reports a danger and the owner who must act. Their steps are grouped by
    // lane, in the order of each lane's first step.
    let mut index: rustc_hash::FxHashMap<&str, usize> = rustc_hash::FxHashMap::default();
    let mut lanes: Vec<Vec<usize>> = Vec::new();
    for &n in &steps {
        let lane = ctx.step(n).actor.as_deref().unwrap_or_default();
        let i = *index.entry(lane).or_insert_with(|| {
            lanes.push(Vec::new());
            lanes.len() - 1
        });
        lanes[i].push(n);
    }
    let named = lanes.len() > 1;
    lanes.iter().filter_map(|steps| one_person(ctx, steps, named)).collect()
}

/// The finding for one person the procedure serves (the user steps of one lane), if they are
/// solicited more than the threshold; `named` when other people are served too, so that the
/// sentences say whom they speak of.
fn one_person(ctx: &Context, steps: &[usize], named: bool) -> Option<Finding> {
    let max = ctx.settings.max_user_contacts;
    let (continued, opening): (Vec<usize>, Vec<usize>) = steps.iter().partition(|&&n| continues_a_sitting(ctx, n));
    let contacts: f64 = opening.iter().map(|&n| ctx.visits[n]).sum();
    let first = *steps.first()?;
    if contacts <= max + 1e-9 {
        return None;
    }
    let labels: Vec<&str> = steps.iter().map(|&n| ctx.label_str(n)).collect();
    let continued: Vec<&str> = continued.iter().map(|&n| ctx.label_str(n)).collect();
    let (same_fr, same_en) = if continued.is_empty() {
        (String::new(), String::new())
    } else {
        let (fr, en) = (quoted_list(Lang::Fr, &continued), quoted_list(Lang::En, &continued));
        if continued.len() == 1 {
            (
                format!(
                    " L'étape {fr} se fait lors du même passage que celle qui la précède : elle n'est pas comptée à part."
                ),
                format!(" Step {en} is done in the same sitting as the one before it: it is not counted on its own."),
            )
        } else {
            (
                format!(
                    " Les étapes {fr} se font chacune lors du même passage que celle qui la précède : elles ne sont pas comptées à part."
                ),
                format!(
                    " Steps {en} are each done in the same sitting as the one before: they are not counted on their own."
                ),
            )
        }
    };
    let (title_fr, title_en, who_fr, who_en) = if named {
        let lane = ctx.lane_str(first);
        (
            format!(
                "Sollicitations multiples : {} contacts avec la personne du couloir {} par dossier",
                number(Lang::Fr, contacts, 1),
                quote(Lang::Fr, lane)
            ),
            format!(
                "Too many contacts: {} contacts with the person in lane {} per file",
                number(Lang::En, contacts, 1),
                quote(Lang::En, lane)
            ),
            format!(
                "La personne du couloir {} est sollicitée en moyenne {} fois par dossier (seuil : {}), aux étapes {}.",
                quote(Lang::Fr, lane),
                number(Lang::Fr, contacts, 2),
                number(Lang::Fr, max, 1),
                quoted_list(Lang::Fr, &labels)
            ),
            format!(
                "The person in lane {} is solicited {} times per file on average (threshold: {}), at steps {}.",
                quote(Lang::En, lane),
                number(Lang::En, contacts, 2),
                number(Lang::En, max, 1),
                quoted_list(Lang::En, &labels)
            ),
        )
    } else {
        (
            format!("Sollicitations multiples : {} contacts avec l'usager par dossier", number(Lang::Fr, contacts, 1)),
            format!("Too many contacts: {} contacts with the user per file", number(Lang::En, contacts, 1)),
            format!(
                "L'usager est sollicité en moyenne {} fois par dossier (seuil : {}), aux étapes {}.",
                number(Lang::Fr, contacts, 2),
                number(Lang::Fr, max, 1),
                quoted_list(Lang::Fr, &labels)
            ),
            format!(
                "The user is solicited {} times per file on average (threshold: {}), at steps {}.",
                number(Lang::En, contacts, 2),
                number(Lang::En, max, 1),
                quoted_list(Lang::En, &labels)
            ),
        )
    };
    Some(finding(
        ID,
        Severity::Warning,
        steps.iter().map(|&n| ctx.id(n)).collect(),
        text(title_fr, title_en),
        text(
            format!(
                "{who_fr}{same_fr} Chaque sollicitation est un déplacement, un envoi ou une connexion de plus, et un \
                 risque d'abandon."
            ),
            format!("{who_en}{same_en} Each contact is one more trip, mailing or login, and a risk of giving up."),
        ),
        Gain { contacts: (contacts - max).max(0.0), ..Gain::default() },
        None,
    ))
}

/// Whether user step `n` hands what its person has to another person the procedure serves: it
/// produces what it hands, asks them for nothing, and every way out of it leads, through gateways,
/// to a step of another user lane (the seller hands the papers of the sale to the buyer, who files
/// the request). A step whose work goes to an administration's lane, that is asked for pieces, or
/// that hands nothing (the creditor heard at the hearing, then the debtor: both were convened) is
/// a contact.
fn hands_to_another_person(ctx: &Context, n: usize) -> bool {
    let s = ctx.step(n);
    if !s.requests.is_empty() || s.produces.is_empty() {
        return false;
    }
    let next = ctx.next_work(n);
    !next.is_empty() && next.iter().all(|&(m, _)| ctx.in_user_lane(m) && ctx.step(m).actor != s.actor && m != n)
}

/// Whether user step `n` is done in the sitting of the user step before it, on every way in: `n`
/// does not wait, and behind it, through gateways, there is only another user step on the same
/// channel, or an agent's step on that channel that does not wait either, done while the user is
/// there (at the counter or on the phone), itself behind such a step. At the counter or on the
/// phone, a wait of up to [`ON_THE_SPOT_WAIT_MIN`] is spent there (the victim waits in the hall
/// between the reception desk and the hearing): it does not end the sitting. Mail and paper are
/// never one sitting across an agent's step: the agent works on the file once the user has sent
/// it. Online, the teleservice's own step that does not wait (recording the VAT return, before
/// the claim for its credit is filed in the same session) does not end the session either; a
/// back office's step does.
///
/// A step whose channel is left out (the field is optional) takes the channel of the sitting it
/// would continue: the work steps just behind it, when they share one ("Relire et signer le
/// procès-verbal" right after the hearing at the counter is signed there), through the front
/// office's steps without a channel that do not wait. An unknown channel says nothing of a new
/// sitting; its wait still does, and so does a step between without a channel of the user or of
/// the back office.
fn continues_a_sitting(ctx: &Context, n: usize) -> bool {
    let s = ctx.step(n);
    let channel = s.channel.or_else(|| channel_behind(ctx, n));
    let with_user = matches!(channel, Some(Channel::Counter | Channel::Phone));
    let on_the_spot = |w: f64| w == 0.0 || (with_user && w <= ON_THE_SPOT_WAIT_MIN);
    if !on_the_spot(s.wait()) {
        return false;
    }
    let mut stack: Vec<usize> = vec![n];
    let mut seen: Vec<usize> = vec![n];
    let mut user_found = false;
    while let Some(m) = stack.pop() {
        for a in ctx.g.inc[m].iter().filter(|a| a.share > 0.0) {
            let b = a.node;
            if seen.contains(&b) {
                // Two ways that meet, or a loop back: that way is looked at already.
                continue;
            }
            if seen.len() >= SITTING_LOOKBEHIND {
                return false;
            }
            seen.push(b);
            let bs = ctx.step(b);
            if !bs.kind.is_work() {
                if bs.kind == crate::model::StepKind::Start {
                    return false;
                }
                stack.push(b);
            } else if bs.channel != channel {
                if bs.channel.is_some() || !with_user || !front_office(ctx, b) || !on_the_spot(bs.wait()) {
                    // Another channel, or a step without one of the user (the capital deposited
                    // at a bank, then the notice published online) or of the back office (a
                    // signature between two visits): not the same sitting. A front-office
                    // agent's without a wait is (the reception desk announcing the victim to the
                    // unit that hears her).
                    return false;
                }
                stack.push(b);
            } else if ctx.in_user_lane(b) {
                if bs.actor != s.actor {
                    // Another person's step: theirs is another sitting.
                    return false;
                }
                user_found = true;
            } else if (with_user || channel == Some(Channel::Online) && system(ctx, b)) && on_the_spot(bs.wait()) {
                // At the counter or on the phone, the agent's work while the user is there; online,
                // the teleservice recording what was just filed while the user goes on in the
                // same session (the VAT return recorded, then the claim for the credit filed).
                stack.push(b);
            } else {
                return false;
            }
        }
    }
    user_found
}

/// Whether step `n` is in the lane of an information system acting alone.
fn system(ctx: &Context, n: usize) -> bool {
    ctx.actor_of(n).is_some_and(|a| a.kind == crate::model::ActorKind::System)
}

/// Whether step `n` is in the lane of a front-office person (`agent`: the people the user meets).
fn front_office(ctx: &Context, n: usize) -> bool {
    ctx.actor_of(n).is_some_and(|a| a.kind == crate::model::ActorKind::Agent)
}

/// The channel shared by the nearest work steps behind step `n` (through gateways, and the front
/// office's steps without a channel), if they all have the same known one and it is not the
/// user's own work (`internal`: the administration was not there); looking back at most
/// [`SITTING_LOOKBEHIND`] steps.
fn channel_behind(ctx: &Context, n: usize) -> Option<Channel> {
    let mut stack: Vec<usize> = vec![n];
    let mut seen: Vec<usize> = vec![n];
    let mut found: Option<Channel> = None;
    while let Some(m) = stack.pop() {
        for a in ctx.g.inc[m].iter().filter(|a| a.share > 0.0) {
            let b = a.node;
            if seen.contains(&b) {
                continue;
            }
            if seen.len() >= SITTING_LOOKBEHIND {
                return None;
            }
            seen.push(b);
            let bs = ctx.step(b);
            if !bs.kind.is_work() {
                if bs.kind == crate::model::StepKind::Start {
                    return None;
                }
                stack.push(b);
                continue;
            }
            match (bs.channel, found) {
                (None, _) if front_office(ctx, b) => stack.push(b),
                (None | Some(Channel::Internal), _) => return None,
                (Some(c), Some(f)) if c != f => return None,
                (Some(c), _) => found = Some(c),
            }
        }
    }
    found
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::Channel;

    fn contacts(p_back: f64) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("u1", "u", "Déposer la demande")
            .task("a1", "a", "Convoquer")
            .task("u2", "u", "Se présenter à l'entretien")
            .check("c", "b", "Vérifier")
            .decision("d")
            .task("u3", "u", "Compléter")
            .end("e")
            .chain(&["s", "u1", "a1", "u2", "c", "d"])
            .prob("d", "u3", p_back)
            .prob("d", "e", 1.0 - p_back)
            .chain(&["u3", "e"])
            .build()
    }

    #[test]
    fn fires_above_the_threshold() {
        check(&contacts(0.5), "too-many-contacts", &["u1 u2 u3"]);
    }

    #[test]
    fn the_gain_is_the_contacts_above_the_threshold() {
        // 2.5 contacts per case, threshold 2: half a contact to save, not 1.5.
        let p = contacts(0.5);
        let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "too-many-contacts")
            .expect("fired");
        assert!((f.gain.contacts - 0.5).abs() < 1e-9, "gain {}", f.gain.contacts);
    }

    /// Two people served: the resident reports (once), the owner answers `owner` times (the
    /// observations, the certificate of the works, a third exchange).
    fn two_people(owner: usize) -> crate::model::Procedure {
        let mut b = B::new();
        b.p.actors.push(crate::model::Actor {
            id: "v".into(),
            name: "Propriétaire".into(),
            kind: crate::model::ActorKind::User,
            hourly_cost_eur: None,
            extra: crate::model::Extra::new(),
        });
        let answers = ["observations", "attestation", "pieces"];
        let mut chain = vec!["s", "signaler", "visite"];
        let mut b = b.start("s").task("signaler", "u", "Signaler le danger").task("visite", "b", "Visiter l'immeuble");
        for (i, id) in answers.iter().take(owner).enumerate() {
            let agent = ["courrier", "arrete", "constat"][i];
            b = b.task(agent, "b", "Écrire au propriétaire").task(id, "v", "Répondre à la mairie");
            chain.extend([agent, id]);
        }
        chain.push("e");
        b.end("e").chain(&chain).build()
    }

    #[test]
    fn each_person_served_is_counted_on_their_own() {
        // The resident once, the owner twice: three steps of users, but nobody above two.
        check(&two_people(2), "too-many-contacts", &[]);
        // The owner three times: the finding names the owner's steps only, and their lane.
        let p = two_people(3);
        check(&p, "too-many-contacts", &["observations attestation pieces"]);
        let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "too-many-contacts")
            .expect("fired");
        assert!(
            f.explanation_fr.starts_with("La personne du couloir « Propriétaire » est sollicitée en moyenne 3 fois"),
            "{}",
            f.explanation_fr
        );
    }

    /// The seller's check-up at a garage, their declaration online, then the papers handed to
    /// the buyer (`to_buyer`) or posted to the office (else); the buyer files the request.
    fn seller_and_buyer(to_buyer: bool) -> crate::model::Procedure {
        let mut b = B::new();
        b.p.actors.push(crate::model::Actor {
            id: "acheteur".into(),
            name: "Acheteur".into(),
            kind: crate::model::ActorKind::User,
            hourly_cost_eur: None,
            extra: crate::model::Extra::new(),
        });
        let b = b
            .start("s")
            .task("controle", "u", "Présenter le véhicule au contrôle technique")
            .task("centre", "c", "Réaliser le contrôle technique")
            .task("declarer", "u", "Déclarer la cession en ligne")
            .task("remettre", "u", "Remettre les papiers du véhicule")
            .produces("remettre", &["certificat-barre"])
            .task("demander", "acheteur", "Faire la demande d'immatriculation")
            .check("verifier", "b", "Vérifier la demande")
            .end("e")
            .channel("controle", Channel::Counter)
            .channel("declarer", Channel::Online)
            .channel("remettre", Channel::Counter)
            .wait("declarer", 2880.0)
            .wait("remettre", 2880.0);
        if to_buyer {
            b.chain(&["s", "controle", "centre", "declarer", "remettre", "demander", "verifier", "e"]).build()
        } else {
            b.task("enregistrer", "b", "Enregistrer les papiers reçus")
                .chain(&["s", "controle", "centre", "declarer", "remettre", "enregistrer", "demander", "verifier", "e"])
                .build()
        }
    }

    #[test]
    fn a_handover_between_two_people_served_is_no_solicitation() {
        // The check-up and the declaration: two solicitations of the seller, at the threshold.
        check(&seller_and_buyer(true), "too-many-contacts", &[]);
        // Near misses: the papers posted to an office are a third one; so is the seller's
        // appearance that hands nothing (heard, say, before the buyer is).
        check(&seller_and_buyer(false), "too-many-contacts", &["controle declarer remettre"]);
        let mut p = seller_and_buyer(true);
        p.step_mut("remettre").expect("the handover").produces.clear();
        check(&p, "too-many-contacts", &["controle declarer remettre"]);
    }

    #[test]
    fn does_not_fire_at_the_threshold() {
        // Two contacts, the third step is never taken.
        check(&contacts(0.0), "too-many-contacts", &[]);
    }

    /// Three user steps: the request at the desk, the deed signed and paid at the same desk while
    /// the agent draws it up (`between` is the agent's step), the hand-over of a document later.
    fn one_visit(between_wait: f64, channel: Channel) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("demande", "u", "Demander une concession au guichet")
            .task("redaction", "a", "Rédiger l'acte de concession")
            .task("paiement", "u", "Signer l'acte et payer")
            .task("remise", "u", "Retirer le titre")
            .end("e")
            .chain(&["s", "demande", "redaction", "paiement", "remise", "e"])
            .channel("demande", channel)
            .channel("redaction", channel)
            .channel("paiement", channel)
            .channel("remise", Channel::Counter)
            .wait("demande", 120.0)
            .dur("redaction", 15.0)
            .wait("redaction", between_wait)
            .wait("remise", 2880.0)
            .build()
    }

    #[test]
    fn steps_of_one_visit_count_once() {
        // Request, then deed signed on the spot while the agent draws it up: one visit, plus the
        // hand-over later: 2 solicitations, at the threshold.
        check(&one_visit(0.0, Channel::Counter), "too-many-contacts", &[]);
        // The same on the phone.
        check(&one_visit(0.0, Channel::Phone), "too-many-contacts", &[]);
    }

    #[test]
    fn a_step_without_channel_continues_the_sitting_it_follows() {
        // The deed signed with its channel left out, right after the agent's step at the counter:
        // signed there, in the same visit.
        let mut p = one_visit(0.0, Channel::Counter);
        p.step_mut("paiement").expect("the deed").channel = None;
        check(&p, "too-many-contacts", &[]);
        // So after a short wait in the hall.
        let mut p = one_visit(30.0, Channel::Counter);
        p.step_mut("paiement").expect("the deed").channel = None;
        check(&p, "too-many-contacts", &[]);
        // And with the front office's drafting without a channel between (the reception desk
        // the user meets).
        let mut p = one_visit(0.0, Channel::Counter);
        p.step_mut("paiement").expect("the deed").channel = None;
        p.step_mut("redaction").expect("the drafting").channel = None;
        check(&p, "too-many-contacts", &[]);
        // Near misses: a back office's step without a channel between (a signature between two
        // visits), a long wait, or a step behind on another channel than the one the step is
        // drawn on are another sitting.
        p.step_mut("redaction").expect("the drafting").actor = Some("b".into());
        check(&p, "too-many-contacts", &["demande paiement remise"]);
        let mut p = one_visit(420.0, Channel::Counter);
        p.step_mut("paiement").expect("the deed").channel = None;
        check(&p, "too-many-contacts", &["demande paiement remise"]);
        let mut p = one_visit(0.0, Channel::Counter);
        p.step_mut("redaction").expect("the drafting").channel = Some(Channel::Mail);
        check(&p, "too-many-contacts", &["demande paiement remise"]);
    }

    #[test]
    fn a_short_wait_on_the_spot_does_not_end_the_visit() {
        // The victim waits half an hour in the hall before the hearing, then signs the
        // procès-verbal: still one visit, plus the hand-over later.
        check(&one_visit(30.0, Channel::Counter), "too-many-contacts", &[]);
        check(&one_visit(30.0, Channel::Phone), "too-many-contacts", &[]);
        // Near miss: by mail, even a short wait is the agent working on the letter once sent.
        check(&one_visit(30.0, Channel::Mail), "too-many-contacts", &["demande paiement remise"]);
        // Near miss: two hours is not waiting on the spot.
        check(&one_visit(120.0, Channel::Counter), "too-many-contacts", &["demande paiement remise"]);
    }

    #[test]
    fn a_wait_or_a_letter_between_two_steps_makes_two_contacts() {
        // The agent's step waits: the user has gone home and comes back.
        check(&one_visit(420.0, Channel::Counter), "too-many-contacts", &["demande paiement remise"]);
        // By mail, the agent works on the file once it is sent: the signed deed is a second letter.
        check(&one_visit(0.0, Channel::Mail), "too-many-contacts", &["demande paiement remise"]);
    }

    /// A commune asks for a grant: its council votes, it files online, completes the file half the
    /// time, does the works, then asks for the payment; `own` is the channel of the council's vote
    /// and of the works, `back` the share of files sent back.
    fn commune(own: Channel, back: f64) -> crate::model::Procedure {
        B::new()
            .start("s")
            .approval("vote", "u", "Approuver le projet en conseil municipal")
            .task("depot", "u", "Déposer la demande de subvention")
            .check("c", "b", "Vérifier la complétude")
            .decision("d")
            .task("complement", "u", "Compléter le dossier")
            .task("travaux", "u", "Réaliser les travaux et mandater les factures")
            .task("paiement", "u", "Demander le paiement")
            .end("e")
            .chain(&["s", "vote", "depot", "c", "d"])
            .prob("d", "complement", back)
            .prob("d", "travaux", 1.0 - back)
            .chain(&["complement", "c"])
            .chain(&["travaux", "paiement", "e"])
            .channel("vote", own)
            .channel("depot", Channel::Online)
            .channel("complement", Channel::Online)
            .channel("travaux", own)
            .channel("paiement", Channel::Online)
            .wait("depot", 420.0)
            .wait("paiement", 4200.0)
            .build()
    }

    #[test]
    fn the_users_own_work_inside_their_organisation_is_no_solicitation() {
        // The vote and the works are the commune's own: the filing, the returns and the payment
        // request are 2.25 solicitations, the steps named those three.
        check(&commune(Channel::Internal, 0.2), "too-many-contacts", &["depot complement paiement"]);
        // Never sent back: the filing and the payment request, at the threshold.
        check(&commune(Channel::Internal, 0.0), "too-many-contacts", &[]);
        // Near miss: the same steps done by post are sent to the administration: each counts.
        check(&commune(Channel::Mail, 0.0), "too-many-contacts", &["vote depot travaux paiement"]);
    }

    #[test]
    fn the_explanation_says_which_step_is_the_same_visit() {
        let p = B::new()
            .start("s")
            .task("u1", "u", "Déposer la demande")
            .task("u2", "u", "Signer le récépissé")
            .task("u3", "u", "Se présenter à l'entretien")
            .task("u4", "u", "Retirer le titre")
            .end("e")
            .chain(&["s", "u1", "u2", "u3", "u4", "e"])
            .channel("u1", Channel::Counter)
            .channel("u2", Channel::Counter)
            .wait("u3", 2880.0)
            .wait("u4", 2880.0)
            .build();
        let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "too-many-contacts")
            .expect("fired: 3 sittings");
        assert!(f.title_fr.contains("3 contacts"), "{}", f.title_fr);
        assert!(
            f.explanation_fr
                .contains("L'étape « Signer le récépissé » se fait lors du même passage que celle qui la précède"),
            "{}",
            f.explanation_fr
        );
        assert!((f.gain.contacts - 1.0).abs() < 1e-9, "gain {}", f.gain.contacts);
    }

    /// The return filed online, recorded by the teleservice (lane `t`, after `t_wait` minutes),
    /// then the claim filed, then the pieces sent later on request.
    fn online_session(t_wait: f64) -> crate::model::Procedure {
        let mut b = B::new();
        b.p.actors.push(crate::model::Actor {
            id: "t".into(),
            name: "Espace professionnel".into(),
            kind: crate::model::ActorKind::System,
            hourly_cost_eur: None,
            extra: crate::model::Extra::new(),
        });
        b.start("s")
            .task("declarer", "u", "Déposer la déclaration")
            .task("enregistrer", "t", "Enregistrer la déclaration")
            .task("demander", "u", "Déposer la demande de remboursement")
            .task("examiner", "b", "Examiner la demande")
            .task("pieces", "u", "Transmettre les factures")
            .end("e")
            .channel("declarer", Channel::Online)
            .channel("enregistrer", Channel::Online)
            .channel("demander", Channel::Online)
            .channel("pieces", Channel::Online)
            .wait("enregistrer", t_wait)
            .chain(&["s", "declarer", "enregistrer", "demander", "examiner", "pieces", "e"])
            .build()
    }

    #[test]
    fn the_teleservice_recording_a_form_does_not_end_the_online_session() {
        // The return and the claim in one session, the pieces later: 2 solicitations.
        check(&online_session(0.0), "too-many-contacts", &[]);
        // Near misses: a teleservice that records the return overnight, or a back office's step
        // between the two forms, leaves the claim to another session: 3.
        check(&online_session(420.0), "too-many-contacts", &["declarer demander pieces"]);
        let mut p = online_session(0.0);
        p.step_mut("enregistrer").expect("the recording").actor = Some("b".into());
        check(&p, "too-many-contacts", &["declarer demander pieces"]);
    }
}
