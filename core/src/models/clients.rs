//! Clients: the businesses and people you bill.
use chrono::{DateTime, Utc};

use super::contacts::ContactInput;

string_enum! {
    /// Whether a client is a business or a person.
    pub enum ClientKind {
        /// A company.
        Business = "BUSINESS",
        /// A person.
        Individual = "INDIVIDUAL",
    }
}

model! {
    /// A postal address.
    @input
    pub struct Address {
        /// Street and number.
        #[rules(nullable = true)]
        pub line1: Option<String>,
        /// Apartment, suite.
        #[rules(nullable = true)]
        pub line2: Option<String>,
        /// City.
        #[rules(nullable = true)]
        pub city: Option<String>,
        /// State or province.
        #[rules(nullable = true)]
        pub state: Option<String>,
        /// ZIP or postal code.
        #[rules(nullable = true)]
        pub zip: Option<String>,
        /// Country (ISO 3166 alpha-2 in the docs' example).
        #[rules(nullable = true)]
        pub country: Option<String>,
    }
}

model! {
    /// Company details of a client.
    @input
    pub struct ClientProfile {
        /// Company name.
        #[rules(nullable = true)]
        pub company_name: Option<String>,
        /// Web site.
        #[rules(nullable = true)]
        pub website: Option<String>,
        /// Phone number (inferred field).
        #[rules(nullable = true)]
        pub phone: Option<String>,
        /// Fax number (inferred field).
        #[rules(nullable = true)]
        pub fax: Option<String>,
        /// Name of the client's tax id (inferred field).
        #[rules(nullable = true)]
        pub tax_name: Option<String>,
        /// The client's tax id (inferred field).
        #[rules(nullable = true)]
        pub tax_number: Option<String>,
    }
}

model! {
    /// Defaults for the client's new documents.
    @input
    pub struct DocumentDefaults {
        /// Preferred currency (ISO 4217); new estimates and invoices use it.
        #[rules(pattern = "^[A-Z]{3}$")]
        pub currency: Option<String>,
    }
}

model! {
    /// A client.
    pub struct Client {
        /// Opaque id.
        pub id: String,
        /// Name.
        pub name: String,
        /// Billing email.
        #[rules(format = "email")]
        pub email: String,
        /// Business or individual.
        pub kind: ClientKind,
        /// Display label of `kind`.
        pub kind_name: Option<String>,
        /// Company details.
        pub profile: Option<ClientProfile>,
        /// Postal address.
        pub address: Option<Address>,
        /// Defaults for new documents.
        pub document_defaults: Option<DocumentDefaults>,
        /// Number of contacts.
        #[rules(minimum = 0)]
        pub contact_count: Option<i64>,
        /// Number of notes.
        #[rules(minimum = 0)]
        pub note_count: Option<i64>,
        /// When it was created.
        pub created_at: DateTime<Utc>,
        /// When it last changed.
        pub updated_at: DateTime<Utc>,
    }
}

model! {
    /// The body of `clients().create()`. Name and email are required.
    @input
    pub struct ClientInput {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: String,
        /// Billing email.
        #[rules(format = "email", max_length = 255)]
        pub email: String,
        /// Business (default) or individual.
        pub kind: Option<ClientKind>,
        /// Company details.
        pub profile: Option<ClientProfile>,
        /// Postal address.
        pub address: Option<Address>,
        /// Defaults for new documents.
        pub document_defaults: Option<DocumentDefaults>,
        /// Contacts to create with the client (inferred field).
        #[rules(max_items = 20)]
        pub contacts: Option<Vec<ContactInput>>,
    }
}

model! {
    /// The body of `clients().update()`: only the fields set are changed.
    @input
    pub struct ClientUpdate {
        /// Name.
        #[rules(min_length = 1, max_length = 255)]
        pub name: Option<String>,
        /// Billing email.
        #[rules(format = "email", max_length = 255)]
        pub email: Option<String>,
        /// Business or individual.
        pub kind: Option<ClientKind>,
        /// Company details.
        pub profile: Option<ClientProfile>,
        /// Postal address.
        pub address: Option<Address>,
        /// Defaults for new documents.
        pub document_defaults: Option<DocumentDefaults>,
    }
}
