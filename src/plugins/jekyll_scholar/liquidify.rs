//! `Utilities#liquidify`: an entry as the `entry` hash templates read — `key`, `type`,
//! `bibtex` (the raw entry without the skipped fields), every field passed through
//! `bibtex_filters`, and for name fields `<field>_array` (hashes of `first`, `last`,
//! `prefix`, `suffix`) and `<field>_<i>_<part>`.

use super::bibtex::{entry_to_bibtex, Entry, Field, Tok, Value as BValue};
use super::latex::{apply_all, Filter};
use super::names::Name;
use crate::value::{Hash, Value};

/// A field after `value.convert(*filters)`: every token filtered (macro names become text).
pub fn convert(field: &Field, filters: &[Filter]) -> Field {
    if filters.is_empty() {
        return field.clone();
    }
    match field {
        Field::Value(v) => Field::Value(BValue {
            tokens: v
                .tokens
                .iter()
                .map(|t| Tok::Str(apply_all(filters, t.text())))
                .collect(),
        }),
        Field::Names(ns) => Field::Names(
            ns.iter()
                .map(|n| n.map_parts(&|s| apply_all(filters, s)))
                .collect(),
        ),
    }
}

fn name_hash(n: &Name) -> Hash {
    let mut h = Hash::new();
    for (k, v) in n.pairs() {
        h.insert(k.into(), Value::str(v.clone().unwrap_or_default()));
    }
    h
}

/// `raw_filters` (`raw_bibtex_filters`) convert the fields of `entry.bibtex` only.
pub fn entry_hash(
    e: &Entry,
    filters: &[Filter],
    raw_filters: &[Filter],
    skip: &[String],
    quotes: (&str, &str),
) -> Value {
    let mut h = Hash::new();
    h.insert("key".into(), Value::str(e.key.clone()));
    h.insert("type".into(), Value::str(e.kind.clone()));
    let bibtex = if raw_filters.is_empty() {
        entry_to_bibtex(e, skip, quotes.0, quotes.1)
    } else {
        // bibtex-ruby's `Entry#to_s(filter:)` leaves name lists as written.
        let mut converted = e.clone();
        for f in converted.fields.values_mut() {
            if matches!(f, Field::Value(_)) {
                *f = convert(f, raw_filters);
            }
        }
        entry_to_bibtex(&converted, skip, quotes.0, quotes.1)
    };
    h.insert("bibtex".into(), Value::str(bibtex));
    for (k, f) in &e.fields {
        let f = convert(f, filters);
        h.insert(k.clone(), Value::str(f.to_s()));
        if let Field::Names(ns) = &f {
            let mut arr = Vec::new();
            for (i, n) in ns.iter().enumerate() {
                for (part, v) in n.pairs() {
                    h.insert(
                        format!("{k}_{i}_{part}"),
                        Value::str(v.clone().unwrap_or_default()),
                    );
                }
                arr.push(Value::hash(name_hash(n)));
            }
            // `e["author_array"]` is assigned before the per-name keys are added.
            let idx = h.get_index_of(k.as_str()).map(|i| i + 1).unwrap_or(h.len());
            h.shift_insert(idx, format!("{k}_array"), Value::array(arr));
        }
    }
    Value::hash(h)
}
