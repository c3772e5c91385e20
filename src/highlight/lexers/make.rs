//! Makefiles: variables, rules, conditionals; recipe and assignment lines are shell.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const FUNCTIONS: &str = "abspath|addprefix|addsuffix|and|basename|call|dir|error|eval|file|filter|filter-out|findstring|firstword|flavor|foreach|if|join|lastword|notdir|or|origin|patsubst|realpath|shell|sort|strip|subst|suffix|value|warning|wildcard|word|wordlist|words";

fn start(st: &mut LexState) {
    st.set_sub(
        "shell",
        crate::highlight::new_state("shell", st.opts.clone()),
    );
}

fn assignment(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_VARIABLE, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(OPERATOR, m.get(3));
    cx.push("shell_line");
}

fn shell(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("shell", m.all());
}

fn shell_push(cx: &mut Ctx, m: &Caps) {
    cx.delegate_sub("shell", m.all());
    cx.push_self();
}

fn body_end(cx: &mut Ctx, _m: &Caps) {
    let opts = cx.st.opts.clone();
    cx.set_sub("shell", crate::highlight::new_state("shell", opts));
    cx.pop(1);
}

pub fn def() -> LexerDef {
    let stop = r"\$\(|\$\{|\(|\)|\}|\\|$";
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule(r"\s+", TEXT),
                rule(r"#.*?\n", COMMENT),
                groups(
                    r"([-s]?include)((?:[\t ]+[^\t\n #]+)+)",
                    &[KEYWORD, STR_OTHER],
                ),
                groups(
                    r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)",
                    &[KEYWORD, TEXT, NAME_VARIABLE],
                ),
                rule(r"(?:else|endif)[\t ]*(?=[#\n])", KEYWORD),
                groups(r"(export)([\t ]+)(?=[\w\${}()\t -]+\n)", &[KEYWORD, TEXT]).push("export"),
                rule(r"export[\t ]+", KEYWORD),
                call(r"(?s)([\w${}().-]+)([\t ]*)([!?:+]?=)", assignment),
                rule(r#""(\\\\|\\.|[^"\\])*""#, STR_DOUBLE),
                rule(r"'(\\\\|\\.|[^'\\])*'", STR_SINGLE),
                groups(r"([^\n:]+)(:+)([ \t]*)", &[NAME_LABEL, OPERATOR, TEXT])
                    .push("block_header"),
            ],
        ),
        (
            "export",
            vec![
                rule(r"[\w\${}()-]", NAME_VARIABLE),
                rule(r"\n", TEXT).pop(),
                rule(r"[\t ]+", TEXT),
            ],
        ),
        (
            "block_header",
            vec![
                rule(r"[^,\\\n#]+", NAME_FUNCTION),
                rule(",", PUNCTUATION),
                rule("#.*?", COMMENT),
                rule(r"\\\n", TEXT),
                rule(r"\\.", TEXT),
                rule(r"\n", TEXT).goto("block_body"),
            ],
        ),
        (
            "block_body",
            vec![
                groups(
                    r"(ifn?def|ifn?eq)([\t ]+)([^#\n]+)(#.*)?(\n)",
                    &[KEYWORD, TEXT, NAME_VARIABLE, COMMENT, TEXT],
                ),
                groups(
                    r"(else|endif)([\t ]*)(#.*)?(\n)",
                    &[KEYWORD, TEXT, COMMENT, TEXT],
                ),
                groups(r"(\t[\t ]*)([@-]?)", &[TEXT, PUNCTUATION]).push("shell_line"),
                call("", body_end),
            ],
        ),
        (
            "shell",
            vec![
                rule(r"(?i)\$[({][\t ]*\w[\w:=%.]*[\t ]*[)}]", NAME_VARIABLE),
                groups(
                    format!(r"(?s)(\$[({{])([\t ]*)({FUNCTIONS})([\t ]+)"),
                    &[NAME_FUNCTION, TEXT, NAME_BUILTIN, TEXT],
                )
                .push("shell_expr"),
                call(r"(?s)\\.", shell),
                call(format!("(?s).+?(?={stop})"), shell),
                call(stop, shell),
            ],
        ),
        (
            "shell_expr",
            vec![
                call("[({]", shell_push),
                rule("[)}]", NAME_FUNCTION).pop(),
                include("shell"),
            ],
        ),
        (
            "shell_line",
            vec![rule(r"\n", TEXT).pop(), include("shell")],
        ),
    ])
    .with_start(start)
}
