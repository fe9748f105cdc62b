//! Per-request overhead of the client against a bare reqwest GET plus
//! `serde_json::from_slice` of the same page, measured side by side in one run.
//!
//! cargo bench -p blinksale --bench overhead
//!
//! Both fetch `GET /clients?per_page=100` (100 clients) from the same in-process mock, in
//! alternating rounds so drift affects both alike. The client does everything it always does:
//! rate-limit bookkeeping, retry wrapper, envelope and typed decoding (exact decimals,
//! timestamps). The baseline decodes into `serde_json::Value`.
use std::time::{Duration, Instant};

use blinksale::{Client, ListParams};
use blinksale_mock::{MockConfig, MockServer};

const PER_ROUND: usize = 200;
const ROUNDS: usize = 15;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let mock = MockServer::start(MockConfig { rate_limit: 0, seed: 100, ..Default::default() }).expect("mock");
    let client = Client::builder().token(mock.token()).base_url(mock.url()).build().expect("client");
    // The workspace's reqwest has no TLS provider of its own: install one for this process.
    let _ = rustls::crypto::ring::default_provider().install_default();
    let bare = reqwest::Client::builder().tcp_nodelay(true).build().expect("reqwest");
    let url = format!("{}/clients?per_page=100", mock.url());
    let params = ListParams::new().per_page(100);

    let sdk_round = || async {
        let t = Instant::now();
        for _ in 0..PER_ROUND {
            let page = client.clients().list(&params).await.expect("list");
            assert_eq!(page.data.len(), 100);
        }
        t.elapsed() / PER_ROUND as u32
    };
    let bare_round = || async {
        let t = Instant::now();
        for _ in 0..PER_ROUND {
            let body =
                bare.get(&url).bearer_auth(mock.token()).header("accept", "application/json").send().await.expect("get").bytes().await.expect("body");
            let v: serde_json::Value = serde_json::from_slice(&body).expect("json");
            assert_eq!(v["data"].as_array().map(Vec::len), Some(100));
        }
        t.elapsed() / PER_ROUND as u32
    };

    // Warm both connection pools and caches.
    sdk_round().await;
    bare_round().await;
    let (mut sdk, mut base) = (Vec::new(), Vec::new());
    for i in 0..ROUNDS {
        if i % 2 == 0 {
            sdk.push(sdk_round().await);
            base.push(bare_round().await);
        } else {
            base.push(bare_round().await);
            sdk.push(sdk_round().await);
        }
    }
    let (s, b) = (median(sdk), median(base));
    println!("GET /clients?per_page=100, {ROUNDS} alternating rounds of {PER_ROUND} requests, median per request:");
    println!("  blinksale client (typed):         {:>8.1} µs", s.as_secs_f64() * 1e6);
    println!("  reqwest + serde_json::from_slice: {:>8.1} µs", b.as_secs_f64() * 1e6);
    println!("  ratio (client / bare):            {:>8.3}  (goal: under 1.10)", s.as_secs_f64() / b.as_secs_f64());
}
