//! Writing for people: durations in people's units, quoted labels, lists, numbers, in French
//! (typography of the French public service: « guillemets », non-breaking spaces, decimal comma)
//! and in English.

use super::Lang;

/// The space inside « guillemets » and between a number and its unit. A plain space, not U+00A0:
/// the texts are searched and compared by scripts and tests, and the report's layout wraps lines
/// itself.
pub const NBSP: char = ' ';

/// A label in quotes: « Déposer le dossier » / “Déposer le dossier”.
pub fn quote(lang: Lang, s: &str) -> String {
    let mut out = String::with_capacity(s.len() + 8);
    push_quoted(&mut out, lang, s);
    out
}

/// Appends a label in quotes (see [`quote`]).
pub fn push_quoted(out: &mut String, lang: Lang, s: &str) {
    match lang {
        Lang::Fr => {
            out.push('«');
            out.push(NBSP);
            out.push_str(s);
            out.push(NBSP);
            out.push('»');
        }
        Lang::En => {
            out.push('“');
            out.push_str(s);
            out.push('”');
        }
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
    for i in 0..count {
        if i + 1 == count && i > 0 {
            out.push_str(and(lang));
        } else if i > 0 {
            out.push_str(", ");
        }
        item(out, i);
    }
}

/// Quoted labels joined as a list.
pub fn quoted_list(lang: Lang, labels: &[String]) -> String {
    let len: usize = labels.iter().map(|l| l.len() + 10).sum::<usize>() + 4;
    let mut out = String::with_capacity(len);
    push_list(&mut out, lang, labels.len(), |o, i| push_quoted(o, lang, &labels[i]));
    out
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

pub fn number(lang: Lang, v: f64, decimals: usize) -> String {
    let v = if v.is_finite() { v } else { 0.0 };
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

/// A number followed by a space and a unit.
fn with_unit(mut n: String, unit: &str) -> String {
    n.reserve(unit.len() + 1);
    n.push(NBSP);
    n.push_str(unit);
    n
}

/// A duration in people's units: minutes below an hour, hours below a working day, working days
/// beyond (1 working day = `day` minutes, the project's convention: 420).
pub fn duration(lang: Lang, min: f64, day: f64) -> String {
    let min = if min.is_finite() { min.max(0.0) } else { 0.0 };
    let day = if day > 0.0 { day } else { 420.0 };
    if min < 59.5 {
        return with_unit(number(lang, min, 0), "min");
    }
    if min < day {
        let h = (min / 60.0).floor();
        let m = (min - h * 60.0).round();
        let (h, m) = if m >= 60.0 { (h + 1.0, 0.0) } else { (h, m) };
        let hours = with_unit(number(lang, h, 0), "h");
        return if m == 0.0 {
            hours
        } else {
            let mut s = hours;
            let _ = match lang {
                Lang::Fr => std::fmt::Write::write_fmt(&mut s, format_args!("{NBSP}{:02}", m as u32)),
                Lang::En => std::fmt::Write::write_fmt(&mut s, format_args!("{NBSP}{:02}{NBSP}min", m as u32)),
            };
            s
        };
    }
    let d = min / day;
    let n = number(lang, d, 1);
    let one = n == "1";
    match lang {
        Lang::Fr => with_unit(n, if d < 2.0 { "jour ouvré" } else { "jours ouvrés" }),
        Lang::En => with_unit(n, if one { "working day" } else { "working days" }),
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

/// "twice", "three times"…
pub fn times(lang: Lang, n: usize) -> String {
    match (lang, n) {
        (Lang::Fr, 2) => "deux fois".into(),
        (Lang::Fr, 3) => "trois fois".into(),
        (Lang::Fr, 4) => "quatre fois".into(),
        (Lang::Fr, n) => format!("{n}{NBSP}fois"),
        (Lang::En, 2) => "twice".into(),
        (Lang::En, n) => format!("{n} times"),
    }
}

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
