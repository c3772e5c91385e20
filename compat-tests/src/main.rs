//! `conformance`: runs hyde's engines on peer suites' inputs (see compat-tests/README.md).
fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    match args.first().map(String::as_str) {
        _ => {
            eprintln!("usage: conformance <liquid-golden SUITE.json | kramdown [--jekyll] [OPTIONS_FILE] | rouge LEXER>");
            std::process::exit(2);
        }
    }
}
