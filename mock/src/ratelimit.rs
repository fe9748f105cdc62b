//! Fixed-window rate limiting per token, with the documented `X-RateLimit-*` headers.
use std::collections::HashMap;
use std::sync::Mutex;
use std::time::{Duration, Instant};

/// What the headers of one response report.
#[derive(Clone, Copy, Debug)]
pub struct RateState {
    pub limit: u32,
    pub remaining: u32,
    /// Seconds until the window resets.
    pub reset_secs: u64,
    /// False when this request is over the limit.
    pub allowed: bool,
}

pub struct RateLimiter {
    limit: u32,
    window: Duration,
    buckets: Mutex<HashMap<String, (Instant, u32)>>,
}

impl RateLimiter {
    pub fn new(limit: u32, window: Duration) -> Self {
        RateLimiter { limit, window: window.max(Duration::from_millis(1)), buckets: Mutex::new(HashMap::new()) }
    }

    /// Counts a request for `key`. None when rate limiting is off.
    pub fn hit(&self, key: &str) -> Option<RateState> {
        if self.limit == 0 {
            return None;
        }
        let now = Instant::now();
        let mut buckets = self.buckets.lock().unwrap_or_else(|e| e.into_inner());
        let bucket = buckets.entry(key.to_string()).or_insert((now, 0));
        if now.duration_since(bucket.0) >= self.window {
            *bucket = (now, 0);
        }
        let left = self.window.saturating_sub(now.duration_since(bucket.0));
        // Round up so a client that waits `reset` seconds is always past the window.
        let reset_secs = left.as_millis().div_ceil(1000).max(1) as u64;
        let allowed = bucket.1 < self.limit;
        if allowed {
            bucket.1 += 1;
        }
        Some(RateState { limit: self.limit, remaining: self.limit - bucket.1, reset_secs, allowed })
    }
}
