//! The printed page's chart (issue 14, item 5): the labels of the rates never collide with the
//! target line or with each other, on the shipped plan and on plans whose rates sit exactly at
//! the target or just short of it (where the line used to run through the label). Checked on
//! the SVG as written: every text's box, measured with DejaVu Serif's widths at 11px.

use crate::support::Test;

/// A box on the chart: left, right, top, bottom.
#[derive(Debug, Clone, Copy)]
struct Box {
    left: f64,
    right: f64,
    top: f64,
    bottom: f64,
}

/// The width of `text` at 11px in DejaVu Serif (the printed page's font), generously: digits
/// are 0.636 em, `%` 0.95 em, a comma 0.318 em; letters at most 0.68 em.
fn width(text: &str) -> f64 {
    text.chars()
        .map(|c| match c {
            '0'..='9' => 0.636,
            '%' => 0.95,
            ',' | '.' | ' ' => 0.32,
            _ => 0.68,
        })
        .sum::<f64>()
        * 11.0
}

fn attribute(tag: &str, name: &str) -> f64 {
    let tag = format!(" {tag}");
    let start = tag.find(&format!(" {name}=\"")).expect(name) + name.len() + 3;
    let end = start + tag[start..].find('"').unwrap();
    tag[start..end].parse().unwrap()
}

/// The texts (their boxes and words) and the target line's x of every chart in `html`.
fn charts(html: &str) -> Vec<(Vec<(Box, String)>, f64)> {
    html.split("<svg class=\"rates\"")
        .skip(1)
        .map(|svg| {
            let svg = &svg[..svg.find("</svg>").unwrap()];
            let texts = svg
                .split("<text ")
                .skip(1)
                .map(|t| {
                    let tag = &t[..t.find('>').unwrap()];
                    let content = &t[tag.len() + 1..t.find("</text>").unwrap()];
                    let (x, y) = (attribute(tag, "x"), attribute(tag, "y"));
                    // an 11px font: from its ascent above the baseline to its descent below
                    let b = Box {
                        left: x,
                        right: x + width(content),
                        top: y - 11.0,
                        bottom: y + 3.0,
                    };
                    (b, content.to_string())
                })
                .collect();
            let line = svg
                .find("<line ")
                .map(|i| attribute(&svg[i..], "x1"))
                .unwrap();
            (texts, line)
        })
        .collect()
}

/// Asserts that no label of any chart in `html` touches the target line or another label.
#[track_caller]
fn clear(html: &str, what: &str) -> usize {
    let charts = charts(html);
    assert!(!charts.is_empty(), "{what}: no chart");
    for (texts, line) in &charts {
        for (i, (a, text)) in texts.iter().enumerate() {
            assert!(
                line < &(a.left - 1.0) || line > &(a.right + 1.0),
                "{what}: the target line at {line} runs through {text:?} ({a:?})"
            );
            for (b, other) in &texts[i + 1..] {
                let apart = a.right <= b.left
                    || b.right <= a.left
                    || a.bottom <= b.top
                    || b.bottom <= a.top;
                assert!(apart, "{what}: {text:?} ({a:?}) overlaps {other:?} ({b:?})");
            }
            assert!(a.right <= 600.0, "{what}: {text:?} runs off the chart");
        }
    }
    charts.len()
}

fn html(args: &[&str]) -> String {
    Test::shipped()
        .format("html")
        .args(args.iter().copied())
        .run()
        .stdout
}

#[test]
fn the_shipped_plan_s_labels_are_clear_of_the_line_and_of_each_other() {
    for lang in ["vi", "en"] {
        assert_eq!(clear(&html(&["--lang", lang]), lang), 11);
    }
}

#[test]
fn rates_exactly_at_or_just_short_of_the_target_keep_their_labels_clear() {
    let plan = Test::shipped().format("json").run().plan().json();
    let rates: Vec<f64> = plan["districts"]
        .as_array()
        .unwrap()
        .iter()
        .flat_map(|d| {
            [
                d["rate"].as_f64().unwrap(),
                d["projected_rate"].as_f64().unwrap(),
            ]
        })
        .collect();
    // the target exactly at a district's rate now or projected, and a little above it, where
    // the label after the bar would reach the line
    let mut targets = Vec::new();
    for rate in rates.iter().take(8) {
        for above in [0.0, 0.005, 0.02, 0.05] {
            targets.push(rate + above);
        }
    }
    let mut moved = 0;
    for target in targets {
        let setting = format!("target.provincial_rate={target}");
        let out = Test::shipped()
            .format("html")
            .args(["--set", &setting])
            .run();
        assert!(out.code == 0 || out.code == 2, "{setting}: {}", out.stderr);
        clear(&out.stdout, &setting);
        moved += charts(&out.stdout)
            .iter()
            .flat_map(|(texts, line)| texts.iter().map(move |(b, _)| (b.left - line).abs()))
            .filter(|d| (*d - 6.0).abs() < 1e-9)
            .count();
    }
    // the case happened: labels were put after the line
    assert!(moved > 20, "{moved}");
}
