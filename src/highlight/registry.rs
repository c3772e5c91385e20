//! Lexer lookup by Rouge tag or alias (case-sensitive, like `Rouge::Lexer.find`), and the
//! compiled-lexer cache.

use std::collections::HashMap;

use once_cell::sync::{Lazy, OnceCell};

use super::engine::{Lexer, LexerDef};
use super::lexers;
use super::registry_data::{Meta, ALL};

/// Tag or alias → index into `ALL`.
static NAMES: Lazy<HashMap<&'static str, usize>> = Lazy::new(|| {
    let mut m = HashMap::new();
    for (i, (tag, aliases, _, _)) in ALL.iter().enumerate() {
        m.insert(*tag, i);
        for a in aliases.iter() {
            m.insert(*a, i);
        }
    }
    m
});

static CACHE: Lazy<Vec<LazyLexer>> = Lazy::new(|| ALL.iter().map(|_| OnceCell::new()).collect());

/// Rouge's metadata for a tag or alias.
pub fn meta(name: &str) -> Option<&'static Meta> {
    NAMES.get(name).map(|&i| &ALL[i])
}

/// All Rouge lexers' metadata.
pub fn all() -> &'static [Meta] {
    ALL
}

/// Whether hyde has rules for this Rouge lexer (others fall back to plain text).
pub fn implemented(name: &str) -> bool {
    meta(name).is_some_and(|m| lexers::definition(m.0).is_some())
}

/// Helper lexers Rouge defines inside other lexers (not in its registry), by internal name.
type LazyLexer = OnceCell<Option<Lexer>>;

static INTERNAL: Lazy<Vec<(&'static str, LazyLexer)>> = Lazy::new(|| {
    lexers::INTERNAL
        .iter()
        .map(|&n| (n, OnceCell::new()))
        .collect()
});

/// The compiled lexer for a Rouge tag or alias, if hyde implements it.
pub fn find(name: &str) -> Option<&'static Lexer> {
    let Some(&i) = NAMES.get(name) else {
        let (tag, cell) = INTERNAL.iter().find(|(n, _)| *n == name)?;
        return cell
            .get_or_init(|| Some(Lexer::compile(tag, lexers::definition(tag)?)))
            .as_ref();
    };
    let tag = ALL[i].0;
    CACHE[i]
        .get_or_init(|| {
            let def: LexerDef = lexers::definition(tag)?;
            Some(Lexer::compile(tag, def))
        })
        .as_ref()
}
