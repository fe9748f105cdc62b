//! `blinksale._native`: the Rust core for the Python package. It translates only: retries,
//! paging, validation and errors are the core's; the exception classes live in Python.
use pyo3::prelude::*;

mod attach;
mod awaitable;
mod client;
mod convert;
mod decode;
mod errors;
mod local;
mod logging;
mod mock;
mod runtime;
mod tokens;
mod trace;

// Pages are tens of kilobytes; the system allocator hands such buffers back to the OS and
// pays page faults for them on every request.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The core's models and operations as JSON (what the stubs were generated from).
#[pyfunction]
fn schema_json() -> String {
    blinksale::binding::schema_json().to_string()
}

/// The `blinksale` command line (the console script): runs it with the GIL released and
/// returns the exit code.
#[pyfunction]
fn cli_main(py: Python<'_>, argv: Vec<String>) -> i32 {
    py.detach(|| blinksale_cli::run(argv))
}

#[pymodule]
fn _native(m: &Bound<'_, PyModule>) -> PyResult<()> {
    attach::install(m)?;
    logging::install();
    m.add_class::<client::NativeClient>()?;
    m.add_class::<client::NativeStream>()?;
    m.add_class::<client::NativeReply>()?;
    m.add_class::<mock::NativeMock>()?;
    m.add_class::<trace::NativeTrace>()?;
    m.add_function(wrap_pyfunction!(schema_json, m)?)?;
    m.add_function(wrap_pyfunction!(cli_main, m)?)?;
    m.add_function(wrap_pyfunction!(logging::set_log_level, m)?)?;
    m.add("__version__", env!("CARGO_PKG_VERSION"))?;
    Ok(())
}
