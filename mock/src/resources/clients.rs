//! Clients (`/clients`): name and email are required, contacts may come along on create.
use serde_json::{Map, Value, json};

use super::view::View;
use crate::reply::ApiError;
use crate::store::{Record, Store, new_id, now, set_enum, text};
use crate::validate::{Checker, Field, Kind, Need, field, object};

const KIND: &[&str] = &["BUSINESS", "INDIVIDUAL"];
const FIELDS: &[Field] = &[
    field("name", Kind::Text(255), Need::OnCreate, false),
    field("email", Kind::Email, Need::OnCreate, false),
    field("kind", Kind::Enum(KIND), Need::No, false),
    field("profile", Kind::Object, Need::No, false),
    field("address", Kind::Object, Need::No, false),
    field("document_defaults", Kind::Object, Need::No, false),
    field("contacts", Kind::Array, Need::No, false),
];
const PROFILE_KEYS: &[&str] = &["company_name", "website", "phone", "fax", "tax_name", "tax_number"];
const ADDRESS_KEYS: &[&str] = &["line1", "line2", "city", "state", "zip", "country"];

fn check(body: &Map<String, Value>, creating: bool) -> Result<(), ApiError> {
    let mut c = Checker::default();
    c.check(body, FIELDS, creating, "");
    for (key, keys) in [("profile", PROFILE_KEYS), ("address", ADDRESS_KEYS)] {
        if let Some(Value::Object(o)) = body.get(key) {
            for k in keys {
                if o.get(*k).is_some_and(|v| !v.is_null() && !v.is_string()) {
                    c.add(&format!("{key}.{k}"), format!("The {key}.{k} must be a string."));
                }
            }
        }
    }
    if let Some(Value::Object(d)) = body.get("document_defaults")
        && let Some(v) = d.get("currency")
        && !v.as_str().is_some_and(|s| s.len() == 3 && s.bytes().all(|b| b.is_ascii_uppercase()))
    {
        c.add("document_defaults.currency", "The document_defaults.currency must be a 3-letter ISO 4217 code.");
    }
    if let Some(Value::Array(contacts)) = body.get("contacts") {
        if contacts.len() > 20 {
            c.add("contacts", "The contacts may not have more than 20 items.");
        }
        for (i, contact) in contacts.iter().enumerate() {
            match contact.as_object() {
                Some(o) => c.check(o, super::contacts::FIELDS, true, &format!("contacts.{i}.")),
                None => c.add(&format!("contacts.{i}"), "Each contact must be an object."),
            }
        }
    }
    c.finish()
}

/// Keeps the known string keys of a nested object, null for the rest.
fn nested(input: Option<&Value>, keys: &[&str], prior: Option<&Value>) -> Value {
    let mut out = Map::new();
    for k in keys {
        let v = input.and_then(|i| i.get(*k)).or_else(|| prior.and_then(|p| p.get(*k))).cloned().unwrap_or(Value::Null);
        out.insert((*k).into(), v);
    }
    Value::Object(out)
}

pub fn create(store: &mut Store, body: &Value) -> Result<String, ApiError> {
    let body = object(body)?;
    check(body, true)?;
    let id = new_id();
    let mut r = Record::new();
    r.insert("id".into(), json!(id));
    r.insert("organization_id".into(), json!(store.org_id));
    r.insert("name".into(), Value::Null);
    r.insert("email".into(), Value::Null);
    set_enum(&mut r, "kind", Some("BUSINESS"));
    r.insert("profile".into(), nested(None, PROFILE_KEYS, None));
    r.insert("address".into(), nested(None, ADDRESS_KEYS, None));
    r.insert("document_defaults".into(), json!({"currency": "USD"}));
    r.insert("note_count".into(), json!(0));
    r.insert("contact_count".into(), json!(0));
    r.insert("created_at".into(), now());
    apply(&mut r, body);
    store.clients.insert(id.clone(), r);
    if let Some(Value::Array(contacts)) = body.get("contacts") {
        for contact in contacts {
            super::contacts::insert(store, &id, contact.as_object().cloned().unwrap_or_default());
        }
    }
    Ok(id)
}

fn apply(r: &mut Record, body: &Map<String, Value>) {
    for k in ["name", "email"] {
        if let Some(v) = body.get(k) {
            r.insert(k.into(), v.clone());
        }
    }
    if let Some(k) = body.get("kind").and_then(Value::as_str) {
        set_enum(r, "kind", Some(k));
    }
    if body.contains_key("profile") {
        let v = nested(body.get("profile"), PROFILE_KEYS, r.get("profile"));
        r.insert("profile".into(), v);
    }
    if body.contains_key("address") {
        let v = nested(body.get("address"), ADDRESS_KEYS, r.get("address"));
        r.insert("address".into(), v);
    }
    if let Some(c) = body.get("document_defaults").and_then(|d| d.get("currency")) {
        r.insert("document_defaults".into(), json!({"currency": c}));
    }
    r.insert("updated_at".into(), now());
}

pub fn update(store: &mut Store, id: &str, body: &Value) -> Result<(), ApiError> {
    let body = object(body)?;
    check(body, false)?;
    let r = store.clients.get_mut(id).ok_or(ApiError::NotFound)?;
    apply(r, body);
    Ok(())
}

/// Refused while estimates, invoices or recurring invoices refer to the client; contacts go with it.
pub fn delete(store: &mut Store, id: &str) -> Result<(), ApiError> {
    let used = [&store.estimates, &store.invoices, &store.recurring].iter().any(|t| t.values().any(|d| text(d, "client_id") == Some(id)));
    if used {
        return Err(ApiError::field("client", "The client has estimates or invoices and cannot be deleted."));
    }
    store.clients.shift_remove(id);
    store.contacts.retain(|_, c| text(c, "client_id") != Some(id));
    Ok(())
}

/// Stored as shown: `contact_count` is kept current by the contacts module.
pub fn render(r: &Record) -> View<'_> {
    View::of(r)
}

/// `search` matches name or email, case-insensitively.
pub fn matches(r: &Record, query: &[(String, String)]) -> bool {
    query.iter().filter(|(k, _)| k == "search").all(|(_, term)| {
        let term = term.to_lowercase();
        ["name", "email"].iter().any(|k| text(r, k).is_some_and(|v| v.to_lowercase().contains(&term)))
    })
}
