//! `NativeClient` and `NativeStream`: the core client behind `Blinksale\Client`. The contract's
//! structs arrive as JSON text (the PHP layer's `json_encode`) and leave as arrays; a core
//! error leaves as `['error' => details]`, which the PHP layer throws as its class.
use std::sync::Mutex;

use blinksale::binding::{self, CallOptions, ClientSettings, Convention, Reply};
use blinksale::{Method, RequestOptions};
use ext_php_rs::convert::IntoZval;
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;
use futures_util::StreamExt;
use serde_json::Value;

use crate::errors::{config, error_value, keyed};
use crate::{decode, runtime};

/// Option names in camelCase, durations in seconds (stripe-php's options arrays).
const PHP: Convention = Convention::PHP;

fn parse(text: Option<&str>, what: &str) -> blinksale::Result<Value> {
    match text {
        None => Ok(Value::Null),
        Some(t) => serde_json::from_str(t).map_err(|e| blinksale::Error::InvalidRequest { message: format!("{what} is not JSON: {e}"), field: None }),
    }
}

/// A query as the core sends it; none is empty.
fn query_pairs(text: Option<&str>) -> blinksale::Result<Vec<(String, String)>> {
    match text {
        None => Ok(Vec::new()),
        Some(t) => binding::query_pairs(parse(Some(t), "query")?),
    }
}

fn options(text: Option<&str>) -> blinksale::Result<RequestOptions> {
    CallOptions::from_json(parse(text, "options")?, PHP).map(CallOptions::into_request_options)
}

/// A value, or the error value; what every method returns.
fn value<T: IntoZval>(r: blinksale::Result<T>) -> Zval {
    match r.map(|v| v.into_zval(false)) {
        Ok(Ok(z)) => z,
        Ok(Err(e)) => config(format!("cannot build the PHP value: {e}")),
        Err(e) => error_value(&e),
    }
}

/// `['data' => …, 'info' => …]`: the reply's data decoded, and the rest of the contract's
/// `Reply` by the core's names (as error details are), serialized straight to text.
fn reply(r: Reply) -> Zval {
    match decode::to_php(r.data.get()) {
        Ok(data) => with_info(data, &r),
        Err(message) => config(message),
    }
}

/// A raw reply decoded in one pass (the core's envelope rules, PHP values built as the JSON
/// is read), as `reply` returns it.
fn decoded(raw: binding::RawReply) -> Zval {
    match raw.decode_with(decode::seed()) {
        Ok((data, r)) => with_info(data, &r),
        Err(e) => error_value(&e),
    }
}

/// The data and the reply's other fields, as `reply` returns them.
fn with_info(data: Zval, r: &Reply) -> Zval {
    let info = serde_json::to_string(r).unwrap_or_else(|_| "{}".into());
    let info = match decode::contract_to_php(&info) {
        Ok(info) => info,
        Err(message) => return config(message),
    };
    let mut out = keyed("data", data);
    if let Some(table) = out.array_mut() {
        let _ = table.insert("info", info);
    }
    out
}

#[php_class]
#[php(name = "Blinksale\\Internal\\NativeClient")]
pub struct NativeClient {
    /// The process that built the client, and the client. Rebuilt after fork().
    current: Mutex<(u32, blinksale::Client)>,
}

impl NativeClient {
    fn wrap(client: blinksale::Client) -> Self {
        NativeClient { current: Mutex::new((std::process::id(), client)) }
    }

    fn client(&self) -> blinksale::Result<blinksale::Client> {
        let mut cur = self.current.lock().unwrap_or_else(|e| e.into_inner());
        let pid = std::process::id();
        if cur.0 != pid {
            *cur = (pid, cur.1.fresh()?);
        }
        Ok(cur.1.clone())
    }

    fn run<T, F: std::future::Future<Output = blinksale::Result<T>>>(
        &self,
        call: impl FnOnce(blinksale::Client) -> blinksale::Result<F>,
        done: impl FnOnce(T) -> Zval,
    ) -> Zval {
        let client = match self.client() {
            Ok(c) => c,
            Err(e) => return error_value(&e),
        };
        let between = client.works_between_calls();
        let fut = match call(client) {
            Ok(f) => f,
            Err(e) => return error_value(&e),
        };
        match runtime::block_on(between, fut) {
            Ok(Ok(r)) => done(r),
            Ok(Err(e)) => error_value(&e),
            Err(message) => config(message),
        }
    }
}

#[php_impl]
impl NativeClient {
    /// A client from the contract's settings (JSON), or `['error' => …]`.
    pub fn open(settings: String, user_agent: String) -> Zval {
        value(
            parse(Some(&settings), "settings")
                .and_then(|s| ClientSettings::from_json(s, PHP))
                .and_then(|s| s.build(&user_agent))
                .map(NativeClient::wrap),
        )
    }

    /// A client sharing this one's pool and rate limiter, with other defaults.
    pub fn with_options(&self, options_json: Option<String>) -> Zval {
        value(self.client().and_then(|c| c.with_options(&options(options_json.as_deref())?)).map(NativeClient::wrap))
    }

    pub fn base_url(&self) -> String {
        self.current.lock().unwrap_or_else(|e| e.into_inner()).1.config().base_url().to_string()
    }

    /// The rate-limit state the last response reported, or null.
    pub fn rate_limit(&self) -> Zval {
        let state = self.current.lock().unwrap_or_else(|e| e.into_inner()).1.rate_limit();
        let info = state.as_ref().map(blinksale::RateLimitInfo::from);
        decode::contract_to_php(&serde_json::to_string(&info).unwrap_or_else(|_| "null".into())).unwrap_or_default()
    }

    /// Runs an operation of the core's table.
    pub fn call(&self, op_id: String, ids: Vec<String>, query: Option<String>, body: Option<String>, options_json: Option<String>) -> Zval {
        self.run(
            |client| {
                let op = binding::operation(&op_id)?;
                let query = query_pairs(query.as_deref())?;
                let body = body.as_deref().map(|b| parse(Some(b), "the body")).transpose()?;
                let opts = options(options_json.as_deref())?;
                Ok(async move {
                    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
                    binding::execute_raw(&client, op, &ids, query, body, &opts).await
                })
            },
            decoded,
        )
    }

    /// Any request below the base URL: the escape hatch.
    pub fn request(&self, method: String, path: String, query: Option<String>, body: Option<String>, options_json: Option<String>) -> Zval {
        self.run(
            |client| {
                let method = Method::parse(&method)?;
                let query = query_pairs(query.as_deref())?;
                let body = body.as_deref().map(|b| parse(Some(b), "the body")).transpose()?;
                let opts = options(options_json.as_deref())?;
                Ok(async move { binding::request(&client, method, &path, query, body, &opts).await })
            },
            reply,
        )
    }

    /// Every item of a list operation, fetched page by page as `NativeStream::nextBatch` asks.
    pub fn stream(&self, op_id: String, ids: Vec<String>, query: Option<String>, limit: Option<i64>, options_json: Option<String>) -> Zval {
        let made = (|| {
            let client = self.client()?;
            let op = binding::operation(&op_id)?;
            let query = query_pairs(query.as_deref())?;
            let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
            let limit = limit.map(|l| l.max(0) as u64);
            let between = client.works_between_calls();
            let items = binding::items(&client, op, &ids, query, limit, options(options_json.as_deref())?)?;
            Ok(NativeStream { items: Mutex::new(Some(items)), between })
        })();
        value(made)
    }
}

type Items = blinksale::ChunkStream<Box<serde_json::value::RawValue>>;

#[php_class]
#[php(name = "Blinksale\\Internal\\NativeStream")]
pub struct NativeStream {
    /// None once the stream ended or failed.
    items: Mutex<Option<Items>>,
    between: bool,
}

#[php_impl]
impl NativeStream {
    /// The next page's items (fetched only now), `[]` at the end, or `['error' => …]`.
    pub fn next_batch(&self) -> Zval {
        let mut guard = self.items.lock().unwrap_or_else(|e| e.into_inner());
        let Some(items) = guard.as_mut() else { return ext_php_rs::types::ZendHashTable::new().into_zval(false).unwrap_or_default() };
        let next = runtime::block_on(self.between, async { items.next().await.transpose() });
        match next {
            Ok(Ok(Some(batch))) => batch_value(&batch),
            Ok(Ok(None)) => {
                *guard = None;
                ext_php_rs::types::ZendHashTable::new().into_zval(false).unwrap_or_default()
            }
            Ok(Err(e)) => {
                *guard = None;
                error_value(&e)
            }
            Err(message) => config(message),
        }
    }
}

fn batch_value(batch: &[Box<serde_json::value::RawValue>]) -> Zval {
    let mut list = ext_php_rs::types::ZendHashTable::new();
    for item in batch {
        match decode::to_php(item.get()) {
            Ok(z) => {
                let _ = list.push(z);
            }
            Err(message) => return config(message),
        }
    }
    list.into_zval(false).unwrap_or_default()
}
