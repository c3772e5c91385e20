//! Differential test against real Jekyll: every fixture site in `fixtures/` is built by hyde
//! (`hyde::cli::run`, destination in a temp dir) and the whole output tree must equal the golden
//! tree real Jekyll 4.3.1 wrote (`compat-tests/goldens/<fixture>/`, made by scripts/make-goldens)
//! byte for byte: no missing files, no extra files, no differing bytes.
//!
//! `compat-tests/known-failures.txt` lists fixtures hyde does not build right yet, each with a
//! reason. A listed fixture that fails is reported and tolerated; a listed fixture that passes
//! fails the test, so the list never hides progress (remove its line).
//!
//! Usage: `cargo test -p compat-tests --test fixtures [-- NAME...]`. Environment:
//! `HYDE_FIXTURES_VERBOSE=1` also prints the diffs of known failures;
//! `HYDE_DIFF_LINES=N` cuts each fixture's diff after N lines (default 200).

use std::io::Write as _;
use std::panic::{self, AssertUnwindSafe};
use std::path::Path;
use std::process::ExitCode;

use compat_tests::fixture_set::{self, Fixture};
use compat_tests::tree_diff;

/// The environment every build runs in, the same as scripts/make-goldens gives real Jekyll.
const FIXED_ENV: &[(&str, &str)] = &[("TZ", "UTC"), ("LANG", "C.UTF-8"), ("LC_ALL", "C.UTF-8")];
const REMOVED_ENV: &[&str] = &["JEKYLL_ENV", "SOURCE_DATE_EPOCH"];

enum Outcome {
    Pass,
    Fail(String),
}

fn main() -> ExitCode {
    // `cargo test -- --list` (IDEs, nextest) asks what this binary would run: one test.
    if std::env::args().any(|a| a == "--list") {
        println!("fixtures: test");
        return ExitCode::SUCCESS;
    }
    match run() {
        Ok(true) => ExitCode::SUCCESS,
        Ok(false) => ExitCode::FAILURE,
        Err(message) => {
            eprintln!("fixtures: {message}");
            ExitCode::FAILURE
        }
    }
}

fn run() -> Result<bool, String> {
    // Arguments cargo forwards after `--`: names select fixtures, flags (--nocapture, ...) are
    // libtest's and mean nothing here.
    let filters: Vec<String> = std::env::args()
        .skip(1)
        .filter(|a| !a.starts_with('-'))
        .collect();
    let verbose = std::env::var_os("HYDE_FIXTURES_VERBOSE").is_some();
    let diff_lines = std::env::var("HYDE_DIFF_LINES")
        .ok()
        .and_then(|v| v.parse().ok())
        .unwrap_or(200);

    let root = fixture_set::repository_root();
    let fixtures = fixture_set::discover(&root)?;
    let known_path = root.join("compat-tests/known-failures.txt");
    let known_text = std::fs::read_to_string(&known_path).unwrap_or_default();
    let known = fixture_set::parse_known_failures(&known_text)?;
    let mut problems: Vec<String> = known
        .keys()
        .filter(|name| !fixtures.iter().any(|f| &f.name == *name))
        .map(|name| format!("known-failures.txt lists `{name}`, which is not a fixture"))
        .collect();

    // Single-threaded from here on, so changing the process environment is safe.
    for (key, value) in FIXED_ENV {
        std::env::set_var(key, value);
    }
    for key in REMOVED_ENV {
        std::env::remove_var(key);
    }
    let scratch = std::env::temp_dir().join(format!("hyde-fixtures-{}", std::process::id()));

    let selected: Vec<&Fixture> = fixtures
        .iter()
        .filter(|f| filters.is_empty() || filters.iter().any(|name| f.name.contains(name.as_str())))
        .collect();
    let (mut passed, mut known_failing) = (0, 0);
    for fixture in selected {
        let outcome = build_and_compare(fixture, &scratch.join(&fixture.name), diff_lines);
        match (outcome, known.get(&fixture.name)) {
            (Outcome::Pass, None) => {
                passed += 1;
                println!("ok      {}", fixture.name);
            }
            (Outcome::Pass, Some(_)) => {
                println!("PASSES  {} (listed in known-failures.txt)", fixture.name);
                problems.push(format!(
                    "{} now matches Jekyll: remove it from compat-tests/known-failures.txt",
                    fixture.name
                ));
            }
            (Outcome::Fail(report), Some(reason)) => {
                known_failing += 1;
                println!("known   {} ({reason})", fixture.name);
                if verbose {
                    println!("{report}");
                }
            }
            (Outcome::Fail(report), None) => {
                println!("FAIL    {}\n{report}", fixture.name);
                problems.push(format!(
                    "{} differs from Jekyll's golden (diff above)",
                    fixture.name
                ));
            }
        }
    }
    let _ = std::fs::remove_dir_all(&scratch);

    println!("fixtures: {passed} passed, {known_failing} known-failing");
    for problem in &problems {
        println!("error: {problem}");
    }
    let _ = std::io::stdout().flush();
    Ok(problems.is_empty())
}

/// Builds `fixture` with hyde into `destination` and compares it with the golden tree.
fn build_and_compare(fixture: &Fixture, destination: &Path, diff_lines: usize) -> Outcome {
    if !fixture.golden.is_dir() {
        return Outcome::Fail(format!(
            "no golden at {} (run scripts/make-goldens {})",
            fixture.golden.display(),
            fixture.name
        ));
    }
    let _ = std::fs::remove_dir_all(destination);
    let args = vec![
        "build".to_string(),
        "-s".to_string(),
        fixture.source.display().to_string(),
        "-d".to_string(),
        destination.display().to_string(),
    ];
    // Jekyll sets `TZ` from a site's `timezone` for the rest of its process; each fixture
    // is its own process for Jekyll, so each starts from the fixed environment here.
    for (key, value) in FIXED_ENV {
        std::env::set_var(key, value);
    }
    let saved: Vec<_> = fixture
        .env
        .iter()
        .map(|(key, value)| {
            let old = std::env::var_os(key);
            std::env::set_var(key, value);
            (key, old)
        })
        .collect();
    let status = panic::catch_unwind(AssertUnwindSafe(|| hyde::cli::run(args)));
    for (key, old) in saved {
        match old {
            Some(value) => std::env::set_var(key, value),
            None => std::env::remove_var(key),
        }
    }

    let mut report = match status {
        Ok(0) => String::new(),
        Ok(code) => format!("hyde build exited with status {code} (Jekyll: 0)\n"),
        Err(_) => "hyde build panicked (Jekyll: exit status 0)\n".to_string(),
    };
    match tree_diff::compare_trees(&fixture.golden, destination) {
        Ok(differences) => report.push_str(&tree_diff::render_report(&differences, diff_lines)),
        Err(e) => report.push_str(&format!("cannot compare output trees: {e}\n")),
    }
    let _ = std::fs::remove_dir_all(destination);
    if report.is_empty() {
        Outcome::Pass
    } else {
        Outcome::Fail(report)
    }
}
