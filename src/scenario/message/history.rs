//! What can be wrong with `[[history]]`, the earlier coverage snapshots.

use super::Hint;
use crate::diagnostic::{Message, Said};
use crate::limits::{HISTORY_BYTES, HISTORY_SNAPSHOTS};
use crate::number::{count, size};
use crate::text::Lang;

/// A problem with a snapshot of `[[history]]` or with the figures over time.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum HistoryProblem {
    /// `date` is not a date alone (a time, quotes).
    NotADate,
    /// The snapshot of `file` is dated on or after the scenario's `as_of`.
    NotBefore {
        date: String,
        file: String,
        as_of: String,
    },
    /// The snapshot of `file` is dated `days` before `as_of`, more than
    /// [`crate::limits::HISTORY_MAX_AGE_DAYS`].
    TooOld {
        date: String,
        file: String,
        as_of: String,
        days: i64,
    },
    /// The snapshot of `date` gives the district `smartphones` on `line`, against `now` in the
    /// scenario: more than [`crate::limits::HISTORY_SMARTPHONES_FACTOR`] times apart.
    SmartphonesDiffer {
        date: String,
        line: usize,
        smartphones: u64,
        now: u64,
    },
    /// Two snapshots, of the files `first` and `second`, have one date.
    DateTwice {
        date: String,
        first: String,
        /// Where the first entry's date is written (`file:line`).
        first_at: String,
        second: String,
        second_at: String,
    },
    /// The snapshot of `date` has a district the scenario does not (its `name` on `line`);
    /// `close` is a district it may be a typing mistake for, `known` the districts to list.
    UnknownDistrict {
        date: String,
        name: String,
        line: usize,
        close: Option<String>,
        known: crate::diagnostic::Shortlist,
    },
    /// A row's `name` (on `line`) is the name of two or more of the scenario's districts once
    /// the unit word is set aside: `candidates`, in full.
    AmbiguousDistrict {
        date: String,
        name: String,
        line: usize,
        candidates: Vec<String>,
    },
    /// Two rows (`first_line` and `line`) name one district (`name`, as the scenario writes
    /// it), one of them without its unit word ("TP Lạng Sơn" and "Thành phố Lạng Sơn").
    Twice {
        date: String,
        name: String,
        line: usize,
        first_line: usize,
    },
    /// The snapshot of `date` has no row for the district `name`.
    MissingDistrict { date: String, name: String },
    /// A district's installs are lower at a later date.
    InstallsFall { before: Figure, after: Figure },
    /// A district's installs grow from `before` to `after` by more than `most`: the share
    /// [`crate::limits::HISTORY_DAILY_SHARE`] a day of its `without` smartphones without the
    /// app, over `days` days.
    InstallsJump {
        before: Figure,
        after: Figure,
        days: i64,
        without: u64,
        most: u64,
    },
    /// A snapshot says 0 installed (`before`) where a later figure (`after`) has installs: a
    /// blank cell read as 0, whose pace would be every install in the days between.
    ZeroBefore { before: Figure, after: Figure },
    /// The snapshot's `date` and the date its `file` states in its title (`title`, on `line`)
    /// are not the same day.
    DateDiffers {
        date: String,
        file: String,
        titled: String,
        title: String,
        line: usize,
    },
    /// The snapshot's `date` and the date its `file` gives in its date column (`heading`) or,
    /// `None`, in its name (`given`) are not the same day (trial 13e H7).
    DateInFileDiffers {
        date: String,
        file: String,
        given: String,
        heading: Option<String>,
    },
    /// The snapshot of `date` names the file (and sheet) an earlier entry (`first`, written at
    /// `first_at`) names: one file holds one day's figures.
    SameFile {
        date: String,
        file: String,
        first: String,
        first_at: String,
    },
    /// More snapshots than [`HISTORY_SNAPSHOTS`].
    TooManySnapshots { count: usize },
    /// The snapshots' files, up to and with `file`, are more than [`HISTORY_BYTES`] together.
    TooMuchData { file: String },
}

/// One dated figure of a district's installs, and where it was written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) struct Figure {
    pub installed: u64,
    pub date: String,
    /// A snapshot's file name and the figure's line in it; `None`: the scenario's current
    /// figure.
    pub snapshot: Option<(String, Option<usize>)>,
    /// For the scenario's current figure: where it is written (`o/what-if.toml:5`), when an
    /// overlay or a `--set` wrote it, or `Here`, when the error points at it (the `--set`, or
    /// a sweep's `--vary`, that gave it: trial 13e H26).
    pub current: Current,
}

/// Where the scenario's current figure of a [`Figure`] is written.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum Current {
    /// Not said (its coverage table, or the scenario's own `[[district]]`).
    Scenario,
    /// In an overlay at this place (`o/what-if.toml:5`), or a `--set` as typed.
    At(String),
    /// Where the error points: the value the user changed.
    Here,
}

impl Figure {
    /// `16.549 (ngày 2020-08-25, tệp coverage-2020-08-25.csv dòng 3)`.
    fn vi(&self) -> String {
        let (n, date) = (count(Lang::Vi, self.installed as f64), &self.date);
        match (&self.snapshot, &self.current) {
            (Some((file, Some(line))), _) => format!("{n} (ngày {date}, tệp {file} dòng {line})"),
            (Some((file, None)), _) => format!("{n} (ngày {date}, tệp {file})"),
            (None, Current::Scenario) => {
                format!("{n} (ngày {date}, số liệu hiện tại của kịch bản)")
            }
            (None, Current::At(at)) => format!("{n} (ngày {date}, số liệu hiện tại, ghi ở {at})"),
            (None, Current::Here) => format!("{n} (ngày {date}, số ghi ở đây)"),
        }
    }

    /// `16,549 (2020-08-25, coverage-2020-08-25.csv line 3)`.
    fn en(&self) -> String {
        let (n, date) = (count(Lang::En, self.installed as f64), &self.date);
        match (&self.snapshot, &self.current) {
            (Some((file, Some(line))), _) => format!("{n} ({date}, {file} line {line})"),
            (Some((file, None)), _) => format!("{n} ({date}, {file})"),
            (None, Current::Scenario) => format!("{n} ({date}, the scenario's current figure)"),
            (None, Current::At(at)) => format!("{n} ({date}, the current figure, written at {at})"),
            (None, Current::Here) => format!("{n} ({date}, the figure given here)"),
        }
    }

    /// The snapshot's figure, for a hint about a current figure given here: `tệp X dòng 3`.
    fn snapshot_vi(&self) -> String {
        match &self.snapshot {
            Some((file, Some(line))) => format!("tệp {file} dòng {line}"),
            Some((file, None)) => format!("tệp {file}"),
            None => "kịch bản".to_string(),
        }
    }

    fn snapshot_en(&self) -> String {
        match &self.snapshot {
            Some((file, Some(line))) => format!("{file} line {line}"),
            Some((file, None)) => file.clone(),
            None => "the scenario".to_string(),
        }
    }
}

impl Message for HistoryProblem {
    fn vi(&self) -> Said {
        use HistoryProblem::*;
        match self {
            NotADate => Said::new("cần một ngày, không kèm giờ và không có ngoặc kép")
                .hint(Hint::HistoryEntry.vi()),
            NotBefore { date, file, as_of } => Said::new(format!(
                "ảnh chụp số liệu ngày {date} ({file}) không trước ngày số liệu hiện tại as_of = {as_of}"
            ))
            .hint("số liệu hiện tại là của chính kịch bản; [[history]] chỉ ghi các ngày trước đó"),
            TooOld { date, file, as_of, days } => Said::new(format!(
                "ảnh chụp số liệu ngày {date} ({file}) cách ngày số liệu hiện tại as_of = {as_of} tới {} ngày, quá {} ngày",
                count(Lang::Vi, *days as f64),
                count(Lang::Vi, crate::limits::HISTORY_MAX_AGE_DAYS as f64)
            ))
            .hint("kiểm tra lại ngày (có thể gõ nhầm năm); tốc độ cài đặt chỉ tính từ các ảnh chụp trong năm trước as_of (docs/limits.md)"),
            SmartphonesDiffer { date, line, smartphones, now } => Said::new(format!(
                "ảnh chụp số liệu ngày {date}, dòng {line}: số thuê bao điện thoại thông minh là {}, còn kịch bản ghi {}: chênh nhau quá {} lần",
                count(Lang::Vi, *smartphones as f64),
                count(Lang::Vi, *now as f64),
                crate::limits::HISTORY_SMARTPHONES_FACTOR
            ))
            .hint("ảnh chụp phải là bảng số liệu của cùng các huyện vào ngày trước; kiểm tra tệp và cột số thuê bao (docs/limits.md)"),
            DateTwice {
                date,
                first,
                first_at,
                second,
                second_at,
            } => Said::new(format!(
                "ngày {date} bị lặp: {first} (ghi ở {first_at}) và {second} (ghi ở {second_at})"
            ))
            .hint("mỗi ngày chỉ một ảnh chụp số liệu; xóa một trong hai mục, hoặc sửa ngày của mục bị ghi nhầm"),
            UnknownDistrict {
                date,
                name,
                line,
                close,
                known,
            } => Said::new(format!(
                "ảnh chụp ngày {date}: không biết huyện `{name}` (dòng {line})"
            ))
            .hint(match close {
                Some(near) => {
                    format!(
                        "{} tên huyện phải giống tên trong kịch bản",
                        crate::diagnostic::did_you_mean_for_vi(name, near)
                    )
                }
                None => format!(
                    "tên huyện phải giống tên trong kịch bản; {}",
                    known.districts_vi()
                ),
            }),
            AmbiguousDistrict {
                date,
                name,
                line,
                candidates,
            } => Said::new(format!(
                "ảnh chụp ngày {date}: \"{name}\" (dòng {line}) là tên của {} huyện của kịch bản: {}; không biết là huyện nào",
                count(Lang::Vi, candidates.len() as f64),
                crate::text::quoted_list(candidates)
            ))
            .hint(format!(
                "ghi đầy đủ tên, cả loại đơn vị, ví dụ \"{}\"",
                candidates.first().unwrap_or(name)
            )),
            Twice {
                date,
                name,
                line,
                first_line,
            } => Said::new(format!(
                "ảnh chụp ngày {date}: dòng {first_line} và dòng {line} đều là huyện {name}"
            ))
            .hint("mỗi huyện một dòng: xóa dòng thừa hoặc sửa tên cho đúng"),
            MissingDistrict { date, name } => {
                Said::new(format!("ảnh chụp ngày {date} thiếu huyện {name}"))
                    .hint("mỗi ảnh chụp ghi đủ các huyện của kịch bản")
            }
            InstallsFall { before, after } => Said::new(format!(
                "số đã cài giảm từ {} xuống {}",
                before.vi(),
                after.vi()
            ))
            .hint(if after.current == Current::Here {
                format!("số đã cài chỉ tăng theo thời gian: ghi ở đây một số không nhỏ hơn {}, hoặc sửa số của ảnh chụp ({}) nếu số đó sai", count(Lang::Vi, before.installed as f64), before.snapshot_vi())
            } else {
                "số đã cài chỉ tăng theo thời gian: sửa con số sai (trong ảnh chụp, trong kịch bản hoặc trong --set)".to_string()
            }),
            InstallsJump { before, after, days, without, most } => Said::new(format!(
                "số đã cài tăng từ {} lên {} trong {} ngày: quá {} (mỗi ngày {} trong {} máy chưa cài)",
                before.vi(),
                after.vi(),
                count(Lang::Vi, *days as f64),
                count(Lang::Vi, *most as f64),
                crate::number::percent_short(Lang::Vi, crate::limits::HISTORY_DAILY_SHARE),
                count(Lang::Vi, *without as f64)
            ))
            .hint("một huyện không cài nhanh thế: có thể ô trống bị ghi thành 0 hoặc ảnh chụp là của ngày khác; sửa con số sai hoặc bỏ ảnh chụp đó (docs/limits.md)"),
            ZeroBefore { before, after } => Said::new(format!(
                "số đã cài là {} rồi {}: tốc độ cài sẽ tính cả số cài từ trước như cài trong mấy ngày đó",
                before.vi(),
                after.vi()
            ))
            .hint("ghi số đã cài thật của ngày đó (ô trống có thể bị đọc thành 0), hoặc bỏ ảnh chụp đó"),
            DateDiffers { date, file, titled, title, line } => Said::new(format!(
                "ảnh chụp ghi ngày {date}, nhưng tiêu đề của {file} (dòng {line}: \"{title}\") là số liệu ngày {titled}"
            ))
            .hint(format!(
                "ghi date = {titled} nếu tệp đúng là số liệu ngày đó, hoặc chọn tệp của ngày {date}"
            )),
            DateInFileDiffers { date, file, given, heading } => Said::new(match heading {
                Some(heading) => format!("ảnh chụp ghi ngày {date}, nhưng cột \"{heading}\" của {file} ghi số liệu ngày {given}"),
                None => format!("ảnh chụp ghi ngày {date}, nhưng tên tệp {file} mang ngày {given}"),
            })
            .hint(format!(
                "ghi date = {given} nếu tệp đúng là số liệu ngày đó, hoặc chọn tệp của ngày {date}"
            )),
            SameFile { date, file, first, first_at } => Said::new(format!(
                "ảnh chụp ngày {date} đọc tệp {file}, tệp mà ảnh chụp ngày {first} ({first_at}) đã đọc: một tệp chỉ là số liệu của một ngày"
            ))
            .hint(format!(
                "ghi file = tệp số liệu của ngày {date} (có lẽ mục [[history]] được chép lại mà chưa đổi file), hoặc chọn trang khác của tệp Excel bằng sheet = \"...\""
            )),
            TooManySnapshots { count: n } => Said::new(format!(
                "[[history]] có {} ảnh chụp, nhiều nhất là {}",
                count(Lang::Vi, *n as f64),
                count(Lang::Vi, HISTORY_SNAPSHOTS as f64)
            ))
            .hint("tốc độ cài chỉ cần các ảnh chụp gần đây: giữ các ngày gần nhất, bỏ bớt ngày cũ (docs/limits.md)"),
            TooMuchData { file } => Said::new(format!(
                "các tệp ảnh chụp của [[history]], tính đến {file}, nặng hơn {} cộng lại",
                size(Lang::Vi, HISTORY_BYTES)
            ))
            .hint("bỏ bớt ảnh chụp cũ, hoặc chỉ giữ các cột cần thiết trong mỗi tệp (docs/limits.md)"),
        }
    }

    fn en(&self) -> Said {
        use HistoryProblem::*;
        match self {
            NotADate => Said::new("expected a date, without a time and without quotes")
                .hint(Hint::HistoryEntry.en()),
            NotBefore { date, file, as_of } => Said::new(format!(
                "the snapshot dated {date} ({file}) is not before the current figures' as_of = {as_of}"
            ))
            .hint("the current figures are the scenario's own; [[history]] lists only earlier dates"),
            TooOld { date, file, as_of, days } => Said::new(format!(
                "the snapshot dated {date} ({file}) is {} days before the current figures' as_of = {as_of}, more than {} days",
                count(Lang::En, *days as f64),
                count(Lang::En, crate::limits::HISTORY_MAX_AGE_DAYS as f64)
            ))
            .hint("check the date (a year may be mistyped); the pace is taken only from snapshots of the year before as_of (docs/limits.md)"),
            SmartphonesDiffer { date, line, smartphones, now } => Said::new(format!(
                "the snapshot dated {date}, line {line}: smartphones are {}, the scenario has {}: more than {} times apart",
                count(Lang::En, *smartphones as f64),
                count(Lang::En, *now as f64),
                crate::limits::HISTORY_SMARTPHONES_FACTOR
            ))
            .hint("a snapshot is the same districts' table on an earlier date; check the file and its smartphones column (docs/limits.md)"),
            DateTwice {
                date,
                first,
                first_at,
                second,
                second_at,
            } => Said::new(format!(
                "the date {date} appears twice: {first} (written at {first_at}) and {second} (written at {second_at})"
            ))
            .hint("one snapshot per date; remove one of the two entries, or fix the date of the one written wrong"),
            UnknownDistrict {
                date,
                name,
                line,
                close,
                known,
            } => Said::new(format!(
                "snapshot of {date}: unknown district `{name}` (line {line})"
            ))
            .hint(match close {
                Some(near) => {
                    format!(
                        "{} district names must be the scenario's names",
                        crate::diagnostic::did_you_mean_for_en(name, near)
                    )
                }
                None => format!(
                    "district names must be the scenario's names; {}",
                    known.districts_en()
                ),
            }),
            AmbiguousDistrict {
                date,
                name,
                line,
                candidates,
            } => Said::new(format!(
                "snapshot of {date}: \"{name}\" (line {line}) is the name of {} of the scenario's districts: {}; which one is not known",
                count(Lang::En, candidates.len() as f64),
                crate::text::quoted_list(candidates)
            ))
            .hint(format!(
                "write the full name, unit word and all, e.g. \"{}\"",
                candidates.first().unwrap_or(name)
            )),
            Twice {
                date,
                name,
                line,
                first_line,
            } => Said::new(format!(
                "snapshot of {date}: lines {first_line} and {line} are both district {name}"
            ))
            .hint("one row per district: delete the extra row or correct its name"),
            MissingDistrict { date, name } => {
                Said::new(format!("the snapshot of {date} has no row for {name}"))
                    .hint("each snapshot lists every district of the scenario")
            }
            InstallsFall { before, after } => Said::new(format!(
                "installs fall from {} to {}",
                before.en(),
                after.en()
            ))
            .hint(if after.current == Current::Here {
                format!("installs only grow over time: give here a figure of at least {}, or correct the snapshot's ({}) if it is the wrong one", count(Lang::En, before.installed as f64), before.snapshot_en())
            } else {
                "installs only grow over time: correct the wrong figure (in the snapshot, the scenario or a --set)".to_string()
            }),
            InstallsJump { before, after, days, without, most } => Said::new(format!(
                "installs jump from {} to {} in {} days: more than {} ({} a day of the {} smartphones without the app)",
                before.en(),
                after.en(),
                count(Lang::En, *days as f64),
                count(Lang::En, *most as f64),
                crate::number::percent_short(Lang::En, crate::limits::HISTORY_DAILY_SHARE),
                count(Lang::En, *without as f64)
            ))
            .hint("no district installs that fast: a blank cell may have become 0, or the snapshot is of another date; correct the wrong figure or drop that snapshot (docs/limits.md)"),
            ZeroBefore { before, after } => Said::new(format!(
                "installed is {} then {}: the pace would count every earlier install as made in those days",
                before.en(),
                after.en()
            ))
            .hint("write the day's real installs (a blank cell may have been read as 0), or drop that snapshot"),
            DateDiffers { date, file, titled, title, line } => Said::new(format!(
                "the snapshot is dated {date}, but the title of {file} (line {line}: \"{title}\") gives the figures of {titled}"
            ))
            .hint(format!(
                "write date = {titled} if the file is that day's figures, or name the file of {date}"
            )),
            DateInFileDiffers { date, file, given, heading } => Said::new(match heading {
                Some(heading) => format!("the snapshot is dated {date}, but the column \"{heading}\" of {file} gives the figures of {given}"),
                None => format!("the snapshot is dated {date}, but the name of {file} carries the date {given}"),
            })
            .hint(format!(
                "write date = {given} if the file is that day's figures, or name the file of {date}"
            )),
            SameFile { date, file, first, first_at } => Said::new(format!(
                "the snapshot of {date} reads {file}, which the snapshot of {first} ({first_at}) reads already: one file holds one day's figures"
            ))
            .hint(format!(
                "write file = the figures of {date} (the [[history]] entry may have been copied without changing its file), or choose another sheet of the workbook with sheet = \"...\""
            )),
            TooManySnapshots { count: n } => Said::new(format!(
                "[[history]] has {} snapshots, at most {}",
                count(Lang::En, *n as f64),
                count(Lang::En, HISTORY_SNAPSHOTS as f64)
            ))
            .hint("the install pace needs only recent snapshots: keep the latest dates, drop older ones (docs/limits.md)"),
            TooMuchData { file } => Said::new(format!(
                "the files of the [[history]] snapshots, up to {file}, are more than {} together",
                size(Lang::En, HISTORY_BYTES)
            ))
            .hint("drop older snapshots, or keep only the columns needed in each file (docs/limits.md)"),
        }
    }
}
