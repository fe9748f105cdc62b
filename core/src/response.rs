//! The response as the caller gets it, and the envelope it is decoded from.
use std::fmt;

use serde::Deserialize;
use serde::de::{DeserializeOwned, DeserializeSeed, IgnoredAny, MapAccess, Visitor};

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
    /// The data, and the envelope with a JSON `null` in its place.
    pub(crate) fn split(self) -> (T, Envelope<Box<serde_json::value::RawValue>>) {
        let null = serde_json::value::RawValue::NULL.to_owned();
        (self.data, Envelope { success: self.success, message: self.message, data: null, meta: self.meta, links: self.links })
    }

    /// Whether another page follows (lists only).
    pub fn has_next(&self) -> bool {
        self.meta.as_ref().is_some_and(|m| has_next(m, self.links.as_ref()))
    }
}

/// Decodes the envelope of a 2xx response; the caller's data is `T`, the rest of the body
/// stays beside it.
pub(crate) fn decode<T: DeserializeOwned>(raw: RawResponse) -> Result<Response<Envelope<T>>> {
    let env = serde_json::from_slice::<Envelope<T>>(&raw.body);
    finish(env, raw)
}

/// Like [`decode`], in one pass over the body with `data` read by `seed`: a language layer
/// builds its own values as the JSON is read, with no second parse of the data.
pub(crate) fn decode_seed<'de, S: DeserializeSeed<'de>>(raw: &'de RawResponse, seed: S) -> Result<Response<Envelope<S::Value>>> {
    // Checked as UTF-8 once here, the strings are not checked again one by one.
    let text = match std::str::from_utf8(&raw.body) {
        Ok(text) => text,
        Err(e) => return finish(Err(serde::de::Error::custom(format!("the body is not UTF-8: {e}"))), raw.clone()),
    };
    let mut json = serde_json::Deserializer::from_str(text);
    const FIELDS: &[&str] = &["success", "message", "data", "meta", "links"];
    let env = serde::Deserializer::deserialize_struct(&mut json, "Envelope", FIELDS, EnvelopeSeed(seed)).and_then(|env| json.end().map(|()| env));
    finish(env, raw.clone())
}

fn finish<T>(env: serde_json::Result<Envelope<T>>, raw: RawResponse) -> Result<Response<Envelope<T>>> {
    let fail = |message: String| Error::Decode { status: raw.status, message, excerpt: excerpt(&raw.body), request_id: raw.request_id.clone() };
    let mut env = env.map_err(|e| fail(e.to_string()))?;
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

/// The envelope's fields as [`Envelope`]'s derive reads them (an object, or its fields in
/// order as an array), with `data` by a seed.
struct EnvelopeSeed<S>(S);

impl<'de, S: DeserializeSeed<'de>> Visitor<'de> for EnvelopeSeed<S> {
    type Value = Envelope<S::Value>;

    fn expecting(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("the API's envelope, an object with `data`")
    }

    fn visit_map<A: MapAccess<'de>>(self, mut map: A) -> std::result::Result<Self::Value, A::Error> {
        let (mut seed, mut data) = (Some(self.0), None);
        let mut env = Envelope { success: None, message: None, data: (), meta: None, links: None };
        while let Some(key) = map.next_key::<std::borrow::Cow<'de, str>>()? {
            match key.as_ref() {
                "data" => match seed.take() {
                    Some(s) => data = Some(map.next_value_seed(s)?),
                    None => return Err(serde::de::Error::duplicate_field("data")),
                },
                "success" => env.success = map.next_value()?,
                "message" => env.message = map.next_value()?,
                "meta" => env.meta = map.next_value()?,
                "links" => env.links = map.next_value()?,
                _ => drop(map.next_value::<IgnoredAny>()?),
            }
        }
        let data = data.ok_or_else(|| serde::de::Error::missing_field("data"))?;
        Ok(Envelope { success: env.success, message: env.message, data, meta: env.meta, links: env.links })
    }

    fn visit_seq<A: serde::de::SeqAccess<'de>>(self, mut seq: A) -> std::result::Result<Self::Value, A::Error> {
        let success = seq.next_element()?.unwrap_or_default();
        let message = seq.next_element()?.unwrap_or_default();
        let data = seq.next_element_seed(self.0)?.ok_or_else(|| serde::de::Error::invalid_length(2, &"struct Envelope with 5 elements"))?;
        let meta = seq.next_element()?.unwrap_or_default();
        let links = seq.next_element()?.unwrap_or_default();
        Ok(Envelope { success, message, data, meta, links })
    }
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

    /// What a decode gave, comparable across the two paths: the data as JSON text, `has_next`
    /// and the message, or the error's message.
    fn outcome<T: serde::Serialize>(r: Result<Response<Envelope<T>>>) -> std::result::Result<(String, bool, Option<String>), String> {
        r.map(|resp| (serde_json::to_string(&resp.data.data).unwrap_or_default(), resp.data.has_next(), resp.message)).map_err(|e| e.to_string())
    }

    /// The one-pass decode (a seed reads `data`) agrees with the derive's, error for error.
    fn seeded_agrees(body: &[u8]) {
        let raw = raw(200, body.to_vec());
        let derived = outcome(decode::<serde_json::Value>(raw.clone()));
        let seeded = outcome(decode_seed(&raw, std::marker::PhantomData::<serde_json::Value>));
        assert_eq!(derived.is_ok(), seeded.is_ok(), "{derived:?} / {seeded:?} for {}", String::from_utf8_lossy(body));
        if derived.is_ok() {
            assert_eq!(derived, seeded);
        }
    }

    #[test]
    fn the_seeded_decode_reads_every_envelope_as_the_derive_does() {
        for body in [
            r#"{"success":true,"message":"ok","data":[{"id":"a","total":1.50}],"meta":{"current_page":1,"last_page":2}}"#,
            r#"{"meta":{"current_page":2,"last_page":2},"data":{"id":"b"},"extra":[1,{"x":null}]}"#,
            r#"{"data":null,"links":{"next":"https://x/y?page=2"}}"#,
            r#"{"success":false,"data":{}}"#,
            r#"{"message":"no data"}"#,
            r#"{"data":1,"data":2}"#,
            r#"{"data":[1,2]} trailing"#,
            r#"[1,2]"#,
            "{\"data\":\"\u{e9}t\u{e9}\"}",
        ] {
            seeded_agrees(body.as_bytes());
        }
        seeded_agrees(b"{\"data\":\"\xff\"}");
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
            seeded_agrees(&serde_json::to_vec(&envelope).unwrap());
            seeded_agrees(&serde_json::to_vec(&v).unwrap());
        }
    }
}
