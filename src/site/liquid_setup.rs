//! The Liquid engine as Jekyll configures it: options from `liquid:`, Jekyll's tags and
//! filters, and the registers (`site`, `page`) they read.

use super::Site;
use crate::error::{Error, Result};
use crate::value::{Hash, Value};
use std::sync::Arc;

pub fn engine(_site: &Arc<Site>) -> crate::liquid::Engine {
    crate::liquid::Engine
}

pub fn render(
    _engine: &crate::liquid::Engine,
    _template: &crate::liquid::Template,
    _site: &Arc<Site>,
    _payload: &Hash,
    _page: &Value,
) -> Result<String> {
    Err(Error::new("Liquid engine not merged yet"))
}
