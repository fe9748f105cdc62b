//! Entering Python from the runtime's own threads (results of awaitables, log lines).
//!
//! A thread Python did not start must not hold Python state when the interpreter finalizes:
//! CPython ends such a thread with `pthread_exit` as it waits for the GIL, and the unwind then
//! drops Python objects without the GIL, which crashes the process as it exits. So every such
//! entry is counted, and an `atexit` hook stops new ones and waits for those under way.
use std::sync::atomic::{AtomicBool, AtomicUsize, Ordering};
use std::time::{Duration, Instant};

use pyo3::prelude::*;

static EXITING: AtomicBool = AtomicBool::new(false);
static INSIDE: AtomicUsize = AtomicUsize::new(0);

/// How long interpreter exit waits for a runtime thread still in Python (a log handler, a
/// result being handed to an event loop); these take microseconds.
const EXIT_WAIT: Duration = Duration::from_secs(2);

/// Runs `f` attached to Python, or not at all (None) once the interpreter is shutting down.
pub fn enter<R>(f: impl FnOnce(Python<'_>) -> R) -> Option<R> {
    // Counted before the check: the hook sets the flag first, then waits for the count.
    INSIDE.fetch_add(1, Ordering::SeqCst);
    let out = (!EXITING.load(Ordering::SeqCst)).then(|| Python::attach(f));
    INSIDE.fetch_sub(1, Ordering::SeqCst);
    out
}

/// The `atexit` hook: no new entries, and those under way finish (they need the GIL, so it is
/// released while waiting).
#[pyfunction]
fn _at_exit(py: Python<'_>) {
    EXITING.store(true, Ordering::SeqCst);
    py.detach(|| {
        let until = Instant::now() + EXIT_WAIT;
        while INSIDE.load(Ordering::SeqCst) > 0 && Instant::now() < until {
            std::thread::sleep(Duration::from_millis(1));
        }
    });
}

/// Registers the hook.
pub fn install(m: &Bound<'_, PyModule>) -> PyResult<()> {
    let hook = wrap_pyfunction!(_at_exit, m)?;
    m.py().import("atexit")?.call_method1("register", (hook,))?;
    Ok(())
}
