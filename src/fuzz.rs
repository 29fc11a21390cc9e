//! Entry points for the fuzz targets (`fuzz/`, run with cargo-fuzz; docs/fuzzing.md) and for
//! `tests/fuzz_corpus.rs`, which replays their corpus under `cargo test`: bytes in, the
//! library's own `Result` out. Not for programs: the names and layouts may change with the
//! targets.
//!
//! The readers read files (a scenario names its base, coverage table, rules and history by
//! path), so each call writes the bytes into a temporary folder laid out as the repository
//! is, `scenarios/` beside `rules/`, with the files around them fixed here, and reads them
//! from there as `campaign` would. Each thread keeps one such folder per target (scenario, CSV,
//! XLSX, XLSX sheet, rules), made on its first call: a call rewrites only its own files (the
//! same names every time), and no reader writes, so every call reads the same folder but for
//! the bytes it was given.
//! (Making a folder and its seven files on every call took two thirds of a fuzzer's time.)

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use tempfile::TempDir;

use crate::cli::message::OutputProblem;
use crate::diagnostic::Error;
use crate::effects::Effects;
use crate::import::Coverage;
use crate::plan::Plan;
use crate::rules::{Names, RuleSet};
use crate::scenario::{self, Scenario};
use crate::text::Lang;

/// The shipped scenario, as the base that what-if overlays name.
const SHIPPED: &str = include_str!("../scenarios/lang-son-2020-09-01.toml");
/// The coverage tables that the shipped history scenario names.
const COVERAGE_0818: &str = include_str!("../scenarios/coverage-2020-08-18.csv");
const COVERAGE_0825: &str = include_str!("../scenarios/coverage-2020-08-25.csv");
/// The shipped rules, under their names (a scenario only checks that they are there).
const RULES: [(&str, &str); 3] = [
    (
        "communication.rhai",
        include_str!("../rules/communication.rhai"),
    ),
    (
        "mandatory-cohorts.rhai",
        include_str!("../rules/mandatory-cohorts.rhai"),
    ),
    (
        "door-to-door.rhai",
        include_str!("../rules/door-to-door.rhai"),
    ),
];

/// The scenario around a fuzzed coverage table: the shipped one's settings, its team kinds
/// (a `commune` column is the local teams) and `coverage = "coverage.{csv,xlsx}"`.
const AROUND_COVERAGE: &str = r#"name = "fuzz"
as_of = 2020-09-01
horizon_days = 14
objective = "max-installs"
rules = ["../rules/communication.rhai"]
coverage = "COVERAGE"

[target]
provincial_rate = 0.40

[params]
communication_reach = 0.01

[[team_kind]]
name = "commune"
scope = "local"
installs_per_team_day = 15
cost_per_team_day = 150_000

[[team_kind]]
name = "volunteer"
scope = "provincial"
available = 30
installs_per_team_day = 40
cost_per_team_day = 300_000
"#;

/// The small scenario a fuzzed rule runs on: two districts (one below the door-to-door
/// threshold, one above the target), the params of the shipped and library rules, both team
/// scopes, three cohorts. Two, so that a rule that spends every call's limit (a second of
/// processor time) is stopped within four seconds.
const AROUND_RULE: &str = r#"name = "fuzz"
as_of = 2020-09-01
horizon_days = 14
objective = "max-installs"
rules = ["../rules/fuzz.rhai"]

[target]
provincial_rate = 0.40

[params]
communication_reach = 0.01
student_uptake = 0.25
quarantine_compliance = 0.95
testing_compliance = 0.80
door_to_door_threshold = 0.30
door_to_door_provincial_kind = "volunteer"
school_session_uptake = 0.20
remote_districts = ["Bình Gia"]
remote_productivity = 0.75
priority_lowest_count = 1
priority_floor = 0.35

[[team_kind]]
name = "commune"
scope = "local"
installs_per_team_day = 15
cost_per_team_day = 150_000

[[team_kind]]
name = "volunteer"
scope = "provincial"
available = 6
installs_per_team_day = 40
cost_per_team_day = 300_000

[[district]]
name = "Thành phố Lạng Sơn"
installed = 39_911
smartphones = 96_818
teams = { commune = 8 }
quarantine = 60
testing = 1_500
students = 9_000

[[district]]
name = "Bình Gia"
installed = 7_186
smartphones = 29_057
teams = { commune = 19 }
quarantine = 10
testing = 200
students = 2_000
"#;

/// A temporary copy of the repository's layout: `scenarios/` (the shipped scenario and the
/// coverage tables its history names) beside `rules/` (the shipped rules).
struct Layout {
    dir: TempDir,
    /// [`AROUND_RULE`], loaded on the first call that runs a rule.
    rule_scenario: OnceCell<Scenario>,
}

thread_local! {
    /// This thread's layouts, by target.
    static LAYOUTS: RefCell<BTreeMap<&'static str, Rc<Layout>>> = const {
        RefCell::new(BTreeMap::new())
    };
}

impl Layout {
    /// This thread's layout for the target `entry`, made on its first call.
    fn of(entry: &'static str) -> Result<Rc<Layout>, Error> {
        if let Some(layout) = LAYOUTS.with_borrow(|all| all.get(entry).cloned()) {
            return Ok(layout);
        }
        let layout = Rc::new(Layout::new()?);
        LAYOUTS.with_borrow_mut(|all| all.insert(entry, Rc::clone(&layout)));
        Ok(layout)
    }

    fn new() -> Result<Layout, Error> {
        let dir = tempfile::tempdir().map_err(|e| cannot_write(&std::env::temp_dir(), &e))?;
        let layout = Layout {
            dir,
            rule_scenario: OnceCell::new(),
        };
        let scenarios = layout.scenarios();
        let rules = layout.rules();
        for folder in [&scenarios, &rules] {
            std::fs::create_dir(folder).map_err(|e| cannot_write(folder, &e))?;
        }
        layout.write("scenarios/lang-son-2020-09-01.toml", SHIPPED.as_bytes())?;
        layout.write(
            "scenarios/coverage-2020-08-18.csv",
            COVERAGE_0818.as_bytes(),
        )?;
        layout.write(
            "scenarios/coverage-2020-08-25.csv",
            COVERAGE_0825.as_bytes(),
        )?;
        for (name, text) in RULES {
            layout.write(&format!("rules/{name}"), text.as_bytes())?;
        }
        Ok(layout)
    }

    fn scenarios(&self) -> PathBuf {
        self.dir.path().join("scenarios")
    }

    fn rules(&self) -> PathBuf {
        self.dir.path().join("rules")
    }

    /// The scenario a fuzzed rule runs on ([`AROUND_RULE`]): read once, as the rule it names
    /// is only looked for (and is there once a rule has been written).
    fn rule_scenario(&self) -> Result<&Scenario, Error> {
        if let Some(scenario) = self.rule_scenario.get() {
            return Ok(scenario);
        }
        let path = self.write("scenarios/scenario.toml", AROUND_RULE.as_bytes())?;
        let scenario = scenario::load(&path)?;
        Ok(self.rule_scenario.get_or_init(|| scenario))
    }

    /// Writes `bytes` at `name` (relative to the layout's root); the path written.
    fn write(&self, name: &str, bytes: &[u8]) -> Result<PathBuf, Error> {
        let path = self.dir.path().join(name);
        std::fs::write(&path, bytes).map_err(|e| cannot_write(&path, &e))?;
        Ok(path)
    }
}

fn cannot_write(path: &Path, err: &std::io::Error) -> Error {
    Error::new(OutputProblem::CannotWrite {
        kind: err.kind(),
        file: true,
    })
    .file(path)
}

/// The scenario loader on `bytes` as `scenarios/scenario.toml` (its `base`, `coverage`,
/// `rules` and `[[history]]` can name the shipped files beside it), then the model built
/// from it with no rule effects.
pub fn scenario_from_bytes(bytes: &[u8]) -> Result<Scenario, Error> {
    let layout = Layout::of("scenario")?;
    let path = layout.write("scenarios/scenario.toml", bytes)?;
    let scenario = scenario::load(&path)?;
    let none = vec![Effects::default(); scenario.districts.len()];
    let _model = scenario::to_model(&scenario, &none);
    Ok(scenario)
}

/// What the two readers of a coverage table made of one: `campaign import`'s, and a
/// scenario's (`coverage = ...`, with its team-kind and cohort columns).
#[derive(Debug)]
pub struct Tables {
    pub import: Result<Coverage, Error>,
    pub scenario: Result<Scenario, Error>,
}

/// Both readers of a coverage table on `bytes` as `scenarios/coverage.csv`.
pub fn coverage_csv(bytes: &[u8]) -> Result<Tables, Error> {
    let layout = Layout::of("coverage_csv")?;
    coverage(&layout, bytes, "coverage.csv")
}

/// Both readers of a coverage table on `bytes` as `scenarios/coverage.xlsx`.
pub fn coverage_xlsx(bytes: &[u8]) -> Result<Tables, Error> {
    let layout = Layout::of("coverage_xlsx")?;
    coverage(&layout, bytes, "coverage.xlsx")
}

/// Both readers of a coverage table on a workbook whose first sheet's XML is `bytes`, its
/// other parts fixed ([`WORKBOOK_PARTS`]), as `scenarios/coverage.xlsx`. Fuzzed as a whole
/// workbook, a sheet hardly reaches the workbook reader: a changed byte of a stored part fails
/// the archive's checksum, and of a compressed one its compression, so the workbook is refused
/// as damaged before the sheet is read. Here the archive is made around the bytes, with their
/// checksum, and the sheet reader gets whatever they hold.
pub fn coverage_xlsx_sheet(bytes: &[u8]) -> Result<Tables, Error> {
    let layout = Layout::of("coverage_xlsx_sheet")?;
    let book = workbook(bytes).map_err(|e| {
        let path = layout.scenarios().join("coverage.xlsx");
        cannot_write(&path, &std::io::Error::other(e))
    })?;
    coverage(&layout, &book, "coverage.xlsx")
}

/// The parts of the workbook around a fuzzed sheet: one sheet, shared strings holding the
/// letter's headings and district names (a sheet's `t="s"` cells name them by index), and
/// styles with the letter's number formats (a whole number, a percentage).
const WORKBOOK_PARTS: [(&str, &str); 6] = [
    (
        "[Content_Types].xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/worksheets/sheet1.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/></Types>"#,
    ),
    (
        "_rels/.rels",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/></Relationships>"#,
    ),
    (
        "xl/workbook.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Sheet1" sheetId="1" r:id="rId1"/></sheets></workbook>"#,
    ),
    (
        "xl/_rels/workbook.xml.rels",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet1.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId3" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>"#,
    ),
    (
        "xl/sharedStrings.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<sst xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" count="16" uniqueCount="16"><si><t>Huyện</t></si><si><t>Đã cài Bluezone</t></si><si><t>Tổng smartphone</t></si><si><t>Tỷ lệ</t></si><si><t>commune</t></si><si><t>Thành phố Lạng Sơn</t></si><si><t>Hữu Lũng</t></si><si><t>Cao Lộc</t></si><si><t>Lộc Bình</t></si><si><t>Tràng Định</t></si><si><t>Chi Lăng</t></si><si><t>Bắc Sơn</t></si><si><t>Văn Lãng</t></si><si><t>Văn Quan</t></si><si><t>Bình Gia</t></si><si><t>Tổng cộng</t></si></sst>"#,
    ),
    (
        "xl/styles.xml",
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><numFmts count="1"><numFmt numFmtId="164" formatCode="0.00%"/></numFmts><cellXfs count="4"><xf numFmtId="0"/><xf numFmtId="3" applyNumberFormat="1"/><xf numFmtId="164" applyNumberFormat="1"/><xf numFmtId="14" applyNumberFormat="1"/></cellXfs></styleSheet>"#,
    ),
];

/// A workbook of [`WORKBOOK_PARTS`] and `sheet` as `xl/worksheets/sheet1.xml`, stored.
fn workbook(sheet: &[u8]) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write;
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    let parts = WORKBOOK_PARTS
        .iter()
        .map(|(name, text)| (*name, text.as_bytes()))
        .chain([("xl/worksheets/sheet1.xml", sheet)]);
    for (name, bytes) in parts {
        zip.start_file(name, stored)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

fn coverage(layout: &Layout, bytes: &[u8], name: &str) -> Result<Tables, Error> {
    let table = layout.write(&format!("scenarios/{name}"), bytes)?;
    let around = AROUND_COVERAGE.replace("COVERAGE", name);
    let path = layout.write("scenarios/scenario.toml", around.as_bytes())?;
    Ok(Tables {
        import: crate::import::read(&table),
        scenario: scenario::load(&path),
    })
}

/// The rule checker on `bytes` as `rules/fuzz.rhai`, against the names of a small fixed
/// scenario (two districts): every problem found, as `campaign rules check` lists them.
pub fn rules_check(bytes: &[u8]) -> Result<Vec<Error>, Error> {
    let layout = Layout::of("rules")?;
    let rule = layout.write("rules/fuzz.rhai", bytes)?;
    let scenario = layout.rule_scenario()?;
    Ok(crate::rules::check_files(
        &[rule],
        Some(&Names::of(scenario)),
        true,
    ))
}

/// The rule engine on `bytes` as `rules/fuzz.rhai`: compiled, then both hooks run on every
/// district of a small fixed scenario (two districts) around a solve, as `campaign plan`
/// runs them but whatever the checker says, so that the per-call and per-plan limits of
/// src/rules/ are what stops a rule.
pub fn rules_run(bytes: &[u8]) -> Result<Plan, Error> {
    let layout = Layout::of("rules")?;
    layout.write("rules/fuzz.rhai", bytes)?;
    let scenario = layout.rule_scenario()?;
    let rules = RuleSet::load(&scenario.rules)?;
    let effects = rules.before_solve(scenario)?;
    let model = scenario::to_model(scenario, &effects);
    let solution = crate::solve::solve(&model);
    let mut plan = Plan::new(&scenario.name, &scenario.as_of, &model, &solution, &effects);
    plan.add_notices(&model);
    let after = rules.after_solve(scenario, &plan)?;
    plan.add_after_solve(after);
    plan.add_pace(scenario);
    Ok(plan)
}

/// The longest one problem may read, in characters, in either language: its place, its
/// message, a window of the line it points at, its hint (a path or a listed name adds some).
pub const LONGEST_PROBLEM: usize = 4_000;

/// How `err` would fail its reader, where a program can tell, in either language: a control
/// character other than a line break or a tab (an escape sequence sent to the terminal), or a
/// problem longer than [`LONGEST_PROBLEM`] characters (a long line or value echoed whole).
/// `None` when it reads well. Renders every problem of `err` in both languages.
pub fn misread(err: &Error) -> Option<String> {
    let mut first = err.clone();
    let also = std::mem::take(&mut first.also);
    for problem in std::iter::once(&first).chain(also.iter()) {
        for lang in [Lang::Vi, Lang::En] {
            let text = problem.render(lang);
            if let Some(c) = text
                .chars()
                .find(|&c| c.is_control() && c != '\n' && c != '\t')
            {
                return Some(format!("control character {c:?} in:\n{text}"));
            }
            let chars = text.chars().count();
            if chars > LONGEST_PROBLEM {
                let start: String = text.chars().take(300).collect();
                return Some(format!("a problem of {chars} characters: {start}…"));
            }
        }
    }
    None
}
