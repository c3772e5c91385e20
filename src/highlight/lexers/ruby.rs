//! Ruby: expression-start tracking (regex vs division, `?c` chars), `%`-literals with any
//! delimiter (nesting when paired), heredoc queues, string interpolation.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = r"BEGIN|END|alias|begin|break|case|defined\?|do|else|elsif|end|ensure|for|if|in|next|redo|rescue|raise|retry|return|super|then|undef|unless|until|when|while|yield";
const KEYWORDS_PSEUDO: &str = "loop|include|extend|raise|alias_method|attr|catch|throw|private|module_function|public|protected|true|false|nil|__FILE__|__LINE__";
const BUILTINS_G: &str = r"attr_reader|attr_writer|attr_accessor|__id__|__send__|abort|ancestors|at_exit|autoload|binding|callcc|caller|catch|chomp|chop|class_eval|class_variables|clone|const_defined\?|const_get|const_missing|const_set|constants|display|dup|eval|exec|exit|extend|fail|fork|format|freeze|getc|gets|global_variables|gsub|hash|id|included_modules|inspect|instance_eval|instance_method|instance_methods|instance_variable_get|instance_variable_set|instance_variables|lambda|load|local_variables|loop|method|method_missing|methods|module_eval|name|object_id|open|p|print|printf|private_class_method|private_instance_methods|private_methods|proc|protected_instance_methods|protected_methods|public_class_method|public_instance_methods|public_methods|putc|puts|raise|rand|readline|readlines|require|require_relative|scan|select|self|send|set_trace_func|singleton_methods|sleep|split|sprintf|srand|sub|syscall|system|taint|test|throw|to_a|to_s|trace_var|trap|untaint|untrace_var|warn";
const BUILTINS_Q: &str = "autoload|block_given|const_defined|eql|equal|frozen|include|instance_of|is_a|iterator|kind_of|method_defined|nil|private_method_defined|protected_method_defined|public_method_defined|respond_to|tainted";

pub(super) fn start(st: &mut LexState) {
    st.push("expr_start");
    st.list.clear();
    st.vars.remove("heredocs");
}

/// An open `%` literal: delimiters, whether it interpolates, and its token.
struct Sigil {
    open: char,
    close: char,
    tok: Tok,
}

/// `%` literal configurations live on `list` as "open close tok" (one per open state).
fn current_sigil(cx: &Ctx) -> Option<Sigil> {
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

pub(super) fn sigil_start(cx: &mut Ctx, m: &Caps) {
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
    let interp = matches!(kind, "r" | "Q" | "W" | "x" | "I");
    let tok = if kind == "r" {
        cx.push("regex_flags");
        STR_REGEX
    } else {
        STR_OTHER
    };
    cx.token(tok, m.all());
    cx.st.list.push(format!("{open}\u{0}{close}\u{0}{tok}"));
    cx.push(if interp {
        "sigil_interp"
    } else {
        "sigil_plain"
    });
}

pub(super) fn sigil_escape(cx: &mut Ctx, m: &Caps) {
    let Some(s) = current_sigil(cx) else {
        return cx.reject();
    };
    let c = m.get(1).chars().next().unwrap_or(' ');
    if c == '#' || c == '\\' || c == s.open || c == s.close {
        cx.token(STR_ESCAPE, m.all());
    } else {
        cx.reject();
    }
}

pub(super) fn sigil_delim(cx: &mut Ctx, m: &Caps) {
    let Some(s) = current_sigil(cx) else {
        return cx.reject();
    };
    let c = m.all().chars().next().unwrap_or(' ');
    if s.open != s.close && c == s.open {
        cx.token(s.tok, m.all());
        if let Some(top) = cx.st.list.last().cloned() {
            cx.st.list.push(top);
        }
        cx.push_self();
    } else if c == s.close {
        cx.token(s.tok, m.all());
        cx.st.list.pop();
        cx.pop(1);
    } else {
        cx.reject();
    }
}

pub(super) fn sigil_hash(cx: &mut Ctx, m: &Caps) {
    let tok = current_sigil(cx).map_or(STR_OTHER, |s| s.tok);
    cx.token(tok, m.all());
}

pub(super) fn sigil_text(cx: &mut Ctx, m: &Caps) {
    let Some(s) = current_sigil(cx) else {
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

pub(super) fn ternary(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("ternary");
    cx.push("expr_start");
}

pub(super) fn heredoc(cx: &mut Ctx, m: &Caps) {
    cx.token(OPERATOR, m.get(1));
    let name = format!("{}{}{}", m.get(2), m.get(3), m.get(4));
    cx.token(NAME_CONSTANT, &name);
    let tolerant = matches!(m.get(1), "<<-" | "<<~");
    let id = if m.matched(3) && !m.get(3).starts_with(['"', '\'']) {
        m.get(3)
    } else {
        ""
    };
    let mut queue = heredoc_queue(cx);
    queue.push(format!("{}{}", if tolerant { '1' } else { '0' }, id));
    cx.st.vars.insert("heredocs", queue.join("\u{1}"));
    if !cx.state_is("heredoc_queue") {
        cx.push("heredoc_queue");
    }
}

/// Pending heredocs, oldest first, as "<1 if tolerant else 0><terminator>".
fn heredoc_queue(cx: &Ctx) -> Vec<String> {
    match cx.st.vars.get("heredocs") {
        Some(q) if !q.is_empty() => q.split('\u{1}').map(str::to_string).collect(),
        _ => Vec::new(),
    }
}

pub(super) fn heredoc_check(cx: &mut Ctx, m: &Caps) {
    let mut queue = heredoc_queue(cx);
    let first = queue.first().cloned().unwrap_or_default();
    let (tolerant, name) = (first.starts_with('1'), first.get(1..).unwrap_or(""));
    let ws: &[char] = &[' ', '\t', '\n', '\x0B', '\x0C', '\r', '\0'];
    let check = if tolerant {
        m.all().trim_matches(ws)
    } else {
        m.all().trim_end_matches(ws)
    };
    if !queue.is_empty() && check == name {
        queue.remove(0);
        cx.st.vars.insert("heredocs", queue.join("\u{1}"));
        if queue.is_empty() {
            cx.pop(1);
        }
        cx.token(NAME_CONSTANT, m.all());
    } else {
        cx.token(STR_HEREDOC, m.all());
    }
    cx.pop(1);
}

pub(super) fn class_paren(cx: &mut Ctx, m: &Caps) {
    cx.token(PUNCTUATION, m.all());
    cx.push("defexpr");
    cx.push("expr_start");
}

pub fn def() -> LexerDef {
    let decimal = r"[\d]+(?:_\d+)*";
    let exp = r"[eE][+-]?\d+";
    let intp_escaped = vec![
        include("string_intp"),
        rule(
            r#"\\([\\abefnrstv#"']|x[a-fA-F0-9]{1,2}|[0-7]{1,3})"#,
            STR_ESCAPE,
        ),
        rule(r"\\.", STR_ESCAPE),
    ];
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
                    r":(?:\*\*|[-+]@|[/\%&\|^`~]|\[\]=?|<<|>>|<=?>|<=?|===?)",
                    STR_SYMBOL,
                ),
                rule(r":'(\\\\|\\'|[^'])*'", STR_SYMBOL),
                rule(":\"", STR_SYMBOL).push("simple_sym"),
            ],
        ),
        (
            "sigil_strings",
            vec![call(r"%([rqswQWxiI])?([^\w\s])", sigil_start)],
        ),
        ("sigil_interp", sigil(true)),
        ("sigil_plain", sigil(false)),
        (
            "strings",
            vec![
                include("symbols"),
                rule(r"\b[a-z_]\w*?[?!]?:\s+", STR_SYMBOL).push("expr_start"),
                rule(r"'(\\\\|\\'|[^'])*'", STR_SINGLE),
                rule("\"", STR_DOUBLE).push("simple_string"),
                rule(r"(?<!\.)`", STR_BACKTICK).push("simple_backtick"),
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
                rule("0_?[0-7]+(?:_[0-7]+)*", NUM_OCT),
                rule("0x[0-9A-Fa-f]+(?:_[0-9A-Fa-f]+)*", NUM_HEX),
                rule("0b[01]+(?:_[01]+)*", NUM_BIN),
                rule(
                    format!(r"{decimal}(?:\.{decimal}(?:{exp})?|{exp})"),
                    NUM_FLOAT,
                ),
                rule(decimal, NUM_INTEGER),
                rule(r"(?i)@@[a-z_]\w*", NAME_VARIABLE_CLASS),
                rule(r"(?i)@[a-z_]\w*", NAME_VARIABLE_INSTANCE),
                rule(r"\$\w+", NAME_VARIABLE_GLOBAL),
                rule(r#"\$[!@&`'+~=/\\,;.<>_*\$?:"]"#, NAME_VARIABLE_GLOBAL),
                rule(r"\$-[0adFiIlpvw]", NAME_VARIABLE_GLOBAL),
                rule("::", OPERATOR),
                include("strings"),
                rule(format!(r"(?:{KEYWORDS})(?=\W|$)"), KEYWORD).push("expr_start"),
                rule(format!(r"(?:{KEYWORDS_PSEUDO})\b"), KEYWORD_PSEUDO).push("expr_start"),
                groups(
                    r"(module)(\s+)([a-zA-Z_][a-zA-Z0-9_]*(::[a-zA-Z_][a-zA-Z0-9_]*)*)",
                    &[KEYWORD, TEXT, NAME_NAMESPACE],
                ),
                groups(r"(def\b)(\s*)", &[KEYWORD, TEXT]).push("funcname"),
                groups(r"(class\b)(\s*)", &[KEYWORD, TEXT]).push("classname"),
                rule(format!("(?:{BUILTINS_Q})[?]"), NAME_BUILTIN).push("expr_start"),
                rule("(?:chomp|chop|exit|gsub|sub)!", NAME_BUILTIN).push("expr_start"),
                rule(format!(r"(?<!\.)(?:{BUILTINS_G})\b"), NAME_BUILTIN).push("method_call"),
                include("has_heredocs"),
                rule(r"\.{2,3}", OPERATOR).push("expr_start"),
                rule("[A-Z][a-zA-Z0-9_]*", NAME_CONSTANT).push("method_call"),
                groups(
                    r"(\.|::)(\s*)([a-z_]\w*[!?]?|[*%&^`~+-/\[<>=])",
                    &[PUNCTUATION, TEXT, NAME_FUNCTION],
                )
                .push("method_call"),
                rule(r"[a-zA-Z_]\w*[?!]", NAME).push("expr_start"),
                rule(r"[a-zA-Z_]\w*", NAME).push("method_call"),
                rule(
                    r"\*\*|<<?|>>?|>=|<=|<=>|=~|={3}|!~|&&?|\|\||\.",
                    OPERATOR,
                )
                .push("expr_start"),
                rule(r"[-+/*%=<>&!^|~]=?", OPERATOR).push("expr_start"),
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
                rule(r"\w+(::\w+)+", NAME_CLASS),
                call(r"\(", class_paren),
                rule("<<", OPERATOR).goto("expr_start"),
                rule(r"[A-Z_]\w*", NAME_CLASS).pop(),
                jump("").pop(),
            ],
        ),
        (
            "ternary",
            vec![
                groups(r"(:)(\s+)", &[PUNCTUATION, TEXT]).goto("expr_start"),
                rule(r":(?![^#\n]*?[:\\])", PUNCTUATION).goto("expr_start"),
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
        ("string_intp_escaped", intp_escaped),
        (
            "method_call",
            vec![
                rule("/|%", OPERATOR).goto("expr_start"),
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

fn push_stdout(st: &mut LexState) {
    start(st);
    st.push("stdout");
}

/// Output of an irb session: results after `=>` are Ruby, other text output or errors.
pub fn irb_output() -> LexerDef {
    def()
        .with_start(push_stdout)
        .with_state(
            "has_irb_output",
            vec![
                rule("=>", PUNCTUATION).pop(),
                rule(r".+?(\n|$)", GENERIC_OUTPUT),
            ],
        )
        .with_state(
            "irb_error",
            vec![rule(r".+?(\n|$)", GENERIC_ERROR), include("has_irb_output")],
        )
        .with_state(
            "stdout",
            vec![
                rule(r"\w+?(Error|Exception):.+?(\n|$)", GENERIC_ERROR).push("irb_error"),
                include("has_irb_output"),
            ],
        )
        .prepend("root", vec![rule("#<", KEYWORD_TYPE).push("irb_object")])
        .with_state(
            "irb_object",
            vec![rule(">", KEYWORD_TYPE).pop(), include("root")],
        )
}
