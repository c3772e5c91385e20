fn main() {
    std::process::exit(hyde::cli::run(std::env::args().skip(1)));
}
