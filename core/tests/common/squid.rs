//! A squid proxy of its own on a free loopback port, with basic authentication, logging each
//! request's headers, for the proxy tests. `None` (and why) where squid is not installed.
#![allow(dead_code)]
use std::path::PathBuf;
use std::process::{Child, Command, Stdio};
use std::time::Duration;

pub const USER: &str = "blinksale";
pub const PASSWORD: &str = "hunter2-proxy-secret";

pub struct Squid {
    child: Child,
    pub port: u16,
    dir: PathBuf,
}

const CONF: &str = "\
http_port 127.0.0.1:{port}
pid_filename {dir}/squid.pid
cache_log {dir}/cache.log
cache deny all
cache_mem 8 MB
auth_param basic program /usr/lib/squid/basic_ncsa_auth {dir}/passwd
acl authed proxy_auth REQUIRED
http_access allow authed
http_access deny all
log_mime_hdrs on
logformat withheaders %rm %ru %>Hs [%>h]
access_log stdio:{dir}/access.log withheaders
coredump_dir {dir}
shutdown_lifetime 0 seconds
";

impl Squid {
    pub fn start() -> Result<Squid, String> {
        let squid = ["/usr/sbin/squid", "/usr/bin/squid"].into_iter().find(|p| std::path::Path::new(p).exists()).ok_or("squid is not installed")?;
        let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
        let dir = std::env::temp_dir().join(format!("blinksale-squid-{}-{port}", std::process::id()));
        std::fs::create_dir_all(&dir).unwrap();
        // Squid started as root runs as its own user: it must write here.
        let _ = Command::new("chmod").arg("777").arg(&dir).status();
        let hash = Command::new("openssl").args(["passwd", "-apr1", PASSWORD]).output().map_err(|e| format!("openssl: {e}"))?;
        std::fs::write(dir.join("passwd"), format!("{USER}:{}", String::from_utf8_lossy(&hash.stdout))).unwrap();
        let conf = CONF.replace("{port}", &port.to_string()).replace("{dir}", &dir.display().to_string());
        std::fs::write(dir.join("squid.conf"), conf).unwrap();
        let child = Command::new(squid)
            .args(["-N", "-f"])
            .arg(dir.join("squid.conf"))
            .stdout(Stdio::null())
            .stderr(Stdio::null())
            .spawn()
            .map_err(|e| e.to_string())?;
        let squid = Squid { child, port, dir };
        for _ in 0..400 {
            if std::net::TcpStream::connect(("127.0.0.1", port)).is_ok() {
                return Ok(squid);
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        Err(format!("squid did not listen: {}", std::fs::read_to_string(squid.dir.join("cache.log")).unwrap_or_default()))
    }

    /// `http://user:password@127.0.0.1:port`.
    pub fn url(&self) -> String {
        self.url_with(PASSWORD)
    }

    pub fn url_with(&self, password: &str) -> String {
        format!("http://{USER}:{password}@127.0.0.1:{}", self.port)
    }

    /// The access log: one line per request (a tunnel's when it closes), with its headers.
    pub fn log(&self) -> String {
        std::fs::read_to_string(self.dir.join("access.log")).unwrap_or_default()
    }
}

impl Drop for Squid {
    fn drop(&mut self) {
        // SIGTERM lets squid stop its helpers; SIGKILL only if it lingers.
        let _ = Command::new("kill").arg(self.child.id().to_string()).status();
        for _ in 0..120 {
            if let Ok(Some(_)) = self.child.try_wait() {
                break;
            }
            std::thread::sleep(Duration::from_millis(25));
        }
        let _ = self.child.kill();
        let _ = self.child.wait();
        let _ = std::fs::remove_dir_all(&self.dir);
    }
}
