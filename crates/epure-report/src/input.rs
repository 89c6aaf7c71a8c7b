//! What the report is made from: plain data that the caller assembles.
//!
//! The analysis engine (metrics, findings) and the comparison live elsewhere; this crate does
//! not depend on their types. A caller (the command line, the desktop app) adapts their output
//! into these structs. Everything that can be derived from the procedure itself (lanes, data
//! items, steps, the diagram) is computed by the report, not passed in.
//!
//! Nothing here reads a clock or a file: the date is a string passed in, so the same input
//! always gives the same PDF bytes.

use epure_core::Procedure;
use serde::Serialize;

use crate::text::Lang;

/// Everything a report is built from.
#[derive(Debug, Clone)]
pub struct ReportInput<'a> {
    /// The language the report is written in.
    pub lang: Lang,
    /// The day the report is dated, as an ISO date ("2026-11-28"); written in words on the
    /// cover. Passed in, never read from a clock, so output is reproducible.
    pub generated_on: String,
    /// Who produced the report (cover and PDF metadata).
    pub author: String,
    /// The procedure as it is (or the only procedure, for a report without comparison).
    pub before: ProcedureSide<'a>,
    /// The target procedure, for a before/after report.
    pub after: Option<ProcedureSide<'a>>,
    /// The changes made from `before` to `after`, each answering a finding of `before`.
    pub changes: Vec<ChangeRow>,
}

/// One version of the procedure and what the analysis says about it.
#[derive(Debug, Clone)]
pub struct ProcedureSide<'a> {
    pub procedure: &'a Procedure,
    /// How this version is called on the cover and in tables ("v1 — état actuel").
    pub version_label: String,
    /// The figures, in the order they are shown. The summary page picks the rows whose key is
    /// one of [`KEY_METRICS`].
    pub metrics: Vec<MetricRow>,
    /// What the analysis flagged, numbered; the numbers are drawn on the diagram.
    pub findings: Vec<FindingRow>,
}

/// The metric keys the one-page summary shows, in this order, when they are present.
pub const KEY_METRICS: [&str; 7] = [
    "work_steps",
    "handoffs",
    "user_contacts",
    "documents_requested",
    "lead_time_days",
    "yearly_agent_hours",
    "yearly_cost_eur",
];

/// One figure of a procedure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct MetricRow {
    /// A stable key, e.g. `handoffs` or `lead_time_days`; before and after are matched on it.
    pub key: String,
    pub label_fr: String,
    pub label_en: String,
    pub value: f64,
    /// The unit as written after the number ("j", "h", "€", or "" for a count).
    pub unit: String,
    /// Decimals shown (trailing zeros are dropped).
    pub decimals: usize,
    /// How the figure is computed, for the method appendix (French, English). Empty: not listed.
    pub method_fr: String,
    pub method_en: String,
}

impl MetricRow {
    /// The label in `lang`.
    pub fn label(&self, lang: Lang) -> &str {
        lang.pick(&self.label_fr, &self.label_en)
    }
}

/// How serious a finding is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Severity {
    Info,
    Warning,
    Critical,
}

/// One finding of the analysis.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct FindingRow {
    /// The number shown in the table and on the diagram's badges (1, 2, …).
    pub number: usize,
    /// The stable rule id (`once-only`, `ping-pong`, …).
    pub rule_id: String,
    pub rule_name_fr: String,
    pub rule_name_en: String,
    pub severity: Severity,
    /// Ids of the steps involved; they are highlighted on the diagram. Ids of flows or data
    /// items may appear too: they are listed but not drawn.
    pub subjects: Vec<String>,
    /// One line naming what is found ("Dites-le-nous une fois : « RIB » demandé deux fois"),
    /// for the summary; the explanation is in the table of findings.
    pub title_fr: String,
    pub title_en: String,
    pub explanation_fr: String,
    pub explanation_en: String,
    /// The estimated gain, already worded ("−20 min par dossier"); empty when none.
    pub gain_fr: String,
    pub gain_en: String,
}

/// One change made from the current to the target procedure.
#[derive(Debug, Clone, PartialEq, Serialize)]
pub struct ChangeRow {
    pub description_fr: String,
    pub description_en: String,
    /// The finding of `before` this change answers, when there is one.
    pub finding_number: Option<usize>,
}
