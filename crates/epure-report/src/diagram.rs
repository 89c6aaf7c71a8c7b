//! Drawing a procedure's swimlane diagram on pages, from the layout the screen uses.
//!
//! The diagram is scaled to the page; when that would make its text smaller than
//! [`MIN_TEXT_PT`], it is drawn at the smallest readable scale and tiled over several pages,
//! cut between columns of steps (never through a step), each tile repeating the lane names,
//! preceded by an overview page showing where each tile lies, with "suite → p. N" marks on the
//! cut edges. Nothing is ever cut off silently.

use epure_core::StepKind;
use epure_core::layout::{Layout, LayoutOptions};

use crate::measure::Fonts;
use crate::model::Diagram;
use crate::page::{Item, Stroke, colour};
use crate::text::Lang;

/// Size of a step's label, in layout units (a step box is 160 × 64).
const LABEL: f32 = 12.0;
/// Size of the smaller texts (gateway and event labels, lane names), in layout units; they
/// are never drawn below [`MIN_TEXT_PT`] in a readable view.
const SMALL: f32 = 9.5;
/// The smallest text drawn in a readable diagram, in points.
pub const MIN_TEXT_PT: f32 = 6.0;
/// Small diagrams are not blown up beyond this scale (points per layout unit).
const MAX_SCALE: f32 = 0.85;

/// The rectangle of the page the diagram may use, in points.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Area {
    pub x: f32,
    pub y: f32,
    pub w: f32,
    pub h: f32,
}

/// Which part of the layout a page shows, and where.
#[derive(Debug, Clone, Copy)]
struct View {
    scale: f32,
    /// Window on the layout's content (right of the lane names), in layout units.
    x0: f32,
    x1: f32,
    y0: f32,
    y1: f32,
    /// Top-left corner of the drawing on the page (the lane names start there).
    ox: f32,
    oy: f32,
    /// Width of the lane-name band, in layout units.
    header: f32,
}

impl View {
    fn x(&self, x: f64) -> f32 {
        self.ox + (self.header + x as f32 - self.x0) * self.scale
    }
    fn y(&self, y: f64) -> f32 {
        self.oy + (y as f32 - self.y0) * self.scale
    }
    fn width(&self) -> f32 {
        (self.header + self.x1 - self.x0) * self.scale
    }
    fn height(&self) -> f32 {
        (self.y1 - self.y0) * self.scale
    }
    /// Whether a layout point lies inside the window (x) and band (y).
    fn holds(&self, x: f64, y: f64) -> bool {
        (x as f32) >= self.x0 && (x as f32) < self.x1 && (y as f32) >= self.y0 && (y as f32) < self.y1
    }
}

/// The pages a diagram takes: one page when it fits at a readable size in `area` (the rest of
/// the current page), else an overview there followed by tiles, each on a page of its own in
/// `tile_area`. `first_page` is the number the first of them will carry (for the continuation
/// marks).
pub fn pages(fonts: &Fonts, lang: Lang, d: &Diagram, area: Area, tile_area: Area, first_page: usize) -> Vec<Vec<Item>> {
    let l = &d.layout;
    // A line under each tile for its continuation marks.
    let nav_y = tile_area.y + tile_area.h - 2.0;
    let tile_area = Area { h: tile_area.h - 14.0, ..tile_area };
    let opts = LayoutOptions::default();
    let header = opts.lane_header as f32;
    let (lw, lh) = ((l.width as f32).max(header + 1.0), (l.height as f32).max(1.0));
    let fit = (area.w / lw).min(area.h / lh).min(MAX_SCALE);
    // Tiles are drawn a little above the minimum, so that long labels can shrink to fit.
    let min_scale = 1.1 * MIN_TEXT_PT / LABEL;
    if fit >= min_scale {
        let view = View { scale: fit, x0: header, x1: lw, y0: 0.0, y1: lh, ox: area.x, oy: area.y, header };
        let mut items = Vec::new();
        draw(fonts, d, &view, true, &mut items);
        return vec![items];
    }

    // Cut at the smallest readable scale, then share the columns evenly between the tiles and
    // enlarge as far as the page allows: same number of pages, larger text.
    let pitch = (opts.step_width + opts.column_gap) as f32;
    let bands = y_cuts(l, &opts, tile_area.h / min_scale);
    let mut columns = x_cuts(l, &opts, (tile_area.w / min_scale - header).max(pitch));
    let total = ((lw - header) / pitch).ceil().max(1.0);
    let per_tile = (total / (columns.len() - 1) as f32).ceil();
    let tallest = bands.windows(2).map(|b| b[1] - b[0]).fold(1.0f32, f32::max);
    let scale = (tile_area.w / (header + per_tile * pitch)).min(tile_area.h / tallest).min(MAX_SCALE).max(min_scale);
    if scale > min_scale {
        columns = x_cuts(l, &opts, per_tile * pitch + 0.5);
    }
    let tiles: Vec<(usize, usize)> =
        (0..bands.len() - 1).flat_map(|b| (0..columns.len() - 1).map(move |c| (b, c))).collect();
    let page_of = |b: usize, c: usize| first_page + 1 + b * (columns.len() - 1) + c;
    let mut out = Vec::with_capacity(tiles.len() + 1);

    // The overview: the whole drawing, the tiles outlined and numbered by page. A long drawing
    // is wrapped into strips stacked down the page (like lines of text), each holding whole
    // tiles, choosing the number of strips that gives the largest scale.
    let tiles_x = columns.len() - 1;
    let gap = 10.0;
    let (top, room) = (area.y + 24.0, area.h - 24.0);
    let strip_scale = |m: usize| {
        let per = tiles_x.div_ceil(m);
        let widest = (0..m)
            .map(|g| columns[((g + 1) * per).min(tiles_x)] - columns[(g * per).min(tiles_x)])
            .fold(0.0f32, f32::max);
        (area.w / (header + widest)).min((room - (m - 1) as f32 * gap) / (m as f32 * lh))
    };
    let strips = (1..=tiles_x.min(12)).max_by(|&a, &b| strip_scale(a).total_cmp(&strip_scale(b))).unwrap_or(1);
    let per = tiles_x.div_ceil(strips);
    let overview_scale = strip_scale(strips);
    let mut items = vec![Item::text(
        area.x,
        area.y + 10.0,
        9.0,
        false,
        colour::MUTED,
        match lang {
            Lang::Fr => format!(
                "Vue d'ensemble : le schéma est trop grand pour une page lisible ; il est découpé en {} planches (pages {} à {}).",
                tiles.len(),
                first_page + 1,
                first_page + tiles.len()
            ),
            Lang::En => format!(
                "Overview: the diagram is too large for one readable page; it is cut into {} tiles (pages {} to {}).",
                tiles.len(),
                first_page + 1,
                first_page + tiles.len()
            ),
        },
    )];
    let strip_view = |g: usize| View {
        scale: overview_scale,
        x0: columns[(g * per).min(tiles_x)],
        x1: columns[((g + 1) * per).min(tiles_x)],
        y0: 0.0,
        y1: lh,
        ox: area.x,
        oy: top + g as f32 * (lh * overview_scale + gap),
        header,
    };
    for g in 0..strips {
        // No labels: they would be unreadable here, and each is printed once, on its tile.
        draw(fonts, d, &strip_view(g), false, &mut items);
    }
    for &(b, c) in &tiles {
        let ov = strip_view(c / per);
        let (x0, x1, y0, y1) = (columns[c], columns[c + 1], bands[b], bands[b + 1]);
        let (px, py) = (ov.x(f64::from(x0)), ov.y(f64::from(y0)));
        let (w, h) = ((x1 - x0) * overview_scale, (y1 - y0) * overview_scale);
        items.push(Item::rect(
            px,
            py,
            w,
            h,
            None,
            Some(Stroke { colour: colour::AMBER_DARK, width: 1.2, dashed: true }),
        ));
        let tag = format!("p. {}", page_of(b, c));
        let size = 10.0f32.min(h * 0.5).max(5.0);
        let tw = fonts.width(&tag, size, true);
        items.push(Item::rect(px + 2.0, py + 2.0, tw + 6.0, size + 4.0, Some(colour::WHITE), None));
        items.push(Item::text(px + 5.0, py + 2.0 + size, size, true, colour::AMBER_DARK, tag));
    }
    out.push(items);

    for &(b, c) in &tiles {
        let view = View {
            scale,
            x0: columns[c],
            x1: columns[c + 1],
            y0: bands[b],
            y1: bands[b + 1],
            ox: tile_area.x,
            oy: tile_area.y,
            header,
        };
        let mut items = Vec::new();
        draw(fonts, d, &view, true, &mut items);
        // Continuation marks on a line under the drawing: never over it.
        let mark = |text: String, x: f32, items: &mut Vec<Item>| {
            let w = fonts.width(&text, 8.0, true);
            items.push(Item::rect(x - 3.0, nav_y - 9.0, w + 6.0, 12.0, Some(colour::AMBER), None));
            items.push(Item::text(x, nav_y, 8.0, true, colour::AMBER_DARK, text));
        };
        let right = tile_area.x + view.width();
        if c + 1 < columns.len() - 1 {
            let text = format!("{} → p. {}", lang.pick("suite", "continued"), page_of(b, c + 1));
            let w = fonts.width(&text, 8.0, true);
            mark(text, right - w - 3.0, &mut items);
        }
        if c > 0 {
            mark(format!("← p. {}", page_of(b, c - 1)), tile_area.x + 3.0, &mut items);
        }
        let centre = tile_area.x + view.width() / 2.0;
        if b + 1 < bands.len() - 1 {
            mark(format!("{} ↓ p. {}", lang.pick("suite", "continued"), page_of(b + 1, c)), centre + 10.0, &mut items);
        }
        if b > 0 {
            let text = format!("↑ p. {}", page_of(b - 1, c));
            let w = fonts.width(&text, 8.0, true);
            mark(text, centre - w - 10.0, &mut items);
        }
        out.push(items);
    }
    out
}

/// Vertical cuts between columns of steps, each tile at most `width` layout units wide.
fn x_cuts(l: &Layout, opts: &LayoutOptions, width: f32) -> Vec<f32> {
    let start = opts.lane_header as f32;
    let pitch = (opts.step_width + opts.column_gap) as f32;
    let per_tile = ((width / pitch).floor() as usize).max(1) as f32 * pitch;
    let end = l.width as f32;
    let mut cuts = vec![start];
    let mut x = start;
    while end - x > per_tile + 1.0 {
        x += per_tile;
        cuts.push(x);
    }
    cuts.push(end.max(start + 1.0));
    cuts
}

/// Horizontal cuts, at lane borders when possible, else between rows of steps.
fn y_cuts(l: &Layout, opts: &LayoutOptions, height: f32) -> Vec<f32> {
    let end = l.height as f32;
    let mut cuts = vec![0.0f32];
    let pitch = (opts.step_height + opts.row_gap) as f32;
    while end - cuts[cuts.len() - 1] > height + 0.5 {
        let top = cuts[cuts.len() - 1];
        // The lowest lane border that keeps the tile within `height`.
        let border = l.lanes.iter().map(|b| (b.y + b.height) as f32).rfind(|&y| y > top + 1.0 && y <= top + height);
        let cut = border.unwrap_or_else(|| {
            // A lane taller than a page: cut between its rows.
            let lane = l.lanes.iter().find(|b| ((b.y + b.height) as f32) > top + height);
            let base = lane.map_or(top, |b| (b.y + opts.lane_padding - opts.row_gap / 2.0) as f32);
            let m = ((top + height - base) / pitch).floor();
            let c = base + m * pitch;
            if c > top + 1.0 { c } else { top + height }
        });
        cuts.push(cut);
    }
    cuts.push(end);
    cuts.dedup_by(|a, b| (*a - *b).abs() < 0.5);
    if cuts.len() < 2 {
        cuts.push(end + 1.0);
    }
    cuts
}

/// Draws the part of the diagram a view shows; `text` false leaves the labels out (overview of
/// a huge diagram, where they would be unreadable anyway).
fn draw(fonts: &Fonts, d: &Diagram, v: &View, text: bool, items: &mut Vec<Item>) {
    let l = &d.layout;
    let s = v.scale;
    let (w, h) = (v.width(), v.height());
    items.push(Item::Clip { x: v.ox, y: v.oy, w, h });
    let header_w = v.header * s;
    for (i, lane) in l.lanes.iter().enumerate() {
        let (top, bottom) = ((lane.y as f32).max(v.y0), ((lane.y + lane.height) as f32).min(v.y1));
        if bottom <= top {
            continue;
        }
        let (py, ph) = (v.y(f64::from(top)), (bottom - top) * s);
        let fill = if i % 2 == 0 { colour::PALE } else { colour::WHITE };
        items.push(Item::rect(v.ox, py, w, ph, Some(fill), Some(Stroke::solid(colour::RULE, 0.5))));
        items.push(Item::rect(
            v.ox,
            py,
            header_w,
            ph,
            Some(colour::LIGHT_BLUE),
            Some(Stroke::solid(colour::RULE, 0.5)),
        ));
        if text {
            let size = small(s);
            let avail = header_w - 8.0 * s;
            // Bold unless a word would have to be cut: then the narrower regular weight.
            let bold = lane.name.split_whitespace().all(|w| fonts.width(w, size, true) <= avail);
            let lines = fonts.wrap(&lane.name, size, bold, avail);
            let lh = size * 1.2;
            let max_lines = ((ph - 4.0) / lh).floor().max(1.0) as usize;
            let shown = lines.len().min(max_lines);
            let mut y = py + (ph - shown as f32 * lh) / 2.0 + size;
            for (k, line) in lines.iter().take(shown).enumerate() {
                let line = if k + 1 == shown && shown < lines.len() {
                    fonts.ellipsize(&format!("{line}…"), size, bold, avail)
                } else {
                    line.clone()
                };
                items.push(Item::text(v.ox + 4.0 * s, y, size, bold, colour::BLUE, line));
                y += lh;
            }
        }
    }
    // Edges, under the steps.
    let (lx0, lx1) = (f64::from(v.x0) - 1.0, f64::from(v.x1) + 1.0);
    let (ly0, ly1) = (f64::from(v.y0) - 1.0, f64::from(v.y1) + 1.0);
    items.push(Item::Clip { x: v.ox + header_w, y: v.oy, w: w - header_w, h });
    for e in &l.edges {
        let inside = e.points.windows(2).any(|p| {
            p[0].x.max(p[1].x) >= lx0
                && p[0].x.min(p[1].x) <= lx1
                && p[0].y.max(p[1].y) >= ly0
                && p[0].y.min(p[1].y) <= ly1
        });
        if !inside || e.points.len() < 2 {
            continue;
        }
        let c = if e.back { colour::BACK } else { colour::INK };
        let points: Vec<(f32, f32)> = e.points.iter().map(|p| (v.x(p.x), v.y(p.y))).collect();
        items.push(Item::Shape {
            points: points.clone(),
            closed: false,
            fill: None,
            stroke: Some(Stroke { colour: c, width: (1.0 * s).max(0.4), dashed: e.back }),
        });
        let (a, b) = (points[points.len() - 2], points[points.len() - 1]);
        let len = ((b.0 - a.0).powi(2) + (b.1 - a.1).powi(2)).sqrt().max(0.001);
        let (ux, uy) = ((b.0 - a.0) / len, (b.1 - a.1) / len);
        let (al, aw) = (8.0 * s, 3.5 * s);
        let base = (b.0 - ux * al, b.1 - uy * al);
        items.push(Item::Shape {
            points: vec![b, (base.0 - uy * aw, base.1 + ux * aw), (base.0 + uy * aw, base.1 - ux * aw)],
            closed: true,
            fill: Some(c),
            stroke: None,
        });
    }
    for n in &l.nodes {
        let (nx, ny, nw, nh) = (n.x as f32, n.y as f32, n.width as f32, n.height as f32);
        if nx + nw < v.x0 || nx > v.x1 || ny + nh < v.y0 || ny > v.y1 {
            continue;
        }
        let step = d.step(&n.id);
        let badges = step.map(|s| s.badges.as_slice()).unwrap_or_default();
        let label = step.map(|s| s.label.as_str()).unwrap_or_default();
        let c = n.center();
        let (px, py, pw, ph) = (v.x(n.x), v.y(n.y), nw * s, nh * s);
        let (cx, cy) = (v.x(c.x), v.y(c.y));
        let flagged = !badges.is_empty();
        let fill = Some(if flagged { colour::AMBER } else { colour::WHITE });
        let edge = if flagged { colour::AMBER_DARK } else { colour::BLUE };
        let own_text = text && v.holds(c.x, c.y);
        match n.kind {
            StepKind::Start | StepKind::End => {
                let width = if n.kind == StepKind::End { 3.0 } else { 1.2 };
                items.push(Item::circle(cx, cy, pw / 2.0, fill, Some(Stroke::solid(edge, width * s))));
                if own_text && !label.is_empty() {
                    centred_lines(fonts, label, small(s), false, 110.0 * s, cx, py + ph + 2.0 * s + small(s), 2, items);
                }
            }
            StepKind::Decision | StepKind::Parallel => {
                let diamond = vec![(cx, py), (px + pw, cy), (cx, py + ph), (px, cy)];
                items.push(Item::Shape {
                    points: diamond,
                    closed: true,
                    fill,
                    stroke: Some(Stroke::solid(edge, 1.2 * s)),
                });
                if own_text {
                    let mark = if n.kind == StepKind::Parallel { "+" } else { "×" };
                    let size = 18.0 * s;
                    items.push(Item::text(
                        cx - fonts.width(mark, size, true) / 2.0,
                        cy + size * 0.35,
                        size,
                        true,
                        colour::BLUE,
                        mark,
                    ));
                    if !label.is_empty() {
                        let size = small(s);
                        let lines = fonts.wrap(label, size, false, 150.0 * s).len().min(2) as f32;
                        let top = py - 3.0 * s - lines * size * 1.15;
                        centred_lines(fonts, label, size, false, 150.0 * s, cx, top + size, 2, items);
                    }
                }
            }
            StepKind::Task | StepKind::Approval | StepKind::Check => {
                let stroke = Stroke {
                    colour: edge,
                    width: (if n.kind == StepKind::Approval { 2.0 } else { 1.0 }) * s,
                    dashed: false,
                };
                items.push(Item::rounded(px, py, pw, ph, 6.0 * s, fill, Some(stroke)));
                if own_text {
                    box_label(fonts, label, px, py, pw, ph, s, items);
                }
            }
        }
        if own_text && flagged {
            let tag = badges.iter().map(ToString::to_string).collect::<Vec<_>>().join(",");
            let size = small(s);
            let tw = fonts.width(&tag, size, true);
            let (bw, bh) = ((tw + 8.0 * s).max(bh_of(s)), bh_of(s));
            let (bx, by) = (px + pw - bw * 0.7, py - bh * 0.45);
            items.push(Item::rounded(
                bx,
                by,
                bw,
                bh,
                bh / 2.0,
                Some(colour::AMBER_DARK),
                Some(Stroke::solid(colour::WHITE, 0.8 * s)),
            ));
            items.push(Item::text(bx + (bw - tw) / 2.0, by + bh / 2.0 + size * 0.36, size, true, colour::WHITE, tag));
        }
    }
    items.push(Item::Unclip);
    items.push(Item::Unclip);
}

/// The size of a small text at scale `s`: `SMALL` units, but never under the readable minimum
/// when the step labels themselves are readable.
fn small(s: f32) -> f32 {
    let size = SMALL * s;
    if LABEL * s >= MIN_TEXT_PT { size.max(MIN_TEXT_PT) } else { size }
}

fn bh_of(s: f32) -> f32 {
    small(s) + 6.0 * s
}

/// A step's label inside its box: wrapped, shrunk a little if needed, vertically centred;
/// shortened with "…" only if it cannot fit at all.
#[allow(clippy::too_many_arguments)]
fn box_label(fonts: &Fonts, label: &str, px: f32, py: f32, pw: f32, ph: f32, s: f32, items: &mut Vec<Item>) {
    const LEADING: f32 = 1.12;
    let inner = pw - 8.0 * s;
    let room = ph - 4.0 * s;
    let floor = if LABEL * s >= MIN_TEXT_PT { MIN_TEXT_PT.max(LABEL * s * 0.7) } else { LABEL * s * 0.7 };
    let mut size = LABEL * s;
    let mut lines = fonts.wrap(label, size, false, inner);
    while lines.len() as f32 * size * LEADING > room && size * 0.95 >= floor {
        size *= 0.95;
        lines = fonts.wrap(label, size, false, inner);
    }
    let max = (room / (size * LEADING)).floor().max(1.0) as usize;
    if lines.len() > max {
        let rest = lines[max - 1..].join(" ");
        lines.truncate(max - 1);
        lines.push(fonts.ellipsize(&rest, size, false, inner));
    }
    let lh = size * LEADING;
    let mut y = py + (ph - lines.len() as f32 * lh) / 2.0 + size * 0.9;
    for line in lines {
        let w = fonts.width(&line, size, false);
        items.push(Item::text(px + (pw - w) / 2.0, y, size, false, colour::INK, line));
        y += lh;
    }
}

/// Lines of text centred on `cx`, the first baseline at `y`, at most `max_lines` lines.
#[allow(clippy::too_many_arguments)]
fn centred_lines(
    fonts: &Fonts,
    text: &str,
    size: f32,
    bold: bool,
    width: f32,
    cx: f32,
    y: f32,
    max_lines: usize,
    items: &mut Vec<Item>,
) {
    let mut lines = fonts.wrap(text, size, bold, width);
    if lines.len() > max_lines {
        let rest = lines[max_lines - 1..].join(" ");
        lines.truncate(max_lines - 1);
        lines.push(fonts.ellipsize(&rest, size, bold, width));
    }
    let mut y = y;
    for line in lines {
        let w = fonts.width(&line, size, bold);
        items.push(Item::text(cx - w / 2.0, y, size, bold, colour::MUTED, line));
        y += size * 1.15;
    }
}
