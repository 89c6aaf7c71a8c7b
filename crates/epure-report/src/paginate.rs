//! Pagination: the report model laid out on A4 pages of positioned text and shapes.
//!
//! Blocks flow down the page; a section starts a new page; a table row never splits and the
//! table's header is repeated on each page it spans; diagrams go on landscape pages (see
//! [`crate::diagram`]). Running headers and "page n / N" footers are added last, once the
//! number of pages is known.

use crate::diagram::{self, Area};
use crate::measure::Fonts;
use crate::model::{Align, BarChart, Block, Cover, Orientation, ReportModel, Section, Table};
use crate::page::{A4_LONG, A4_SHORT, Item, Page, Stroke, colour};
use crate::text::Lang;

/// Side margins: wider on portrait pages, narrower on landscape diagram pages.
const MARGIN_X: f32 = 56.0;
const MARGIN_X_LANDSCAPE: f32 = 36.0;
const MARGIN_TOP: f32 = 62.0;
/// Where the drawing starts on the pages of a tiled diagram, which carry no title.
const TILE_TOP: f32 = 50.0;
const MARGIN_BOTTOM: f32 = 58.0;
const MARGIN_BOTTOM_LANDSCAPE: f32 = 50.0;

fn margin_x(width: f32, height: f32) -> f32 {
    if width > height { MARGIN_X_LANDSCAPE } else { MARGIN_X }
}
const BODY: f32 = 10.0;
const BODY_LH: f32 = 14.0;
const CELL: f32 = 8.5;
const CELL_LH: f32 = 11.0;
const PAD: f32 = 4.0;

/// Lays the report out on pages, with running headers and "page n / N" footers.
pub fn paginate(fonts: &Fonts, model: &ReportModel) -> Vec<Page> {
    let mut p = Paginator { fonts, lang: model.lang, pages: Vec::new(), y: MARGIN_TOP };
    for s in &model.sections {
        p.section(s);
    }
    let mut pages = p.pages;
    let total = pages.len();
    for (i, page) in pages.iter_mut().enumerate() {
        decorate(fonts, model, page, i + 1, total);
    }
    pages
}

/// Header (title and section) on every page but the cover; footer with the page number.
fn decorate(fonts: &Fonts, model: &ReportModel, page: &mut Page, n: usize, total: usize) {
    let (w, h) = (page.width, page.height);
    let mx = margin_x(w, h);
    let size = 8.0;
    if n > 1 {
        let right = fonts.ellipsize(&page.section, size, false, (w - 2.0 * mx) * 0.4);
        let rw = fonts.width(&right, size, false);
        let left = fonts.ellipsize(&model.procedure_name, size, false, w - 2.0 * mx - rw - 24.0);
        page.items.push(Item::text(mx, 34.0, size, false, colour::MUTED, left));
        page.items.push(Item::text(w - mx - rw, 34.0, size, false, colour::MUTED, right));
        page.items.push(Item::line((mx, 40.0), (w - mx, 40.0), Stroke::solid(colour::RULE, 0.5)));
    }
    let number = match model.lang {
        Lang::Fr => format!("page {n} / {total}"),
        Lang::En => format!("page {n} / {total}"),
    };
    let nw = fonts.width(&number, size, false);
    let left = fonts.ellipsize(&format!("Épure — {}", model.date), size, false, w - 2.0 * mx - nw - 24.0);
    page.items.push(Item::line((mx, h - 42.0), (w - mx, h - 42.0), Stroke::solid(colour::RULE, 0.5)));
    page.items.push(Item::text(mx, h - 30.0, size, false, colour::MUTED, left));
    page.items.push(Item::text(w - mx - nw, h - 30.0, size, false, colour::MUTED, number));
}

struct Paginator<'a> {
    fonts: &'a Fonts,
    lang: Lang,
    pages: Vec<Page>,
    /// The baseline of the next line on the current page.
    y: f32,
}

impl Paginator<'_> {
    fn page(&mut self) -> &mut Page {
        let last = self.pages.len() - 1;
        &mut self.pages[last]
    }

    fn new_page(&mut self, orientation: Orientation, section: &str) {
        let (width, height) = match orientation {
            Orientation::Portrait => (A4_SHORT, A4_LONG),
            Orientation::Landscape => (A4_LONG, A4_SHORT),
        };
        self.pages.push(Page { width, height, section: section.to_owned(), bookmark: None, items: Vec::new() });
        self.y = MARGIN_TOP;
    }

    fn width(&self) -> f32 {
        self.pages.last().map_or(A4_SHORT, |p| p.width) - 2.0 * self.mx()
    }

    fn bottom(&self) -> f32 {
        match self.pages.last() {
            Some(p) if p.width > p.height => p.height - MARGIN_BOTTOM_LANDSCAPE,
            Some(p) => p.height - MARGIN_BOTTOM,
            None => A4_LONG - MARGIN_BOTTOM,
        }
    }

    /// The side margin of the current page.
    fn mx(&self) -> f32 {
        self.pages.last().map_or(MARGIN_X, |p| margin_x(p.width, p.height))
    }

    /// Starts a new page (same orientation) unless `h` more points fit on this one.
    fn room(&mut self, h: f32) {
        if self.y + h > self.bottom() && self.y > MARGIN_TOP + 1.0 {
            let (section, landscape) = {
                let p = self.page();
                (p.section.clone(), p.width > p.height)
            };
            self.new_page(if landscape { Orientation::Landscape } else { Orientation::Portrait }, &section);
        }
    }

    fn push(&mut self, item: Item) {
        self.page().items.push(item);
    }

    fn lines(&mut self, text: &str, size: f32, bold: bool, lh: f32, colour: crate::page::Rgb) {
        let mx = self.mx();
        let lines = self.fonts.wrap(text, size, bold, self.width());
        for line in lines {
            self.room(lh);
            let y = self.y + size;
            self.push(Item::text(mx, y, size, bold, colour, line));
            self.y += lh;
        }
    }

    fn section(&mut self, s: &Section) {
        self.new_page(s.orientation, &s.title);
        if !s.title.is_empty() {
            self.page().bookmark = Some(s.title.clone());
        }
        let mx = self.mx();
        if !s.title.is_empty() {
            let (size, lh) = match s.orientation {
                Orientation::Portrait => (18.0, 24.0),
                Orientation::Landscape => (14.0, 19.0),
            };
            self.lines(&s.title, size, true, lh, colour::BLUE);
            let y = self.y + 2.0;
            let w = self.width();
            self.push(Item::line((mx, y), (mx + w, y), Stroke::solid(colour::BLUE, 1.5)));
            self.y += if s.orientation == Orientation::Landscape { 8.0 } else { 14.0 };
        }
        for b in &s.blocks {
            match b {
                Block::Cover(c) => self.cover(c),
                Block::Subheading(t) => {
                    self.room(BODY_LH * 3.0);
                    self.y += 6.0;
                    self.lines(t, 12.5, true, 17.0, colour::BLUE);
                    self.y += 2.0;
                }
                Block::Paragraph(t) => {
                    self.lines(t, BODY, false, BODY_LH, colour::INK);
                    self.y += 5.0;
                }
                Block::Table(t) => self.table(t),
                Block::Bars(c) => self.bars(c),
                Block::Diagram(d) => {
                    let mut top = self.y;
                    if !d.caption.is_empty() {
                        self.lines(&d.caption, 9.0, false, 12.0, colour::MUTED);
                        top = self.y + 4.0;
                    }
                    let area = Area { x: mx, y: top, w: self.width(), h: self.bottom() - top };
                    let tiles = Area { x: mx, y: TILE_TOP, w: self.width(), h: self.bottom() - TILE_TOP };
                    let first = self.pages.len();
                    for (i, items) in
                        diagram::pages(self.fonts, self.lang, d, area, tiles, first).into_iter().enumerate()
                    {
                        if i > 0 {
                            self.new_page(s.orientation, &s.title);
                        }
                        self.page().items.extend(items);
                    }
                    self.y = self.bottom();
                }
            }
        }
    }

    fn cover(&mut self, c: &Cover) {
        let mx = self.mx();
        let w = self.width();
        self.push(Item::rect(0.0, 0.0, A4_SHORT, 10.0, Some(colour::BLUE), None));
        self.y = 210.0;
        self.lines(&c.kicker, 13.0, false, 18.0, colour::BLUE);
        self.y += 10.0;
        self.lines(&c.title, 26.0, true, 33.0, colour::INK);
        self.y += 8.0;
        let y = self.y;
        self.push(Item::rect(mx, y, 60.0, 4.0, Some(colour::BLUE), None));
        self.y += 34.0;
        let label_w = 150.0;
        for (label, value) in &c.fields {
            let lines = self.fonts.wrap(value, 11.0, false, w - label_w);
            self.push(Item::text(mx, self.y + 11.0, 10.0, true, colour::MUTED, label.clone()));
            for line in lines {
                self.push(Item::text(mx + label_w, self.y + 11.0, 11.0, false, colour::INK, line));
                self.y += 15.0;
            }
            self.y += 7.0;
        }
        let bottom = A4_LONG - 110.0;
        self.push(Item::text(mx, bottom, 20.0, true, colour::BLUE, "Épure"));
    }

    fn table(&mut self, t: &Table) {
        let mx = self.mx();
        let total: f32 = t.columns.iter().map(|c| c.width).sum::<f32>().max(0.001);
        let w = self.width();
        let widths: Vec<f32> = t.columns.iter().map(|c| c.width / total * w).collect();
        let header: Vec<String> = t.columns.iter().map(|c| c.title.clone()).collect();
        let wrap = |cells: &[String], bold: bool| -> Vec<Vec<String>> {
            cells.iter().zip(&widths).map(|(c, &cw)| self.fonts.wrap(c, CELL, bold, cw - 2.0 * PAD)).collect()
        };
        let head = wrap(&header, true);
        let height =
            |cells: &Vec<Vec<String>>| cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * CELL_LH + 2.0 * PAD;
        let head_h = height(&head);
        let rows: Vec<Vec<Vec<String>>> = t.rows.iter().map(|r| wrap(r, false)).collect();
        let first = rows.first().map_or(0.0, height);
        self.room(head_h + first);
        self.row(&head, &widths, t, true);
        for (i, r) in rows.iter().enumerate() {
            let h = height(r);
            if self.y + h > self.bottom() {
                self.room(h + head_h);
                self.row(&head, &widths, t, true);
            }
            if i % 2 == 1 {
                let y = self.y;
                self.push(Item::rect(mx, y, w, h, Some(colour::PALE), None));
            }
            self.row(r, &widths, t, false);
        }
        self.y += 10.0;
    }

    fn row(&mut self, cells: &[Vec<String>], widths: &[f32], t: &Table, header: bool) {
        let mx = self.mx();
        let h = cells.iter().map(Vec::len).max().unwrap_or(1) as f32 * CELL_LH + 2.0 * PAD;
        let w: f32 = widths.iter().sum();
        let top = self.y;
        if header {
            self.push(Item::rect(mx, top, w, h, Some(colour::LIGHT_BLUE), None));
        }
        let mut x = mx;
        for ((lines, &cw), col) in cells.iter().zip(widths).zip(&t.columns) {
            let mut y = top + PAD + CELL;
            for line in lines {
                let lx = match col.align {
                    Align::Left => x + PAD,
                    Align::Right => x + cw - PAD - self.fonts.width(line, CELL, header),
                };
                let c = if header { colour::BLUE } else { colour::INK };
                self.push(Item::text(lx, y, CELL, header, c, line.clone()));
                y += CELL_LH;
            }
            x += cw;
        }
        let rule = if header { Stroke::solid(colour::BLUE, 0.8) } else { Stroke::solid(colour::RULE, 0.4) };
        self.push(Item::line((mx, top + h), (mx + w, top + h), rule));
        self.y = top + h;
    }

    fn bars(&mut self, c: &BarChart) {
        let mx = self.mx();
        let w = self.width();
        let label_w = w * 0.36;
        let bar_max = w - label_w - 70.0;
        let group_h = 30.0;
        self.room(20.0 + group_h * c.groups.len().min(4) as f32);
        // Legend.
        let y = self.y;
        let mut x = mx;
        for (fill, text) in [(colour::BAR_BEFORE, &c.legend_before), (colour::BLUE, &c.legend_after)] {
            self.push(Item::rect(x, y + 2.0, 10.0, 8.0, Some(fill), None));
            let t = self.fonts.ellipsize(text, 8.5, false, w / 2.0 - 20.0);
            let tw = self.fonts.width(&t, 8.5, false);
            self.push(Item::text(x + 14.0, y + 9.5, 8.5, false, colour::INK, t));
            x += 14.0 + tw + 20.0;
        }
        self.y += 18.0;
        for g in &c.groups {
            self.room(group_h);
            let top = self.y;
            let max = g.before.abs().max(g.after.abs());
            let lines = self.fonts.wrap(&g.label, 9.0, false, label_w - 8.0);
            for (k, line) in lines.iter().take(2).enumerate() {
                self.push(Item::text(mx, top + 11.0 + k as f32 * 11.0, 9.0, false, colour::INK, line.clone()));
            }
            for (k, (value, text, fill)) in
                [(g.before, &g.before_text, colour::BAR_BEFORE), (g.after, &g.after_text, colour::BLUE)]
                    .into_iter()
                    .enumerate()
            {
                let len = if max > 0.0 { (value.abs() / max) as f32 * bar_max } else { 0.0 };
                let by = top + 2.0 + k as f32 * 12.0;
                self.push(Item::rect(mx + label_w, by, len.max(0.5), 10.0, Some(fill), None));
                self.push(Item::text(mx + label_w + len + 4.0, by + 8.5, 8.5, false, colour::INK, text.clone()));
            }
            self.y += group_h;
        }
        self.y += 6.0;
    }
}
