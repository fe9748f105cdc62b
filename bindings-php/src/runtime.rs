//! Where a call runs: on the calling PHP thread, with a current-thread runtime made on first
//! use, so a call wakes no other thread (handing each call to worker threads cost 25–40%
//! against PHP's own curl). The runtime is per thread and per process: php-fpm forks its
//! workers after the extension loads, and a runtime from before a fork hangs the child, so a
//! child makes its own. Clients that work between calls (a shared rate-limit store) run on a
//! process-wide runtime whose workers keep that work going.
use std::cell::RefCell;
use std::future::Future;
use std::sync::Mutex;
use std::time::Duration;

use tokio::runtime::Runtime;

/// How often a waiting call looks for an interrupt of the PHP VM (a pcntl signal with
/// `pcntl_async_signals(true)`, or `max_execution_time`).
const INTERRUPT_CHECK: Duration = Duration::from_millis(50);

thread_local! {
    static LOCAL: RefCell<Option<(u32, Runtime)>> = const { RefCell::new(None) };
}

static SHARED: Mutex<Vec<(u32, &'static Runtime)>> = Mutex::new(Vec::new());

/// Runs a core call to completion on this thread. When the VM asks for an interrupt the call
/// is cancelled (the request is dropped and its rate-limit slot given back) and ends as the
/// core's `aborted` error, which says whether a write may have happened.
pub fn block_on<T>(between_calls: bool, fut: impl Future<Output = blinksale::Result<T>>) -> Result<blinksale::Result<T>, String> {
    let run = |rt: &Runtime| rt.block_on(interruptible(fut));
    if between_calls {
        return shared().map(run);
    }
    LOCAL.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(|_| "a blinksale call cannot start inside another".to_string())?;
        let pid = std::process::id();
        if slot.as_ref().is_some_and(|(p, _)| *p != pid) {
            // The parent's runtime: its state is the parent's, so it is forgotten, not dropped.
            std::mem::forget(slot.take());
        }
        if slot.is_none() {
            let rt =
                tokio::runtime::Builder::new_current_thread().enable_all().build().map_err(|e| format!("cannot start the blinksale runtime: {e}"))?;
            *slot = Some((pid, rt));
        }
        let (_, rt) = slot.as_ref().ok_or("no runtime")?;
        Ok(run(rt))
    })
}

async fn interruptible<T>(fut: impl Future<Output = blinksale::Result<T>>) -> blinksale::Result<T> {
    let token = blinksale::CancelToken::new();
    let mut call = std::pin::pin!(token.run(fut));
    loop {
        tokio::select! {
            biased;
            done = call.as_mut() => return done,
            _ = tokio::time::sleep(INTERRUPT_CHECK) => {
                if crate::vm::interrupt_pending() {
                    token.cancel();
                }
            }
        }
    }
}

fn shared() -> Result<&'static Runtime, String> {
    let pid = std::process::id();
    let mut all = SHARED.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, rt)) = all.iter().find(|(p, _)| *p == pid) {
        return Ok(rt);
    }
    let rt = blinksale::binding::runtime_builder("blinksale").build().map_err(|e| format!("cannot start the blinksale runtime: {e}"))?;
    // One per process, for the life of the process.
    let rt: &'static Runtime = Box::leak(Box::new(rt));
    all.push((pid, rt));
    Ok(rt)
}
