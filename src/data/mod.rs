//! `_data` file formats as Jekyll reads them: YAML, JSON, CSV, TSV.
//! (Placeholder signatures until the data readers land.)
use crate::{Error, Result, Value};
use std::path::Path;
pub fn read_data_dir(_dir: &Path, _config: &Value) -> Result<Value> {
    Err(Error::new("data reader not merged yet"))
}
pub fn load_toml(_src: &str) -> Result<Value> {
    Err(Error::new("TOML reader not merged yet"))
}
