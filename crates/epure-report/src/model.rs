//! The report model: what the report says, section by section, as plain data.
//!
//! `build` turns a [`ReportInput`] into a [`ReportModel`]: every sentence worded in the
//! report's language, every number formatted, every table filled, every diagram's layout
//! computed. It is pure (no clock, no I/O, no font): the same input gives the same model, which
//! the tests snapshot. Pagination and drawing come after, from this model only.

use std::collections::{BTreeMap, BTreeSet};

use epure_core::layout::{Layout, LayoutOptions, layout};
use epure_core::{Procedure, StepKind};
use serde::Serialize;

use crate::input::{FindingRow, KEY_METRICS, MetricRow, ProcedureSide, ReportInput, Severity};
use crate::text::{self, Lang};

/// The whole report.
#[derive(Debug, Clone, Serialize)]
pub struct ReportModel {
    pub lang: Lang,
    /// The document title (PDF metadata and running header).
    pub title: String,
    pub procedure_name: String,
    pub author: String,
    /// The date in words.
    pub date: String,
    pub sections: Vec<Section>,
}

/// Which way a section's pages are turned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Orientation {
    Portrait,
    /// Used for diagrams, which are wider than tall.
    Landscape,
}

/// A part of the report; each starts on a new page.
#[derive(Debug, Clone, Serialize)]
pub struct Section {
    /// A stable key (`cover`, `summary`, `diagram-before`, …), for tests and tools.
    pub key: &'static str,
    pub title: String,
    pub orientation: Orientation,
    pub blocks: Vec<Block>,
}

/// One piece of content, placed one after the other down the page.
#[derive(Debug, Clone, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Block {
    Cover(Cover),
    Subheading(String),
    Paragraph(String),
    Table(Table),
    Bars(BarChart),
    Diagram(Diagram),
}

/// The cover's content.
#[derive(Debug, Clone, Serialize)]
pub struct Cover {
    pub kicker: String,
    pub title: String,
    /// Label and value pairs: service, versions, date, author.
    pub fields: Vec<(String, String)>,
}

/// How a column's cells are aligned.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Align {
    Left,
    Right,
}

#[derive(Debug, Clone, Serialize)]
pub struct Column {
    pub title: String,
    /// Share of the table's width (the shares of a table need not sum to 1).
    pub width: f32,
    pub align: Align,
}

#[derive(Debug, Clone, Serialize)]
pub struct Table {
    pub columns: Vec<Column>,
    pub rows: Vec<Vec<String>>,
}

/// A before/after bar chart: one pair of bars per figure, each pair scaled to its own maximum
/// (the figures have different units).
#[derive(Debug, Clone, Serialize)]
pub struct BarChart {
    pub legend_before: String,
    pub legend_after: String,
    pub groups: Vec<BarGroup>,
}

#[derive(Debug, Clone, Serialize)]
pub struct BarGroup {
    pub label: String,
    pub before: f64,
    pub after: f64,
    pub before_text: String,
    pub after_text: String,
}

/// A procedure's swimlane drawing, with the flagged steps numbered.
#[derive(Debug, Clone, Serialize)]
pub struct Diagram {
    pub caption: String,
    pub lanes: Vec<String>,
    /// Every step, in the author's order, with its label and the numbers of the findings
    /// naming it.
    pub steps: Vec<DiagramStep>,
    /// The geometry (from `epure_core::layout`, as on screen); left out of snapshots.
    #[serde(skip)]
    pub layout: Layout,
}

#[derive(Debug, Clone, Serialize)]
pub struct DiagramStep {
    pub id: String,
    pub kind: StepKind,
    pub label: String,
    #[serde(skip_serializing_if = "Vec::is_empty")]
    pub badges: Vec<usize>,
}

impl Diagram {
    /// Label and badges of a step, by id.
    pub fn step(&self, id: &str) -> Option<&DiagramStep> {
        self.steps.iter().find(|s| s.id == id)
    }
}

/// Builds the report model.
///
/// Complexity: linear in the size of the procedures and the analysis, plus their layouts.
pub fn build(input: &ReportInput<'_>) -> ReportModel {
    let lang = input.lang;
    let before = &input.before;
    let name = before.procedure.meta.name.clone();
    let mut sections = vec![cover(input), summary(input), diagram_section(lang, before, "diagram-before", true)];
    sections.push(findings_section(lang, before));
    if let Some(after) = &input.after {
        let mut target = diagram_section(lang, after, "diagram-after", false);
        target.blocks.push(Block::Subheading(lang.pick("Modifications apportées", "Changes made").to_owned()));
        target.blocks.push(changes_block(input));
        sections.push(target);
    }
    sections.push(metrics_section(input));
    sections.push(crate::appendix::appendix(input));
    ReportModel {
        lang,
        title: format!("{} — {name}", lang.pick("Rapport d'analyse", "Analysis report")),
        procedure_name: name,
        author: input.author.clone(),
        date: text::date(lang, &input.generated_on),
        sections,
    }
}

fn cover(input: &ReportInput<'_>) -> Section {
    let lang = input.lang;
    let p = input.before.procedure;
    let mut fields = Vec::new();
    if let Some(owner) = &p.meta.owner {
        fields.push((lang.pick("Service responsable", "Owner service").to_owned(), owner.clone()));
    }
    match &input.after {
        Some(after) => {
            fields.push((
                lang.pick("Version actuelle", "Current version").to_owned(),
                input.before.version_label.clone(),
            ));
            fields.push((lang.pick("Version cible", "Target version").to_owned(), after.version_label.clone()));
        }
        None => fields.push((lang.pick("Version", "Version").to_owned(), input.before.version_label.clone())),
    }
    fields.push(("Date".to_owned(), text::date(lang, &input.generated_on)));
    fields.push((lang.pick("Auteur", "Author").to_owned(), input.author.clone()));
    let kicker = match input.after {
        Some(_) => lang.pick("Rapport d'analyse et de simplification", "Analysis and simplification report"),
        None => lang.pick("Rapport d'analyse de la démarche", "Procedure analysis report"),
    };
    Section {
        key: "cover",
        title: String::new(),
        orientation: Orientation::Portrait,
        blocks: vec![Block::Cover(Cover { kicker: kicker.to_owned(), title: p.meta.name.clone(), fields })],
    }
}

/// A metric's value with its unit: "12", "3,5 j", "1 200 €".
pub fn value_text(lang: Lang, m: &MetricRow, value: f64) -> String {
    with_unit(&text::number(lang, value, m.decimals), &m.unit)
}

fn with_unit(n: &str, unit: &str) -> String {
    if unit.is_empty() { n.to_owned() } else { format!("{n}\u{a0}{unit}") }
}

fn summary(input: &ReportInput<'_>) -> Section {
    let lang = input.lang;
    let before = &input.before;
    let key = |m: &&MetricRow| KEY_METRICS.contains(&m.key.as_str());
    let mut keyed: Vec<&MetricRow> = before.metrics.iter().filter(key).collect();
    keyed.sort_by_key(|m| KEY_METRICS.iter().position(|k| *k == m.key));
    let n = before.findings.len();
    let critical = before.findings.iter().filter(|f| f.severity == Severity::Critical).count();
    let mut intro = match (lang, n) {
        (Lang::Fr, 0) => format!(
            "L'analyse de la démarche {} ne relève aucun constat.",
            text::quote(lang, &before.procedure.meta.name)
        ),
        (Lang::En, 0) => {
            format!(
                "The analysis of the procedure {} raises no finding.",
                text::quote(lang, &before.procedure.meta.name)
            )
        }
        (Lang::Fr, _) if critical == 0 => format!(
            "L'analyse de la démarche {} relève {}, aucun critique.",
            text::quote(lang, &before.procedure.meta.name),
            text::count(lang, n, "constat", "constats"),
        ),
        (Lang::Fr, _) => format!(
            "L'analyse de la démarche {} relève {} dont {}.",
            text::quote(lang, &before.procedure.meta.name),
            text::count(lang, n, "constat", "constats"),
            text::count(lang, critical, "critique", "critiques"),
        ),
        (Lang::En, _) if critical == 0 => format!(
            "The analysis of the procedure {} raises {}, none of them critical.",
            text::quote(lang, &before.procedure.meta.name),
            text::count(lang, n, "finding", "findings"),
        ),
        (Lang::En, _) => format!(
            "The analysis of the procedure {} raises {}, {} of them critical.",
            text::quote(lang, &before.procedure.meta.name),
            text::count(lang, n, "finding", "findings"),
            critical
        ),
    };
    if let Some(after) = &input.after {
        intro.push(' ');
        intro.push_str(&match lang {
            Lang::Fr => format!(
                "La version cible {} y répond par {}.",
                text::quote(lang, &after.version_label),
                text::count(lang, input.changes.len(), "modification", "modifications")
            ),
            Lang::En => format!(
                "The target version {} answers them with {}.",
                text::quote(lang, &after.version_label),
                text::count(lang, input.changes.len(), "change", "changes")
            ),
        });
    }
    let mut blocks = vec![Block::Paragraph(intro)];
    blocks.push(Block::Subheading(lang.pick("Chiffres clés", "Key figures").to_owned()));
    match &input.after {
        Some(after) => {
            let pairs: Vec<(&MetricRow, Option<&MetricRow>)> =
                keyed.iter().map(|m| (*m, after.metrics.iter().find(|a| a.key == m.key))).collect();
            blocks.push(Block::Table(comparison_table(lang, &pairs)));
            let groups = pairs
                .iter()
                .filter_map(|(b, a)| a.map(|a| (b, a)))
                .map(|(b, a)| BarGroup {
                    label: b.label(lang).to_owned(),
                    before: b.value,
                    after: a.value,
                    before_text: value_text(lang, b, b.value),
                    after_text: value_text(lang, a, a.value),
                })
                .collect::<Vec<_>>();
            if !groups.is_empty() {
                blocks.push(Block::Subheading(lang.pick("Avant / après", "Before / after").to_owned()));
                blocks.push(Block::Bars(BarChart {
                    legend_before: before.version_label.clone(),
                    legend_after: after.version_label.clone(),
                    groups,
                }));
            }
        }
        None => blocks.push(Block::Table(single_table(lang, &keyed))),
    }
    if n > 0 {
        blocks.push(Block::Subheading(lang.pick("Principaux constats", "Main findings").to_owned()));
        let mut sorted: Vec<&FindingRow> = before.findings.iter().collect();
        sorted.sort_by_key(|f| (std::cmp::Reverse(severity_rank(f.severity)), f.number));
        // A line each, so that the summary holds on its page: what each finding says in full,
        // and where, is in the table of findings.
        for f in sorted.iter().take(5) {
            let gain = lang.pick(&f.gain_fr, &f.gain_en);
            let mut line = format!("{}. {}", f.number, lang.pick(&f.title_fr, &f.title_en));
            if !gain.is_empty() {
                let sep = lang.pick("\u{a0}:", ":");
                line.push_str(&format!(" ({}{sep} {gain})", lang.pick("gain estimé", "estimated gain")));
            }
            blocks.push(Block::Paragraph(line));
        }
        let more = n.saturating_sub(5);
        let rest = match (lang, more) {
            (_, 0) => String::new(),
            (Lang::Fr, 1) => "Et un autre constat. ".to_owned(),
            (Lang::Fr, m) => format!("Et {m} autres constats. "),
            (Lang::En, 1) => "And one more finding. ".to_owned(),
            (Lang::En, m) => format!("And {m} more findings. "),
        };
        blocks.push(Block::Paragraph(format!(
            "{rest}{}",
            lang.pick(
                "Chaque constat est expliqué dans la section « Constats ».",
                "Each finding is explained in the section “Findings”."
            )
        )));
    }
    Section {
        key: "summary",
        title: lang.pick("Synthèse", "Summary").to_owned(),
        orientation: Orientation::Portrait,
        blocks,
    }
}

fn severity_rank(s: Severity) -> u8 {
    match s {
        Severity::Info => 0,
        Severity::Warning => 1,
        Severity::Critical => 2,
    }
}

fn single_table(lang: Lang, rows: &[&MetricRow]) -> Table {
    Table {
        columns: vec![
            Column { title: lang.pick("Indicateur", "Figure").to_owned(), width: 3.0, align: Align::Left },
            Column { title: lang.pick("Valeur", "Value").to_owned(), width: 1.0, align: Align::Right },
        ],
        rows: rows.iter().map(|m| vec![m.label(lang).to_owned(), value_text(lang, m, m.value)]).collect(),
    }
}

fn comparison_table(lang: Lang, pairs: &[(&MetricRow, Option<&MetricRow>)]) -> Table {
    let rows = pairs
        .iter()
        .map(|(b, a)| match a {
            Some(a) => vec![
                b.label(lang).to_owned(),
                value_text(lang, b, b.value),
                value_text(lang, a, a.value),
                with_unit(&text::signed(lang, a.value - b.value, b.decimals.max(a.decimals)), &b.unit),
                text::change_percent(lang, b.value, a.value),
            ],
            None => vec![b.label(lang).to_owned(), value_text(lang, b, b.value), "—".into(), "—".into(), "—".into()],
        })
        .collect();
    Table {
        columns: vec![
            Column { title: lang.pick("Indicateur", "Figure").to_owned(), width: 3.0, align: Align::Left },
            Column { title: lang.pick("Avant", "Before").to_owned(), width: 1.1, align: Align::Right },
            Column { title: lang.pick("Après", "After").to_owned(), width: 1.1, align: Align::Right },
            Column { title: lang.pick("Écart", "Change").to_owned(), width: 1.0, align: Align::Right },
            Column { title: lang.pick("Écart (%)", "Change (%)").to_owned(), width: 1.0, align: Align::Right },
        ],
        rows,
    }
}

/// The diagram of one side, with the numbers of the findings on their steps.
pub fn diagram(lang: Lang, side: &ProcedureSide<'_>, badges: bool) -> Diagram {
    let p = side.procedure;
    let mut numbers: BTreeMap<&str, BTreeSet<usize>> = BTreeMap::new();
    if badges {
        for f in &side.findings {
            for s in &f.subjects {
                numbers.entry(s.as_str()).or_default().insert(f.number);
            }
        }
    }
    let geometry = layout(p, &LayoutOptions::default());
    let steps = p
        .steps()
        .map(|s| DiagramStep {
            id: s.id.clone(),
            kind: s.kind,
            label: s.label().to_owned(),
            badges: numbers.get(s.id.as_str()).map(|n| n.iter().copied().collect()).unwrap_or_default(),
        })
        .collect();
    let caption = if badges && !side.findings.is_empty() {
        lang.pick(
            "Les étapes surlignées sont concernées par un constat ; leur numéro renvoie au tableau des constats.",
            "Highlighted steps are named by a finding; their number refers to the findings table.",
        )
        .to_owned()
    } else {
        String::new()
    };
    Diagram { caption, lanes: geometry.lanes.iter().map(|l| l.name.clone()).collect(), steps, layout: geometry }
}

fn diagram_section(lang: Lang, side: &ProcedureSide<'_>, key: &'static str, current: bool) -> Section {
    let title = match (current, lang) {
        (true, Lang::Fr) => format!("Procédure actuelle — {}", side.version_label),
        (true, Lang::En) => format!("Current procedure — {}", side.version_label),
        (false, Lang::Fr) => format!("Procédure cible — {}", side.version_label),
        (false, Lang::En) => format!("Target procedure — {}", side.version_label),
    };
    Section {
        key,
        title,
        orientation: Orientation::Landscape,
        blocks: vec![Block::Diagram(diagram(lang, side, current))],
    }
}

/// A step's label for tables: quoted, or its id when it has none.
fn step_name(lang: Lang, p: &Procedure, id: &str) -> String {
    match p.step(id) {
        Some(s) if !s.label().is_empty() => text::quote(lang, s.label()),
        Some(s) => match s.kind {
            StepKind::Start => lang.pick("début", "start").to_owned(),
            StepKind::End => lang.pick("fin", "end").to_owned(),
            _ => s.id.clone(),
        },
        None => match (p.data_item(id), p.flow(id)) {
            (Some(d), _) => text::quote(lang, &d.name),
            // A flow is named by the steps it joins.
            (None, Some(f)) => {
                format!("{} {} → {}", lang.pick("flux", "flow"), step_name(lang, p, f.from), step_name(lang, p, f.to))
            }
            (None, None) => id.to_owned(),
        },
    }
}

fn findings_section(lang: Lang, side: &ProcedureSide<'_>) -> Section {
    let title = lang.pick("Constats", "Findings").to_owned();
    if side.findings.is_empty() {
        let none = lang.pick(
            "L'analyse ne relève aucun constat sur cette démarche.",
            "The analysis raises no finding on this procedure.",
        );
        return Section {
            key: "findings",
            title,
            orientation: Orientation::Portrait,
            blocks: vec![Block::Paragraph(none.to_owned())],
        };
    }
    let rows = side
        .findings
        .iter()
        .map(|f| {
            let subjects: Vec<String> = f.subjects.iter().map(|s| step_name(lang, side.procedure, s)).collect();
            vec![
                f.number.to_string(),
                lang.pick(&f.rule_name_fr, &f.rule_name_en).to_owned(),
                subjects.join(", "),
                lang.pick(&f.explanation_fr, &f.explanation_en).to_owned(),
                lang.pick(&f.gain_fr, &f.gain_en).to_owned(),
            ]
        })
        .collect();
    let table = Table {
        columns: vec![
            Column { title: lang.pick("N°", "No.").to_owned(), width: 0.45, align: Align::Right },
            Column { title: lang.pick("Règle", "Rule").to_owned(), width: 1.5, align: Align::Left },
            Column {
                title: lang.pick("Étapes concernées", "Steps involved").to_owned(),
                width: 2.0,
                align: Align::Left,
            },
            Column { title: lang.pick("Explication", "Explanation").to_owned(), width: 3.2, align: Align::Left },
            Column { title: lang.pick("Gain estimé", "Estimated gain").to_owned(), width: 1.4, align: Align::Left },
        ],
        rows,
    };
    Section { key: "findings", title, orientation: Orientation::Portrait, blocks: vec![Block::Table(table)] }
}

fn changes_block(input: &ReportInput<'_>) -> Block {
    let lang = input.lang;
    if input.changes.is_empty() {
        return Block::Paragraph(lang.pick("Aucune modification n'est décrite.", "No change is described.").to_owned());
    }
    let rows = input
        .changes
        .iter()
        .enumerate()
        .map(|(i, c)| {
            let answers =
                c.finding_number.map_or_else(|| "—".to_owned(), |n| format!("{} {n}", lang.pick("n°", "no.")));
            vec![(i + 1).to_string(), lang.pick(&c.description_fr, &c.description_en).to_owned(), answers]
        })
        .collect();
    Block::Table(Table {
        columns: vec![
            Column { title: "#".to_owned(), width: 0.4, align: Align::Right },
            Column { title: lang.pick("Modification", "Change").to_owned(), width: 6.0, align: Align::Left },
            Column {
                title: lang.pick("Constat traité", "Finding answered").to_owned(),
                width: 1.6,
                align: Align::Left,
            },
        ],
        rows,
    })
}

fn metrics_section(input: &ReportInput<'_>) -> Section {
    let lang = input.lang;
    let before = &input.before.metrics;
    let (title, table) = match &input.after {
        Some(after) => {
            let pairs: Vec<(&MetricRow, Option<&MetricRow>)> =
                before.iter().map(|b| (b, after.metrics.iter().find(|a| a.key == b.key))).collect();
            // Figures only the target has are listed too, with no "before".
            let extra: Vec<&MetricRow> =
                after.metrics.iter().filter(|a| !before.iter().any(|b| b.key == a.key)).collect();
            let mut table = comparison_table(lang, &pairs);
            for a in extra {
                table.rows.push(vec![
                    a.label(lang).to_owned(),
                    "—".into(),
                    value_text(lang, a, a.value),
                    "—".into(),
                    "—".into(),
                ]);
            }
            (lang.pick("Indicateurs avant / après", "Figures before / after"), table)
        }
        None => (lang.pick("Indicateurs", "Figures"), single_table(lang, &before.iter().collect::<Vec<_>>())),
    };
    Section {
        key: "metrics",
        title: title.to_owned(),
        orientation: Orientation::Portrait,
        blocks: vec![Block::Table(table)],
    }
}
