//! Writing for people: durations in people's units, quoted labels, lists, numbers, in French
//! (typography of the French public service: « guillemets », non-breaking spaces, decimal comma)
//! and in English.

use std::fmt::{self, Display};

use super::Lang;

/// The space inside « guillemets » and between a number and its unit. A plain space, not U+00A0:
/// the texts are searched and compared by scripts and tests, and the report's layout wraps lines
/// itself.
pub const NBSP: char = ' ';

/// The French quotes with their spaces ([`NBSP`], checked by a test).
const FR_QUOTES: (&str, &str) = ("« ", " »");

/// The opening and closing quotes of a language.
fn quotes(lang: Lang) -> (&'static str, &'static str) {
    match lang {
        Lang::Fr => FR_QUOTES,
        Lang::En => ("“", "”"),
    }
}

/// A label in quotes: « Déposer le dossier » / “Déposer le dossier”.
pub fn quote(lang: Lang, s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_quoted(&mut out, lang, s);
    out
}

/// Appends a label in quotes (see [`quote`]).
pub fn push_quoted(out: &mut String, lang: Lang, s: &str) {
    let (open, close) = quotes(lang);
    out.reserve(open.len() + s.len() + close.len());
    out.push_str(open);
    out.push_str(s);
    out.push_str(close);
}

/// A label in quotes written where it is formatted, without a `String` of its own:
/// `format!("Étape en double : {}", Quoted(Lang::Fr, label))` writes what [`quote`] returns.
/// Width and precision (`{:>20}`) are ignored, as for all the writers of this module.
#[derive(Clone, Copy)]
pub struct Quoted<'a>(pub Lang, pub &'a str);

impl Display for Quoted<'_> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        let (open, close) = quotes(self.0);
        f.write_str(open)?;
        f.write_str(self.1)?;
        f.write_str(close)
    }
}

/// The word joining the last two items of a list.
fn and(lang: Lang) -> &'static str {
    match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    }
}

/// Items joined as people write a list: « A », « B » et « C ».
pub fn list(lang: Lang, items: &[String]) -> String {
    let len: usize = items.iter().map(|i| i.len() + 2).sum::<usize>() + 4;
    let mut out = String::with_capacity(len);
    push_list(&mut out, lang, items.len(), |o, i| o.push_str(&items[i]));
    out
}

/// Appends `count` items joined as a list, `item(out, i)` writing the i-th.
pub fn push_list(out: &mut String, lang: Lang, count: usize, mut item: impl FnMut(&mut String, usize)) {
    let _ = write_list(out, lang, count, |o, i| {
        item(o, i);
        Ok(())
    });
}

/// Writes `count` items joined as a list, `item(w, i)` writing the i-th.
fn write_list<W: fmt::Write>(
    w: &mut W,
    lang: Lang,
    count: usize,
    mut item: impl FnMut(&mut W, usize) -> fmt::Result,
) -> fmt::Result {
    for i in 0..count {
        if i + 1 == count && i > 0 {
            w.write_str(and(lang))?;
        } else if i > 0 {
            w.write_str(", ")?;
        }
        item(w, i)?;
    }
    Ok(())
}

/// Quoted labels joined as a list.
pub fn quoted_list<S: AsRef<str>>(lang: Lang, labels: &[S]) -> String {
    let len: usize = labels.iter().map(|l| l.as_ref().len() + 10).sum::<usize>() + 4;
    let mut out = String::with_capacity(len);
    push_list(&mut out, lang, labels.len(), |o, i| push_quoted(o, lang, labels[i].as_ref()));
    out
}

/// Quoted labels joined as a list, written where they are formatted (what [`quoted_list`]
/// returns).
#[derive(Clone, Copy)]
pub struct QuotedList<'a, S>(pub Lang, pub &'a [S]);

impl<S: AsRef<str>> Display for QuotedList<'_, S> {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_list(f, self.0, self.1.len(), |f, i| Quoted(self.0, self.1[i].as_ref()).fmt(f))
    }
}

/// A number with at most `decimals` decimals, trailing zeros dropped, decimal comma in French.
/// `format!("{v:.decimals$}")`; whole numbers through integer formatting, much cheaper than a
/// float's, when rounding to the nearest integer cannot meet a tie (the one case where the float
/// formatting's rounding rule would matter).
fn fixed(v: f64, decimals: usize) -> String {
    if decimals == 0 && v.abs() < 1e15 && (v - v.trunc()).abs() != 0.5 {
        let r = v.round() as i64;
        // `{:.0}` keeps the sign of a negative value rounding to zero.
        return if r == 0 && v.is_sign_negative() { "-0".to_owned() } else { r.to_string() };
    }
    format!("{v:.decimals$}")
}

/// The whole number [`number`] writes for `v` when it writes one that integer formatting gives
/// exactly: `v` rounded without a tie to meet (no decimals asked), or a whole `v` (its decimals
/// are zeros, dropped). `None` when the float formatting must decide. A negative value written
/// as zero is zero (`number` drops the sign of « -0 »).
fn whole(v: f64, decimals: usize) -> Option<i64> {
    if !v.is_finite() || v.abs() >= 1e15 {
        return None;
    }
    // Truncated by the conversion, the fraction exact: no call to the float library's `round`.
    let t = v as i64;
    let frac = v - t as f64;
    if decimals > 0 {
        return (frac == 0.0).then_some(t);
    }
    match frac {
        0.5 | -0.5 => None,
        f if f > 0.5 => Some(t + 1),
        f if f < -0.5 => Some(t - 1),
        _ => Some(t),
    }
}

/// Writes a whole number, thousands grouped (12 345 / 12,345) beyond four digits.
fn write_whole<W: fmt::Write>(w: &mut W, lang: Lang, r: i64) -> fmt::Result {
    // One digit, the most written (« 0 min »).
    if (0..10).contains(&r) {
        return w.write_char(char::from(b'0' + r as u8));
    }
    let sep = match lang {
        Lang::Fr => NBSP,
        Lang::En => ',',
    };
    // 19 digits, 6 separators and a sign, from the last.
    let mut buf = ['0'; 26];
    let mut at = buf.len();
    let mut u = r.unsigned_abs();
    let grouped = u >= 10_000;
    let mut digits = 0usize;
    loop {
        if grouped && digits > 0 && digits.is_multiple_of(3) {
            at -= 1;
            buf[at] = sep;
        }
        at -= 1;
        buf[at] = char::from(b'0' + (u % 10) as u8);
        digits += 1;
        u /= 10;
        if u == 0 {
            break;
        }
    }
    if r < 0 {
        at -= 1;
        buf[at] = '-';
    }
    buf[at..].iter().try_for_each(|&c| w.write_char(c))
}

/// A number with at most `decimals` decimals, trailing zeros dropped, decimal comma in French,
/// thousands grouped beyond four digits: « 12 345,5 » / “12,345.5”.
pub fn number(lang: Lang, v: f64, decimals: usize) -> String {
    let mut out = String::with_capacity(8);
    let _ = write_number(&mut out, lang, v, decimals);
    out
}

/// Writes [`number`]: whole numbers by [`write_whole`], the others through the float formatting.
fn write_number<W: fmt::Write>(w: &mut W, lang: Lang, v: f64, decimals: usize) -> fmt::Result {
    let v = if v.is_finite() { v } else { 0.0 };
    match whole(v, decimals) {
        Some(r) => write_whole(w, lang, r),
        None => w.write_str(&decimal(lang, v, decimals)),
    }
}

/// [`number`] through the float formatting.
fn decimal(lang: Lang, v: f64, decimals: usize) -> String {
    let mut s = fixed(v, decimals);
    if s.contains('.') {
        while s.ends_with('0') {
            s.pop();
        }
        if s.ends_with('.') {
            s.pop();
        }
    }
    if s == "-0" {
        return "0".into();
    }
    let dot = s.find('.').unwrap_or(s.len());
    let first = usize::from(s.starts_with('-'));
    let digits = dot - first;
    // Thousands grouped (12 345 / 12,345) beyond four digits.
    let grouped = digits > 4;
    if !grouped && (lang == Lang::En || dot == s.len()) {
        return s;
    }
    let (sep, point) = match lang {
        Lang::Fr => (NBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(s.len() + digits / 3 + 1);
    out.push_str(&s[..first]);
    for (i, c) in s[first..dot].chars().enumerate() {
        if grouped && i > 0 && (digits - i).is_multiple_of(3) {
            out.push(sep);
        }
        out.push(c);
    }
    if dot < s.len() {
        out.push(point);
        out.push_str(&s[dot + 1..]);
    }
    out
}

/// Writes a space and a unit.
fn write_unit<W: fmt::Write>(w: &mut W, unit: &str) -> fmt::Result {
    w.write_char(NBSP)?;
    w.write_str(unit)
}

/// A duration in people's units: minutes below an hour, hours below a working day, working days
/// beyond (1 working day = `day` minutes, the project's convention: 420).
pub fn duration(lang: Lang, min: f64, day: f64) -> String {
    let mut out = String::with_capacity(16);
    let _ = write_duration(&mut out, lang, min, day);
    out
}

/// A duration written where it is formatted (what [`duration`] returns): lang, minutes, minutes
/// of a working day.
#[derive(Clone, Copy)]
pub struct Duration(pub Lang, pub f64, pub f64);

impl Display for Duration {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        write_duration(f, self.0, self.1, self.2)
    }
}

/// Writes [`duration`].
fn write_duration<W: fmt::Write>(w: &mut W, lang: Lang, min: f64, day: f64) -> fmt::Result {
    let min = if min.is_finite() { min.max(0.0) } else { 0.0 };
    let day = if day > 0.0 { day } else { 420.0 };
    if min < 59.5 {
        write_number(w, lang, min, 0)?;
        return write_unit(w, "min");
    }
    if min < day {
        let h = (min / 60.0).floor();
        let m = (min - h * 60.0).round();
        let (h, m) = if m >= 60.0 { (h + 1.0, 0.0) } else { (h, m) };
        write_number(w, lang, h, 0)?;
        write_unit(w, "h")?;
        return match (m == 0.0, lang) {
            (true, _) => Ok(()),
            (false, Lang::Fr) => write!(w, "{NBSP}{:02}", m as u32),
            (false, Lang::En) => write!(w, "{NBSP}{:02}{NBSP}min", m as u32),
        };
    }
    let d = min / day;
    let n = number(lang, d, 1);
    w.write_str(&n)?;
    match lang {
        Lang::Fr => write_unit(w, if d < 2.0 { "jour ouvré" } else { "jours ouvrés" }),
        Lang::En => write_unit(w, if n == "1" { "working day" } else { "working days" }),
    }
}

/// A share as a percentage: « 30 % » / “30%”; below 1 %, to two decimals (« 0,18 % »), so that a
/// small share does not read as none.
pub fn percent(lang: Lang, share: f64) -> String {
    let pct = share * 100.0;
    let mut n = number(lang, pct, if pct > 0.0 && pct < 1.0 { 2 } else { 0 });
    if lang == Lang::Fr {
        n.push(NBSP);
    }
    n.push('%');
    n
}

/// A quantity and its noun, singular or plural: « 1 demande », « 0,43 contact », « 2 passages de
/// relais » (in French, below 2 takes the singular) / “1 request”, “0.43 contacts”.
pub fn quantity(lang: Lang, v: f64, decimals: usize, one: &str, many: &str) -> String {
    let n = number(lang, v, decimals);
    let singular = match lang {
        Lang::Fr => v.abs() < 2.0,
        Lang::En => n == "1",
    };
    format!("{n} {}", if singular { one } else { many })
}

/// A small count as the findings write it, in words up to four as [`Times`] does (« deux
/// validations », “three approvals”), in figures above.
pub fn few(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 2) => "deux".into(),
        (Lang::Fr, 3) => "trois".into(),
        (Lang::Fr, 4) => "quatre".into(),
        (Lang::En, 2) => "two".into(),
        (Lang::En, 3) => "three".into(),
        (Lang::En, 4) => "four".into(),
        (_, n) => n.to_string(),
    }
}

/// "twice", "three times"…, written where they are formatted.
#[derive(Clone, Copy)]
pub struct Times(pub Lang, pub usize);

impl Display for Times {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        match (self.0, self.1) {
            (Lang::Fr, 2) => f.write_str("deux fois"),
            (Lang::Fr, 3) => f.write_str("trois fois"),
            (Lang::Fr, 4) => f.write_str("quatre fois"),
            (Lang::Fr, n) => write!(f, "{n}{NBSP}fois"),
            (Lang::En, 2) => f.write_str("twice"),
            (Lang::En, n) => write!(f, "{n} times"),
        }
    }
}

mod pieces;
pub(crate) use pieces::sentence;
pub use pieces::{Piece, join};

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn quantities_agree_with_their_number() {
        let check = |lang, v, expect: &str| assert_eq!(quantity(lang, v, 2, "demande", "demandes"), expect, "{v}");
        check(Lang::Fr, 1.0, "1 demande");
        check(Lang::Fr, 0.43, "0,43 demande");
        check(Lang::Fr, 1.5, "1,5 demande");
        check(Lang::Fr, 2.0, "2 demandes");
        check(Lang::En, 1.0, "1 demande");
        check(Lang::En, 0.43, "0.43 demandes");
        check(Lang::En, 1.001, "1 demande");
    }

    #[test]
    fn a_small_share_does_not_read_as_none() {
        assert_eq!(percent(Lang::Fr, 0.0018).replace(NBSP, " "), "0,18 %");
        assert_eq!(percent(Lang::En, 0.0076), "0.76%");
        assert_eq!(percent(Lang::En, 0.0), "0%");
        assert_eq!(percent(Lang::En, 0.3), "30%");
        assert_eq!(percent(Lang::En, 0.0698), "7%");
    }

    fn fr(min: f64) -> String {
        duration(Lang::Fr, min, 420.0).replace(NBSP, " ")
    }

    #[test]
    fn whole_numbers_format_as_floats_do() {
        let mut values =
            vec![0.0, -0.0, 0.4, -0.4, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 1e15, 9.99e14, -7.6];
        let mut x = 0.37f64;
        for i in 0..20_000 {
            x = (x * 7919.0 + 0.123).fract();
            values.push((x - 0.5) * 10f64.powi(i % 16));
            values.push(((x * 2000.0).round() / 2.0) * if i % 2 == 0 { 1.0 } else { -1.0 });
        }
        for v in values {
            assert_eq!(super::fixed(v, 0), format!("{v:.0}"), "{v:?}");
            assert_eq!(super::fixed(v, 1), format!("{v:.1}"), "{v:?}");
        }
    }

    #[test]
    fn whole_numbers_write_as_the_reference_does() {
        let mut values = vec![0.0, -0.0, 0.4, -0.4, 0.5, -0.5, 1.5, 2.5, -2.5, 0.49999999999999994, 9.99e14, -7.6];
        values.extend([9999.0, 10_000.0, -10_000.0, 123_456_789.0, -999_999_999_999_999.0, 1e15 - 0.5]);
        let mut x = 0.37f64;
        for i in 0..20_000 {
            x = (x * 7919.0 + 0.123).fract();
            values.push((x - 0.5) * 10f64.powi(i % 16));
            values.push(((x * 2000.0).round() / 2.0) * if i % 2 == 0 { 1.0 } else { -1.0 });
            values.push(((x - 0.5) * 10f64.powi(i % 16)).round());
        }
        for v in values {
            for decimals in 0..3 {
                for lang in [Lang::Fr, Lang::En] {
                    assert_eq!(number(lang, v, decimals), number_reference(lang, v, decimals), "{v:?} {decimals}");
                }
            }
        }
    }

    #[test]
    fn the_writers_write_what_the_functions_return() {
        assert_eq!(FR_QUOTES, (format!("«{NBSP}").as_str(), format!("{NBSP}»").as_str()));
        let l = ["A".to_string(), "B".to_string(), "C".to_string()];
        for lang in [Lang::Fr, Lang::En] {
            assert_eq!(Quoted(lang, "Déposer").to_string(), quote(lang, "Déposer"));
            for n in 0..=l.len() {
                assert_eq!(QuotedList(lang, &l[..n]).to_string(), quoted_list(lang, &l[..n]));
            }
            for min in [0.0, 0.4, 59.4, 59.5, 90.0, 119.6, 419.0, 420.0, 1470.0, 441.0, 1e7, f64::NAN] {
                assert_eq!(Duration(lang, min, 420.0).to_string(), duration(lang, min, 420.0));
            }
        }
        let times = |lang, n| sentence![Times(lang, n)];
        assert_eq!(times(Lang::Fr, 3), "trois fois");
        assert_eq!(times(Lang::Fr, 7).replace(NBSP, " "), "7 fois");
        assert_eq!(times(Lang::En, 2), "twice");
        assert_eq!(times(Lang::En, 5), "5 times");
        let q = Quoted(Lang::Fr, "A");
        assert_eq!(sentence!["x ", q, " y ", 12usize, QuotedList(Lang::En, &l)], format!("x {q} y 12“A”, “B” and “C”"));
    }

    #[test]
    fn durations_in_people_s_units() {
        assert_eq!(fr(15.0), "15 min");
        assert_eq!(fr(90.0), "1 h 30");
        assert_eq!(fr(120.0), "2 h");
        assert_eq!(fr(420.0), "1 jour ouvré");
        assert_eq!(fr(1470.0), "3,5 jours ouvrés");
        assert_eq!(duration(Lang::En, 1470.0, 420.0).replace(NBSP, " "), "3.5 working days");
        assert_eq!(fr(f64::NAN), "0 min");
    }

    /// The first, plainer writing of [`number`], kept to check the faster one against.
    fn number_reference(lang: Lang, v: f64, decimals: usize) -> String {
        let v = if v.is_finite() { v } else { 0.0 };
        let mut s = format!("{v:.decimals$}");
        if s.contains('.') {
            while s.ends_with('0') {
                s.pop();
            }
            if s.ends_with('.') {
                s.pop();
            }
        }
        if s == "-0" {
            s = "0".into();
        }
        let (int, frac) = match s.find('.') {
            Some(i) => (s[..i].to_string(), s[i..].to_string()),
            None => (s.clone(), String::new()),
        };
        let (sign, digits) = if let Some(d) = int.strip_prefix('-') { ("-", d.to_string()) } else { ("", int) };
        if digits.len() > 4 {
            let sep = match lang {
                Lang::Fr => NBSP,
                Lang::En => ',',
            };
            let mut grouped = String::new();
            for (i, c) in digits.chars().enumerate() {
                if i > 0 && (digits.len() - i) % 3 == 0 {
                    grouped.push(sep);
                }
                grouped.push(c);
            }
            s = format!("{sign}{grouped}{frac}");
        }
        match lang {
            Lang::Fr => s.replace('.', ","),
            Lang::En => s,
        }
    }

    #[test]
    fn numbers_as_the_reference_writes_them() {
        let mut values =
            vec![0.0, -0.0, -0.004, 0.5, -0.5, 1.0, 9999.5, 10_000.0, -12_345.678, 1e15, f64::NAN, f64::INFINITY];
        let mut x = 0.000_123_f64;
        while x < 1e12 {
            values.extend([x, -x, x.round(), x * 7.3]);
            x *= 3.7;
        }
        for v in values {
            for decimals in 0..4 {
                for lang in [Lang::Fr, Lang::En] {
                    assert_eq!(number(lang, v, decimals), number_reference(lang, v, decimals), "{v} {decimals}");
                }
            }
        }
    }

    #[test]
    fn lists_and_quotes() {
        let l = vec!["A".to_string(), "B".to_string(), "C".to_string()];
        assert_eq!(quoted_list(Lang::Fr, &l).replace(NBSP, " "), "« A », « B » et « C »");
        assert_eq!(quoted_list(Lang::En, &l[..2]), "“A” and “B”");
        assert_eq!(percent(Lang::Fr, 0.3).replace(NBSP, " "), "30 %");
        assert_eq!(number(Lang::Fr, 71744.4, 0), "71 744");
        assert_eq!(number(Lang::En, 1234567.25, 2), "1,234,567.25");
        assert_eq!(number(Lang::Fr, 1788.0, 0), "1788");
    }
}
