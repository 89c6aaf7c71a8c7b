//! The transformations of the catalogue, each a pure function of a procedure and a finding.
//! The guard in `mod.rs` checks every result; these only make the change or say why not.

use petgraph::stable_graph::NodeIndex;

use crate::analysis::{Finding, labels};
use crate::model::{ActorKind, Channel, Medium, Procedure, Step, StepKind};

use super::edit::bypass;
use super::{Refusal, reorganise};

/// Applies the transformation named `suggestion` to a copy of `p`.
pub(crate) fn apply(p: &Procedure, suggestion: &str, f: &Finding) -> Result<Procedure, Refusal> {
    let mut out = p.clone();
    match suggestion {
        "remove-step" => remove_step(&mut out, f)?,
        "merge-steps" => merge_steps(&mut out, f)?,
        "ask-once" => ask_once(&mut out, f)?,
        "fetch-from-holder" => fetch_from_holder(&mut out, f)?,
        "enter-once" => enter_once(&mut out, f)?,
        "single-approval" => single_approval(&mut out, f)?,
        "reassign-step" => reassign_step(&mut out, f)?,
        "go-digital" => go_digital(&mut out, f)?,
        "parallelize" => reorganise::parallelize(&mut out, f)?,
        "check-upfront" => reorganise::check_upfront(&mut out, f)?,
        "move-earlier" => reorganise::move_earlier(&mut out, f)?,
        other => {
            return Err(Refusal::new(
                format!("transformation inconnue « {other} »"),
                format!("unknown transformation “{other}”"),
            ));
        }
    }
    Ok(out)
}

/// The finding's subjects that are steps, in the finding's order.
pub(super) fn steps(p: &Procedure, f: &Finding) -> Vec<String> {
    f.step_subjects(p).map(str::to_owned).collect()
}

/// The finding's subjects that are data items.
fn data(p: &Procedure, f: &Finding) -> Vec<String> {
    f.subjects.iter().filter(|s| f.names_data(p, s)).cloned().collect()
}

/// Steps in the author's order (a proxy for the order a case meets them on one path).
fn in_author_order(p: &Procedure, mut ids: Vec<String>) -> Vec<String> {
    ids.sort_by_key(|id| p.step_indices().iter().position(|&n| p.graph()[n].id == *id));
    ids
}

pub(super) fn nothing_to_do() -> Refusal {
    Refusal::new("rien à transformer pour ce constat", "nothing to transform for this finding")
}

/// `remove-step`: bypass the step; refused when it produces something another step uses.
fn remove_step(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let id = steps(p, f).into_iter().next().ok_or_else(nothing_to_do)?;
    if let Some(step) = p.step(&id) {
        for d in &step.produces {
            let used = p.steps().any(|s| s.id != id && (s.checks.contains(d) || s.enters.contains(d)));
            if used {
                let name = p.data_item(d).map_or(d.as_str(), |i| i.name.as_str());
                return Err(Refusal::new(
                    format!("l'étape « {} » produit « {name} », dont une autre étape a besoin", step.label()),
                    format!("step “{}” produces “{name}”, which another step needs", step.label()),
                ));
            }
        }
    }
    bypass(p, &id)
}

/// `merge-steps`: keep the first of the steps, give it the others' data, bypass the others.
fn merge_steps(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let ids = in_author_order(p, steps(p, f));
    let [keep, rest @ ..] = ids.as_slice() else { return Err(nothing_to_do()) };
    if rest.is_empty() {
        return Err(nothing_to_do());
    }
    for other in rest {
        let Some(o) = p.step(other).cloned() else { continue };
        if let Some(k) = p.step_mut(keep) {
            for (mine, theirs) in [
                (&mut k.requests, &o.requests),
                (&mut k.enters, &o.enters),
                (&mut k.checks, &o.checks),
                (&mut k.produces, &o.produces),
            ] {
                for d in theirs {
                    if !mine.contains(d) {
                        mine.push(d.clone());
                    }
                }
            }
        }
        bypass(p, other)?;
    }
    Ok(())
}

/// `ask-once`: keep the first request of each item on the path, drop the later ones.
fn ask_once(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let askers = in_author_order(p, steps(p, f));
    let mut changed = false;
    for d in data(p, f) {
        let mut first = true;
        for id in &askers {
            let Some(s) = p.step_mut(id) else { continue };
            if s.requests.contains(&d) {
                if first {
                    first = false;
                } else {
                    s.requests.retain(|x| *x != d);
                    changed = true;
                }
            }
        }
    }
    if !changed {
        return Err(nothing_to_do());
    }
    drop_emptied_hand_overs(p, &askers);
    Ok(())
}

/// Verbs of a user's step that only hands pieces over or fills in what is asked (normalised by
/// [`labels::words`], which maps "envoyer", "adresser" and "faire suivre" onto "transmettre",
/// "remettre" onto "déposer"): "Déposer le certificat de scolarité sur le DSE" once the CROUS
/// gets it from the school, "Remplir le formulaire papier" once the pre-application holds it.
const HANDING_OVER: &[&str] =
    &["transmettre", "fournir", "joindre", "communiquer", "téléverser", "retourner", "déposer", "remplir"];

/// Bypasses the steps among `touched` that the change left with nothing to do: a user's step
/// whose label says it hands pieces over ("Transmettre les attestations et le Kbis"), that no
/// longer requests, enters, checks or produces anything, and that is not the user's first step
/// (the filing stays, whatever it asks for). Without it the user would still be contacted to
/// hand over nothing. A step that cannot be bypassed (a legal basis, several ways out) stays.
fn drop_emptied_hand_overs(p: &mut Procedure, touched: &[String]) {
    let verbs: Vec<String> = HANDING_OVER.iter().flat_map(|w| labels::words(w)).collect();
    for id in touched {
        let Some(n) = p.node(id) else { continue };
        let s = &p.graph()[n];
        let empty = s.requests.is_empty() && s.enters.is_empty() && s.checks.is_empty() && s.produces.is_empty();
        let hands_over = labels::words(s.label()).first().is_some_and(|w| verbs.contains(w));
        if s.kind == StepKind::Task
            && empty
            && hands_over
            && crate::graph::in_user_lane(p, n)
            && after_a_user_step(p, n)
        {
            // Refused (mandated, several ways out): the step stays, the change is still made.
            let _ = bypass(p, id);
        }
    }
}

/// Whether a user's work step comes before `n` on some way into it.
fn after_a_user_step(p: &Procedure, n: NodeIndex) -> bool {
    let mut seen = vec![false; petgraph::visit::NodeIndexable::node_bound(p.graph())];
    let mut stack: Vec<NodeIndex> = p.incoming(n).into_iter().map(|(_, m)| m).collect();
    while let Some(m) = stack.pop() {
        if std::mem::replace(&mut seen[m.index()], true) {
            continue;
        }
        if m != n && p.graph()[m].kind.is_work() && crate::graph::in_user_lane(p, m) {
            return true;
        }
        stack.extend(p.incoming(m).into_iter().map(|(_, k)| k));
    }
    false
}

/// `fetch-from-holder`: stop asking the user for an item an administration holds; the first
/// step that uses it gets it from the holder, through a step of its own lane that takes no
/// time (an exchange between information systems, e.g. API Particulier).
fn fetch_from_holder(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let mut changed = false;
    for d in data(p, f) {
        let Some(item) = p.data_item(&d).cloned() else { continue };
        if item.held_by.is_empty() {
            continue;
        }
        let mut asked: Vec<NodeIndex> = Vec::new();
        for id in steps(p, f) {
            if let Some(s) = p.step_mut(&id)
                && s.requests.contains(&d)
            {
                s.requests.retain(|x| *x != d);
                changed = true;
                asked.extend(p.node(&id));
            }
        }
        // The administration's step that needs the item once the user no longer hands it in:
        // the first (in the author's order) outside the user's lane that checks or enters it,
        // after a step that asked for it when one is. The user's own steps (the employer's
        // payroll keying the hours it then declares) keep what they have: a fetch there would
        // only be one more step of the user.
        let after_asking: Vec<Vec<bool>> = asked.iter().map(|&n| crate::graph::reachable_from(p, n)).collect();
        let needs = |n: NodeIndex| {
            let s = &p.graph()[n];
            s.kind.is_work() && (s.checks.contains(&d) || s.enters.contains(&d)) && !crate::graph::in_user_lane(p, n)
        };
        let order = p.step_indices();
        let user = order
            .iter()
            .find(|&&n| needs(n) && after_asking.iter().any(|r| r.get(n.index()).copied().unwrap_or(false)))
            .or_else(|| order.iter().find(|&&n| needs(n)));
        if let Some(&n) = user {
            let consumer = p.graph()[n].clone();
            let holder = item.held_by.join(", ");
            let mut fetch = Step::work(
                p.fresh_step_id("recuperation-"),
                StepKind::Task,
                // "auprès de" + a name needs the name's article ("de la DGFiP", "du RCS"), which the
                // format does not give: the holder is named in brackets instead.
                format!(
                    "Récupérer « {} » auprès {} ({holder})",
                    item.name,
                    if item.held_by.len() > 1 { "des détenteurs" } else { "du détenteur" }
                ),
                consumer.actor.clone().unwrap_or_default(),
            );
            fetch.duration_min = Some(0.0);
            fetch.channel = Some(Channel::Internal);
            fetch.produces = vec![d.clone()];
            fetch.note = Some(format!("Échange de données entre administrations (détenteur : {holder})."));
            insert_before(p, &consumer.id, fetch)?;
        }
    }
    if !changed {
        return Err(nothing_to_do());
    }
    drop_emptied_hand_overs(p, &steps(p, f));
    Ok(())
}

/// Puts `step` on every way into `before` from upstream. A flow that comes back to `before`
/// from a step after it (a loop) keeps going to `before`: what is fetched once need not be
/// fetched again on each round, and the loop still reads as going back to `before`.
///
/// When the file comes to `before` on paper on every way in (a paper or postal flow, or from a
/// step done at the counter or on paper), it still does: the exchange runs alongside the paper
/// file, it does not carry it. The inserted step then takes no channel of its own and hands the
/// file on on paper, so that a paper file keyed in at `before` is still told as such (the media
/// break is not hidden behind the exchange, nor counted twice).
fn insert_before(p: &mut Procedure, before: &str, mut step: Step) -> Result<(), Refusal> {
    let n = p.node(before).ok_or_else(nothing_to_do)?;
    let downstream = crate::graph::reachable_from(p, n);
    let upstream = |m: NodeIndex| !downstream.get(m.index()).copied().unwrap_or(false);
    let all = p.incoming(n);
    // A step reached only from after itself (drawn in a loop with no way in) takes them all.
    let from_upstream = all.iter().any(|&(_, m)| upstream(m));
    let incoming: Vec<String> =
        all.iter().filter(|&&(_, m)| !from_upstream || upstream(m)).map(|&(e, _)| p.graph()[e].id.clone()).collect();
    let on_paper = !incoming.is_empty()
        && incoming.iter().all(|eid| {
            p.flow(eid).is_some_and(|r| match r.flow.medium {
                Some(m) => matches!(m, Medium::Paper | Medium::Mail),
                None => p.step(r.from).is_some_and(|s| matches!(s.channel, Some(Channel::Counter | Channel::Paper))),
            })
        });
    if on_paper {
        step.channel = None;
    }
    let id = step.id.clone();
    p.add_step(step).map_err(|e| Refusal::new(e.to_string(), e.to_string()))?;
    for eid in incoming {
        let Some(from) = p.flow(&eid).map(|f| f.from.to_owned()) else { continue };
        if let Ok(flow) = p.remove_flow(&eid) {
            let _ = p.add_flow(&from, &id, flow);
        }
    }
    let mut onward = crate::model::Flow::new(p.fresh_flow_id());
    if on_paper {
        onward.medium = Some(Medium::Paper);
    }
    p.add_flow(&id, before, onward).map_err(|e| Refusal::new(e.to_string(), e.to_string()))?;
    Ok(())
}

/// `enter-once`: keep the first entry of each item; later steps reuse it. A later step whose
/// only work was that entry (nothing checked or produced, no legal basis) goes altogether. An
/// item keyed in once, from the user's paper form, is filled in online instead ([`file_online`]).
fn enter_once(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let ids = in_author_order(p, steps(p, f));
    let mut changed = false;
    let mut emptied = Vec::new();
    for d in data(p, f) {
        let enterers: Vec<&String> =
            ids.iter().filter(|id| p.step(id).is_some_and(|s| s.enters.contains(&d))).collect();
        if enterers.len() < 2 {
            continue;
        }
        let later: Vec<String> = enterers[1..].iter().map(|s| (*s).clone()).collect();
        for id in later {
            if let Some(s) = p.step_mut(&id) {
                s.enters.retain(|x| *x != d);
                changed = true;
                if s.enters.is_empty() && s.checks.is_empty() && s.produces.is_empty() && s.requests.is_empty() {
                    emptied.push(id.clone());
                }
            }
        }
    }
    if !changed {
        // Keyed in once, from the user's paper form ("Double saisie : ressaisie à la main…"): the
        // finding proposes an online form feeding the software, which `go-digital` makes too.
        let ids = steps(p, f);
        if let Some((keying, sources)) = ids.split_first() {
            let items = data(p, f);
            let forms: Vec<String> =
                sources.iter().filter(|id| users_paper_forms(p, id, &items).first() == Some(*id)).cloned().collect();
            if !forms.is_empty() && file_online(p, keying, &forms, &items) {
                return Ok(());
            }
        }
        return Err(Refusal::new(
            "l'information n'est saisie qu'une fois, depuis le papier : c'est la rupture de support qu'il faut traiter",
            "the information is keyed in once, from paper: the media break is what needs fixing",
        ));
    }
    for id in emptied {
        if p.step(&id).is_some_and(|s| s.legal_basis.is_none() && s.outcome.is_none()) {
            // A step that cannot be bypassed keeps its now empty entry: still simpler.
            let _ = bypass(p, &id);
        }
    }
    Ok(())
}

/// `single-approval`: keep the last approval of the chain (the highest authority signs last),
/// drop the others that have no legal basis.
fn single_approval(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let approvals: Vec<String> =
        steps(p, f).into_iter().filter(|id| p.step(id).is_some_and(|s| s.kind == StepKind::Approval)).collect();
    let Some((_, earlier)) = approvals.split_last() else { return Err(nothing_to_do()) };
    let mut removed = 0;
    for id in earlier {
        if p.step(id).is_some_and(|s| s.legal_basis.is_none()) && bypass(p, id).is_ok() {
            removed += 1;
        }
    }
    if removed == 0 {
        return Err(Refusal::new(
            "chaque validation de la chaîne a une base légale ou plusieurs suites",
            "every approval of the chain has a legal basis or several ways out",
        ));
    }
    Ok(())
}

/// `reassign-step`: the short steps the file bounces through move into the lane it started
/// from (A → B → A becomes A → A → A), removing the handoffs. Approvals keep their signatory;
/// the guard refuses a move that would not remove handoffs.
fn reassign_step(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    if f.rule != "ping-pong" {
        // A long chain of handoffs has no single short step to move: which service should do
        // what is for the agent to decide.
        return Err(Refusal::new(
            "réduire une chaîne de relais demande de décider qui fait quoi : à faire dans l'éditeur",
            "shortening a chain of handoffs means deciding who does what: do it in the editor",
        ));
    }
    let ids = steps(p, f);
    let Some(home) = ids.first().and_then(|id| p.step(id)).and_then(|s| s.actor.clone()) else {
        return Err(nothing_to_do());
    };
    let is_user = |actor: Option<&str>| actor.and_then(|a| p.actor(a)).is_some_and(|a| a.kind == ActorKind::User);
    if is_user(Some(&home)) {
        return Err(Refusal::new(
            "le travail de l'administration n'est jamais confié à l'usager",
            "the administration's work is never given to the user",
        ));
    }
    let from_user: Vec<String> =
        ids.iter().filter(|id| is_user(p.step(id).and_then(|s| s.actor.as_deref()))).cloned().collect();
    let mut moved = 0;
    for id in &ids[1..ids.len().saturating_sub(1)] {
        if from_user.contains(id) {
            continue;
        }
        if let Some(s) = p.step_mut(id)
            && s.kind != StepKind::Approval
            && s.actor.as_ref() != Some(&home)
        {
            s.actor = Some(home.clone());
            moved += 1;
        }
    }
    if moved == 0 { Err(nothing_to_do()) } else { Ok(()) }
}

/// `go-digital`: the flow carries the case digitally and at once, and the next step works in
/// the information system (online for the user).
///
/// When what the next step keys in is the user's own paper form (a step of the user on paper,
/// by post or at the counter, upstream, that asks for it), going digital end to end is the user
/// filing it online: that step goes online, and the form feeds the software, so the next step no
/// longer keys in what it gives (`rekeying` proposes just that, and refers here). A step left
/// with nothing to do goes, as in `enter-once`. Paper that comes from elsewhere (a former
/// employer's records, a copy sent to another service) only travels digitally.
fn go_digital(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let Some(flow_id) = f.subjects.iter().find(|s| p.flow(s).is_some()).cloned() else {
        return Err(nothing_to_do());
    };
    let (from, to) = p.flow(&flow_id).map(|r| (r.from.to_owned(), r.to.to_owned())).unwrap_or_default();
    let user_lane = p
        .step(&to)
        .and_then(|s| s.actor.as_deref())
        .and_then(|a| p.actor(a))
        .is_some_and(|a| a.kind == ActorKind::User);
    if let Some(flow) = p.flow_mut(&flow_id) {
        if matches!(flow.medium, Some(Medium::Paper | Medium::Mail)) {
            flow.delay_min = None;
        }
        flow.medium = Some(if user_lane { Medium::Email } else { Medium::System });
    }
    if let Some(s) = p.step_mut(&to)
        && matches!(s.channel, Some(Channel::Paper | Channel::Counter | Channel::Mail) | None)
    {
        s.channel = Some(if user_lane { Channel::Online } else { Channel::Internal });
    }
    if user_lane {
        return Ok(());
    }
    let keyed: Vec<String> = p.step(&to).map(|s| s.enters.clone()).unwrap_or_default();
    let forms = users_paper_forms(p, &from, &keyed);
    file_online(p, &to, &forms, &keyed);
    Ok(())
}

/// The user fills in online the paper `forms` whose content step `keying` keys in, and `keying`
/// no longer enters what they give among `items`; a step left with nothing to do goes (a step
/// that cannot be bypassed keeps its now empty entry: still simpler). A form sent by post or
/// filled in on paper goes online and hands the file on digitally. A filing at the counter stays
/// there: the user fills the form in online beforehand (a pre-application, as for an identity
/// card) and still comes with the pieces, which the agent goes through with them on the spot.
/// Returns whether something changed.
fn file_online(p: &mut Procedure, keying: &str, forms: &[String], items: &[String]) -> bool {
    let mut given: Vec<String> = Vec::new();
    for id in forms {
        let Some(n) = p.node(id) else { continue };
        let s = &p.graph()[n];
        if s.channel == Some(Channel::Counter) {
            given.extend(s.requests.iter().filter(|d| items.contains(d)).cloned());
            continue;
        }
        // The file leaves digitally, also through an exchange that only ran alongside the paper
        // file (a fetch from a holder, with no channel of its own and no time).
        let mut from = vec![n];
        let mut seen: Vec<NodeIndex> = Vec::new();
        while let Some(m) = from.pop() {
            if seen.contains(&m) || seen.len() >= FORM_LOOKBEHIND {
                continue;
            }
            seen.push(m);
            for (e, next) in p.outgoing(m) {
                let id = p.graph()[e].id.clone();
                if let Some(flow) = p.flow_mut(&id)
                    && matches!(flow.medium, Some(Medium::Paper | Medium::Mail))
                {
                    flow.delay_min = None;
                    flow.medium = Some(Medium::System);
                }
                let t = &p.graph()[next];
                if t.kind.is_work() && t.channel.is_none() && t.duration() == 0.0 && t.wait() == 0.0 {
                    from.push(next);
                }
            }
        }
        if let Some(s) = p.step_mut(id) {
            s.channel = Some(Channel::Online);
            given.extend(s.requests.iter().filter(|d| items.contains(d)).cloned());
        }
    }
    let Some(s) = p.step_mut(keying) else { return false };
    let before = s.enters.len();
    s.enters.retain(|d| !given.contains(d));
    let changed = s.enters.len() < before;
    let emptied = s.enters.is_empty() && s.checks.is_empty() && s.produces.is_empty() && s.requests.is_empty();
    if changed && emptied && s.legal_basis.is_none() {
        let _ = bypass(p, keying);
    }
    changed
}

/// Steps looked at upstream of a media break to find the user's paper form.
const FORM_LOOKBEHIND: usize = 64;

/// The user's steps upstream of `from` (itself included), done on paper, by post or at the
/// counter, that ask for some of `keyed`: where the paper keyed in comes from. On each way back,
/// the search stops at the first such step, or after [`FORM_LOOKBEHIND`] steps in all.
fn users_paper_forms(p: &Procedure, from: &str, keyed: &[String]) -> Vec<String> {
    let mut out = Vec::new();
    let Some(start) = p.node(from) else { return out };
    let mut stack = vec![start];
    let mut seen: Vec<NodeIndex> = Vec::new();
    while let Some(n) = stack.pop() {
        if seen.contains(&n) || seen.len() >= FORM_LOOKBEHIND {
            continue;
        }
        seen.push(n);
        let s = &p.graph()[n];
        let on_paper = matches!(s.channel, Some(Channel::Paper | Channel::Mail | Channel::Counter));
        if s.kind.is_work()
            && on_paper
            && crate::graph::in_user_lane(p, n)
            && s.requests.iter().any(|d| keyed.contains(d))
        {
            out.push(s.id.clone());
            continue;
        }
        stack.extend(p.incoming(n).into_iter().map(|(_, m)| m));
    }
    out
}
