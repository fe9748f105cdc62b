//! The client's settings and a request's options as one struct each, read from whatever a
//! language passes (a dict of keyword arguments, an options object) and checked once.
use std::time::Duration;

use serde::de::DeserializeOwned;
use serde_json::{Map, Value};

use super::convention::{Convention, snake};
use crate::config::{
    ClientBuilder, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES, DEFAULT_RATE_LIMIT,
    DEFAULT_RATE_LIMIT_STORE_PREFIX, DEFAULT_TIMEOUT,
};
use crate::error::{Error, Result};
use crate::options::RequestOptions;
use crate::schema::{DefaultValue, FieldSpec, Kind};

contract! {
    /// Every setting of a client. Unset ones fall back to the environment, then the defaults.
    #[derive(Clone, Debug, Default, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct ClientSettings {
        /// The API token, or a function that returns it (asked on first use and after a 401); else `token_file`, `BLINKSALE_API_TOKEN`, then `BLINKSALE_API_TOKEN_FILE`.
        pub token: Option<String> => Secret,
        /// A file holding the token, read again whenever it changes (a mounted secret rotated in place).
        pub token_file: Option<String> => Text,
        /// The base URL, including `/api/v1`; else `BLINKSALE_BASE_URL`, then the API's.
        pub base_url: Option<String> => Text = DefaultValue::Text(DEFAULT_BASE_URL),
        /// Time allowed for one attempt.
        pub timeout: Option<f64> => Duration = DefaultValue::Seconds(DEFAULT_TIMEOUT.as_secs_f64()),
        /// Time allowed to connect.
        pub connect_timeout: Option<f64> => Duration = DefaultValue::Seconds(DEFAULT_CONNECT_TIMEOUT.as_secs_f64()),
        /// Retries after a retryable failure (never for a write the server may have done).
        pub max_retries: Option<u32> => Count = DefaultValue::Count(DEFAULT_MAX_RETRIES as u64),
        /// Headers sent with every request.
        pub default_headers: Option<Vec<(String, String)>> => Headers,
        /// Requests a minute paced to before the server's headers say otherwise.
        pub rate_limit: Option<u32> => Count = DefaultValue::Count(DEFAULT_RATE_LIMIT as u64),
        /// One bound on a whole call: rate-limit waits, every attempt and the backoff.
        pub deadline: Option<f64> => Duration,
        /// The largest response body read, in bytes; a larger one is a decode error.
        pub max_response_bytes: Option<u64> => Count = DefaultValue::Count(DEFAULT_MAX_RESPONSE_BYTES),
        /// A PEM file of CA certificates to trust beside the platform's (a private CA's, a TLS-inspecting proxy's); else `BLINKSALE_CA_BUNDLE`.
        pub ca_bundle: Option<String> => Text,
        /// Trust only `ca_bundle`'s certificates, not the platform's.
        pub ca_bundle_only: Option<bool> => Bool,
        /// `http://[user:password@]host:port` (or `https://`): the proxy for every request (https is tunnelled, so it never sees the token); false for none, not even `HTTPS_PROXY`/`HTTP_PROXY`/`ALL_PROXY` (`NO_PROXY` is honoured).
        pub proxy: Option<ProxySetting> => Proxy,
        /// `redis://…` (else `BLINKSALE_RATE_LIMIT_STORE`): share the rate limit with every process using the token, through Redis or Valkey.
        pub rate_limit_store: Option<String> => Text,
        /// The prefix of the store's keys.
        pub rate_limit_store_prefix: Option<String> => Text = DefaultValue::Text(DEFAULT_RATE_LIMIT_STORE_PREFIX),
    }
}

contract! {
    /// The options of one request (or of `with_options`), over the client's settings.
    #[derive(Clone, Debug, Default, serde::Deserialize)]
    #[serde(deny_unknown_fields)]
    pub struct CallOptions {
        /// Time allowed for one attempt.
        pub timeout: Option<f64> => Duration,
        /// Retries after a retryable failure.
        pub max_retries: Option<u32> => Count,
        /// One bound on the whole call: rate-limit waits, every attempt and the backoff between them.
        pub deadline: Option<f64> => Duration,
        /// Headers for this request; they replace the client's of the same name.
        pub headers: Option<Vec<(String, String)>> => Headers,
        /// Query parameters added to the request.
        pub query: Option<Vec<(String, String)>> => Query,
        /// Fields merged into the JSON body, unchecked: for fields this version does not know.
        pub body: Option<Map<String, Value>> => Object,
    }
}

/// The `proxy` setting: a URL, or `false` for none.
#[derive(Clone, Debug, serde::Deserialize)]
#[serde(untagged)]
pub enum ProxySetting {
    /// The proxy's URL.
    Url(String),
    /// `false`: no proxy.
    Off(bool),
}

impl ClientSettings {
    /// Reads the settings a language passed: names in its case, durations in its unit, null
    /// or absent for unset. A wrong value is a configuration error naming it.
    pub fn from_json(value: Value, conv: Convention) -> Result<ClientSettings> {
        read(value, conv, Self::FIELDS).map_err(|(_, m)| Error::Config(m))
    }

    /// A builder with these settings; `user_agent` names the language layer.
    pub fn builder(self, user_agent: &str) -> ClientBuilder {
        let mut b = crate::Client::builder().user_agent_suffix(user_agent);
        b = set(b, self.token, ClientBuilder::token);
        b = set(b, self.token_file, ClientBuilder::token_file);
        b = set(b, self.base_url, ClientBuilder::base_url);
        b = set(b, secs(self.timeout), ClientBuilder::timeout);
        b = set(b, secs(self.connect_timeout), ClientBuilder::connect_timeout);
        b = set(b, secs(self.deadline), ClientBuilder::deadline);
        b = set(b, self.max_retries, ClientBuilder::max_retries);
        b = set(b, self.rate_limit, ClientBuilder::rate_limit);
        b = set(b, self.max_response_bytes, ClientBuilder::max_response_bytes);
        b = set(b, self.ca_bundle, ClientBuilder::ca_bundle);
        b = set(b, self.ca_bundle_only, ClientBuilder::ca_bundle_only);
        b = match self.proxy {
            Some(ProxySetting::Url(url)) => b.proxy(&url),
            Some(ProxySetting::Off(_)) => b.no_proxy(),
            None => b,
        };
        b = set(b, self.rate_limit_store, ClientBuilder::rate_limit_store);
        b = set(b, self.rate_limit_store_prefix, ClientBuilder::rate_limit_store_prefix);
        self.default_headers.unwrap_or_default().into_iter().fold(b, |b, (k, v)| b.default_header(k, v))
    }

    /// The client these settings describe.
    pub fn build(self, user_agent: &str) -> Result<crate::Client> {
        self.builder(user_agent).build()
    }
}

impl CallOptions {
    /// Reads the options a language passed (as [`ClientSettings::from_json`]); a wrong value
    /// is an invalid request naming the option.
    pub fn from_json(value: Value, conv: Convention) -> Result<CallOptions> {
        read(value, conv, Self::FIELDS).map_err(|(field, message)| Error::InvalidRequest { message, field })
    }

    /// The core's request options.
    pub fn into_request_options(self) -> RequestOptions {
        RequestOptions {
            timeout: secs(self.timeout),
            max_retries: self.max_retries,
            deadline: secs(self.deadline),
            headers: self.headers.unwrap_or_default(),
            extra_query: self.query.unwrap_or_default(),
            extra_body: self.body,
            trace: None,
        }
    }
}

/// Seconds as read by [`normalize`] (already checked finite and positive) as a duration.
fn secs(s: Option<f64>) -> Option<Duration> {
    s.and_then(|s| Duration::try_from_secs_f64(s).ok())
}

fn set<T>(b: ClientBuilder, value: Option<T>, f: impl FnOnce(ClientBuilder, T) -> ClientBuilder) -> ClientBuilder {
    match value {
        Some(v) => f(b, v),
        None => b,
    }
}

/// What went wrong reading a contract struct: the field (as the caller named it) and why.
type ReadError = (Option<String>, String);

/// Normalizes the names and values a language passed, field by field as `fields` describes
/// them, then decodes the struct.
fn read<T: DeserializeOwned>(value: Value, conv: Convention, fields: &[FieldSpec]) -> std::result::Result<T, ReadError> {
    let map = match value {
        Value::Null => Map::new(),
        Value::Object(map) => map,
        _ => return Err((None, "options must be a mapping of names to values".into())),
    };
    let mut out = Map::new();
    for (given, v) in map {
        if v.is_null() {
            continue;
        }
        let name = snake(&given);
        let Some(spec) = fields.iter().find(|f| f.name == name) else {
            let known: Vec<String> = fields.iter().map(|f| conv.name(f.name)).collect();
            return Err((Some(given.clone()), format!("unknown option {given:?} (known: {})", known.join(", "))));
        };
        let v = normalize(spec.kind, v, conv).map_err(|why| (Some(given.clone()), format!("{given} must be {why}")))?;
        out.insert(name, v);
    }
    serde_json::from_value(Value::Object(out)).map_err(|e| (None, format!("invalid options: {e}")))
}

/// One value in the form the struct decodes, or what it should have been.
fn normalize(kind: Kind, v: Value, conv: Convention) -> std::result::Result<Value, String> {
    match kind {
        Kind::Duration => {
            let n = number(&v).filter(|n| n.is_finite() && *n > 0.0);
            let secs = n.map(|n| n / conv.time.per_second()).filter(|s| Duration::try_from_secs_f64(*s).is_ok());
            secs.map(Value::from).ok_or_else(|| format!("a positive number of {}", conv.time.name()))
        }
        Kind::Count => {
            let n = number(&v).filter(|n| n.fract() == 0.0 && *n >= 0.0 && *n <= 9_007_199_254_740_992.0);
            n.map(|n| Value::from(n as u64)).ok_or_else(|| "a whole number, zero or more".to_string())
        }
        Kind::Headers | Kind::Query => pairs(v).ok_or_else(|| "a mapping of names to values".to_string()),
        Kind::Object => {
            if v.is_object() {
                Ok(v)
            } else {
                Err("a mapping of field names to values".to_string())
            }
        }
        Kind::Bool => v.is_boolean().then_some(v).ok_or_else(|| "true or false".to_string()),
        Kind::Proxy => match v {
            Value::String(_) | Value::Bool(false) => Ok(v),
            _ => Err("a proxy URL, or false for none".to_string()),
        },
        Kind::Text | Kind::Secret => {
            if v.is_string() {
                Ok(v)
            } else {
                Err("a string".to_string())
            }
        }
        _ => Ok(v),
    }
}

fn number(v: &Value) -> Option<f64> {
    v.as_f64()
}

/// A mapping (or a list of pairs) as `[[name, value], …]`; values that are not text become
/// their JSON text (`true`, `2`).
fn pairs(v: Value) -> Option<Value> {
    let entries: Vec<(String, Value)> = match v {
        Value::Object(map) => map.into_iter().collect(),
        Value::Array(items) => items
            .into_iter()
            .map(|p| match p {
                Value::Array(mut kv) if kv.len() == 2 => {
                    let v = kv.pop()?;
                    Some((kv.pop()?.as_str()?.to_string(), v))
                }
                _ => None,
            })
            .collect::<Option<_>>()?,
        _ => return None,
    };
    let text = |v: Value| match v {
        Value::String(s) => Some(s),
        Value::Null | Value::Array(_) | Value::Object(_) => None,
        other => Some(other.to_string()),
    };
    entries.into_iter().map(|(k, v)| Some(Value::from(vec![Value::from(k), Value::from(text(v)?)]))).collect::<Option<Vec<_>>>().map(Value::from)
}

/// Query pairs for a call: the same rule as [`CallOptions::query`] (text as is, numbers and
/// booleans as their JSON text, null left out).
pub fn query_pairs(v: Value) -> Result<Vec<(String, String)>> {
    let v = match v {
        Value::Object(map) => Value::Object(map.into_iter().filter(|(_, v)| !v.is_null()).collect()),
        other => other,
    };
    let pairs = pairs(v).ok_or_else(|| Error::invalid("query", "must be a mapping of names to text, numbers or booleans"))?;
    serde_json::from_value(pairs).map_err(|e| Error::invalid("query", e.to_string()))
}
