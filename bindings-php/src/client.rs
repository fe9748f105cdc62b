//! `NativeClient`: the core client behind `Blinksale\Client`. The contract's structs arrive
//! as JSON text (the PHP layer's `json_encode`) and leave as arrays; a core error leaves as
//! `['error' => details]`, which the PHP layer throws as its class.
use std::sync::Mutex;

use blinksale::Method;
use blinksale::binding::{self, ClientSettings};
use ext_php_rs::prelude::*;
use ext_php_rs::types::Zval;

use crate::convert::{PHP, decoded, options, parse, query_pairs, reply, value};
use crate::errors::{config, error_value};
use crate::stream::NativeStream;
use crate::tokens::PhpProvider;
use crate::{decode, runtime};

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

/// A PHP token provider is called on the calling thread only; a client that works between
/// calls runs them on a shared runtime's workers.
fn on_this_thread(client: blinksale::Client) -> blinksale::Result<blinksale::Client> {
    if client.works_between_calls() {
        return Err(blinksale::Error::Config("a callable token cannot be used with rateLimitStore in PHP: give a string or tokenFile".into()));
    }
    Ok(client)
}

#[php_impl]
impl NativeClient {
    /// A client from the contract's settings (JSON) and a token provider (a callable), or
    /// `['error' => …]`.
    pub fn open(settings: String, user_agent: String, token_provider: Option<&Zval>) -> Zval {
        let built = parse(Some(&settings), "settings").and_then(|s| ClientSettings::from_json(s, PHP)).and_then(|s| {
            let builder = s.builder(&user_agent);
            match token_provider.filter(|z| !z.is_null()) {
                Some(callable) => builder.token_provider(PhpProvider::new(callable)?).build().and_then(on_this_thread),
                None => builder.build(),
            }
        });
        value(built.map(NativeClient::wrap))
    }

    /// The permissions this client's calls needed (`read`, `write`, `send`).
    pub fn permissions_used(&self) -> Vec<String> {
        let client = self.current.lock().unwrap_or_else(|e| e.into_inner()).1.clone();
        client.permissions_used().iter().map(ToString::to_string).collect()
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
            Ok(NativeStream::new(items, between))
        })();
        value(made)
    }
}
