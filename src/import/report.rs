//! What `campaign import` says after reading a table (on standard error, never mixed with a
//! scenario written to standard output): what it read, from where, and what the user must
//! still fill in before a plan of the skeleton means anything.

use std::fmt::Write;
use std::path::Path;

use super::date::{AsOf, YearFrom};
use super::extra::Extra;
use super::grid::SelectedBy;
use super::skeleton::{PLACEHOLDER_DATE, Rules, shown};
use super::table::Heading;
use super::{Imported, KindFrom};
use crate::model::UnitType;
use crate::number::{count, percent};
use crate::text::Lang;

#[allow(clippy::cast_precision_loss)]
fn n(lang: Lang, v: u64) -> String {
    count(lang, v as f64)
}

fn meaning(lang: Lang, h: Heading) -> &'static str {
    match (lang, h) {
        (Lang::Vi, Heading::District) => "tên huyện",
        (Lang::Vi, Heading::Installed) => "số đã cài",
        (Lang::Vi, Heading::Smartphones) => "số smartphone",
        (Lang::Vi, Heading::Rate) => "tỷ lệ (chỉ để đối chiếu với hai cột số)",
        (Lang::Vi, Heading::Notes) => "ghi chú",
        (Lang::En, Heading::District) => "district names",
        (Lang::En, Heading::Installed) => "installed",
        (Lang::En, Heading::Smartphones) => "smartphones",
        (Lang::En, Heading::Rate) => "rate (only checked against the two counts)",
        (Lang::En, Heading::Notes) => "notes",
    }
}

/// The report on `imported`, written to `out` (`None`: standard output), in `lang`.
pub fn render(imported: &Imported, out: Option<&Path>, rules: &Rules, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let c = &imported.coverage;
    let file = crate::text::shown_path(&c.path);
    let mut s = String::new();
    let districts = c.districts.len();
    let (first, last) = (
        c.districts.first().map_or(0, |d| d.line),
        c.districts.last().map_or(0, |d| d.line),
    );
    let header = match imported.header_lines.as_slice() {
        [one] if vi => format!("dòng tiêu đề {one}"),
        [one] => format!("header row {one}"),
        [a, b, ..] if vi => format!("tiêu đề hai dòng {a} và {b}"),
        [a, b, ..] => format!("two header rows, {a} and {b}"),
        [] => String::new(),
    };
    let _ = writeln!(
        s,
        "{}",
        if vi {
            format!(
                "Đã đọc {file}: {} {} (dòng {first} đến {last}), {header}.",
                n(lang, districts as u64),
                if c.districts.iter().all(|d| d
                    .unit_type
                    .unwrap_or_else(|| UnitType::of_name(&d.name))
                    == UnitType::District)
                {
                    "huyện"
                } else {
                    "đơn vị"
                }
            )
        } else {
            format!(
                "Read {file}: {} districts (rows {first} to {last}), {header}.",
                n(lang, districts as u64)
            )
        }
    );
    if let Some((sheet, others)) = &imported.sheet {
        let others_list = crate::text::quoted_list(others);
        let hidden = &imported.hidden;
        // how the sheet was chosen, when not by --sheet
        let shown_first = !hidden.sheets.is_empty();
        let why = match (vi, hidden.sheet, hidden.active) {
            (true, false, false) if shown_first => "trang đầu tiên đang hiện có dòng tiêu đề",
            (false, false, false) if shown_first => "the first shown sheet with a header row",
            (true, true, _) => {
                "trang đang ẩn trong Excel: không trang nào đang hiện có dòng tiêu đề"
            }
            (false, true, _) => "hidden in Excel: no shown sheet has a header row",
            (true, false, true) => "trang đang mở khi tệp được lưu, có dòng tiêu đề",
            (false, false, true) => "the sheet the workbook opens on, with a header row",
            (true, false, false) => "trang đầu tiên có dòng tiêu đề",
            (false, false, false) => "the first with a header row",
        };
        // `--sheet 1` that is a sheet's name and another sheet's number: the name is taken, and
        // the other sheet said (trial 13f J7)
        let not_number = match imported.named.as_ref().map(|n| (n.number, &n.by)) {
            Some((
                read,
                SelectedBy::NameNotNumber {
                    number,
                    sheet: other,
                },
            )) if vi => {
                format!(
                    "; --sheet {number} là tên của trang này (trang thứ {read}): tên trang được ưu tiên hơn số thứ tự; trang thứ {number} là \"{other}\", muốn đọc trang đó thì ghi --sheet \"{}\"",
                    other.replace('"', "\\\"")
                )
            }
            Some((
                read,
                SelectedBy::NameNotNumber {
                    number,
                    sheet: other,
                },
            )) => {
                format!(
                    "; --sheet {number} is this sheet's name (it is sheet {read}): a sheet's name is taken before a number; sheet {number} is \"{other}\", to read it give --sheet \"{}\"",
                    other.replace('"', "\\\"")
                )
            }
            _ => String::new(),
        };
        let _ = writeln!(
            s,
            "{}{not_number}",
            match (vi, others.is_empty(), imported.sheet_named) {
                (true, true, _) if hidden.sheet => {
                    format!("Trang tính: \"{sheet}\" (trang này đang ẩn trong Excel).")
                }
                (false, true, _) if hidden.sheet => {
                    format!("Sheet: \"{sheet}\" (hidden in Excel).")
                }
                (true, true, _) => format!("Trang tính: \"{sheet}\"."),
                (false, true, _) => format!("Sheet: \"{sheet}\"."),
                (true, false, true) => format!(
                    "Trang tính: \"{sheet}\" (theo --sheet{}); tệp còn các trang {others_list}",
                    if hidden.sheet {
                        "; trang này đang ẩn trong Excel"
                    } else {
                        ""
                    }
                ),
                (false, false, true) => format!(
                    "Sheet: \"{sheet}\" (named by --sheet{}); the workbook also has {others_list}",
                    if hidden.sheet {
                        "; it is hidden in Excel"
                    } else {
                        ""
                    }
                ),
                (true, false, false) => format!(
                    "Trang tính: \"{sheet}\" ({why}); tệp còn các trang {others_list}: muốn đọc trang khác thì thêm --sheet với tên hoặc số thứ tự của trang, ví dụ --sheet \"{}\"",
                    others[0]
                ),
                (false, false, false) => format!(
                    "Sheet: \"{sheet}\" ({why}); the workbook also has {others_list}: to read another, add --sheet with its name or number, e.g. --sheet \"{}\"",
                    others[0]
                ),
            }
        );
        if !hidden.sheets.is_empty() {
            let list = crate::text::quoted_list(&hidden.sheets);
            let _ = writeln!(
                s,
                "{}",
                if vi {
                    format!(
                        "Không đọc trang đang ẩn trong Excel: {list} (trang ẩn thường là số liệu cũ); muốn đọc thì thêm --sheet \"{}\"",
                        hidden.sheets[0]
                    )
                } else {
                    format!(
                        "Hidden sheets not read: {list} (hidden in Excel; a hidden sheet usually holds old figures); to read one, add --sheet \"{}\"",
                        hidden.sheets[0]
                    )
                }
            );
        }
        if !hidden.rows.is_empty() {
            // at most LISTED_SHEETS rows named, then how many more
            let listed = crate::limits::LISTED_SHEETS;
            let mut list = hidden
                .rows
                .iter()
                .take(listed)
                .map(ToString::to_string)
                .collect::<Vec<_>>()
                .join(", ");
            if let Some(more) = hidden.rows.len().checked_sub(listed).filter(|m| *m > 0) {
                list.push_str(&if vi {
                    format!(" và {} dòng khác", n(lang, more as u64))
                } else {
                    format!(" and {} more", n(lang, more as u64))
                });
            }
            let _ = writeln!(
                s,
                "{}",
                if vi {
                    format!(
                        "Bỏ qua các dòng đang ẩn trong Excel: {list} (dòng ẩn thường là số liệu cũ); nếu cần đọc các dòng đó thì bỏ ẩn trong Excel rồi lưu lại"
                    )
                } else {
                    format!(
                        "Skipped rows hidden in Excel: {list} (hidden rows usually hold old figures); to read them, unhide them in Excel and save"
                    )
                }
            );
        }
    }
    let _ = writeln!(s, "{}", if vi { "Các cột:" } else { "Columns:" });
    for (h, title, named) in &imported.columns {
        let how = match (named, vi) {
            (true, true) => " (theo --column)",
            (true, false) => " (named by --column)",
            (false, _) => "",
        };
        let _ = writeln!(s, "  \"{}\" → {}{how}", shown(title), meaning(lang, *h));
    }
    for (extra, title) in &imported.extra_columns {
        let _ = writeln!(
            s,
            "  \"{title}\" → {}",
            if vi { extra.vi() } else { extra.en() }
        );
    }
    if let Some(title) = &imported.unit_type_column {
        let _ = writeln!(
            s,
            "  \"{}\" → {}",
            shown(title),
            if vi {
                "loại đơn vị (huyện, thành phố...)"
            } else {
                "unit type (huyện, thành phố...)"
            }
        );
    }
    if !imported.allocation_columns.is_empty() {
        let list = crate::text::quoted_list(&imported.allocation_columns);
        let read = imported
            .extra_columns
            .iter()
            .find(|(e, _)| *e == Extra::Communes)
            .map(|(_, t)| t);
        let _ = writeln!(
            s,
            "{}",
            match (vi, read) {
                (true, Some(t)) => format!(
                    "Không đọc cột {list}: đó là số tổ kế hoạch dùng, không phải số tổ huyện có; số tổ xã lấy ở cột \"{t}\"."
                ),
                (false, Some(t)) => format!(
                    "Not read: {list}, the teams the plan uses, not the teams each district has; the commune teams are read from \"{t}\"."
                ),
                (true, None) => format!(
                    "Không đọc cột {list}: đó là số tổ kế hoạch dùng, không phải số tổ huyện có (bảng kế hoạch này không có cột \"Tổ xã hiện có\"); ghi số tổ xã của từng huyện vào kịch bản."
                ),
                (false, None) => format!(
                    "Not read: {list}, the teams the plan uses, not the teams each district has (this plan's table has no \"Commune teams stationed\" column); fill in each district's commune teams in the scenario."
                ),
            }
        );
    }
    let _ = write!(s, "{}", kinds(imported, lang));
    if !imported.left_out.is_empty() {
        let list = crate::text::quoted_list(&imported.left_out);
        let _ = writeln!(
            s,
            "{}",
            if vi {
                format!(
                    "Không dùng các cột: {list} (kịch bản không có chỗ cho chúng; lệnh import đọc tên huyện, số đã cài, số smartphone, tỷ lệ, loại đơn vị, số tổ xã hay số xã, số người cách ly, xét nghiệm, học sinh; nếu cột nào trong số này là một trong các số đó thì đặt lại tiêu đề cho rõ, ví dụ \"Số tổ xã\", \"Số người cách ly\")"
                )
            } else {
                format!(
                    "Columns not used: {list} (the scenario has no place for them; import reads the district names, installed, smartphones, rate, unit type, commune teams or communes, the quarantined, tested and students; if one of these columns holds one of those, give it a clearer heading, e.g. \"Commune teams\", \"Quarantine\")"
                )
            }
        );
    }
    for line in &imported.skipped_lines {
        let _ = writeln!(
            s,
            "{}",
            if vi {
                format!(
                    "Bỏ qua dòng {line}: dòng đánh số cột hoặc ghi đơn vị tính, không phải một huyện."
                )
            } else {
                format!(
                    "Skipped row {line}: it numbers the columns or gives their units; it is not a district."
                )
            }
        );
    }
    if let Some((last, first, text)) = &imported.end {
        let _ = writeln!(
            s,
            "{}",
            if vi {
                format!(
                    "Bảng kết thúc ở dòng {last}; từ dòng {first} (\"{text}\") là ghi chú hoặc phần ký tên, không đọc."
                )
            } else {
                format!(
                    "The table ends at row {last}; from row {first} (\"{text}\") on are notes or signatures, not read."
                )
            }
        );
    }
    let installed: u64 = c.districts.iter().map(|d| d.installed).sum();
    let smartphones: u64 = c.districts.iter().map(|d| d.smartphones).sum();
    #[allow(clippy::cast_precision_loss)]
    let rate = percent(lang, installed as f64 / smartphones.max(1) as f64);
    let total = match (imported.total_line, vi) {
        (Some(line), true) => format!(", khớp với dòng tổng (dòng {line})"),
        (Some(line), false) => format!(", as the total row says (row {line})"),
        (None, _) => String::new(),
    };
    let _ = writeln!(
        s,
        "{}",
        if vi {
            format!(
                "Tổng: {} đã cài / {} smartphone ({rate}){total}.",
                n(lang, installed),
                n(lang, smartphones)
            )
        } else {
            format!(
                "Total: {} installed / {} smartphones ({rate}){total}.",
                n(lang, installed),
                n(lang, smartphones)
            )
        }
    );
    let _ = writeln!(s, "{}", date_line(&imported.as_of, vi));
    if !imported.hidden_columns.is_empty() {
        let columns = imported.hidden_columns.join(", ");
        let _ = if vi {
            writeln!(
                s,
                "CHÚ Ý: đã đọc các cột đang ẩn trong Excel: {columns}. Kiểm tra rằng đó đúng là số liệu cần dùng (bỏ ẩn cột trong Excel để xem), hoặc xóa cột cũ khỏi bảng"
            )
        } else {
            writeln!(
                s,
                "NOTE: read columns hidden in Excel: {columns}. Check that they are the figures to use (unhide them in Excel to see them), or delete old columns from the table"
            )
        };
    }
    if let (Some(other), AsOf::Given(given)) = (&imported.as_of_title, &imported.as_of)
        && let Some(date) = other.date()
    {
        let (vi_from, en_from) = match other {
            AsOf::Title { line, .. } => {
                (format!("dòng tiêu đề {line}"), format!("title row {line}"))
            }
            _ => ("tên tệp".to_string(), "the file's name".to_string()),
        };
        let _ = if vi {
            writeln!(
                s,
                "CHÚ Ý: {vi_from} của bảng ghi ngày {} ({}), khác ngày ghi ở --as-of {} ({}); kịch bản lấy ngày của --as-of. Nếu --as-of gõ nhầm (năm, hoặc thứ tự ngày và tháng), chạy lại với --as-of {} hoặc bỏ --as-of",
                date.written(),
                date.iso(),
                given.written(),
                given.iso(),
                date.written(),
            )
        } else {
            writeln!(
                s,
                "NOTE: the table's {en_from} gives {} ({}), another day than --as-of {} ({}); the scenario takes --as-of's. If --as-of is mistyped (the year, or the day and the month swapped), run again with --as-of {} or without --as-of",
                date.written(),
                date.iso(),
                given.written(),
                given.iso(),
                date.written(),
            )
        };
    }
    if let (Some((date, heading)), AsOf::Given(given)) = (&imported.as_of_column, &imported.as_of) {
        let _ = if vi {
            writeln!(
                s,
                "CHÚ Ý: cột \"{heading}\" của bảng ghi ngày {} ({}), khác ngày ghi ở --as-of {} ({}); kịch bản lấy ngày của --as-of. Nếu --as-of gõ nhầm thứ tự ngày và tháng, chạy lại với --as-of {} hoặc bỏ --as-of",
                date.written(),
                date.iso(),
                given.written(),
                given.iso(),
                date.written(),
            )
        } else {
            writeln!(
                s,
                "NOTE: the table's column \"{heading}\" gives {} ({}), another day than --as-of {} ({}); the scenario takes --as-of's. If --as-of has the day and the month swapped, run again with --as-of {} or without --as-of",
                date.written(),
                date.iso(),
                given.written(),
                given.iso(),
                date.written(),
            )
        };
    }
    let rules_line = match (rules, vi) {
        (Rules::Folder(f), true) => format!(
            "Quy tắc: rules = [\"{f}\"] (tính từ {})",
            folder_of(out, vi)
        ),
        (Rules::Folder(f), false) => {
            format!("Rules: rules = [\"{f}\"] (from {})", folder_of(out, vi))
        }
        (Rules::None, true) => format!(
            "Quy tắc: không thấy thư mục rules/ có tệp quy tắc (.rhai) ở {} hay các thư mục bên trên nó, cũng không ở thư mục hiện tại, nên đã ghi rules = [] vào kịch bản: kế hoạch của nó sẽ không có việc cần làm nào và công văn là DỰ THẢO. Ghi đường dẫn tới thư mục rules của chương trình vào dòng rules của kịch bản (tính từ thư mục của kịch bản, ví dụ rules = [\"../rules\"]), hoặc ghi kịch bản vào thư mục scenarios của chương trình bằng --out",
            looked_in(out, vi)
        ),
        (Rules::None, false) => format!(
            "Rules: no rules/ folder with rule files (.rhai) in {} or any folder above it, nor in the current folder, so the scenario says rules = []: its plan will have no directives and its letter is a DRAFT. Write the path to the program's rules folder on the scenario's rules line (from the scenario's folder, e.g. rules = [\"../rules\"]), or write the scenario into the program's scenarios folder with --out",
            looked_in(out, vi)
        ),
    };
    let _ = writeln!(s, "{rules_line}");
    if let Some(out) = out {
        let _ = writeln!(
            s,
            "{}",
            if vi {
                format!("Đã ghi kịch bản vào {}.", crate::text::shown_path(out))
            } else {
                format!("Wrote the scenario to {}.", crate::text::shown_path(out))
            }
        );
    }
    let _ = writeln!(
        s,
        "\n{}",
        if vi {
            "Còn phải điền trước khi lập kế hoạch (các dòng ghi ASSUMPTION trong kịch bản):"
        } else {
            "Still to fill in before planning (the lines marked ASSUMPTION in the scenario):"
        }
    );
    let mut todo: Vec<String> = Vec::new();
    if imported.as_of == AsOf::Placeholder {
        todo.push(if vi {
            format!("ngày của số liệu: as_of = {PLACEHOLDER_DATE} là giá trị tạm (hoặc nhập lại với --as-of)")
        } else {
            format!("the figures' date: as_of = {PLACEHOLDER_DATE} is a placeholder (or import again with --as-of)")
        });
    }
    // the districts without a figure read for `extra`
    let missing = |extra: Extra| {
        c.districts
            .iter()
            .filter(|d| !d.extras.iter().any(|(e, _)| *e == extra))
            .count()
    };
    let communes = missing(Extra::Communes);
    if communes == districts {
        todo.push(if vi {
            format!(
                "số tổ xã của từng huyện: teams = {{ commune = 0 }} ở cả {} huyện",
                n(lang, districts as u64)
            )
        } else {
            format!(
                "each district's commune teams: teams = {{ commune = 0 }} in all {} districts",
                n(lang, districts as u64)
            )
        });
    } else if communes > 0 {
        todo.push(if vi {
            format!(
                "số tổ xã của {} huyện có ô trống trong bảng: teams = {{ commune = 0 }}",
                n(lang, communes as u64)
            )
        } else {
            format!(
                "the commune teams of the {} districts whose cell is empty: teams = {{ commune = 0 }}",
                n(lang, communes as u64)
            )
        });
    }
    let assumed = c
        .districts
        .iter()
        .filter(|d| matches!(d.kind, KindFrom::Assumed | KindFrom::ProvinceName))
        .count();
    if assumed > 0 {
        todo.push(if vi {
            format!(
                "loại của {} đơn vị mà tên không ghi loại (huyện, hay thành phố như đã nói ở trên): unit_type = \"...\" dưới dòng name",
                n(lang, assumed as u64)
            )
        } else {
            format!(
                "the type of the {} units whose name gives none (huyện, or thành phố as said above): unit_type = \"...\" under the name",
                n(lang, assumed as u64)
            )
        });
    }
    todo.push(if vi {
        "năng suất và chi phí của các loại đội ([[team_kind]] commune, volunteer), số đội tình nguyện của tỉnh: giá trị tạm lấy từ kịch bản Lạng Sơn".to_string()
    } else {
        "the team kinds' productivity and costs ([[team_kind]] commune, volunteer) and the province's volunteer teams: placeholders from the Lạng Sơn scenario".to_string()
    });
    let cohorts: Vec<&str> = [Extra::Quarantine, Extra::Testing, Extra::Students]
        .into_iter()
        .filter(|&e| missing(e) > 0)
        .map(Extra::field)
        .collect();
    if cohorts.len() == 3 {
        todo.push(if vi {
            "số người cách ly, xét nghiệm và học sinh của từng huyện (quarantine, testing, students): đang là 0".to_string()
        } else {
            "each district's quarantined, tested and students (quarantine, testing, students): 0 so far".to_string()
        });
    } else if !cohorts.is_empty() {
        let list = cohorts.join(", ");
        todo.push(if vi {
            format!("các nhóm người chưa đọc được từ bảng ({list}): các dòng đang là 0")
        } else {
            format!("the cohorts the table does not give ({list}): the lines at 0")
        });
    }
    todo.push(if vi {
        "mục tiêu, thời gian và các tham số [params]: giá trị tạm".to_string()
    } else {
        "the target, the horizon and the [params]: placeholders".to_string()
    });
    todo.push(if vi {
        "khi đã kiểm tra hết, sửa assumptions_checked = false thành true (đến lúc đó mọi kế hoạch đều nhắc việc này)".to_string()
    } else {
        "once all are checked, set assumptions_checked = false to true (until then every plan says so)".to_string()
    });
    for t in todo {
        let _ = writeln!(s, "  - {t}");
    }
    s
}

/// The units' types as read, and those assumed (user14 U10): "Loại đơn vị: 1 thành phố, 10
/// huyện", the names that gave no kind, and the one taken for the province's city.
fn kinds(imported: &Imported, lang: Lang) -> String {
    let vi = lang == Lang::Vi;
    let districts = &imported.coverage.districts;
    let type_of =
        |d: &super::ImportedDistrict| d.unit_type.unwrap_or_else(|| UnitType::of_name(&d.name));
    let counts: Vec<String> = UnitType::ALL
        .iter()
        .filter_map(|&u| {
            let k = districts.iter().filter(|d| type_of(d) == u).count();
            // the Vietnamese words in both languages: `unit_type` takes them
            (k > 0).then(|| format!("{} {}", n(lang, k as u64), u.vi()))
        })
        .collect();
    let mut s = format!(
        "{} {}.\n",
        if vi {
            "Loại đơn vị:"
        } else {
            "Unit types:"
        },
        counts.join(", ")
    );
    let names = |kind: KindFrom| -> Vec<&str> {
        districts
            .iter()
            .filter(|d| d.kind == kind)
            .map(|d| d.name.as_str())
            .collect()
    };
    let assumed = names(KindFrom::Assumed);
    if !assumed.is_empty() {
        let list = super::skeleton::short_list(&assumed, lang);
        let _ = writeln!(
            s,
            "{}",
            if vi {
                format!(
                    "  {} tên không ghi loại ({list}) nên được coi là huyện: đơn vị nào là thành phố hay thị xã thì ghi unit_type = \"thành phố\" (hoặc \"thị xã\") dưới dòng name của nó trong kịch bản, nếu không công văn sẽ gửi \"UBND huyện\"",
                    n(lang, assumed.len() as u64)
                )
            } else {
                format!(
                    "  {} names give no kind ({list}), so they are taken for huyện: for a city or a town write unit_type = \"thành phố\" (or \"thị xã\") under its name in the scenario, or the letter is sent to a \"UBND huyện\"",
                    n(lang, assumed.len() as u64)
                )
            }
        );
    }
    let (province, line) = &imported.province;
    for name in names(KindFrom::ProvinceName) {
        let from = match (line, vi) {
            (Some(line), true) => format!("tên tỉnh ở dòng {line}"),
            (Some(line), false) => format!("the province's name in row {line}"),
            (None, true) => "tỉnh của kịch bản mẫu".to_string(),
            (None, false) => "the province of the model scenario".to_string(),
        };
        let _ = writeln!(
            s,
            "{}",
            if vi {
                format!(
                    "  \"{name}\" không ghi loại nhưng trùng tên tỉnh {province} ({from}): thường là thành phố thuộc tỉnh, nên kịch bản ghi unit_type = \"thành phố\" (ASSUMPTION); nếu là huyện thì sửa thành unit_type = \"huyện\""
                )
            } else {
                format!(
                    "  \"{name}\" gives no kind but is the province's name, {province} ({from}): usually the provincial city, so the scenario says unit_type = \"thành phố\" (ASSUMPTION); if it is a huyện, write unit_type = \"huyện\""
                )
            }
        );
    }
    s
}

/// The folder where the rules were looked for first: the scenario's, absolute, as the user can
/// find it.
fn looked_in(out: Option<&Path>, vi: bool) -> String {
    let cwd = std::env::current_dir().unwrap_or_default();
    let folder = match out.and_then(Path::parent) {
        Some(p) if !p.as_os_str().is_empty() => cwd.join(p),
        _ => cwd,
    };
    if vi {
        format!(
            "thư mục của kịch bản ({})",
            crate::text::shown_path(&folder)
        )
    } else {
        format!(
            "the scenario's folder ({})",
            crate::text::shown_path(&folder)
        )
    }
}

fn folder_of(out: Option<&Path>, vi: bool) -> String {
    match out.and_then(Path::parent) {
        Some(p) if !p.as_os_str().is_empty() && vi => {
            format!("thư mục {} của kịch bản", crate::text::shown_path(p))
        }
        Some(p) if !p.as_os_str().is_empty() => {
            format!("the scenario's folder {}", crate::text::shown_path(p))
        }
        _ if vi => "thư mục hiện tại".to_string(),
        _ => "the current folder".to_string(),
    }
}

fn date_line(as_of: &AsOf, vi: bool) -> String {
    match as_of {
        AsOf::Given(d) if vi => format!(
            "Ngày số liệu: {} (theo --as-of) → as_of = {}",
            d.written(),
            d.iso()
        ),
        AsOf::Given(d) => format!(
            "Figures' date: {} (from --as-of) → as_of = {}",
            d.written(),
            d.iso()
        ),
        AsOf::Title {
            date,
            text,
            line,
            year,
        } => {
            let text = shown(text);
            let year = match (year, vi) {
                (YearFrom::Date, _) => String::new(),
                (YearFrom::Title { line }, true) => format!(
                    "; dòng tiêu đề không ghi năm, lấy năm {} ở dòng {line}",
                    date.year
                ),
                (YearFrom::Title { line }, false) => format!(
                    "; the title gives no year: {} taken from row {line}",
                    date.year
                ),
                (YearFrom::FileName, true) => format!(
                    "; dòng tiêu đề không ghi năm, lấy năm {} từ tên tệp",
                    date.year
                ),
                (YearFrom::FileName, false) => format!(
                    "; the title gives no year: {} taken from the file's name",
                    date.year
                ),
            };
            if vi {
                format!(
                    "Ngày số liệu: {} (dòng {line}: \"{text}\"{year}) → as_of = {}",
                    date.written(),
                    date.iso()
                )
            } else {
                format!(
                    "Figures' date: {} (row {line}: \"{text}\"{year}) → as_of = {}",
                    date.written(),
                    date.iso()
                )
            }
        }
        AsOf::FileName(d) if vi => format!(
            "Ngày số liệu: {} (theo tên tệp; tiêu đề không ghi ngày) → as_of = {}",
            d.written(),
            d.iso()
        ),
        AsOf::FileName(d) => format!(
            "Figures' date: {} (from the file's name; the title gives none) → as_of = {}",
            d.written(),
            d.iso()
        ),
        AsOf::Column { date, heading } if vi => format!(
            "Ngày số liệu: {} (cột \"{heading}\") → as_of = {}",
            date.written(),
            date.iso()
        ),
        AsOf::Column { date, heading } => format!(
            "Figures' date: {} (the column \"{heading}\") → as_of = {}",
            date.written(),
            date.iso()
        ),
        AsOf::Placeholder if vi => {
            format!("Ngày số liệu: tệp không ghi ngày; as_of = {PLACEHOLDER_DATE} là giá trị TẠM")
        }
        AsOf::Placeholder => format!(
            "Figures' date: the file gives none; as_of = {PLACEHOLDER_DATE} is a PLACEHOLDER"
        ),
    }
}
