//! What can be wrong in a scenario, each kind with its data, worded once per language: one
//! file per subject, one enum per kind of problem.

mod district;
mod document;

pub(crate) use district::{DistrictProblem, Remove};
pub(crate) use document::{DocumentProblem, Expected, Found};
