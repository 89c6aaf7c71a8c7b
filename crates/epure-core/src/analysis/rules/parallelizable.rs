//! `parallelizable` — Séquence parallélisable.
//!
//! Fires on two consecutive work steps (joined directly by one flow) in different lanes of the
//! administration that share no data at all: neither requests, checks, enters or uses what the
//! other produces or handles. Precise on purpose, it needs evidence: both steps must list data;
//! neither may be an approval (a visa needs the whole file), a step the author classified waste
//! (remove it instead), or in the user's lane; the file must not travel on paper between them
//! (one paper file cannot be in two offices at once); the second step must be the only way on;
//! and there must be time to gain: when one of the two takes no time (a notice the information
//! system sends by itself), running them side by side saves nothing and is not proposed.
//!
//! Nor is it proposed when the first step hands work to the second, which the data do not show: a
//! check that produces nothing passes its verdict on along the flow itself ("Vérifier la
//! disponibilité des crédits" before the service goes on); a step that consults, asks, sends or
//! notifies ("Consulter l'architecte des Bâtiments de France", then the ABF's opinion; or as its
//! last action: "Définir le programme de travaux et consulter les entreprises", then the quote) or
//! that names the second step's lane as its addressee ("… à la direction des finances") or as
//! its object, by a word of its name or by its acronym ("Saisir le CRRMP", then the committee's
//! opinion) is what sets the second one going. Nor when the two labels name the same object: "Déposer la demande de
//! paiement sur la plateforme", then "Instruire la demande de paiement": the second works on what
//! the first filed, whatever data the author listed. Nor when a check of what the user handed in
//! comes just before a step that keys the file in ("Vérifier que le dossier est complet", then
//! "Saisir la demande dans le logiciel"): only what the check found complete is keyed in. Nor when
//! the first step handles the mail ("Enregistrer le courrier arrivé"): it is how the letter reaches
//! the service, which then works on it. Nor when the first step is drawn making nothing and the
//! second checks or keys in an item that comes from nowhere in the drawing (no step makes it, the
//! user is not asked for it, no administration holds it): its source is left out, and the step
//! just before may well be it (the liquidation drawn without the order to pay that the accountant
//! then controls). Nor when the first step makes a document no step reads
//! and the second makes its own out of nothing it names ("Saisir la commande de la carte", then
//! the printer's "Fabriquer la carte"): the document goes to the second step, which works on it.

use super::{Context, finding, text};
use crate::analysis::labels;
use crate::analysis::metrics::{Support, medium_support};
use crate::analysis::words::{duration, quote};
use crate::analysis::{Finding, Gain, Lang, Severity};
use crate::model::{Step, StepKind, ValueClass};

pub const ID: &str = "parallelizable";

/// Below this many minutes of lead time per case, parallel work is not worth proposing.
const MIN_GAIN_MIN: f64 = 1.0;

fn data(s: &Step) -> Vec<&String> {
    s.requests.iter().chain(&s.enters).chain(&s.checks).chain(&s.produces).collect()
}

/// First words of a label saying the step sets someone else's work going (normalised by
/// [`labels::words`], which maps "envoyer", "adresser"… onto "transmettre" and "informer" onto
/// "notifier"). Not "saisir": "saisir la commission" sets it going, but the word is above all
/// keying in ("Saisir la demande dans le logiciel"), and [`labels::words`] maps "enregistrer" onto it.
const HANDING_ON: &[&str] = &[
    "consulter",
    "solliciter",
    "demander",
    "convoquer",
    "interroger",
    "transmettre",
    "notifier",
    "commander",
    "mandater",
];

/// Verbs of [`HANDING_ON`] that ask for someone else's work (not those that send a result on):
/// also read as a label's last action ("… et consulter les entreprises").
const ASKING_FOR_WORK: &[&str] =
    &["consulter", "solliciter", "demander", "convoquer", "interroger", "commander", "mandater"];

/// Words of a label saying the step handles the incoming mail, which it then hands to the service
/// the letter is for.
const MAIL: &[&str] = &["courrier", "pli"];

/// Whether step `a` sets the work of step `b` going: it consults, asks, sends or notifies, handles
/// the mail, or its label names `b`'s lane as its addressee.
fn hands_on(ctx: &Context, a: usize, b: usize) -> bool {
    static STEMS: std::sync::OnceLock<(Vec<String>, Vec<String>)> = std::sync::OnceLock::new();
    let (verbs, mail) = STEMS.get_or_init(|| {
        (
            HANDING_ON.iter().flat_map(|w| labels::words(w)).collect(),
            MAIL.iter().flat_map(|w| labels::words(w)).collect(),
        )
    });
    let label = ctx.label_str(a);
    let words = ctx.label_words(label);
    if words.first().is_some_and(|w| verbs.contains(w)) || words.iter().any(|w| mail.contains(w)) {
        return true;
    }
    // The step's last action may ask for the next one's work: "Définir le programme de travaux
    // et consulter les entreprises", then the company's quote. A last action that sends or
    // notifies ("Instruire la demande et notifier l'accord") hands over the step's own result,
    // which the next step need not wait for.
    static ASKING: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let asking = ASKING.get_or_init(|| ASKING_FOR_WORK.iter().flat_map(|w| labels::words(w)).collect());
    let lower = label.to_lowercase();
    if lower.split(" et ").skip(1).any(|clause| labels::words(clause).first().is_some_and(|w| asking.contains(w))) {
        return true;
    }
    let lane = ctx.label_words(ctx.lane_str(b));
    labels::addressees(label).iter().any(|w| lane.contains(w))
        || acts_on_lane(label, ctx.lane_str(b))
        // Or its last action refers the file to that lane: "Délivrer l'attestation de dépôt et
        // saisir le maire", then the town hall's visit of the home.
        || lower.split(" et ").skip(1).any(|clause| acts_on_lane(clause, ctx.lane_str(b)))
}

/// Articles between a verb and its object.
const ARTICLES: &[&str] = &["le", "la", "les", "l", "un", "une", "des", "du"];
/// Words of a lane's name its acronym skips ("Comité régional de reconnaissance des maladies
/// professionnelles": CRRMP).
const NAME_LINKS: &[&str] = &["de", "des", "du", "d", "la", "le", "les", "l", "et", "à", "au", "aux", "en", "pour"];
/// Words of a lane's name too general to say the label acts on it ("Saisir le service" of
/// another service).
const GENERIC_LANE_WORDS: &[&str] = &["service", "direction", "bureau", "agent", "pôle", "cellule", "unité"];

/// Whether the object of the label's verb is the lane `lane` itself, by a word of its name or by
/// its acronym: "Saisir le CRRMP" (the lane "Comité régional de reconnaissance des maladies
/// professionnelles"), "Saisir la commission de médiation": the step refers the file to that
/// lane, whose work it sets going. "Saisir la demande dans le logiciel" acts on the request.
fn acts_on_lane(label: &str, lane: &str) -> bool {
    let text = label.to_lowercase().replace(['’', '\''], " ");
    let Some(object) =
        text.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).skip(1).find(|w| !ARTICLES.contains(w))
    else {
        return false;
    };
    let name = lane.to_lowercase().replace(['’', '\''], " ");
    let name_words: Vec<&str> =
        name.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty() && !NAME_LINKS.contains(w)).collect();
    // The acronym of the name's head, before a comma or a bracket ("Architecte des bâtiments de
    // France (UDAP)": ABF), or one the name gives in brackets (UDAP).
    let head: Vec<&str> = name
        .split([',', '(', '–'])
        .next()
        .unwrap_or_default()
        .split(|c: char| !c.is_alphanumeric())
        .filter(|w| !w.is_empty() && !NAME_LINKS.contains(w))
        .collect();
    let initials: String = head.iter().filter_map(|w| w.chars().next()).collect();
    if head.len() >= 3 && object == initials {
        return true;
    }
    let bracketed = name.split('(').skip(1).filter_map(|rest| rest.split(')').next()).map(str::trim);
    if object.chars().count() >= 2 && bracketed.into_iter().any(|b| b == object) {
        return true;
    }
    // The authority's title names its office: "le maire" the town hall, "le préfet" the
    // prefecture, "le recteur" the rectorat.
    if let Some((_, offices)) = TITLES.iter().find(|(title, _)| *title == object)
        && name_words.iter().any(|w| offices.contains(w))
    {
        return true;
    }
    let generic: Vec<String> = GENERIC_LANE_WORDS.iter().flat_map(|w| labels::words(w)).collect();
    let lane_words: Vec<String> =
        name_words.iter().flat_map(|w| labels::words(w)).filter(|w| !generic.contains(w)).collect();
    labels::words(object).iter().any(|w| lane_words.contains(w))
}

/// Authorities named by their title, and the words of the offices' names they head.
const TITLES: &[(&str, &[&str])] = &[
    ("maire", &["mairie", "commune", "maire"]),
    ("préfet", &["préfecture", "prefecture", "préfet"]),
    ("prefet", &["préfecture", "prefecture", "préfet"]),
    ("recteur", &["rectorat", "recteur"]),
];

/// Whether the labels of `a` and `b` name the same object: once the first word (the verb, or the
/// noun of the act) is set aside, the words of one are all among the other's ("la demande de
/// paiement" / "la demande de paiement sur la plateforme"). Two labels reduced to their verb
/// name no object.
fn same_object(ctx: &Context, a: usize, b: usize) -> bool {
    let (wa, wb) = (ctx.label_words(ctx.label_str(a)), ctx.label_words(ctx.label_str(b)));
    let (oa, ob) = (wa.get(1..).unwrap_or_default(), wb.get(1..).unwrap_or_default());
    let (small, large) = if oa.len() <= ob.len() { (oa, ob) } else { (ob, oa) };
    !small.is_empty() && small.iter().all(|w| large.contains(w))
}

fn eligible(ctx: &Context, n: usize) -> bool {
    let s = ctx.step(n);
    s.kind.is_work()
        && s.kind != StepKind::Approval
        && s.value != Some(ValueClass::Waste)
        && !ctx.in_user_lane(n)
        && !data(s).is_empty()
}

pub fn run(ctx: &Context) -> Vec<Finding> {
    let mut out = Vec::new();
    let day = ctx.settings.working_day_min;
    // What the user hands in somewhere: a check of it before the keying of the file is the
    // completeness check the keying waits for.
    let handed_in: rustc_hash::FxHashSet<&String> =
        ctx.reachable_work().filter(|&n| ctx.in_user_lane(n)).flat_map(|n| &ctx.step(n).requests).collect();
    // What some step reads (asks for, checks or keys in): a document produced and read nowhere,
    // before a step that reads nothing, is the work handed to it ("Saisir la commande de la
    // carte", then its fabrication by the printer: the order goes nowhere else).
    let read_somewhere: rustc_hash::FxHashSet<&String> = ctx
        .reachable_work()
        .flat_map(|n| {
            let s = ctx.step(n);
            s.requests.iter().chain(&s.checks).chain(&s.enters)
        })
        .collect();
    // Where each item comes from, in the drawing: made at a step, asked of the user, or held by
    // an administration. An item the second step reads that comes from none of these has a source
    // the drawing leaves out, and the step just before may well be it (the order to pay the
    // liquidation makes, drawn without it, then controlled and paid).
    let sourced: rustc_hash::FxHashSet<&String> = ctx
        .reachable_work()
        .flat_map(|n| {
            let s = ctx.step(n);
            s.produces.iter().chain(&s.requests)
        })
        .chain(ctx.p.data.iter().filter(|d| !d.held_by.is_empty()).map(|d| &d.id))
        .collect();
    for a in ctx.reachable_work() {
        let outs = &ctx.g.out[a];
        if outs.len() != 1 || !eligible(ctx, a) {
            continue;
        }
        let arc = outs[0];
        let b = arc.node;
        if !eligible(ctx, b) || ctx.step(a).actor == ctx.step(b).actor || ctx.g.inc[b].len() != 1 {
            continue;
        }
        if medium_support(ctx.p.graph()[arc.edge].medium) == Some(Support::Paper) {
            continue;
        }
        let (sa, sb) = (ctx.step(a), ctx.step(b));
        let (da, db) = (data(sa), data(sb));
        if da.iter().any(|d| db.contains(d)) {
            continue;
        }
        // A verdict handed on (a check that produces nothing, or one before the keying of the
        // file), work the first step sets going, or the same object worked on in turn: a
        // dependency the data do not show.
        let verdict = sa.kind == StepKind::Check
            && (sa.produces.is_empty() || (!sb.enters.is_empty() && sa.checks.iter().any(|d| handed_in.contains(d))));
        // The first step makes a document no step reads, the second makes its own out of nothing
        // it names: the second works on the first's (the order, then the card made on it).
        let reads_nothing = sb.requests.is_empty() && sb.checks.is_empty() && sb.enters.is_empty();
        let handed_over =
            reads_nothing && !sa.produces.is_empty() && sa.produces.iter().all(|d| !read_somewhere.contains(d));
        let unsourced = sa.produces.is_empty() && sb.checks.iter().chain(&sb.enters).any(|d| !sourced.contains(d));
        if verdict || handed_over || unsourced || hands_on(ctx, a, b) || same_object(ctx, a, b) {
            continue;
        }
        let time = |n: usize, s: &Step| ctx.visits[n] * (s.duration() + s.wait());
        let gain = time(a, sa).min(time(b, sb));
        if gain < MIN_GAIN_MIN {
            continue;
        }
        out.push(finding(
            ID,
            Severity::Info,
            vec![ctx.id(a), ctx.id(b)],
            text(
                format!("Séquence parallélisable : {} et {}", quote(Lang::Fr, &ctx.label(a)), quote(Lang::Fr, &ctx.label(b))),
                format!("Parallelisable sequence: {} and {}", quote(Lang::En, &ctx.label(a)), quote(Lang::En, &ctx.label(b))),
            ),
            text(
                format!(
                    "Les étapes {} ({}) et {} ({}) se suivent mais ne partagent aucune donnée : l'une n'utilise rien de ce que \
                     l'autre vérifie, saisit ou produit. Menées en parallèle, elles feraient gagner jusqu'à {} de délai par dossier.",
                    quote(Lang::Fr, &ctx.label(a)),
                    ctx.lane_name(a),
                    quote(Lang::Fr, &ctx.label(b)),
                    ctx.lane_name(b),
                    duration(Lang::Fr, gain, day)
                ),
                format!(
                    "Steps {} ({}) and {} ({}) follow one another but share no data: neither uses what the other checks, \
                     enters or produces. Run in parallel, they would save up to {} of lead time per file.",
                    quote(Lang::En, &ctx.label(a)),
                    ctx.lane_name(a),
                    quote(Lang::En, &ctx.label(b)),
                    ctx.lane_name(b),
                    duration(Lang::En, gain, day)
                ),
            ),
            Gain { lead_min: gain, ..Gain::default() },
            Some("parallelize"),
        ));
    }
    out
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};
    use crate::model::Medium;

    fn seq(b_checks: &str, medium: Option<Medium>) -> crate::model::Procedure {
        B::new()
            .start("s")
            .check("x", "b", "Vérifier le casier")
            .checks("x", &["casier"])
            .produces("x", &["avis-casier"])
            .check("y", "c", "Vérifier la solvabilité")
            .checks("y", &[b_checks])
            .end("e")
            .chain(&["s", "x"])
            .flow("x", "y", 0.0, medium)
            .chain(&["y", "e"])
            .dur("x", 30.0)
            .dur("y", 20.0)
            .build()
    }

    #[test]
    fn does_not_fire_when_the_second_reads_what_comes_from_nowhere_after_a_step_drawn_making_nothing() {
        // Drawn sparsely: the liquidation lists the file it reads but not the order it makes,
        // and the accountant controls an order that comes from nowhere in the drawing.
        let p = |order_made_earlier: bool| {
            let b = B::new()
                .start("s")
                .task("l", "b", "Liquider la prime")
                .checks("l", &["dossier"])
                .dur("l", 30.0)
                .task("y", "c", "Contrôler la dépense et payer")
                .checks("y", &["ordre"])
                .dur("y", 20.0)
                .end("e");
            if order_made_earlier {
                b.task("o", "a", "Préparer l'ordre de payer")
                    .produces("o", &["ordre"])
                    .checks("o", &["dossier"])
                    .chain(&["s", "o", "l", "y", "e"])
                    .build()
            } else {
                b.chain(&["s", "l", "y", "e"]).build()
            }
        };
        check(&p(false), "parallelizable", &[]);
        // Near miss: the order comes from a step further back, so the liquidation and the control
        // share nothing.
        check(&p(true), "parallelizable", &["l y"]);
    }

    #[test]
    fn fires_on_independent_consecutive_steps() {
        let p = seq("bilan", None);
        check(&p, "parallelizable", &["x y"]);
        let f = crate::analysis::analyze(&p, &crate::analysis::Settings::default())
            .findings
            .into_iter()
            .find(|f| f.rule == "parallelizable")
            .expect("fires");
        // Side by side, the pair takes as long as the longer of the two.
        assert!((f.gain.lead_min - 20.0).abs() < 1e-9, "{:?}", f.gain);
    }

    #[test]
    fn does_not_fire_when_the_first_step_hands_work_to_the_second() {
        let after = |label: &str, lane_b: &str| {
            let mut p = seq("bilan", None);
            if let Some(x) = p.step_mut("x") {
                x.label = Some(label.into());
            }
            if let Some(y) = p.step_mut("y") {
                y.actor = Some(lane_b.into());
            }
            p
        };
        // Consulting a partner, then the partner's opinion.
        check(&after("Consulter l'architecte des Bâtiments de France", "d"), "parallelizable", &[]);
        check(&after("Solliciter l'avis du service", "c"), "parallelizable", &[]);
        // The step ends by consulting the partner: its last action sets the next one going.
        check(&after("Définir le programme de travaux et consulter les entreprises", "d"), "parallelizable", &[]);
        // Near misses: "et" between two objects, not before a verb of handing on; a last action
        // that notifies the step's own result, which the next step does not wait for.
        check(&after("Définir le programme et le budget des travaux", "d"), "parallelizable", &["x y"]);
        check(&after("Instruire la demande et notifier l'accord", "d"), "parallelizable", &["x y"]);
        // The first step names the second one's lane as its addressee.
        check(&after("Préparer le dossier pour la Direction", "c"), "parallelizable", &["x y"]);
        check(&after("Préparer le dossier destiné à la Direction", "c"), "parallelizable", &[]);
        // The first step refers the file to the second one's lane, named by its acronym or a
        // word of its name.
        let referred = |label: &str, name: &str| {
            let mut p = after(label, "d");
            if let Some(d) = p.actors.iter_mut().find(|a| a.id == "d") {
                d.name = name.to_owned();
            }
            p
        };
        let crrmp = "Comité régional de reconnaissance des maladies professionnelles";
        check(&referred("Saisir le CRRMP et en informer les parties", crrmp), "parallelizable", &[]);
        check(&referred("Saisir la commission de médiation", "Commission de médiation"), "parallelizable", &[]);
        // The acronym is the head's, before the bracket that names the unit; or the bracket's own.
        let abf = "Architecte des bâtiments de France (UDAP)";
        check(&referred("Saisir l'ABF pour accord", abf), "parallelizable", &[]);
        check(&referred("Saisir l'UDAP pour accord", abf), "parallelizable", &[]);
        // Near miss: the initials of the whole name with its bracket name no one.
        check(&referred("Saisir l'ABFU pour accord", abf), "parallelizable", &["x y"]);
        // Its last action refers the file to the lane, named by the authority's title.
        let mairie = "Mairie de résidence (service communal d'hygiène)";
        check(&referred("Délivrer l'attestation de dépôt et saisir le maire", mairie), "parallelizable", &[]);
        check(&referred("Saisir le préfet", "Préfecture, bureau du séjour"), "parallelizable", &[]);
        // Near miss: a title that heads another office.
        check(
            &referred("Délivrer l'attestation de dépôt et saisir le maire", "Préfecture"),
            "parallelizable",
            &["x y"],
        );
        // Near misses: the object is the request, not the lane; or only a general word of it.
        check(&referred("Saisir la demande dans le logiciel", crrmp), "parallelizable", &["x y"]);
        check(&referred("Saisir la demande dans le logiciel", "Commission de médiation"), "parallelizable", &["x y"]);
        check(&referred("Saisir le service", "Service des archives"), "parallelizable", &["x y"]);
        // A check that produces nothing hands its verdict on.
        let mut verdict = seq("bilan", None);
        if let Some(x) = verdict.step_mut("x") {
            x.produces.clear();
        }
        check(&verdict, "parallelizable", &[]);
        // The mail desk registers the letter, then the service keys in the request it brought.
        let mut mail = after("Enregistrer le courrier arrivé", "c");
        if let Some(x) = mail.step_mut("x") {
            x.kind = crate::model::StepKind::Task;
        }
        check(&mail, "parallelizable", &[]);
    }

    /// The user hands in the form (`handed`) or not, the counter checks it and hands a receipt;
    /// `y` is the service's step, which keys in the request or checks something else.
    fn counter_then(handed: bool, y_keys_in: bool) -> crate::model::Procedure {
        let (label, lane) =
            if y_keys_in { ("Saisir la demande dans le logiciel", "c") } else { ("Vérifier la solvabilité", "c") };
        let b = B::new()
            .start("s")
            .task("depot", "u", "Déposer la demande")
            .requests("depot", if handed { &["formulaire"] } else { &["autre"] })
            .check("x", "b", "Vérifier que le dossier est complet et remettre un récépissé")
            .checks("x", &["formulaire"])
            .produces("x", &["recepisse"])
            .dur("x", 30.0);
        let b = if y_keys_in {
            b.task("y", lane, label).enters("y", &["etat-civil"])
        } else {
            b.check("y", lane, label).checks("y", &["bilan"])
        };
        b.dur("y", 20.0).end("e").chain(&["s", "depot", "x", "y", "e"]).build()
    }

    #[test]
    fn does_not_fire_when_a_check_of_what_the_user_handed_in_comes_before_the_keying() {
        // Only what the counter found complete is keyed in.
        check(&counter_then(true, true), "parallelizable", &[]);
        // Near misses: a second, independent check can run side by side with the first; and a
        // check of what no user handed in (a partner's agreement) does not hold the keying back.
        check(&counter_then(true, false), "parallelizable", &["x y"]);
        check(&counter_then(false, true), "parallelizable", &["x y"]);
    }

    #[test]
    fn does_not_fire_when_the_two_labels_name_the_same_object() {
        let labelled = |x_label: &str, y_label: &str| {
            let mut p = seq("bilan", None);
            if let Some(x) = p.step_mut("x") {
                x.kind = crate::model::StepKind::Task;
                x.label = Some(x_label.into());
            }
            if let Some(y) = p.step_mut("y") {
                y.label = Some(y_label.into());
            }
            p
        };
        // The payment request filed, then examined: the second works on what the first filed.
        check(
            &labelled("Déposer la demande de paiement sur la plateforme", "Instruire la demande de paiement"),
            "parallelizable",
            &[],
        );
        check(&labelled("Saisir la demande", "Instruire la demande"), "parallelizable", &[]);
        // Near misses: two objects, or a label with no object at all.
        check(
            &labelled("Déposer la demande de paiement sur la plateforme", "Vérifier la disponibilité des crédits"),
            "parallelizable",
            &["x y"],
        );
        check(
            &labelled("Déposer la demande de paiement", "Instruire la demande de subvention"),
            "parallelizable",
            &["x y"],
        );
        check(&labelled("Instruire", "Instruire la demande"), "parallelizable", &["x y"]);
    }

    #[test]
    fn does_not_fire_when_one_of_the_two_takes_no_time() {
        // The registration system e-mails the receipt by itself: nothing to gain.
        let mut p = seq("bilan", None);
        if let Some(x) = p.step_mut("x") {
            x.duration_min = Some(0.0);
        }
        check(&p, "parallelizable", &[]);
    }

    #[test]
    fn does_not_fire_on_dependent_steps_paper_files_or_missing_data() {
        check(&seq("avis-casier", None), "parallelizable", &[]);
        check(&seq("bilan", Some(Medium::Paper)), "parallelizable", &[]);
        let bare = B::new()
            .start("s")
            .task("x", "b", "Instruire")
            .task("y", "c", "Valider")
            .end("e")
            .chain(&["s", "x", "y", "e"])
            .build();
        check(&bare, "parallelizable", &[]);
    }

    /// The bureau keys in the card's order (a document `read_later` or not by a later step), then
    /// the printer makes the card, naming what it reads (`printer_reads`) or nothing.
    fn order_then_card(read_later: bool, printer_reads: &[&str]) -> crate::model::Procedure {
        let b = B::new()
            .start("s")
            .task("x", "b", "Saisir la commande de la carte")
            .enters("x", &["etat-civil"])
            .produces("x", &["commande"])
            .task("y", "c", "Imprimer le titre sécurisé")
            .produces("y", &["carte"])
            .task("z", "b", "Remettre la carte")
            .checks("z", &["carte"])
            .end("e")
            .chain(&["s", "x", "y", "z", "e"])
            .dur("x", 10.0)
            .dur("y", 5.0)
            .wait("y", 2000.0);
        let b = if read_later { b.checks("z", &["commande"]) } else { b };
        let b = if printer_reads.is_empty() { b } else { b.checks("y", printer_reads) };
        b.build()
    }

    #[test]
    fn does_not_fire_when_the_first_step_makes_what_only_the_second_can_work_on() {
        // The order is read by no step, and the card is made out of nothing the printer names:
        // the printer works on the order.
        check(&order_then_card(false, &[]), "parallelizable", &[]);
        // Near misses: the order is read later (it is not only the printer's), or the printer
        // names what it reads: the data say what each step uses, and they share none.
        check(&order_then_card(true, &[]), "parallelizable", &["x y"]);
        check(&order_then_card(false, &["gabarit"]), "parallelizable", &["x y"]);
    }
}
