//! The `html_to_native` option: parsed HTML elements become native kramdown elements
//! (`<em>` an emphasis, `<h2>` a header, `<pre>` a code block, simple `<table>`s tables, ...),
//! with text whitespace compressed and entities resolved as kramdown's HTML parser does.

use super::element::{Align, ContentModel, El, Kind};
use super::entities;
use super::patterns::{content_model, HTML_BLOCK_ELEMENTS, HTML_ENTITY, HTML_SPAN_ELEMENTS};
use super::scan::re;

const REMOVE_TEXT_CHILDREN: &[&str] = &[
    "html", "head", "hgroup", "ol", "ul", "dl", "table", "colgroup", "tbody", "thead", "tfoot",
    "tr", "select", "optgroup",
];
const WRAP_TEXT_CHILDREN: &[&str] = &[
    "body",
    "section",
    "nav",
    "article",
    "aside",
    "header",
    "footer",
    "address",
    "div",
    "li",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "fieldset",
    "form",
];
const REMOVE_WHITESPACE_CHILDREN: &[&str] = &[
    "body",
    "section",
    "nav",
    "article",
    "aside",
    "header",
    "footer",
    "address",
    "div",
    "li",
    "dd",
    "blockquote",
    "figure",
    "figcaption",
    "td",
    "th",
    "fieldset",
    "form",
];
const STRIP_WHITESPACE: &[&str] = &[
    "address",
    "article",
    "aside",
    "blockquote",
    "body",
    "caption",
    "dd",
    "div",
    "dl",
    "dt",
    "fieldset",
    "figcaption",
    "form",
    "footer",
    "header",
    "h1",
    "h2",
    "h3",
    "h4",
    "h5",
    "h6",
    "legend",
    "li",
    "nav",
    "p",
    "section",
    "td",
    "th",
];
const SIMPLE_ELEMENTS: &[&str] = &[
    "em",
    "strong",
    "blockquote",
    "hr",
    "br",
    "img",
    "p",
    "thead",
    "tbody",
    "tfoot",
    "tr",
    "td",
    "th",
    "ul",
    "ol",
    "dl",
    "li",
    "dt",
    "dd",
];

re!(WHITESPACE_RUN, "\\s+");
re!(
    HIGHLIGHTER_CLASS,
    "\\s+\\bhighlighter-\\w+\\b|\\bhighlighter-\\w+\\b\\s*"
);
re!(LANGUAGE_CLASS, "\\blanguage-\\S+");
re!(ALIGN_STYLE, "(?:;\\s*)?text-align:\\s+(center|left|right)");
re!(
    SIMPLE_ALIGN_STYLE,
    "text-align:\\s+(center|left|right|justify|inherit)"
);
re!(MATH_TYPE, "\\bmath/tex\\b");
re!(
    MATH_CDATA,
    "\\A(?:%\\s*)?<!\\[CDATA\\[\\n?((?s:.*?))(?:\\s%)?\\]\\]>\\z"
);

/// Whether kramdown counts the element as block-level.
fn is_block(el: &El) -> bool {
    match el.kind {
        Kind::Blank
        | Kind::P
        | Kind::Header
        | Kind::Blockquote
        | Kind::Codeblock
        | Kind::Ul
        | Kind::Ol
        | Kind::Li
        | Kind::Dl
        | Kind::Dt
        | Kind::Dd
        | Kind::Table
        | Kind::Thead
        | Kind::Tbody
        | Kind::Tfoot
        | Kind::Tr
        | Kind::Td
        | Kind::Hr => true,
        Kind::HtmlElement | Kind::XmlComment | Kind::XmlPi | Kind::Math | Kind::Raw => {
            !el.opts.span
        }
        _ => false,
    }
}

/// Converts the HTML element `el` (and its HTML descendants) to native elements.
pub fn convert(el: &mut El) {
    process(el, true, false, None);
}

fn process(el: &mut El, convert: bool, preserve_text: bool, parent: Option<(Kind, &str)>) {
    match el.kind {
        Kind::XmlComment | Kind::XmlPi => {
            let ptype = match parent {
                None => "div",
                Some((Kind::HtmlElement, v)) => v,
                Some((Kind::Codespan, _)) => "code",
                Some((Kind::Codeblock, _)) => "pre",
                Some((Kind::Header, _)) => "h1",
                Some((Kind::Em, _)) => "em",
                Some((Kind::Strong, _)) => "strong",
                Some((Kind::A, _)) => "a",
                Some((Kind::P, _)) => "p",
                Some(_) => "",
            };
            el.opts.span = content_model(ptype) == ContentModel::Span;
            return;
        }
        Kind::HtmlElement => {}
        _ => return,
    }
    let name = el.value.clone();
    if convert {
        match name.as_str() {
            "textarea" => return process_html_element(el, true, true),
            "a" => {
                if el.attr.contains_key("href") {
                    set_basics(el, Kind::A);
                    process_children(el, true, false);
                } else {
                    process_html_element(el, false, false);
                }
                return;
            }
            "em" | "strong" | "b" | "i" => return convert_emphasis(el),
            "h1" | "h2" | "h3" | "h4" | "h5" | "h6" => {
                let level = name.as_bytes()[1] - b'0';
                set_basics(el, Kind::Header);
                el.opts.level = level;
                let mut raw = String::new();
                extract_text(el, &mut raw);
                el.opts.raw_text = Some(raw);
                process_children(el, true, false);
                return;
            }
            "code" | "pre" => return convert_code(el),
            "table" => return convert_table(el),
            "script" => {
                let is_math = el.attr.get("type").is_some_and(|t| MATH_TYPE.is_match(t));
                if is_math {
                    handle_math_tag(el);
                } else {
                    process_html_element(el, true, false);
                }
                return;
            }
            _ => {}
        }
    }
    if convert && REMOVE_TEXT_CHILDREN.contains(&name.as_str()) {
        el.children.retain(|c| c.kind != Kind::Text);
    }
    if convert {
        if let Some(kind) = simple_kind(&name) {
            set_basics(el, kind);
            process_children(el, true, preserve_text);
        } else {
            process_html_element(el, true, preserve_text);
        }
        if STRIP_WHITESPACE.contains(&name.as_str()) {
            strip_whitespace(el);
        }
        if REMOVE_WHITESPACE_CHILDREN.contains(&name.as_str()) {
            remove_whitespace_children(el);
        }
        if WRAP_TEXT_CHILDREN.contains(&name.as_str()) {
            wrap_text_children(el);
        }
    } else {
        process_html_element(el, false, preserve_text);
    }
}

fn simple_kind(name: &str) -> Option<Kind> {
    if !SIMPLE_ELEMENTS.contains(&name) {
        return None;
    }
    Some(match name {
        "em" => Kind::Em,
        "strong" => Kind::Strong,
        "blockquote" => Kind::Blockquote,
        "hr" => Kind::Hr,
        "br" => Kind::Br,
        "img" => Kind::Img,
        "p" => Kind::P,
        "thead" => Kind::Thead,
        "tbody" => Kind::Tbody,
        "tfoot" => Kind::Tfoot,
        "tr" => Kind::Tr,
        // kramdown keeps `th` as its own type until a table conversion renames it.
        "td" | "th" => Kind::Td,
        "ul" => Kind::Ul,
        "ol" => Kind::Ol,
        "dl" => Kind::Dl,
        "li" => Kind::Li,
        "dt" => Kind::Dt,
        _ => Kind::Dd,
    })
}

fn process_children(el: &mut El, convert: bool, preserve_text: bool) {
    let kind = el.kind;
    let value = el.value.clone();
    let children = std::mem::take(&mut el.children);
    for mut c in children {
        if c.kind == Kind::Text {
            el.children
                .extend(process_text(&c.value, preserve_text || !convert));
        } else {
            process(&mut c, convert, preserve_text, Some((kind, &value)));
            el.children.push(c);
        }
    }
}

/// Text of HTML: whitespace runs compressed (unless preserved), entities as elements.
fn process_text(raw: &str, preserve: bool) -> Vec<El> {
    let text = if preserve {
        raw.to_string()
    } else {
        WHITESPACE_RUN.replace_all(raw, |_, _| " ".to_string())
    };
    let mut out = Vec::new();
    let mut pos = 0;
    while pos < text.len() {
        let Some(m) = HTML_ENTITY.find_from(&text, pos) else {
            out.push(El::with_value(Kind::Text, &text[pos..]));
            break;
        };
        out.push(El::with_value(Kind::Text, &text[pos..m.start()]));
        let c = m;
        let original = &text[c.start()..c.end()];
        let ent = if let Some(name) = c.get(&text, 1) {
            match name {
                "lsquo" | "rsquo" | "ldquo" | "rdquo" => {
                    out.push(El::with_value(Kind::SmartQuote, name));
                    pos = c.end();
                    continue;
                }
                "mdash" | "ndash" | "hellip" | "laquo" | "raquo" => {
                    out.push(El::with_value(Kind::TypographicSym, name));
                    pos = c.end();
                    continue;
                }
                _ => entities::by_name(name),
            }
        } else if let Some(d) = c.get(&text, 2) {
            Some(entities::by_code(d.parse::<u64>().unwrap_or(u64::MAX)))
        } else {
            Some(entities::by_code(
                u64::from_str_radix(c.str(&text, 3), 16).unwrap_or(u64::MAX),
            ))
        };
        let mut e = El::new(Kind::Entity);
        match ent {
            Some(ent) => {
                e.opts.entity = Some(ent);
                e.opts.original = Some(original.to_string());
                pos = c.end();
            }
            None => {
                // An unknown entity: its `&` becomes `&amp;`, the rest stays text.
                e.opts.entity = entities::by_name("amp");
                pos = c.start() + 1;
            }
        }
        out.push(e);
    }
    out
}

fn process_html_element(el: &mut El, convert: bool, preserve_text: bool) {
    el.opts.span = HTML_SPAN_ELEMENTS.contains(&el.value.as_str());
    el.opts.content_model = Some(if convert {
        content_model(&el.value)
    } else {
        ContentModel::Raw
    });
    process_children(el, convert, preserve_text);
}

fn wrap_text_children(el: &mut El) {
    let children = std::mem::take(&mut el.children);
    let mut last_is_p = false;
    for c in children {
        if !is_block(&c) || c.kind == Kind::Text {
            if !last_is_p {
                let mut p = El::new(Kind::P);
                p.opts.transparent = true;
                el.children.push(p);
                last_is_p = true;
            }
            if let Some(p) = el.children.last_mut() {
                p.children.push(c);
            }
        } else {
            el.children.push(c);
            last_is_p = false;
        }
    }
}

fn strip_whitespace(el: &mut El) {
    if let Some(first) = el.children.first_mut() {
        if first.kind == Kind::Text {
            first.value = first.value.trim_start_matches(ruby_ws).to_string();
        }
    }
    if let Some(last) = el.children.last_mut() {
        if last.kind == Kind::Text {
            last.value = last.value.trim_end_matches(ruby_ws_or_nul).to_string();
        }
    }
}

fn ruby_ws(c: char) -> bool {
    matches!(c, ' ' | '\t' | '\n' | '\x0B' | '\x0C' | '\r')
}

fn ruby_ws_or_nul(c: char) -> bool {
    ruby_ws(c) || c == '\0'
}

fn remove_whitespace_children(el: &mut El) {
    let n = el.children.len();
    let keep: Vec<bool> = (0..n)
        .map(|i| {
            let c = &el.children[i];
            let blank = c.kind == Kind::Text && c.value.trim_matches(ruby_ws_or_nul).is_empty();
            !(blank
                && (i == 0
                    || i == n - 1
                    || (is_block(&el.children[i - 1]) && is_block(&el.children[i + 1]))))
        })
        .collect();
    let mut i = 0;
    el.children.retain(|_| {
        i += 1;
        keep[i - 1]
    });
}

fn set_basics(el: &mut El, kind: Kind) {
    el.kind = kind;
    el.opts = Default::default();
    el.value.clear();
}

fn extract_text(el: &El, raw: &mut String) {
    if el.kind == Kind::Text {
        raw.push_str(&el.value);
    }
    for c in &el.children {
        extract_text(c, raw);
    }
}

fn convert_emphasis(el: &mut El) {
    let mut text = String::new();
    extract_text(el, &mut text);
    if text.starts_with(ruby_ws) || text.ends_with(ruby_ws) {
        process_html_element(el, false, false);
    } else {
        let kind = if el.value == "em" || el.value == "i" {
            Kind::Em
        } else {
            Kind::Strong
        };
        set_basics(el, kind);
        process_children(el, true, false);
    }
}

fn convert_code(el: &mut El) {
    let mut raw = String::new();
    extract_text(el, &mut raw);
    let mut plain = String::new();
    for c in process_text(&raw, true) {
        match c.kind {
            Kind::Text => plain.push_str(&c.value),
            Kind::Entity => {
                let Some(ch) = c.opts.entity.as_ref().and_then(entities::char_of) else {
                    // A code point that is no character: kramdown keeps the HTML element.
                    return process_html_element(el, false, true);
                };
                plain.push(ch);
            }
            _ => match entities::by_name(&c.value).and_then(|e| entities::char_of(&e)) {
                Some(ch) => plain.push(ch),
                None => return process_html_element(el, false, true),
            },
        }
    }
    if el.value == "code" {
        let class = el
            .attr
            .get("class")
            .map(|c| HIGHLIGHTER_CLASS.replace_all(c, |_, _| String::new()));
        set_basics(el, Kind::Codespan);
        if let Some(c) = class {
            el.attr.insert("class".into(), c);
        }
    } else {
        let lang = match el.children.as_slice() {
            [only] if only.kind == Kind::HtmlElement && only.value == "code" => {
                only.attr.get("class").and_then(|c| {
                    LANGUAGE_CLASS
                        .find_from(c, 0)
                        .map(|m| c[m.start()..m.end()].to_string())
                })
            }
            _ => None,
        };
        set_basics(el, Kind::Codeblock);
        if let Some(lang) = lang {
            let class = match el.attr.get("class") {
                Some(c) => format!("{lang} {c}").trim_end().to_string(),
                None => lang,
            };
            el.attr.insert("class".into(), class);
        }
    }
    el.value = plain;
    el.children.clear();
}

fn cells(row: &El) -> impl Iterator<Item = &El> {
    row.children
        .iter()
        .filter(|c| c.kind == Kind::HtmlElement && (c.value == "th" || c.value == "td"))
}

fn only_phrasing_content(el: &El) -> bool {
    el.children.iter().all(|c| {
        (c.kind == Kind::Text
            || !(c.kind == Kind::HtmlElement && HTML_BLOCK_ELEMENTS.contains(&c.value.as_str())))
            && only_phrasing_content(c)
    })
}

fn is_html(el: &El, name: &str) -> bool {
    el.kind == Kind::HtmlElement && el.value == name
}

fn collect_rows<'a>(el: &'a El, rows: &mut Vec<&'a El>) {
    if is_html(el, "tr") {
        rows.push(el);
    } else {
        for c in &el.children {
            collect_rows(c, rows);
        }
    }
}

fn is_simple_table(table: &El) -> bool {
    let mut rows = Vec::new();
    for c in &table.children {
        collect_rows(c, &mut rows);
    }
    // Cells may hold only phrasing content (kramdown looks at every th/td it meets).
    fn cells_ok(el: &El) -> bool {
        if is_html(el, "th") || is_html(el, "td") {
            only_phrasing_content(el)
        } else {
            el.children.iter().all(cells_ok)
        }
    }
    if !table.children.iter().all(cells_ok) {
        return false;
    }
    let mut nr_cells = 0;
    for r in &rows {
        let count = cells(r).count();
        if count != nr_cells {
            if nr_cells == 0 {
                nr_cells = count;
            } else {
                return false;
            }
        }
    }
    let mut alignment: Option<Vec<String>> = None;
    for r in &rows {
        let mut cur = Vec::new();
        for cell in cells(r) {
            let style = cell.attr.get("style").map(String::as_str).unwrap_or("");
            match SIMPLE_ALIGN_STYLE.find_from(style, 0) {
                Some(c) => {
                    let a = c.str(style, 1);
                    if a == "justify" || a == "inherit" {
                        return false;
                    }
                    cur.push(a.to_string());
                }
                None => cur.push("default".into()),
            }
        }
        match &alignment {
            None => alignment = Some(cur),
            Some(a) if *a != cur => return false,
            _ => {}
        }
    }
    let check_rows = |t: &El, ty: &str| {
        t.children.iter().all(|r| {
            (is_html(r, "tr") || r.kind == Kind::Text)
                && r.children
                    .iter()
                    .all(|c| is_html(c, ty) || c.kind == Kind::Text)
        })
    };
    check_rows(table, "td")
        || (table.children.iter().all(|t| {
            t.kind == Kind::Text
                || (is_html(t, "thead") && check_rows(t, "th"))
                || ((is_html(t, "tfoot") || is_html(t, "tbody")) && check_rows(t, "td"))
        }) && table.children.iter().any(|t| is_html(t, "tbody")))
}

fn convert_table(el: &mut El) {
    if !is_simple_table(el) {
        return process_html_element(el, false, false);
    }
    el.children.retain(|c| c.kind != Kind::Text);
    process_children(el, true, false);
    set_basics(el, Kind::Table);
    fn find_alignment(el: &mut El) -> Option<Vec<Align>> {
        if el.kind == Kind::Tr {
            let mut aligns = Vec::new();
            for td in el.children.iter_mut() {
                let Some(style) = td.attr.get("style").cloned() else {
                    aligns.push(Align::Default);
                    continue;
                };
                let (rest, align) = match ALIGN_STYLE.find_from(&style, 0) {
                    Some(c) => {
                        let a = match c.str(&style, 1) {
                            "center" => Align::Center,
                            "left" => Align::Left,
                            _ => Align::Right,
                        };
                        (format!("{}{}", &style[..c.start()], &style[c.end()..]), a)
                    }
                    None => (style, Align::Default),
                };
                if rest.trim_matches(ruby_ws_or_nul).is_empty() {
                    td.attr.shift_remove("style");
                } else {
                    td.attr.insert("style".into(), rest);
                }
                aligns.push(align);
            }
            return Some(aligns);
        }
        // kramdown keeps the alignment of the last row it sees.
        let mut last = None;
        for c in el.children.iter_mut() {
            if let Some(a) = find_alignment(c) {
                last = Some(a);
            }
        }
        last
    }
    el.opts.alignment = find_alignment(el).unwrap_or_default();
    el.children.retain(|c| c.kind != Kind::HtmlElement);
    if el.children.first().is_some_and(|c| c.kind == Kind::Tr) {
        let mut tbody = El::new(Kind::Tbody);
        tbody.children = std::mem::take(&mut el.children);
        el.children.push(tbody);
    }
}

fn handle_math_tag(el: &mut El) {
    let display = el
        .attr
        .get("type")
        .is_some_and(|t| t.contains("mode=display"));
    let body = if el.children.is_empty() {
        String::new()
    } else {
        el.children.remove(0).value
    };
    let value = match MATH_CDATA.find_from(&body, 0) {
        Some(c) => format!("{}{}", c.str(&body, 1), &body[c.end()..]),
        None => body,
    };
    let attr = std::mem::take(&mut el.attr);
    set_basics(el, Kind::Math);
    el.attr = attr;
    el.attr.shift_remove("type");
    el.opts.span = !display;
    el.value = value;
}

#[cfg(test)]
mod tests {
    use crate::markdown::{to_html, Options};

    /// Expected values: kramdown 2.4 with `html_to_native: true, auto_ids: false`.
    const CASES: &[(&str, &str)] = &[
        (
            "<div>text <p>para</p> more</div>\n",
            "<div>\ntext   <p>para</p>\n more\n</div>\n",
        ),
        (
            "<ul>\n  <li>one</li>\n  <li><p>two</p></li>\n</ul>\n",
            "<ul>\n  <li>one</li>\n  <li>\n    <p>two</p>\n  </li>\n</ul>\n",
        ),
        (
            "<table>\n<thead><tr><th style=\"text-align: center; color: red\">a</th></tr></thead>\n<tbody><tr><td style=\"text-align: center\">b</td></tr></tbody>\n</table>\n",
            "<table>\n  <thead>\n    <tr>\n      <th style=\"; color: red; text-align: center\">a</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td style=\"text-align: center\">b</td>\n    </tr>\n  </tbody>\n</table>\n",
        ),
        (
            "<pre><code class=\"language-ruby highlighter-rouge\">x = 1 &amp; 2\n</code></pre>\n",
            "<div class=\"language-ruby highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"n\">x</span> <span class=\"o\">=</span> <span class=\"mi\">1</span> <span class=\"o\">&amp;</span> <span class=\"mi\">2</span>\n</code></pre></div></div>\n",
        ),
        (
            "A <a>no href</a> and <a href=\"x\" title=\"t\">link &amp; more</a>.\n",
            "<p>A <a>no href</a> and <a href=\"x\" title=\"t\">link &amp; more</a>.</p>\n",
        ),
        (
            "<blockquote>\n<p>q &ldquo;x&rdquo; &mdash; y</p>\n</blockquote>\n",
            "<blockquote>\n  <p>q “x” — y</p>\n</blockquote>\n",
        ),
        (
            "<script type=\"math/tex; mode=display\">x^2</script>\n\nSpan <script type=\"math/tex\">y</script>.\n",
            "\\[x^2\\]\n\n<p>Span \\(y\\).</p>\n",
        ),
        (
            "<textarea>  a   b\n c</textarea>\n",
            "<textarea>  a   b\n c</textarea>\n",
        ),
        (
            "x <code>&#x1F600; &bogus;</code> y\n",
            "<p>x <code>😀 &amp;bogus;</code> y</p>\n",
        ),
        (
            "<h2>A <code>b</code> &amp; c</h2>\n",
            "<h2>A <code>b</code> &amp; c</h2>\n",
        ),
    ];

    #[test]
    fn converts_like_kramdown() {
        let opts = Options::from_kramdown_yaml(":html_to_native: true\n:auto_ids: false\n", false)
            .unwrap();
        for (input, expected) in CASES {
            assert_eq!(&to_html(input, &opts).unwrap(), expected, "input {input:?}");
        }
    }
}
