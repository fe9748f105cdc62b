//! `blinksale auth`: login from stdin, the credential store (a real Secret Service where one can
//! run) or a mode-0600 file, status, token, logout, profiles, and the environment winning over a
//! profile. No token ever shows in an output, except where `auth token` is asked for it.
use std::path::{Path, PathBuf};
use std::process::Command as StdCommand;
use std::time::Duration;

use assert_cmd::Command;
use blinksale_mock::{MockConfig, MockServer, TokenSpec};
use serde_json::Value;

const RW: &str = "rw-token-7a1c";
const RO: &str = "ro-token-9b2d";

fn mock() -> MockServer {
    let tokens = vec![TokenSpec::parse(RW).unwrap(), TokenSpec::parse(&format!("{RO}:read")).unwrap()];
    MockServer::start(MockConfig { seed: 2, rate_limit: 0, tokens, ..MockConfig::default() }).expect("mock starts")
}

/// The binary with nothing from this shell: a config directory of its own, no token, no
/// session bus (so the credential store cannot be used unless a test gives one).
fn cli(server: &MockServer, config: &Path) -> Command {
    let mut cmd = Command::cargo_bin("blinksale").unwrap();
    cmd.env_clear()
        .env("BLINKSALE_CONFIG_DIR", config)
        .env("BLINKSALE_BASE_URL", server.url())
        .env("DBUS_SESSION_BUS_ADDRESS", "unix:path=/nonexistent/bus")
        .timeout(Duration::from_secs(60));
    cmd
}

/// Runs `cmd`, checks its exit code, and that neither stream shows a token.
fn run(cmd: &mut Command, code: i32) -> (String, String) {
    let out = cmd.output().unwrap();
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout).to_string(), String::from_utf8_lossy(&out.stderr).to_string());
    assert_eq!(out.status.code(), Some(code), "stdout: {stdout}\nstderr: {stderr}");
    for secret in [RW, RO] {
        assert!(!stdout.contains(secret) && !stderr.contains(secret), "a token shows:\n{stdout}\n{stderr}");
    }
    (stdout, stderr)
}

fn login(server: &MockServer, config: &Path, profile: &str, token: &str, extra: &[&str]) -> (String, String) {
    run(cli(server, config).args(["auth", "login", "--profile", profile]).args(extra).write_stdin(format!("{token}\n")), 0)
}

fn status(server: &MockServer, config: &Path, extra: &[&str], code: i32) -> Vec<Value> {
    let (stdout, _) = run(cli(server, config).args(["auth", "status", "-o", "json"]).args(extra), code);
    serde_json::from_str(&stdout).unwrap()
}

fn row<'a>(rows: &'a [Value], profile: &str) -> &'a Value {
    rows.iter().find(|r| r["profile"] == profile).unwrap_or_else(|| panic!("no row {profile} in {rows:?}"))
}

#[cfg(unix)]
fn mode(path: &Path) -> u32 {
    use std::os::unix::fs::PermissionsExt;
    std::fs::metadata(path).unwrap().permissions().mode() & 0o777
}

#[test]
fn login_with_insecure_storage_writes_a_private_file_and_the_profile_works() {
    let server = mock();
    let config = tempfile::tempdir().unwrap();
    let (_, stderr) = login(&server, config.path(), "default", RW, &["--insecure-storage"]);
    let file = config.path().join("tokens").join("default");
    assert!(stderr.contains(&file.display().to_string()) && stderr.contains("****7a1c"), "{stderr}");
    assert_eq!(std::fs::read_to_string(&file).unwrap().trim(), RW);
    #[cfg(unix)]
    assert_eq!(mode(&file), 0o600);
    // The profile names the file and the base URL; the token is not in it.
    let toml = std::fs::read_to_string(config.path().join("config.toml")).unwrap();
    assert!(toml.contains("[profiles.default]") && toml.contains("storage = \"file\"") && toml.contains(server.url()), "{toml}");
    assert!(!toml.contains(RW));
    // One read request checked it.
    let checks: Vec<_> = server.requests().into_iter().map(|r| r.method).collect();
    assert_eq!(checks, ["GET"]);
    // Commands use it with no token in the environment, and without BLINKSALE_BASE_URL the
    // profile's base URL.
    let (out, _) = run(cli(&server, config.path()).env_remove("BLINKSALE_BASE_URL").args(["clients", "list", "-o", "json"]), 0);
    assert!(serde_json::from_str::<Value>(&out).unwrap().is_array());
}

#[test]
fn a_refused_or_malformed_token_is_not_stored() {
    let server = mock();
    let config = tempfile::tempdir().unwrap();
    let (_, stderr) = run(cli(&server, config.path()).args(["auth", "login", "--insecure-storage"]).write_stdin("wrong-token-5555\n"), 3);
    assert!(stderr.contains("nothing was stored") && !stderr.contains("wrong-token-5555"), "{stderr}");
    assert!(!config.path().join("config.toml").exists());
    let (_, stderr) = run(cli(&server, config.path()).args(["auth", "login"]).write_stdin(format!("Bearer {RW}")), 2);
    assert!(stderr.contains("Bearer"), "{stderr}");
    // Never from argv: there is no argument to give it.
    run(cli(&server, config.path()).args(["auth", "login", RW]), 2);
}

#[test]
fn without_a_credential_store_login_falls_back_to_a_file_and_says_so() {
    let server = mock();
    let config = tempfile::tempdir().unwrap();
    let (_, stderr) = login(&server, config.path(), "ci", RW, &[]);
    assert!(stderr.contains("cannot be used here") && stderr.contains("mode 0600"), "{stderr}");
    assert!(config.path().join("tokens").join("ci").exists());
}

#[test]
fn status_masks_each_token_and_says_whether_it_works() {
    let server = mock();
    let config = tempfile::tempdir().unwrap();
    login(&server, config.path(), "default", RW, &["--insecure-storage"]);
    server.add_token(TokenSpec::parse("rotated-away-3c4e").unwrap());
    login(&server, config.path(), "old", "rotated-away-3c4e", &["--insecure-storage"]);
    server.revoke_token("rotated-away-3c4e");

    let rows = status(&server, config.path(), &[], 0);
    assert_eq!(rows.len(), 2);
    let default = row(&rows, "default");
    assert_eq!((default["token"].as_str(), default["status"].as_str(), default["active"].as_bool()), (Some("****7a1c"), Some("ok"), Some(true)));
    assert!(default["source"].as_str().unwrap().starts_with("file "));
    let old = row(&rows, "old");
    assert_eq!((old["token"].as_str(), old["active"].as_bool()), (Some("****3c4e"), Some(false)));
    assert!(old["status"].as_str().unwrap().contains("401"), "{old}");
    // The active profile's failure is the exit code: 3 for a 401.
    status(&server, config.path(), &["--profile", "old"], 3);
    // Unreachable: BLINKSALE_BASE_URL wins over the profiles' base URL.
    let dead =
        cli(&server, config.path()).env("BLINKSALE_BASE_URL", "http://127.0.0.1:9/api/v1").args(["auth", "status", "-o", "json"]).output().unwrap();
    assert_eq!(dead.status.code(), Some(9));
    let rows: Vec<Value> = serde_json::from_slice(&dead.stdout).unwrap();
    assert!(rows.iter().all(|r| r["status"].as_str().unwrap().starts_with("unreachable")), "{rows:?}");
    // The environment's token is listed and active.
    let rows = status(&server, config.path(), &[], 0);
    assert!(rows.iter().all(|r| r["profile"] != "(environment)"));
    let (stdout, _) = run(cli(&server, config.path()).env("BLINKSALE_API_TOKEN", RO).args(["auth", "status", "-o", "json"]), 0);
    let rows: Vec<Value> = serde_json::from_str(&stdout).unwrap();
    let env = row(&rows, "(environment)");
    assert_eq!((env["token"].as_str(), env["active"].as_bool()), (Some("****9b2d"), Some(true)));
    assert_eq!(row(&rows, "default")["active"], false);
    // As a table on request.
    let (table, _) = run(cli(&server, config.path()).args(["auth", "status", "-o", "table"]), 0);
    assert!(table.contains("PROFILE") || table.contains("profile"), "{table}");
}

#[test]
fn auth_token_prints_the_active_token_and_the_environment_wins() {
    let server = mock();
    let config = tempfile::tempdir().unwrap();
    login(&server, config.path(), "default", RW, &["--insecure-storage"]);
    let out = cli(&server, config.path()).args(["auth", "token"]).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{RW}\n"));
    let out = cli(&server, config.path()).env("BLINKSALE_API_TOKEN", RO).args(["auth", "token"]).output().unwrap();
    assert_eq!(String::from_utf8(out.stdout).unwrap(), format!("{RO}\n"));
}

#[test]
fn profiles_are_chosen_by_flag_or_environment_and_the_token_variable_wins() {
    let server = mock();
    let config = tempfile::tempdir().unwrap();
    login(&server, config.path(), "writer", RW, &["--insecure-storage"]);
    login(&server, config.path(), "reader", RO, &["--insecure-storage"]);
    let create = ["clients", "create", "--field", "name=Ada", "--field", "email=ada@example.com", "-o", "json"];
    run(cli(&server, config.path()).args(["--profile", "reader"]).args(create), 4);
    run(cli(&server, config.path()).env("BLINKSALE_PROFILE", "writer").args(create), 0);
    // --profile wins over BLINKSALE_PROFILE.
    run(cli(&server, config.path()).env("BLINKSALE_PROFILE", "writer").args(["--profile", "reader"]).args(create), 4);
    // BLINKSALE_API_TOKEN wins over any profile, as GH_TOKEN does.
    run(cli(&server, config.path()).env("BLINKSALE_API_TOKEN", RO).args(["--profile", "writer"]).args(create), 4);
    // No `default` profile and no token: the error says how to log in.
    let (_, stderr) = run(cli(&server, config.path()).args(["clients", "list"]), 2);
    assert!(stderr.contains("auth login") && stderr.contains("BLINKSALE_API_TOKEN"), "{stderr}");
    let (_, stderr) = run(cli(&server, config.path()).args(["--profile", "nobody", "clients", "list"]), 2);
    assert!(stderr.contains("no profile `nobody`"), "{stderr}");
}

#[test]
fn logout_deletes_the_token_and_the_profile() {
    let server = mock();
    let config = tempfile::tempdir().unwrap();
    login(&server, config.path(), "default", RW, &["--insecure-storage"]);
    login(&server, config.path(), "other", RO, &["--insecure-storage"]);
    let file = config.path().join("tokens").join("default");
    let (_, stderr) = run(cli(&server, config.path()).args(["auth", "logout"]), 0);
    assert!(stderr.contains("Logged out of profile `default`") && stderr.contains("deleted"), "{stderr}");
    assert!(!file.exists());
    let toml = std::fs::read_to_string(config.path().join("config.toml")).unwrap();
    assert!(!toml.contains("[profiles.default]") && toml.contains("[profiles.other]"), "{toml}");
    run(cli(&server, config.path()).args(["clients", "list"]), 2);
    run(cli(&server, config.path()).args(["auth", "logout"]), 2);
}

/// A session bus and an unlocked gnome-keyring in a home of the test's own, for as long as
/// `script` runs; `None` (and why) when they cannot run here.
fn secret_service(home: &Path, script: &str, env: &[(&str, &str)]) -> Result<std::process::Output, String> {
    for tool in ["dbus-run-session", "gnome-keyring-daemon", "secret-tool"] {
        if StdCommand::new("sh").args(["-c", &format!("command -v {tool}")]).output().map(|o| !o.status.success()).unwrap_or(true) {
            return Err(format!("{tool} is not installed (Debian: dbus-daemon gnome-keyring libsecret-tools; tests/ensure-keyring.sh)"));
        }
    }
    let unlock = "printf pw | gnome-keyring-daemon --unlock --components=secrets >/dev/null";
    let mut cmd = StdCommand::new("dbus-run-session");
    cmd.args(["--", "sh", "-ec", &format!("{unlock}\n{script}")]).env("HOME", home).env("XDG_DATA_HOME", home.join("data"));
    for (k, v) in env {
        cmd.env(k, v);
    }
    cmd.output().map_err(|e| e.to_string())
}

#[test]
fn login_keeps_the_token_in_a_real_secret_service() {
    let server = mock();
    let home = tempfile::tempdir().unwrap();
    let config = home.path().join("config");
    let bin: PathBuf = assert_cmd::cargo::cargo_bin("blinksale");
    let script = r#"
        printf '%s\n' "$TOKEN" | "$BIN" auth login
        echo "stored=$(secret-tool lookup service blinksale username default)"
        "$BIN" auth status -o json > "$HOME/status.json"
        "$BIN" clients list -o json > /dev/null
        "$BIN" auth logout
        echo "after=$(secret-tool lookup service blinksale username default || true)"
    "#;
    let env =
        [("BIN", bin.to_str().unwrap()), ("TOKEN", RW), ("BLINKSALE_CONFIG_DIR", config.to_str().unwrap()), ("BLINKSALE_BASE_URL", server.url())];
    let out = match secret_service(home.path(), script, &env) {
        Ok(out) => out,
        Err(why) => {
            eprintln!("skipped: no Secret Service can run here: {why}");
            return;
        }
    };
    let (stdout, stderr) = (String::from_utf8_lossy(&out.stdout), String::from_utf8_lossy(&out.stderr));
    assert!(out.status.success(), "{stdout}\n{stderr}");
    // Read back from the store by another client (libsecret's secret-tool).
    assert!(stdout.contains(&format!("stored={RW}")), "{stdout}");
    assert!(stdout.contains("after=\n") || stdout.trim_end().ends_with("after="), "{stdout}");
    assert!(stderr.contains("stored in the Secret Service") && !stderr.contains(RW), "{stderr}");
    let rows: Vec<Value> = serde_json::from_str(&std::fs::read_to_string(home.path().join("status.json")).unwrap()).unwrap();
    assert_eq!(row(&rows, "default")["source"], "store (the Secret Service)");
    assert_eq!(row(&rows, "default")["status"], "ok");
    assert!(!std::fs::read_to_string(config.join("config.toml")).unwrap().contains(RW));
    assert!(!config.join("tokens").exists());
}
