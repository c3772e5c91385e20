//! Expected values come from real Ruby doing what Jekyll 4.3 (Debian) does:
//!   ruby -rdate -e 'p Psych.safe_load(STDIN.read, permitted_classes: [Date, Time], aliases: true)'
//! The `canon` form below mirrors the Ruby printer in `differential.rb`, which drives the
//! ignored `differential_against_ruby` test over any corpus of YAML documents.

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
        if std::env::var("YAML_DIFF_MODE").as_deref() == Ok("inspect") {
            let shown = match load(&src) {
                Ok(v) => serde_json::to_string(&ruby_inspect(&v)).unwrap_or_default(),
                Err(_) => "ERR".into(),
            };
            out.push_str(&shown);
        } else if std::env::var("YAML_DIFF_MODE").as_deref() == Ok("dump") {
            let shown = match load(&src) {
                Ok(v) => serde_json::to_string(&dump(&v)).unwrap_or_default(),
                Err(_) => "ERR".into(),
            };
            out.push_str(&shown);
        } else {
            out.push_str(&canon_result(load(&src)));
        }
        out.push('\n');
    }
    std::fs::write(output, out).expect("output");
}
// Generated from Ruby: for each input, `TZ=America/New_York ruby` printing
// Psych.safe_load(input, permitted_classes: [Date, Time], aliases: true) through the
// `canon` form (see `canon` above; errors as `ERR:` + message). Timestamps without an
// offset depend on the local zone and are tested separately.
const RUBY_CASES: &[(&str, &str)] = &[
    ("a: yes", "{\"a\": true}"),
    ("a: Yes", "{\"a\": true}"),
    ("a: YES", "{\"a\": true}"),
    ("a: yEs", "{\"a\": true}"),
    ("a: y", "{\"a\": \"y\"}"),
    ("a: n", "{\"a\": \"n\"}"),
    ("a: no", "{\"a\": false}"),
    ("a: NO", "{\"a\": false}"),
    ("a: on", "{\"a\": true}"),
    ("a: On", "{\"a\": true}"),
    ("a: oN", "{\"a\": true}"),
    ("a: off", "{\"a\": false}"),
    ("a: OFF", "{\"a\": false}"),
    ("a: true", "{\"a\": true}"),
    ("a: TRUE", "{\"a\": true}"),
    ("a: false", "{\"a\": false}"),
    ("a: null", "{\"a\": nil}"),
    ("a: Null", "{\"a\": nil}"),
    ("a: NULL", "{\"a\": nil}"),
    ("a: ~", "{\"a\": nil}"),
    ("a:", "{\"a\": nil}"),
    ("a: nil", "{\"a\": \"nil\"}"),
    ("a: yes please", "{\"a\": \"yes please\"}"),
    ("a: 0x1F", "{\"a\": i:31}"),
    ("a: 0X1F", "{\"a\": \"0X1F\"}"),
    ("a: -0x1f", "{\"a\": i:-31}"),
    ("a: 0o17", "{\"a\": \"0o17\"}"),
    ("a: 017", "{\"a\": i:15}"),
    ("a: -017", "{\"a\": i:-15}"),
    ("a: 08", "{\"a\": \"08\"}"),
    ("a: 0b101", "{\"a\": i:5}"),
    ("a: 1_000", "{\"a\": i:1000}"),
    ("a: 1,000", "{\"a\": i:1000}"),
    ("a: 1__0", "{\"a\": \"1__0\"}"),
    ("a: 0_", "{\"a\": i:0}"),
    ("a: 0b_", "ERR:wrong number of arguments (given 2, expected 1)"),
    ("a: +1", "{\"a\": i:1}"),
    ("a: -0", "{\"a\": i:0}"),
    ("a: 12345678901234567890", "{\"a\": \"12345678901234567890\"}"),
    ("a: -9223372036854775808", "{\"a\": i:-9223372036854775808}"),
    ("a: 1.5", "{\"a\": f:1.5}"),
    ("a: 1.", "{\"a\": f:1.0}"),
    ("a: 1.e+5", "{\"a\": f:100000.0}"),
    ("a: .5", "{\"a\": f:0.5}"),
    ("a: -.5", "{\"a\": f:-0.5}"),
    ("a: .", "{\"a\": \".\"}"),
    ("a: 1e5", "{\"a\": \"1e5\"}"),
    ("a: 1.0e5", "{\"a\": \"1.0e5\"}"),
    ("a: 1.0e+5", "{\"a\": f:100000.0}"),
    ("a: 1.0E-5", "{\"a\": f:1.0e-05}"),
    (".e+5", "ERR:wrong number of arguments (given 2, expected 1)"),
    ("a: 1_0.5", "{\"a\": f:10.5}"),
    ("a: 1.0e+400", "{\"a\": f:Infinity}"),
    ("a: .inf", "{\"a\": f:Infinity}"),
    ("a: -.Inf", "{\"a\": f:-Infinity}"),
    ("a: +.inf", "{\"a\": f:Infinity}"),
    ("a: .NaN", "{\"a\": f:NaN}"),
    ("a: nan", "{\"a\": \"nan\"}"),
    ("a: -0.0", "{\"a\": f:-0.0}"),
    ("a: 12:30", "{\"a\": i:45000}"),
    ("a: 1:30:15", "{\"a\": i:5415}"),
    ("a: -1:30", "{\"a\": i:-1800}"),
    ("a: 10:60", "{\"a\": \"10:60\"}"),
    ("a: 1:30.5", "{\"a\": f:5430.0}"),
    ("a: :foo", "ERR:Tried to load unspecified class: Symbol"),
    ("a: :\"foo\"", "ERR:Tried to load unspecified class: Symbol"),
    (":sym: 1", "ERR:Tried to load unspecified class: Symbol"),
    ("a: 2024-01-02", "{\"a\": d:2024-01-02}"),
    ("a: 2024-1-2", "{\"a\": d:2024-01-02}"),
    ("a: 2024-13-01", "{\"a\": \"2024-13-01\"}"),
    ("a: 2024-02-30", "{\"a\": \"2024-02-30\"}"),
    ("a: \"2024-01-02\"", "{\"a\": \"2024-01-02\"}"),
    ("a: 2024-01-02 10:00:00 +05:30", "{\"a\": t:2024-01-02 10:00:00.000000000 +0530}"),
    ("a: 2024-01-02T10:00:00Z", "{\"a\": t:2024-01-02 10:00:00.000000000 +0000}"),
    ("a: 2024-01-02 10:00:00 -00:30", "{\"a\": t:2024-01-02 10:00:00.000000000 +0030}"),
    ("a: 2024-01-02 10:00:00+0530", "{\"a\": t:2024-01-02 10:00:00.000000000 +0530}"),
    ("a: 2024-01-02 10:00:00.123456789 -07:00", "{\"a\": t:2024-01-02 10:00:00.123456789 -0700}"),
    ("a: 2024-02-30 10:00:00 +01:00", "{\"a\": t:2024-03-01 10:00:00.000000000 +0100}"),
    ("a: 2024-13-01 10:00:00 +01:00", "{\"a\": \"2024-13-01 10:00:00 +01:00\"}"),
    ("a: 2024-01-02 24:00:00 +01:00", "{\"a\": t:2024-01-03 00:00:00.000000000 +0100}"),
    ("a: 2024-01-02 10:00:60 +01:00", "{\"a\": t:2024-01-02 10:01:00.000000000 +0100}"),
    ("a: 2024-01-02 10:00:00 +99:00", "{\"a\": \"2024-01-02 10:00:00 +99:00\"}"),
    ("a: 2024-01-02t10:00:00z", "{\"a\": \"2024-01-02t10:00:00z\"}"),
    ("a: ! 123", "{\"a\": i:123}"),
    ("a: !!str 123", "{\"a\": \"123\"}"),
    ("a: !!int \"12\"", "{\"a\": i:12}"),
    ("a: !!float 1", "{\"a\": f:1.0}"),
    ("a: !!float abc", "ERR:wrong number of arguments (given 2, expected 1)"),
    ("a: !!float ~", "ERR:can't convert nil into Float"),
    ("a: !!float 0x1A", "{\"a\": f:26.0}"),
    ("a: !!binary aGVsbG8=", "{\"a\": \"hello\"}"),
    ("a: !foo 12", "{\"a\": i:12}"),
    ("a: !ruby/sym foo", "ERR:Tried to load unspecified class: Symbol"),
    ("a: !!set {a, b}", "ERR:Tried to load unspecified class: Psych::Set"),
    ("a: !!omap [a: 1, b: 2]", "{\"a\": {\"a\": i:1, \"b\": i:2}}"),
    ("a: !ruby/object:Hash {x: 1}", "{\"a\": {\"x\": i:1}}"),
    ("a: !ruby/object:Foo {x: 1}", "ERR:Tried to load unspecified class: Foo"),
    ("a: !ruby/regexp /a/", "ERR:Tried to load unspecified class: Regexp"),
    ("a: !!timestamp 2024-01-01", "{\"a\": d:2024-01-01}"),
    ("a: [!!str, x]", "{\"a\": [\"\", \"x\"]}"),
    ("b: &x {x: 1, y: 2}\nc:\n  <<: *x\n  z: 3", "{\"b\": {\"x\": i:1, \"y\": i:2}, \"c\": {\"x\": i:1, \"y\": i:2, \"z\": i:3}}"),
    ("b: &x {x: 1}\nc:\n  !!str <<: *x", "{\"b\": {\"x\": i:1}, \"c\": {\"<<\": {\"x\": i:1}}}"),
    ("c:\n  a: 1\n  <<: {a: 2, b: 3}\n  b: 4", "{\"c\": {\"a\": i:2, \"b\": i:4}}"),
    ("c:\n  <<: [{a: 1}, {a: 2, b: 2}]", "{\"c\": {\"a\": i:1, \"b\": i:2}}"),
    ("c:\n  <<: [{a: 1}, 3]", "{\"c\": {\"<<\": [{\"a\": i:1}, i:3]}}"),
    ("c:\n  <<: 3", "{\"c\": {\"<<\": i:3}}"),
    ("a: 1\na: 2\nb: 3", "{\"a\": i:2, \"b\": i:3}"),
    ("~: a\ntrue: b\n1.5: c\n2024-01-01: d\n0x10: e", "{\"\": \"a\", \"true\": \"b\", \"1.5\": \"c\", \"2024-01-01\": \"d\", \"16\": \"e\"}"),
    ("? [a, b]\n: c", "{\"[\\\"a\\\", \\\"b\\\"]\": \"c\"}"),
    ("x: &a 1\nx2: *a\ny: &a 2\nz: *a", "{\"x\": i:1, \"x2\": i:1, \"y\": i:2, \"z\": i:2}"),
    ("a: *nope", "ERR:Unknown alias: nope"),
    ("a: 1\n---\nb: 2", "{\"a\": i:1}"),
    ("a: 1\n--- : : bad [", "{\"a\": i:1}"),
    ("---\n", "nil"),
    ("", "nil"),
    ("# c", "nil"),
    ("--- 5", "i:5"),
    ("\u{feff}a: 1", "{\"a\": i:1}"),
    ("a: |\n  line1\n  line2\n\nb: >\n  folded\n  text\n\n  para\n", "{\"a\": \"line1\\nline2\\n\", \"b\": \"folded text\\npara\\n\"}"),
    ("a: |+\n  x", "{\"a\": \"x\"}"),
    ("a: |\n  x", "{\"a\": \"x\"}"),
    ("a: |\n", "{\"a\": \"\"}"),
    ("a: >-\n  one\n  two\n", "{\"a\": \"one two\"}"),
    ("a: \"esc \\t \\u00e9 \\x41 \\N \\_ \\L \\P \\e \\0 \\/\"", "{\"a\": \"esc \\t é A \u{85}   \u{2028} \u{2029} \\u001b \\u0000 /\"}"),
    ("a: 'it''s'", "{\"a\": \"it's\"}"),
    ("a: 'multi\n  line'", "{\"a\": \"multi line\"}"),
    ("a: plain\n  multi\n\n  line", "{\"a\": \"plain multi\\nline\"}"),
    ("a: x#y", "{\"a\": \"x#y\"}"),
    ("a: 1 # c", "{\"a\": i:1}"),
    ("a: [1, 2, {b: c}]", "{\"a\": [i:1, i:2, {\"b\": \"c\"}]}"),
    ("a: {b, c: d}", "{\"a\": {\"b\": nil, \"c\": \"d\"}}"),
    ("authors: [\n  \"a\",\n  \"b\"\n]\n", "{\"authors\": [\"a\", \"b\"]}"),
    ("a: [a, b,]", "{\"a\": [\"a\", \"b\"]}"),
    ("a: {url: http://x.com:80/p}", "{\"a\": {\"url\": \"http://x.com:80/p\"}}"),
    ("a: b: c", "ERR:(<unknown>): mapping values are not allowed in this context at line 1 column 5"),
    ("\ta: 1", "ERR:(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 1"),
    ("a: @foo", "ERR:(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 4"),
    ("a: `x`", "ERR:(<unknown>): found character that cannot start any token while scanning for the next token at line 1 column 4"),
    ("a: {", "ERR:(<unknown>): did not find expected node content while parsing a flow node at line 2 column 1"),
    ("a:\n  - : x", "ERR:(<unknown>): did not find expected key while parsing a block mapping at line 2 column 5"),
    ("- a\n -b\n", "[\"a -b\"]"),
    ("a: \"\\q\"", "ERR:(<unknown>): found unknown escape character while parsing a quoted scalar at line 1 column 4"),
    ("a:\t1", "{\"a\": i:1}"),
    ("a: 1\r\nb: |\r\n  x\r\n", "{\"a\": i:1, \"b\": \"x\\n\"}"),
];

#[test]
fn matches_ruby_on_every_rule() {
    let mut failures = Vec::new();
    for (src, want) in RUBY_CASES {
        let got = canon_result(load(src));
        if got != *want {
            failures.push(format!("{src:?}\n  ruby: {want}\n  ours: {got}"));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn timestamps_without_offset_use_the_local_zone() {
    // TZ=America/New_York ruby -e 'p Psych.safe_load("a: 2024-01-02 10:00:00", permitted_classes: [Time])'
    // => {"a"=>2024-01-02 05:00:00 -0500}; in July the offset is -0400.
    let zone = LocalZone::Named(chrono_tz::America::New_York);
    let opts = LoadOptions { local_zone: zone };
    let v = load_with("a: 2024-01-02 10:00:00\nb: 2024-07-02 10:00:00.5", opts).unwrap();
    assert_eq!(
        canon(&v),
        r#"{"a": t:2024-01-02 05:00:00.000000000 -0500, "b": t:2024-07-02 06:00:00.500000000 -0400}"#
    );
    // Day 30 of February rolls over, as Ruby's Time.utc does.
    let v = load_with("a: 2024-02-30 10:00:00", opts).unwrap();
    assert_eq!(canon(&v), r#"{"a": t:2024-03-01 05:00:00.000000000 -0500}"#);
}

#[test]
fn load_all_reads_every_document() {
    // ruby -e 'p Psych.load_stream("a: 1\n---\n- 2\n--- x\n")' => [{"a"=>1}, [2], "x"]
    let docs = load_all("a: 1\n---\n- 2\n--- x\n").unwrap();
    let shown: Vec<String> = docs.iter().map(canon).collect();
    assert_eq!(shown, [r#"{"a": i:1}"#, "[i:2]", r#""x""#]);
    assert!(load_all("").unwrap().is_empty());
    assert!(load_all("a: 1\n--- [\n").is_err());
}

#[test]
fn errors_carry_the_line_and_kind() {
    // ruby -e 'Psych.safe_load("a: 1\nb: [1, 2\nc: 3\n")' raises "(<unknown>): did not find
    // expected ',' or ']' while parsing a flow sequence at line 2 column 4"; the error's line
    // is where the unexpected text is (line 3).
    let e = load("a: 1\nb: [1, 2\nc: 3\n").unwrap_err();
    assert!(is_syntax_error(&e));
    assert_eq!(
        e.message,
        "(<unknown>): did not find expected ',' or ']' while parsing a flow sequence at line 2 column 4"
    );
    assert_eq!(e.line, Some(3));
    let e = load("a: 1\nb: :sym\n").unwrap_err();
    assert!(!is_syntax_error(&e));
    assert_eq!(e.message, "Tried to load unspecified class: Symbol");
    assert_eq!(e.line, Some(2));
}

#[test]
fn deep_nesting_is_an_error_not_a_crash() {
    let deep = "[".repeat(100_000);
    assert!(load(&deep).is_err());
    let deep_block: String = (0..2000)
        .map(|i| format!("{}- \n", " ".repeat(i * 2)))
        .collect();
    assert!(load(&deep_block).is_err());
}

#[test]
fn never_panics_on_garbage() {
    // A small deterministic fuzz: random mixes of YAML's special characters.
    let alphabet: Vec<char> =
        " \t\n\r:-?[]{},#&*!|>'\"%@`abc019.+_~\\<=\u{e9}\u{feff}\u{2028}\u{85}\0"
            .chars()
            .collect();
    let mut seed: u64 = 0x9E37_79B9_7F4A_7C15;
    let mut next = || {
        seed ^= seed << 13;
        seed ^= seed >> 7;
        seed ^= seed << 17;
        seed
    };
    for _ in 0..3000 {
        let len = (next() % 48) as usize;
        let text: String = (0..len)
            .map(|_| alphabet[(next() % alphabet.len() as u64) as usize])
            .collect();
        let _ = load(&text);
        let _ = load_all(&text);
    }
}

#[test]
fn dump_matches_ruby_to_yaml() {
    // Each pair: a YAML input and `ruby -rdate -e 'print Psych.safe_load(INPUT,
    // permitted_classes: [Date, Time], aliases: true).to_yaml'`.
    let cases: &[(&str, &str)] = &[
        ("a: 1\nb: [x, y]\nc: {d: e}\n", "---\na: 1\nb:\n- x\n- \"y\"\nc:\n  d: e\n"),
        ("- 1\n- 1.5\n- .inf\n- -.inf\n- .nan\n- true\n- ~\n- 2024-01-02\n", "---\n- 1\n- 1.5\n- .inf\n- -.inf\n- .nan\n- true\n-\n- 2024-01-02\n"),
        ("s: 'true'\nt: '123'\nu: ''\nv: '08'\nw: ':sym'\nx: y\ny: n\nz: '2024-01-02'\n", "---\ns: 'true'\nt: '123'\nu: ''\nv: '08'\nw: \":sym\"\nx: \"y\"\n\"y\": \"n\"\nz: '2024-01-02'\n"),
        ("s: \"line1\\nline2\"\nt: \"end\\n\"\nu: \" lead\"\nv: \"a: b\"\nw: \"#c\"\nx: \"-x\"\ny: \"é\"\nz: \"tab\\tin\"\n", "---\ns: |-\n  line1\n  line2\nt: 'end\n\n  '\nu: \" lead\"\nv: 'a: b'\nw: \"#c\"\nx: \"-x\"\n\"y\": é\nz: \"tab\\tin\"\n"),
        ("'<<': 1\n", "---\n!!str '<<': 1\n"),
        ("a: &x [1, 2]\nb: *x\nc: &y {k: v}\nd: *y\n", "---\na: &1\n- 1\n- 2\nb: *1\nc: &2\n  k: v\nd: *2\n"),
        ("[]", "--- []\n"),
        ("{}", "--- {}\n"),
        ("--- plain\n", "--- plain\n"),
        ("--- 5\n", "--- 5\n"),
        ("---\n", "---\n"),
        ("a:\n  b:\n    c: [1, {d: [e]}]\n", "---\na:\n  b:\n    c:\n    - 1\n    - d:\n      - e\n"),
        ("long: word word word word word word word word word word word word word word word word word word word word word word word word word word word word word word\n", "---\nlong: word word word word word word word word word word word word word word word word\n  word word word word word word word word word word word word word word\n"),
        ("emoji: \"\\U0001F600 x\"\n", "---\nemoji: \"\\U0001F600 x\"\n"),
        ("a: 1.0e+20\nb: 0.1\nc: -0.0\nd: 12345678901234567890\n", "---\na: 1.0e+20\nb: 0.1\nc: -0.0\nd: 12345678901234567890\n"),
        ("\"key with: colon\": 1\n\"123\": 2\n", "---\n'key with: colon': 1\n'123': 2\n"),
    ];
    for (src, want) in cases {
        assert_eq!(dump(&load(src).unwrap()), *want, "{src:?}");
    }
}

#[test]
fn load_file_names_the_file() {
    let dir = std::env::temp_dir().join(format!("hyde-yaml-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let good = dir.join("good.yml");
    std::fs::write(&good, "\u{feff}a: 1\n").unwrap();
    assert_eq!(
        canon(&load_file(&good, LoadOptions::default()).unwrap()),
        r#"{"a": i:1}"#
    );
    let bad = dir.join("bad.yml");
    std::fs::write(&bad, "a: 1\nb: [\n").unwrap();
    let e = load_file(&bad, LoadOptions::default()).unwrap_err();
    assert!(e.file.as_ref().is_some_and(|f| f.ends_with("bad.yml")));
    std::fs::write(&bad, b"a: 1\nb: \xff\n").unwrap();
    assert_eq!(
        load_file(&bad, LoadOptions::default()).unwrap_err().line,
        Some(2)
    );
    let _ = std::fs::remove_dir_all(&dir);
}

#[test]
fn loads_in_parallel() {
    // Each call owns its libyaml parser; nothing is shared between threads.
    let docs: Vec<&str> = RUBY_CASES.iter().map(|(src, _)| *src).collect();
    std::thread::scope(|scope| {
        for _ in 0..4 {
            scope.spawn(|| {
                for (src, want) in RUBY_CASES {
                    assert_eq!(canon_result(load(src)), *want);
                }
                for d in &docs {
                    if let Ok(v) = load(d) {
                        let _ = dump(&v);
                    }
                }
            });
        }
    });
}
