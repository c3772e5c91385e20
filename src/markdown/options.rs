//! kramdown options: kramdown's own defaults, Jekyll's overrides, and the two ways they reach
//! us (a site's `kramdown:` hash, or a kramdown testcase `.options` YAML file).

use crate::value::Hash;
use crate::Value;
use std::collections::HashMap;

/// Where an element's highlighting options apply (kramdown keeps separate span/block sets).
#[derive(Clone, Debug, Default, PartialEq)]
pub struct HighlighterOpts {
    pub default_lang: Option<String>,
    pub guess_lang: bool,
    pub disable: bool,
    pub css_class: Option<String>,
    /// Rouge's `wrap` (only meaningful for blocks; spans never wrap).
    pub wrap: bool,
}

#[derive(Clone, Debug, PartialEq)]
pub struct Options {
    /// `true` when the input format is GFM (kramdown-parser-gfm).
    pub gfm: bool,
    pub auto_ids: bool,
    pub auto_id_prefix: String,
    pub auto_id_stripping: bool,
    pub toc_levels: Vec<u8>,
    /// `as_char`, `as_input`, `numeric` or `symbolic`.
    pub entity_output: String,
    /// Entity names for lsquo, rsquo, ldquo, rdquo.
    pub smart_quotes: [String; 4],
    pub typographic_symbols: HashMap<String, String>,
    pub footnote_nr: i64,
    pub footnote_prefix: String,
    pub footnote_backlink: String,
    pub footnote_backlink_inline: bool,
    pub header_offset: i64,
    pub parse_block_html: bool,
    pub parse_span_html: bool,
    /// Convert parsed HTML elements to native kramdown elements (`html_to_native`).
    pub html_to_native: bool,
    /// Transliterate header text to ASCII for auto ids (`transliterated_header_ids`).
    pub transliterated_header_ids: bool,
    pub hard_wrap: bool,
    pub gfm_quirk_paragraph_end: bool,
    pub gfm_quirk_no_auto_typographic: bool,
    /// `None` disables highlighting (`syntax_highlighter: nil`).
    pub syntax_highlighter: Option<String>,
    pub span_highlight: HighlighterOpts,
    pub block_highlight: HighlighterOpts,
    /// `None` when `math_engine: nil` (kramdown then emits `kdmath` wrappers).
    pub math_engine: Option<String>,
    pub remove_line_breaks_for_cjk: bool,
    /// Link definitions given through the `link_defs` option: id → (url, title).
    pub link_defs: Vec<(String, String, Option<String>)>,
}

impl Default for Options {
    /// kramdown 2.4's own defaults (kramdown input, no Jekyll).
    fn default() -> Self {
        Options {
            gfm: false,
            auto_ids: true,
            auto_id_prefix: String::new(),
            auto_id_stripping: false,
            toc_levels: (1..=6).collect(),
            entity_output: "as_char".into(),
            smart_quotes: [
                "lsquo".into(),
                "rsquo".into(),
                "ldquo".into(),
                "rdquo".into(),
            ],
            typographic_symbols: HashMap::new(),
            footnote_nr: 1,
            footnote_prefix: String::new(),
            footnote_backlink: "&#8617;".into(),
            footnote_backlink_inline: false,
            header_offset: 0,
            parse_block_html: false,
            parse_span_html: true,
            html_to_native: false,
            transliterated_header_ids: false,
            hard_wrap: true,
            gfm_quirk_paragraph_end: true,
            gfm_quirk_no_auto_typographic: false,
            syntax_highlighter: Some("rouge".into()),
            span_highlight: HighlighterOpts::default(),
            block_highlight: HighlighterOpts {
                wrap: true,
                ..Default::default()
            },
            math_engine: Some("mathjax".into()),
            remove_line_breaks_for_cjk: false,
            link_defs: Vec::new(),
        }
    }
}

fn key_name(k: &str) -> &str {
    k.strip_prefix(':').unwrap_or(k)
}

fn as_string(v: &Value) -> Option<String> {
    match v {
        Value::Nil => None,
        Value::Str(s) => Some(key_name(s).to_string()),
        Value::Int(i) => Some(i.to_string()),
        Value::Float(f) => Some(f.to_string()),
        Value::Bool(b) => Some(b.to_string()),
        _ => None,
    }
}

fn as_bool(v: &Value) -> bool {
    match v {
        Value::Bool(b) => *b,
        Value::Nil => false,
        Value::Str(s) => !matches!(&**s, "false" | "" | "nil"),
        _ => true,
    }
}

fn as_int(v: &Value) -> Option<i64> {
    match v {
        Value::Int(i) => Some(*i),
        Value::Str(s) => s.trim().parse().ok(),
        Value::Float(f) => Some(*f as i64),
        _ => None,
    }
}

/// kramdown's `toc_levels`: an array, a range `a..b`, or a comma separated string.
fn parse_toc_levels(v: &Value) -> Option<Vec<u8>> {
    match v {
        Value::Array(a) => Some(a.iter().filter_map(as_int).map(|i| i as u8).collect()),
        Value::Range(a, b) => Some((*a..=*b).map(|i| i as u8).collect()),
        Value::Str(s) => {
            if let Some((a, b)) = s.split_once("..") {
                let (a, b) = (a.trim().parse::<u8>().ok()?, b.trim().parse::<u8>().ok()?);
                Some((a..=b).collect())
            } else {
                Some(s.split(',').filter_map(|p| p.trim().parse().ok()).collect())
            }
        }
        Value::Int(i) => Some(vec![*i as u8]),
        _ => None,
    }
}

fn hash_entries(v: &Value) -> Vec<(String, Value)> {
    match v {
        Value::Hash(h) => h
            .iter()
            .map(|(k, v)| (key_name(k).to_string(), v.clone()))
            .collect(),
        _ => Vec::new(),
    }
}

fn apply_highlight_opt(h: &mut HighlighterOpts, key: &str, v: &Value) {
    match key {
        "default_lang" => h.default_lang = as_string(v),
        "guess_lang" => h.guess_lang = as_bool(v),
        "disable" => h.disable = as_bool(v),
        "css_class" => h.css_class = as_string(v),
        "wrap" => h.wrap = as_bool(v),
        _ => {}
    }
}

impl Options {
    /// kramdown's defaults with `input: GFM` (the GFM parser's own testsuite setting).
    pub fn gfm() -> Self {
        Options {
            gfm: true,
            ..Options::default()
        }
    }

    /// The options Jekyll 4.3 hands to kramdown when `_config.yml` says nothing: Jekyll's
    /// `kramdown:` defaults plus the converter's `syntax_highlighter_opts` set-up.
    pub fn jekyll_defaults() -> Self {
        Options::from_jekyll_config(&Value::empty_hash())
    }

    /// Builds the options as Jekyll's kramdown converter does: Jekyll's `kramdown:` defaults,
    /// overlaid with the site's `kramdown:` hash, then the highlighter set-up
    /// (`default_lang: plaintext`, `guess_lang` copied from the top level).
    pub fn from_jekyll_config(site_config: &Value) -> Self {
        let mut o = Options::default();
        let mut defaults = Hash::new();
        defaults.insert("auto_ids".into(), Value::Bool(true));
        defaults.insert("toc_levels".into(), Value::Range(1, 6));
        defaults.insert("entity_output".into(), Value::str("as_char"));
        defaults.insert("smart_quotes".into(), Value::str("lsquo,rsquo,ldquo,rdquo"));
        defaults.insert("input".into(), Value::str("GFM"));
        defaults.insert("hard_wrap".into(), Value::Bool(false));
        defaults.insert("guess_lang".into(), Value::Bool(true));
        defaults.insert("footnote_nr".into(), Value::Int(1));
        defaults.insert("show_warnings".into(), Value::Bool(false));
        let user = site_config.get("kramdown");
        let mut merged = defaults;
        for (k, v) in user.as_ref().map(hash_entries).unwrap_or_default() {
            merged.insert(k, v);
        }
        // Jekyll: `syntax_highlighter ||= highlighter` (the site's `highlighter`, else rouge).
        let highlighter = match merged.get("syntax_highlighter") {
            Some(v) if !v.is_nil() => as_string(v),
            _ => match site_config.get("highlighter") {
                Some(v) if !v.is_nil() => as_string(&v),
                _ => Some("rouge".into()),
            },
        };
        let guess = merged.get("guess_lang").map(as_bool).unwrap_or(false);
        let mut hl_opts: Vec<(String, Value)> = merged
            .get("syntax_highlighter_opts")
            .map(hash_entries)
            .unwrap_or_default();
        if !hl_opts
            .iter()
            .any(|(k, v)| k == "default_lang" && !v.is_nil())
        {
            hl_opts.retain(|(k, _)| k != "default_lang");
            hl_opts.push(("default_lang".into(), Value::str("plaintext")));
        }
        hl_opts.retain(|(k, _)| k != "guess_lang");
        hl_opts.push(("guess_lang".into(), Value::Bool(guess)));
        merged.shift_remove("syntax_highlighter");
        merged.shift_remove("syntax_highlighter_opts");
        o.apply(&merged);
        o.syntax_highlighter = highlighter;
        o.apply_highlighter_opts(&hl_opts);
        o
    }

    /// Parses a kramdown testcase `.options` file (YAML, `:symbol:` keys) over kramdown's
    /// defaults. An empty or missing file means the testsuite default
    /// `{auto_ids: false, footnote_nr: 1}`.
    pub fn from_kramdown_yaml(text: &str, gfm: bool) -> Result<Self, crate::Error> {
        let mut o = if gfm {
            Options::gfm()
        } else {
            Options::default()
        };
        let docs = yaml_rust2::YamlLoader::load_from_str(text)
            .map_err(|e| crate::Error::new(format!("options file: {e}")))?;
        let value = docs.first().map(yaml_to_value).unwrap_or(Value::Nil);
        let entries = hash_entries(&value);
        if entries.is_empty() {
            o.auto_ids = false;
            return Ok(o);
        }
        let mut h = Hash::new();
        for (k, v) in entries {
            h.insert(k, v);
        }
        o.apply(&h);
        Ok(o)
    }

    fn apply_highlighter_opts(&mut self, entries: &[(String, Value)]) {
        // kramdown merges the `span:`/`block:` hashes over the shared options.
        for (k, v) in entries.iter().filter(|(k, _)| k != "span" && k != "block") {
            apply_highlight_opt(&mut self.span_highlight, k, v);
            apply_highlight_opt(&mut self.block_highlight, k, v);
        }
        for (k, v) in entries {
            let target = match k.as_str() {
                "span" => &mut self.span_highlight,
                "block" => &mut self.block_highlight,
                _ => continue,
            };
            for (k2, v2) in hash_entries(v) {
                apply_highlight_opt(target, &k2, &v2);
            }
        }
        // Span highlighting never wraps (kramdown forces `wrap: false`).
        self.span_highlight.wrap = false;
    }

    /// Applies one `kramdown:` hash (keys without the leading colon).
    pub fn apply(&mut self, h: &Hash) {
        for (k, v) in h.iter() {
            self.set(key_name(k), v);
        }
    }

    /// Sets one option by kramdown name; unknown names are ignored as kramdown ignores them.
    pub fn set(&mut self, key: &str, v: &Value) {
        match key {
            "input" => self.gfm = as_string(v).is_some_and(|s| s.eq_ignore_ascii_case("gfm")),
            "auto_ids" => self.auto_ids = as_bool(v),
            "auto_id_prefix" => self.auto_id_prefix = as_string(v).unwrap_or_default(),
            "auto_id_stripping" => self.auto_id_stripping = as_bool(v),
            "toc_levels" => {
                if let Some(l) = parse_toc_levels(v) {
                    self.toc_levels = l
                }
            }
            "entity_output" => {
                if let Some(s) = as_string(v) {
                    self.entity_output = s
                }
            }
            "smart_quotes" => {
                let parts: Vec<String> = match v {
                    Value::Array(a) => a.iter().filter_map(as_string).collect(),
                    _ => as_string(v)
                        .unwrap_or_default()
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .collect(),
                };
                if parts.len() == 4 {
                    self.smart_quotes = [
                        parts[0].clone(),
                        parts[1].clone(),
                        parts[2].clone(),
                        parts[3].clone(),
                    ];
                }
            }
            "typographic_symbols" => {
                self.typographic_symbols = hash_entries(v)
                    .into_iter()
                    .filter_map(|(k, v)| as_string(&v).map(|s| (k, s)))
                    .collect()
            }
            "footnote_nr" => {
                if let Some(i) = as_int(v) {
                    self.footnote_nr = i
                }
            }
            "footnote_prefix" => self.footnote_prefix = as_string(v).unwrap_or_default(),
            "footnote_backlink" => self.footnote_backlink = as_string(v).unwrap_or_default(),
            "footnote_backlink_inline" => self.footnote_backlink_inline = as_bool(v),
            "header_offset" => self.header_offset = as_int(v).unwrap_or(0),
            "parse_block_html" => self.parse_block_html = as_bool(v),
            "parse_span_html" => self.parse_span_html = as_bool(v),
            "html_to_native" => self.html_to_native = as_bool(v),
            "transliterated_header_ids" => self.transliterated_header_ids = as_bool(v),
            "hard_wrap" => self.hard_wrap = as_bool(v),
            "gfm_quirks" => {
                let names: Vec<String> = match v {
                    Value::Array(a) => a.iter().filter_map(as_string).collect(),
                    _ => as_string(v)
                        .unwrap_or_default()
                        .split(',')
                        .map(|s| s.trim().to_string())
                        .collect(),
                };
                self.gfm_quirk_paragraph_end = names.iter().any(|n| n == "paragraph_end");
                self.gfm_quirk_no_auto_typographic =
                    names.iter().any(|n| n == "no_auto_typographic");
            }
            "syntax_highlighter" => self.syntax_highlighter = as_string(v),
            "syntax_highlighter_opts" => {
                let v = match v {
                    // Inline `{::options}` values are YAML text.
                    Value::Str(s) => yaml_rust2::YamlLoader::load_from_str(s)
                        .ok()
                        .and_then(|d| d.first().map(yaml_to_value))
                        .unwrap_or(Value::Nil),
                    other => other.clone(),
                };
                self.apply_highlighter_opts(&hash_entries(&v))
            }
            "math_engine" => self.math_engine = as_string(v),
            "remove_line_breaks_for_cjk" => self.remove_line_breaks_for_cjk = as_bool(v),
            "link_defs" => {
                self.link_defs = hash_entries(v)
                    .into_iter()
                    .filter_map(|(k, v)| match &v {
                        Value::Array(a) => {
                            let url = a.first().and_then(as_string)?;
                            Some((k, url, a.get(1).and_then(as_string)))
                        }
                        _ => None,
                    })
                    .collect()
            }
            _ => {}
        }
    }
}

/// Converts a yaml-rust2 document to our value model (enough for options files).
fn yaml_to_value(y: &yaml_rust2::Yaml) -> Value {
    use yaml_rust2::Yaml;
    match y {
        Yaml::Real(s) => s.parse().map(Value::Float).unwrap_or(Value::Nil),
        Yaml::Integer(i) => Value::Int(*i),
        Yaml::String(s) => Value::str(s.as_str()),
        Yaml::Boolean(b) => Value::Bool(*b),
        Yaml::Array(a) => Value::array(a.iter().map(yaml_to_value).collect()),
        Yaml::Hash(h) => {
            let mut out = Hash::new();
            for (k, v) in h {
                let key = match k {
                    Yaml::String(s) => s.clone(),
                    Yaml::Integer(i) => i.to_string(),
                    Yaml::Boolean(b) => b.to_string(),
                    _ => continue,
                };
                out.insert(key, yaml_to_value(v));
            }
            Value::hash(out)
        }
        _ => Value::Nil,
    }
}
