//! Words and numbers for people: the report's fixed sentences in French (default) and English,
//! and number and date formatting with each language's conventions ("1 234,5", "12 %",
//! "28 novembre 2026" in French; "1,234.5", "12%", "28 November 2026" in English).

use serde::Serialize;

/// The language the report is written in.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default, Serialize)]
#[serde(rename_all = "snake_case")]
pub enum Lang {
    #[default]
    Fr,
    En,
}

impl Lang {
    /// The BCP 47 tag written into the PDF catalog (`/Lang`).
    pub fn tag(self) -> &'static str {
        match self {
            Lang::Fr => "fr-FR",
            Lang::En => "en-GB",
        }
    }

    /// Picks the French or the English text.
    pub fn pick<'a>(self, fr: &'a str, en: &'a str) -> &'a str {
        match self {
            Lang::Fr => fr,
            Lang::En => en,
        }
    }
}

/// The narrow no-break space French typography puts before "%" and between digit groups.
pub const NNBSP: char = '\u{202F}';

/// Formats a number with at most `decimals` decimals (trailing zeros dropped), digit groups
/// of three, and the language's separators. Non-finite values print as "—".
pub fn number(lang: Lang, value: f64, decimals: usize) -> String {
    if !value.is_finite() {
        return "—".to_owned();
    }
    let factor = 10f64.powi(decimals as i32);
    let rounded = (value * factor).round() / factor;
    let negative = rounded < 0.0;
    let text = format!("{:.*}", decimals, rounded.abs());
    let (int, frac) = match text.split_once('.') {
        Some((i, f)) => (i, f.trim_end_matches('0')),
        None => (text.as_str(), ""),
    };
    let (group, point) = match lang {
        Lang::Fr => (NNBSP, ','),
        Lang::En => (',', '.'),
    };
    let mut out = String::with_capacity(text.len() + 4);
    if negative && (int != "0" || !frac.is_empty()) {
        out.push('−');
    }
    let digits = int.len();
    for (i, c) in int.chars().enumerate() {
        if i > 0 && (digits - i) % 3 == 0 {
            out.push(group);
        }
        out.push(c);
    }
    if !frac.is_empty() {
        out.push(point);
        out.push_str(frac);
    }
    out
}

/// A signed difference: "+3", "−1,5", "0".
pub fn signed(lang: Lang, value: f64, decimals: usize) -> String {
    let text = number(lang, value, decimals);
    if value > 0.0 && text != "0" { format!("+{text}") } else { text }
}

/// A percentage of `value` (a ratio already multiplied by 100): "12 %" / "12%".
pub fn percent(lang: Lang, value: f64) -> String {
    let n = number(lang, value, 0);
    match lang {
        Lang::Fr => format!("{n}{NNBSP}%"),
        Lang::En => format!("{n}%"),
    }
}

/// A signed percentage change from `before` to `after`, or "—" when `before` is zero.
pub fn change_percent(lang: Lang, before: f64, after: f64) -> String {
    if before == 0.0 || !before.is_finite() || !after.is_finite() {
        return "—".to_owned();
    }
    let p = (after - before) / before.abs() * 100.0;
    let text = percent(lang, p);
    if p.round() > 0.0 { format!("+{text}") } else { text.replacen('-', "−", 1) }
}

const MONTHS_FR: [&str; 12] = [
    "janvier",
    "février",
    "mars",
    "avril",
    "mai",
    "juin",
    "juillet",
    "août",
    "septembre",
    "octobre",
    "novembre",
    "décembre",
];
const MONTHS_EN: [&str; 12] = [
    "January",
    "February",
    "March",
    "April",
    "May",
    "June",
    "July",
    "August",
    "September",
    "October",
    "November",
    "December",
];

/// Writes an ISO date ("2026-11-28") in words: "28 novembre 2026" / "28 November 2026"
/// ("1er" for the first of the month in French). Anything else is returned unchanged.
pub fn date(lang: Lang, iso: &str) -> String {
    let mut parts = iso.trim().splitn(3, '-');
    let (Some(y), Some(m), Some(d)) = (parts.next(), parts.next(), parts.next()) else {
        return iso.to_owned();
    };
    let (Ok(year), Ok(month), Ok(day)) = (y.parse::<u32>(), m.parse::<usize>(), d.parse::<u32>()) else {
        return iso.to_owned();
    };
    if !(1..=12).contains(&month) || !(1..=31).contains(&day) {
        return iso.to_owned();
    }
    match lang {
        Lang::Fr if day == 1 => format!("1er {} {year}", MONTHS_FR[month - 1]),
        Lang::Fr => format!("{day} {} {year}", MONTHS_FR[month - 1]),
        Lang::En => format!("{day} {} {year}", MONTHS_EN[month - 1]),
    }
}

/// Quotes a name the language's way: « nom » / “name”.
pub fn quote(lang: Lang, s: &str) -> String {
    match lang {
        Lang::Fr => format!("«\u{a0}{s}\u{a0}»"),
        Lang::En => format!("“{s}”"),
    }
}

/// `n` and the singular or plural noun (French: 0 and 1 take the singular).
pub fn count(lang: Lang, n: usize, one: &str, many: &str) -> String {
    let singular = match lang {
        Lang::Fr => n <= 1,
        Lang::En => n == 1,
    };
    format!("{n} {}", if singular { one } else { many })
}

#[cfg(test)]
mod tests {
    use super::*;

    fn check(lang: Lang, value: f64, decimals: usize, expect: &str) {
        assert_eq!(number(lang, value, decimals), expect, "{value}");
    }

    #[test]
    fn numbers_follow_each_language() {
        check(Lang::Fr, 1234.5, 1, "1\u{202F}234,5");
        check(Lang::Fr, 1234.0, 1, "1\u{202F}234");
        check(Lang::Fr, 1234567.891, 2, "1\u{202F}234\u{202F}567,89");
        check(Lang::Fr, 0.04, 1, "0");
        check(Lang::Fr, -2.5, 1, "−2,5");
        check(Lang::Fr, -0.01, 1, "0");
        check(Lang::En, 1234.5, 1, "1,234.5");
        check(Lang::En, 999.0, 0, "999");
        check(Lang::En, f64::NAN, 0, "—");
    }

    #[test]
    fn percentages_and_changes() {
        assert_eq!(percent(Lang::Fr, 12.0), "12\u{202F}%");
        assert_eq!(percent(Lang::En, 12.0), "12%");
        assert_eq!(change_percent(Lang::Fr, 10.0, 7.0), "−30\u{202F}%");
        assert_eq!(change_percent(Lang::En, 10.0, 12.0), "+20%");
        assert_eq!(change_percent(Lang::En, 0.0, 12.0), "—");
        assert_eq!(signed(Lang::Fr, 3.0, 0), "+3");
        assert_eq!(signed(Lang::Fr, -1.5, 1), "−1,5");
    }

    #[test]
    fn dates_in_words() {
        assert_eq!(date(Lang::Fr, "2026-11-28"), "28 novembre 2026");
        assert_eq!(date(Lang::Fr, "2026-08-01"), "1er août 2026");
        assert_eq!(date(Lang::En, "2026-11-28"), "28 November 2026");
        assert_eq!(date(Lang::En, "soon"), "soon");
        assert_eq!(date(Lang::En, "2026-13-01"), "2026-13-01");
    }
}

/// The UTC calendar date of a moment given in seconds since 1970-01-01, as YYYY-MM-DD: what a
/// shell passes as the report's date after reading its clock (the report never reads one).
pub fn iso_date(unix_seconds: u64) -> String {
    let (y, m, d) = civil_from_days((unix_seconds / 86_400) as i64);
    format!("{y:04}-{m:02}-{d:02}")
}

/// Days since 1970-01-01 to a proleptic Gregorian date (Howard Hinnant's algorithm).
fn civil_from_days(z: i64) -> (i64, u32, u32) {
    let z = z + 719_468;
    let era = z.div_euclid(146_097);
    let doe = z.rem_euclid(146_097);
    let yoe = (doe - doe / 1460 + doe / 36_524 - doe / 146_096) / 365;
    let doy = doe - (365 * yoe + yoe / 4 - yoe / 100);
    let mp = (5 * doy + 2) / 153;
    let d = (doy - (153 * mp + 2) / 5 + 1) as u32;
    let m = if mp < 10 { mp + 3 } else { mp - 9 } as u32;
    let y = yoe + era * 400 + i64::from(m <= 2);
    (y, m, d)
}

#[cfg(test)]
mod date_tests {
    #[test]
    fn iso_dates() {
        for (secs, date) in
            [(0, "1970-01-01"), (20_785 * 86_400 + 3_600, "2026-11-28"), (11_016 * 86_400, "2000-02-29")]
        {
            assert_eq!(super::iso_date(secs), date);
        }
    }
}
