//! Real networks against the TLS mock: the certificate check (trusted by `ca_bundle` only),
//! HTTP/2 by ALPN with the write rule over streams, and stale pooled connections.
mod common;
use std::time::Duration;

use blinksale::resources::*;
use blinksale::{Client, Error, ListParams};
use blinksale_mock::{Fault, MockConfig, MockServer};
use common::{Env, TOKEN};

fn tls_mock(idle: Option<Duration>) -> Env {
    Env::with(MockConfig { rate_limit: 0, tls: true, idle_timeout: idle, ..Default::default() })
}

fn trusting(mock: &MockServer) -> blinksale::ClientBuilder {
    Client::builder().token(TOKEN).base_url(mock.url()).ca_bundle(mock.ca_path().expect("a TLS mock has a CA"))
}

fn crate_unit() -> UnitInput {
    UnitInput { name: "Crate".into(), ..Default::default() }
}

#[tokio::test]
async fn with_the_mocks_ca_a_call_goes_over_http2() {
    let env = tls_mock(None);
    assert!(env.mock.url().starts_with("https://127.0.0.1:"));
    let client = trusting(&env.mock).build().unwrap();
    assert!(!client.units().list(&ListParams::new()).await.unwrap().data.is_empty());
    assert_eq!(env.mock.requests()[0].protocol, "HTTP/2.0");
    // Concurrent calls are streams of one connection.
    let calls = (0..32).map(|_| async { client.units().list(&ListParams::new()).await.map(|_| ()) });
    futures_util::future::try_join_all(calls).await.unwrap();
    let conns: std::collections::BTreeSet<u64> = env.mock.requests().iter().map(|r| r.connection).collect();
    assert_eq!(conns.len(), 1, "{conns:?}");
    // The CA alone is enough when told to trust nothing else.
    let only = trusting(&env.mock).ca_bundle_only(true).build().unwrap();
    only.units().list(&ListParams::new()).await.unwrap();
}

#[tokio::test]
async fn without_the_ca_the_error_says_the_certificate_is_not_trusted_and_what_to_do() {
    let env = tls_mock(None);
    let client = Client::builder().token(TOKEN).base_url(env.mock.url()).max_retries(0).build().unwrap();
    let err = client.units().list(&ListParams::new()).await.unwrap_err();
    let Error::Connection { message, request_sent } = &err else { panic!("{err:?}") };
    assert!(message.contains("not trusted") && message.contains("ca_bundle"), "{message}");
    assert!(!request_sent);
    assert!(env.mock.requests().is_empty(), "nothing reached the server");
}

#[test]
fn a_bundle_without_a_certificate_is_a_configuration_error_naming_the_file() {
    let dir = std::env::temp_dir().join(format!("blinksale-ca-{}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    for (name, text) in
        [("empty.pem", ""), ("key.pem", "-----BEGIN PRIVATE KEY-----\nMC4CAQ==\n-----END PRIVATE KEY-----\n"), ("junk.pem", "not a certificate")]
    {
        let path = dir.join(name);
        std::fs::write(&path, text).unwrap();
        let err = Client::builder().token(TOKEN).ca_bundle(&path).build().unwrap_err();
        assert!(matches!(&err, Error::Config(m) if m.contains(&path.display().to_string())), "{name}: {err:?}");
    }
    let err = Client::builder().token(TOKEN).ca_bundle(dir.join("missing.pem")).build().unwrap_err();
    assert!(matches!(&err, Error::Config(m) if m.contains("missing.pem")), "{err:?}");
    let err = Client::builder().token(TOKEN).ca_bundle_only(true).build().unwrap_err();
    assert!(matches!(&err, Error::Config(m) if m.contains("ca_bundle")), "{err:?}");
    std::fs::remove_dir_all(&dir).unwrap();
}

#[tokio::test]
async fn a_post_whose_stream_is_refused_is_sent_again_once_and_a_500_is_not() {
    let env = tls_mock(None);
    let client = trusting(&env.mock).build().unwrap();
    client.units().list(&ListParams::new()).await.unwrap();
    env.mock.clear_requests();
    // REFUSED_STREAM: the server did not act (RFC 9113 §8.7), so even a write goes again.
    env.mock.inject(Fault::refuse_stream().on("/units").method("POST"));
    client.units().create(&crate_unit()).await.unwrap();
    let log: Vec<_> = env.mock.requests().into_iter().map(|r| (r.method, r.status, r.fault)).collect();
    assert_eq!(log, [("POST".into(), None, Some("refuse_stream".into())), ("POST".into(), Some(201), None)]);
    // A 500 may have followed the write: sent once.
    env.mock.clear_requests();
    env.mock.inject(Fault::status(500).after_handler().on("/units").method("POST"));
    let err = client.units().create(&crate_unit()).await.unwrap_err();
    assert!(matches!(err, Error::Server(_)), "{err:?}");
    assert_eq!(env.count("POST", "/units"), 1);
}

#[tokio::test]
async fn a_connection_closed_by_the_server_while_idle_costs_no_call() {
    for tls in [false, true] {
        let env = Env::with(MockConfig { rate_limit: 0, tls, idle_timeout: Some(Duration::from_secs(1)), ..Default::default() });
        let client = if tls { trusting(&env.mock).build().unwrap() } else { env.client() };
        client.units().list(&ListParams::new()).await.unwrap();
        client.units().create(&crate_unit()).await.unwrap();
        tokio::time::sleep(Duration::from_secs(2)).await;
        client.units().list(&ListParams::new()).await.unwrap();
        client.units().create(&crate_unit()).await.unwrap();
        assert_eq!(env.count("POST", "/units"), 2, "each POST sent once (tls: {tls})");
        assert_eq!(env.count("GET", "/units"), 2, "tls: {tls}");
        // The mock did close the first connection: the later calls came on another.
        let conns: Vec<u64> = env.mock.requests().iter().map(|r| r.connection).collect();
        // HTTP/2 drains first (GOAWAY, then the close): the last call at least is on a new one.
        assert!(conns[0] == conns[1] && conns[3] != conns[0], "tls: {tls}: {conns:?}");
    }
}

#[test]
fn a_proxy_url_that_cannot_be_used_is_refused_without_repeating_it() {
    let err = Client::builder().token(TOKEN).proxy("socks5://user:hunter2@127.0.0.1:1080").build().unwrap_err();
    assert!(matches!(&err, Error::Config(m) if m.contains("socks5") && !m.contains("hunter2")), "{err:?}");
    let err = Client::builder().token(TOKEN).proxy("http//user:hunter2@nowhere").build().unwrap_err();
    assert!(matches!(&err, Error::Config(m) if !m.contains("hunter2")), "{err:?}");
    let debug = format!("{:?}", blinksale::Proxy::parse("http://user:hunter2@127.0.0.1:3128").unwrap());
    assert!(!debug.contains("hunter2") && debug.contains("3128"), "{debug}");
}

#[tokio::test]
async fn a_call_cancelled_mid_stream_leaves_the_http2_connection_usable() {
    let env = tls_mock(None);
    let client = trusting(&env.mock).build().unwrap();
    client.units().list(&ListParams::new()).await.unwrap();
    env.mock.inject(Fault::delay(Duration::from_secs(2)).on("/units"));
    // Dropping the call resets its stream; the connection and the other streams go on.
    let cancelled = tokio::time::timeout(Duration::from_millis(200), client.units().list(&ListParams::new())).await;
    assert!(cancelled.is_err(), "the delayed call was still running");
    client.units().list(&ListParams::new()).await.unwrap();
    let log = env.mock.requests();
    assert_eq!(log.len(), 3);
    assert!(log.iter().all(|r| r.connection == log[0].connection && r.protocol == "HTTP/2.0"), "{log:?}");
}
