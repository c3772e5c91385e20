//! Dockerfile: instructions are keywords, their arguments strings; `RUN` lines are shell.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = "FROM|MAINTAINER|CMD|LABEL|EXPOSE|ENV|ADD|COPY|ENTRYPOINT|VOLUME|USER|WORKDIR|ARG|STOPSIGNAL|HEALTHCHECK|SHELL";

fn run(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD, m.all());
    cx.push("run");
    cx.reset_sub("shell");
}

fn shell(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("shell", m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                groups(
                    r"(?i)^(FROM)(\s+)(.*)(\s+)(AS)(\s+)(.*)",
                    &[
                        KEYWORD, WHITESPACE, STR, WHITESPACE, KEYWORD, WHITESPACE, STR,
                    ],
                ),
                groups(
                    format!(r"(?i)^(ONBUILD)(\s+)({KEYWORDS})(.*)"),
                    &[KEYWORD, WHITESPACE, KEYWORD, STR],
                ),
                groups(format!(r"(?i)^({KEYWORDS})\b(.*)"), &[KEYWORD, STR]),
                rule(r"#.*?$", COMMENT),
                call(r"(?i)^(ONBUILD\s+)?RUN(\s+)", run),
                rule(r"\w+", TEXT),
                rule(r"[^\w]+", TEXT),
                rule(".", TEXT),
            ],
        ),
        (
            "run",
            vec![
                rule(r"\n", TEXT).pop(),
                rule(r"(?s)\\.", STR_ESCAPE),
                call(r"(?:\\.|[^\n\\])+", shell),
            ],
        ),
    ])
}
