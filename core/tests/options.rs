//! Per-request options (timeout, retries, headers, extra query and body), `with_options`,
//! and cancellation through a `CancelToken`.
mod common;

use std::time::{Duration, Instant};

use blinksale::resources::*;
use blinksale::{CancelToken, Error, ListParams, RequestOptions};
use blinksale_mock::Fault;
use common::Env;

#[tokio::test]
async fn headers_query_and_body_extras_reach_the_server() {
    let env = Env::start();
    let api = blinksale::Client::builder().token(common::TOKEN).base_url(env.mock.url()).default_header("X-Team", "billing").build().unwrap();
    let opts = RequestOptions::new().header("X-Trace", "t-1").header("x-team", "ops").query("expand", "client").body_field("memo", "hi".into());
    let unit = api.units().options(opts).create(&UnitInput { name: "Crate".into(), ..Default::default() }).await.unwrap();
    assert_eq!(unit.name, "Crate");
    let logged = env.mock.requests().pop().unwrap();
    assert_eq!(logged.headers.get("x-trace").map(String::as_str), Some("t-1"));
    assert_eq!(logged.headers.get("x-team").map(String::as_str), Some("ops"), "a request header replaces the client's");
    assert!(!logged.headers.contains_key("authorization"), "the mock never logs the token");
    assert_eq!(logged.query.as_deref(), Some("expand=client"));
    let body = logged.body.unwrap();
    assert_eq!((body["name"].as_str(), body["memo"].as_str()), (Some("Crate"), Some("hi")));
}

#[tokio::test]
async fn with_options_shares_the_pool_and_the_limiter() {
    let env = Env::with(blinksale_mock::MockConfig { rate_limit: 50, ..Default::default() });
    let api = env.client();
    let other = api.with_options(&RequestOptions::new().max_retries(0).header("X-Team", "ops")).unwrap();
    other.units().list(&ListParams::new()).await.unwrap();
    let seen = api.rate_limit().expect("the parent sees the state the derived client received");
    assert_eq!(seen.limit, Some(50));
    assert_eq!(other.config().max_retries(), 0);
    assert_eq!(api.config().max_retries(), 2, "the parent keeps its own settings");
    assert_eq!(env.mock.requests()[0].headers.get("x-team").map(String::as_str), Some("ops"));
    env.mock.inject(Fault::status(503).on("/units").times(1));
    assert_eq!(other.units().list(&ListParams::new()).await.unwrap_err().code(), "server", "no retry on the derived client");
    assert!(api.with_options(&RequestOptions::new().header("Authorization", "x")).is_err());
}

/// The copy a runtime of its own drives (a thread's, in Python's blocking calls): the same
/// settings and budget, and connections that live on the runtime that drives it.
#[test]
fn with_own_connections_shares_the_limiter_on_another_runtime() {
    let env = Env::with(blinksale_mock::MockConfig { rate_limit: 50, ..Default::default() });
    let api = env.client();
    let copy = api.with_own_connections().unwrap();
    assert!(!api.works_between_calls(), "without a shared store nothing runs between calls");
    for _ in 0..2 {
        // A runtime per call, as a thread that drives its own: each finds its connections.
        let rt = tokio::runtime::Builder::new_current_thread().enable_all().build().unwrap();
        rt.block_on(copy.units().list(&ListParams::new())).unwrap();
    }
    let seen = api.rate_limit().expect("the original sees the state the copy received");
    assert_eq!(seen.limit, Some(50));
    assert_eq!(copy.config().max_retries(), api.config().max_retries());
}

#[tokio::test]
async fn a_request_timeout_overrides_the_clients() {
    let env = Env::start();
    env.mock.inject(Fault::delay(Duration::from_millis(800)).on("/units"));
    let started = Instant::now();
    let e = env.no_retry().units().options(RequestOptions::new().timeout(Duration::from_millis(100))).list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(e, Error::Timeout { .. }), "{e:?}");
    assert!(started.elapsed() < Duration::from_millis(700));
}

#[tokio::test]
async fn a_cancel_token_drops_the_request_at_once() {
    let env = Env::start();
    env.mock.inject(Fault::delay(Duration::from_secs(3)).on("/units"));
    let api = env.client();
    let token = CancelToken::new();
    let canceller = token.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        canceller.cancel();
    });
    let started = Instant::now();
    let e = token.run(api.units().list(&ListParams::new())).await.unwrap_err();
    assert!(matches!(e, Error::Aborted { write_sent: false }), "{e:?}");
    assert_eq!(e.code(), "aborted");
    assert!(started.elapsed() < Duration::from_millis(1000), "{:?}", started.elapsed());
    // Cancelled before it starts: nothing is sent.
    env.mock.clear_requests();
    assert!(matches!(token.run(api.units().list(&ListParams::new())).await, Err(Error::Aborted { .. })));
    assert!(env.mock.requests().is_empty());
}

#[tokio::test]
async fn a_cancelled_write_is_not_retried_and_says_it_may_have_happened() {
    let env = Env::start();
    env.mock.inject(Fault::delay(Duration::from_millis(800)).on("/units").method("POST"));
    let api = env.client();
    let token = CancelToken::new();
    let canceller = token.clone();
    tokio::spawn(async move {
        tokio::time::sleep(Duration::from_millis(100)).await;
        canceller.cancel();
    });
    let e = token.run(api.units().create(&UnitInput { name: "Crate".into(), ..Default::default() })).await.unwrap_err();
    assert!(matches!(e, Error::Aborted { write_sent: true }), "{e:?}");
    assert!(e.to_string().contains("may have happened"), "{e}");
    tokio::time::sleep(Duration::from_millis(1000)).await;
    assert_eq!(env.count("POST", "/units"), 1, "sent once, never retried");
}

#[tokio::test]
async fn a_deadline_bounds_waits_retries_and_backoff() {
    let env = Env::start();
    // Rate limited for 5 s, then slow: without a deadline this call takes over 5 s.
    env.mock.inject(Fault::rate_limited(5).on("/units"));
    env.mock.inject(Fault::delay(Duration::from_secs(3)).on("/units"));
    let started = Instant::now();
    let e = env.client().units().options(RequestOptions::new().deadline(Duration::from_secs(1))).list(&ListParams::new()).await.unwrap_err();
    let took = started.elapsed();
    assert!(matches!(e, Error::Timeout { after } if after == Duration::from_secs(1)), "{e:?}");
    assert!(took >= Duration::from_millis(950) && took < Duration::from_millis(1300), "{took:?}");
    let client = blinksale::Client::builder().token(common::TOKEN).base_url(env.mock.url()).deadline(Duration::from_millis(300)).build().unwrap();
    assert_eq!(client.config().deadline(), Some(Duration::from_millis(300)));
}

#[tokio::test]
async fn a_body_over_the_cap_is_refused_after_reading_no_more() {
    let env = Env::with(blinksale_mock::MockConfig { rate_limit: 0, seed: 100, ..Default::default() });
    let small = blinksale::Client::builder().token(common::TOKEN).base_url(env.mock.url()).max_response_bytes(4096).build().unwrap();
    let e = small.clients().list(&ListParams::new().per_page(100)).await.unwrap_err();
    match &e {
        Error::Decode { message, .. } => assert!(message.contains("larger than the limit of 4096 bytes"), "{message}"),
        other => panic!("{other:?}"),
    }
    assert_eq!(small.config().max_response_bytes(), 4096);
    assert_eq!(env.client().config().max_response_bytes(), 64 * 1024 * 1024, "64 MiB by default");
    assert!(small.units().list(&ListParams::new()).await.is_ok(), "small bodies still pass");
}

/// Without the `redis-store` feature a configured store is refused when the client is built,
/// never silently ignored; no connection is made.
#[cfg(not(feature = "redis-store"))]
#[test]
fn a_rate_limit_store_needs_the_feature() {
    let e = blinksale::Client::builder().token("t").rate_limit_store("redis://127.0.0.1:6379").build().unwrap_err();
    assert_eq!(e.code(), "config");
    assert!(e.to_string().contains("redis-store"), "{e}");
}
