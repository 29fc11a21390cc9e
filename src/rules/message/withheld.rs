//! A Rhai function that rules do not have ([`crate::rules::sandbox`]), said as such: what it
//! is, why rules go without it, and what to write instead.

use crate::diagnostic::Said;
use crate::rules::sandbox::Withheld;

impl Withheld {
    /// "`timestamp` is part of Rhai that rules do not have: ..." in Vietnamese.
    pub(crate) fn vi(self, name: &str) -> Said {
        let (why, instead) = match self {
            Withheld::Clock => (
                "quy tắc không xem giờ và không chờ: cùng một kịch bản phải cho cùng một kế hoạch \
                 mỗi lần chạy",
                "bỏ phần đo hoặc chờ thời gian; quy tắc chạy quá lâu sẽ được dừng và nêu tên \
                 (docs/limits.md)",
            ),
            Withheld::Exit => (
                "quy tắc không tự kết thúc lần chạy",
                "muốn dừng và báo lý do thì viết `throw \"lý do\"`: kế hoạch dừng lại, thông báo \
                 nêu quy tắc, huyện và dòng",
            ),
            Withheld::Bytes => (
                "quy tắc không làm việc với dữ liệu nhị phân hay từng bit",
                "dùng số, đoạn chữ, danh sách và bảng (docs/rules.md)",
            ),
            Withheld::Json => (
                "quy tắc không đọc JSON",
                "ghi giá trị cần dùng vào mục [params] của kịch bản và đọc bằng \
                 `scenario.param(\"khóa\")`",
            ),
            Withheld::Introspection => (
                "quy tắc không xem xét chính mã của mình (danh sách hàm, ngăn xếp lời gọi, nhãn \
                 của giá trị)",
                "viết quy tắc không dùng hàm này (docs/rules.md liệt kê các hàm quy tắc dùng được)",
            ),
        };
        Said::new(format!(
            "`{name}` là một phần của Rhai mà quy tắc không có: {why}"
        ))
        .hint(instead)
    }

    /// The same in English.
    pub(crate) fn en(self, name: &str) -> Said {
        let (why, instead) = match self {
            Withheld::Clock => (
                "rules do not read the time or wait: the same scenario must give the same plan on \
                 every run",
                "leave the timing or waiting out; a rule that runs too long is stopped and named \
                 (docs/limits.md)",
            ),
            Withheld::Exit => (
                "a rule does not end the run itself",
                "to stop with a reason, write `throw \"reason\"`: the plan stops, and the message \
                 names the rule, the district and the line",
            ),
            Withheld::Bytes => (
                "rules do not work with binary data or single bits",
                "use numbers, texts, lists and maps (docs/rules.md)",
            ),
            Withheld::Json => (
                "rules do not read JSON",
                "put the value in the scenario's [params] and read it with \
                 `scenario.param(\"key\")`",
            ),
            Withheld::Introspection => (
                "rules do not look into their own code (its functions, the call stack, value \
                 tags)",
                "write the rule without it (docs/rules.md lists the functions a rule can call)",
            ),
        };
        Said::new(format!(
            "`{name}` is part of Rhai that rules do not have: {why}"
        ))
        .hint(instead)
    }
}
