//! Taxes: a name and a percentage rate, referenced by documents and saved items.
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;

model! {
    /// A saved tax.
    pub struct Tax {
        /// Opaque id.
        pub id: String,
        /// The organization it belongs to.
        pub organization_id: Option<String>,
        /// Name ("VAT", "Sales Tax").
        pub name: String,
        /// Rate in percent (inferred field name).
        pub percent: Decimal,
        /// How many saved items use it.
        #[rules(minimum = 0)]
        pub usage_count: Option<i64>,
        /// When it was created.
        pub created_at: DateTime<Utc>,
        /// When it last changed.
        pub updated_at: DateTime<Utc>,
    }
}

model! {
    /// The body of `taxes().create()`.
    @input
    pub struct TaxInput {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: String,
        /// Rate in percent, 0 to 100.
        #[rules(minimum = 0, maximum = 100)]
        pub percent: Decimal,
    }
}

model! {
    /// The body of `taxes().update()`.
    @input
    pub struct TaxUpdate {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: Option<String>,
        /// Rate in percent, 0 to 100.
        #[rules(minimum = 0, maximum = 100)]
        pub percent: Option<Decimal>,
    }
}
