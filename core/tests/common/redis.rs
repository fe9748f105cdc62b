//! A redis-server of its own on a free loopback port, for the tests that share a rate limit
//! through Redis (the shared-store tests and the limiter's trace test include this file).
#![allow(dead_code)]
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub struct Redis {
    pub child: Child,
    port: u16,
    /// With TLS, the CA that signed the server's certificate.
    pub ca: Option<std::path::PathBuf>,
    _dir: tempdir::Dir,
}

mod tempdir {
    pub struct Dir(pub std::path::PathBuf);
    impl Drop for Dir {
        fn drop(&mut self) {
            let _ = std::fs::remove_dir_all(&self.0);
        }
    }
}

/// A CA and a certificate for 127.0.0.1 signed by it (tests/tls-certs.sh).
fn certificates(dir: &std::path::Path) {
    let script = concat!(env!("CARGO_MANIFEST_DIR"), "/../tests/tls-certs.sh");
    let ok = Command::new(script).arg(dir).status().map(|s| s.success());
    assert!(matches!(ok, Ok(true)), "{script} {}", dir.display());
}

impl Redis {
    pub fn start() -> Redis {
        Redis::spawn(false)
    }

    /// A redis-server that speaks TLS only (`rediss://`), with a CA of its own.
    pub fn start_tls() -> Redis {
        Redis::spawn(true)
    }

    fn spawn(tls: bool) -> Redis {
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = std::env::temp_dir().join(format!("blinksale-redis-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        let mut cmd = Command::new("redis-server");
        cmd.args(["--bind", "127.0.0.1", "--save", "", "--appendonly", "no"]).arg("--dir").arg(&dir);
        if tls {
            certificates(&dir);
            cmd.args(["--port", "0", "--tls-port", &port.to_string(), "--tls-auth-clients", "no"]);
            cmd.args(["--tls-cert-file", "server.pem", "--tls-key-file", "server.key", "--tls-ca-cert-file", "ca.pem"]);
        } else {
            cmd.args(["--port", &port.to_string()]);
        }
        let child = cmd.stdout(Stdio::null()).spawn().expect("redis-server is installed (make test and .ci/run install it)");
        for _ in 0..200 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let ca = tls.then(|| dir.join("ca.pem"));
        Redis { child, port, ca, _dir: tempdir::Dir(dir) }
    }

    pub fn url(&self) -> String {
        let scheme = if self.ca.is_some() { "rediss" } else { "redis" };
        format!("{scheme}://127.0.0.1:{}/0", self.port)
    }

    /// The keys, read with redis-cli (which speaks TLS too).
    pub fn keys(&self) -> Vec<String> {
        let mut cmd = Command::new("redis-cli");
        cmd.args(["-h", "127.0.0.1", "-p", &self.port.to_string()]);
        if let Some(ca) = &self.ca {
            cmd.arg("--tls").arg("--cacert").arg(ca);
        }
        let out = cmd.args(["--raw", "KEYS", "*"]).output().expect("redis-cli is installed with redis-server");
        String::from_utf8_lossy(&out.stdout).lines().filter(|l| !l.is_empty()).map(str::to_string).collect()
    }
}

impl Drop for Redis {
    fn drop(&mut self) {
        let _ = self.child.kill();
        let _ = self.child.wait();
    }
}
