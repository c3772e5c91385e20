//! Elixir: keywords, atoms and keyword-list keys, sigils with any delimiter, interpolation.

use crate::highlight::engine::*;
use crate::highlight::token::*;

struct Sigil {
    open: char,
    close: char,
    tok: Tok,
}

fn current(cx: &Ctx) -> Option<Sigil> {
    let s = cx.st.list.last()?;
    let mut it = s.splitn(3, '\u{0}');
    let open = it.next()?.chars().next()?;
    let close = it.next()?.chars().next()?;
    let tok = if it.next()? == "sr" {
        STR_REGEX
    } else {
        STR_OTHER
    };
    Some(Sigil { open, close, tok })
}

fn sigil_start(cx: &mut Ctx, m: &Caps) {
    let kind = m.get(1);
    let Some(open) = m.get(2).chars().next() else {
        return;
    };
    let close = match open {
        '{' => '}',
        '[' => ']',
        '(' => ')',
        '<' => '>',
        c => c,
    };
    let interp = matches!(kind, "S" | "R" | "C" | "W");
    let mut tok = STR_OTHER;
    if !kind.is_empty() && "Rr".contains(kind) {
        tok = STR_REGEX;
        cx.push("regex_flags");
    }
    if !kind.is_empty() && "Ww".contains(kind) {
        cx.push("list_flags");
    }
    cx.token(tok, m.all());
    cx.st.list.push(format!("{open}\u{0}{close}\u{0}{tok}"));
    cx.push(if interp {
        "sigil_interp"
    } else {
        "sigil_plain"
    });
}

fn sigil_close(cx: &mut Ctx, m: &Caps) {
    match current(cx) {
        Some(s) if m.all().starts_with(s.close) => {
            cx.token(s.tok, m.all());
            cx.st.list.pop();
            cx.pop(1);
        }
        _ => cx.reject(),
    }
}

fn sigil_hash(cx: &mut Ctx, m: &Caps) {
    let tok = current(cx).map_or(STR_OTHER, |s| s.tok);
    cx.token(tok, m.all());
}

fn sigil_text(cx: &mut Ctx, m: &Caps) {
    let Some(s) = current(cx) else {
        return cx.reject();
    };
    let text = m.all();
    let end = text.find([s.open, s.close]).unwrap_or(text.len());
    if end == 0 {
        return cx.reject();
    }
    cx.token(s.tok, &text[..end]);
    cx.consume(end);
}

pub fn def() -> LexerDef {
    let sigil = |interp: bool| {
        let mut v = vec![call("(?s).", sigil_close)];
        if interp {
            v.push(include("interpoling"));
            v.push(call("#", sigil_hash));
        } else {
            v.push(call(r"[\\#]", sigil_hash));
        }
        v.push(call(r"(?s)[^#\\]+", sigil_text));
        v
    };
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule("#.*$", COMMENT_SINGLE),
                rule(
                    r"\b(case|cond|end|bc|lc|if|unless|try|loop|receive|fn|defmodule|defp?|defprotocol|defimpl|defrecord|defmacrop?|defdelegate|defexception|defguardp?|defstruct|exit|raise|throw|after|rescue|catch|else)\b(?![?!])|(?<!\.)\b(do|\-\>)\b",
                    KEYWORD,
                ),
                rule(
                    r"\b(import|require|use|recur|quote|unquote|super|refer)\b(?![?!])",
                    KEYWORD_NAMESPACE,
                ),
                rule(r"(?<!\.)\b(and|not|or|when|xor|in)\b", OPERATOR_WORD),
                rule(
                    r"%=|\*=|\*\*=|\+=|\-=|\^=|\|\|=|<=>|<(?!<|=)|>(?!<|=|>)|<=|>=|===|==|=~|!=|!~|(?=[\s])\?|(?<=[\s])!+|&(&&?|(?!\d))|\|\||\^|\*|\+|\-|/|\||\+\+|\-\-|\*\*|//|<\-|<>|<<|>>|=|\.|~~~",
                    OPERATOR,
                ),
                // Rouge's pattern is not in extended mode: the line breaks (and indentation)
                // before `<=>` and `\*\*?` are part of those alternatives.
                rule(
                    format!(
                        r"(?<!:)(:)([a-zA-Z_]\w*([?!]|=(?![>=]))?|<>|===?|>=?|<=?|{nl}<=>|&&?|%\(\)|%\[\]|%\{{\}}|\+\+?|\-\-?|\|\|?|!|//|[%&`/\|]|{nl}\*\*?|=?~|<\-)|([a-zA-Z_]\w*([?!])?)(:)(?!:)",
                        nl = "\n             "
                    ),
                    STR_SYMBOL,
                ),
                rule(":\"", STR_SYMBOL).push("interpoling_symbol"),
                rule(r"\b(nil|true|false)\b(?![?!])|\b[A-Z]\w*\b", NAME_CONSTANT),
                rule(
                    r"\b(__(FILE|LINE|MODULE|MAIN|FUNCTION)__)\b(?![?!])",
                    NAME_BUILTIN_PSEUDO,
                ),
                rule(r"[a-zA-Z_!]\w*[!\?]?", NAME),
                rule(r"::|[%(){};,/\|:\\\[\]]", PUNCTUATION),
                rule(r"@[a-zA-Z_]\w*|&\d", NAME_VARIABLE),
                rule(
                    r"\b\d(_?\d)*(\.(?![^\d\s])(_?\d)+)([eE][-+]?\d(_?\d)*)?\b",
                    NUM_FLOAT,
                ),
                rule(r"\b0x[0-9A-Fa-f](_?[0-9A-Fa-f])*\b", NUM_HEX),
                rule(r"\b0o[0-7](_?[0-7])*\b", NUM_OCT),
                rule(r"\b0b[01](_?[01])*\b", NUM_BIN),
                rule(r"\b\d(_?\d)*\b", NUM_INTEGER),
                include("strings"),
                call(r#"~([A-Za-z])?(\{|\[|\(|<|\||/|'|")"#, sigil_start),
            ],
        ),
        (
            "strings",
            vec![
                rule(r#"(%[A-Ba-z])?"""(?:.|\n)*?""""#, STR_DOC),
                rule(r"'''(?:.|\n)*?'''", STR_DOC),
                rule("\"", STR_DOUBLE).push("dqs"),
                rule("'", STR_SINGLE).push("sqs"),
                rule(
                    r"(?<!\w)\?(\\(x\d{1,2}|\h{1,2}(?!\h)\b|0[0-7]{0,2}(?![0-7])\b[^x0MC])|(\\[MC]-)+\w|[^\s\\])",
                    STR_OTHER,
                ),
            ],
        ),
        (
            "dqs",
            vec![
                include("escapes"),
                include("interpoling"),
                rule(r#"[^#"\\]+"#, STR_DOUBLE),
                rule("\"", STR_DOUBLE).pop(),
                rule(r"[#\\]", STR_DOUBLE),
            ],
        ),
        (
            "sqs",
            vec![
                include("escapes"),
                include("interpoling"),
                rule(r"[^#'\\]+", STR_SINGLE),
                rule("'", STR_SINGLE).pop(),
                rule(r"[#\\]", STR_SINGLE),
            ],
        ),
        (
            "interpoling",
            vec![rule(r"#\{", STR_INTERPOL).push("interpoling_string")],
        ),
        (
            "interpoling_string",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("root")],
        ),
        (
            "escapes",
            vec![
                rule(r"\\x\h{2}", STR_ESCAPE),
                rule(r"\\u\{?\d+\}?", STR_ESCAPE),
                rule(r#"\\[\\abdefnrstv0"']"#, STR_ESCAPE),
            ],
        ),
        (
            "interpoling_symbol",
            vec![
                rule("\"", STR_SYMBOL).pop(),
                include("interpoling"),
                rule("[^#\"]+", STR_SYMBOL),
            ],
        ),
        ("sigil_interp", sigil(true)),
        ("sigil_plain", sigil(false)),
        ("regex_flags", vec![rule("[fgimrsux]*", STR_REGEX).pop()]),
        ("list_flags", vec![rule("[csa]?", STR_OTHER).pop()]),
    ])
}
