//! The explanation for people: one document (sections of items, each with details), laid out
//! for the terminal or as Markdown, so that both always say the same thing.

mod comparison;
mod cost;
mod equity;
mod facts;
mod margins;
mod phrase;

use std::fmt::Write;

use super::Explanation;
use crate::report::markdown::{inline, line_start, prose};
use crate::report::words;
use crate::solve::Status;
use crate::text::Lang;

/// The explanation as a document.
struct Doc {
    title: String,
    lead: Vec<String>,
    sections: Vec<Section>,
}

struct Section {
    title: String,
    items: Vec<Item>,
}

/// One point, with the details under it.
struct Item {
    text: String,
    details: Vec<String>,
}

fn item(text: impl Into<String>) -> Item {
    Item {
        text: text.into(),
        details: Vec::new(),
    }
}

impl Item {
    fn with(mut self, details: Vec<String>) -> Item {
        self.details = details;
        self
    }
}

/// For the terminal: headings in capitals, items as `-`, details as `·`.
pub fn text(e: &Explanation, lang: Lang) -> String {
    let doc = document(e, lang);
    let mut out = String::new();
    let _ = writeln!(out, "{}", doc.title.to_uppercase());
    for line in &doc.lead {
        let _ = writeln!(out, "{line}");
    }
    for section in &doc.sections {
        let _ = writeln!(out, "\n{}", section.title.to_uppercase());
        for it in &section.items {
            let _ = writeln!(out, "  - {}", it.text);
            for detail in &it.details {
                let _ = writeln!(out, "      · {detail}");
            }
        }
    }
    out
}

/// As GitHub Markdown: a heading per section, items as a list, details as a nested list.
pub fn markdown(e: &Explanation, lang: Lang) -> String {
    let doc = document(e, lang);
    let mut out = String::new();
    let _ = writeln!(out, "# {}\n", inline(&doc.title));
    for line in &doc.lead {
        let _ = writeln!(out, "{}  ", line_start(line));
    }
    for section in &doc.sections {
        let _ = writeln!(out, "\n## {}\n", inline(&section.title));
        for it in &section.items {
            let _ = writeln!(out, "- {}", prose(&it.text));
            for detail in &it.details {
                let _ = writeln!(out, "  - {}", prose(detail));
            }
        }
    }
    out
}

fn document(e: &Explanation, lang: Lang) -> Doc {
    let title = match lang {
        Lang::Vi => format!("Giải thích phân bổ cho {}", e.name),
        Lang::En => format!("Why {} gets what it gets", e.name),
    };
    let lead = vec![
        format!(
            "{}: {} ({} {})",
            lang.pick("Kịch bản", "Scenario"),
            e.scenario,
            words::DATA_AS_OF.get(lang).to_lowercase(),
            words::date(lang, &e.as_of)
        ),
        format!(
            "{}: {}",
            words::OBJECTIVE.get(lang),
            words::objective(lang, e.objective)
        ),
        format!("{}: {}", words::STATUS.get(lang), e.status_text.get(lang)),
    ];
    let mut sections = Vec::new();
    if e.status == Status::Infeasible {
        let mut items: Vec<Item> = e
            .diagnosis
            .iter()
            .map(|sentence| item(sentence.get(lang)))
            .collect();
        items.push(item(lang.pick(
            "Các số liệu dưới đây là của phương án nhiều lượt cài nhất mà số tổ, đội và ngân sách \
             cho phép (bỏ qua mức tối thiểu và mục tiêu).",
            "The figures below are those of the plan with the most installs the teams and budget \
             allow (the minimums and the target are dropped).",
        )));
        sections.push(Section {
            title: words::WHY_INFEASIBLE.get(lang).to_string(),
            items,
        });
    }
    sections.extend([
        facts::inputs(e, lang),
        facts::rules(e, lang),
        facts::plan(e, lang),
        margins::margins(e, lang),
        comparison::comparison(e, lang),
    ]);
    Doc {
        title,
        lead,
        sections,
    }
}
