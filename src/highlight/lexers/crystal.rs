//! Crystal: Ruby's lexing model (expression starts, `%` literals, heredocs, interpolation)
//! with Crystal's keywords, number suffixes, annotations, macros and char literals.

use super::ruby::{
    class_paren, heredoc, heredoc_check, sigil_delim, sigil_escape, sigil_hash, sigil_start,
    sigil_text, start,
};
use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = r"BEGIN|END|alias|begin|break|case|defined\?|do|else|elsif|end|ensure|for|if|ifdef|in|next|redo|rescue|raise|retry|return|super|then|undef|unless|until|when|while|yield|lib|fun|type|of|as";
const KEYWORDS_PSEUDO: &str = "initialize|new|loop|include|extend|raise|attr_reader|attr_writer|attr_accessor|alias_method|attr|catch|throw|private|module_function|public|protected|true|false|nil|__FILE__|__LINE__|getter|getter?|getter!|property|property?|property!|struct|record";
const BUILTINS_G: &str = "abort|ancestors|at_exit|caller|catch|chomp|chop|clone|constants|display|dup|eval|exec|exit|extend|fail|fork|format|freeze|getc|gets|global_variables|gsub|hash|id|included_modules|inspect|instance_eval|instance_method|instance_methods|lambda|loop|method|method_missing|methods|module_eval|name|object_id|open|p|print|printf|proc|putc|puts|raise|rand|readline|readlines|require|scan|select|self|send|sleep|split|sprintf|srand|sub|syscall|system|test|throw|to_a|to_s|trap|warn";
const BUILTINS_Q: &str = "eql|equal|include|is_a|iterator|kind_of|nil";

fn ternary(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("ternary");
    cx.push("expr_start");
}

pub fn def() -> LexerDef {
    let simple = |tok: Tok, fin: &str| {
        vec![
            include("string_intp_escaped"),
            rule(format!(r"(?s)[^\\{fin}#]+"), tok),
            rule(r"[\\#]", tok),
            rule(fin.to_string(), tok).pop(),
        ]
    };
    let sigil = |interp: bool| {
        let mut v = vec![call(r"(?s)\\(.)", sigil_escape), call("(?s).", sigil_delim)];
        if interp {
            v.push(include("string_intp_escaped"));
            v.push(call("#", sigil_hash));
        } else {
            v.push(call(r"[\\#]", sigil_hash));
        }
        v.push(call(r"(?s)[^#\\]+", sigil_text));
        v
    };
    let mut d = LexerDef::new(vec![
        (
            "symbols",
            vec![
                rule(r"(?i):@{0,2}[a-z_]\w*[!?]?", STR_SYMBOL),
                rule(
                    r":(?:===|=?~|\[\][=?]?|\*\*=?|\/\/=?|[=^*/+-]=?|&[&*+-]?=?|\|\|?=?|![=~]?|%=?|<=>|<<?=?|>>?=?|\.\.\.?)",
                    STR_SYMBOL,
                ),
                rule(r":'(\\\\|\\'|[^'])*'", STR_SYMBOL),
                rule(":\"", STR_SYMBOL).push("simple_sym"),
            ],
        ),
        (
            "sigil_strings",
            vec![call(r"%([rqswQWxiI])?([^\w\s}])", sigil_start)],
        ),
        ("sigil_interp", sigil(true)),
        ("sigil_plain", sigil(false)),
        (
            "strings",
            vec![
                include("symbols"),
                rule(r"\b[a-z_]\w*?[?!]?:\s+", STR_SYMBOL).push("expr_start"),
                rule("\"", STR_DOUBLE).push("simple_string"),
                rule(r"(?<!\.)`", STR_BACKTICK).push("simple_backtick"),
                groups(
                    r"(')(\\u[a-fA-F0-9]{4}|\\u\{[a-fA-F0-9]{1,6}\}|\\[abefnrtv])?(\\\\|\\'|[^'])*(')",
                    &[STR_SINGLE, STR_ESCAPE, STR_SINGLE, STR_SINGLE],
                ),
            ],
        ),
        ("regex_flags", vec![rule("[mixounse]*", STR_REGEX).pop()]),
        ("simple_string", simple(STR_DOUBLE, "\"")),
        ("simple_sym", simple(STR_SYMBOL, "\"")),
        ("simple_backtick", simple(STR_BACKTICK, "`")),
        (
            "whitespace",
            vec![
                include("inline_whitespace"),
                rule(r"\n\s*", TEXT).push("expr_start"),
                rule("#.*$", COMMENT_SINGLE),
                rule(r"(?s)=begin\b.*?\n=end\b", COMMENT_MULTILINE),
            ],
        ),
        ("inline_whitespace", vec![rule(r"[ \t\r]+", TEXT)]),
        (
            "root",
            vec![
                include("whitespace"),
                rule("__END__", COMMENT_PREPROC).push("end_part"),
                rule("0o[0-7]+(?:_[0-7]+)*", NUM_OCT),
                rule("0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", NUM_HEX),
                rule("0b[01]+(?:_[01]+)*", NUM_BIN),
                rule(r"(?i)\d+\.\d+(e[\+\-]?\d+)?(_f32)?", NUM_FLOAT),
                rule(r"(?i)\d+(e[\+\-]?\d+)", NUM_FLOAT),
                rule(r"(?i)\d+_f32", NUM_FLOAT),
                rule(r"[\d]+(?:_\d+)*(_[iu]\d+)?", NUM_INTEGER),
                rule(r"@\[([^\]]+)\]", NAME_DECORATOR),
                rule(r"(?i)@@[a-z_]\w*", NAME_VARIABLE_CLASS),
                rule(r"(?i)@[a-z_]\w*", NAME_VARIABLE_INSTANCE),
                rule(r"\$\w+", NAME_VARIABLE_GLOBAL),
                rule(r#"\$[!@&`'+~=/\\,;.<>_*\$?:"]"#, NAME_VARIABLE_GLOBAL),
                rule(r"\$-[0adFiIlpvw]", NAME_VARIABLE_GLOBAL),
                rule("::", OPERATOR),
                include("strings"),
                rule(format!(r"(?:{KEYWORDS})\b"), KEYWORD).push("expr_start"),
                rule(format!(r"(?:{KEYWORDS_PSEUDO})\b"), KEYWORD_PSEUDO).push("expr_start"),
                groups(
                    r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)",
                    &[KEYWORD, TEXT, NAME_NAMESPACE],
                ),
                groups(r"(def|macro\b)(\s*)", &[KEYWORD, TEXT]).push("funcname"),
                groups(r"(class\b)(\s*)", &[KEYWORD, TEXT]).push("classname"),
                rule(format!("(?:{BUILTINS_Q})[?]"), NAME_BUILTIN).push("expr_start"),
                rule("(?:chomp|chop|exit|gsub|sub)!", NAME_BUILTIN).push("expr_start"),
                rule(format!(r"(?<!\.)(?:{BUILTINS_G})\b"), NAME_BUILTIN).push("method_call"),
                include("has_heredocs"),
                rule(r"\.{2,3}", OPERATOR).push("expr_start"),
                rule("[A-Z][a-zA-Z0-9_]*", NAME_CONSTANT).push("method_call"),
                groups(
                    r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-\/\[<>=])",
                    &[PUNCTUATION, TEXT, NAME_FUNCTION],
                )
                .push("method_call"),
                rule(r"[a-zA-Z_]\w*[?!]", NAME).push("expr_start"),
                rule(r"[a-zA-Z_]\w*", NAME).push("method_call"),
                rule(
                    r"\*\*|\/\/|>=|<=|<=>|<<?|>>?|=~|={3}|!~|&&?|\|\||\.",
                    OPERATOR,
                )
                .push("expr_start"),
                rule(r"\{%|%\}", PUNCTUATION),
                rule(r"[-+\/*%=<>&!^|~]=?", OPERATOR).push("expr_start"),
                call("[?]", ternary),
                rule(r"[\[({,:\\;/]", PUNCTUATION).push("expr_start"),
                rule(r"[\])}]", PUNCTUATION),
            ],
        ),
        (
            "has_heredocs",
            vec![
                call(r#"(?<!\w)(<<[-~]?)(["`']?)([a-zA-Z_]\w*)(\2)"#, heredoc),
                call(r#"(<<[-~]?)(["'])(\2)"#, heredoc),
            ],
        ),
        (
            "heredoc_queue",
            vec![jump(r"(?=\n)").goto("resolve_heredocs"), include("root")],
        ),
        (
            "resolve_heredocs",
            vec![
                include("string_intp_escaped"),
                rule(r"\n", STR_HEREDOC).push("test_heredoc"),
                rule(r"[#\\\n]", STR_HEREDOC),
                rule(r"[^#\\\n]+", STR_HEREDOC),
            ],
        ),
        (
            "test_heredoc",
            vec![call(r"[^#\\\n]*$", heredoc_check), jump("").pop()],
        ),
        (
            "funcname",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\(", PUNCTUATION).push("defexpr"),
                groups(
                    r"(?:([a-zA-Z_]\w*)(\.))?([a-zA-Z_]\w*[!?]?|\*\*?|[-+]@?|[/%&\|^`~]|\[\]=?|<<?|>>?|<=>?|>=|===?)",
                    &[NAME_CLASS, OPERATOR, NAME_FUNCTION],
                )
                .pop(),
                jump("").pop(),
            ],
        ),
        (
            "classname",
            vec![
                rule(r"\s+", TEXT),
                call(r"\(", class_paren),
                rule("<<", OPERATOR).goto("expr_start"),
                rule(r"[A-Z_]\w*", NAME_CLASS).pop(),
                jump("").pop(),
            ],
        ),
        (
            "ternary",
            vec![
                rule(r":(?!:)", PUNCTUATION).goto("expr_start"),
                include("root"),
            ],
        ),
        (
            "defexpr",
            vec![
                groups(r"(\))(\.|::)?", &[PUNCTUATION, OPERATOR]).pop(),
                call(r"\(", class_paren),
                include("root"),
            ],
        ),
        (
            "in_interp",
            vec![rule(r"\}", STR_INTERPOL).pop(), include("root")],
        ),
        (
            "string_intp",
            vec![
                rule("[#][{]", STR_INTERPOL).push("in_interp"),
                rule(r"(?i)#(@@?|\$)[a-z_]\w*", STR_INTERPOL),
            ],
        ),
        (
            "string_intp_escaped",
            vec![
                include("string_intp"),
                rule(
                    r#"\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"#,
                    STR_ESCAPE,
                ),
                rule(r"\\u([a-fA-F0-9]{4}|\{[^}]+\})", STR_ESCAPE),
                rule(r"\\.", STR_ESCAPE),
            ],
        ),
        (
            "method_call",
            vec![
                rule("/", OPERATOR).goto("expr_start"),
                jump(r"(?=\n)").pop(),
                jump("").goto("method_call_spaced"),
            ],
        ),
        (
            "method_call_spaced",
            vec![
                include("whitespace"),
                rule("[%/]=", OPERATOR).goto("expr_start"),
                rule(r"(/)(?=\S|\s*/)", STR_REGEX).goto("slash_regex"),
                include("sigil_strings"),
                jump(r"(?=\s*/)").pop(),
                rule(r"\s+", TEXT).goto("expr_start"),
                jump("").pop(),
            ],
        ),
        (
            "expr_start",
            vec![
                include("inline_whitespace"),
                rule("/", STR_REGEX).goto("slash_regex"),
                rule(
                    r#"[?](\\[MC]-)*(\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})|\S)(?!\w)"#,
                    STR_CHAR,
                )
                .pop(),
                groups(r"(\s*)(%[rqswQWxiI]? \S* )", &[TEXT, STR_OTHER]).pop(),
                include("sigil_strings"),
                jump("").pop(),
            ],
        ),
        (
            "slash_regex",
            vec![
                include("string_intp"),
                rule(r"\\\\", STR_REGEX),
                rule(r"\\/", STR_REGEX),
                rule(r"[\\#]", STR_REGEX),
                rule(r"(?s)[^\\/#]+", STR_REGEX),
                rule("/", STR_REGEX).goto("regex_flags"),
            ],
        ),
        ("end_part", vec![rule("(?s).+", COMMENT_PREPROC).pop()]),
    ]);
    d.start = Some(start);
    d
}
