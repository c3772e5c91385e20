//! Engine tests; expected values come from Ruby Liquid 4.0.4.

use super::*;
use crate::value::Hash;

fn render(src: &str) -> String {
    let t = Engine::new().parse_liquid(src).expect("parses");
    t.render_lax(&mut Context::new(Hash::new()))
        .unwrap_or_else(|e| e.to_ruby_string())
}

#[test]
fn basic_output_and_filters() {
    assert_eq!(
        render("{{ 'a' | upcase }}{{ 5.0 }}{{ 1 | plus: 2.5 }}"),
        "A5.03.5"
    );
    assert_eq!(
        render("{% assign x = 'a,b' | split: ',' %}{{ x | join: '-' }}"),
        "a-b"
    );
}

#[test]
fn blank_blocks_print_nothing() {
    assert_eq!(
        render("a{% if true %}  {% assign x = 1 %}  {% endif %}b"),
        "ab"
    );
}
