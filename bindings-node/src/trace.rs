//! `NativeTrace`: the core's record of traced calls, for the TypeScript layer's OpenTelemetry
//! spans. It carries the span's propagation headers in and the core's records out (as JSON
//! text); what a span is named and holds is the core's (`blinksale::telemetry`).
use napi::Env;
use napi::bindgen_prelude::*;
use napi_derive::napi;

use crate::errors::js_error;

#[napi]
#[derive(Default)]
pub struct NativeTrace {
    pub(crate) trace: blinksale::Trace,
}

#[napi]
impl NativeTrace {
    #[napi(constructor)]
    pub fn new() -> Self {
        Self::default()
    }

    /// The headers the span's context gives (`traceparent`, …), sent with the next call.
    #[napi]
    pub fn set_context(&self, env: Env, headers: std::collections::HashMap<String, String>) -> Result<()> {
        self.trace.set_context(headers).map_err(|e| js_error(&env, &e))
    }

    /// The records of the calls made since the last take, as a JSON array.
    #[napi]
    pub fn take(&self) -> String {
        serde_json::Value::Array(self.trace.take()).to_string()
    }

    /// For a list: whether the stream's next batch fetches a page.
    #[napi]
    pub fn more_pages(&self) -> bool {
        self.trace.more_pages()
    }
}

/// The span name and first attributes of a call (an operation id, or a method and path), as
/// JSON text.
pub fn start(client: &blinksale::Client, op_id: Option<&str>, method: &str, path: &str) -> blinksale::Result<String> {
    let op = op_id.map(blinksale::binding::operation).transpose()?;
    let method = match op {
        Some(op) => op.method,
        None => blinksale::Method::parse(method)?,
    };
    Ok(blinksale::telemetry::start_span(client, op, method, path).to_string())
}
