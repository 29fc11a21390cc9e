//! The official letter (issue 14 item 3, docs/printing.md § "The official letter"):
//! `campaign plan --format docx` opened as Word opens it (a zip of XML parts) and read back,
//! `--format letter-html`, the placeholders and the notice that names them, the two modes,
//! and the same bytes on every run.

use std::io::Read;
use std::path::Path;

use crate::support::{EXIT_BAD_INPUT, SHIPPED, Test};
use serde_json::Value;

/// The shipped scenario with the seed letter's particulars in `[letter]`.
pub const WITH_LETTER: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scenarios/lang-son-2020-09-01-letter.toml"
);

/// The parts of a Word file: name and bytes, in the archive's order.
pub struct Docx {
    pub parts: Vec<(String, Vec<u8>)>,
}

impl Docx {
    pub fn read(path: &Path) -> Docx {
        let file = std::fs::File::open(path).unwrap();
        let mut archive = zip::ZipArchive::new(file)
            .unwrap_or_else(|e| panic!("{}: not a zip: {e}", path.display()));
        let mut parts = Vec::new();
        for i in 0..archive.len() {
            let mut entry = archive.by_index(i).unwrap();
            // every entry dated the zip format's first day, never the clock
            let when = entry.last_modified().expect("a date");
            assert_eq!(
                (
                    when.year(),
                    when.month(),
                    when.day(),
                    when.hour(),
                    when.minute()
                ),
                (1980, 1, 1, 0, 0),
                "{} is dated {when:?}",
                entry.name().unwrap()
            );
            let name = entry.name().unwrap().to_string();
            let mut bytes = Vec::new();
            entry.read_to_end(&mut bytes).unwrap();
            parts.push((name, bytes));
        }
        Docx { parts }
    }

    pub fn part(&self, name: &str) -> String {
        let (_, bytes) = self
            .parts
            .iter()
            .find(|(n, _)| n == name)
            .unwrap_or_else(|| panic!("no part {name}"));
        String::from_utf8(bytes.clone()).expect("UTF-8 XML")
    }

    /// The text of `word/document.xml`: the runs' texts joined, paragraphs on lines.
    pub fn text(&self) -> String {
        let xml = self.part("word/document.xml");
        let mut out = String::new();
        let mut rest = xml.as_str();
        while let Some(start) = rest.find('<') {
            let end = rest[start..]
                .find('>')
                .map_or(rest.len(), |e| start + e + 1);
            let tag = &rest[start..end];
            if tag.starts_with("<w:t ") || tag == "<w:t>" {
                let close = rest[end..].find("</w:t>").unwrap() + end;
                out.push_str(&unescape(&rest[end..close]));
                rest = &rest[close..];
                continue;
            }
            if tag == "</w:p>" {
                out.push('\n');
            }
            rest = &rest[end..];
        }
        out
    }
}

fn unescape(text: &str) -> String {
    text.replace("&lt;", "<")
        .replace("&gt;", ">")
        .replace("&quot;", "\"")
        .replace("&apos;", "'")
        .replace("&#39;", "'")
        .replace("&amp;", "&")
}

/// `campaign plan SCENARIO ARGS --format docx --out letter.docx`: the file, what the command
/// said on stderr, and the plan as JSON.
pub fn docx(scenario: &str, args: &[&str]) -> (tempfile::TempDir, Docx, String, Value) {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("cong-van.docx");
    let out = Test::plan(scenario)
        .args(args)
        .format("docx")
        .out(&path)
        .run()
        .code(0);
    assert_eq!(out.stdout, "", "a Word file goes to --out only");
    let plan = Test::plan(scenario)
        .args(args)
        .format("json")
        .run()
        .code(0)
        .json();
    let docx = Docx::read(&path);
    (dir, docx, out.stderr, plan)
}

/// The plan's directives, district by district, in `key` (`action` or `action_en`).
pub fn actions<'a>(plan: &'a Value, key: &str) -> Vec<(&'a str, Vec<&'a str>)> {
    plan["districts"]
        .as_array()
        .unwrap()
        .iter()
        .map(|d| {
            let list = d["directives"]
                .as_array()
                .unwrap()
                .iter()
                .map(|x| x[key].as_str().unwrap())
                .collect();
            (d["name"].as_str().unwrap(), list)
        })
        .collect()
}

#[test]
fn the_word_letter_has_the_decrees_heading_number_subject_and_signer() {
    let (_dir, docx, stderr, _) = docx(WITH_LETTER, &[]);
    assert_eq!(stderr, "", "every particular is given: no notice");
    let text = docx.text();
    for line in [
        "UBND TỈNH LẠNG SƠN\n",
        "SỞ THÔNG TIN VÀ TRUYỀN THÔNG\n",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM\n",
        "Độc lập - Tự do - Hạnh phúc\n",
        "Số: 1635/STTTT-TTBCXB\n",
        "Lạng Sơn, ngày 01 tháng 9 năm 2020\n",
        "V/v tiếp tục tăng cường triển khai cài đặt ứng dụng Bluezone\n",
        "Kính gửi: Chủ tịch UBND các huyện, thành phố.\n",
        "Tính đến ngày 01/9/2020, toàn tỉnh đã có 151.916/519.820 smartphone cài đặt ứng dụng Bluezone (29,22%), cụ thể như sau:\n",
        "Sở Thông tin và Truyền thông đề nghị Chủ tịch UBND các huyện, thành phố:\n",
        "Trân trọng đề nghị lãnh đạo UBND các huyện, thành phố quan tâm chỉ đạo thực hiện./.\n",
        "Nơi nhận:\n- Như trên;\n- UBND tỉnh (BC);\n- Lãnh đạo Sở;\n- Phòng TTBCXB, VP;\n- Trung tâm CNTT&TT (đăng tải);\n- Lưu: VT, TTBCXB (Loan).\n",
        "KT. GIÁM ĐỐC\nPHÓ GIÁM ĐỐC\n",
        "Lê Hải Yến\n",
        "PHỤ LỤC\nNHIỆM VỤ VÀ LỰC LƯỢNG CỦA TỪNG HUYỆN, THÀNH PHỐ\n(Kèm theo Công văn số 1635/STTTT-TTBCXB ngày 01/9/2020 của Sở Thông tin và Truyền thông)\n",
        // the seed letter's table: a row per district, then the total
        "Huyện Hữu Lũng\n18.019\n78.399\n22,98%\n",
        "Thành phố Lạng Sơn\n39.911\n96.818\n41,22%\n",
        "TỔNG\n151.916\n519.820\n29,22%\n",
    ] {
        assert!(text.contains(line), "the letter lacks «{line}»:\n{text}");
    }
    // the heading comes first, the national heading beside the issuing body, then số
    let at = |s: &str| text.find(s).unwrap();
    assert!(at("SỞ THÔNG TIN") < at("CỘNG HÒA") && at("CỘNG HÒA") < at("Số: 1635"));
    assert!(
        at("Lê Hải Yến") < at("PHỤ LỤC"),
        "the annex follows the signature"
    );
    // the motto is underlined, the place and date in italics, "Nơi nhận" bold italic
    let xml = docx.part("word/document.xml");
    let run_of = |text: &str| {
        let end = xml.find(&format!(">{text}</w:t>")).unwrap();
        let start = xml[..end].rfind("<w:r>").unwrap();
        xml[start..end].to_string()
    };
    assert!(run_of("Độc lập - Tự do - Hạnh phúc").contains("<w:u w:val=\"single\""));
    assert!(run_of("Lạng Sơn, ngày 01 tháng 9 năm 2020").contains("<w:i />"));
    let copies = run_of("Nơi nhận:");
    assert!(
        copies.contains("<w:b />") && copies.contains("<w:i />"),
        "{copies}"
    );
}

#[test]
fn the_annex_holds_every_districts_directives_word_for_word_in_the_plans_order() {
    let (_dir, docx, _, plan) = docx(WITH_LETTER, &[]);
    let text = docx.text();
    let annex = &text[text.find("PHỤ LỤC").unwrap()..];
    let mut from = 0;
    for (i, (name, actions)) in actions(&plan, "action").into_iter().enumerate() {
        let heading = if name.starts_with("Thành phố") {
            format!("{}. {name}\n", i + 1)
        } else {
            format!("{}. Huyện {name}\n", i + 1)
        };
        let start = annex[from..]
            .find(&heading)
            .unwrap_or_else(|| panic!("no section «{heading}» after the one before"))
            + from;
        let end = annex[start + 1..]
            .find(&format!("\n{}. ", i + 2))
            .map_or(annex.len(), |e| start + 1 + e);
        let section = &annex[start..end];
        assert!(!actions.is_empty());
        for action in &actions {
            assert!(
                section.contains(action),
                "{name}: lacks «{action}»:\n{section}"
            );
        }
        from = start + 1;
    }
    // teams are named in each section
    assert!(annex.contains("Lực lượng: 24 tổ xã"), "{annex}");
}

#[test]
fn the_page_is_a4_with_the_decrees_margins_in_times_new_roman() {
    let (_dir, docx, _, _) = docx(WITH_LETTER, &[]);
    let xml = docx.part("word/document.xml");
    assert!(xml.contains("<w:pgSz w:w=\"11906\" w:h=\"16838\""), "A4");
    let margins = &xml[xml.rfind("<w:pgMar ").unwrap()..];
    let twips = |key: &str| -> f64 {
        let at = margins.find(&format!("w:{key}=\"")).unwrap() + key.len() + 4;
        let value: String = margins[at..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect();
        value.parse::<f64>().unwrap() * 25.4 / 1440.0
    };
    // Nghị định 30/2020/NĐ-CP, Phụ lục I: top and bottom 20-25 mm, left 30-35, right 15-20
    for (key, range) in [
        ("top", 20.0..=25.0),
        ("bottom", 20.0..=25.0),
        ("left", 30.0..=35.0),
        ("right", 15.0..=20.0),
    ] {
        let mm = twips(key);
        assert!(range.contains(&(mm.round())), "{key} margin {mm} mm");
    }
    let styles = docx.part("word/styles.xml");
    assert!(
        styles.contains("w:ascii=\"Times New Roman\"")
            && styles.contains("w:hAnsi=\"Times New Roman\""),
        "{styles}"
    );
    // body 13 pt, the heading's lines 12 to 14 pt: no other size
    for size in xml.match_indices("<w:sz w:val=\"").map(|(i, _)| {
        xml[i + 13..]
            .chars()
            .take_while(|c| c.is_ascii_digit())
            .collect::<String>()
    }) {
        let half_points: u32 = size.parse().unwrap();
        assert!(
            half_points == 4 || (22..=28).contains(&half_points),
            "a run of {half_points} half-points"
        );
    }
    // page numbers at the top from page 2: a first-page header without one
    assert!(
        xml.contains("<w:titlePg"),
        "the first page has its own (empty) header"
    );
    let headers: Vec<String> = docx
        .parts
        .iter()
        .filter(|(n, _)| n.starts_with("word/header"))
        .map(|(n, _)| docx.part(n))
        .collect();
    assert!(headers.iter().any(|h| h.contains("PAGE")), "no page number");
}

#[test]
fn the_same_plan_gives_the_same_word_file_byte_for_byte() {
    let dir = tempfile::tempdir().unwrap();
    let write = |name: &str, args: &[&str]| {
        let path = dir.path().join(name);
        Test::plan(WITH_LETTER)
            .args(args)
            .format("docx")
            .out(&path)
            .run()
            .code(0);
        std::fs::read(path).unwrap()
    };
    let first = write("a.docx", &[]);
    // another letter in between: the writer's counters must not carry over
    let other = write("b.docx", &["--set", "target.provincial_rate=0.5"]);
    let again = write("c.docx", &[]);
    assert!(first == again, "two runs wrote different bytes");
    assert!(first != other, "a different plan wrote the same file");
    // the document's own dates are the data's, not the clock's
    let docx = Docx::read(&dir.path().join("a.docx"));
    let core = docx.part("docProps/core.xml");
    assert_eq!(
        core.matches("2020-09-01T00:00:00Z").count(),
        2,
        "created and modified are as_of:\n{core}"
    );
    // and the binary matches what the library writes for the same plan in this process
    let again = write("d.docx", &[]);
    assert!(first == again);
}

#[test]
fn without_a_letter_table_the_particulars_are_visible_placeholders_and_the_command_says_so() {
    let (_dir, docx, stderr, _) = docx(SHIPPED, &[]);
    let text = docx.text();
    for placeholder in [
        "[CƠ QUAN CHỦ QUẢN]",
        "[TÊN CƠ QUAN BAN HÀNH]",
        "Số: [Số văn bản]/[Ký hiệu]",
        "[Địa danh], ngày … tháng … năm ……",
        "V/v [Trích yếu nội dung công văn]",
        "[CHỨC VỤ NGƯỜI KÝ]",
        "[Họ và tên người ký]",
        "- Như trên;\n- Lưu: VT.",
    ] {
        assert!(text.contains(placeholder), "no «{placeholder}»:\n{text}");
    }
    // user14 U4: the app has one name in the whole letter, Bluezone unless `[letter] app` says
    // another (was "[tên ứng dụng]" in the figures beside "Bluezone" in the directives)
    assert!(!text.contains("[tên ứng dụng]"), "{text}");
    assert!(text.contains("cài đặt ứng dụng Bluezone"), "{text}");
    assert!(
        stderr.starts_with("lưu ý: công văn còn 9 chỗ in tạm trong ngoặc vuông"),
        "{stderr}"
    );
    assert!(stderr.contains("letter.number, letter.symbol"), "{stderr}");
    assert!(stderr.contains("bảng [letter] của kịch bản"), "{stderr}");

    let dir = tempfile::tempdir().unwrap();
    let out = Test::shipped()
        .format("docx")
        .lang("en")
        .out(dir.path().join("letter.docx"))
        .run()
        .code(0);
    assert!(
        out.stderr
            .starts_with("note: the letter still has 9 placeholder(s)"),
        "{}",
        out.stderr
    );
    assert!(out.stderr.contains("letter.signer"), "{}", out.stderr);
    let text = Docx::read(&dir.path().join("letter.docx")).text();
    assert!(text.contains("SOCIALIST REPUBLIC OF VIETNAM\nIndependence - Freedom - Happiness\n"));
    assert!(text.contains("No.: [Number]/[Symbol]"), "{text}");
}

#[test]
fn one_letter_per_district_goes_to_each_chairman_with_its_own_directives() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("per-district.toml");
    let text = std::fs::read_to_string(WITH_LETTER)
        .unwrap()
        .replace(
            "base = \"lang-son-2020-09-01.toml\"",
            &format!("base = \"{}\"", SHIPPED),
        )
        .replace("mode = \"annex\"", "mode = \"per-district\"");
    std::fs::write(&scenario, text).unwrap();
    let scenario = scenario.to_str().unwrap();
    let (_dir, docx, stderr, plan) = docx(scenario, &[]);
    assert_eq!(stderr, "");
    let text = docx.text();
    let districts = actions(&plan, "action");
    assert_eq!(
        text.matches("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM").count(),
        districts.len()
    );
    assert!(
        !text.contains("PHỤ LỤC"),
        "no annex: each letter says it all"
    );
    let letters: Vec<&str> = text.split("UBND TỈNH LẠNG SƠN\n").skip(1).collect();
    assert_eq!(letters.len(), districts.len());
    for (letter, (name, actions)) in letters.iter().zip(districts.clone()) {
        let to = match name.strip_prefix("Thành phố") {
            Some(rest) => format!("Kính gửi: Chủ tịch UBND thành phố{rest}."),
            None => format!("Kính gửi: Chủ tịch UBND huyện {name}."),
        };
        assert!(letter.contains(&to), "no «{to}»:\n{letter}");
        for action in &actions {
            assert!(letter.contains(action), "{name}: lacks «{action}»");
        }
        assert!(letter.contains("Lê Hải Yến"), "{name}: unsigned");
    }
    // each letter's pages are numbered from 1 again
    let xml = docx.part("word/document.xml");
    assert_eq!(
        xml.matches("<w:pgNumType w:start=\"1\"").count(),
        districts.len()
    );
}

#[test]
fn the_letter_prints_from_the_browser_with_the_same_words() {
    let (_dir, docx, _, plan) = docx(WITH_LETTER, &[]);
    let out = Test::plan(WITH_LETTER).format("letter-html").run().code(0);
    assert_eq!(out.stderr, "");
    let html = out.stdout;
    assert!(html.starts_with("<!DOCTYPE html>"));
    assert!(html.contains("@page { size: A4; margin: 20mm 15mm 20mm 30mm; }"));
    for line in docx.text().lines().filter(|l| !l.is_empty()) {
        let escaped = campaign_planner::report::html::escape(line.trim_start_matches("- "));
        assert!(html.contains(&escaped), "the HTML lacks «{line}»");
    }
    for (_, actions) in actions(&plan, "action") {
        for action in actions {
            assert!(html.contains(&campaign_planner::report::html::escape(action)));
        }
    }
}

#[test]
fn the_letter_is_for_plan_only_and_the_word_file_needs_out() {
    let out = Test::shipped().format("docx").run().bad_input();
    assert!(out.stderr.contains("--out"), "{}", out.stderr);
    let out = Test::new()
        .args(["compare", SHIPPED, SHIPPED, "--format", "docx"])
        .run()
        .code(EXIT_BAD_INPUT);
    assert!(out.stderr.contains("docx"), "{}", out.stderr);
}

#[test]
fn markup_in_the_particulars_is_text_in_the_word_file() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("markup.toml");
    std::fs::write(
        &scenario,
        format!(
            "base = \"{SHIPPED}\"\n\n[letter]\nissuer = \"Sở <TT> & \\\"TT\\\"\"\nsigner = \"A]]></w:t><w:t>B\"\n"
        ),
    )
    .unwrap();
    let (_dir, docx, _, _) = docx(scenario.to_str().unwrap(), &[]);
    let text = docx.text();
    assert!(text.contains("SỞ <TT> & \"TT\"\n"), "{text}");
    assert!(text.contains("Sở <TT> & \"TT\" đề nghị"), "{text}");
    assert!(text.contains("A]]></w:t><w:t>B\n"), "{text}");
    assert!(!docx.part("word/document.xml").contains("<w:t>B"));
}

/// The seed letter's scenario as an overlay in `dir` with `extra` lines after its `base`.
fn letter_overlay(dir: &Path, name: &str, extra: &str) -> String {
    let path = dir.join(name);
    let text = std::fs::read_to_string(WITH_LETTER).unwrap().replace(
        "base = \"lang-son-2020-09-01.toml\"",
        &format!("base = \"{}\"\n{extra}", SHIPPED),
    );
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

#[test]
fn a_letter_from_unchecked_assumptions_is_marked_draft_and_the_command_warns() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = letter_overlay(dir.path(), "tam.toml", "assumptions_checked = false");
    // the Word file: the draft mark is its first line, the notice under it, in red
    let path = dir.path().join("cong-van.docx");
    let out = Test::plan(&scenario)
        .format("docx")
        .out(&path)
        .run()
        .code(0);
    let docx = Docx::read(&path);
    let text = docx.text();
    assert!(
        text.starts_with("DỰ THẢO — KHÔNG TRÌNH KÝ: số liệu chưa dùng được\nCác giả định của kế hoạch (năng suất và chi phí của các tổ, đội"),
        "{text}"
    );
    // user14 U7: plain words on the letterhead, the scenario's keys on the terminal only
    for code in ["assumptions_checked", "`", "campaign import", "commune"] {
        assert!(!text.contains(code), "«{code}» in the letter: {text}");
    }
    assert!(docx.part("word/document.xml").contains("C00000"));
    // and the official who runs the command is told, with what to do
    assert!(
        out.stderr.starts_with(
            "cảnh báo: công văn được ghi là DỰ THẢO (dòng đầu tiên của văn bản), không để trình ký:\n  - Các giả định của kịch bản là giá trị tạm"
        ),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("gợi ý: sửa kịch bản như các dòng trên nói rồi lập lại công văn"),
        "{}",
        out.stderr
    );
    // the printable letter, in English
    let out = Test::plan(&scenario)
        .format("letter-html")
        .lang("en")
        .run()
        .code(0);
    let mark = "<div class=\"draft\"><p class=\"draft-mark\">DRAFT — NOT FOR SIGNATURE: the figures cannot be used yet</p><p>The plan&#39;s assumptions (the teams&#39; productivity";
    let at = out
        .stdout
        .find(mark)
        .unwrap_or_else(|| panic!("{}", out.stdout));
    assert!(
        at < out.stdout.find("SOCIALIST REPUBLIC").unwrap(),
        "the mark comes first"
    );
    assert!(
        out.stderr.starts_with("warning: the letter is marked DRAFT (its first line), not to be signed:\n  - The scenario's assumptions are the placeholders"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr
            .contains("hint: correct the scenario as the lines above say"),
        "{}",
        out.stderr
    );
    // the checked scenario's letter carries no mark and the command says nothing
    let out = Test::plan(WITH_LETTER).format("letter-html").run().plan();
    assert!(!out.stdout.contains("class=\"draft\""));
}

#[test]
fn a_letter_with_every_team_at_zero_is_a_draft_that_says_so() {
    let mut test = Test::plan(WITH_LETTER).format("letter-html");
    for name in [
        "Thành phố Lạng Sơn",
        "Hữu Lũng",
        "Cao Lộc",
        "Lộc Bình",
        "Tràng Định",
        "Chi Lăng",
        "Bắc Sơn",
        "Văn Lãng",
        "Văn Quan",
        "Bình Gia",
        "Đình Lập",
    ] {
        test = test.args([
            "--set".to_string(),
            format!("district.{name}.teams.commune=0"),
        ]);
    }
    let out = test.run().code(0);
    assert!(
        out.stdout
            .contains("<p>Chưa có tổ, đội tại chỗ: chưa huyện nào có tổ xã"),
        "{}",
        out.stdout
    );
    assert!(
        out.stderr.contains("  - Chưa có tổ, đội tại chỗ"),
        "{}",
        out.stderr
    );
}

#[test]
fn an_infeasible_plans_letter_says_it_cannot_be_met_and_why() {
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("inf.docx");
    let sets = [
        "--set",
        "objective=min-cost",
        "--set",
        "target.provincial_rate=0.9",
    ];
    let out = Test::plan(WITH_LETTER)
        .args(sets)
        .format("docx")
        .out(&path)
        .run()
        .code(2);
    let text = Docx::read(&path).text();
    let why = "Kế hoạch KHÔNG KHẢ THI: không phương án nào đáp ứng được kịch bản, nên các con số dưới đây không đạt điều kiện đã đặt ra. Toàn tỉnh không thể đạt 90%";
    assert!(text.starts_with("DỰ THẢO — KHÔNG TRÌNH KÝ"), "{text}");
    assert!(text.contains(why), "{text}");
    assert!(out.stderr.contains(&format!("  - {why}")), "{}", out.stderr);
    let out = Test::plan(WITH_LETTER)
        .args(sets)
        .format("letter-html")
        .lang("en")
        .run()
        .code(2);
    let why = "The plan is NOT FEASIBLE: no plan meets the scenario, so the figures below do not meet the conditions it sets. The province cannot reach 90%";
    assert!(out.stdout.contains(why), "{}", out.stdout);
    assert!(out.stderr.contains(&format!("  - {why}")), "{}", out.stderr);
}

#[test]
fn punctuation_typed_at_the_edge_of_a_particular_is_not_printed_twice() {
    // trial 14 item 18: "V/v : tiếp tục", "Lạng Sơn,, ngày", "Số: 1635/STTTT-TTBCXB/"
    let dir = tempfile::tempdir().unwrap();
    let path = dir.path().join("dau.toml");
    let text = std::fs::read_to_string(WITH_LETTER)
        .unwrap()
        .replace(
            "base = \"lang-son-2020-09-01.toml\"",
            &format!("base = \"{}\"", SHIPPED),
        )
        .replace("symbol = \"STTTT-TTBCXB\"", "symbol = \"/STTTT-TTBCXB/\"")
        .replace("place = \"Lạng Sơn\"", "place = \"Lạng Sơn,\"")
        .replace("subject = \"tiếp tục", "subject = \"v/v: tiếp tục");
    std::fs::write(&path, text).unwrap();
    for (lang, number, place, subject) in [
        (
            "vi",
            "Số: 1635/STTTT-TTBCXB\n",
            "Lạng Sơn, ngày 01 tháng 9 năm 2020",
            "V/v tiếp tục tăng cường",
        ),
        (
            "en",
            "No.: 1635/STTTT-TTBCXB\n",
            "Lạng Sơn, ",
            "Re: tiếp tục tăng cường",
        ),
    ] {
        let out = Test::plan(&path)
            .format("letter-html")
            .lang(lang)
            .run()
            .code(0);
        let html = out.stdout.replace("</p>", "\n");
        assert!(html.contains(number), "{lang}: {html}");
        assert!(
            html.contains(place) && !html.contains(",,"),
            "{lang}: {html}"
        );
        assert!(html.contains(subject), "{lang}: {html}");
    }
}

/// The seed letter's scenario in `dir` with each `(from, to)` of `edits` replaced once.
fn edited_letter(dir: &Path, name: &str, edits: &[(&str, &str)]) -> String {
    let mut text = std::fs::read_to_string(WITH_LETTER).unwrap().replace(
        "base = \"lang-son-2020-09-01.toml\"",
        &format!("base = \"{}\"", SHIPPED),
    );
    for (from, to) in edits {
        assert!(text.contains(from), "the letter scenario has no «{from}»");
        text = text.replacen(from, to, 1);
    }
    let path = dir.join(name);
    std::fs::write(&path, text).unwrap();
    path.to_str().unwrap().to_string()
}

/// The letter as `--format letter-html` prints it, one line per paragraph, and its stderr.
fn letter_lines(scenario: &str, lang: &str) -> (String, String) {
    let out = Test::plan(scenario)
        .format("letter-html")
        .lang(lang)
        .run()
        .code(0);
    (out.stdout.replace("</p>", "\n"), out.stderr)
}

/// Every "Số: ..." line of the letter, in order.
fn numbers(html: &str) -> Vec<String> {
    html.split("Số: ")
        .skip(1)
        .map(|rest| rest.split('\n').next().unwrap().to_string())
        .collect()
}

#[test]
fn a_number_written_with_its_symbol_is_printed_with_the_symbol_once() {
    // letter trial item 3: number = "1635/STTTT" printed "1635/STTTT/STTTT-TTBCXB"
    let dir = tempfile::tempdir().unwrap();
    for (i, edits) in [
        vec![("number = 1635", "number = \"1635/STTTT-TTBCXB\"")],
        vec![("number = 1635", "number = \"1635/STTTT\"")],
        vec![("number = 1635", "number = \"1635 / stttt-ttbcxb\"")],
        vec![
            ("number = 1635", "number = \"1635/STTTT-TTBCXB\""),
            ("symbol = \"STTTT-TTBCXB\"", ""),
        ],
    ]
    .iter()
    .enumerate()
    {
        let scenario = edited_letter(dir.path(), &format!("n{i}.toml"), edits);
        let (html, _) = letter_lines(&scenario, "vi");
        assert_eq!(numbers(&html), ["1635/STTTT-TTBCXB"], "{edits:?}");
        assert!(
            html.contains("(Kèm theo Công văn số 1635/STTTT-TTBCXB ngày 01/9/2020"),
            "{edits:?}: the annex cites another number"
        );
    }
}

#[test]
fn letters_sent_one_per_district_each_have_their_own_number() {
    // letter trial item 1: eleven letters all "Số: 1635/STTTT-TTBCXB"
    let dir = tempfile::tempdir().unwrap();
    let per_district = [("mode = \"annex\"", "mode = \"per-district\"")];
    let scenario = edited_letter(dir.path(), "p.toml", &per_district);
    let (html, _) = letter_lines(&scenario, "vi");
    let expected: Vec<String> = (1635..1646).map(|n| format!("{n}/STTTT-TTBCXB")).collect();
    assert_eq!(numbers(&html), expected);
    // a number below 10 keeps its two digits; each letter still goes to its own district
    let scenario = edited_letter(
        dir.path(),
        "p5.toml",
        &[per_district[0], ("number = 1635", "number = 5")],
    );
    let (html, _) = letter_lines(&scenario, "vi");
    let numbers = numbers(&html);
    assert_eq!(numbers[0], "05/STTTT-TTBCXB");
    assert_eq!(numbers[4], "09/STTTT-TTBCXB");
    assert_eq!(numbers[10], "15/STTTT-TTBCXB");
    let first = html.split("Số: 06/").nth(1).unwrap();
    assert!(
        first
            .split("Số: 07/")
            .next()
            .unwrap()
            .contains("Kính gửi: Chủ tịch UBND huyện Hữu Lũng."),
        "the second letter is not Hữu Lũng's"
    );
}

#[test]
fn an_empty_copies_list_still_has_as_above_and_the_file_copy() {
    // letter trial item 1: copies_to = [] printed "Nơi nhận:" over nothing
    let dir = tempfile::tempdir().unwrap();
    let text = std::fs::read_to_string(WITH_LETTER).unwrap();
    let start = text.find("copies_to = [").unwrap();
    let end = start + text[start..].find(']').unwrap() + 1;
    let copies = &text[start..end];
    for (written, lines) in [
        ("copies_to = []", vec!["- Như trên;", "- Lưu: VT."]),
        (
            "copies_to = [\"UBND tỉnh (BC)\"]",
            vec!["- Như trên;", "- UBND tỉnh (BC);", "- Lưu: VT."],
        ),
    ] {
        let scenario = edited_letter(dir.path(), "c.toml", &[(copies, written)]);
        let (_dir, docx, _, _) = docx(&scenario, &[]);
        let text = docx.text();
        let after = text.split("Nơi nhận:\n").nth(1).expect("Nơi nhận");
        let got: Vec<&str> = after.lines().take(lines.len()).collect();
        assert_eq!(got, lines, "{written}");
    }
}

#[test]
fn the_body_asks_the_recipients_the_letter_is_sent_to() {
    // letter trial item 1: "Kính gửi" one body, the body another
    let dir = tempfile::tempdir().unwrap();
    let one = edited_letter(
        dir.path(),
        "r1.toml",
        &[(
            "mode = \"annex\"",
            "mode = \"annex\"\nrecipients = [\"Chủ tịch UBND huyện Hữu Lũng\"]",
        )],
    );
    let (html, _) = letter_lines(&one, "vi");
    assert!(
        html.contains("Kính gửi: Chủ tịch UBND huyện Hữu Lũng."),
        "{html}"
    );
    assert!(html.contains("Sở Thông tin và Truyền thông đề nghị Chủ tịch UBND huyện Hữu Lũng:"));
    assert!(
        html.contains(
            "Trân trọng đề nghị Chủ tịch UBND huyện Hữu Lũng quan tâm chỉ đạo thực hiện./."
        )
    );
    assert!(!html.contains("đề nghị Chủ tịch UBND các huyện"), "{html}");
    let several = edited_letter(
        dir.path(),
        "r2.toml",
        &[(
            "mode = \"annex\"",
            "mode = \"annex\"\nrecipients = [\"Chủ tịch UBND các huyện, thành phố\", \"Sở Y tế\"]",
        )],
    );
    let (html, _) = letter_lines(&several, "vi");
    assert!(html.contains("- Sở Y tế."), "{html}");
    assert!(html.contains("Sở Thông tin và Truyền thông đề nghị các cơ quan, đơn vị, địa phương:"));
    let (html, _) = letter_lines(&several, "en");
    assert!(html.contains("asks the recipients above:"), "{html}");
}

#[test]
fn a_letter_dated_long_after_its_figures_is_written_with_a_warning() {
    // letter trial item 3: a letter of November citing the figures of 1 September
    let dir = tempfile::tempdir().unwrap();
    let late = edited_letter(
        dir.path(),
        "late.toml",
        &[("date = 2020-09-01", "date = 2020-11-15")],
    );
    let (html, stderr) = letter_lines(&late, "vi");
    assert!(html.contains("ngày 15 tháng 11 năm 2020"));
    assert!(
        stderr
            .contains("cảnh báo: công văn đề ngày sau số liệu nó nêu (as_of = 2020-09-01) 75 ngày"),
        "{stderr}"
    );
    let (_, stderr) = letter_lines(&late, "en");
    assert!(
        stderr.contains("warning: the letter is dated 75 days after the data it cites"),
        "{stderr}"
    );
    // within a month, no warning
    let soon = edited_letter(
        dir.path(),
        "soon.toml",
        &[("date = 2020-09-01", "date = 2020-09-30")],
    );
    let (_, stderr) = letter_lines(&soon, "vi");
    assert_eq!(stderr, "");
}

/// user14 U4: `[letter] app` names the app in the figures and in every directive the shipped
/// rules write (`scenario.app`): no "Bluezone" is left in a PC-Covid letter.
#[test]
fn the_letters_app_names_the_app_in_the_directives_too() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = edited_letter(
        dir.path(),
        "pc-covid.toml",
        &[
            ("app = \"Bluezone\"", "app = \"PC-Covid\""),
            ("ứng dụng Bluezone\"", "ứng dụng PC-Covid\""),
        ],
    );
    for lang in ["vi", "en"] {
        let (html, _) = letter_lines(&scenario, lang);
        assert!(!html.contains("Bluezone"), "{lang}: {html}");
        assert!(
            html.contains("PC-Covid trên điện thoại") || lang == "en",
            "{html}"
        );
    }
    let plan = Test::plan(&scenario).format("json").run().code(0).json();
    for (district, list) in actions(&plan, "action") {
        assert!(
            list.iter().all(|a| !a.contains("Bluezone")),
            "{district}: {list:?}"
        );
    }
}

/// user14 U3: one figure, one precision: the directive's expected rate is printed with two
/// decimals, as the letter's "dự kiến sau đợt" and its table print it.
#[test]
fn the_letter_prints_each_districts_expected_rate_one_way() {
    let (html, _) = letter_lines(WITH_LETTER, "vi");
    let plan = Test::plan(WITH_LETTER).format("json").run().code(0).json();
    for d in plan["districts"].as_array().unwrap() {
        // the rate as printed: the printed (whole) installs over the smartphones
        let installs = d["projected_installed"].as_f64().unwrap().round();
        let rate = installs / d["smartphones"].as_f64().unwrap() * 100.0;
        let two = format!("{rate:.2}").replace('.', ",");
        let one = format!("{rate:.1}").replace('.', ",");
        assert!(
            html.contains(&format!("dự kiến sau đợt {two}%")),
            "{two}: {html}"
        );
        assert!(html.contains(&format!("đạt {two}%")), "{two}: {html}");
        assert!(!html.contains(&format!("đạt {one}%")), "{one}: {html}");
    }
}

/// user14 U5: a scenario with no rules plans (exit 0) with a notice in every human output and
/// in JSON, and its letter is a draft that says why.
#[test]
fn a_plan_without_rules_says_so_and_its_letter_is_a_draft() {
    let dir = tempfile::tempdir().unwrap();
    let scenario = edited_letter(
        dir.path(),
        "khong-quy-tac.toml",
        &[("[letter]\n", "rules = []\n\n[letter]\n")],
    );
    let text = std::fs::read_to_string(&scenario).unwrap();
    // (an overlay's rules = [] replaces its base's)
    assert!(text.contains("rules = []"), "{text}");
    let plan = Test::plan(&scenario).format("json").run().code(0).json();
    let notices = plan["notices"].as_array().unwrap();
    assert!(
        notices.iter().any(|n| n["notice"] == "no_rules"),
        "{notices:?}"
    );
    let out = Test::plan(&scenario).run().code(0);
    assert!(
        out.stdout.contains(
            "Kịch bản không có quy tắc nào (rules = []): kế hoạch không có việc cần làm nào"
        ),
        "{}",
        out.stdout
    );
    let out = Test::plan(&scenario)
        .lang("en")
        .format("markdown")
        .run()
        .code(0);
    assert!(
        out.stdout
            .contains("The scenario has no rules (rules = \\[\\])"),
        "{}",
        out.stdout
    );
    let (html, stderr) = letter_lines(&scenario, "vi");
    assert!(html.contains("DỰ THẢO — KHÔNG TRÌNH KÝ"), "{html}");
    assert!(
        html.contains("Kế hoạch không có quy tắc nào nên không giao việc cụ thể nào cho các huyện"),
        "{html}"
    );
    assert!(
        stderr.contains("  - Kịch bản không có quy tắc nào (rules = [])"),
        "{stderr}"
    );
}

/// user14 U11 and U9: the printed number never breaks over two lines, each letter starts on
/// its own page below a little space (no ink of its heading on the page before), and the
/// English letter goes to the districts and city, as the Vietnamese to "các huyện, thành phố".
#[test]
fn the_printable_letter_keeps_its_number_on_one_line_and_names_the_city_in_english() {
    let (html, _) = letter_lines(WITH_LETTER, "vi");
    assert!(html.contains(".number { white-space: nowrap; }"), "{html}");
    assert!(
        html.contains("section.letter { padding-top: 6pt; }"),
        "{html}"
    );
    let (html, _) = letter_lines(WITH_LETTER, "en");
    assert!(
        html.contains("the Chairs of the People&#39;s Committees of the districts and city"),
        "{html}"
    );
}

/// The scenario with the extended rule library: its letters to each district are longer than a
/// page (seven rules, five or six directives each).
pub const EXTENDED: &str = concat!(
    env!("CARGO_MANIFEST_DIR"),
    "/scenarios/lang-son-2020-09-01-extended-rules.toml"
);

/// A copy of [`WITH_LETTER`] in `dir` on `base` (a scenario's path), its letters sent one per
/// district (`mode = "per-district"`); its path.
pub fn letters_per_district(dir: &Path, base: &str) -> std::path::PathBuf {
    let text = std::fs::read_to_string(WITH_LETTER).unwrap();
    let (from, mode) = ("base = \"lang-son-2020-09-01.toml\"", "mode = \"annex\"");
    assert!(text.contains(from) && text.contains(mode), "{text}");
    let text = text
        .replacen(from, &format!("base = \"{base}\""), 1)
        .replacen(mode, "mode = \"per-district\"", 1);
    let path = dir.join("cong-van-tung-huyen.toml");
    std::fs::write(&path, text).unwrap();
    path
}

/// The checks of [`WITH_LETTER`]'s letters sent one per district, as a reader of the printed
/// pages sees them (issue 14): `pages` holds each printed page's text, `plan` is the plan. Each
/// letter starts a page of its own with the national heading and its district's address; every
/// page holds one district's letter only; a letter's pages hold every directive of its district
/// word for word; the signer is on the letter's last page, and when a letter takes more than one
/// page that page holds its last directive too: the signature block is never alone on a page,
/// nor with the closing sentence alone. Returns the pages each letter takes, in the plan's order.
pub fn check_letters_per_district(pages: &[String], plan: &Value) -> Vec<usize> {
    const NATION: &str = "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM";
    let listing = || {
        pages
            .iter()
            .enumerate()
            .map(|(i, p)| format!("--- page {} ---\n{p}", i + 1))
            .collect::<Vec<_>>()
            .join("\n")
    };
    assert!(
        pages.first().is_some_and(|p| p.contains(NATION)),
        "{}",
        listing()
    );
    // the letters, each from a page with the national heading to the next
    let mut letters: Vec<Vec<&String>> = Vec::new();
    for page in pages {
        match letters.last_mut() {
            Some(letter) if !page.contains(NATION) => letter.push(page),
            _ => letters.push(vec![page]),
        }
    }
    let all = actions(plan, "action");
    assert_eq!(
        letters.len(),
        all.len(),
        "one letter per district:\n{}",
        listing()
    );
    let mut counts = Vec::new();
    for (letter, (name, directives)) in letters.iter().zip(&all) {
        let to = format!(
            "Kính gửi: {}.",
            campaign_planner::report::html::addressee(name, campaign_planner::text::Lang::Vi)
        );
        assert!(
            letter[0].contains(&to),
            "{name}: not addressed «{to}»:\n{}",
            letter[0]
        );
        for page in letter {
            assert_eq!(
                page.matches("Kính gửi").count(),
                usize::from(std::ptr::eq(*page, letter[0])),
                "{name}: a page holds another letter's address:\n{page}"
            );
        }
        let text = letter
            .iter()
            .map(|p| p.as_str())
            .collect::<Vec<_>>()
            .join(" ");
        for directive in directives {
            let directive = directive.split_whitespace().collect::<Vec<_>>().join(" ");
            assert!(
                text.contains(&directive),
                "{name}: its letter lacks «{directive}»"
            );
        }
        // the signature block, on the last page only
        let last = letter.last().unwrap();
        for page in &letter[..letter.len() - 1] {
            assert!(
                !page.contains("Lê Hải Yến"),
                "{name}: signed before its end:\n{page}"
            );
        }
        for words in ["Nơi nhận:", "KT. GIÁM ĐỐC", "PHÓ GIÁM ĐỐC", "Lê Hải Yến"] {
            assert!(
                last.contains(words),
                "{name}: the last page lacks «{words}»:\n{last}"
            );
        }
        // ... with the last directive (its lines under it) before the closing sentence
        let closing = last
            .find("Trân trọng đề nghị")
            .unwrap_or_else(|| panic!("{name}: no closing sentence on the signer's page:\n{last}"));
        assert!(
            last[..closing].contains("Đơn vị thực hiện:"),
            "{name}: the signature block and the closing are alone on page {} of its letter:\n{last}",
            letter.len()
        );
        counts.push(letter.len());
    }
    counts
}

/// `campaign generate --units 30 --seed 2` with the shipped rules, in `dir`: 29 communes
/// ("Xã 001" ...) and one ward ("Phường 016"), every assumption checked as far as the file
/// says (it names its rules): the only reason for a draft is that the data are made up.
fn generated(dir: &Path) -> String {
    let path = dir.join("generated.toml");
    let rules = concat!(env!("CARGO_MANIFEST_DIR"), "/rules");
    Test::new()
        .args(["generate", "--units", "30", "--seed", "2", "--rules", rules])
        .out(&path)
        .run()
        .code(0);
    let text = std::fs::read_to_string(&path).unwrap();
    assert!(text.contains("name = \"Xã 001\"") && text.contains("name = \"Phường 016\""));
    path.to_str().unwrap().to_string()
}

#[test]
fn a_letter_from_generated_data_is_an_illustrative_draft_to_communes_and_wards() {
    // trial 13 H12: the letter made from `campaign generate` looked ready to sign and wrote
    // "Huyện Xã 001", a commune addressed as a district
    let dir = tempfile::tempdir().unwrap();
    let scenario = generated(dir.path());
    let path = dir.path().join("cong-van.docx");
    let out = Test::plan(&scenario)
        .format("docx")
        .out(&path)
        .run()
        .code(0);
    let text = Docx::read(&path).text();
    assert!(
        text.starts_with(
            "DỰ THẢO MINH HỌA — SỐ LIỆU GIẢ LẬP, KHÔNG TRÌNH KÝ\nSố liệu GIẢ LẬP, không phải số liệu thật: mọi con số là do máy rút ngẫu nhiên, không đơn vị nào là địa phương có thật; công văn này chỉ để minh họa, không dùng để gửi.\n"
        ),
        "{text}"
    );
    // made-up data is the one reason: the shipped rules are named, the assumptions checked
    assert_eq!(text.matches("DỰ THẢO").count(), 1, "{text}");
    assert!(!text.contains("giá trị tạm"), "{text}");
    // each unit by its own word: the communes and the ward, never a huyện
    for line in [
        "Kính gửi: Chủ tịch UBND các xã, phường.",
        "Xã, phường\nĐã cài Bluezone\nTổng smartphone\nTỷ lệ đã cài\nXã 001\n",
        "Xã 001",
        "Phường 016",
        "đề nghị Chủ tịch UBND các xã, phường:",
        "Trân trọng đề nghị lãnh đạo UBND các xã, phường quan tâm chỉ đạo thực hiện./.",
        "NHIỆM VỤ VÀ LỰC LƯỢNG CỦA TỪNG XÃ, PHƯỜNG",
        "16. Phường 016",
    ] {
        assert!(text.contains(line), "«{line}» is not in the letter: {text}");
    }
    for wrong in [
        "Huyện Xã",
        "huyện Xã",
        "Huyện Phường",
        "huyện Phường",
        "các huyện",
        "Huyện, thành phố",
    ] {
        assert!(!text.contains(wrong), "«{wrong}» in the letter: {text}");
    }
    // the official who runs the command is told, and that no edit makes it a letter to sign
    assert!(
        out.stderr.contains("cảnh báo: công văn được ghi là DỰ THẢO (dòng đầu tiên của văn bản), không để trình ký:\n  - SỐ LIỆU GIẢ LẬP, KHÔNG PHẢI SỐ LIỆU THẬT: kịch bản do `campaign generate` tạo"),
        "{}",
        out.stderr
    );
    assert!(
        out.stderr.contains("gợi ý: số liệu giả lập do `campaign generate` tạo không bao giờ thành công văn để trình ký"),
        "{}",
        out.stderr
    );

    // the printable letter in English, the mark above the national heading
    let out = Test::plan(&scenario)
        .format("letter-html")
        .lang("en")
        .run()
        .code(0);
    let html = &out.stdout;
    let mark = "<div class=\"draft\"><p class=\"draft-mark\">ILLUSTRATIVE DRAFT — MADE-UP DATA, NOT FOR SIGNATURE</p><p>MADE-UP DATA, not real:";
    let at = html.find(mark).unwrap_or_else(|| panic!("{html}"));
    assert!(
        at < html.find("SOCIALIST REPUBLIC").unwrap(),
        "the mark comes first"
    );
    for line in [
        "the Chairs of the People&#39;s Committees of the communes and ward.",
        "<td>001 commune</td>",
        "016 ward",
        "for your locality in the Annex",
    ] {
        assert!(html.contains(line), "«{line}» is not in the letter: {html}");
    }
    assert!(
        !html.contains("Xã 001 district") && !html.contains("001 district"),
        "{html}"
    );

    // one letter per unit (an overlay of the generated file: as made up as its base)
    let overlay = dir.path().join("per-unit.toml");
    std::fs::write(
        &overlay,
        "base = \"generated.toml\"\n\n[letter]\nmode = \"per-district\"\n",
    )
    .unwrap();
    let out = Test::plan(&overlay).format("letter-html").run().code(0);
    let html = &out.stdout;
    assert_eq!(
        html.matches("DỰ THẢO MINH HỌA — SỐ LIỆU GIẢ LẬP, KHÔNG TRÌNH KÝ")
            .count(),
        30,
        "every letter is marked"
    );
    for line in [
        "Kính gửi: Chủ tịch UBND xã 001.",
        "Kính gửi: Chủ tịch UBND phường 016.",
    ] {
        assert!(
            html.contains(line),
            "«{line}» is not in the letters: {html}"
        );
    }
    // (the rules' own responsible units, "UBND huyện; Phòng Văn hóa - Thông tin", are theirs)
    for wrong in [
        "Chủ tịch UBND huyện",
        "lãnh đạo UBND huyện",
        "cho huyện",
        "của huyện",
    ] {
        assert!(!html.contains(wrong), "«{wrong}» in the letters: {html}");
    }

    // the printed plan: the mark heads the summary and every unit's page
    let out = Test::plan(&scenario).format("html").run().code(0);
    let html = &out.stdout;
    assert_eq!(
        html.matches("<p class=\"illustrative\">MINH HỌA — SỐ LIỆU GIẢ LẬP, KHÔNG PHẢI SỐ LIỆU THẬT, KHÔNG TRÌNH KÝ</p>").count(),
        31,
        "{html}"
    );
    assert!(
        html.contains("Kính gửi: Chủ tịch UBND phường 016</p>"),
        "{html}"
    );
    // and the plan's data say so first
    let plan = Test::plan(&scenario).format("json").run().code(0).json();
    assert_eq!(plan["notices"][0]["notice"], "synthetic_data");
    // the shipped scenario's printed plan carries no such mark
    let out = Test::shipped().format("html").run().plan();
    assert!(!out.stdout.contains("class=\"illustrative\""));
}
