//! The response as the caller gets it, and the envelope it is decoded from.
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result, excerpt};
use crate::models::{PageLinks, PageMeta, has_next};
use crate::ratelimit::RateLimit;
use crate::transport::RawResponse;

/// A decoded response with its HTTP details: status, headers, request id and rate limit.
#[derive(Clone, Debug)]
pub struct Response<T> {
    /// The envelope's `data`.
    pub data: T,
    /// The envelope's `message`.
    pub message: Option<String>,
    /// The HTTP status.
    pub status: u16,
    /// The response headers.
    pub headers: http::HeaderMap,
    /// The `X-Request-Id` header, if any.
    pub request_id: Option<String>,
    /// The rate-limit headers, if any.
    pub rate_limit: Option<RateLimit>,
}

impl<T> Response<T> {
    /// The data alone.
    pub fn into_data(self) -> T {
        self.data
    }

    /// Applies `f` to the data, keeping the HTTP details.
    pub fn map<U>(self, f: impl FnOnce(T) -> U) -> Response<U> {
        Response {
            data: f(self.data),
            message: self.message,
            status: self.status,
            headers: self.headers,
            request_id: self.request_id,
            rate_limit: self.rate_limit,
        }
    }
}

/// `{success, message, data, meta?, links?}`: a body as the API sends it. Pagination links
/// are accepted both inside `meta` and at the top level, as the docs show both.
#[derive(Deserialize)]
pub(crate) struct Envelope<T> {
    #[serde(default)]
    success: Option<bool>,
    #[serde(default)]
    message: Option<String>,
    pub data: T,
    #[serde(default)]
    pub meta: Option<PageMeta>,
    #[serde(default)]
    pub links: Option<PageLinks>,
}

impl<T> Envelope<T> {
    /// Whether another page follows (lists only).
    pub fn has_next(&self) -> bool {
        self.meta.as_ref().is_some_and(|m| has_next(m, self.links.as_ref()))
    }
}

/// Decodes the envelope of a 2xx response; the caller's data is `T`, the rest of the body
/// stays beside it.
pub(crate) fn decode<T: DeserializeOwned>(raw: RawResponse) -> Result<Response<Envelope<T>>> {
    let fail = |message: String| Error::Decode { status: raw.status, message, excerpt: excerpt(&raw.body), request_id: raw.request_id.clone() };
    let mut env: Envelope<T> = serde_json::from_slice(&raw.body).map_err(|e| fail(e.to_string()))?;
    if env.success == Some(false) {
        return Err(fail("the envelope says success: false on a 2xx response".into()));
    }
    Ok(Response {
        message: env.message.take(),
        data: env,
        status: raw.status,
        headers: raw.headers,
        request_id: raw.request_id,
        rate_limit: raw.rate_limit,
    })
}

#[cfg(test)]
mod fuzz {
    //! Whatever the server sends, decoding returns a value or an error: it never panics.
    use super::*;
    use crate::error::{Error, Permission};
    use crate::models::{Client, Invoice, RecurringInvoice};
    use proptest::prelude::*;
    use serde_json::value::RawValue;

    fn raw(status: u16, body: Vec<u8>) -> RawResponse {
        RawResponse { status, headers: http::HeaderMap::new(), body: body.into(), request_id: None, rate_limit: None }
    }

    fn decode_all(body: &[u8]) {
        let _ = decode::<Vec<Invoice>>(raw(200, body.to_vec()));
        let _ = decode::<Client>(raw(200, body.to_vec()));
        let _ = decode::<RecurringInvoice>(raw(200, body.to_vec()));
        let _ = decode::<Box<RawValue>>(raw(200, body.to_vec()));
        for status in [400, 401, 403, 404, 422, 429, 500, 502] {
            let _ = Error::from_response(status, &http::HeaderMap::new(), body, Permission::Read, None);
        }
    }

    /// JSON values of any shape, with the field names the models use.
    fn json() -> impl Strategy<Value = serde_json::Value> {
        let key = prop_oneof![
            Just("id".to_string()),
            Just("data".to_string()),
            Just("total".to_string()),
            Just("items".to_string()),
            Just("status".to_string()),
            Just("meta".to_string()),
            Just("links".to_string()),
            Just("created_at".to_string()),
            Just("errors".to_string()),
            Just("message".to_string()),
            "[a-z_]{1,8}",
        ];
        let leaf = prop_oneof![
            Just(serde_json::Value::Null),
            any::<bool>().prop_map(Into::into),
            any::<i64>().prop_map(Into::into),
            any::<f64>().prop_map(|f| serde_json::Number::from_f64(f).map_or(serde_json::Value::Null, Into::into)),
            ".{0,12}".prop_map(Into::into),
            Just("2023-11-07T05:31:56Z".into()),
            Just("1e400".parse::<serde_json::Value>().unwrap_or_default()),
        ];
        leaf.prop_recursive(4, 64, 8, move |inner| {
            prop_oneof![
                prop::collection::vec(inner.clone(), 0..6).prop_map(Into::into),
                prop::collection::btree_map(key.clone(), inner, 0..8).prop_map(|m| serde_json::Value::Object(m.into_iter().collect())),
            ]
        })
    }

    proptest! {
        #![proptest_config(ProptestConfig::with_cases(2000))]
        #[test]
        fn arbitrary_bytes_never_panic(body in prop::collection::vec(any::<u8>(), 0..512)) {
            decode_all(&body);
        }

        #[test]
        fn arbitrary_json_never_panics(v in json()) {
            decode_all(&serde_json::to_vec(&v).unwrap());
            let envelope = serde_json::json!({"success": true, "data": v, "meta": {"links": [v]}});
            decode_all(&serde_json::to_vec(&envelope).unwrap());
        }
    }
}
