//! The limiter's budget shared through Redis (or Valkey) by every process using one token.
//!
//! The same accounting as the in-process limiter, kept in two keys and changed only by Lua
//! scripts, so each step is atomic across processes: a hash with the window's state (limit,
//! lowest `remaining` reported, slots granted before the first report, window end, pause) and a
//! sorted set of leases, one per request in flight, scored by when the lease lapses. Time is
//! the Redis server's, so the processes' clocks never disagree. A process that dies leaks no
//! budget: its leases lapse.
//!
//! A store that errs or answers slower than [`STORE_TIMEOUT`] is left for [`RETRY_STORE`]: the
//! client paces in-process meanwhile and logs one warning.
use std::sync::Mutex;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::Duration;

use redis::aio::MultiplexedConnection;
use tokio::time::Instant;

use super::RateLimit;
use crate::log::{LogSink, event};

/// The longest a store call may take before the client paces on its own.
pub const STORE_TIMEOUT: Duration = Duration::from_millis(50);
/// The longest connecting (and loading the scripts) may take: once per connection, so it is
/// allowed more than a call.
const CONNECT_TIMEOUT: Duration = Duration::from_secs(1);
/// How long a failed store is left alone before it is tried again.
const RETRY_STORE: Duration = Duration::from_secs(5);
/// How long the keys live without use (refreshed by every grant).
const KEY_TTL_MS: u64 = 3_600_000;
/// How often a waiter asks the store again when only other processes' answers can free a slot
/// (they do not wake it).
const POLL: Duration = Duration::from_millis(50);

/// The scripts: the in-process limiter's rules, each step atomic in Redis. Their constants
/// are passed from Rust (`super::HEADERLESS_RUN`, `GUESSED_WINDOW`, `MIN_RESET`).
const ACQUIRE: &str = include_str!("acquire.lua");
const REPORT: &str = include_str!("report.lua");
const RELEASE: &str = include_str!("release.lua");

/// What the store answered to a request for a slot.
pub enum Slot {
    /// Granted: the lease and the store's time when it was taken.
    Granted(Lease),
    /// Not now: ask again after this long.
    Wait(Duration),
}

/// One request's slot in the shared budget.
#[derive(Debug)]
pub struct Lease {
    pub id: String,
    pub sent_ms: i64,
}

/// The connection to the store and the keys of this token's budget.
pub struct SharedStore {
    client: redis::Client,
    conn: tokio::sync::Mutex<Option<MultiplexedConnection>>,
    /// `{prefix}:{{hash}}`: a hash of the token and base URL, never the token.
    key: String,
    /// Where the store is, for messages: host and port only (no password).
    shown: String,
    lease: Duration,
    default_limit: u32,
    /// Names leases apart across processes and clients.
    lease_prefix: String,
    next: AtomicU64,
    down_until: Mutex<Option<Instant>>,
    warned: AtomicBool,
    /// Counts failures: an answer to a call sent before the latest failure (one in flight on
    /// the shared connection when the store died) is not a recovery.
    outages: AtomicU64,
    sink: Mutex<Option<LogSink>>,
    scripts: [redis::Script; 3],
}

impl std::fmt::Debug for SharedStore {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("SharedStore").field("store", &self.shown).field("key", &self.key).finish_non_exhaustive()
    }
}

/// Where the store is: its URL and, for `rediss://`, the roots to trust (PEM; none: the
/// platform's).
pub struct StoreConfig<'a> {
    pub url: &'a str,
    pub roots: Option<Vec<u8>>,
}

/// The redis client; `rediss://` through rustls with the given roots.
fn open(store: &StoreConfig<'_>) -> redis::RedisResult<redis::Client> {
    if store.url.starts_with("rediss://") {
        // redis builds its TLS config from the process's default provider; this is the one
        // rustls itself would pick, and an application's own choice, made first, stands.
        let _ = rustls::crypto::ring::default_provider().install_default();
        if let Some(pem) = &store.roots {
            return redis::Client::build_with_tls(store.url, redis::TlsCertificates { client_tls: None, root_cert: Some(pem.clone()) });
        }
    }
    redis::Client::open(store.url)
}

impl SharedStore {
    /// Checks the URL; connects only on first use.
    pub fn new(
        store: StoreConfig<'_>,
        prefix: &str,
        scope: &[u8],
        lease: Duration,
        default_limit: u32,
        sink: Option<LogSink>,
    ) -> Result<SharedStore, String> {
        let client = open(&store).map_err(|e| format!("invalid rate_limit_store URL: {}", redact(&e.to_string())))?;
        let info = client.get_connection_info();
        let shown = match info.addr() {
            redis::ConnectionAddr::Tcp(host, port) | redis::ConnectionAddr::TcpTls { host, port, .. } => format!("{host}:{port}"),
            other => format!("{other}"),
        };
        let digest = ring::digest::digest(&ring::digest::SHA256, scope);
        let hash: String = digest.as_ref()[..16].iter().map(|b| format!("{b:02x}")).collect();
        Ok(SharedStore {
            client,
            conn: tokio::sync::Mutex::new(None),
            // A hash tag: both keys land in one Redis Cluster slot, as a script's keys must.
            key: format!("{prefix}:{{{hash}}}"),
            shown,
            lease,
            default_limit,
            lease_prefix: format!("{}-{:016x}", std::process::id(), fastrand::u64(..)),
            next: AtomicU64::new(0),
            down_until: Mutex::new(None),
            warned: AtomicBool::new(false),
            outages: AtomicU64::new(0),
            sink: Mutex::new(sink),
            scripts: [redis::Script::new(ACQUIRE), redis::Script::new(REPORT), redis::Script::new(RELEASE)],
        })
    }

    /// Where warnings go besides `tracing`.
    pub fn set_log_sink(&self, sink: LogSink) {
        *self.sink.lock().unwrap_or_else(|e| e.into_inner()) = Some(sink);
    }

    fn sink(&self) -> Option<LogSink> {
        self.sink.lock().unwrap_or_else(|e| e.into_inner()).clone()
    }

    /// Whether the store is in use (not left after a failure).
    pub fn usable(&self) -> bool {
        let mut down = self.down_until.lock().unwrap_or_else(|e| e.into_inner());
        match *down {
            Some(until) if Instant::now() < until => false,
            Some(_) => {
                *down = None;
                true
            }
            None => true,
        }
    }

    /// Marks the store failed: the client paces in-process until [`RETRY_STORE`] has passed.
    /// One warning per outage.
    fn failed(&self, why: &str) {
        *self.down_until.lock().unwrap_or_else(|e| e.into_inner()) = Some(Instant::now() + RETRY_STORE);
        self.outages.fetch_add(1, Ordering::SeqCst);
        if !self.warned.swap(true, Ordering::Relaxed) {
            let store = self.shown.as_str();
            let why = redact(why);
            event!(
                self.sink().as_ref(),
                WARN,
                "blinksale: the rate-limit store failed; pacing in this process only, and trying the store again in 5 s",
                store = store,
                error = why.as_str(),
            );
        }
    }

    /// The connection, made (with the scripts loaded, so each call is one round trip) on first
    /// use and after a failure.
    async fn connection(&self) -> Result<MultiplexedConnection, String> {
        let mut slot = self.conn.lock().await;
        if let Some(conn) = slot.as_ref() {
            return Ok(conn.clone());
        }
        let connect = async {
            let mut conn = self.client.get_multiplexed_async_connection().await?;
            for script in &self.scripts {
                script.prepare_invoke().load_async(&mut conn).await?;
            }
            Ok::<_, redis::RedisError>(conn)
        };
        let conn = match tokio::time::timeout(CONNECT_TIMEOUT, connect).await {
            Ok(Ok(conn)) => conn,
            Ok(Err(e)) => return Err(e.to_string()),
            Err(_) => return Err(format!("cannot connect within {} ms", CONNECT_TIMEOUT.as_millis())),
        };
        *slot = Some(conn.clone());
        Ok(conn)
    }

    /// Runs one script within [`STORE_TIMEOUT`]; on failure the connection is dropped (a new
    /// one is made next time) and the store is left for a while.
    async fn run<T: redis::FromRedisValue>(&self, script: usize, args: &[String]) -> Option<T> {
        let outages = self.outages.load(Ordering::SeqCst);
        let mut conn = match self.connection().await {
            Ok(conn) => conn,
            Err(e) => {
                self.failed(&e);
                return None;
            }
        };
        let mut invocation = self.scripts[script].key(format!("{}:w", self.key));
        invocation.key(format!("{}:leases", self.key));
        for a in args {
            invocation.arg(a);
        }
        let outcome = match tokio::time::timeout(STORE_TIMEOUT, invocation.invoke_async::<T>(&mut conn)).await {
            Ok(Ok(v)) => return self.answered(v, outages),
            Ok(Err(e)) => e.to_string(),
            Err(_) => format!("no answer within {} ms", STORE_TIMEOUT.as_millis()),
        };
        *self.conn.lock().await = None;
        self.failed(&outcome);
        None
    }

    /// An answer; it ends an outage only if its call began after the latest failure.
    fn answered<T>(&self, v: T, outages_at_start: u64) -> Option<T> {
        if self.outages.load(Ordering::SeqCst) == outages_at_start && self.warned.swap(false, Ordering::Relaxed) {
            event!(self.sink().as_ref(), INFO, "blinksale: the rate-limit store answers again; pacing is shared", store = self.shown.as_str(),);
        }
        Some(v)
    }

    /// Asks for a slot. None when the store failed (the caller paces in-process).
    pub async fn acquire(&self) -> Option<Slot> {
        let id = format!("{}-{}", self.lease_prefix, self.next.fetch_add(1, Ordering::Relaxed));
        let args = [
            self.lease.as_millis().to_string(),
            id.clone(),
            self.default_limit.to_string(),
            KEY_TTL_MS.to_string(),
            super::HEADERLESS_RUN.to_string(),
            POLL.as_millis().to_string(),
            super::GUESSED_WINDOW.as_millis().to_string(),
        ];
        let (granted, value): (i64, i64) = self.run(0, &args).await?;
        Some(if granted == 1 { Slot::Granted(Lease { id, sent_ms: value }) } else { Slot::Wait(Duration::from_millis(value.max(1) as u64)) })
    }

    /// Reports a response to the shared state.
    pub async fn report(&self, lease: Lease, rate: Option<RateLimit>, retry_after: Option<Duration>, from_api: bool) {
        let num = |v: Option<u64>| v.map_or("-1".to_string(), |v| v.to_string());
        let args = [
            lease.id,
            lease.sent_ms.to_string(),
            num(rate.and_then(|r| r.limit).map(u64::from)),
            num(rate.and_then(|r| r.remaining).map(u64::from)),
            num(rate.and_then(|r| r.reset).map(|d| d.as_millis() as u64)),
            num(retry_after.map(|d| d.as_millis() as u64)),
            if from_api { "1" } else { "0" }.to_string(),
            super::MIN_RESET.as_millis().to_string(),
        ];
        let _: Option<i64> = self.run(1, &args).await;
    }

    /// Gives a lease back without a response.
    pub async fn release(&self, lease: Lease, went_out: bool) {
        let args = [lease.id, if went_out { "1" } else { "0" }.to_string(), super::GUESSED_WINDOW.as_millis().to_string()];
        let _: Option<i64> = self.run(2, &args).await;
    }
}

/// Hides a password in a `redis://user:password@host` text.
fn redact(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    let mut rest = text;
    while let Some(i) = rest.find("://") {
        let (head, tail) = rest.split_at(i + 3);
        out.push_str(head);
        let end = tail.find(|c: char| c.is_whitespace() || c == '/' || c == '"').unwrap_or(tail.len());
        match tail[..end].rfind('@') {
            Some(at) => {
                out.push_str("[redacted]");
                out.push_str(&tail[at..end]);
            }
            None => out.push_str(&tail[..end]),
        }
        rest = &tail[end..];
    }
    out.push_str(rest);
    out
}

#[cfg(test)]
mod tests {
    use std::sync::{Arc, Mutex};
    use std::time::Duration;

    use super::SharedStore;
    use crate::log::LogSink;

    fn store(lines: Arc<Mutex<Vec<String>>>) -> SharedStore {
        let sink = LogSink(Arc::new(move |_, line: &str| lines.lock().unwrap().push(line.to_owned())));
        SharedStore::new(super::StoreConfig { url: "redis://127.0.0.1:1/0", roots: None }, "t", b"scope", Duration::from_secs(1), 10, Some(sink))
            .unwrap()
    }

    /// Two calls share the connection when the store dies: the first fails, the second's answer
    /// was on its way. That answer must not end the outage, or the next failure warns again.
    #[test]
    fn an_answer_sent_before_the_failure_is_not_a_recovery() {
        let lines = Arc::new(Mutex::new(Vec::new()));
        let store = store(lines.clone());
        let before = store.outages.load(std::sync::atomic::Ordering::SeqCst);
        store.failed("connection reset");
        assert_eq!(store.answered(1, before), Some(1));
        store.failed("connection refused");
        let warned = |l: &Vec<String>| l.iter().filter(|l| l.contains("store failed")).count();
        assert_eq!(warned(&lines.lock().unwrap()), 1, "{:?}", lines.lock().unwrap());
        let after = store.outages.load(std::sync::atomic::Ordering::SeqCst);
        store.answered(1, after);
        assert!(lines.lock().unwrap().iter().any(|l| l.contains("answers again")));
    }

    #[test]
    fn redact_hides_credentials() {
        assert_eq!(super::redact("redis://:hunter2@cache:6379/0"), "redis://[redacted]@cache:6379/0");
        assert_eq!(super::redact("redis://cache:6379"), "redis://cache:6379");
    }
}
