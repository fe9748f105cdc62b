//! Retries per fault kind, and the guarantee that a create is never performed twice: every
//! case is checked on the mock's request log and on the data it holds.
mod common;
use std::time::{Duration, Instant};

use blinksale::resources::*;
use blinksale::{Error, ListParams};
use blinksale_mock::Fault;
use common::Env;

async fn unit_count(env: &Env) -> u64 {
    env.client().units().list(&ListParams::new()).await.unwrap().meta.total.unwrap()
}

fn new_unit() -> UnitInput {
    UnitInput { name: "Crate".into(), ..Default::default() }
}

#[tokio::test]
async fn reads_are_retried_on_every_transient_fault() {
    let faults =
        [Fault::status(500), Fault::status(502), Fault::status(503).html(), Fault::status(504), Fault::rate_limited(1), Fault::drop_connection()];
    for fault in faults {
        let env = Env::start();
        let label = format!("{fault:?}");
        env.mock.inject(fault.on("/units").method("GET"));
        let page = env.client().units().list(&ListParams::new()).await.unwrap_or_else(|e| panic!("{label}: {e}"));
        assert!(!page.data.is_empty());
        assert_eq!(env.count("GET", "/units"), 2, "{label}: one failure, one retry");
    }
}

#[tokio::test]
async fn reads_retry_after_a_timeout() {
    let env = Env::start();
    env.mock.inject(Fault::delay(Duration::from_millis(700)).on("/units"));
    let page = env.client().units().timeout(Duration::from_millis(250)).list(&ListParams::new()).await.unwrap();
    assert!(!page.data.is_empty());
    assert_eq!(env.count("GET", "/units"), 2);
}

#[tokio::test]
async fn updates_and_deletes_are_retried_on_500() {
    let env = Env::start();
    let unit = env.client().units().create(&new_unit()).await.unwrap();
    env.mock.inject(Fault::status(500).on("/units*").method("PUT"));
    let updated = env.client().units().update(&unit.id, &UnitInput { name: "Box".into(), ..Default::default() }).await.unwrap();
    assert_eq!(updated.name, "Box");
    assert_eq!(env.count("PUT", &format!("/units/{}", unit.id)), 2);
}

#[tokio::test]
async fn retries_stop_at_max_retries() {
    let env = Env::start();
    env.mock.inject(Fault::status(503).on("/units").times(10));
    let e = env.client().units().list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(e, Error::Server(_)));
    assert_eq!(env.count("GET", "/units"), 3, "the first try and max_retries = 2");
}

/// A POST that may have reached the server is never sent again.
#[tokio::test]
async fn a_create_is_never_sent_twice() {
    let cases = [
        ("500 before acting", Fault::status(500), 0),
        ("500 after acting", Fault::status(500).after_handler(), 1),
        ("502 HTML after acting", Fault::status(502).html().after_handler(), 1),
        ("503", Fault::status(503), 0),
        ("504 after acting", Fault::status(504).after_handler(), 1),
        ("dropped connection", Fault::drop_connection(), 0),
        ("truncated body", Fault::truncate(), 1),
    ];
    for (label, fault, created) in cases {
        let env = Env::start();
        let before = unit_count(&env).await;
        env.mock.inject(fault.on("/units").method("POST"));
        let e = env.client().units().create(&new_unit()).await.unwrap_err();
        assert_eq!(env.count("POST", "/units"), 1, "{label}: sent exactly once ({e})");
        assert_eq!(unit_count(&env).await, before + created, "{label}");
    }
}

#[tokio::test]
async fn a_create_after_a_timeout_is_not_repeated() {
    let env = Env::start();
    let before = unit_count(&env).await;
    env.mock.inject(Fault::delay(Duration::from_millis(600)).on("/units").method("POST"));
    let e = env.client().units().timeout(Duration::from_millis(200)).create(&new_unit()).await.unwrap_err();
    assert!(matches!(e, Error::Timeout { .. }));
    tokio::time::sleep(Duration::from_millis(600)).await;
    assert_eq!(env.count("POST", "/units"), 1);
    assert_eq!(unit_count(&env).await, before + 1, "the server acted; the client did not repeat it");
}

#[tokio::test]
async fn a_payment_is_never_applied_twice() {
    let env = Env::start();
    let api = env.client();
    let invoice = api.invoices().list(&ListParams::new().filter("status", "DRAFT")).await.unwrap().data.remove(0);
    env.mock.inject(Fault::status(502).after_handler().on("/invoices*").method("POST"));
    let e = api.invoices().apply_payment(&invoice.id, &ApplyPaymentInput::new(common::dec("100"))).await.unwrap_err();
    assert!(matches!(e, Error::Server(_)));
    assert_eq!(env.count("POST", &format!("/invoices/{}/payments", invoice.id)), 1);
    assert_eq!(api.invoices().get(&invoice.id).await.unwrap().total_paid, common::dec("100"));
}

#[tokio::test]
async fn a_create_is_retried_on_429_because_nothing_was_done() {
    let env = Env::start();
    let before = unit_count(&env).await;
    env.mock.inject(Fault::rate_limited(1).on("/units").method("POST"));
    let started = Instant::now();
    env.client().units().create(&new_unit()).await.unwrap();
    assert!(started.elapsed() >= Duration::from_millis(900), "waited for the reset");
    assert_eq!(env.count("POST", "/units"), 2);
    assert_eq!(unit_count(&env).await, before + 1, "created once");
}

#[tokio::test]
async fn send_actions_are_not_repeated_either() {
    let env = Env::start();
    let api = env.client();
    let invoice = api.invoices().list(&ListParams::new().filter("status", "DRAFT")).await.unwrap().data.remove(0);
    env.mock.inject(Fault::status(503).after_handler().on("/invoices*").method("POST"));
    assert!(api.invoices().send(&invoice.id).await.is_err());
    assert_eq!(env.count("POST", &format!("/invoices/{}/send", invoice.id)), 1);
}

#[test]
fn backoff_doubles_with_jitter_and_caps_at_8s() {
    for n in 0..10u32 {
        let base = (500u64 << n.min(5)).min(8000);
        for _ in 0..50 {
            let d = blinksale::backoff(n).as_millis() as u64;
            assert!(d >= base / 2 && d <= base, "retry {n}: {d} ms not in [{}, {base}]", base / 2);
        }
    }
}
