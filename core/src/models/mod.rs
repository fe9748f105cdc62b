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

/// Request bodies follow one naming rule: `create` takes `<Model>Input`; `update` takes
/// `<Model>Update`, or the same `<Model>Input` when the fields are the same; every other body
/// is named after what it carries and ends in `Input`. The names they had before stay as
/// deprecated aliases; `RENAMED` lists them for the bindings' generators.
macro_rules! renamed {
    ($($old:ident => $new:ident $note:literal;)*) => {
        $(
            #[doc = concat!("Renamed [`", stringify!($new), "`].")]
            #[deprecated(note = $note)]
            pub type $old = $new;
        )*
        /// Each deprecated name with the name it now has.
        pub const RENAMED: &[(&str, &str)] = &[$((stringify!($old), stringify!($new))),*];
    };
}

renamed! {
    NewClient => ClientInput "renamed ClientInput";
    NewTax => TaxInput "renamed TaxInput";
    NewItem => ItemInput "renamed ItemInput";
    NewEstimate => EstimateInput "renamed EstimateInput";
    NewInvoice => InvoiceInput "renamed InvoiceInput";
    NewPayment => PaymentInput "renamed PaymentInput";
    NewRecurringInvoice => RecurringInvoiceInput "renamed RecurringInvoiceInput";
    ApplyPayment => ApplyPaymentInput "renamed ApplyPaymentInput";
}
