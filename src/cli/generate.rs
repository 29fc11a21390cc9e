//! `campaign generate --units N --seed S [...]`: a made-up scenario for benchmarks and tests
//! (src/synthetic.rs draws it; docs/generate.md). The numbers arrive as text so that a
//! mistyped one gets a message in the reader's language, not clap's English.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::{EXIT_PLAN, LangArg, bad_input, output};
use crate::diagnostic::Error;
use crate::import::table::parse_count;
use crate::model::Objective;
use crate::number::count;
use crate::synthetic::{self, Budget, MAX_UNITS, Params, Size};
use crate::text::{Lang, Text};

/// A budget above this many đồng is a typing mistake (a thousand trillion đồng), and a larger
/// one would not fit a TOML integer for long.
const MAX_BUDGET: i128 = 1_000_000_000_000_000;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// How many units (communes, or districts with --size district): 1 to 100000.
    #[arg(long, value_name = "N", allow_negative_numbers = true)]
    units: String,
    /// The random seed, a whole number: the same seed gives the same file, another seed
    /// another province.
    #[arg(long, value_name = "S", allow_negative_numbers = true)]
    seed: String,
    /// What the plan optimises.
    #[arg(long, value_enum, default_value_t = ObjectiveArg::MaxInstalls)]
    objective: ObjectiveArg,
    /// The provincial target as a share, e.g. 0.4 for 40% (the default).
    #[arg(long, value_name = "RATE", allow_negative_numbers = true)]
    target: Option<String>,
    /// The least rate of every unit, e.g. 0.3 for 30% (default: no floor).
    #[arg(long, value_name = "RATE", allow_negative_numbers = true)]
    floor: Option<String>,
    /// The most to spend over the campaign, in đồng (e.g. 250000000), or `auto`: about half
    /// of what every team would cost (default: no budget).
    #[arg(long, value_name = "AMOUNT|auto", allow_negative_numbers = true)]
    budget: Option<String>,
    /// Commune-like units (a few thousand smartphones, one commune team) or district-like
    /// units (tens of thousands, 5 to 30 commune teams).
    #[arg(long, value_enum, default_value_t = SizeArg::Commune)]
    size: SizeArg,
    /// A rule file or folder for the scenario's `rules`, written as given: relative to the
    /// folder the scenario is written to (repeatable; default: no rules).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<String>,
    /// Write the scenario to this file (atomically) instead of the terminal.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Language of the messages (vi: Tiếng Việt, en: English).
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ObjectiveArg {
    MaxInstalls,
    MinCost,
    MaxMinRate,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SizeArg {
    Commune,
    District,
}

/// Checks the arguments, writes the scenario to `--out` (atomically) or `stdout`; returns the
/// exit status. `settings` are the global `--set`s, which a generated file has nothing to
/// apply to.
pub(super) fn run(
    args: &Args,
    settings: &[String],
    stdout: &mut dyn Write,
    stderr: &mut dyn Write,
) -> i32 {
    let lang = Lang::from(args.lang);
    let written = refuse_settings(settings)
        .and_then(|()| params(args))
        .and_then(|params| {
            let text = synthetic::generate(&params);
            output::emit(args.out.as_deref(), text.as_bytes(), stdout)
        });
    match written {
        Ok(()) => EXIT_PLAN,
        Err(e) => bad_input(stderr, &e, lang),
    }
}

/// `--set` changes a scenario that exists; `generate` makes a new one.
fn refuse_settings(settings: &[String]) -> Result<(), Error> {
    if settings.is_empty() {
        return Ok(());
    }
    Err(Error::new(Text::new(
        "`--set` không dùng được với `campaign generate`",
        "`--set` does not apply to `campaign generate`",
    ))
    .hint(Text::new(
        "đặt giá trị bằng các tùy chọn của lệnh (--target, --floor, --budget, --objective), \
         hoặc tạo tệp trước rồi chạy `campaign plan TỆP --set ...`",
        "set values with the command's options (--target, --floor, --budget, --objective), \
         or generate the file first, then run `campaign plan FILE --set ...`",
    )))
}

/// The checked parameters, or the first argument that is wrong.
fn params(args: &Args) -> Result<Params, Error> {
    // checked in the order of `campaign generate --help`
    Ok(Params {
        units: units(&args.units)?,
        seed: seed(&args.seed)?,
        objective: match args.objective {
            ObjectiveArg::MaxInstalls => Objective::MaxInstalls,
            ObjectiveArg::MinCost => Objective::MinCost,
            ObjectiveArg::MaxMinRate => Objective::MaxMinRate,
        },
        target: match &args.target {
            Some(text) => share("--target", text, &TARGET)?,
            None => synthetic::DEFAULT_TARGET,
        },
        floor: args
            .floor
            .as_deref()
            .map(|text| share("--floor", text, &FLOOR))
            .transpose()?,
        budget: args.budget.as_deref().map(budget).transpose()?,
        size: match args.size {
            SizeArg::Commune => Size::Commune,
            SizeArg::District => Size::District,
        },
        rules: args
            .rules
            .iter()
            .map(|p| rule_path(p))
            .collect::<Result<_, _>>()?,
    })
}

/// `--units`: 1 to [`MAX_UNITS`], thousands grouped as people write them (`10,600`, `10.600`).
fn units(text: &str) -> Result<u32, Error> {
    let hint = Text::new(
        "ví dụ --units 700 (mỗi đơn vị là một xã, hoặc một huyện với --size district)",
        "for example --units 700 (each unit is a commune, or a district with --size district)",
    );
    let (vi_max, en_max) = (
        count(Lang::Vi, f64::from(MAX_UNITS)),
        count(Lang::En, f64::from(MAX_UNITS)),
    );
    let Some(n) = parse_count(text) else {
        return Err(Error::new(Text::new(
            format!("--units {text}: số đơn vị phải là một số nguyên, từ 1 đến {vi_max}"),
            format!(
                "--units {text}: the number of units must be a whole number, from 1 to {en_max}"
            ),
        ))
        .hint(hint));
    };
    match u32::try_from(n) {
        Ok(n) if (1..=MAX_UNITS).contains(&n) => Ok(n),
        _ => Err(Error::new(Text::new(
            format!("--units {text}: số đơn vị phải từ 1 đến {vi_max} (đang là {n})"),
            format!("--units {text}: the number of units must be from 1 to {en_max} (it is {n})"),
        ))
        .hint(hint)),
    }
}

/// `--seed`: any whole number that fits 64 bits.
fn seed(text: &str) -> Result<u64, Error> {
    text.trim().parse().map_err(|_| {
        Error::new(Text::new(
            format!(
                "--seed {text}: hạt giống (seed) phải là một số nguyên từ 0 đến \
                 18.446.744.073.709.551.615"
            ),
            format!(
                "--seed {text}: the seed must be a whole number from 0 to \
                 18,446,744,073,709,551,615"
            ),
        ))
        .hint(Text::new(
            "ví dụ --seed 1: cùng một seed luôn cho cùng một tệp, seed khác cho một tỉnh khác",
            "for example --seed 1: the same seed always gives the same file, another seed \
             another province",
        ))
    })
}

/// What a share option is called in a message: (Vietnamese, English).
struct ShareName {
    vi: &'static str,
    en: &'static str,
    /// A typical value, for the hint: (as typed, as a percentage).
    example: (&'static str, &'static str),
}

const TARGET: ShareName = ShareName {
    vi: "mục tiêu toàn tỉnh",
    en: "the provincial target",
    example: ("0.4", "40%"),
};

const FLOOR: ShareName = ShareName {
    vi: "mức sàn của mỗi đơn vị",
    en: "the floor of every unit",
    example: ("0.3", "30%"),
};

/// `--target` or `--floor`: a share more than 0 and less than 1, written with a dot. The hint
/// says what to type: a percentage (`40`, `40%`) becomes `0.4`, a decimal comma a dot.
fn share(option: &str, text: &str, name: &ShareName) -> Result<f64, Error> {
    let trimmed = text.trim();
    let (body, percent) = match trimmed.strip_suffix('%') {
        Some(body) => (body.trim(), true),
        None => (trimmed, false),
    };
    let value = body.parse::<f64>().ok().filter(|x| x.is_finite());
    match value {
        Some(x) if !percent && x > 0.0 && x < 1.0 => Ok(x),
        Some(x) => Err(share_out_of_range(option, text, name, x, percent)),
        None => Err(share_not_a_number(option, text, name, body)),
    }
}

/// A share option that is a number, but not one in (0, 1), or written as a percentage.
fn share_out_of_range(option: &str, text: &str, name: &ShareName, x: f64, percent: bool) -> Error {
    let ShareName { vi, en, .. } = name;
    let message = if percent {
        Text::new(
            format!("{option} {text}: {vi} ghi dưới dạng số thập phân, không có dấu %"),
            format!("{option} {text}: {en} is written as a decimal, without %"),
        )
    } else {
        Text::new(
            format!("{option} {text}: {vi} là một tỷ lệ lớn hơn 0 và nhỏ hơn 1 (đang là {x})"),
            format!("{option} {text}: {en} is a share, more than 0 and less than 1 (it is {x})"),
        )
    };
    // 40 or 40% means 40%; a 1 is more likely "all" than "1%", so it gets the plain hint
    let a_percentage = (percent && x > 0.0 && x < 100.0) || (x > 1.0 && x < 100.0);
    Error::new(message).hint(if a_percentage {
        // Rounded, so that 1.3% shows as 0.013, not 0.013000000000000001.
        let as_share = (x / 100.0 * 1e9).round() / 1e9;
        Text::new(
            format!("tỷ lệ ghi dưới dạng số thập phân với dấu chấm: {x}% là {as_share}, gõ {option} {as_share}"),
            format!("shares are written as decimals with a dot: {x}% is {as_share}, type {option} {as_share}"),
        )
    } else {
        share_hint(option, name)
    })
}

/// A share option that is not a number at all (a decimal comma, a word).
fn share_not_a_number(option: &str, text: &str, name: &ShareName, body: &str) -> Error {
    let ShareName { vi, en, .. } = name;
    let error = Error::new(Text::new(
        format!("{option} {text}: {vi} phải là một tỷ lệ viết bằng số thập phân"),
        format!("{option} {text}: {en} must be a share written as a decimal number"),
    ));
    let with_dot = body.replacen(',', ".", 1);
    match with_dot.parse::<f64>() {
        Ok(x) if body.contains(',') && x.is_finite() => error.hint(Text::new(
            format!("số thập phân dùng dấu chấm, không dùng dấu phẩy: gõ {option} {with_dot}"),
            format!("decimals take a dot, not a comma: type {option} {with_dot}"),
        )),
        _ => error.hint(share_hint(option, name)),
    }
}

/// What to type for a share: 40% is 0.4.
fn share_hint(option: &str, name: &ShareName) -> Text {
    let (share, percent) = name.example;
    Text::new(
        format!(
            "ghi tỷ lệ dưới dạng số thập phân với dấu chấm, ví dụ {option} {share} cho {percent}"
        ),
        format!("write the share as a decimal with a dot, e.g. {option} {share} for {percent}"),
    )
}

/// `--budget`: `auto`, or whole đồng from 0 to [`MAX_BUDGET`], grouped as people write them
/// (`250000000`, `250_000_000`, `250.000.000`).
fn budget(text: &str) -> Result<Budget, Error> {
    if text.trim().eq_ignore_ascii_case("auto") {
        return Ok(Budget::Auto);
    }
    let hint = Text::new(
        "ghi số tiền (đồng) cho cả đợt, ví dụ --budget 250000000 (250 triệu đồng; viết \
         250_000_000 hay 250.000.000 cũng được), hoặc --budget auto (khoảng một nửa chi phí \
         của mọi tổ, đội)",
        "write the amount in đồng for the whole campaign, e.g. --budget 250000000 (250 million đồng; \
         250_000_000 or 250.000.000 also work), or --budget auto (about half of what every \
         team would cost)",
    );
    match parse_count(text) {
        Some(n) if n < 0 => Err(budget_negative(text).hint(hint)),
        Some(n) if n > MAX_BUDGET => Err(Error::new(Text::new(
            format!(
                "--budget {text}: ngân sách quá lớn, không thể là thật (hơn 1.000.000 tỷ đồng)"
            ),
            format!(
                "--budget {text}: the budget is too large to be real (more than \
                 1,000,000,000,000,000 đồng)"
            ),
        ))
        .hint(Text::new(
            "kiểm tra xem có gõ thừa chữ số nào không; ngân sách tính bằng đồng",
            "check for a digit typed twice; the budget is in đồng",
        ))),
        Some(n) => Ok(Budget::Dong(n as u64)),
        None if text.trim_start().starts_with('-') => Err(budget_negative(text).hint(hint)),
        None => Err(Error::new(Text::new(
            format!("--budget {text}: ngân sách phải là một số đồng (số nguyên) hoặc auto"),
            format!("--budget {text}: the budget must be a whole number of đồng, or auto"),
        ))
        .hint(hint)),
    }
}

fn budget_negative(text: &str) -> Error {
    Error::new(Text::new(
        format!("--budget {text}: ngân sách không thể âm"),
        format!("--budget {text}: the budget cannot be negative"),
    ))
}

/// `--rules PATH`: written as given, so it must be one visible line of text.
fn rule_path(path: &str) -> Result<String, Error> {
    let hint = Text::new(
        "ghi đường dẫn tệp hoặc thư mục quy tắc, tính từ thư mục sẽ chứa kịch bản, ví dụ \
         --rules ../rules",
        "name a rule file or folder, relative to the folder the scenario is written to, e.g. \
         --rules ../rules",
    );
    if path.trim().is_empty() {
        return Err(Error::new(Text::new(
            "--rules: đường dẫn quy tắc đang để trống",
            "--rules: the rule path is empty",
        ))
        .hint(hint));
    }
    if path.chars().any(char::is_control) {
        return Err(Error::new(Text::new(
            format!(
                "--rules {}: đường dẫn có ký tự điều khiển (xuống dòng, tab)",
                path.escape_debug()
            ),
            format!(
                "--rules {}: the path holds a control character (a line break, a tab)",
                path.escape_debug()
            ),
        ))
        .hint(hint));
    }
    Ok(path.to_string())
}
