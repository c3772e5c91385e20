//! jekyll-regex-replace (1.x): `regex_replace` and `regex_replace_once` build a Ruby
//! `Regexp` from the search text and call `gsub`/`sub` with a Ruby replacement string.
//!
//! Not packaged by Debian: the expectations in the tests come from reading
//! joshdavenport/jekyll-regex-replace and running it under the oracle's Jekyll (RUBYLIB).

use super::ruby_regex;
use crate::liquid::Engine;
use crate::liquid::{ErrorKind, LiquidError};
use crate::value::Value;

/// `str.gsub(/#{search}/, replace)` (`all`) or `str.sub(...)`.
pub fn regex_replace(
    input: &Value,
    search: &Value,
    replace: &Value,
    all: bool,
) -> Result<Value, LiquidError> {
    let Value::Str(s) = input else {
        // Ruby: NoMethodError (`gsub` on a non-String), which Jekyll reports and stops on.
        return Err(LiquidError::new(
            ErrorKind::Internal,
            format!(
                "jekyll-regex-replace: undefined method `{}' for {}",
                if all { "gsub" } else { "sub" },
                crate::value::inspect(input)
            ),
        ));
    };
    let re = ruby_regex::compile(&crate::value::to_s(search))
        .map_err(|m| LiquidError::new(ErrorKind::Internal, format!("jekyll-regex-replace: {m}")))?;
    let Value::Str(r) = replace else {
        return Err(LiquidError::new(
            ErrorKind::Internal,
            format!(
                "jekyll-regex-replace: no implicit conversion of {} into String",
                replace.ruby_class()
            ),
        ));
    };
    ruby_regex::replace(s, &re, r, all)
        .map(Value::str)
        .map_err(|m| LiquidError::new(ErrorKind::Internal, format!("jekyll-regex-replace: {m}")))
}

/// The plugin: two Liquid filters.
pub struct JekyllRegexReplace;

impl crate::plugins::Plugin for JekyllRegexReplace {
    fn names(&self) -> &'static [&'static str] {
        &["jekyll-regex-replace"]
    }

    fn register_liquid(&self, engine: &mut Engine) {
        engine.register_filter("regex_replace", 3, 3, |v, a, _| {
            regex_replace(v, &a[0], &a[1], true)
        });
        engine.register_filter("regex_replace_once", 3, 3, |v, a, _| {
            regex_replace(v, &a[0], &a[1], false)
        });
    }
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn like_the_gem() {
        // From the oracle run: {{ "Hello World" | regex_replace: "o(.)", "0\1" }} → Hell0 W0rld,
        // {{ "aaa" | regex_replace_once: "a", "b" }} → baa.
        let s = |x: &str| Value::str(x);
        let r = regex_replace(&s("Hello World"), &s("o(.)"), &s("0\\1"), true).unwrap();
        assert_eq!(crate::value::to_s(&r), "Hell0 W0rld");
        let r = regex_replace(&s("aaa"), &s("a"), &s("b"), false).unwrap();
        assert_eq!(crate::value::to_s(&r), "baa");
        assert!(regex_replace(&Value::Int(1), &s("a"), &s("b"), true).is_err());
        assert!(regex_replace(&s("a"), &s("("), &s("b"), true).is_err());
    }
}
