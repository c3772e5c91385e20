//! YAML: block structure tracked with an indentation stack (as Rouge does), flow
//! collections, block scalars, quoted and plain scalars, tags, anchors and directives.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const PLAIN_START: &str = r#"[^ \t\n\r\f\v?:,\[\]{}#&*!\|>'"%@`]"#;

fn reset_indent(st: &mut LexState) {
    st.ints = vec![0];
    st.nums.insert("next_indent", 0);
    st.nums.remove("block_scalar_indent");
}

fn indent(st: &LexState) -> i64 {
    st.ints.last().copied().unwrap_or(0)
}

/// Pops deeper indentation levels; returns the part of `m` within the current indentation
/// and the excess (an error when dedenting to a level never opened).
fn save_indent<'a>(st: &mut LexState, m: &'a str) -> (&'a str, &'a str) {
    let n = m.len() as i64;
    st.nums.insert("next_indent", n);
    if n < indent(st) {
        while n < indent(st) && st.ints.len() > 1 {
            st.ints.pop();
        }
        let i = (indent(st) as usize).min(m.len());
        (&m[..i], &m[i..])
    } else {
        (m, "")
    }
}

fn continue_indent(st: &mut LexState, m: &str) {
    *st.nums.entry("next_indent").or_insert(0) += m.len() as i64;
}

pub fn set_indent(st: &mut LexState, m: &str, implicit: bool) {
    let next = st.nums.get("next_indent").copied().unwrap_or(0);
    if indent(st) < next {
        st.ints.push(next);
    }
    if !implicit {
        st.nums
            .insert("next_indent", next + m.chars().count() as i64);
    }
}

fn directive(cx: &mut Ctx, m: &Caps, state: &str) {
    cx.token(NAME_TAG, m.all());
    reset_indent(cx.st);
    cx.push(state);
}

fn yaml_directive(cx: &mut Ctx, m: &Caps) {
    directive(cx, m, "yaml_directive");
}

fn tag_directive(cx: &mut Ctx, m: &Caps) {
    directive(cx, m, "tag_directive");
}

fn document(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_NAMESPACE, m.all());
    reset_indent(cx.st);
    cx.push("block_line");
}

fn line_indent(cx: &mut Ctx, m: &Caps) {
    let (text, err) = save_indent(cx.st, m.all());
    cx.token(TEXT, text);
    cx.token(ERROR, err);
    cx.push("block_line");
    cx.push("indentation");
}

fn blank_line(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    cx.pop(2);
}

fn indicator_space(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    continue_indent(cx.st, m.all());
}

fn indicator(cx: &mut Ctx, m: &Caps) {
    set_indent(cx.st, m.all(), false);
    cx.token(PUNCTUATION_INDICATOR, m.all());
}

fn end_indentation(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    continue_indent(cx.st, m.all());
    cx.pop(1);
}

fn mapping_key(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_ATTRIBUTE, m.get(1));
    cx.token(PUNCTUATION_INDICATOR, m.get(2));
    set_indent(cx.st, m.all(), true);
}

fn block_scalar(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION_INDICATOR, m.all());
    cx.push("block_scalar_content");
    cx.push("block_scalar_header");
}

fn scalar_blank_line(cx: &mut Ctx, m: &Caps) {
    let text = m.all();
    let mark = cx
        .st
        .nums
        .get("block_scalar_indent")
        .map(|&n| n as usize)
        .unwrap_or(text.len())
        .min(text.len());
    cx.token(TEXT, &text[..mark]);
    cx.token(NAME_CONSTANT, &text[mark..]);
}

fn scalar_line_start(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    let size = m.all().len() as i64;
    let dedent_level = match cx.st.nums.get("block_scalar_indent") {
        Some(&n) => n,
        None => indent(cx.st),
    };
    cx.st.nums.entry("block_scalar_indent").or_insert(size);
    if size < dedent_level {
        save_indent(cx.st, m.all());
        cx.pop(1);
        cx.push("indentation");
    }
}

fn scalar_header(cx: &mut Ctx, m: &Caps) {
    cx.st.nums.remove("block_scalar_indent");
    cx.goto("ignored_line");
    if m.all().is_empty() {
        return;
    }
    let inc = if m.matched(2) { m.get(2) } else { m.get(3) };
    if let Ok(n) = inc.parse::<i64>() {
        let i = indent(cx.st) + n;
        cx.st.nums.insert("block_scalar_indent", i);
    }
    cx.token(PUNCTUATION_INDICATOR, m.all());
}

fn plain_newline(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    cx.push("plain_block_new_line");
}

fn plain_line_start(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    cx.pop(1);
    if (m.all().len() as i64) <= indent(cx.st) {
        cx.pop(1);
        save_indent(cx.st, m.all());
        cx.push("indentation");
    }
}

pub fn def() -> LexerDef {
    let mut d = LexerDef::new(vec![
        ("basic", vec![rule("#.*$", COMMENT_SINGLE)]),
        (
            "root",
            vec![
                include("basic"),
                rule(r"\n+", TEXT),
                rule("[ ]+(?=#|$)", TEXT),
                call(r"^%YAML\b", yaml_directive),
                call(r"^%TAG\b", tag_directive),
                call(r"^(?:---|\.\.\.)(?= |$)", document),
                call(r"[ ]*(?!\s|$)", line_indent),
            ],
        ),
        (
            "indentation",
            vec![
                call(r"\s*?\n", blank_line),
                call("[ ]+(?=[-:?](?:[ ]|$))", indicator_space),
                call("[?:-](?=[ ]|$)", indicator),
                call("[ ]*", end_indentation),
            ],
        ),
        (
            "block_line",
            vec![
                rule("[ ]*(?=#|$)", TEXT).pop(),
                rule("[ ]+", TEXT),
                include("descriptors"),
                include("block_nodes"),
                include("flow_nodes"),
                jump(format!(r"(?={PLAIN_START}|[?:-][^ \t\n\r\f\v])")).push("plain_block"),
            ],
        ),
        (
            "descriptors",
            vec![
                rule(r"!<[0-9A-Za-z;/?:@&=+$,_.!~*'()\[\]%-]+>", KEYWORD_TYPE),
                rule(
                    r"(?:![\w-]+)?!(?:[\w;/?:@&=+$,.!~*'()\[\]%-]*)",
                    KEYWORD_TYPE,
                ),
                rule(r"&[\p{L}\p{Nl}\p{Nd}_-]+", NAME_LABEL),
                rule(r"\*[\p{L}\p{Nl}\p{Nd}_-]+", NAME_VARIABLE),
            ],
        ),
        (
            "block_nodes",
            vec![
                call(r#"([^#,:?\[\]{}"'\n]+)(:)(?=\s|$)"#, mapping_key),
                call(r"[\|>][+-]?", block_scalar),
            ],
        ),
        (
            "flow_nodes",
            vec![
                rule(r"\[", PUNCTUATION_INDICATOR).push("flow_sequence"),
                rule(r"\{", PUNCTUATION_INDICATOR).push("flow_mapping"),
                rule("'", STR_SINGLE).push("single_quoted"),
                rule("\"", STR_DOUBLE).push("double_quoted"),
            ],
        ),
        (
            "flow_collection",
            vec![
                rule(r"\s+", TEXT),
                include("basic"),
                rule("[?:,]", PUNCTUATION_INDICATOR),
                include("descriptors"),
                include("flow_nodes"),
                jump(format!("(?={PLAIN_START})")).push("plain_flow"),
            ],
        ),
        (
            "flow_sequence",
            vec![
                rule(r"\]", PUNCTUATION_INDICATOR).pop(),
                include("flow_collection"),
            ],
        ),
        (
            "flow_mapping",
            vec![
                rule(r"\}", PUNCTUATION_INDICATOR).pop(),
                include("flow_collection"),
            ],
        ),
        (
            "block_scalar_content",
            vec![
                rule(r"\n+", TEXT),
                call("^[ ]+$", scalar_blank_line),
                call("^[ ]*", scalar_line_start),
                rule(r"[^\n\r\f\v]+", STR),
            ],
        ),
        (
            "block_scalar_header",
            vec![call(
                r"(([1-9])[+-]?|[+-]?([1-9])?)(?=[ ]|$)",
                scalar_header,
            )],
        ),
        (
            "ignored_line",
            vec![
                include("basic"),
                rule("[ ]+", TEXT),
                rule(r"\n", TEXT).pop(),
            ],
        ),
        (
            "quoted_ws",
            vec![
                rule("^[ ]+", TEXT),
                rule("[ ]+$", TEXT),
                rule(r"\n+", TEXT),
                rule("[ ]+", NAME_VARIABLE),
            ],
        ),
        (
            "single_quoted",
            vec![
                include("quoted_ws"),
                rule(r"\\'", STR_ESCAPE),
                rule("'", STR).pop(),
                rule(r"[^\s']+", STR),
            ],
        ),
        (
            "double_quoted",
            vec![
                rule("\"", STR).pop(),
                include("quoted_ws"),
                rule(r#"\\[0abt\tn\nvfre "\\N_LP]"#, STR_ESCAPE),
                rule(
                    r"\\(?:x[0-9A-Fa-f]{2}|u[0-9A-Fa-f]{4}|U[0-9A-Fa-f]{8})",
                    STR_ESCAPE,
                ),
                rule(r#"[^ \t\n\r\f\v"\\]+"#, STR),
            ],
        ),
        (
            "plain_block_new_line",
            vec![
                rule(r"^[ ]+\n", TEXT),
                rule(r"\n+", TEXT),
                jump(r"^(?=---|\.\.\.)").pop_n(3),
                call("^[ ]*", plain_line_start),
            ],
        ),
        (
            "plain_block",
            vec![
                rule("[ ]*(?=:[ \n]|:$)", TEXT).pop(),
                rule(r"[ ]*:\S+", STR),
                rule("[ ]+(?=#)", TEXT).pop(),
                rule("[ ]+$", TEXT),
                call(r"\n+", plain_newline),
                rule("[ ]+", STR),
                rule("true|false|null", NAME_CONSTANT),
                rule(r"\d+(?:\.\d+)?(?=(\r?\n)| +#)", NUM).pop(),
                rule(r"[^\s:]+", STR),
            ],
        ),
        (
            "plain_flow",
            vec![
                rule(r"[ ]*(?=[,:?\[\]{}])", TEXT).pop(),
                rule("[ ]+(?=#)", TEXT).pop(),
                rule("^[ ]+", TEXT),
                rule("[ ]+$", TEXT),
                rule(r"\n+", TEXT),
                rule("[ ]+", NAME_VARIABLE),
                rule(r"[^\s,:?\[\]{}]+", NAME_VARIABLE),
            ],
        ),
        (
            "yaml_directive",
            vec![groups(r"([ ]+)(\d+\.\d+)", &[TEXT, NUM]).goto("ignored_line")],
        ),
        (
            "tag_directive",
            vec![groups(
                r"([ ]+)(!|![\w-]*!)([ ]+)(!|!?[\w;/?:@&=+$,.!~*'()\[\]%-]+)",
                &[TEXT, KEYWORD_TYPE, TEXT, KEYWORD_TYPE],
            )
            .goto("ignored_line")],
        ),
    ]);
    d.start = Some(reset_indent);
    d
}

fn digdag_key(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_RESERVED, m.get(1));
    cx.token(PUNCTUATION_INDICATOR, m.get(2));
    set_indent(cx.st, m.all(), true);
}

/// Digdag workflows: YAML with operator keys (`sh>:`, `_do:`) as reserved words.
pub fn digdag() -> LexerDef {
    let ops = "call require loop for_each if fail echo td td_run td_ddl td_load td_for_each \
        td_wait td_wait_table td_partial_delete td_table_export pg mail http s3_wait redshift \
        redshift_load redshift_unload emr gcs_wait bq bq_ddl bq_extract bq_load sh py rb embulk";
    let mut names: Vec<String> = ops.split_whitespace().map(|n| format!("{n}>")).collect();
    names.push("_do".into());
    names.push("_parallel".into());
    let refs: Vec<&str> = names.iter().map(String::as_str).collect();
    def().prepend(
        "block_nodes",
        vec![call(format!(r"({})(:)(?=\s|$)", alt(&refs)), digdag_key)],
    )
}
