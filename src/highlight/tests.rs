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
