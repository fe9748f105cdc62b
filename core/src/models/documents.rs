//! What estimates, invoices and recurring templates share: line items and pricing enums.
use rust_decimal::Decimal;

string_enum! {
    /// Whether tax applies to the whole document or per line.
    pub enum TaxDistribution {
        /// One tax on the document.
        PerDocument = "PER_DOCUMENT",
        /// Each line's own tax.
        PerItem = "PER_ITEM",
    }
}

string_enum! {
    /// Where a discount applies.
    pub enum DiscountDistribution {
        /// No discount.
        NoDiscount = "NO_DISCOUNT",
        /// One discount on the document.
        PerDocument = "PER_DOCUMENT",
        /// Each line's own discount.
        PerItem = "PER_ITEM",
    }
}

string_enum! {
    /// How a discount is measured.
    pub enum DiscountType {
        /// A percentage.
        Percentage = "PERCENTAGE",
        /// A fixed amount.
        Fixed = "FIXED",
    }
}

string_enum! {
    /// Payment terms.
    pub enum NetTerms {
        /// Due at once.
        DueOnReceipt = "DUE_ON_RECEIPT",
        /// 15 days.
        Net15 = "NET15",
        /// 30 days.
        Net30 = "NET30",
        /// 45 days.
        Net45 = "NET45",
        /// 60 days.
        Net60 = "NET60",
    }
}

string_enum! {
    /// How a late fee is measured.
    pub enum LateFeeKind {
        /// A percentage of the amount due.
        Percentage = "PERCENTAGE",
        /// A fixed amount.
        Fixed = "FIXED",
    }
}

string_enum! {
    /// How often a late fee is charged.
    pub enum LateFeeInterval {
        /// Once.
        OneTime = "ONE_TIME",
        /// Every day.
        Daily = "DAILY",
        /// Every week.
        Weekly = "WEEKLY",
        /// Every month.
        Monthly = "MONTHLY",
    }
}

model! {
    /// A line of an estimate, invoice or recurring template.
    pub struct LineItem {
        /// Opaque id.
        pub id: String,
        /// Name.
        pub name: String,
        /// Description.
        pub description: Option<String>,
        /// Quantity.
        pub quantity: Decimal,
        /// Unit price.
        pub price: Decimal,
        /// Unit of measurement.
        pub unit_of_measurement_id: Option<String>,
        /// Name of the unit.
        pub unit_name: Option<String>,
        /// Tax applied to the line.
        pub tax_id: Option<String>,
        /// Name of the tax.
        pub tax_name: Option<String>,
        /// Rate of the tax.
        pub tax_percent: Option<Decimal>,
        /// How the line's discount is measured.
        pub discount_type: Option<DiscountType>,
        /// The line's discount.
        pub discount_value: Option<Decimal>,
        /// The line's amount after its discount, before tax.
        pub total: Option<Decimal>,
    }
}

model! {
    /// A line in a request body. An `id` of an existing line updates that line.
    @input
    pub struct LineItemInput {
        /// An existing line's id, to update it in place.
        pub id: Option<String>,
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: String,
        /// Description.
        #[rules(nullable = true)]
        pub description: Option<String>,
        /// Quantity, greater than 0.
        #[rules(exclusive_minimum = 0)]
        pub quantity: Decimal,
        /// Unit price.
        #[rules(minimum = 0)]
        pub price: Decimal,
        /// Unit of measurement.
        #[rules(nullable = true)]
        pub unit_of_measurement_id: Option<String>,
        /// Tax applied to the line.
        #[rules(nullable = true)]
        pub tax_id: Option<String>,
        /// Name of the tax (filled from `tax_id` when left out).
        #[rules(nullable = true)]
        pub tax_name: Option<String>,
        /// Rate of the tax (filled from `tax_id` when left out).
        #[rules(minimum = 0, maximum = 100, nullable = true)]
        pub tax_percent: Option<Decimal>,
        /// How the line's discount is measured.
        #[rules(nullable = true)]
        pub discount_type: Option<DiscountType>,
        /// The line's discount.
        #[rules(minimum = 0, nullable = true)]
        pub discount_value: Option<Decimal>,
    }
}

model! {
    /// The organization a document belongs to.
    pub struct Organization {
        /// Opaque id.
        pub id: String,
        /// Name.
        pub name: Option<String>,
    }
}

impl LineItemInput {
    /// A line of `quantity` × `price`.
    pub fn new(name: impl Into<String>, quantity: Decimal, price: Decimal) -> Self {
        LineItemInput { name: name.into(), quantity, price, ..Default::default() }
    }
}
