//! The plan as one printable HTML file: the province summary on the first page, then one A4
//! page per district with its rates as a bar chart, its numbered directives and a signature
//! block, ready to sign and send. Self-contained (inline CSS and SVG, no fonts, scripts or
//! links to fetch) and deterministic; every text is escaped. The figures are those of
//! `content`, so they match the terminal and Markdown reports.

use std::fmt::Write;

use crate::model::UnitType;
use crate::number;
use crate::plan::{DistrictPlan, Plan};
use crate::report::{content, diagnosis, notices, words};
use crate::text::Lang;

use words::Label;

const RATES: Label = Label("Tỷ lệ cài đặt", "Install rate");
const NOW: Label = Label("Hiện nay", "Now");
const AFTER: Label = Label("Dự kiến", "Projected");
const TARGET: Label = Label("Mục tiêu", "Target");
const TO: Label = Label("Kính gửi", "To");
const PLACE_DATE: Label = Label(
    "…………, ngày …… tháng …… năm ……",
    "Place: …………………   Date: …………………",
);
const SIGNER: Label = Label("NGƯỜI KÝ", "SIGNED BY");
const SIGN_NOTE: Label = Label("(Ký, ghi rõ họ tên)", "(signature and full name)");

/// Times New Roman, as Vietnamese administrative documents use (Nghị định 30/2020/NĐ-CP), then
/// fonts that carry every Vietnamese letter on Linux (DejaVu, Noto). Times New Roman is reached
/// through `@font-face … local()`, which only a real Times New Roman satisfies: asked for by
/// name, Linux substitutes Liberation Serif, whose 1.x versions (still what Debian 12 installs
/// with Chromium) lack letters such as `ế` and `ạ`, so words would be drawn in two fonts.
const STYLE: &str = r#"@font-face { font-family: "Official Serif"; src: local("Times New Roman"), local("TimesNewRomanPSMT"); }
@font-face { font-family: "Official Serif"; font-weight: bold; src: local("Times New Roman Bold"), local("TimesNewRomanPS-BoldMT"); }
@font-face { font-family: "Official Serif"; font-style: italic; src: local("Times New Roman Italic"), local("TimesNewRomanPS-ItalicMT"); }
@font-face { font-family: "Official Serif"; font-weight: bold; font-style: italic; src: local("Times New Roman Bold Italic"), local("TimesNewRomanPS-BoldItalicMT"); }
@page { size: A4; margin: 18mm 16mm; }
* { box-sizing: border-box; }
body { font-family: "Official Serif", "DejaVu Serif", "Noto Serif", serif; font-size: 12pt; color: #000; margin: 0; }
h1 { font-size: 15pt; margin: 0 0 4pt; }
h2 { font-size: 12.5pt; margin: 14pt 0 6pt; }
p { margin: 4pt 0; }
table { border-collapse: collapse; width: 100%; margin: 6pt 0; }
th, td { border: 0.6pt solid #444; padding: 2.5pt 4pt; vertical-align: top; }
th { background: #eee; font-weight: bold; }
td.n, th.n { text-align: right; white-space: nowrap; }
tr.total td { font-weight: bold; }
table.districts { font-size: 9.5pt; }
table.districts td:first-child { white-space: nowrap; }
section.district { break-before: page; page-break-before: always; }
ol.directives li { margin: 0 0 7pt; }
ol.directives dl { margin: 2pt 0 0; }
ol.directives dt { display: inline; font-style: italic; }
ol.directives dt::after { content: ": "; }
ol.directives dd { display: inline; margin: 0; }
ol.directives dd::after { content: ""; display: block; }
svg.rates { display: block; margin: 6pt 0 10pt; }
svg.rates text { font-family: "Official Serif", "DejaVu Serif", "Noto Serif", serif; font-size: 11px; }
.signature { margin-top: 28pt; margin-left: 55%; text-align: center; break-inside: avoid; page-break-inside: avoid; }
.signature .place { font-style: italic; }
.signature .signer { font-weight: bold; margin-top: 6pt; }
.signature .space { height: 60pt; }
@media screen { body { max-width: 190mm; margin: 12mm auto; } section.district { border-top: 1px dashed #999; margin-top: 16mm; padding-top: 8mm; } }
"#;

/// Renders `plan` as a printable HTML document.
pub fn render(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let title = content::title(plan, lang);
    let _ = writeln!(out, "<!DOCTYPE html>");
    let _ = writeln!(out, "<html lang=\"{}\">", lang.pick("vi", "en"));
    let _ = writeln!(out, "<head>");
    let _ = writeln!(out, "<meta charset=\"utf-8\">");
    let _ = writeln!(out, "<title>{}</title>", escape(&title));
    // the mark's style only where it is printed: a real plan's page stays as it was
    let mark_style = if illustrative(plan) {
        ILLUSTRATIVE_STYLE
    } else {
        ""
    };
    let _ = writeln!(out, "<style>\n{STYLE}{mark_style}</style>");
    let _ = writeln!(out, "</head>");
    let _ = writeln!(out, "<body>");

    summary(&mut out, plan, lang, &title);
    for district in &plan.districts {
        district_page(&mut out, plan, district, lang);
    }

    let _ = writeln!(out, "</body>");
    let _ = writeln!(out, "</html>");
    out
}

/// The mark at the head of every page of a plan made from data `campaign generate` made up
/// (trial 13 H12): a page sent to a district must not pass for instructions.
const ILLUSTRATIVE: Label = Label(
    "MINH HỌA — SỐ LIỆU GIẢ LẬP, KHÔNG PHẢI SỐ LIỆU THẬT, KHÔNG TRÌNH KÝ",
    "ILLUSTRATION — MADE-UP DATA, NOT REAL, NOT FOR SIGNATURE",
);

/// How [`ILLUSTRATIVE`] is printed: red, framed, above everything on its page.
const ILLUSTRATIVE_STYLE: &str = ".illustrative { border: 2pt solid #c00; color: #c00; font-weight: bold; text-align: center; font-size: 13pt; padding: 4pt 6pt; margin: 0 0 8pt; }\n";

/// Whether `plan` was made from data `campaign generate` made up.
fn illustrative(plan: &Plan) -> bool {
    plan.notices.contains(&crate::plan::Notice::SyntheticData)
}

/// [`ILLUSTRATIVE`] when `plan` was made from generated data.
fn illustrative_mark(out: &mut String, plan: &Plan, lang: Lang) {
    if illustrative(plan) {
        let _ = writeln!(
            out,
            "<p class=\"illustrative\">{}</p>",
            escape(ILLUSTRATIVE.get(lang))
        );
    }
}

/// The first page(s): title, province summary, why it is infeasible, the district table.
fn summary(out: &mut String, plan: &Plan, lang: Lang, title: &str) {
    let _ = writeln!(out, "<section class=\"summary\">");
    illustrative_mark(out, plan, lang);
    let _ = writeln!(out, "<h1>{}</h1>", escape(title));
    let _ = writeln!(out, "<p>{}</p>", escape(&content::as_of(plan, lang)));
    let _ = writeln!(out, "<h2>{}</h2>", escape(words::PROVINCE.get(lang)));
    let _ = writeln!(out, "<table class=\"province\">");
    let _ = writeln!(
        out,
        "<tr><th>{}</th><th>{}</th></tr>",
        escape(words::ITEM.get(lang)),
        escape(words::VALUE.get(lang))
    );
    for (label, value) in content::summary(plan, lang) {
        let _ = writeln!(
            out,
            "<tr><td>{}</td><td>{}</td></tr>",
            escape(&label),
            escape(&value)
        );
    }
    let _ = writeln!(out, "</table>");

    if let Some(sentences) = diagnosis::of_plan(plan, lang) {
        let _ = writeln!(out, "<h2>{}</h2>", escape(words::WHY_INFEASIBLE.get(lang)));
        let _ = writeln!(out, "<ul class=\"diagnosis\">");
        for sentence in sentences {
            let _ = writeln!(out, "<li>{}</li>", escape(&sentence));
        }
        let _ = writeln!(out, "</ul>");
    }
    let notes = notices::sentences(plan, lang);
    if !notes.is_empty() {
        let _ = writeln!(out, "<h2>{}</h2>", escape(words::NOTICES.get(lang)));
        let _ = writeln!(out, "<ul class=\"notices\">");
        for sentence in notes {
            let _ = writeln!(out, "<li>{}</li>", escape(&sentence));
        }
        let _ = writeln!(out, "</ul>");
    }

    let _ = writeln!(out, "<h2>{}</h2>", escape(words::BY_DISTRICT.get(lang)));
    let table = content::district_table(plan, lang);
    let class = |numeric: bool| if numeric { " class=\"n\"" } else { "" };
    // the heading row in <thead>, so that a table longer than a page repeats it on every page
    let _ = writeln!(out, "<table class=\"districts\">");
    let _ = write!(out, "<thead><tr>");
    for (heading, &numeric) in table.header.iter().zip(&table.numeric) {
        let _ = write!(out, "<th{}>{}</th>", class(numeric), lines(heading));
    }
    let _ = writeln!(out, "</tr></thead>");
    let _ = writeln!(out, "<tbody>");
    let rows = table.rows.iter().map(|r| (r, false));
    for (row, total) in rows.chain(std::iter::once((&table.total, true))) {
        let _ = write!(out, "<tr{}>", if total { " class=\"total\"" } else { "" });
        for (cell, &numeric) in row.iter().zip(&table.numeric) {
            let _ = write!(out, "<td{}>{}</td>", class(numeric), escape(cell));
        }
        let _ = writeln!(out, "</tr>");
    }
    let _ = writeln!(out, "</tbody>");
    let _ = writeln!(out, "</table>");
    if let Some(line) = content::on_track(plan, lang) {
        let _ = writeln!(out, "<p class=\"on-track\">{}</p>", escape(&line));
    }
    let _ = writeln!(out, "</section>");
}

/// Whom a district's page is sent to, as the letter addresses "Chủ tịch UBND các huyện, thành
/// phố", the unit named by the type its name says ([`addressee_as`] names it by the scenario's).
pub fn addressee(name: &str, lang: Lang) -> String {
    addressee_as(name, UnitType::of_name(name), lang)
}

/// Whom the page of the district `name` of type `unit` is sent to: `Chủ tịch UBND huyện Hữu
/// Lũng`, `Chủ tịch UBND thành phố Lạng Sơn` (a name that says its type, "Thành phố Lạng Sơn"
/// or "TP. Lạng Sơn", is written without it, and the type in lower case, as official letters
/// write it).
pub fn addressee_as(name: &str, unit: UnitType, lang: Lang) -> String {
    // a unit whose name says it is a commune, a ward or a township ("Xã 001", as `campaign
    // generate` names communes) is addressed by that word, never as a huyện (trial 13 H12)
    if let Some((level, rest)) = crate::model::CommuneLevel::split_name(name) {
        return match lang {
            Lang::Vi => format!("Chủ tịch UBND {} {rest}", level.vi()),
            Lang::En => format!(
                "the Chair of the People's Committee of {rest} {}",
                level.en()
            ),
        };
    }
    let (_, rest) = UnitType::split_name(name);
    match lang {
        Lang::Vi => format!("Chủ tịch UBND {} {rest}", unit.vi()),
        Lang::En => format!(
            "the Chair of the People's Committee of {rest} {}",
            unit.en()
        ),
    }
}

/// One printed page: the district's heading, its rates chart, its directives, a signature.
fn district_page(out: &mut String, plan: &Plan, district: &DistrictPlan, lang: Lang) {
    let _ = writeln!(out, "<section class=\"district\">");
    illustrative_mark(out, plan, lang);
    let _ = writeln!(
        out,
        "<p class=\"to\">{}: {}</p>",
        escape(TO.get(lang)),
        escape(&addressee_as(&district.name, district.unit_type, lang))
    );
    let _ = writeln!(
        out,
        "<h2>{}</h2>",
        escape(&content::district_heading(district, lang))
    );
    if let Some(floor) = content::own_floor(plan, district, lang) {
        let _ = writeln!(out, "<p>{}</p>", escape(&floor));
    }
    if let Some(pace) = content::pace_line(plan, district, lang) {
        let _ = writeln!(out, "<p class=\"pace\">{}</p>", escape(&pace));
    }
    for (installs, _) in content::rule_installs(district, lang) {
        let _ = writeln!(out, "<p class=\"installs\">{}</p>", escape(&installs));
    }
    chart(out, plan, district, lang);

    let _ = writeln!(out, "<h3>{}</h3>", escape(words::DIRECTIVES.get(lang)));
    let items = content::directives(district, lang);
    if items.is_empty() {
        let _ = writeln!(out, "<p>{}</p>", escape(words::NO_DIRECTIVES.get(lang)));
    } else {
        let _ = writeln!(out, "<ol class=\"directives\">");
        for item in &items {
            let _ = writeln!(out, "<li><p>{}</p>", escape(&item.action));
            let _ = write!(out, "<dl>");
            let mut detail = vec![(words::UNIT, item.unit.as_str())];
            if let Some(teams) = &item.teams {
                detail.push((words::TEAMS, teams));
            }
            if let Some(gain) = &item.gain {
                detail.push((words::EXPECTED, gain));
            }
            for (label, text) in detail {
                let _ = write!(
                    out,
                    "<dt>{}</dt><dd>{}</dd>",
                    escape(label.get(lang)),
                    escape(text)
                );
            }
            let _ = writeln!(out, "</dl></li>");
        }
        let _ = writeln!(out, "</ol>");
    }

    let _ = writeln!(out, "<div class=\"signature\">");
    let _ = writeln!(
        out,
        "<p class=\"place\">{}</p>",
        escape(PLACE_DATE.get(lang))
    );
    let _ = writeln!(out, "<p class=\"signer\">{}</p>", escape(SIGNER.get(lang)));
    let _ = writeln!(out, "<p class=\"note\">{}</p>", escape(SIGN_NOTE.get(lang)));
    let _ = writeln!(out, "<div class=\"space\"></div>");
    let _ = writeln!(out, "</div>");
    let _ = writeln!(out, "</section>");
}

/// The district's rate now, projected and the province target as horizontal bars, each
/// labelled with its percentage as the reports print it.
fn chart(out: &mut String, plan: &Plan, district: &DistrictPlan, lang: Lang) {
    const WIDTH: f64 = 600.0;
    const LABEL: f64 = 90.0;
    const BAR: f64 = 400.0;
    const ROW: f64 = 24.0;
    let target = plan.province.target_rate;
    // label, rate, the rate as printed, colour; the target is policy, printed short as elsewhere
    let bars = [
        (
            NOW,
            district.rate,
            number::percent(lang, district.rate),
            "#9e9e9e",
        ),
        (
            AFTER,
            district.projected_rate_as_printed(),
            number::percent(lang, district.projected_rate_as_printed()),
            "#1f5fa8",
        ),
        (
            TARGET,
            target,
            number::percent_short(lang, target),
            "#c62828",
        ),
    ];
    let height = ROW * bars.len() as f64 + 8.0;
    let title = format!(
        "{}: {}",
        RATES.get(lang),
        bars.iter()
            .map(|(label, _, shown, _)| format!("{} {shown}", label.get(lang)))
            .collect::<Vec<_>>()
            .join(", ")
    );
    let _ = writeln!(
        out,
        "<svg class=\"rates\" width=\"{WIDTH}\" height=\"{height}\" viewBox=\"0 0 {WIDTH} {height}\" role=\"img\" aria-label=\"{}\">",
        escape(&title)
    );
    // The target as a line across the bars.
    let line = LABEL + (BAR * target.clamp(0.0, 1.0) * 10.0).round() / 10.0;
    for (i, (label, rate, shown, colour)) in bars.iter().enumerate() {
        let y = 4.0 + ROW * i as f64;
        let width = (BAR * rate.clamp(0.0, 1.0) * 10.0).round() / 10.0;
        let _ = writeln!(
            out,
            "<text x=\"0\" y=\"{}\">{}</text>",
            y + 14.0,
            escape(label.get(lang))
        );
        let _ = writeln!(
            out,
            "<rect x=\"{LABEL}\" y=\"{y}\" width=\"{width}\" height=\"{}\" fill=\"{colour}\"/>",
            ROW - 6.0
        );
        let _ = writeln!(
            out,
            "<text x=\"{}\" y=\"{}\">{}</text>",
            label_x(LABEL + width, line, shown),
            y + 14.0,
            escape(shown)
        );
    }
    let _ = writeln!(
        out,
        "<line x1=\"{line}\" y1=\"0\" x2=\"{line}\" y2=\"{height}\" stroke=\"#c62828\" stroke-dasharray=\"3 3\"/>"
    );
    let _ = writeln!(out, "</svg>");
}

/// The gap between a bar's end (or the target line) and its label, in the chart's units.
const LABEL_GAP: f64 = 6.0;

/// An upper bound of the width of `text` as a chart label (11px serif): 7.5 a character, 11
/// for the per cent sign (DejaVu Serif's digits are 7.0 at that size, its `%` 10.4).
pub fn label_width(text: &str) -> f64 {
    text.chars()
        .map(|c| if c == '%' { 11.0 } else { 7.5 })
        .sum()
}

/// Where the label `shown` of a bar ending at `end` starts, with the target line at `line`:
/// just after the bar, unless the target line would run through it (a bar ending a little
/// short of the target); then just after the line, clear of it.
fn label_x(end: f64, line: f64, shown: &str) -> f64 {
    let x = end + LABEL_GAP;
    let crosses = x - LABEL_GAP / 2.0 <= line && line <= x + label_width(shown) + LABEL_GAP / 2.0;
    if crosses { line + LABEL_GAP } else { x }
}

/// A heading that may hold line breaks (`Tỷ lệ⏎dự kiến`): escaped, breaks as `<br>`.
fn lines(text: &str) -> String {
    text.split('\n')
        .map(escape)
        .collect::<Vec<_>>()
        .join("<br>")
}

/// Text made safe for HTML content and attribute values.
pub fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            _ => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn text_cannot_open_a_tag() {
        assert_eq!(
            escape("<b>\"Tổ\" & 'đội'</b>"),
            "&lt;b&gt;&quot;Tổ&quot; &amp; &#39;đội&#39;&lt;/b&gt;"
        );
        assert_eq!(lines("Tỷ lệ\n<dự kiến>"), "Tỷ lệ<br>&lt;dự kiến&gt;");
    }

    #[test]
    fn a_page_goes_to_the_chair_of_the_district_committee() {
        for (name, vi, en) in [
            (
                "Hữu Lũng",
                "Chủ tịch UBND huyện Hữu Lũng",
                "the Chair of the People's Committee of Hữu Lũng district",
            ),
            (
                "Thành phố Lạng Sơn",
                "Chủ tịch UBND thành phố Lạng Sơn",
                "the Chair of the People's Committee of Lạng Sơn city",
            ),
            (
                "THỊ XÃ Sơn Tây",
                "Chủ tịch UBND thị xã Sơn Tây",
                "the Chair of the People's Committee of Sơn Tây town",
            ),
            (
                "TP. Lạng Sơn",
                "Chủ tịch UBND thành phố Lạng Sơn",
                "the Chair of the People's Committee of Lạng Sơn city",
            ),
            (
                "Tx.Sơn Tây",
                "Chủ tịch UBND thị xã Sơn Tây",
                "the Chair of the People's Committee of Sơn Tây town",
            ),
            (
                "Quận Ba Đình",
                "Chủ tịch UBND quận Ba Đình",
                "the Chair of the People's Committee of Ba Đình urban district",
            ),
            // a name that only begins like a kind of unit is a name
            (
                "Huyệnx",
                "Chủ tịch UBND huyện Huyệnx",
                "the Chair of the People's Committee of Huyệnx district",
            ),
            // communes and wards by their own word (generated units: trial 13 H12)
            (
                "Xã 001",
                "Chủ tịch UBND xã 001",
                "the Chair of the People's Committee of 001 commune",
            ),
            (
                "Phường 042",
                "Chủ tịch UBND phường 042",
                "the Chair of the People's Committee of 042 ward",
            ),
        ] {
            assert_eq!(addressee(name, Lang::Vi), vi);
            assert_eq!(addressee(name, Lang::En), en);
        }
        // the scenario's type wins over the name's
        assert_eq!(
            addressee_as("Lạng Sơn", UnitType::City, Lang::Vi),
            "Chủ tịch UBND thành phố Lạng Sơn"
        );
        assert_eq!(
            addressee_as("Thị xã Sơn Tây", UnitType::City, Lang::Vi),
            "Chủ tịch UBND thành phố Sơn Tây"
        );
    }
}
