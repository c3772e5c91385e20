//! Rouge's token types, identified by their short CSS class (each is unique in Rouge 3.30).
//! `TEXT` is the only token the HTML formatter leaves unwrapped.

pub type Tok = &'static str;

pub const TEXT: Tok = "";
pub const WHITESPACE: Tok = "w";
pub const ESCAPE: Tok = "esc";
pub const ERROR: Tok = "err";
pub const OTHER: Tok = "x";

pub const KEYWORD: Tok = "k";
pub const KEYWORD_CONSTANT: Tok = "kc";
pub const KEYWORD_DECLARATION: Tok = "kd";
pub const KEYWORD_NAMESPACE: Tok = "kn";
pub const KEYWORD_PSEUDO: Tok = "kp";
pub const KEYWORD_RESERVED: Tok = "kr";
pub const KEYWORD_TYPE: Tok = "kt";
pub const KEYWORD_VARIABLE: Tok = "kv";

pub const NAME: Tok = "n";
pub const NAME_ATTRIBUTE: Tok = "na";
pub const NAME_BUILTIN: Tok = "nb";
pub const NAME_BUILTIN_PSEUDO: Tok = "bp";
pub const NAME_CLASS: Tok = "nc";
pub const NAME_CONSTANT: Tok = "no";
pub const NAME_DECORATOR: Tok = "nd";
pub const NAME_ENTITY: Tok = "ni";
pub const NAME_EXCEPTION: Tok = "ne";
pub const NAME_FUNCTION: Tok = "nf";
pub const NAME_FUNCTION_MAGIC: Tok = "fm";
pub const NAME_PROPERTY: Tok = "py";
pub const NAME_LABEL: Tok = "nl";
pub const NAME_NAMESPACE: Tok = "nn";
pub const NAME_OTHER: Tok = "nx";
pub const NAME_TAG: Tok = "nt";
pub const NAME_VARIABLE: Tok = "nv";
pub const NAME_VARIABLE_CLASS: Tok = "vc";
pub const NAME_VARIABLE_GLOBAL: Tok = "vg";
pub const NAME_VARIABLE_INSTANCE: Tok = "vi";
pub const NAME_VARIABLE_MAGIC: Tok = "vm";

pub const LITERAL: Tok = "l";
pub const LITERAL_DATE: Tok = "ld";
pub const STR: Tok = "s";
pub const STR_AFFIX: Tok = "sa";
pub const STR_BACKTICK: Tok = "sb";
pub const STR_CHAR: Tok = "sc";
pub const STR_DELIMITER: Tok = "dl";
pub const STR_DOC: Tok = "sd";
pub const STR_DOUBLE: Tok = "s2";
pub const STR_ESCAPE: Tok = "se";
pub const STR_HEREDOC: Tok = "sh";
pub const STR_INTERPOL: Tok = "si";
pub const STR_OTHER: Tok = "sx";
pub const STR_REGEX: Tok = "sr";
pub const STR_SINGLE: Tok = "s1";
pub const STR_SYMBOL: Tok = "ss";

pub const NUM: Tok = "m";
pub const NUM_BIN: Tok = "mb";
pub const NUM_FLOAT: Tok = "mf";
pub const NUM_HEX: Tok = "mh";
pub const NUM_INTEGER: Tok = "mi";
pub const NUM_INTEGER_LONG: Tok = "il";
pub const NUM_OCT: Tok = "mo";
pub const NUM_OTHER: Tok = "mx";

pub const OPERATOR: Tok = "o";
pub const OPERATOR_WORD: Tok = "ow";
pub const PUNCTUATION: Tok = "p";
pub const PUNCTUATION_INDICATOR: Tok = "pi";

pub const COMMENT: Tok = "c";
pub const COMMENT_HASHBANG: Tok = "ch";
pub const COMMENT_DOC: Tok = "cd";
pub const COMMENT_MULTILINE: Tok = "cm";
pub const COMMENT_PREPROC: Tok = "cp";
pub const COMMENT_PREPROC_FILE: Tok = "cpf";
pub const COMMENT_SINGLE: Tok = "c1";
pub const COMMENT_SPECIAL: Tok = "cs";

pub const GENERIC: Tok = "g";
pub const GENERIC_DELETED: Tok = "gd";
pub const GENERIC_EMPH: Tok = "ge";
pub const GENERIC_ERROR: Tok = "gr";
pub const GENERIC_HEADING: Tok = "gh";
pub const GENERIC_INSERTED: Tok = "gi";
pub const GENERIC_OUTPUT: Tok = "go";
pub const GENERIC_PROMPT: Tok = "gp";
pub const GENERIC_STRONG: Tok = "gs";
pub const GENERIC_SUBHEADING: Tok = "gu";
pub const GENERIC_TRACEBACK: Tok = "gt";
pub const GENERIC_LINENO: Tok = "gl";

/// A token stream as `Rouge::Lexer#lex` yields it: adjacent tokens of one type merged, empty
/// tokens dropped. All token text lives in one buffer, so emitting a token allocates nothing
/// (per-token `String`s dominated highlighting time on large inputs).
#[derive(Debug, Default)]
pub struct Tokens {
    text: String,
    /// Each token's type and the end of its text in `text` (it starts where the previous ends).
    ends: Vec<(Tok, usize)>,
}

impl Tokens {
    /// An empty stream with room for about `text_len` bytes of token text.
    pub fn with_capacity(text_len: usize) -> Tokens {
        Tokens {
            text: String::with_capacity(text_len),
            ends: Vec::with_capacity(text_len / 4),
        }
    }

    /// Appends a token, merging it into the previous one when both have the same type.
    pub fn push(&mut self, tok: Tok, text: &str) {
        if text.is_empty() {
            return;
        }
        self.text.push_str(text);
        let end = self.text.len();
        match self.ends.last_mut() {
            Some((last, last_end)) if *last == tok => *last_end = end,
            _ => self.ends.push((tok, end)),
        }
    }

    /// All token text, concatenated.
    pub fn text(&self) -> &str {
        &self.text
    }

    pub fn is_empty(&self) -> bool {
        self.ends.is_empty()
    }

    /// The tokens in order, each with its text.
    pub fn iter(&self) -> impl Iterator<Item = (Tok, &str)> + '_ {
        let mut start = 0;
        self.ends.iter().map(move |&(tok, end)| {
            let text = &self.text[start..end];
            start = end;
            (tok, text)
        })
    }
}
