//! jemoji (0.13): after rendering, `:shortcode:` in the text of HTML pages and written
//! documents becomes GitHub's emoji image, as html-pipeline's `EmojiFilter` writes it
//! (`<img class="emoji" title=":x:" alt=":x:" src="ROOT/emoji/unicode/HEX.png" height="20"
//! width="20">`), except inside `pre`, `code` and `tt`. The emoji set is gemoji 4.1.0's (the
//! newest gemoji jemoji accepts), which the `emojis` crate carries alias for alias.
//!
//! html-pipeline works on decoded text and parses its replacement as HTML, so a text node
//! holding an emoji and an escaped `&lt;tag&gt;` becomes a real element in Jekyll's output;
//! hyde replaces the shortcodes in the text as written and keeps the escapes (the pages are
//! otherwise DOM-equal; see `html_scan` for the serializer's own differences).
//!
//! jemoji is not packaged by Debian, so the expectations in the tests come from reading
//! jekyll/jemoji, html-pipeline 2.14 and gemoji 4.1.0, and from running them under the
//! oracle's Jekyll with those sources on RUBYLIB (not committed).

use crate::error::Result;
use crate::site::render::Item;
use crate::site::Site;
use crate::value::Value;

/// `GITHUB_DOT_COM_ASSET_HOST_URL` + `ASSET_PATH`.
const DEFAULT_ROOT: &str = "https://github.githubassets.com/images/icons/";

/// gemoji's `image_filename` for an alias: the code points in hex (at least 4 digits),
/// joined by `-`, without the variation selector and zero-width joiner after the first.
pub fn image_filename(alias: &str) -> Option<String> {
    let emoji = emojis::get_by_shortcode(alias)?;
    let mut parts = Vec::new();
    for (i, c) in emoji.as_str().chars().enumerate() {
        let cp = c as u32;
        if i > 0 && (cp == 0xfe0f || cp == 0x200d) {
            continue;
        }
        parts.push(format!("{cp:04x}"));
    }
    Some(format!("unicode/{}.png", parts.join("-")))
}

/// Ruby's `File.join(root, "emoji", file)`.
fn emoji_url(root: &str, file: &str) -> String {
    if root.ends_with('/') {
        format!("{root}emoji/{file}")
    } else {
        format!("{root}/emoji/{file}")
    }
}

/// The `<img>` html-pipeline writes for `:name:` (jemoji clears `align`).
pub fn img_tag(root: &str, name: &str, file: &str) -> String {
    format!(
        "<img class=\"emoji\" title=\":{name}:\" alt=\":{name}:\" src=\"{}\" height=\"20\" width=\"20\">",
        emoji_url(root, file)
    )
}

/// Replaces every `:alias:` of a known emoji in `text` (leftmost first, as `gsub` with
/// html-pipeline's alternation pattern does); `None` when there is none.
pub fn replace_shortcodes(text: &str, mut tag: impl FnMut(&str, &str) -> String) -> Option<String> {
    if !text.contains(':') {
        return None;
    }
    let mut out = String::with_capacity(text.len() + 64);
    let mut last = 0;
    let mut i = 0;
    let mut changed = false;
    while let Some(p) = text[i..].find(':') {
        let start = i + p;
        let Some(q) = text[start + 1..].find(':') else {
            break;
        };
        let name = &text[start + 1..start + 1 + q];
        match image_filename(name).filter(|_| !name.is_empty()) {
            Some(file) => {
                out.push_str(&text[last..start]);
                out.push_str(&tag(name, &file));
                i = start + q + 2;
                last = i;
                changed = true;
            }
            None => i = start + 1,
        }
    }
    if !changed {
        return None;
    }
    out.push_str(&text[last..]);
    Some(out)
}

/// Whether `text` holds any known `:alias:` (jemoji's quick test on the whole output).
fn has_shortcode(text: &str) -> bool {
    replace_shortcodes(text, |_, _| String::new()).is_some()
}

/// `Jekyll::Emoji.emoji_src`: `emoji.src` from the configuration, else `ASSET_HOST_URL`
/// plus `/images/icons/`, else GitHub's asset host.
fn emoji_src(site: &Site) -> String {
    if let Some(src) = site.config.get("emoji").and_then(|e| e.get("src")) {
        return crate::value::to_s(&src);
    }
    match std::env::var("ASSET_HOST_URL") {
        Ok(h) if !h.is_empty() => {
            let h = h.strip_suffix('/').unwrap_or(&h);
            format!("{h}/images/icons/")
        }
        _ => DEFAULT_ROOT.to_string(),
    }
}

/// `EmojiFilter#call` on an HTML fragment: the text nodes outside `pre`, `code`, `tt`.
pub fn emojify_html(html: &str, root: &str) -> Option<String> {
    super::html_scan::rewrite_text(html, &["pre", "code", "tt"], |text| {
        replace_shortcodes(text, |name, file| img_tag(root, name, file))
    })
}

/// jemoji's `emojify(doc)`: only the body when there is one (`<body ...>` and any white
/// space after it up to `</body>`), else the whole output.
pub fn emojify_output(output: &str, root: &str) -> Option<String> {
    if !has_shortcode(output) {
        return None;
    }
    if !output.contains("<body") {
        return emojify_html(output, root);
    }
    let open = body_open_end(output)?;
    let (body, rest) = match output[open..].find("</body>") {
        Some(k) => (&output[open..open + k], &output[open + k..]),
        None => (&output[open..], ""),
    };
    let new_body = emojify_html(body, root)?;
    Some(format!("{}{new_body}{rest}", &output[..open]))
}

/// Where `/<body(.*?)>\s*/m` ends, if it matches.
fn body_open_end(output: &str) -> Option<usize> {
    let start = output.find("<body")?;
    let gt = output[start..].find('>')? + start + 1;
    let ws = output[gt..]
        .find(|c: char| !c.is_ascii_whitespace())
        .unwrap_or(output.len() - gt);
    Some(gt + ws)
}

/// The plugin: a `:pages`/`:documents` `:post_render` hook.
pub struct Jemoji;

impl crate::plugins::Plugin for Jemoji {
    fn names(&self) -> &'static [&'static str] {
        &["jemoji"]
    }

    fn post_render(&self, site: &Site, item: Item, output: &mut String) -> Result<()> {
        if !emojiable(site, item) {
            return Ok(());
        }
        if let Some(new) = emojify_output(output, &emoji_src(site)) {
            *output = new;
        }
        Ok(())
    }
}

/// `Jekyll::Emoji.emojiable?`: `(page or written document) and .html`, or a permalink
/// ending in `/`.
pub fn emojiable(site: &Site, item: Item) -> bool {
    let (written, ext, permalink) = match item {
        Item::Page(i) => {
            let p = &site.pages[i];
            (true, p.output_ext.as_str(), p.liquid_data.get("permalink"))
        }
        Item::Doc(id) => {
            let d = &site.collections[id.coll].docs[id.idx];
            (d.write, d.output_ext.as_str(), d.data.get("permalink"))
        }
    };
    let slash = matches!(permalink, Some(Value::Str(p)) if p.ends_with('/'));
    (written && ext == ".html") || slash
}

#[cfg(test)]
mod tests {
    use super::*;

    const ROOT: &str = "https://github.githubassets.com/images/icons/";

    #[test]
    fn the_set_is_gemoji_4_1_0() {
        // gemoji 4.1.0 (`Emoji.all.map(&:aliases).flatten`) has 1913 aliases.
        let n: usize = emojis::iter().map(|e| e.shortcodes().count()).sum();
        assert_eq!(n, 1913);
        // Values printed by gemoji 4.1.0's `Emoji.find_by_alias(x).image_filename`.
        assert_eq!(image_filename("smile").unwrap(), "unicode/1f604.png");
        assert_eq!(image_filename("+1").unwrap(), "unicode/1f44d.png");
        assert_eq!(image_filename("hash").unwrap(), "unicode/0023-20e3.png");
        assert_eq!(image_filename("relaxed").unwrap(), "unicode/263a.png");
        assert_eq!(
            image_filename("rainbow_flag").unwrap(),
            "unicode/1f3f3-1f308.png"
        );
        assert!(image_filename("octocat").is_none());
    }

    #[test]
    fn replaces_like_html_pipeline() {
        // From the oracle run with jemoji + html-pipeline 2.14 + gemoji 4.1.0:
        // "Hello :smile: ... :Smile: ::smile:: :smile::wink:"
        let out = emojify_html("<p>:Smile: ::smile:: :smile::wink: :notanemoji:</p>", "X").unwrap();
        let smile = "<img class=\"emoji\" title=\":smile:\" alt=\":smile:\" src=\"X/emoji/unicode/1f604.png\" height=\"20\" width=\"20\">";
        let wink = "<img class=\"emoji\" title=\":wink:\" alt=\":wink:\" src=\"X/emoji/unicode/1f609.png\" height=\"20\" width=\"20\">";
        assert_eq!(
            out,
            format!("<p>:Smile: :{smile}: {smile}{wink} :notanemoji:</p>")
        );
    }

    #[test]
    fn skips_pre_code_tt_but_not_script() {
        // html-pipeline ignores only pre/code/tt ancestors; script text is a text node too.
        let out = emojify_html(
            "<code>x <b>:smile:</b></code><pre>:smile:</pre><tt>:smile:</tt><script>\":smile:\"</script><!-- :smile: --><a title=\":smile:\">x</a>",
            ROOT,
        )
        .unwrap();
        assert!(out.starts_with("<code>x <b>:smile:</b></code><pre>:smile:</pre><tt>:smile:</tt><script>\"<img class=\"emoji\""));
        assert!(out.ends_with("\"</script><!-- :smile: --><a title=\":smile:\">x</a>"));
    }

    #[test]
    fn only_the_body_when_there_is_one() {
        let doc = "<html><head><title>:smile:</title></head><body class=\"x\">\n  <p>:smile:</p>\n</body></html>";
        let out = emojify_output(doc, "R/").unwrap();
        assert!(out
            .starts_with("<html><head><title>:smile:</title></head><body class=\"x\">\n  <p><img"));
        assert!(out.contains("src=\"R/emoji/unicode/1f604.png\""));
        assert!(out.ends_with("</p>\n</body></html>"));
        assert!(emojify_output("<p>no emoji: here</p>", "R").is_none());
    }
}
