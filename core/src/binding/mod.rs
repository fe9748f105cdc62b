//! The contract between the core and every language layer (Python, Node, the CLI, PHP): one
//! definition of the client settings, the per-request options, the reply and the error
//! details, and the JSON call surface the layers use. Each layer converts these generically
//! (a dict, a JS object) and names them in its own case and time unit ([`Convention`]); the
//! generators write each language's typed surface from [`schema_json`].
//!
//! The public Rust API (`Client`, resources, typed models) does not use this module.
mod calls;
mod convention;
mod reply;
mod settings;

pub use calls::{RawReply, execute, execute_raw, items, operation, pages, request};
pub use convention::{Case, Convention, TimeUnit};
pub use reply::Reply;
pub use settings::query_pairs;
pub use settings::{CallOptions, ClientSettings, ProxySetting};

use crate::error::ErrorDetails;

/// The catalog (models, enums, operations, errors) and the contract's structs, as JSON: what
/// every binding's generated layer is written from.
pub fn schema_json() -> serde_json::Value {
    let mut schema = crate::catalog::to_json();
    let fields = |f: &[crate::schema::FieldSpec]| f.iter().map(|f| f.to_json()).collect::<Vec<_>>();
    schema["contract"] = serde_json::json!({
        "client_settings": fields(ClientSettings::FIELDS),
        "call_options": fields(CallOptions::FIELDS),
        "reply": fields(Reply::FIELDS),
        "error_details": fields(ErrorDetails::FIELDS),
    });
    schema
}

/// The runtime a language layer runs its calls on. Its workers do the I/O and the envelope
/// decoding; the host language's own thread does the rest, so half the cores suffice, and
/// fewer workers mean fewer thread wake-ups per call (one worker on two cores: about 6% more
/// pages per second at 32 concurrent calls from Node, and less CPU per call).
pub fn runtime_builder(thread_name: &str) -> tokio::runtime::Builder {
    let cores = std::thread::available_parallelism().map_or(2, |n| n.get());
    let mut builder = tokio::runtime::Builder::new_multi_thread();
    builder.worker_threads((cores / 2).max(1)).thread_name(thread_name).enable_all();
    builder
}

#[cfg(test)]
mod tests {
    //! Each contract struct's `FIELDS` (what the generators write every language from) and the
    //! struct itself (what crosses at run time) name the same fields.
    use std::collections::BTreeSet;

    use serde_json::{Value, json};

    use super::*;

    fn names(fields: &[crate::schema::FieldSpec]) -> BTreeSet<String> {
        fields.iter().map(|f| f.name.to_string()).collect()
    }

    fn keys(v: &Value) -> BTreeSet<String> {
        v.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default()
    }

    #[test]
    fn error_details_serialize_every_described_field() {
        let info = crate::ApiErrorInfo {
            status: 429,
            message: "slow down".into(),
            errors: [("name".to_string(), vec!["x".to_string()])].into(),
            request_id: Some("req_1".into()),
            rate_limit: Some(crate::RateLimit { limit: Some(1), remaining: Some(0), reset: Some(std::time::Duration::from_secs(1)) }),
            headers: vec![("a".into(), "b".into())],
            body: "{}".into(),
        };
        let mut d = crate::Error::RateLimited { info: Box::new(info), retry_after: std::time::Duration::from_secs(1) }.details();
        (d.required_permission, d.request_sent, d.field, d.body_excerpt) = (Some("read"), Some(true), Some("f".into()), Some("e".into()));
        assert_eq!(keys(&serde_json::to_value(&d).unwrap()), names(ErrorDetails::FIELDS));
    }

    #[test]
    fn a_reply_serializes_every_described_field_but_data() {
        let raw = serde_json::value::RawValue::from_string("[]".into()).unwrap();
        let reply = Reply {
            data: raw,
            meta: Some(Default::default()),
            has_next: false,
            status: 200,
            headers: Default::default(),
            request_id: Some("r".into()),
            message: Some("m".into()),
            rate_limit: Some(Default::default()),
        };
        let mut expected = names(Reply::FIELDS);
        expected.remove("data");
        assert_eq!(keys(&reply.info(Convention::PYTHON)), expected);
        let camel: BTreeSet<String> = expected.iter().map(|n| Convention::NODE.name(n)).collect();
        assert_eq!(keys(&reply.info(Convention::NODE)), camel);
    }

    #[test]
    fn every_described_setting_and_option_is_read() {
        let sample = |f: &crate::schema::FieldSpec| match f.kind {
            crate::schema::Kind::Duration => json!(1500),
            crate::schema::Kind::Count => json!(3),
            crate::schema::Kind::Headers | crate::schema::Kind::Query => json!({"x-a": "1"}),
            crate::schema::Kind::Object => json!({"a": 1}),
            crate::schema::Kind::Bool => json!(true),
            crate::schema::Kind::Proxy => json!(false),
            _ => json!("redis://127.0.0.1:1"),
        };
        for conv in [Convention::PYTHON, Convention::NODE] {
            for f in ClientSettings::FIELDS {
                let v = json!({ conv.name(f.name): sample(f) });
                ClientSettings::from_json(v, conv).unwrap_or_else(|e| panic!("{}: {e}", f.name));
            }
            for f in CallOptions::FIELDS {
                CallOptions::from_json(json!({ conv.name(f.name): sample(f) }), conv).unwrap_or_else(|e| panic!("{}: {e}", f.name));
            }
        }
        let o = CallOptions::from_json(json!({"timeout": 1500, "maxRetries": 0}), Convention::NODE).unwrap().into_request_options();
        assert_eq!((o.timeout, o.max_retries), (Some(std::time::Duration::from_millis(1500)), Some(0)));
    }

    #[test]
    fn a_bad_duration_is_the_same_error_for_a_client_and_a_request() {
        for bad in [json!(0), json!(-1), json!("soon"), json!(f64::MAX)] {
            let client = ClientSettings::from_json(json!({"timeout": bad}), Convention::PYTHON).unwrap_err();
            let call = CallOptions::from_json(json!({"timeout": bad}), Convention::PYTHON).unwrap_err();
            assert_eq!(client.message(), "timeout must be a positive number of seconds", "{bad}");
            assert_eq!(call.message(), client.message());
            assert_eq!((client.code(), call.code()), ("config", "invalid_request"));
        }
        let node = CallOptions::from_json(json!({"deadline": 0}), Convention::NODE).unwrap_err();
        assert_eq!(node.message(), "deadline must be a positive number of milliseconds");
        let unknown = ClientSettings::from_json(json!({"timeoutt": 1}), Convention::PYTHON).unwrap_err();
        assert!(unknown.message().contains("unknown option \"timeoutt\""), "{unknown}");
    }
}
