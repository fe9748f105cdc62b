//! The `blinksale-mock` binary: port file, printed URL, clean stop on SIGTERM and SIGINT.
use std::io::{BufRead, BufReader};
use std::process::{Command, Stdio};
use std::time::{Duration, Instant};

fn run_and_stop(signal: &str) {
    let dir = std::env::temp_dir().join(format!("blinksale-mock-cli-{}-{signal}", std::process::id()));
    std::fs::create_dir_all(&dir).unwrap();
    let port_file = dir.join("port");
    let mut child = Command::new(env!("CARGO_BIN_EXE_blinksale-mock"))
        .args(["--port", "0", "--port-file"])
        .arg(&port_file)
        .args(["--token", "t1:read", "--rate-limit", "0", "--seed", "2"])
        .stdout(Stdio::piped())
        .spawn()
        .unwrap();
    let mut out = BufReader::new(child.stdout.take().unwrap());
    let mut line = String::new();
    out.read_line(&mut line).unwrap();
    let start = Instant::now();
    while std::fs::read_to_string(&port_file).map_or(true, |p| p.trim().is_empty()) && start.elapsed() < Duration::from_secs(10) {
        std::thread::sleep(Duration::from_millis(20));
    }
    let port: u16 = std::fs::read_to_string(&port_file).unwrap().trim().parse().unwrap();
    assert!(line.contains(&format!("http://127.0.0.1:{port}/api/v1")), "{line}");

    let rt = tokio::runtime::Runtime::new().unwrap();
    let body: serde_json::Value = rt.block_on(async {
        {
            let _ = rustls::crypto::ring::default_provider().install_default();
            reqwest::Client::new()
        }
        .get(format!("http://127.0.0.1:{port}/api/v1/clients"))
        .bearer_auth("t1")
        .send()
        .await
        .unwrap()
        .json()
        .await
        .unwrap()
    });
    assert_eq!(body["meta"]["total"], 7);

    Command::new("kill").args([&format!("-{signal}"), &child.id().to_string()]).status().unwrap();
    let status = child.wait().unwrap();
    assert!(status.success(), "{signal}: {status:?}");
    let mut rest = String::new();
    out.read_line(&mut rest).unwrap();
    assert!(rest.contains("stopped"));
    std::fs::remove_dir_all(dir).ok();
}

#[test]
fn stops_cleanly_on_sigterm() {
    run_and_stop("TERM");
}

#[test]
fn stops_cleanly_on_sigint() {
    run_and_stop("INT");
}

#[test]
fn rejects_bad_flags() {
    let out = Command::new(env!("CARGO_BIN_EXE_blinksale-mock")).args(["--token", "x:admin"]).output().unwrap();
    assert_eq!(out.status.code(), Some(2));
    assert!(String::from_utf8_lossy(&out.stderr).contains("unknown permission"));
}
