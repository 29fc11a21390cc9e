//! Every integration test, in one test binary: one link instead of 28, which is most of what a
//! clean `cargo test --release` spends (the suites are the modules below; `cargo test NAME`
//! still picks tests by name, e.g. `cargo test optimiser_generated::`).

// helpers shared by several suites
mod common;
#[path = "common/layout.rs"]
mod layout;
#[path = "cli/support.rs"]
mod support;

mod browser_pdf;
mod catalogue;
mod chart_labels;
mod cli;
mod compare;
mod directive_installs;
mod district_floor;
mod explain;
mod fuzz_corpus;
mod generate;
mod help;
mod history;
mod import;
mod import_offices;
mod import_rows;
mod letter;
mod libreoffice_pdf;
mod limits;
mod optimiser_exhaustive;
mod optimiser_generated;
mod optimiser_milp;
mod optimiser_milp_shapes;
mod optimiser_properties;
mod optimiser_shapes;
mod overlay;
mod printable;
mod printed_constraints;
mod printed_rates;
mod printed_what_if;
mod report;
mod rule_installs;
mod rule_library;
mod rule_limits;
mod rule_lookups;
mod rule_tests;
mod rules;
mod rules_check;
mod scenario_load;
mod set;
mod sweep;
mod sweep_terminal;
mod synthetic;
mod terminal_width;
mod trust;
mod unit_type;
mod what_if_docs;
