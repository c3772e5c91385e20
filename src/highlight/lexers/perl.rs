//! Perl: regex and quote-like operators with any delimiter, sigils, heredocs, POD,
//! interpolating strings, fat-comma barewords.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const KEYWORDS: &str = "case|continue|do|else|elsif|for|foreach|if|last|my|next|our|redo|reset|then|unless|until|while|use|print|new|BEGIN|CHECK|INIT|END|return";
const BUILTINS: &str = "abs accept alarm atan2 bind binmode bless caller chdir chmod chomp chop \
    chown chr chroot close closedir connect continue cos crypt dbmclose dbmopen defined delete \
    die dump each endgrent endhostent endnetent endprotoent endpwent endservent eof eval exec \
    exists exit exp fcntl fileno flock fork format formline getc getgrent getgrgid getgrnam \
    gethostbyaddr gethostbyname gethostent getlogin getnetbyaddr getnetbyname getnetent \
    getpeername getpgrp getppid getpriority getprotobyname getprotobynumber getprotoent \
    getpwent getpwnam getpwuid getservbyname getservbyport getservent getsockname getsockopt \
    glob gmtime goto grep hex import index int ioctl join keys kill last lc lcfirst length link \
    listen local localtime log lstat map mkdir msgctl msgget msgrcv msgsnd my next no oct open \
    opendir ord our pack package pipe pop pos printf prototype push quotemeta rand read readdir \
    readline readlink readpipe recv redo ref rename require reverse rewinddir rindex rmdir \
    scalar seek seekdir select semctl semget semop send setgrent sethostent setnetent setpgrp \
    setpriority setprotoent setpwent setservent setsockopt shift shmctl shmget shmread \
    shmwrite shutdown sin sleep socket socketpair sort splice split sprintf sqrt srand stat \
    study substr symlink syscall sysopen sysread sysseek system syswrite tell telldir tie tied \
    time times tr truncate uc ucfirst umask undef unlink unpack unshift untie utime values vec \
    wait waitpid wantarray warn write";

fn nested(open: &'static str, close: &'static str) -> Vec<RuleDef> {
    vec![
        rule(format!(r"\\[{open}{close}\\]"), STR_OTHER),
        rule(r"\\", STR_OTHER),
        rule(open, STR_OTHER).push_self(),
        rule(close, STR_OTHER).pop(),
        rule(format!(r"[^{open}{close}\\]+"), STR_OTHER),
    ]
}

pub fn def() -> LexerDef {
    let re = STR_REGEX;
    let builtins = BUILTINS.split_whitespace().collect::<Vec<_>>().join("|");
    LexerDef::new(vec![
        (
            "balanced_regex",
            vec![
                rule(r"(?s)/(\\[\\/]|[^/])*/[egimosx]*", re).pop(),
                rule(r"(?s)!(\\[\\!]|[^!])*![egimosx]*", re).pop(),
                rule(r"(?s)\\(\\\\|[^\\])*\\[egimosx]*", re).pop(),
                rule(r"\{(\\[\\}]|[^}])*\}[egimosx]*", re).pop(),
                rule(r"<(\\[\\>]|[^>])*>[egimosx]*", re).pop(),
                rule(r"\[(\\[\\\]]|[^\]])*\][egimosx]*", re).pop(),
                rule(r"\((\\[\\\)]|[^\)])*\)[egimosx]*", re).pop(),
                rule(r"@(\\[\\@]|[^@])*@[egimosx]*", re).pop(),
                rule(r"%(\\[\\%]|[^%])*%[egimosx]*", re).pop(),
                rule(r"\$(\\[\\\$]|[^\$])*\$[egimosx]*", re).pop(),
            ],
        ),
        (
            "root",
            vec![
                rule("#.*", COMMENT_SINGLE),
                rule(r"(?s)^=[a-zA-Z0-9]+\s+.*?\n=cut", COMMENT_MULTILINE),
                rule(format!(r"(?:{KEYWORDS})\b"), KEYWORD),
                groups(
                    r"(format)(\s+)([a-zA-Z0-9_]+)(\s*)(=)(\s*\n)",
                    &[KEYWORD, TEXT, NAME, TEXT, PUNCTUATION, TEXT],
                )
                .push("format"),
                rule(r"(?:eq|lt|gt|le|ge|ne|not|and|or|cmp)\b", OPERATOR_WORD),
                rule(r"(?:s|tr|y)\{(\\\\|\\\}|[^}])*\}\s*", re).push("balanced_regex"),
                rule(r"(?:s|tr|y)<(\\\\|\\>|[^>])*>\s*", re).push("balanced_regex"),
                rule(r"(?:s|tr|y)\[(\\\\|\\\]|[^\]])*\]\s*", re).push("balanced_regex"),
                rule(r"(?:s|tr|y)\((\\\\|\\\)|[^\)])*\)\s*", re).push("balanced_regex"),
                rule(
                    r"(?s)(?:s|tr|y)\s*([^\w\s])((\\\\|\\\1)|[^\x01])*?\1((\\\\|\\\1)|[^\x01])*?\1[msixpodualngcr]*",
                    re,
                ),
                rule(
                    r"(?s)(?:s|tr|y)\s+(\w)((\\\\|\\\1)|[^\x01])*?\1((\\\\|\\\1)|[^\x01])*?\1[msixpodualngcr]*",
                    re,
                ),
                rule(r"m?/(\\\\|\\/|[^/\n])*/[msixpodualngc]*", re),
                rule(r"m(?=[/!\\{<\[\(@%\$])", re).push("balanced_regex"),
                rule(
                    r"(?s)m\s*([^\w\s])((\\\\|\\\1)|[^\x01])*?\1[msixpodualngc]*",
                    re,
                ),
                rule(r"(?s)m\s+(\w)((\\\\|\\\1)|[^\x01])*?\1[msixpodualngc]*", re),
                rule(
                    r"((?<==~)|(?<=\())\s*/(\\\\|\\/|[^/])*/[msixpodualngc]*",
                    re,
                )
                .push("balanced_regex"),
                rule(r"\s+", TEXT),
                jump(r"(?i)(?=[a-z_]\w*(\s*#.*\n)*\s*=>)").push("fat_comma"),
                rule(format!(r"(?:{builtins})\b"), NAME_BUILTIN),
                rule(
                    r"((__(DIE|WARN)__)|(DATA|STD(IN|OUT|ERR)))\b",
                    NAME_BUILTIN_PSEUDO,
                ),
                rule(
                    r#"(?s)<<(['"]?)([a-zA-Z_][a-zA-Z0-9_]*)\1;?\n.*?\n\2\n"#,
                    STR,
                ),
                rule(r"(__(END|DATA)__)\b", COMMENT_PREPROC).push("end_part"),
                rule(r"\$\^[ADEFHILMOPSTWX]", NAME_VARIABLE_GLOBAL),
                rule(
                    r#"\$[\\"'\[\]&`+*.,;=%~?@$!<>(^\|/_-](?!\w)"#,
                    NAME_VARIABLE_GLOBAL,
                ),
                rule(r"(?i)[$@%&*][$@%&*#_]*(?=[a-z{\[;])", NAME_VARIABLE).push("varname"),
                rule(r"[-+/*%=<>&^\|!\\~]=?", OPERATOR),
                rule("0_?[0-7]+(_[0-7]+)*", NUM_OCT),
                rule("0x[0-9A-Fa-f]+(_[0-9A-Fa-f]+)*", NUM_HEX),
                rule("0b[01]+(_[01]+)*", NUM_BIN),
                rule(
                    r"(?i)(\d*(_\d*)*\.\d+(_\d*)*|\d+(_\d*)*\.\d+(_\d*)*)(e[+-]?\d+)?",
                    NUM_FLOAT,
                ),
                rule(r"(?i)\d+(_\d*)*e[+-]?\d+(_\d*)*", NUM_FLOAT),
                rule(r"\d+(_\d+)*", NUM_INTEGER),
                rule("'", PUNCTUATION).push("sq"),
                rule("\"", PUNCTUATION).push("dq"),
                rule("`", PUNCTUATION).push("bq"),
                rule(r"<([^\s>]+)>", re),
                rule(r"(q|qq|qw|qr|qx)\{", STR_OTHER).push("cb_string"),
                rule(r"(q|qq|qw|qr|qx)\(", STR_OTHER).push("rb_string"),
                rule(r"(q|qq|qw|qr|qx)\[", STR_OTHER).push("sb_string"),
                rule("(q|qq|qw|qr|qx)<", STR_OTHER).push("lt_string"),
                rule(r"(q|qq|qw|qr|qx)(\W)(.|\n)*?\2", STR_OTHER),
                rule(r"package\s+", KEYWORD).push("modulename"),
                rule(r"sub\s+", KEYWORD).push("funcname"),
                rule(
                    r"\[\]|\*\*|::|<<|>>|>=|<=|<=>|={3}|!=|=~|!~|&&?|\|\||\.{1,3}",
                    OPERATOR,
                ),
                rule(r"[()\[\]:;,<>/?{}]", PUNCTUATION),
                jump(r"(?=\w)").push("name"),
            ],
        ),
        (
            "format",
            vec![
                rule(r"\.\n", STR_INTERPOL).pop(),
                rule(r".*?\n", STR_INTERPOL),
            ],
        ),
        (
            "fat_comma",
            vec![
                rule("#.*", COMMENT_SINGLE),
                rule(r"\w+", STR),
                rule(r"\s+", TEXT),
                rule("=>", OPERATOR).pop(),
            ],
        ),
        (
            "name_common",
            vec![
                rule(r"\w+::", NAME_NAMESPACE),
                rule(r"[\w:]+", NAME_VARIABLE).pop(),
            ],
        ),
        (
            "varname",
            vec![
                rule(r"\s+", TEXT),
                rule(r"[{\[]", PUNCTUATION).pop(),
                rule("[),]", PUNCTUATION).pop(),
                rule("[;]", PUNCTUATION).pop(),
                include("name_common"),
            ],
        ),
        (
            "name",
            vec![
                include("name_common"),
                rule("[A-Z_]+(?=[^a-zA-Z0-9_])", NAME_CONSTANT).pop(),
                jump(r"(?=\W)").pop(),
            ],
        ),
        (
            "modulename",
            vec![rule(r"(?i)[a-z_]\w*", NAME_NAMESPACE).pop()],
        ),
        (
            "funcname",
            vec![
                rule(r"[a-zA-Z_]\w*[!?]?", NAME_FUNCTION),
                rule(r"\s+", TEXT),
                groups(r"(\([$@%]*\))(\s*)", &[PUNCTUATION, TEXT]),
                rule(r".*?\{", PUNCTUATION).pop(),
                rule(";", PUNCTUATION).pop(),
            ],
        ),
        (
            "sq",
            vec![
                rule(r"\\[\\']", STR_ESCAPE),
                rule(r"[^\\']+", STR_SINGLE),
                rule("'", PUNCTUATION).pop(),
                rule(r"\\", STR_SINGLE),
            ],
        ),
        (
            "dq",
            vec![
                include("string_intp"),
                rule(r#"\\[\\tnrabefluLUE"$@]"#, STR_ESCAPE),
                rule(r"\\0\d{2}", STR_ESCAPE),
                rule(r"\\o\{\d+\}", STR_ESCAPE),
                rule(r"\\x\h{2}", STR_ESCAPE),
                rule(r"\\x\{\h+\}", STR_ESCAPE),
                rule(r"\\c.", STR_ESCAPE),
                rule(r"\\N\{[^\}]+\}", STR_ESCAPE),
                rule(r#"[^\\"]+?"#, STR_DOUBLE),
                rule("\"", PUNCTUATION).pop(),
                rule(r"\\", STR_ESCAPE),
            ],
        ),
        (
            "bq",
            vec![
                include("string_intp"),
                rule(r"\\[\\tnr`]", STR_ESCAPE),
                rule(r"[^\\`]+?", STR_BACKTICK),
                rule("`", PUNCTUATION).pop(),
            ],
        ),
        ("cb_string", nested(r"\{", r"\}")),
        ("rb_string", nested(r"\(", r"\)")),
        ("sb_string", nested(r"\[", r"\]")),
        ("lt_string", nested("<", ">")),
        (
            "in_interp",
            vec![
                rule(r"\}", STR_INTERPOL).pop(),
                rule(r"\s+", TEXT),
                rule(r"(?i)[a-z_]\w*", STR_INTERPOL),
            ],
        ),
        (
            "string_intp",
            vec![
                rule("[$@][{]", STR_INTERPOL).push("in_interp"),
                rule(r"(?i)[$@][a-z_]\w*", STR_INTERPOL),
            ],
        ),
        ("end_part", vec![rule("(?s).+", COMMENT_PREPROC).pop()]),
    ])
}
