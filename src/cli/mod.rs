//! The `hyde` command line: Jekyll's commands and flags.

/// Runs the CLI with `args` (without the program name) and returns the exit code.
pub fn run<I: IntoIterator<Item = String>>(_args: I) -> i32 {
    0
}
