//! Motorola 68k assembler and NESASM (6502).

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static KEYWORDS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("m68k", "keywords"));
static TYPES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("m68k", "keywords_type"));
static RESERVED: Lazy<HashSet<&str>> = Lazy::new(|| word_set("m68k", "reserved"));
static BUILTINS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("m68k", "builtins"));

fn m68k_word(cx: &mut Ctx, m: &Caps) {
    let w = m.all();
    let l = w.to_lowercase();
    let l = l.as_str();
    let t = if KEYWORDS.contains(l) {
        KEYWORD
    } else if TYPES.contains(l) {
        KEYWORD_TYPE
    } else if RESERVED.contains(l) {
        KEYWORD_RESERVED
    } else if BUILTINS.contains(l) {
        NAME_BUILTIN
    } else if w.bytes().any(|b| b.is_ascii_alphanumeric()) {
        NAME_VARIABLE
    } else {
        NAME
    };
    cx.token(t, w);
}

fn push_expr_bol(st: &mut LexState) {
    st.push("expr_bol");
}

pub fn m68k() -> LexerDef {
    LexerDef::new(vec![
        (
            "expr_bol",
            vec![include("inline_whitespace"), jump("").pop()],
        ),
        ("inline_whitespace", vec![rule(r"\s+", TEXT)]),
        (
            "whitespace",
            vec![
                rule(r"\n+", TEXT).push("expr_bol"),
                rule(r"^\*(\\.|.)*?$", COMMENT_SINGLE).push("expr_bol"),
                rule(r";(\\.|.)*?$", COMMENT_SINGLE).push("expr_bol"),
                include("inline_whitespace"),
            ],
        ),
        ("root", vec![jump("").push("statements")]),
        (
            "statements",
            vec![
                include("whitespace"),
                rule("\"", STR).push("string"),
                rule("#", NAME_DECORATOR),
                rule(r"^\.?[a-zA-Z0-9_]+:?", NAME_LABEL),
                rule(r"(?i)\.[bswl]\s", NAME_DECORATOR),
                rule(
                    r"(?i)'(\\.|\\[0-7]{1,3}|\\x[a-f0-9]{1,2}|[^\\'\n])'",
                    STR_CHAR,
                ),
                rule(r"(?i)\$[0-9a-f]+", NUM_HEX),
                rule("@[0-8]+", NUM_OCT),
                rule("%[01]+", NUM_BIN),
                rule(r"\d+", NUM_INTEGER),
                rule(r"[*~&+=\|?:<>/-]", OPERATOR),
                rule(r"\\.", COMMENT_PREPROC),
                rule("[(),.]", PUNCTUATION),
                rule(r"\[[a-zA-Z0-9]*\]", PUNCTUATION),
                call("[a-zA-Z_][a-zA-Z0-9_]*", m68k_word),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(
                    r#"\\([\\abfnrtv"']|x[a-fA-F0-9]{2,4}|[0-7]{1,3})"#,
                    STR_ESCAPE,
                ),
                rule(r#"[^\\"\n]+"#, STR),
                rule(r"\\\n", STR),
                rule(r"\\", STR),
            ],
        ),
    ])
    .with_start(push_expr_bol)
}

fn nes_word(cx: &mut Ctx, m: &Caps) {
    let up = m.all().to_uppercase();
    let has = |l: &str| l.split_whitespace().any(|x| x == up);
    let t = if has(
        "ADC AND ASL BIT BRK CMP CPX CPY DEC EOR INC JMP JSR LDA LDX LDY LSR NOP ORA ROL ROR \
         RTI RTS SBC STA STX STY TAX TXA DEX INX TAY TYA DEY INY BPL BMI BVC BVS BCC BCS BNE \
         BEQ CLC SEC CLI SEI CLV CLD SED TXS TSX PHA PLA PHP PLP",
    ) {
        KEYWORD
    } else if has("DB DW BYTE WORD") {
        KEYWORD_TYPE
    } else if has(
        "INCBIN INCLUDE ORG BANK RSSET RS MACRO ENDM DS PROC ENDP PROCGROUP ENDPROCGROUP \
         INCCHR DEFCHR ZP BSS CODE DATA IF IFDEF IFNDEF ELSE ENDIF FAIL INESPRG INESCHR INESMAP \
         INESMIR FUNC",
    ) {
        KEYWORD_RESERVED
    } else {
        NAME_FUNCTION
    };
    cx.token(t, m.all());
}

pub fn nesasm() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(";.*", COMMENT_SINGLE),
                rule(r"[\(\)\,\.\[\]]", PUNCTUATION),
                rule(r"\#?\%[0-1]+", NUM_BIN),
                rule(r"\#?\$\h+", NUM_HEX),
                rule(r"\#?\d+", NUM),
                rule(r"[~&*+=\|?:<>/-]", OPERATOR),
                call(r"(?i)\#?\w+:?", nes_word),
                rule(r"(?i)\#?(?:LOW|HIGH)\(.*\)", KEYWORD_RESERVED),
                rule(r"\#\(", PUNCTUATION),
                rule("\"", STR).push("string"),
                rule(r"'\w'", STR_CHAR),
                rule(r"\\\??[\d@#]", NAME_BUILTIN),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule("\\\\\"?", STR_ESCAPE),
                rule(r#"(?s)[^"\\]+"#, STR),
            ],
        ),
    ])
}
