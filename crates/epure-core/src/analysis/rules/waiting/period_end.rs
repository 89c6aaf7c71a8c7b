//! `waiting`: a step done when a period ends, whose wait is that period.

use super::{Context, stems};
use crate::analysis::labels;

/// Words naming the end of a period, followed by the period ("l'expiration du délai de
/// publicité", "l'issue de la période de consultation", "au terme du préavis", "la purge du délai
/// de recours des tiers", "à la clôture de la campagne"). Not "fin": "l'attestation de fin de
/// séjour" names a document, and only "à la fin" or "en fin" says when the step is done
/// ([`AT_THE_END`]).
const PERIOD_END: &[&str] = &["expiration", "issue", "terme", "échéance", "purge", "clôture"];
/// Words naming a period that a text, or a notice of the administration, sets (the campaign of
/// the school grants, which the rectorat opens and closes on set dates).
const PERIOD: &[&str] = &["délai", "période", "préavis", "campagne"];
/// Words saying that a period has run out, after it ("une fois le délai de recours expiré", "délai
/// d'un mois écoulé").
const ELAPSED: &[&str] = &["expiré", "écoulé"];
/// What a step is done at the end of, accents removed: then the period may also be the service
/// itself ("à la fin du séjour", "au terme du contrat", "à l'issue du stage").
const AT_THE_END: &[&str] = &["a la fin ", "en fin ", "a l'issue ", "au terme ", "a l'expiration ", "a l'echeance "];
/// When a step is done at the start of, accents removed: only the service's own period may follow
/// ("à l'entrée en formation", "au début du stage", "au démarrage du contrat"): the day the
/// session, the contract or the stay starts is set by its calendar, not by a queue (the training
/// body enters the attestation of entry the day the trainee starts). Not "à l'entrée en vigueur"
/// nor "au début de l'instruction": what follows is no period of the service.
const AT_THE_START: &[&str] = &["a l'entree en ", "au debut ", "des le debut ", "au demarrage "];
/// Periods of the service a step can be done at the end (or at the start) of: the stay, the training, the contract,
/// the leave, the term of office, the month, the year (« l'échéance annuelle »), the plan of help
/// a retiree is given at home (« à la fin du plan d'aide »).
const SERVICE_PERIODS: &[&str] = &[
    "séjour",
    "plan",
    "stage",
    "formation",
    "contrat",
    "congé",
    "mandat",
    "mois",
    "année",
    "semestre",
    "trimestre",
    "exercice",
    "annuel",
];
/// Rights granted for a period, which the service is (the five years of an ALD's exemption, of an
/// agrément, of an authorisation, the year of a resident's parking card, a residence permit): a
/// step done at their term, "à l'échéance de l'agrément", "Alerter le médecin traitant de
/// l'échéance de l'exonération", "Rappeler l'échéance de sa carte", waits for that period.
const GRANTED_PERIODS: &[&str] =
    &["exonération", "agrément", "autorisation", "habilitation", "accréditation", "carte", "titre"];

/// Whether step `n`'s label says it is done when a period ends ("Recenser les candidatures
/// concurrentes à l'expiration du délai de publicité", the month a regional plan gives competitors
/// to file; "Signer, à la fin du séjour, l'attestation de présence"), or when the service's own
/// period starts ("Saisir l'attestation d'inscription en stage à l'entrée en formation"): the wait
/// before it is that period, or the time until the session starts, which a text, the notice of
/// the administration or the service itself sets and which no one can shorten for this file, not
/// a queue; or a set time after something ([`after_a_set_time`]). It stays in the lead time.
pub(super) fn at_end_of_period(ctx: &Context, n: usize) -> bool {
    let label = ctx.step(n).label();
    ends_period(ctx, label) || answered_within_period(ctx, n) || after_a_set_time(label)
}

/// Numbers written in words, accents removed, as a label gives a set time ("un mois", "deux
/// semaines", "quinze jours").
const NUMBERS: &[&str] = &[
    "un", "une", "deux", "trois", "quatre", "cinq", "six", "sept", "huit", "neuf", "dix", "onze", "douze", "quinze",
    "vingt", "trente", "quarante", "soixante",
];
/// Units of a set time, accents removed.
const UNITS: &[&str] = &["jour", "jours", "semaine", "semaines", "mois", "an", "ans", "annee", "annees"];

/// Whether a label says its step is done a set time after something, or at least that long
/// ("Confirmer le changement de nom au moins un mois après le dépôt", the month the civil code
/// gives the applicant to think it over; "Relancer l'entreprise deux mois après la mise en
/// demeure"), or in a set month ("Verser la prime au cours du septième mois de grossesse"): the
/// wait before it is that time, not a queue. A deadline ("dans les huit jours")
/// or a duration named as a thing ("les trois mois de relevés") is no set time after anything.
fn after_a_set_time(label: &str) -> bool {
    let raw = labels::strip_accents(&label.to_lowercase()).replace(['’', '\''], " ");
    let words: Vec<&str> = raw.split(|c: char| !c.is_alphanumeric()).filter(|w| !w.is_empty()).collect();
    words.windows(2).enumerate().any(|(i, w)| {
        let number = NUMBERS.contains(&w[0]) || w[0].chars().all(|c| c.is_ascii_digit());
        let after = words.get(i + 2) == Some(&"apres");
        let at_least = i >= 2 && words[i - 2] == "au" && words[i - 1] == "moins";
        number && UNITS.contains(&w[1]) && (after || at_least)
    }) || words.windows(4).any(|w| {
        // "au cours du septième mois de grossesse": a month the law sets the step in.
        w[0] == "cours" && w[1] == "du" && (w[2].ends_with("ieme") || w[2] == "premier") && UNITS.contains(&w[3])
    })
}

/// Whether step `n` is an answer the procedure waits for only until a period ends: every way out
/// of it goes straight to a gateway whose label says so ("Avis reçus ou délai d'un mois écoulé",
/// the month the labour code gives the bodies consulted before the prefect rules). The wait before
/// the answer is that period, which the body consulted uses or lets run out, not a queue of the
/// administration.
fn answered_within_period(ctx: &Context, n: usize) -> bool {
    let outs = &ctx.g.out[n];
    !outs.is_empty()
        && outs.iter().all(|a| {
            let s = ctx.step(a.node);
            matches!(s.kind, crate::model::StepKind::Decision | crate::model::StepKind::Parallel)
                && ends_period(ctx, s.label())
        })
}

/// Whether a label says its step is done when a period ends (see [`at_end_of_period`]).
fn ends_period(ctx: &Context, label: &str) -> bool {
    static END: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static PERIODS: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static RUN_OUT: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    static SERVICE: std::sync::OnceLock<Vec<String>> = std::sync::OnceLock::new();
    let (end, periods, run_out, service) = (
        END.get_or_init(|| stems(PERIOD_END)),
        PERIODS.get_or_init(|| stems(PERIOD)),
        RUN_OUT.get_or_init(|| stems(ELAPSED)),
        SERVICE.get_or_init(|| stems(SERVICE_PERIODS).into_iter().chain(stems(GRANTED_PERIODS)).collect()),
    );
    let words = ctx.label_words(label);
    // The end right before the period (or the service's: "l'échéance de l'exonération"), or the
    // period before its running out (a word or two between: "délai d'un mois écoulé").
    if words.windows(2).any(|w| end.contains(&w[0]) && (periods.contains(&w[1]) || service.contains(&w[1])))
        || words
            .iter()
            .enumerate()
            .any(|(i, w)| periods.contains(w) && words.iter().skip(i + 1).take(3).any(|v| run_out.contains(v)))
    {
        return true;
    }
    // "À la fin du séjour": the first word after names the period (read only once a wait is big).
    let raw = labels::strip_accents(&label.to_lowercase()).replace('’', "'");
    let first_after = |at: &str, i: usize| labels::words(&raw[i + at.len()..]).into_iter().next();
    AT_THE_END.iter().any(|at| {
        raw.match_indices(at)
            .any(|(i, _)| first_after(at, i).is_some_and(|w| periods.contains(&w) || service.contains(&w)))
    }) || AT_THE_START
        .iter()
        .any(|at| raw.match_indices(at).any(|(i, _)| first_after(at, i).is_some_and(|w| service.contains(&w))))
}

#[cfg(test)]
mod tests {
    use crate::analysis::testkit::{B, check};

    /// A long wait before step `c`, labelled `label`, between two short steps.
    fn before(label: &str) -> crate::model::Procedure {
        B::new()
            .start("s")
            .task("t", "a", "Accorder le financement")
            .dur("t", 20.0)
            .task("c", "a", label)
            .dur("c", 15.0)
            .wait("c", 8820.0)
            .task("i", "a", "Ouvrir la rémunération")
            .dur("i", 30.0)
            .wait("i", 840.0)
            .end("e")
            .chain(&["s", "t", "c", "i", "e"])
            .build()
    }

    #[test]
    fn is_silent_on_the_wait_for_the_service_period_to_start() {
        // The session's first day, which the training's calendar sets: the training body enters
        // the attestation of entry that day, whatever its workload.
        check(&before("Saisir l'attestation d'inscription en stage à l'entrée en formation"), "waiting", &[]);
        check(&before("Signer le procès-verbal d'installation au début du contrat"), "waiting", &[]);
        check(&before("Facturer les heures réalisées à la fin du plan d'aide"), "waiting", &[]);
        // Near misses: the entry named as a thing done, the start of no period of the service
        // (a rule coming into force, the instruction's start): a queue still.
        check(&before("Saisir l'entrée en formation"), "waiting", &["c"]);
        check(&before("Publier l'arrêté à l'entrée en vigueur du règlement"), "waiting", &["c"]);
        check(&before("Vérifier les pièces au début de l'instruction"), "waiting", &["c"]);
        check(&before("Valider le plan d'aide"), "waiting", &["c"]);
    }

    #[test]
    fn is_silent_on_a_set_time_after_something() {
        // The month the civil code gives the applicant before confirming a change of name; a
        // reminder sent two months after the notice.
        check(&before("Confirmer le changement de nom en mairie au moins un mois après le dépôt"), "waiting", &[]);
        check(&before("Relancer l'entreprise deux mois après la mise en demeure"), "waiting", &[]);
        check(&before("Contrôler la reprise d'activité 6 mois après l'aide"), "waiting", &[]);
        check(&before("Verser la prime au cours du septième mois de grossesse"), "waiting", &[]);
        // Near misses: a deadline, a duration named as a thing, an act after another: a queue
        // still.
        check(&before("Afficher l'arrêté dans les huit jours"), "waiting", &["c"]);
        check(&before("Vérifier les trois mois de relevés bancaires"), "waiting", &["c"]);
        check(&before("Envoyer la décision après signature"), "waiting", &["c"]);
        check(&before("Instruire la demande au cours du mois"), "waiting", &["c"]);
    }

    #[test]
    fn is_silent_on_the_wait_for_a_campaign_to_close() {
        // The school grants' requests are checked once the campaign the rectorat set has closed.
        check(&before("Contrôler les demandes et le barème à la clôture de la campagne"), "waiting", &[]);
        // Near misses: a file closed, a campaign prepared: a queue still.
        check(&before("Prononcer la clôture du dossier"), "waiting", &["c"]);
        check(&before("Préparer la campagne de vaccination"), "waiting", &["c"]);
    }

    #[test]
    fn is_silent_on_the_period_of_a_right_granted() {
        // The ALD's exemption granted for five years: the alert at its term, the renewal at the
        // agrément's term, wait for that period.
        check(&before("Alerter le médecin traitant de l'échéance de l'exonération"), "waiting", &[]);
        check(&before("Préparer le renouvellement à l'échéance de l'agrément"), "waiting", &[]);
        check(&before("Instruire la demande à l'expiration du contrat"), "waiting", &[]);
        check(&before("Rappeler au résident l'échéance annuelle de sa carte"), "waiting", &[]);
        check(&before("Inviter l'étranger à renouveler avant l'expiration de son titre"), "waiting", &[]);
        // Near misses: the right named, no term of it (the exemption's opening, an authorisation
        // checked): a queue still.
        check(&before("Ouvrir l'exonération dans le système des droits"), "waiting", &["c"]);
        check(&before("Vérifier l'autorisation de l'employeur"), "waiting", &["c"]);
        check(&before("Fabriquer la carte et l'envoyer au résident"), "waiting", &["c"]);
    }
}
