//! The plan as GitHub Markdown: headings, pipe tables and numbered lists, every cell escaped.

use std::fmt::Write;

use crate::plan::Plan;
use crate::report::{content, diagnosis, notices, words};
use crate::text::Lang;

/// Renders `plan` as Markdown.
pub fn render(plan: &Plan, lang: Lang) -> String {
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&content::title(plan, lang)));
    let _ = writeln!(out, "{}\n", line_start(&content::as_of(plan, lang)));

    let _ = writeln!(out, "## {}\n", inline(words::PROVINCE.get(lang)));
    let summary: Vec<Vec<String>> = content::summary(plan, lang)
        .into_iter()
        .map(|(label, value)| vec![label, value])
        .collect();
    let header = [words::ITEM, words::VALUE].map(|l| l.get(lang).to_string());
    table(&mut out, &header, &[false, false], &summary, None);

    if let Some(sentences) = diagnosis::of_plan(plan, lang) {
        let _ = writeln!(out, "\n### {}\n", inline(words::WHY_INFEASIBLE.get(lang)));
        for sentence in sentences {
            let _ = writeln!(out, "- {}", line_start(&sentence));
        }
    }
    let notes = notices::sentences(plan, lang);
    if !notes.is_empty() {
        let _ = writeln!(out, "\n### {}\n", inline(words::NOTICES.get(lang)));
        for sentence in notes {
            let _ = writeln!(out, "- {}", line_start(&sentence));
        }
    }

    let _ = writeln!(out, "\n## {}\n", inline(words::BY_DISTRICT.get(lang)));
    let districts = content::district_table(plan, lang);
    table(
        &mut out,
        &districts.header,
        &districts.numeric,
        &districts.rows,
        Some(&districts.total),
    );
    if let Some(line) = content::on_track(plan, lang) {
        let _ = writeln!(out, "\n{}", line_start(&line));
    }

    let _ = writeln!(out, "\n## {}", inline(words::DIRECTIVES.get(lang)));
    for district in &plan.districts {
        let heading = content::district_heading(district, lang);
        let _ = writeln!(out, "\n### {}\n", inline(&heading));
        if let Some(floor) = content::own_floor(plan, district, lang) {
            let _ = writeln!(out, "{}\n", line_start(&floor));
        }
        if let Some(pace) = content::pace_line(plan, district, lang) {
            let _ = writeln!(out, "{}\n", line_start(&pace));
        }
        for (installs, _) in content::rule_installs(district, lang) {
            let _ = writeln!(out, "{}\n", line_start(&installs));
        }
        let items = content::directives(district, lang);
        if items.is_empty() {
            let _ = writeln!(out, "{}", line_start(words::NO_DIRECTIVES.get(lang)));
        }
        for (i, item) in items.iter().enumerate() {
            let marker = format!("{}. ", i + 1);
            // Continuation lines line up with the item's text, as CommonMark requires.
            let indent = " ".repeat(marker.len());
            let _ = writeln!(out, "{marker}{}", line_start(&item.action));
            let mut detail = vec![(words::UNIT, item.unit.as_str())];
            if let Some(teams) = &item.teams {
                detail.push((words::TEAMS, teams));
            }
            if let Some(gain) = &item.gain {
                detail.push((words::EXPECTED, gain));
            }
            for (label, text) in detail {
                let _ = writeln!(out, "{indent}- {}: {}", label.get(lang), inline(text));
            }
        }
    }
    out
}

/// A pipe table; `numeric` columns are right-aligned, the `total` row is bold. Every cell is
/// escaped.
pub(crate) fn table(
    out: &mut String,
    header: &[String],
    numeric: &[bool],
    rows: &[Vec<String>],
    total: Option<&Vec<String>>,
) {
    let line = |row: &[String], bold: bool| -> String {
        let cells: Vec<String> = row
            .iter()
            .map(|c| match (bold, c.is_empty()) {
                (true, false) => format!("**{}**", inline(c)),
                _ => inline(c),
            })
            .collect();
        format!("| {} |", cells.join(" | "))
    };
    let _ = writeln!(out, "{}", line(header, false));
    let rule: Vec<&str> = numeric
        .iter()
        .map(|&n| if n { "---:" } else { "---" })
        .collect();
    let _ = writeln!(out, "| {} |", rule.join(" | "));
    for row in rows {
        let _ = writeln!(out, "{}", line(row, false));
    }
    if let Some(total) = total {
        let _ = writeln!(out, "{}", line(total, true));
    }
}

/// Inline text with Markdown's special characters escaped and line breaks turned into spaces,
/// so that a name or an action can never break a table, a heading or a list.
pub fn inline(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        match c {
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '>' | '|' | '#' | '~' => {
                out.push('\\');
                out.push(c);
            }
            '\r' | '\n' => out.push(' '),
            _ => out.push(c),
        }
    }
    out
}

/// Prose (a heading, a paragraph, a list item): as [`inline`], except that a pair of backticks
/// on one line stays a code span, so that a rule's name or a `--set` to type shows as code
/// rather than with visible backticks. Nothing inside a code span is Markdown, so its text is
/// kept as it is; an unpaired backtick is escaped. Table cells use [`inline`]: a `|` would end
/// a cell even inside a code span.
pub fn prose(text: &str) -> String {
    let text = text.replace(['\r', '\n'], " ");
    let mut out = String::with_capacity(text.len());
    let mut rest = text.as_str();
    while let Some(open) = rest.find('`') {
        out.push_str(&inline(&rest[..open]));
        let after = &rest[open + 1..];
        match after.find('`') {
            Some(close) if close > 0 && !after[..close].starts_with(' ') => {
                out.push('`');
                out.push_str(&after[..close]);
                out.push('`');
                rest = &after[close + 1..];
            }
            _ => {
                out.push_str("\\`");
                rest = after;
            }
        }
    }
    out.push_str(&inline(rest));
    out
}

/// Prose that starts a line (a paragraph or a list item's first line): also escapes what would
/// turn it into a list item or a rule.
pub fn line_start(text: &str) -> String {
    let text = prose(text);
    let trimmed = text.trim_start();
    let lead = &text[..text.len() - trimmed.len()];
    if trimmed.starts_with(['-', '+', '=']) {
        return format!("{lead}\\{trimmed}");
    }
    let digits = trimmed.chars().take_while(char::is_ascii_digit).count();
    if digits > 0 && trimmed[digits..].starts_with(['.', ')']) {
        return format!("{lead}{}\\{}", &trimmed[..digits], &trimmed[digits..]);
    }
    text
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn cells_cannot_break_a_table() {
        assert_eq!(inline("a | b"), "a \\| b");
        assert_eq!(inline("dòng 1\ndòng 2"), "dòng 1 dòng 2");
        assert_eq!(inline("*đậm*"), "\\*đậm\\*");
    }

    #[test]
    fn text_cannot_start_a_list() {
        assert_eq!(line_start("- a"), "\\- a");
        assert_eq!(line_start("1. a"), "1\\. a");
        assert_eq!(line_start("2020 là năm"), "2020 là năm");
        assert_eq!(inline("- a"), "- a");
    }

    #[test]
    fn prose_keeps_code_spans() {
        assert_eq!(
            prose("quy tắc `door-to-door` và *đậm*"),
            "quy tắc `door-to-door` và \\*đậm\\*"
        );
        assert_eq!(prose("gõ `--set a_b=1` rồi"), "gõ `--set a_b=1` rồi");
        assert_eq!(prose("một ` lẻ"), "một \\` lẻ");
        assert_eq!(prose("``"), "\\`\\`");
        assert_eq!(line_start("`x` - 1"), "`x` - 1");
        assert_eq!(line_start("- `x`"), "\\- `x`");
        assert_eq!(inline("`x`"), "\\`x\\`");
    }
}
