//! Units of measurement: just a name ("Hour", "Piece").
use chrono::{DateTime, Utc};

model! {
    /// A unit of measurement.
    pub struct Unit {
        /// Opaque id.
        pub id: String,
        /// The organization it belongs to.
        pub organization_id: Option<String>,
        /// Name.
        pub name: String,
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
    /// The body of unit create and update: a name, as the docs' update page requires.
    @input
    pub struct UnitInput {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: String,
    }
}
