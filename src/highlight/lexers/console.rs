//! Shell sessions: lines with a prompt are lexed as commands (by `?lang=`, default shell),
//! other lines are output. Options: `lang`, `output`, `prompt`, `comments`, `error`.

use std::collections::HashMap;

use fancy_regex::Regex;

use crate::highlight::engine::{LexState, LexerDef};
use crate::highlight::registry;
use crate::highlight::token::*;

pub fn def() -> LexerDef {
    LexerDef::custom(lex)
}

fn list(v: Option<&String>) -> Vec<String> {
    v.map(|s| s.split(',').map(str::to_string).collect())
        .unwrap_or_default()
}

fn as_bool(v: &str) -> bool {
    !matches!(v, "0" | "false" | "off")
}

fn sub_lexer(name: &str) -> Option<LexState> {
    registry::find(name).map(|lx| LexState::new(lx, HashMap::new()))
}

fn lex(st: &mut LexState, text: &str, out: &mut Tokens) {
    let prompt = list(st.opts.get("prompt"));
    let errors = list(st.opts.get("error"));
    let allow_comments = match st.opts.get("comments") {
        Some(v) => as_bool(v),
        None => !prompt.is_empty() && !prompt.iter().any(|c| c == "#"),
    };
    let end_chars: Vec<String> = if !prompt.is_empty() {
        prompt.into_iter().filter(|c| !c.is_empty()).collect()
    } else if allow_comments {
        vec!["$".into(), ">".into(), ";".into()]
    } else {
        vec!["$".into(), "#".into(), ">".into(), ";".into()]
    };
    let prefix = if allow_comments {
        "[^<#]*?"
    } else {
        "(?s:.*?)"
    };
    let ends: Vec<String> = end_chars
        .iter()
        .map(|c| fancy_regex::escape(c).into_owned())
        .collect();
    let prompt_re = Regex::new(&format!(r"\A{prefix}(?:{})", ends.join("|"))).ok();
    let lang = st
        .opts
        .get("lang")
        .cloned()
        .unwrap_or_else(|| "shell".into());
    let output = st.opts.get("output").cloned();
    let session = Session {
        prompt_re,
        allow_comments,
        errors,
        lang,
        output,
    };
    session.lex(text, out);
}

/// How a shell-like session is split into prompts, commands, comments, errors and output.
pub struct Session {
    pub prompt_re: Option<Regex>,
    pub allow_comments: bool,
    pub errors: Vec<String>,
    pub lang: String,
    pub output: Option<String>,
}

impl Session {
    pub fn lex(&self, text: &str, out: &mut Tokens) {
        let (prompt_re, allow_comments, errors) =
            (&self.prompt_re, self.allow_comments, &self.errors);
        let (lang, output) = (&self.lang, &self.output);
        let snip_re = Regex::new(r"\A\s*(?:<[.]+>|[.]+)\s*\z").ok();
        let new_lang = || sub_lexer(lang).or_else(|| sub_lexer("shell"));
        let new_output = || output.as_deref().and_then(sub_lexer);
        let mut lang_lexer = new_lang();
        let mut output_lexer = new_output();
        let is = |re: &Option<Regex>, s: &str| {
            re.as_ref()
                .and_then(|r| r.find(s).ok().flatten())
                .map(|m| m.end())
        };
        for line in text.split_inclusive('\n') {
            if is(&snip_re, line).is_some() {
                output_lexer = new_output();
                lang_lexer = new_lang();
                out.push(COMMENT, line);
            } else if let Some(end) = is(prompt_re, line) {
                output_lexer = new_output();
                out.push(GENERIC_PROMPT, &line[..end]);
                let rest = &line[end..];
                let ws = rest.len()
                    - rest
                        .trim_start_matches([' ', '\t', '\n', '\x0B', '\x0C', '\r'])
                        .len();
                if ws > 0 {
                    out.push(WHITESPACE, &rest[..ws]);
                }
                match lang_lexer.as_mut() {
                    Some(l) => l.continue_lex(&rest[ws..], out),
                    None => out.push(TEXT, &rest[ws..]),
                }
            } else if allow_comments && line.trim().trim_start().starts_with('#') {
                output_lexer = new_output();
                lang_lexer = new_lang();
                out.push(COMMENT, line);
            } else if errors.iter().any(|e| line.starts_with(e.as_str())) {
                output_lexer = new_output();
                lang_lexer = new_lang();
                out.push(GENERIC_ERROR, line);
            } else {
                lang_lexer = new_lang();
                match output_lexer.as_mut() {
                    Some(l) => l.continue_lex(line, out),
                    None => out.push(GENERIC_OUTPUT, line),
                }
            }
        }
    }
}

/// `irb`/`pry` sessions: prompts containing `irb`/`pry`, Ruby input, `irb_output` results.
pub fn irb() -> LexerDef {
    LexerDef::custom(lex_irb)
}

fn lex_irb(_st: &mut LexState, text: &str, out: &mut Tokens) {
    let session = Session {
        prompt_re: Regex::new(r#"\A.*?(irb|pry).*?[>"*]"#).ok(),
        allow_comments: true,
        errors: Vec::new(),
        lang: "ruby".into(),
        output: Some("irb_output".into()),
    };
    session.lex(text, out);
}
