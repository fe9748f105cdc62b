//! The rate limit shared through Redis: clients that share nothing but the store pace to one
//! budget, the keys never hold the token, and a store that is gone never fails a call.
//! Starts its own redis-server (`make test` and `.ci/run` make sure there is one).
#![cfg(feature = "redis-store")]
mod common;

use std::sync::{Arc, Mutex};
use std::time::Duration;

use blinksale::{Client, ListParams};
use blinksale_mock::MockConfig;
use common::{Env, TOKEN};
#[path = "common/redis.rs"]
mod redis_server;
use redis_server::Redis;

/// A `rediss://` store checked against `ca_bundle` (the same option as the API's) shares the
/// budget; without that CA the client paces on its own and says the store failed.
#[tokio::test]
async fn a_tls_store_is_trusted_through_ca_bundle() {
    let redis = Redis::start_tls();
    let env = Env::with(MockConfig { rate_limit: 50, ..Default::default() });
    let trusting = Client::builder().token(TOKEN).base_url(env.mock.url()).rate_limit_store(redis.url()).ca_bundle(redis.ca.as_ref().unwrap());
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    let client = trusting.log_sink(move |_, l| sink.lock().unwrap().push(l.to_string())).build().unwrap();
    for _ in 0..3 {
        client.units().list(&ListParams::new()).await.unwrap();
    }
    client.settle().await;
    assert!(!redis.keys().is_empty(), "the budget is kept in the TLS store");
    assert!(lines.lock().unwrap().iter().all(|l| !l.contains("store failed")), "{:?}", lines.lock().unwrap());
    let lines = Arc::new(Mutex::new(Vec::new()));
    let untrusting = shared_client(&env, &redis.url(), Some(lines.clone()));
    untrusting.units().list(&ListParams::new()).await.unwrap();
    assert!(lines.lock().unwrap().iter().any(|l| l.contains("store failed")), "{:?}", lines.lock().unwrap());
}

fn shared_client(env: &Env, store: &str, lines: Option<Arc<Mutex<Vec<String>>>>) -> Client {
    let mut b = Client::builder().token(TOKEN).base_url(env.mock.url()).rate_limit_store(store).max_retries(0);
    if let Some(lines) = lines {
        b = b.log_sink(move |_, line| lines.lock().unwrap().push(line.to_string()));
    }
    b.build().unwrap()
}

/// Two clients that share nothing in-process (as two processes would not) and 8 tasks each.
#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn clients_sharing_a_store_pace_to_one_budget() {
    let redis = Redis::start();
    let env = Env::with(MockConfig { rate_limit: 20, window: Duration::from_secs(2), ..Default::default() });
    let lines = Arc::new(Mutex::new(Vec::new()));
    let clients = [shared_client(&env, &redis.url(), Some(lines.clone())), shared_client(&env, &redis.url(), Some(lines.clone()))];
    let mut tasks = Vec::new();
    for client in clients.iter().cycle().take(16) {
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..3 {
                client.units().list(&ListParams::new()).await?;
            }
            Ok::<_, blinksale::Error>(())
        }));
    }
    for t in tasks {
        let outcome = t.await.unwrap();
        assert!(outcome.is_ok(), "no call fails: {outcome:?}; store warnings: {:?}", lines.lock().unwrap());
    }
    let statuses: Vec<u16> = env.mock.requests().iter().filter_map(|r| r.status).collect();
    assert_eq!(statuses.len(), 48);
    assert!(statuses.iter().all(|s| *s == 200), "{statuses:?}");

    // The keys are a hash under the prefix; the token never reaches the store.
    let keys = redis.keys();
    assert!(!keys.is_empty() && keys.iter().all(|k| k.starts_with("blinksale:ratelimit:")), "{keys:?}");
    assert!(keys.iter().all(|k| !k.contains(TOKEN)));
}

#[tokio::test]
async fn a_missing_store_never_fails_a_call_and_warns_once() {
    let env = Env::start();
    let lines = Arc::new(Mutex::new(Vec::new()));
    // Nothing listens on port 1.
    let client = shared_client(&env, "redis://:hunter2@127.0.0.1:1/0", Some(lines.clone()));
    for _ in 0..5 {
        client.units().list(&ListParams::new()).await.expect("the call goes through without the store");
    }
    let lines = lines.lock().unwrap();
    let warnings: Vec<&String> = lines.iter().filter(|l| l.contains("rate-limit store failed")).collect();
    assert_eq!(warnings.len(), 1, "{lines:?}");
    assert!(!warnings[0].contains("hunter2"), "the store's password is never shown: {}", warnings[0]);
    assert!(!format!("{:?}", client.config()).contains("hunter2"));
}

#[tokio::test]
async fn a_store_that_dies_mid_run_leaves_the_job_to_finish() {
    let mut redis = Redis::start();
    let env = Env::start();
    let lines = Arc::new(Mutex::new(Vec::new()));
    let client = shared_client(&env, &redis.url(), Some(lines.clone()));
    for _ in 0..3 {
        client.units().list(&ListParams::new()).await.unwrap();
    }
    assert!(!redis.keys().is_empty(), "the store was in use");
    redis.child.kill().unwrap();
    redis.child.wait().unwrap();
    for _ in 0..5 {
        client.units().list(&ListParams::new()).await.expect("the job goes on");
    }
    assert_eq!(lines.lock().unwrap().iter().filter(|l| l.contains("rate-limit store failed")).count(), 1);
}

/// A request that went out and got no answer (timed out) may still be counted by the server:
/// its slot stays taken until the window ends, so the next call waits instead of meeting a 429.
#[tokio::test]
async fn a_request_without_an_answer_keeps_its_slot_until_the_window_ends() {
    let redis = Redis::start();
    let env = Env::with(MockConfig { rate_limit: 2, window: Duration::from_secs(2), ..Default::default() });
    let client = Client::builder()
        .token(TOKEN)
        .base_url(env.mock.url())
        .rate_limit_store(redis.url())
        .max_retries(0)
        .timeout(Duration::from_millis(500))
        .build()
        .unwrap();
    client.units().list(&ListParams::new()).await.unwrap();
    env.mock.inject(blinksale_mock::Fault::delay(Duration::from_secs(1)));
    let e = client.units().list(&ListParams::new()).await.unwrap_err();
    assert_eq!(e.code(), "timeout");
    // The server counted the timed-out request once it served it: the budget is spent.
    client.units().list(&ListParams::new()).await.expect("the third call waits for the next window");
    let statuses: Vec<Option<u16>> = env.mock.requests().iter().map(|r| r.status).collect();
    assert!(!statuses.contains(&Some(429)), "{statuses:?}");
    assert_eq!(statuses.len(), 3);
}
