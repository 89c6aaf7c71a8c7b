//! Épure's printed report: the document a service head puts on the table at the steering
//! committee.
//!
//! A pipeline of named phases, each a function of the previous one's output:
//!
//! ```text
//! ReportInput ──model::build──▶ ReportModel ──paginate──▶ Vec<Page> ──pdf::write──▶ PDF bytes
//!  (procedures,     (pure data:        (positioned text        (printpdf; fonts
//!   metrics,        sections, tables,   and shapes, A4;         subset, metadata,
//!   findings)       diagrams)           uses font metrics)      deterministic)
//! ```
//!
//! The model is pure and snapshot-tested; fonts come in as bytes ([`Fonts::from_bytes`]); no
//! phase reads a clock or a file, so the same input and date give the same bytes.

pub mod analysed;
mod appendix;
pub mod diagram;
pub mod facts;
pub mod input;
pub mod measure;
pub mod model;
pub mod page;
pub mod paginate;
pub mod pdf;
pub mod text;

pub use input::{ChangeRow, FindingRow, MetricRow, ProcedureSide, ReportInput, Severity};
pub use measure::{FontError, Fonts};
pub use model::ReportModel;
pub use text::Lang;

/// Why a report could not be produced.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum ReportError {
    #[error(transparent)]
    Font(#[from] FontError),
    #[error(transparent)]
    Pdf(#[from] pdf::PdfError),
}

/// Builds the report and returns the PDF bytes.
pub fn render(input: &ReportInput<'_>, fonts: &Fonts) -> Result<Vec<u8>, ReportError> {
    render_with_page_count(input, fonts).map(|(bytes, _)| bytes)
}

/// Builds the report and returns the PDF bytes and the number of pages (the store keeps it).
pub fn render_with_page_count(input: &ReportInput<'_>, fonts: &Fonts) -> Result<(Vec<u8>, usize), ReportError> {
    let model = model::build(input);
    let pages = paginate::paginate(fonts, &model);
    Ok((write_pages(&model, fonts, &pages)?, pages.len()))
}

/// Lays out and writes an already built model.
pub fn render_model(model: &ReportModel, fonts: &Fonts) -> Result<Vec<u8>, ReportError> {
    let pages = paginate::paginate(fonts, model);
    write_pages(model, fonts, &pages)
}

fn write_pages(model: &ReportModel, fonts: &Fonts, pages: &[page::Page]) -> Result<Vec<u8>, ReportError> {
    let meta = pdf::Metadata {
        title: model.title.clone(),
        author: model.author.clone(),
        subject: model.procedure_name.clone(),
        lang: model.lang.tag().to_owned(),
    };
    Ok(pdf::write(fonts, pages, &meta)?)
}
