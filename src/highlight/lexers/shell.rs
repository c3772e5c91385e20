//! POSIX/bash shell: keywords, builtins, quoting, `$` interpolation and heredocs.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str =
    "if fi else while do done for then return function select continue until esac elif in";
const BUILTINS: &str =
    "alias bg bind break builtin caller cd command compgen complete declare dirs \
    disown enable eval exec exit export false fc fg getopts hash help history jobs let local \
    logout mapfile popd pushd pwd read readonly set shift shopt source suspend test time times \
    trap true type typeset ulimit umask unalias unset wait cat tac nl od base32 base64 fmt pr \
    fold head tail split csplit wc sum cksum b2sum md5sum sha1sum sha224sum sha256sum sha384sum \
    sha512sum sort shuf uniq comm ptx tsort cut paste join tr expand unexpand ls dir vdir \
    dircolors cp dd install mv rm shred link ln mkdir mkfifo mknod readlink rmdir unlink chown \
    chgrp chmod touch df du stat sync truncate echo printf yes expr tee basename dirname \
    pathchk mktemp realpath pwd stty printenv tty id logname whoami groups users who date arch \
    nproc uname hostname hostid uptime chcon runcon chroot env nice nohup stdbuf timeout kill \
    sleep factor numfmt seq tar grep sudo awk sed gzip gunzip";

fn words(list: &str) -> String {
    list.split_whitespace().collect::<Vec<_>>().join("|")
}

fn heredoc_start(cx: &mut Ctx, m: &Caps) {
    cx.token(OPERATOR, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(STR_HEREDOC, m.get(3));
    cx.token(STR_HEREDOC, m.get(4));
    cx.token(NAME_CONSTANT, m.get(5));
    cx.token(STR_HEREDOC, m.get(6));
    cx.st.vars.insert("heredoc", m.get(5).to_string());
    cx.push("heredoc");
}

fn heredoc_line(cx: &mut Ctx, m: &Caps) {
    if cx.st.vars.get("heredoc").map(String::as_str) == Some(m.get(1)) {
        cx.token(NAME_CONSTANT, m.all());
        cx.pop(2);
    } else {
        cx.token(STR_HEREDOC, m.all());
    }
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(r"#.*$", COMMENT),
                rule(format!(r"\b(?:{})\s*\b", words(KEYWORDS)), KEYWORD),
                rule(r"\bcase\b", KEYWORD).push("case"),
                rule(
                    format!(r"\b(?:{})\s*\b(?!(\.|-))", words(BUILTINS)),
                    NAME_BUILTIN,
                ),
                rule(r"[.](?=\s)", NAME_BUILTIN),
                groups(r"(\b\w+)(=)", &[NAME_VARIABLE, OPERATOR]),
                rule(r"[\[\]{}()!=>]", OPERATOR),
                rule(r"&&|\|\|", OPERATOR),
                rule("<<<", OPERATOR),
                call(r#"(<<-?)(\s*)(['"]?)(\\?)(\w+)(\3)"#, heredoc_start),
            ],
        ),
        (
            "heredoc",
            vec![
                rule(r"\n", STR_HEREDOC).push("heredoc_nl"),
                rule(r"[^$\n\\]+", STR_HEREDOC),
                include("interp"),
                rule(r"[$]", STR_HEREDOC),
            ],
        ),
        (
            "heredoc_nl",
            vec![call(r"\s*(\w+)\s*\n", heredoc_line), jump("").pop()],
        ),
        (
            "double_quotes",
            vec![
                rule(r#"(?:\$#?)?""#, STR_DOUBLE).pop(),
                include("interp"),
                rule(r#"[^"`\\$]+"#, STR_DOUBLE),
            ],
        ),
        (
            "ansi_string",
            vec![
                rule(r"\\.", STR_ESCAPE),
                rule(r"[^\\']+", STR_SINGLE),
                include("single_quotes"),
            ],
        ),
        (
            "single_quotes",
            vec![rule("'", STR_SINGLE).pop(), rule("[^']+", STR_SINGLE)],
        ),
        (
            "data",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\\.", STR_ESCAPE),
                rule(r#"\$?""#, STR_DOUBLE).push("double_quotes"),
                rule(r"\$'", STR_SINGLE).push("ansi_string"),
                rule("'", STR_SINGLE).push("single_quotes"),
                rule(r"\*", KEYWORD),
                rule(";", PUNCTUATION),
                rule(r"--?[\w-]+", NAME_TAG),
                rule(r#"[^=\*\s{}()$"'`;\\<]+"#, TEXT),
                rule(r"\d+(?= |\Z)", NUM),
                rule("<", TEXT),
                include("interp"),
            ],
        ),
        (
            "curly",
            vec![
                rule(r"\}", KEYWORD).pop(),
                rule(":-", KEYWORD),
                rule("[a-zA-Z0-9_]+", NAME_VARIABLE),
                rule(r#"[^}:"`'$]+"#, PUNCTUATION),
                include("root"),
            ],
        ),
        (
            "paren_interp",
            vec![
                rule(r"\)", STR_INTERPOL).pop(),
                rule(r"\(", OPERATOR).push("paren_inner"),
                include("root"),
            ],
        ),
        (
            "paren_inner",
            vec![
                rule(r"\(", OPERATOR).push_self(),
                rule(r"\)", OPERATOR).pop(),
                include("root"),
            ],
        ),
        (
            "math",
            vec![
                rule(r"\)\)", KEYWORD).pop(),
                rule(r"[-+*/%^|&!]|\*\*|\|\|", OPERATOR),
                rule(r"\d+(#\w+)?", NUM),
                include("root"),
            ],
        ),
        (
            "case",
            vec![
                rule(r"\besac\b", KEYWORD).pop(),
                rule(r"\|", PUNCTUATION),
                rule(r"\)", PUNCTUATION).push("case_stanza"),
                include("root"),
            ],
        ),
        (
            "case_stanza",
            vec![rule(";;", PUNCTUATION).pop(), include("root")],
        ),
        (
            "backticks",
            vec![rule("`", STR_BACKTICK).pop(), include("root")],
        ),
        (
            "interp",
            vec![
                rule(r"\\$", STR_ESCAPE),
                rule(r"\\.", STR_ESCAPE),
                rule(r"\$\(\(", KEYWORD).push("math"),
                rule(r"\$\(", STR_INTERPOL).push("paren_interp"),
                rule(r"\$\{#?", KEYWORD).push("curly"),
                rule("`", STR_BACKTICK).push("backticks"),
                rule(r"\$#?(?:\w+|.)", NAME_VARIABLE),
                rule(r"\$[*@]", NAME_VARIABLE),
            ],
        ),
        ("root", vec![include("basic"), include("data")]),
    ])
}
