//! A Liquid engine with Ruby Liquid 4.0.x semantics.
//! (Placeholder signatures until the Liquid engine lands.)
use crate::{Error, Result};
pub struct Engine;
pub struct Template;
impl Engine {
    pub fn parse(&self, _src: &str, _path: Option<&str>) -> Result<Template> {
        Err(Error::new("Liquid engine not merged yet"))
    }
}
