//! `conformance`: runs hyde's engines on peer suites' inputs (see compat-tests/README.md).

mod kramdown;
mod liquid_bench;
mod liquid_golden;
mod rouge;

fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    let code = match args.first().map(String::as_str) {
        Some("liquid-golden") => liquid_golden::run(&args[1..]),
        Some("liquid-bench") => liquid_bench::run(&args[1..]),
        Some("kramdown") => kramdown::run(&args[1..]),
        Some("rouge") => rouge::run(&args[1..]),
        _ => {
            eprintln!(
                "usage: conformance liquid-golden SUITE.json | kramdown [--jekyll] [OPTIONS_FILE] | rouge LEXER"
            );
            2
        }
    };
    std::process::exit(code);
}
