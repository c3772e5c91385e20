//! XML: tags, attributes, entities, comments, CDATA and processing instructions.

use crate::highlight::engine::*;
use crate::highlight::token::*;

const NAME_RE: &str = r"[\p{L}:_][\p{Word}\p{Cf}:.·-]*";

pub fn def() -> LexerDef {
    LexerDef::new(vec![
        (
            "root",
            vec![
                rule("[^<&]+", TEXT),
                rule(r"&\S*?;", NAME_ENTITY),
                rule(r"<!\[CDATA\[.*?\]\]>", COMMENT_PREPROC),
                rule("<!--", COMMENT).push("comment"),
                rule(r"<\?.*?\?>", COMMENT_PREPROC),
                rule("<![^>]*>", COMMENT_PREPROC),
                rule(format!(r"(?s)<\s*{NAME_RE}"), NAME_TAG).push("tag"),
                rule(format!(r"(?s)<\s*/\s*{NAME_RE}\s*>"), NAME_TAG),
            ],
        ),
        (
            "comment",
            vec![
                rule("[^-]+", COMMENT),
                rule("-->", COMMENT).pop(),
                rule("-", COMMENT),
            ],
        ),
        (
            "tag",
            vec![
                rule(r"\s+", TEXT),
                rule(format!(r"(?s){NAME_RE}\s*="), NAME_ATTRIBUTE).push("attr"),
                rule(r"/?\s*>", NAME_TAG).pop(),
            ],
        ),
        (
            "attr",
            vec![
                rule(r"\s+", TEXT),
                rule(r#"(?s)".*?"|'.*?'|[^\s>]+"#, STR).pop(),
            ],
        ),
    ])
}
