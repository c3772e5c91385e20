//! `smartify` against real Jekyll 4.3.1 (kramdown 2.4): each expected value is the output of
//! `{{ s | smartify }}` on a site without a `kramdown:` section, built with jekyll-oracle.

use super::{smartify, Options};

const CASES: &[(&str, &str)] = &[
    ("\"Hello\" world", "“Hello” world"),
    (
        "It's the 90's and 'quoted' text",
        "It’s the 90’s and ‘quoted’ text",
    ),
    (
        "a -- b --- c ... d << e >> f",
        "a – b — c … d «\u{a0}e\u{a0}» f",
    ),
    (
        "Click <a href=\"x.html\" title=\"it's\">here's \"link\"</a> now",
        "Click <a href=\"x.html\" title=\"it's\">here’s “link”</a> now",
    ),
    (
        "&amp; & &copy; &#169; &#x41; &bogus; AT&T",
        "&amp; &amp; © © A &amp;bogus; AT&amp;T",
    ),
    (
        "line one\nline \"two\"\nline three",
        "line one\nline “two”\nline three",
    ),
    ("para one\n\npara 'two'", "para one\n\npara ‘two’"),
    ("  leading and trailing  ", "  leading and trailing  "),
    ("\n\nleading blank", "\n\nleading blank"),
    (
        "<div class=\"x\">block \"html\"</div>",
        "<div class=\"x\">block \"html\"</div>",
    ),
    (
        "<div>\n\"inside\"\n</div>\nafter 'it'",
        "<div>\n\"inside\"\n</div>\nafter ‘it’",
    ),
    (
        "*not emph* `not code` [not link](x) # not header",
        "*not emph* `not code` [not link](x) # not header",
    ),
    (
        "<em>\"em\"</em> and <br/> <img src='a.png' alt=\"b\">",
        "<em>“em”</em> and <br /> <img src=\"a.png\" alt=\"b\" />",
    ),
    ("\"'nested'\"", "“‘nested’”"),
    ("don't 'tis '90s rock'n'roll", "don’t ‘tis ’90s rock’n’roll"),
    ("trailing newline\n", "trailing newline"),
    ("x\\\"y \\'z\\-\\-", "x\\“y \\‘z\\-\\-"),
    (
        "<!-- comment \"q\" --> after",
        "<!-- comment \"q\" -->\n after",
    ),
    ("4 < 5 > 3", "4 &lt; 5 &gt; 3"),
    ("foo<bar", "foo&lt;bar"),
    ("    indented code?", "    indented code?"),
    ("> quote?", "&gt; quote?"),
    ("- list?", "- list?"),
    ("tab\there", "tab\there"),
    ("", ""),
    ("a  \nb", "a  \nb"),
    ("{::comment}x{:/} $$x$$", "{::comment}x{:/} $$x$$"),
    (
        "<span>a</span>\n\n<p>\"p\"</p>\n\ntext",
        "<span>a</span>\n\n<p>\"p\"</p>\n\ntext",
    ),
    ("--- start\n...\n", "— start\n…"),
    ("\"a\" \"b\"\n\"c\"", "“a” “b”\n“c”"),
    ("<<>>", "«»"),
    ("a\n\n\n\nb", "a\n\n\n\nb"),
    (
        "x <a href=\"y\">\"unclosed",
        "x <a href=\"y\">“unclosed\n</a>",
    ),
    (
        "<div markdown=\"1\">\"x\" -- y</div>",
        "<div>\n“x” – y&lt;/div&gt;\n</div>",
    ),
    ("</div> \"stray\"", "&lt;/div&gt; “stray”"),
    ("<p>\"p\" 'q'</p>", "<p>\"p\" 'q'</p>"),
    (
        "a <span title=\"t\">\"b\" <em>c</em></span> \"d\"",
        "a <span title=\"t\">“b” <em>c</em></span> “d”",
    ),
    ("\"a\"<br>\"b\"", "“a”<br />“b”"),
    (
        "<script>\"x\"</script> \"y\"",
        "<script>\"x\"</script>\n “y”",
    ),
    (
        "  <div>indented \"html\"</div>",
        "<div>indented \"html\"</div>",
    ),
    (
        "x &nbsp; y &lt;z&gt; &quot;q&quot;",
        "x \u{a0} y &lt;z&gt; \"q\"",
    ),
    ("He said, 'It's \"fine\"'.", "He said, ‘It’s “fine”’."),
];

#[test]
fn smartify_matches_jekyll() {
    let opts = Options::jekyll_defaults();
    for (input, expected) in CASES {
        let got = smartify(input, &opts).unwrap();
        assert_eq!(&got, expected, "input {input:?}");
    }
}
