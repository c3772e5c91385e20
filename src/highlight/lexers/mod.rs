//! One module per language. Each exposes `def()`, built from the language's syntax and Rouge
//! 3.30's observed token choices.

use super::engine::LexerDef;

mod diff;
mod json;
mod python;
mod toml;
mod shell;
mod console;
mod docker;
mod go;
mod sql;
mod xml;
mod c;
mod cpp;
mod java;
mod rust;
mod javascript;
mod typescript;
mod plaintext;

/// The lexer definition for a Rouge tag, if hyde implements that language.
pub fn definition(tag: &str) -> Option<LexerDef> {
    Some(match tag {
        "plaintext" => plaintext::def(),
        "json" => json::def(),
        "diff" => diff::def(),
        "python" => python::def(),
        "toml" => toml::def(),
        "shell" => shell::def(),
        "console" => console::def(),
        "docker" => docker::def(),
        "go" => go::def(),
        "sql" => sql::def(),
        "xml" => xml::def(),
        "c" => c::def(),
        "cpp" => cpp::def(),
        "java" => java::def(),
        "rust" => rust::def(),
        "javascript" => javascript::def(),
        "typescript" => typescript::def(),
        _ => return None,
    })
}
