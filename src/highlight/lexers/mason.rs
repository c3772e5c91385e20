//! Mason (Perl templates over HTML) and BBC BASIC.

use super::template::start_parent;
use super::word_vec;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const TEXT_BLOCKS: &str = "text|doc";
const PERL_BLOCKS: &str = "args|flags|attr|init|once|shared|perl|cleanup|filter";
const COMPONENTS: &str = "def|method";

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

fn perl(cx: &mut Ctx, m: &Caps) {
    cx.delegate_keep("perl", m.all());
}

fn component(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_PREPROC, m.get(1));
    cx.token(NAME, m.get(3));
    cx.token(COMMENT_PREPROC, m.get(4));
    cx.push("component_block");
}

fn perl_line(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_PREPROC, m.get(1));
    cx.delegate_keep("perl", m.get(2));
}

fn with_content(cx: &mut Ctx, m: &Caps) {
    cx.token(COMMENT_PREPROC, m.all());
    cx.push("component_with_content");
    cx.push("component_sub");
}

pub fn mason() -> LexerDef {
    LexerDef::new(vec![
        ("root", vec![include("mason_tags")]),
        (
            "mason_tags",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(format!("(?i)<%({TEXT_BLOCKS})>"), COMMENT_PREPROC).push("text_block"),
                rule(format!("(?i)<%({PERL_BLOCKS})>"), COMMENT_PREPROC).push("perl_block"),
                call(format!("(?i)(<%({COMPONENTS}))([^>]*)(>)"), component),
                call("^(%)(.*)$", perl_line),
                rule("<%", COMMENT_PREPROC).push("component_call"),
                call(r"<&\|", with_content),
                rule("<&", COMMENT_PREPROC).push("component_sub"),
                call(r"(?s)(.+?)(?=(</?&|</?%|^%|^#))", parent),
                call("(?s).+", parent),
            ],
        ),
        (
            "perl_block",
            vec![
                rule(format!("(?i)</%({PERL_BLOCKS})>"), COMMENT_PREPROC).pop(),
                rule(r"\s+", WHITESPACE),
                rule("^(#.*)$", COMMENT),
                call(r#"(?s)(.*?[^"])(?=</%)"#, perl),
            ],
        ),
        (
            "text_block",
            vec![
                rule(format!("(?i)</%({TEXT_BLOCKS})>"), COMMENT_PREPROC).pop(),
                rule(r"\s+", WHITESPACE),
                rule("^(#.*)$", COMMENT),
                rule(r#"(?s)(.*?[^"])(?=</%)"#, COMMENT),
            ],
        ),
        (
            "component_block",
            vec![
                rule(format!("(?i)</%({COMPONENTS})>"), COMMENT_PREPROC).pop(),
                rule(r"\s+", WHITESPACE),
                rule("^(#.*)$", COMMENT),
                include("mason_tags"),
            ],
        ),
        (
            "component_with_content",
            vec![rule("</&>", COMMENT_PREPROC).pop(), include("mason_tags")],
        ),
        (
            "component_sub",
            vec![
                rule("&>", COMMENT_PREPROC).pop(),
                call("(?s)(.*?)(?=&>)", perl),
            ],
        ),
        (
            "component_call",
            vec![
                rule("%>", COMMENT_PREPROC).pop(),
                call("(?s)(.*?)(?=%>)", perl),
            ],
        ),
    ])
    .with_start(start_parent)
}

pub fn bbcbasic() -> LexerDef {
    let raw = |key: &str| word_vec("bbcbasic", key).join("|");
    let statements = format!(
        r"(?:{}|CIRCLE(?: *FILL)?|DEF *(?:FN|PROC)|DRAW(?: *BY)?|DIM(?!\()|ELLIPSE(?: *FILL)?|ERROR(?: *EXT)?|FILL(?: *BY)?|INPUT(?:#| *LINE)?|LINE(?: *INPUT)?|LOCAL(?: *DATA| *ERROR)?|MOUSE(?: *COLOUR| *OFF| *ON| *RECTANGLE| *STEP| *TO)?|MOVE(?: *BY)?|ON(?! *ERROR)|ON *ERROR *(?:LOCAL|OFF)?|POINT(?: *BY)?(?!\()|RECTANGE(?: *FILL)?|RESTORE(?: *DATA| *ERROR)?|TRACE(?: *CLOSE| *ENDPROC| *OFF| *STEP(?: *FN| *ON| *PROC)?| *TO)?)",
        raw("statement")
    );
    LexerDef::new(vec![
        (
            "expression",
            vec![
                rule(raw("function"), NAME_BUILTIN),
                rule(raw("operator"), OPERATOR),
                rule(raw("constant"), NAME_CONSTANT),
                rule("\"[^\"]*\"", STR),
                rule(r"(?i)[a-z_`][\w`]*[$%]?", NAME_VARIABLE),
                rule("@%", NAME_VARIABLE),
                rule(r"[\d.]+", NUM),
                rule("%[01]+", NUM_BIN),
                rule(r"&[\h]+", NUM_HEX),
            ],
        ),
        (
            "root",
            vec![
                groups(r"(:+)( *)(\*)(.*)", &[PUNCTUATION, TEXT, KEYWORD, TEXT]),
                groups(r"(\n+ *)(\*)(.*)", &[TEXT, KEYWORD, TEXT]),
                groups(
                    r"(ELSE|OTHERWISE|REPEAT|THEN)( *)(\*)(.*)",
                    &[KEYWORD, TEXT, KEYWORD, TEXT],
                ),
                rule("[ \n]+", TEXT),
                rule(":+", PUNCTUATION),
                rule(r"[\[]", KEYWORD).push("assembly1"),
                rule("REM *>.*", COMMENT_SPECIAL),
                rule("REM.*", COMMENT),
                rule(statements, KEYWORD),
                include("expression"),
                rule(raw("punctuation"), PUNCTUATION),
            ],
        ),
        (
            "assembly1",
            vec![
                rule(" +", TEXT),
                rule("]", KEYWORD).pop(),
                rule("[:\n]", PUNCTUATION),
                rule(r"(?i)\.[a-z_`][\w`]*%? *", NAME_LABEL),
                rule("(?:REM|;)[^:\n]*", COMMENT),
                rule("[^ :\n]+", KEYWORD).push("assembly2"),
            ],
        ),
        (
            "assembly2",
            vec![
                rule(" +", TEXT),
                rule("[:\n]", PUNCTUATION).pop(),
                rule("(?:REM|;)[^:\n]*", COMMENT).pop(),
                include("expression"),
                rule(r"[!#,@\[\]^{}]", PUNCTUATION),
            ],
        ),
    ])
}
