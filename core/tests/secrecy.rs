//! The token never shows: not in Debug or Display, errors, logs, or another host's requests.
mod common;
use std::io::Write;
use std::sync::{Arc, Mutex};

use blinksale::resources::*;
use blinksale::{Client, ListParams, SecretToken};
use blinksale_mock::Fault;
use common::{Env, TOKEN, dec};

#[derive(Clone, Default)]
struct Buffer(Arc<Mutex<Vec<u8>>>);
impl Write for Buffer {
    fn write(&mut self, b: &[u8]) -> std::io::Result<usize> {
        self.0.lock().unwrap().extend_from_slice(b);
        Ok(b.len())
    }
    fn flush(&mut self) -> std::io::Result<()> {
        Ok(())
    }
}

#[tokio::test]
async fn token_is_absent_from_debug_errors_and_logs() {
    let buffer = Buffer::default();
    let writer = buffer.clone();
    let subscriber = tracing_subscriber::fmt().with_max_level(tracing::Level::TRACE).with_writer(move || writer.clone()).with_ansi(false).finish();
    let _guard = tracing::subscriber::set_default(subscriber);

    let env = Env::start();
    let api = env.client();
    let mut shown = vec![format!("{api:?}"), format!("{:?}", Client::builder().token(TOKEN)), format!("{:?}", api.config())];
    shown.push(format!("{:?} {}", SecretToken::new(TOKEN).unwrap(), SecretToken::new(TOKEN).unwrap()));

    // One of every error, shown every way.
    let mut errors = vec![
        env.client_as("tok_wrong").units().list(&ListParams::new()).await.unwrap_err(),
        env.client_as("tok_read").units().create(&UnitInput { name: "x".into(), ..Default::default() }).await.unwrap_err(),
        api.units().get("nope").await.unwrap_err(),
        api.invoices().apply_payment("nope", &ApplyPaymentInput::new(dec("-1"))).await.unwrap_err(),
    ];
    env.mock.inject(Fault::status(503).html().on("/units"));
    env.mock.inject(Fault::rate_limited(1).on("/taxes"));
    env.mock.inject(Fault::truncate().on("/items"));
    errors.extend([
        api.units().max_retries(0).list(&ListParams::new()).await.unwrap_err(),
        api.taxes().max_retries(0).list(&ListParams::new()).await.unwrap_err(),
        api.items().max_retries(0).list(&ListParams::new()).await.unwrap_err(),
        Client::new(format!("{TOKEN} x")).unwrap_err(),
    ]);
    for e in &errors {
        shown.push(format!("{e} {e:?} {}", e.message()));
    }
    // A retry, so the retry path logs too.
    env.mock.inject(Fault::status(500).on("/units"));
    api.units().list(&ListParams::new()).await.unwrap();

    let logs = String::from_utf8(buffer.0.lock().unwrap().clone()).unwrap();
    assert!(logs.contains("blinksale: response") && logs.contains("blinksale: retrying"), "tracing is on: {logs}");
    assert!(logs.contains("path=\"/units\"") && logs.contains("status=200"), "{logs}");
    shown.push(logs);
    for text in shown {
        assert!(!text.contains(TOKEN), "token leaked in: {text}");
    }
}
