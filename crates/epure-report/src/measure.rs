//! Text measurement with the embedded font, and word wrapping.
//!
//! printpdf places text but does not wrap it: every line break in the report is decided here,
//! from the advance widths of the very font that is embedded, so a line never runs past its box.

use printpdf::ParsedFont;

/// Code points below this get their width from a table filled once; the rest are looked up.
const TABLE: usize = 0x2200;

/// The report's two faces (regular and bold), parsed once, with advance-width tables.
pub struct Fonts {
    pub(crate) regular: ParsedFont,
    pub(crate) bold: ParsedFont,
    widths: [Vec<f32>; 2],
}

impl std::fmt::Debug for Fonts {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("Fonts { regular, bold }")
    }
}

/// Why fonts could not be used.
#[derive(Debug, Clone, PartialEq, Eq, thiserror::Error)]
pub enum FontError {
    #[error("the {0} font could not be parsed (expected TrueType or OpenType bytes)")]
    Unreadable(&'static str),
}

impl Fonts {
    /// Parses the regular and bold faces from TrueType/OpenType bytes (DejaVu Sans is the
    /// intended face: it has every French glyph, including « », œ and the narrow no-break space).
    pub fn from_bytes(regular: &[u8], bold: &[u8]) -> Result<Self, FontError> {
        let regular = ParsedFont::from_bytes(regular, 0, &mut Vec::new()).ok_or(FontError::Unreadable("regular"))?;
        let bold = ParsedFont::from_bytes(bold, 0, &mut Vec::new()).ok_or(FontError::Unreadable("bold"))?;
        let widths = [table(&regular), table(&bold)];
        Ok(Fonts { regular, bold, widths })
    }

    /// Width in points of `text` set in `size` points.
    pub fn width(&self, text: &str, size: f32, bold: bool) -> f32 {
        let (font, table) = if bold { (&self.bold, &self.widths[1]) } else { (&self.regular, &self.widths[0]) };
        let em: f32 = text
            .chars()
            .map(|c| match table.get(c as usize) {
                Some(&w) => w,
                None => advance(font, c),
            })
            .sum();
        em * size
    }

    /// Breaks `text` into lines no wider than `max` points: at spaces, and inside a word only
    /// when the word alone is too wide. Explicit newlines are kept. Never returns no line. French
    /// typography keeps a space that is not a break: before « % », « : », « ; », « ? », « ! »
    /// and « », and after « « » (the texts write them with plain spaces, see `unbreakable`).
    pub fn wrap(&self, text: &str, size: f32, bold: bool, max: f32) -> Vec<String> {
        let space = self.width(" ", size, bold);
        let mut lines = Vec::new();
        for paragraph in text.split('\n') {
            let mut line = String::new();
            let mut width = 0.0;
            for word in unbreakable(paragraph) {
                let word = word.as_str();
                let w = self.width(word, size, bold);
                if !line.is_empty() && width + space + w <= max {
                    line.push(' ');
                    line.push_str(word);
                    width += space + w;
                    continue;
                }
                if !line.is_empty() {
                    lines.push(std::mem::take(&mut line));
                }
                if w <= max {
                    line.push_str(word);
                    width = w;
                } else {
                    // A word wider than the line: cut it between characters.
                    width = 0.0;
                    for c in word.chars() {
                        let cw = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
                        if !line.is_empty() && width + cw > max {
                            lines.push(std::mem::take(&mut line));
                            width = 0.0;
                        }
                        line.push(c);
                        width += cw;
                    }
                }
            }
            lines.push(line);
        }
        lines
    }

    /// Shortens `text` with "…" until it fits in `max` points.
    pub fn ellipsize(&self, text: &str, size: f32, bold: bool, max: f32) -> String {
        if self.width(text, size, bold) <= max {
            return text.to_owned();
        }
        let ell = self.width("…", size, bold);
        let mut out = String::new();
        let mut width = 0.0;
        for c in text.chars() {
            let cw = self.width(c.encode_utf8(&mut [0; 4]), size, bold);
            if width + cw + ell > max {
                break;
            }
            out.push(c);
            width += cw;
        }
        out.push('…');
        out
    }
}

/// Advance width of one character, in ems (0 for a character the font lacks).
fn advance(font: &ParsedFont, c: char) -> f32 {
    let upem = f32::from(font.font_metrics.units_per_em.max(1));
    font.lookup_glyph_index(c as u32).map_or(0.0, |g| f32::from(font.get_horizontal_advance(g)) / upem)
}

fn table(font: &ParsedFont) -> Vec<f32> {
    (0..TABLE as u32).map(|cp| char::from_u32(cp).map_or(0.0, |c| advance(font, c))).collect()
}

/// The words of `paragraph` as the lines may break between them: a word that opens on French
/// closing punctuation (« % », « : », « ; », « ? », « ! », « » ») stays with the word before it,
/// and the word after an opening « « » stays with it, each pair joined by a space.
fn unbreakable(paragraph: &str) -> Vec<String> {
    const CLOSING: &[char] = &['%', ':', ';', '?', '!', '»'];
    let mut units: Vec<String> = Vec::new();
    for word in paragraph.split_whitespace() {
        match units.last_mut() {
            Some(last) if word.starts_with(CLOSING) || last.ends_with('«') => {
                last.push(' ');
                last.push_str(word);
            }
            _ => units.push(word.to_owned()),
        }
    }
    units
}

#[cfg(test)]
mod tests {
    use super::*;

    fn fonts() -> Fonts {
        Fonts::from_bytes(dejavu::sans::regular(), dejavu::sans::bold()).expect("DejaVu parses")
    }

    #[test]
    fn widths_come_from_the_font() {
        let f = fonts();
        let a = f.width("Déposer le dossier", 10.0, false);
        assert!(a > 60.0 && a < 120.0, "{a}");
        assert!(f.width("Déposer", 10.0, true) > f.width("Déposer", 10.0, false));
        assert!(f.width("«\u{202F}»", 10.0, false) > 0.0);
    }

    #[test]
    fn wrapping_never_overflows_and_loses_no_word() {
        let f = fonts();
        let text = "Vérifier la complétude du dossier et demander les pièces manquantes à l'usager";
        for max in [40.0, 80.0, 150.0, 1000.0] {
            let lines = f.wrap(text, 9.0, false, max);
            for l in &lines {
                assert!(f.width(l, 9.0, false) <= max || !l.contains(' '), "{l:?} in {max}");
            }
            let squash = |s: &str| s.replace(' ', "");
            assert_eq!(squash(&lines.concat()), squash(text), "no character lost");
            if max >= 80.0 {
                assert_eq!(lines.join(" "), text, "words are cut only when alone too wide");
            }
        }
        let cut = f.wrap("Anticonstitutionnellement", 12.0, false, 30.0);
        assert!(cut.len() > 2);
        assert_eq!(cut.concat(), "Anticonstitutionnellement");
        assert_eq!(f.wrap("", 9.0, false, 50.0), vec![String::new()]);
    }

    #[test]
    fn ellipsis_fits() {
        let f = fonts();
        let s = f.ellipsize("Service instructeur ADS (intercommunal)", 9.0, true, 60.0);
        assert!(s.ends_with('…'));
        assert!(f.width(&s, 9.0, true) <= 60.0);
    }

    #[test]
    fn wrapping_keeps_french_punctuation_with_its_word() {
        let f = fonts();
        let text = "Sur un parcours que suivent au plus 70 % des dossiers, à l'étape « Notifier la décision » : \
                    le dossier change de mains ; pourquoi ?";
        // From widths where every word fits (below, words are cut between characters anyway).
        for max in (80..260).step_by(3) {
            let lines = f.wrap(text, 9.0, false, max as f32);
            for l in &lines {
                assert!(!l.starts_with(['%', '»', ':', ';', '?']), "{l:?} at {max}: {lines:?}");
                assert!(!l.ends_with('«'), "{l:?} at {max}: {lines:?}");
            }
            assert_eq!(lines.concat().replace(' ', ""), text.replace(' ', ""), "no character lost at {max}");
        }
    }
}
