//! # blinksale
//!
//! A client for the [Blinksale](https://www.blinksale.com) invoicing API: typed resources,
//! exact money ([`Decimal`]), retries that never repeat a write the server may have
//! performed, and one rate limiter shared by every clone of a client.
//!
//! ```no_run
//! use blinksale::{Client, ClientInput, ListParams};
//! use futures_util::TryStreamExt;
//!
//! # async fn run() -> blinksale::Result<()> {
//! let client = Client::from_env()?; // BLINKSALE_API_TOKEN, BLINKSALE_BASE_URL
//! let acme = client
//!     .clients()
//!     .create(&ClientInput { name: "Acme Inc".into(), email: "billing@acme.example".into(), ..Default::default() })
//!     .await?;
//! let mut invoices = client.invoices().list_all(&ListParams::new().filter("client_id", &acme.id));
//! while let Some(invoice) = invoices.try_next().await? {
//!     println!("{} {} due {}", invoice.invoice_number, invoice.status, invoice.total_due);
//! }
//! # Ok(()) }
//! ```
//!
//! Operations the public docs only name are marked [`ops::Source::Inferred`]; they follow
//! the docs' conventions for path, method and body.
#![warn(missing_docs)]
#![warn(clippy::too_many_lines)]

#[macro_use]
pub mod macros;

pub mod binding;
mod call;
mod cancel;
mod catalog;
mod client;
mod config;
mod describe;
mod error;
pub mod json_schema;
pub mod log;
mod method;
mod models;
mod network;
pub mod ops;
mod options;
mod pagination;
mod ratelimit;
pub mod resources;
mod response;
mod secret;
pub mod telemetry;
mod token;
mod transport;
pub mod validate;

/// How models describe themselves, and the catalog of them all: what the bindings'
/// generators read.
pub mod schema {
    pub use crate::catalog::to_json;
    pub use crate::describe::{DefaultValue, FieldDesc, FieldSpec, FieldType, Kind, Model, ModelDesc, TypeDesc};

    /// Every model of the API, responses and request bodies: those the operation table reaches.
    pub fn models() -> Vec<ModelDesc> {
        crate::catalog::models().to_vec()
    }

    /// Looks a model up by name.
    pub fn model(name: &str) -> Option<ModelDesc> {
        crate::catalog::model(name).cloned()
    }
}

pub use cancel::CancelToken;
pub use client::{Client, RawEnvelope};
pub use config::{
    BASE_URL_ENV, ClientBuilder, Config, DEFAULT_BASE_URL, DEFAULT_CONNECT_TIMEOUT, DEFAULT_MAX_RESPONSE_BYTES, DEFAULT_MAX_RETRIES,
    DEFAULT_RATE_LIMIT, DEFAULT_RATE_LIMIT_STORE_PREFIX, DEFAULT_TIMEOUT, RATE_LIMIT_STORE_ENV, TOKEN_ENV,
};
pub use error::{ApiErrorInfo, ERROR_BODY_LIMIT, ERROR_KINDS, Error, ErrorDetails, ErrorKind, Permission, RateLimitInfo, Result};
pub use http;
pub use method::Method;
pub use models::{MetaLink, PageLinks, PageMeta};
pub use network::{CA_BUNDLE_ENV, Proxy};
pub use options::RequestOptions;
pub use pagination::{ChunkStream, ItemStream, Page, PageChunk, PageStream};
pub use ratelimit::RateLimit;
pub use resources::*;
pub use response::Response;
pub use rust_decimal::Decimal;
pub use secret::SecretToken;
pub use telemetry::Trace;
pub use token::{TOKEN_FILE_ENV, TokenProvider, from_environment as token_from_environment, read_token_file};
pub use transport::{RawResponse, backoff};
