//! `Rouge::Lexer.guess(source:, mimetype:)`: mimetype, then modelines, then each lexer's
//! source detector (shebangs, doctypes, telltale first lines).

use fancy_regex::Regex;
use once_cell::sync::Lazy;

use super::registry;

fn re(p: &str) -> Regex {
    // Patterns below are fixed and tested; an invalid one would only disable its detector.
    Regex::new(p).unwrap_or_else(|_| Regex::new(r"[^\s\S]").expect("trivial regex"))
}

static SHEBANG: Lazy<Regex> = Lazy::new(|| re(r"\A\s*#!(.*)"));
static DOCTYPE: Lazy<Regex> = Lazy::new(|| re(r"(?s)\A\s*(?:<\?.*?\?>\s*)?<!DOCTYPE\s+(.+?)>"));

fn capture(r: &Regex, text: &str) -> Option<String> {
    let c = r.captures(text).ok()??;
    c.get(1).map(|m| m.as_str().to_string())
}

fn is_match(p: &str, text: &str) -> bool {
    re(p).is_match(text).unwrap_or(false)
}

/// `TextAnalyzer#shebang?`: the interpreter pattern as a whole word in the `#!` line.
fn shebang(text: &str, pat: &str) -> bool {
    match capture(&SHEBANG, text) {
        Some(line) => is_match(&format!(r"\b(?:{pat})(\s|$)"), &line),
        None => false,
    }
}

fn doctype(text: &str) -> Option<String> {
    capture(&DOCTYPE, text)
}

/// Rouge's `detect?` for each lexer that defines one.
fn detect(tag: &str, t: &str) -> Option<bool> {
    let sb = |p: &str| shebang(t, p);
    Some(match tag {
        "awk" => sb("awk"),
        "biml" => is_match(r"<\s*Biml\b", t),
        "coffeescript" => sb("coffee"),
        "crystal" => sb("crystal"),
        "diff" => {
            t.starts_with("Index: ")
                || is_match(r"\Adiff[^\n]*?\ba/[^\n]*\bb/", t)
                || is_match(r"---.*?\n[+][+][+]", t)
                || is_match(r"[+][+][+].*?\n---", t)
        }
        "factor" => sb("factor"),
        "gherkin" => sb("cucumber"),
        "groovy" => sb("groovy"),
        "hack" => {
            t.contains("<?hh")
                || sb("hhvm")
                || is_match(r"async function [a-zA-Z]", t)
                || t.contains("): Awaitable<")
        }
        "haskell" => sb("runhaskell"),
        "haxe" => sb("haxe"),
        "html" => {
            doctype(t).is_some_and(|d| is_match(r"(?i)\bhtml\b", &d))
                || !is_match(r"\A<\?xml\b", t) && is_match(r"<\s*html\b", t)
        }
        "io" => sb("io"),
        "javascript" => sb("node") || sb("jsc"),
        "julia" => sb("julia"),
        "lasso" => sb("lasso9") || is_match(r"\A.*?<\?(lasso(script)?|=)", t),
        "livescript" => sb("lsc"),
        "lua" => sb("lua"),
        "moonscript" => sb("moon"),
        "mosel" => is_match(r"(?m)^\s*(model|package)\s+", t),
        "perl" => sb("perl"),
        "php" => sb("php") || !is_match(r"(?m)^<\?hh", t) && is_match(r"(?m)^<\?php", t),
        "postscript" => is_match(r"(?m)^%!", t),
        "praat" => sb("praat"),
        "puppet" => sb("puppet-apply") || sb("puppet"),
        "python" => sb(r"pythonw?(?:[23](?:\.\d+)?)?"),
        "r" => sb("Rscript"),
        "racket" => capture(&re(r"(?m)\A#lang\s*(.*?)$"), t)
            .is_some_and(|l| is_match("racket|scribble", &l)),
        "ruby" => sb("ruby"),
        "rust" => sb("rustc"),
        "sed" => sb("sed"),
        "shell" => sb("(ba|z|k)?sh"),
        "solidity" => t.starts_with("pragma solidity"),
        "tcl" => sb("tclsh") || sb("wish") || sb("jimsh"),
        "tex" => is_match(
            r"\A\s*\\(documentclass|input|documentstyle|relax|ProvidesPackage|ProvidesClass)",
            t,
        ),
        "tulip" => sb("tulip"),
        "xml" => match doctype(t) {
            Some(d) if d.contains("html") => false,
            Some(_) => true,
            None => is_match(r"\A<\?xml\b", t),
        },
        "yaml" => is_match(r"(?s)\A\s*%YAML", t),
        _ => return None,
    })
}

static MODELINES: Lazy<Vec<Regex>> = Lazy::new(|| {
    vec![
        re(
            r"(?i)-\*-\s*(?:(?!mode)[\w-]+\s*:\s*(?:[\w+-]+)\s*;?\s*)*(?:mode\s*:)?\s*([\w+-]+)\s*(?:;\s*(?!mode)[\w-]+\s*:\s*[\w+-]+\s*)*;?\s*-\*-",
        ),
        re(r"(?i)(?:vim|vi|ex):\s*(?:ft|filetype|syntax)=(\w+)\s?"),
        re(r"(?i)(?:vim|vi|Vim|ex):\s*se(?:t)?.*\s(?:ft|filetype|syntax)=(\w+)\s?.*:"),
    ]
});

fn modeline_names(source: &str) -> Vec<String> {
    let lines: Vec<&str> = source.split('\n').collect();
    let mut space: Vec<&str> = lines.iter().take(5).copied().collect();
    space.extend(lines.iter().skip(lines.len().saturating_sub(5)));
    let text = space.join("\n");
    MODELINES.iter().filter_map(|r| capture(r, &text)).collect()
}

/// The guessed tag; `plaintext` when nothing matches, `None` when Rouge would raise
/// `Guesser::Ambiguous`.
pub fn guess(source: &str, mimetype: Option<&str>) -> Option<&'static str> {
    match candidates(source, mimetype).as_slice() {
        [] => Some("plaintext"),
        [one] => Some(one),
        _ => None,
    }
}

/// Like `guess`, but an ambiguous guess yields its first candidate.
pub fn guess_first(source: &str, mimetype: Option<&str>) -> &'static str {
    candidates(source, mimetype)
        .first()
        .copied()
        .unwrap_or("plaintext")
}

/// The lexers the guessers narrow down to (empty when none narrowed anything).
fn candidates(source: &str, mimetype: Option<&str>) -> Vec<&'static str> {
    let all: Vec<usize> = (0..registry::all().len()).collect();
    let mut lexers = all.clone();
    let meta = registry::all();
    let narrow = |lexers: &mut Vec<usize>, keep: &dyn Fn(usize) -> bool| {
        let new: Vec<usize> = lexers.iter().copied().filter(|&i| keep(i)).collect();
        if !new.is_empty() {
            *lexers = new;
        }
    };
    if let Some(mt) = mimetype {
        narrow(&mut lexers, &|i| meta[i].3.contains(&mt));
    }
    if lexers.len() != 1 {
        let names = modeline_names(source);
        if !names.is_empty() {
            narrow(&mut lexers, &|i| {
                names
                    .iter()
                    .any(|n| n == meta[i].0 || meta[i].1.contains(&n.as_str()))
            });
        }
    }
    if lexers.len() != 1 {
        narrow(&mut lexers, &|i| detect(meta[i].0, source) == Some(true));
    }
    if lexers.len() == all.len() {
        return Vec::new();
    }
    lexers.iter().map(|&i| meta[i].0).collect()
}
