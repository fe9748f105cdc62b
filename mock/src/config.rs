//! Server settings, shared by the library API and the command line.
use std::time::Duration;

/// A token permission, as set when a Blinksale API token is created.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Permission {
    /// View resources (every GET).
    Read,
    /// Create, update and delete resources.
    Write,
    /// Send estimates and invoices by email.
    Send,
}

impl Permission {
    /// The lowercase name used on the command line and in error messages.
    pub fn as_str(self) -> &'static str {
        match self {
            Permission::Read => "read",
            Permission::Write => "write",
            Permission::Send => "send",
        }
    }
}

/// A token the server accepts, with its permissions.
#[derive(Clone)]
pub struct TokenSpec {
    /// The bearer token value.
    pub value: String,
    /// What the token may do.
    pub permissions: Vec<Permission>,
}

impl std::fmt::Debug for TokenSpec {
    // The value is a secret even in a mock: it may be a copy of a real token.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("TokenSpec").field("value", &"[redacted]").field("permissions", &self.permissions).finish()
    }
}

impl TokenSpec {
    /// A token with the given permissions.
    pub fn new(value: impl Into<String>, permissions: &[Permission]) -> Self {
        TokenSpec { value: value.into(), permissions: permissions.to_vec() }
    }

    /// Reads `{"token": VALUE, "permissions": ["read", …]}` (the admin API; every permission
    /// when `permissions` is absent).
    pub fn from_json(body: &[u8]) -> Result<Self, String> {
        let v: serde_json::Value = serde_json::from_slice(body).map_err(|e| format!("invalid JSON: {e}"))?;
        let value = v.get("token").and_then(|t| t.as_str()).ok_or("\"token\" (a string) is required")?;
        let perms = match v.get("permissions") {
            None | Some(serde_json::Value::Null) => None,
            Some(serde_json::Value::Array(list)) => {
                Some(list.iter().map(|p| p.as_str().ok_or("permissions must be strings")).collect::<Result<Vec<_>, _>>()?.join(","))
            }
            Some(_) => return Err("permissions must be a list".into()),
        };
        TokenSpec::parse(&match perms {
            Some(p) => format!("{value}:{p}"),
            None => value.to_string(),
        })
    }

    /// Parses `VALUE:read,write,send` (the `--token` flag). A value alone gets all three.
    pub fn parse(spec: &str) -> Result<Self, String> {
        let (value, perms) = match spec.rsplit_once(':') {
            Some((v, p)) => (v, Some(p)),
            None => (spec, None),
        };
        if value.is_empty() || value.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err("a token must be non-empty, without whitespace".into());
        }
        let permissions = match perms {
            None => vec![Permission::Read, Permission::Write, Permission::Send],
            Some(list) => list
                .split(',')
                .filter(|p| !p.is_empty())
                .map(|p| match p.trim() {
                    "read" => Ok(Permission::Read),
                    "write" => Ok(Permission::Write),
                    "send" => Ok(Permission::Send),
                    other => Err(format!("unknown permission {other:?} (expected read, write or send)")),
                })
                .collect::<Result<_, _>>()?,
        };
        Ok(TokenSpec { value: value.to_string(), permissions })
    }
}

/// Everything the mock server can be told at start.
#[derive(Clone, Debug)]
pub struct MockConfig {
    /// Address to bind; loopback unless told otherwise.
    pub host: String,
    /// Port to bind; 0 picks a free one.
    pub port: u16,
    /// Accepted tokens. Empty means the default `demo-token` with every permission.
    pub tokens: Vec<TokenSpec>,
    /// Requests allowed per window and token; 0 turns rate limiting off.
    pub rate_limit: u32,
    /// Length of the rate-limit window.
    pub window: Duration,
    /// Extra clients and invoices added to the demo data, for pagination tests.
    pub seed: usize,
    /// Largest request body accepted.
    pub max_body_bytes: usize,
    /// Serve HTTPS (HTTP/2 and HTTP/1.1 by ALPN) with a certificate from a CA made at start.
    pub tls: bool,
    /// With `tls`, offer HTTP/2 (else HTTP/1.1 only, as some servers and proxies do).
    pub http2: bool,
    /// Close a connection once it has been idle this long, as load balancers do.
    pub idle_timeout: Option<Duration>,
}

/// The token accepted when none is configured.
pub const DEFAULT_TOKEN: &str = "demo-token";

impl Default for MockConfig {
    fn default() -> Self {
        MockConfig {
            host: "127.0.0.1".into(),
            port: 0,
            tokens: Vec::new(),
            rate_limit: 120,
            window: Duration::from_secs(60),
            seed: 0,
            max_body_bytes: 1024 * 1024,
            tls: false,
            http2: true,
            idle_timeout: None,
        }
    }
}

/// A duration given in seconds (a window, an idle timeout), checked once for every language:
/// positive and finite, or an error naming the option.
pub fn seconds(name: &str, secs: f64) -> Result<Duration, String> {
    Duration::try_from_secs_f64(secs).ok().filter(|d| !d.is_zero()).ok_or(format!("{name} must be a positive number of seconds"))
}

impl MockConfig {
    /// The tokens in force: the configured ones, or the default.
    pub fn effective_tokens(&self) -> Vec<TokenSpec> {
        if self.tokens.is_empty() {
            vec![TokenSpec::new(DEFAULT_TOKEN, &[Permission::Read, Permission::Write, Permission::Send])]
        } else {
            self.tokens.clone()
        }
    }
}
