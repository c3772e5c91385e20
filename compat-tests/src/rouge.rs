//! `conformance rouge LEXER < source > tokens.html`: prints what
//! `Rouge::Formatters::HTML.new.format(Rouge::Lexer.find_fancy(LEXER).lex(source))` prints.

use std::io::{Read, Write};

pub fn run(args: &[String]) -> i32 {
    let Some(lang) = args.first() else {
        eprintln!("usage: conformance rouge LEXER < source");
        return 2;
    };
    let mut raw = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut raw) {
        eprintln!("reading stdin: {e}");
        return 2;
    }
    let source = String::from_utf8_lossy(&raw);
    match hyde::highlight::highlight_tokens(&source, lang) {
        Some(html) => {
            let mut out = std::io::stdout().lock();
            if out.write_all(html.as_bytes()).is_err() {
                return 1;
            }
            0
        }
        None => {
            eprintln!("no lexer for {lang}");
            1
        }
    }
}
