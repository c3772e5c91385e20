//! Expected values from real Jekyll 4.3.1 (Debian), for the same files:
//!   ruby -e 'require "jekyll"; site = Jekyll::Site.new(Jekyll.configuration("source" => DIR,
//!     "quiet" => true)); p Jekyll::DataReader.new(site).read("_data")'

use super::*;
use crate::yaml::ruby_inspect;

/// A scratch `_data` tree, removed when dropped.
struct Scratch(PathBuf);

impl Scratch {
    fn new(name: &str, files: &[(&str, &[u8])]) -> Self {
        let root = std::env::temp_dir().join(format!("hyde-data-{}-{}", name, std::process::id()));
        let _ = fs::remove_dir_all(&root);
        for (path, content) in files {
            let p = root.join("_data").join(path);
            fs::create_dir_all(p.parent().unwrap()).unwrap();
            fs::write(p, content).unwrap();
        }
        fs::create_dir_all(root.join("_data")).unwrap();
        Scratch(root)
    }

    fn data_dir(&self) -> PathBuf {
        self.0.join("_data")
    }
}

impl Drop for Scratch {
    fn drop(&mut self) {
        let _ = fs::remove_dir_all(&self.0);
    }
}

fn config(yaml: &str) -> Value {
    crate::yaml::load(yaml).unwrap()
}

const FILES: &[(&str, &[u8])] = &[
    ("dup.yaml", b"x: yaml\n"),
    ("dup.yml", b"x: yml\n"),
    (
        "dup.json",
        b"{\"x\": \"json\", \"n\": 1e5, \"f\": 1.5E+3, \"d\": \"2024-01-02\", \"big\": 12345678901234567890, \"neg\": -0.0, \"u\": \"\\u00e9\\/\"}\n",
    ),
    ("people.csv", b"name,age,empty,quoted\nbob,42,,\"\"\n\"al,ice\",7\n\nx,1,2,3,4\n"),
    ("tabs.tsv", b"a\tb\n1\t\"q\"\n"),
    ("my data.yml", b"k: 1\n"),
    ("my.data.yml", b"k: 2\n"),
    (".hidden.yml", b"k: 3\n"),
    ("_under.yml", b"k: 4\n"),
    ("B.yml", b"k: 5\n"),
    ("a.yml", b"k: 6\n"),
    ("a/.keep", b""),
    ("sub/s.yml", b"k: sub\n"),
    ("sub/deeper/d.yaml", b"k: deeper\n"),
    ("notdata.txt", b"z\n"),
    ("empty.yml", b""),
    ("duphead.csv", b"h1,h1,h2\n1,2,3\n"),
    ("conv.csv", b"n,f,d\n 12 ,1.5,2024-01-02\n0x1A,1e3,Jan 5 2020\n1_000,abc,\n"),
    ("bom.csv", b"\xef\xbb\xbfname\nbom\n"),
];

#[test]
fn builds_site_data_like_jekyll() {
    let s = Scratch::new("site", FILES);
    let data = read_data_dir(&s.data_dir(), &config("{}")).unwrap();
    // Jekyll prints `nil=>"4"` for the extra CSV field; the value model's keys are strings.
    let want = concat!(
        r#"{"dup"=>{"x"=>"json", "n"=>"1e5", "f"=>1500.0, "d"=>"2024-01-02", "big"=>"12345678901234567890", "neg"=>-0.0, "u"=>"é/"}, "#,
        r#""B"=>{"k"=>5}, "_under"=>{"k"=>4}, "a"=>{}, "empty"=>nil, "my_data"=>{"k"=>1}, "mydata"=>{"k"=>2}, "#,
        "\"bom\"=>[{\"\u{feff}name\"=>\"bom\"}], ",
        r#""conv"=>[{"n"=>" 12 ", "f"=>"1.5", "d"=>"2024-01-02"}, {"n"=>"0x1A", "f"=>"1e3", "d"=>"Jan 5 2020"}, {"n"=>"1_000", "f"=>"abc", "d"=>nil}], "#,
        r#""duphead"=>[{"h1"=>"1", "h2"=>"3"}], "#,
        r#""people"=>[{"name"=>"bob", "age"=>"42", "empty"=>nil, "quoted"=>""}, {"name"=>"al,ice", "age"=>"7", "empty"=>nil, "quoted"=>nil}, {"name"=>nil, "age"=>nil, "empty"=>nil, "quoted"=>nil}, {"name"=>"x", "age"=>"1", "empty"=>"2", "quoted"=>"3", ""=>"4"}], "#,
        r#""tabs"=>[{"a"=>"1", "b"=>"q"}], "sub"=>{"s"=>{"k"=>"sub"}, "deeper"=>{"d"=>{"k"=>"deeper"}}}}"#
    );
    assert_eq!(ruby_inspect(&data), want);
}

#[test]
fn csv_converters_and_headers_options() {
    let s = Scratch::new("conv", FILES);
    // csv_reader: {csv_converters: [numeric, date]} =>
    // [{"n"=>12, "f"=>1.5, "d"=>#<Date: 2024-01-02 ...>}, {"n"=>26, "f"=>1000.0, "d"=>#<Date: 2020-01-05 ...>}, {"n"=>1000, "f"=>"abc", "d"=>nil}]
    let data = read_data_dir(
        &s.data_dir(),
        &config("csv_reader: {csv_converters: [numeric, date]}"),
    )
    .unwrap();
    assert_eq!(
        ruby_inspect(&data.get("conv").unwrap()),
        r#"[{"n"=>12, "f"=>1.5, "d"=>#<Date: 2024-01-02 ((2460312j,0s,0n),+0s,2299161j)>}, {"n"=>26, "f"=>1000.0, "d"=>#<Date: 2020-01-05 ((2458854j,0s,0n),+0s,2299161j)>}, {"n"=>1000, "f"=>"abc", "d"=>nil}]"#
    );
    // csv_reader: {headers: false} => [["name", "age", "empty", "quoted"], ["bob", "42", nil, ""], ["al,ice", "7"], [], ["x", "1", "2", "3", "4"]]
    let data = read_data_dir(&s.data_dir(), &config("csv_reader: {headers: false}")).unwrap();
    assert_eq!(
        ruby_inspect(&data.get("people").unwrap()),
        r#"[["name", "age", "empty", "quoted"], ["bob", "42", nil, ""], ["al,ice", "7"], [], ["x", "1", "2", "3", "4"]]"#
    );
    // tsv_reader: {csv_converters: [integer]} => [{"a"=>1, "b"=>"q"}]
    let data = read_data_dir(
        &s.data_dir(),
        &config("tsv_reader: {csv_converters: [integer]}"),
    )
    .unwrap();
    assert_eq!(
        ruby_inspect(&data.get("tabs").unwrap()),
        r#"[{"a"=>1, "b"=>"q"}]"#
    );
    assert!(read_data_dir(
        &s.data_dir(),
        &config("csv_reader: {csv_converters: [nope]}")
    )
    .is_err());
}

#[test]
fn missing_dir_is_empty_and_bad_files_name_themselves() {
    let s = Scratch::new("bad", &[("broken.yml", b"a: [1,\nb: 2\n")]);
    assert_eq!(
        ruby_inspect(&read_data_dir(&s.0.join("nope"), &Value::Nil).unwrap()),
        "{}"
    );
    let err = read_data_dir(&s.data_dir(), &Value::Nil).unwrap_err();
    assert!(
        err.file.as_ref().is_some_and(|f| f.ends_with("broken.yml")),
        "{err}"
    );
    assert!(err.line.is_some());
}
