//! What a check of the rules comes to, said after its problems: `campaign rules check`'s last
//! line, and why `campaign plan` made no plan.

use std::path::PathBuf;

use crate::diagnostic::{Message, Said};

/// What a check of the rules comes to, said after its problems.
#[derive(Debug, Clone, PartialEq, Eq)]
pub(crate) enum RulesSummary {
    /// `campaign rules check`: `problems` in `broken` of `files` files; names were checked
    /// against a scenario when `with_scenario`.
    Checked {
        files: usize,
        problems: usize,
        broken: usize,
        with_scenario: bool,
    },
    /// A plan refused because the scenario's rules (`scenario`, the scenario's path) have
    /// `problems`.
    NotPlanned { problems: usize, scenario: PathBuf },
}

/// `s` after a count other than one.
fn plural(n: usize) -> &'static str {
    if n == 1 { "" } else { "s" }
}

impl Message for RulesSummary {
    fn vi(&self) -> Said {
        use RulesSummary::*;
        match self {
            Checked {
                files,
                problems: 0,
                with_scenario,
                ..
            } => {
                let names = if *with_scenario {
                    "; tên tham số, loại tổ/đội và nhóm đối tượng đã đối chiếu với kịch bản"
                } else {
                    "; tên tham số và loại tổ/đội chưa đối chiếu (thêm --scenario TỆP để đối chiếu)"
                };
                Said::new(format!(
                    "Đã kiểm tra {files} tệp quy tắc: không có lỗi{names}."
                ))
            }
            Checked {
                files,
                problems,
                broken,
                ..
            } => Said::new(format!(
                "Đã kiểm tra {files} tệp quy tắc: {problems} lỗi trong {broken} tệp. Sửa các lỗi trên rồi chạy lại."
            )),
            NotPlanned { problems, scenario } => Said::new(format!(
                "quy tắc có {problems} lỗi nên chưa lập kế hoạch: sửa các lỗi trên rồi chạy lại \
                 (`campaign rules check --scenario {}` chỉ kiểm tra quy tắc)",
                scenario.display()
            )),
        }
    }

    fn en(&self) -> Said {
        use RulesSummary::*;
        match self {
            Checked {
                files,
                problems: 0,
                with_scenario,
                ..
            } => {
                let names = if *with_scenario {
                    "; parameter, team kind and cohort names checked against the scenario"
                } else {
                    "; parameter and team kind names not checked (add --scenario FILE to check them)"
                };
                Said::new(format!(
                    "Checked {files} rule file{}: no problems{names}.",
                    plural(*files)
                ))
            }
            Checked {
                files,
                problems,
                broken,
                ..
            } => Said::new(format!(
                "Checked {files} rule file{}: {problems} problem{} in {broken} file{}. Fix them and run the check again.",
                plural(*files),
                plural(*problems),
                plural(*broken)
            )),
            NotPlanned { problems, scenario } => Said::new(format!(
                "the rules have {problems} problem{}, so no plan was made: fix the above and run \
                 again (`campaign rules check --scenario {}` checks the rules alone)",
                plural(*problems),
                scenario.display()
            )),
        }
    }
}
