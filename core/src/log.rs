//! Forwarding the core's `tracing` events to a binding's logger: the level filter and the text
//! of each line live here, so Python's `logging` and Node's stderr say the same thing. The
//! bindings choose only where lines go. Off until a level is set: idle logging costs nothing.
use std::fmt::Write as _;
use std::sync::atomic::{AtomicU8, Ordering};

use tracing::field::{Field, Visit};
use tracing::{Event, Level, Metadata};

/// The environment variable that sets the level at start (`debug`, `info`, `warn`, `error`).
pub const LOG_ENV: &str = "BLINKSALE_LOG";

/// 0 = off, else the lowest level forwarded (1 error … 5 trace).
static LEVEL: AtomicU8 = AtomicU8::new(0);

/// The rank of a level: 1 error … 5 trace.
pub fn rank(level: &Level) -> u8 {
    match *level {
        Level::ERROR => 1,
        Level::WARN => 2,
        Level::INFO => 3,
        Level::DEBUG => 4,
        Level::TRACE => 5,
    }
}

/// Sets the level by name; None, `""` or `off` turns forwarding off.
pub fn set_level(name: Option<&str>) -> Result<(), String> {
    let value = match name.map(str::to_ascii_lowercase).as_deref() {
        None | Some("off") | Some("") => 0,
        Some("error") => 1,
        Some("warn") | Some("warning") => 2,
        Some("info") => 3,
        Some("debug") => 4,
        Some("trace") => 5,
        Some(other) => return Err(format!("unknown log level {other:?} (debug, info, warn, error or off)")),
    };
    LEVEL.store(value, Ordering::Relaxed);
    Ok(())
}

/// Sets the level from `BLINKSALE_LOG`, if set; an unknown name leaves logging off.
pub fn set_level_from_env() {
    if let Ok(name) = std::env::var(LOG_ENV) {
        let _ = set_level(Some(&name));
    }
}

/// Whether a callsite is the client's own. A subscriber that takes only these never records
/// the spans of the HTTP stack (h2, hyper), which may be dropped while a thread exits, after the
/// subscriber's own thread state is gone.
pub fn is_ours(meta: &Metadata<'_>) -> bool {
    meta.target().starts_with("blinksale")
}

/// What a binding's log bridge takes: the client's own events. Its spans (one per call) are
/// for OpenTelemetry; a log bridge that took them would pay for recording each one.
pub fn is_our_event(meta: &Metadata<'_>) -> bool {
    meta.is_event() && is_ours(meta)
}

/// Whether an event of this kind is forwarded: the core's own, at the level set or above.
pub fn enabled(meta: &Metadata<'_>) -> bool {
    let wanted = LEVEL.load(Ordering::Relaxed);
    wanted != 0 && rank(meta.level()) <= wanted && is_ours(meta)
}

/// The event as one line: its message, then `name=value` fields.
pub fn line(event: &Event<'_>) -> String {
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
    let mut fields = Fields(String::new());
    event.record(&mut fields);
    fields.0
}

/// Where one client's log lines go besides `tracing` (Node's `logger` option): the level and
/// the line, as [`line()`] writes it.
#[derive(Clone)]
pub struct LogSink(pub std::sync::Arc<SinkFn>);

/// What a [`LogSink`] calls: the level and the line.
pub type SinkFn = dyn Fn(Level, &str) + Send + Sync;

impl std::fmt::Debug for LogSink {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.write_str("LogSink")
    }
}

/// Emits one event to `tracing` and to the client's sink, if it has one, with the same text.
macro_rules! event {
    ($sink:expr, $level:ident, $msg:literal, $($k:ident = $v:expr),* $(,)?) => {{
        tracing::event!(tracing::Level::$level, $($k = $v,)* $msg);
        if let Some(sink) = $sink {
            let mut line = String::from($msg);
            $( line.push_str(&format!(" {}={}", stringify!($k), $v)); )*
            (sink.0)(tracing::Level::$level, &line);
        }
    }};
}
pub(crate) use event;

/// [`event!`] at a level chosen at run time (WARN or INFO): `tracing` needs it as a constant.
macro_rules! event_at {
    ($sink:expr, $level:expr, $msg:literal, $($k:ident = $v:expr),* $(,)?) => {{
        if $level == tracing::Level::WARN {
            $crate::log::event!($sink, WARN, $msg, $($k = $v),*);
        } else {
            $crate::log::event!($sink, INFO, $msg, $($k = $v),*);
        }
    }};
}
pub(crate) use event_at;
