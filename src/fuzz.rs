//! Entry points for the fuzz targets (`fuzz/`, run with cargo-fuzz; docs/fuzzing.md) and for
//! `tests/fuzz_corpus.rs`, which replays their corpus under `cargo test`: bytes in, the
//! library's own `Result` out. Not for programs: the names and layouts may change with the
//! targets.
//!
//! The readers read files (a scenario names its base, coverage table, rules and history by
//! path), so each call writes the bytes into a temporary folder laid out as the repository
//! is, `scenarios/` beside `rules/`, with the files around them fixed here, and reads them
//! from there as `campaign` would. Each thread keeps one such folder per target (scenario, CSV,
//! XLSX, XLSX sheet, rules, import), made on its first call: a call rewrites all its own files
//! (the same names every time), and no reader writes, so every call reads the same folder but
//! for the bytes it was given.
//!
//! Two targets take more than one file in their bytes, cut at the first line `%%` ([`PART`]):
//! `scenario` (the scenario, then a `[[history]]` file) and `import` (`campaign import`'s
//! options, then the table).
//! (Making a folder and its seven files on every call took two thirds of a fuzzer's time.)

use std::cell::{OnceCell, RefCell};
use std::collections::BTreeMap;
use std::path::{Path, PathBuf};
use std::rc::Rc;

use tempfile::TempDir;

use crate::diagnostic::Error;
use crate::effects::Effects;
use crate::import::columns::ColumnNames;
use crate::import::date::Date;
use crate::import::message::DateProblem;
use crate::import::skeleton::{self, Rules};
use crate::import::{Coverage, Imported, Options, report};
use crate::plan::Plan;
use crate::rules::{Names, RuleSet};
use crate::scenario::{self, Scenario};
use crate::text::Lang;

/// The shipped scenario, as the base that what-if overlays name.
const SHIPPED: &str = include_str!("../scenarios/lang-son-2020-09-01.toml");
/// The coverage tables that the shipped history scenario names.
const COVERAGE_0818: &str = include_str!("../scenarios/coverage-2020-08-18.csv");
const COVERAGE_0825: &str = include_str!("../scenarios/coverage-2020-08-25.csv");
/// The office's workbook (two header rows, merged cells, a title giving the date 31/8/2020,
/// notes under the table): `scenarios/history.xlsx` when the scenario's bytes give no history
/// file.
const OFFICE_XLSX: &[u8] = include_bytes!("../scenarios/bao-cao-huyen-2020-08-31.xlsx");

/// The line that cuts the bytes of the `scenario` and `import` targets into their two files.
pub const PART: &[u8] = b"\n%%\n";

/// `bytes` cut at the first [`PART`]: what is before it, and what is after (`None` without one).
fn parts(bytes: &[u8]) -> (&[u8], Option<&[u8]>) {
    match bytes.windows(PART.len()).position(|w| w == PART) {
        Some(at) => (&bytes[..at], Some(&bytes[at + PART.len()..])),
        None => (bytes, None),
    }
}
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
    crate::cli::output::write_error(Some(path), err)
}

/// The scenario loader on `bytes` as `scenarios/scenario.toml` (its `base`, `coverage`,
/// `rules` and `[[history]]` can name the shipped files beside it), then the model built
/// from it with no rule effects, and each district's pace and projection when it has history.
///
/// The bytes after a line `%%` ([`PART`]), when there is one, are a `[[history]]` file the
/// scenario may name: `history.csv` as they are, and `history.xlsx` as they are when they are
/// a zip archive (`PK`), else a workbook made around them as its sheet (see
/// [`coverage_xlsx_sheet`]). Without them, `history.csv` is the shipped table of 2020-08-25 and
/// `history.xlsx` the office's workbook of 2020-08-31 (its title gives the date).
pub fn scenario_from_bytes(bytes: &[u8]) -> Result<Scenario, Error> {
    let layout = Layout::of("scenario")?;
    let (toml, history) = parts(bytes);
    let (csv, xlsx) = match history {
        None => (COVERAGE_0825.as_bytes().to_vec(), OFFICE_XLSX.to_vec()),
        Some(h) if h.starts_with(b"PK") => (h.to_vec(), h.to_vec()),
        Some(h) => (
            h.to_vec(),
            sheets_workbook(&[h], &SheetsAround::default(), &layout)?,
        ),
    };
    layout.write("scenarios/history.csv", &csv)?;
    layout.write("scenarios/history.xlsx", &xlsx)?;
    let path = layout.write("scenarios/scenario.toml", toml)?;
    let scenario = scenario::load(&path)?;
    let none = vec![Effects::default(); scenario.districts.len()];
    let _model = scenario::to_model(&scenario, &none);
    for (i, district) in scenario.districts.iter().enumerate() {
        if let Some(pace) = scenario::history::pace(&scenario, i) {
            let _ = scenario::history::projection(district, pace, scenario.horizon_days);
        }
    }
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
    let book = sheets_workbook(&[bytes], &SheetsAround::default(), &layout)?;
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

/// What the workbook made around fuzzed sheets says of them, besides their XML (`import`'s
/// option lines `name`, `hidden`, `active`).
#[derive(Debug, Default)]
struct SheetsAround {
    /// The sheets' names, by index from 0 (else "Sheet1", "Sheet2"...).
    names: BTreeMap<usize, String>,
    /// The indices of the sheets hidden in Excel.
    hidden: Vec<usize>,
    /// The sheet the workbook opens on.
    active: Option<usize>,
}

/// At most this many sheets in a workbook made around fuzzed sheets.
const MADE_SHEETS: usize = 4;

/// A workbook of [`WORKBOOK_PARTS`] with `sheets` (at most [`MADE_SHEETS`]) as
/// `xl/worksheets/sheet{N}.xml`, stored; with one sheet and nothing said around it, the
/// workbook is [`WORKBOOK_PARTS`]' own.
fn sheets_workbook(
    sheets: &[&[u8]],
    around: &SheetsAround,
    layout: &Layout,
) -> Result<Vec<u8>, Error> {
    workbook(sheets, around).map_err(|e| {
        let path = layout.scenarios().join("coverage.xlsx");
        cannot_write(&path, &std::io::Error::other(e))
    })
}

fn workbook(sheets: &[&[u8]], around: &SheetsAround) -> zip::result::ZipResult<Vec<u8>> {
    use std::io::Write;
    let sheets = &sheets[..sheets.len().min(MADE_SHEETS)];
    let mut zip = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let stored =
        zip::write::SimpleFileOptions::default().compression_method(zip::CompressionMethod::Stored);
    // the parts that list the sheets, for more than one or with names, states or a tab given
    let (types, book, rels) = if sheets.len() <= 1
        && around.names.is_empty()
        && around.hidden.is_empty()
        && around.active.is_none()
    {
        (None, None, None)
    } else {
        listing(sheets.len(), around)
    };
    let parts = WORKBOOK_PARTS.iter().map(|(name, text)| {
        let made = match *name {
            "[Content_Types].xml" => types.as_deref(),
            "xl/workbook.xml" => book.as_deref(),
            "xl/_rels/workbook.xml.rels" => rels.as_deref(),
            _ => None,
        };
        (name.to_string(), made.unwrap_or(text).as_bytes())
    });
    let sheets = sheets
        .iter()
        .enumerate()
        .map(|(i, bytes)| (format!("xl/worksheets/sheet{}.xml", i + 1), *bytes));
    for (name, bytes) in parts.chain(sheets) {
        zip.start_file(name, stored)?;
        zip.write_all(bytes)?;
    }
    Ok(zip.finish()?.into_inner())
}

/// `[Content_Types].xml`, `xl/workbook.xml` and its relationships for `count` sheets.
fn listing(
    count: usize,
    around: &SheetsAround,
) -> (Option<String>, Option<String>, Option<String>) {
    let escape = |text: &str| {
        text.replace('&', "&amp;")
            .replace('<', "&lt;")
            .replace('>', "&gt;")
            .replace('"', "&quot;")
    };
    let mut types = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/sharedStrings.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sharedStrings+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>"#,
    );
    let mut book = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">"#,
    );
    if let Some(active) = around.active {
        book.push_str(&format!(
            r#"<bookViews><workbookView activeTab="{active}"/></bookViews>"#
        ));
    }
    book.push_str("<sheets>");
    let mut rels = String::from(
        r#"<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1001" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/sharedStrings" Target="sharedStrings.xml"/><Relationship Id="rId1002" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/>"#,
    );
    for i in 0..count {
        let n = i + 1;
        types.push_str(&format!(
            r#"<Override PartName="/xl/worksheets/sheet{n}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>"#
        ));
        let name = around
            .names
            .get(&i)
            .map_or_else(|| format!("Sheet{n}"), |name| escape(name));
        let state = if around.hidden.contains(&i) {
            r#" state="hidden""#
        } else {
            ""
        };
        book.push_str(&format!(
            r#"<sheet name="{name}" sheetId="{n}"{state} r:id="rId{n}"/>"#
        ));
        rels.push_str(&format!(
            r#"<Relationship Id="rId{n}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet{n}.xml"/>"#
        ));
    }
    types.push_str("</Types>");
    book.push_str("</sheets></workbook>");
    rels.push_str("</Relationships>");
    (Some(types), Some(book), Some(rels))
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

/// What `campaign import` made of a table: the error, or what it prints (the report on standard
/// error and the scenario skeleton, in both languages).
#[derive(Debug)]
pub struct ImportRun {
    pub imported: Result<Imported, Error>,
    /// The report, in Vietnamese then English (empty when the table was refused).
    pub reports: Vec<String>,
    /// The skeleton, in Vietnamese then English (empty when the table was refused).
    pub skeletons: Vec<String>,
}

/// At most this many option lines of the `import` target are read.
const OPTION_LINES: usize = 8;

/// `campaign import` on a table, with options: its reader ([`crate::import::read_with`]), then
/// its report and skeleton rendered in both languages.
///
/// When the bytes hold a line `%%` ([`PART`]), the lines before it are options, one a line
/// (at most [`OPTION_LINES`]): `column KEY=HEADING` and `as-of DATE` as `campaign import`
/// takes them (`--column`, `--as-of`; read as it reads them, so a bad one is its error),
/// `sheet NAME` (`--sheet`), and, for a workbook made here, `name N TEXT` (sheet N's name,
/// from 1), `hidden N` (sheet N hidden in Excel) and `active N` (the workbook opens on sheet
/// N, from 0); any other line is passed over. What follows (the whole bytes without `%%`) is
/// the table: a workbook as it is when it starts with `PK` (a zip archive), else, when it
/// starts with `<`, sheets' XML cut at each further line `%%` (at most four) made into a
/// workbook as [`coverage_xlsx_sheet`] makes one, else a CSV file.
pub fn import(bytes: &[u8]) -> Result<ImportRun, Error> {
    let layout = Layout::of("import")?;
    let (table, options) = match parts(bytes) {
        (options, Some(table)) => (table, Some(options)),
        (table, None) => (table, None),
    };
    let mut columns = Vec::new();
    let mut as_of = None;
    let mut sheet = None;
    let mut around = SheetsAround::default();
    let index = |n: &str| n.trim().parse::<usize>().ok().filter(|n| *n < MADE_SHEETS);
    for line in String::from_utf8_lossy(options.unwrap_or_default())
        .lines()
        .take(OPTION_LINES)
    {
        let (word, rest) = line.split_once(' ').unwrap_or((line, ""));
        match word {
            "column" => columns.push(rest.to_string()),
            "as-of" => as_of = Some(rest.to_string()),
            "sheet" => sheet = Some(rest.to_string()),
            "name" => {
                let (n, name) = rest.split_once(' ').unwrap_or((rest, ""));
                if let Some(n) = index(n).and_then(|n| n.checked_sub(1)) {
                    around.names.insert(n, name.to_string());
                }
            }
            "hidden" => around
                .hidden
                .extend(index(rest).and_then(|n| n.checked_sub(1))),
            "active" => around.active = index(rest),
            _ => {}
        }
    }
    let name = if table.starts_with(b"PK") {
        layout.write("scenarios/import.xlsx", table)?;
        "import.xlsx"
    } else if table.starts_with(b"<") {
        let mut sheets = Vec::new();
        let mut rest = table;
        while let (sheet, Some(more)) = parts(rest) {
            sheets.push(sheet);
            rest = more;
        }
        sheets.push(rest);
        let book = sheets_workbook(&sheets, &around, &layout)?;
        layout.write("scenarios/import.xlsx", &book)?;
        "import.xlsx"
    } else {
        layout.write("scenarios/import.csv", table)?;
        "import.csv"
    };
    let path = layout.scenarios().join(name);
    let options = || -> Result<Options, Error> {
        let columns = ColumnNames::parse(&columns)?;
        let as_of = match &as_of {
            None => None,
            Some(given) => Some(Date::parse_given(given).ok_or_else(|| {
                Error::new(DateProblem::AsOf {
                    given: given.clone(),
                })
            })?),
        };
        Ok(Options {
            columns,
            as_of,
            sheet,
        })
    };
    let imported = options().and_then(|options| crate::import::read_with(&path, &options));
    let mut reports = Vec::new();
    let mut skeletons = Vec::new();
    if let Ok(imported) = &imported {
        let rules = Rules::Folder("../rules".to_string());
        for lang in [Lang::Vi, Lang::En] {
            reports.push(report::render(imported, None, &rules, lang));
            skeletons.push(skeleton::render(imported, &rules, lang));
        }
    }
    Ok(ImportRun {
        imported,
        reports,
        skeletons,
    })
}

/// How a text `campaign` prints whole would read badly: a control character other than a line
/// break or a tab (an escape sequence sent to the terminal). `None` when it reads well.
pub fn misprinted(text: &str) -> Option<String> {
    let (at, c) = text
        .char_indices()
        .find(|&(_, c)| c.is_control() && c != '\n' && c != '\t')?;
    let line = text[..at].matches('\n').count() + 1;
    let shown: String = text
        .lines()
        .nth(line - 1)
        .unwrap_or("")
        .chars()
        .take(300)
        .collect();
    Some(format!("control character {c:?} on line {line}: {shown:?}"))
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
