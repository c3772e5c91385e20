//! Sass/SCSS pages as Jekyll 4.3 converts them with jekyll-sass-converter 2.2 (sassc, i.e.
//! libsass 3.6).
//!
//! grass compiles the Sass (it follows dart-sass semantics, which libsass shares for everything
//! Bootstrap-4-era stylesheets use); its `expanded` output is then re-parsed (`css_tree`) and
//! printed the way libsass prints it (`emit`, `values`), in the style the site asks for
//! (`compact` by default in 2.2). Sources are rewritten on their way into grass
//! (`preprocess`) so that values libsass keeps verbatim stay verbatim, and scanned for the few
//! facts grass's output loses (how attribute values and `:nth-*` arguments were written, which
//! numbers and colors were literals in lists, which rules were written at top level).
//!
//! Measured: Bootstrap 4.6.2 and an al-folio-like `main.scss` come out byte-identical to
//! Jekyll's in `compact`, `expanded` and `compressed`.
//!
//! Source maps and `line_comments` need to know where each printed rule, declaration and value
//! was written, which grass does not say: `positions` scans the SCSS sources and serves them to
//! grass with marker comments after each rule's `{`, before each declaration and in each
//! `@media`/CSS at-rule block; grass carries them to where the rules end up (imports, mixins,
//! loops, `@media` bubbling, `@extend` included), `css_tree` turns them back into origins, and
//! `emit` writes libsass's mappings as it prints (`mapping` holds libsass's rules: which tokens
//! are mapped, and its quirks, e.g. a one-line block ending one column late, or what
//! libsass's position count loses after an interpolated selector, for the rest of the file).
//! Measured against Jekyll 4.3.1 (libsass 3.6.5):
//!
//! * `.css.map` byte-identical: 20 of the 56 test stylesheet × style combinations in
//!   `testdata` (al-folio-like, comments, source map, line comments and interpolation cases in
//!   all four styles), a real al-folio `main.scss` (variables, themes, layout, base, distill
//!   partials) in all four styles, and the `sass-defaults` and `sass-nested` fixtures; 92.4%
//!   of all libsass mappings of the 56 are reproduced (Bootstrap-like 89%), 97.8% on minima
//!   2.5, 83% on Bootstrap 4.6.2 (13% in `nested`, whose indentation still differs). Not
//!   reproduced: `.sass` (indented) sources (not scanned: no mappings at all); the positions
//!   libsass gives values computed in mixins and functions beyond the simple cases handled (a
//!   mixin parameter maps to the `@include` argument written in the printed rule, a
//!   `map("key")` lookup to the map entry, an `@each` variable to its list item), e.g. `if()`
//!   maps to the branch taken, a `@for` variable to its bound, a user function to what it
//!   returns; interpolation in values (libsass's columns drift after them); `&` in an
//!   interpolated or suffixed selector (`&-item`); the parent part of rules written in a
//!   mixin included by another mixin; `@supports`; `@use`/`@forward`; a few color functions
//!   (`invert()`, nested `rgba()`) whose position libsass takes from an argument or the
//!   call;
//! * `line_comments: true`: the `/* line N, path */` comments match in all four styles on
//!   every test stylesheet and on Bootstrap 4.6.2 in `compact`, `expanded` and `compressed`
//!   (the path relative to the working directory, as libsass writes it);
//! * `nested` style: rules are indented once per enclosing written rule that has declarations
//!   of its own (al-folio-like and real al-folio byte-identical); a rule or `@media` written in
//!   a mixin falls back to guessing from the selectors (lines differing: minima 6 of 503,
//!   Bootstrap-like 2, Bootstrap 4.6.2 434 of 7211); this needs the markers, so `nested` always
//!   scans its sources.
//!
//! Other deliberate or known differences:
//!
//! * For `.sass` sources libsass stores its internal SCSS translation in `sourcesContent`;
//!   hyde stores the file as written;
//! * `expanded`/`nested`: where a selector with `&` not in first position (`.was-validated &`)
//!   is nested in a selector list written over several lines, libsass starts no new line for
//!   the resolved selectors and grass does (Bootstrap 5.1: 4 rules);
//! * compressed output: libsass drops the leading zero of a number depending on whether it was
//!   a literal, came from a variable or was computed (`0.5 + 0` keeps it); grass's output does
//!   not say, so literals are recognised from the list values written in the sources and every
//!   other number loses its zero; same for colors (`white` from a variable prints `#fff`);
//! * `precision:` (outside safe mode) above 10 cannot add digits grass already rounded away;
//! * libsass has no module system: `@use`/`@forward` are printed as plain at-rules as libsass
//!   does, but `math.div()` and friends fail in both, with different messages;
//! * recursion libsass refuses ("stack level too deep", about 1000 mixin levels) compiles here;
//! * `implementation: sass-embedded` (which Jekyll 4.3 only honours when that gem is installed)
//!   gives grass's own dart-sass-style output;
//! * error messages keep grass's wording (plus `path:line:col` and the import chain), except
//!   a missing import, worded as libsass does and listing the load paths.
//!
//! For the site pipeline: a `.scss`/`.sass` page is converted with [`convert_page`]; when it
//! returns a [`SourceMapPage`], Jekyll adds that page (same directory, same front matter, no
//! Liquid, `<basename>.css.map`) to `site.pages` right after converting. Only `Jekyll::Page`s
//! get a source map and their real name; Sass files that are collection documents, and the
//! `scssify`/`sassify` filters, are converted "unassociated" (input named `stdin`, no map).

mod colors;
mod compile;
mod css_tree;
mod emit;
mod mapping;
mod options;
mod positions;
mod preprocess;
mod selector_tokens;
mod source_map;
#[cfg(test)]
mod tests;
mod values;

use std::path::Path;

pub use options::{Implementation, SassOptions, SourcemapMode, Style};

use crate::Error;

/// The input syntax: `.scss` pages or `.sass` (indented) pages.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum Syntax {
    Scss,
    Sass,
}

impl Syntax {
    /// The converter for a page extension (`Scss#matches`/`Sass#matches`, case-insensitive).
    pub fn for_extension(ext: &str) -> Option<Syntax> {
        let ext = ext.trim_start_matches('.');
        if ext.eq_ignore_ascii_case("scss") {
            Some(Syntax::Scss)
        } else if ext.eq_ignore_ascii_case("sass") {
            Some(Syntax::Sass)
        } else {
            None
        }
    }
}

/// A converted page: its CSS and, when the site wants source maps, the `.css.map` page Jekyll
/// adds next to it.
#[derive(Debug, Clone, PartialEq)]
pub struct Converted {
    pub css: String,
    pub source_map: Option<SourceMapPage>,
}

/// `Jekyll::SourceMapPage`: written in the CSS page's directory as `<basename>.css.map`, with
/// the CSS page's front matter (so a `permalink` there applies to it too) and no Liquid.
#[derive(Debug, Clone, PartialEq)]
pub struct SourceMapPage {
    /// `<basename>.css.map`
    pub name: String,
    pub content: String,
}

/// `Scss#convert` for a page: `content` is the page body after front matter (and Liquid), `file`
/// the page's source path (only its file name matters, as for the converter). The CSS ends
/// with the `sourceMappingURL` comment when a source map is produced.
pub fn convert(
    content: &str,
    syntax: Syntax,
    file: &Path,
    opts: &SassOptions,
) -> Result<String, Error> {
    convert_page(content, syntax, file, opts).map(|c| c.css)
}

/// Like [`convert`], also returning the source map page.
pub fn convert_page(
    content: &str,
    syntax: Syntax,
    file: &Path,
    opts: &SassOptions,
) -> Result<Converted, Error> {
    let name = file
        .file_name()
        .map(|n| n.to_string_lossy().into_owned())
        .unwrap_or_else(|| "stdin".into());
    let basename = match name.rfind('.') {
        Some(dot) if dot > 0 => name[..dot].to_string(),
        _ => name.clone(),
    };
    let want_map = opts.sourcemap_required();
    let result = compile::compile(content, syntax, &name, file, opts)?;
    let Some(result) = result else {
        // SassC returns an empty template untouched, and then has no source map to give.
        return Ok(Converted {
            css: String::new(),
            source_map: None,
        });
    };
    let map_name = format!("{basename}.css.map");
    let mut css = finish_css(result.css, opts);
    if !want_map {
        if opts.implementation == Implementation::SassEmbedded {
            css.push('\n');
        }
        return Ok(Converted {
            css,
            source_map: None,
        });
    }
    // libsass writes the map's path as is; the sass-embedded branch URI-encodes it.
    let url = match opts.implementation {
        Implementation::Sassc => map_name.clone(),
        Implementation::SassEmbedded => {
            percent_encoding::utf8_percent_encode(&map_name, URL_ESCAPES).to_string()
        }
    };
    css.push_str(match opts.implementation {
        Implementation::Sassc => "\n",
        Implementation::SassEmbedded => "\n\n",
    });
    css.push_str(&format!("/*# sourceMappingURL={url} */"));
    let mappings = mapping::serialize(&result.mappings);
    let content = source_map::render(&format!("{basename}.css"), &result.sources, &mappings, opts);
    Ok(Converted {
        css,
        source_map: Some(SourceMapPage {
            name: map_name,
            content,
        }),
    })
}

/// Characters `Addressable::URI.encode` escapes in the map file name (sass-embedded only).
const URL_ESCAPES: &percent_encoding::AsciiSet = &percent_encoding::CONTROLS
    .add(b' ')
    .add(b'"')
    .add(b'<')
    .add(b'>')
    .add(b'`')
    .add(b'{')
    .add(b'}')
    .add(b'%');

/// The BOM libsass puts before non-ASCII compressed output is replaced as the converter does.
fn finish_css(css: String, opts: &SassOptions) -> String {
    match css.strip_prefix('\u{feff}') {
        Some(rest) if opts.add_charset => format!("@charset \"UTF-8\";{rest}"),
        Some(rest) => rest.to_string(),
        None => css,
    }
}

/// The `scssify` Liquid filter: the converter with no page, so no source map, input named
/// `stdin` (imports resolve from the site source, then the load paths).
pub fn scssify(input: &str, opts: &SassOptions) -> Result<String, Error> {
    filter(input, Syntax::Scss, opts)
}

/// The `sassify` Liquid filter (indented syntax).
pub fn sassify(input: &str, opts: &SassOptions) -> Result<String, Error> {
    filter(input, Syntax::Sass, opts)
}

fn filter(input: &str, syntax: Syntax, opts: &SassOptions) -> Result<String, Error> {
    let path = opts.source_dir.join("stdin");
    match compile::compile(input, syntax, "stdin", &path, opts)? {
        Some(result) => {
            let mut css = finish_css(result.css, opts);
            if opts.implementation == Implementation::SassEmbedded {
                css.push('\n');
            }
            Ok(css)
        }
        None => Ok(String::new()),
    }
}
