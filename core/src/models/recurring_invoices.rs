//! Recurring invoices: an invoice template plus a schedule. Requests name the template's lines
//! `template_items`; responses show them as `template.items`.
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;
use serde_json::{Map, Value};

use super::clients::Client;
use super::documents::*;

string_enum! {
    /// How often an invoice is generated.
    pub enum Frequency {
        /// Every day.
        Daily = "DAILY",
        /// Every week.
        Weekly = "WEEKLY",
        /// Every month.
        Monthly = "MONTHLY",
        /// Every three months.
        Quarterly = "QUARTERLY",
        /// Every year.
        Yearly = "YEARLY",
    }
}

string_enum! {
    /// Where a schedule stands.
    pub enum RecurringStatus {
        /// Generating invoices.
        Active = "ACTIVE",
        /// Stopped for now.
        Paused = "PAUSED",
        /// Reached its end date or count (set by the server).
        Completed = "COMPLETED",
        /// Stopped for good.
        Canceled = "CANCELED",
    }
}

model! {
    /// The invoice a schedule generates.
    pub struct RecurringTemplate {
        /// Opaque id.
        pub id: String,
        /// Currency.
        pub currency: String,
        /// Document tax.
        pub tax_id: Option<String>,
        /// Name of the tax.
        pub tax_name: Option<String>,
        /// Rate of the tax.
        pub tax_percent: Option<Decimal>,
        /// Whether tax is per document or per line.
        pub tax_distribution: Option<TaxDistribution>,
        /// How the discount is measured.
        pub discount_type: Option<DiscountType>,
        /// The document discount.
        pub discount_value: Option<Decimal>,
        /// Where the discount applies.
        pub discount_distribution: Option<DiscountDistribution>,
        /// Payment terms.
        pub net_terms: Option<NetTerms>,
        /// Whether a late fee applies.
        pub has_late_fee: Option<bool>,
        /// How the late fee is measured.
        pub late_fee_kind: Option<LateFeeKind>,
        /// How often the late fee is charged.
        pub late_fee_interval: Option<LateFeeInterval>,
        /// The late fee.
        pub late_fee: Option<Decimal>,
        /// Shipping.
        pub shipping: Option<Decimal>,
        /// Notes.
        pub notes: Option<String>,
        /// Free-form options.
        pub options: Option<Map<String, Value>>,
        /// Lines (`items`; `template_items` is accepted too).
        #[alias = "template_items"]
        pub items: Vec<LineItem>,
        /// Total of one generated invoice (mock field; inferred).
        pub total: Option<Decimal>,
    }
}

model! {
    /// A recurring invoice.
    pub struct RecurringInvoice {
        /// Opaque id.
        pub id: String,
        /// The organization it belongs to.
        pub organization_id: Option<String>,
        /// The client it bills.
        pub client_id: String,
        /// Name.
        pub name: Option<String>,
        /// How often.
        pub frequency: Frequency,
        /// Label of `frequency`.
        pub frequency_name: Option<String>,
        /// Status.
        pub status: RecurringStatus,
        /// Label of `status`.
        pub status_name: Option<String>,
        /// First date.
        pub start_date: NaiveDate,
        /// Last date, if any.
        pub end_date: Option<NaiveDate>,
        /// Most invoices to generate, if any.
        pub max_occurrences: Option<i64>,
        /// Invoices generated so far.
        #[rules(minimum = 0)]
        pub occurrences: Option<i64>,
        /// When the last was generated.
        pub last_generated_date: Option<NaiveDate>,
        /// When the next is due.
        pub next_date: Option<NaiveDate>,
        /// The client, embedded.
        pub client: Option<Client>,
        /// The invoice template.
        pub template: RecurringTemplate,
        /// When it was created.
        pub created_at: DateTime<Utc>,
        /// When it last changed.
        pub updated_at: DateTime<Utc>,
    }
}

model! {
    /// The body of `recurring_invoices().create()`.
    @input
    pub struct RecurringInvoiceInput {
        /// The client it bills.
        #[rules(min_length = 1)]
        pub client_id: String,
        /// Name.
        #[rules(max_length = 255, nullable = true)]
        pub name: Option<String>,
        /// How often.
        pub frequency: Frequency,
        /// First date.
        pub start_date: NaiveDate,
        /// Last date.
        #[rules(nullable = true)]
        pub end_date: Option<NaiveDate>,
        /// Most invoices to generate.
        #[rules(minimum = 1, nullable = true)]
        pub max_occurrences: Option<i64>,
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
        /// Notes.
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
        /// The template's lines.
        #[rules(max_items = 100)]
        pub template_items: Option<Vec<LineItemInput>>,
    }
}

model! {
    /// The body of `recurring_invoices().update()`: only the fields set are changed.
    @input
    pub struct RecurringInvoiceUpdate {
        /// The client it bills.
        #[rules(min_length = 1)]
        pub client_id: Option<String>,
        /// Name.
        #[rules(max_length = 255, nullable = true)]
        pub name: Option<String>,
        /// How often.
        pub frequency: Option<Frequency>,
        /// First date.
        pub start_date: Option<NaiveDate>,
        /// Last date.
        #[rules(nullable = true)]
        pub end_date: Option<NaiveDate>,
        /// Most invoices to generate.
        #[rules(minimum = 1, nullable = true)]
        pub max_occurrences: Option<i64>,
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
        /// Notes.
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
        /// The template's lines: replaces them.
        #[rules(max_items = 100)]
        pub template_items: Option<Vec<LineItemInput>>,
    }
}

model! {
    /// The body of the status PATCH.
    @input
    pub struct RecurringStatusInput {
        /// ACTIVE, PAUSED or CANCELED (COMPLETED is set by the server).
        #[rules(accepts = &["ACTIVE", "PAUSED", "CANCELED"])]
        pub status: RecurringStatus,
    }
}
