//! Invoices: what clients owe, with terms, late fees and a paid/due balance.
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::clients::Client;
use super::documents::*;
use super::payments::Payment;

string_enum! {
    /// Where an invoice stands.
    pub enum InvoiceStatus {
        /// Not sent yet.
        Draft = "DRAFT",
        /// Sent to the client.
        Sent = "SENT",
        /// Opened by the client.
        Viewed = "VIEWED",
        /// Partly paid.
        Partial = "PARTIAL",
        /// Paid in full.
        Paid = "PAID",
        /// Past its due date.
        Overdue = "OVERDUE",
        /// Canceled.
        Canceled = "CANCELED",
        /// Refunded.
        Refunded = "REFUNDED",
    }
}

model! {
    /// An invoice.
    pub struct Invoice {
        /// Opaque id.
        pub id: String,
        /// The organization it belongs to.
        pub organization_id: Option<String>,
        /// The client it bills.
        pub client_id: String,
        /// Its number as shown ("INV-00001").
        pub invoice_number: String,
        /// Number prefix ("INV-").
        pub prefix: Option<String>,
        /// Number without prefix.
        pub number: Option<i64>,
        /// The estimate it was converted from.
        pub converted_from: Option<String>,
        /// That estimate's number.
        pub converted_from_number: Option<String>,
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
        /// Payment terms.
        pub net_terms: Option<NetTerms>,
        /// Label of `net_terms`.
        pub net_terms_name: Option<String>,
        /// Whether a late fee applies.
        pub has_late_fee: Option<bool>,
        /// How the late fee is measured.
        pub late_fee_kind: Option<LateFeeKind>,
        /// Label of `late_fee_kind`.
        pub late_fee_kind_name: Option<String>,
        /// How often the late fee is charged.
        pub late_fee_interval: Option<LateFeeInterval>,
        /// Label of `late_fee_interval`.
        pub late_fee_interval_name: Option<String>,
        /// The late fee.
        pub late_fee: Option<Decimal>,
        /// When the late fee is next charged.
        pub next_late_fee_update_at: Option<DateTime<Utc>>,
        /// Late fees charged so far.
        pub total_late_fee: Option<Decimal>,
        /// Shipping.
        pub shipping: Option<Decimal>,
        /// Total, as the server computed it.
        pub total: Decimal,
        /// Sum of payments.
        pub total_paid: Decimal,
        /// What is still owed.
        pub total_due: Decimal,
        /// What is owed, counting only settled payments.
        pub total_due_unsettled: Option<Decimal>,
        /// Notes to the client.
        pub notes: Option<String>,
        /// Free-form options.
        pub options: Option<Map<String, Value>>,
        /// Status.
        pub status: InvoiceStatus,
        /// Label of `status`.
        pub status_name: Option<String>,
        /// Whether it may still be changed.
        pub is_editable: Option<bool>,
        /// Issue date.
        pub issued_at: NaiveDate,
        /// Due date.
        pub due_at: NaiveDate,
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
    /// The body of `invoices().create()`: a client and at least one line.
    @input
    pub struct InvoiceInput {
        /// The client it bills.
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
        /// Payment terms (default NET30).
        pub net_terms: Option<NetTerms>,
        /// Whether a late fee applies.
        pub has_late_fee: Option<bool>,
        /// How the late fee is measured.
        #[rules(nullable = true)]
        pub late_fee_kind: Option<LateFeeKind>,
        /// How often the late fee is charged.
        #[rules(nullable = true)]
        pub late_fee_interval: Option<LateFeeInterval>,
        /// The late fee.
        #[rules(minimum = 0, nullable = true)]
        pub late_fee: Option<Decimal>,
        /// Issue date (default today).
        pub issued_at: Option<NaiveDate>,
        /// Due date (default from the terms).
        pub due_at: Option<NaiveDate>,
        /// Lines, at least one.
        #[rules(min_items = 1, max_items = 100)]
        pub line_items: Vec<LineItemInput>,
    }
}

model! {
    /// The body of `invoices().update()`: only the fields set are changed.
    @input
    pub struct InvoiceUpdate {
        /// The client it bills.
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
        /// Payment terms.
        pub net_terms: Option<NetTerms>,
        /// Whether a late fee applies.
        pub has_late_fee: Option<bool>,
        /// How the late fee is measured.
        #[rules(nullable = true)]
        pub late_fee_kind: Option<LateFeeKind>,
        /// How often the late fee is charged.
        #[rules(nullable = true)]
        pub late_fee_interval: Option<LateFeeInterval>,
        /// The late fee.
        #[rules(minimum = 0, nullable = true)]
        pub late_fee: Option<Decimal>,
        /// Issue date.
        pub issued_at: Option<NaiveDate>,
        /// Due date.
        pub due_at: Option<NaiveDate>,
        /// Lines: replaces the lines (lines with an existing `id` are updated).
        #[rules(min_items = 1, max_items = 100)]
        pub line_items: Option<Vec<LineItemInput>>,
    }
}

model! {
    /// What applying a payment returns: the payment and the invoice after it.
    pub struct AppliedPayment {
        /// The payment recorded.
        pub payment: Payment,
        /// The invoice with its new `total_paid`, `total_due` and status.
        pub invoice: Invoice,
    }
}
