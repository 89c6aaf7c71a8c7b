//! Reports as people get them: generated from the samples, then read back as text with
//! `pdftotext` (poppler-utils) and printpdf's own parser, to check sections, figures, accents,
//! page numbers, and that every step label of every diagram is there.

use std::path::Path;
use std::process::Command;

use epure_core::{Flow, Procedure, Variant};
use epure_report::facts::structural_metrics;
use epure_report::{ChangeRow, FindingRow, Fonts, Lang, MetricRow, ProcedureSide, ReportInput, Severity};

/// Every sample shipped in `assets/samples/`.
const SAMPLES: [&str; 6] = [
    "aide-sociale",
    "cantine-scolaire",
    "carte-stationnement-resident",
    "conge-agent",
    "licence-debit-boissons",
    "permis-construire",
];

fn sample(name: &str) -> Procedure {
    let path = Path::new(env!("CARGO_MANIFEST_DIR")).join("../../assets/samples").join(format!("{name}.epure.json"));
    epure_core::format::from_str(&std::fs::read_to_string(path).expect("sample")).expect("valid sample")
}

fn fonts() -> Fonts {
    Fonts::from_bytes(dejavu::sans::regular(), dejavu::sans::bold()).expect("DejaVu")
}

fn finding(
    number: usize,
    rule: &str,
    fr: &str,
    en: &str,
    subjects: &[&str],
    explanation: &str,
    gain: &str,
) -> FindingRow {
    FindingRow {
        number,
        rule_id: rule.to_owned(),
        rule_name_fr: fr.to_owned(),
        rule_name_en: en.to_owned(),
        severity: if number == 1 { Severity::Critical } else { Severity::Warning },
        subjects: subjects.iter().map(|s| (*s).to_owned()).collect(),
        title_fr: format!("{fr} : {}", explanation.trim_end_matches('.')),
        title_en: format!("{en}: (en) {}", explanation.trim_end_matches('.')),
        explanation_fr: explanation.to_owned(),
        explanation_en: format!("(en) {explanation}"),
        gain_fr: gain.to_owned(),
        gain_en: gain.to_owned(),
    }
}

fn metric(key: &str, fr: &str, en: &str, value: f64, unit: &str, decimals: usize) -> MetricRow {
    MetricRow {
        key: key.to_owned(),
        label_fr: fr.to_owned(),
        label_en: en.to_owned(),
        value,
        unit: unit.to_owned(),
        decimals,
        method_fr: "valeur fournie par l'analyse".to_owned(),
        method_en: "figure given by the analysis".to_owned(),
    }
}

/// Hand-made findings for the school canteen sample, as the analysis would word them.
fn cantine_findings() -> Vec<FindingRow> {
    vec![
        finding(
            1,
            "once-only",
            "Dites-le-nous une fois",
            "Tell us once",
            &["depot-guichet", "retour-fiche-cantine"],
            "La pièce « Justificatif de domicile » est demandée deux fois à la famille.",
            "−1 pièce par dossier",
        ),
        finding(
            2,
            "rekeying",
            "Double saisie",
            "Rekeying",
            &["ressaisie-education"],
            "La fiche papier reçue à l'accueil est ressaisie dans un second logiciel.",
            "−15 min par dossier",
        ),
        finding(
            3,
            "rework-loop",
            "Boucle de reprise",
            "Rework loop",
            &["verif-completude", "relance-famille", "complement-famille"],
            "30 % des dossiers reviennent à la famille, ce qui coûte en moyenne 4,5 jours.",
            "",
        ),
    ]
}

/// The canteen sample without its rekeying step: a target version.
fn cantine_target() -> Procedure {
    let mut p = sample("cantine-scolaire");
    p.meta.variant = Some(Variant::Target);
    p.remove_step("ressaisie-education").expect("step exists");
    p.add_flow("saisie-accueil", "envoi-fiche-cantine", Flow::new("f-direct")).expect("flow");
    p
}

fn metrics(p: &Procedure, lead_days: f64, cost: f64) -> Vec<MetricRow> {
    let mut m = structural_metrics(p);
    m.push(metric("lead_time_days", "Délai de bout en bout", "Lead time", lead_days, "j", 1));
    m.push(metric("yearly_cost_eur", "Coût annuel pour l'administration", "Yearly cost", cost, "€", 0));
    m
}

fn side<'a>(p: &'a Procedure, label: &str, findings: Vec<FindingRow>, lead: f64, cost: f64) -> ProcedureSide<'a> {
    ProcedureSide { procedure: p, version_label: label.to_owned(), metrics: metrics(p, lead, cost), findings }
}

fn input<'a>(lang: Lang, before: ProcedureSide<'a>, after: Option<ProcedureSide<'a>>) -> ReportInput<'a> {
    let changes = if after.is_some() {
        vec![
            ChangeRow {
                description_fr:
                    "Suppression de la ressaisie : le service Éducation reçoit le dossier créé à l'accueil.".into(),
                description_en: "No more rekeying: the Education department receives the file created at the desk."
                    .into(),
                finding_number: Some(2),
            },
            ChangeRow {
                description_fr: "Réorganisation du guichet.".into(),
                description_en: "Desk reorganised.".into(),
                finding_number: None,
            },
        ]
    } else {
        Vec::new()
    };
    ReportInput { lang, generated_on: "2026-11-28".into(), author: "Claire Dubois".into(), before, after, changes }
}

/// The text of a PDF as `pdftotext` reads it (`-raw`: in drawing order, so a wrapped label's
/// lines come one after the other).
fn pdftotext(bytes: &[u8], mode: &str) -> String {
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, bytes).expect("write");
    let out = Command::new("pdftotext")
        .args([mode, path.to_str().expect("utf-8 path"), "-"])
        .output()
        .expect("pdftotext (poppler-utils) is installed");
    assert!(out.status.success());
    String::from_utf8(out.stdout).expect("utf-8")
}

/// Whitespace of any kind (including no-break spaces) removed: labels are wrapped over lines
/// and words may be cut, so compare without it.
fn squash(s: &str) -> String {
    s.chars().filter(|c| !c.is_whitespace() && *c != '\u{a0}' && *c != '\u{202f}').collect()
}

/// Keeps a copy of a generated report to look at, when `EPURE_REPORT_DUMP` names a folder.
fn dump(name: &str, bytes: &[u8]) {
    if let Some(dir) = std::env::var_os("EPURE_REPORT_DUMP") {
        std::fs::write(Path::new(&dir).join(name), bytes).expect("dump");
    }
}

fn page_count(bytes: &[u8]) -> usize {
    let doc =
        printpdf::PdfDocument::parse(bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).expect("parses");
    doc.page_count()
}

fn assert_every_label(text: &str, p: &Procedure) {
    let squashed = squash(text);
    for s in p.steps() {
        if !s.label().is_empty() {
            assert!(squashed.contains(&squash(s.label())), "label {:?} of step {} is missing", s.label(), s.id);
        }
    }
}

#[test]
fn single_procedure_report_in_french() {
    let p = sample("cantine-scolaire");
    let bytes = epure_report::render(
        &input(Lang::Fr, side(&p, "v1 — état actuel", cantine_findings(), 12.5, 48_300.0), None),
        &fonts(),
    )
    .expect("report");
    dump("single-fr.pdf", &bytes);
    let n = page_count(&bytes);
    let text = pdftotext(&bytes, "-raw");
    let flat = text.replace(['\u{a0}', '\u{202f}'], " ");
    for section in [
        "Rapport d'analyse de la démarche",
        "Synthèse",
        "Chiffres clés",
        "Procédure actuelle",
        "Constats",
        "Indicateurs",
        "Annexe",
        "Acteurs",
        "Documents et données",
        "Méthode",
    ] {
        assert!(flat.contains(section), "section {section:?} missing");
    }
    assert!(!flat.contains("Procédure cible") && !flat.contains("avant / après"), "no comparison section");
    // Cover.
    for s in ["Inscription à la cantine scolaire", "28 novembre 2026", "Claire Dubois", "v1 — état actuel"] {
        assert!(flat.contains(s), "{s:?} missing from the cover");
    }
    // Figures, French formatting.
    assert!(flat.contains("48 300 €"), "yearly cost with a French thousands separator");
    assert!(flat.contains("12,5 j"), "lead time with a decimal comma");
    assert!(flat.contains("Dites-le-nous une fois") && flat.contains("Boucle de reprise"));
    assert!(flat.contains("« Justificatif de domicile »"));
    for c in ['é', 'è', 'à', 'ç', '«', '»'] {
        assert!(flat.contains(c), "accent {c} missing");
    }
    // Page numbers on every page.
    for k in 1..=n {
        assert!(flat.contains(&format!("page {k} / {n}")), "page {k} / {n}");
    }
    assert_every_label(&text, &p);
}

#[test]
fn before_after_report_has_the_comparison_sections() {
    let before = sample("cantine-scolaire");
    let after = cantine_target();
    let input = input(
        Lang::Fr,
        side(&before, "v1 — état actuel", cantine_findings(), 12.5, 48_300.0),
        Some(side(&after, "v2 — cible", Vec::new(), 9.0, 41_000.0)),
    );
    let bytes = epure_report::render(&input, &fonts()).expect("report");
    dump("before-after-fr.pdf", &bytes);
    let text = pdftotext(&bytes, "-raw");
    let flat = text.replace(['\u{a0}', '\u{202f}'], " ");
    for s in [
        "Rapport d'analyse et de simplification",
        "Version actuelle",
        "Version cible",
        "Avant / après",
        "Procédure cible — v2 — cible",
        "Modifications apportées",
        "Suppression de la ressaisie",
        "n° 2",
        "Indicateurs avant / après",
        "Écart (%)",
        "−7 300 €",
        "−3,5",
        "−28 %",
    ] {
        assert!(flat.contains(s), "{s:?} missing");
    }
    assert_every_label(&text, &before);
    assert_every_label(&text, &after);
}

#[test]
fn english_on_request() {
    let p = sample("conge-agent");
    let bytes = epure_report::render(&input(Lang::En, side(&p, "v1", Vec::new(), 3.0, 1234.5), None), &fonts())
        .expect("report");
    let flat = pdftotext(&bytes, "-raw");
    for s in [
        "Procedure analysis report",
        "28 November 2026",
        "Summary",
        "Key figures",
        "Current procedure",
        "Findings",
        "raises no finding",
        "Appendix",
        "Method",
        "1,235 €",
    ] {
        assert!(flat.contains(s), "{s:?} missing");
    }
    assert!(flat.contains(&format!("page 1 / {}", page_count(&bytes))));
    assert!(String::from_utf8_lossy(&bytes).contains("/Lang(en-GB)"));
}

#[test]
fn same_input_same_bytes_and_metadata() {
    let p = sample("aide-sociale");
    let fonts = fonts();
    let make =
        || epure_report::render(&input(Lang::Fr, side(&p, "v1", Vec::new(), 1.0, 1.0), None), &fonts).expect("report");
    let (a, b) = (make(), make());
    assert!(a == b, "two renders of the same input differ");
    let raw = String::from_utf8_lossy(&a);
    assert!(raw.contains("/Lang(fr-FR)"));
    assert!(raw.contains("EPUREA+"), "the font is embedded as a subset");
    assert!(raw.contains("/Outlines"), "sections are in the outline");
    assert!(a.len() < 400_000, "fonts are subset: {} bytes", a.len());
    let dir = tempfile::tempdir().expect("tempdir");
    let path = dir.path().join("r.pdf");
    std::fs::write(&path, &a).expect("write");
    let info = Command::new("pdfinfo").arg(&path).output().expect("pdfinfo");
    let info = String::from_utf8_lossy(&info.stdout);
    assert!(info.contains("Author:          Claire Dubois"), "{info}");
    assert!(info.contains("Title:           Rapport d'analyse — Demande d'aide sociale"), "{info}");
}

#[test]
fn printpdf_reads_its_text_back() {
    let p = sample("carte-stationnement-resident");
    let bytes =
        epure_report::render(&input(Lang::Fr, side(&p, "v1", Vec::new(), 1.0, 1.0), None), &fonts()).expect("report");
    let doc =
        printpdf::PdfDocument::parse(&bytes, &printpdf::PdfParseOptions::default(), &mut Vec::new()).expect("parses");
    let text: String = doc.extract_text().into_iter().flatten().collect::<Vec<_>>().join(" ");
    assert!(text.contains("Synthèse"), "{text}");
    assert!(text.contains("Annexe"));
}

#[test]
fn a_large_diagram_is_tiled_with_an_overview_and_continuation_marks() {
    let p = epure_core::synthetic::procedure(7, 120);
    let bytes =
        epure_report::render(&input(Lang::Fr, side(&p, "v1", Vec::new(), 1.0, 1.0), None), &fonts()).expect("report");
    dump("tiled-fr.pdf", &bytes);
    let text = pdftotext(&bytes, "-raw");
    assert!(text.contains("Vue d'ensemble"), "overview page");
    assert!(text.contains("suite → p."), "continuation marks");
    assert!(text.contains("← p."));
    assert!(page_count(&bytes) > 8);
    assert_every_label(&text, &p);
}

#[test]
fn every_sample_reports_every_step_label() {
    let fonts = fonts();
    for name in SAMPLES {
        let p = sample(name);
        let bytes =
            epure_report::render(&input(Lang::Fr, side(&p, "v1", Vec::new(), 1.0, 1.0), None), &fonts).expect("report");
        assert_every_label(&pdftotext(&bytes, "-raw"), &p);
    }
}

/// The summary is one page for a manager: its main findings are one line each (their title), so
/// it never spills a few lines onto a page of their own before the next section.
#[test]
fn the_summary_of_every_sample_holds_on_one_page() {
    let fonts = fonts();
    for name in SAMPLES {
        let p = sample(name);
        let analysis = epure_core::analysis::analyze(&p, &epure_core::analysis::Settings::from_procedure(&p));
        let side = epure_report::analysed::side(&p, "v1".to_owned(), &analysis);
        let bytes = epure_report::render(&input(Lang::Fr, side, None), &fonts).expect("report");
        let text = pdftotext(&bytes, "-layout");
        let pages: Vec<&str> = text.split('\u{c}').collect();
        // The running header names the section of each page.
        let summary =
            pages.iter().filter(|page| page.lines().next().is_some_and(|l| l.trim_end().ends_with("Synthèse"))).count();
        assert_eq!(summary, 1, "{name}: the summary takes {summary} pages");
        if !analysis.findings.is_empty() {
            assert!(
                squash(&text).contains(&squash("Chaque constat est expliqué dans la section « Constats »")),
                "{name}"
            );
        }
    }
}

#[test]
fn model_snapshots() {
    let permis = sample("permis-construire");
    let single = epure_report::model::build(&input(
        Lang::Fr,
        side(&permis, "v1 — état actuel", Vec::new(), 95.0, 61_000.0),
        None,
    ));
    insta::assert_json_snapshot!("permis_single_fr", single);
    let before = sample("cantine-scolaire");
    let after = cantine_target();
    let pair = epure_report::model::build(&input(
        Lang::Fr,
        side(&before, "v1 — état actuel", cantine_findings(), 12.5, 48_300.0),
        Some(side(&after, "v2 — cible", Vec::new(), 9.0, 41_000.0)),
    ));
    insta::assert_json_snapshot!("cantine_before_after_fr", pair);
}

/// Nothing is drawn off the page: every line of text lies inside the page, clear of its edges,
/// on every sample and on a diagram large enough to be tiled.
#[test]
fn every_text_stays_on_its_page() {
    let fonts = fonts();
    let mut procedures: Vec<Procedure> =
        ["cantine-scolaire", "licence-debit-boissons", "permis-construire"].iter().map(|n| sample(n)).collect();
    procedures.push(epure_core::synthetic::procedure(3, 150));
    for p in &procedures {
        let model = epure_report::model::build(&input(Lang::Fr, side(p, "v1", cantine_findings(), 1.0, 1.0), None));
        for (i, page) in epure_report::paginate::paginate(&fonts, &model).iter().enumerate() {
            for item in &page.items {
                if let epure_report::page::Item::Text { x, y, size, bold, text, .. } = item {
                    let right = x + fonts.width(text, *size, *bold);
                    let inside =
                        *x >= 20.0 && right <= page.width - 20.0 && y - size >= 20.0 && *y <= page.height - 20.0;
                    assert!(
                        inside,
                        "{}: page {}: {text:?} at ({x}, {y}) to {right} is off the page",
                        p.meta.name,
                        i + 1
                    );
                }
            }
        }
    }
}

#[test]
fn progress_names_each_phase_and_page_and_gives_the_same_bytes() {
    use epure_report::{ControlFlow, Phase, ReportError};
    let (p, t) = (sample("cantine-scolaire"), cantine_target());
    let input = input(
        Lang::Fr,
        side(&p, "état actuel", cantine_findings(), 18.8, 37285.0),
        Some(side(&t, "cible", Vec::new(), 13.7, 25861.0)),
    );
    let fonts = fonts();
    let mut seen = Vec::new();
    let (bytes, pages) = epure_report::render_with_progress(&input, &fonts, &mut |phase, done, total| {
        seen.push((phase, done, total));
        ControlFlow::Continue(())
    })
    .expect("report");
    assert_eq!(bytes, epure_report::render(&input, &fonts).expect("report"), "the hook changes nothing");
    let mut want = vec![(Phase::Model, 0, 1), (Phase::Paginate, 0, 1)];
    want.extend((0..=pages).map(|i| (Phase::Pdf, i, pages)));
    assert_eq!(seen, want);

    // Stopping at any call produces nothing.
    for stop in [0, 1, 2, pages + 2] {
        let mut calls = 0;
        let out = epure_report::render_with_progress(&input, &fonts, &mut |_, _, _| {
            calls += 1;
            if calls > stop { ControlFlow::Break(()) } else { ControlFlow::Continue(()) }
        });
        assert_eq!(out, Err(ReportError::Cancelled), "stopped after {stop} calls");
        assert_eq!(calls, stop + 1, "nothing is done after the stop");
    }
}
