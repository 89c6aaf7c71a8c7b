//! A piece the administration already sent another body, which that body then asks the user for:
//! the ARS notifies its approval to the company and informs the CPAM of it, then the CPAM asks
//! the company for a copy of the approval with its adhesion to the convention.

use crate::analysis::labels;
use crate::analysis::metrics::Context;
use crate::analysis::rules::Marks;
use crate::analysis::words::quote;
use crate::analysis::{Finding, Gain, Lang, Severity};

use super::{ID, subject_fr};
use crate::analysis::rules::{finding, text};

/// Steps looked at behind the user's request for the step that sent the piece on. A drawn
/// procedure sends it a few steps before; on a generated one of thousands of steps the search
/// stays bounded.
const SENT_LOOKBEHIND: usize = 64;

/// Verbs of a clause that sends something on (normalised by [`labels::words`], which maps
/// "envoyer" and "adresser" onto "transmettre" and "informer" onto "notifier"): "Notifier la
/// décision à la société et en informer la CPAM", "Relire le dossier et le transmettre au
/// certificateur". "Orienter vers Cap emploi" sends the person, not the pieces.
const SENDING: &[&str] = &["transmettre", "notifier", "communiquer", "aviser", "prévenir"];
/// Verbs whose direct object is the one told ("… et en informer la CPAM et le SAMU"), not what is
/// sent: their object names an addressee as "à" does after "notifier" or "transmettre".
/// The noun of the act counts as the verb ("… et information de la CPAM et du SAMU").
const INFORMING: &[&str] = &["informer", "aviser", "prévenir", "information"];
/// Pronouns and articles before a clause's verb ("en informer", "le transmettre") or between
/// such a verb and the one told.
const SKIPPED: &[&str] = &["en", "y", "le", "la", "les", "l", "un", "une", "des", "du", "de", "d", "et", "ou"];
/// Words of a lane's name its acronym skips ("Caisse primaire d'assurance maladie": CPAM).
const NAME_LINKS: &[&str] = &["de", "des", "du", "d", "la", "le", "les", "l", "et", "à", "au", "aux", "en", "pour"];
/// Words of a lane's name too general to say a label addresses that lane.
const GENERIC: &[&str] =
    &["service", "direction", "bureau", "agent", "pôle", "cellule", "unité", "santé", "relation", "professionnel"];

/// Words of a user's step that contests a decision: an appeal or an opposition names the act it
/// contests, and joins it, whoever was informed of it ("Former un recours auprès du ministre avec
/// la décision de refus").
const APPEALING: &[&str] = &["recours", "contester", "appel", "opposition", "réclamation"];

/// Articles that open a noun after "et" in the list of those informed.
const ARTICLES: &[&str] = &["le", "la", "les", "l", "un", "une", "des", "du"];

/// Prepositions that open a clause naming one more addressee of the clause before (", à l'Ordre
/// et à l'assurance maladie").
const TO: &[&str] = &["à", "a", "au", "aux", "auprès", "aupres"];

/// The words a label sending something on names its addressees by, normalised: those after "à",
/// "au", "aux" in a clause that sends ([`labels::addressees`]) or in the clauses right after it
/// that name more addressees, and the object of a clause that informs someone ("Notifier la
/// décision à la société et en informer la CPAM": société, CPAM). Empty when no clause of the
/// label sends anything ("Instruire la demande et calculer le droit au RSA"); another action ends
/// the addressees ("… et orienter vers Cap emploi", "… le publier au recueil des actes").
fn addressed(label: &str) -> Vec<String> {
    static VERBS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let sending = VERBS.get_or_init(|| SENDING.iter().flat_map(|w| labels::words(w)).collect());
    let text = label.to_lowercase().replace(['’', '\''], " ");
    let mut out: Vec<String> = Vec::new();
    let (mut sending_on, mut informing_on) = (false, false);
    for clause in text.split([',', ';', ':', '(', ')', '.']).flat_map(|c| c.split(" et ")) {
        let mut words = clause.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty());
        // One more of those informed ("… en informer le CNB et la CNBF"): a noun after "et".
        let noun = words.next().is_some_and(|w| ARTICLES.contains(&w));
        let mut raw = clause.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !SKIPPED.contains(w));
        let Some(first) = raw.next() else { continue };
        if informing_on && noun {
            out.extend(labels::words(first));
            out.extend(raw.flat_map(labels::words));
            continue;
        }
        informing_on = false;
        if INFORMING.contains(&first) || labels::words(first).first().is_some_and(|w| sending.contains(w)) {
            sending_on = true;
            if INFORMING.contains(&first) {
                informing_on = true;
                out.extend(raw.flat_map(labels::words));
            }
        } else if !TO.contains(&first) {
            sending_on = false;
        }
        if sending_on {
            out.extend(labels::addressees(clause));
        }
    }
    out.sort();
    out.dedup();
    out
}

/// Adjectives of a lane's name that name the institution a label calls by its noun: the « Poste
/// consulaire » is the consulate a label informs (« … et en informer le consulat »), the « Service
/// préfectoral » the prefecture, the « Police municipale » the town hall's. Only adjectives that
/// name one institution: « départemental » is the Département's council as well as a State's
/// departmental service.
const INSTITUTION_ADJECTIVES: &[(&str, &str)] = &[
    ("consulaire", "consulat"),
    ("consulaires", "consulat"),
    ("préfectoral", "préfecture"),
    ("préfectorale", "préfecture"),
    ("municipal", "mairie"),
    ("municipale", "mairie"),
];

/// A lane's distinctive words and its acronym, if any (see [`lane_names`]).
type LaneNames = (Vec<String>, Option<String>);

/// A lane's name as addressee words can name it: the words of its name that are not too general,
/// normalised, with the institution its adjectives name ([`INSTITUTION_ADJECTIVES`]), and its acronym ("CPAM" for "Caisse primaire d'assurance maladie") when it has
/// three words or more.
fn lane_names(lane: &str) -> LaneNames {
    static GENERIC_STEMS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let generic = GENERIC_STEMS.get_or_init(|| GENERIC.iter().flat_map(|w| labels::words(w)).collect());
    let name = lane.to_lowercase().replace(['’', '\''], " ");
    let significant = |part: &str| -> Vec<String> {
        part.split(|c: char| !c.is_alphanumeric())
            .filter(|w| !w.is_empty() && !NAME_LINKS.contains(w))
            .map(str::to_owned)
            .collect()
    };
    let name_words = significant(&name);
    let institutions = name_words
        .iter()
        .filter_map(|w| INSTITUTION_ADJECTIVES.iter().find(|(adjective, _)| adjective == w).map(|(_, noun)| *noun));
    let words = name_words
        .iter()
        .map(String::as_str)
        .chain(institutions)
        .flat_map(labels::words)
        .filter(|w| !generic.contains(w))
        .collect();
    // The acronym of the name's head, before a comma or a bracket ("Caisse primaire d'assurance
    // maladie (relations avec les transporteurs)": CPAM).
    let head = significant(name.split([',', '(', '–']).next().unwrap_or_default());
    let initials = (head.len() >= 3).then(|| head.iter().filter_map(|w| w.chars().next()).collect());
    (words, initials)
}

/// What the administration sent on: its steps that send something to a body their label names
/// ([`senders`]), with the lanes they name; per item, the senders that send it; and the table of
/// the backward searches.
pub(super) struct Sent {
    /// (step, ids of the lanes its label names as addressees).
    senders: Vec<(usize, Vec<String>)>,
    /// Per step, its place among `senders` (`usize::MAX` for none); made with the first search.
    at: Vec<usize>,
    /// (item, the senders that check or produce it), sorted by item.
    by_item: Vec<(String, Vec<usize>)>,
    marks: Option<Marks>,
}

impl Sent {
    pub(super) fn new(ctx: &Context) -> Self {
        let lanes: Vec<(&str, LaneNames)> = ctx.p.actors.iter().map(|a| (a.id.as_str(), lane_names(&a.name))).collect();
        let senders: Vec<(usize, Vec<String>)> = senders(ctx)
            .into_iter()
            .filter_map(|(n, words)| {
                let named: Vec<String> = lanes
                    .iter()
                    .filter(|(id, (names, initials))| {
                        ctx.step(n).actor.as_deref() != Some(*id)
                            && (names.iter().any(|w| words.contains(w))
                                || initials.as_ref().is_some_and(|i| words.contains(i)))
                    })
                    .map(|(id, _)| (*id).to_owned())
                    .collect();
                (!named.is_empty()).then_some((n, named))
            })
            .collect();
        let mut items: rustc_hash::FxHashMap<&str, Vec<usize>> = rustc_hash::FxHashMap::default();
        for (k, &(n, _)) in senders.iter().enumerate() {
            let s = ctx.step(n);
            for d in s.checks.iter().chain(&s.produces) {
                let ks = items.entry(d.as_str()).or_default();
                if ks.last() != Some(&k) {
                    ks.push(k);
                }
            }
        }
        let mut by_item: Vec<(String, Vec<usize>)> = items.into_iter().map(|(d, ks)| (d.to_owned(), ks)).collect();
        by_item.sort_by(|a, b| a.0.cmp(&b.0));
        Sent { senders, at: Vec::new(), by_item, marks: None }
    }

    /// The user's requests of item `d` among `askers` that the administration already sent to the
    /// body taking them ([`sent_before`]), as (request, sender, taker).
    pub(super) fn requests_of(&mut self, ctx: &Context, d: &str, askers: &[usize]) -> Vec<(usize, usize, usize)> {
        let Ok(k) = self.by_item.binary_search_by(|x| x.0.as_str().cmp(d)) else { return Vec::new() };
        if self.at.is_empty() {
            self.at = vec![usize::MAX; ctx.g.bound];
            for (i, &(n, _)) in self.senders.iter().enumerate() {
                self.at[n] = i;
            }
        }
        let sending = &self.by_item[k].1;
        let mut found = Vec::new();
        static CONTESTING: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
        let contesting = CONTESTING.get_or_init(|| APPEALING.iter().flat_map(|w| labels::words(w)).collect());
        let appeals = |u: usize| ctx.label_words(ctx.label_str(u)).iter().any(|w| contesting.contains(w));
        for &u in askers.iter().filter(|&&u| ctx.in_user_lane(u) && !appeals(u)) {
            // The lanes that take what the user hands in, which some sender of `d` names.
            let takers: Vec<usize> = ctx
                .next_work(u)
                .into_iter()
                .map(|(m, _)| m)
                .filter(|&m| {
                    !ctx.in_user_lane(m)
                        && sending
                            .iter()
                            .any(|&j| self.senders[j].1.iter().any(|id| ctx.step(m).actor.as_ref() == Some(id)))
                })
                .collect();
            if takers.is_empty() {
                continue;
            }
            let marks = self.marks.get_or_insert_with(|| Marks::new(ctx.g.bound));
            if let Some((sender, taker)) = sent_before(ctx, (u, d), &takers, (&self.senders, &self.at), marks) {
                found.push((u, sender, taker));
            }
        }
        found
    }
}

/// The administration's steps that name an addressee other than the user (their words, the
/// user's left out), in the author's order: the only ones that can have sent a piece on.
fn senders(ctx: &Context) -> Vec<(usize, Vec<String>)> {
    let user_words = crate::analysis::rules::waiting::user_words(ctx);
    // Each distinct label is read once (a generated procedure repeats a few hundred of them).
    let mut read: rustc_hash::FxHashMap<&str, Vec<String>> = rustc_hash::FxHashMap::default();
    ctx.reachable_work()
        .filter(|&n| !ctx.in_user_lane(n))
        .filter_map(|n| {
            let s = ctx.step(n);
            if s.checks.is_empty() && s.produces.is_empty() {
                return None;
            }
            // (The label's words are cached: most labels send nothing and are not parsed.)
            static VERBS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
            let sending = VERBS.get_or_init(|| SENDING.iter().flat_map(|w| labels::words(w)).collect());
            if !ctx.label_words(ctx.label_str(n)).iter().any(|w| sending.contains(w)) {
                return None;
            }
            let label = ctx.label_str(n);
            let words = read
                .entry(label)
                .or_insert_with(|| addressed(label).into_iter().filter(|w| !user_words.contains(w)).collect());
            (!words.is_empty()).then(|| (n, words.clone()))
        })
        .collect()
}

/// For the user's step `u` asking for item `d`, the step before it of the administration that
/// already sent `d` (it checks or produces it, and its label names as an addressee the lane of
/// one of `takers`, the steps that take what `u` hands in) to that lane, from another lane; and
/// that taker. A body that received the piece from the administration has it: asking the user for
/// a copy is asking again. Not past an earlier request of `d`: asked of the user twice, the
/// finding that says so speaks of it; nor a sender outside the loop of a request on its rework
/// branch (the piece was missing: the certifier sent back the file the accompanist had passed on).
/// Complexity: one backward search of at most [`SENT_LOOKBEHIND`] steps.
fn sent_before(
    ctx: &Context,
    (u, d): (usize, &str),
    takers: &[usize],
    (senders, at): (&[(usize, Vec<String>)], &[usize]),
    marks: &mut Marks,
) -> Option<(usize, usize)> {
    marks.clear();
    let mut stack: Vec<usize> = ctx.g.inc[u].iter().filter(|a| a.share > 0.0).map(|a| a.node).collect();
    while let Some(n) = stack.pop() {
        if n == u || marks.len() >= SENT_LOOKBEHIND || !marks.insert(n) {
            continue;
        }
        let s = ctx.step(n);
        if s.requests.iter().any(|x| x == d) {
            continue;
        }
        if let Some((_, named)) = senders.get(at[n]) {
            let handles = s.checks.iter().chain(&s.produces).any(|x| x == d);
            let missing = ctx.in_loop(u) && !ctx.same_loop(u, n);
            if handles
                && !missing
                && let Some(&taker) =
                    takers.iter().find(|&&m| ctx.step(m).actor.as_ref().is_some_and(|a| named.contains(a)))
            {
                return Some((n, taker));
            }
        }
        stack.extend(ctx.g.inc[n].iter().filter(|a| a.share > 0.0).map(|a| a.node));
    }
    None
}

/// The finding: item `d`, asked of the user at `u`, which `sender` already sent to `taker`'s lane.
/// The lane is named in brackets: the format gives no article for its name ("au conseil
/// régional", "à la CPAM").
pub(super) fn finding_of(ctx: &Context, d: &crate::model::DataItem, u: usize, sender: usize, taker: usize) -> Finding {
    let (asked, sent, lane) = (ctx.label(u), ctx.label(sender), ctx.lane_str(taker));
    finding(
        ID,
        Severity::Warning,
        vec![d.id.clone(), ctx.id(u)],
        text(
            format!("Dites-le-nous une fois : {} déjà connue de l'organisme qui la demande", quote(Lang::Fr, &d.name)),
            format!("Tell us once: {} already made known to the body asking for it", quote(Lang::En, &d.name)),
        ),
        text(
            format!(
                "{} est demandée à l'usager à l'étape {}, alors que l'étape {} l'a déjà portée à la connaissance de \
                 l'organisme qui la demande ({lane}). Celui-ci peut la reprendre de ce qu'il a reçu au lieu de la \
                 redemander (CRPA art. L114-8).",
                subject_fr(d),
                quote(Lang::Fr, &asked),
                quote(Lang::Fr, &sent),
            ),
            format!(
                "{} is requested from the user at step {} although step {} already made it known to the body asking \
                 for it ({lane}). That body can take it from what it received instead of asking for it again \
                 (CRPA art. L114-8).",
                quote(Lang::En, &d.name),
                quote(Lang::En, &asked),
                quote(Lang::En, &sent),
            ),
        ),
        Gain { requests: ctx.visits[u], ..Gain::default() },
        None,
    )
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    /// The prefecture notifies the authorisation and informs the consulate; the family then asks
    /// the consulate for visas with the decision. `lane`: the consulate's lane's name.
    fn visas(lane: &str, notice: &str) -> crate::model::Procedure {
        let mut p = B::new()
            .start("s")
            .task("depot", "u", "Déposer la demande")
            .approval("sig", "c", "Signer la décision")
            .produces("sig", &["decision"])
            .task("notif", "b", notice)
            .checks("notif", &["decision"])
            .task("visas", "u", "Demander les visas")
            .requests("visas", &["decision"])
            .task("delivrer", "d", "Délivrer les visas")
            .checks("delivrer", &["decision"])
            .end("e")
            .chain(&["s", "depot", "sig", "notif", "visas", "delivrer", "e"])
            .build();
        if let Some(a) = p.actors.iter_mut().find(|a| a.id == "d") {
            a.name = lane.into();
        }
        p
    }

    #[test]
    fn the_institution_an_adjective_of_the_lane_names_is_the_one_informed() {
        // « Poste consulaire » is the consulate the notice informed.
        let informed = "Notification de l'autorisation au demandeur, information du consulat";
        check(&visas("Poste consulaire", informed), "once-only", &["decision visas"]);
        check(&visas("Consulat de France", informed), "once-only", &["decision visas"]);
        // Near misses: another body informed; an adjective naming no one institution.
        check(&visas("Poste consulaire", "Notification de l'autorisation, information de l'OFII"), "once-only", &[]);
        check(
            &visas("Service départemental", "Notifier l'autorisation et en informer le département"),
            "once-only",
            &[],
        );
    }
}
