//! Core `tracing` events to Python's `logging.getLogger("blinksale")`, when `BLINKSALE_LOG` or
//! `blinksale.set_log_level()` turns them on. What is logged and how it reads is the core's
//! (`blinksale::log`).
use pyo3::prelude::*;
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// Sets the level from a name (`debug`, `info`, …); None or `off` turns forwarding off.
#[pyfunction]
#[pyo3(signature = (level))]
pub fn set_log_level(level: Option<&str>) -> PyResult<()> {
    blinksale::log::set_level(level).map_err(pyo3::exceptions::PyValueError::new_err)
}

struct PythonLogging;

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if !blinksale::log::enabled(event.metadata()) {
            return;
        }
        let line = blinksale::log::line(event);
        let level = match *event.metadata().level() {
            Level::ERROR => 40,
            Level::WARN => 30,
            Level::INFO => 20,
            Level::DEBUG => 10,
            Level::TRACE => 5,
        };
        // Lines logged while the interpreter exits are dropped.
        crate::attach::enter(|py| {
            if let Ok(logger) = PyModule::import(py, "logging").and_then(|l| l.call_method1("getLogger", ("blinksale",))) {
                let _ = logger.call_method1("log", (level, line));
            }
        });
    }
}

/// Installs the bridge as the process's tracing subscriber, unless one is set already.
pub fn install() {
    let _ = tracing::subscriber::set_global_default(
        tracing_subscriber::registry().with(PythonLogging.with_filter(tracing_subscriber::filter::filter_fn(blinksale::log::is_our_event))),
    );
    blinksale::log::set_level_from_env();
}
