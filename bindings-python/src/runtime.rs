//! One tokio runtime per process, shared by the async client, streams and blocking calls of
//! clients that work between calls. After `os.fork()` the child gets a runtime of its own:
//! the parent's worker threads do not exist there.
use std::sync::Mutex;
use std::sync::mpsc::{self, RecvTimeoutError};
use std::time::Duration;

use pyo3::exceptions::PyRuntimeError;
use pyo3::{PyResult, Python};
use tokio::runtime::Runtime;

static RUNTIMES: Mutex<Vec<(u32, &'static Runtime)>> = Mutex::new(Vec::new());

/// The runtime of the current process.
pub fn get() -> PyResult<&'static Runtime> {
    let pid = std::process::id();
    let mut all = RUNTIMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, rt)) = all.iter().find(|(p, _)| *p == pid) {
        return Ok(rt);
    }
    let rt = blinksale::binding::runtime_builder("blinksale")
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start the blinksale runtime: {e}")))?;
    // Lives as long as the process; one per process, so this is bounded.
    let rt: &'static Runtime = Box::leak(Box::new(rt));
    all.push((pid, rt));
    Ok(rt)
}

/// How often a blocking call takes the GIL to run Python's signal handlers (Ctrl-C).
pub const SIGNAL_CHECK: Duration = Duration::from_millis(50);

/// Runs a core future from a blocking call on the shared runtime, without the GIL, and stays
/// interruptible: for streams and for clients that work between calls (most blocking calls
/// run on the calling thread, `local::block_on`).
///
/// The future runs as a task on the runtime's workers, next to the I/O driver, and this thread
/// waits for its result on a channel: polling it here instead costs a cross-thread wake-up per
/// I/O event (about 1 ms per call). Every `SIGNAL_CHECK` the wait takes the GIL to run Python's
/// signal handlers; when one raises (`KeyboardInterrupt` for Ctrl-C) the task is aborted, which
/// cancels the request and gives its rate-limit slot back, and the exception is raised.
pub fn block_on<T: Send + 'static>(py: Python<'_>, fut: impl std::future::Future<Output = blinksale::Result<T>> + Send + 'static) -> PyResult<T> {
    let (tx, rx) = mpsc::sync_channel(1);
    let task = get()?.spawn(async move {
        let _ = tx.send(fut.await);
    });
    let mut rx = rx;
    loop {
        // The receiver goes in and out by value: a shared one may not cross `detach`.
        let (got, back) = py.detach(move || (rx.recv_timeout(SIGNAL_CHECK), rx));
        rx = back;
        match got {
            Ok(result) => return result.map_err(crate::errors::to_py),
            Err(RecvTimeoutError::Timeout) => {
                if let Err(e) = py.check_signals() {
                    task.abort();
                    return Err(e);
                }
            }
            // The task ended without a result: it panicked (tokio caught it) or was aborted.
            Err(RecvTimeoutError::Disconnected) => return Err(PyRuntimeError::new_err("the blinksale call stopped unexpectedly")),
        }
    }
}
