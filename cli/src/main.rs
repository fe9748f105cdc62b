//! The `blinksale` binary: the same code the Python and Node packages run.
fn main() {
    std::process::exit(blinksale_cli::run(std::env::args_os()));
}
