//! Groovy (and Gradle, which only extends the word lists): method declarations, strings of
//! every quoting style, slashy strings.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

struct Words {
    keywords: HashSet<&'static str>,
    declarations: HashSet<&'static str>,
    types: HashSet<&'static str>,
    constants: HashSet<&'static str>,
}

fn words(tag: &str) -> Words {
    Words {
        keywords: word_set(tag, "keywords"),
        declarations: word_set(tag, "declarations"),
        types: word_set(tag, "types"),
        constants: word_set(tag, "constants"),
    }
}

static GROOVY: Lazy<Words> = Lazy::new(|| words("groovy"));
static GRADLE: Lazy<Words> = Lazy::new(|| words("gradle"));

fn classify(w: &Words, s: &str) -> Tok {
    if w.keywords.contains(s) {
        KEYWORD
    } else if w.declarations.contains(s) {
        KEYWORD_DECLARATION
    } else if w.types.contains(s) {
        KEYWORD_TYPE
    } else if w.constants.contains(s) {
        KEYWORD_CONSTANT
    } else {
        NAME
    }
}

fn groovy_word(cx: &mut Ctx, m: &Caps) {
    cx.token(classify(&GROOVY, m.all()), m.all());
}

fn gradle_word(cx: &mut Ctx, m: &Caps) {
    cx.token(classify(&GRADLE, m.all()), m.all());
}

fn method(cx: &mut Ctx, m: &Caps) {
    let tag = cx.st.lexer.tag;
    cx.delegate(tag, m.get(1));
    cx.token(NAME_FUNCTION, m.get(2));
    cx.token(TEXT, m.get(3));
    cx.token(OPERATOR, m.get(4));
}

fn states(word: Callback) -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                call(r"^(\s*(?:\w[\w.\[\]]*\s+)+?)(\w\w*)(\s*)(\()", method),
                rule(r"[^\S\n]+", TEXT),
                rule("//.*?$", COMMENT_SINGLE),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
                rule(r"@\w[\w.]*", NAME_DECORATOR),
                rule(r"(class|interface|trait)\b", KEYWORD_DECLARATION).push("class"),
                rule(r"package\b", KEYWORD_NAMESPACE).push("import"),
                rule(r"import\b", KEYWORD_NAMESPACE).push("import"),
                rule(r#"(?s)""".*?""""#, STR_DOUBLE),
                rule(r"(?s)'''.*?'''", STR_SINGLE),
                rule(r#""(\\.|\\\n|.)*?""#, STR_DOUBLE),
                rule(r"'(\\.|\\\n|.)*?'", STR_SINGLE),
                rule(r"(?s)\$/(\$.|.)*?/\$", STR),
                rule(r"/(\\.|\\\n|.)*?/", STR),
                rule(r"'\\.'|'[^\\]'|'\\u[0-9a-f]{4}'", STR_CHAR),
                groups(r"(\.)([a-zA-Z_][a-zA-Z0-9_]*)", &[OPERATOR, NAME_ATTRIBUTE]),
                rule("[a-zA-Z_][a-zA-Z0-9_]*:", NAME_LABEL),
                call(r"[a-zA-Z_\$][a-zA-Z0-9_]*", word),
                rule(r"[~^*!%&\[\](){}<>\|+=:;,./?-]", OPERATOR),
                rule(r"\d+\.\d+([eE]\d+)?[fd]?", NUM_FLOAT),
                rule("0x[0-9a-f]+", NUM_HEX),
                rule("[0-9]+L?", NUM_INTEGER),
                rule(r"\n", TEXT),
            ],
        ),
        (
            "class",
            vec![rule(r"\s+", TEXT), rule(r"\w\w*", NAME_CLASS).pop()],
        ),
        (
            "import",
            vec![
                rule(r"\s+", TEXT),
                rule(r"[\w.]+[*]?", NAME_NAMESPACE).pop(),
            ],
        ),
    ])
}

pub fn def() -> LexerDef {
    states(groovy_word)
}

pub fn gradle() -> LexerDef {
    states(gradle_word)
}
