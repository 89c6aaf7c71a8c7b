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
    match lang {
        Lang::Fr => format!("«{NBSP}{s}{NBSP}»"),
        Lang::En => format!("“{s}”"),
    }
}

/// Items joined as people write a list: « A », « B » et « C ».
pub fn list(lang: Lang, items: &[String]) -> String {
    let and = match lang {
        Lang::Fr => " et ",
        Lang::En => " and ",
    };
    match items {
        [] => String::new(),
        [one] => one.clone(),
        [rest @ .., last] => format!("{}{and}{last}", rest.join(", ")),
    }
}

/// Quoted labels joined as a list.
pub fn quoted_list(lang: Lang, labels: &[String]) -> String {
    let q: Vec<String> = labels.iter().map(|l| quote(lang, l)).collect();
    list(lang, &q)
}

/// A number with at most `decimals` decimals, trailing zeros dropped, decimal comma in French.
pub fn number(lang: Lang, v: f64, decimals: usize) -> String {
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
    // Thousands grouped: 12 345 / 12,345.
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

/// A duration in people's units: minutes below an hour, hours below a working day, working days
/// beyond (1 working day = `day` minutes, the project's convention: 420).
pub fn duration(lang: Lang, min: f64, day: f64) -> String {
    let min = if min.is_finite() { min.max(0.0) } else { 0.0 };
    let day = if day > 0.0 { day } else { 420.0 };
    if min < 59.5 {
        return format!("{}{NBSP}min", number(lang, min, 0));
    }
    if min < day {
        let h = (min / 60.0).floor();
        let m = (min - h * 60.0).round();
        let (h, m) = if m >= 60.0 { (h + 1.0, 0.0) } else { (h, m) };
        return if m == 0.0 {
            format!("{}{NBSP}h", number(lang, h, 0))
        } else {
            match lang {
                Lang::Fr => format!("{}{NBSP}h{NBSP}{:02}", number(lang, h, 0), m as u32),
                Lang::En => format!("{}{NBSP}h{NBSP}{:02}{NBSP}min", number(lang, h, 0), m as u32),
            }
        };
    }
    let d = min / day;
    let n = number(lang, d, 1);
    let one = n == "1";
    match lang {
        Lang::Fr => format!("{n}{NBSP}{}", if d < 2.0 { "jour ouvré" } else { "jours ouvrés" }),
        Lang::En => format!("{n}{NBSP}{}", if one { "working day" } else { "working days" }),
    }
}

/// A share as a percentage: « 30 % » / “30%”.
pub fn percent(lang: Lang, share: f64) -> String {
    let n = number(lang, share * 100.0, 0);
    match lang {
        Lang::Fr => format!("{n}{NBSP}%"),
        Lang::En => format!("{n}%"),
    }
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

    fn fr(min: f64) -> String {
        duration(Lang::Fr, min, 420.0).replace(NBSP, " ")
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
