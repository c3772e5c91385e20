//! Support code for hyde's differential tests against real Jekyll (tests/fixtures.rs) and the
//! `conformance` binary.

pub mod fixture_set;
pub mod tree_diff;
