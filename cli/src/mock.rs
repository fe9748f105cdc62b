//! `blinksale mock`: the embedded mock API in the foreground, until Ctrl-C.
use std::io::Write;
use std::time::Duration;

use blinksale_mock::{MockConfig, MockServer, TokenSpec};

use crate::exit::Failure;

pub fn run(port: u16, seed: usize, rate_limit: u32, window: u64, tokens: &[String]) -> Result<(), Failure> {
    let tokens =
        tokens.iter().map(|t| TokenSpec::parse(t)).collect::<Result<Vec<_>, _>>().map_err(|e| Failure::usage(format!("--accept-token: {e}")))?;
    let config =
        MockConfig { port, seed: seed.min(100_000), rate_limit, window: Duration::from_secs(window.max(1)), tokens, ..MockConfig::default() };
    let server = MockServer::start(config).map_err(|e| Failure::usage(format!("cannot start the mock on port {port}: {e}")))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "Blinksale mock API on {} (Ctrl-C stops it). To use it from another shell:", server.url())?;
    writeln!(out, "  export BLINKSALE_BASE_URL={}", server.url())?;
    writeln!(out, "  export BLINKSALE_API_TOKEN={}", server.token())?;
    out.flush()?;
    drop(out);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(tokio::signal::ctrl_c())?;
    writeln!(std::io::stdout(), "Mock stopped: {}", server.permissions_summary())?;
    drop(server);
    Ok(())
}
