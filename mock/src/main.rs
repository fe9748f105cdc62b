//! `blinksale-mock`: run the local Blinksale API server.
use std::sync::Arc;
use std::time::Duration;

use blinksale_mock::{MockConfig, State, TokenSpec, serve};

// A page of 100 records is a fresh 50 KB buffer per response; mimalloc reuses it without
// the system allocator's page faults.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

const USAGE: &str = "\
Usage: blinksale-mock [OPTIONS]

A local Blinksale API server for offline tests.

Options:
  --host HOST            address to bind (default 127.0.0.1)
  --port PORT            port to bind; 0 picks a free one (default 4010)
  --port-file PATH       write the bound port to PATH once listening
  --token VALUE[:PERMS]  accept this token; PERMS is a comma list of read,write,send
                         (default: all three). Repeatable. Default token: demo-token
  --rate-limit N         requests per window and token (default 120; 0 turns it off)
  --window SECONDS       rate-limit window (default 60)
  --seed N               add N clients and N invoices to the demo data
  -h, --help             show this help
";

fn parse(args: Vec<String>) -> Result<(MockConfig, Option<String>), String> {
    let mut config = MockConfig { port: 4010, ..MockConfig::default() };
    let mut port_file = None;
    let mut it = args.into_iter();
    while let Some(arg) = it.next() {
        let (flag, inline) = match arg.split_once('=') {
            Some((f, v)) if f.starts_with("--") => (f.to_string(), Some(v.to_string())),
            _ => (arg.clone(), None),
        };
        if flag == "-h" || flag == "--help" {
            print!("{USAGE}");
            std::process::exit(0);
        }
        let mut value = || inline.clone().or_else(|| it.next()).ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("{flag} takes a whole number, not {v:?}"));
        match flag.as_str() {
            "--host" => config.host = value()?,
            "--port" => config.port = u16::try_from(number(value()?)?).map_err(|_| "--port is at most 65535")?,
            "--port-file" => port_file = Some(value()?),
            "--token" => config.tokens.push(TokenSpec::parse(&value()?).map_err(|e| format!("--token: {e}"))?),
            "--rate-limit" => config.rate_limit = u32::try_from(number(value()?)?).map_err(|_| "--rate-limit is too large")?,
            "--window" => config.window = Duration::from_secs(number(value()?)?.max(1)),
            "--seed" => config.seed = usize::try_from(number(value()?)?.min(100_000)).unwrap_or(100_000),
            other => return Err(format!("unknown option {other:?}\n\n{USAGE}")),
        }
    }
    Ok((config, port_file))
}

#[tokio::main]
async fn main() {
    let (config, port_file) = match parse(std::env::args().skip(1).collect()) {
        Ok(c) => c,
        Err(e) => {
            eprintln!("blinksale-mock: {e}");
            std::process::exit(2);
        }
    };
    let listener = match tokio::net::TcpListener::bind((config.host.as_str(), config.port)).await {
        Ok(l) => l,
        Err(e) => {
            eprintln!("blinksale-mock: cannot bind {}:{}: {e}", config.host, config.port);
            std::process::exit(1);
        }
    };
    let port = listener.local_addr().map(|a| a.port()).unwrap_or(config.port);
    let host = if config.host.contains(':') { format!("[{}]", config.host) } else { config.host.clone() };
    let tokens = config.effective_tokens().len();
    let state = Arc::new(State::new(config));
    println!("blinksale-mock listening on http://{host}:{port}/api/v1 ({tokens} token(s) accepted)");
    if let Some(path) = port_file {
        // Written whole then renamed, so a reader never sees an empty or partial file.
        let tmp = format!("{path}.tmp");
        if let Err(e) = std::fs::write(&tmp, port.to_string()).and_then(|()| std::fs::rename(&tmp, &path)) {
            eprintln!("blinksale-mock: cannot write {path}: {e}");
            std::process::exit(1);
        }
    }
    serve(listener, state.clone(), shutdown_signal()).await;
    println!("blinksale-mock stopped: {}", state.tokens_summary());
}

async fn shutdown_signal() {
    use tokio::signal::unix::{SignalKind, signal};
    match signal(SignalKind::terminate()) {
        Ok(mut term) => {
            tokio::select! {
                _ = tokio::signal::ctrl_c() => {}
                _ = term.recv() => {}
            }
        }
        Err(_) => {
            let _ = tokio::signal::ctrl_c().await;
        }
    }
}
