//! ERB: `<% %>` tags hold Ruby; the rest is the `?parent=` language (HTML by default).

use std::collections::HashMap;

use crate::highlight::engine::*;
use crate::highlight::token::*;

const OPEN: &str = "<%%|<%=|<%#|<%-|<%";
const CLOSE: &str = "%%>|-%>|%>";

fn start(st: &mut LexState) {
    let parent = st
        .opts
        .get("parent")
        .and_then(|p| crate::highlight::registry::meta(p).map(|m| m.0))
        .unwrap_or("html");
    let opts = st.opts.clone();
    st.set_sub("parent", crate::highlight::new_state(parent, opts));
    st.set_sub("ruby", crate::highlight::new_state("ruby", HashMap::new()));
}

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn ruby(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("ruby", m.all());
}

pub fn def() -> LexerDef {
    let mut d = LexerDef::new(vec![
        (
            "root",
            vec![
                rule("<%#", COMMENT).push("comment"),
                rule(OPEN, COMMENT_PREPROC).push("ruby"),
                call(format!("(?s).+?(?={OPEN})|.+"), parent),
            ],
        ),
        (
            "comment",
            vec![
                rule(CLOSE, COMMENT).pop(),
                rule(format!("(?s).+?(?={CLOSE})|.+"), COMMENT),
            ],
        ),
        (
            "ruby",
            vec![
                rule(CLOSE, COMMENT_PREPROC).pop(),
                call(format!("(?s).+?(?={CLOSE})|.+"), ruby),
            ],
        ),
    ]);
    d.start = Some(start);
    d
}
