//! Expected values come from real Ruby doing what Jekyll 4.3 (Debian) does:
//!   ruby -rdate -e 'p Psych.safe_load(STDIN.read, permitted_classes: [Date, Time], aliases: true)'
//! The `canon` form below mirrors a small Ruby printer (see `differential_against_ruby`).

use super::*;
use crate::value::Value;

/// A type-tagged, order-preserving rendering used to compare with Ruby's results.
pub(super) fn canon(v: &Value) -> String {
    match v {
        Value::Nil => "nil".into(),
        Value::Bool(b) => b.to_string(),
        Value::Int(i) => format!("i:{i}"),
        Value::Float(f) => format!("f:{}", ruby_float_to_s(*f)),
        Value::Str(s) => serde_json::to_string(&**s).unwrap_or_default(),
        Value::Array(a) => format!("[{}]", a.iter().map(canon).collect::<Vec<_>>().join(", ")),
        Value::Hash(h) => format!(
            "{{{}}}",
            h.iter()
                .map(|(k, v)| format!(
                    "{}: {}",
                    serde_json::to_string(k).unwrap_or_default(),
                    canon(v)
                ))
                .collect::<Vec<_>>()
                .join(", ")
        ),
        Value::Date(d) => format!("d:{}", d.format("%Y-%m-%d")),
        Value::Time(t) => format!("t:{}", t.format("%Y-%m-%d %H:%M:%S.%f %z")),
        other => format!("?{}", other.ruby_class()),
    }
}

fn canon_result(r: Result<Value, crate::Error>) -> String {
    match r {
        Ok(v) => canon(&v),
        Err(e) if is_syntax_error(&e) => format!("ERR:syntax:{}", e.line.unwrap_or(0)),
        Err(e) => format!("ERR:{}", e.message),
    }
}

/// Writes our reading of each JSON-encoded YAML document of `$YAML_DIFF_IN` to
/// `$YAML_DIFF_OUT`, one line each, for comparison with Ruby's.
#[test]
#[ignore]
fn differential_against_ruby() {
    let (Ok(input), Ok(output)) = (
        std::env::var("YAML_DIFF_IN"),
        std::env::var("YAML_DIFF_OUT"),
    ) else {
        return;
    };
    let text = std::fs::read_to_string(input).expect("input");
    let mut out = String::new();
    for line in text.lines() {
        let src: String = serde_json::from_str(line).expect("json line");
        out.push_str(&canon_result(load(&src)));
        out.push('\n');
    }
    std::fs::write(output, out).expect("output");
}

#[test]
#[ignore]
fn dump_events() {
    let Ok(src) = std::env::var("YAML_EVENTS") else {
        return;
    };
    let src = src.replace("\\n", "\n");
    let mut p = yaml_rust2::parser::Parser::new_from_str(&src);
    loop {
        match p.next_token() {
            Ok((ev, m)) => {
                eprintln!(
                    "{:?} @ idx {} line {} col {}",
                    ev,
                    m.index(),
                    m.line(),
                    m.col()
                );
                if matches!(ev, yaml_rust2::parser::Event::StreamEnd) {
                    break;
                }
            }
            Err(e) => {
                eprintln!("ERR {e}");
                break;
            }
        }
    }
}
