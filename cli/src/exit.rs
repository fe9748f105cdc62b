//! Exit codes and error messages. Every front door (the binary, the Python console script,
//! `npx blinksale`) exits through here, so codes and text are the same in all three.
use std::io::Write;

use blinksale::Error;

/// The `--help` text that documents the exit codes.
pub const EXIT_CODES_HELP: &str = "\
Exit codes:
  0   success
  1   other API error (an unexpected 4xx)
  2   usage: bad arguments, input that cannot be sent, no token
  3   authentication failed (401)
  4   permission denied (403): the token lacks read, write or send
  5   not found (404)
  6   validation failed (422)
  7   rate limited (429, after retries)
  8   server error (5xx, after retries)
  9   network error or timeout
  10  the response could not be decoded
  130 interrupted";

/// Usage errors: clap's own code, used for everything refused before a request.
pub const USAGE: i32 = 2;

/// The exit code for a core error.
pub fn code(error: &Error) -> i32 {
    match error {
        Error::Authentication(_) => 3,
        Error::PermissionDenied { .. } => 4,
        Error::NotFound(_) => 5,
        Error::Validation(_) => 6,
        Error::RateLimited { .. } => 7,
        Error::Server(_) => 8,
        Error::Timeout { .. } | Error::Connection { .. } => 9,
        Error::Decode { .. } => 10,
        Error::InvalidRequest { .. } | Error::Config(_) => USAGE,
        Error::Aborted { .. } => 130,
        _ => 1,
    }
}

/// Why a command failed: an API error, or a usage or I/O problem found by the CLI.
#[derive(Debug)]
pub enum Failure {
    /// From the core.
    Api(Error),
    /// Refused before any request (bad `--data`, unreadable token file).
    Usage(String),
    /// Writing the output failed (other than a closed pipe).
    Io(std::io::Error),
    /// The output already said what failed (`auth status`): only the exit code is left.
    Quiet(i32),
}

impl Failure {
    pub fn usage(message: impl Into<String>) -> Failure {
        Failure::Usage(message.into())
    }

    pub fn code(&self) -> i32 {
        match self {
            Failure::Api(e) => code(e),
            Failure::Usage(_) => USAGE,
            Failure::Io(_) => 1,
            Failure::Quiet(code) => *code,
        }
    }

    /// One human line, or with `--output json` the error object, on stderr.
    pub fn report(&self, json: bool) {
        if let Failure::Quiet(_) = self {
            return;
        }
        let mut err = std::io::stderr().lock();
        let _ = if json {
            let value = match self {
                Failure::Api(e) => e.to_json(),
                Failure::Usage(m) => serde_json::json!({"code": "usage", "message": m}),
                Failure::Io(e) => serde_json::json!({"code": "io", "message": e.to_string()}),
                Failure::Quiet(_) => return,
            };
            writeln!(err, "{}", serde_json::json!({ "error": value }))
        } else {
            writeln!(err, "blinksale: {}", self.line())
        };
    }

    /// The one-line message.
    pub fn line(&self) -> String {
        match self {
            Failure::Api(e) => {
                let mut line = e.to_string();
                if let Some(id) = e.request_id() {
                    line.push_str(&format!(" [request id {id}]"));
                }
                line
            }
            Failure::Usage(m) => m.clone(),
            Failure::Io(e) => format!("cannot write the output: {e}"),
            Failure::Quiet(code) => format!("exit code {code}"),
        }
    }
}

impl From<Error> for Failure {
    fn from(e: Error) -> Failure {
        Failure::Api(e)
    }
}

impl From<std::io::Error> for Failure {
    fn from(e: std::io::Error) -> Failure {
        Failure::Io(e)
    }
}
