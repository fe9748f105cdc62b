//! `blinksale-mock`: a local Blinksale API server that behaves as the public documentation says.
//!
//! It serves every operation of `spec/openapi.yaml` from seeded in-memory data, with the
//! documented envelope, errors, pagination, token permissions and rate-limit headers, plus
//! fault injection and a request log for testing clients.
//!
//! ```no_run
//! use blinksale_mock::{Fault, MockConfig, MockServer};
//!
//! let mock = MockServer::start(MockConfig::default()).unwrap();
//! mock.inject(Fault::status(503).on("/clients").times(2));
//! println!("{} (token {})", mock.url(), mock.token());
//! ```
#![warn(missing_docs)]

mod admin;
mod config;
mod connection;
mod faults;
mod log;
mod money;
mod pagination;
mod ratelimit;
mod reply;
mod resources;
mod seed;
mod server;
mod service;
mod store;
mod tls;
mod tokens;
mod validate;

pub use config::{DEFAULT_TOKEN, MockConfig, Permission, TokenSpec, seconds};
pub use faults::{Fault, FaultKind};
pub use log::LoggedRequest;
pub use server::{MockServer, serve};
pub use service::State;
pub use tls::{CaFile, Tls};
