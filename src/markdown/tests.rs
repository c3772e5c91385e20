//! Unit tests; expected values come from running real kramdown 2.4 (see each case).

use super::*;

fn jekyll(src: &str) -> String {
    to_html(src, &Options::jekyll_defaults()).unwrap()
}

#[test]
fn paragraph_and_emphasis() {
    assert_eq!(jekyll("Hello *world*\n"), "<p>Hello <em>world</em></p>\n");
}
