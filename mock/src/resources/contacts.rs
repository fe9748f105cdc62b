//! Contacts (`/clients/{clientId}/contacts`): always under a client; name and email required.
use serde_json::{Map, Value, json};

use crate::reply::ApiError;
use crate::store::{Record, Store, new_id, now};
use crate::validate::{Checker, Field, Kind, Need, field, object};

pub const FIELDS: &[Field] = &[
    field("name", Kind::Text(255), Need::Always, false),
    field("email", Kind::Email, Need::Always, false),
    field("phone", Kind::Text(50), Need::No, true),
];

fn check(body: &Map<String, Value>) -> Result<(), ApiError> {
    let mut c = Checker::default();
    c.check(body, FIELDS, true, "");
    c.finish()
}

/// Adds a validated contact under a client.
pub fn insert(store: &mut Store, client_id: &str, body: Map<String, Value>) -> String {
    let id = new_id();
    let mut r = Record::new();
    r.insert("id".into(), json!(id));
    r.insert("client_id".into(), json!(client_id));
    r.insert("name".into(), body.get("name").cloned().unwrap_or(Value::Null));
    r.insert("email".into(), body.get("email").cloned().unwrap_or(Value::Null));
    r.insert("phone".into(), body.get("phone").cloned().unwrap_or(Value::Null));
    r.insert("created_at".into(), now());
    r.insert("updated_at".into(), now());
    store.contacts.insert(id.clone(), r);
    adjust_count(store, client_id, 1);
    id
}

/// Keeps the client's stored `contact_count` current, so rendering a page never scans contacts.
fn adjust_count(store: &mut Store, client_id: &str, by: i64) {
    if let Some(c) = store.clients.get_mut(client_id) {
        let n = c.get("contact_count").and_then(Value::as_i64).unwrap_or(0);
        c.insert("contact_count".into(), json!((n + by).max(0)));
    }
}

pub fn create(store: &mut Store, client_id: &str, body: &Value) -> Result<String, ApiError> {
    let body = object(body)?;
    check(body)?;
    Ok(insert(store, client_id, body.clone()))
}

pub fn update(store: &mut Store, id: &str, body: &Value) -> Result<(), ApiError> {
    let body = object(body)?;
    check(body)?;
    let r = store.contacts.get_mut(id).ok_or(ApiError::NotFound)?;
    for f in FIELDS {
        if let Some(v) = body.get(f.name) {
            r.insert(f.name.into(), v.clone());
        }
    }
    r.insert("updated_at".into(), now());
    Ok(())
}

/// A client keeps at least one contact (the product docs require one).
pub fn delete(store: &mut Store, client_id: &str, id: &str) -> Result<(), ApiError> {
    let siblings = store.clients.get(client_id).and_then(|c| c.get("contact_count")).and_then(Value::as_i64);
    if siblings.unwrap_or(0) <= 1 {
        return Err(ApiError::field("contact", "A client must keep at least one contact."));
    }
    store.contacts.shift_remove(id);
    adjust_count(store, client_id, -1);
    Ok(())
}
