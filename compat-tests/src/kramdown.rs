//! `conformance kramdown [--gfm | --jekyll | --jekyll-site] [OPTIONS_FILE] < in > out`
//!
//! Renders stdin with hyde's kramdown. Option sets, mirroring shared/tools/peer-suites:
//! - OPTIONS_FILE: a kramdown testcase `.options` YAML file over kramdown's defaults (empty or
//!   missing: the testsuite default `auto_ids: false, footnote_nr: 1`), as `kramdown_ref.rb`;
//! - `--gfm`: the same with `input: GFM` (the GFM parser's testsuite, `kramdown_ref.rb --gfm`);
//! - `--jekyll`: Jekyll 4.3's kramdown defaults exactly as `make_jekyll_gfm_corpus.sh` passes
//!   them (the jekyll-gfm-corpus); an OPTIONS_FILE is ignored;
//! - `--jekyll-site`: what Jekyll's converter really hands kramdown for a site without a
//!   `kramdown:` section (adds `syntax_highlighter_opts` `default_lang: plaintext`, `guess_lang`);
//! - `--test-compat`: kramdown's own testsuite patches Rouge's formatter to put a newline
//!   after `</code></pre>` (`kramdown_ref.rb --test-compat`); apply the same to the output.

use hyde::markdown::{to_html, Options};
use std::io::{Read, Write};

/// The options file `make_jekyll_gfm_corpus.sh` writes.
const JEKYLL_CORPUS_OPTIONS: &str = ":auto_ids: true
:toc_levels: [1, 2, 3, 4, 5, 6]
:entity_output: as_char
:smart_quotes: lsquo,rsquo,ldquo,rdquo
:hard_wrap: false
:guess_lang: true
:footnote_nr: 1
:show_warnings: false
:syntax_highlighter: rouge
";

pub fn run(args: &[String]) -> i32 {
    let mut gfm = false;
    let mut jekyll = false;
    let mut site = false;
    let mut test_compat = false;
    let mut file: Option<&str> = None;
    for a in args {
        match a.as_str() {
            "--gfm" => gfm = true,
            "--jekyll" => jekyll = true,
            "--jekyll-site" => site = true,
            "--test-compat" => test_compat = true,
            f if !f.is_empty() => file = Some(f),
            _ => {}
        }
    }
    let opts = if site {
        Ok(Options::jekyll_defaults())
    } else if jekyll {
        Options::from_kramdown_yaml(JEKYLL_CORPUS_OPTIONS, true)
    } else {
        let text = file
            .and_then(|f| std::fs::read_to_string(f).ok())
            .unwrap_or_default();
        Options::from_kramdown_yaml(&text, gfm)
    };
    let opts = match opts {
        Ok(o) => o,
        Err(e) => {
            eprintln!("{e}");
            return 2;
        }
    };
    let mut input = Vec::new();
    if let Err(e) = std::io::stdin().read_to_end(&mut input) {
        eprintln!("reading stdin: {e}");
        return 2;
    }
    let input = String::from_utf8_lossy(&input);
    match to_html(&input, &opts) {
        Ok(html) => {
            let html = if test_compat {
                html.replace("</code></pre></div>", "</code></pre>\n</div>")
            } else {
                html
            };
            let _ = std::io::stdout().write_all(html.as_bytes());
            0
        }
        Err(e) => {
            eprintln!("{e}");
            1
        }
    }
}
