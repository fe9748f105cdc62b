//! The same traces of sends and reports fed to the in-process limiter and to the shared store's
//! scripts (against a real redis-server): every decision, slot or wait, must agree.
use std::time::Duration;

use tokio::time::Instant;

use super::shared::{Lease, SharedStore, Slot};
use super::{Limiter, Permit, RateLimit};

#[path = "../../tests/common/redis.rs"]
mod redis_server;

/// One step of a trace.
enum Step {
    /// Ask for a slot; expect one (true) or a wait (false).
    Acquire(bool),
    /// The answer to the n-th slot granted (0-based): limit, remaining, reset s, retry-after s.
    Report(usize, Option<(u32, u32, u64)>, Option<u64>),
    /// The n-th request never went out (the connection failed first).
    NotSent(usize),
    /// The n-th request went out and got no answer (a timeout): it may still count.
    Unanswered(usize),
}

use Step::*;

struct Both {
    limiter: Limiter,
    store: SharedStore,
    permits: Vec<Option<Permit>>,
    leases: Vec<Option<Lease>>,
}

impl Both {
    fn new(url: &str, name: &str) -> Both {
        let store =
            SharedStore::new(super::shared::StoreConfig { url, roots: None }, "trace", name.as_bytes(), Duration::from_secs(30), 120, None).unwrap();
        Both { limiter: Limiter::new(120), store, permits: Vec::new(), leases: Vec::new() }
    }

    async fn step(&mut self, at: usize, step: &Step) {
        match *step {
            Acquire(expect) => {
                let local = self.limiter.decide(Instant::now());
                let shared = self.store.acquire().await.expect("the store answers");
                let (l, s) = (local.is_ok(), matches!(shared, Slot::Granted(_)));
                assert_eq!((l, s), (expect, expect), "step {at}: in-process granted {l}, store granted {s}, expected {expect}");
                if let (Ok(permit), Slot::Granted(lease)) = (local, shared) {
                    self.permits.push(Some(permit));
                    self.leases.push(Some(lease));
                }
            }
            Report(n, headers, retry) => {
                let rate = headers.map(|(limit, remaining, reset)| RateLimit {
                    limit: Some(limit),
                    remaining: Some(remaining),
                    reset: Some(Duration::from_secs(reset)),
                });
                let retry = retry.map(Duration::from_secs);
                let mut permit = self.permits[n].take().unwrap();
                permit.going_out();
                permit.observe(rate, retry, true);
                self.store.report(self.leases[n].take().unwrap(), rate, retry, true).await;
            }
            NotSent(n) => {
                drop(self.permits[n].take());
                self.store.release(self.leases[n].take().unwrap(), false).await;
            }
            Unanswered(n) => {
                let mut permit = self.permits[n].take().unwrap();
                permit.going_out();
                drop(permit);
                self.store.release(self.leases[n].take().unwrap(), true).await;
            }
        }
    }
}

async fn run(url: &str, name: &str, trace: &[Step]) {
    let mut both = Both::new(url, name);
    for (at, step) in trace.iter().enumerate() {
        both.step(at, step).await;
    }
}

#[tokio::test(flavor = "multi_thread", worker_threads = 2)]
async fn the_store_and_the_process_decide_alike() {
    let redis = redis_server::Redis::start();
    let url = redis.url();
    // Learning the limit, spending the window, a slot given back, a slot that may count.
    let window = [
        Acquire(true),
        Acquire(false), // the limit is not known while the first request is out
        Report(0, Some((3, 2, 60)), None),
        Acquire(true),
        Acquire(true),
        Acquire(false), // 2 left, 2 in flight
        NotSent(2),
        Acquire(true), // its slot came back
        Acquire(false),
        Unanswered(3),
        Acquire(false), // it may still reach the server in this window
        Report(1, Some((3, 1, 60)), None),
        Acquire(false), // 1 left, and the unanswered one may take it
    ];
    run(&url, "window", &window).await;
    // A 429 pauses everyone until its wait is over.
    let limited = [Acquire(true), Report(0, Some((5, 4, 60)), None), Acquire(true), Report(1, Some((5, 0, 30)), Some(30)), Acquire(false)];
    run(&url, "limited", &limited).await;
    // Answers without headers: one at a time until three in a row say the API is not limiting.
    let headerless = [
        Acquire(true),
        Report(0, None, None),
        Acquire(true),
        Acquire(false),
        Report(1, None, None),
        Acquire(true),
        Report(2, None, None),
        Acquire(true),
        Acquire(true),
        Acquire(true),
    ];
    run(&url, "headerless", &headerless).await;
}
