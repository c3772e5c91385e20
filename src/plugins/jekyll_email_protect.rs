//! jekyll-email-protect (1.0.3): the `encode_email` filter percent-encodes every byte of
//! each alphanumeric character (`\p{Alnum}`: letters and decimal digits, any script) of
//! `input.to_s`, and leaves every other character as it is.
//!
//! Not packaged by Debian: the expectations in the tests come from reading
//! vwochnik/jekyll-email-protect and running it under the oracle's Jekyll (RUBYLIB).

use crate::liquid::Engine;
use crate::value::Value;
use once_cell::sync::Lazy;

static ALNUM: Lazy<regex::Regex> =
    Lazy::new(|| regex::Regex::new(r"^[\p{Alphabetic}\p{Nd}]$").expect("valid pattern"));

/// `EmailProtectionFilter#encode_email`.
pub fn encode_email(input: &str) -> String {
    let mut out = String::with_capacity(input.len() * 3);
    let mut buf = [0u8; 4];
    for c in input.chars() {
        let s = c.encode_utf8(&mut buf);
        if ALNUM.is_match(s) {
            for b in s.bytes() {
                out.push_str(&format!("%{b:02X}"));
            }
        } else {
            out.push(c);
        }
    }
    out
}

/// The plugin: one Liquid filter.
pub struct JekyllEmailProtect;

impl crate::plugins::Plugin for JekyllEmailProtect {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-email-protect", "jekyll/email-protect"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_filter("encode_email", 1, 1, |v, _, _| {
            Ok(Value::str(encode_email(&crate::value::to_s(v))))
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn encodes_like_the_gem() {
        // Printed by the gem under the oracle: {{ "me.name+x@ex-ample.com" | encode_email }},
        // {{ 42 | encode_email }}, {{ "été@ü.de" | encode_email }}.
        assert_eq!(
            encode_email("me.name+x@ex-ample.com"),
            "%6D%65.%6E%61%6D%65+%78@%65%78-%61%6D%70%6C%65.%63%6F%6D"
        );
        assert_eq!(encode_email("42"), "%34%32");
        assert_eq!(encode_email("été@ü.de"), "%C3%A9%74%C3%A9@%C3%BC.%64%65");
        assert_eq!(encode_email(""), "");
    }
}
