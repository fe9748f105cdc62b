//! What handlers return: a success envelope or one of the documented error bodies.
use std::collections::BTreeMap;

use serde::Serialize;
use serde_json::value::RawValue;
use serde_json::{Value, json};

/// Data that cannot be serialized (none of the mock's own) is sent as null.
fn raw(data: &impl Serialize) -> Box<RawValue> {
    serde_json::value::to_raw_value(data).unwrap_or_default()
}

/// Field name to messages, as in the 422 body.
pub type FieldErrors = BTreeMap<String, Vec<String>>;

/// A successful result, before it is wrapped in `{success, message, data}`.
pub struct Reply {
    pub status: u16,
    pub message: String,
    /// Serialized while the store is still borrowed.
    pub data: Box<RawValue>,
    /// `meta` and `links` for list responses.
    pub page: Option<(Value, Value)>,
}

impl Reply {
    pub fn ok(message: impl Into<String>, data: impl Serialize) -> Self {
        Reply { status: 200, message: message.into(), data: raw(&data), page: None }
    }
    pub fn created(message: impl Into<String>, data: impl Serialize) -> Self {
        Reply { status: 201, message: message.into(), data: raw(&data), page: None }
    }

    /// The `{success, message, data, meta?, links?}` envelope as JSON bytes.
    pub fn to_bytes(&self) -> Vec<u8> {
        #[derive(Serialize)]
        struct Envelope<'a> {
            success: bool,
            message: &'a str,
            data: &'a RawValue,
            #[serde(skip_serializing_if = "Option::is_none")]
            meta: Option<&'a Value>,
            #[serde(skip_serializing_if = "Option::is_none")]
            links: Option<&'a Value>,
        }
        let (meta, links) = self.page.as_ref().map(|(m, l)| (m, l)).unzip();
        let envelope = Envelope { success: true, message: &self.message, data: &self.data, meta, links };
        serde_json::to_vec(&envelope).unwrap_or_default()
    }
}

/// An error response. Bodies follow the docs' error-handling page.
#[derive(Debug)]
pub enum ApiError {
    BadRequest(String),
    Unauthenticated,
    Forbidden,
    NotFound,
    MethodNotAllowed(&'static str),
    PayloadTooLarge,
    Validation(FieldErrors),
    TooManyRequests,
}

impl ApiError {
    pub fn status(&self) -> u16 {
        match self {
            ApiError::BadRequest(_) => 400,
            ApiError::Unauthenticated => 401,
            ApiError::Forbidden => 403,
            ApiError::NotFound => 404,
            ApiError::MethodNotAllowed(_) => 405,
            ApiError::PayloadTooLarge => 413,
            ApiError::Validation(_) => 422,
            ApiError::TooManyRequests => 429,
        }
    }

    pub fn body(&self) -> Value {
        let message = match self {
            ApiError::BadRequest(m) => m.as_str(),
            ApiError::Unauthenticated => "Unauthenticated.",
            ApiError::Forbidden => "You do not have permission to access this resource.",
            ApiError::NotFound => "Resource not found.",
            ApiError::MethodNotAllowed(_) => "The method is not supported for this route.",
            ApiError::PayloadTooLarge => "The request body is too large.",
            ApiError::Validation(_) => "Validation error",
            ApiError::TooManyRequests => "Too Many Attempts.",
        };
        let mut out = json!({"success": false, "message": message});
        if let ApiError::Validation(errors) = self {
            out["errors"] = json!(errors);
        }
        out
    }

    /// A 422 with one message on one field.
    pub fn field(name: &str, message: impl Into<String>) -> Self {
        let mut errors = FieldErrors::new();
        errors.insert(name.to_string(), vec![message.into()]);
        ApiError::Validation(errors)
    }
}

pub type Outcome = Result<Reply, ApiError>;
