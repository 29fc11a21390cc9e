//! The official letter (công văn) that sends the plan to the districts, in the form of Nghị định
//! 30/2020/NĐ-CP, as the seed letter 1635/STTTT-TTBCXB is written: the issuing body under its
//! parent and the national heading side by side, số and ký hiệu, place and date, the "V/v"
//! subject line, "Kính gửi", the situation in figures and the directives, "Nơi nhận" and the
//! signer (docs/printing.md § "The official letter").
//!
//! What the letter says is decided here, once, as plain [`Document`] data; `docx` lays it out
//! as a Word file (`--format docx`), `html` as a page to print (`--format letter-html`), so
//! both say the same words. The particulars come from the scenario's `[letter]`
//! ([`crate::scenario::Letter`]); what it leaves out is printed as a visible placeholder
//! (`[Số văn bản]`), listed by [`placeholder_notice`].

pub mod docx;
pub mod html;

use crate::number;
use crate::plan::{DistrictPlan, Plan};
use crate::report::content;
use crate::report::html::addressee_as;
use crate::report::words::{self, Label, capitalize};
use crate::scenario::{Letter, LetterDate, LetterMode};
use crate::text::Lang;

pub const NATION: Label = Label(
    "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
    "SOCIALIST REPUBLIC OF VIETNAM",
);
pub const MOTTO: Label = Label(
    "Độc lập - Tự do - Hạnh phúc",
    "Independence - Freedom - Happiness",
);
const NUMBER: Label = Label("Số", "No.");
const SUBJECT: Label = Label("V/v", "Re:");
const TO: Label = Label("Kính gửi", "To");
const COPIES: Label = Label("Nơi nhận", "Recipients");
const ANNEX: Label = Label("Phụ lục", "Annex");
const TOTAL: Label = Label("TỔNG", "TOTAL");

/// The placeholders printed where `[letter]` gives nothing.
const PARENT_BLANK: Label = Label("[Cơ quan chủ quản]", "[Supervising body]");
const ISSUER_BLANK: Label = Label("[Tên cơ quan ban hành]", "[Issuing body]");
const NUMBER_BLANK: Label = Label("[Số văn bản]", "[Number]");
const SYMBOL_BLANK: Label = Label("[Ký hiệu]", "[Symbol]");
const PLACE_BLANK: Label = Label("[Địa danh]", "[Place]");
const DATE_BLANK: Label = Label("ngày … tháng … năm ……", "[date]");
const SUBJECT_BLANK: Label = Label("[Trích yếu nội dung công văn]", "[Subject of the letter]");
const TITLE_BLANK: Label = Label("[Chức vụ người ký]", "[Title of the signer]");
const SIGNER_BLANK: Label = Label("[Họ và tên người ký]", "[Full name of the signer]");

/// The letter (or letters) and the annex, ready to lay out.
#[derive(Debug, Clone, PartialEq)]
pub struct Document {
    pub lang: Lang,
    /// The document's title (the file's properties, the HTML's `<title>`).
    pub title: String,
    /// One letter to all districts, or one per district.
    pub letters: Vec<OneLetter>,
    /// The annex of each district's directives and teams, after the one letter.
    pub annex: Option<Annex>,
}

/// One letter, from its heading to its signature.
#[derive(Debug, Clone, PartialEq)]
pub struct OneLetter {
    /// The draft mark printed above the heading when the plan is not one to sign: built on
    /// unchecked assumptions, or unable to meet its scenario ([`draft`]); `None`: none.
    pub draft: Option<Draft>,
    /// The issuing body's parent, in capitals (`UBND TỈNH LẠNG SƠN`); `None`: none.
    pub parent: Option<String>,
    /// The issuing body, in capitals (`SỞ THÔNG TIN VÀ TRUYỀN THÔNG`).
    pub issuer: String,
    /// `Số: 1635/STTTT-TTBCXB`.
    pub number: String,
    /// `V/v tiếp tục tăng cường ...`.
    pub subject: String,
    /// `Lạng Sơn, ngày 01 tháng 9 năm 2020`.
    pub place_date: String,
    /// `Kính gửi`, and whom: one line, or several (each then printed as `- ...;`).
    pub to_label: String,
    pub to: Vec<String>,
    pub body: Vec<Block>,
    /// `Nơi nhận:` and its lines, punctuated (`- Như trên;` … `- Lưu: VT.`).
    pub copies_label: String,
    pub copies: Vec<String>,
    /// `KT. GIÁM ĐỐC`, when someone signs for the head.
    pub authority: Option<String>,
    /// `PHÓ GIÁM ĐỐC`.
    pub title: String,
    /// `Lê Hải Yến`.
    pub signer: String,
}

/// The mark of a letter that must not be signed as it is, and why, in the words every other
/// output uses for the same notices and findings.
#[derive(Debug, Clone, PartialEq)]
pub struct Draft {
    /// `DỰ THẢO — KHÔNG TRÌNH KÝ`.
    pub mark: String,
    /// One sentence per reason, each ending with a full stop, in the letter's own words.
    pub reasons: Vec<String>,
    /// The same reasons as the terminal says them: the plan's notices, naming the scenario's
    /// keys to correct (user14 U7: the keys on the terminal, not on the letterhead).
    pub said: Vec<String>,
    /// Made from a scenario `campaign generate` made up: no correction removes the mark.
    pub synthetic: bool,
}

/// Why the letter of `plan` is a draft: the plan's notices that its figures are placeholders
/// (`assumptions_checked = false`, no local teams), and, for a plan that cannot meet its
/// scenario, that it cannot and why (the plan's findings); `None` for a plan fit to sign.
pub fn draft(plan: &Plan, lang: Lang) -> Option<Draft> {
    use crate::plan::Notice;
    let mut reasons = Vec::new();
    let mut said = Vec::new();
    if let Some(findings) = crate::report::diagnosis::of_plan(plan, lang)
        && plan.status == crate::solve::Status::Infeasible
    {
        let infeasible = match lang {
            Lang::Vi => format!(
                "Kế hoạch KHÔNG KHẢ THI: không phương án nào đáp ứng được kịch bản, nên các con số dưới đây không đạt điều kiện đã đặt ra. {}",
                full_stops(&findings)
            ),
            Lang::En => format!(
                "The plan is NOT FEASIBLE: no plan meets the scenario, so the figures below do not meet the conditions it sets. {}",
                full_stops(&findings)
            ),
        };
        said.push(infeasible.clone());
        reasons.push(infeasible);
    }
    for notice in &plan.notices {
        // in the letter's own words, without the scenario's keys (user14 U7): the terminal
        // names them
        let sentence = match notice {
            Notice::SyntheticData => lang
                .pick(
                    "Số liệu GIẢ LẬP, không phải số liệu thật: mọi con số là do máy rút ngẫu nhiên, không đơn vị nào là địa phương có thật; công văn này chỉ để minh họa, không dùng để gửi",
                    "MADE-UP DATA, not real: every figure was drawn at random by the program and no unit is a real place; this letter is an illustration only, not to be sent",
                )
                .to_string(),
            Notice::AssumptionsNotChecked => lang
                .pick(
                    "Các giả định của kế hoạch (năng suất và chi phí của các tổ, đội, mục tiêu, thời gian và các tỷ lệ ước tính) còn là giá trị tạm, chưa được kiểm tra; số tổ, đội của từng huyện và số người cách ly, xét nghiệm, học sinh, sinh viên có thể còn là 0",
                    "The plan's assumptions (the teams' productivity and costs, the target, the horizon and the estimated shares) are placeholders, not yet checked; each district's teams and its quarantined, tested and students may still be 0",
                )
                .to_string(),
            Notice::NoLocalTeams { kinds } => {
                let names = kinds
                    .iter()
                    .map(|k| crate::report::words::kind_name(lang, k))
                    .collect::<Vec<_>>();
                let names = crate::report::words::and_list(lang, &names);
                match lang {
                    Lang::Vi => format!(
                        "Chưa có tổ, đội tại chỗ: chưa huyện nào có {names}, nên kế hoạch chỉ dựa vào các đội của tỉnh; cần điền số {names} của từng huyện"
                    ),
                    Lang::En => format!(
                        "No local teams: no district has any {names} yet, so the plan rests on the province's teams alone; each district's {names} must be filled in"
                    ),
                }
            }
            Notice::NoRules => lang
                .pick(
                    "Kế hoạch không có quy tắc nào nên không giao việc cụ thể nào cho các huyện: công văn điều tổ, đội mà không nêu việc cần làm",
                    "The plan has no rules, so it gives the districts no tasks: the letter would send teams with nothing to do",
                )
                .to_string(),
            Notice::SetForThisRun { .. } => crate::report::notices::sentence(notice, lang),
            _ => continue,
        };
        reasons.push(full_stops(&[sentence]));
        said.push(full_stops(&[crate::report::notices::sentence(
            notice, lang,
        )]));
    }
    if reasons.is_empty() {
        return None;
    }
    let synthetic = plan.notices.contains(&Notice::SyntheticData);
    let mark = match synthetic {
        true => lang.pick(
            "DỰ THẢO MINH HỌA — SỐ LIỆU GIẢ LẬP, KHÔNG TRÌNH KÝ",
            "ILLUSTRATIVE DRAFT — MADE-UP DATA, NOT FOR SIGNATURE",
        ),
        false => lang.pick(
            "DỰ THẢO — KHÔNG TRÌNH KÝ: số liệu chưa dùng được",
            "DRAFT — NOT FOR SIGNATURE: the figures cannot be used yet",
        ),
    };
    Some(Draft {
        mark: mark.to_string(),
        reasons,
        said,
        synthetic,
    })
}

/// The warning printed on standard error when a draft letter is written: the mark and its
/// reasons, one per line, so that the official who runs the command sees them.
pub fn draft_warning(draft: &Draft, lang: Lang) -> String {
    let mut out = format!(
        "{}: {}\n",
        lang.pick("cảnh báo", "warning"),
        match lang {
            Lang::Vi =>
                "công văn được ghi là DỰ THẢO (dòng đầu tiên của văn bản), không để trình ký:",
            Lang::En => "the letter is marked DRAFT (its first line), not to be signed:",
        }
    );
    for reason in &draft.said {
        out.push_str("  - ");
        out.push_str(reason);
        out.push('\n');
    }
    if draft.synthetic {
        out.push_str(match lang {
            Lang::Vi => "gợi ý: số liệu giả lập do `campaign generate` tạo không bao giờ thành công văn để trình ký; lập kịch bản từ bảng số liệu thật của các địa phương (campaign import, xem docs/importing.md) rồi lập công văn từ kịch bản đó.\n",
            Lang::En => "hint: made-up data written by `campaign generate` never makes a letter to sign; write a scenario from the localities' real coverage table (campaign import, docs/importing.md) and make the letter from it.\n",
        });
        return out;
    }
    out.push_str(match lang {
        Lang::Vi => "gợi ý: sửa kịch bản như các dòng trên nói rồi lập lại công văn; dấu DỰ THẢO chỉ mất khi kịch bản ghi assumptions_checked = true, có quy tắc (rules) và kế hoạch khả thi (xem docs/printing.md, phần về công văn dự thảo).\n",
        Lang::En => "hint: correct the scenario as the lines above say and write the letter again; the DRAFT mark goes only once the scenario says assumptions_checked = true, names its rules and the plan is feasible (docs/printing.md § \"Draft letters\").\n",
    });
    out
}

/// The sentences joined, each ending with a full stop.
fn full_stops(sentences: &[String]) -> String {
    sentences
        .iter()
        .map(|s| {
            let s = s.trim_end();
            if s.ends_with(['.', '!', '?']) {
                s.to_string()
            } else {
                format!("{s}.")
            }
        })
        .collect::<Vec<_>>()
        .join(" ")
}

/// A part of the body.
#[derive(Debug, Clone, PartialEq)]
pub enum Block {
    /// A paragraph, indented on its first line and justified.
    Text(String),
    /// The table of the situation in figures: headings, rows, the total row.
    Figures {
        header: Vec<String>,
        rows: Vec<Vec<String>>,
        total: Vec<String>,
    },
    /// A numbered directive (`1. ...`), and the lines under it (responsible unit, teams).
    Numbered {
        number: String,
        text: String,
        details: Vec<String>,
    },
}

/// Where the end of a letter's `body` starts: the blocks from this index on (its last
/// directive or paragraph, then the closing sentence) are printed on the page of the
/// signature, in the Word file as in the HTML, so that the signature block is never alone on a
/// page, nor with the closing formula alone (issue 14: a letter a little longer than its page
/// put "Trân trọng đề nghị …", "Nơi nhận" and the signer on a page of their own). A table of
/// figures before the closing is not pulled along: it may be long, and breaks between its rows.
pub fn kept_with_signature(body: &[Block]) -> usize {
    let closing = body.len().saturating_sub(1);
    match closing.checked_sub(1).and_then(|i| body.get(i)) {
        Some(Block::Text(_) | Block::Numbered { .. }) => closing - 1,
        _ => closing,
    }
}

/// The annex: one section per district.
#[derive(Debug, Clone, PartialEq)]
pub struct Annex {
    /// `PHỤ LỤC`.
    pub label: String,
    /// `NHIỆM VỤ VÀ LỰC LƯỢNG CỦA TỪNG HUYỆN, THÀNH PHỐ`.
    pub title: String,
    /// `(Kèm theo Công văn số 1635/STTTT-TTBCXB ngày 01/9/2020 của Sở Thông tin và Truyền thông)`.
    pub reference: String,
    pub sections: Vec<AnnexSection>,
}

/// One district in the annex.
#[derive(Debug, Clone, PartialEq)]
pub struct AnnexSection {
    /// `2. Huyện Hữu Lũng`.
    pub heading: String,
    /// `Tỷ lệ cài đặt hiện nay 22,98%, dự kiến sau đợt 35,99%. Lực lượng: 24 tổ xã, 7 đội tình nguyện.`
    pub summary: String,
    /// The district's directives, numbered `a)`, `b)`, ... as in the plan.
    pub directives: Vec<Block>,
}

/// The sentence that tells the user which particulars of the letter are placeholders, to fill
/// in under `[letter]` or in Word; `None` when none is.
pub fn placeholder_notice(letter: &Letter, lang: Lang) -> Option<String> {
    let keys = letter.placeholders();
    if keys.is_empty() {
        return None;
    }
    let list = keys
        .iter()
        .map(|k| format!("letter.{k}"))
        .collect::<Vec<_>>()
        .join(", ");
    Some(match lang {
        Lang::Vi => format!(
            "lưu ý: công văn còn {} chỗ in tạm trong ngoặc vuông (ví dụ [Số văn bản]) vì kịch bản chưa ghi: {list}. Ghi các mục này trong bảng [letter] của kịch bản (docs/scenario-format.md § [letter]) hoặc điền trong Word trước khi trình ký.\n",
            keys.len()
        ),
        Lang::En => format!(
            "note: the letter still has {} placeholder(s) in square brackets (e.g. [Number]) because the scenario does not give: {list}. Write them in the scenario's [letter] table (docs/scenario-format.md § [letter]) or fill them in in Word before it is signed.\n",
            keys.len()
        ),
    })
}

/// The warning printed when the letter is dated long after its figures (more than
/// [`crate::limits::LETTER_DAYS_OLD_DATA`] days after `as_of`): the situation it gives is old.
pub fn date_warning(letter: &Letter, as_of: &str, lang: Lang) -> Option<String> {
    let days = letter.date?.days_since(iso_date(as_of)?);
    if days <= crate::limits::LETTER_DAYS_OLD_DATA {
        return None;
    }
    let days = number::count(lang, days as f64);
    Some(match lang {
        Lang::Vi => format!(
            "cảnh báo: công văn đề ngày sau số liệu nó nêu (as_of = {as_of}) {days} ngày: tình hình cài đặt trong công văn đã cũ.\ngợi ý: cập nhật số liệu và as_of, hoặc kiểm tra lại letter.date.\n"
        ),
        Lang::En => format!(
            "warning: the letter is dated {days} days after the data it cites (as_of = {as_of}): the situation it gives is out of date.\nhint: bring the figures and as_of up to date, or check letter.date.\n"
        ),
    })
}

/// The letter of `plan` with the particulars of `letter`, in `lang`.
pub fn document(plan: &Plan, letter: &Letter, lang: Lang) -> Document {
    let mut parts = Parts::new(plan, letter, lang);
    parts.draft = draft(plan, lang);
    let title = format!("{} {}", parts.number, parts.subject);
    match letter.mode {
        LetterMode::Annex => Document {
            lang,
            title,
            letters: vec![parts.to_all(plan)],
            annex: Some(parts.annex(plan)),
        },
        LetterMode::PerDistrict => Document {
            lang,
            title,
            letters: plan
                .districts
                .iter()
                .enumerate()
                .map(|(i, d)| parts.to_one(plan, d, i))
                .collect(),
            annex: None,
        },
    }
}

/// What every letter of a plan shares: the particulars, worded.
struct Parts<'a> {
    letter: &'a Letter,
    lang: Lang,
    parent: Option<String>,
    /// As the body names it: `Sở Thông tin và Truyền thông`.
    issuer: String,
    /// `1635/STTTT-TTBCXB`.
    number: String,
    subject: String,
    place_date: String,
    app: String,
    /// `01/9/2020`: the date of the figures.
    as_of: String,
    /// The letter's own date as the annex cites it: `01/9/2020`.
    date_short: String,
    copies: Vec<String>,
    authority: Option<String>,
    title: String,
    signer: String,
    draft: Option<Draft>,
}

impl<'a> Parts<'a> {
    fn new(plan: &Plan, letter: &'a Letter, lang: Lang) -> Parts<'a> {
        let or = |value: &Option<String>, blank: Label| {
            value.clone().unwrap_or_else(|| blank.get(lang).to_string())
        };
        let parent = match &letter.parent {
            Some(p) if p.is_empty() => None,
            Some(p) => Some(upper(p)),
            None => Some(upper(PARENT_BLANK.get(lang))),
        };
        // the form adds its own punctuation ("Số: 1635/STTTT", "V/v ...", "Lạng Sơn, ngày"):
        // the same marks typed at the edge of a value are not printed twice
        let number = format!(
            "{}/{}",
            or(&letter.number, NUMBER_BLANK)
                .trim()
                .trim_end_matches('/'),
            or(&letter.symbol, SYMBOL_BLANK).trim().trim_matches('/')
        );
        let subject = match &letter.subject {
            // "V/v" written by the user is not printed twice
            Some(s) if s.to_lowercase().starts_with("v/v") => {
                let rest: String = s.chars().skip(3).collect();
                let rest = rest
                    .trim_start()
                    .trim_start_matches([':', '.'])
                    .trim_start();
                format!("{} {rest}", SUBJECT.get(lang))
            }
            Some(s) => format!("{} {s}", SUBJECT.get(lang)),
            None => format!("{} {}", SUBJECT.get(lang), SUBJECT_BLANK.get(lang)),
        };
        let place = or(&letter.place, PLACE_BLANK)
            .trim_end()
            .trim_end_matches([',', ';', '.'])
            .trim_end()
            .to_string();
        let place_date = match letter.date {
            Some(date) => format!("{place}, {}", long_date(date, lang)),
            None => format!("{place}, {}", DATE_BLANK.get(lang)),
        };
        let date_short = match letter.date {
            Some(date) => short_date(date, lang),
            None => lang.pick("…/…/……", "[date]").to_string(),
        };
        let copies = copies_to(letter.copies_to.as_deref().unwrap_or_default(), lang);
        let as_of = iso_date(&plan.as_of)
            .map(|d| short_date(d, lang))
            .unwrap_or_else(|| plan.as_of.clone());
        Parts {
            letter,
            lang,
            parent,
            issuer: or(&letter.issuer, ISSUER_BLANK),
            number,
            subject,
            place_date,
            app: letter.app_name().to_string(),
            as_of,
            date_short,
            copies: punctuated(&copies),
            authority: letter.authority.as_deref().map(upper),
            title: upper(&or(&letter.title, TITLE_BLANK)),
            signer: or(&letter.signer, SIGNER_BLANK),
            draft: None,
        }
    }

    /// The number of the `i`-th of the letters sent one per district: each its own, counted on
    /// from the one `[letter]` gives (`1635`, `1636`, ...; `05`, `06`, ... keeping its digits),
    /// as the registry numbers letters issued together; the placeholder for each where none is
    /// given.
    fn number_of(&self, i: usize) -> String {
        let Some(first) = &self.letter.number else {
            return self.number.clone();
        };
        let symbol = self.number.split_once('/').map_or("", |(_, symbol)| symbol);
        match first.parse::<u64>() {
            Ok(n) => format!(
                "{:0width$}/{symbol}",
                n.saturating_add(i as u64),
                width = first.len()
            ),
            Err(_) => self.number.clone(),
        }
    }

    /// A letter with everything but whom it goes to and its body; `number` is `1635/STTTT-TTBCXB`.
    fn letter(&self, number: &str, to: Vec<String>, body: Vec<Block>) -> OneLetter {
        let lang = self.lang;
        OneLetter {
            draft: self.draft.clone(),
            parent: self.parent.clone(),
            issuer: upper(&self.issuer),
            number: format!("{}: {number}", NUMBER.get(lang)),
            subject: self.subject.clone(),
            place_date: self.place_date.clone(),
            to_label: format!("{}:", TO.get(lang)),
            to,
            body,
            copies_label: format!("{}:", COPIES.get(lang)),
            copies: self.copies.clone(),
            authority: self.authority.clone(),
            title: self.title.clone(),
            signer: self.signer.clone(),
        }
    }

    /// `Tính đến ngày 01/9/2020, toàn tỉnh đã có 151.916/519.820 smartphone cài đặt ứng dụng
    /// Bluezone (29,22%)`.
    fn situation(&self, plan: &Plan) -> String {
        let p = &plan.province;
        let lang = self.lang;
        let (installed, phones, rate) = (
            number::count(lang, p.installed as f64),
            number::count(lang, p.smartphones as f64),
            number::percent(lang, p.rate),
        );
        match lang {
            Lang::Vi => format!(
                "Tính đến ngày {}, toàn tỉnh đã có {installed}/{phones} smartphone cài đặt ứng dụng {} ({rate})",
                self.as_of, self.app
            ),
            Lang::En => format!(
                "As of {}, {installed} of the province's {phones} smartphones have the {} app installed ({rate})",
                self.as_of, self.app
            ),
        }
    }

    /// The target and what the plan brings: `Để toàn tỉnh đạt mục tiêu 40% ... trong 14 ngày,
    /// kế hoạch bố trí 24 tổ xã cho huyện Hữu Lũng, dự kiến nâng tỷ lệ cài đặt của huyện Hữu
    /// Lũng lên 35,99%.` `unit` is the district's name for its own letter, `None` for the
    /// province's.
    fn aim(
        &self,
        plan: &Plan,
        teams: Option<String>,
        projected: f64,
        unit: Option<&str>,
    ) -> String {
        let lang = self.lang;
        let target = number::percent_short(lang, plan.province.target_rate);
        let days = words::days(lang, plan.horizon_days);
        let rate = number::percent(lang, projected);
        let short = if plan.target_reached_as_printed() {
            ""
        } else {
            lang.pick(" (chưa đạt mục tiêu)", " (short of the target)")
        };
        let (to, of) = match (lang, unit) {
            (Lang::Vi, Some(unit)) => (format!(" cho {unit}"), format!(" của {unit}")),
            (Lang::En, Some(unit)) => (format!(" in {unit}"), format!(" of {unit}")),
            (Lang::Vi, None) => (String::new(), lang.pick(" toàn tỉnh", "").to_string()),
            (Lang::En, None) => (String::new(), " of the province".to_string()),
        };
        match (lang, teams) {
            (Lang::Vi, Some(teams)) => format!(
                "Để toàn tỉnh đạt mục tiêu {target} số smartphone cài đặt ứng dụng trong {days}, kế hoạch bố trí {teams}{to}, dự kiến nâng tỷ lệ cài đặt{of} lên {rate}{short}."
            ),
            (Lang::Vi, None) => format!(
                "Để toàn tỉnh đạt mục tiêu {target} số smartphone cài đặt ứng dụng trong {days}, kế hoạch dự kiến nâng tỷ lệ cài đặt{of} lên {rate}{short}."
            ),
            (Lang::En, Some(teams)) => format!(
                "For the province to reach its target of {target} of smartphones with the app within {days}, the plan deploys {teams}{to}, which should raise the install rate{of} to {rate}{short}."
            ),
            (Lang::En, None) => format!(
                "For the province to reach its target of {target} of smartphones with the app within {days}, the plan should raise the install rate{of} to {rate}{short}."
            ),
        }
    }

    /// The one letter to every district, its directives in the annex.
    fn to_all(&self, plan: &Plan) -> OneLetter {
        let lang = self.lang;
        let whom = collective(plan, lang);
        let to = if self.letter.recipients.is_empty() {
            vec![format!(
                "{}.",
                lang.pick(
                    "Chủ tịch UBND các {}",
                    "the Chairs of the People's Committees of the {}"
                )
                .replace("{}", &whom)
            )]
        } else {
            punctuated(&self.letter.recipients)
        };
        let mut body = vec![
            Block::Text(format!(
                "{}{}",
                self.situation(plan),
                lang.pick(", cụ thể như sau:", ", as follows:")
            )),
            figures(plan, lang, &self.app),
        ];
        let totals = province_teams(plan);
        body.push(Block::Text(self.aim(
            plan,
            province_team_list(plan, lang, &totals),
            plan.projected_rate_as_printed(),
            None,
        )));
        // whom the body asks is whom the letter is sent to: the recipients of `[letter]` when
        // it lists them (one by name, several as "các cơ quan, đơn vị, địa phương")
        let asked = match self.letter.recipients.as_slice() {
            [] => match lang {
                Lang::Vi => format!("Chủ tịch UBND các {whom}"),
                Lang::En => format!("the Chairs of the People's Committees of the {whom}"),
            },
            [one] => bare(one).to_string(),
            _ => lang
                .pick("các cơ quan, đơn vị, địa phương", "the recipients above")
                .to_string(),
        };
        body.push(Block::Text(match lang {
            Lang::Vi => format!("{} đề nghị {asked}:", self.issuer),
            Lang::En => format!("{} asks {asked}:", self.issuer),
        }));
        // a directive every district has word for word is said once here, as the seed letter
        // does; the rest, and the teams, district by district in the annex
        let mut n = 0;
        for action in common_actions(plan, lang) {
            n += 1;
            body.push(Block::Numbered {
                number: format!("{n}."),
                text: sentence(&action),
                details: Vec::new(),
            });
        }
        n += 1;
        body.push(Block::Numbered {
            number: format!("{n}."),
            text: match lang {
                Lang::Vi => "Chỉ đạo thực hiện các nhiệm vụ và bố trí lực lượng của địa phương mình theo Phụ lục kèm theo Công văn này.",
                // communes and wards are no districts (trial 13 H12)
                Lang::En if below_districts(plan) => "Carry out the tasks and deploy the teams set out for your locality in the Annex to this letter.",
                Lang::En => "Carry out the tasks and deploy the teams set out for your district in the Annex to this letter.",
            }
            .to_string(),
            details: Vec::new(),
        });
        body.push(Block::Text(
            match (lang, self.letter.recipients.is_empty()) {
                (Lang::Vi, true) => {
                    format!(
                        "Trân trọng đề nghị lãnh đạo UBND các {whom} quan tâm chỉ đạo thực hiện./."
                    )
                }
                (Lang::Vi, false) => {
                    format!("Trân trọng đề nghị {asked} quan tâm chỉ đạo thực hiện./.")
                }
                (Lang::En, true) => {
                    "We respectfully ask the leaders of the People's Committees to see to it./."
                        .to_string()
                }
                (Lang::En, false) => format!("We respectfully ask {asked} to see to it./."),
            },
        ));
        self.letter(&self.number, to, body)
    }

    /// The letter to one district (the `index`-th), with its own directives.
    fn to_one(&self, plan: &Plan, district: &DistrictPlan, index: usize) -> OneLetter {
        let lang = self.lang;
        let unit = unit_name(district, lang);
        let to = vec![format!("{}.", addressee(district, lang))];
        let own = match lang {
            Lang::Vi => format!(
                "; riêng {unit} có {}/{} smartphone đã cài đặt ({}).",
                number::count(lang, district.installed as f64),
                number::count(lang, district.smartphones as f64),
                number::percent(lang, district.rate)
            ),
            Lang::En => format!(
                "; in {unit}, {} of {} smartphones ({}).",
                number::count(lang, district.installed as f64),
                number::count(lang, district.smartphones as f64),
                number::percent(lang, district.rate)
            ),
        };
        let mut body = vec![
            Block::Text(format!("{}{own}", self.situation(plan))),
            Block::Text(self.aim(
                plan,
                words::team_list_in(lang, district.unit_type, &teams_of(district)),
                district.projected_rate_as_printed(),
                Some(&unit),
            )),
            Block::Text(match lang {
                Lang::Vi => format!("{} đề nghị {}:", self.issuer, addressee(district, lang)),
                Lang::En => format!("{} asks {}:", self.issuer, addressee(district, lang)),
            }),
        ];
        body.extend(directive_blocks(district, lang, |i| format!("{}.", i + 1)));
        body.push(Block::Text(match lang {
            Lang::Vi => {
                format!("Trân trọng đề nghị lãnh đạo UBND {unit} quan tâm chỉ đạo thực hiện./.")
            }
            Lang::En => format!(
                "We respectfully ask the leaders of the People's Committee of {unit} to see to it./."
            ),
        }));
        self.letter(&self.number_of(index), to, body)
    }

    /// The annex: each district's rates, teams and directives.
    fn annex(&self, plan: &Plan) -> Annex {
        let lang = self.lang;
        let whom = collective(plan, lang);
        let reference = match lang {
            Lang::Vi => format!(
                "(Kèm theo Công văn số {} ngày {} của {})",
                self.number, self.date_short, self.issuer
            ),
            Lang::En => format!(
                "(Attached to letter No. {} of {} from {})",
                self.number, self.date_short, self.issuer
            ),
        };
        let sections = plan
            .districts
            .iter()
            .enumerate()
            .map(|(i, d)| {
                let teams = words::team_list_in(lang, d.unit_type, &teams_of(d));
                let rates = match lang {
                    Lang::Vi => format!(
                        "Tỷ lệ cài đặt hiện nay {}, dự kiến sau đợt {}.",
                        number::percent(lang, d.rate),
                        number::percent(lang, d.projected_rate_as_printed())
                    ),
                    Lang::En => format!(
                        "Install rate now {}, projected {}.",
                        number::percent(lang, d.rate),
                        number::percent(lang, d.projected_rate_as_printed())
                    ),
                };
                let summary = match teams {
                    Some(teams) => format!("{rates} {}: {teams}.", words::TEAMS.get(lang)),
                    None => rates,
                };
                AnnexSection {
                    heading: format!("{}. {}", i + 1, capitalize(&unit_name(d, lang))),
                    summary,
                    directives: directive_blocks(d, lang, letter_item),
                }
            })
            .collect();
        Annex {
            label: upper(ANNEX.get(lang)),
            title: upper(&match lang {
                Lang::Vi => format!("Nhiệm vụ và lực lượng của từng {whom}"),
                Lang::En if below_districts(plan) => {
                    format!("Tasks and teams of each of the {whom}")
                }
                Lang::En => "Tasks and teams of each district".to_string(),
            }),
            reference,
            sections,
        }
    }
}

/// `a)`, `b)`, … `z)`, then `aa)`: the items of a district's section of the annex.
fn letter_item(i: usize) -> String {
    const LETTERS: &[u8] = b"abcdefghijklmnopqrstuvwxyz";
    let mut n = i;
    let mut out = Vec::new();
    loop {
        out.push(LETTERS[n % 26]);
        if n < 26 {
            break;
        }
        n = n / 26 - 1;
    }
    out.reverse();
    format!("{})", String::from_utf8_lossy(&out))
}

/// A district's directives, most urgent first (as every report numbers them), each with its
/// responsible unit, teams and expected installs.
fn directive_blocks(
    district: &DistrictPlan,
    lang: Lang,
    number: impl Fn(usize) -> String,
) -> Vec<Block> {
    let items = content::directives(district, lang);
    if items.is_empty() {
        return vec![Block::Text(words::NO_DIRECTIVES.get(lang).to_string())];
    }
    items
        .into_iter()
        .enumerate()
        .map(|(i, item)| {
            let mut details = vec![format!("{}: {}", words::UNIT.get(lang), item.unit)];
            if let Some(teams) = item.teams {
                details.push(format!("{}: {teams}", words::TEAMS.get(lang)));
            }
            if let Some(gain) = item.gain {
                details.push(format!("{}: {gain}", words::EXPECTED.get(lang)));
            }
            Block::Numbered {
                number: number(i),
                text: sentence(&item.action),
                details,
            }
        })
        .collect()
}

/// The table of the situation in figures, as the seed letter's: each district's installs,
/// smartphones and rate, then the province's.
fn figures(plan: &Plan, lang: Lang, app: &str) -> Block {
    // the seed letter's "Huyện, thành phố"; where units are named as communes or wards ("Xã
    // 001"), their own words (trial 13 H12)
    let first = if below_districts(plan) {
        capitalize(&collective(plan, lang))
    } else {
        lang.pick("Huyện, thành phố", "District").to_string()
    };
    let header = vec![
        first,
        match lang {
            Lang::Vi => format!("Đã cài {app}"),
            Lang::En => format!("{app} installed"),
        },
        lang.pick("Tổng smartphone", "Smartphones").to_string(),
        lang.pick("Tỷ lệ đã cài", "Rate").to_string(),
    ];
    let row = |name: String, installed: u64, phones: u64, rate: f64| {
        vec![
            name,
            number::count(lang, installed as f64),
            number::count(lang, phones as f64),
            number::percent(lang, rate),
        ]
    };
    let rows = plan
        .districts
        .iter()
        .map(|d| {
            row(
                capitalize(&unit_name(d, lang)),
                d.installed,
                d.smartphones,
                d.rate,
            )
        })
        .collect();
    let p = &plan.province;
    Block::Figures {
        header,
        rows,
        total: row(
            TOTAL.get(lang).to_string(),
            p.installed,
            p.smartphones,
            p.rate,
        ),
    }
}

/// The actions every district of the plan has, word for word, in the order of the first
/// district's directives; none when the plan has one district (its letter says them all).
fn common_actions(plan: &Plan, lang: Lang) -> Vec<String> {
    let Some((first, rest)) = plan.districts.split_first() else {
        return Vec::new();
    };
    if rest.is_empty() {
        return Vec::new();
    }
    let mut actions: Vec<String> = Vec::new();
    for item in content::directives(first, lang) {
        let everywhere = rest.iter().all(|d| {
            d.directives
                .iter()
                .any(|x| x.action.get(lang) == item.action)
        });
        if everywhere && !actions.contains(&item.action) {
            actions.push(item.action);
        }
    }
    actions
}

/// The teams of each kind in a district, as [`words::team_list`] takes them.
fn teams_of(district: &DistrictPlan) -> Vec<(String, u32)> {
    district
        .allocation
        .iter()
        .map(|a| (a.kind.clone(), a.teams))
        .collect()
}

/// The province's teams, worded: commune teams are `tổ xã` where every district is a huyện, `tổ
/// xã, phường` where a city, a town or a quận has its wards' teams among them.
fn province_team_list(plan: &Plan, lang: Lang, totals: &[(String, u32)]) -> Option<String> {
    use crate::model::UnitType;
    let wards = plan
        .districts
        .iter()
        .any(|d| d.unit_type != UnitType::District && d.teams_of("commune") > 0);
    if !wards {
        return words::team_list(lang, totals);
    }
    let parts: Vec<String> = totals
        .iter()
        .filter(|(_, n)| *n > 0)
        .map(|(kind, n)| {
            let count = number::count(lang, f64::from(*n));
            match (kind.as_str(), lang) {
                ("commune", Lang::Vi) => format!("{count} tổ xã, phường"),
                ("commune", Lang::En) => {
                    format!(
                        "{count} commune and ward team{}",
                        if *n == 1 { "" } else { "s" }
                    )
                }
                _ => words::teams(lang, kind, *n),
            }
        })
        .collect();
    let sep = if parts.iter().any(|p| p.contains(',')) {
        "; "
    } else {
        ", "
    };
    (!parts.is_empty()).then(|| parts.join(sep))
}

/// The teams of each kind in the province, in the order of the plan's team kinds.
fn province_teams(plan: &Plan) -> Vec<(String, u32)> {
    plan.team_kinds
        .iter()
        .map(|k| {
            let n = plan
                .districts
                .iter()
                .map(|d| d.teams_of(&k.name))
                .fold(0u32, u32::saturating_add);
            (k.name.clone(), n)
        })
        .collect()
}

/// Whom the letter to `district` is sent to, by its unit type (`unit_type`, or what its name
/// says): `Chủ tịch UBND thành phố Lạng Sơn`.
fn addressee(district: &DistrictPlan, lang: Lang) -> String {
    addressee_as(&district.name, district.unit_type, lang)
}

/// The district as the letter names it: `huyện Hữu Lũng`, `thành phố Lạng Sơn` (in English:
/// `Hữu Lũng district`), from the words that address its chairman.
fn unit_name(district: &DistrictPlan, lang: Lang) -> String {
    unit_name_as(&district.name, district.unit_type, lang)
}

/// [`unit_name`] of the district `name` of type `unit`.
fn unit_name_as(name: &str, unit: crate::model::UnitType, lang: Lang) -> String {
    let full = addressee_as(name, unit, lang);
    let prefix = lang.pick("Chủ tịch UBND ", "the Chair of the People's Committee of ");
    full.strip_prefix(prefix).unwrap_or(&full).to_string()
}

/// The kinds of unit of the plan's districts together, as the seed letter writes them:
/// `huyện, thành phố` (in English `districts`).
fn collective(plan: &Plan, lang: Lang) -> String {
    if lang == Lang::En {
        // "the districts and city", as the Vietnamese says "các huyện, thành phố" (user14 U9)
        let count = |kind: &str| {
            plan.districts
                .iter()
                .filter(|d| {
                    unit_name(d, Lang::Vi)
                        .strip_prefix(kind)
                        .is_some_and(|rest| rest.starts_with(' '))
                })
                .count()
        };
        let words: Vec<String> = [
            ("huyện", "district", "districts"),
            ("quận", "urban district", "urban districts"),
            ("thị xã", "town", "towns"),
            ("thành phố", "city", "cities"),
            ("xã", "commune", "communes"),
            ("phường", "ward", "wards"),
            ("thị trấn", "township", "townships"),
        ]
        .into_iter()
        .filter_map(|(kind, one, many)| match count(kind) {
            0 => None,
            1 => Some(one.to_string()),
            _ => Some(many.to_string()),
        })
        .collect();
        if words.is_empty() || words == ["district"] {
            return "districts".to_string();
        }
        return words::and_list(lang, &words);
    }
    // units named as communes, wards or townships ("Xã 001": trial 13 H12) by their own words
    let kinds: Vec<&str> = ["huyện", "quận", "thị xã", "thành phố"]
        .into_iter()
        .chain(crate::model::CommuneLevel::ALL.map(|l| l.vi()))
        .filter(|kind| {
            plan.districts.iter().any(|d| {
                unit_name(d, lang)
                    .strip_prefix(kind)
                    .is_some_and(|rest| rest.starts_with(' '))
            })
        })
        .collect();
    if kinds.is_empty() {
        "huyện".to_string()
    } else {
        kinds.join(", ")
    }
}

/// Whether a unit of the plan is named as a commune, a ward or a township ("Xã 001", as
/// `campaign generate` names communes): the letter then names the units by their words.
fn below_districts(plan: &Plan) -> bool {
    plan.districts
        .iter()
        .any(|d| crate::model::CommuneLevel::split_name(&d.name).is_some())
}

/// A sentence ends with a full stop (the rules write actions without one).
fn sentence(text: &str) -> String {
    let text = text.trim_end();
    if text.ends_with(['.', '!', '?', ':', ';']) {
        text.to_string()
    } else {
        format!("{text}.")
    }
}

/// "Nơi nhận" as the decree's form has it: first "Như trên" (the addressees of "Kính gửi"), then
/// the lines written, last the office's file copy "Lưu: VT" (the registry, văn thư); either
/// is added where `written` lacks it, so that `copies_to = []` still has both.
fn copies_to(written: &[String], lang: Lang) -> Vec<String> {
    let starts =
        |line: &String, word: &str| crate::text::fold(line).starts_with(&crate::text::fold(word));
    let mut lines = Vec::with_capacity(written.len() + 2);
    if !written
        .iter()
        .any(|l| starts(l, "Như trên") || starts(l, "As above"))
    {
        lines.push(lang.pick("Như trên", "As above").to_string());
    }
    lines.extend(written.iter().cloned());
    if !written
        .iter()
        .any(|l| starts(l, "Lưu") || starts(l, "File:"))
    {
        lines.push(lang.pick("Lưu: VT", "File: VT").to_string());
    }
    lines
}

/// A recipient as the body names it, without the punctuation a list line ends with.
fn bare(line: &str) -> &str {
    line.trim_end_matches([';', '.', ',']).trim_end()
}

/// Lines of a list as the decree punctuates them: each ends with `;`, the last with `.`.
fn punctuated(lines: &[String]) -> Vec<String> {
    let last = lines.len().saturating_sub(1);
    lines
        .iter()
        .enumerate()
        .map(|(i, line)| {
            let bare = line.trim_end_matches([';', '.', ',']).trim_end();
            format!("{bare}{}", if i == last { "." } else { ";" })
        })
        .collect()
}

/// In capitals, as the heading prints bodies and titles (`Sở Thông tin và Truyền thông` is
/// `SỞ THÔNG TIN VÀ TRUYỀN THÔNG`).
fn upper(text: &str) -> String {
    text.to_uppercase()
}

/// `ngày 01 tháng 9 năm 2020`: the day below 10 and the months 1 and 2 with a leading zero,
/// as the decree writes them; `1 September 2020` in English.
fn long_date(date: LetterDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!(
            "ngày {:02} tháng {} năm {}",
            date.day,
            month(date.month),
            date.year
        ),
        Lang::En => format!("{} {} {}", date.day, month_en(date.month), date.year),
    }
}

/// `01/9/2020`, as the seed letter writes the date of its figures; `1 September 2020`.
fn short_date(date: LetterDate, lang: Lang) -> String {
    match lang {
        Lang::Vi => format!("{:02}/{}/{}", date.day, month(date.month), date.year),
        Lang::En => long_date(date, lang),
    }
}

/// The month as the decree writes it: `01`, `02`, then `3` to `12`.
fn month(m: u8) -> String {
    if m <= 2 {
        format!("{m:02}")
    } else {
        m.to_string()
    }
}

fn month_en(m: u8) -> &'static str {
    const NAMES: [&str; 12] = [
        "January",
        "February",
        "March",
        "April",
        "May",
        "June",
        "July",
        "August",
        "September",
        "October",
        "November",
        "December",
    ];
    NAMES
        .get(usize::from(m).wrapping_sub(1))
        .copied()
        .unwrap_or("")
}

/// The plan's `as_of` (`2020-09-01`) as a date.
fn iso_date(text: &str) -> Option<LetterDate> {
    let mut parts = text.splitn(3, '-');
    Some(LetterDate {
        year: parts.next()?.parse().ok()?,
        month: parts.next()?.parse().ok()?,
        day: parts.next()?.parse().ok()?,
    })
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn dates_are_written_as_the_decree_asks() {
        let d = |year, month, day| LetterDate { year, month, day };
        assert_eq!(
            long_date(d(2020, 9, 1), Lang::Vi),
            "ngày 01 tháng 9 năm 2020"
        );
        assert_eq!(
            long_date(d(2021, 2, 15), Lang::Vi),
            "ngày 15 tháng 02 năm 2021"
        );
        assert_eq!(
            long_date(d(2020, 12, 31), Lang::Vi),
            "ngày 31 tháng 12 năm 2020"
        );
        assert_eq!(short_date(d(2020, 9, 1), Lang::Vi), "01/9/2020");
        assert_eq!(long_date(d(2020, 9, 1), Lang::En), "1 September 2020");
    }

    #[test]
    fn lists_end_with_a_full_stop_and_items_with_a_semicolon() {
        let lines = [
            "Như trên".to_string(),
            "UBND tỉnh (BC);".into(),
            "Lưu: VT, TTBCXB.".into(),
        ];
        assert_eq!(
            punctuated(&lines),
            ["Như trên;", "UBND tỉnh (BC);", "Lưu: VT, TTBCXB."]
        );
    }

    #[test]
    fn the_copies_always_have_as_above_first_and_the_file_copy_last() {
        let lines = |v: &[&str]| v.iter().map(|s| s.to_string()).collect::<Vec<_>>();
        assert_eq!(
            punctuated(&copies_to(&[], Lang::Vi)),
            ["Như trên;", "Lưu: VT."]
        );
        assert_eq!(
            punctuated(&copies_to(&lines(&["UBND tỉnh (BC)"]), Lang::Vi)),
            ["Như trên;", "UBND tỉnh (BC);", "Lưu: VT."]
        );
        // the seed letter's own lines are kept as written
        let seed = lines(&["Như trên", "Lãnh đạo Sở", "Lưu: VT, TTBCXB (Loan)"]);
        assert_eq!(copies_to(&seed, Lang::Vi), seed);
    }

    #[test]
    fn annex_items_are_lettered() {
        assert_eq!(letter_item(0), "a)");
        assert_eq!(letter_item(25), "z)");
        assert_eq!(letter_item(26), "aa)");
    }

    #[test]
    fn units_are_named_by_their_kind() {
        assert_eq!(
            unit_name_as(
                "Hữu Lũng",
                crate::model::UnitType::of_name("Hữu Lũng"),
                Lang::Vi
            ),
            "huyện Hữu Lũng"
        );
        assert_eq!(
            unit_name_as(
                "Thành phố Lạng Sơn",
                crate::model::UnitType::of_name("Thành phố Lạng Sơn"),
                Lang::Vi
            ),
            "thành phố Lạng Sơn"
        );
        assert_eq!(
            upper("Sở Thông tin và Truyền thông"),
            "SỞ THÔNG TIN VÀ TRUYỀN THÔNG"
        );
    }
}
