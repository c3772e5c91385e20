//! SAS: data steps and procs (each proc with its own statement keywords), macro statements,
//! date/time literals, datalines blocks.

use std::collections::HashSet;

use once_cell::sync::Lazy;

use super::word_set;
use crate::highlight::engine::*;
use crate::highlight::token::*;

static DATA_STEP: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sas", "data_step_statements"));
static FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sas", "sas_functions"));
static MACRO_STATEMENTS: Lazy<HashSet<&str>> =
    Lazy::new(|| word_set("sas", "sas_macro_statements"));
static MACRO_FUNCTIONS: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sas", "sas_macro_functions"));
static PROC_NAMES: Lazy<HashSet<&str>> = Lazy::new(|| word_set("sas", "sas_proc_names"));

const PROCS: &[&str] = &[
    "SQL",
    "MEANS",
    "DATASETS",
    "SORT",
    "PRINT",
    "APPEND",
    "TRANSPOSE",
    "FREQ",
    "CORR",
    "REPORT",
    "METALIB",
    "GCHART",
    "GPLOT",
    "REG",
    "SGPLOT",
];

static PROC_KEYWORDS: Lazy<Vec<(&'static str, HashSet<&'static str>)>> = Lazy::new(|| {
    PROCS
        .iter()
        .map(|p| (*p, word_set("sas", &format!("proc_keywords.{p}"))))
        .collect()
});

fn macro_word(cx: &mut Ctx, m: &Caps) {
    let up = m.all().to_ascii_uppercase();
    let tok = if MACRO_STATEMENTS.contains(up.as_str()) || MACRO_FUNCTIONS.contains(up.as_str()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(tok, m.all());
}

fn proc_start(cx: &mut Ctx, m: &Caps) {
    let name = m.get(3).to_ascii_uppercase();
    let tok = if PROC_NAMES.contains(name.as_str()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(KEYWORD, m.get(1));
    cx.token(TEXT, m.get(2));
    cx.token(tok, m.get(3));
    cx.st.vars.insert("proc", name);
    cx.push("proc");
}

fn data_word(cx: &mut Ctx, m: &Caps) {
    let up = m.all().to_ascii_uppercase();
    let tok = if DATA_STEP.contains(up.as_str()) || FUNCTIONS.contains(up.as_str()) {
        KEYWORD
    } else {
        NAME
    };
    cx.token(tok, m.all());
}

fn proc_word(cx: &mut Ctx, m: &Caps) {
    let up = m.all().to_ascii_uppercase();
    let proc = cx.st.vars.get("proc").cloned().unwrap_or_default();
    let in_proc = PROC_KEYWORDS
        .iter()
        .any(|(p, set)| *p == proc && set.contains(up.as_str()));
    let tok = if DATA_STEP.contains(up.as_str()) || FUNCTIONS.contains(up.as_str()) || in_proc {
        KEYWORD
    } else {
        NAME
    };
    cx.token(tok, m.all());
}

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "basics",
            vec![
                rule(r"\s+", TEXT),
                rule(r"^\s*%?\*[^;]*;", COMMENT_SINGLE),
                groups(
                    r"(;)(\s*)(%?\*[^;]*;)",
                    &[PUNCTUATION, TEXT, COMMENT_SINGLE],
                ),
                rule(r"(?s)/[*].*?[*]/", COMMENT_MULTILINE),
                rule(r"(?i)'[0-9a-z]+?'d", LITERAL_DATE),
                rule(r"(?i)'.+?'dt", LITERAL_DATE),
                rule(r"(?i)'[0-9:]+?([a|p]m)?'t", LITERAL_DATE),
                rule(r"'", STR_SINGLE).push("single_string"),
                rule("\"", STR_DOUBLE).push("double_string"),
                rule(r"(?i)&[a-z0-9_&.]+", NAME_VARIABLE),
                rule(r"(?i)\d[0-9a-f]*x", NUM_HEX),
                rule(r"(?i)\d[0-9e\-.]+", NUM),
                rule(
                    r"(?i)\b(_n_|_error_|_file_|_infile_|_msg_|_iorc_|_cmd_)\b",
                    NAME_BUILTIN_PSEUDO,
                ),
                rule(r"(?i)\b(_character_|_numeric_|_all_)\b", NAME_BUILTIN),
                groups(
                    r"(?i)\b(datalines|cards)(\s*)(;)",
                    &[KEYWORD, TEXT, PUNCTUATION],
                )
                .push("datalines"),
                groups(
                    r"(?i)\b(datalines4|cards4)(\s*)(;)",
                    &[KEYWORD, TEXT, PUNCTUATION],
                )
                .push("datalines4"),
                rule(r"\*\*|[\*/\+-]", OPERATOR),
                rule(r"[^¬~]?=:?|[<>]=?:?", OPERATOR),
                rule(r"(?i)\b(eq|ne|gt|lt|ge|le|in)\b", OPERATOR_WORD),
                rule(r"[&|!¦¬∘~]", OPERATOR),
                rule(r"(?i)\b(and|or|not)\b", OPERATOR_WORD),
                rule(r"(<>|><)", OPERATOR),
                rule(r"\|\|", OPERATOR),
                rule(r"(?i)\b(of)\b", OPERATOR_WORD),
                rule(r"(?i)\b(like)\b", OPERATOR_WORD),
                rule(r"\d+", NUM_INTEGER),
                rule(r"\$", KEYWORD_TYPE),
                groups(
                    r"(?i)(%macro|%mend)(\s*)(\w+)",
                    &[KEYWORD, TEXT, NAME_FUNCTION],
                ),
                rule(r"%mend", KEYWORD),
                call(r"%\w+", macro_word),
            ],
        ),
        (
            "basics2",
            vec![
                rule(r"\s\.[;\s]", KEYWORD_CONSTANT),
                rule(r"\s\.[a-z_]", NAME_CONSTANT),
                rule(r"[\(\),;:\{\}\[\]\\\.]", PUNCTUATION),
                rule(r"@", STR_SYMBOL),
                rule(r"\?", STR_SYMBOL),
                rule(r"[^\s]+", TEXT),
            ],
        ),
        (
            "root",
            vec![
                include("basics"),
                call(r"(?i)(proc)(\s+)(\w+)", proc_start),
                groups(r"(?i)(data)(\s+)([\w\.]+)", &[KEYWORD, TEXT, NAME_VARIABLE]),
                groups(r"(?i)(libname)(\s+)(\w+)", &[KEYWORD, TEXT, NAME_VARIABLE]),
                call(r"\w+", data_word),
                include("basics2"),
            ],
        ),
        (
            "single_string",
            vec![
                rule(r"''", STR_ESCAPE),
                rule(r"'", STR_SINGLE).pop(),
                rule(r"[^']+", STR_SINGLE),
            ],
        ),
        (
            "double_string",
            vec![
                rule(r"(?i)&[a-z0-9_&]+\.?", STR_INTERPOL),
                rule("\"\"", STR_ESCAPE),
                rule("\"", STR_DOUBLE).pop(),
                rule("[^&\"]+", STR_DOUBLE),
                rule(r"&", STR_DOUBLE),
            ],
        ),
        (
            "datalines",
            vec![rule(r"[^;]", STR_HEREDOC), rule(r";", PUNCTUATION).pop()],
        ),
        (
            "datalines4",
            vec![
                rule(r";{4}", PUNCTUATION).pop(),
                rule(r"[^;]", STR_HEREDOC),
                rule(r";{0,3}", STR_HEREDOC),
            ],
        ),
        (
            "proc",
            vec![
                rule(r"(?i)(quit|run)", KEYWORD).pop(),
                include("basics"),
                call(r"\w+", proc_word),
                include("basics2"),
            ],
        ),
    ])
}
