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
//! administration asks nothing of them there; nor is one done on paper where they are once the
//! administration handed them what they act on, asked for nothing and ending the file (the order
//! put up on the works site: see `Context::users_own_work`). Nor is a step where one person the
//! procedure serves hands what it produces to another (the seller of a car handing the buyer the barred certificate
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
//!
//! Inside a loop that repeats the service period after period (`period_loop::recurring`: the
//! half-year's refund claim, the year's justification of the financial standing), the
//! solicitations are counted for one period: the claim is the service, and twenty half-years are
//! no more twenty solicitations of one file than twenty files would be. The sentence says so.

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
    let mut periods = Periods::default();
    lanes.iter().filter_map(|steps| one_person(ctx, steps, named, &mut periods)).collect()
}

/// The loops that repeat the service period after period (`period_loop::recurring`), read once
/// each: per loop, the share of its visits that makes one period of each entry into it (the
/// entries per case over the visits of the steps where its passes start), and its first such
/// step. A solicitation that comes back each period (the half-year's claim, the year's
/// justification) is counted for one period: the claim is the service, and the periods a case
/// lasts are no more solicitations of one file than a second file would be.
#[derive(Default)]
struct Periods(rustc_hash::FxHashMap<usize, Option<(f64, usize)>>);

impl Periods {
    fn of(&mut self, ctx: &Context, n: usize) -> Option<(f64, usize)> {
        if !ctx.in_loop(n) {
            return None;
        }
        let c = ctx.comps.of[n];
        *self.0.entry(c).or_insert_with(|| {
            let starts = super::period_loop::recurring(ctx, c)?;
            let inside = |m: usize| ctx.comps.of[m] == c;
            let entries: f64 = ctx.comps.members[c]
                .iter()
                .flat_map(|&m| ctx.g.inc[m].iter().filter(|a| !inside(a.node)).map(|a| ctx.visits[a.node] * a.share))
                .sum();
            let passes: f64 = starts.iter().map(|&m| ctx.visits[m]).sum();
            let first = starts.iter().copied().min_by_key(|&m| ctx.g.pos[m])?;
            (passes > entries && entries > 0.0).then_some((entries / passes, first))
        })
    }
}

/// The number of contacts as the finding writes it: to one decimal, or to as many more (up to
/// three) as it takes to show it above the threshold (2.03 contacts against 2 is "2,03", not "2",
/// which would read as not above it); a figure above it only beyond the third decimal is "plus
/// de 2" ("more than 2").
fn shown(lang: Lang, contacts: f64, max: f64) -> String {
    for decimals in 1..=3 {
        let c = number(lang, contacts, decimals);
        if c != number(lang, max, decimals) {
            return c;
        }
    }
    match lang {
        Lang::Fr => format!("plus de {}", number(lang, max, 3)),
        Lang::En => format!("more than {}", number(lang, max, 3)),
    }
}

/// The finding for one person the procedure serves (the user steps of one lane), if they are
/// solicited more than the threshold; `named` when other people are served too, so that the
/// sentences say whom they speak of.
fn one_person(ctx: &Context, steps: &[usize], named: bool, periods: &mut Periods) -> Option<Finding> {
    let max = ctx.settings.max_user_contacts;
    let (continued, opening): (Vec<usize>, Vec<usize>) = steps.iter().partition(|&&n| continues_a_sitting(ctx, n));
    // The first step where a period starts, of the loops whose solicitations count for one period.
    let mut period_start: Option<usize> = None;
    let contacts: f64 = opening
        .iter()
        .map(|&n| match periods.of(ctx, n) {
            Some((share, start)) => {
                period_start =
                    Some(period_start.map_or(start, |s| if ctx.g.pos[start] < ctx.g.pos[s] { start } else { s }));
                ctx.visits[n] * share
            }
            None => ctx.visits[n],
        })
        .sum();
    let first = *steps.first()?;
    if contacts <= max + 1e-9 {
        return None;
    }
    let (period_fr, period_en) = match period_start {
        Some(s) => (
            format!(
                " Les sollicitations qui reviennent à chaque période, à partir de l'étape {}, sont comptées pour une période.",
                quote(Lang::Fr, ctx.label_str(s))
            ),
            format!(
                " Solicitations that come back each period, from step {} on, are counted for one period.",
                quote(Lang::En, ctx.label_str(s))
            ),
        ),
        None => (String::new(), String::new()),
    };
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
        let person = Person::named(lane);
        (
            format!(
                "Sollicitations multiples : {} contacts avec {} par dossier",
                shown(Lang::Fr, contacts, max),
                person.with_article(false)
            ),
            format!(
                "Too many contacts: {} contacts with {} per file",
                shown(Lang::En, contacts, max),
                quote(Lang::En, lane)
            ),
            format!(
                "{} {} sollicité{} en moyenne {} fois par dossier (seuil : {}), aux étapes {}.",
                person.with_article(true),
                if person.plural { "sont" } else { "est" },
                person.agreement(),
                shown(Lang::Fr, contacts, max),
                number(Lang::Fr, max, 1),
                quoted_list(Lang::Fr, &labels)
            ),
            format!(
                "{} is solicited {} times per file on average (threshold: {}), at steps {}.",
                quote(Lang::En, lane),
                shown(Lang::En, contacts, max),
                number(Lang::En, max, 1),
                quoted_list(Lang::En, &labels)
            ),
        )
    } else {
        (
            format!("Sollicitations multiples : {} contacts avec l'usager par dossier", shown(Lang::Fr, contacts, max)),
            format!("Too many contacts: {} contacts with the user per file", shown(Lang::En, contacts, max)),
            format!(
                "L'usager est sollicité en moyenne {} fois par dossier (seuil : {}), aux étapes {}.",
                shown(Lang::Fr, contacts, max),
                number(Lang::Fr, max, 1),
                quoted_list(Lang::Fr, &labels)
            ),
            format!(
                "The user is solicited {} times per file on average (threshold: {}), at steps {}.",
                shown(Lang::En, contacts, max),
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
                "{who_fr}{same_fr}{period_fr} Chaque sollicitation est un déplacement, un envoi ou une connexion de \
                 plus, et une étape où le dossier peut s'arrêter faute de réponse."
            ),
            format!(
                "{who_en}{same_en}{period_en} Each contact is one more trip, mailing or login, and one more point where \
                 the file can stall for want of an answer."
            ),
        ),
        Gain { contacts: (contacts - max).max(0.0), ..Gain::default() },
        None,
    ))
}

/// A person the procedure serves, named in French by the name of their lane as agents name them
/// (« le salarié protégé », « l'employeur », « la société », « les héritiers ») rather than by
/// the drawing's lane. The article and the agreement come from the name's first word: plural
/// when it ends in -s or -x, feminine for the endings and words of women and bodies of female
/// gender (demandeuse, salariée, société, association; an epicene name, « bénéficiaire », is read
/// masculine); an acronym (« CCAS ») keeps its capitals.
struct Person<'a> {
    name: &'a str,
    feminine: bool,
    plural: bool,
}

impl<'a> Person<'a> {
    fn named(name: &'a str) -> Self {
        let name = name.trim();
        let first: String = name.split([' ', '(', ',', '\'']).next().unwrap_or_default().to_lowercase();
        let acronym = name.chars().take(2).all(char::is_uppercase);
        let plural = !acronym && first.chars().count() > 3 && (first.ends_with('s') || first.ends_with('x'));
        let singular = if plural { &first[..first.len() - 1] } else { first.as_str() };
        const FEMININE_ENDINGS: [&str; 11] =
            ["euse", "trice", "ière", "ienne", "enne", "ante", "ente", "esse", "ée", "tion", "sion"];
        const FEMININE_WORDS: [&str; 20] = [
            "personne",
            "famille",
            "commune",
            "partie",
            "entreprise",
            "société",
            "cheffe",
            "candidate",
            "avocate",
            "association",
            "victime",
            "mère",
            "femme",
            "fille",
            "mairie",
            "caisse",
            "structure",
            "école",
            "banque",
            "collectivité",
        ];
        let feminine = FEMININE_ENDINGS.iter().any(|e| singular.ends_with(e)) || FEMININE_WORDS.contains(&singular);
        Person { name, feminine, plural }
    }

    /// The name with its article, « l'employeur », capitalised at the start of a sentence.
    fn with_article(&self, capital: bool) -> String {
        let acronym = self.name.chars().take(2).all(|c| c.is_uppercase());
        let name: String = if acronym {
            self.name.to_owned()
        } else {
            let mut c = self.name.chars();
            c.next().map(|f| f.to_lowercase().chain(c).collect()).unwrap_or_default()
        };
        let vowel = name.chars().next().is_some_and(|c| "aeiouyhàâäéèêëîïôöûüAEIOUYHÉÈÊ".contains(c));
        let article = match (self.plural, self.feminine, vowel) {
            (true, ..) => "les ",
            (false, _, true) => "l'",
            (false, true, false) => "la ",
            (false, false, false) => "le ",
        };
        let mut out = String::with_capacity(article.len() + name.len());
        if capital {
            let mut c = article.chars();
            out.extend(c.next().into_iter().flat_map(char::to_uppercase).chain(c));
        } else {
            out.push_str(article);
        }
        out.push_str(&name);
        out
    }

    /// The ending of a past participle agreeing with the person: « sollicitée », « sollicités ».
    fn agreement(&self) -> &'static str {
        match (self.feminine, self.plural) {
            (false, false) => "",
            (true, false) => "e",
            (false, true) => "s",
            (true, true) => "es",
        }
    }
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
mod tests;
