//! More languages: smarty (template), vala, nasm.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::template::start_parent;
use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

fn parent(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("parent", m.all());
}

static SMARTY_BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("smarty", "builtins"));

fn smarty_word(cx: &mut Ctx, m: &Caps) {
    let t = if SMARTY_BUILTINS.contains(m.all()) {
        NAME_BUILTIN
    } else {
        NAME_ATTRIBUTE
    };
    cx.token(t, m.all());
}

pub fn smarty() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                call(r"\{\s+", parent),
                rule(r"(?s)\{\*.*?\*\}", COMMENT),
                rule(r"\{/?(?![\s*])", KEYWORD).push("smarty"),
                call(r#"(?s).+?(?=\{[/a-zA-Z0-9$#*"'])"#, parent),
                call("(?s).+", parent),
            ],
        ),
        (
            "smarty",
            vec![
                rule(r"\{/?(?![\s*])", KEYWORD).push("smarty"),
                rule(r"\}", KEYWORD).pop(),
                rule(r"\s+", TEXT),
                rule(r"[~!%^&*()+=|\[\]:;,.<>/@?-]", OPERATOR),
                rule(r"#[a-zA-Z_]\w*#", NAME_VARIABLE),
                rule(r"\$[a-zA-Z_]\w*(\.\w+)*", NAME_VARIABLE),
                rule(r"(true|false|null)\b", KEYWORD_CONSTANT),
                rule(
                    r"[0-9](\.[0-9]*)?(eE[+-][0-9])?[flFLdD]?|0[xX][0-9a-fA-F]+[Ll]?",
                    NUM,
                ),
                rule(r#""(\\.|.)*?""#, STR_DOUBLE),
                rule(r"'(\\.|.)*?'", STR_SINGLE),
                call(r"([a-zA-Z_]\w*)", smarty_word),
            ],
        ),
    ])
    .with_start(start_parent)
}

pub fn vala() -> LexerDef {
    let id = r"(?i:@?[_a-z]\w*)";
    let kw = "abstract|as|async|base|break|case|catch|const|construct|continue|default|delegate|delete|do|dynamic|else|ensures|enum|errordomain|extern|false|finally|for|foreach|get|global|if|in|inline|interface|internal|is|lock|new|null|out|override|owned|private|protected|public|ref|requires|return|set|signal|sizeof|static|switch|this|throw|throws|true|try|typeof|unowned|var|value|virtual|void|weak|while|yield";
    let kt = "bool|char|double|float|int|int8|int16|int32|int64|long|short|size_t|ssize_t|string|unichar|uint|uint8|uint16|uint32|uint64|ulong|ushort";
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(r"^\s*\[.*?\]", NAME_ATTRIBUTE),
                rule(format!(r"(<\[)\s*({id}:)?"), KEYWORD),
                rule(r"\]>", KEYWORD),
                rule(r"[~!%^&*()+=|\[\]{}:;,.<>/?-]", PUNCTUATION),
                rule(r#"@"(\\.|.)*?""#, STR),
                rule(r#""(\\.|.)*?["\n]"#, STR),
                rule(r"'(\\.|.)'", STR_CHAR),
                rule("(?i)0x[0-9a-f]+[lu]?", NUM),
                rule(r"(?i)[0-9]([.][0-9]*)?(e[+-][0-9]+)?[fldu]?", NUM),
                rule(format!(r"\b({kw})\b"), KEYWORD),
                rule(format!(r"\b({kt})\b"), KEYWORD_TYPE),
                rule("class|struct", KEYWORD).push("class"),
                rule("namespace|using", KEYWORD).push("namespace"),
                rule(format!(r"{id}(?=\s*[(])"), NAME_FUNCTION),
                rule(id, NAME),
                rule("#.*", COMMENT_PREPROC),
            ],
        ),
        (
            "class",
            vec![include("whitespace"), rule(id, NAME_CLASS).pop()],
        ),
        (
            "namespace",
            vec![
                include("whitespace"),
                rule("(?=[(])", TEXT).pop(),
                rule(format!("({id}|[.])+"), NAME_NAMESPACE).pop(),
            ],
        ),
    ])
}

pub fn nasm() -> LexerDef {
    let name = r"[a-zA-Z$._?][\w$.?#@~]*";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"^\s*%", COMMENT_PREPROC).push("preproc"),
                include("whitespace"),
                rule(format!("(?i){name}:"), NAME_LABEL),
                groups(
                    format!(r"(?i)({name})(\s+)(equ)"),
                    &[NAME_CONSTANT, KEYWORD_DECLARATION, KEYWORD_DECLARATION],
                )
                .push("instruction_args"),
                rule(
                    "BITS|USE16|USE32|SECTION|SEGMENT|ABSOLUTE|EXTERN|GLOBAL|ORG|ALIGN|STRUC|ENDSTRUC|COMMON|CPU|GROUP|UPPERCASE|IMPORT|EXPORT|LIBRARY|MODULE",
                    KEYWORD,
                )
                .push("instruction_args"),
                rule("(?i)(?:res|d)[bwdqt]|times", KEYWORD_DECLARATION).push("instruction_args"),
                rule(format!("(?i){name}"), NAME_FUNCTION).push("instruction_args"),
                rule(r"[\r\n]+", TEXT),
            ],
        ),
        (
            "instruction_args",
            vec![
                rule(
                    r#""(\\\\"|[^"\\n])*"|'(\\\\'|[^'\\n])*'|`(\\\\`|[^`\\n])*`"#,
                    STR,
                ),
                rule(r"(?i)(?:0x[\da-f]+|$0[\da-f]*|\d+[\da-f]*h)", NUM_HEX),
                rule("(?i)[0-7]+q", NUM_OCT),
                rule("(?i)[01]+b", NUM_BIN),
                rule(r"(?i)\d+\.e?\d+", NUM_FLOAT),
                rule(r"\d+", NUM_INTEGER),
                include("punctuation"),
                rule(
                    r"(?i)r\d[0-5]?[bwd]|[a-d][lh]|[er]?[a-d]x|[er]?[sb]p|[er]?[sd]i|[c-gs]s|st[0-7]|mm[0-7]|cr[0-4]|dr[0-367]|tr[3-7]",
                    NAME_BUILTIN,
                ),
                rule(format!("(?i){name}"), NAME_VARIABLE),
                rule(r"[\r\n]+", TEXT).pop(),
                include("whitespace"),
            ],
        ),
        (
            "preproc",
            vec![
                rule(r"[^;\n]+", COMMENT_PREPROC),
                rule(r";.*?\n", COMMENT_SINGLE).pop(),
                rule(r"\n", COMMENT_PREPROC).pop(),
            ],
        ),
        (
            "whitespace",
            vec![
                rule(r"\n", TEXT),
                rule(r"[ \t]+", TEXT),
                rule(";.*", COMMENT_SINGLE),
            ],
        ),
        (
            "punctuation",
            vec![
                rule(r"[,():\[\]]+", PUNCTUATION),
                rule(r"[&|^<>+*/%~-]+", OPERATOR),
                rule(r"\$+", KEYWORD_CONSTANT),
                rule("(?i)seg|wrt|strict", OPERATOR_WORD),
                rule(r"(?i)byte|[dq]?word", KEYWORD_TYPE),
            ],
        ),
    ])
}
