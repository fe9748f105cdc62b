//! Payments: each one reduces an invoice's balance.
use chrono::{DateTime, NaiveDate, Utc};
use rust_decimal::Decimal;

model! {
    /// A payment.
    pub struct Payment {
        /// Opaque id.
        pub id: String,
        /// The organization it belongs to.
        pub organization_id: Option<String>,
        /// The invoice it pays.
        pub invoice_id: String,
        /// Amount.
        pub amount: Decimal,
        /// Whether the money has arrived.
        pub is_settled: bool,
        /// When it was paid.
        pub payment_date: Option<NaiveDate>,
        /// Notes.
        pub notes: Option<String>,
        /// When it was created.
        pub created_at: DateTime<Utc>,
        /// When it last changed.
        pub updated_at: DateTime<Utc>,
    }
}

model! {
    /// The body of `payments().create()`.
    @input
    pub struct PaymentInput {
        /// The invoice it pays.
        #[rules(min_length = 1)]
        pub invoice_id: String,
        /// Amount, greater than 0.
        #[rules(exclusive_minimum = 0)]
        pub amount: Decimal,
        /// When it was paid.
        #[rules(nullable = true)]
        pub payment_date: Option<NaiveDate>,
        /// Whether the money has arrived (default true).
        #[rules(default = true)]
        pub is_settled: Option<bool>,
        /// Notes.
        #[rules(nullable = true)]
        pub notes: Option<String>,
    }
}

model! {
    /// The body of `payments().update()`: the amount is required, as the docs say.
    @input
    pub struct PaymentUpdate {
        /// Amount, greater than 0.
        #[rules(exclusive_minimum = 0)]
        pub amount: Decimal,
        /// When it was paid.
        #[rules(nullable = true)]
        pub payment_date: Option<NaiveDate>,
        /// Whether the money has arrived.
        #[rules(default = true)]
        pub is_settled: Option<bool>,
        /// Notes.
        #[rules(nullable = true)]
        pub notes: Option<String>,
    }
}

model! {
    /// The body of `invoices().apply_payment()`.
    @input
    pub struct ApplyPaymentInput {
        /// Amount, greater than 0.
        #[rules(exclusive_minimum = 0)]
        pub amount: Decimal,
        /// When it was paid.
        #[rules(nullable = true)]
        pub payment_date: Option<NaiveDate>,
        /// Whether the money has arrived (default true).
        #[rules(default = true)]
        pub is_settled: Option<bool>,
        /// Notes.
        #[rules(nullable = true)]
        pub notes: Option<String>,
    }
}

impl ApplyPaymentInput {
    /// A payment of `amount`.
    pub fn new(amount: Decimal) -> Self {
        ApplyPaymentInput { amount, ..Default::default() }
    }
}
