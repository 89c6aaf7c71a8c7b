//! Pages of positioned shapes and text: what pagination produces and the PDF writer draws.
//!
//! Coordinates are in points, from the page's top-left corner, `y` growing downwards (the PDF
//! writer flips them). Text is placed by its baseline.

/// A colour, components in 0..=1.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Rgb(pub f32, pub f32, pub f32);

impl Rgb {
    /// From a 0xRRGGBB value.
    pub const fn hex(v: u32) -> Self {
        Rgb(((v >> 16) & 0xff) as f32 / 255.0, ((v >> 8) & 0xff) as f32 / 255.0, (v & 0xff) as f32 / 255.0)
    }
}

/// The palette: the French administration's blue, greys, and an amber for what is flagged.
pub mod colour {
    use super::Rgb;
    pub const INK: Rgb = Rgb::hex(0x1e1e1e);
    pub const MUTED: Rgb = Rgb::hex(0x666666);
    pub const BLUE: Rgb = Rgb::hex(0x000091);
    pub const LIGHT_BLUE: Rgb = Rgb::hex(0xe3e3fd);
    pub const PALE: Rgb = Rgb::hex(0xf5f5fe);
    pub const RULE: Rgb = Rgb::hex(0xcccccc);
    pub const WHITE: Rgb = Rgb::hex(0xffffff);
    pub const AMBER: Rgb = Rgb::hex(0xffd98e);
    pub const AMBER_DARK: Rgb = Rgb::hex(0xb34000);
    pub const BACK: Rgb = Rgb::hex(0xc9191e);
    pub const BAR_BEFORE: Rgb = Rgb::hex(0x9a9aca);
}

/// How a shape's outline is drawn.
#[derive(Debug, Clone, Copy, PartialEq)]
pub struct Stroke {
    pub colour: Rgb,
    pub width: f32,
    pub dashed: bool,
}

impl Stroke {
    pub const fn solid(colour: Rgb, width: f32) -> Self {
        Stroke { colour, width, dashed: false }
    }
}

/// One thing drawn on a page.
#[derive(Debug, Clone, PartialEq)]
pub enum Item {
    /// A line of text; `y` is its baseline.
    Text {
        x: f32,
        y: f32,
        size: f32,
        bold: bool,
        colour: Rgb,
        text: String,
    },
    /// A polyline or polygon.
    Shape {
        points: Vec<(f32, f32)>,
        closed: bool,
        fill: Option<Rgb>,
        stroke: Option<Stroke>,
    },
    /// Everything until the matching [`Item::Unclip`] is clipped to this rectangle.
    Clip {
        x: f32,
        y: f32,
        w: f32,
        h: f32,
    },
    Unclip,
}

impl Item {
    pub fn text(x: f32, y: f32, size: f32, bold: bool, colour: Rgb, text: impl Into<String>) -> Self {
        Item::Text { x, y, size, bold, colour, text: text.into() }
    }

    /// An axis-aligned rectangle.
    pub fn rect(x: f32, y: f32, w: f32, h: f32, fill: Option<Rgb>, stroke: Option<Stroke>) -> Self {
        Item::Shape { points: vec![(x, y), (x + w, y), (x + w, y + h), (x, y + h)], closed: true, fill, stroke }
    }

    /// A straight line.
    pub fn line(a: (f32, f32), b: (f32, f32), stroke: Stroke) -> Self {
        Item::Shape { points: vec![a, b], closed: false, fill: None, stroke: Some(stroke) }
    }

    /// A rectangle with rounded corners (each corner a few segments of arc).
    pub fn rounded(x: f32, y: f32, w: f32, h: f32, r: f32, fill: Option<Rgb>, stroke: Option<Stroke>) -> Self {
        let r = r.min(w / 2.0).min(h / 2.0);
        let corners = [
            (x + w - r, y + r, -90.0f32),
            (x + w - r, y + h - r, 0.0),
            (x + r, y + h - r, 90.0),
            (x + r, y + r, 180.0),
        ];
        let mut points = Vec::with_capacity(20);
        for (cx, cy, start) in corners {
            for k in 0..=4 {
                let a = (start + k as f32 * 22.5).to_radians();
                points.push((cx + r * a.cos(), cy + r * a.sin()));
            }
        }
        Item::Shape { points, closed: true, fill, stroke }
    }

    /// A circle, as a 24-sided polygon.
    pub fn circle(cx: f32, cy: f32, r: f32, fill: Option<Rgb>, stroke: Option<Stroke>) -> Self {
        let points = (0..24)
            .map(|k| {
                let a = (k as f32 * 15.0).to_radians();
                (cx + r * a.cos(), cy + r * a.sin())
            })
            .collect();
        Item::Shape { points, closed: true, fill, stroke }
    }
}

/// A4 in points.
pub const A4_SHORT: f32 = 595.276;
pub const A4_LONG: f32 = 841.89;

/// A page: its size and what is drawn on it.
#[derive(Debug, Clone, PartialEq)]
pub struct Page {
    pub width: f32,
    pub height: f32,
    /// The title of the section the page belongs to (running header).
    pub section: String,
    /// An entry of the PDF's outline pointing at this page (the first page of a section).
    pub bookmark: Option<String>,
    pub items: Vec<Item>,
}
