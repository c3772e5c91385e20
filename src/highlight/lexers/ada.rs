//! Ada: case-insensitive reserved words, based literals, attributes, library units.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const ID: &str = r"\b[[:alpha:]](?:\p{Pc}?[[:alnum:]])*\b";

fn ident_token(w: &str) -> Tok {
    let w = w.to_lowercase();
    let has = |l: &str| l.split_whitespace().any(|x| x == w);
    if has(
        "abort abstract accept access aliased all array at begin body case constant declare \
         delay delta digits do else elsif end exception exit for generic goto if in interface \
         is limited loop new null of others out overriding pragma private protected raise \
         range record renames requeue return reverse select separate some synchronized tagged \
         task terminate then until use when while with",
    ) {
        KEYWORD
    } else if has("abs and mod not or rem xor") {
        OPERATOR_WORD
    } else if has("entry function package procedure subtype type") {
        KEYWORD_DECLARATION
    } else if has(
        "boolean character constraint_error duration float integer natural positive \
         long_float long_integer long_long_float long_long_integer program_error short_float \
         short_integer short_short_integer storage_error string tasking_error wide_character \
         wide_string wide_wide_character wide_wide_string",
    ) {
        NAME_BUILTIN
    } else {
        NAME
    }
}

fn libunit(cx: &mut Ctx, m: &Caps) {
    let t = ident_token(m.all());
    if t == NAME || t == NAME_BUILTIN {
        cx.token(NAME_NAMESPACE, m.all());
    } else {
        cx.token(t, m.all());
        if t == KEYWORD_DECLARATION {
            cx.goto("decl_name");
        } else {
            cx.pop(1);
        }
    }
}

fn ident(cx: &mut Ctx, m: &Caps) {
    let t = ident_token(m.all());
    cx.token(t, m.all());
    if t == KEYWORD_DECLARATION {
        cx.push("decl_name");
    }
}

pub fn def() -> LexerDef {
    let num = r"\d(_?\d)*";
    let xnum = r"\h(_?\h)*";
    let exp = format!("(?i:(E[-+]?{num})?)");
    LexerDef::new(vec![
        (
            "whitespace",
            vec![rule(r"\s+", TEXT), rule("--.*$", COMMENT_SINGLE)],
        ),
        (
            "dquote_string",
            vec![
                rule("[^\"\n]+", STR_DOUBLE),
                rule("\"\"", STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
                rule(r"\n", ERROR).pop(),
            ],
        ),
        (
            "attr",
            vec![
                include("whitespace"),
                rule(ID, NAME_ATTRIBUTE).pop(),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "decl_name",
            vec![
                include("whitespace"),
                rule(r"(?i)body\b", KEYWORD_DECLARATION),
                groups(format!(r"({ID})(\.)"), &[NAME_NAMESPACE, PUNCTUATION]),
                rule(
                    format!(r#"{ID}|"(and|or|xor|/?=|<=?|>=?|\+|–|&\|/|mod|rem|\*?\*|abs|not)""#),
                    NAME_FUNCTION,
                )
                .pop(),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "libunit_name",
            vec![
                include("whitespace"),
                call(ID, libunit),
                rule("[.,]", PUNCTUATION),
                rule("", TEXT).pop(),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule("'.'", STR_CHAR),
                rule("\"[^\"\n]*", STR_DOUBLE).push("dquote_string"),
                rule(format!(r"{num}\.{num}{exp}"), NUM_FLOAT),
                rule(format!(r"{num}#{xnum}\.{xnum}#{exp}"), NUM_FLOAT),
                rule(format!("2#[01](_?[01])*#{exp}"), NUM_BIN),
                rule(format!("8#[0-7](_?[0-7])*#{exp}"), NUM_OCT),
                rule(format!("16#(?:{xnum})*#{exp}"), NUM_HEX),
                rule(format!("{num}#{xnum}#{exp}"), NUM_INTEGER),
                rule(format!(r"{num}#\w+#"), ERROR),
                rule(format!("{num}{exp}"), NUM_INTEGER),
                rule("'", PUNCTUATION).push("attr"),
                rule(format!("<<{ID}>>"), NAME_LABEL),
                groups(
                    r"(?i)^(?:(limited)(\s+))?(?:(private)(\s+))?(with)\b",
                    &[
                        KEYWORD_NAMESPACE,
                        TEXT,
                        KEYWORD_NAMESPACE,
                        TEXT,
                        KEYWORD_NAMESPACE,
                    ],
                )
                .push("libunit_name"),
                rule(r"[+*/&<=>|]|-|=>|\.\.|\*\*|[:></]=|<<|>>|<>", OPERATOR),
                rule("[.,:;()]", PUNCTUATION),
                call(ID, ident),
                rule(r"\b(\p{Pc}|[alph])\p{Word}*", ERROR),
            ],
        ),
    ])
}
