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
    /// The progress callback asked to stop; nothing was produced.
    #[error("the report was cancelled")]
    Cancelled,
}

/// The named phases of the pipeline, in order, as reported to a progress callback.
#[derive(Debug, Clone, Copy, PartialEq, Eq, PartialOrd, Ord, serde::Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Phase {
    /// Building the report model: every sentence, table and diagram.
    Model,
    /// Flowing the model onto pages.
    Paginate,
    /// Writing the pages as PDF: `done` of `total` pages written.
    Pdf,
}

/// What a progress callback answers: go on, or stop (the render then returns
/// [`ReportError::Cancelled`]).
pub use std::ops::ControlFlow;

/// Like [`render_with_page_count`], telling `progress` where it is: `(Phase::Model, 0, 1)`
/// before the model, `(Phase::Paginate, 0, 1)` before pagination, then `(Phase::Pdf, done,
/// pages)` before each page and once all are written. Pure: the callback is the only effect.
/// When it answers `Break`, the render stops at that point and returns `Cancelled`.
pub fn render_with_progress(
    input: &ReportInput<'_>,
    fonts: &Fonts,
    progress: &mut dyn FnMut(Phase, usize, usize) -> ControlFlow<()>,
) -> Result<(Vec<u8>, usize), ReportError> {
    let mut step = |phase, done, total| match progress(phase, done, total) {
        ControlFlow::Continue(()) => Ok(()),
        ControlFlow::Break(()) => Err(ReportError::Cancelled),
    };
    step(Phase::Model, 0, 1)?;
    let model = model::build(input);
    step(Phase::Paginate, 0, 1)?;
    let pages = paginate::paginate(fonts, &model);
    let total = pages.len();
    let mut cancelled = false;
    let meta = metadata(&model);
    let bytes = pdf::write_with(fonts, &pages, &meta, &mut |done| {
        let go = step(Phase::Pdf, done, total).is_ok();
        cancelled |= !go;
        go
    });
    if cancelled {
        return Err(ReportError::Cancelled);
    }
    let bytes = bytes?;
    step(Phase::Pdf, total, total)?;
    Ok((bytes, total))
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

fn metadata(model: &ReportModel) -> pdf::Metadata {
    pdf::Metadata {
        title: model.title.clone(),
        author: model.author.clone(),
        subject: model.procedure_name.clone(),
        lang: model.lang.tag().to_owned(),
    }
}

fn write_pages(model: &ReportModel, fonts: &Fonts, pages: &[page::Page]) -> Result<Vec<u8>, ReportError> {
    Ok(pdf::write(fonts, pages, &metadata(model))?)
}
