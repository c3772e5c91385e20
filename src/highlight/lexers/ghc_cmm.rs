//! GHC Cmm (C--): dumps and hand-written Cmm; whitespace/comments between the parts of a
//! construct are lexed again as Cmm (Rouge's `recurse`).

use crate::highlight::engine::*;
use crate::highlight::token::*;

const WS: &str = r"(?s:\s|//.*?\n|/[*](?:[^*]|(?:[*][^/]))*[*]+/)";
const ID: &str = r"(?:(?!#[a-zA-Z])[\w#\$%_']+)";
const COMPLEX_ID: &str = r"(?:(?:[\w#$%_']|\(\)|\(,\)|\[\]|[0-9])*(?:[\w#$%_']+))";

fn rec(cx: &mut Ctx, text: &str) {
    cx.delegate("ghc-cmm", text);
}

fn section(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.push("section");
}

fn define(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_PREPROC, m.get(1));
    rec(cx, m.get(2));
    cx.token(NAME_LABEL, m.get(3));
}

fn info_tbls(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.get(1));
    cx.token(NAME_ENTITY, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    cx.push("info_tbls_body");
}

fn switch(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    rec(cx, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
}

fn hints(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_PROPERTY, m.get(1));
    rec(cx, m.get(2));
    cx.token(NAME_PROPERTY, m.get(3));
    cx.token(PUNCTUATION, m.get(4));
}

fn kw_ws_kw(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    rec(cx, m.get(2));
    cx.token(KEYWORD, m.get(3));
}

fn kw_ws_punct(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    rec(cx, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
}

fn kw_ws(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.get(1));
    rec(cx, m.get(2));
}

fn label_function(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_LABEL, m.get(1));
    rec(cx, m.get(2));
    cx.token(NAME_FUNCTION, m.get(3));
    rec(cx, m.get(4));
    cx.token(PUNCTUATION, m.get(5));
}

fn type_label(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_TYPE, m.get(1));
    rec(cx, m.get(2));
    cx.token(NAME_LABEL, m.get(3));
}

fn type_annotation(cx: &mut Ctx, m: &Caps) {
    cx.token(OPERATOR, m.get(1));
    rec(cx, m.get(2));
    cx.token(KEYWORD_TYPE, m.get(3));
}

fn namespaced_function(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_FUNCTION, m.get(1));
    rec(cx, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    cx.pop(1);
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"^=====.*=====$", GENERIC_HEADING),
                rule(
                    r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ UTC$",
                    COMMENT_SINGLE,
                ),
                include("detect_section"),
                include("preprocessor_macros"),
                include("info_tbls"),
                include("comments"),
                include("literals"),
                include("keywords"),
                include("types"),
                include("infos"),
                include("names"),
                include("operators"),
                rule(r"\\\n", TEXT),
                rule(r".", TEXT),
            ],
        ),
        ("detect_section", vec![call(r"(section)(\s+)", section)]),
        (
            "section",
            vec![
                rule(
                    r#""(data|cstring|text|rodata|relrodata|bss)""#,
                    NAME_BUILTIN,
                ),
                rule(r"\{", PUNCTUATION).pop(),
                include("names"),
                include("operators"),
                include("keywords"),
                rule(r"\s+", TEXT),
            ],
        ),
        (
            "preprocessor_macros",
            vec![
                rule(r"#(include|endif|else|if)", COMMENT_PREPROC),
                call(format!(r"(\#define)({WS}*)({ID})"), define),
            ],
        ),
        ("info_tbls", vec![call(r"(\{ )(info_tbls)(:)", info_tbls)]),
        (
            "info_tbls_body",
            vec![
                rule(r"\}", PUNCTUATION).pop(),
                rule(r"\{", PUNCTUATION).push("info_tbls_body"),
                jump(r"(?=label:)").push("label"),
                groups(
                    format!(r"(\()({COMPLEX_ID})(,)"),
                    &[PUNCTUATION, NAME_LABEL, PUNCTUATION],
                ),
                include("literals"),
                include("infos"),
                include("keywords"),
                include("operators"),
                rule(ID, TEXT),
                rule(r"\s+", TEXT),
            ],
        ),
        (
            "label",
            vec![
                include("infos"),
                include("names"),
                include("keywords"),
                include("operators"),
                rule(r"[^\S\n]+", TEXT),
                rule(r"\n", TEXT).pop(),
            ],
        ),
        (
            "comments",
            vec![
                rule(r"\/{2}.*", COMMENT_SINGLE),
                rule(r"\(likely.*?\)", COMMENT),
                rule(r"(?s)\/\*.*?\*\/", COMMENT_MULTILINE),
            ],
        ),
        (
            "literals",
            vec![
                rule(r"-?[0-9]+\.[0-9]+", NUM_FLOAT),
                rule(r"-?[0-9]+", NUM_INTEGER),
                rule("\"", STR_DELIMITER).push("literal_string"),
            ],
        ),
        (
            "literal_string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule(r"%.", STR_SYMBOL),
                rule("\"", STR_DELIMITER).pop(),
                rule(r".", STR),
            ],
        ),
        (
            "operators",
            vec![
                rule(r"\.\.", OPERATOR),
                rule(r"[+\-*\/<>=!&|~]", OPERATOR),
                rule(r"[\[\].{}:;,()]", PUNCTUATION),
            ],
        ),
        (
            "keywords",
            vec![
                groups(r"(const)(\s+)", &[KEYWORD_CONSTANT, TEXT]),
                rule("\"", STR_DOUBLE),
                call(r"(switch)([^{]*)(\{)", switch),
                call(format!(r"(arg|result)({WS}+)(hints)(:)"), hints),
                call(format!(r"(returns)({WS}*)(to)"), kw_ws_kw),
                call(format!(r"(never)({WS}*)(returns)"), kw_ws_kw),
                call(format!(r"(return)({WS}*)(\()"), kw_ws_punct),
                call(
                    format!(
                        r"(if|else|goto|call|offset|import|jump|ccall|foreign|prim|case|unwind|export|reserve|push)({WS})"
                    ),
                    kw_ws,
                ),
                call(format!(r"(default)({WS}*)(:)"), kw_ws_punct),
            ],
        ),
        (
            "types",
            vec![
                groups(format!(r"({ID})(?=\[[^\]])"), &[KEYWORD_TYPE]),
                groups(format!(r"({ID}\[\])"), &[KEYWORD_TYPE]),
                call(format!(r"(^{ID})({WS}+)({ID})({WS}*)(\()"), label_function),
                call(format!(r"(^{ID})({WS}+)({ID})"), type_label),
            ],
        ),
        (
            "infos",
            vec![
                groups(
                    r"(args|res|upd|label|rep|srt|arity|fun_type|arg_space|updfr_space)(:)",
                    &[NAME_PROPERTY, PUNCTUATION],
                ),
                groups(r"(stack_info)(:)", &[NAME_ENTITY, PUNCTUATION]),
            ],
        ),
        (
            "names",
            vec![
                call(format!(r"(::)({WS}*)([A-Z]\w+)"), type_annotation),
                rule(format!(r"<({ID})>"), NAME_BUILTIN),
                rule(
                    format!(
                        r"(Sp|SpLim|Hp|HpLim|HpAlloc|BaseReg|CurrentNursery|CurrentTSO|R\d{{1,2}}|gcptr)(?!{ID})"
                    ),
                    NAME_VARIABLE_GLOBAL,
                ),
                groups(format!(r"([A-Z]{ID})(\.)"), &[NAME_NAMESPACE, PUNCTUATION])
                    .push("namespace_name"),
                groups(
                    format!(r"(`)({ID})(`)"),
                    &[PUNCTUATION, NAME_FUNCTION, PUNCTUATION],
                ),
                jump(format!(r"(?={COMPLEX_ID}{WS}*[\{{\(])")).push("function"),
                rule(r"CLOSURE", KEYWORD_TYPE),
                rule(COMPLEX_ID, NAME_LABEL),
            ],
        ),
        (
            "namespace_name",
            vec![
                groups(format!(r"([A-Z]{ID})(\.)"), &[NAME_NAMESPACE, PUNCTUATION]),
                call(
                    format!(r"({COMPLEX_ID})({WS}*)([\{{\(])"),
                    namespaced_function,
                ),
                rule(COMPLEX_ID, NAME_LABEL).pop(),
                jump(r"(?s)(?=.)").pop(),
            ],
        ),
        (
            "function",
            vec![
                rule(
                    r"INFO_TABLE_FUN|INFO_TABLE_CONSTR|INFO_TABLE_SELECTOR|INFO_TABLE_RET|INFO_TABLE",
                    NAME_BUILTIN,
                ),
                rule(format!(r"%{ID}"), NAME_BUILTIN),
                rule(COMPLEX_ID, NAME_FUNCTION),
                rule(r"\s+", TEXT),
                rule(r"[({]", PUNCTUATION).pop(),
                include("comments"),
            ],
        ),
    ])
}
