//! The `blinksale` binary against the embedded mock: every command family, every format and
//! every exit code, as a user runs them.
use std::io::{BufRead, BufReader, Write};
use std::process::{Command as StdCommand, Stdio};
use std::time::Duration;

use assert_cmd::Command;
use blinksale_mock::{Fault, MockConfig, MockServer, TokenSpec};
use predicates::prelude::*;
use serde_json::Value;

fn mock(seed: usize) -> MockServer {
    let tokens = vec![TokenSpec::parse("demo-token").unwrap(), TokenSpec::parse("ro-token:read").unwrap()];
    MockServer::start(MockConfig { seed, rate_limit: 0, tokens, ..MockConfig::default() }).expect("mock starts")
}

fn cli(server: &MockServer) -> Command {
    let mut cmd = Command::cargo_bin("blinksale").unwrap();
    cmd.env_clear().env("BLINKSALE_BASE_URL", server.url()).env("BLINKSALE_API_TOKEN", "demo-token").timeout(Duration::from_secs(60));
    cmd
}

fn stdout_of(cmd: &mut Command) -> String {
    let out = cmd.output().unwrap();
    assert!(out.status.success(), "failed: {}", String::from_utf8_lossy(&out.stderr));
    String::from_utf8(out.stdout).unwrap()
}

fn json_of(cmd: &mut Command) -> Value {
    serde_json::from_str(&stdout_of(cmd)).unwrap()
}

/// The first item's id of a list command.
fn first_id(server: &MockServer, args: &[&str]) -> String {
    let items = json_of(cli(server).args(args).args(["--limit", "1", "-o", "json"]));
    items[0]["id"].as_str().unwrap().to_string()
}

fn total(server: &MockServer, path: &str) -> u64 {
    let page = json_of(cli(server).args(["request", "GET", path, "--query", "per_page=1", "-o", "json"]));
    page["meta"]["total"].as_u64().unwrap()
}

#[test]
fn list_prints_a_page_as_json_when_piped_and_a_table_on_request() {
    let server = mock(0);
    let items = json_of(cli(&server).args(["clients", "list", "--per-page", "2"]));
    assert_eq!(items.as_array().unwrap().len(), 2);
    let table = stdout_of(cli(&server).args(["clients", "list", "-o", "table"]));
    let header = table.lines().next().unwrap();
    assert!(header.starts_with("ID") && header.contains("NAME") && header.contains("EMAIL"), "{header}");
    assert!(table.contains("Acme Inc"));
}

#[test]
fn get_create_with_fields_and_with_a_data_file() {
    let server = mock(0);
    let id = first_id(&server, &["clients", "list"]);
    let client = json_of(cli(&server).args(["clients", "get", &id]));
    assert_eq!(client["id"], id.as_str());

    let made = json_of(cli(&server).args(["clients", "create", "--field", "name=Zed Ltd", "--field", "email=zed@example.com"]));
    assert_eq!(made["name"], "Zed Ltd");

    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("client.json");
    std::fs::write(&file, r#"{"name": "From File", "email": "file@example.com", "kind": "INDIVIDUAL"}"#).unwrap();
    let made = json_of(cli(&server).args(["clients", "create", "--data", &format!("@{}", file.display())]));
    assert_eq!((made["name"].as_str(), made["kind"].as_str()), (Some("From File"), Some("INDIVIDUAL")));

    // --data - reads stdin; --field wins over it.
    let made = json_of(
        cli(&server).args(["clients", "create", "--data", "-", "--field", "name=Override"]).write_stdin(r#"{"name":"x","email":"in@example.com"}"#),
    );
    assert_eq!((made["name"].as_str(), made["email"].as_str()), (Some("Override"), Some("in@example.com")));
}

#[test]
fn send_apply_payment_and_update_status() {
    let server = mock(0);
    let draft = json_of(cli(&server).args(["invoices", "list", "--status", "DRAFT", "--limit", "1", "-o", "json"]));
    let id = draft[0]["id"].as_str().unwrap().to_string();
    let sent = json_of(cli(&server).args(["invoices", "send", &id]));
    assert_eq!(sent["status"], "SENT");

    let applied = json_of(cli(&server).args(["invoices", "apply-payment", &id, "--field", "amount=120.50"]));
    assert_eq!(applied["payment"]["amount"].to_string(), "120.5");
    let requests = server.requests();
    let body = requests.iter().rev().find(|r| r.method == "POST").unwrap().body.as_ref().unwrap().to_string();
    // The amount went out as the exact number typed, not a float's rounding.
    assert!(body.contains("\"amount\":120.50"), "{body}");

    let rid = first_id(&server, &["recurring-invoices", "list"]);
    let paused = json_of(cli(&server).args(["recurring-invoices", "update-status", &rid, "PAUSED"]));
    assert_eq!(paused["status"], "PAUSED");
}

#[test]
fn nested_resources_take_the_parent_as_a_flag() {
    let server = mock(0);
    let client_id = first_id(&server, &["clients", "list"]);
    let contacts = json_of(cli(&server).args(["contacts", "list", "--client", &client_id]));
    assert!(contacts.as_array().unwrap().iter().all(|c| c["client_id"] == client_id.as_str()));
    cli(&server).args(["contacts", "list"]).assert().code(2).stderr(predicate::str::contains("--client"));
}

#[test]
fn all_as_csv_has_a_row_per_item_and_a_stable_header() {
    let server = mock(250);
    let expected = total(&server, "/invoices");
    let csv = stdout_of(cli(&server).args(["invoices", "list", "--all", "-o", "csv"]));
    let mut reader = csv::Reader::from_reader(csv.as_bytes());
    let header: Vec<String> = reader.headers().unwrap().iter().map(str::to_string).collect();
    assert_eq!(&header[..3], ["id", "organization_id", "client_id"]);
    assert!(header.iter().any(|h| h == "total"));
    let rows = reader.records().map(Result::unwrap).count() as u64;
    assert_eq!(rows, expected);
    assert!(expected > 250, "seeded invoices span several pages");
    // The header is the model's, whatever the data: an empty list prints it too.
    let empty = stdout_of(cli(&server).args(["invoices", "list", "--all", "-o", "csv", "--client-id", "none"]));
    assert_eq!(empty.lines().next().unwrap().split(',').collect::<Vec<_>>(), header);
}

#[test]
fn jsonl_prints_one_object_per_line_and_limit_stops_early() {
    let server = mock(120);
    let out = stdout_of(cli(&server).args(["clients", "list", "--all", "-o", "jsonl"]));
    let lines: Vec<Value> = out.lines().map(|l| serde_json::from_str(l).unwrap()).collect();
    assert_eq!(lines.len() as u64, total(&server, "/clients"));
    assert!(lines.iter().all(Value::is_object));
    let out = stdout_of(cli(&server).args(["clients", "list", "--limit", "7", "-o", "jsonl"]));
    assert_eq!(out.lines().count(), 7);
}

#[test]
fn exit_codes_follow_the_error_class() {
    let server = mock(0);
    // 2: usage (unknown flag, no token, bad --data, a --token option that does not exist).
    cli(&server).args(["clients", "list", "--bogus"]).assert().code(2);
    cli(&server).env_remove("BLINKSALE_API_TOKEN").args(["clients", "list"]).assert().code(2).stderr(predicate::str::contains("BLINKSALE_API_TOKEN"));
    cli(&server).args(["clients", "create", "--data", "{not json"]).assert().code(2);
    cli(&server).args(["--token", "x", "clients", "list"]).assert().code(2);
    // 3: authentication.
    cli(&server).env("BLINKSALE_API_TOKEN", "wrong").args(["clients", "list"]).assert().code(3);
    // 4: permission, naming the one missing.
    cli(&server)
        .env("BLINKSALE_API_TOKEN", "ro-token")
        .args(["clients", "create", "--field", "name=A", "--field", "email=a@example.com"])
        .assert()
        .code(4)
        .stderr(predicate::str::contains("needs the `write` permission"));
    // 5: not found.
    cli(&server).args(["clients", "get", "missing"]).assert().code(5);
    // 6: validation, listing the field errors on one line.
    let out = cli(&server).args(["clients", "create", "--field", "name=Zed", "--field", "email=not-an-email"]).assert().code(6);
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("email:") && stderr.lines().count() == 1, "{stderr}");
    // 7: rate limited, 8: server error (no retries asked for).
    server.inject(Fault::rate_limited(1));
    cli(&server).args(["--max-retries", "0", "clients", "list"]).assert().code(7);
    server.inject(Fault::status(500));
    cli(&server).args(["--max-retries", "0", "clients", "list"]).assert().code(8);
    // 9: network and timeout.
    cli(&server).env("BLINKSALE_BASE_URL", "http://127.0.0.1:9/api/v1").args(["--max-retries", "0", "clients", "list"]).assert().code(9);
    server.inject(Fault::delay(Duration::from_secs(3)));
    cli(&server).args(["--max-retries", "0", "--timeout", "0.3", "clients", "list"]).assert().code(9);
    // 10: a response that is not JSON.
    server.inject(Fault::truncate());
    cli(&server).args(["--max-retries", "0", "clients", "list"]).assert().code(10);
}

#[test]
fn json_output_puts_the_error_object_on_stderr() {
    let server = mock(0);
    let out = cli(&server).args(["-o", "json", "clients", "create", "--field", "name=Zed", "--field", "email=nope"]).assert().code(6);
    let err: Value = serde_json::from_slice(&out.get_output().stderr).unwrap();
    assert_eq!(err["error"]["code"], "validation");
    assert_eq!(err["error"]["status"], 422);
    assert!(err["error"]["errors"]["email"].is_array());
    let out = cli(&server).env("BLINKSALE_API_TOKEN", "ro-token").args(["-o", "json", "invoices", "send", "x"]).assert().code(4);
    let err: Value = serde_json::from_slice(&out.get_output().stderr).unwrap();
    assert_eq!(err["error"]["required_permission"], "send");
}

#[test]
fn the_token_comes_from_a_file_and_never_shows() {
    let server = mock(0);
    let dir = tempfile::tempdir().unwrap();
    let file = dir.path().join("token");
    std::fs::write(&file, "demo-token\n").unwrap();
    cli(&server).env_remove("BLINKSALE_API_TOKEN").args(["--token-file", file.to_str().unwrap(), "units", "list"]).assert().success();
    // A wrong token in the file: the error never repeats it.
    std::fs::write(&file, "secret-value-123").unwrap();
    let out = cli(&server).env_remove("BLINKSALE_API_TOKEN").args(["-vv", "--token-file", file.to_str().unwrap(), "units", "list"]).assert().code(3);
    let all = [out.get_output().stdout.clone(), out.get_output().stderr.clone()].concat();
    assert!(!String::from_utf8_lossy(&all).contains("secret-value-123"));
    let help = stdout_of(Command::cargo_bin("blinksale").unwrap().arg("--help"));
    assert!(help.contains("--token-file") && help.contains("no --token"));
}

#[test]
fn verbose_logs_one_line_per_request_on_stderr() {
    let server = mock(0);
    let out = cli(&server).args(["-v", "clients", "list"]).assert().success();
    let stderr = String::from_utf8(out.get_output().stderr.clone()).unwrap();
    assert!(stderr.contains("GET") && stderr.contains("/clients") && stderr.contains("status=200"), "{stderr}");
    // No progress bar or log noise without -v when stderr is not a terminal.
    cli(&server).args(["clients", "list", "--all", "-o", "jsonl"]).assert().success().stderr(predicate::str::is_empty());
}

#[test]
fn request_is_the_escape_hatch() {
    let server = mock(0);
    let page = json_of(cli(&server).args(["request", "GET", "/clients", "--query", "per_page=1"]));
    assert_eq!(page["data"].as_array().unwrap().len(), 1);
    assert!(page["meta"]["total"].as_u64().unwrap() >= 1);
    let made = json_of(cli(&server).args(["request", "post", "/taxes", "--field", "name=VAT", "--field", "percent:=20"]));
    assert_eq!(made["name"], "VAT");
    cli(&server).args(["request", "GET", "/nope"]).assert().code(5);
    cli(&server).args(["request", "FETCH", "/clients"]).assert().code(2);
}

#[test]
fn mock_serves_until_stopped_and_prints_its_url_and_token() {
    // Plain, then with TLS: the exports it prints are all another shell needs.
    for (flags, exports) in [(&[][..], 2), (&["--tls"][..], 3)] {
        let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("blinksale"))
            .args(["mock", "--port", "0", "--seed", "5"])
            .args(flags)
            .stdout(Stdio::piped())
            .spawn()
            .unwrap();
        let mut lines = BufReader::new(child.stdout.take().unwrap()).lines();
        let mut env = Vec::new();
        for _ in 0..=exports {
            let line = lines.next().unwrap().unwrap();
            if let Some(kv) = line.trim().strip_prefix("export ") {
                let (k, v) = kv.split_once('=').unwrap();
                env.push((k.to_string(), v.to_string()));
            }
        }
        assert_eq!(env.len(), exports, "{env:?}");
        let out = Command::cargo_bin("blinksale").unwrap().env_clear().envs(env).args(["clients", "list", "-o", "jsonl"]).output().unwrap();
        let _ = child.kill();
        let _ = child.wait();
        assert!(out.status.success(), "{flags:?}: {}", String::from_utf8_lossy(&out.stderr));
        assert!(String::from_utf8(out.stdout).unwrap().lines().count() > 5);
    }
}

#[test]
fn completions_for_each_shell() {
    for (shell, marker) in [("bash", "complete -F"), ("zsh", "#compdef blinksale"), ("fish", "complete -c blinksale")] {
        let script = stdout_of(Command::cargo_bin("blinksale").unwrap().args(["completions", shell]));
        assert!(script.contains(marker) && script.contains("apply-payment"), "{shell}");
    }
}

#[test]
fn help_comes_from_the_operation_table() {
    let help = stdout_of(Command::cargo_bin("blinksale").unwrap().args(["invoices", "apply-payment", "--help"]));
    assert!(help.contains("Apply payment to invoice") && help.contains("POST /invoices/{invoiceId}/payments"));
    assert!(help.contains("amount (required)"));
    let help = stdout_of(Command::cargo_bin("blinksale").unwrap().args(["taxes", "get", "--help"]));
    assert!(help.contains("without a page"), "inferred operations say so");
}

#[test]
fn a_closed_pipe_ends_quietly() {
    let server = mock(300);
    let mut child = StdCommand::new(assert_cmd::cargo::cargo_bin("blinksale"))
        .env("BLINKSALE_BASE_URL", server.url())
        .env("BLINKSALE_API_TOKEN", "demo-token")
        .args(["invoices", "list", "--all", "-o", "jsonl"])
        .stdout(Stdio::piped())
        .stderr(Stdio::piped())
        .spawn()
        .unwrap();
    let mut first = String::new();
    BufReader::new(child.stdout.take().unwrap()).read_line(&mut first).unwrap();
    let status = child.wait().unwrap();
    let mut stderr = String::new();
    std::io::Read::read_to_string(&mut child.stderr.take().unwrap(), &mut stderr).unwrap();
    assert!(status.success(), "{stderr}");
    assert!(stderr.is_empty(), "{stderr}");
    let _ = std::io::stderr().flush();
}
