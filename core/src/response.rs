//! The decoded envelope and the response around it.
use serde::Deserialize;
use serde::de::DeserializeOwned;

use crate::error::{Error, Result, excerpt};
use crate::page::{PageLinks, PageMeta};
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

/// `{success, message, data, meta?, links?}`. Pagination links are accepted both inside
/// `meta` and at the top level, as the docs show both.
#[derive(Deserialize)]
pub(crate) struct Envelope<T> {
    #[serde(default)]
    success: Option<bool>,
    #[serde(default)]
    message: Option<String>,
    data: T,
    #[serde(default)]
    meta: Option<PageMeta>,
    #[serde(default)]
    links: Option<PageLinks>,
}

/// A decoded body: data plus the list metadata, if any.
pub(crate) struct Decoded<T> {
    pub response: Response<T>,
    pub meta: Option<PageMeta>,
    pub links: Option<PageLinks>,
}

/// Decodes the envelope of a 2xx response.
pub(crate) fn decode<T: DeserializeOwned>(raw: RawResponse) -> Result<Decoded<T>> {
    let fail = |message: String| Error::Decode {
        status: raw.status,
        message,
        excerpt: excerpt(&raw.body),
        request_id: raw.request_id.clone(),
    };
    let env: Envelope<T> = serde_json::from_slice(&raw.body).map_err(|e| fail(e.to_string()))?;
    if env.success == Some(false) {
        return Err(fail("the envelope says success: false on a 2xx response".into()));
    }
    Ok(Decoded {
        response: Response {
            data: env.data,
            message: env.message,
            status: raw.status,
            headers: raw.headers,
            request_id: raw.request_id,
            rate_limit: raw.rate_limit,
        },
        meta: env.meta,
        links: env.links,
    })
}
