//! The facts of letter 1635/STTTT-TTBCXB (../shared/seeds/): the plan of the shipped scenario
//! starts from the letter's figures, to the subscriber.

use crate::support::{Test, districts, f, u};

/// The letter's table: district as the letter writes it, installed, smartphones, and the
/// percentage it prints (truncated, not rounded: 22.98% is printed as 22%).
pub const LETTER: [(&str, u64, u64, u64); 11] = [
    ("Thành phố Lạng Sơn", 39_911, 96_818, 41),
    ("Huyện Hữu Lũng", 18_019, 78_399, 22),
    ("Huyện Cao Lộc", 16_752, 58_196, 28),
    ("Huyện Lộc Bình", 15_725, 53_067, 29),
    ("Huyện Tràng Định", 11_354, 37_092, 30),
    ("Huyện Chi Lăng", 10_285, 43_471, 23),
    ("Huyện Bắc Sơn", 9_812, 36_584, 26),
    ("Huyện Văn Lãng", 8_727, 34_823, 25),
    ("Huyện Văn Quan", 7_494, 32_138, 23),
    ("Huyện Bình Gia", 7_186, 29_057, 24),
    ("Huyện Đình Lập", 6_651, 20_175, 32),
];

/// The letter's total row: `151.916` installed of `519,820` smartphones (29.22%).
pub const PROVINCE_INSTALLED: u64 = 151_916;
pub const PROVINCE_SMARTPHONES: u64 = 519_820;

/// The scenario names the districts without the letter's "Huyện " (district) prefix.
pub fn scenario_name(letter_name: &str) -> &str {
    letter_name.strip_prefix("Huyện ").unwrap_or(letter_name)
}

#[test]
fn the_province_is_the_letters_151916_installed_of_519820_smartphones() {
    let plan = Test::shipped().format("json").run().plan().json();
    assert_eq!(u(&plan["province"]["smartphones"]), PROVINCE_SMARTPHONES);
    assert_eq!(u(&plan["province"]["installed"]), PROVINCE_INSTALLED);
    let rate = PROVINCE_INSTALLED as f64 / PROVINCE_SMARTPHONES as f64;
    assert!((f(&plan["province"]["rate"]) - rate).abs() < 1e-15);
}

#[test]
fn the_province_rate_prints_29_22_percent_in_each_language_and_format() {
    for format in ["text", "markdown"] {
        let vi = Test::shipped().format(format).run().plan().stdout;
        assert!(vi.contains("519.820"), "{format}, vi:\n{vi}");
        assert!(vi.contains("151.916 (29,22%)"), "{format}, vi:\n{vi}");
        let en = Test::shipped()
            .format(format)
            .lang("en")
            .run()
            .plan()
            .stdout;
        assert!(en.contains("519,820"), "{format}, en:\n{en}");
        assert!(en.contains("151,916 (29.22%)"), "{format}, en:\n{en}");
        assert!(
            !en.contains("29,22%"),
            "{format}: English uses a decimal point"
        );
    }
}

#[test]
fn every_district_has_the_letters_installed_and_smartphones() {
    let plan = Test::shipped().format("json").run().plan().json();
    let names: Vec<&str> = districts(&plan)
        .iter()
        .map(|d| d["name"].as_str().unwrap())
        .collect();
    let expected: Vec<&str> = LETTER.iter().map(|r| scenario_name(r.0)).collect();
    assert_eq!(
        names, expected,
        "the letter's districts, in the letter's order"
    );
    for (d, &(name, installed, smartphones, printed_percent)) in
        districts(&plan).iter().zip(&LETTER)
    {
        assert_eq!(u(&d["installed"]), installed, "{name}: installed");
        assert_eq!(u(&d["smartphones"]), smartphones, "{name}: smartphones");
        let rate = f(&d["rate"]);
        // serde_json (without `float_roundtrip`) may read the last digit one unit off.
        assert!(
            (rate - installed as f64 / smartphones as f64).abs() < 1e-15,
            "{name}: rate {rate}"
        );
        assert_eq!(
            (rate * 100.0).floor() as u64,
            printed_percent,
            "{name}: the letter truncates its percentages"
        );
    }
}

#[test]
fn the_districts_add_up_to_the_province() {
    let plan = Test::shipped().format("json").run().plan().json();
    let ds = districts(&plan);
    let smartphones: u64 = ds.iter().map(|d| u(&d["smartphones"])).sum();
    let installed: u64 = ds.iter().map(|d| u(&d["installed"])).sum();
    assert_eq!(smartphones, u(&plan["province"]["smartphones"]));
    assert_eq!(installed, u(&plan["province"]["installed"]));
    // And the letter's own total row is the sum of its table.
    assert_eq!(LETTER.iter().map(|r| r.1).sum::<u64>(), PROVINCE_INSTALLED);
    assert_eq!(
        LETTER.iter().map(|r| r.2).sum::<u64>(),
        PROVINCE_SMARTPHONES
    );
    assert_eq!(
        (PROVINCE_INSTALLED as f64 / PROVINCE_SMARTPHONES as f64 * 100.0).floor(),
        29.0
    );
}
