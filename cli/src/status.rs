//! `blinksale auth status`: every place a token can come from (the `--token-file` flag, the
//! environment, each profile), the token masked to its last four characters, and whether it
//! works, by one read request each.
use std::time::Duration;

use blinksale::ops::OPERATIONS;
use blinksale::{Client, Error, Permission, RequestOptions, SecretToken, binding};
use serde_json::{Value, json};

use crate::args::{Format, Global};
use crate::credentials::{self, Origin};
use crate::exit::{self, Failure};
use crate::output;
use crate::profile;

/// How long a check waits, unless `--timeout` says otherwise: status must not hang on a dead host.
const CHECK_TIMEOUT: Duration = Duration::from_secs(10);

/// A client that checks `token` with one request: no retries unless `--max-retries` asks.
pub fn checking_client(global: &Global, token: &SecretToken, base_url: Option<&str>) -> Result<Client, Failure> {
    let mut builder = Client::builder()
        .token(token.expose_secret())
        .user_agent_suffix(format!("blinksale-cli/{}", env!("CARGO_PKG_VERSION")))
        .max_retries(global.max_retries.unwrap_or(0))
        .timeout(global.timeout.and_then(|s| Duration::try_from_secs_f64(s).ok()).unwrap_or(CHECK_TIMEOUT));
    if let Some(url) = base_url {
        builder = builder.base_url(url);
    }
    Ok(builder.build()?)
}

/// One read request: the first list that needs only `read` (a page of one item).
pub fn check(client: &Client) -> Result<(), Error> {
    let Some(op) = OPERATIONS.iter().find(|o| o.permission == Permission::Read && o.paginated() && !o.path.contains('{')) else {
        return Ok(());
    };
    let runtime = tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| Error::Config(e.to_string()))?;
    let query = vec![("per_page".to_string(), "1".to_string())];
    runtime.block_on(binding::execute(client, op, &[], query, None, &RequestOptions::default())).map(|_| ())
}

/// Lists the token sources; exits with the active one's failure, if it fails.
pub fn run(global: &Global) -> Result<(), Failure> {
    let mut origins = Vec::new();
    if let Some(path) = &global.token_file {
        origins.push(Origin::Flag(path.clone()));
    }
    if let Some((_, var)) = blinksale::token_from_environment()? {
        origins.push(Origin::Environment(var));
    }
    for (name, profile) in profile::load()?.profiles {
        origins.push(Origin::Profile { name, profile });
    }
    if origins.is_empty() {
        return Err(Failure::usage(format!(
            "not logged in: no profile in {} and no token in the environment (run `blinksale auth login`)",
            profile::config_dir().map(|d| profile::config_file(&d).display().to_string()).unwrap_or_else(|| "the config directory".into())
        )));
    }
    let active = credentials::active(global).ok().map(|o| o.label().to_string());
    let mut active_code = 0;
    let mut rows = Vec::new();
    for origin in &origins {
        let is_active = active.as_deref() == Some(origin.label());
        let (row, code) = row(global, origin, is_active);
        if is_active {
            active_code = code;
        }
        rows.push(row);
    }
    print(global, &rows)?;
    match active_code {
        0 => Ok(()),
        code => Err(Failure::Quiet(code)),
    }
}

fn print(global: &Global, rows: &[Value]) -> Result<(), Failure> {
    let format = global.output.unwrap_or(if std::io::IsTerminal::is_terminal(&std::io::stdout()) { Format::Table } else { Format::Json });
    let stdout = std::io::stdout();
    let mut out = stdout.lock();
    let mut sink = output::list_sink(format, None, &mut out);
    for row in rows {
        sink.item(row)?;
    }
    sink.finish()?;
    Ok(())
}

/// One origin's row and its exit code (0 when its token works).
fn row(global: &Global, origin: &Origin, active: bool) -> (Value, i32) {
    let mut base_url = origin.base_url(global);
    let (token, status, code) = match origin.token() {
        Err(f) => ("-".to_string(), f.line(), f.code()),
        Ok(token) => {
            let (status, code) = match checking_client(global, &token, base_url.as_deref()) {
                Ok(client) => {
                    base_url = Some(client.config().base_url().to_string());
                    verdict(check(&client))
                }
                Err(f) => (f.line(), f.code()),
            };
            (token.masked(), status, code)
        }
    };
    let row = json!({
        "profile": origin.label(),
        "active": active,
        "base_url": base_url.unwrap_or_default(),
        "source": origin.source(),
        "token": token,
        "status": status,
    });
    (row, code)
}

/// What one check found, and its exit code.
fn verdict(result: Result<(), Error>) -> (String, i32) {
    match result {
        Ok(()) => ("ok".into(), 0),
        // The token is valid: the server knew it and named what it lacks.
        Err(Error::PermissionDenied { .. }) => ("ok (lacks the read permission)".into(), 0),
        Err(e @ Error::Authentication(_)) => ("401: the API refused the token".into(), exit::code(&e)),
        Err(e @ (Error::Connection { .. } | Error::Timeout { .. })) => (format!("unreachable: {e}"), exit::code(&e)),
        Err(e) => (e.to_string(), exit::code(&e)),
    }
}
