//! HTTP requests and responses: request/status line, headers, and a body lexed by the
//! `Content-Type` header's lexer (or `?content=`).

use crate::highlight::engine::*;
use crate::highlight::token::*;

fn start(st: &mut LexState) {
    st.vars.insert("content_type", "text/plain".into());
}

fn header(cx: &mut Ctx, m: &Caps) {
    if m.get(1).trim().eq_ignore_ascii_case("content-type") {
        let v = m.get(5).split(';').next().unwrap_or("").to_lowercase();
        cx.st.vars.insert("content_type", v);
    }
    let toks = [NAME_ATTRIBUTE, TEXT, PUNCTUATION, TEXT, STR, TEXT];
    for (i, t) in toks.iter().enumerate() {
        cx.token(t, m.get(i + 1));
    }
}

fn content(cx: &mut Ctx, m: &Caps) {
    let lang = match cx.st.opts.get("content") {
        Some(c) => c.clone(),
        None => {
            let mt = cx.st.vars.get("content_type").cloned().unwrap_or_default();
            let tags: Vec<&str> = crate::highlight::registry::all()
                .iter()
                .filter(|m| m.3.contains(&mt.as_str()))
                .map(|m| m.0)
                .collect();
            match tags.as_slice() {
                [one] => one.to_string(),
                _ => "plaintext".to_string(),
            }
        }
    };
    let st = crate::highlight::find_fancy(&lang, m.all(), &Default::default())
        .unwrap_or_else(|| crate::highlight::new_state("plaintext", Default::default()));
    if cx.st.vars.get("content_lang") != Some(&lang) {
        cx.set_sub("content", st);
        cx.st.vars.insert("content_lang", lang);
    }
    cx.delegate_sub("content", m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                groups(
                    r"(GET|POST|PUT|DELETE|HEAD|OPTIONS|TRACE|PATCH)([ ]+)([^ ]+)([ ]+)(HTTPS?)(/)(\d(?:\.\d)?)(\r?\n|$)",
                    &[NAME_FUNCTION, TEXT, NAME_NAMESPACE, TEXT, KEYWORD, OPERATOR, NUM, TEXT],
                )
                .push("headers"),
                groups(
                    r"(HTTPS?)(/)(\d(?:\.\d))([ ]+)(\d{3})([ ]+)?([^\r\n]*)?(\r?\n|$)",
                    &[KEYWORD, OPERATOR, NUM, TEXT, NUM, TEXT, NAME_EXCEPTION, TEXT],
                )
                .push("headers"),
            ],
        ),
        (
            "headers",
            vec![
                call(r"([^\s:]+)( *)(:)( *)([^\r\n]+)(\r?\n|$)", header),
                groups(r"([^\r\n]+)(\r?\n|$)", &[STR, TEXT]),
                rule(r"\r?\n", TEXT).push("content"),
            ],
        ),
        ("content", vec![call("(?s).+", content)]),
    ])
    .with_start(start)
}
