//! Ruby's `JSON.parse` into values: objects keep their key order, integers stay integers.

use super::{Hash, Value};

/// A parsed JSON document as Ruby's `JSON.parse`/`JSON.load` returns it.
pub fn from_json(v: &serde_json::Value) -> Value {
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
            let mut h = Hash::new();
            for (k, v) in o {
                h.insert(k.clone(), from_json(v));
            }
            Value::hash(h)
        }
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn keeps_order_and_number_kinds() {
        let v: serde_json::Value =
            serde_json::from_str(r#"{"b":1,"a":[1.5,null,true,"x"]}"#).unwrap();
        assert_eq!(
            crate::value::inspect(&from_json(&v)),
            r#"{"b"=>1, "a"=>[1.5, nil, true, "x"]}"#
        );
    }
}
