//! The Word letter checked in the reader the office uses (issue 14 item 4, docs/printing.md
//! § "How the letter is checked"): LibreOffice (headless, Debian's `libreoffice-writer-nogui`)
//! opens `campaign plan --format docx` and prints it to PDF, as `soffice --headless
//! --convert-to pdf` does, and the PDF is read back with poppler's `pdftotext` (the words and
//! where each is on the page) and `lopdf` (the fonts).
//!
//! - The one letter fits its first page, signature included; the annex follows, one section
//!   per district; with `mode = "per-district"`, one page per district.
//! - Page 1 carries the national heading, the number and the date; every district's directives
//!   are there word for word.
//! - Vietnamese letters are intact: the text read back is the text written (no mojibake), every
//!   page is set in one font family (a second means a font lacked letters), every font is
//!   embedded.
//! - Nothing is outside the A4 page's margins (left 30 mm, right 15 mm, top and bottom 20 mm;
//!   the page number alone in the top margin, as the decree places it).
//!
//! LibreOffice is `$CAMPAIGN_SOFFICE`, or `soffice` or `libreoffice` on the PATH; `pdftotext`
//! comes with it from `poppler-utils`. Where they are missing these tests say so and pass;
//! `.ci/run` installs both and sets `CAMPAIGN_REQUIRE_LIBREOFFICE=1`, which makes a missing one
//! a failure.

use std::io::Write;
use std::path::{Path, PathBuf};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

use campaign_planner::report::html::addressee;
use campaign_planner::text::Lang;
use lopdf::{Document, Object};
use serde_json::Value;

use crate::letter::{
    EXTENDED, WITH_LETTER, actions, check_letters_per_district, letters_per_district,
};
use crate::support::{SHIPPED, Test};

/// How long one conversion may take (it takes 2 to 5 s; the first start of a profile longer).
const CONVERT_TIMEOUT: Duration = Duration::from_secs(180);

/// LibreOffice and pdftotext, found once per test.
struct Office {
    soffice: PathBuf,
    pdftotext: PathBuf,
}

fn on_path(name: &str) -> Option<PathBuf> {
    std::env::split_paths(&std::env::var_os("PATH")?)
        .map(|dir| dir.join(name))
        .find(|p| p.is_file())
}

impl Office {
    fn find() -> Option<Office> {
        let soffice = std::env::var_os("CAMPAIGN_SOFFICE")
            .filter(|p| !p.is_empty())
            .map(PathBuf::from)
            .or_else(|| on_path("soffice"))
            .or_else(|| on_path("libreoffice"));
        let pdftotext = on_path("pdftotext");
        match (soffice, pdftotext) {
            (Some(soffice), Some(pdftotext)) => Some(Office { soffice, pdftotext }),
            (soffice, _)
                if std::env::var_os("CAMPAIGN_REQUIRE_LIBREOFFICE").is_some_and(|v| v == "1") =>
            {
                panic!(
                    "CAMPAIGN_REQUIRE_LIBREOFFICE=1 but {} was not found: install it \
                     (`apt-get install libreoffice-writer-nogui poppler-utils` on Debian; \
                     .ci/run does this) or point CAMPAIGN_SOFFICE at LibreOffice",
                    if soffice.is_none() {
                        "LibreOffice (soffice)"
                    } else {
                        "pdftotext"
                    }
                )
            }
            _ => {
                static SAID: std::sync::Once = std::sync::Once::new();
                SAID.call_once(|| {
                    let _ = writeln!(
                        std::io::stderr(),
                        "\nlibreoffice_pdf: SKIPPED, no LibreOffice or pdftotext found (install \
                         Debian's `libreoffice-writer-nogui` and `poppler-utils`); .ci/run \
                         installs them and runs these tests"
                    );
                });
                None
            }
        }
    }

    /// `soffice --headless --convert-to pdf` of `docx` into its folder, with a profile of its
    /// own (two conversions at once must not share one); the PDF's path.
    fn convert(&self, docx: &Path) -> PathBuf {
        let folder = docx.parent().unwrap();
        let profile = folder.join("lo-profile");
        let log_path = folder.join("soffice.log");
        let log = std::fs::File::create(&log_path).unwrap();
        let mut child = Command::new(&self.soffice)
            .arg(format!(
                "-env:UserInstallation=file://{}",
                profile.display()
            ))
            .args([
                "--headless",
                "--norestore",
                "--convert-to",
                "pdf",
                "--outdir",
            ])
            .arg(folder)
            .arg(docx)
            .stdin(Stdio::null())
            .stdout(log.try_clone().unwrap())
            .stderr(log)
            .spawn()
            .unwrap_or_else(|e| panic!("cannot start {}: {e}", self.soffice.display()));
        let start = Instant::now();
        let status = loop {
            if let Some(status) = child.try_wait().unwrap() {
                break status;
            }
            if start.elapsed() > CONVERT_TIMEOUT {
                let _ = child.kill();
                let _ = child.wait();
                panic!(
                    "LibreOffice did not convert {} in {CONVERT_TIMEOUT:?}:\n{}",
                    docx.display(),
                    std::fs::read_to_string(&log_path).unwrap_or_default()
                );
            }
            std::thread::sleep(Duration::from_millis(50));
        };
        let pdf = docx.with_extension("pdf");
        let log = std::fs::read_to_string(&log_path).unwrap_or_default();
        assert!(
            status.success() && pdf.is_file(),
            "LibreOffice failed ({status}):\n{log}"
        );
        pdf
    }

    /// The words of each page and their boxes, in points from the page's top left.
    fn words(&self, pdf: &Path) -> Vec<Vec<Word>> {
        let out = Command::new(&self.pdftotext)
            .args(["-bbox", "-enc", "UTF-8"])
            .arg(pdf)
            .arg("-")
            .output()
            .expect("pdftotext runs");
        assert!(
            out.status.success(),
            "{}",
            String::from_utf8_lossy(&out.stderr)
        );
        let html = String::from_utf8(out.stdout).expect("pdftotext writes UTF-8");
        let mut pages = Vec::new();
        for page in html.split("<page ").skip(1) {
            let mut words = Vec::new();
            for word in page.split("<word ").skip(1) {
                let attr = |key: &str| -> f64 {
                    let at = word.find(&format!("{key}=\"")).unwrap() + key.len() + 2;
                    word[at..].split('"').next().unwrap().parse().unwrap()
                };
                let text = word[word.find('>').unwrap() + 1..word.find("</word>").unwrap()]
                    .replace("&amp;", "&")
                    .replace("&lt;", "<")
                    .replace("&gt;", ">")
                    .replace("&quot;", "\"")
                    .replace("&apos;", "'");
                words.push(Word {
                    text,
                    x: (attr("xMin"), attr("xMax")),
                    y: (attr("yMin"), attr("yMax")),
                });
            }
            pages.push(words);
        }
        pages
    }
}

/// A word on a page and its box, in points.
struct Word {
    text: String,
    x: (f64, f64),
    y: (f64, f64),
}

/// A page's words as one line of text.
fn page_text(words: &[Word]) -> String {
    words
        .iter()
        .map(|w| w.text.as_str())
        .collect::<Vec<_>>()
        .join(" ")
}

/// `text` with its white space made single spaces, as [`page_text`] reads a page.
fn squash(text: &str) -> String {
    text.split_whitespace().collect::<Vec<_>>().join(" ")
}

const MM: f64 = 72.0 / 25.4;

/// A docx of `scenario` with `args`, converted: its pages' words and the plan.
struct Printed {
    _dir: tempfile::TempDir,
    pdf: PathBuf,
    pages: Vec<Vec<Word>>,
    plan: Value,
}

fn print(office: &Office, scenario: &str, args: &[&str]) -> Printed {
    let dir = tempfile::tempdir().unwrap();
    let docx = dir.path().join("cong-van.docx");
    Test::plan(scenario)
        .args(args)
        .format("docx")
        .out(&docx)
        .run()
        .code(0);
    let plan = Test::plan(scenario)
        .args(args)
        .format("json")
        .run()
        .code(0)
        .json();
    let pdf = office.convert(&docx);
    let pages = office.words(&pdf);
    Printed {
        _dir: dir,
        pdf,
        pages,
        plan,
    }
}

/// The checks every printed letter passes: A4 pages, nothing outside the margins, one
/// embedded font family per page, no mojibake, every district's directives.
fn check_printed(printed: &Printed) {
    let doc = Document::load(&printed.pdf).expect("a PDF");
    let pages = doc.get_pages();
    assert_eq!(pages.len(), printed.pages.len());
    for (number, &id) in &pages {
        // A4 portrait
        let page = doc.get_dictionary(id).unwrap();
        let media = page
            .get(b"MediaBox")
            .and_then(Object::as_array)
            .map(|a| {
                a.iter()
                    .map(|o| o.as_float().unwrap_or(0.0) as f64)
                    .collect::<Vec<_>>()
            })
            .unwrap_or_default();
        assert_eq!(media.len(), 4, "page {number}: no MediaBox");
        assert!(
            (media[2] - 210.0 * MM).abs() < 1.0 && (media[3] - 297.0 * MM).abs() < 1.0,
            "page {number} is not A4: {media:?}"
        );
        // one family, embedded, with a Unicode map
        let mut families = std::collections::BTreeSet::new();
        for (_, font) in doc.get_page_fonts(id).unwrap() {
            let name = font
                .get(b"BaseFont")
                .and_then(Object::as_name)
                .map(|n| String::from_utf8_lossy(n).into_owned())
                .unwrap_or_default();
            let bare = name.split_once('+').map_or(name.as_str(), |(_, n)| n);
            families.insert(bare.split('-').next().unwrap_or(bare).to_string());
            assert!(
                font.get(b"ToUnicode").is_ok(),
                "page {number}: {name} has no Unicode map"
            );
            let descriptor = font
                .get(b"FontDescriptor")
                .ok()
                .and_then(|o| doc.dereference(o).ok())
                .and_then(|(_, o)| o.as_dict().ok().cloned());
            assert!(
                descriptor.is_some_and(|d| d.get(b"FontFile2").is_ok()
                    || d.get(b"FontFile").is_ok()
                    || d.get(b"FontFile3").is_ok()),
                "page {number}: {name} is not embedded"
            );
        }
        assert_eq!(families.len(), 1, "page {number} is set in {families:?}");
    }

    // nothing outside the margins: 30 mm left, 15 mm right, 20 mm at the bottom; at the top,
    // 20 mm but for the page number, which the decree puts in the top margin
    for (i, words) in printed.pages.iter().enumerate() {
        for word in words {
            let page_number = word.text.chars().all(|c| c.is_ascii_digit()) && word.y.1 < 20.0 * MM;
            let (left, right) = (30.0 * MM - 0.5, (210.0 - 15.0) * MM + 0.5);
            let (top, bottom) = (20.0 * MM - 0.5, (297.0 - 20.0) * MM + 0.5);
            assert!(
                word.x.0 >= left && word.x.1 <= right,
                "page {}: «{}» runs outside the side margins ({:.1}..{:.1} mm)",
                i + 1,
                word.text,
                word.x.0 / MM,
                word.x.1 / MM
            );
            assert!(
                page_number || (word.y.0 >= top && word.y.1 <= bottom),
                "page {}: «{}» runs outside the top or bottom margin ({:.1}..{:.1} mm)",
                i + 1,
                word.text,
                word.y.0 / MM,
                word.y.1 / MM
            );
            if page_number {
                assert!(i > 0, "page 1 carries a page number");
            }
        }
    }

    // the Vietnamese text survives
    let all = printed
        .pages
        .iter()
        .map(|p| page_text(p))
        .collect::<Vec<_>>()
        .join("\n");
    // UTF-8 read as Windows-1252 ("Lá»™c BÃ¬nh"); a lone "Ã" is Vietnamese ("XÃ HỘI")
    for broken in ["á»", "áº", "Ä‘", "Æ°", "Ã¡", "Ã¬", "Ã³", "\u{fffd}"] {
        assert!(!all.contains(broken), "mojibake «{broken}» in:\n{all}");
    }
    for word in [
        "Độc lập - Tự do - Hạnh phúc",
        "Lộc Bình",
        "Đình Lập",
        "Hữu Lũng",
        "“đi từng ngõ, gõ từng nhà”",
    ] {
        assert!(
            all.contains(word),
            "«{word}» is not read back intact:\n{all}"
        );
    }

    // every district's directives, word for word
    for (name, list) in actions(&printed.plan, "action") {
        for action in list {
            assert!(
                all.contains(&squash(action)),
                "{name}: the PDF lacks «{action}»"
            );
        }
    }
}

#[test]
fn the_word_letter_prints_in_libreoffice_on_one_page_then_its_annex() {
    let Some(office) = Office::find() else {
        return;
    };
    let printed = print(&office, WITH_LETTER, &[]);
    check_printed(&printed);
    let pages: Vec<String> = printed.pages.iter().map(|p| page_text(p)).collect();
    // the letter itself on page 1, heading to signature; then the annex, from page 2
    let first = &pages[0];
    for words in [
        "UBND TỈNH LẠNG SƠN",
        "CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM",
        "Độc lập - Tự do - Hạnh phúc",
        "Số: 1635/STTTT-TTBCXB",
        "Lạng Sơn, ngày 01 tháng 9 năm 2020",
        "Kính gửi: Chủ tịch UBND các huyện, thành phố.",
        "151.916/519.820",
        "Nơi nhận:",
        "KT. GIÁM ĐỐC",
        "Lê Hải Yến",
    ] {
        assert!(first.contains(words), "page 1 lacks «{words}»:\n{first}");
    }
    assert!(pages[1].starts_with("2 PHỤ LỤC"), "page 2: {}", pages[1]);
    assert!(
        (3..=8).contains(&pages.len()),
        "{} pages: the letter and an annex of eleven districts take 3 to 8",
        pages.len()
    );
    // the national heading is on page 1 only: the annex is part of the one letter
    assert_eq!(
        pages
            .iter()
            .filter(|p| p.contains("CỘNG HÒA XÃ HỘI"))
            .count(),
        1
    );
}

#[test]
fn letters_sent_one_per_district_print_a_page_each_and_placeholders_print_as_written() {
    let Some(office) = Office::find() else {
        return;
    };
    // the shipped scenario has no [letter]: placeholders, one letter per district by a copy
    let dir = tempfile::tempdir().unwrap();
    let scenario = dir.path().join("per-district.toml");
    std::fs::write(
        &scenario,
        format!("base = \"{SHIPPED}\"\n\n[letter]\nmode = \"per-district\"\n"),
    )
    .unwrap();
    let printed = print(&office, scenario.to_str().unwrap(), &[]);
    check_printed(&printed);
    let districts = printed.plan["districts"].as_array().unwrap();
    assert_eq!(
        printed.pages.len(),
        districts.len(),
        "one page per district"
    );
    for (page, district) in printed.pages.iter().zip(districts) {
        let text = page_text(page);
        let name = district["name"].as_str().unwrap();
        assert!(text.starts_with("[CƠ QUAN CHỦ QUẢN]"), "{text}");
        assert!(
            text.contains("CỘNG HÒA XÃ HỘI CHỦ NGHĨA VIỆT NAM"),
            "{text}"
        );
        let to = format!("Kính gửi: {}.", addressee(name, Lang::Vi));
        assert!(text.contains(&to), "{name}: not addressed «{to}»:\n{text}");
        assert!(text.contains("[Họ và tên người ký]"), "{text}");
        // each letter is numbered on its own: no page number on any of these one-page letters
        assert!(
            !page.iter().any(|w| w.y.1 < 20.0 * MM),
            "{name}: something in the top margin"
        );
    }
}

/// Issue 14: the letters of Lạng Sơn sent one per district print a page each from Word as
/// from the browser (tests/browser_pdf.rs), and the longer letters of the extended rules keep
/// their last directive and closing with the signature ("keep with next" and "keep lines
/// together" on the closing paragraphs, the signature's row never split).
#[test]
fn letters_sent_one_per_district_print_a_page_each_and_a_longer_one_signs_under_its_text() {
    let Some(office) = Office::find() else {
        return;
    };
    let dir = tempfile::tempdir().unwrap();
    let scenario = letters_per_district(dir.path(), SHIPPED);
    let printed = print(&office, scenario.to_str().unwrap(), &[]);
    check_printed(&printed);
    let pages: Vec<String> = printed.pages.iter().map(|p| page_text(p)).collect();
    let counts = check_letters_per_district(&pages, &printed.plan);
    assert_eq!(counts, vec![1; 11], "each letter on one page");

    let scenario = letters_per_district(dir.path(), EXTENDED);
    let printed = print(&office, scenario.to_str().unwrap(), &[]);
    let pages: Vec<String> = printed.pages.iter().map(|p| page_text(p)).collect();
    let counts = check_letters_per_district(&pages, &printed.plan);
    assert!(
        counts.iter().any(|&n| n > 1) && counts.iter().all(|&n| n <= 2),
        "the extended rules' letters take one or two pages, some two: {counts:?}"
    );
    // a letter's second page carries its own page number, 2, in the top margin
    let mut at = 0;
    for count in counts {
        if count == 2 {
            assert!(pages[at + 1].starts_with("2 "), "{}", pages[at + 1]);
        }
        at += count;
    }
}

/// `docx` with `from` replaced by `to` in its `word/document.xml`, written back.
fn edit_docx(docx: &Path, from: &str, to: &str) {
    let bytes = std::fs::read(docx).unwrap();
    let mut archive = zip::ZipArchive::new(std::io::Cursor::new(bytes)).unwrap();
    let mut out = zip::ZipWriter::new(std::io::Cursor::new(Vec::new()));
    let mut replaced = false;
    for i in 0..archive.len() {
        let mut entry = archive.by_index(i).unwrap();
        let name = entry.name().unwrap().to_string();
        let mut content = Vec::new();
        std::io::Read::read_to_end(&mut entry, &mut content).unwrap();
        if name == "word/document.xml" {
            let xml = String::from_utf8(content).unwrap();
            replaced = xml.contains(from);
            content = xml.replace(from, to).into_bytes();
        }
        out.start_file(name, zip::write::SimpleFileOptions::default())
            .unwrap();
        out.write_all(&content).unwrap();
    }
    assert!(replaced, "no «{from}» in the letter");
    std::fs::write(docx, out.finish().unwrap().into_inner()).unwrap();
}

#[test]
fn the_checks_catch_text_outside_the_margins_and_a_second_font() {
    let Some(office) = Office::find() else {
        return;
    };
    let plan = Test::plan(WITH_LETTER).format("json").run().code(0).json();
    for (from, to, expected) in [
        // a left margin of 5 mm: every line starts outside the decree's 30 mm
        (
            "w:left=\"1701\"",
            "w:left=\"283\"",
            "outside the side margins",
        ),
        // the signer's name in another font, as a font lacking letters would leave it
        (
            "<w:rPr><w:sz w:val=\"28\" /><w:szCs w:val=\"28\" /><w:b /><w:bCs /></w:rPr><w:t xml:space=\"preserve\">Lê Hải Yến",
            "<w:rPr><w:rFonts w:ascii=\"DejaVu Sans Mono\" w:hAnsi=\"DejaVu Sans Mono\" /><w:sz w:val=\"28\" /><w:szCs w:val=\"28\" /><w:b /><w:bCs /></w:rPr><w:t xml:space=\"preserve\">Lê Hải Yến",
            "is set in",
        ),
    ] {
        let dir = tempfile::tempdir().unwrap();
        let docx = dir.path().join("cong-van.docx");
        Test::plan(WITH_LETTER)
            .format("docx")
            .out(&docx)
            .run()
            .code(0);
        edit_docx(&docx, from, to);
        let pdf = office.convert(&docx);
        let printed = Printed {
            pages: office.words(&pdf),
            pdf,
            plan: plan.clone(),
            _dir: dir,
        };
        let caught =
            std::panic::catch_unwind(std::panic::AssertUnwindSafe(|| check_printed(&printed)));
        let message = caught
            .err()
            .and_then(|e| e.downcast::<String>().ok())
            .map(|s| *s)
            .unwrap_or_default();
        assert!(
            message.contains(expected),
            "the checks must catch «{to}»: «{expected}» expected, got «{message}»"
        );
    }
}
