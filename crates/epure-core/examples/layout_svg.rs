//! Draws a procedure's swimlane layout as SVG, to look at the layout without the app:
//! `cargo run -p epure-core --example layout_svg -- FILE.epure.json > out.svg`

use std::fmt::Write;

use epure_core::StepKind;
use epure_core::layout::{LayoutOptions, layout};

fn main() {
    let Some(path) = std::env::args().nth(1) else {
        eprintln!("usage: layout_svg FILE.epure.json");
        std::process::exit(2);
    };
    let text = match std::fs::read_to_string(&path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let p = match epure_core::format::from_str(&text) {
        Ok(p) => p,
        Err(e) => {
            eprintln!("{path}: {e}");
            std::process::exit(2);
        }
    };
    let l = layout(&p, &LayoutOptions::default());
    let mut s = String::new();
    let _ = writeln!(
        s,
        r#"<svg xmlns="http://www.w3.org/2000/svg" width="{w}" height="{h}" viewBox="0 0 {w} {h}" font-family="DejaVu Sans" font-size="11">"#,
        w = l.width,
        h = l.height
    );
    s.push_str(r##"<defs><marker id="a" viewBox="0 0 10 10" refX="10" refY="5" markerWidth="7" markerHeight="7" orient="auto"><path d="M0,0 L10,5 L0,10 z" fill="#333"/></marker></defs>"##);
    for (i, lane) in l.lanes.iter().enumerate() {
        let fill = if i % 2 == 0 { "#f6f6fb" } else { "#ffffff" };
        let _ = writeln!(
            s,
            r##"<rect x="0" y="{}" width="{}" height="{}" fill="{fill}" stroke="#ccc"/>"##,
            lane.y, l.width, lane.height
        );
        let _ = writeln!(
            s,
            r#"<text x="14" y="{}" transform="rotate(-90 14 {})" text-anchor="middle" font-weight="bold">{}</text>"#,
            lane.y + lane.height / 2.0,
            lane.y + lane.height / 2.0,
            escape(&lane.name)
        );
    }
    for e in &l.edges {
        let pts: Vec<String> = e.points.iter().map(|p| format!("{},{}", p.x, p.y)).collect();
        let colour = if e.back { "#c00" } else { "#333" };
        let _ =
            writeln!(s, r#"<polyline points="{}" fill="none" stroke="{colour}" marker-end="url(#a)"/>"#, pts.join(" "));
    }
    for n in &l.nodes {
        let c = n.center();
        let label = p.step(&n.id).map(|st| st.label().to_owned()).unwrap_or_default();
        match n.kind {
            StepKind::Start | StepKind::End => {
                let _ = writeln!(
                    s,
                    r##"<circle cx="{}" cy="{}" r="{}" fill="#fff" stroke="#000091" stroke-width="{}"/>"##,
                    c.x,
                    c.y,
                    n.width / 2.0,
                    if n.kind == StepKind::End { 3 } else { 1 }
                );
            }
            StepKind::Decision | StepKind::Parallel => {
                let _ = writeln!(
                    s,
                    r##"<polygon points="{},{} {},{} {},{} {},{}" fill="#fff" stroke="#000091"/>"##,
                    c.x,
                    n.y,
                    n.x + n.width,
                    c.y,
                    c.x,
                    n.y + n.height,
                    n.x,
                    c.y
                );
                let mark = if n.kind == StepKind::Parallel { "+" } else { "×" };
                let _ = writeln!(
                    s,
                    r#"<text x="{}" y="{}" text-anchor="middle" font-size="16">{mark}</text>"#,
                    c.x,
                    c.y + 5.0
                );
            }
            _ => {
                let _ = writeln!(
                    s,
                    r##"<rect x="{}" y="{}" width="{}" height="{}" rx="6" fill="#fff" stroke="#000091"/>"##,
                    n.x, n.y, n.width, n.height
                );
                let words: Vec<&str> = label.split_whitespace().collect();
                let mut lines = vec![String::new()];
                for w in words {
                    if lines.last().is_some_and(|l| l.len() + w.len() > 24) {
                        lines.push(String::new());
                    }
                    let last = lines.last_mut().unwrap();
                    if !last.is_empty() {
                        last.push(' ');
                    }
                    last.push_str(w);
                }
                for (i, line) in lines.iter().take(4).enumerate() {
                    let _ = writeln!(
                        s,
                        r#"<text x="{}" y="{}" text-anchor="middle">{}</text>"#,
                        c.x,
                        n.y + 16.0 + i as f64 * 13.0,
                        escape(line)
                    );
                }
            }
        }
    }
    s.push_str("</svg>\n");
    print!("{s}");
}

fn escape(s: &str) -> String {
    s.replace('&', "&amp;").replace('<', "&lt;").replace('>', "&gt;")
}
