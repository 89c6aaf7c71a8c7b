//! From the analysis engine's output (`epure_core::analysis`) and the comparison
//! (`epure_core::compare`) to the report's input: metrics as rows, findings numbered, and the
//! changes from the current to the target version, each tied to the finding it answers.

use epure_core::Procedure;
use epure_core::analysis::{self, Analysis, Finding, Metrics};
use epure_core::compare;

use crate::input::{ChangeRow, FindingRow, MetricRow, ProcedureSide, Severity};
use crate::text::{self, Lang};

/// Minutes in a working day: the project's convention for waits and lead times.
const WORKING_DAY_MIN: f64 = 420.0;

/// One side of the report, from a procedure and its analysis.
pub fn side<'a>(procedure: &'a Procedure, version_label: String, analysis: &Analysis) -> ProcedureSide<'a> {
    ProcedureSide {
        procedure,
        version_label,
        metrics: metric_rows(&analysis.metrics),
        findings: finding_rows(&analysis.findings),
    }
}

struct Row {
    key: &'static str,
    fr: &'static str,
    en: &'static str,
    value: f64,
    unit: &'static str,
    decimals: usize,
    method_fr: &'static str,
    method_en: &'static str,
}

impl From<Row> for MetricRow {
    fn from(r: Row) -> Self {
        MetricRow {
            key: r.key.to_owned(),
            label_fr: r.fr.to_owned(),
            label_en: r.en.to_owned(),
            value: r.value,
            unit: r.unit.to_owned(),
            decimals: r.decimals,
            method_fr: r.method_fr.to_owned(),
            method_en: r.method_en.to_owned(),
        }
    }
}

/// The analysis's metrics as the report's rows, in the order the tables show them.
pub fn metric_rows(m: &Metrics) -> Vec<MetricRow> {
    let mut rows = vec![
        Row {
            key: "work_steps",
            fr: "Étapes de travail",
            en: "Work steps",
            value: m.work_steps as f64,
            unit: "",
            decimals: 0,
            method_fr: "tâches, validations et contrôles de la démarche",
            method_en: "tasks, approvals and checks of the procedure",
        },
        Row {
            key: "handoffs",
            fr: "Passages de relais",
            en: "Handoffs",
            value: m.handoffs as f64,
            unit: "",
            decimals: 0,
            method_fr: "changements de couloir entre deux étapes de travail consécutives ; début, fin et branchements sont transparents",
            method_en: "lane changes between consecutive work steps; start, end and gateways are transparent",
        },
        Row {
            key: "handoffs_per_case",
            fr: "Passages de relais par dossier",
            en: "Handoffs per case",
            value: m.handoffs_per_case,
            unit: "",
            decimals: 1,
            method_fr: "les mêmes changements de couloir, pondérés par le nombre moyen de passages de chaque dossier (boucles et décisions comprises)",
            method_en: "the same lane changes, weighted by how often a case passes there on average (loops and decisions included)",
        },
        Row {
            key: "user_contacts",
            fr: "Sollicitations de l'usager par dossier",
            en: "Contacts with the user per case",
            value: m.user_contacts,
            unit: "",
            decimals: 1,
            method_fr: "nombre moyen de passages d'un dossier par les étapes du couloir de l'usager",
            method_en: "expected visits per case to the steps in the user's lane",
        },
        Row {
            key: "documents_requested",
            fr: "Pièces et données demandées",
            en: "Documents and data requested",
            value: m.documents_requested as f64,
            unit: "",
            decimals: 0,
            method_fr: "pièces et données distinctes demandées à l'usager",
            method_en: "distinct documents and data asked of the user",
        },
        Row {
            key: "requests_per_case",
            fr: "Demandes de pièces par dossier",
            en: "Requests per case",
            value: m.requests_per_case,
            unit: "",
            decimals: 1,
            method_fr: "chaque demande d'une pièce, pondérée par le nombre moyen de passages à l'étape qui la fait",
            method_en: "each request of a document, weighted by the expected visits of the step making it",
        },
        Row {
            key: "touch_time_min",
            fr: "Temps de travail par dossier",
            en: "Touch time per case",
            value: m.touch_time_min,
            unit: "min",
            decimals: 0,
            method_fr: "somme des durées des étapes, pondérées par le nombre moyen de passages",
            method_en: "sum of step durations weighted by expected visits",
        },
        Row {
            key: "lead_time_days",
            fr: "Délai de traitement",
            en: "Lead time",
            value: m.lead_time_min / WORKING_DAY_MIN,
            unit: "j",
            decimals: 1,
            method_fr: "temps écoulé moyen du dépôt à la fin, attentes et transferts compris, en jours ouvrés de 7 h ; une instruction en parallèle compte pour sa branche la plus longue",
            method_en: "expected elapsed time from start to end, waits and transfers included, in 7-hour working days; parallel work counts as its longest branch",
        },
        Row {
            key: "cycle_efficiency",
            fr: "Part du délai consacrée au travail",
            en: "Cycle efficiency",
            value: m.cycle_efficiency * 100.0,
            unit: "%",
            decimals: 1,
            method_fr: "temps de travail à valeur ajoutée divisé par le délai (tout le temps de travail si aucune étape n'est classée)",
            method_en: "value-adding touch time divided by lead time (all touch time where no step is classified)",
        },
        Row {
            key: "cost_per_case_eur",
            fr: "Coût par dossier",
            en: "Cost per case",
            value: m.cost_per_case_eur,
            unit: "€",
            decimals: 2,
            method_fr: "temps de travail de chaque acteur multiplié par son coût horaire, plus les coûts directs des étapes",
            method_en: "each actor's touch time times its hourly cost, plus the steps' direct costs",
        },
    ];
    if let Some(y) = &m.yearly {
        rows.extend([
            Row {
                key: "yearly_agent_hours",
                fr: "Heures de travail des agents par an",
                en: "Agent hours per year",
                value: y.agent_hours,
                unit: "h",
                decimals: 0,
                method_fr: "temps de travail de l'administration par dossier multiplié par le nombre de dossiers par an",
                method_en: "the administration's touch time per case times the cases per year",
            },
            Row {
                key: "yearly_cost_eur",
                fr: "Coût par an",
                en: "Cost per year",
                value: y.cost_eur,
                unit: "€",
                decimals: 0,
                method_fr: "coût par dossier multiplié par le nombre de dossiers par an",
                method_en: "cost per case times the cases per year",
            },
            Row {
                key: "yearly_user_contacts",
                fr: "Sollicitations des usagers par an",
                en: "Contacts with users per year",
                value: y.user_contacts,
                unit: "",
                decimals: 0,
                method_fr: "sollicitations par dossier multipliées par le nombre de dossiers par an",
                method_en: "contacts per case times the cases per year",
            },
        ]);
    }
    rows.into_iter().map(MetricRow::from).collect()
}

/// The findings, numbered from 1 in the analysis's order.
pub fn finding_rows(findings: &[Finding]) -> Vec<FindingRow> {
    findings
        .iter()
        .enumerate()
        .map(|(i, f)| {
            let (name_fr, name_en) = rule_name(f.rule);
            FindingRow {
                number: i + 1,
                rule_id: f.rule.to_owned(),
                rule_name_fr: name_fr.to_owned(),
                rule_name_en: name_en.to_owned(),
                severity: match f.severity {
                    analysis::Severity::Critical => Severity::Critical,
                    analysis::Severity::Warning => Severity::Warning,
                    analysis::Severity::Info => Severity::Info,
                },
                subjects: f.subjects.clone(),
                title_fr: f.title_fr.clone(),
                title_en: f.title_en.clone(),
                explanation_fr: f.explanation_fr.clone(),
                explanation_en: f.explanation_en.clone(),
                gain_fr: gain(Lang::Fr, f),
                gain_en: gain(Lang::En, f),
            }
        })
        .collect()
}

/// The rule's name, as the catalogue gives it (French, English).
pub fn rule_name(rule: &str) -> (&'static str, &'static str) {
    match rule {
        "duplicate-step" => ("Étape en double", "Duplicate step"),
        "once-only" => ("Dites-le-nous une fois", "Tell us once"),
        "rekeying" => ("Double saisie", "Rekeying"),
        "redundant-check" => ("Contrôle redondant", "Redundant check"),
        "ping-pong" => ("Aller-retour", "Ping-pong"),
        "transit-step" => ("Simple transmission", "Transit step"),
        "handoff-chain" => ("Relais en cascade", "Handoff chain"),
        "approval-chain" => ("Cascade de validations", "Approval chain"),
        "parallelizable" => ("Séquence parallélisable", "Parallelizable sequence"),
        "rework-loop" => ("Boucle de reprise", "Rework loop"),
        "late-knockout" => ("Refus tardif", "Late knock-out"),
        "waiting" => ("Attente prépondérante", "Dominant wait"),
        "media-break" => ("Rupture de support", "Media break"),
        "waste-step" => ("Étape sans valeur ajoutée", "Step without added value"),
        "too-many-contacts" => ("Sollicitations multiples", "Too many contacts"),
        "unreachable" => ("Étape inaccessible", "Unreachable step"),
        "dead-end" => ("Impasse", "Dead end"),
        "endless-loop" => ("Boucle sans sortie", "Endless loop"),
        "unstructured-parallel" => ("Parallélisme non structuré", "Unstructured parallelism"),
        _ => ("Constat", "Finding"),
    }
}

/// The estimated gain per case, in words ("−15 min de travail, −3 j de délai par dossier");
/// empty when the finding estimates none.
fn gain(lang: Lang, f: &Finding) -> String {
    let g = &f.gain;
    let mut parts = Vec::new();
    if g.touch_min > 0.0 {
        parts.push(format!("−{} min {}", text::number(lang, g.touch_min, 0), lang.pick("de travail", "of work")));
    }
    if g.lead_min > 0.0 {
        let days = g.lead_min / WORKING_DAY_MIN;
        parts.push(if days >= 1.0 {
            format!("−{} j {}", text::number(lang, days, 1), lang.pick("de délai", "of lead time"))
        } else {
            format!("−{} min {}", text::number(lang, g.lead_min, 0), lang.pick("de délai", "of lead time"))
        });
    }
    // French takes the singular below 2 (« −1,5 passage de relais »), English only for 1.
    let noun = |v: f64, fr: (&'static str, &'static str), en: (&'static str, &'static str)| {
        let n = text::number(lang, v, 1);
        let singular = if lang == Lang::Fr { v < 2.0 } else { n == "1" };
        let (one, many) = if lang == Lang::Fr { fr } else { en };
        format!("−{n} {}", if singular { one } else { many })
    };
    if g.handoffs > 0.0 {
        parts.push(noun(g.handoffs, ("passage de relais", "passages de relais"), ("handoff", "handoffs")));
    }
    if g.contacts > 0.0 {
        parts.push(noun(g.contacts, ("sollicitation", "sollicitations"), ("contact", "contacts")));
    }
    if g.requests > 0.0 {
        parts.push(noun(g.requests, ("demande de pièce", "demandes de pièces"), ("request", "requests")));
    }
    if parts.is_empty() {
        return String::new();
    }
    format!("{} {}", parts.join(", "), lang.pick("par dossier", "per case"))
}

/// The changes from `before` to `after`, read off the graph diff; a change concerning a step
/// that a finding of `before` names is tied to that finding.
pub fn changes(before: &Procedure, after: &Procedure, findings: &[FindingRow]) -> Vec<ChangeRow> {
    let d = compare::diff(before, after);
    let finding_of = |id: &str| findings.iter().find(|f| f.subjects.iter().any(|s| s == id)).map(|f| f.number);
    let label = |p: &Procedure, id: &str| p.step(id).map(|s| s.label().to_owned()).unwrap_or_else(|| id.to_owned());
    let actor = |p: &Procedure, id: Option<&str>| {
        id.and_then(|a| p.actor(a)).map(|a| a.name.clone()).unwrap_or_else(|| "—".to_owned())
    };
    let mut out = Vec::new();
    for id in &d.steps_removed {
        let l = label(before, id);
        out.push(ChangeRow {
            description_fr: format!("Étape supprimée : {}", text::quote(Lang::Fr, &l)),
            description_en: format!("Step removed: {}", text::quote(Lang::En, &l)),
            finding_number: finding_of(id),
        });
    }
    for m in &d.steps_moved {
        let l = label(after, &m.after);
        let (from, to) = (actor(before, m.from_actor.as_deref()), actor(after, m.to_actor.as_deref()));
        out.push(ChangeRow {
            description_fr: format!("Étape {} confiée à {to} (au lieu de {from})", text::quote(Lang::Fr, &l)),
            description_en: format!("Step {} given to {to} (instead of {from})", text::quote(Lang::En, &l)),
            finding_number: finding_of(&m.before),
        });
    }
    for c in &d.steps_changed {
        let l = label(after, &c.after);
        let names = |lang: Lang| c.fields.iter().map(|f| field_name(lang, f)).collect::<Vec<_>>().join(", ");
        out.push(ChangeRow {
            description_fr: format!("Étape {} modifiée ({})", text::quote(Lang::Fr, &l), names(Lang::Fr)),
            description_en: format!("Step {} changed ({})", text::quote(Lang::En, &l), names(Lang::En)),
            finding_number: finding_of(&c.before),
        });
    }
    for id in &d.steps_added {
        let l = label(after, id);
        // A step added to produce an item a finding names (fetched from its holder) answers it.
        let answers = after.step(id).and_then(|s| s.produces.iter().find_map(|data| finding_of(data)));
        out.push(ChangeRow {
            description_fr: format!("Étape ajoutée : {}", text::quote(Lang::Fr, &l)),
            description_en: format!("Step added: {}", text::quote(Lang::En, &l)),
            finding_number: answers,
        });
    }
    out
}

/// What a step's field is called in the report.
fn field_name(lang: Lang, field: &str) -> &'static str {
    let (fr, en) = match field {
        "label" => ("libellé", "label"),
        "kind" => ("nature", "kind"),
        "duration_min" => ("durée", "duration"),
        "wait_min" => ("attente", "wait"),
        "cost_eur" => ("coût", "cost"),
        "channel" => ("canal", "channel"),
        "value" => ("valeur ajoutée", "value"),
        "requests" => ("pièces demandées", "documents requested"),
        "enters" => ("données saisies", "data entered"),
        "checks" => ("contrôles", "checks"),
        "produces" => ("documents produits", "documents produced"),
        "outcome" => ("issue", "outcome"),
        "legal_basis" => ("base légale", "legal basis"),
        "note" => ("note", "note"),
        _ => ("autre", "other"),
    };
    lang.pick(fr, en)
}

#[cfg(test)]
mod tests {
    use super::*;

    fn sample(name: &str) -> Procedure {
        let path = format!("{}/../../assets/samples/{name}.epure.json", env!("CARGO_MANIFEST_DIR"));
        epure_core::format::from_str(&std::fs::read_to_string(path).expect("sample")).expect("reads")
    }

    #[test]
    fn metrics_become_rows_with_working_days_and_yearly_figures() {
        let p = sample("cantine-scolaire");
        let a = analysis::analyze(&p, &analysis::Settings::from_procedure(&p));
        let rows = metric_rows(&a.metrics);
        let get = |k: &str| rows.iter().find(|r| r.key == k).map(|r| r.value);
        assert_eq!(get("work_steps"), Some(a.metrics.work_steps as f64));
        assert_eq!(get("lead_time_days"), Some(a.metrics.lead_time_min / 420.0));
        let yearly = a.metrics.yearly.as_ref().expect("the sample has cases per year");
        assert_eq!(get("yearly_cost_eur"), Some(yearly.cost_eur));
        assert!(rows.iter().all(|r| !r.method_fr.is_empty() && !r.method_en.is_empty()));
    }

    #[test]
    fn findings_are_numbered_named_and_their_gain_worded() {
        let p = sample("cantine-scolaire");
        let a = analysis::analyze(&p, &analysis::Settings::from_procedure(&p));
        let rows = finding_rows(&a.findings);
        assert_eq!(rows.len(), a.findings.len());
        assert!(rows.iter().enumerate().all(|(i, r)| r.number == i + 1));
        let once = rows.iter().find(|r| r.rule_id == "once-only").expect("a once-only finding");
        assert_eq!(once.rule_name_fr, "Dites-le-nous une fois");
        assert!(rows.iter().all(|r| r.rule_name_fr != "Constat"), "every rule has its name");
        assert!(rows.iter().any(|r| r.gain_fr.ends_with("par dossier")));
    }

    #[test]
    fn changes_are_tied_to_the_finding_naming_their_step() {
        let before = sample("cantine-scolaire");
        let mut after = before.clone();
        // The re-keying step goes: its neighbours are joined directly.
        let gone = "ressaisie-education";
        let n = after.node(gone).expect("step");
        let preds: Vec<String> = after.incoming(n).iter().map(|&(_, m)| after.graph()[m].id.clone()).collect();
        let succs: Vec<String> = after.outgoing(n).iter().map(|&(_, m)| after.graph()[m].id.clone()).collect();
        after.remove_step(gone).expect("removed");
        for (a, b) in preds.iter().zip(&succs) {
            let id = after.fresh_flow_id();
            after.add_flow(a, b, epure_core::Flow::new(id)).expect("joined");
        }
        let a = analysis::analyze(&before, &analysis::Settings::from_procedure(&before));
        let findings = finding_rows(&a.findings);
        let rows = changes(&before, &after, &findings);
        let removed = rows.iter().find(|c| c.description_fr.starts_with("Étape supprimée")).expect("the removal");
        let number = removed.finding_number.expect("tied to a finding");
        assert!(findings[number - 1].subjects.iter().any(|s| s == gone));
    }
}
