//! Through a real proxy (squid, with basic authentication, logging every request's headers):
//! https goes through CONNECT, the proxy never sees the token, and the proxy's password is in
//! no log line and no error. Skipped, saying why, where squid is not installed.
mod common;
#[path = "common/squid.rs"]
mod squid;

use std::sync::{Arc, Mutex};

use blinksale::resources::*;
use blinksale::{Client, Error, ListParams};
use blinksale_mock::MockConfig;
use common::{Env, TOKEN};
use squid::{PASSWORD, Squid};

fn squid() -> Option<Squid> {
    match Squid::start() {
        Ok(s) => Some(s),
        Err(why) => {
            eprintln!("skipped: no proxy to test with: {why} (Debian: apt-get install squid; tests/ensure-squid.sh)");
            None
        }
    }
}

/// Squid's log once the connections just dropped have closed (their tasks run meanwhile).
async fn settled(squid: &Squid) -> String {
    tokio::time::sleep(std::time::Duration::from_millis(500)).await;
    squid.log()
}

/// The tunnels squid logged to the mock's port.
fn connects(log: &str, port: u16) -> usize {
    log.lines().filter(|l| l.starts_with(&format!("CONNECT 127.0.0.1:{port} 200"))).count()
}

/// A client through `proxy` to the TLS mock, logging everything into the returned lines.
fn through(env: &Env, proxy: &str) -> (Client, Arc<Mutex<Vec<String>>>) {
    let lines = Arc::new(Mutex::new(Vec::new()));
    let sink = lines.clone();
    let client = Client::builder()
        .token(TOKEN)
        .base_url(env.mock.url())
        .ca_bundle(env.mock.ca_path().unwrap())
        .proxy(proxy)
        .max_retries(0)
        .log_sink(move |_, line| sink.lock().unwrap().push(line.to_string()))
        .build()
        .unwrap();
    (client, lines)
}

#[tokio::test]
async fn https_goes_through_connect_and_the_proxy_never_sees_the_token_or_shows_its_password() {
    let Some(squid) = squid() else { return };
    blinksale::log::set_level(Some("debug")).unwrap();
    let env = Env::with(MockConfig { rate_limit: 0, tls: true, ..Default::default() });
    let (client, lines) = through(&env, &squid.url());
    client.units().list(&ListParams::new()).await.unwrap();
    client.units().create(&UnitInput { name: "Crate".into(), ..Default::default() }).await.unwrap();
    // Squid logs a tunnel when it closes.
    drop(client);
    let log = settled(&squid).await;
    assert_eq!(connects(&log, env.mock.addr().port()), 1, "{log}");
    assert!(!log.contains(TOKEN) && !log.to_ascii_lowercase().contains("bearer"), "the proxy saw the token: {log}");
    assert_eq!(env.mock.requests().len(), 2);
    let lines = lines.lock().unwrap();
    assert!(!lines.is_empty());
    assert!(lines.iter().all(|l| !l.contains(PASSWORD)), "{lines:?}");
}

#[tokio::test]
async fn a_refused_or_unreachable_proxy_fails_without_showing_the_password() {
    let Some(squid) = squid() else { return };
    let env = Env::with(MockConfig { rate_limit: 0, tls: true, ..Default::default() });
    let wrong = squid.url_with("wrong-password-4242");
    let (client, lines) = through(&env, &wrong);
    let err = client.units().list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(err, Error::Connection { request_sent: false, .. }), "{err:?}");
    let shown = format!("{err} {err:?} {}", lines.lock().unwrap().join("\n"));
    assert!(!shown.contains("wrong-password-4242"), "{shown}");
    let closed = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let (client, lines) = through(&env, &format!("http://blinksale:{PASSWORD}@127.0.0.1:{closed}"));
    let err = client.units().list(&ListParams::new()).await.unwrap_err();
    let shown = format!("{err} {err:?} {}", lines.lock().unwrap().join("\n"));
    assert!(matches!(err, Error::Connection { .. }) && !shown.contains(PASSWORD), "{shown}");
    assert!(env.mock.requests().is_empty());
}

#[tokio::test]
async fn the_environment_proxy_is_used_unless_told_otherwise() {
    let Some(squid) = squid() else { return };
    let env = Env::with(MockConfig { rate_limit: 0, tls: true, ..Default::default() });
    // The only test here that reads the environment's proxy; the others name theirs.
    unsafe { std::env::set_var("HTTPS_PROXY", squid.url()) };
    let port = env.mock.addr().port();
    // Each client is dropped after its call, so squid logs the tunnel it made, if any.
    let call = |no_proxy: bool| {
        let builder = Client::builder().token(TOKEN).base_url(env.mock.url()).ca_bundle(env.mock.ca_path().unwrap());
        let client = if no_proxy { builder.no_proxy() } else { builder }.build().unwrap();
        async move { client.units().list(&ListParams::new()).await.map(|_| ()) }
    };
    call(false).await.unwrap();
    assert_eq!(connects(&settled(&squid).await, port), 1, "HTTPS_PROXY is used");
    call(true).await.unwrap();
    unsafe { std::env::set_var("NO_PROXY", "127.0.0.1") };
    call(false).await.unwrap();
    unsafe {
        std::env::remove_var("HTTPS_PROXY");
        std::env::remove_var("NO_PROXY");
    }
    assert_eq!(connects(&settled(&squid).await, port), 1, "no_proxy() and NO_PROXY go direct");
    assert_eq!(env.mock.requests().len(), 3);
}
