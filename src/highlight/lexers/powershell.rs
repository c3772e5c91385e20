//! PowerShell: cmdlets with parameters, automatic variables, here-strings, hashtables,
//! attributes in brackets, comment-based help keywords.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

const AUTO_VARS: &str = r"\$\$|\$\?|\$\^|\$_|\$args|\$ConsoleFileName|\$Error|\$Event|\$EventArgs|\$EventSubscriber|\$ExecutionContext|\$false|\$foreach|\$HOME|\$Host|\$input|\$IsCoreCLR|\$IsLinux|\$IsMacOS|\$IsWindows|\$LastExitCode|\$Matches|\$MyInvocation|\$NestedPromptLevel|\$null|\$PID|\$PROFILE|\$PSBoundParameters|\$PSCmdlet|\$PSCommandPath|\$PSCulture|\$PSDebugContext|\$PSHOME|\$PSItem|\$PSScriptRoot|\$PSSenderInfo|\$PSUICulture|\$PSVersionTable|\$PWD|\$REPORTERRORSHOWEXCEPTIONCLASS|\$REPORTERRORSHOWINNEREXCEPTION|\$REPORTERRORSHOWSOURCE|\$REPORTERRORSHOWSTACKTRACE|\$SENDER|\$ShellId|\$StackTrace|\$switch|\$this|\$true";
const OPERATORS: &str = r"-split|-isplit|-csplit|-join|-is|-isnot|-as|-eq|-ieq|-ceq|-ne|-ine|-cne|-gt|-igt|-cgt|-ge|-ige|-cge|-lt|-ilt|-clt|-le|-ile|-cle|-like|-ilike|-clike|-notlike|-inotlike|-cnotlike|-match|-imatch|-cmatch|-notmatch|-inotmatch|-cnotmatch|-contains|-icontains|-ccontains|-notcontains|-inotcontains|-cnotcontains|-replace|-ireplace|-creplace|-shl|-shr|-band|-bor|-bxor|-and|-or|-xor|-not|\+=|-=|\*=|/=|%=";
const MULTILINE_KEYWORDS: &str = "synopsis|description|parameter|example|inputs|outputs|notes|link|component|role|functionality|forwardhelptargetname|forwardhelpcategory|remotehelprunspace|externalhelp";

static ATTRIBUTES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("powershell", "ATTRIBUTES"));

fn bracket_word(cx: &mut Ctx, m: &Caps) {
    let t = if ATTRIBUTES.contains(m.all()) {
        NAME_BUILTIN_PSEUDO
    } else {
        NAME
    };
    cx.token(t, m.all());
}

fn member(cx: &mut Ctx, m: &Caps) {
    cx.token(OPERATOR, m.get(1));
    cx.token(NAME_FUNCTION, m.get(2));
    cx.token(PUNCTUATION, m.get(3));
    cx.token(WHITESPACE, m.get(4));
    if m.matched(3) {
        cx.push("parameters");
    }
}

pub fn def() -> LexerDef {
    let mut keywords: Vec<&str> = word_set("powershell", "KEYWORDS").into_iter().collect();
    keywords.sort_unstable();
    let keywords = keywords.join("|");
    LexerDef::new(vec![
        (
            "variable",
            vec![
                rule(AUTO_VARS, NAME_BUILTIN_PSEUDO),
                groups(
                    r"(\$)(?:(\w+)(:))?(\w+|\{(?:[^`]|`.)+?\})",
                    &[NAME_VARIABLE, NAME_NAMESPACE, PUNCTUATION, NAME_VARIABLE],
                ),
                rule(r"\$\w+", NAME_VARIABLE),
                rule(r"\$\{(?:[^`]|`.)+?\}", NAME_VARIABLE),
            ],
        ),
        (
            "multiline",
            vec![
                rule(format!(r"(?i)\.(?:{MULTILINE_KEYWORDS})"), COMMENT_SPECIAL),
                rule("#>", COMMENT_MULTILINE).pop(),
                rule(r"(?s)[^#.]+?", COMMENT_MULTILINE),
                rule("[#.]+", COMMENT_MULTILINE),
            ],
        ),
        (
            "interpol",
            vec![rule(r"\)", STR_INTERPOL).pop(), include("root")],
        ),
        (
            "dq",
            vec![
                rule(r#"(?:\$#?)?""#, STR_DOUBLE).pop(),
                rule(r"\$\(", STR_INTERPOL).push("interpol"),
                rule("`$", STR_ESCAPE),
                rule("`.", STR_ESCAPE),
                rule("[^\"`$]+", STR_DOUBLE),
                include("variable"),
            ],
        ),
        (
            "sq",
            vec![rule("'", STR_SINGLE).pop(), rule("[^']+", STR_SINGLE)],
        ),
        (
            "heredoc",
            vec![
                rule(r#"(?:\$#?)?"@"#, STR_HEREDOC).pop(),
                rule(r"\$\(", STR_INTERPOL).push("interpol"),
                rule("`$", STR_ESCAPE),
                rule("`.", STR_ESCAPE),
                rule("(?s)[^\"`$]+?", STR_HEREDOC),
                rule("\"+", STR_HEREDOC),
                include("variable"),
            ],
        ),
        (
            "class",
            vec![
                rule(r"\{", PUNCTUATION).pop(),
                rule(r"\s+", WHITESPACE),
                rule(r"\w+", NAME_CLASS),
                rule("[:,]", PUNCTUATION),
            ],
        ),
        (
            "expr",
            vec![
                include("comments"),
                rule("\"", STR_DOUBLE).push("dq"),
                rule("'", STR_SINGLE).push("sq"),
                rule("@\"", STR_HEREDOC).push("heredoc"),
                rule("(?s)@'.*?'@", STR_HEREDOC),
                rule(r"\d*\.\d+", NUM_FLOAT),
                rule(r"\d+", NUM_INTEGER),
                rule(r"@\{", PUNCTUATION).push("hasht"),
                rule(r"@\(", PUNCTUATION).push("array"),
                rule(r"\{", PUNCTUATION).push("brace"),
                rule(r"\[", PUNCTUATION).push("bracket"),
            ],
        ),
        (
            "hasht",
            vec![
                rule(r"\}", PUNCTUATION).pop(),
                rule("=", OPERATOR),
                rule("[,;]", PUNCTUATION),
                include("expr"),
                rule(r"\w+", NAME_OTHER),
                include("variable"),
            ],
        ),
        (
            "array",
            vec![
                rule(r"\s+", WHITESPACE),
                rule(r"\)", PUNCTUATION).pop(),
                rule("[,;]", PUNCTUATION),
                include("expr"),
                include("variable"),
            ],
        ),
        (
            "brace",
            vec![rule("[}]", PUNCTUATION).pop(), include("root")],
        ),
        (
            "bracket",
            vec![
                rule(r"\]", PUNCTUATION).pop(),
                rule(r"[A-Za-z]\w+\.", NAME),
                call(r"([A-Za-z]\w+)", bracket_word),
                include("root"),
            ],
        ),
        (
            "parameters",
            vec![
                rule(r"(?s)`.", STR_ESCAPE),
                rule(r"\s*?\n", WHITESPACE).pop(),
                rule(r"[;(){}\]]", PUNCTUATION).pop(),
                rule("[|=]", OPERATOR).pop(),
                rule(r"[/\\~\w][-.:/\\~\w]*", NAME_OTHER),
                rule(r"\w[-\w]+", NAME_OTHER),
                include("root"),
            ],
        ),
        (
            "comments",
            vec![
                rule(r"\s+", WHITESPACE),
                rule("#.*", COMMENT),
                rule("<#", COMMENT_MULTILINE).push("multiline"),
            ],
        ),
        (
            "root",
            vec![
                include("comments"),
                rule(r"#requires\s-version \d(?:\.\d+)?", COMMENT_PREPROC),
                rule(r"\.\.(?=\.?\d)", OPERATOR),
                rule(format!(r"(?i)(?:{OPERATORS})\b"), OPERATOR),
                groups(
                    r"(?i)(class)(\s+)(\w+)",
                    &[KEYWORD_RESERVED, WHITESPACE, NAME_CLASS],
                )
                .push("class"),
                groups(
                    r"(?i)(function)(\s+)(?:(\w+)(:))?(\w[-\w]+)",
                    &[
                        KEYWORD_RESERVED,
                        WHITESPACE,
                        NAME_NAMESPACE,
                        PUNCTUATION,
                        NAME_FUNCTION,
                    ],
                ),
                rule(format!(r"(?i)(?:{keywords})\b(?![-.])"), KEYWORD_RESERVED),
                rule(r"-{1,2}\w+", NAME_TAG),
                groups(r"(\.)?([-\w]+)(\[)", &[OPERATOR, NAME, PUNCTUATION]).push("bracket"),
                groups(r"(?i)([/\\~a-z][-.:/\\~\w]*)(\n)?", &[NAME, WHITESPACE]).push("parameters"),
                call(r"(\.)([-\w]+)(?:(\()|(\n))?", member),
                rule(r"\?", NAME_FUNCTION).push("parameters"),
                include("expr"),
                include("variable"),
                rule(r"[-+*/%=!.&|]", OPERATOR),
                rule("[{}(),:;]", PUNCTUATION),
            ],
        ),
    ])
}
