//! Expected values come from running real Rouge 3.30 (`ruby -rrouge`).

use super::*;

#[test]
fn every_lexer_definition_compiles() {
    for (tag, ..) in registry::all() {
        if let Some(lx) = registry::find(tag) {
            assert!(lx.bad_patterns.is_empty(), "{tag}: {:?}", lx.bad_patterns);
        }
    }
}

#[test]
fn plaintext_and_unknown() {
    assert_eq!(
        highlight_tokens("a<b&c>", "text").as_deref(),
        Some("a&lt;b&amp;c&gt;")
    );
    assert_eq!(highlight_tokens("x", "nosuchlang"), None);
    assert!(has_lexer("plaintext?token=Name"));
    assert!(!has_lexer("Python"));
}

#[test]
fn guesses_like_rouge() {
    assert_eq!(guess_lexer("#!/bin/bash\necho hi\n"), Some("shell"));
    assert_eq!(guess_lexer("hello world"), Some("plaintext"));
    assert_eq!(guess_lexer("<?xml version=\"1.0\"?>\n<a/>"), Some("xml"));
}

#[test]
fn jekyll_linenos_table() {
    // From jekyll-oracle: {% highlight ruby linenos %} over these three lines.
    let got = highlight_table("def foo\n  puts 'x'\nend", "ruby", &TableOptions::jekyll());
    let want = "<table class=\"rouge-table\"><tbody><tr><td class=\"gutter gl\"><pre class=\"lineno\">1\n2\n3\n</pre></td><td class=\"code\"><pre><span class=\"k\">def</span> <span class=\"nf\">foo</span>\n  <span class=\"nb\">puts</span> <span class=\"s1\">'x'</span>\n<span class=\"k\">end</span>\n</pre></td></tr></tbody></table>";
    assert_eq!(got, want);
}

#[test]
fn kramdown_block_wrapper() {
    let got = highlight_legacy("var a = 1;\n", "js", "highlight", None, true);
    let want = "<div class=\"highlight\"><pre class=\"highlight\"><code><span class=\"kd\">var</span> <span class=\"nx\">a</span> <span class=\"o\">=</span> <span class=\"mi\">1</span><span class=\"p\">;</span>\n</code></pre></div>";
    assert_eq!(got.as_deref(), Some(want));
}

#[test]
fn every_rouge_lexer_has_rules_and_lexes_without_panicking() {
    let sample =
        "# c\nfoo = \"bar #{1 + 2}\" 'x' /re/ <a href=\"y\">z</a> {% if %}\n\t(1, 2.5e3) // done\n";
    for (tag, ..) in registry::all() {
        assert!(has_rules(tag), "{tag} falls back to plain text");
        let html = highlight_tokens(sample, tag).unwrap_or_else(|| panic!("{tag}: no lexer"));
        assert!(!html.is_empty(), "{tag}: empty output");
    }
}
