//! YAML with Ruby Psych semantics (YAML 1.1 scalars). See the yaml issue.
//! (Placeholder signature until the YAML engine lands.)
use crate::{Error, Result, Value};
pub fn load(_src: &str) -> Result<Value> {
    Err(Error::new("YAML engine not merged yet"))
}
