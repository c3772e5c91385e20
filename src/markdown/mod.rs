//! Markdown exactly as kramdown 2.4 (+ GFM parser 1.1) renders it under Jekyll.
//!
//! [`to_html`] parses a document with kramdown's block and span grammar (the GFM parser's
//! variant when `input: GFM`, Jekyll's default) and converts it with kramdown's HTML
//! converter. [`Options::from_jekyll_config`] builds the options Jekyll would pass.

mod convert;
mod element;
mod entities;
pub(crate) mod entity_table;
mod html;
mod html_native;
mod ial;
mod lines;
mod list;
mod options;
mod parser;
mod patterns;
mod scan;
mod span;
mod table;
mod transliterate;
mod tree;

pub use options::{HighlighterOpts, Options};

/// Converts a kramdown document to HTML as kramdown's HTML converter does.
pub fn to_html(src: &str, opts: &Options) -> Result<String, crate::Error> {
    let mut parser = parser::Parser::new(opts.clone());
    let root = parser.parse_document(src);
    let mut conv = convert::Converter::new(&parser);
    Ok(conv.convert_root(&root))
}

/// Jekyll's `markdownify` filter: the site's markdown converter on a string.
pub fn markdownify(src: &str, opts: &Options) -> Result<String, crate::Error> {
    to_html(src, opts)
}

/// Jekyll's `smartify` filter: Jekyll's SmartyPants converter, i.e. kramdown with Jekyll's
/// `Kramdown::Parser::SmartyPants` input (HTML blocks kept, every other line plain text with
/// smart quotes, entities, typographic symbols and HTML spans) and kramdown's HTML converter
/// with the site's kramdown options; the output loses one trailing newline (`chomp`).
pub fn smartify(src: &str, opts: &Options) -> Result<String, crate::Error> {
    let mut opts = opts.clone();
    // The SmartyPants parser derives from kramdown's own parser, whatever `input` says.
    opts.gfm = false;
    let mut parser = parser::Parser::new(opts);
    parser.smartypants = true;
    let root = parser.parse_document(src);
    let mut conv = convert::Converter::new(&parser);
    let mut html = conv.convert_root(&root);
    chomp(&mut html);
    Ok(html)
}

/// Ruby's `String#chomp`: removes one trailing `\n`, `\r\n` or `\r`.
fn chomp(s: &mut String) {
    if s.ends_with('\n') {
        s.pop();
        if s.ends_with('\r') {
            s.pop();
        }
    } else if s.ends_with('\r') {
        s.pop();
    }
}

#[cfg(test)]
mod smartify_tests;
#[cfg(test)]
mod tests;
