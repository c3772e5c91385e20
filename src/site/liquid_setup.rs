//! The Liquid engine as Jekyll configures it: options from `liquid:`, Jekyll's filters and
//! tags, and the registers (the site's services, the current page) they read.

use super::Site;
use crate::config::ConfigExt;
use crate::error::Result;
use crate::liquid::jekyll::{JekyllServices, Services};
use crate::liquid::{Context, Engine, ErrorMode, Options, Template};
use crate::value::{Hash, Value};
use std::sync::Arc;

/// The site as Jekyll's filters and tags see it.
pub struct SiteServices {
    pub site: Arc<Site>,
}

impl JekyllServices for SiteServices {
    fn baseurl(&self) -> Option<String> {
        self.site.config.str_of("baseurl")
    }

    fn url(&self) -> Option<String> {
        self.site.config.str_of("url")
    }

    fn markdownify(&self, input: &str) -> std::result::Result<String, String> {
        let opts = match self.site.renderer.get() {
            Some(r) => r.markdown.clone(),
            None => crate::markdown::Options::from_jekyll_config(&Value::hash(self.site.config.clone())),
        };
        crate::markdown::markdownify(input, &opts).map_err(|e| e.message)
    }

    fn smartify(&self, input: &str) -> std::result::Result<String, String> {
        // Jekyll runs kramdown's SmartyPants parser; hyde's kramdown has no such input yet.
        let _ = input;
        Err("smartify: kramdown's SmartyPants input is not implemented by hyde yet".into())
    }
}

/// The current page, as Jekyll's `registers[:page]`.
#[derive(Clone)]
pub struct CurrentPage(pub Value);

/// The engine every template of the site is parsed with.
pub fn engine(site: &Arc<Site>) -> Engine {
    let liquid = site.config.get("liquid");
    let get = |k: &str| liquid.as_ref().and_then(|l| l.get(k));
    let error_mode = get("error_mode")
        .and_then(|v| v.as_str().and_then(ErrorMode::from_name))
        .unwrap_or(ErrorMode::Warn);
    let options = Options {
        error_mode,
        strict_variables: get("strict_variables").is_some_and(|v| v.is_truthy()),
        strict_filters: get("strict_filters").is_some_and(|v| v.is_truthy()),
    };
    let mut engine = Engine::with_options(options);
    crate::liquid::jekyll::register_filters(&mut engine);
    engine
}

/// Renders `template` with Jekyll's payload and registers.
pub fn render(engine: &Engine, template: &Template, site: &Arc<Site>, payload: &Hash, page: &Value) -> Result<String> {
    let _ = engine;
    let mut ctx = Context::new(payload.clone());
    ctx.registers.insert(Services(Arc::new(SiteServices { site: site.clone() })));
    ctx.registers.insert(CurrentPage(page.clone()));
    template.render(&mut ctx)
}
