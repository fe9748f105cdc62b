//! A small HTTP helper over a mock started in-process.
#![allow(dead_code)]
use blinksale_mock::{MockConfig, MockServer, Permission, TokenSpec};
use reqwest::header::HeaderMap;
use serde_json::Value;

pub struct Api {
    pub mock: MockServer,
    pub http: reqwest::Client,
}

pub struct Resp {
    pub status: u16,
    pub headers: HeaderMap,
    pub body: Value,
    pub text: String,
}

impl Resp {
    pub fn header(&self, name: &str) -> Option<&str> {
        self.headers.get(name).and_then(|v| v.to_str().ok())
    }
    pub fn data(&self) -> &Value {
        &self.body["data"]
    }
    pub fn id(&self) -> String {
        self.body["data"]["id"].as_str().expect("data.id").to_string()
    }
}

pub const ALL: &[Permission] = &[Permission::Read, Permission::Write, Permission::Send];

impl Api {
    /// A mock with `demo-token` (all permissions) plus one token per single permission.
    pub fn start() -> Api {
        Api::with(MockConfig::default())
    }

    pub fn with(mut config: MockConfig) -> Api {
        if config.tokens.is_empty() {
            config.tokens = vec![
                TokenSpec::new("demo-token", ALL),
                TokenSpec::new("read-only", &[Permission::Read]),
                TokenSpec::new("write-only", &[Permission::Write]),
                TokenSpec::new("send-only", &[Permission::Send]),
            ];
        }
        let mock = MockServer::start(config).expect("mock starts");
        Api { mock, http: http_client() }
    }

    pub async fn call(&self, method: &str, path: &str, body: Option<Value>) -> Resp {
        self.call_as("demo-token", method, path, body).await
    }

    pub async fn call_as(&self, token: &str, method: &str, path: &str, body: Option<Value>) -> Resp {
        let url = format!("{}{}", self.mock.url(), path);
        let mut req = self.http.request(method.parse().expect("method"), url).header("Accept", "application/json");
        if !token.is_empty() {
            req = req.bearer_auth(token);
        }
        if let Some(b) = body {
            req = req.json(&b);
        }
        let resp = req.send().await.expect("request");
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp { status, headers, body, text }
    }

    pub async fn raw(&self, method: &str, path: &str, token: &str, body: Vec<u8>) -> Resp {
        let url = format!("{}{}", self.mock.url(), path);
        let resp = self
            .http
            .request(method.parse().expect("method"), url)
            .bearer_auth(token)
            .header("content-type", "application/json")
            .body(body)
            .send()
            .await
            .expect("request");
        let status = resp.status().as_u16();
        let headers = resp.headers().clone();
        let text = resp.text().await.expect("body");
        let body = serde_json::from_str(&text).unwrap_or(Value::Null);
        Resp { status, headers, body, text }
    }

    /// The id of the first item of a list.
    pub async fn first_id(&self, path: &str) -> String {
        let r = self.call("GET", path, None).await;
        r.body["data"][0]["id"].as_str().expect("a seeded item").to_string()
    }
}

/// A plain HTTP client for the tests. The workspace builds reqwest without a TLS provider
/// (the SDK brings its own), so one is installed for the tests' process.
pub fn http_client() -> reqwest::Client {
    let _ = rustls::crypto::ring::default_provider().install_default();
    reqwest::Client::new()
}
