//! `blinksale mock`: the embedded mock API in the foreground, until Ctrl-C.
use std::io::Write;
use std::time::Duration;

use blinksale_mock::{MockConfig, MockServer, TokenSpec};

use crate::exit::Failure;

/// The command's options.
pub struct Options {
    pub port: u16,
    pub seed: usize,
    pub rate_limit: u32,
    pub window: u64,
    pub tls: bool,
}

pub fn run(o: Options, tokens: &[String]) -> Result<(), Failure> {
    let tokens =
        tokens.iter().map(|t| TokenSpec::parse(t)).collect::<Result<Vec<_>, _>>().map_err(|e| Failure::usage(format!("--accept-token: {e}")))?;
    let window = Duration::from_secs(o.window.max(1));
    let config =
        MockConfig { port: o.port, seed: o.seed.min(100_000), rate_limit: o.rate_limit, window, tokens, tls: o.tls, ..MockConfig::default() };
    let server = MockServer::start(config).map_err(|e| Failure::usage(format!("cannot start the mock on port {}: {e}", o.port)))?;
    let mut out = std::io::stdout().lock();
    writeln!(out, "Blinksale mock API on {} (Ctrl-C stops it). To use it from another shell:", server.url())?;
    writeln!(out, "  export BLINKSALE_BASE_URL={}", server.url())?;
    writeln!(out, "  export BLINKSALE_API_TOKEN={}", server.token())?;
    if let Some(ca) = server.ca_path() {
        writeln!(out, "  export BLINKSALE_CA_BUNDLE={}", ca.display())?;
    }
    out.flush()?;
    drop(out);
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(tokio::signal::ctrl_c())?;
    writeln!(std::io::stdout(), "Mock stopped: {}", server.permissions_summary())?;
    drop(server);
    Ok(())
}
