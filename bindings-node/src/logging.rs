//! Core `tracing` events to stderr, as `blinksale <level>: <line>`, when `BLINKSALE_LOG` or
//! `setLogLevel()` turns them on. What is logged and how it reads is the core's (`blinksale::log`).
use std::io::Write;

use napi::bindgen_prelude::*;
use napi_derive::napi;
use tracing::{Event, Subscriber};
use tracing_subscriber::layer::{Context, Layer};
use tracing_subscriber::prelude::*;

struct Stderr;

impl<S: Subscriber> Layer<S> for Stderr {
    fn on_event(&self, event: &Event<'_>, _: Context<'_, S>) {
        if blinksale::log::enabled(event.metadata()) {
            // Not eprintln!: Node makes a piped stderr non-blocking, and a full pipe would panic.
            let level = event.metadata().level().as_str().to_ascii_lowercase();
            let _ = writeln!(std::io::stderr(), "blinksale {level}: {}", blinksale::log::line(event));
        }
    }
}

#[napi_derive::module_init]
fn init() {
    let _ = tracing::subscriber::set_global_default(
        tracing_subscriber::registry().with(Stderr.with_filter(tracing_subscriber::filter::filter_fn(blinksale::log::is_our_event))),
    );
    blinksale::log::set_level_from_env();
}

/// Sets the level of the lines written to stderr (`debug`, `info`, `warn`, `error`; null: off).
#[napi]
#[allow(dead_code)] // Called from JS only.
pub fn set_log_level(level: Option<String>) -> Result<()> {
    blinksale::log::set_level(level.as_deref()).map_err(|e| Error::new(Status::InvalidArg, e))
}
