//! One rate limiter per client, shared by every clone and task: it paces requests so a bulk
//! job stays under the server's limit, and a 429 pauses everyone until the reset.
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::time::Instant;

/// The server's rate-limit state, from the `X-RateLimit-*` headers of one response.
#[derive(Clone, Copy, Debug, PartialEq, Eq)]
pub struct RateLimit {
    /// Requests allowed per window.
    pub limit: Option<u32>,
    /// Requests left in this window.
    pub remaining: Option<u32>,
    /// Time until the window resets.
    pub reset: Option<Duration>,
}

impl RateLimit {
    /// Reads the headers; None when the response has none of them.
    pub fn from_headers(headers: &http::HeaderMap) -> Option<RateLimit> {
        let num = |name: &str| headers.get(name)?.to_str().ok()?.trim().parse::<u64>().ok();
        let limit = num("x-ratelimit-limit").map(|v| v.min(u32::MAX as u64) as u32);
        let remaining = num("x-ratelimit-remaining").map(|v| v.min(u32::MAX as u64) as u32);
        let reset = num("x-ratelimit-reset").map(reset_delay);
        (limit.is_some() || remaining.is_some() || reset.is_some()).then_some(RateLimit { limit, remaining, reset })
    }
}

/// `X-RateLimit-Reset` is documented as seconds; some servers send an epoch timestamp. A value
/// past 2001-09-09 (1e9 s) is taken as a timestamp.
fn reset_delay(v: u64) -> Duration {
    if v >= 1_000_000_000 {
        let now = std::time::SystemTime::now().duration_since(std::time::UNIX_EPOCH).unwrap_or_default().as_secs();
        Duration::from_secs(v.saturating_sub(now))
    } else {
        Duration::from_secs(v)
    }
}

/// How long a 429 asks to wait: `Retry-After` (seconds), else `X-RateLimit-Reset`, else 1 s.
pub fn retry_after(headers: &http::HeaderMap) -> Duration {
    let secs = headers
        .get(http::header::RETRY_AFTER)
        .and_then(|v| v.to_str().ok())
        .and_then(|v| v.trim().parse::<f64>().ok())
        .filter(|v| v.is_finite() && *v >= 0.0)
        .map(|v| Duration::from_secs_f64(v.min(3600.0)));
    secs.or_else(|| RateLimit::from_headers(headers).and_then(|r| r.reset)).unwrap_or(Duration::from_secs(1))
}

#[derive(Debug)]
struct State {
    limit: u32,
    /// Requests we may still send in the server's current window.
    remaining: u32,
    /// When the server's current window ends, if known.
    window_end: Option<Instant>,
    /// Set by a 429: nobody sends before this.
    paused_until: Option<Instant>,
    /// Requests sent and not yet answered.
    in_flight: u32,
    /// The last response carried no rate-limit headers: the server is not limiting.
    unlimited: bool,
    last: Option<RateLimit>,
}

/// The shared limiter.
#[derive(Clone, Debug)]
pub(crate) struct Limiter(Arc<Mutex<State>>);

impl Limiter {
    pub fn new(limit: u32) -> Self {
        Limiter(Arc::new(Mutex::new(State {
            limit,
            remaining: limit,
            window_end: None,
            paused_until: None,
            in_flight: 0,
            unlimited: false,
            last: None,
        })))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Waits until a request may be sent, then counts it. Returns the time spent waiting.
    pub async fn acquire(&self) -> Duration {
        let start = Instant::now();
        loop {
            let wait = {
                let mut s = self.lock();
                let now = Instant::now();
                if s.paused_until.is_some_and(|p| p <= now) {
                    s.paused_until = None;
                }
                // A window we know has ended: the server's count starts again.
                if s.window_end.is_some_and(|end| end <= now) {
                    s.window_end = None;
                    s.remaining = s.limit;
                }
                if let Some(p) = s.paused_until {
                    Some(p - now)
                } else if s.unlimited || s.remaining > 0 {
                    if !s.unlimited {
                        s.remaining -= 1;
                    }
                    s.in_flight += 1;
                    None
                } else if let Some(end) = s.window_end {
                    Some(end - now)
                } else {
                    // Out of budget with no reset known: wait a second, then try again.
                    s.window_end = Some(now + Duration::from_secs(1));
                    Some(Duration::from_secs(1))
                }
            };
            match wait {
                None => return start.elapsed(),
                Some(d) => {
                    tracing::debug!(wait_ms = d.as_millis() as u64, "blinksale: rate limit, waiting");
                    tokio::time::sleep(d).await;
                }
            }
        }
    }

    /// Learns from a response's headers; `retry_after` is set for a 429.
    pub fn observe(&self, rate: Option<RateLimit>, retry_after: Option<Duration>) {
        let mut s = self.lock();
        s.in_flight = s.in_flight.saturating_sub(1);
        let now = Instant::now();
        s.unlimited = rate.is_none() && retry_after.is_none();
        if let Some(r) = rate {
            if let Some(limit) = r.limit.filter(|l| *l > 0) {
                s.limit = limit;
            }
            if let Some(remaining) = r.remaining {
                // Requests still in flight may already have used some of it; and responses
                // can arrive out of order, so within a known window the count only goes down.
                let reported = remaining.saturating_sub(s.in_flight);
                s.remaining = if s.window_end.is_some_and(|end| end > now) { s.remaining.min(reported) } else { reported };
            }
            if let Some(reset) = r.reset {
                // The header counts whole seconds; the window ends within that second.
                s.window_end = Some(now + reset.max(Duration::from_millis(100)));
            }
            s.last = Some(r);
        }
        if let Some(wait) = retry_after {
            let until = now + wait;
            s.paused_until = Some(s.paused_until.map_or(until, |p| p.max(until)));
            s.remaining = 0;
            s.window_end = Some(s.window_end.map_or(until, |e| e.max(until)));
        }
    }

    /// A request that got no response still ends.
    pub fn abandon(&self) {
        let mut s = self.lock();
        s.in_flight = s.in_flight.saturating_sub(1);
    }

    /// The last state the server reported.
    pub fn last(&self) -> Option<RateLimit> {
        self.lock().last
    }
}
