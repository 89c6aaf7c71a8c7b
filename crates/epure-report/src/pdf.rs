//! Pages to PDF bytes with printpdf: fonts embedded as subsets, text kept as text (selectable
//! and extractable), document metadata (title, author, subject, language), an outline of the
//! sections.
//!
//! printpdf names fonts and the document with ids drawn from a process-wide counter; to give
//! the same bytes for the same input, the fonts get fixed ids here and the trailer's `/ID` is
//! replaced with a digest of the content.

use lopdf::Object;
use printpdf::{
    Color, FontId, Line, LineDashPattern, LinePoint, Op, PaintMode, PdfDocument, PdfFontHandle, PdfPage,
    PdfSaveOptions, Point, Polygon, PolygonRing, Pt, TextItem, TextMatrix, WindingOrder,
};

use crate::measure::Fonts;
use crate::page::{Item, Page, Rgb};

/// What the PDF says about itself.
#[derive(Debug, Clone)]
pub struct Metadata {
    pub title: String,
    pub author: String,
    pub subject: String,
    /// BCP 47 language tag ("fr-FR").
    pub lang: String,
}

/// Why the PDF could not be written.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum PdfError {
    #[error("the PDF could not be written: {0}")]
    Write(String),
}

/// Fixed font ids: their first six letters become the subset tag (`EPUREA+DejaVuSans`).
const REGULAR: &str = "EPUREA";
const BOLD: &str = "EPUREB";

/// Writes the pages as a PDF document.
pub fn write(fonts: &Fonts, pages: &[Page], meta: &Metadata) -> Result<Vec<u8>, PdfError> {
    write_with(fonts, pages, meta, &mut |_| true)
}

/// Like [`write()`], calling `before_page(i)` before page `i` (from 0) is turned into PDF
/// operations; when it answers `false`, the pages after it are not written and the (partial)
/// result must be thrown away by the caller.
pub fn write_with(
    fonts: &Fonts,
    pages: &[Page],
    meta: &Metadata,
    before_page: &mut dyn FnMut(usize) -> bool,
) -> Result<Vec<u8>, PdfError> {
    let mut doc = PdfDocument::new(&meta.title);
    doc.metadata.info.author = meta.author.clone();
    doc.metadata.info.subject = meta.subject.clone();
    doc.metadata.info.creator = "Épure".to_owned();
    doc.metadata.info.producer = "Épure (printpdf)".to_owned();
    let (regular, bold) = (FontId(REGULAR.to_owned()), FontId(BOLD.to_owned()));
    doc.resources.fonts.map.insert(regular.clone(), printpdf::PdfFont::new(fonts.regular.clone()));
    doc.resources.fonts.map.insert(bold.clone(), printpdf::PdfFont::new(fonts.bold.clone()));
    // The outline (bookmarks), with fixed ids so that the bytes stay the same.
    for (i, p) in pages.iter().enumerate() {
        if let Some(name) = &p.bookmark {
            let annotation = printpdf::PageAnnotation { name: name.clone(), page: i + 1 };
            doc.bookmarks.map.insert(printpdf::PageAnnotId(format!("B{i:05}")), annotation);
        }
    }
    let mut out_pages: Vec<PdfPage> = Vec::with_capacity(pages.len());
    for (i, p) in pages.iter().enumerate() {
        if !before_page(i) {
            return Err(PdfError::Write("stopped before every page was written".to_owned()));
        }
        out_pages.push(page(p, &regular, &bold));
    }
    let pages = out_pages;
    doc.with_pages(pages);

    let mut warnings = Vec::new();
    let mut lo = doc.to_lopdf_document(&PdfSaveOptions::default(), &mut warnings);
    if let Ok(catalog) = lo.catalog_mut() {
        catalog.set("Lang", Object::string_literal(meta.lang.as_bytes().to_vec()));
    }
    // printpdf writes a PDF/X version key into the info dictionary whatever the conformance;
    // this document claims no PDF/X conformance, so the key (and empty fields) go.
    if let Ok(info) = lo.trailer.get(b"Info").and_then(Object::as_reference)
        && let Ok(Object::Dictionary(dict)) = lo.get_object_mut(info)
    {
        for key in [&b"GTS_PDFXVersion"[..], b"Identifier", b"Keywords", b"Trapped"] {
            dict.remove(key);
        }
    }
    lo.compress();
    // A first pass without /ID, to derive a stable one from the content.
    lo.trailer.remove(b"ID");
    let mut bytes = Vec::new();
    lo.save_to(&mut bytes).map_err(|e| PdfError::Write(e.to_string()))?;
    let id = format!("{:016x}{:016x}", fnv(&bytes, 0xcbf2_9ce4_8422_2325), fnv(&bytes, 0x8422_2325_cbf2_9ce4));
    lo.trailer.set("ID", Object::Array(vec![Object::string_literal(id.clone()), Object::string_literal(id)]));
    let mut out = Vec::with_capacity(bytes.len() + 80);
    lo.save_to(&mut out).map_err(|e| PdfError::Write(e.to_string()))?;
    Ok(out)
}

/// FNV-1a, 64 bits: a stable digest for the document id (not for security).
fn fnv(bytes: &[u8], seed: u64) -> u64 {
    bytes.iter().fold(seed, |h, &b| (h ^ u64::from(b)).wrapping_mul(0x0100_0000_01b3))
}

fn colour(c: Rgb) -> Color {
    Color::Rgb(printpdf::Rgb::new(c.0, c.1, c.2, None))
}

fn point(x: f32, y: f32, h: f32) -> LinePoint {
    LinePoint { p: Point { x: Pt(x), y: Pt(h - y) }, bezier: false }
}

fn page(p: &Page, regular: &FontId, bold: &FontId) -> PdfPage {
    let h = p.height;
    let mut ops = Vec::with_capacity(p.items.len() * 5);
    for item in &p.items {
        match item {
            Item::Text { x, y, size, bold: b, colour: c, text } => {
                if text.is_empty() {
                    continue;
                }
                let font = if *b { bold } else { regular };
                ops.extend([
                    Op::StartTextSection,
                    Op::SetFont { font: PdfFontHandle::External(font.clone()), size: Pt(*size) },
                    Op::SetFillColor { col: colour(*c) },
                    Op::SetTextMatrix { matrix: TextMatrix::Translate(Pt(*x), Pt(h - *y)) },
                    Op::ShowText { items: vec![TextItem::Text(text.clone())] },
                    Op::EndTextSection,
                ]);
            }
            Item::Shape { points, closed, fill, stroke } => {
                if points.len() < 2 {
                    continue;
                }
                if let Some(f) = fill {
                    ops.push(Op::SetFillColor { col: colour(*f) });
                }
                if let Some(s) = stroke {
                    ops.push(Op::SetOutlineColor { col: colour(s.colour) });
                    ops.push(Op::SetOutlineThickness { pt: Pt(s.width) });
                    if s.dashed {
                        ops.push(Op::SetLineDashPattern { dash: LineDashPattern::new(0.0, &[3.0, 2.0]) });
                    }
                }
                let pts: Vec<LinePoint> = points.iter().map(|&(x, y)| point(x, y, h)).collect();
                let mode = match (fill, stroke) {
                    (Some(_), Some(_)) => Some(PaintMode::FillStroke),
                    (Some(_), None) => Some(PaintMode::Fill),
                    (None, Some(_)) => Some(PaintMode::Stroke),
                    (None, None) => None,
                };
                match mode {
                    Some(PaintMode::Stroke) if !closed => {
                        ops.push(Op::DrawLine { line: Line { points: pts, is_closed: false } })
                    }
                    Some(mode) => ops.push(Op::DrawPolygon {
                        polygon: Polygon {
                            rings: vec![PolygonRing { points: pts }],
                            mode,
                            winding_order: WindingOrder::NonZero,
                        },
                    }),
                    None => {}
                }
                if stroke.is_some_and(|s| s.dashed) {
                    ops.push(Op::SetLineDashPattern { dash: LineDashPattern::solid() });
                }
            }
            Item::Clip { x, y, w, h: ch } => {
                let pts = vec![point(*x, *y, h), point(x + w, *y, h), point(x + w, y + ch, h), point(*x, y + ch, h)];
                ops.push(Op::SaveGraphicsState);
                ops.push(Op::DrawPolygon {
                    polygon: Polygon {
                        rings: vec![PolygonRing { points: pts }],
                        mode: PaintMode::Clip,
                        winding_order: WindingOrder::NonZero,
                    },
                });
            }
            Item::Unclip => ops.push(Op::RestoreGraphicsState),
        }
    }
    PdfPage::new(printpdf::Mm::from(Pt(p.width)), printpdf::Mm::from(Pt(h)), ops)
}
