//! CSV and TSV data files as Ruby's CSV library reads them for Jekyll
//! (`CSV.read(path, headers:, converters:, col_sep:)`).
//!
//! Ruby's parser is strict where many CSV readers are lenient: a quote inside an unquoted
//! field, text after a closing quote or an unclosed quote are errors (Jekyll's build then
//! fails). An empty unquoted field is `nil`, an empty quoted field is `""`. The row separator
//! is detected from the first line break (`\r\n`, `\n` or `\r`).

use super::converters::Converter;
use crate::value::{Hash, Value};
use crate::Error;

/// How to read one CSV/TSV file (Jekyll's `csv_reader`/`tsv_reader` options).
#[derive(Clone, Debug)]
pub struct CsvOptions {
    pub col_sep: char,
    pub headers: Headers,
    pub converters: Vec<Converter>,
}

/// Ruby CSV's `headers:` option.
#[derive(Clone, Debug)]
pub enum Headers {
    /// `false`: every row is an array.
    None,
    /// `true`: the first row names the fields; rows become hashes.
    FirstRow,
    /// An explicit list: every row (including the first) is data.
    Given(Vec<Value>),
}

/// One parsed field: `None` for an empty unquoted field (Ruby's `nil`).
type Field = Option<String>;

fn malformed(message: &str, line: usize) -> Error {
    let mut e = Error::new(format!("{message} in line {line}."));
    e.line = Some(line);
    e
}

/// Splits `text` into rows of fields with Ruby CSV's rules.
fn parse_rows(text: &str, col_sep: char) -> Result<Vec<Vec<Field>>, Error> {
    let row_sep = detect_row_sep(text);
    let chars: Vec<char> = text.chars().collect();
    let sep: Vec<char> = row_sep.chars().collect();
    let at_row_sep = |i: usize| chars.len() >= i + sep.len() && chars[i..i + sep.len()] == sep[..];
    let mut rows = Vec::new();
    let mut i = 0;
    let mut line = 1;
    while i < chars.len() {
        let mut row: Vec<Field> = Vec::new();
        let row_line = line;
        if at_row_sep(i) {
            // A blank line is an empty row.
            i += sep.len();
            line += 1;
            rows.push(row);
            continue;
        }
        loop {
            // One field starting at `i`.
            if chars.get(i) == Some(&'"') {
                let mut value = String::new();
                i += 1;
                loop {
                    match chars.get(i) {
                        None => return Err(malformed("Unclosed quoted field", row_line)),
                        Some('"') if chars.get(i + 1) == Some(&'"') => {
                            value.push('"');
                            i += 2;
                        }
                        Some('"') => {
                            i += 1;
                            break;
                        }
                        Some(c) => {
                            if *c == '\n' {
                                line += 1;
                            }
                            value.push(*c);
                            i += 1;
                        }
                    }
                }
                row.push(Some(value));
                if i < chars.len() && chars[i] != col_sep && !at_row_sep(i) {
                    return Err(malformed(
                        "Any value after quoted field isn't allowed",
                        line,
                    ));
                }
            } else {
                let start = i;
                while i < chars.len() && chars[i] != col_sep && !at_row_sep(i) {
                    match chars[i] {
                        '"' => return Err(malformed("Illegal quoting", line)),
                        '\r' | '\n' => {
                            return Err(malformed(
                                &format!("Unquoted fields do not allow new line <{:?}>", chars[i]),
                                line,
                            ))
                        }
                        _ => i += 1,
                    }
                }
                let value: String = chars[start..i].iter().collect();
                row.push(if value.is_empty() { None } else { Some(value) });
            }
            if i < chars.len() && chars[i] == col_sep {
                i += 1;
                if i == chars.len() || at_row_sep(i) {
                    // A trailing separator ends with one more (empty) field.
                    row.push(None);
                } else {
                    continue;
                }
            }
            if at_row_sep(i) {
                i += sep.len();
                line += 1;
            }
            break;
        }
        rows.push(row);
    }
    Ok(rows)
}

fn detect_row_sep(text: &str) -> &'static str {
    match text.find(['\r', '\n']) {
        Some(i) if text[i..].starts_with("\r\n") => "\r\n",
        Some(i) if text[i..].starts_with('\r') => "\r",
        _ => "\n",
    }
}

fn field_value(field: Field, converters: &[Converter]) -> Value {
    match field {
        None => Value::Nil,
        Some(text) => {
            for c in converters {
                if let Some(v) = c.convert(&text) {
                    return v;
                }
            }
            Value::str(text)
        }
    }
}

/// Reads CSV/TSV text into Jekyll's data: an array of hashes (with headers) or of arrays.
pub fn read_csv(text: &str, options: &CsvOptions) -> Result<Value, Error> {
    let mut rows = parse_rows(text, options.col_sep)?.into_iter();
    let headers: Vec<Value> = match &options.headers {
        Headers::None => {
            let out = rows
                .map(|row| {
                    Value::array(
                        row.into_iter()
                            .map(|f| field_value(f, &options.converters))
                            .collect(),
                    )
                })
                .collect();
            return Ok(Value::array(out));
        }
        Headers::Given(names) => names.clone(),
        Headers::FirstRow => match rows.next() {
            Some(first) => first
                .into_iter()
                .map(|f| f.map(Value::str).unwrap_or(Value::Nil))
                .collect(),
            None => return Ok(Value::array(Vec::new())),
        },
    };
    let mut out = Vec::new();
    for row in rows {
        let width = headers.len().max(row.len());
        let mut fields = row.into_iter();
        let mut hash = Hash::new();
        for i in 0..width {
            let value = field_value(fields.next().flatten(), &options.converters);
            let key = header_key(headers.get(i).unwrap_or(&Value::Nil));
            // `CSV::Row#to_hash` keeps the first field of a repeated header.
            hash.entry(key).or_insert(value);
        }
        out.push(Value::hash(hash));
    }
    Ok(Value::array(out))
}

/// Ruby's hash keys here are header strings, or `nil` for a missing header, which the
/// string-keyed value model spells `""`.
fn header_key(v: &Value) -> String {
    match v {
        Value::Str(s) => s.to_string(),
        Value::Nil => String::new(),
        other => crate::yaml::ruby_inspect(other),
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use crate::yaml::ruby_inspect;

    fn read(text: &str, headers: Headers, col_sep: char) -> String {
        let opts = CsvOptions {
            col_sep,
            headers,
            converters: Vec::new(),
        };
        match read_csv(text, &opts) {
            Ok(v) => ruby_inspect(&v),
            Err(e) => format!("ERR {}", e.message),
        }
    }

    #[test]
    fn rows_like_ruby_csv() {
        // ruby -rcsv -e 'p CSV.parse(%Q{name,age,empty,quoted\nbob,42,,""\n"al,ice",7\n\nx,1,2,3,4\n}, headers: true).map(&:to_hash)'
        // (nil keys print as "" here: the value model's keys are strings)
        assert_eq!(
            read(
                "name,age,empty,quoted\nbob,42,,\"\"\n\"al,ice\",7\n\nx,1,2,3,4\n",
                Headers::FirstRow,
                ','
            ),
            r#"[{"name"=>"bob", "age"=>"42", "empty"=>nil, "quoted"=>""}, {"name"=>"al,ice", "age"=>"7", "empty"=>nil, "quoted"=>nil}, {"name"=>nil, "age"=>nil, "empty"=>nil, "quoted"=>nil}, {"name"=>"x", "age"=>"1", "empty"=>"2", "quoted"=>"3", ""=>"4"}]"#
        );
        // ruby -rcsv -e 'p CSV.parse(%Q{h1,h1,h2\n1,2,3\n}, headers: true).map(&:to_hash)'
        assert_eq!(
            read("h1,h1,h2\n1,2,3\n", Headers::FirstRow, ','),
            r#"[{"h1"=>"1", "h2"=>"3"}]"#
        );
        // ruby -rcsv -e 'p CSV.parse(%Q{a\tb\n1\t"q"\n}, col_sep: "\t", headers: true).map(&:to_hash)'
        assert_eq!(
            read("a\tb\n1\t\"q\"\n", Headers::FirstRow, '\t'),
            r#"[{"a"=>"1", "b"=>"q"}]"#
        );
        // ruby -rcsv -e 'p CSV.parse(%Q{a,b\r\n"x\r\ny",\r\n\r\n})'
        assert_eq!(
            read("a,b\r\n\"x\r\ny\",\r\n\r\n", Headers::None, ','),
            r#"[["a", "b"], ["x\r\ny", nil], []]"#
        );
        assert_eq!(read("", Headers::FirstRow, ','), "[]");
    }

    #[test]
    fn malformed_input_is_an_error_as_in_ruby() {
        // ruby -rcsv -e 'CSV.parse(%Q{a,b\nx"y,1\n})'  => Illegal quoting in line 2.
        assert_eq!(
            read("a,b\nx\"y,1\n", Headers::None, ','),
            "ERR Illegal quoting in line 2."
        );
        // ruby -rcsv -e 'CSV.parse(%Q{a,"b\n})'  => Unclosed quoted field in line 1.
        assert_eq!(
            read("a,\"b\n", Headers::None, ','),
            "ERR Unclosed quoted field in line 1."
        );
        // ruby -rcsv -e 'CSV.parse(%Q{"a"b\n})'  => Any value after quoted field isn't allowed in line 1.
        assert_eq!(
            read("\"a\"b\n", Headers::None, ','),
            "ERR Any value after quoted field isn't allowed in line 1."
        );
    }
}
