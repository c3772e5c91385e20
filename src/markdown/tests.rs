//! Unit tests. Expected outputs were produced by real Jekyll 4.3.1's kramdown converter
//! (`Jekyll::Converters::Markdown::KramdownParser` with Jekyll's default configuration,
//! kramdown 2.4.0 + kramdown-parser-gfm 1.1.0 + rouge 3.30).

use super::*;

fn jekyll(src: &str) -> String {
    to_html(src, &Options::jekyll_defaults()).unwrap()
}

/// (name, markdown, HTML from real Jekyll).
const JEKYLL_CASES: &[(&str, &str, &str)] = &[
    ("paragraph_emphasis", "Hello *world* and __strong__ text.\n", "<p>Hello <em>world</em> and <strong>strong</strong> text.</p>\n"),
    ("inline_code_plaintext", "Use `x = 1` here.\n", "<p>Use <code class=\"language-plaintext highlighter-rouge\">x = 1</code> here.</p>\n"),
    ("fenced_no_lang", "```\nplain <code>\n```\n", "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>plain &lt;code&gt;\n</code></pre></div></div>\n"),
    ("fenced_plaintext", "```plaintext\na & b\n```\n", "<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>a &amp; b\n</code></pre></div></div>\n"),
    ("indented_code", "para\n\n    code\n", "<p>para</p>\n\n<div class=\"language-plaintext highlighter-rouge\"><div class=\"highlight\"><pre class=\"highlight\"><code>code\n</code></pre></div></div>\n"),
    ("gfm_header_ids", "# Hello World!\n\n## Hello World!\n\n### Ünïcode *em*\n", "<h1 id=\"hello-world\">Hello World!</h1>\n\n<h2 id=\"hello-world-1\">Hello World!</h2>\n\n<h3 id=\"ünïcode-em\">Ünïcode <em>em</em></h3>\n"),
    ("header_id_attr", "## Title {#custom}\n", "<h2 id=\"custom\">Title</h2>\n"),
    ("smart_quotes", "\"Double\" and 'single' -- dash --- em... <<a>>\n", "<p>“Double” and ‘single’ – dash — em… «a»</p>\n"),
    ("lists_tight_loose", "* a\n* b\n\n1. one\n\n2. two\n", "<ul>\n  <li>a</li>\n  <li>b</li>\n</ul>\n\n<ol>\n  <li>\n    <p>one</p>\n  </li>\n  <li>\n    <p>two</p>\n  </li>\n</ol>\n"),
    ("nested_list", "- a\n  - b\n    - c\n- d\n", "<ul>\n  <li>a\n    <ul>\n      <li>b\n        <ul>\n          <li>c</li>\n        </ul>\n      </li>\n    </ul>\n  </li>\n  <li>d</li>\n</ul>\n"),
    ("task_list", "- [ ] todo\n- [x] done\n", "<ul class=\"task-list\">\n  <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" />todo</li>\n  <li class=\"task-list-item\"><input type=\"checkbox\" class=\"task-list-item-checkbox\" disabled=\"disabled\" checked=\"checked\" />done</li>\n</ul>\n"),
    ("blockquote_ial", "> quote\n{: .note}\n", "<blockquote class=\"note\">\n  <p>quote</p>\n</blockquote>\n"),
    ("table_align", "| a | b | c |\n|:--|--:|:-:|\n| 1 | 2 | 3 |\n", "<table>\n  <thead>\n    <tr>\n      <th style=\"text-align: left\">a</th>\n      <th style=\"text-align: right\">b</th>\n      <th style=\"text-align: center\">c</th>\n    </tr>\n  </thead>\n  <tbody>\n    <tr>\n      <td style=\"text-align: left\">1</td>\n      <td style=\"text-align: right\">2</td>\n      <td style=\"text-align: center\">3</td>\n    </tr>\n  </tbody>\n</table>\n"),
    ("footnotes", "Text[^1] and again[^1].\n\n[^1]: The note.\n", "<p>Text<sup id=\"fnref:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup> and again<sup id=\"fnref:1:1\" role=\"doc-noteref\"><a href=\"#fn:1\" class=\"footnote\" rel=\"footnote\">1</a></sup>.</p>\n\n<div class=\"footnotes\" role=\"doc-endnotes\">\n  <ol>\n    <li id=\"fn:1\" role=\"doc-endnote\">\n      <p>The note. <a href=\"#fnref:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;</a> <a href=\"#fnref:1:1\" class=\"reversefootnote\" role=\"doc-backlink\">&#8617;<sup>2</sup></a></p>\n    </li>\n  </ol>\n</div>\n"),
    ("toc", "* TOC\n{:toc}\n\n# One\n\n## Two\n", "<ul id=\"markdown-toc\">\n  <li><a href=\"#one\" id=\"markdown-toc-one\">One</a>    <ul>\n      <li><a href=\"#two\" id=\"markdown-toc-two\">Two</a></li>\n    </ul>\n  </li>\n</ul>\n\n<h1 id=\"one\">One</h1>\n\n<h2 id=\"two\">Two</h2>\n"),
    ("math", "Inline $$a+b$$.\n\n$$\nx^2\n$$\n", "<p>Inline \\(a+b\\).</p>\n\n\\[x^2\\]\n"),
    ("html_markdown_1", "<div markdown=\"1\">\n*em* text\n</div>\n", "<div>\n  <p><em>em</em> text</p>\n</div>\n"),
    ("html_raw", "<div>\n*not em*\n</div>\n", "<div>\n*not em*\n</div>\n"),
    ("span_html", "A <span class=\"x\">*b*</span> c\n", "<p>A <span class=\"x\"><em>b</em></span> c</p>\n"),
    ("link_ref", "[text][id] and ![img](/a.png \"T\")\n\n[id]: http://example.com \"Title\"\n", "<p><a href=\"http://example.com\" title=\"Title\">text</a> and <img src=\"/a.png\" alt=\"img\" title=\"T\" /></p>\n\n"),
    ("autolink_entities", "<http://a.b> &copy; &#169; &lt; AT&T\n", "<p><a href=\"http://a.b\">http://a.b</a> © © &lt; AT&amp;T</p>\n"),
    ("strikethrough", "~~gone~~ stays\n", "<p><del>gone</del> stays</p>\n"),
    ("hard_break", "line one\\\nline two  \nline three\n", "<p>line one<br />\nline two<br />\nline three</p>\n"),
    ("definition_list", "Term\n: Definition\n", "<dl>\n  <dt>Term</dt>\n  <dd>Definition</dd>\n</dl>\n"),
    ("abbreviation", "*[HTML]: Hyper Text\n\nHTML here.\n", "\n<p><abbr title=\"Hyper Text\">HTML</abbr> here.</p>\n"),
    ("comment_ext", "{::comment}\nx\n{:/comment}\n\npara\n", "<!-- x -->\n\n<p>para</p>\n"),
    ("nomarkdown", "{::nomarkdown}\n<b>raw</b>\n{:/nomarkdown}\n", "<b>raw</b>\n"),
    ("escapes", "\\*not\\* \\_em\\_ \\~\n", "<p>*not* _em_ ~</p>\n"),
    ("hr_setext", "Title\n=====\n\n***\n", "<h1 id=\"title\">Title</h1>\n\n<hr />\n"),
    ("image_ial", "![a](b.png){: width=\"50%\" .c}\n", "<p><img src=\"b.png\" alt=\"a\" width=\"50%\" class=\"c\" /></p>\n"),
];

#[test]
fn matches_real_jekyll() {
    let mut failures = Vec::new();
    for (name, src, expected) in JEKYLL_CASES {
        let got = jekyll(src);
        if &got != expected {
            failures.push(format!(
                "{name}:\n  expected {expected:?}\n  got      {got:?}"
            ));
        }
    }
    assert!(failures.is_empty(), "{}", failures.join("\n"));
}

#[test]
fn kramdown_testsuite_defaults_have_no_auto_ids() {
    let opts = Options::from_kramdown_yaml("", false).unwrap();
    assert_eq!(to_html("# Head\n", &opts).unwrap(), "<h1>Head</h1>\n");
}

#[test]
fn site_kramdown_section_overrides_defaults() {
    let mut kd = crate::value::Hash::new();
    kd.insert("auto_ids".into(), crate::Value::Bool(false));
    let mut site = crate::value::Hash::new();
    site.insert("kramdown".into(), crate::Value::hash(kd));
    let opts = Options::from_jekyll_config(&crate::Value::hash(site));
    assert_eq!(to_html("# Head\n", &opts).unwrap(), "<h1>Head</h1>\n");
}

/// Hostile inputs: no panic, and bounded time (each finishes well under a second in release).
#[test]
fn garbage_and_pathological_inputs() {
    let mut inputs: Vec<String> = vec![
        ">".repeat(3000) + " a",
        "*".repeat(3000) + "a",
        "_a ".repeat(1000),
        "[".repeat(3000),
        "![".repeat(500) + "x" + &"](y)".repeat(500),
        "<div>".repeat(1000),
        "<span>".repeat(1000),
        "<div markdown=\"1\">\n".repeat(500),
        "|a|b|\n".repeat(2000),
        "`".repeat(3000),
        "*a **b ".repeat(500),
        "\"'".repeat(2000),
        "<!--".repeat(500),
        "{::comment}".repeat(300),
        "$$".repeat(1001),
        "~~~\n".repeat(301),
        "1. a\n   ".repeat(500),
        ": a\n".repeat(500),
        (0..400)
            .map(|i| format!("{}* x\n", " ".repeat(i * 2)))
            .collect(),
        "{: #a .b c=\"d\"}\n".repeat(200),
        "{:a: .x}\n{:b: a}\n{: a b}\npara\n".to_string(),
        "\u{0}\u{1}\r\n\r\t\u{feff}&#0; &#99999999999; &#xD800; &#x110000;".to_string(),
        "<a href=\"x".to_string(),
        "[a](<b".to_string(),
        "[^x]: y\n[^x]".to_string(),
        "<script>".to_string(),
        "*[".to_string(),
        "| `a|b` | <span>|</span> |\n|---|---|\n".to_string(),
    ];
    let mut seed: u64 = 0x2545F4914F6CDD1D;
    for _ in 0..200 {
        let alphabet = [
            "*", "_", "`", "[", "]", "(", ")", "<", ">", "!", "\n", " ", "    ", "#", "-", "|",
            ":", "{", "}", "$", "&", "\\", "\"", "'", "~", "^", "a", "1.", "<div>", "</div>",
        ];
        let mut s = String::new();
        for _ in 0..200 {
            seed ^= seed << 13;
            seed ^= seed >> 7;
            seed ^= seed << 17;
            s.push_str(alphabet[(seed % alphabet.len() as u64) as usize]);
        }
        inputs.push(s);
    }
    for input in &inputs {
        for opts in [Options::jekyll_defaults(), Options::default()] {
            let out = to_html(input, &opts);
            assert!(out.is_ok(), "failed on {input:?}");
        }
    }
}
