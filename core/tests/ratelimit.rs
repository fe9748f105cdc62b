//! One limiter for the whole client: a 429 pauses every task until the reset.
mod common;
use std::time::Duration;

use blinksale::ListParams;
use blinksale_mock::{Fault, MockConfig};
use common::Env;

#[tokio::test]
async fn a_429_pauses_all_tasks_and_all_finish() {
    let env = Env::start();
    let api = env.client();
    // Warm up so every task starts with the limiter in a known state.
    api.units().list(&ListParams::new()).await.unwrap();
    env.mock.clear_requests();
    env.mock.inject(Fault::rate_limited(2).on("/units"));
    let mut tasks = Vec::new();
    for _ in 0..8 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..3 {
                api.units().list(&ListParams::new()).await?;
            }
            Ok::<_, blinksale::Error>(())
        }));
    }
    for t in tasks {
        t.await.unwrap().expect("every task finishes");
    }
    let log = env.mock.requests();
    let limited: Vec<_> = log.iter().filter(|r| r.status == Some(429)).collect();
    assert_eq!(limited.len(), 1);
    // Nothing may be sent between the 429's response and its reset. Requests already in
    // flight when it arrived were sent before the 429 was known, so count from its arrival
    // plus a margin for those.
    let at = limited[0].at_ms;
    let sent_during_pause = log.iter().filter(|r| r.at_ms > at + 150 && r.at_ms < at + 1_900).count();
    assert_eq!(sent_during_pause, 0, "requests were sent while the limiter should pause: {log:#?}");
    assert_eq!(log.iter().filter(|r| r.status == Some(200)).count(), 24);
}

#[tokio::test]
async fn the_limit_is_learned_from_headers_and_shared_by_clones() {
    let env = Env::with(MockConfig { rate_limit: 5, window: Duration::from_secs(1), ..Default::default() });
    let api = env.client();
    let clone = api.clone();
    for _ in 0..12 {
        clone.units().list(&ListParams::new()).await.unwrap();
    }
    let seen = api.rate_limit().expect("state is shared");
    assert_eq!(seen.limit, Some(5));
    assert!(env.mock.requests().iter().all(|r| r.status == Some(200)), "paced under 5 a second, no 429");
}

#[tokio::test]
async fn concurrent_bursts_stay_under_the_limit() {
    let env = Env::with(MockConfig { rate_limit: 10, window: Duration::from_secs(1), ..Default::default() });
    let api = env.client();
    api.units().list(&ListParams::new()).await.unwrap();
    let mut tasks = Vec::new();
    for _ in 0..6 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..5 {
                api.units().list(&ListParams::new()).await.unwrap();
            }
        }));
    }
    for t in tasks {
        t.await.unwrap();
    }
    let limited = env.mock.requests().iter().filter(|r| r.status == Some(429)).count();
    if limited > 0 {
        for r in env.mock.requests() {
            eprintln!("{} {} {:?}", r.seq, r.at_ms, r.status);
        }
    }
    assert_eq!(limited, 0);
}

#[tokio::test]
async fn a_server_that_sends_no_rate_headers_is_not_paced() {
    // Rate limiting off: no X-RateLimit-* headers. More than the default 120 requests must
    // go through without waiting for a window that will never be announced.
    let env = Env::start();
    let api = env.client();
    let started = std::time::Instant::now();
    for _ in 0..300 {
        api.units().list(&ListParams::new()).await.unwrap();
    }
    assert!(started.elapsed() < Duration::from_secs(30), "not throttled: {:?}", started.elapsed());
    assert_eq!(env.mock.requests().len(), 300);
}

#[tokio::test]
async fn cancelled_calls_leave_the_budget_intact() {
    // 10 requests / 2 s. Eight calls are dropped while the server holds them; once a new
    // window starts, eight more go out at once, as they would have without the cancellations.
    let env = Env::with(MockConfig { rate_limit: 10, window: Duration::from_secs(2), ..Default::default() });
    let api = env.client();
    api.units().list(&ListParams::new()).await.unwrap();
    env.mock.inject(Fault::delay(Duration::from_secs(5)).on("/units").times(8));
    let (units, params) = (api.units(), ListParams::new());
    for _ in 0..8 {
        assert!(tokio::time::timeout(Duration::from_millis(50), units.list(&params)).await.is_err(), "dropped while in flight");
    }
    tokio::time::sleep(Duration::from_millis(2100)).await;
    let started = std::time::Instant::now();
    for _ in 0..8 {
        api.units().list(&ListParams::new()).await.unwrap();
    }
    assert!(started.elapsed() < Duration::from_millis(1000), "paced as if nothing leaked: {:?}", started.elapsed());
    assert_eq!(env.mock.requests().iter().filter(|r| r.status == Some(429)).count(), 0);
}

#[tokio::test]
async fn one_error_page_without_headers_does_not_stop_pacing() {
    // A proxy's 502 page (no rate headers) in the middle of a paced run: the limit holds.
    let env = Env::with(MockConfig { rate_limit: 5, window: Duration::from_secs(1), ..Default::default() });
    let api = env.client();
    api.units().list(&ListParams::new()).await.unwrap();
    env.mock.inject(Fault::status(502).html().on("/units"));
    let mut tasks = Vec::new();
    for _ in 0..4 {
        let api = api.clone();
        tasks.push(tokio::spawn(async move {
            for _ in 0..3 {
                api.units().list(&ListParams::new()).await?;
            }
            Ok::<_, blinksale::Error>(())
        }));
    }
    for t in tasks {
        t.await.unwrap().unwrap();
    }
    assert_eq!(env.mock.requests().iter().filter(|r| r.status == Some(429)).count(), 0, "paced throughout");
}
