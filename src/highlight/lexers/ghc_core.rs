//! GHC Core dumps and Idris.

use crate::highlight::engine::*;
use crate::highlight::token::*;

/// Rouge emits the whole match and then its first group here (repeating the name).
fn module_prefix(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_NAMESPACE, m.all());
    cx.token(PUNCTUATION, m.get(1));
}

fn ghc_rule(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_LABEL, m.all());
    cx.push("expression");
}

fn function(cx: &mut Ctx, m: &Caps) {
    cx.token(NAME_FUNCTION, m.all());
    cx.push("expression");
}

pub fn ghc_core() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("^=====.*=====$", GENERIC_HEADING),
                rule(
                    r"^\d{4}-\d{2}-\d{2} \d{2}:\d{2}:\d{2}\.\d+ UTC$",
                    COMMENT_SINGLE,
                ),
                rule(r"^Result size of .+\n.+\{[^}]*\}", COMMENT_MULTILINE),
                rule("--.*$", COMMENT_SINGLE),
                rule(r"\[", COMMENT_SPECIAL).push("annotation"),
                include("recursive_binding"),
                include("ghc_rule"),
                include("function"),
                rule(r"(?s)\s", TEXT),
                rule(".", TEXT),
            ],
        ),
        (
            "expression",
            vec![
                rule(r"[\n]+", TEXT),
                jump(r"(?=^\S)").pop(),
                rule(r"\s+", TEXT).push("expression_line"),
            ],
        ),
        (
            "expression_line",
            vec![rule(" ", TEXT), include("common"), rule(r"\n", TEXT).pop()],
        ),
        (
            "annotation",
            vec![
                rule(r"\]", COMMENT_SPECIAL).pop(),
                rule(r"\[", COMMENT_SPECIAL).push("annotation"),
                rule(r"[^\[\]]+", COMMENT_SPECIAL),
            ],
        ),
        (
            "common",
            vec![
                rule(r"\[[^=]*\]", KEYWORD_TYPE),
                rule(r"\[", COMMENT_SPECIAL).push("annotation"),
                include("literal"),
                include("constants"),
                include("punctuation"),
                include("operator"),
                include("name"),
            ],
        ),
        (
            "literal",
            vec![
                rule(r"\d+\.\d+\#{0,2}", NUM_FLOAT),
                rule(r"\d+\#{0,2}", NUM_INTEGER),
                rule("\".*\"#", STR),
                rule("'.'#", STR_CHAR),
            ],
        ),
        ("constants", vec![rule("__DEFAULT", NAME_CONSTANT)]),
        (
            "name",
            vec![
                call(r"^([A-Z]\w*)(\.)", module_prefix),
                rule(r"[A-Z][^\s.,(){}]*", KEYWORD_TYPE),
                groups(
                    r"(^[a-z].*?\d+\.\d+\.\d+)(:)(?=\S)",
                    &[NAME_NAMESPACE, PUNCTUATION],
                ),
                rule(r"\S*\(,\)\S*", NAME_VARIABLE),
                rule(r"\S[^\s.,(){}]*", NAME_VARIABLE),
            ],
        ),
        ("punctuation", vec![rule("[.,(){};]", PUNCTUATION)]),
        (
            "operator",
            vec![
                rule("=>", OPERATOR),
                rule("->", OPERATOR),
                rule("::", OPERATOR),
                rule("=", OPERATOR),
                rule("forall", KEYWORD),
                rule("case", KEYWORD),
                rule("of", KEYWORD),
                rule("letrec", KEYWORD),
                rule("let", KEYWORD),
                rule("join", KEYWORD),
                rule("@", OPERATOR),
                rule(r"\\", OPERATOR),
            ],
        ),
        (
            "recursive_binding",
            vec![
                groups(r"(Rec)(\s*)(\{)", &[KEYWORD, TEXT, PUNCTUATION]),
                groups(
                    r"^(end)(\s*)(Rec)(\s*)(\})",
                    &[KEYWORD, TEXT, KEYWORD, TEXT, PUNCTUATION],
                ),
            ],
        ),
        ("ghc_rule", vec![call("(?s)^(\".*?\")", ghc_rule)]),
        ("function", vec![call(r"(?s)^(\S+)(?=.*?(=|::))", function)]),
    ])
}

fn char_escape(cx: &mut Ctx, m: &Caps) {
    cx.token(STR_ESCAPE, m.all());
    cx.goto("character_end");
    cx.push("escape");
}

pub fn idris() -> LexerDef {
    let sym = r"[:!#\$\%&*+.\\/<=>?@^\|~-]";
    let prelude = "abs acos all and any asin atan atan2 break ceiling compare concat concatMap \
        const cos cosh curry cycle div drop dropWhile elem encodeFloat enumFrom enumFromThen \
        enumFromThenTo enumFromTo exp fail filter flip floor foldl foldl1 foldr foldr1 \
        fromInteger fst gcd getChar getLine head id init iterate last lcm length lines log \
        lookup map max maxBound maximum maybe min minBound minimum mod negate not null or pi \
        pred print product putChar putStr putStrLn readFile recip repeat replicate return \
        reverse scanl scanl1 sequence sequence_ show sin sinh snd span splitAt sqrt succ sum \
        tail take takeWhile tan tanh uncurry unlines unwords unzip unzip3 words writeFile zip \
        zip3 zipWith zipWith3";
    let prelude = prelude.split_whitespace().collect::<Vec<_>>().join("|");
    let comment = |tok: Tok| {
        vec![
            rule("-}", tok).pop(),
            rule(r"\{-", tok).push("comment"),
            rule("[^-{}]+", tok),
            rule("[-{}]", tok),
        ]
    };
    LexerDef::new(vec![
        (
            "basic",
            vec![
                rule(r"\s+", TEXT),
                rule(r"\{-#", COMMENT_PREPROC).push("comment_preproc"),
                rule(r"\{-", COMMENT_MULTILINE).push("comment"),
                rule(r"^\|\|\|.*$", COMMENT_DOC),
                rule(r"--(?![!#\$\%&*+./<=>?@\^\|_~]).*?$", COMMENT_SINGLE),
            ],
        ),
        ("comment", comment(COMMENT_MULTILINE)),
        ("comment_preproc", comment(COMMENT_PREPROC)),
        (
            "directive",
            vec![
                rule(r"\%(default)\s+(total|partial)", KEYWORD),
                rule(r"\%(access)\s+(public|abstract|private|export)", KEYWORD),
                rule(r"\%(language)\s+(.*)", KEYWORD),
                rule(r"\%(provide)\s+.*\s+(with)\s+", KEYWORD),
            ],
        ),
        (
            "prelude",
            vec![
                rule(
                    r"\b(Type|Exists|World|IO|IntTy|FTy|File|Mode|Dec|Bool|Ordering|Either|IsJust|List|Maybe|Nat|Stream|StrM|Not|Lazy|Inf)\s",
                    KEYWORD_TYPE,
                ),
                rule(
                    r"\b(Eq|Ord|Num|MinBound|MaxBound|Integral|Applicative|Alternative|Cast|Foldable|Functor|Monad|Traversable|Uninhabited|Semigroup|Monoid)\s",
                    NAME_CLASS,
                ),
                rule(format!(r"\b(?:{prelude})[ ]+(?![=:-])"), NAME_BUILTIN),
            ],
        ),
        (
            "root",
            vec![
                include("basic"),
                include("directive"),
                rule(r"\bimport\b", KEYWORD_RESERVED).push("import"),
                rule(r"\bmodule\b", KEYWORD_RESERVED).push("module"),
                rule(
                    r"\b(?:_|data|class|instance|namespace|infix[lr]?|let|where|of|with|type|do|if|then|else|case|in)\b",
                    KEYWORD_RESERVED,
                ),
                rule(
                    r"\b(Just|Nothing|Left|Right|True|False|LT|LTE|EQ|GT|GTE)\b",
                    KEYWORD_CONSTANT,
                ),
                rule(r"^[\w']+\s*:", NAME_FUNCTION),
                include("prelude"),
                rule(r"[_a-z][\w']*", NAME),
                rule(r"[A-Z][\w']*", KEYWORD_TYPE),
                rule(format!(r"\\(?!{sym}+)"), NAME_FUNCTION),
                rule(format!(r"(<-|::|->|=>|=)(?!{sym}+)"), OPERATOR),
                rule(format!(":{sym}*"), OPERATOR),
                rule(format!("{sym}+"), OPERATOR),
                rule(r"(?i)\d+(\.\d+)?(e[+-]?\d+)?", NUM_FLOAT),
                rule("(?i)0o[0-7]+", NUM_OCT),
                rule(r"(?i)0x[\da-f]+", NUM_HEX),
                rule(r"\d+", NUM_INTEGER),
                rule("'", STR_CHAR).push("character"),
                rule("\"", STR).push("string"),
                rule(r"\[\s*\]", KEYWORD_TYPE),
                rule(r"\(\s*\)", NAME_BUILTIN),
                groups(r"(\[)([_a-z][\w']*)(\|)", &[OPERATOR, NAME, OPERATOR])
                    .push("quasiquotation"),
                rule(r"[\[\](),;`{}]", PUNCTUATION),
            ],
        ),
        (
            "import",
            vec![
                rule(r"\s+", TEXT),
                rule("\"", STR).push("string"),
                groups(
                    r"([A-Z][\w.]*)(\s+)(as)(\s+)([A-Z][a-zA-Z0-9_.]*)",
                    &[NAME_NAMESPACE, TEXT, KEYWORD, TEXT, NAME],
                )
                .pop(),
                groups(r"([A-Z][\w.]*)(\s+)(\()", &[NAME_NAMESPACE, TEXT, PUNCTUATION])
                    .goto("funclist"),
                rule(r"[\w.]+", NAME_NAMESPACE).pop(),
            ],
        ),
        (
            "module",
            vec![rule(r"\s+", TEXT), rule(r"([A-Z][\w.]*)", NAME_NAMESPACE).pop()],
        ),
        (
            "funclist",
            vec![
                include("basic"),
                rule(r"[A-Z]\w*", KEYWORD_TYPE),
                rule(r"(_[\w']+|[a-z][\w']*)", NAME_FUNCTION),
                rule(",", PUNCTUATION),
                rule(format!("{sym}+"), OPERATOR),
                rule(r"\(", PUNCTUATION).push("funclist"),
                rule(r"\)", PUNCTUATION).pop(),
            ],
        ),
        (
            "character",
            vec![
                call(r"\\", char_escape),
                rule(".", STR_CHAR).goto("character_end"),
            ],
        ),
        (
            "character_end",
            vec![rule("'", STR_CHAR).pop(), rule(".", ERROR).pop()],
        ),
        (
            "quasiquotation",
            vec![
                rule(r"\|\]", OPERATOR).pop(),
                rule(r"(?s)[^\|]+", TEXT),
                rule(r"\|", TEXT),
            ],
        ),
        (
            "string",
            vec![
                rule("\"", STR).pop(),
                rule(r"\\", STR_ESCAPE).push("escape"),
                rule(r#"[^\\"]+"#, STR),
            ],
        ),
        (
            "escape",
            vec![
                rule(r#"[abfnrtv"'&\\]"#, STR_ESCAPE).pop(),
                rule(r"\^[\]\[A-Z@\^_]", STR_ESCAPE).pop(),
                rule(
                    "NUL|SOH|[SE]TX|EOT|ENQ|ACK|BEL|BS|HT|LF|VT|FF|CR|S[OI]|DLE|DC[1-4]|NAK|SYN|ETB|CAN|EM|SUB|ESC|[FGRU]S|SP|DEL",
                    STR_ESCAPE,
                )
                .pop(),
                rule("(?i)o[0-7]+", STR_ESCAPE).pop(),
                rule(r"(?i)x[\da-fA-F]+", STR_ESCAPE).pop(),
                rule(r"\d+", STR_ESCAPE).pop(),
                rule(r"\s+\\", STR_ESCAPE).pop(),
            ],
        ),
    ])
}
