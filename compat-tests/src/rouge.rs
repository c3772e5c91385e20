//! conformance rouge: see compat-tests/README.md.
pub fn run(_args: &[String]) -> i32 {
    eprintln!("not implemented yet");
    2
}
