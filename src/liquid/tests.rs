//! Engine tests; expected values come from Ruby Liquid 4.0.4.

use super::*;
use crate::value::{Hash, Value};

fn render(src: &str) -> String {
    let t = Engine::new().parse_liquid(src).expect("parses");
    t.render_lax(&mut Context::new(Hash::new()))
        .unwrap_or_else(|e| e.to_ruby_string())
}

#[test]
fn basic_output_and_filters() {
    assert_eq!(
        render("{{ 'a' | upcase }}{{ 5.0 }}{{ 1 | plus: 2.5 }}"),
        "A5.03.5"
    );
    assert_eq!(
        render("{% assign x = 'a,b' | split: ',' %}{{ x | join: '-' }}"),
        "a-b"
    );
}

#[test]
fn blank_blocks_print_nothing() {
    assert_eq!(
        render("a{% if true %}  {% assign x = 1 %}  {% endif %}b"),
        "ab"
    );
}

// ---------------------------------------------------------------------------------------
// Fixtures rendered by Ruby (see testdata/README.md).

struct FixtureSite(serde_json::Map<String, serde_json::Value>);

impl jekyll::JekyllServices for FixtureSite {
    fn baseurl(&self) -> Option<String> {
        Some("/blog".into())
    }
    fn url(&self) -> Option<String> {
        Some("https://Example.com".into())
    }
    fn markdownify(&self, _: &str) -> Result<String, String> {
        Err("no converter".into())
    }
    fn smartify(&self, _: &str) -> Result<String, String> {
        Err("no converter".into())
    }
    fn read_include(
        &self,
        file: &str,
        _: bool,
        _: &Registers,
    ) -> Result<jekyll::IncludeFile, String> {
        match self.0.get(file) {
            Some(serde_json::Value::String(s)) => Ok(jekyll::IncludeFile {
                path: format!("/tmp/lt/site/_includes/{file}"),
                source: s.clone(),
            }),
            _ => Err(format!("Could not locate the included file '{file}'")),
        }
    }
    fn post_url(&self, _: &str) -> Option<String> {
        None
    }
    fn link(&self, _: &str) -> Option<String> {
        None
    }
}

struct FixtureFs(serde_json::Map<String, serde_json::Value>);

impl FileSystem for FixtureFs {
    fn read_template_file(&self, name: &str) -> Result<String, String> {
        match self.0.get(name) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            _ => Err(format!("No such template '{name}'")),
        }
    }
}

fn json_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s.as_str()),
        serde_json::Value::Array(a) => Value::array(a.iter().map(json_value).collect()),
        serde_json::Value::Object(o) => {
            Value::hash(o.iter().map(|(k, v)| (k.clone(), json_value(v))).collect())
        }
    }
}

fn run_fixtures(json: &str, with_jekyll: bool) {
    let suite: serde_json::Value = serde_json::from_str(json).expect("fixture is JSON");
    let utc = chrono::Local::now().offset().local_minus_utc() == 0;
    let mut failures = Vec::new();
    for t in suite["tests"].as_array().expect("tests") {
        let template = t["template"].as_str().unwrap_or("");
        if !utc && template.contains("date") {
            continue; // expectations were rendered with TZ=UTC
        }
        let strict = t["tags"]
            .as_array()
            .map(|a| a.iter().any(|x| x == "strict"))
            .unwrap_or(false);
        let mut engine = Engine::with_options(Options {
            error_mode: if strict {
                ErrorMode::Strict
            } else {
                ErrorMode::Lax
            },
            ..Options::default()
        });
        if with_jekyll {
            jekyll::register_all(&mut engine);
        }
        let globals = match json_value(&t["data"]) {
            Value::Hash(h) => (*h).clone(),
            _ => Hash::new(),
        };
        let mut ctx = Context::new(globals);
        let files = t["templates"].as_object().cloned().unwrap_or_default();
        ctx.set_file_system(std::sync::Arc::new(FixtureFs(files.clone())));
        ctx.registers
            .insert(jekyll::Services(std::sync::Arc::new(FixtureSite(files))));
        let got = engine
            .parse_liquid(template)
            .and_then(|tpl| tpl.render_lax(&mut ctx));
        let expect_error = t["expect"]["error"].as_bool().unwrap_or(false);
        let ok = match (&got, expect_error) {
            (Err(_), true) => true,
            (Ok(out), false) => t["expect"]["output"].as_str() == Some(out.as_str()),
            _ => false,
        };
        if !ok {
            failures.push(format!(
                "{template:?}: expected {:?}, got {:?}",
                t["expect"],
                got.map_err(|e| e.to_string())
            ));
        }
    }
    assert!(
        failures.is_empty(),
        "{} failures:\n{}",
        failures.len(),
        failures.join("\n")
    );
}

#[test]
fn agrees_with_ruby_liquid_4_0_4() {
    run_fixtures(include_str!("testdata/liquid_4_0_4.json"), false);
}

#[test]
fn jekyll_filters_agree_with_jekyll_4_3() {
    run_fixtures(include_str!("testdata/jekyll_filters.json"), true);
}

#[test]
fn jekyll_tags_agree_with_jekyll_4_3() {
    run_fixtures(include_str!("testdata/jekyll_tags.json"), true);
}

#[test]
fn agrees_with_ruby_liquid_4_0_4_on_site_like_templates() {
    run_fixtures(include_str!("testdata/liquid_4_0_4_more.json"), false);
}

#[test]
fn engine_and_templates_are_shareable() {
    fn assert_send_sync<T: Send + Sync>() {}
    assert_send_sync::<Engine>();
    assert_send_sync::<Template>();
    fn assert_send<T: Send>() {}
    assert_send::<Context>();
}

#[test]
fn strict_variables_and_filters_raise() {
    let e = Engine::with_options(Options {
        strict_variables: true,
        strict_filters: true,
        ..Options::default()
    });
    let t = e.parse_liquid("a{{ x }}b").expect("parses");
    let err = t
        .render_liquid(&mut Context::new(Hash::new()))
        .expect_err("raises");
    assert_eq!(
        err.to_string(),
        "Liquid error (line 1): undefined variable x"
    );
    let t = e.parse_liquid("{{ 'a' | nosuch }}").expect("parses");
    let err = t
        .render_liquid(&mut Context::new(Hash::new()))
        .expect_err("raises");
    assert_eq!(
        err.to_string(),
        "Liquid error (line 1): undefined filter nosuch"
    );
    // lax rendering swallows them (Ruby prints nothing for these two errors)
    let t = e.parse_liquid("a{{ x }}b").expect("parses");
    assert_eq!(
        t.render_lax(&mut Context::new(Hash::new())).ok().as_deref(),
        Some("ab")
    );
}

/// Runs `f` on a thread with rayon's default 2 MiB stack.
fn on_small_stack(f: impl FnOnce() + Send + 'static) {
    std::thread::Builder::new()
        .stack_size(2 << 20)
        .spawn(f)
        .expect("thread")
        .join()
        .expect("no stack overflow");
}

#[test]
fn hostile_templates_end_with_errors_not_crashes() {
    on_small_stack(|| {
        let engine = Engine::new();
        let deep_ifs = "{% if true %}".repeat(150) + &"{% endif %}".repeat(150);
        let err = engine.parse_liquid(&deep_ifs).err().expect("too deep");
        assert_eq!(err.message, "Nesting too deep");
        let deep_range = format!("{{{{ {}1..2{} }}}}", "(".repeat(5000), "..3)".repeat(5000));
        assert!(engine.parse_liquid(&deep_range).is_ok());
        let strict = Engine::with_options(Options {
            error_mode: ErrorMode::Strict,
            ..Options::default()
        });
        let deep_brackets = format!("{{{{ a{}{} }}}}", "[a".repeat(5000), "]".repeat(5000));
        assert!(strict.parse_liquid(&deep_brackets).is_err());
        let long_path = format!("{{{{ a{} }}}}", ".b".repeat(20000));
        assert!(strict.parse_liquid(&long_path).is_ok());

        // an include that includes itself, with Liquid's and with Jekyll's include
        struct SelfFs;
        impl FileSystem for SelfFs {
            fn read_template_file(&self, _: &str) -> Result<String, String> {
                Ok("x{% include 'me' %}".into())
            }
        }
        let t = engine.parse_liquid("{% include 'me' %}").expect("parses");
        let mut ctx = Context::new(Hash::new());
        ctx.set_file_system(std::sync::Arc::new(SelfFs));
        let out = t.render_lax(&mut ctx).expect("lax render");
        assert!(out.contains("Nesting too deep"));

        let mut files = serde_json::Map::new();
        files.insert(
            "me.html".into(),
            serde_json::Value::String("{% if true %}x{% include me.html %}{% endif %}".into()),
        );
        let mut jengine = Engine::new();
        jekyll::register_all(&mut jengine);
        let t = jengine
            .parse_liquid("{% include me.html %}")
            .expect("parses");
        let mut ctx = Context::new(Hash::new());
        ctx.registers
            .insert(jekyll::Services(std::sync::Arc::new(FixtureSite(files))));
        let err = t.render_liquid(&mut ctx).expect_err("raises");
        assert!(err.to_string().contains("Nesting too deep"), "{err}");
    });
}

/// Rendering speed of a 1000-item loop (`cargo test --release --lib bench_loop -- --ignored
/// --nocapture`). Measured on the shared 2-core machine: 2.5-4.2 ms per render, against
/// 54-79 ms for Ruby Liquid 4.0.4 on the same template and data (about 20x).
#[test]
#[ignore]
fn bench_loop() {
    let mut items = Vec::new();
    for i in 0..1000i64 {
        let mut h = Hash::new();
        h.insert("title".into(), Value::from(format!("Post {i}")));
        h.insert("url".into(), Value::from(format!("/p/{i}/")));
        h.insert(
            "date".into(),
            Value::from(format!("2024-01-{:02}", i % 28 + 1)),
        );
        let tags: Vec<Value> = ["a", "b", "c"][..(i % 3 + 1) as usize]
            .iter()
            .map(|t| Value::from(*t))
            .collect();
        h.insert("tags".into(), Value::array(tags));
        h.insert("n".into(), Value::Int(i));
        items.push(Value::hash(h));
    }
    let mut globals = Hash::new();
    globals.insert("items".into(), Value::array(items));
    let src = "<ul>{% for p in items %}{% if p.n > 10 and p.tags contains 'b' %}<li class=\"{% cycle 'odd','even' %}\"><a href=\"{{ p.url | prepend: '/blog' }}\">{{ p.title | upcase | truncate: 20 }}</a> {{ p.date | date: '%b %d, %Y' }} {{ p.tags | join: ', ' }} {{ forloop.index }}/{{ forloop.length }}</li>{% endif %}{% endfor %}</ul>{% assign s = items | map: 'title' | join: ',' %}{{ s | size }}";
    let t = Engine::new().parse_liquid(src).expect("parses");
    let n = 50;
    let start = std::time::Instant::now();
    let mut len = 0;
    for _ in 0..n {
        let mut ctx = Context::new(globals.clone());
        len += t.render_liquid(&mut ctx).expect("renders").len();
    }
    let per = start.elapsed() / n;
    eprintln!("bench_loop: {per:?} per render ({len} bytes total)");
}

#[test]
fn agrees_with_ruby_liquid_4_0_4_on_random_templates() {
    run_fixtures(include_str!("testdata/liquid_4_0_4_fuzz.json"), false);
}

#[test]
fn random_input_never_panics() {
    let pieces = [
        "{{",
        "}}",
        "{%",
        "%}",
        "-",
        "|",
        ":",
        ",",
        "'",
        "\"",
        "(",
        ")",
        "[",
        "]",
        ".",
        "..",
        " ",
        "\n",
        "x",
        "1",
        "-2.5",
        "if",
        "endif",
        "for",
        "in",
        "endfor",
        "assign",
        "=",
        "capture",
        "endcapture",
        "case",
        "when",
        "else",
        "raw",
        "endraw",
        "comment",
        "endcomment",
        "cycle",
        "tablerow",
        "include",
        "upcase",
        "size",
        "date",
        "plus",
        "slice",
        "truncate",
        "sort",
        "where",
        "map",
        "contains",
        "and",
        "or",
        "==",
        "<",
        "empty",
        "blank",
        "nil",
        "é",
        "\u{0}",
    ];
    let mut seed: u64 = 0x2545_f491_4f6c_dd1d;
    let mut next = |n: usize| {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        (seed % n as u64) as usize
    };
    let mut globals = Hash::new();
    globals.insert(
        "x".into(),
        Value::array(vec![Value::Int(1), Value::str("a"), Value::Nil]),
    );
    for i in 0..3000 {
        let len = next(30);
        let src: String = (0..len).map(|_| pieces[next(pieces.len())]).collect();
        let mode = [ErrorMode::Lax, ErrorMode::Warn, ErrorMode::Strict][i % 3];
        let mut engine = Engine::with_options(Options {
            error_mode: mode,
            ..Options::default()
        });
        jekyll::register_all(&mut engine);
        if let Ok(t) = engine.parse_liquid(&src) {
            let mut ctx = Context::new(globals.clone());
            let _ = t.render_lax(&mut ctx);
        }
    }
}

#[test]
fn extreme_numbers_do_not_overflow() {
    let src = "{{ 'abc' | slice: 1, 9223372036854775807 }}{{ 'abc' | truncate: -9223372036854775808 }}\
{{ 'a b' | truncatewords: -9223372036854775808 }}{% for i in (1..3) limit: 9223372036854775807 offset: 5 %}{{ i }}{% endfor %}\
{% for i in (-9223372036854775808..9223372036854775807) limit: 2 %}{{ i }}{% endfor %}{{ (-9223372036854775808..9223372036854775807) | size }}\
{{ 1.5 | round: -9223372036854775808 }}{{ 1.5 | round: 9223372036854775807 }}{{ '1e-99999999999' | plus: 1 }}{{ 0 | date: '%999999999d' | size }}";
    let out = render(src);
    assert!(out.starts_with("bc..."), "{out}");
}

#[test]
fn strftime_agrees_with_ruby() {
    run_fixtures(include_str!("testdata/strftime.json"), false);
}

#[test]
fn date_strings_parse_like_ruby() {
    run_fixtures(include_str!("testdata/date_parsing.json"), false);
}

#[test]
fn sorting_agrees_with_ruby() {
    run_fixtures(include_str!("testdata/sorting.json"), false);
    run_fixtures(include_str!("testdata/jekyll_sorting.json"), true);
}
