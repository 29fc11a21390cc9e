//! The letter's three directives, as the shipped rules put them into the plan: door to door
//! below `params.door_to_door_threshold`, communication and mandatory cohorts everywhere.

use serde_json::Value;

use super::contract::COMMUNE_TEAMS;
use crate::support::{Test, WhatIf, allocation, arr, directive, districts, f, s, teams, u};

/// The districts the door-to-door rule forces: every commune team, at least one volunteer team.
fn forced(plan: &Value) -> Vec<String> {
    districts(plan)
        .iter()
        .filter(|d| u(&allocation(d, "volunteer")["min_teams"]) > 0)
        .map(|d| s(&d["name"]).to_string())
        .collect()
}

/// The districts whose rate is below `threshold`, from the JSON.
fn below(plan: &Value, threshold: f64) -> Vec<String> {
    districts(plan)
        .iter()
        .filter(|d| f(&d["rate"]) < threshold)
        .map(|d| s(&d["name"]).to_string())
        .collect()
}

/// Checks the door-to-door rule on every district of `plan` for `threshold`.
#[track_caller]
fn door_to_door_holds(plan: &Value, threshold: f64) {
    for (i, d) in districts(plan).iter().enumerate() {
        let name = s(&d["name"]);
        let commune = allocation(d, "commune");
        let volunteer = allocation(d, "volunteer");
        let rule = directive(d, "door-to-door");
        let (c, v) = (teams(d, "commune"), teams(d, "volunteer"));
        if f(&d["rate"]) < threshold {
            assert_eq!(
                u(&commune["min_teams"]),
                COMMUNE_TEAMS[i],
                "{name}: every commune team must go"
            );
            assert_eq!(c, COMMUNE_TEAMS[i], "{name}: commune teams");
            assert!(u(&volunteer["min_teams"]) >= 1, "{name}: volunteer minimum");
            assert!(v >= 1, "{name}: at least one volunteer team");
            assert_eq!(rule["priority"], 1, "{name}: door to door is most urgent");
        } else {
            assert_eq!(u(&commune["min_teams"]), 0, "{name}: not forced");
            assert_eq!(u(&volunteer["min_teams"]), 0, "{name}: not forced");
            assert_eq!(rule["priority"], 3, "{name}: lower priority");
        }
        // The directive names the planned teams, in the structured list and in the text.
        let listed: Vec<(String, u64)> = arr(&rule["teams"])
            .iter()
            .map(|t| (s(&t["kind"]).to_string(), u(&t["teams"])))
            .collect();
        let planned: Vec<(String, u64)> = [("commune", c), ("volunteer", v)]
            .into_iter()
            .filter(|(_, n)| *n > 0)
            .map(|(k, n)| (k.to_string(), n))
            .collect();
        assert_eq!(
            listed, planned,
            "{name}: the directive's teams are the plan's"
        );
        let (vi, en) = (s(&rule["action"]), s(&rule["action_en"]));
        assert!(vi.contains("đi từng ngõ, gõ từng nhà"), "{name}: {vi}");
        // commune teams are named after the units below the district: "tổ phường, xã" in a city
        let (vi_kind, en_kind) = match s(&d["unit_type"]) {
            "thành phố" | "thị xã" => ("tổ phường, xã", "ward and commune team"),
            "quận" => ("tổ phường", "ward team"),
            _ => ("tổ xã", "commune team"),
        };
        if c > 0 {
            assert!(vi.contains(&format!("{c} {vi_kind}")), "{name}: {vi}");
            assert!(en.contains(&format!("{c} {en_kind}")), "{name}: {en}");
        }
        if v > 0 {
            assert!(vi.contains(&format!("{v} đội tình nguyện")), "{name}: {vi}");
            assert!(en.contains(&format!("{v} volunteer team")), "{name}: {en}");
        } else {
            assert!(!vi.contains("đội tình nguyện"), "{name}: {vi}");
        }
    }
}

#[test]
fn districts_below_30_percent_send_every_commune_team_and_get_a_volunteer_team() {
    let plan = Test::shipped().format("json").run().plan().json();
    assert_eq!(
        forced(&plan),
        [
            "Hữu Lũng",
            "Cao Lộc",
            "Lộc Bình",
            "Chi Lăng",
            "Bắc Sơn",
            "Văn Lãng",
            "Văn Quan",
            "Bình Gia"
        ],
        "the eight districts below 30% in the letter"
    );
    assert_eq!(forced(&plan), below(&plan, 0.30));
    door_to_door_holds(&plan, 0.30);
}

#[test]
fn trang_dinh_and_dinh_lap_above_the_threshold_are_not_forced() {
    let plan = Test::shipped().format("json").run().plan().json();
    for name in ["Tràng Định", "Đình Lập", "Thành phố Lạng Sơn"] {
        let d = crate::support::district(&plan, name);
        assert!(f(&d["rate"]) >= 0.30, "{name} is at or above 30%");
        for kind in ["commune", "volunteer"] {
            assert_eq!(
                allocation(d, kind)["min_teams"],
                0,
                "{name}: no minimum on {kind} teams"
            );
        }
    }
}

#[test]
fn the_door_to_door_directive_is_printed_with_its_teams() {
    let vi = Test::shipped().run().plan().stdout;
    assert!(
        vi.contains("“đi từng ngõ, gõ từng nhà”: 24 tổ xã và 7 đội tình nguyện"),
        "Hữu Lũng's directive names its teams:\n{vi}"
    );
    assert!(vi.contains("Lực lượng: 24 tổ xã, 7 đội tình nguyện"));
    let en = Test::shipped().lang("en").run().plan().stdout;
    assert!(
        en.contains("24 commune teams and 7 volunteer teams"),
        "English names the teams:\n{en}"
    );
}

#[test]
fn every_district_has_a_communication_and_a_mandatory_cohorts_directive() {
    let plan = Test::shipped().format("json").run().plan().json();
    for d in districts(&plan) {
        let name = s(&d["name"]);
        let rules: Vec<&str> = arr(&d["directives"])
            .iter()
            .map(|x| s(&x["rule"]))
            .collect();
        assert_eq!(
            rules,
            ["communication", "mandatory-cohorts", "door-to-door"],
            "{name}: the letter's three directives, in the rules' order"
        );
        let communication = directive(d, "communication");
        assert_eq!(communication["priority"], 2);
        assert!(s(&communication["action"]).contains("học sinh, sinh viên"));
        assert!(
            (f(&communication["expected_installs"]) - f(&d["fixed_installs"])).abs() < 1e-6,
            "{name}: communication brings the plan's fixed installs"
        );
        let mandatory = directive(d, "mandatory-cohorts");
        assert_eq!(mandatory["priority"], 1);
        assert!(s(&mandatory["action"]).contains("cách ly"));
        assert!(s(&mandatory["action_en"]).contains("quarantine"));
        assert!(
            (f(&mandatory["expected_installs"]) - f(&d["mandated_installs"])).abs() < 1e-6,
            "{name}: the mandate brings the plan's mandated installs"
        );
    }
    let text = Test::shipped().run().plan().stdout;
    assert_eq!(
        text.matches("Yêu cầu tất cả các đối tượng thuộc diện phải cách ly")
            .count(),
        11
    );
    assert_eq!(
        text.matches("Tăng cường tuyên truyền trên hệ thống thông tin cơ sở")
            .count(),
        11
    );
}

#[test]
fn the_door_to_door_threshold_of_a_what_if_copy_decides_which_districts_are_forced() {
    let lower = WhatIf::shipped().set("door_to_door_threshold", "0.25");
    let plan = lower.test().format("json").run().plan().json();
    assert_eq!(
        forced(&plan),
        ["Hữu Lũng", "Chi Lăng", "Văn Quan", "Bình Gia"],
        "below 25%: Văn Lãng (25.06%) and the districts between 25% and 30% are no longer forced"
    );
    door_to_door_holds(&plan, 0.25);

    let higher = WhatIf::shipped().set("door_to_door_threshold", "0.35");
    let plan = higher.test().format("json").run().plan().json();
    assert_eq!(forced(&plan), below(&plan, 0.35));
    assert!(
        forced(&plan).contains(&"Tràng Định".to_string())
            && forced(&plan).contains(&"Đình Lập".to_string()),
        "at 35%, Tràng Định (30.6%) and Đình Lập (33%) are forced too"
    );
    assert_eq!(forced(&plan).len(), 10, "only the city stays above 35%");
    door_to_door_holds(&plan, 0.35);
}
