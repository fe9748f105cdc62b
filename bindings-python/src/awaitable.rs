//! Awaitables for `AsyncClient`: a core future runs on the process's runtime, and its result
//! is handed to the asyncio loop that awaits it. Cancelling the asyncio future drops the core
//! future, which cancels the request and gives its rate-limit slot back.
use pyo3::IntoPyObjectExt;
use pyo3::prelude::*;
use pyo3::types::PyTuple;

use crate::{attach, errors, runtime};

/// An asyncio future for `fut`, on the running loop.
pub fn spawn<'py, T, F>(py: Python<'py>, fut: F) -> PyResult<Bound<'py, PyAny>>
where
    F: std::future::Future<Output = blinksale::Result<T>> + Send + 'static,
    T: for<'a> IntoPyObject<'a> + Send + 'static,
{
    let rt = runtime::get()?;
    let event_loop = py.import("asyncio")?.call_method0("get_running_loop")?;
    let future = event_loop.call_method0("create_future")?;
    let (target, on) = (future.clone().unbind(), event_loop.unbind());
    // A token provider asked during the call awaits on this loop.
    let fut = crate::tokens::EVENT_LOOP.scope(std::sync::Arc::new(on.clone_ref(py)), fut);
    let task = rt.spawn(async move {
        let result = fut.await;
        // Skipped at interpreter exit: nothing is left to await it.
        attach::enter(|py| deliver(py, &on, target, result));
    });
    future.call_method1("add_done_callback", (Cancel(task.abort_handle()),))?;
    Ok(future)
}

/// Converts the result in this thread and schedules it on the loop (a closed loop has no one
/// left waiting, so that error is dropped).
fn deliver<T: for<'a> IntoPyObject<'a>>(py: Python<'_>, on: &Py<PyAny>, target: Py<PyAny>, result: blinksale::Result<T>) {
    let value = result.map_err(errors::to_py).and_then(|v| v.into_py_any(py));
    let outcome = match value {
        Ok(value) => Complete { target, value, ok: true },
        Err(e) => Complete { target, value: e.into_value(py).into_any(), ok: false },
    };
    let _ = on.call_method1(py, "call_soon_threadsafe", (outcome,));
}

/// Sets the future's outcome on its loop's thread, unless it was cancelled meanwhile.
#[pyclass(frozen)]
struct Complete {
    target: Py<PyAny>,
    value: Py<PyAny>,
    ok: bool,
}

#[pymethods]
impl Complete {
    fn __call__(&self, py: Python<'_>) -> PyResult<()> {
        let target = self.target.bind(py);
        if target.call_method0("done")?.is_truthy()? {
            return Ok(());
        }
        let method = if self.ok { "set_result" } else { "set_exception" };
        target.call_method1(method, PyTuple::new(py, [self.value.clone_ref(py)])?)?;
        Ok(())
    }
}

/// The future's done callback: a cancelled future stops the core's task.
#[pyclass(frozen)]
struct Cancel(tokio::task::AbortHandle);

#[pymethods]
impl Cancel {
    fn __call__(&self, future: &Bound<'_, PyAny>) -> PyResult<()> {
        if future.call_method0("cancelled")?.is_truthy()? {
            self.0.abort();
        }
        Ok(())
    }
}
