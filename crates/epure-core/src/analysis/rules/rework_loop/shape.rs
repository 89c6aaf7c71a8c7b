//! How a loop sends an incomplete file back, read from the drawing: the decision that goes round,
//! the check it follows, the user's submission before the loop on each way in and what it hands
//! in, and whether a check at the submission already covers it (see the rule's documentation in
//! [`super`]). `check-upfront` reads the same shape to change the procedure.

use petgraph::stable_graph::{EdgeIndex, NodeIndex};

use crate::model::{Channel, Procedure, StepKind};

/// Steps looked at before a loop to find the user's submission.
const SUBMISSION_LOOKBEHIND: usize = 64;

/// How a loop sends an incomplete file back, read from the drawing.
#[derive(Debug, Clone, PartialEq)]
pub(crate) struct Rework {
    /// The decision that sends the file back.
    pub decision: NodeIndex,
    /// The check whose result the decision follows.
    pub checker: NodeIndex,
    /// The decision's flows that go round the loop again.
    pub back: Vec<EdgeIndex>,
    /// The user's step, before the loop, that hands in what the check verifies: pieces it is
    /// asked for, or data the user types in their own form (the order number a supplier types on
    /// the invoicing portal, which the accounts department then looks for).
    pub submission: NodeIndex,
    /// What the check verifies that the submission hands in, in the check's order.
    pub items: Vec<String>,
    /// The submissions of the other ways in that no check covers either (the paper form posted
    /// beside the filing at the counter), with what each hands in of `items`' kind: checking at
    /// one way only would leave the files of the others sent back as before.
    pub also: Vec<(NodeIndex, Vec<String>)>,
    /// Whether the check is already upfront: the submission checks all of `items`, or the loop's
    /// check is made at the counter right as the user hands the file in there (a flow from the
    /// submission to it, both at the counter), or checks made there and then cover all of `items`.
    pub in_place: bool,
}

/// Why a loop is not an incomplete file sent back to the user: what it lacks.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub(crate) enum NotRework {
    /// No decision of the loop both goes round again and leaves it.
    Decision,
    /// The decision does not follow a check that verifies data.
    Check,
    /// The loop holds no step of the user: the file is not sent back to them.
    User,
    /// No step of the user before the loop hands in what the check verifies.
    Submission,
    /// The check writes its own report and the loop asks the user for something new, which the
    /// check does not verify and no step before the loop handed in (the proofs of the works done
    /// after the inspector's visit), or the user's own work on the check's report whatever they
    /// hand in after it (the non-conformities lifted, the certificate visaed again): a correction
    /// of what the check found, not a piece missing from the filing.
    Correction,
}

/// Reads the loop made of `members` as an incomplete file sent back to the user.
///
/// Complexity: O(size of the loop and of its neighbourhood, capped before the loop).
pub(crate) fn rework(p: &Procedure, members: &[NodeIndex]) -> Result<Rework, NotRework> {
    let g = p.graph();
    let set: std::collections::HashSet<NodeIndex> = members.iter().copied().collect();
    let inside = |n: NodeIndex| set.contains(&n);
    let user = |n: NodeIndex| g[n].kind.is_work() && crate::graph::in_user_lane(p, n);
    let decision = going_round(p, members, &inside).ok_or(NotRework::Decision)?;
    // Whether a check decides the return is asked first: a loop round an answer that did not come
    // is told as such (`run`), whoever it waits for.
    let checker = checker_of(p, decision, &inside).ok_or(NotRework::Check)?;
    // A way round that asks the user for pieces (documents) goes round for pieces, whatever else
    // the check weighs: the league checks the club's affiliation in the federation's register
    // with the statutes and the accounts, and sends the request back for the missing ones; the
    // person who calls the 115 again tomorrow is asked for no piece.
    let asks_for_pieces = members.iter().any(|&n| {
        user(n)
            && g[n]
                .requests
                .iter()
                .any(|d| p.data_item(d).is_some_and(|i| i.kind() == crate::model::DataKind::Document))
    });
    if !asks_for_pieces && weighs_an_outside_resource(p, members, &set, checker) {
        return Err(NotRework::Check);
    }
    if !members.iter().any(|&n| user(n)) {
        return Err(NotRework::User);
    }
    // What a step of the user hands in: the pieces asked for, what they type in themselves, and
    // what they make for the administration (the piece they send, filed in their record: "Envoyer
    // le justificatif par la messagerie", which the check then reads as the filed piece).
    // A step of the front office that asks the user for pieces (`requests`: "asked of the user at
    // this step", the counter agent taking the file) is where they hand those in.
    let hands_in = |n: NodeIndex| {
        let theirs = crate::graph::in_user_lane(p, n);
        g[n].requests.iter().chain(g[n].enters.iter().chain(&g[n].produces).filter(move |_| theirs))
    };
    let back: Vec<EdgeIndex> = p.outgoing(decision).into_iter().filter(|&(_, m)| inside(m)).map(|(e, _)| e).collect();
    // The pieces the loop asks for again are those whose absence sends the file back: the ones
    // to check at the submission. A loop that asks for none by name ("Compléter le dossier")
    // keeps every piece the check verifies.
    let checked = &g[checker].checks;
    let asked_again: Vec<&String> = members.iter().filter(|&&n| user(n)).flat_map(|&n| hands_in(n)).collect();
    // The submission is the nearest step of the user before the loop that hands in one of them
    // (the filing, not a step on a branch before the check that adds other pieces for some
    // cases); failing that, the nearest one that hands in something the check verifies.
    // A check that writes its own report (the inspector's visit and its findings, not a
    // completeness check), and a loop asking for something new: none of it is what the check
    // verifies, and no step of the user before the loop handed it in. The user answers what the
    // check found (the works done on the premises the inspector visited, the measures taken),
    // which no check of the filing could have caught: no submission to check it at. (A
    // completeness check whose return asks for a piece the filing never asked for is still
    // a piece to ask and check at the filing.)
    if !g[checker].produces.is_empty()
        && !asked_again.is_empty()
        && !asked_again.iter().any(|d| checked.contains(d))
        && user_steps_before(p, members, &set, &|n| hands_in(n).any(|d| asked_again.contains(&d))).is_empty()
    {
        return Err(NotRework::Correction);
    }
    // The user works, where they are, on what the check's report found, and hands in again what
    // the check verifies once it is done (the electrician lifts the non-conformities the Consuel's
    // inspector listed, and the certificate is visaed at the counter-visit): a step of the user
    // in the loop reads that report and is their own work (`internal` in the user's lane).
    // No check of the filing could have caught what the visit found, whatever is handed in again.
    let reads_the_report = |n: NodeIndex| {
        g[n].channel == Some(Channel::Internal) && g[n].checks.iter().any(|d| g[checker].produces.contains(d))
    };
    // So when some of the user's steps in the loop only send in the proof of that work (the
    // jury adjourns the candidate, who does a new practical placement on its decision, then
    // declares it online): what the verdict weighed is work to come.
    if !g[checker].produces.is_empty() && members.iter().any(|&n| user(n) && reads_the_report(n)) {
        return Err(NotRework::Correction);
    }
    let hands_in_again = |n: NodeIndex| hands_in(n).any(|d| checked.contains(d) && asked_again.contains(&d));
    let hands_in_checked = |n: NodeIndex| hands_in(n).any(|d| checked.contains(d));
    // A piece the check asks the user for itself is checked as it is handed in.
    let asked_by_checker = |d: &String| g[checker].requests.contains(d);
    // On each way into the loop, the nearest such step: the loop is checked upfront only when it
    // is on every way (the online filing checked the moment it is sent, but the paper form
    // posted beside it checked by no one before the office's check). The first way that is not
    // is the submission to check, else the nearest.
    let mut submissions = user_steps_before(p, members, &set, &hands_in_again);
    if submissions.is_empty() {
        submissions = user_steps_before(p, members, &set, &hands_in_checked);
    }
    let read = |(submission, join): (NodeIndex, Option<NodeIndex>)| {
        let mut items: Vec<String> =
            checked.iter().filter(|&d| hands_in(submission).any(|x| x == d)).cloned().collect();
        if items.iter().any(|d| asked_again.contains(&d)) {
            items.retain(|d| asked_again.contains(&d));
        }
        // The steps that go through the file at the counter as the user hands it in there: the
        // loop's check itself, or another one whose checks count as made upfront.
        let spot = at_counter_on_the_spot(p, submission);
        let in_place = spot.contains(&checker)
            || items.iter().all(|d| {
                g[submission].checks.contains(d) || asked_by_checker(d) || spot.iter().any(|&m| g[m].checks.contains(d))
            });
        (submission, items, in_place, join)
    };
    let ways: Vec<_> = submissions.into_iter().map(read).collect();
    // Submissions on the branches of one parallel block are not different ways in: every case
    // goes through all of them, so one that checks the pieces covers the others (the payment
    // details handed in on the way to the bank and again on the way to the accountant, checked
    // at the first: the case has been checked). Known miss: a branch that asks for the piece on
    // some of its cases only (a choice inside the branch) is read as covering them all.
    let covered = |w: &(NodeIndex, Vec<String>, bool, Option<NodeIndex>)| {
        w.2 || w.3.is_some() && ways.iter().any(|v| v.2 && v.3 == w.3)
    };
    let Some(nearest) = ways.first() else {
        // The pieces drawn as asked for by the check itself (`requests` on the agent's step, "asked
        // of the user at this step"): the agent asks for them and goes through them at once, as a
        // check at the submission does.
        let items: Vec<String> = checked.iter().filter(|d| asked_by_checker(d)).cloned().collect();
        if items.is_empty() {
            return Err(NotRework::Submission);
        }
        return Ok(Rework { decision, checker, back, submission: checker, items, also: Vec::new(), in_place: true });
    };
    let chosen = if covered(nearest) { ways.iter().find(|w| !covered(w)).unwrap_or(nearest) } else { nearest };
    let in_place = covered(chosen);
    let also = if in_place {
        Vec::new()
    } else {
        ways.iter().filter(|w| w.0 != chosen.0 && !covered(w)).map(|w| (w.0, w.1.clone())).collect()
    };
    Ok(Rework { decision, checker, back, submission: chosen.0, items: chosen.1.clone(), also, in_place })
}

/// Whether step `n` is in the lane of a front-office person (`agent`: the people the user meets).
fn front_office(p: &Procedure, n: NodeIndex) -> bool {
    p.actor_of(n).is_some_and(|a| a.kind == crate::model::ActorKind::Agent)
}

/// The steps of the user before the loop made of `members` for which `wanted` holds (or of the
/// front office, asking the user for what they hand in there), the nearest
/// on each way back (not looking past one), nearest first, looking back at most
/// [`SUBMISSION_LOOKBEHIND`] steps; each with the first parallel join passed on the way back to
/// it, if any (steps found through one join are on branches every case goes through).
fn user_steps_before(
    p: &Procedure,
    members: &[NodeIndex],
    set: &std::collections::HashSet<NodeIndex>,
    wanted: &dyn Fn(NodeIndex) -> bool,
) -> Vec<(NodeIndex, Option<NodeIndex>)> {
    let g = p.graph();
    let inside = |n: NodeIndex| set.contains(&n);
    let mut queue: std::collections::VecDeque<(NodeIndex, Option<NodeIndex>)> =
        members.iter().flat_map(|&n| p.incoming(n)).map(|(_, m)| (m, None)).filter(|&(m, _)| !inside(m)).collect();
    let mut seen: Vec<NodeIndex> = Vec::new();
    let mut found = Vec::new();
    while let Some((n, join)) = queue.pop_front() {
        if seen.contains(&n) || seen.len() >= SUBMISSION_LOOKBEHIND {
            continue;
        }
        seen.push(n);
        let asks = crate::graph::in_user_lane(p, n) || (front_office(p, n) && !g[n].requests.is_empty());
        if g[n].kind.is_work() && asks && wanted(n) {
            found.push((n, join));
            continue;
        }
        let before = p.incoming(n);
        let join = join.or_else(|| (g[n].kind == StepKind::Parallel && before.len() >= 2).then_some(n));
        queue.extend(before.into_iter().map(|(_, m)| (m, join)).filter(|&(m, _)| !inside(m)));
    }
    found
}

/// Whether the check weighs what an administration holds outside the file, which no step of the
/// loop or before it brings in (asks for, types in or issues): the places the shelters declared
/// free tonight, the credits left. A file that goes round then ("Place disponible ?", call again
/// tomorrow) waits for that resource, not for a piece: checking the pieces earlier would not
/// avoid the rounds, so nothing is proposed.
///
/// Complexity: the loop and at most [`SUBMISSION_LOOKBEHIND`] steps before it.
fn weighs_an_outside_resource(
    p: &Procedure,
    members: &[NodeIndex],
    set: &std::collections::HashSet<NodeIndex>,
    checker: NodeIndex,
) -> bool {
    let g = p.graph();
    let held: Vec<&String> =
        g[checker].checks.iter().filter(|d| p.data_item(d).is_some_and(|item| !item.held_by.is_empty())).collect();
    if held.is_empty() {
        return false;
    }
    let brings = |n: NodeIndex, d: &String| {
        let s = &g[n];
        s.requests.contains(d) || s.enters.contains(d) || s.produces.contains(d)
    };
    let mut outside = held;
    outside.retain(|d| !members.iter().any(|&n| brings(n, d)));
    let mut queue: std::collections::VecDeque<NodeIndex> =
        members.iter().flat_map(|&n| p.incoming(n)).map(|(_, m)| m).filter(|m| !set.contains(m)).collect();
    let mut seen: Vec<NodeIndex> = Vec::new();
    while let Some(n) = queue.pop_front() {
        if outside.is_empty() {
            return false;
        }
        if seen.contains(&n) || seen.len() >= SUBMISSION_LOOKBEHIND {
            continue;
        }
        seen.push(n);
        outside.retain(|d| !brings(n, d));
        queue.extend(p.incoming(n).into_iter().map(|(_, m)| m).filter(|m| !set.contains(m)));
    }
    !outside.is_empty()
}

/// The decision of a loop that both goes round again and leaves it.
fn going_round(p: &Procedure, members: &[NodeIndex], inside: &dyn Fn(NodeIndex) -> bool) -> Option<NodeIndex> {
    let g = p.graph();
    members.iter().copied().find(|&n| {
        let outs = p.outgoing(n);
        g[n].kind == StepKind::Decision && outs.iter().any(|&(_, m)| inside(m)) && outs.iter().any(|&(_, m)| !inside(m))
    })
}

/// The work step of the loop just before `decision` that checks data: the check whose result
/// the decision follows.
fn checker_of(p: &Procedure, decision: NodeIndex, inside: &dyn Fn(NodeIndex) -> bool) -> Option<NodeIndex> {
    let g = p.graph();
    p.incoming(decision)
        .into_iter()
        .map(|(_, m)| m)
        .find(|&m| inside(m) && g[m].kind.is_work() && !g[m].checks.is_empty())
}

/// Steps looked at after the submission to find the check made on the spot.
const ON_THE_SPOT_LOOKAHEAD: usize = 16;

/// The work steps that go through the pieces at the counter as the user hands them in there: the
/// submission is at the counter, and so is each of them, with no wait before it and nothing but
/// gateways, steps that take no one's time (an exchange between systems, a fetch from a
/// holder) and steps at the counter that do not wait between the two: the user has not left, and
/// the step does not wait. The search stops at the first other step that takes time, on each way.
///
/// Online, the same holds of the service's own checks: a check step of an information system
/// that goes through the filing the moment it is sent, taking no one's time ("Contrôler les
/// champs et les pièces obligatoires" on the guichet unique, which will not send the formality
/// without them), is the form that flags missing pieces; a check by a person, one that waits, one
/// after a join (it waits for another branch), or a system's task that only records the filing
/// (the receipt of a declaration) is not.
///
/// The channel is optional, and what follows tells it when it is left out. A submission without
/// one is at the counter when a step at the counter follows it with nothing that takes time
/// between them: the agent goes through the pieces with the user, who is therefore there
/// ("Déposer la demande au guichet", then "Vérifier les pièces avec le propriétaire" at the
/// counter); it is online when the information system checks it the moment it is sent, as
/// above. After a submission at the counter, a step without a channel of the front office (an
/// `agent`: the people the user meets) that does not wait is there too ("Remplir le dossier avec
/// le résident et vérifier les pièces"). Reading an unknown channel as "elsewhere" would flag the
/// loop the check on the spot already closes; a back office's step without one stays unknown.
fn at_counter_on_the_spot(p: &Procedure, submission: NodeIndex) -> Vec<NodeIndex> {
    let g = p.graph();
    let online = g[submission].channel == Some(Channel::Online);
    let unknown = g[submission].channel.is_none();
    let takes_no_time = |n: NodeIndex| g[n].duration() == 0.0 && g[n].wait() == 0.0;
    let by = |n: NodeIndex, kind: crate::model::ActorKind| p.actor_of(n).is_some_and(|a| a.kind == kind);
    let systems_check =
        |n: NodeIndex| g[n].kind == StepKind::Check && by(n, crate::model::ActorKind::System) && takes_no_time(n);
    // `joined`: a join was crossed on the way there (it waits for another branch: no system's
    // check the moment the filing is sent).
    let on_the_spot = |n: NodeIndex, joined: bool| {
        if online {
            systems_check(n)
        } else {
            g[n].channel == Some(Channel::Counter)
                || (!unknown && g[n].channel.is_none() && by(n, crate::model::ActorKind::Agent))
                || (unknown && !joined && systems_check(n))
        }
    };
    let join = |n: NodeIndex| g[n].kind == StepKind::Parallel && p.incoming(n).len() > 1;
    let mut found = Vec::new();
    if !online && g[submission].channel.is_some() && !on_the_spot(submission, false) {
        return found;
    }
    let mut stack: Vec<(NodeIndex, bool)> = p.outgoing(submission).into_iter().map(|(_, m)| (m, false)).collect();
    let mut seen: Vec<NodeIndex> = Vec::new();
    while let Some((n, joined)) = stack.pop() {
        if seen.contains(&n) || seen.len() >= ON_THE_SPOT_LOOKAHEAD {
            continue;
        }
        seen.push(n);
        let s = &g[n];
        if s.kind.is_work() && on_the_spot(n, joined) && s.wait() == 0.0 {
            found.push(n);
        }
        // A step at the counter that does not wait is the same sitting, the user still there,
        // however long it takes ("Recevoir le dossier", then "Vérifier la complétude": one step
        // or two is the drawer's choice).
        let with_user = !online && s.channel == Some(Channel::Counter) && s.wait() == 0.0;
        let instant = !s.kind.is_work() || (s.duration() == 0.0 && s.wait() == 0.0) || with_user;
        if instant && s.kind != StepKind::End && !(online && join(n)) {
            let joined = joined || join(n);
            stack.extend(p.outgoing(n).into_iter().map(|(_, m)| (m, joined)));
        }
    }
    found
}
