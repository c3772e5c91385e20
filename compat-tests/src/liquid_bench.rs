//! `conformance liquid-bench TEMPLATE DATA.json N [OUT]`: parses TEMPLATE once, renders it N
//! times with DATA's top-level keys as variables, prints the mean seconds per render and the
//! output's length, and writes the output to OUT (`scripts/bench-liquid` compares both with
//! Ruby Liquid).

use hyde::liquid::{Context, Engine};
use hyde::value::{Hash, Value};

fn from_json(v: &serde_json::Value) -> Value {
    match v {
        serde_json::Value::Null => Value::Nil,
        serde_json::Value::Bool(b) => Value::Bool(*b),
        serde_json::Value::Number(n) => match n.as_i64() {
            Some(i) => Value::Int(i),
            None => Value::Float(n.as_f64().unwrap_or(0.0)),
        },
        serde_json::Value::String(s) => Value::str(s.as_str()),
        serde_json::Value::Array(a) => Value::array(a.iter().map(from_json).collect()),
        serde_json::Value::Object(o) => {
            Value::hash(o.iter().map(|(k, v)| (k.clone(), from_json(v))).collect())
        }
    }
}

pub fn run(args: &[String]) -> i32 {
    let (template, data, n, out_file) = match args {
        [t, d, n] => (t, d, n, None),
        [t, d, n, o] => (t, d, n, Some(o)),
        _ => {
            eprintln!("usage: conformance liquid-bench TEMPLATE DATA.json N [OUT]");
            return 2;
        }
    };
    let (Ok(src), Ok(json)) = (
        std::fs::read_to_string(template),
        std::fs::read_to_string(data),
    ) else {
        eprintln!("cannot read {template} or {data}");
        return 2;
    };
    let n: u32 = n.parse().unwrap_or(1).max(1);
    let Ok(serde_json::Value::Object(obj)) = serde_json::from_str::<serde_json::Value>(&json)
    else {
        eprintln!("{data}: not a JSON object");
        return 2;
    };
    let globals: Hash = obj.iter().map(|(k, v)| (k.clone(), from_json(v))).collect();
    let t = match Engine::new().parse(&src, template) {
        Ok(t) => t,
        Err(e) => {
            eprintln!("{e}");
            return 1;
        }
    };
    let start = std::time::Instant::now();
    let mut last = String::new();
    for _ in 0..n {
        let mut ctx = Context::new(globals.clone());
        match t.render(&mut ctx) {
            Ok(out) => last = out,
            Err(e) => {
                eprintln!("{e}");
                return 1;
            }
        }
    }
    let per = start.elapsed().as_secs_f64() / n as f64;
    if let Some(o) = out_file {
        if let Err(e) = std::fs::write(o, &last) {
            eprintln!("{o}: {e}");
            return 1;
        }
    }
    println!("{per:.6} {}", last.len());
    0
}
