//! # blinksale
//!
//! A client for the [Blinksale](https://www.blinksale.com) invoicing API: typed resources,
//! exact money ([`Decimal`]), retries that never repeat a write the server may have
//! performed, and one rate limiter shared by every clone of a client.
//!
//! ```no_run
//! use blinksale::{Client, ListParams, NewClient};
//! use futures_util::TryStreamExt;
//!
//! # async fn run() -> blinksale::Result<()> {
//! let client = Client::from_env()?; // BLINKSALE_API_TOKEN, BLINKSALE_BASE_URL
//! let acme = client
//!     .clients()
//!     .create(&NewClient { name: "Acme Inc".into(), email: "billing@acme.example".into(), ..Default::default() })
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

#[macro_use]
pub mod macros;

mod cancel;
mod client;
mod config;
mod error;
pub mod log;
pub mod ops;
mod page;
mod ratelimit;
pub mod resources;
mod response;
pub mod schema;
mod secret;
mod transport;
pub mod validate;

pub use cancel::CancelToken;
pub use client::{Client, JsonData, RawEnvelope};
pub use config::{
    BASE_URL_ENV, ClientBuilder, Config, DEFAULT_BASE_URL, DEFAULT_RATE_LIMIT, DEFAULT_RATE_LIMIT_STORE_PREFIX, RATE_LIMIT_STORE_ENV, TOKEN_ENV,
};
pub use error::{ApiErrorInfo, ERROR_BODY_LIMIT, ERROR_KINDS, Error, ErrorKind, Permission, Result};
pub use http;
pub use ops::Method;
pub use page::{ChunkStream, ItemStream, MetaLink, Page, PageChunk, PageLinks, PageMeta, PageStream};
pub use ratelimit::RateLimit;
pub use resources::*;
pub use response::Response;
pub use rust_decimal::Decimal;
pub use secret::SecretToken;
pub use transport::{RawResponse, RequestOptions, backoff};
