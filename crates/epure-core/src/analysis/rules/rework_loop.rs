//! `rework-loop` — Boucle de reprise.
//!
//! Fires on each loop (strongly connected component, or a step with a flow to itself) that cases enter
//! and can leave, e.g. an incomplete file sent back to the user. Reports how often a pass goes round
//! again and what the loop costs per case: its expected time minus the time of the quickest pass
//! through it without going round. A loop taken rarely (below `rework_warning_probability`) is
//! information. Loops without a way out are `endless-loop`.
//!
//! When the loop sends an incomplete file back to the user (a check decides the return, and a
//! submission step of the user before the loop provides what that check verifies: a piece asked for, a
//! datum the user types in their own form online, or the piece they send that is filed in their record
//! and which the check reads as filed), the finding proposes `check-upfront` and says what it would do:
//! check those pieces at the submission — only those the loop asks for again when it names some, since
//! their absence is what sends the file back — with the prudent assumption that half the returns are
//! avoided ([`UPFRONT_FACTOR`]). Of those pieces, the ones an administration already holds are
//! advised obtained from it rather than checked at the filing (what `once-only` proposes for them).
//!
//! Once the submission already checks those pieces, or the loop's check is itself made at the
//! counter as the user hands the file in (the agent goes through the pieces with them, right
//! after the submission at the counter), or another check made there and then does (the
//! reception desk of a court checks the file at the counter, the office it serves checks it again
//! later and sends it back; online, the information system's own check of the filing the moment
//! it is sent, as the guichet unique's check of the mandatory pieces), on every way into the loop,
//! the loop is not flagged: the returns that remain are about what the
//! pieces say, which is the examination itself, not a redundancy — and a finding that proposes
//! nothing an agent can do, on a loop they have just simplified, reads as wrong. Its cost stays
//! in the metrics (visits, lead time). A way that no such check covers (the paper declaration
//! posted beside the online one the service checks as it is sent) is the submission the finding
//! proposes to check.
//!
//! A loop that goes round on a decision following no check of data (the obligés alimentaires reminded
//! when they have not answered, an opinion to be given again) is flagged, but checking the pieces
//! earlier would not avoid it: the finding says so and proposes nothing. So is a loop whose check
//! weighs what an administration holds outside the file, which no step brings in (the places the
//! shelters declared free tonight: no place, call the 115 again tomorrow), unless its way round
//! asks the user for pieces (documents): then the file goes round for them, whatever else the
//! check weighs (the league checks the club's affiliation in the federation's register, and sends
//! the request back for the missing accounts).
//!
//! Nor does it propose checking at the filing when the loop answers what a check with its own
//! report found, asking the user for something new that no step before the loop handed in and
//! the check does not verify (the inspector's visit lists the non-conformities, the operator
//! does the works and sends their proofs, the inspector visits again), nor when every step of the
//! user in the loop is their own work on the check's report, whatever they hand in again (the
//! electrician lifts the non-conformities the Consuel's inspector listed, and the certificate is
//! visaed at the counter-visit): the finding says so and proposes nothing. A completeness check (no report) whose return asks for a piece the filing
//! never asked for still proposes asking and checking it at the filing.
//!
//! A loop that holds no step of the user (a record keyed in error sent back by a partner to the
//! commune that keyed it, a mandate sent back by the accountant to the ordonnateur) is flagged,
//! and the finding advises a check where the file is put together or keyed in, before it is
//! passed on, not at a first contact with the user, which the loop does not go back to.
//!
//! A loop that repeats the service period after period is not a return either, nor one that a review
//! renews by the authority's act for the next term (the contract's amendment, the trainee's extended
//! year): `period_loop`. The returns inside one period are (the lab results asked again within an
//! ALD protocol renewed at its term): the loops left once the ways round to the next period are
//! taken away, but one through a formal notice, the law's answer to an obligation of the period
//! unmet (the haulier's capital made good within the year).

use petgraph::stable_graph::NodeIndex;

use super::{Context, finding, text};
use crate::analysis::metrics::visits::LoopState;
use crate::analysis::words::{Duration, Quoted, QuotedList, number, percent, quantity, quote, quoted_list, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{Channel, StepKind};

mod periods;
mod shape;

pub(crate) use shape::{NotRework, rework};

pub const ID: &str = "rework-loop";

/// What `check-upfront` divides the probability of sending the file back by. Checking the
/// pieces when they are handed in (an online form that flags the missing ones before it is sent,
/// a checklist at the counter) prevents missing pieces, not wrong or insufficient ones: halving
/// the returns is a prudent figure, which the agent confirms or corrects in the editor.
pub const UPFRONT_FACTOR: f64 = 2.0;

/// The most steps a loop's circuit is listed by name; a longer one is told by its number of steps.
const CIRCUIT_MAX: usize = 8;

/// How the pieces are checked when the user hands them in, by the channel of the submission:
/// a sentence part in French and in English.
pub(crate) fn upfront_means(channel: Option<Channel>) -> (&'static str, &'static str) {
    match channel {
        Some(Channel::Online) => (
            "le formulaire en ligne signale les pièces manquantes avant l'envoi",
            "the online form flags missing pieces before the file is sent",
        ),
        Some(Channel::Counter) => (
            "l'agent du guichet vérifie la présence des pièces avec l'usager, liste à l'appui, avant de prendre le dossier",
            "the counter agent checks with the user, from a list, that the pieces are there before taking the file",
        ),
        _ => (
            "une liste des pièces à cocher accompagne le formulaire, ou un dépôt en ligne signale les pièces manquantes avant l'envoi",
            "a checklist of pieces comes with the form, or an online filing flags missing pieces before it is sent",
        ),
    }
}

/// Time and touch time of the quickest pass through a loop, from where cases enter to where they
/// leave, with the number of user contacts on it (Dijkstra on the loop's steps).
fn quickest_pass(
    ctx: &Context,
    members: &[usize],
    entries: &[usize],
    inside: &dyn Fn(usize) -> bool,
) -> (f64, f64, f64) {
    use std::cmp::Reverse;
    use std::collections::{BinaryHeap, HashMap};
    #[derive(PartialEq)]
    struct Key(f64);
    impl Eq for Key {}
    impl PartialOrd for Key {
        fn partial_cmp(&self, o: &Self) -> Option<std::cmp::Ordering> {
            Some(self.cmp(o))
        }
    }
    impl Ord for Key {
        fn cmp(&self, o: &Self) -> std::cmp::Ordering {
            self.0.total_cmp(&o.0)
        }
    }
    let own = |n: usize| {
        let s = ctx.step(n);
        let user = if s.kind.is_work() && ctx.in_user_lane(n) { 1.0 } else { 0.0 };
        (s.duration() + s.wait(), s.duration(), user)
    };
    let mut best: HashMap<usize, (f64, f64, f64)> = HashMap::new();
    let mut heap = BinaryHeap::new();
    for &e in entries {
        let o = own(e);
        best.insert(e, o);
        heap.push((Reverse(Key(o.0)), e));
    }
    let mut out: Option<(f64, f64, f64)> = None;
    while let Some((Reverse(Key(d)), n)) = heap.pop() {
        let cur = best.get(&n).copied().unwrap_or_default();
        if d > cur.0 {
            continue;
        }
        if ctx.g.out[n].iter().any(|a| a.share > 0.0 && !inside(a.node)) {
            out = Some(cur);
            break;
        }
        for a in &ctx.g.out[n] {
            if a.share <= 0.0 || !inside(a.node) || !members.contains(&a.node) {
                continue;
            }
            let o = own(a.node);
            let cand = (cur.0 + ctx.p.graph()[a.edge].delay() + o.0, cur.1 + o.1, cur.2 + o.2);
            if best.get(&a.node).is_none_or(|b| cand.0 < b.0) {
                best.insert(a.node, cand);
                heap.push((Reverse(Key(cand.0)), a.node));
            }
        }
    }
    out.unwrap_or_default()
}

/// Whether step `n` only merges exclusive or parallel ways again: a gateway with a single way out.
/// A drawing may bring the file back into its loop through such a merge ("Reprise") or straight
/// into the step it goes back to: the same loop.
fn only_merges(ctx: &Context, n: usize) -> bool {
    matches!(ctx.step(n).kind, StepKind::Decision | StepKind::Parallel) && ctx.g.out[n].len() == 1
}

/// The step a file going round a loop of `size` steps (`inside` it) goes back to, from the loop's
/// entry `n`: `n`, or the work step after the merges it goes through ([`only_merges`]).
fn work_entry(ctx: &Context, n: usize, size: usize, inside: &dyn Fn(usize) -> bool) -> usize {
    let mut at = n;
    for _ in 0..size {
        match ctx.g.out[at].first() {
            Some(a) if only_merges(ctx, at) && inside(a.node) => at = a.node,
            _ => break,
        }
    }
    at
}

/// The subjects of the finding on a loop: its steps, but the merges the drawing may or may not
/// show ([`only_merges`]).
fn subjects(ctx: &Context, members: &[usize]) -> Vec<String> {
    let kept: Vec<String> = members.iter().filter(|&&n| !only_merges(ctx, n)).map(|&n| ctx.id(n)).collect();
    if kept.is_empty() { members.iter().map(|&n| ctx.id(n)).collect() } else { kept }
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    for (c, members) in ctx.comps.members.iter().enumerate() {
        if !ctx.comps.cyclic[c] || ctx.loop_state[c] != LoopState::Solved {
            continue;
        }
        // Period after period, not a return: only the returns inside each period are.
        if let Some((_, rounds)) = super::period_loop::period_rounds(ctx, c) {
            for inner in periods::returns_within_periods(ctx, c, &rounds) {
                let set: rustc_hash::FxHashSet<usize> = inner.iter().copied().collect();
                let inside = |n: usize| set.contains(&n);
                out.extend(one_loop(ctx, &inner, &inside));
            }
            continue;
        }
        out.extend(one_loop(ctx, members, &|n| ctx.comps.of[n] == c));
    }
    out
}

/// The finding on one loop of `members` (`inside` it), if it is one to tell.
fn one_loop(ctx: &Context, members: &[usize], inside: &dyn Fn(usize) -> bool) -> Option<Finding> {
    let mut inflow = 0.0;
    let mut entries = Vec::new();
    for &n in members {
        for a in &ctx.g.inc[n] {
            if !inside(a.node) && a.share > 0.0 {
                inflow += ctx.visits[a.node] * a.share * ctx.g.join_factor[n];
                if !entries.contains(&n) {
                    entries.push(n);
                }
            }
        }
    }
    if inflow <= 1e-12 || entries.is_empty() {
        return None;
    }
    let entry_visits: f64 = entries.iter().map(|&n| ctx.visits[n]).sum();
    let p_again = (1.0 - inflow / entry_visits).clamp(0.0, 1.0);
    let mut total = 0.0;
    let mut touch = 0.0;
    let mut contacts = 0.0;
    for &n in members {
        let s = ctx.step(n);
        let v = ctx.visits[n];
        total += v * (s.duration() + s.wait());
        touch += v * s.duration();
        if s.kind.is_work() && ctx.in_user_lane(n) {
            contacts += v;
        }
        for a in &ctx.g.out[n] {
            if inside(a.node) {
                total += v * a.share * ctx.p.graph()[a.edge].delay();
            }
        }
    }
    let nodes: Vec<NodeIndex> = members.iter().map(|&n| NodeIndex::new(n)).collect();
    let read = rework(ctx.p, &nodes);
    // A loop going round on a decision that follows no check of data (the obligés alimentaires
    // reminded when they have not answered, an opinion to be given again): checking the pieces
    // earlier would not avoid those rounds. Nothing is proposed, the finding explains.
    let unchecked = read == Err(NotRework::Check);
    // A loop asking the user to correct what the check found (the works after the visit):
    // checking the pieces earlier would not avoid it either.
    let correction = read == Err(NotRework::Correction);
    // A loop with no step of the user (the CSNJ sending a record keyed in error back to the
    // commune, the accountant a mandate back to the ordonnateur): the file goes back to whoever
    // put it together or keyed it in, not to a first contact with the user.
    let without_user = read == Err(NotRework::User);
    let shape = read.ok();
    if shape.as_ref().is_some_and(|r| r.in_place) {
        return None;
    }
    // A loop sent round by a check's decision: the chance of going round is that decision's,
    // the share of the passes it sends back, which the proposal halves. The entries' visits
    // would count twice a pass that enters by one and goes through the other (the paper
    // designation keyed in, then checked with the online ones: one return in ten, not three).
    let p_again = match &shape {
        Some(r) => {
            let back: f64 = ctx.g.out[r.decision.index()].iter().filter(|a| inside(a.node)).map(|a| a.share).sum();
            back.clamp(0.0, 1.0)
        }
        None => p_again,
    };
    let (base_time, base_touch, base_contacts) = quickest_pass(ctx, members, &entries, inside);
    let extra_lead = (total - inflow * base_time).max(0.0);
    let extra_touch = (touch - inflow * base_touch).max(0.0);
    let extra_contacts = (contacts - inflow * base_contacts).max(0.0);
    let labels: Vec<&str> =
        members.iter().filter(|&&n| ctx.step(n).kind.is_work()).map(|&n| ctx.label_str(n)).collect();
    let labels = if labels.is_empty() { members.iter().map(|&n| ctx.label_str(n)).collect() } else { labels };
    let entry_label = ctx.label_str(work_entry(ctx, entries[0], members.len(), inside));
    let day = ctx.settings.working_day_min;
    // The share is a difference of visits solved in floating point: one in five returns comes
    // out a hair under 0.2, and must not fall below a threshold of 0.2 (it is not "rarely").
    let severity =
        if p_again + 1e-9 >= ctx.settings.rework_warning_probability { Severity::Warning } else { Severity::Info };
    let (contacts_fr, contacts_en) = if extra_contacts > 1e-9 {
        (
            format!(
                ", et {} de plus de l'usager",
                quantity(Lang::Fr, extra_contacts, 2, "sollicitation", "sollicitations")
            ),
            format!(", and {} with the user", quantity(Lang::En, extra_contacts, 2, "more contact", "more contacts")),
        )
    } else {
        (String::new(), String::new())
    };
    // What to do about it, in the words of the proposal that `check-upfront` makes.
    let (advice_fr, advice_en) = match &shape {
        Some(r) => {
            let d = r.decision.index();
            let back: f64 = ctx.g.out[d].iter().filter(|a| inside(a.node)).map(|a| a.share).sum();
            // The pieces an administration already holds are to be fetched from it, as
            // `once-only` says, not checked at the filing: named apart.
            let held = |i: &String| ctx.p.data_item(i).is_some_and(|d| !d.held_by.is_empty());
            let names: Vec<String> = r.items.iter().filter(|i| !held(i)).map(|i| ctx.data_name(i)).collect();
            let held_names: Vec<String> = r.items.iter().filter(|i| held(i)).map(|i| ctx.data_name(i)).collect();
            let (fetch_fr, fetch_en) = fetched(&held_names, !names.is_empty());
            // Every way in no check covers: the filing this finding names, then the others.
            let at: Vec<String> =
                std::iter::once(r.submission).chain(r.also.iter().map(|w| w.0)).map(|n| ctx.label(n.index())).collect();
            let channels: Vec<Option<Channel>> = std::iter::once(r.submission)
                .chain(r.also.iter().map(|w| w.0))
                .map(|n| ctx.step(n.index()).channel)
                .collect();
            let (means_fr, means_en) = means_at(&channels, about_content(ctx, members));
            let (means_fr, means_en) = with_studies(means_fr, means_en, &names);
            let (steps_fr, steps_en) = match at.as_slice() {
                [one] => (format!("l'étape {}", quote(Lang::Fr, one)), format!("step {}", quote(Lang::En, one))),
                _ => (
                    format!("les étapes {}", quoted_list(Lang::Fr, &at)),
                    format!("steps {}", quoted_list(Lang::En, &at)),
                ),
            };
            let (check_fr, check_en) = if names.is_empty() {
                (String::new(), String::new())
            } else {
                (
                    format!("Contrôler {} dès {steps_fr} ({means_fr})", quoted_list(Lang::Fr, &names)),
                    format!("Checking {} at {steps_en} ({means_en})", quoted_list(Lang::En, &names)),
                )
            };
            // Two actions, two subjects: « Contrôler … et obtenir … réduiraient ».
            let verb_fr = if names.is_empty() || held_names.is_empty() { "réduirait" } else { "réduiraient" };
            (
                format!(
                    "{check_fr}{fetch_fr} {verb_fr} ces retours ; la proposition retient l'hypothèse prudente \
                     que la moitié en est évitée (de {} à {} des passages), chiffre à confirmer.",
                    percent(Lang::Fr, back),
                    halved(Lang::Fr, back),
                ),
                format!(
                    "{check_en}{fetch_en} would reduce these returns; the proposal assumes, prudently, that half \
                     of them are avoided (from {} to {} of passes), a figure to confirm.",
                    percent(Lang::En, back),
                    halved(Lang::En, back),
                ),
            )
        }
        None if unchecked => (
            "Ce retour n'est pas décidé par un contrôle des pièces : vérifier le dossier plus tôt ne l'éviterait \
             pas ; c'est ce qui le fait repartir (une réponse qui tarde, un avis à reprendre) qu'il faut traiter."
                .to_owned(),
            "This return is not decided by a check of the pieces: checking the file earlier would not avoid it; \
             what sends it round (an answer that is late, an opinion to give again) is what to address."
                .to_owned(),
        ),
        None if correction => (
            "Ce retour demande à l'usager de corriger ce que le contrôle a relevé, que l'examen des pièces au \
             dépôt n'aurait pas décelé : contrôler les pièces plus tôt ne l'éviterait pas ; ce sont les écarts \
             relevés qu'il faut prévenir (exigences connues d'avance, conseil avant le dépôt)."
                .to_owned(),
            "This return asks the user to correct what the check found, which examining the pieces at the \
             filing would not have caught: checking the pieces earlier would not avoid it; the shortcomings \
             found are what to prevent (requirements known in advance, advice before the filing)."
                .to_owned(),
        ),
        None if without_user => (
            "Ce retour ne passe pas par l'usager : un contrôle là où le dossier est constitué ou saisi, avant \
             qu'il ne soit transmis (données vérifiées à la saisie, pièces au complet), réduirait ces retours."
                .to_owned(),
            "This return does not go through the user: a check where the file is put together or keyed in, \
             before it is passed on (data checked as they are entered, the pieces complete), would reduce these \
             returns."
                .to_owned(),
        ),
        None => (
            "Vérifier la complétude dès le premier contact (liste des pièces claire, contrôle à la saisie) \
             réduirait ces retours."
                .to_owned(),
            "Checking completeness at the first contact (a clear list of pieces, checks when the form is filled \
             in) would reduce these returns."
                .to_owned(),
        ),
    };
    let (share_fr, share_en) = (percent(Lang::Fr, p_again), percent(Lang::En, p_again));
    // A circuit too long to read as a list is told by its number of steps (its steps are
    // the finding's subjects, which the editor highlights).
    let long = labels.len() > CIRCUIT_MAX;
    Some(finding(
        ID,
        severity,
        subjects(ctx, members),
        text(
            sentence!["Boucle de reprise : ", share_fr, " des passages repartent vers ", Quoted(Lang::Fr, entry_label)],
            sentence!["Rework loop: ", share_en, " of passes go back to ", Quoted(Lang::En, entry_label)],
        ),
        text(
            sentence! {
                "Dans ", share_fr, " des passages, le dossier repart vers ", Quoted(Lang::Fr, entry_label),
                (!long).then(|| (" et refait le circuit ", QuotedList(Lang::Fr, &labels))),
                long.then_some((" et refait un circuit de ", labels.len())), long.then_some(" étapes"),
                ". Par dossier, cette boucle ajoute en moyenne ", Duration(Lang::Fr, extra_lead, day),
                " de délai et ", Duration(Lang::Fr, extra_touch, day), " de travail", contacts_fr, ". ", advice_fr,
            },
            sentence! {
                "In ", share_en, " of passes, the file goes back to ", Quoted(Lang::En, entry_label),
                (!long).then(|| (" and through ", QuotedList(Lang::En, &labels))),
                long.then_some((" and round a circuit of ", labels.len())), long.then_some(" steps"),
                " again. Per file, this loop adds ",
                Duration(Lang::En, extra_lead, day), " of lead time and ", Duration(Lang::En, extra_touch, day),
                " of work on average", contacts_en, ". ", advice_en,
            },
        ),
        Gain { touch_min: extra_touch, lead_min: extra_lead, contacts: extra_contacts, ..Gain::default() },
        if unchecked || correction { None } else { Some("check-upfront") },
    ))
}

/// The share of returns left once half are avoided, to a tenth of a percent when it is not
/// whole (« de 25 % à 12,5 % »): rounded to a whole percent, half of 25 % read as 12 % and half
/// of 35 % as 18 %, which is not half.
fn halved(lang: Lang, back: f64) -> String {
    let pct = back / UPFRONT_FACTOR * 100.0;
    if pct < 1.0 {
        return percent(lang, back / UPFRONT_FACTOR);
    }
    let mut n = number(lang, pct, 1);
    if lang == Lang::Fr {
        n.push(crate::analysis::words::NBSP);
    }
    n.push('%');
    n
}

/// How the pieces would be checked at the filing, in the finding's words: by the channels of
/// every way in ([`upfront_means`] when they are one, each channel's means when they differ: the
/// portal, the counter and the paper form side by side), or, when the loop sends the file back
/// for what a piece says (a certificate not conforming, a proof that is not valid, figures to
/// rectify, another diploma to choose), by saying beforehand what the piece must show: a form
/// flags what is missing, not what does not fit.
fn means_at(channels: &[Option<Channel>], content: bool) -> (String, String) {
    if content {
        return (
            "une notice dit, exemple à l'appui, ce que la pièce doit montrer pour être acceptée : ces retours \
             portent sur son contenu, qu'un formulaire ne vérifie pas à lui seul"
                .to_owned(),
            "a guide says, with an example, what the piece must show to be accepted: these returns are about its \
             content, which a form alone does not check"
                .to_owned(),
        );
    }
    let first = channels.first().copied().flatten();
    if channels.iter().all(|&c| c == first) {
        let (fr, en) = upfront_means(first);
        return (fr.to_owned(), en.to_owned());
    }
    let (online, counter) = (Some(Channel::Online), Some(Channel::Counter));
    let parts = [
        (
            channels.contains(&online),
            "en ligne, le formulaire signale les pièces manquantes avant l'envoi",
            "online, the form flags missing pieces before the file is sent",
        ),
        (
            channels.contains(&counter),
            "au guichet, l'agent vérifie la présence des pièces avec l'usager, liste à l'appui",
            "at the counter, the agent checks with the user, from a list, that the pieces are there",
        ),
        (
            channels.iter().any(|&c| c != online && c != counter),
            "sinon, une liste des pièces à cocher accompagne le formulaire",
            "otherwise, a checklist of pieces comes with the form",
        ),
    ];
    let (mut fr, mut en) = (String::with_capacity(200), String::with_capacity(200));
    for (_, part_fr, part_en) in parts.iter().filter(|p| p.0) {
        if !fr.is_empty() {
            fr.push_str(" ; ");
            en.push_str("; ");
        }
        fr.push_str(part_fr);
        en.push_str(part_en);
    }
    (fr, en)
}

/// Whether a piece is a study its author writes for the project (« étude d'impact », « étude de
/// dangers », « document d'incidences », « dossier technique »): what the complements asked of it
/// add is content, which no form flags as missing. Read without case or accents.
fn is_study(name: &str) -> bool {
    const STUDY: [&str; 7] = [
        "etude d",
        "dossier technique",
        "document d'incidence",
        "notice d'incidence",
        "evaluation des incidences",
        "evaluation environnementale",
        "notice d'impact",
    ];
    let name = super::folded(name);
    name.starts_with("etude") || STUDY.iter().any(|w| name.contains(w))
}

/// The means of checking the pieces at the filing, `fr` and `en`, made to fit the studies among
/// the pieces named (`names`): a form sees that a study is attached, not that it treats what it
/// must; what avoids its complements is saying beforehand, with the department that investigates,
/// what it must treat. Only studies: that alone; studies among other pieces: after the form's
/// means for the others.
fn with_studies(fr: String, en: String, names: &[String]) -> (String, String) {
    let studies: Vec<&String> = names.iter().filter(|n| is_study(n)).collect();
    if studies.is_empty() {
        return (fr, en);
    }
    let study_fr = "un échange préalable avec le service instructeur dit, avant le dépôt, ce que l'étude doit \
                    traiter et avec quel détail : les compléments demandés portent sur son contenu, qu'un formulaire \
                    ne vérifie pas";
    let study_en = "a prior exchange with the investigating department says, before the filing, what the study \
                    must cover and in how much detail: the complements asked are about its content, which a form \
                    does not check";
    if studies.len() == names.len() {
        return (study_fr.to_owned(), study_en.to_owned());
    }
    (
        format!("{fr} ; pour {}, {study_fr}", quoted_list(Lang::Fr, &studies)),
        format!("{en}; for {}, {study_en}", quoted_list(Lang::En, &studies)),
    )
}

/// Whether loop `members` sends the file back for what a piece says rather than for a piece
/// missing, as its steps' labels tell (« un justificatif conforme », « valable », « lisible »,
/// « rectifier le bilan », « corriger la déclaration », « des précisions », « un autre diplôme »),
/// unless they also speak of pieces missing (« les pièces manquantes », « les compléments »,
/// « la complétude »). Labels are read without case or accents, as the variants draw them.
fn about_content(ctx: &Context, members: &[usize]) -> bool {
    const CONTENT: [&str; 11] = [
        "conforme",
        "conformit",
        "valable",
        "lisible",
        "rectifi",
        "corrig",
        "precision",
        "coheren",
        "errone",
        "un autre ",
        "une autre ",
    ];
    const MISSING: [&str; 6] = ["manquant", "complement", "completer", "incomplet", "completude", "absent"];
    let mut content = false;
    for &n in members {
        let label = super::folded(ctx.label_str(n));
        if MISSING.iter().any(|w| label.contains(w)) {
            return false;
        }
        content |= CONTENT.iter().any(|w| label.contains(w));
    }
    content
}

/// The part of the advice on the pieces an administration already holds (`held`, by name), after
/// those to check at the filing when there are some (`after_check`): obtaining them from their
/// holder, as `once-only` proposes, rather than asking the user for them (no pronoun: the names
/// are of either gender). Empty when none is held.
fn fetched(held: &[String], after_check: bool) -> (String, String) {
    if held.is_empty() {
        return (String::new(), String::new());
    }
    let one = held.len() == 1;
    let (fr, en) = (quoted_list(Lang::Fr, held), quoted_list(Lang::En, held));
    let (from_fr, from_en) = if one {
        ("de l'administration détentrice", "from the administration that holds it")
    } else {
        ("des administrations détentrices", "from the administrations that hold them")
    };
    if after_check {
        (format!(" et obtenir {fr} directement {from_fr}"), format!(" and obtaining {en} directly {from_en}"))
    } else {
        (format!("Obtenir {fr} directement {from_fr}"), format!("Obtaining {en} directly {from_en}"))
    }
}

#[cfg(test)]
mod means_tests;
#[cfg(test)]
mod period_tests;
#[cfg(test)]
mod share_tests;
#[cfg(test)]
mod sparse_tests;
#[cfg(test)]
mod tests;
#[cfg(test)]
mod works_tests;
