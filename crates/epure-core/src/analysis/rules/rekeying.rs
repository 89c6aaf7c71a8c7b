//! `rekeying` — Double saisie.
//!
//! Fires when a data item is entered (`enters`) into systems at two or more steps a case passes
//! through one after the other, or when the administration keys in by hand a data item the user
//! gave on paper (requested at a step carried out at the counter, on paper or by post). Not
//! fired: entries on exclusive branches; an entry after the user was asked for the item again (a
//! new value); a correction on the way back of a rework loop the first entry is not part of (not
//! the check that opens the loop, which every file meets once: `Context::opens_a_loop`), or an
//! update in a loop that repeats the service period after period; data the user
//! gave through an online service; the user typing their own form; a datum the user tells an
//! agent at the counter, typed in there during the same sitting (the social worker entering the
//! request while the person is in front of them: nothing written is copied); a record updated in
//! the system both labels name ("Mettre à jour RESYTAL" after "Enregistrer l'agrément dans
//! RESYTAL": `update.rs`), or the value corrected at the user's request ("Réexaminer le barème
//! contesté", reading the agent's request). A paper form keyed
//! in where it arrives along a paper flow is told by `media-break` alone, and the media break
//! before the second entry of items this rule finds keyed twice by this rule alone
//! (`rules::run_all`).
//!
//! The gain is the keying saved, not the step: a step that also drafts a document ("Rédiger
//! l'arrêté", "Émettre le titre de recettes") or keys in other data keeps that work once the item
//! comes from the first entry. A step's minutes are shared evenly among the items it enters or
//! produces, and a finding counts the shares of the items re-keyed: a step keying in three items,
//! each re-keyed, is counted once in all, not three times.

use super::{Context, finding, text};
use crate::analysis::metrics::{Support, channel_support};
use crate::analysis::words::{Quoted, QuotedList, Times, sentence};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{Channel, DataKind, Step};

pub const ID: &str = "rekeying";

mod update;

/// The minutes of a step spent keying in `items` of what it enters or produces (visits included):
/// its duration shared evenly among the distinct items it enters or produces.
pub(crate) fn keying_min(ctx: &Context, n: usize, items: usize) -> f64 {
    let s = ctx.step(n);
    let mut made: Vec<&String> = s.enters.iter().chain(&s.produces).collect();
    made.sort_unstable();
    made.dedup();
    let share = (items as f64 / made.len().max(1) as f64).min(1.0);
    ctx.visits[n] * s.duration() * share
}

/// The share of step `later`'s visits that may have come through one of the other entries (or
/// paper steps), whose visits sum to `others`, between 0 and 1: a second entry on the main way
/// after a first one on a branch a third of the files take (the paper form beside the portal)
/// saves its keying for that third only; the other files reach it entered once. The sum is an
/// upper bound of the files that passed one of the others (several entries on one way are passed
/// by the same files; exclusive ways add up): the gain is never counted for fewer files than
/// took an earlier entry.
fn share_through(ctx: &Context, later: usize, others: f64) -> f64 {
    let v = ctx.visits[later];
    if v <= 0.0 { 0.0 } else { (others / v).min(1.0) }
}

/// For each data item, the reachable work steps entering it, or taking it from the user on paper.
pub(super) fn keyed(ctx: &Context) -> Vec<Vec<usize>> {
    super::steps_naming(ctx, ctx.reachable_work(), |n| {
        let s = ctx.step(n);
        let paper = channel_support(s.channel) == Some(Support::Paper) && ctx.in_user_lane(n);
        s.enters.iter().chain(s.requests.iter().filter(move |_| paper))
    })
}

/// The data items a step requests (a new value: entering one again is not rekeying).
pub(super) fn requested(s: &Step) -> impl Iterator<Item = &String> {
    s.requests.iter()
}

/// Whether the agent types a datum the user tells them at the counter while they are there: the
/// user's counter step that gives it comes just before the keying step (only gateways between),
/// which is carried out at the counter too ("Rencontrer un travailleur social", then "Évaluer la
/// situation et saisir la demande pendant l'entretien"). Nothing was written on paper to be copied:
/// that is the first entry of what was said. A document handed in (a paper form) is still keyed in
/// from paper, and so is a datum keyed in later, back in the office.
fn typed_while_told(ctx: &Context, d: &crate::model::DataItem, later: usize, earlier: usize) -> bool {
    let counter = |n: usize| ctx.step(n).channel == Some(Channel::Counter);
    d.kind() == DataKind::Field
        && counter(later)
        && counter(earlier)
        && ctx.prev_work(later).iter().any(|&(m, _)| m == earlier)
}

/// Whether entering an item again at `later` is a correction or an update rather than a second
/// keying of what `earlier` entered: `later` is in a loop `earlier` is not part of, and is not the
/// step that opens a loop of returns (the check every file meets once before any is sent back,
/// which keys the item a second time), in a loop that does not repeat the service period after
/// period ([`super::period_loop::recurring`]: each period's entry is a new one). The pieces taken
/// in again on the way back, each year's declaration updating the file, are corrections.
fn a_correction(ctx: &Context, later: usize, earlier: usize) -> bool {
    ctx.in_loop(later)
        && !ctx.same_loop(later, earlier)
        && !(ctx.opens_a_loop(later) && super::period_loop::recurring(ctx, ctx.comps.of[later]).is_none())
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    // Entering step → data items keyed in from paper, with the step that took the paper.
    let mut from_paper: Vec<(usize, Vec<(String, usize)>)> = Vec::new();
    let mut slot: std::collections::HashMap<usize, usize> = std::collections::HashMap::new();
    let enters = |d: &str, n: usize| ctx.step(n).enters.iter().any(|x| x == d);
    // Steps entering an item, or taking it from the user on paper; a new request of the item
    // brings a new value: entering it again is not rekeying (see `keyed` and `requested`).
    let mut found = ctx.data_pairs(super::DataQuestion::Keyed);
    let user_made = std::cell::OnceCell::new();
    for (di, d) in ctx.p.data.iter().enumerate() {
        let enters = |n: usize| enters(&d.id, n);
        let pairs: Vec<(usize, usize)> = std::mem::take(&mut found[di])
            .into_iter()
            .filter(|&(later, earlier)| enters(later) && !a_correction(ctx, later, earlier))
            .collect();
        let twice: Vec<(usize, usize)> = pairs
            .iter()
            .copied()
            .filter(|&(l, e)| {
                enters(e)
                    && !update::updates_the_same_record(ctx, l, e)
                    && !update::corrected_at_the_users_request(ctx, l, &user_made)
            })
            .collect();
        for (later, earlier) in pairs.iter().copied().filter(|&(_, e)| !enters(e)) {
            if ctx.in_user_lane(later) || typed_while_told(ctx, d, later, earlier) {
                continue;
            }
            match slot.get(&later) {
                Some(&i) => from_paper[i].1.push((d.id.clone(), earlier)),
                None => {
                    slot.insert(later, from_paper.len());
                    from_paper.push((later, vec![(d.id.clone(), earlier)]));
                }
            }
        }
        let sets = super::groups(ctx, &twice);
        let of_set = super::pairs_by_group(ctx, &sets, &twice);
        for (group, of_set) in sets.into_iter().zip(of_set) {
            let later: Vec<usize> = of_set.iter().map(|&k| twice[k].0).collect();
            let labels: Vec<&str> = group.iter().map(|&n| ctx.label_str(n)).collect();
            let mut subjects = vec![d.id.clone()];
            subjects.extend(group.iter().map(|&n| ctx.id(n)));
            let all: f64 = group.iter().map(|&n| ctx.visits[n]).sum();
            let touch: f64 =
                later.iter().map(|&n| keying_min(ctx, n, 1) * share_through(ctx, n, all - ctx.visits[n])).sum();
            let k = group.len();
            // Keyed that many times on the way most files take, or only on a way fewer than half
            // of them take (the fourth entry on the way of the rare appeal): "jusqu'à quatre
            // fois". A step of a loop, met more than once, counts as every file.
            let (lo, hi) = group
                .iter()
                .fold((f64::INFINITY, 0.0_f64), |(lo, hi), &n| (lo.min(ctx.visits[n]), hi.max(ctx.visits[n])));
            let (up_fr, up_en) = if lo < 0.5 * hi.min(1.0) { ("jusqu'à ", "up to ") } else { ("", "") };
            out.push(finding(
                ID,
                Severity::Warning,
                subjects,
                text(
                    sentence!["Double saisie : ", super::once_only::noun_fr(d), " saisie ", up_fr, Times(Lang::Fr, k)],
                    sentence!["Rekeying: ", Quoted(Lang::En, &d.name), " entered ", up_en, Times(Lang::En, k)],
                ),
                text(
                    sentence! {
                        super::once_only::subject_fr(d), " est saisie ", up_fr, Times(Lang::Fr, k),
                        " dans un système d'information (étapes ", QuotedList(Lang::Fr, &labels),
                        "). Une saisie unique, reprise ensuite par les autres applications, éviterait le travail en \
                         double et les erreurs de recopie.",
                    },
                    sentence! {
                        Quoted(Lang::En, &d.name), " is keyed into an information system ", up_en, Times(Lang::En, k),
                        " (steps ", QuotedList(Lang::En, &labels),
                        "). Entering it once and passing it on to the other applications would avoid the duplicate \
                         work and copying errors.",
                    },
                ),
                Gain { touch_min: touch, ..Gain::default() },
                Some("enter-once"),
            ));
        }
    }
    from_paper.sort_by_key(|(n, _)| ctx.g.pos[*n]);
    for (later, items) in from_paper {
        let names: Vec<String> = items.iter().map(|(d, _)| ctx.data_name(d)).collect();
        let mut sources: Vec<usize> = items.iter().map(|&(_, e)| e).collect();
        sources.sort_by_key(|&n| ctx.g.pos[n]);
        sources.dedup();
        let source_labels: Vec<&str> = sources.iter().map(|&n| ctx.label_str(n)).collect();
        let mut subjects = vec![ctx.id(later)];
        subjects.extend(items.iter().map(|(d, _)| d.clone()));
        subjects.extend(sources.iter().map(|&n| ctx.id(n)));
        let plural = names.len() > 1;
        out.push(finding(
            ID,
            Severity::Warning,
            subjects,
            text(
                sentence! {
                    "Double saisie : ressaisie à la main d'informations fournies sur papier à l'étape ",
                    Quoted(Lang::Fr, ctx.label_str(later)),
                },
                sentence!["Rekeying: paper information keyed in by hand at ", Quoted(Lang::En, ctx.label_str(later))],
            ),
            text(
                sentence! {
                    "À l'étape ", Quoted(Lang::Fr, ctx.label_str(later)), " (", ctx.lane_str(later), "), ",
                    if plural { "les informations " } else { "l'information " }, QuotedList(Lang::Fr, &names),
                    if plural { " fournies" } else { " fournie" }, " sur papier par l'usager (étape ",
                    QuotedList(Lang::Fr, &source_labels), ") ", if plural { "sont ressaisies" } else { "est ressaisie" },
                    " à la main. Un formulaire en ligne alimentant directement le logiciel supprimerait cette \
                     ressaisie.",
                },
                sentence! {
                    "At step ", Quoted(Lang::En, ctx.label_str(later)), " (", ctx.lane_str(later), "), ",
                    QuotedList(Lang::En, &names), " given on paper by the user (step ",
                    QuotedList(Lang::En, &source_labels), ") ", if plural { "are" } else { "is" },
                    " keyed in by hand. An online form feeding the software directly would remove this rekeying.",
                },
            ),
            Gain {
                touch_min: keying_min(ctx, later, items.len())
                    * share_through(ctx, later, sources.iter().map(|&n| ctx.visits[n]).sum()),
                ..Gain::default()
            },
            Some("enter-once"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::Channel;

    fn base() -> B {
        B::new()
            .start("s")
            .task("depot", "u", "Déposer le formulaire")
            .task("saisie", "a", "Créer le dossier dans le logiciel A")
            .task("ressaisie", "b", "Reprendre le dossier dans le logiciel B")
            .end("e")
    }

    #[test]
    fn fires_when_the_same_data_is_entered_twice() {
        let p = base()
            .enters("saisie", &["dossier"])
            .enters("ressaisie", &["dossier"])
            .chain(&["s", "depot", "saisie", "ressaisie", "e"])
            .build();
        check(&p, "rekeying", &["dossier saisie ressaisie"]);
    }

    #[test]
    fn fires_when_paper_is_keyed_in() {
        // The paper form, sorted, then keyed in (the keying step's channel left out: `enters` is
        // keying into a system).
        let p = base()
            .channel("depot", Channel::Paper)
            .requests("depot", &["formulaire"])
            .enters("saisie", &["formulaire"])
            .task("tri", "a", "Trier le courrier")
            .chain(&["s", "depot", "tri", "saisie", "ressaisie", "e"])
            .build();
        check(&p, "rekeying", &["saisie formulaire depot"]);
        // Keyed in where it arrives, along the paper flow: the media break tells it, once.
        let p = base()
            .channel("depot", Channel::Paper)
            .requests("depot", &["formulaire"])
            .enters("saisie", &["formulaire"])
            .chain(&["s", "depot", "saisie", "ressaisie", "e"])
            .build();
        check(&p, "rekeying", &[]);
        check(&p, "media-break", &["f2 saisie formulaire"]);
    }

    #[test]
    fn a_datum_typed_at_the_counter_while_the_user_tells_it_is_no_rekeying() {
        // The person tells the social worker their situation; she types it into the software
        // during the interview.
        let told = base()
            .field("situation")
            .channel("depot", Channel::Counter)
            .requests("depot", &["situation"])
            .enters("saisie", &["situation"]);
        let p = told.clone().channel("saisie", Channel::Counter).chain(&["s", "depot", "saisie", "e"]).build();
        check(&p, "rekeying", &[]);
        // Near misses: typed later, back in the office, from the notes taken at the counter (the
        // paper reaches the keying along the flow: told as a media break); a paper form handed in
        // at the counter and keyed in there; a datum told at an earlier visit.
        let p = told.clone().channel("saisie", Channel::Internal).chain(&["s", "depot", "saisie", "e"]).build();
        check(&p, "media-break", &["f2 saisie situation"]);
        let p = base()
            .channel("depot", Channel::Counter)
            .requests("depot", &["formulaire"])
            .enters("saisie", &["formulaire"])
            .channel("saisie", Channel::Counter)
            .chain(&["s", "depot", "saisie", "e"])
            .build();
        check(&p, "rekeying", &["saisie formulaire depot"]);
        let p = told
            .channel("saisie", Channel::Counter)
            .channel("ressaisie", Channel::Counter)
            .task("rdv", "u", "Revenir au guichet")
            .channel("rdv", Channel::Counter)
            .chain(&["s", "depot", "rdv", "saisie", "e"])
            .build();
        check(&p, "rekeying", &["saisie situation depot"]);
    }

    #[test]
    fn a_paper_form_keyed_in_where_it_arrives_is_told_once_as_a_media_break() {
        let paper = base()
            .channel("depot", Channel::Paper)
            .requests("depot", &["formulaire"])
            .enters("saisie", &["formulaire"])
            .channel("saisie", Channel::Internal);
        // The form comes on paper straight into the software: the media break tells it.
        let p = paper.clone().chain(&["s", "depot", "saisie", "ressaisie", "e"]).build();
        check(&p, "media-break", &["f2 saisie formulaire"]);
        check(&p, "rekeying", &[]);
        // Near miss: the file reaches the keying through another step (no media break on that
        // flow): the rekeying from the user's paper form is still told.
        let p = paper
            .task("tri", "a", "Trier le courrier")
            .chain(&["s", "depot", "tri", "saisie", "ressaisie", "e"])
            .build();
        check(&p, "media-break", &[]);
        check(&p, "rekeying", &["saisie formulaire depot"]);
    }

    #[test]
    fn the_paper_form_is_told_once_though_its_step_and_a_document_share_an_id() {
        // The user's letter and the document it is both drawn « demande » (ids are unique among
        // steps and among data, not across them).
        let p = B::new()
            .start("s")
            .task("demande", "u", "Écrire au maire pour demander une buvette")
            .channel("demande", Channel::Paper)
            .requests("demande", &["demande", "date"])
            .task("saisie", "a", "Saisir la demande au registre")
            .channel("saisie", Channel::Internal)
            .enters("saisie", &["date"])
            .task("arrete", "a", "Rédiger l'arrêté")
            .enters("arrete", &["date"])
            .end("e")
            .chain(&["s", "demande", "saisie", "arrete", "e"])
            .build();
        check(&p, "media-break", &["f2 saisie date"]);
        check(&p, "rekeying", &["date saisie arrete"]);
    }

    #[test]
    fn a_second_entry_from_paper_is_told_once_as_a_rekeying() {
        use crate::model::Medium;
        // The family file created at the counter from the paper form, then keyed again into a
        // second software from the paper handed on.
        let p = base()
            .channel("depot", Channel::Counter)
            .requests("depot", &["dossier"])
            .enters("saisie", &["dossier"])
            .channel("saisie", Channel::Internal)
            .enters("ressaisie", &["dossier"])
            .channel("ressaisie", Channel::Internal)
            .chain(&["s", "depot", "saisie"])
            .flow("saisie", "ressaisie", 0.0, Some(Medium::Paper))
            .chain(&["ressaisie", "e"])
            .build();
        check(&p, "rekeying", &["dossier saisie ressaisie"]);
        // The paper keyed in at the first entry stays a media break; the second is the rekeying's.
        check(&p, "media-break", &["f2 saisie dossier"]);
    }

    #[test]
    fn a_later_entry_of_items_keyed_again_in_two_findings_is_no_media_break() {
        // The apprentice keyed into the HR software and the DPAE, the contract into the HR
        // software only: two findings. Both are keyed again into the funder's platform after the
        // medical visit at the counter, which hands nothing on to key in.
        let p = |platform: &[&str]| {
            base()
                .task("dpae", "a2", "Effectuer la DPAE")
                .task("visite", "m", "Examiner l'apprenti")
                .channel("saisie", Channel::Internal)
                .enters("saisie", &["apprenti", "contrat"])
                .channel("dpae", Channel::Online)
                .enters("dpae", &["apprenti"])
                .channel("visite", Channel::Counter)
                .channel("ressaisie", Channel::Online)
                .enters("ressaisie", platform)
                .chain(&["s", "depot", "saisie", "dpae", "visite", "ressaisie", "e"])
                .build()
        };
        let both = p(&["apprenti", "contrat"]);
        check(&both, "rekeying", &["apprenti saisie ressaisie dpae", "contrat saisie ressaisie"]);
        check(&both, "media-break", &[]);
        // Near miss: the platform also takes an item nobody keyed before, which the counter may
        // have handed on paper: the break stays, naming that item only (the others were already
        // in a system: the rekeying's).
        let new_item = p(&["apprenti", "contrat", "avis"]);
        check(&new_item, "media-break", &["f5 ressaisie avis"]);
    }

    #[test]
    fn the_gain_is_the_keying_not_the_whole_step() {
        let p = base()
            .dur("saisie", 10.0)
            .dur("ressaisie", 30.0)
            .enters("saisie", &["dossier", "rib"])
            .enters("ressaisie", &["dossier", "rib"])
            .chain(&["s", "depot", "saisie", "ressaisie", "e"]);
        let gains = |p: &crate::model::Procedure| -> Vec<f64> {
            crate::analysis::analyze(p, &crate::analysis::Settings::default())
                .findings
                .into_iter()
                .filter(|f| f.rule == "rekeying")
                .map(|f| f.gain.touch_min)
                .collect()
        };
        // Two items re-keyed at one step: the step's 30 minutes, once in all.
        assert_eq!(gains(&p.clone().build()), vec![15.0, 15.0]);
        // The step also drafts a document: that part of its work stays.
        assert_eq!(gains(&p.produces("ressaisie", &["arrete"]).build()), vec![10.0, 10.0]);
    }

    #[test]
    fn the_gain_is_counted_for_the_files_that_were_keyed_before() {
        use crate::model::Channel;
        let gains = |p: &crate::model::Procedure| -> Vec<f64> {
            crate::analysis::analyze(p, &crate::analysis::Settings::default())
                .findings
                .into_iter()
                .filter(|f| f.rule == "rekeying")
                .map(|f| f.gain.touch_min)
                .collect()
        };
        // A paper form beside the portal, one file in four: the back office keys every file in,
        // but only the paper ones were keyed before (at the mail room).
        let p = base()
            .decision("voie")
            .task("courrier", "a", "Enregistrer le formulaire papier")
            .task("portail", "u", "Remplir le formulaire en ligne")
            .channel("portail", Channel::Online)
            .dur("ressaisie", 20.0)
            .enters("courrier", &["dossier"])
            .enters("ressaisie", &["dossier"])
            .chain(&["s", "voie"])
            .prob("voie", "courrier", 0.25)
            .prob("voie", "portail", 0.75)
            .chain(&["courrier", "ressaisie"])
            .chain(&["portail", "ressaisie", "e"])
            .build();
        check(&p, "rekeying", &["dossier ressaisie courrier"]);
        assert_eq!(gains(&p), vec![5.0]);
        // The same from paper handed in at the counter, one file in four.
        let p = base()
            .decision("voie")
            .task("guichet", "u", "Déposer le formulaire au guichet")
            .channel("guichet", Channel::Paper)
            .task("portail", "u", "Remplir le formulaire en ligne")
            .channel("portail", Channel::Online)
            .task("tri", "a", "Trier les demandes")
            .dur("ressaisie", 20.0)
            .requests("guichet", &["dossier"])
            .enters("ressaisie", &["dossier"])
            .chain(&["s", "voie"])
            .prob("voie", "guichet", 0.25)
            .prob("voie", "portail", 0.75)
            .chain(&["guichet", "tri"])
            .chain(&["portail", "tri", "ressaisie", "e"])
            .build();
        check(&p, "rekeying", &["ressaisie dossier guichet"]);
        assert_eq!(gains(&p), vec![5.0]);
        // Near miss: every file keyed before on the main way, then again: all of it is saved.
        let p = base()
            .dur("ressaisie", 20.0)
            .enters("saisie", &["dossier"])
            .enters("ressaisie", &["dossier"])
            .chain(&["s", "depot", "saisie", "ressaisie", "e"])
            .build();
        assert_eq!(gains(&p), vec![20.0]);
    }

    /// The claim typed online, then the check that opens the loop of missing pieces (`check`),
    /// the pieces asked (`ask`), sent (`send`) and taken in (`take`), back to the check.
    fn claim_with_returns(check_enters: bool, take_enters: bool) -> crate::model::Procedure {
        let mut b = base()
            .enters("depot", &["revenu"])
            .check("check", "b", "Contrôler la réclamation")
            .decision("d")
            .task("ask", "b", "Demander les pièces manquantes")
            .task("send", "u", "Envoyer les pièces")
            .task("take", "b", "Enregistrer les pièces reçues")
            .chain(&["s", "depot", "check", "d"])
            .prob("d", "ask", 0.25)
            .prob("d", "e", 0.75)
            .chain(&["ask", "send", "take", "check"]);
        if check_enters {
            b = b.enters("check", &["revenu"]);
        }
        if take_enters {
            b = b.enters("take", &["revenu"]);
        }
        b.build()
    }

    #[test]
    fn the_check_that_opens_a_loop_is_met_by_every_file() {
        // The income typed by the household online, typed again by the agent at the check every
        // file goes through once before any return: keyed twice.
        check(&claim_with_returns(true, false), "rekeying", &["revenu depot check"]);
        // Near miss: typed again only when the pieces come back, a correction on the way back.
        check(&claim_with_returns(false, true), "rekeying", &[]);
    }

    #[test]
    fn an_entry_on_a_way_few_files_take_is_keyed_up_to_that_many_times() {
        // The form typed into software A, then B; `appeal` of the files come back on appeal and
        // are keyed in a third time.
        let said = |appeal: f64| {
            let p = base()
                .enters("saisie", &["dossier"])
                .enters("ressaisie", &["dossier"])
                .decision("d")
                .task("recours", "c", "Enregistrer le recours")
                .enters("recours", &["dossier"])
                .chain(&["s", "depot", "saisie", "ressaisie", "d"])
                .prob("d", "recours", appeal)
                .prob("d", "e", 1.0 - appeal)
                .chain(&["recours", "e"])
                .build();
            let f = crate::analysis::analyze(&p, &Default::default()).findings;
            let f = f.into_iter().find(|f| f.rule == "rekeying").expect("fires");
            (f.title_fr, f.explanation_en)
        };
        let (title, en) = said(0.03);
        assert!(title.ends_with("saisie jusqu'à trois fois"), "{title}");
        assert!(en.contains("is keyed into an information system up to 3 times"), "{en}");
        // Near miss: most files are keyed three times.
        let (title, _) = said(0.6);
        assert!(title.ends_with("saisie trois fois"), "{title}");
    }

    #[test]
    fn does_not_fire_when_the_user_filled_in_online() {
        let p = base()
            .channel("depot", Channel::Online)
            .requests("depot", &["formulaire"])
            .enters("saisie", &["formulaire"])
            .chain(&["s", "depot", "saisie", "ressaisie", "e"])
            .build();
        check(&p, "rekeying", &[]);
    }

    #[test]
    fn does_not_fire_on_different_data_or_exclusive_branches() {
        let different = base()
            .enters("saisie", &["dossier"])
            .enters("ressaisie", &["paiement"])
            .chain(&["s", "depot", "saisie", "ressaisie", "e"])
            .build();
        check(&different, "rekeying", &[]);
        let exclusive = base()
            .decision("d")
            .end("e2")
            .enters("saisie", &["dossier"])
            .enters("ressaisie", &["dossier"])
            .chain(&["s", "depot", "d"])
            .prob("d", "saisie", 0.5)
            .prob("d", "ressaisie", 0.5)
            .chain(&["saisie", "e"])
            .chain(&["ressaisie", "e2"])
            .build();
        check(&exclusive, "rekeying", &[]);
    }

    #[test]
    fn does_not_fire_when_the_user_gave_a_new_value_in_between() {
        let p = base()
            .enters("saisie", &["dossier"])
            .requests("depot", &["dossier"])
            .enters("ressaisie", &["dossier"])
            .chain(&["s", "saisie", "depot", "ressaisie", "e"])
            .build();
        check(&p, "rekeying", &[]);
    }
}
