//! The API's objects and request bodies, declared once with `model!` and `string_enum!`:
//! each expands to the struct, its serde code (unknown fields kept in `extra`) and its
//! [`ModelDesc`](crate::schema::ModelDesc). Resource handlers are apart, in `resources`.
mod clients;
mod contacts;
mod documents;
mod estimates;
mod invoices;
mod items;
mod meta;
mod payments;
mod recurring_invoices;
mod taxes;
mod units;

pub use clients::*;
pub use contacts::*;
pub use documents::*;
pub use estimates::*;
pub use invoices::*;
pub use items::*;
pub(crate) use meta::has_next;
pub use meta::{MetaLink, PageLinks, PageMeta};
pub use payments::*;
pub use recurring_invoices::*;
pub use taxes::*;
pub use units::*;
