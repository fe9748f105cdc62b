//! Blocking calls driven on the calling thread: a current-thread runtime per Python thread
//! does the I/O itself, so a call wakes one thread per network event instead of handing work
//! to the shared runtime's workers and back (two or three thread wake-ups per call, most of a
//! small call's time). A connection belongs to the runtime that opened it, so each thread
//! uses its own copy of a client ([`blinksale::Client::with_own_connections`]: the same
//! configuration and rate limiter, its own pool). Clients that work between calls (a shared
//! rate-limit store) stay on the shared runtime (`runtime::block_on`).
use std::cell::RefCell;
use std::sync::{Arc, Weak};

use pyo3::exceptions::PyRuntimeError;
use pyo3::prelude::*;
use tokio::runtime::Runtime;

use crate::runtime::SIGNAL_CHECK;

/// Names one `NativeClient` in the threads' caches; its copies go when it does.
pub type Owner = Arc<()>;

struct Local {
    pid: u32,
    runtime: Runtime,
    /// This thread's copies of the clients it called, by owner.
    clients: Vec<(Weak<()>, blinksale::Client)>,
}

thread_local! {
    static LOCAL: RefCell<Option<Local>> = const { RefCell::new(None) };
}

/// This thread's runtime and copy of `client`, made on first use (and again in a forked
/// child: what the parent's thread left is forgotten, not dropped, as its sockets are the
/// parent's).
fn with_local<R>(owner: &Owner, client: &blinksale::Client, f: impl FnOnce(&Runtime, blinksale::Client) -> R) -> PyResult<R> {
    LOCAL.with(|cell| {
        let mut slot = cell.try_borrow_mut().map_err(|_| PyRuntimeError::new_err("a blocking blinksale call cannot start inside another"))?;
        let pid = std::process::id();
        if slot.as_ref().is_some_and(|l| l.pid != pid) {
            std::mem::forget(slot.take());
        }
        if slot.is_none() {
            let runtime = tokio::runtime::Builder::new_current_thread()
                .enable_all()
                .build()
                .map_err(|e| PyRuntimeError::new_err(format!("cannot start the blinksale runtime: {e}")))?;
            *slot = Some(Local { pid, runtime, clients: Vec::new() });
        }
        let local = slot.as_mut().expect("set above");
        local.clients.retain(|(o, _)| o.strong_count() > 0);
        let found = local.clients.iter().find(|(o, _)| o.as_ptr() == Arc::as_ptr(owner)).map(|(_, c)| c.clone());
        let mine = match found {
            Some(c) => c,
            None => {
                let c = client.with_own_connections().map_err(crate::errors::to_py)?;
                local.clients.push((Arc::downgrade(owner), c.clone()));
                c
            }
        };
        Ok(f(&local.runtime, mine))
    })
}

/// Runs `run(client)` to completion on this thread, without the GIL, and stays
/// interruptible: every `SIGNAL_CHECK` it takes the GIL to run Python's signal handlers; when
/// one raises (`KeyboardInterrupt`) the call is dropped, which cancels the request and gives
/// its rate-limit slot back, and the exception is raised.
pub fn block_on<T, F>(py: Python<'_>, owner: &Owner, client: &blinksale::Client, run: impl FnOnce(blinksale::Client) -> F) -> PyResult<T>
where
    F: std::future::Future<Output = blinksale::Result<T>> + Send,
    T: Send,
{
    with_local(owner, client, |rt, mine| {
        let call = run(mine);
        let mut fut = std::pin::pin!(async move {
            // Nothing ran this runtime since the last call: let its driver and connection
            // tasks see what happened meanwhile (a server closing an idle connection) before
            // the pool hands one out. Each yield polls the driver; the second runs the tasks
            // it woke.
            tokio::task::yield_now().await;
            tokio::task::yield_now().await;
            call.await
        });
        loop {
            let fut = fut.as_mut();
            let step = py.detach(|| {
                rt.block_on(async {
                    tokio::select! {
                        biased;
                        done = fut => Some(done),
                        _ = tokio::time::sleep(SIGNAL_CHECK) => None,
                    }
                })
            });
            match step {
                Some(done) => return done.map_err(crate::errors::to_py),
                None => py.check_signals()?,
            }
        }
    })?
}
