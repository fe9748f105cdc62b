//! `blinksale-mock`: run the local Blinksale API server.
use std::sync::Arc;
use std::time::Duration;

use blinksale_mock::{CaFile, MockConfig, State, Tls, TokenSpec, serve};

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
  --tls                  serve HTTPS (HTTP/2 and HTTP/1.1) with a certificate for 127.0.0.1,
                         ::1 and localhost from a CA made at start
  --ca-file PATH         with --tls, write the CA there (PEM; default: a temporary file)
  --idle-timeout SECONDS close connections idle this long, as a load balancer does
  -h, --help             show this help
";

/// What the command line asked for.
struct Args {
    config: MockConfig,
    port_file: Option<String>,
    ca_file: Option<String>,
}

fn parse(args: Vec<String>) -> Result<Args, String> {
    let mut config = MockConfig { port: 4010, ..MockConfig::default() };
    let (mut port_file, mut ca_file) = (None, None);
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
        if flag == "--tls" {
            config.tls = true;
            continue;
        }
        let mut value = || inline.clone().or_else(|| it.next()).ok_or(format!("{flag} needs a value"));
        let number = |v: String| v.parse::<u64>().map_err(|_| format!("{flag} takes a whole number, not {v:?}"));
        match flag.as_str() {
            "--host" => config.host = value()?,
            "--port" => config.port = u16::try_from(number(value()?)?).map_err(|_| "--port is at most 65535")?,
            "--port-file" => port_file = Some(value()?),
            "--ca-file" => ca_file = Some(value()?),
            "--idle-timeout" => {
                let v = value()?;
                let secs = v.parse::<f64>().ok().and_then(|s| Duration::try_from_secs_f64(s).ok());
                config.idle_timeout = Some(secs.ok_or(format!("--idle-timeout takes a number of seconds, not {v:?}"))?);
            }
            "--token" => config.tokens.push(TokenSpec::parse(&value()?).map_err(|e| format!("--token: {e}"))?),
            "--rate-limit" => config.rate_limit = u32::try_from(number(value()?)?).map_err(|_| "--rate-limit is too large")?,
            "--window" => config.window = Duration::from_secs(number(value()?)?.max(1)),
            "--seed" => config.seed = usize::try_from(number(value()?)?.min(100_000)).unwrap_or(100_000),
            other => return Err(format!("unknown option {other:?}\n\n{USAGE}")),
        }
    }
    Ok(Args { config, port_file, ca_file })
}

#[tokio::main]
async fn main() {
    let Args { config, port_file, ca_file } = match parse(std::env::args().skip(1).collect()) {
        Ok(a) => a,
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
    let (tls, _ca) = if config.tls { secure(port, ca_file) } else { (None, None) };
    let scheme = if tls.is_some() { "https" } else { "http" };
    let state = Arc::new(State::new(config));
    println!("blinksale-mock listening on {scheme}://{host}:{port}/api/v1 ({tokens} token(s) accepted)");
    if let Some(path) = port_file {
        // Written whole then renamed, so a reader never sees an empty or partial file.
        let tmp = format!("{path}.tmp");
        if let Err(e) = std::fs::write(&tmp, port.to_string()).and_then(|()| std::fs::rename(&tmp, &path)) {
            eprintln!("blinksale-mock: cannot write {path}: {e}");
            std::process::exit(1);
        }
    }
    serve(listener, state.clone(), tls, shutdown_signal()).await;
    println!("blinksale-mock stopped: {}", state.tokens_summary());
}

/// The TLS acceptor and the CA file (a temporary one, removed at exit, unless `--ca-file`).
fn secure(port: u16, ca_file: Option<String>) -> (Option<tokio_rustls::TlsAcceptor>, Option<CaFile>) {
    let tls = Tls::generate(true).unwrap_or_else(|e| {
        eprintln!("blinksale-mock: {e}");
        std::process::exit(1);
    });
    let written = match &ca_file {
        Some(path) => std::fs::write(path, &tls.ca_pem).map(|()| (std::path::PathBuf::from(path), None)),
        None => CaFile::write(&tls.ca_pem, port).map(|f| (f.path().to_path_buf(), Some(f))),
    };
    match written {
        Ok((path, temporary)) => {
            println!("blinksale-mock CA (trust it as ca_bundle): {}", path.display());
            (Some(tls.acceptor), temporary)
        }
        Err(e) => {
            eprintln!("blinksale-mock: cannot write the CA: {e}");
            std::process::exit(1);
        }
    }
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
