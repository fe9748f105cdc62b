//! The `blinksale` command line (`npx blinksale`).
use napi_derive::napi;

/// Runs the command line to the end and returns the exit code. Synchronous: the command owns
/// the process, as the binary would.
#[napi]
pub fn cli_main(argv: Vec<String>) -> i32 {
    blinksale_cli::run(argv)
}
