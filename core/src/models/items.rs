//! Saved line items: reusable products and services for estimates and invoices.
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

model! {
    /// A saved line item.
    pub struct Item {
        /// Opaque id.
        pub id: String,
        /// The organization it belongs to.
        pub organization_id: Option<String>,
        /// Name.
        pub name: String,
        /// Description.
        pub description: Option<String>,
        /// Unit price.
        pub price: Decimal,
        /// Unit of measurement.
        pub unit_of_measurement_id: Option<String>,
        /// Name of the unit.
        pub unit_name: Option<String>,
        /// Tax applied.
        pub tax_id: Option<String>,
        /// Name of the tax.
        pub tax_name: Option<String>,
        /// Rate of the tax.
        pub tax_percent: Option<Decimal>,
        /// When it was created.
        pub created_at: DateTime<Utc>,
        /// When it last changed.
        pub updated_at: DateTime<Utc>,
    }
}

model! {
    /// The body of `items().create()`.
    @input
    pub struct NewItem {
        /// Name.
        pub name: String,
        /// Description.
        pub description: Option<String>,
        /// Unit price.
        pub price: Decimal,
        /// Unit of measurement.
        pub unit_of_measurement_id: Option<String>,
        /// Tax applied.
        pub tax_id: Option<String>,
    }
}

model! {
    /// The body of `items().update()`.
    @input
    pub struct ItemUpdate {
        /// Name.
        pub name: Option<String>,
        /// Description.
        pub description: Option<String>,
        /// Unit price.
        pub price: Option<Decimal>,
        /// Unit of measurement.
        pub unit_of_measurement_id: Option<String>,
        /// Tax applied.
        pub tax_id: Option<String>,
    }
}
