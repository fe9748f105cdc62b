//! The `blinksale` command line. [`run`] is the whole program: the binary calls it, and so do
//! the Python console script and `npx blinksale` through their native modules, so the
//! commands, output and exit codes are the same wherever it is installed.
use std::ffi::OsString;
use std::io::{IsTerminal, Write};

use blinksale::{Client, Method};
use clap::{ArgMatches, FromArgMatches};

mod args;
mod auth;
mod body;
mod credentials;
mod exit;
mod mcp;
mod mock;
mod operation;
mod otel;
mod output;
mod profile;
mod progress;
mod status;
mod store;

pub use args::Format;
pub use exit::EXIT_CODES_HELP;

use args::{Builtin, Global};
use exit::Failure;

/// Runs the command line `args` (the first is the program name) and returns the exit code.
/// Never panics across the call: a panic is reported as an internal error (exit 70).
pub fn run<I, T>(args: I) -> i32
where
    I: IntoIterator<Item = T>,
    T: Into<OsString> + Clone,
{
    let args: Vec<OsString> = args.into_iter().map(Into::into).collect();
    match std::panic::catch_unwind(move || run_args(args)) {
        Ok(code) => code,
        Err(_) => {
            let _ = writeln!(std::io::stderr(), "blinksale: internal error (a bug: please report it)");
            70
        }
    }
}

fn run_args(args: Vec<OsString>) -> i32 {
    let matches = match args::command().try_get_matches_from(args) {
        Ok(m) => m,
        Err(e) => {
            // --help and --version come this way too, with code 0.
            let _ = e.print();
            return e.exit_code();
        }
    };
    let global = match args::global(&matches) {
        Ok(g) => g,
        Err(e) => {
            let _ = e.print();
            return e.exit_code();
        }
    };
    let format = global.output.unwrap_or(if std::io::stdout().is_terminal() { Format::Table } else { Format::Json });
    let export = otel::start();
    let words: Vec<&str> = std::iter::successors(matches.subcommand(), |(_, m)| m.subcommand()).map(|(name, _)| name).collect();
    let span = export.as_ref().map(|_| otel::command_span(&words));
    let result = span.unwrap_or_else(tracing::Span::none).in_scope(|| dispatch(&matches, &global, format));
    if let Some(export) = export {
        export.finish();
    }
    match result {
        Ok(()) => 0,
        // The reader went away (`| head`): not an error.
        Err(Failure::Io(e)) if e.kind() == std::io::ErrorKind::BrokenPipe => 0,
        Err(failure) => {
            failure.report(global.output == Some(Format::Json));
            failure.code()
        }
    }
}

fn dispatch(matches: &ArgMatches, global: &Global, format: Format) -> Result<(), Failure> {
    let Some((name, sub)) = matches.subcommand() else { return Err(Failure::usage("no command given (try --help)")) };
    if matches!(name, "request" | "mock" | "completions" | "auth" | "mcp") {
        let builtin = Builtin::from_arg_matches(matches).map_err(|e| Failure::usage(e.to_string()))?;
        return match builtin {
            Builtin::Completions { shell } => {
                clap_complete::generate(shell, &mut args::command(), "blinksale", &mut std::io::stdout().lock());
                Ok(())
            }
            Builtin::Auth { action } => auth::run(&action, global),
            Builtin::Mcp { allow, resources, tools, list, max_items } => {
                let selection = mcp::tools::Selection { allow, resources, tools, max_items };
                if list {
                    return mcp::list(&selection, format == Format::Json);
                }
                let client = client(global)?;
                block_on(&client, mcp::serve(client.clone(), selection))
            }
            Builtin::Mock { port, seed, rate_limit, window, tokens, tls } => {
                mock::run(mock::Options { port, seed, rate_limit, window, tls }, &tokens)
            }
            Builtin::Request { method, path, query, body } => {
                let method = Method::parse(&method)?;
                let query = body::pairs(&query, "--query")?;
                let data = body::build(None, body.data.as_deref(), &body.fields)?;
                let client = client(global)?;
                block_on(&client, operation::request(&client, method, &path, &query, data, format))
            }
        };
    }
    let Some((action, op_matches)) = sub.subcommand() else { return Err(Failure::usage(format!("{name}: no action given"))) };
    let op = args::find_op(name, action).ok_or_else(|| Failure::usage(format!("unknown command {name} {action}")))?;
    let client = client(global)?;
    block_on(&client, operation::run(&client, op, op_matches, format))
}

/// Runs the command, then lets a shared rate-limit store's bookkeeping finish.
fn block_on<F: std::future::Future<Output = Result<(), Failure>>>(client: &Client, future: F) -> Result<(), Failure> {
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build()?;
    runtime.block_on(async {
        let result = future.await;
        client.settle().await;
        result
    })
}

/// The client from the global options; the token from `--token-file`, the environment or a
/// profile (a token file is read again when it changes, so a long export survives a rotation).
fn client(global: &Global) -> Result<Client, Failure> {
    let builder = Client::builder().user_agent_suffix(format!("blinksale-cli/{}", env!("CARGO_PKG_VERSION")));
    let mut builder = credentials::active(global)?.apply(global, builder)?;
    if let Some(secs) = global.timeout {
        let timeout =
            std::time::Duration::try_from_secs_f64(secs).map_err(|_| Failure::usage(format!("--timeout {secs}: not a number of seconds")))?;
        builder = builder.timeout(timeout);
    }
    if let Some(n) = global.max_retries {
        builder = builder.max_retries(n);
    }
    if global.verbose > 0 {
        // -v: one line per request; -vv: retries and waits too.
        let most = if global.verbose > 1 { blinksale::log::rank(&tracing::Level::DEBUG) } else { blinksale::log::rank(&tracing::Level::INFO) };
        builder = builder.log_sink(move |level, line| {
            if blinksale::log::rank(&level) <= most {
                let _ = writeln!(std::io::stderr(), "{line}");
            }
        });
    }
    Ok(builder.build()?)
}
