//! One tokio runtime per process, shared by the sync and async clients. After `os.fork()`
//! the child gets a runtime of its own: the parent's worker threads do not exist there.
use std::sync::Mutex;

use pyo3::PyResult;
use pyo3::exceptions::PyRuntimeError;
use tokio::runtime::Runtime;

static RUNTIMES: Mutex<Vec<(u32, &'static Runtime)>> = Mutex::new(Vec::new());

/// The runtime of the current process.
pub fn get() -> PyResult<&'static Runtime> {
    let pid = std::process::id();
    let mut all = RUNTIMES.lock().unwrap_or_else(|e| e.into_inner());
    if let Some((_, rt)) = all.iter().find(|(p, _)| *p == pid) {
        return Ok(rt);
    }
    let rt = tokio::runtime::Builder::new_multi_thread()
        .worker_threads(2)
        .thread_name("blinksale")
        .enable_all()
        .build()
        .map_err(|e| PyRuntimeError::new_err(format!("cannot start the blinksale runtime: {e}")))?;
    // Lives as long as the process; one per process, so this is bounded.
    let rt: &'static Runtime = Box::leak(Box::new(rt));
    all.push((pid, rt));
    Ok(rt)
}

/// Runs a core future from a blocking call, without the GIL, and stays interruptible: every
/// 50 ms it takes the GIL briefly to run Python's signal handlers. When one raises
/// (`KeyboardInterrupt` for Ctrl-C) the future is dropped, which cancels the request and
/// gives its rate-limit slot back, and the exception is raised.
pub fn block_on<T: Send>(py: pyo3::Python<'_>, fut: impl std::future::Future<Output = blinksale::Result<T>> + Send) -> PyResult<T> {
    let rt = get()?;
    let out: PyResult<blinksale::Result<T>> = py.detach(|| {
        rt.block_on(async {
            tokio::pin!(fut);
            let mut tick = tokio::time::interval(std::time::Duration::from_millis(50));
            tick.set_missed_tick_behavior(tokio::time::MissedTickBehavior::Delay);
            tick.tick().await;
            loop {
                tokio::select! {
                    r = &mut fut => return Ok(r),
                    _ = tick.tick() => pyo3::Python::attach(|py| py.check_signals())?,
                }
            }
        })
    });
    out?.map_err(crate::errors::to_py)
}
