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
    pub struct ItemInput {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: String,
        /// Description.
        #[rules(nullable = true)]
        pub description: Option<String>,
        /// Unit price.
        #[rules(minimum = 0)]
        pub price: Decimal,
        /// Unit of measurement.
        #[rules(nullable = true)]
        pub unit_of_measurement_id: Option<String>,
        /// Tax applied.
        #[rules(nullable = true)]
        pub tax_id: Option<String>,
    }
}

model! {
    /// The body of `items().update()`.
    @input
    pub struct ItemUpdate {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: Option<String>,
        /// Description.
        #[rules(nullable = true)]
        pub description: Option<String>,
        /// Unit price.
        #[rules(minimum = 0)]
        pub price: Option<Decimal>,
        /// Unit of measurement.
        #[rules(nullable = true)]
        pub unit_of_measurement_id: Option<String>,
        /// Tax applied.
        #[rules(nullable = true)]
        pub tax_id: Option<String>,
    }
}
