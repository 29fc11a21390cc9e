//! docs/what-if.md shows real output. Every fenced block whose first line is
//! `$ campaign ARGS` is run in-process (`campaign_planner::cli::run`) from the crate root, and
//! the rest of the block must be what it prints: the whole output, or, where the doc cuts it
//! with lines `...`, each part it shows, in order. The overlay files the doc shows are the
//! files, the five what-if scenarios plan with the figures and exit status of the doc's table,
//! and the figures written in the doc's sentences come from the outputs.

#[allow(dead_code)]
use crate::support;

use std::path::{Path, PathBuf};

use serde_json::Value;
use support::{EXIT_BAD_INPUT, EXIT_PLAN, Test, WhatIf, district, districts, f, s};

/// The crate root: the doc's paths (`scenarios/...`) are relative to it.
const ROOT: &str = env!("CARGO_MANIFEST_DIR");

fn doc() -> String {
    std::fs::read_to_string(Path::new(ROOT).join("docs/what-if.md")).unwrap()
}

/// One fenced block of the doc.
struct Block {
    /// What follows the opening fence: `text`, `toml`, `sh`, ...
    info: String,
    lines: Vec<String>,
    /// The file named by a `<!-- file: PATH -->` line just before the fence.
    file: Option<String>,
    /// The line of the opening fence (from 1), for messages.
    at: usize,
}

impl Block {
    /// The ARGS of a block whose first line is `$ campaign ARGS`.
    fn command(&self) -> Option<&str> {
        self.lines.first()?.strip_prefix("$ campaign ")
    }
}

fn blocks(doc: &str) -> Vec<Block> {
    let lines: Vec<&str> = doc.lines().collect();
    let mut blocks = Vec::new();
    let mut i = 0;
    while i < lines.len() {
        let fence = lines[i].trim_start();
        if let Some(info) = fence.strip_prefix("```") {
            let indent = lines[i].len() - fence.len();
            let file = i
                .checked_sub(1)
                .and_then(|j| lines[j].strip_prefix("<!-- file: "))
                .and_then(|l| l.strip_suffix(" -->"))
                .map(str::to_string);
            let at = i + 1;
            let mut body = Vec::new();
            i += 1;
            while i < lines.len() && lines[i].trim_start() != "```" {
                body.push(lines[i].get(indent..).unwrap_or("").to_string());
                i += 1;
            }
            assert!(
                i < lines.len(),
                "docs/what-if.md:{at}: a block is not closed"
            );
            blocks.push(Block {
                info: info.to_string(),
                lines: body,
                file,
                at,
            });
        }
        i += 1;
    }
    blocks
}

/// A command line split into words as a shell would: spaces separate words, except inside
/// double or single quotes, which are removed.
fn words(command: &str) -> Vec<String> {
    let mut words = Vec::new();
    let mut word: Option<String> = None;
    let mut quote: Option<char> = None;
    for c in command.chars() {
        match (quote, c) {
            (Some(q), c) if c == q => quote = None,
            (Some(_), c) => word.get_or_insert_with(String::new).push(c),
            (None, '"' | '\'') => {
                quote = Some(c);
                word.get_or_insert_with(String::new);
            }
            (None, ' ') => words.extend(word.take()),
            (None, c) => word.get_or_insert_with(String::new).push(c),
        }
    }
    assert!(quote.is_none(), "an unclosed quote in `{command}`");
    words.extend(word);
    words
}

/// The scenario files the doc makes itself (section 6: "Making your own what-if"), written
/// from its blocks into a copy of the repository layout, beside the shipped scenario.
struct DocFiles {
    copy: WhatIf,
    made: Vec<(String, PathBuf)>,
}

impl DocFiles {
    fn new(blocks: &[Block]) -> DocFiles {
        let copy = WhatIf::shipped();
        copy.path(); // writes the shipped scenario, the base of the doc's overlays
        let mut made = Vec::new();
        for block in blocks {
            let Some(name) = &block.file else { continue };
            if Path::new(ROOT).join(name).exists() {
                continue;
            }
            let path = copy.dir().join(name);
            std::fs::write(&path, block.lines.join("\n") + "\n").unwrap();
            made.push((name.clone(), path));
        }
        DocFiles { copy, made }
    }

    /// The argument as the test passes it: a scenario of the repository by its absolute path,
    /// a file the doc makes by its path in the copy.
    fn arg(&self, arg: &str) -> String {
        if let Some((_, path)) = self.made.iter().find(|(name, _)| name == arg) {
            return path.display().to_string();
        }
        if arg.starts_with("scenarios/") {
            return format!("{ROOT}/{arg}");
        }
        arg.to_string()
    }

    /// `text` with the paths of [`DocFiles::arg`] written back as the doc writes them.
    fn unmap(&self, text: &str) -> String {
        let mut text = text.to_string();
        for (name, path) in &self.made {
            text = text.replace(&path.display().to_string(), name);
        }
        text = text.replace(&self.copy.dir().display().to_string(), "[copy]");
        text.replace(&format!("{ROOT}/"), "")
    }

    /// Runs `campaign ARGS`; returns what it printed (stderr for bad input, stdout otherwise,
    /// with nothing on stderr) and its exit status.
    fn run(&self, command: &str) -> (String, i32) {
        let args: Vec<String> = words(command).iter().map(|a| self.arg(a)).collect();
        let out = Test::new().args(args).run();
        let printed = if out.code == EXIT_BAD_INPUT {
            assert_eq!(out.stdout, "", "`{command}` printed on stdout");
            out.stderr
        } else {
            assert_eq!(out.stderr, "", "`{command}` printed on stderr");
            out.stdout
        };
        (self.unmap(&printed), out.code)
    }
}

/// Whether `shown` is `printed`: the same lines, or, when `shown` has lines `...`, each run of
/// lines between them found as consecutive lines of `printed`, in order.
fn shows(shown: &[String], printed: &str) -> Result<(), String> {
    let printed: Vec<&str> = printed.lines().collect();
    if !shown.iter().any(|l| l == "...") {
        return if shown == printed.as_slice() {
            Ok(())
        } else {
            Err("the block is not the whole output".to_string())
        };
    }
    let mut from = 0;
    for part in shown.split(|l| l == "...").filter(|p| !p.is_empty()) {
        let found = (from..=printed.len().saturating_sub(part.len()))
            .find(|&i| printed[i..i + part.len()] == *part)
            .ok_or_else(|| {
                format!(
                    "these lines are not in the output (after line {from}):\n{}",
                    part.join("\n")
                )
            })?;
        from = found + part.len();
    }
    Ok(())
}

#[test]
fn every_output_block_of_docs_what_if_md_is_real_output() {
    let doc = doc();
    let blocks = blocks(&doc);
    let files = DocFiles::new(&blocks);
    let mut checked = 0;
    for block in &blocks {
        let Some(command) = block.command() else {
            assert_ne!(
                block.info, "text",
                "docs/what-if.md:{}: an output block must start with `$ campaign ARGS`",
                block.at
            );
            continue;
        };
        let (printed, _) = files.run(command);
        if let Err(why) = shows(&block.lines[1..], &printed) {
            panic!(
                "docs/what-if.md:{}: `campaign {command}`: {why}\n\n--- the doc shows ---\n{}\n\n--- it prints ---\n{printed}",
                block.at,
                block.lines[1..].join("\n")
            );
        }
        checked += 1;
    }
    assert_eq!(checked, 24, "the output blocks of docs/what-if.md");
}

#[test]
fn the_overlay_files_the_doc_shows_are_the_files() {
    let blocks = blocks(&doc());
    let mut shipped = 0;
    for block in &blocks {
        let Some(name) = &block.file else { continue };
        assert_eq!(block.info, "toml", "docs/what-if.md:{}", block.at);
        let path = Path::new(ROOT).join(name);
        if !path.exists() {
            continue; // a file the doc makes (section 6), planned by the other tests
        }
        let file = std::fs::read_to_string(&path).unwrap();
        assert_eq!(
            block.lines.join("\n"),
            file.trim_end_matches('\n'),
            "docs/what-if.md:{}: the block is not {name}",
            block.at
        );
        shipped += 1;
    }
    assert_eq!(shipped, 5, "the five what-if files shown whole");
}

/// The value in the row `label` of the English plan's PROVINCE table.
fn province_cell(plan: &str, label: &str) -> String {
    let line = plan
        .lines()
        .find(|l| l.starts_with(&format!("│ {label} ")))
        .unwrap_or_else(|| panic!("no row `{label}` in the plan:\n{plan}"));
    let (_, value) = line.split_once('┆').unwrap();
    value.trim_end_matches('│').trim().to_string()
}

#[test]
fn the_five_what_if_scenarios_plan_with_the_figures_and_status_the_doc_says() {
    let doc = doc();
    let rows: Vec<Vec<String>> = doc
        .lines()
        .filter(|l| l.starts_with("| `scenarios/what-if-"))
        .map(|l| {
            l.trim_matches('|')
                .split('|')
                .map(|c| c.trim().to_string())
                .collect()
        })
        .collect();
    let mut in_repo: Vec<String> = std::fs::read_dir(Path::new(ROOT).join("scenarios"))
        .unwrap()
        .map(|e| e.unwrap().file_name().to_string_lossy().into_owned())
        .filter(|n| n.starts_with("what-if-") && n.ends_with(".toml"))
        .map(|n| format!("scenarios/{n}"))
        .collect();
    in_repo.sort();
    let mut in_doc: Vec<String> = rows.iter().map(|r| r[0].replace('`', "")).collect();
    in_doc.sort();
    assert_eq!(
        in_doc, in_repo,
        "one row per what-if scenario of scenarios/"
    );
    assert_eq!(in_doc.len(), 5);

    for row in &rows {
        let [file, _question, projected, teams, cost, result, status] = row.as_slice() else {
            panic!("a row of the table has not 7 cells: {row:?}");
        };
        let file = file.replace('`', "");
        let out = Test::plan(format!("{ROOT}/{file}")).lang("en").run();
        let status: i32 = status.parse().unwrap();
        assert_eq!(out.code, status, "{file}: the exit status\n{}", out.stderr);
        for (label, shown) in [
            ("Projected after the campaign", projected),
            ("Teams deployed", teams),
            ("Total cost", cost),
            ("Result", result),
        ] {
            assert_eq!(&province_cell(&out.stdout, label), shown, "{file}: {label}");
        }
    }
}

/// The plan of `scenario` (with `--set` settings) as JSON.
fn plan_json(scenario: &str, settings: &[&str]) -> Value {
    let mut test = Test::plan(format!("{ROOT}/{scenario}")).format("json");
    for setting in settings {
        test = test.args(["--set", setting]);
    }
    let out = test.run();
    assert_eq!(out.code, EXIT_PLAN, "{scenario}: {}", out.stderr);
    out.json()
}

/// A district's projected rate as the reports print it: its printed installs over its
/// smartphones (docs/model.md § 12).
fn printed_rate(d: &Value) -> f64 {
    f(&d["projected_installed"]).round() / f(&d["smartphones"])
}

/// The lowest projected district rate of a plan as printed, and its district.
fn lowest(plan: &Value) -> (String, f64) {
    districts(plan)
        .iter()
        .map(|d| (s(&d["name"]).to_string(), printed_rate(d)))
        .min_by(|a, b| a.1.total_cmp(&b.1))
        .unwrap()
}

#[test]
fn the_cost_of_equity_is_computed_from_the_two_plans() {
    let doc = doc();
    let most = plan_json("scenarios/lang-son-2020-09-01.toml", &[]);
    let equity = plan_json("scenarios/what-if-equity.toml", &[]);
    assert_eq!(most["province"]["teams"], equity["province"]["teams"]);
    assert_eq!(most["province"]["cost"], equity["province"]["cost"]);
    // as printed: whole installs, rates in hundredths of a point
    let installs = |p: &Value| f(&p["province"]["projected_installed"]).round();
    let points = |rate: f64| (rate * 10_000.0).round() / 100.0;
    let lost = installs(&most) - installs(&equity);
    assert!(doc.contains(&format!("**{lost} installs**")), "{lost}");
    // the province's printed installs (the districts' each rounded) over its smartphones
    let province_rate = |p: &Value| {
        districts(p)
            .iter()
            .map(|d| f(&d["projected_installed"]).round())
            .sum::<f64>()
            / f(&p["province"]["smartphones"])
    };
    let rate_lost = points(province_rate(&most)) - points(province_rate(&equity));
    assert!(
        doc.contains(&format!("**{rate_lost:.2} points**")),
        "{rate_lost}"
    );
    let ((from_name, from), (to_name, to)) = (lowest(&most), lowest(&equity));
    assert_eq!(
        (from_name.as_str(), to_name.as_str()),
        ("Hữu Lũng", "Cao Lộc")
    );
    let rise = points(to) - points(from);
    let rise = format!("{rise:.2}");
    assert!(doc.contains(&format!("**+{rise} points**")), "{rise}");
    assert!(doc.contains(&format!("rate rises from {:.2}% (Hữu Lũng", points(from))));
    assert_eq!(
        points(printed_rate(district(&equity, "Cao Lộc"))),
        points(to)
    );
}

#[test]
fn the_overlay_made_in_the_doc_is_the_set_it_names() {
    let doc = doc();
    assert!(doc.contains(
        "It gives the same figures as\n   `campaign plan scenarios/lang-son-2020-09-01.toml --set budget=500_000_000`"
    ));
    let blocks = blocks(&doc);
    let files = DocFiles::new(&blocks);
    let (name, path) = files
        .made
        .iter()
        .find(|(name, _)| name == "scenarios/what-if-budget-500.toml")
        .expect("the doc makes scenarios/what-if-budget-500.toml");
    // the same plan, but for the --set plan's notice that it was set for this run
    let strip = |mut plan: Value| {
        plan.as_object_mut().unwrap().remove("scenario");
        if let Some(notices) = plan["notices"].as_array_mut() {
            notices.retain(|n| n["notice"] != "set_for_this_run");
        }
        plan
    };
    let out = Test::plan(path).format("json").run();
    assert_eq!(out.code, EXIT_PLAN, "{name}: {}", out.stderr);
    let overlay = strip(out.json());
    let set = strip(plan_json(
        "scenarios/lang-son-2020-09-01.toml",
        &["budget=500_000_000"],
    ));
    assert_eq!(overlay, set);
}

/// The figures of a prose line: numbers written with a thousands comma, a decimal point or a
/// percent sign, outside `code` and outside links to the doc's own sections (`[2.3](#...)`).
fn figures(line: &str) -> Vec<String> {
    let mut text = String::new();
    let mut in_code = false;
    for c in line.chars() {
        if c == '`' {
            in_code = !in_code;
        } else if !in_code {
            text.push(c);
        }
    }
    while let Some(start) = text.find("](#") {
        let open = text[..start].rfind('[').unwrap();
        let end = start + text[start..].find(')').unwrap();
        text.replace_range(open..=end, " ");
    }
    let mut figures = Vec::new();
    let chars: Vec<char> = text.chars().collect();
    let mut i = 0;
    while i < chars.len() {
        let starts = chars[i].is_ascii_digit() && (i == 0 || !chars[i - 1].is_alphanumeric());
        if !starts {
            i += 1;
            continue;
        }
        let mut j = i;
        while j < chars.len() && (chars[j].is_ascii_digit() || ",.%".contains(chars[j])) {
            j += 1;
        }
        let token: String = chars[i..j].iter().collect();
        let token = token.trim_end_matches([',', '.']).to_string();
        let inner = |sep: char| {
            token.split(sep).collect::<Vec<_>>().windows(2).any(|w| {
                w[0].ends_with(|c: char| c.is_ascii_digit())
                    && w[1].starts_with(|c: char| c.is_ascii_digit())
            })
        };
        if token.ends_with('%') || inner(',') || inner('.') {
            figures.push(token);
        }
        i = j;
    }
    figures
}

#[test]
fn every_figure_in_the_doc_s_sentences_is_in_the_outputs() {
    let doc = doc();
    let blocks = blocks(&doc);
    let files = DocFiles::new(&blocks);
    let mut outputs = String::new();
    for block in &blocks {
        if let Some(command) = block.command() {
            outputs.push_str(&files.run(command).0);
        }
    }
    // Whole outputs of the tools the doc quotes in part (the plan's directives, explain).
    for file in [
        "scenarios/what-if-no-door-to-door-city.toml",
        "scenarios/what-if-equity.toml",
    ] {
        outputs.push_str(&files.run(&format!("plan {file} --lang en")).0);
    }
    // Computed from two outputs, and checked by the_cost_of_equity_is_computed_from_the_two_plans.
    let derived = ["3.96"];
    let mut in_block = false;
    let mut missing = Vec::new();
    for (n, line) in doc.lines().enumerate() {
        if line.trim_start().starts_with("```") {
            in_block = !in_block;
            continue;
        }
        // headings carry section numbers (`### 2.4 ...`), not figures
        if in_block || line.starts_with('#') {
            continue;
        }
        for figure in figures(line) {
            if !outputs.contains(&figure) && !derived.contains(&figure.as_str()) {
                missing.push(format!("docs/what-if.md:{}: {figure}", n + 1));
            }
        }
    }
    assert!(
        missing.is_empty(),
        "figures in the doc's sentences that no output prints:\n{}",
        missing.join("\n")
    );
}

#[test]
fn the_doc_s_helpers_read_what_they_should() {
    assert_eq!(
        words(r#"explain a.toml --district "Thành phố Lạng Sơn" --lang en"#),
        [
            "explain",
            "a.toml",
            "--district",
            "Thành phố Lạng Sơn",
            "--lang",
            "en"
        ]
    );
    assert_eq!(
        figures("218,781 (42.09%) for `0.5`, see [2.3](#23-x), 14 days, +0.96 points."),
        ["218,781", "42.09%", "0.96"]
    );
    let printed = "a\nb\nc\nd\n";
    let lines = |s: &[&str]| s.iter().map(|l| l.to_string()).collect::<Vec<_>>();
    assert!(shows(&lines(&["a", "b", "c", "d"]), printed).is_ok());
    assert!(shows(&lines(&["a", "b", "c"]), printed).is_err());
    assert!(shows(&lines(&["a", "...", "c", "d"]), printed).is_ok());
    assert!(shows(&lines(&["c", "...", "a"]), printed).is_err());
    assert!(shows(&lines(&["a", "c", "..."]), printed).is_err());
}
