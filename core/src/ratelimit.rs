//! One rate limiter per client, shared by every clone and task: it paces requests so a bulk
//! job stays under the server's limit, and a 429 pauses everyone until the reset.
use std::collections::{BTreeSet, VecDeque};
use std::sync::{Arc, Mutex};
use std::time::Duration;

use tokio::sync::Notify;
use tokio::time::Instant;

#[cfg(feature = "redis-store")]
pub(crate) mod shared;
#[cfg(all(test, feature = "redis-store"))]
mod trace;

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

/// Responses from the API without rate-limit headers, in a row, before pacing stops: one
/// stray response (a proxy's page, a cached answer) must not let every waiting task go.
/// These rules are shared with the store's scripts (`ratelimit/*.lua`), which get them as
/// arguments.
pub(crate) const HEADERLESS_RUN: u32 = 3;
/// With the budget spent and no reset known, the window assumed to end this much later.
pub(crate) const GUESSED_WINDOW: Duration = Duration::from_secs(1);
/// The shortest window end a report can set: a reset of 0 still leaves the server time to roll.
pub(crate) const MIN_RESET: Duration = Duration::from_millis(100);

/// What the limiter knows of the server's current window.
///
/// Within a window the server's `remaining` only goes down, so the lowest report came from
/// the request that reached it last among those answered: everything answered is in that
/// count already, and only the requests still unanswered may come on top of it. So what may
/// still be sent is the lowest report less the requests in flight; nothing is subtracted
/// twice. Before a window's first report, it is the limit less the requests sent in it.
#[derive(Debug)]
struct State {
    limit: u32,
    /// The number of the last request sent.
    seq: u64,
    /// Requests numbered up to this one were counted in an earlier window: their reports
    /// say nothing of this one.
    window_first: u64,
    /// The lowest `remaining` reported in this window.
    lowest: Option<u32>,
    /// Requests counted in this window before its first report.
    used: u64,
    /// Requests cancelled after they went out: they may still reach the server in this window.
    dropped_sent: u32,
    /// The window's end lies in `(window_lb, window_end]`: reports count whole seconds,
    /// rounded up, so each one bounds it within a second.
    window_end: Option<Instant>,
    window_lb: Option<Instant>,
    /// Set by a 429: nobody sends before this.
    paused_until: Option<Instant>,
    /// Numbers of the requests sent and not yet answered or dropped.
    in_flight: BTreeSet<u64>,
    /// When recent requests were sent, to tell which may count in the next window.
    sent_at: VecDeque<(u64, Instant)>,
    /// API responses without rate-limit headers in a row.
    headerless: u32,
    /// The last report; until the first, one request at a time goes out to learn the limit.
    last: Option<RateLimit>,
}

impl State {
    fn new(limit: u32) -> State {
        State {
            limit,
            seq: 0,
            window_first: 0,
            lowest: None,
            used: 0,
            dropped_sent: 0,
            window_end: None,
            window_lb: None,
            paused_until: None,
            in_flight: BTreeSet::new(),
            sent_at: VecDeque::new(),
            headerless: 0,
            last: None,
        }
    }

    /// Requests that may still be sent in the current window.
    fn available(&self) -> u64 {
        let dropped = u64::from(self.dropped_sent);
        match self.lowest {
            Some(lowest) => u64::from(lowest).saturating_sub(self.in_flight.len() as u64 + dropped),
            None => u64::from(self.limit).saturating_sub(self.used + dropped),
        }
    }

    /// The last request sent no later than `at`: the ones after it may have reached the
    /// server after a window ending at `at` or later.
    fn sent_by(&self, at: Instant) -> u64 {
        self.sent_at.iter().take_while(|(_, t)| *t <= at).last().map_or(self.window_first, |(seq, _)| *seq)
    }

    /// A window begins. The server counts afresh from the first request that reached it
    /// after the real end, which lies after `window_lb`: requests sent since, and those sent
    /// before and still in flight, may count in it.
    fn start_window(&mut self) {
        let first = match self.window_lb {
            Some(lb) => self.sent_by(lb).max(self.window_first),
            None => self.seq,
        };
        self.used = self.seq.saturating_sub(first) + self.in_flight.range(..=first).count() as u64;
        self.window_first = first;
        self.lowest = None;
        self.dropped_sent = 0;
        self.sent_at.retain(|(seq, _)| *seq > first);
    }

    /// Learns from the report of request `seq`, sent at `sent` and answered at `now`. The
    /// server counted `reset` from the request's arrival, which lies between the two.
    fn learn(&mut self, seq: u64, sent: Instant, r: RateLimit, now: Instant) {
        if let Some(limit) = r.limit.filter(|l| *l > 0) {
            self.limit = limit;
        }
        if seq <= self.window_first {
            return;
        }
        // Checked: a reset of years from a broken server must not panic.
        let bounds = r.reset.and_then(|reset| {
            let lb = sent.checked_add(reset)?.checked_sub(Duration::from_secs(1)).unwrap_or(sent);
            Some((lb, now.checked_add(reset.max(MIN_RESET))?))
        });
        // A window that begins after the one we know has ended.
        let fresh = matches!((bounds, self.window_end), (Some((lb, _)), Some(end)) if lb >= end);
        if fresh {
            self.start_window();
        }
        if let Some(remaining) = r.remaining {
            self.lowest = Some(self.lowest.map_or(remaining, |l| l.min(remaining)));
        }
        if let Some((lb, end)) = bounds {
            let same = !fresh && self.window_end.is_some();
            self.window_end = Some(if same { self.window_end.map_or(end, |e| e.min(end)) } else { end });
            self.window_lb = Some(if same { self.window_lb.map_or(lb, |l| l.max(lb)) } else { lb });
        }
    }
}

/// The shared limiter. Waiters wake when their wait ends or when an answer frees budget.
#[derive(Clone, Debug)]
pub(crate) struct Limiter(Arc<Inner>);

#[derive(Debug)]
struct Inner {
    state: Mutex<State>,
    notify: Notify,
    /// The budget shared with other processes, when a store is configured. The in-process
    /// state keeps learning from every answer, so it can take over when the store fails.
    #[cfg(feature = "redis-store")]
    store: Option<Arc<shared::SharedStore>>,
    /// Store calls running in the background (reports and releases), for [`Limiter::settle`].
    #[cfg(feature = "redis-store")]
    pending: (std::sync::atomic::AtomicUsize, Notify),
}

/// One request's slot in the budget. Dropped without [`Permit::observe`] (cancelled, or no
/// response), it gives the slot back if the request never went out, and otherwise counts as
/// sent until the window ends, as the server may count it.
#[derive(Debug)]
pub(crate) struct Permit {
    limiter: Limiter,
    seq: u64,
    /// When the slot was handed out: no later than the request reached the server.
    sent_at: Instant,
    /// Whether the request was handed to the connection.
    went_out: bool,
    /// Time spent waiting for the slot.
    pub waited: Duration,
    /// The slot in the shared store, if it came from there.
    #[cfg(feature = "redis-store")]
    lease: Option<shared::Lease>,
}

impl Drop for Permit {
    fn drop(&mut self) {
        #[cfg(feature = "redis-store")]
        if let Some(lease) = self.lease.take() {
            let went_out = self.went_out;
            self.limiter.in_store(move |store| async move { store.release(lease, went_out).await });
        }
        let mut s = self.limiter.lock();
        if s.in_flight.remove(&self.seq) {
            if self.went_out && self.seq > s.window_first {
                s.dropped_sent = s.dropped_sent.saturating_add(1);
            }
            drop(s);
            self.limiter.0.notify.notify_waiters();
        }
    }
}

impl Permit {
    /// The request is about to go out: from now on the server may count it.
    pub fn going_out(&mut self) {
        self.went_out = true;
    }

    /// No request went out after all (the connection failed before sending).
    pub fn not_sent(&mut self) {
        self.went_out = false;
    }

    /// Learns from the response to this request; `retry_after` is set for a 429, and
    /// `from_api` says whether the body was the API's own (not an error page in front of it).
    #[cfg_attr(not(feature = "redis-store"), allow(unused_mut))]
    pub fn observe(mut self, rate: Option<RateLimit>, retry_after: Option<Duration>, from_api: bool) {
        #[cfg(feature = "redis-store")]
        if let Some(lease) = self.lease.take() {
            self.limiter.in_store(move |store| async move { store.report(lease, rate, retry_after, from_api).await });
        }
        let mut s = self.limiter.lock();
        let now = Instant::now();
        s.in_flight.remove(&self.seq);
        match rate {
            Some(r) => {
                s.headerless = 0;
                s.learn(self.seq, self.sent_at, r, now);
                s.last = Some(r);
            }
            // Only the API's own answers say it is not limiting; an error page says nothing.
            None if from_api && retry_after.is_none() => s.headerless = s.headerless.saturating_add(1),
            None => {}
        }
        if let Some(wait) = retry_after {
            let until = now + wait;
            s.paused_until = Some(s.paused_until.map_or(until, |p| p.max(until)));
            s.lowest = Some(0);
            let end = s.window_end.map_or(until, |e| e.max(until));
            s.window_end = Some(end);
            s.window_lb = Some(end);
        }
        drop(s);
        self.limiter.0.notify.notify_waiters();
    }
}

impl Limiter {
    pub fn new(limit: u32) -> Self {
        Limiter(Arc::new(Inner {
            state: Mutex::new(State::new(limit)),
            notify: Notify::new(),
            #[cfg(feature = "redis-store")]
            store: None,
            #[cfg(feature = "redis-store")]
            pending: Default::default(),
        }))
    }

    /// A limiter whose budget is shared through `store` while it answers.
    #[cfg(feature = "redis-store")]
    pub fn with_store(limit: u32, store: shared::SharedStore) -> Self {
        Limiter(Arc::new(Inner {
            state: Mutex::new(State::new(limit)),
            notify: Notify::new(),
            store: Some(Arc::new(store)),
            pending: Default::default(),
        }))
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.0.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    /// Where the store's warnings go.
    #[cfg(feature = "redis-store")]
    pub fn set_log_sink(&self, sink: crate::log::LogSink) {
        if let Some(store) = &self.0.store {
            store.set_log_sink(sink);
        }
    }

    /// Runs a store call in the background (reports and releases must not hold up the
    /// caller, and `Drop` cannot wait). Without a runtime the lease simply lapses.
    #[cfg(feature = "redis-store")]
    fn in_store<F, Fut>(&self, f: F)
    where
        F: FnOnce(Arc<shared::SharedStore>) -> Fut,
        Fut: std::future::Future<Output = ()> + Send + 'static,
    {
        use std::sync::atomic::Ordering;
        if let (Some(store), Ok(handle)) = (&self.0.store, tokio::runtime::Handle::try_current()) {
            let call = f(store.clone());
            let inner = self.0.clone();
            inner.pending.0.fetch_add(1, Ordering::SeqCst);
            handle.spawn(async move {
                call.await;
                inner.pending.0.fetch_sub(1, Ordering::SeqCst);
                inner.pending.1.notify_waiters();
            });
        }
    }

    /// Waits (at most about the store's timeout) for the background store calls to finish, so a
    /// program that exits right after its last call leaves no lease to lapse.
    pub async fn settle(&self) {
        #[cfg(feature = "redis-store")]
        {
            use std::sync::atomic::Ordering;
            let wait = async {
                loop {
                    let done = self.0.pending.1.notified();
                    if self.0.pending.0.load(Ordering::SeqCst) == 0 {
                        return;
                    }
                    done.await;
                }
            };
            let _ = tokio::time::timeout(shared::STORE_TIMEOUT * 3, wait).await;
        }
    }

    /// Waits until a request may be sent, then numbers it. Cancel-safe: nothing is counted
    /// until the slot is handed out. With a store, the slot comes from the shared budget
    /// while the store answers, else from this process's.
    pub async fn acquire(&self) -> Permit {
        let start = Instant::now();
        #[cfg(feature = "redis-store")]
        if let Some(store) = &self.0.store {
            while store.usable() {
                let changed = self.0.notify.notified();
                match store.acquire().await {
                    Some(shared::Slot::Granted(lease)) => {
                        let mut s = self.lock();
                        let mut permit = self.grant(&mut s, Instant::now(), start);
                        permit.lease = Some(lease);
                        return permit;
                    }
                    // Other processes' answers do not wake us: look again at least every 250 ms.
                    Some(shared::Slot::Wait(wait)) => {
                        tokio::select! {
                            _ = tokio::time::sleep(wait.min(Duration::from_millis(250))) => {}
                            _ = changed => {}
                        }
                    }
                    None => break,
                }
            }
        }
        loop {
            // Registered before looking, so an answer that lands meanwhile is not missed.
            let changed = self.0.notify.notified();
            tokio::pin!(changed);
            changed.as_mut().enable();
            let wait = match self.decide(start) {
                Ok(permit) => return permit,
                Err(wait) => wait,
            };
            tokio::select! {
                _ = tokio::time::sleep(wait) => {}
                _ = changed => {}
            }
        }
    }

    /// A slot now, or how long to wait before asking again (an answer may end the wait
    /// sooner). The rules the store's `acquire.lua` applies to the shared budget.
    pub(crate) fn decide(&self, start: Instant) -> Result<Permit, Duration> {
        let mut s = self.lock();
        let now = Instant::now();
        if s.paused_until.is_some_and(|p| p <= now) {
            s.paused_until = None;
        }
        if s.window_end.is_some_and(|end| end <= now) {
            s.start_window();
            s.window_end = None;
            s.window_lb = None;
        }
        let unlimited = s.headerless >= HEADERLESS_RUN;
        if let Some(p) = s.paused_until {
            Err(p - now)
        } else if s.last.is_none() && !unlimited && !s.in_flight.is_empty() {
            // The limit is not known yet: the first answer says it.
            Err(Duration::from_secs(1))
        } else if unlimited || s.available() > 0 {
            Ok(self.grant(&mut s, now, start))
        } else if let Some(end) = s.window_end {
            Err(end - now)
        } else {
            // Out of budget with no reset known: wait a guessed window, then start afresh.
            s.window_end = Some(now + GUESSED_WINDOW);
            Err(GUESSED_WINDOW)
        }
    }

    /// Numbers a request and counts it as in flight.
    fn grant(&self, s: &mut State, now: Instant, start: Instant) -> Permit {
        s.seq += 1;
        s.used += 1;
        let seq = s.seq;
        s.in_flight.insert(seq);
        // Only the sends of the current window matter; keep the record bounded.
        if s.sent_at.len() >= 65_536 {
            s.sent_at.pop_front();
        }
        s.sent_at.push_back((seq, now));
        Permit {
            limiter: self.clone(),
            seq,
            sent_at: now,
            went_out: false,
            waited: start.elapsed(),
            #[cfg(feature = "redis-store")]
            lease: None,
        }
    }

    /// The last state the server reported.
    pub fn last(&self) -> Option<RateLimit> {
        self.lock().last
    }
}
