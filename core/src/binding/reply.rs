//! One reply as every language layer receives it: `data` as the API's JSON text, and the
//! HTTP side as one named struct.
use std::collections::BTreeMap;

use serde_json::value::RawValue;

use crate::error::RateLimitInfo;
use crate::models::PageMeta;
use crate::response::{Envelope, Response};

contract! {
    /// A reply: the data, and what the response said besides.
    #[derive(Clone, Debug, serde::Serialize)]
    pub struct Reply {
        /// The envelope's `data` as JSON text, exactly as sent (for a raw request's list,
        /// `{"data": …, "meta": …}`).
        #[serde(skip)]
        pub data: Box<RawValue> => Text,
        /// `meta`, for lists.
        pub meta: Option<PageMeta> => Meta,
        /// For lists: whether another page follows.
        pub has_next: bool => Bool,
        /// The HTTP status.
        pub status: u16 => Count,
        /// The response headers (names lower-case; repeated ones joined with `, `).
        pub headers: BTreeMap<String, String> => Headers,
        /// The `X-Request-Id` header, if any.
        pub request_id: Option<String> => Text,
        /// The envelope's `message`.
        pub message: Option<String> => Text,
        /// The rate-limit headers, if any.
        pub rate_limit: Option<RateLimitInfo> => RateLimit,
    }
}

impl Reply {
    pub(crate) fn new(r: Response<Envelope<Box<RawValue>>>) -> Reply {
        let has_next = r.data.has_next();
        let mut headers = BTreeMap::<String, String>::new();
        for (k, v) in &r.headers {
            let v = String::from_utf8_lossy(v.as_bytes());
            headers.entry(k.as_str().to_string()).and_modify(|have| *have = format!("{have}, {v}")).or_insert_with(|| v.into_owned());
        }
        Reply {
            data: r.data.data,
            meta: r.data.meta,
            has_next,
            status: r.status,
            headers,
            request_id: r.request_id,
            message: r.message,
            rate_limit: r.rate_limit.as_ref().map(RateLimitInfo::from),
        }
    }

    /// Everything but `data`, as JSON with the field names in `conv`'s case.
    pub fn info(&self, conv: super::Convention) -> serde_json::Value {
        conv.rename_fields(serde_json::to_value(self).unwrap_or_default())
    }
}
