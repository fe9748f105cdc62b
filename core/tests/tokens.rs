//! Token sources: a file rotated mid-run, a provider asked once for many 401s, a write sent
//! again once with a new token, hygiene, and the permissions a run needed.
mod common;
use std::sync::Arc;
use std::sync::atomic::{AtomicUsize, Ordering};

use blinksale::resources::*;
use blinksale::{Client, Error, ListParams, Permission};
use blinksale_mock::{Permission as MockPermission, TokenSpec};
use common::Env;

const ALL: &[MockPermission] = &[MockPermission::Read, MockPermission::Write, MockPermission::Send];

/// A Kubernetes-style secret volume: `token` is a symlink into `..data`, swapped on rotation.
struct SecretDir {
    dir: std::path::PathBuf,
    version: usize,
}

impl SecretDir {
    fn new(token: &str) -> SecretDir {
        let dir = std::env::temp_dir().join(format!("blinksale-secret-{}-{}", std::process::id(), fastrand::u64(..)));
        std::fs::create_dir_all(&dir).unwrap();
        let mut s = SecretDir { dir, version: 0 };
        s.write(token);
        std::os::unix::fs::symlink("..data/token", s.dir.join("token")).unwrap();
        s
    }

    fn path(&self) -> std::path::PathBuf {
        self.dir.join("token")
    }

    /// Writes `token` (with a trailing newline, as `echo` would) and swaps `..data` to it.
    fn write(&mut self, token: &str) {
        self.version += 1;
        let version = self.dir.join(format!("..v{}", self.version));
        std::fs::create_dir(&version).unwrap();
        std::fs::write(version.join("token"), format!("{token}\n")).unwrap();
        let link = self.dir.join("..data_tmp");
        std::os::unix::fs::symlink(version.file_name().unwrap(), &link).unwrap();
        std::fs::rename(&link, self.dir.join("..data")).unwrap();
    }
}

impl Drop for SecretDir {
    fn drop(&mut self) {
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}

/// Counts the log lines that say the token was asked for.
fn counting(builder: blinksale::ClientBuilder) -> (Client, Arc<AtomicUsize>) {
    let asked = Arc::new(AtomicUsize::new(0));
    let seen = asked.clone();
    let client = builder
        .log_sink(move |_, line| {
            if line.contains("asking for the token") {
                seen.fetch_add(1, Ordering::SeqCst);
            }
        })
        .build()
        .unwrap();
    (client, asked)
}

#[tokio::test]
async fn a_token_file_rotated_mid_run_loses_no_call_and_is_read_once_per_change() {
    let env = Env::start();
    env.mock.add_token(TokenSpec::new("tok_old_1111", ALL));
    let mut secret = SecretDir::new("tok_old_1111");
    let (client, asked) = counting(Client::builder().token_file(secret.path()).base_url(env.mock.url()).max_retries(0));
    let stop = Arc::new(std::sync::atomic::AtomicBool::new(false));
    let tasks: Vec<_> = (0..8)
        .map(|_| {
            let (client, stop) = (client.clone(), stop.clone());
            tokio::spawn(async move {
                let mut calls = 0;
                while !stop.load(Ordering::SeqCst) {
                    client.units().list(&ListParams::new()).await?;
                    calls += 1;
                }
                Ok::<_, Error>(calls)
            })
        })
        .collect();
    tokio::time::sleep(std::time::Duration::from_millis(300)).await;
    env.mock.add_token(TokenSpec::new("tok_new_2222", ALL));
    secret.write("tok_new_2222");
    assert!(env.mock.revoke_token("tok_old_1111"));
    tokio::time::sleep(std::time::Duration::from_millis(1500)).await;
    stop.store(true, Ordering::SeqCst);
    for task in tasks {
        let calls = task.await.unwrap().expect("no call fails across the rotation");
        assert!(calls > 0);
    }
    assert_eq!(asked.load(Ordering::SeqCst), 1, "the file is read once for its one change");
    // Every request after the revocation carried the new token.
    let last = env.mock.requests().into_iter().last().unwrap();
    assert_eq!(last.status, Some(200));
}

/// A provider handing out the tokens of `tokens` in turn (the last one again when done).
fn provider(tokens: &[&str]) -> (impl blinksale::TokenProvider, Arc<AtomicUsize>) {
    let calls = Arc::new(AtomicUsize::new(0));
    let (list, counted) = (Arc::new(tokens.iter().map(|t| t.to_string()).collect::<Vec<_>>()), calls.clone());
    let p = move || {
        let n = counted.fetch_add(1, Ordering::SeqCst);
        let token = list[n.min(list.len() - 1)].clone();
        async move {
            tokio::time::sleep(std::time::Duration::from_millis(20)).await;
            Ok(token)
        }
    };
    (p, calls)
}

#[tokio::test]
async fn a_provider_is_asked_on_first_use_and_once_for_sixteen_tasks_that_get_a_401_together() {
    let env = Env::start();
    env.mock.add_token(TokenSpec::new("tok_a_1111", ALL));
    let (p, calls) = provider(&["tok_a_1111", "tok_b_2222"]);
    let client = Client::builder().token_provider(p).base_url(env.mock.url()).build().unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 0, "not asked before the first call");
    client.units().list(&ListParams::new()).await.unwrap();
    client.units().list(&ListParams::new()).await.unwrap();
    assert_eq!(calls.load(Ordering::SeqCst), 1, "asked once, not per request");
    env.mock.add_token(TokenSpec::new("tok_b_2222", ALL));
    env.mock.revoke_token("tok_a_1111");
    let params = ListParams::new();
    let units = client.units();
    let results = futures_util::future::join_all((0..16).map(|_| units.list(&params))).await;
    assert!(results.iter().all(Result::is_ok), "{results:?}");
    assert_eq!(calls.load(Ordering::SeqCst), 2, "one refresh for all sixteen");
    assert_eq!(env.mock.requests().iter().filter(|r| r.status == Some(401)).count(), 16);
}

#[tokio::test]
async fn a_write_answered_401_goes_again_once_with_the_new_token() {
    let env = Env::start();
    env.mock.add_token(TokenSpec::new("tok_a_1111", ALL));
    let (p, _) = provider(&["tok_a_1111", "tok_b_2222"]);
    let client = Client::builder().token_provider(p).base_url(env.mock.url()).build().unwrap();
    client.units().list(&ListParams::new()).await.unwrap();
    env.mock.add_token(TokenSpec::new("tok_b_2222", ALL));
    env.mock.revoke_token("tok_a_1111");
    env.mock.clear_requests();
    client.units().create(&UnitInput { name: "Crate".into(), ..Default::default() }).await.unwrap();
    let statuses: Vec<_> = env.mock.requests().iter().map(|r| (r.method.clone(), r.status)).collect();
    assert_eq!(statuses, [("POST".to_string(), Some(401)), ("POST".to_string(), Some(201))]);
}

#[tokio::test]
async fn a_401_with_an_unchanged_token_is_not_sent_again() {
    let env = Env::start();
    env.mock.add_token(TokenSpec::new("tok_a_1111", ALL));
    let (p, calls) = provider(&["tok_a_1111"]);
    let clients = [
        Client::builder().token_provider(p).base_url(env.mock.url()).build().unwrap(),
        Client::builder().token("tok_a_1111").base_url(env.mock.url()).build().unwrap(),
    ];
    clients[0].units().list(&ListParams::new()).await.unwrap();
    env.mock.revoke_token("tok_a_1111");
    for client in &clients {
        env.mock.clear_requests();
        let err = client.units().create(&UnitInput { name: "Crate".into(), ..Default::default() }).await.unwrap_err();
        assert!(matches!(err, Error::Authentication(_)), "{err:?}");
        assert_eq!(env.count("POST", "/units"), 1);
    }
    assert_eq!(calls.load(Ordering::SeqCst), 2, "asked once more after the 401, and it had nothing new");
}

#[test]
fn hygiene_cases_are_configuration_errors_that_do_not_echo_the_token() {
    for bad in ["Bearer tok_secret_9999", "tok_secret 9999", "tok_secret\u{1b}9999"] {
        let err = Client::builder().token(bad).base_url("http://127.0.0.1:1/api/v1").build().unwrap_err();
        assert!(matches!(err, Error::Config(_)), "{err:?}");
        assert!(!err.to_string().contains("secret"), "{err}");
    }
    let dir = SecretDir::new("Bearer tok_secret_9999");
    let err = Client::builder().token_file(dir.path()).base_url("http://127.0.0.1:1/api/v1").build().unwrap_err();
    assert!(err.to_string().contains("Bearer") && err.to_string().contains("token"), "{err}");
    assert!(!err.to_string().contains("secret_9999"), "{err}");
    let missing = Client::builder().token_file("/nonexistent/blinksale-token").base_url("http://127.0.0.1:1/api/v1").build().unwrap_err();
    assert!(missing.to_string().contains("/nonexistent/blinksale-token"), "{missing}");
}

#[tokio::test]
async fn a_provider_that_fails_fails_the_call_with_its_message() {
    let env = Env::start();
    let client =
        Client::builder().token_provider(|| async { Err(Error::Config("vault is sealed".into())) }).base_url(env.mock.url()).build().unwrap();
    let err = client.units().list(&ListParams::new()).await.unwrap_err();
    assert!(err.to_string().contains("vault is sealed"), "{err}");
    assert!(env.mock.requests().is_empty(), "nothing sent without a token");
}

#[tokio::test]
async fn the_permissions_a_run_needed_are_known_to_the_client_and_the_mock() {
    let env = Env::start();
    let client = env.client();
    client.units().list(&ListParams::new()).await.unwrap();
    client.clients().list(&ListParams::new()).await.unwrap();
    client.units().create(&UnitInput { name: "Crate".into(), ..Default::default() }).await.unwrap();
    assert_eq!(client.permissions_used(), [Permission::Read, Permission::Write]);
    assert_eq!(client.with_options(&Default::default()).unwrap().permissions_used().len(), 2, "shared by copies");
    assert_eq!(env.mock.permissions_used(Some(common::TOKEN)), [MockPermission::Read, MockPermission::Write]);
    assert!(env.mock.permissions_summary().contains("read, write"));
}
