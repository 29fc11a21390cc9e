//! `campaign generate --units N --seed S [...]`: a made-up scenario for benchmarks and tests
//! (src/synthetic.rs draws it; docs/generate.md). The numbers arrive as text so that a
//! mistyped one gets a message in the reader's language, not clap's English.

use std::io::Write;
use std::path::PathBuf;

use clap::ValueEnum;

use super::message::{GenerateProblem, SetProblem, Share};
use super::{EXIT_PLAN, LangArg, bad_input, output};
use crate::diagnostic::Error;
use crate::import::table::parse_count;
use crate::model::Objective;
use crate::synthetic::{self, Budget, MAX_UNITS, Params, Size};
use crate::text::Lang;

/// The largest budget, as a whole number of đồng: the scenario's own limit
/// ([`crate::model::MAX_BUDGET`], a thousand trillion đồng), so that what `generate` writes loads.
#[allow(clippy::cast_possible_truncation)]
const MAX_BUDGET: i128 = crate::model::MAX_BUDGET as i128;

#[derive(Debug, clap::Args)]
pub(super) struct Args {
    /// How many units (communes, or districts with --size district): 1 to {units}.
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
    /// The size of every unit.
    #[arg(long, value_enum, default_value_t = SizeArg::Commune)]
    size: SizeArg,
    /// A rule file or folder for the scenario's `rules`, written as given: relative to the
    /// folder the scenario is written to (repeatable; default: no rules).
    #[arg(long = "rules", value_name = "PATH")]
    rules: Vec<String>,
    /// Write the scenario to this file (atomically) instead of the terminal. A file that is
    /// there already is replaced only if `campaign generate` or `campaign import` wrote it.
    #[arg(long)]
    out: Option<PathBuf>,
    /// Replace the --out file even if it is a scenario these commands did not write.
    #[arg(long, action = clap::ArgAction::SetTrue)]
    force: bool,
    /// Language of the messages (vi: Tiếng Việt, en: English).
    #[arg(long, value_enum, default_value_t = LangArg::Vi)]
    lang: LangArg,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum ObjectiveArg {
    /// the most installs
    MaxInstalls,
    /// the lowest cost that reaches the provincial target
    MinCost,
    /// raise the lowest unit's rate; among plans that do so equally, the most installs
    MaxMinRate,
}

#[derive(Debug, Clone, Copy, ValueEnum)]
enum SizeArg {
    /// commune-like: a few thousand smartphones, one commune team
    Commune,
    /// district-like: tens of thousands of smartphones, 5 to 30 commune teams
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
            if let Some(out) = &args.out {
                // a device, a folder, a read-only file first; then the name's extension, which
                // the user fixes first, and whether the file there is one to replace (trial
                // 13g K15: a table's .csv was refused as "not a plan of `campaign plan`")
                output::check_out_but_owner(out, &[])?;
                output::check_scenario_out(out, "generate", args.force)?;
            }
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
    Err(Error::new(SetProblem::WithGenerate))
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
            Some(text) => share(Share::Target, text)?,
            None => synthetic::DEFAULT_TARGET,
        },
        floor: args
            .floor
            .as_deref()
            .map(|text| share(Share::Floor, text))
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
    let Some(n) = parse_count(text) else {
        return Err(Error::new(GenerateProblem::UnitsNotANumber {
            text: text.to_string(),
        }));
    };
    match u32::try_from(n) {
        Ok(n) if (1..=MAX_UNITS).contains(&n) => Ok(n),
        _ => Err(Error::new(GenerateProblem::UnitsOutOfRange {
            text: text.to_string(),
            units: n,
        })),
    }
}

/// `--seed`: any whole number that fits 64 bits.
fn seed(text: &str) -> Result<u64, Error> {
    text.trim().parse().map_err(|_| {
        Error::new(GenerateProblem::Seed {
            text: text.to_string(),
        })
    })
}

/// `--target` or `--floor`: a share more than 0 and less than 1, written with a dot. The hint
/// says what to type: a percentage (`40`, `40%`) becomes `0.4`, a decimal comma a dot.
fn share(share: Share, text: &str) -> Result<f64, Error> {
    let trimmed = text.trim();
    let (body, percent) = match trimmed.strip_suffix('%') {
        Some(body) => (body.trim(), true),
        None => (trimmed, false),
    };
    let value = body.parse::<f64>().ok().filter(|x| x.is_finite());
    let text = text.to_string();
    match value {
        Some(x) if !percent && x > 0.0 && x < 1.0 => Ok(x),
        Some(x) => {
            // 40 or 40% means 40%; a 1 is more likely "all" than "1%", so it gets the plain
            // hint, and so does 1.5 without a %: as likely 15% or a slip as 1.5% (trial G30).
            // Rounded, so that 1.3% shows as 0.013, not 0.013000000000000001.
            let a_percentage =
                (percent && x > 0.0 && x < 100.0) || (x > 1.0 && x < 100.0 && x.fract() == 0.0);
            let as_share = a_percentage.then(|| (x / 100.0 * 1e9).round() / 1e9);
            Err(Error::new(GenerateProblem::ShareOutOfRange {
                share,
                text,
                x,
                percent,
                as_share,
            }))
        }
        None => {
            // a decimal comma: the same number with a dot
            let with_dot = body.replacen(',', ".", 1);
            let with_dot = (body.contains(',')
                && with_dot.parse::<f64>().is_ok_and(f64::is_finite))
            .then_some(with_dot);
            Err(Error::new(GenerateProblem::ShareNotANumber {
                share,
                text,
                with_dot,
            }))
        }
    }
}

/// `--budget`: `auto`, or whole đồng from 0 to [`MAX_BUDGET`], grouped as people write them
/// (`250000000`, `250_000_000`, `250.000.000`).
fn budget(text: &str) -> Result<Budget, Error> {
    if text.trim().eq_ignore_ascii_case("auto") {
        return Ok(Budget::Auto);
    }
    let problem = match parse_count(text) {
        Some(n) if n < 0 => GenerateProblem::BudgetNegative {
            text: text.to_string(),
        },
        Some(n) if n > MAX_BUDGET => GenerateProblem::BudgetTooLarge {
            text: text.to_string(),
        },
        Some(n) => return Ok(Budget::Dong(n as u64)),
        None if text.trim_start().starts_with('-') => GenerateProblem::BudgetNegative {
            text: text.to_string(),
        },
        // `1e30`, `2.5e8`: a number, written as a scientific calculator shows it
        None => match text.trim().parse::<f64>() {
            // `1e400` reads as infinity: as large
            Ok(x)
                if x > crate::model::MAX_BUDGET && text.contains(|c: char| c.is_ascii_digit()) =>
            {
                GenerateProblem::BudgetTooLarge {
                    text: text.to_string(),
                }
            }
            #[allow(clippy::cast_possible_truncation, clippy::cast_sign_loss)]
            Ok(x) if x.is_finite() && x >= 0.0 && x.fract() == 0.0 => {
                GenerateProblem::BudgetInDigits {
                    text: text.to_string(),
                    digits: (x as u64).to_string(),
                }
            }
            _ => GenerateProblem::BudgetNotANumber {
                text: text.to_string(),
            },
        },
    };
    Err(Error::new(problem))
}

/// `--rules PATH`: written as given, so it must be one visible line of text.
fn rule_path(path: &str) -> Result<String, Error> {
    if path.trim().is_empty() {
        return Err(Error::new(GenerateProblem::RulePathEmpty));
    }
    if path.chars().any(char::is_control) {
        return Err(Error::new(GenerateProblem::RulePathControl {
            path: path.to_string(),
        }));
    }
    Ok(path.to_string())
}
