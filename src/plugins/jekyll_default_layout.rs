//! jekyll-default-layout (0.1.5): Markdown pages and posts that name no layout (in front
//! matter or front matter defaults) get one, if the site has it: `home` for the page at `/`,
//! `page` for other pages, `post` for posts, else `default`.

use crate::error::Result;
use crate::site::Site;
use crate::value::Value;

/// Which of the site's layouts an item gets (`layout_for`); nil when none of them exists.
fn layout_for(site: &Site, is_index: bool, is_page: bool, is_post: bool) -> Value {
    let exists = |name: &str| site.layouts.contains_key(name);
    let name = if is_index && exists("home") {
        "home"
    } else if is_page && exists("page") {
        "page"
    } else if is_post && exists("post") {
        "post"
    } else if exists("default") {
        "default"
    } else {
        return Value::Nil;
    };
    Value::str(name)
}

/// The plugin: a generator at priority `:lowest`.
pub struct JekyllDefaultLayout;

impl crate::plugins::Plugin for JekyllDefaultLayout {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-default-layout"]
    }

    fn priority(&self) -> i32 {
        -100
    }

    fn generate(&self, site: &mut Site) -> Result<()> {
        generate(site)
    }
}

/// The generator: every page, then every post (`site.pages + site.posts.docs`).
pub fn generate(site: &mut Site) -> Result<()> {
    for i in 0..site.pages.len() {
        let page = &site.pages[i];
        // `to_liquid.key?("layout")`: front matter or a front matter default names one.
        if !site.converters.is_markdown(&page.ext) || page.liquid_data.contains_key("layout") {
            continue;
        }
        let layout = layout_for(site, page.url == "/", true, false);
        let page = &mut site.pages[i];
        page.data.insert("layout".into(), layout.clone());
        page.liquid_data.insert("layout".into(), layout);
    }
    let Some(count) = site.posts().map(|p| p.docs.len()) else {
        return Ok(());
    };
    for i in 0..count {
        let doc = &site.collections["posts"].docs[i];
        if !site.converters.is_markdown(&doc.extname) || doc.data.contains_key("layout") {
            continue;
        }
        let layout = layout_for(site, doc.url == "/", false, true);
        if let Some(posts) = site.collections.get_mut("posts") {
            posts.docs[i].data.insert("layout".into(), layout);
        }
    }
    Ok(())
}
