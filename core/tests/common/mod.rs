//! A mock started in-process, and clients pointed at it.
#![allow(dead_code)]
use blinksale::Client;
use blinksale_mock::{MockConfig, MockServer, Permission, TokenSpec};

pub const TOKEN: &str = "tok_test_0123456789abcdef";

pub struct Env {
    pub mock: MockServer,
}

impl Env {
    /// A mock with rate limiting off, the full token, and one token per permission.
    pub fn start() -> Env {
        Env::with(MockConfig { rate_limit: 0, ..Default::default() })
    }

    pub fn with(mut config: MockConfig) -> Env {
        config.tokens = vec![
            TokenSpec::new(TOKEN, &[Permission::Read, Permission::Write, Permission::Send]),
            TokenSpec::new("tok_read", &[Permission::Read]),
            TokenSpec::new("tok_write", &[Permission::Write]),
            TokenSpec::new("tok_send", &[Permission::Send]),
        ];
        Env { mock: MockServer::start(config).expect("mock starts") }
    }

    pub fn client(&self) -> Client {
        self.client_as(TOKEN)
    }

    pub fn client_as(&self, token: &str) -> Client {
        Client::builder().token(token).base_url(self.mock.url()).build().expect("client")
    }

    /// A client that does not retry, to see each failure as it comes.
    pub fn no_retry(&self) -> Client {
        Client::builder().token(TOKEN).base_url(self.mock.url()).max_retries(0).build().expect("client")
    }

    /// Requests logged with this method and path (below /api/v1).
    pub fn count(&self, method: &str, path: &str) -> usize {
        let full = format!("/api/v1{path}");
        self.mock.requests().iter().filter(|r| r.method == method && r.path == full).count()
    }
}

pub fn dec(s: &str) -> blinksale::Decimal {
    s.parse().expect("decimal")
}
