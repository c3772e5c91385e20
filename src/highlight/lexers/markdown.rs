//! Markdown: headings, lists, emphasis, links, fenced code lexed by the fence's language,
//! front matter as YAML, inline HTML through a long-lived HTML sub-lexer.

use std::collections::HashMap;

use crate::highlight::engine::*;
use crate::highlight::token::*;

const EDOT: &str = r"(?:\\.|[^\\\n])";

fn start(st: &mut LexState) {
    st.vars.remove("fence");
}

fn front_matter(cx: &mut Ctx, m: &Caps) {
    cx.delegate("yaml", m.all());
}

fn fenced(cx: &mut Ctx, m: &Caps) {
    let name = m.get(3).trim();
    let code = m.get(5);
    let lang = if name.is_empty() { "guess" } else { name };
    let opts = cx.st.opts.clone();
    let sub = crate::highlight::find_fancy(lang, code, &opts).unwrap_or_else(|| {
        let mut o: HashMap<String, String> = opts.clone();
        o.insert("token".into(), "Str.Backtick".into());
        crate::highlight::new_state("plaintext", o)
    });
    cx.token(TEXT, m.get(1));
    cx.token(PUNCTUATION, m.get(2));
    cx.token(NAME_LABEL, m.get(3));
    cx.set_sub("fence", sub);
    if m.matched(5) {
        cx.delegate_sub("fence", code);
    }
    cx.token(TEXT, m.get(6));
    if m.matched(7) {
        cx.token(PUNCTUATION, m.get(7));
    } else {
        cx.st.vars.insert("fence", m.get(2).to_string());
        cx.push("fence_body");
    }
}

fn fence_close(cx: &mut Ctx, m: &Caps) {
    let fence = cx.st.vars.get("fence").cloned().unwrap_or_default();
    if fence.is_empty() || !m.get(2).starts_with(&fence) {
        cx.reject();
        return;
    }
    cx.pop(1);
    cx.token(TEXT, m.get(1));
    cx.token(PUNCTUATION, &fence);
    cx.consume(m.get(1).len() + fence.len());
}

fn fence_line(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("fence", m.all());
}

fn reference(cx: &mut Ctx, m: &Caps) {
    for (i, t) in [
        TEXT,
        PUNCTUATION,
        STR_SYMBOL,
        PUNCTUATION,
        TEXT,
        PUNCTUATION,
    ]
    .iter()
    .enumerate()
    {
        cx.token(t, m.get(i + 1));
    }
    cx.push("title");
    cx.push("url");
}

fn html(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("html", m.all());
}

fn link_paren(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("inline_title");
    cx.push("inline_url");
}

pub fn def() -> LexerDef {
    let mut d = LexerDef::new(vec![
        (
            "root",
            vec![
                call(r"(?s)\A(---\s*\n.*?\n?)^(---\s*$\n?)", front_matter),
                rule(r"\\.", STR_ESCAPE),
                rule(r"^[\S ]+\n(?:---*)\n", GENERIC_HEADING),
                rule(r"^[\S ]+\n(?:===*)\n", GENERIC_SUBHEADING),
                rule(r"^#(?=[^#]).*?$", GENERIC_HEADING),
                rule(r"^##*.*?$", GENERIC_SUBHEADING),
                call(
                    r"(?s)^([ \t]*)(`{3,}|~{3,})([^\n]*\n)((.*?)(\n\1)(\2))?",
                    fenced,
                ),
                rule(r"\n\n((    |\t).*?\n|\n)+", STR_BACKTICK),
                rule(format!(r"(`+)(?:{EDOT}|\n)+?\1"), STR_BACKTICK),
                rule(r"^(\s*[*]){3,}\s*$", PUNCTUATION),
                rule(r"^(\s*[-]){3,}\s*$", PUNCTUATION),
                rule(r"^\s*[*+-](?=\s)", PUNCTUATION),
                rule(r"^\s*\d+\.", PUNCTUATION),
                rule(r"^\s*>.*?$", GENERIC_TRACEBACK),
                call(format!(r"^(\s*)(\[)({EDOT}+?)(\])(\s*)(:)"), reference),
                groups(
                    format!(r"(!?\[)({EDOT}*?|[^\]]*?)(\])(?=[\[(])"),
                    &[PUNCTUATION, NAME_VARIABLE, PUNCTUATION],
                )
                .push("link"),
                rule(format!("[*][*]{EDOT}*?[*][*]"), GENERIC_STRONG),
                rule(format!("__{EDOT}*?__"), GENERIC_STRONG),
                rule(format!("[*]{EDOT}*?[*]"), GENERIC_EMPH),
                rule(format!("_{EDOT}*?_"), GENERIC_EMPH),
                rule(r"<.*?@.+[.].+>", NAME_VARIABLE),
                rule(format!("<(https?|mailto|ftp)://{EDOT}*?>"), NAME_VARIABLE),
                rule(r"[^\\`\[*\n&<]+", TEXT),
                call(r"&\S*;", html),
                call(format!("<{EDOT}*?>"), html),
                rule("[&<]", TEXT),
                rule(r"\[", TEXT),
                rule(r"\n", TEXT),
            ],
        ),
        (
            "fence_body",
            vec![
                call(r"^([ \t]*)([`~]+)", fence_close),
                call(r"^.*\n", fence_line),
            ],
        ),
        (
            "link",
            vec![
                groups(
                    format!(r"(\[)({EDOT}*?)(\])"),
                    &[PUNCTUATION, STR_SYMBOL, PUNCTUATION],
                )
                .pop(),
                call("[(]", link_paren),
                rule(r"[ \t]+", TEXT),
                jump("").pop(),
            ],
        ),
        (
            "url",
            vec![
                rule(r"[ \t]+", TEXT),
                groups(
                    format!("(<)({EDOT}*?)(>)"),
                    &[NAME_TAG, STR_OTHER, NAME_TAG],
                )
                .pop(),
                rule(r"\S+", STR_OTHER).pop(),
            ],
        ),
        (
            "title",
            vec![
                rule(format!("\"{EDOT}*?\""), NAME_NAMESPACE),
                rule(format!("'{EDOT}*?'"), NAME_NAMESPACE),
                rule(format!("[(]{EDOT}*?[)]"), NAME_NAMESPACE),
                rule(r#"\s*(?=["'()])"#, TEXT),
                jump("").pop(),
            ],
        ),
        (
            "inline_title",
            vec![rule("[)]", PUNCTUATION).pop(), include("title")],
        ),
        (
            "inline_url",
            vec![
                rule(r"[^<\s)]+", STR_OTHER).pop(),
                rule(r"\s+", TEXT),
                include("url"),
            ],
        ),
    ]);
    d.start = Some(start);
    d
}

/// API Blueprint: Markdown with resource/section headers and `+ Request 200` style items.
pub fn apiblueprint() -> LexerDef {
    def().prepend(
        "root",
        vec![
            groups(r"(\S+)(:\s*)(.*)$", &[NAME_VARIABLE, PUNCTUATION, STR]),
            groups(
                r"^(#+)(\s*Group\s+)(.*)$",
                &[PUNCTUATION, KEYWORD, GENERIC_HEADING],
            ),
            groups(r"^(#+)(.*)(\[.*\])$", &[PUNCTUATION, GENERIC_HEADING, STR]),
            groups(
                r"^([\+\-\*])(\s*Relation:)(\s*.*)$",
                &[PUNCTUATION, KEYWORD, STR],
            ),
            groups(
                r"^(\s+[\+\-\*]\s*)(Attributes|Parameters)(.*)$",
                &[PUNCTUATION, KEYWORD, STR],
            ),
            groups(
                r"^([\+\-\*]\s*)(Request|Response)(\s+\d\d\d)?(.*)$",
                &[PUNCTUATION, KEYWORD, NUM, STR],
            ),
        ],
    )
}
