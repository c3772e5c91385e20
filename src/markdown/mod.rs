//! Markdown exactly as kramdown 2.4 (+ GFM parser 1.1) renders it under Jekyll.
//! (Placeholder signatures until the kramdown engine lands.)
use crate::{Error, Result, Value};
pub struct Options;
impl Options {
    pub fn from_jekyll_config(_config: &Value) -> Options {
        Options
    }
}
pub fn to_html(_src: &str, _opts: &Options) -> Result<String> {
    Err(Error::new("kramdown engine not merged yet"))
}
