//! HTTP/2 against HTTP/1.1, both over TLS to the TLS mock, side by side in one run: 32 tasks
//! calling at once through one client, which multiplexes them on one HTTP/2 connection or
//! opens a pool of HTTP/1.1 connections (the mock offers only `http/1.1` by ALPN for that row).
//!
//! cargo bench -p blinksale --bench protocols
use std::time::{Duration, Instant};

use blinksale::{Client, ListParams};
use blinksale_mock::{MockConfig, MockServer};

const TASKS: usize = 32;
const PER_TASK: usize = 20;
const ROUNDS: usize = 9;

fn median(mut v: Vec<Duration>) -> Duration {
    v.sort();
    v[v.len() / 2]
}

/// One round: every task makes its calls; the time per call.
async fn round(client: &Client) -> Duration {
    let t = Instant::now();
    let tasks = (0..TASKS).map(|_| {
        let client = client.clone();
        tokio::spawn(async move {
            for _ in 0..PER_TASK {
                let page = client.clients().list(&ListParams::new().per_page(100)).await.expect("list");
                assert_eq!(page.data.len(), 100);
            }
        })
    });
    for task in tasks.collect::<Vec<_>>() {
        task.await.expect("task");
    }
    t.elapsed() / (TASKS * PER_TASK) as u32
}

fn client(mock: &MockServer) -> Client {
    let ca = mock.ca_path().expect("a TLS mock");
    Client::builder().token(mock.token()).base_url(mock.url()).ca_bundle(ca).rate_limit(1_000_000).build().expect("client")
}

#[tokio::main]
async fn main() {
    let config = |http2| MockConfig { rate_limit: 0, seed: 100, tls: true, http2, ..Default::default() };
    let (h2_mock, h1_mock) = (MockServer::start(config(true)).expect("mock"), MockServer::start(config(false)).expect("mock"));
    let (h2, h1) = (client(&h2_mock), client(&h1_mock));
    round(&h2).await;
    round(&h1).await;
    let (mut over_h2, mut over_h1) = (Vec::new(), Vec::new());
    for i in 0..ROUNDS {
        // Alternating order, so drift falls on both alike.
        if i % 2 == 0 {
            over_h2.push(round(&h2).await);
            over_h1.push(round(&h1).await);
        } else {
            over_h1.push(round(&h1).await);
            over_h2.push(round(&h2).await);
        }
    }
    let connections = |m: &MockServer| m.requests().iter().map(|r| r.connection).collect::<std::collections::BTreeSet<_>>().len();
    let (a, b) = (median(over_h2), median(over_h1));
    println!("{TASKS} tasks x {PER_TASK} calls, GET /clients?per_page=100 over TLS, median of {ROUNDS} rounds:");
    println!("  HTTP/2   {:>7.1} µs a call ({} connection(s))", a.as_secs_f64() * 1e6, connections(&h2_mock));
    println!("  HTTP/1.1 {:>7.1} µs a call ({} connection(s))", b.as_secs_f64() * 1e6, connections(&h1_mock));
    println!("  HTTP/2 / HTTP/1.1 time per call: {:.2}", a.as_secs_f64() / b.as_secs_f64());
}
