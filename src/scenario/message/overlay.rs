//! What can be wrong with an overlay: its `base`, the chain of bases, the districts it
//! changes.

use super::{Hint, OtherFile};
use crate::diagnostic::{Message, Said};
use crate::text::Text;

/// A problem with the chain of `base` files or with a district an overlay (or a `--set`)
/// changes.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum OverlayProblem {
    /// `base = ""`; `folder` is the folder of the file, which the path is relative to.
    EmptyBase { folder: String },
    /// The files, each the base of the one before, the last the first again.
    Cycle { files: Vec<String> },
    /// The `base` shown would make the chain of overlays longer than `limit` files
    /// ([`crate::limits::OVERLAY_FILES`]); `top` is the scenario on the command line.
    ChainTooLong { top: String, limit: usize },
    /// The scenario (`base: false`, named on the command line) or the file a `base` names is
    /// a table or a plan by its extension, not a scenario.
    NotAScenario {
        path: String,
        kind: OtherFile,
        base: bool,
    },
    /// A rule file (`.rhai`) given as the scenario.
    RuleNotScenario { path: String },
    /// A rule test file (`scenario = ...` and `[[case]]`) given as the scenario.
    TestNotScenario { path: String },
    /// A district the base does not have; `from_setting` when a `--set` names it, `close` is
    /// a district it may be a typing mistake for, `known` the districts to list.
    UnknownDistrict {
        name: String,
        from_setting: bool,
        /// The coverage file of the overlay that names the district, when the districts
        /// come from it (an overlay with its own `coverage`), not from the base.
        coverage: Option<String>,
        close: Option<String>,
        known: crate::diagnostic::Shortlist,
    },
    /// A `[[district]]` entry (or a `--set district.NAME...`) whose name two or more of the
    /// base's districts share once the unit word is set aside: `candidates`, in full.
    AmbiguousDistrict {
        name: String,
        from_setting: bool,
        candidates: Vec<String>,
    },
}

/// A scenario file, as an error about reading it names it.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum ScenarioFile {
    /// The scenario given on the command line.
    Scenario,
    /// A file that a `base = ...` names, at `path`.
    Base { path: String },
}

impl ScenarioFile {
    /// The file's name in both languages, as `Source::read` takes it.
    pub fn text(&self) -> Text {
        Text::new(self.vi(), self.en())
    }

    fn vi(&self) -> String {
        match self {
            ScenarioFile::Scenario => "tệp kịch bản".to_string(),
            ScenarioFile::Base { path } => format!("kịch bản gốc {path}"),
        }
    }

    fn en(&self) -> String {
        match self {
            ScenarioFile::Scenario => "the scenario file".to_string(),
            ScenarioFile::Base { path } => format!("the base scenario {path}"),
        }
    }
}

impl Message for OverlayProblem {
    fn vi(&self) -> Said {
        use OverlayProblem::*;
        match self {
            EmptyBase { folder } => Said::new("đường dẫn kịch bản gốc đang để trống").hint(
                Hint::BaseRelative {
                    folder: folder.clone(),
                }
                .vi(),
            ),
            Cycle { files } => Said::new(format!(
                "các kịch bản kế thừa nhau thành vòng: {}",
                files.join(" → ")
            ))
            .hint("một kịch bản không thể là gốc của chính nó, trực tiếp hay qua tệp khác; xóa dòng `base` ở một trong các tệp này"),
            ChainTooLong { top, limit } => Said::new(format!(
                "chuỗi kịch bản kế thừa quá dài: từ {top}, đi theo các dòng `base`, tệp gốc ghi ở đây sẽ là tệp thứ {}, quá giới hạn {limit} tệp",
                limit + 1
            ))
            .hint("một kịch bản \"nếu… thì\" thường chỉ kế thừa 1–2 tầng: cho kịch bản kế thừa thẳng từ kịch bản gốc của tỉnh, hoặc gộp các tệp trung gian thành một; docs/limits.md nói vì sao có giới hạn này"),
            RuleNotScenario { path } => Said::new(
                "đây là một tệp quy tắc (.rhai), không phải tệp kịch bản (.toml)",
            )
            .hint(format!(
                "kịch bản dùng quy tắc này khi ghi nó trong dòng `rules = [...]` của kịch bản (đường dẫn tính từ thư mục của kịch bản); lập kế hoạch từ một tệp kịch bản: campaign plan scenarios/lang-son-2020-09-01.toml; kiểm tra quy tắc: campaign rules check {path}"
            )),
            TestNotScenario { path } => Said::new(
                "đây là một tệp kiểm thử quy tắc (có `scenario = ...` và các `[[case]]`), không phải tệp kịch bản",
            )
            .hint(format!("chạy kiểm thử này bằng campaign rules test {path}; lập kế hoạch từ tệp kịch bản mà nó ghi ở dòng `scenario = ...`")),
            NotAScenario { path, kind, base } => {
                let said = Said::new(if *base {
                    format!("`base` ghi {path}: đó là {}, không phải kịch bản (.toml)", kind.said().0)
                } else {
                    format!("đây là {}, không phải tệp kịch bản (.toml)", kind.said().0)
                });
                match (kind, base) {
                    (OtherFile::Table, false) => said.hint(format!("tạo kịch bản từ bảng này bằng lệnh `campaign import {path}`, hoặc ghi bảng vào dòng `coverage = \"...\"` của một kịch bản")),
                    (OtherFile::Table, true) => said.hint("`base` ghi một kịch bản (.toml) để kế thừa; bảng số liệu ghi ở dòng `coverage = \"...\"`"),
                    _ => said.hint("ghi đường dẫn tới tệp kịch bản .toml, ví dụ scenarios/lang-son-2020-09-01.toml"),
                }
            }
            UnknownDistrict {
                name,
                from_setting,
                coverage,
                close,
                known,
            } => {
                let (problem, also) = if *from_setting {
                    (format!("kịch bản không có huyện \"{name}\""), "")
                } else if let Some(file) = coverage {
                    (
                        format!("huyện \"{name}\" không có trong tệp số liệu {file} mà kịch bản này ghi ở `coverage`"),
                        " Các mục [[district]] chỉ sửa được các huyện của tệp số liệu đó, không thêm huyện mới.",
                    )
                } else {
                    (
                        format!("huyện \"{name}\" không có trong kịch bản gốc"),
                        " Kịch bản kế thừa chỉ sửa được các huyện của kịch bản gốc, không thêm huyện mới.",
                    )
                };
                Said::new(problem).hint(match close {
                    Some(s) => format!(
                        "có phải ý bạn là \"{s}\"?{}{also}",
                        crate::diagnostic::unlike_vi(name)
                            .map(|why| format!(" ({why})"))
                            .unwrap_or_default()
                    ),
                    None => format!("{}.{also}", known.districts_vi()),
                })
            }
            AmbiguousDistrict {
                name,
                from_setting,
                candidates,
            } => {
                let example = candidates.first().unwrap_or(name);
                Said::new(format!(
                    "\"{name}\" là tên của {} huyện của kịch bản: {}; không biết {} muốn sửa huyện nào",
                    crate::number::count(crate::text::Lang::Vi, candidates.len() as f64),
                    crate::text::quoted_list(candidates),
                    if *from_setting { "--set" } else { "mục [[district]] này" }
                ))
                .hint(if *from_setting {
                    format!("ghi đầy đủ tên, cả loại đơn vị, ví dụ --set 'district.\"{example}\".installed=...'")
                } else {
                    format!("ghi đầy đủ tên, cả loại đơn vị, ví dụ name = \"{example}\"")
                })
            }
        }
    }

    fn en(&self) -> Said {
        use OverlayProblem::*;
        match self {
            EmptyBase { folder } => Said::new("the base scenario's path is empty").hint(
                Hint::BaseRelative {
                    folder: folder.clone(),
                }
                .en(),
            ),
            Cycle { files } => Said::new(format!(
                "the scenarios are each other's base, in a cycle: {}",
                files.join(" → ")
            ))
            .hint("a scenario cannot be its own base, directly or through other files; remove `base` from one of these files"),
            ChainTooLong { top, limit } => Said::new(format!(
                "the chain of overlays is too long: from {top}, following the `base` lines, the base named here would be file number {} of the chain, above the limit of {limit} files",
                limit + 1
            ))
            .hint("a what-if scenario is usually 1 or 2 levels above its base: make the overlay name the province's scenario as its base directly, or merge the files in between into one; docs/limits.md says why this limit exists"),
            RuleNotScenario { path } => Said::new(
                "this is a rule file (.rhai), not a scenario file (.toml)",
            )
            .hint(format!(
                "a scenario uses this rule when its `rules = [...]` line names it (the path from the scenario's folder); plan from a scenario file: campaign plan scenarios/lang-son-2020-09-01.toml; check the rule: campaign rules check {path}"
            )),
            TestNotScenario { path } => Said::new(
                "this is a rule test file (it has `scenario = ...` and `[[case]]`), not a scenario file",
            )
            .hint(format!("run this test with campaign rules test {path}; plan from the scenario file its `scenario = ...` line names")),
            NotAScenario { path, kind, base } => {
                let said = Said::new(if *base {
                    format!("`base` names {path}, which is {}, not a scenario (.toml)", kind.said().1)
                } else {
                    format!("this is {}, not a scenario file (.toml)", kind.said().1)
                });
                match (kind, base) {
                    (OtherFile::Table, false) => said.hint(format!("make a scenario from this table with `campaign import {path}`, or name the table in a scenario's `coverage = \"...\"` line")),
                    (OtherFile::Table, true) => said.hint("`base` names a scenario (.toml) to inherit from; a table of figures goes in a `coverage = \"...\"` line"),
                    _ => said.hint("give the path of a scenario .toml file, e.g. scenarios/lang-son-2020-09-01.toml"),
                }
            }
            UnknownDistrict {
                name,
                from_setting,
                coverage,
                close,
                known,
            } => {
                let (problem, also) = if *from_setting {
                    (format!("the scenario has no district \"{name}\""), "")
                } else if let Some(file) = coverage {
                    (
                        format!("district \"{name}\" is not in the coverage file {file} that this scenario names in `coverage`"),
                        " The [[district]] entries can change that file's districts, not add new ones.",
                    )
                } else {
                    (
                        format!("district \"{name}\" is not in the base scenario"),
                        " An overlay can change the base's districts, not add new ones.",
                    )
                };
                Said::new(problem).hint(match close {
                    Some(s) => format!(
                        "did you mean \"{s}\"?{}{also}",
                        crate::diagnostic::unlike_en(name)
                            .map(|why| format!(" ({why})"))
                            .unwrap_or_default()
                    ),
                    None => format!("{}.{also}", known.districts_en()),
                })
            }
            AmbiguousDistrict {
                name,
                from_setting,
                candidates,
            } => {
                let example = candidates.first().unwrap_or(name);
                Said::new(format!(
                    "\"{name}\" is the name of {} of the scenario's districts: {}; which one {} means to change is not known",
                    crate::number::count(crate::text::Lang::En, candidates.len() as f64),
                    crate::text::quoted_list(candidates),
                    if *from_setting { "the --set" } else { "this [[district]] entry" }
                ))
                .hint(if *from_setting {
                    format!("write the full name, unit word and all, e.g. --set 'district.\"{example}\".installed=...'")
                } else {
                    format!("write the full name, unit word and all, e.g. name = \"{example}\"")
                })
            }
        }
    }
}
