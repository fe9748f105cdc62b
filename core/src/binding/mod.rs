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

pub use calls::{execute, items, operation, pages, request};
pub use settings::query_pairs;
pub use convention::{Case, Convention, TimeUnit};
pub use reply::Reply;
pub use settings::{CallOptions, ClientSettings};

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
