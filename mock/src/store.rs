//! The in-memory data: one ordered table per resource.
use std::collections::HashSet;
use std::sync::atomic::{AtomicU64, Ordering};

use indexmap::IndexMap;
use serde_json::{Map, Value};

/// A stored resource, in its response shape (embedded objects are added when rendered).
pub type Record = Map<String, Value>;
pub type Table = IndexMap<String, Record>;

/// The resources of the API.
#[derive(Clone, Copy, Debug, PartialEq, Eq, Hash)]
pub enum Res {
    Clients,
    Contacts,
    Estimates,
    Invoices,
    Recurring,
    Payments,
    Taxes,
    Units,
    Items,
}

impl Res {
    /// The word used in response messages ("Client created successfully").
    pub fn label(self) -> &'static str {
        match self {
            Res::Clients => "Client",
            Res::Contacts => "Contact",
            Res::Estimates => "Estimate",
            Res::Invoices => "Invoice",
            Res::Recurring => "Recurring invoice",
            Res::Payments => "Payment",
            Res::Taxes => "Tax",
            Res::Units => "Unit",
            Res::Items => "Item",
        }
    }

    /// The first path segment of the resource's collection.
    pub fn from_segment(seg: &str) -> Option<Res> {
        Some(match seg {
            "clients" => Res::Clients,
            "estimates" => Res::Estimates,
            "invoices" => Res::Invoices,
            "recurring-invoices" => Res::Recurring,
            "payments" => Res::Payments,
            "taxes" => Res::Taxes,
            "units" => Res::Units,
            "items" => Res::Items,
            _ => return None,
        })
    }
}

/// All tables plus the counters that number documents.
#[derive(Default)]
pub struct Store {
    pub org_id: String,
    pub clients: Table,
    pub contacts: Table,
    pub estimates: Table,
    pub invoices: Table,
    pub recurring: Table,
    pub payments: Table,
    pub taxes: Table,
    pub units: Table,
    pub items: Table,
    pub estimate_seq: u64,
    pub invoice_seq: u64,
    /// Invoices that have been sent: a fully refunded one returns to SENT, not DRAFT.
    pub sent_invoices: HashSet<String>,
}

impl Store {
    pub fn new() -> Self {
        Store { org_id: new_id(), ..Default::default() }
    }

    pub fn table(&self, r: Res) -> &Table {
        match r {
            Res::Clients => &self.clients,
            Res::Contacts => &self.contacts,
            Res::Estimates => &self.estimates,
            Res::Invoices => &self.invoices,
            Res::Recurring => &self.recurring,
            Res::Payments => &self.payments,
            Res::Taxes => &self.taxes,
            Res::Units => &self.units,
            Res::Items => &self.items,
        }
    }

    pub fn table_mut(&mut self, r: Res) -> &mut Table {
        match r {
            Res::Clients => &mut self.clients,
            Res::Contacts => &mut self.contacts,
            Res::Estimates => &mut self.estimates,
            Res::Invoices => &mut self.invoices,
            Res::Recurring => &mut self.recurring,
            Res::Payments => &mut self.payments,
            Res::Taxes => &mut self.taxes,
            Res::Units => &mut self.units,
            Res::Items => &mut self.items,
        }
    }
}

static COUNTER: AtomicU64 = AtomicU64::new(0);
const CROCKFORD: &[u8] = b"0123456789abcdefghjkmnpqrstvwxyz";

/// A 26-character lowercase ULID-style id, like the docs' examples: time, then counter and noise.
pub fn new_id() -> String {
    let ms = chrono::Utc::now().timestamp_millis().max(0) as u128;
    let n = COUNTER.fetch_add(1, Ordering::Relaxed) as u128;
    let value: u128 = (ms << 80) | (n << 40) | (fastrand::u64(..) as u128 & 0xff_ffff_ffff);
    (0..26).rev().map(|i| CROCKFORD[((value >> (i * 5)) & 31) as usize] as char).collect()
}

/// The current time as the API writes timestamps.
pub fn now() -> Value {
    Value::String(chrono::Utc::now().format("%Y-%m-%dT%H:%M:%SZ").to_string())
}

pub fn today() -> chrono::NaiveDate {
    chrono::Utc::now().date_naive()
}

/// Reads a string field of a record.
pub fn text<'a>(r: &'a Record, key: &str) -> Option<&'a str> {
    r.get(key).and_then(Value::as_str)
}

/// "PER_DOCUMENT" → "Per Document", "NET30" → "Net 30": the `*_name` labels.
pub fn label(code: &str) -> String {
    let mut out = String::new();
    for word in code.split('_') {
        if !out.is_empty() {
            out.push(' ');
        }
        let lower = word.to_ascii_lowercase();
        let (alpha, digits) = lower.split_at(lower.find(|c: char| c.is_ascii_digit()).unwrap_or(lower.len()));
        let mut chars = alpha.chars();
        if let Some(c) = chars.next() {
            out.push(c.to_ascii_uppercase());
            out.extend(chars);
        }
        if !digits.is_empty() {
            if !alpha.is_empty() {
                out.push(' ');
            }
            out.push_str(digits);
        }
    }
    out
}

/// Sets `<key>` and its `<key>_name` label from an enum code (or null).
pub fn set_enum(r: &mut Record, key: &str, code: Option<&str>) {
    match code {
        Some(c) => {
            r.insert(key.into(), Value::String(c.into()));
            r.insert(format!("{key}_name"), Value::String(label(c)));
        }
        None => {
            r.insert(key.into(), Value::Null);
            r.insert(format!("{key}_name"), Value::Null);
        }
    }
}
