//! jekyll-paginate-v2 (3.0.0): pagination of any collection, filtered by category, tag or
//! locale, configured per page, plus AutoPages for tags, categories and collections.

mod autopages;
mod config;
mod generator;
mod indexer;
mod paginator;

use crate::error::Result;
use crate::site::Site;

/// The plugin: one generator at priority `:lowest`, autopages first, then pagination.
pub struct JekyllPaginateV2;

impl crate::plugins::Plugin for JekyllPaginateV2 {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-paginate-v2"]
    }

    fn priority(&self) -> i32 {
        -100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        let first_autopage = site.pages.len();
        autopages::create(site)?;
        let removed_before = generator::run(site, first_autopage)?;
        generator::share_parsed_templates(site, first_autopage - removed_before);
        Ok(())
    }
}
