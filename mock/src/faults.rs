//! Faults queued for the next matching requests, so tests can prove retry behaviour.
use std::sync::Mutex;
use std::time::Duration;

use serde_json::{Value, json};

/// What goes wrong.
#[derive(Clone, Debug, PartialEq)]
pub enum FaultKind {
    /// Respond with this status (500, 502, 503, …). `html` sends a proxy's HTML page instead of
    /// JSON. `after_handler` runs the request first, so the write happens and then the error.
    Status {
        /// The HTTP status to send.
        status: u16,
        /// Send an HTML page instead of a JSON body.
        html: bool,
        /// Run the request before failing it.
        after_handler: bool,
    },
    /// Respond 429 with `Retry-After` and `X-RateLimit-Reset` set to this many seconds.
    RateLimited {
        /// Seconds until the (pretend) window resets.
        reset_secs: u64,
    },
    /// Wait, then serve the request normally.
    Delay(Duration),
    /// Close the connection before any response; the request is not processed.
    Drop,
    /// Over HTTP/2, reset the stream with REFUSED_STREAM before processing it (the protocol's
    /// "not processed, safe to retry"); over HTTP/1.1, as `Drop`.
    RefuseStream,
    /// Serve the request, then send only the first half of the JSON body.
    Truncate,
}

impl FaultKind {
    /// The kind's name in the admin API.
    pub fn name(&self) -> &'static str {
        match self {
            FaultKind::Status { .. } => "status",
            FaultKind::RateLimited { .. } => "rate_limit",
            FaultKind::Delay(_) => "delay",
            FaultKind::Drop => "drop",
            FaultKind::RefuseStream => "refuse_stream",
            FaultKind::Truncate => "truncate",
        }
    }
}

/// A fault for the next `times` requests whose path (below `/api/v1`) matches.
#[derive(Clone, Debug, PartialEq)]
pub struct Fault {
    /// `/clients` matches exactly; `/clients*` matches the prefix; `*` matches every path.
    pub path: String,
    /// Only this method, if set.
    pub method: Option<String>,
    /// What goes wrong.
    pub kind: FaultKind,
    /// How many matching requests it applies to.
    pub times: u32,
}

impl Fault {
    fn new(kind: FaultKind) -> Self {
        Fault { path: "*".into(), method: None, kind, times: 1 }
    }
    /// A response with this status and a JSON error body.
    pub fn status(status: u16) -> Self {
        Fault::new(FaultKind::Status { status, html: false, after_handler: false })
    }
    /// A 429 whose reset is `reset_secs`.
    pub fn rate_limited(reset_secs: u64) -> Self {
        Fault::new(FaultKind::RateLimited { reset_secs })
    }
    /// A delay before the request is served.
    pub fn delay(delay: Duration) -> Self {
        Fault::new(FaultKind::Delay(delay))
    }
    /// An HTTP/2 stream reset with REFUSED_STREAM before the request is processed.
    pub fn refuse_stream() -> Self {
        Fault::new(FaultKind::RefuseStream)
    }
    /// A connection closed before any response.
    pub fn drop_connection() -> Self {
        Fault::new(FaultKind::Drop)
    }
    /// A response whose JSON body is cut in half.
    pub fn truncate() -> Self {
        Fault::new(FaultKind::Truncate)
    }
    /// Sends an HTML page (as a proxy would) instead of JSON, for status faults.
    pub fn html(mut self) -> Self {
        if let FaultKind::Status { html, .. } = &mut self.kind {
            *html = true;
        }
        self
    }
    /// Processes the request before answering with the status fault.
    pub fn after_handler(mut self) -> Self {
        if let FaultKind::Status { after_handler, .. } = &mut self.kind {
            *after_handler = true;
        }
        self
    }
    /// Applies to this path (below `/api/v1`; a trailing `*` matches a prefix).
    pub fn on(mut self, path: impl Into<String>) -> Self {
        self.path = path.into();
        self
    }
    /// Applies to this method only.
    pub fn method(mut self, method: impl Into<String>) -> Self {
        self.method = Some(method.into().to_ascii_uppercase());
        self
    }
    /// Applies to this many matching requests.
    pub fn times(mut self, times: u32) -> Self {
        self.times = times;
        self
    }

    fn matches(&self, method: &str, path: &str) -> bool {
        let pattern = self.path.strip_prefix("/api/v1").unwrap_or(&self.path);
        let pattern = pattern.trim_start_matches('/');
        let path = path.trim_start_matches('/');
        let path_ok = match pattern.strip_suffix('*') {
            Some(prefix) => path.starts_with(prefix),
            None => path == pattern,
        };
        path_ok && self.method.as_deref().is_none_or(|m| m.eq_ignore_ascii_case(method))
    }

    /// Reads the admin API's JSON form:
    /// `{"path", "method"?, "times"?, "kind": "status"|"rate_limit"|"delay"|"drop"|"refuse_stream"|"truncate",
    ///   "status"?, "body": "json"|"html", "after_handler"?, "reset"?, "ms"?}`.
    pub fn from_json(v: &Value) -> Result<Fault, String> {
        let o = v.as_object().ok_or("a fault must be a JSON object")?;
        let num = |k: &str, default: u64| -> Result<u64, String> {
            match o.get(k) {
                None => Ok(default),
                Some(x) => x.as_u64().ok_or_else(|| format!("{k} must be a non-negative integer")),
            }
        };
        let kind = match o.get("kind").and_then(Value::as_str).unwrap_or("status") {
            "status" => {
                let status = num("status", 500)?;
                if !(400..=599).contains(&status) {
                    return Err("status must be between 400 and 599".into());
                }
                FaultKind::Status {
                    status: status as u16,
                    html: o.get("body").and_then(Value::as_str) == Some("html"),
                    after_handler: o.get("after_handler").and_then(Value::as_bool).unwrap_or(false),
                }
            }
            "rate_limit" => FaultKind::RateLimited { reset_secs: num("reset", 1)? },
            "delay" => FaultKind::Delay(Duration::from_millis(num("ms", 100)?)),
            "drop" => FaultKind::Drop,
            "refuse_stream" => FaultKind::RefuseStream,
            "truncate" => FaultKind::Truncate,
            other => return Err(format!("unknown fault kind {other:?}")),
        };
        Ok(Fault {
            path: o.get("path").and_then(Value::as_str).unwrap_or("*").to_string(),
            method: o.get("method").and_then(Value::as_str).map(str::to_ascii_uppercase),
            kind,
            times: num("times", 1)?.min(u32::MAX as u64) as u32,
        })
    }

    /// The admin API's JSON form.
    pub fn to_json(&self) -> Value {
        let mut v = json!({"path": self.path, "method": self.method, "times": self.times, "kind": self.kind.name()});
        match &self.kind {
            FaultKind::Status { status, html, after_handler } => {
                v["status"] = json!(status);
                v["body"] = json!(if *html { "html" } else { "json" });
                v["after_handler"] = json!(after_handler);
            }
            FaultKind::RateLimited { reset_secs } => v["reset"] = json!(reset_secs),
            FaultKind::Delay(d) => v["ms"] = json!(d.as_millis() as u64),
            FaultKind::Drop | FaultKind::RefuseStream | FaultKind::Truncate => {}
        }
        v
    }
}

/// Pending faults, first queued first used.
#[derive(Default)]
/// Pending faults.
pub struct FaultQueue(Mutex<Vec<Fault>>);

impl FaultQueue {
    pub fn push(&self, fault: Fault) {
        if fault.times > 0 {
            self.lock().push(fault);
        }
    }
    pub fn clear(&self) {
        self.lock().clear();
    }
    pub fn pending(&self) -> Vec<Fault> {
        self.lock().clone()
    }
    /// Uses up one firing of the first fault that matches.
    pub fn take(&self, method: &str, path: &str) -> Option<FaultKind> {
        let mut faults = self.lock();
        let i = faults.iter().position(|f| f.matches(method, path))?;
        let kind = faults[i].kind.clone();
        faults[i].times -= 1;
        if faults[i].times == 0 {
            faults.remove(i);
        }
        Some(kind)
    }
    fn lock(&self) -> std::sync::MutexGuard<'_, Vec<Fault>> {
        self.0.lock().unwrap_or_else(|e| e.into_inner())
    }
}
