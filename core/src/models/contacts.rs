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
        pub name: String,
        /// Email.
        pub email: String,
        /// Phone number.
        pub phone: Option<String>,
    }
}
