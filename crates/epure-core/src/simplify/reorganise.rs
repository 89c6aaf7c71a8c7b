//! The transformations that reorganise the graph — `parallelize`, `check-upfront`,
//! `move-earlier` — each a pure function of a procedure and a finding, like the others in
//! `transforms.rs`; the guard in `mod.rs` checks every result.

use std::collections::{HashSet, VecDeque};

use petgraph::stable_graph::NodeIndex;

use crate::analysis::rules::rework_loop::{NotRework, UPFRONT_FACTOR, rework, upfront_means};
use crate::analysis::words::percent;
use crate::analysis::{Finding, Lang};
use crate::model::{Medium, Outcome, Procedure, Step, StepKind};

use super::Refusal;
use super::edit::{connect, move_before, reroute};
use super::transforms::{nothing_to_do, steps};

/// The label of a step, quoted in French and in English.
fn quoted(p: &Procedure, n: NodeIndex) -> (String, String) {
    let label = p.graph()[n].label();
    (format!("« {label} »"), format!("“{label}”"))
}

/// Data a step works on without making it: what it checks, enters or asks for.
fn uses(s: &Step) -> impl Iterator<Item = &String> {
    s.checks.iter().chain(&s.enters).chain(&s.requests)
}

fn data_name(p: &Procedure, d: &str) -> String {
    p.data_item(d).map_or_else(|| d.to_owned(), |i| i.name.clone())
}

/// `parallelize`: the consecutive steps go between a `parallel` fork and its join, so that they
/// take as long as the longest of them instead of their sum. Refused when one uses what another
/// produces, when a step has other than one way in and one way out, when the file travels
/// between them on paper (one paper file cannot be in two offices at once), and when the block
/// would not be well-structured.
pub(super) fn parallelize(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let ids = steps(p, f);
    if ids.len() < 2 {
        return Err(nothing_to_do());
    }
    let mut nodes = Vec::with_capacity(ids.len());
    for id in &ids {
        let n = p.node(id).ok_or_else(nothing_to_do)?;
        let (fr, en) = quoted(p, n);
        if !p.graph()[n].kind.is_work() {
            return Err(Refusal::new(
                format!("{fr} n'est pas une étape de travail"),
                format!("{en} is not a work step"),
            ));
        }
        if p.incoming(n).len() != 1 || p.outgoing(n).len() != 1 {
            return Err(Refusal::new(
                format!(
                    "l'étape {fr} a plusieurs entrées ou plusieurs suites : le bloc parallèle est à dessiner dans l'éditeur"
                ),
                format!("step {en} has several ways in or out: draw the parallel block in the editor"),
            ));
        }
        nodes.push(n);
    }
    // The run in the order a case meets it: from the step no other step of the run leads to.
    let next = |n: NodeIndex| p.outgoing(n).first().map(|&(_, m)| m);
    let prev = |n: NodeIndex| p.incoming(n).first().map(|&(_, m)| m);
    let Some(&head) = nodes.iter().find(|&&n| prev(n).is_none_or(|m| !nodes.contains(&m))) else {
        return Err(not_consecutive());
    };
    let mut run = vec![head];
    while run.len() < nodes.len() {
        match run.last().and_then(|&n| next(n)) {
            Some(m) if nodes.contains(&m) && !run.contains(&m) => run.push(m),
            _ => return Err(not_consecutive()),
        }
    }
    let g = p.graph();
    for &a in &run {
        for &b in &run {
            if let Some(d) = uses(&g[a]).find(|d| a != b && g[b].produces.contains(d)) {
                let ((fa, ea), (fb, eb)) = (quoted(p, a), quoted(p, b));
                let name = data_name(p, d);
                return Err(Refusal::new(
                    format!(
                        "l'étape {fa} utilise « {name} », que produit {fb} : elles ne peuvent pas être menées en même temps"
                    ),
                    format!("step {ea} uses “{name}”, which {eb} produces: they cannot run at the same time"),
                ));
            }
        }
    }
    for w in run.windows(2) {
        let (e, _) = p.outgoing(w[0])[0];
        if matches!(g[e].medium, Some(Medium::Paper | Medium::Mail)) {
            return Err(Refusal::new(
                "le dossier circule sur papier entre ces étapes : un dossier papier ne peut pas être dans deux bureaux à la fois",
                "the file travels on paper between these steps: a paper file cannot be in two offices at once",
            ));
        }
    }
    let (first, last) = (run[0], run[run.len() - 1]);
    let (e_in, before) = p.incoming(first)[0];
    let (e_out, after) = p.outgoing(last)[0];
    let id_of = |n: NodeIndex| p.graph()[n].id.clone();
    let run_ids: Vec<String> = run.iter().map(|&n| id_of(n)).collect();
    let (before_id, after_id) = (id_of(before), id_of(after));
    let (e_in, e_out) = (g[e_in].id.clone(), g[e_out].id.clone());
    let between: Vec<String> = run.windows(2).map(|w| g[p.outgoing(w[0])[0].0].id.clone()).collect();
    let approvals = run.iter().all(|&n| g[n].kind == StepKind::Approval);
    let lane = g[before].actor.clone().or_else(|| g[first].actor.clone());
    let labels: Vec<String> = run.iter().map(|&n| format!("« {} »", g[n].label())).collect();

    let (fork_label, join_label) = if approvals {
        ("Recueillir les validations en parallèle", "Toutes les validations recueillies")
    } else {
        ("Lancer les étapes en parallèle", "Toutes les étapes parallèles terminées")
    };
    let mut fork = Step::new(p.fresh_step_id("parallele-"), StepKind::Parallel);
    fork.label = Some(fork_label.to_owned());
    fork.actor = lane.clone();
    fork.note =
        Some(format!("Menées en même temps : {} (aucune n'utilise ce que produit une autre).", labels.join(", ")));
    let fork_id = fork.id.clone();
    let at = p.step_position(&run_ids[0]).unwrap_or(usize::MAX);
    p.insert_step(at, fork).map_err(|e| Refusal::new(e.to_string(), e.to_string()))?;
    let mut join = Step::new(p.fresh_step_id("jonction-"), StepKind::Parallel);
    join.label = Some(join_label.to_owned());
    join.actor = lane;
    let join_id = join.id.clone();
    let at = p.step_position(&run_ids[run_ids.len() - 1]).map_or(usize::MAX, |i| i + 1);
    p.insert_step(at, join).map_err(|e| Refusal::new(e.to_string(), e.to_string()))?;

    // The flow into the run now enters the fork; each flow between two steps of the run now
    // starts from the fork, with its transfer time; the flow out of the run leaves the join.
    reroute(p, &e_in, &before_id, &fork_id)?;
    connect(p, &fork_id, &run_ids[0])?;
    for (flow, to) in between.iter().zip(&run_ids[1..]) {
        reroute(p, flow, &fork_id, to)?;
    }
    for id in &run_ids {
        connect(p, id, &join_id)?;
    }
    reroute(p, &e_out, &join_id, &after_id)?;

    let unstructured = crate::analysis::analyze(p, &crate::analysis::Settings::default())
        .findings
        .into_iter()
        .any(|f| f.rule == "unstructured-parallel" && f.subjects.iter().any(|s| *s == fork_id || *s == join_id));
    if unstructured {
        return Err(Refusal::new(
            "le bloc parallèle ne serait pas bien structuré (une bifurcation sans jonction correspondante)",
            "the parallel block would not be well-structured (a fork without its matching join)",
        ));
    }
    Ok(())
}

fn not_consecutive() -> Refusal {
    Refusal::new(
        "ces étapes ne se suivent pas directement : le bloc parallèle est à dessiner dans l'éditeur",
        "these steps do not follow one another directly: draw the parallel block in the editor",
    )
}

/// `check-upfront`: the pieces the loop's check verifies are checked when the user hands them
/// in (the submission step now `checks` them: an online form that flags the missing ones before
/// it is sent, a checklist at the counter), and the share of files sent back is divided by
/// [`UPFRONT_FACTOR`] — a prudent assumption the agent confirms. The administration's check
/// stays where it is: what the pieces say is still for it to judge, and no work passes to the
/// user, who hands in the same pieces as before.
pub(super) fn check_upfront(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let members: Vec<NodeIndex> = steps(p, f).iter().filter_map(|id| p.node(id)).collect();
    if members.is_empty() {
        return Err(nothing_to_do());
    }
    let r = rework(p, &members).map_err(|why| match why {
        NotRework::Decision => Refusal::new(
            "aucune décision de la boucle ne renvoie le dossier en arrière",
            "no decision of the loop sends the file back",
        ),
        NotRework::User => Refusal::new(
            "la boucle ne renvoie pas le dossier à l'usager : ce n'est pas un dossier incomplet, à examiner dans l'éditeur",
            "the loop does not send the file back to the user: it is not an incomplete file, examine it in the editor",
        ),
        NotRework::Check => Refusal::new(
            "aucun contrôle de pièces ne décide du retour : il n'y a pas de contrôle à avancer",
            "no check of pieces decides the return: there is no check to bring forward",
        ),
        NotRework::Submission => Refusal::new(
            "aucune étape de l'usager avant la boucle ne fournit les pièces contrôlées : le contrôle ne peut pas être fait au dépôt",
            "no step of the user before the loop hands in the pieces checked: they cannot be checked when handed in",
        ),
        NotRework::Correction => Refusal::new(
            "la boucle demande à l'usager de corriger ce que le contrôle a relevé, pas une pièce du dépôt : il n'y a rien à contrôler au dépôt",
            "the loop asks the user to correct what the check found, not a piece of the filing: there is nothing to check when it is handed in",
        ),
    })?;
    let (sub_fr, sub_en) = quoted(p, r.submission);
    if r.in_place {
        return Err(Refusal::new(
            format!(
                "les pièces sont déjà contrôlées au dépôt ({sub_fr}) : les retours qui restent sont à examiner par l'agent"
            ),
            format!(
                "the pieces are already checked when handed in ({sub_en}): the returns left are for the agent to examine"
            ),
        ));
    }
    let outs = p.outgoing(r.decision);
    let mut probs = Vec::with_capacity(outs.len());
    for &(e, _) in &outs {
        let flow = &p.graph()[e];
        let Some(prob) = flow.probability else {
            return Err(Refusal::new(
                "les probabilités de la décision ne sont pas toutes renseignées",
                "the decision's probabilities are not all given",
            ));
        };
        probs.push((flow.id.clone(), prob, r.back.contains(&e)));
    }
    let back: f64 = probs.iter().filter(|x| x.2).map(|x| x.1).sum();
    if back <= 0.0 || back >= 1.0 - 1e-9 {
        return Err(nothing_to_do());
    }
    let lowered = back / UPFRONT_FACTOR;
    let scale = (1.0 - lowered) / (1.0 - back);
    // Rounded to a millionth, so that the file reads the figure the agent is asked to confirm.
    let round = |x: f64| (x * 1e6).round() / 1e6;
    for (id, prob, is_back) in &probs {
        if let Some(flow) = p.flow_mut(id) {
            flow.probability = Some(round(if *is_back { prob / UPFRONT_FACTOR } else { prob * scale }));
        }
    }
    let names: Vec<String> = r.items.iter().map(|d| format!("« {} »", data_name(p, d))).collect();
    let (means, _) = upfront_means(p.graph()[r.submission].channel);
    let sentence = format!(
        "Contrôle des pièces au dépôt ({}) : {means}. Hypothèse prudente : la moitié des retours pour dossier \
         incomplet est évitée (de {} à {}), chiffre à confirmer.",
        names.join(", "),
        percent(Lang::Fr, back),
        percent(Lang::Fr, lowered)
    );
    // At the finding's submission, and at those of the other ways in no check covers.
    let ways: Vec<(String, Vec<String>)> = std::iter::once((r.submission, r.items.clone()))
        .chain(r.also.iter().cloned())
        .map(|(n, items)| (p.graph()[n].id.clone(), items))
        .collect();
    for (sub_id, items) in ways {
        if let Some(s) = p.step_mut(&sub_id) {
            for d in &items {
                if !s.checks.contains(d) {
                    s.checks.push(d.clone());
                }
            }
            s.note = Some(match s.note.take() {
                Some(n) if !n.trim().is_empty() => format!("{n} {sentence}"),
                _ => sentence.clone(),
            });
        }
    }
    Ok(())
}

/// Steps looked at after a flow out of a decision to tell whether it leads to a refusal.
const REFUSAL_LOOKAHEAD: usize = 64;

/// The steps from `n` to the ends it leads to (not through `d`), when every one of those ends is
/// a refusal and there is no other decision on the way; `None` otherwise.
fn refusal_branch(p: &Procedure, d: NodeIndex, n: NodeIndex) -> Option<Vec<NodeIndex>> {
    let g = p.graph();
    let mut seen = Vec::new();
    let mut stack = vec![n];
    let mut refused = false;
    while let Some(m) = stack.pop() {
        if m == d || seen.contains(&m) {
            continue;
        }
        seen.push(m);
        if seen.len() > REFUSAL_LOOKAHEAD {
            return None;
        }
        match g[m].kind {
            StepKind::End if g[m].outcome == Some(Outcome::Refused) => refused = true,
            StepKind::End | StepKind::Decision => return None,
            _ => stack.extend(p.outgoing(m).into_iter().map(|(_, x)| x)),
        }
    }
    refused.then_some(seen)
}

/// `move-earlier`: the knock-out decision, with the step that takes it, moves before the run of
/// the administration's work just before it that it does not use, so that refused files stop
/// before that work; granted files do the same work in another order. Refused when the step
/// that decides is a signature (it signs the act the work before it prepares), when that work
/// produces what the decision or the refusal uses, and when the steps to reorder have several
/// ways in or out.
pub(super) fn move_earlier(p: &mut Procedure, f: &Finding) -> Result<(), Refusal> {
    let ids = steps(p, f);
    let d = ids
        .iter()
        .filter_map(|id| p.node(id))
        .find(|&n| p.graph()[n].kind == StepKind::Decision)
        .ok_or_else(nothing_to_do)?;
    let g = p.graph();
    let ins = p.incoming(d);
    let [(_, w)] = ins.as_slice() else {
        return Err(Refusal::new(
            "la décision a plusieurs entrées : la déplacer est à faire dans l'éditeur",
            "the decision has several ways in: move it in the editor",
        ));
    };
    let w = *w;
    let (w_fr, w_en) = quoted(p, w);
    if !g[w].kind.is_work() || p.outgoing(w).len() != 1 || p.incoming(w).len() != 1 {
        return Err(Refusal::new(
            "la décision ne suit pas une seule étape qui la prend : la déplacer est à faire dans l'éditeur",
            "the decision does not follow one step that takes it: move it in the editor",
        ));
    }
    if g[w].kind == StepKind::Approval {
        return Err(Refusal::new(
            format!(
                "l'étape qui décide ({w_fr}) est une signature : elle porte sur l'acte que le travail précédent prépare ; \
                 examiner plus tôt les motifs de refus demande une étape de recevabilité, à ajouter dans l'éditeur"
            ),
            format!(
                "the deciding step ({w_en}) is a signature: it signs the act the work before it prepares; examining the \
                 grounds for refusal earlier needs an admissibility step, to add in the editor"
            ),
        ));
    }
    // What the decision or the refusal uses.
    let outs = p.outgoing(d);
    let mut cont = Vec::new();
    let mut refusal_steps = Vec::new();
    for &(e, m) in &outs {
        match refusal_branch(p, d, m) {
            Some(branch) => refusal_steps.extend(branch),
            None => cont.push((e, m)),
        }
    }
    let [(e_cont, c)] = cont.as_slice() else {
        return Err(Refusal::new(
            "la décision a plusieurs suites favorables : la déplacer est à faire dans l'éditeur",
            "the decision has several ways on besides the refusal: move it in the editor",
        ));
    };
    if refusal_steps.is_empty() {
        return Err(nothing_to_do());
    }
    let (e_cont, c) = (*e_cont, *c);
    // The run of the administration's work just before the deciding step that it does not use.
    let ignored: HashSet<&str> = ids.iter().map(String::as_str).collect();
    let mut region: VecDeque<NodeIndex> = VecDeque::new();
    let mut cur = w;
    while region.len() < p.step_count() {
        let ins = p.incoming(cur);
        let [(_, prev)] = ins.as_slice() else { break };
        let s = &g[*prev];
        let movable = ignored.contains(s.id.as_str())
            && s.kind.is_work()
            && !crate::graph::in_user_lane(p, *prev)
            && p.outgoing(*prev).len() == 1
            && p.incoming(*prev).len() == 1
            && *prev != d
            && !region.contains(prev);
        if !movable {
            break;
        }
        region.push_front(*prev);
        cur = *prev;
    }
    let (Some(&first), Some(&last)) = (region.front(), region.back()) else {
        return Err(Refusal::new(
            format!(
                "le travail que la décision n'utilise pas n'est pas juste avant {w_fr} : à réorganiser dans l'éditeur"
            ),
            format!("the work the decision does not use is not just before {w_en}: reorganise it in the editor"),
        ));
    };
    let needs: Vec<&String> = uses(&g[w]).chain(refusal_steps.iter().flat_map(|&n| uses(&g[n]))).collect();
    for &r in &region {
        if let Some(x) = g[r].produces.iter().find(|x| needs.contains(x)) {
            let (r_fr, r_en) = quoted(p, r);
            let name = data_name(p, x);
            return Err(Refusal::new(
                format!(
                    "{r_fr} produit « {name} », dont la décision ou le refus a besoin : elle ne peut pas passer avant"
                ),
                format!("{r_en} produces “{name}”, which the decision or the refusal needs: it cannot come first"),
            ));
        }
    }
    let (e_in, before) = p.incoming(first)[0];
    let e_last = p.incoming(w)[0].0;
    let id_of = |n: NodeIndex| g[n].id.clone();
    let (e_in, e_last, e_cont) = (g[e_in].id.clone(), g[e_last].id.clone(), g[e_cont].id.clone());
    let (before, first, last, w, d, c) = (id_of(before), id_of(first), id_of(last), id_of(w), id_of(d), id_of(c));
    let labels: Vec<String> = region.iter().map(|&n| format!("« {} »", g[n].label())).collect();

    // before → [run] → w → d → c becomes before → w → d → [run] → c; the refusal leaves d as before.
    reroute(p, &e_in, &before, &w)?;
    reroute(p, &e_cont, &d, &first)?;
    reroute(p, &e_last, &last, &c)?;
    move_before(p, &w, &first)?;
    move_before(p, &d, &first)?;
    let sentence = format!(
        "Placée avant {} : la décision n'utilise rien de ce travail, les dossiers refusés s'arrêtent donc avant lui.",
        labels.join(", ")
    );
    if let Some(s) = p.step_mut(&w) {
        s.note = Some(match s.note.take() {
            Some(n) if !n.trim().is_empty() => format!("{n} {sentence}"),
            _ => sentence,
        });
    }
    Ok(())
}
