//! Core `tracing` events to Python's `logging.getLogger("blinksale")`. Off until a level is
//! set (`BLINKSALE_LOG`, or `blinksale.set_log_level()`), so idle logging costs nothing.
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU8, Ordering};

use pyo3::prelude::*;
use tracing::field::{Field, Visit};
use tracing::{Event, Level, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

/// 0 = off, else the lowest tracing level forwarded (1 error … 5 trace).
static LEVEL: AtomicU8 = AtomicU8::new(0);

fn rank(level: &Level) -> u8 {
    match *level {
        Level::ERROR => 1,
        Level::WARN => 2,
        Level::INFO => 3,
        Level::DEBUG => 4,
        Level::TRACE => 5,
    }
}

/// Sets the level from a name (`debug`, `info`, …); None or `off` turns forwarding off.
#[pyfunction]
#[pyo3(signature = (level))]
pub fn set_log_level(level: Option<&str>) -> PyResult<()> {
    let value = match level.map(str::to_ascii_lowercase).as_deref() {
        None | Some("off") | Some("") => 0,
        Some("error") => 1,
        Some("warn") | Some("warning") => 2,
        Some("info") => 3,
        Some("debug") => 4,
        Some("trace") => 5,
        Some(other) => return Err(pyo3::exceptions::PyValueError::new_err(format!("unknown log level {other:?}"))),
    };
    LEVEL.store(value, Ordering::Relaxed);
    Ok(())
}

struct Fields(String);
impl Visit for Fields {
    fn record_debug(&mut self, field: &Field, value: &dyn std::fmt::Debug) {
        if field.name() == "message" {
            let _ = write!(self.0, "{value:?}");
        } else {
            let _ = write!(self.0, " {}={value:?}", field.name());
        }
    }
    fn record_str(&mut self, field: &Field, value: &str) {
        if field.name() == "message" {
            self.0.push_str(value);
        } else {
            let _ = write!(self.0, " {}={value}", field.name());
        }
    }
}

struct PythonLogging;

impl<S: Subscriber> Layer<S> for PythonLogging {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        let meta = event.metadata();
        let wanted = LEVEL.load(Ordering::Relaxed);
        if wanted == 0 || rank(meta.level()) > wanted || !meta.target().starts_with("blinksale") {
            return;
        }
        let mut fields = Fields(String::new());
        event.record(&mut fields);
        let level = match *meta.level() {
            Level::ERROR => 40,
            Level::WARN => 30,
            Level::INFO => 20,
            Level::DEBUG => 10,
            Level::TRACE => 5,
        };
        Python::attach(|py| {
            if let Ok(logging) = PyModule::import(py, "logging") {
                if let Ok(logger) = logging.call_method1("getLogger", ("blinksale",)) {
                    let _ = logger.call_method1("log", (level, fields.0));
                }
            }
        });
    }
}

/// Installs the bridge as the process's tracing subscriber, unless one is set already.
pub fn install() {
    let _ = tracing::subscriber::set_global_default(tracing_subscriber::registry().with(PythonLogging));
    if let Ok(level) = std::env::var("BLINKSALE_LOG") {
        let _ = set_log_level(Some(&level));
    }
}
