//! More small languages: turtle, xojo, eiffel, pascal.

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

pub fn turtle() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"@base\b", KEYWORD_DECLARATION),
            rule(r"@prefix\b", KEYWORD_DECLARATION),
            rule(r"true\b", KEYWORD_CONSTANT),
            rule(r"false\b", KEYWORD_CONSTANT),
            rule(r#"(?s)""".*?""""#, STR),
            rule(r#""([^"\\]|\\.)*""#, STR),
            rule(r"(?s)'''.*?'''", STR),
            rule(r"'([^'\\]|\\.)*'", STR),
            rule("#.*$", COMMENT_SINGLE),
            rule(r"@[^\s,.;]+", NAME_ATTRIBUTE),
            rule(r"[+-]?[0-9]+\.[0-9]*E[+-]?[0-9]+", NUM_FLOAT),
            rule(r"[+-]?\.[0-9]+E[+-]?[0-9]+", NUM_FLOAT),
            rule(r"[+-]?[0-9]+E[+-]?[0-9]+", NUM_FLOAT),
            rule(r"[+-]?[0-9]*\.[0-9]+?", NUM_FLOAT),
            rule(r"[+-]?[0-9]+", NUM_INTEGER),
            rule(r"\.|,|;|\(|\)|\{|\}|\[|\]|\^\^", PUNCTUATION),
            rule("<[^>]*>", NAME_LABEL),
            rule(r"(?i)base\b", KEYWORD_DECLARATION),
            rule(r"(?i)prefix\b", KEYWORD_DECLARATION),
            rule(r"GRAPH\b", KEYWORD),
            rule(r"a\b", KEYWORD),
            rule(r"\s+", WHITESPACE),
            rule(r#"[^:;<>#\@"\(\).\[\]\{\} ]*:"#, NAME_NAMESPACE),
            rule(r#"[^:;<>#\@"\(\).\[\]\{\} ]+"#, NAME),
        ],
    )])
}

pub fn xojo() -> LexerDef {
    LexerDef::new(vec![(
        "root",
        vec![
            rule(r"\s+", WHITESPACE),
            rule(r"(?i)rem\b.*?$", COMMENT_SINGLE),
            rule("[//'].*$", COMMENT_SINGLE),
            rule(r"(?is)\#tag Note.*?\#tag EndNote", COMMENT_PREPROC),
            rule(r"\s*[#].*$", COMMENT_PREPROC),
            rule("\".*?\"", STR_DOUBLE),
            rule("[(){}!#,:]", PUNCTUATION),
            rule(
                r"(?i)\b(?:addhandler|aggregates|array|asc|assigns|attributes|begin|break|byref|byval|call|case|catch|class|const|continue|char|ctype|declare|delegate|dim|do|downto|each|else|elseif|end|enum|event|exception|exit|extends|false|finally|for|function|global|goto|if|implements|inherits|interface|lib|loop|mod|module|new|next|nil|object|of|optional|paramarray|private|property|protected|public|raise|raiseevent|rect|redim|removehandler|return|select|shared|soft|static|step|sub|super|then|to|true|try|until|using|uend|uhile)\b",
                KEYWORD,
            ),
            rule(
                r"(?i)\b(?:boolean|cfstringref|cgfloat|cstring|curency|date|double|int8|int16|int32|int64|integer|ostype|pstring|ptr|short|single|single|string|structure|variant|uinteger|uint8|uint16|uint32|uint64|ushort|windowptr|wstring)\b",
                KEYWORD_DECLARATION,
            ),
            rule(
                r"(?i)\b(?:addressof|weakaddressof|and|as|in|is|isa|mod|not|or|xor)\b",
                OPERATOR,
            ),
            rule(r"(?i)[+-]?(\d+\.\d*|\d*\.\d+)", NUM_FLOAT),
            rule(r"[+-]?\d+", NUM_INTEGER),
            rule("(?i)&[CH][0-9a-f]+", NUM_HEX),
            rule("(?i)&O[0-7]+", NUM_OCT),
            rule(r"(?i)\b[\w\.]+\b", TEXT),
            rule(r"<=|>=|<>|[=><\+\-\*/\\]", OPERATOR),
        ],
    )])
}

pub fn eiffel() -> LexerDef {
    let esc = r#"%[A-DFHLNQR-V%'"()<>]|%/(?:0[xX][\da-fA-F](?:_*[\da-fA-F])*|0[cC][0-7](?:_*[0-7])*|0[bB][01](?:_*[01])*|\d(?:_*\d)*)/"#;
    let simple = format!(r#"(?:[^"%\x08\f\x0B]|{esc})+?"#);
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("\"\\[", STR_OTHER).push("aligned"),
                rule("\"\\{", STR_OTHER).push("non_aligned"),
                rule(format!(r#""(?:[^%\x08\f\n\r\x0B]|{esc})*?""#), STR_DOUBLE),
                rule("--.*", COMMENT_SINGLE),
                rule(format!(r"'(?:[^%\x08\f\n\r\t\x0B]|{esc})'"), STR_CHAR),
                rule(
                    format!(r"(?:{})\b", word_list("eiffel", "LanguageKeywords")),
                    KEYWORD,
                ),
                rule(r"(?:Current|Result)\b", KEYWORD_VARIABLE),
                rule(r"(?:True|False)\b", KEYWORD_CONSTANT),
                rule(r"\b0[xX][\da-fA-F](?:_*[\da-fA-F])*b", NUM_HEX),
                rule(r"\b0[cC][0-7](?:_*[0-7])*\b", NUM_OCT),
                rule(r"\b0[bB][01](?:_*[01])*\b", NUM_BIN),
                rule(r"\d(?:_*\d)*", NUM_INTEGER),
                rule(
                    r"(?:\d(?:_*\d)*)?\.(?:(?:\d(?:_*\d)*)?[eE][+-]?)?\d(?:_*\d)*|\d(?:_*\d)*\.?",
                    NUM_FLOAT,
                ),
                rule(
                    r":=|<<|>>|\(\||\|\)|->|\.|[{}\[\];(),:?]",
                    PUNCTUATION_INDICATOR,
                ),
                rule(r"\\\\|\|\.\.\||\.\.|/[~/]?|[></]=?|[-+*^=~]", OPERATOR),
                rule(r"[A-Z][\dA-Z_]*", NAME_CLASS),
                rule(r"[A-Za-z][\dA-Za-z_]*", NAME),
                rule(r"\s+", TEXT),
            ],
        ),
        (
            "aligned",
            vec![
                rule("]\"", STR_OTHER).pop(),
                rule(simple.clone(), STR_OTHER),
            ],
        ),
        (
            "non_aligned",
            vec![rule("}\"", STR_OTHER).pop(), rule(simple, STR_OTHER)],
        ),
    ])
}

pub fn pascal() -> LexerDef {
    let kw = "absolute|abstract|all|and|and_then|array|as|asm|assembler|attribute|begin|bindable|case|class|const|constructor|delay|destructor|div|do|downto|else|end|except|exit|export|exports|external|far|file|finalization|finally|for|forward|function|goto|if|implementation|import|in|inc|index|inherited|initialization|inline|interface|interrupt|is|label|library|message|mod|module|near|nil|not|object|of|on|only|operator|or|or_else|otherwise|out|overload|override|packed|pascal|pow|private|procedure|program|property|protected|public|published|qualified|raise|read|record|register|repeat|resident|resourcestring|restricted|safecall|segment|set|shl|shr|stdcall|stored|string|then|threadvar|to|try|type|unit|until|uses|value|var|view|virtual|while|with|write|writeln|xor";
    let kt = "ansichar|ansistring|bool|boolean|byte|bytebool|cardinal|char|comp|currency|double|dword|extended|int64|integer|iunknown|longbool|longint|longword|pansichar|pansistring|pbool|pboolean|pbyte|pbytearray|pcardinal|pchar|pcomp|pcurrency|pdate|pdatetime|pdouble|pdword|pextended|phandle|pint64|pinteger|plongint|plongword|pointer|ppointer|pshortint|pshortstring|psingle|psmallint|pstring|pvariant|pwidechar|pwidestring|pword|pwordarray|pwordbool|real|real48|shortint|shortstring|single|smallint|string|tclass|tdate|tdatetime|textfile|thandle|tobject|ttime|variant|widechar|widestring|word|wordbool";
    LexerDef::new(vec![
        (
            "whitespace",
            vec![
                rule(r"\s+", TEXT),
                rule(r"(//).*$\n?", COMMENT_SINGLE),
                rule(r"(--).*$\n?", COMMENT_SINGLE),
                rule(r"(?s)\(\*.*?\*\)", COMMENT_MULTILINE),
                rule(r"(?s)\{.*?\}", COMMENT_MULTILINE),
            ],
        ),
        (
            "root",
            vec![
                include("whitespace"),
                rule(
                    r"((0(x|X)[0-9a-fA-F]*)|(([0-9]+\.?[0-9]*)|(\.[0-9]+))((e|E)(\+|-)?[0-9]+)?)(L|l|UL|ul|u|U|F|f|ll|LL|ull|ULL)?",
                    NUM,
                ),
                rule(r"\$[0-9A-Fa-f]+", NUM_HEX),
                rule(r"[~!@#\$%\^&\*\(\)\+`\-={}\[\]:;<>\?,\./\|\\]", PUNCTUATION),
                rule("'([^']|'')*'", STR),
                rule(r"(?i)(true|false|nil)\b", NAME_BUILTIN),
                rule(format!(r"(?i)\b({kw})\b"), KEYWORD),
                rule(format!(r"(?i)\b({kt})\b"), KEYWORD_TYPE),
                rule(r"(?i:@?[_a-z]\w*)", NAME),
            ],
        ),
    ])
}

/// A Rouge word list as a regex alternation, in a stable order.
fn word_list(tag: &str, key: &str) -> String {
    let mut w: Vec<&str> = word_set(tag, key).into_iter().collect();
    w.sort_unstable_by(|a, b| b.len().cmp(&a.len()).then(a.cmp(b)));
    alt(&w)
}
