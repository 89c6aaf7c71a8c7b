//! `late-knockout` — Refus tardif.
//!
//! Fires on a decision with a way to a `refused` end, placed after costly work of the
//! administration that did not influence it. What influences a decision is read from the data:
//! the step(s) that decide it (the work steps just before it; when one names no data of its own,
//! also the work just before that one, if that work names what it reads and the step is either
//! the same lane's conclusion of it — the commission's re-examination, then "Statuer sur le
//! recours" —, a notice passing on what was decided there — "Notifier le refus", then the
//! user's choice to appeal —, or an approval after an approval — the director's visa on the
//! draft order, then the secretary general's signature by delegation), then, going back, every step that
//! produces, checks, keys in or asks for something an influencing step checks, enters or requests
//! (what is keyed into a system is in the file from there on: the committee that sets the
//! programme on the amounts the league proposed and keyed in rests on that proposal; a piece
//! comes into the file at the step that asks for it, and that step rests on what it reads: the
//! insurer's expert decides on the claim the resident made on the published recognition, so the
//! recognition is not work that "did not influence" the insurer's refusal), and a draft the
//! administration writes naming nothing it reads from before (the gestionnaire's proposal the
//! head of the service signs; the doctor's opinion keying in the arrangements it proposes, named
//! by no other step) rests on the work just before it that names what it reads. The work before
//! the decision that is not in that set "did not influence it"; the rule fires when it is at least
//! `late_knockout_min_touch_min` per case and at least `late_knockout_min_share` of the
//! administration's work before the decision, and some of it produced a document the decision
//! ignores (evidence, not a mere absence of data). Not fired: a decision whose deciding step looks at
//! what the earlier work produced; little work before the refusal; a decision without a refusal;
//! the work before a step the user carries out inside their own organisation (the `internal`
//! channel in the user's lane: the childminder receiving children for five years, then the
//! renewal refused): it led to an earlier outcome the user acted on, the search stops there;
//! a decision inside a loop that repeats the service period after period
//! (`period_loop::recurring`: the plan's monthly debit, then "Échéance honorée ?"): the work
//! before the loop granted what the periods carry out, a stop at one period is no late refusal.
//!
//! On very large procedures, only the nearest `ANCESTORS_MAX` steps before a decision are
//! looked at, so that the rule stays linear.

use rustc_hash::FxHashMap as HashMap;

use super::{Context, Marks, finding, text};
use crate::analysis::words::{duration, percent, quote, quoted_list};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{Outcome, StepKind};

pub const ID: &str = "late-knockout";

/// Steps looked at before each decision.
const ANCESTORS_MAX: usize = 256;
/// Steps looked at after a flow out of a decision to tell whether it leads to a refusal.
const REFUSAL_LOOKAHEAD: usize = 64;

/// Whether every end reachable from `n` (within a few steps, not through `d`) is a refusal, and one is.
///
/// `seen` and `stack` are scratch space, emptied here. Complexity: O(REFUSAL_LOOKAHEAD) steps.
fn leads_to_refusal(ctx: &Context, d: usize, n: usize, seen: &mut Marks, stack: &mut Vec<usize>) -> bool {
    seen.clear();
    stack.clear();
    stack.push(n);
    let mut refused = false;
    while let Some(m) = stack.pop() {
        if m == d || !seen.insert(m) {
            continue;
        }
        if seen.len() > REFUSAL_LOOKAHEAD {
            return false;
        }
        let s = ctx.step(m);
        if s.kind == StepKind::End {
            if s.outcome == Some(Outcome::Refused) {
                refused = true;
            } else {
                return false;
            }
            continue;
        }
        if s.kind == StepKind::Decision {
            return false;
        }
        stack.extend(ctx.g.out[m].iter().filter(|a| a.share > 0.0).map(|a| a.node));
    }
    refused
}

/// Whether a work step outside the user's lane notifies ("Notifier le refus", "Informer le
/// demandeur de la décision": [`crate::analysis::labels::words`] maps "informer" onto "notifier").
fn notice(ctx: &Context, n: usize) -> bool {
    static NOTIFY: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let notify = NOTIFY.get_or_init(|| crate::analysis::labels::words("notifier"));
    !ctx.in_user_lane(n) && ctx.label_words(ctx.step(n).label()).first().is_some_and(|w| notify.contains(w))
}

/// The data ids the steps name, numbered once per analysis, and per step, packed in two tables:
/// the numbers of what it produces, checks or enters (what it feeds a later step), and of what it needs:
/// what it reads (checks or enters), then what it requests (what comes into the file there; a
/// step needs it too: a form the administration sent, returned filled in).
struct DataIds {
    count: usize,
    feeds: Vec<u32>,
    feeds_at: Vec<usize>,
    needs: Vec<u32>,
    needs_at: Vec<usize>,
    /// Where each step's requests begin in `needs`, after what it reads.
    asks_at: Vec<usize>,
    /// Per item, how many steps ask for it, produce it or key it in (each step counted once):
    /// an item only one step names is born there (the arrangements the doctor proposes, keyed in
    /// as the opinion is written).
    named_by: Vec<u32>,
}

impl DataIds {
    fn new<'a>(ctx: &Context<'a>) -> Self {
        let bound = ctx.g.bound;
        let mut number: HashMap<&'a str, u32> = HashMap::default();
        let (mut feeds, mut needs) = (Vec::new(), Vec::new());
        let (mut feeds_at, mut needs_at, mut asks_at) = (vec![0; bound + 1], vec![0; bound + 1], vec![0; bound]);
        // Per item, the steps naming it so far, and the last one counted.
        let (mut named_by, mut last): (Vec<u32>, Vec<usize>) = (Vec::new(), Vec::new());
        for n in 0..bound {
            feeds_at[n] = feeds.len();
            needs_at[n] = needs.len();
            asks_at[n] = needs.len();
            if ctx.g.pos[n] == usize::MAX {
                continue;
            }
            let s = ctx.step(n);
            let mut id = |x: &'a String| {
                let next = number.len() as u32;
                *number.entry(x.as_str()).or_insert(next)
            };
            // Each item this step asks for, produces or keys in, counted once for the step.
            let name = |i: u32, named_by: &mut Vec<u32>, last: &mut Vec<usize>| {
                let i = i as usize;
                if named_by.len() <= i {
                    named_by.resize(i + 1, 0);
                    last.resize(i + 1, usize::MAX);
                }
                if last[i] != n {
                    last[i] = n;
                    named_by[i] += 1;
                }
            };
            // Pushed one by one (most lists are empty or hold one id), in the order the tables
            // give: what it produces then checks; what it checks then enters, then requests. A
            // check both feeds and needs its item: numbered once for the two.
            for x in &s.produces {
                let i = id(x);
                feeds.push(i);
                name(i, &mut named_by, &mut last);
            }
            for x in &s.checks {
                let i = id(x);
                feeds.push(i);
                needs.push(i);
            }
            // What a step keys into a system is in the file from there on, as what it produces:
            // the league's proposed amount, keyed in, is what the committee that sets the
            // programme checks. Numbered once, it both feeds and is read.
            for x in &s.enters {
                let i = id(x);
                feeds.push(i);
                needs.push(i);
                name(i, &mut named_by, &mut last);
            }
            asks_at[n] = needs.len();
            for x in &s.requests {
                let i = id(x);
                needs.push(i);
                name(i, &mut named_by, &mut last);
            }
        }
        feeds_at[bound] = feeds.len();
        needs_at[bound] = needs.len();
        named_by.resize(number.len(), 0);
        DataIds { count: number.len(), feeds, feeds_at, needs, needs_at, asks_at, named_by }
    }

    /// Whether step `n` reads nothing that comes from elsewhere: what it checks, keys in or asks
    /// for is named by no other step (born there, as the opinion's arrangements), or it reads
    /// nothing at all.
    fn reads_nothing_from_before(&self, n: usize) -> bool {
        self.needs(n).iter().all(|&x| self.named_by.get(x as usize).is_some_and(|&c| c <= 1))
    }

    fn feeds(&self, n: usize) -> &[u32] {
        &self.feeds[self.feeds_at[n]..self.feeds_at[n + 1]]
    }

    /// What a step reads, then what it requests.
    fn needs(&self, n: usize) -> &[u32] {
        &self.needs[self.needs_at[n]..self.needs_at[n + 1]]
    }

    /// What a step reads: checks or enters.
    fn reads(&self, n: usize) -> &[u32] {
        &self.needs[self.needs_at[n]..self.asks_at[n]]
    }

    /// What a step requests.
    fn asks(&self, n: usize) -> &[u32] {
        &self.needs[self.asks_at[n]..self.needs_at[n + 1]]
    }
}

/// Complexity: O(ANCESTORS_MAX + REFUSAL_LOOKAHEAD) steps per decision, so O(V) in all; the
/// sets of steps the searches keep are `Marks` shared by every decision (O(V) memory, emptied
/// in O(1)), not a hash set per decision.
pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let bound = ctx.g.bound;
    let (mut seen, mut seen_gw, mut influencing) = (Marks::new(bound), Marks::new(bound), Marks::new(bound));
    let mut rests_on = Marks::new(bound);
    let data = DataIds::new(ctx);
    // Per step, read for every step before every decision: whether it is the administration's
    // work, and its touch time per case; looked up once here rather than through the procedure.
    // One pass over the steps for the three tables (a step removed keeps false and 0).
    let (mut admin, mut own_work, mut touch_of) = (vec![false; bound], vec![false; bound], vec![0.0; bound]);
    for &n in &ctx.g.order {
        let s = ctx.step(n);
        let user = ctx.in_user_lane(n);
        admin[n] = s.kind.is_work() && !user;
        // `Context::users_own_work`, with the lane already looked up.
        own_work[n] = user && s.channel == Some(crate::model::Channel::Internal);
        touch_of[n] = ctx.visits[n] * s.duration();
    }
    // The data items influencing the decision at hand: those whose number holds its round.
    let mut inputs = vec![0u32; data.count];
    let mut round = 0u32;
    // Scratch reused by every decision.
    let (mut lookahead, mut before, mut work, mut wasted) = (Vec::new(), Vec::new(), Vec::new(), Vec::new());
    let (mut deciders, mut stack) = (Vec::new(), Vec::new());
    // Per loop, whether it repeats the service period after period (`period_loop::recurring`).
    let mut periods: HashMap<usize, bool> = HashMap::default();
    for &d in &ctx.g.order {
        if !ctx.reachable[d] || ctx.step(d).kind != StepKind::Decision {
            continue;
        }
        let p_refusal: f64 = ctx.g.out[d]
            .iter()
            .filter(|a| a.share > 0.0 && leads_to_refusal(ctx, d, a.node, &mut seen, &mut lookahead))
            .map(|a| a.share)
            .sum();
        if p_refusal <= 0.0 {
            continue;
        }
        // A knock-out inside a loop that repeats the service period after period (the plan's
        // monthly debit, then "Échéance honorée ?"; the indemnity paid each month, then the
        // counter-visit): the work before the loop granted the service the periods carry out,
        // and what stops it at one period (a rejected debit) cannot be examined at the filing.
        if ctx.in_loop(d) {
            let comp = ctx.comps.of[d];
            if *periods.entry(comp).or_insert_with(|| super::period_loop::recurring(ctx, comp).is_some()) {
                continue;
            }
        }
        // The deciding steps: the work steps just before the decision, through gateways.
        deciders.clear();
        stack.clear();
        stack.extend(ctx.g.inc[d].iter().map(|a| a.node));
        seen_gw.clear();
        while let Some(n) = stack.pop() {
            if !seen_gw.insert(n) || n == d {
                continue;
            }
            if ctx.step(n).kind.is_work() {
                deciders.push(n);
            } else if seen_gw.len() < 64 {
                stack.extend(ctx.g.inc[n].iter().map(|a| a.node));
            }
        }
        if deciders.is_empty() {
            continue;
        }
        // A deciding step that names no data of its own rests on the work just before it, when that work names
        // what it reads and the step is the same body's conclusion of it (the commission's re-examination,
        // then "Statuer sur le recours") or a notice passing on what was decided before ("Notifier le refus",
        // then the user's choice to appeal): those steps decide too.
        for i in 0..deciders.len() {
            let w = deciders[i];
            if !data.needs(w).is_empty() {
                continue;
            }
            let before_w = ctx.prev_work(w);
            if before_w.is_empty() {
                continue;
            }
            // Only an examination it can rest on: steps that name what they read.
            if before_w.iter().any(|&(p, _)| data.needs(p).is_empty()) {
                continue;
            }
            // A signature right after a visa (approvals both, whoever holds them: the head of
            // the service's visa, then the prefect's signature by delegation) signs the draft the
            // visa read: one validation, drawn as two steps.
            let after_visa = ctx.step(w).kind == StepKind::Approval
                && before_w.iter().all(|&(p, _)| ctx.step(p).kind == StepKind::Approval);
            if notice(ctx, w) || after_visa || before_w.iter().all(|&(p, _)| ctx.same_lane(p, w)) {
                for (p, _) in before_w {
                    if p != d && !deciders.contains(&p) {
                        deciders.push(p);
                    }
                }
            }
        }
        influencing.clear();
        for &w in &deciders {
            influencing.insert(w);
        }
        round += 1;
        for &w in &deciders {
            for &x in data.needs(w) {
                inputs[x as usize] = round;
            }
        }
        // Whether a step influences the decision: it feeds an input, and then what it needs is an
        // input too; or an input comes into the file there (the piece is requested at that step),
        // and then what it reads is an input too, not the other pieces handed in with it (which
        // the decision may well ignore). True when some input was new.
        // A draft the administration writes without naming what it reads from before ("Proposer
        // la décision", producing the proposal the head of the service signs; "Rédiger l'avis",
        // keying in the arrangements it proposes) is written from the file as the work just
        // before it left it: the steps there that name what they read (the examination,
        // the check of the pieces, the inspectors' report) influence what the draft feeds, as
        // steps it rests on (`rests_on`), whatever their lane.
        rests_on.clear();
        let mut influence = |n: usize, influencing: &mut Marks, rests_on: &mut Marks| -> bool {
            let mut grew = false;
            if influencing.contains(n) {
                return grew;
            }
            let is_input = |x: &u32| inputs[*x as usize] == round;
            let needs = if rests_on.contains(n) || data.feeds(n).iter().any(is_input) {
                data.needs(n)
            } else if data.asks(n).iter().any(is_input) {
                data.reads(n)
            } else {
                return grew;
            };
            if data.reads_nothing_from_before(n) && admin[n] && !ctx.step(n).produces.is_empty() {
                for (p, _) in ctx.prev_work(n) {
                    if !data.needs(p).is_empty() {
                        grew |= !influencing.contains(p);
                        rests_on.insert(p);
                    }
                }
            }
            influencing.insert(n);
            for &x in needs {
                grew |= inputs[x as usize] != round;
                inputs[x as usize] = round;
            }
            grew
        };
        let d_loop = ctx.in_loop(d).then(|| ctx.comps.of[d]);
        let admin_work = |n: usize| admin[n] && d_loop.is_none_or(|c| ctx.comps.of[n] != c) && !deciders.contains(&n);
        // Steps before the decision, nearest first: breadth first over the live predecessors, each
        // step marked when it is queued, so that the queue (read from a moving head) is itself the
        // list, in the order a search marking steps when it takes them would give.
        // Influence flows backwards from the deciding steps, so one pass in this order finds what a
        // fixpoint would on procedures drawn in order: that pass is made as steps are queued (each
        // step sees what the steps queued before it made inputs, as a pass over the list would).
        // A second pass over the list catches the rest, and is needed only if the first one made
        // a new input. The administration's work before the decision is listed on the way (`work`),
        // its touch time summed in the list's order.
        before.clear();
        work.clear();
        seen.clear();
        seen.insert(d);
        let mut grew = false;
        let mut total = 0.0;
        let (live_in, live_in_at) = ctx.g.live_in_parts();
        let (mut head, mut x) = (0, d);
        'search: loop {
            // The search stops at a step the user carries out inside their own organisation
            // (the childminder receiving children for the five years of the agrément, the
            // commune's works): the administration's work before it brought the case to an
            // earlier outcome the user then acted on, and cannot come after a decision that
            // judges what they did.
            let preds = if x != d && own_work[x] { &[][..] } else { &live_in[live_in_at[x]..live_in_at[x + 1]] };
            for &y in preds {
                if before.len() >= ANCESTORS_MAX {
                    break 'search;
                }
                if seen.insert(y) {
                    before.push(y);
                    grew |= influence(y, &mut influencing, &mut rests_on);
                    if admin_work(y) {
                        total += touch_of[y];
                        work.push(y);
                    }
                }
            }
            let Some(&n) = before.get(head) else { break };
            head += 1;
            x = n;
        }
        if grew {
            for &n in &before {
                influence(n, &mut influencing, &mut rests_on);
            }
        }
        let touch = |n: usize| touch_of[n];
        // The part of the administration's work that does not influence the decision.
        wasted.clear();
        wasted.extend(work.iter().copied().filter(|&n| !influencing.contains(n)));
        if total <= 0.0 {
            continue;
        }
        // Steps are distinct, so their positions are: sorting the positions themselves gives the
        // author's order (no look-up per comparison), the steps read back from it.
        for n in wasted.iter_mut() {
            *n = ctx.g.pos[*n];
        }
        wasted.sort_unstable();
        for n in wasted.iter_mut() {
            *n = ctx.g.order[*n];
        }
        let lost: f64 = wasted.iter().map(|&n| touch(n)).sum();
        if total <= 0.0
            || lost < ctx.settings.late_knockout_min_touch_min
            || lost / total < ctx.settings.late_knockout_min_share
        {
            continue;
        }
        // Evidence, not absence of data: some of that work produced a document the decision ignores.
        let mut ignored: Vec<&String> = Vec::new();
        for &n in &wasted {
            for d in &ctx.step(n).produces {
                if !ignored.contains(&d) {
                    ignored.push(d);
                }
            }
        }
        if ignored.is_empty() {
            continue;
        }
        let ignored_names: Vec<String> = ignored.iter().map(|d| ctx.data_name(d)).collect();
        let costly: Vec<usize> = {
            let mut c = wasted.clone();
            c.sort_by(|&a, &b| touch(b).total_cmp(&touch(a)).then(ctx.g.pos[a].cmp(&ctx.g.pos[b])));
            c.truncate(3);
            c.sort_by_key(|&n| ctx.g.pos[n]);
            c
        };
        let costly_labels: Vec<String> = costly.iter().map(|&n| ctx.label(n)).collect();
        let decider_labels: Vec<String> = deciders.iter().map(|&n| ctx.label(n)).collect();
        let day = ctx.settings.working_day_min;
        let mut subjects = vec![ctx.id(d)];
        subjects.extend(deciders.iter().map(|&n| ctx.id(n)));
        subjects.extend(wasted.iter().map(|&n| ctx.id(n)));
        let severity = if p_refusal >= 0.1 { Severity::Warning } else { Severity::Info };
        out.push(finding(
            ID,
            severity,
            subjects,
            text(
                format!("Refus tardif : {}", quote(Lang::Fr, &ctx.label(d))),
                format!("Late knock-out: {}", quote(Lang::En, &ctx.label(d))),
            ),
            text(
                format!(
                    "La décision {} aboutit à un refus dans {} des cas, après {} de travail de l'administration par dossier \
                     (notamment {}) ; l'étape qui décide ({}) ne s'appuie sur rien de ce travail, ni sur ce qu'il produit \
                     ({}) : d'après les données de la démarche, il n'influence pas le refus. Examiner les motifs de refus \
                     plus tôt, dès le dépôt, éviterait ce travail pour les dossiers refusés.",
                    quote(Lang::Fr, &ctx.label(d)),
                    percent(Lang::Fr, p_refusal),
                    duration(Lang::Fr, lost, day),
                    quoted_list(Lang::Fr, &costly_labels),
                    quoted_list(Lang::Fr, &decider_labels),
                    quoted_list(Lang::Fr, &ignored_names),
                ),
                format!(
                    "Decision {} ends in a refusal in {} of cases, after {} of the administration's work per file (notably {}); \
                     the deciding step ({}) relies on none of that work, nor on what it produces ({}): according to the \
                     procedure's data, it does not influence the refusal. Examining the grounds for refusal earlier, at \
                     filing, would spare that work for refused files.",
                    quote(Lang::En, &ctx.label(d)),
                    percent(Lang::En, p_refusal),
                    duration(Lang::En, lost, day),
                    quoted_list(Lang::En, &costly_labels),
                    quoted_list(Lang::En, &decider_labels),
                    quoted_list(Lang::En, &ignored_names),
                ),
            ),
            Gain { touch_min: p_refusal * lost, ..Gain::default() },
            Some("move-earlier"),
        ));
    }
    out
}

#[cfg(test)]
mod tests;
