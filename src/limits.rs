//! Every limit on what the tool reads, in one place: docs/limits.md gives each one's reason and
//! what to do when a real case needs more. A file or a table beyond a limit is refused with a
//! message naming the file, the place and the limit, before anything is allocated for it.
//!
//! The biggest legitimate input these are measured against is every commune of Vietnam
//! (10,600 units): a coverage table of 0.3 to 1 MB as CSV (depending on its columns), a 3.1 MB
//! scenario when `campaign import` writes each commune as a `[[district]]`.

/// A megabyte as the messages count it (1,000,000 bytes).
pub const MB: u64 = 1_000_000;

/// A scenario file, an overlay it names as `base`, a rule test file (TOML): the 10,600-commune
/// scenario written by `campaign import` is 3.1 MB.
pub const TOML_BYTES: u64 = 16 * MB;

/// Files in a chain of overlays: the scenario, its `base`, that file's `base`, and so on. A
/// what-if overlay of a base is 2 files, an overlay of an overlay 3; every file is parsed
/// twice while the chain is followed and read (each `base` line, then the scenario).
pub const OVERLAY_FILES: usize = 20;

/// Tables of one TOML file, counted before it is parsed: its `[` and `{` and the dots of its
/// dotted keys (a decimal's point is counted too). Each table of the parsed file holds a
/// node of about 1 kB whatever it holds (`[[x]]` `a.b = 0` costs 2.7 kB for 3 counted), so
/// this bounds them to about 200 MB; the 10,600-commune scenario has about 32,000.
pub const TOML_TABLES: usize = 200_000;

/// Values of one TOML file, counted before it is parsed: its `=` and `,`. A value costs
/// about 150 bytes parsed (`x = [0,0,...]`), so this bounds them to about 150 MB; the
/// 10,600-commune scenario has about 85,000.
pub const TOML_VALUES: usize = 1_000_000;

/// A rule file (Rhai): the shipped rules are 3 to 7 kB each.
pub const RULE_BYTES: u64 = MB;

/// Rule files a scenario runs, folders' files counted one by one: the shipped scenario runs
/// 3, the rule library has 7.
pub const RULE_FILES: usize = 200;

/// The rule files a scenario runs, together: each is at most [`RULE_BYTES`].
pub const RULES_BYTES: u64 = 8 * MB;

/// A coverage table or a `[[history]]` snapshot on disk, CSV or `.xlsx`; also the text of a
/// workbook's cells, all together.
pub const TABLE_BYTES: u64 = 32 * MB;

/// The parts of an `.xlsx` workbook (a zip archive), unzipped, all together: a workbook of
/// every commune of Vietnam unzips to a few MB.
pub const WORKBOOK_UNZIPPED_BYTES: u64 = 256 * MB;

/// One part of an `.xlsx` workbook (a sheet, the shared strings), unzipped: the shared
/// strings are held in memory whole.
pub const WORKBOOK_PART_BYTES: u64 = 64 * MB;

/// What reading an `.xlsx` workbook may unzip, all told, every time a part is read counted:
/// each part read once is at most [`WORKBOOK_UNZIPPED_BYTES`], but a workbook whose sheets all
/// name one part would unzip it once per sheet (a 123 kB file did not finish in two minutes).
pub const WORKBOOK_READ_BYTES: u64 = 2 * WORKBOOK_UNZIPPED_BYTES;

/// The parts of an `.xlsx` workbook (a workbook Excel writes has about ten, plus one per
/// sheet and picture).
pub const WORKBOOK_PARTS: usize = 10_000;

/// Shared strings of an `.xlsx` workbook (its `sharedStrings.xml`), counted before calamine
/// reads them: each costs a few dozen bytes held even when empty (12.7 million empty strings,
/// a 95 kB file, took 306 MB). A sheet holds at most [`TABLE_CELLS`] cells, so a workbook Excel
/// writes for a table the tool reads has fewer distinct texts.
pub const WORKBOOK_STRINGS: usize = 2_000_000;

/// Entries of an `.xlsx` workbook's styles (`styles.xml`: cell formats, fonts, fills, borders,
/// number formats), counted before calamine reads them: each cell format costs about 150 bytes
/// held (12.5 million, a 93 kB file, took 1.88 GB). Excel itself keeps at most 65,490 cell
/// formats in a workbook.
pub const WORKBOOK_STYLES: usize = 100_000;

/// Entries of one list of an `.xlsx` workbook (its sheets, defined names, relationships),
/// counted before calamine reads them: a million `<sheet>` entries, a 5 MB file, took 240 MB.
/// A sheet needs a part of its own, and an archive has at most [`WORKBOOK_PARTS`].
pub const WORKBOOK_ENTRIES: usize = 10_000;

/// Snapshots in `[[history]]`: one a day over the [`HISTORY_MAX_AGE_DAYS`] before `as_of`, the
/// most there can be, as two snapshots of one date are refused (naming both) and older ones
/// too. Counted before any entry is read, so that a list of a million entries is refused at
/// once.
pub const HISTORY_SNAPSHOTS: usize = HISTORY_MAX_AGE_DAYS as usize;

/// The files of all `[[history]]` snapshots together, on disk: each is at most
/// [`TABLE_BYTES`], and [`HISTORY_SNAPSHOTS`] of them would take minutes to read. A year of weekly
/// snapshots of every commune of Vietnam is about 52 MB as CSV.
pub const HISTORY_BYTES: u64 = 256 * MB;

/// How long before `as_of` a `[[history]]` snapshot may be, in days: a year. The pace is for a
/// campaign of weeks; a snapshot of 1900-01-01 (trial F21) is a typing mistake, and one of
/// years ago tells nothing of today's pace.
pub const HISTORY_MAX_AGE_DAYS: i64 = 366;

/// How far a snapshot's smartphones in a district may be from the scenario's: at most this
/// many times more or fewer. Subscriber counts move by a few percent in a year; a snapshot of
/// 2 smartphones against 58.196 (trial F21) is of another table or another province.
pub const HISTORY_SMARTPHONES_FACTOR: u64 = 2;

/// The most a district's installs may grow between two dated figures of `[[history]]`, as a
/// share a day of its smartphones without the app at the earlier date: 5% a day (the
/// shipped plans' teams reach about 1.3% a day). A snapshot with 0 installed the day before
/// 18,019 (trial G10) made a pace of 18,019 a day and "on track": a blank cell typed as 0.
pub const HISTORY_DAILY_SHARE: f64 = 0.05;

/// How many times a district's smartphones a cohort's head count may be. A cohort is people,
/// and the model counts at most the district's smartphones of it (min(n_c, S_d), MODEL.md), so
/// a cohort somewhat above the smartphones is a real case (60.000 drivers in a district of
/// 58.196 smartphones); a hundred times more is a digit typed many times (trial F17: 10^12 in a
/// district of 78.399), which the cap would hide.
pub const COHORT_SMARTPHONES_FACTOR: i128 = 100;

/// Districts (units) in one scenario. Việt Nam has about 10,600 communes, so a province or the
/// whole country fits twice over. What a plan keeps grows with it: 20,000 generated units under
/// the shipped rules plan in 6.6 s and 1.1 GB with a 159 MB JSON plan (its directives and
/// traces, 7 kB a unit); 50,000 took 41 s and 2.6 GB.
pub const DISTRICTS: usize = 20_000;

/// Scenarios one `campaign compare` plans side by side: one letter each, A to Z. More columns
/// than that no one reads side by side, and each scenario is a whole plan held until the
/// comparison is printed (a 3,000-unit scenario takes about 6 MB and 2 s; before this limit the
/// trial's 40 copies took 269 MB and 85 s, and nothing stopped 2,000). `campaign sweep` varies
/// one key over many values instead.
pub const COMPARED_SCENARIOS: usize = 26;

/// Rows of a table: the row number of the last cell read (XLSX) or the rows with cells (CSV).
pub const TABLE_ROWS: usize = 100_000;

/// Columns of a table: a CSV line's cells, or the column of a workbook cell (1,000 is column
/// `ALL`).
pub const TABLE_COLUMNS: usize = 1_000;

/// Cells of a table, empty ones inside it included: every row as wide as the widest (a
/// workbook's sheet from its first filled cell to its last, a CSV file's lines as written).
pub const TABLE_CELLS: usize = 2_000_000;

/// The filled rows at the top of a table among which its header row is looked for: an
/// official table has a handful of title rows above its header ("UBND TỈNH …", the date).
/// Without a bound, a table of 2,000,000 heading-like cells with no header was matched cell by
/// cell for 37 seconds before its first row was said to be wrong.
pub const HEADER_ROWS: usize = 30;

/// Cohort (group) columns of a scenario's coverage table: every cell of one is a head count its
/// district keeps, with the cohort's name, through the rules and the plan (997 such columns of
/// 1,990 rows took 75 s and 1.39 GB to load). The shipped scenario has 3 cohorts, and the rule
/// library reads at most 8.
pub const COVERAGE_COHORTS: usize = 20;

/// Other sheets of a workbook the `campaign import` report names beside the sheet read (a
/// workbook may list thousands of sheets; an office keeps a handful, one per report date).
pub const LISTED_SHEETS: usize = 10;

/// Characters in one cell: Excel's own limit.
pub const CELL_CHARS: usize = 32_767;

/// Characters in a name: a district's (in any file, overlay or `--set`, and `explain
/// --district`), a team kind's, a cohort's. The longest name of a Vietnamese administrative
/// unit is under 40 characters; a longer one is a cell or a value that is not a name, and every
/// message that quotes it would be as long.
pub const NAME_CHARS: usize = 200;

/// Characters in a scenario's `name`: printed at the top of every output (twice in the HTML
/// page) and in every title of `compare` and `sweep`. The shipped one has 20; a name of 9
/// million characters made an 18 MB page (trial 13g K12). As each value of `[letter]`.
pub const SCENARIO_NAME_CHARS: usize = 300;

/// An existing `--out` file that is a zip archive (a Word letter): the most of it read to know
/// whether the tool wrote it and nobody changed it since. The letter of 10,600 communes is
/// 8.7 MB; a larger archive is not taken for one of the tool's (trial 13g K3).
pub const OUTPUT_CHECK_BYTES: u64 = 64 * MB;
/// Plans a sweep solves at once, whatever `--jobs` asks (and never more than its values):
/// each plan in flight holds its whole model and plan (≈8 MB at 700 districts, hundreds at
/// 20,000), and threads beyond the machine's cores only share them.
pub const SWEEP_JOBS: usize = 64;

/// `--width`: the narrowest terminal the tables and the help are laid out for (a phone's
/// terminal is about 40 columns; below it a table gets one letter a line), and the widest
/// (no screen shows more; a wider wish is the full tables, which a file or a pipe gets anyway).
pub const WIDTH_MIN: u16 = 40;
pub const WIDTH_MAX: u16 = 1000;

/// Days a letter's `date` may come after the data it cites (`as_of`): one year, beyond which
/// the date is a mistyped year (2030 for 2020). A letter dated more than
/// [`LETTER_DAYS_OLD_DATA`] days after its data is written with a warning.
pub const LETTER_DAYS_AFTER_DATA: i64 = 366;

/// Days after the data's date (`as_of`) past which the letter's figures are old: the
/// department sends its letter within days of the figures (the seed letter on the same day);
/// beyond a month the command warns that they should be brought up to date.
pub const LETTER_DAYS_OLD_DATA: i64 = 31;

/// The largest letter number (`[letter] number`): a register of outgoing documents starts again
/// at 1 each year, and an office issues a few thousand letters a year; nine digits is a typing
/// mistake (a phone number, a date), and above it letters numbered one per district could not
/// be counted on exactly.
pub const LETTER_NUMBER_MAX: u64 = 999_999_999;
