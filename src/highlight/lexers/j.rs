//! J: primitives are classified by their character and inflection (`.`/`:` suffixes), explicit
//! definitions switch to noun/code bodies closed by a lone `)`, `Note` starts a comment block.

use crate::highlight::engine::*;
use crate::highlight::token::*;

#[derive(Clone, Copy)]
enum Part {
    Noun,
    Verb,
    Modifier,
    Name,
    Param,
    Other,
    Bad,
}
use Part::*;

fn part_token(p: Part) -> Tok {
    match p {
        Noun => KEYWORD_CONSTANT,
        Verb => NAME_FUNCTION,
        Modifier => OPERATOR,
        Name => NAME,
        Param => NAME_BUILTIN_PSEUDO,
        Other => PUNCTUATION,
        Bad => ERROR,
    }
}

/// The part of speech of each inflection ("", ".", ":", "..", ".:", ":.", "::") of a primitive.
fn primitive_parts(c: char) -> &'static [Part] {
    match c {
        '(' | ')' => &[Other],
        '=' => &[Verb, Other, Other],
        '<' | '>' | '+' | '-' | '*' | '%' | '$' | '|' | ',' | '#' => &[Verb, Verb, Verb],
        '^' => &[Verb, Verb, Modifier],
        '~' | '"' => &[Modifier, Verb, Verb],
        '.' | ':' | '@' => &[Modifier, Modifier, Modifier],
        ';' => &[Verb, Modifier, Verb],
        '!' => &[Verb, Modifier, Modifier],
        '/' | '\\' => &[Modifier, Modifier, Verb],
        '[' => &[Verb, Bad, Verb],
        ']' => &[Verb],
        '{' => &[Verb, Verb, Verb, Bad, Bad, Bad, Verb],
        '}' => &[Modifier, Verb, Verb, Bad, Bad, Bad, Modifier],
        '`' => &[Modifier, Bad, Modifier],
        '&' => &[Modifier, Modifier, Modifier, Bad, Modifier],
        '?' => &[Verb, Verb],
        'a' => &[Name, Noun, Noun],
        'A' | 'C' | 'e' | 'E' | 'I' | 'j' | 'o' | 'r' => &[Name, Verb],
        'b' | 'd' | 'f' | 'H' | 'M' | 'T' => &[Name, Modifier],
        'D' | 't' => &[Name, Modifier, Modifier],
        'F' => &[
            Name, Modifier, Modifier, Modifier, Modifier, Modifier, Modifier,
        ],
        'i' => &[Name, Verb, Verb],
        'L' => &[Name, Verb, Modifier],
        'm' | 'n' | 'y' => &[Param],
        'p' => &[Name, Verb, Verb, Verb],
        'q' | 's' | 'Z' => &[Name, Bad, Verb],
        'S' => &[Name, Bad, Modifier],
        'u' => &[Param, Verb, Verb],
        'v' => &[Param, Verb],
        'x' => &[Param, Bad, Verb],
        _ => &[Name],
    }
}

fn primitive(cx: &mut Ctx, m: &Caps) {
    let c = m.get(1).chars().next().unwrap_or(' ');
    let infl = ["", ".", ":", "..", ".:", ":.", "::"];
    let tok = match infl.iter().position(|i| *i == m.get(2)) {
        Some(i) => part_token(primitive_parts(c).get(i).copied().unwrap_or(Bad)),
        None => ERROR,
    };
    cx.token(tok, m.all());
}

fn verb_number(cx: &mut Ctx, m: &Caps) {
    cx.token(
        if m.get(1).is_empty() {
            NAME_FUNCTION
        } else {
            ERROR
        },
        m.all(),
    );
}

fn number(cx: &mut Ctx, m: &Caps) {
    cx.token(if m.get(1).is_empty() { NUM } else { ERROR }, m.all());
}

const CONTROL_WORDS: &[&str] = &[
    "assert", "break", "case", "catch", "catchd", "catcht", "continue", "do", "else", "elseif",
    "end", "fcase", "for", "if", "return", "select", "throw", "try", "while", "whilst",
];

fn identifier(cx: &mut Ctx, m: &Caps) {
    let (name, infl) = (m.get(1), m.get(2));
    if infl != "." {
        cx.token(if infl.is_empty() { NAME } else { ERROR }, m.all());
        return;
    }
    let (word, sep, id) = match name.find('_') {
        Some(i) => (&name[..i], "_", &name[i + 1..]),
        None => (name, "", ""),
    };
    let known = if sep.is_empty() {
        CONTROL_WORDS.contains(&word)
    } else {
        !id.is_empty() && ["for", "goto", "label"].contains(&word)
    };
    if known {
        cx.token(KEYWORD, &name[..word.len() + sep.len()]);
        cx.token(if word == "for" { NAME } else { NAME_LABEL }, id);
        cx.token(KEYWORD, infl);
    } else {
        cx.token(ERROR, m.all());
    }
}

fn newline(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.all());
    if cx.st.vars.remove("note_next").is_some() {
        cx.push("note");
    }
}

fn definition(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_PSEUDO, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(KEYWORD_PSEUDO, m.get(3));
    cx.token(TEXT, m.get(4));
    let body = if m.get(1) == "0" || m.get(1) == "noun" {
        "noun"
    } else {
        "code"
    };
    cx.st.vars.insert("def_body", body.to_string());
    if m.get(3) == "define" {
        if cx.st.stack.len() > 1 {
            cx.pop(1);
        }
        cx.push(body);
        cx.push("def_next");
    } else {
        cx.push("expl_def");
    }
}

fn def_body(cx: &Ctx) -> String {
    cx.st
        .vars
        .get("def_body")
        .cloned()
        .unwrap_or_else(|| "code".to_string())
}

fn note(cx: &mut Ctx, m: &Caps) {
    cx.token(TEXT, m.get(1));
    cx.token(NAME, m.get(2));
    cx.token(TEXT, m.get(3));
    cx.st.vars.insert("note_next", String::new());
}

fn expl_zero(cx: &mut Ctx, m: &Caps) {
    cx.token(KEYWORD_PSEUDO, m.all());
    if cx.st.stack.len() > 2 {
        cx.pop(1);
    }
    let body = def_body(cx);
    cx.goto(&body);
    cx.push("def_next");
}

fn expl_quote(cx: &mut Ctx, m: &Caps) {
    if def_body(cx) == "noun" {
        cx.token(STR_SINGLE, m.all());
        cx.goto("str");
    } else {
        cx.token(PUNCTUATION, m.all());
        cx.goto("q_expr");
    }
}

pub fn def() -> LexerDef {
    let delimiter = || groups(r"^([ \t]*)(\))([ \t\r]*$\n?)", &[TEXT, PUNCTUATION, TEXT]).pop();
    LexerDef::new(vec![
        (
            "root",
            vec![
                call(r"\n", newline),
                call(
                    r"([0-4]|13|adverb|conjunction|dyad|monad|noun|verb)([ \t]+)(def(?:ine)?\b|:)(?![.:])([ \t]*)",
                    definition,
                ),
                call(r"^([ \t]*)(Note\b(?![.:]))([ \t\r]*)(?!=[.:]|$)", note),
                rule(r"[mnuvxy]\b(?![.:])", NAME),
                include("expr"),
            ],
        ),
        (
            "expr",
            vec![
                rule(r"\s+", TEXT),
                call(r"([!-&(-/:-@\[-^`{-~]|[A-Za-z]\b)([.:]*)", primitive),
                call(r"(?:\d|_\d?):([.:]*)", verb_number),
                call(r"[\d_][\w.]*([.:]*)", number),
                rule(r"'", STR_SINGLE).push("str"),
                rule(r"NB\.(?![.:]).*", COMMENT_SINGLE),
                call(r"([A-Za-z]\w*)([.:]*)", identifier),
            ],
        ),
        (
            "str",
            vec![
                rule(r"''", STR_ESCAPE),
                rule(r"[^'\n]+", STR_SINGLE),
                rule(r"'|$", STR_SINGLE).pop(),
            ],
        ),
        ("def_next", vec![rule(r"\n", TEXT).pop(), include("root")]),
        (
            "expl_def",
            vec![
                call(r"0\b(?![.:])", expl_zero),
                call(r"'", expl_quote),
                jump("").pop(),
            ],
        ),
        (
            "q_expr",
            vec![
                rule(r"''", STR_SINGLE).push("q_str"),
                rule(r"'|$", PUNCTUATION).pop(),
                rule(r"NB\.(?![.:])([^'\n]|'')*", COMMENT_SINGLE),
                include("expr"),
            ],
        ),
        (
            "q_str",
            vec![
                rule(r"''''", STR_ESCAPE),
                rule(r"[^'\n]+", STR_SINGLE),
                rule(r"''", STR_SINGLE).pop(),
                rule(r"'|$", PUNCTUATION).pop_n(2),
            ],
        ),
        ("note", vec![delimiter(), rule(r".+\n?", COMMENT_MULTILINE)]),
        ("noun", vec![delimiter(), rule(r".+\n?", STR_HEREDOC)]),
        (
            "code",
            vec![
                delimiter(),
                groups(r"^([ \t]*)(:)([ \t\r]*)$", &[TEXT, PUNCTUATION, TEXT]),
                include("expr"),
            ],
        ),
    ])
}
