//! The log of requests received. It never holds the token, only whether it was accepted.
use std::collections::VecDeque;
use std::sync::Mutex;
use std::sync::atomic::{AtomicU64, Ordering};

use serde::Serialize;
use serde_json::Value;

/// One request as the server saw it.
#[derive(Clone, Debug, Serialize, PartialEq)]
pub struct LoggedRequest {
    /// Arrival order, from 1.
    pub seq: u64,
    /// Arrival time, in milliseconds since the server started.
    pub at_ms: u64,
    /// The HTTP method.
    pub method: String,
    /// `HTTP/1.1` or `HTTP/2.0`.
    pub protocol: String,
    /// The connection it came on, numbered from 1 in accept order (0: not known).
    pub connection: u64,
    /// The path as sent, including `/api/v1`.
    pub path: String,
    /// The raw query string.
    pub query: Option<String>,
    /// The request headers, names lower-case, without `authorization`.
    pub headers: std::collections::BTreeMap<String, String>,
    /// The JSON body, or its text when it is not JSON; None when empty.
    pub body: Option<Value>,
    /// Whether the bearer token was accepted.
    pub authorized: bool,
    /// The status sent; None when the connection was dropped.
    pub status: Option<u16>,
    /// The injected fault that fired, if any.
    pub fault: Option<String>,
}

/// Holds the most recent requests (older ones are dropped past the cap).
pub struct RequestLog {
    started: std::time::Instant,
    next: AtomicU64,
    connections: AtomicU64,
    entries: Mutex<VecDeque<LoggedRequest>>,
}

const CAP: usize = 100_000;

impl Default for RequestLog {
    fn default() -> Self {
        RequestLog {
            started: std::time::Instant::now(),
            next: AtomicU64::new(1),
            connections: AtomicU64::new(1),
            entries: Mutex::new(VecDeque::new()),
        }
    }
}

impl RequestLog {
    pub fn next_seq(&self) -> u64 {
        self.next.fetch_add(1, Ordering::Relaxed)
    }
    pub fn next_connection(&self) -> u64 {
        self.connections.fetch_add(1, Ordering::Relaxed)
    }
    pub fn elapsed_ms(&self) -> u64 {
        self.started.elapsed().as_millis() as u64
    }
    pub fn push(&self, entry: LoggedRequest) {
        let mut e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if e.len() >= CAP {
            e.pop_front();
        }
        e.push_back(entry);
    }
    /// Records the status sent for request `seq`.
    pub fn set_status(&self, seq: u64, status: u16) {
        let mut e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        if let Some(entry) = e.iter_mut().rev().find(|x| x.seq == seq) {
            entry.status = Some(status);
        }
    }
    /// The entries in arrival order.
    pub fn entries(&self) -> Vec<LoggedRequest> {
        let mut out: Vec<_> = self.entries.lock().unwrap_or_else(|e| e.into_inner()).iter().cloned().collect();
        out.sort_by_key(|e| e.seq);
        out
    }
    pub fn clear(&self) -> usize {
        let mut e = self.entries.lock().unwrap_or_else(|e| e.into_inner());
        let n = e.len();
        e.clear();
        n
    }
}
