//! Contacts: the people at a client; they always belong to one.
use chrono::{DateTime, Utc};

model! {
    /// A contact of a client.
    pub struct Contact {
        /// Opaque id.
        pub id: String,
        /// The client it belongs to.
        pub client_id: String,
        /// Name.
        pub name: String,
        /// Email.
        #[rules(format = "email")]
        pub email: String,
        /// Phone number.
        pub phone: Option<String>,
        /// When it was created.
        pub created_at: DateTime<Utc>,
        /// When it last changed.
        pub updated_at: DateTime<Utc>,
    }
}

model! {
    /// The body of contact create and update: name and email are required, as the docs say.
    @input
    pub struct ContactInput {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: String,
        /// Email.
        #[rules(format = "email", max_length = 255)]
        pub email: String,
        /// Phone number.
        #[rules(max_length = 50, nullable = true)]
        pub phone: Option<String>,
    }
}
