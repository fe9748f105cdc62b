//! Estimates: priced proposals, sent to clients and converted to invoices.
use chrono::{DateTime, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::clients::Client;
use super::documents::*;

string_enum! {
    /// Where an estimate stands.
    pub enum EstimateStatus {
        /// Not sent yet.
        Draft = "DRAFT",
        /// Sent to the client.
        Sent = "SENT",
        /// Approved by the client.
        Approved = "APPROVED",
        /// Declined by the client.
        Declined = "DECLINED",
        /// Turned into an invoice.
        Converted = "CONVERTED",
    }
}

model! {
    /// An estimate.
    pub struct Estimate {
        /// Opaque id.
        pub id: String,
        /// The organization it belongs to.
        pub organization_id: Option<String>,
        /// The client it is for.
        pub client_id: String,
        /// Its number as shown ("EST-00001").
        pub estimate_number: String,
        /// Number prefix ("EST-").
        pub prefix: Option<String>,
        /// Number without prefix.
        pub number: Option<i64>,
        /// Currency (ISO 4217).
        pub currency: String,
        /// Currency name.
        pub currency_name: Option<String>,
        /// Currency symbol.
        pub currency_symbol: Option<String>,
        /// Document tax.
        pub tax_id: Option<String>,
        /// Name of the document tax.
        pub tax_name: Option<String>,
        /// Rate of the document tax.
        pub tax_percent: Option<Decimal>,
        /// Whether tax is per document or per line.
        pub tax_distribution: Option<TaxDistribution>,
        /// Label of `tax_distribution`.
        pub tax_distribution_name: Option<String>,
        /// How the discount is measured.
        pub discount_type: Option<DiscountType>,
        /// Label of `discount_type`.
        pub discount_type_name: Option<String>,
        /// The document discount.
        pub discount_value: Option<Decimal>,
        /// Where the discount applies.
        pub discount_distribution: Option<DiscountDistribution>,
        /// Label of `discount_distribution`.
        pub discount_distribution_name: Option<String>,
        /// Shipping.
        pub shipping: Option<Decimal>,
        /// Total, as the server computed it.
        pub total: Decimal,
        /// Notes to the client.
        pub notes: Option<String>,
        /// Free-form options.
        pub options: Option<Map<String, Value>>,
        /// Status.
        pub status: EstimateStatus,
        /// Label of `status`.
        pub status_name: Option<String>,
        /// Whether it may still be changed.
        pub is_editable: Option<bool>,
        /// Lines (`items`; `line_items` is accepted too).
        #[alias = "line_items"]
        pub items: Vec<LineItem>,
        /// The client, embedded.
        pub client: Option<Client>,
        /// The organization, embedded.
        pub organization: Option<Organization>,
        /// When it was created.
        pub created_at: DateTime<Utc>,
        /// When it last changed.
        pub updated_at: DateTime<Utc>,
    }
}

model! {
    /// The body of `estimates().create()`: a client and at least one line.
    @input
    pub struct EstimateInput {
        /// The client it is for.
        #[rules(min_length = 1)]
        pub client_id: String,
        /// Currency (default: the client's).
        #[rules(pattern = "^[A-Z]{3}$")]
        pub currency: Option<String>,
        /// Document tax.
        #[rules(nullable = true)]
        pub tax_id: Option<String>,
        /// Whether tax is per document or per line.
        pub tax_distribution: Option<TaxDistribution>,
        /// How the discount is measured.
        #[rules(nullable = true)]
        pub discount_type: Option<DiscountType>,
        /// The document discount.
        #[rules(minimum = 0, nullable = true)]
        pub discount_value: Option<Decimal>,
        /// Where the discount applies.
        pub discount_distribution: Option<DiscountDistribution>,
        /// Shipping.
        #[rules(minimum = 0)]
        pub shipping: Option<Decimal>,
        /// Notes to the client.
        #[rules(nullable = true)]
        pub notes: Option<String>,
        /// Free-form options.
        pub options: Option<Map<String, Value>>,
        /// Lines, at least one.
        #[rules(min_items = 1, max_items = 100)]
        pub line_items: Vec<LineItemInput>,
    }
}

model! {
    /// The body of `estimates().update()`: only the fields set are changed.
    @input
    pub struct EstimateUpdate {
        /// The client it is for.
        #[rules(min_length = 1)]
        pub client_id: Option<String>,
        /// Currency.
        #[rules(pattern = "^[A-Z]{3}$")]
        pub currency: Option<String>,
        /// Document tax.
        #[rules(nullable = true)]
        pub tax_id: Option<String>,
        /// Whether tax is per document or per line.
        pub tax_distribution: Option<TaxDistribution>,
        /// How the discount is measured.
        #[rules(nullable = true)]
        pub discount_type: Option<DiscountType>,
        /// The document discount.
        #[rules(minimum = 0, nullable = true)]
        pub discount_value: Option<Decimal>,
        /// Where the discount applies.
        pub discount_distribution: Option<DiscountDistribution>,
        /// Shipping.
        #[rules(minimum = 0)]
        pub shipping: Option<Decimal>,
        /// Notes to the client.
        #[rules(nullable = true)]
        pub notes: Option<String>,
        /// Free-form options.
        pub options: Option<Map<String, Value>>,
        /// Lines: replaces the lines (lines with an existing `id` are updated).
        #[rules(min_items = 1, max_items = 100)]
        pub line_items: Option<Vec<LineItemInput>>,
    }
}
