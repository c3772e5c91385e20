//! `conformance liquid-golden SUITE.json`: runs every golden-liquid case through hyde's
//! Liquid engine the way the Ruby adapter (`ruby_liquid_golden.rb`) runs Ruby Liquid:
//! cases tagged `strict` parse in strict mode, others lax; partials come from the case's
//! `templates`; invalid cases render raising (`render!`), others inline their errors.
//! Prints one JSON line per case: {"name", "output", "error"}.
//!
//! `--jekyll` adds Jekyll's filters and tags, with a site whose `baseurl` is `/blog`, `url`
//! is `https://Example.com` and includes are the case's `templates` (for differential runs
//! against real Jekyll; see src/liquid/testdata/jekyll_adapter.rb). `--warn` parses every
//! case in warn mode and adds `"warnings"` to each line.

use hyde::liquid::{jekyll, Context, Engine, ErrorMode, FileSystem, Options};
use hyde::value::{Hash, Value};
use serde_json::json;
use std::io::Write;
use std::sync::Arc;

struct MemoryFs(serde_json::Map<String, serde_json::Value>);

impl FileSystem for MemoryFs {
    fn read_template_file(&self, name: &str) -> Result<String, String> {
        match self.0.get(name) {
            Some(serde_json::Value::String(s)) => Ok(s.clone()),
            _ => Err(format!("No such template '{name}'")),
        }
    }
}

fn to_value(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s.as_str()),
        serde_json::Value::Array(a) => Value::array(a.iter().map(to_value).collect()),
        serde_json::Value::Object(o) => {
            Value::hash(o.iter().map(|(k, v)| (k.clone(), to_value(v))).collect())
        }
    }
}

struct TestSite(serde_json::Map<String, serde_json::Value>);

impl jekyll::JekyllServices for TestSite {
    fn baseurl(&self) -> Option<String> {
        Some("/blog".into())
    }
    fn url(&self) -> Option<String> {
        Some("https://Example.com".into())
    }
    fn markdownify(&self, _input: &str) -> Result<String, String> {
        Err("no markdown converter in this harness".into())
    }
    fn smartify(&self, _input: &str) -> Result<String, String> {
        Err("no smartypants converter in this harness".into())
    }
    fn read_include(
        &self,
        file: &str,
        _relative: bool,
        _registers: &hyde::liquid::Registers,
    ) -> Result<jekyll::IncludeFile, String> {
        match self.0.get(file) {
            Some(serde_json::Value::String(s)) => Ok(jekyll::IncludeFile {
                path: format!("_includes/{file}"),
                source: s.clone(),
            }),
            _ => Err(format!(
                "Could not locate the included file '{file}' in any of [\"_includes\"]."
            )),
        }
    }
    fn post_url(&self, _name: &str) -> Option<String> {
        None
    }
    fn link(&self, _path: &str) -> Option<String> {
        None
    }
}

pub fn run(args: &[String]) -> i32 {
    let with_jekyll = args.iter().any(|a| a == "--jekyll");
    // `--warn`: parse every case in warn mode and add the warnings to each line.
    let warn = args.iter().any(|a| a == "--warn");
    let args: Vec<String> = args
        .iter()
        .filter(|a| *a != "--jekyll" && *a != "--warn")
        .cloned()
        .collect();
    let Some(path) = args.first() else {
        eprintln!("usage: conformance liquid-golden SUITE.json");
        return 2;
    };
    let text = match std::fs::read_to_string(path) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{path}: {e}");
            return 1;
        }
    };
    let suite: serde_json::Value = match serde_json::from_str(&text) {
        Ok(v) => v,
        Err(e) => {
            eprintln!("{path}: {e}");
            return 1;
        }
    };
    let empty = Vec::new();
    let tests = suite["tests"].as_array().unwrap_or(&empty);
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    for t in tests {
        let name = t["name"].as_str().unwrap_or("");
        let template = t["template"].as_str().unwrap_or("");
        let tags: Vec<&str> = t["tags"]
            .as_array()
            .map(|a| a.iter().filter_map(|x| x.as_str()).collect())
            .unwrap_or_default();
        let strict = tags.iter().any(|x| *x == "strict" || *x == "strict2");
        let invalid = t["invalid"].as_bool().unwrap_or(false);
        let mut engine = Engine::with_options(Options {
            error_mode: if warn {
                ErrorMode::Warn
            } else if strict {
                ErrorMode::Strict
            } else {
                ErrorMode::Lax
            },
            ..Options::default()
        });
        if with_jekyll {
            jekyll::register_all(&mut engine);
        }
        let globals: Hash = match to_value(&t["data"]) {
            Value::Hash(h) => (*h).clone(),
            _ => Hash::new(),
        };
        let mut ctx = Context::new(globals);
        let fs = t["templates"].as_object().cloned().unwrap_or_default();
        ctx.set_file_system(Arc::new(MemoryFs(fs.clone())));
        ctx.registers
            .insert(jekyll::Services(Arc::new(TestSite(fs))));
        let mut warnings: Vec<String> = Vec::new();
        let result = match engine.parse_liquid(template) {
            Err(e) => Err(format!("{}: {}", e.kind.ruby_class(), e)),
            Ok(tpl) => {
                warnings = tpl.warnings().iter().map(|w| w.to_string()).collect();
                if invalid {
                    tpl.render_liquid(&mut ctx)
                        .map_err(|e| format!("{}: {}", e.kind.ruby_class(), e))
                } else {
                    tpl.render_lax(&mut ctx)
                        .map_err(|e| format!("{}: {}", e.kind.ruby_class(), e))
                }
            }
        };
        let mut line = match result {
            Ok(o) => json!({"name": name, "output": o, "error": null}),
            Err(e) => json!({"name": name, "output": null, "error": e}),
        };
        if warn {
            line["warnings"] = json!(warnings);
        }
        if writeln!(out, "{line}").is_err() {
            return 1;
        }
    }
    0
}
