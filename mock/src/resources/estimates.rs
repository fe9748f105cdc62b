//! Estimates (`/estimates`): documents with a status, sent by email and converted to invoices.
use serde_json::{Map, Value, json};

use super::documents::{self as docs, DOC_FIELDS};
use crate::money;
use crate::reply::ApiError;
use crate::store::{Record, Store, new_id, now, set_enum, text};
use crate::validate::{Checker, Field, Kind, Need, field, object};

const OWN_FIELDS: &[Field] = &[field("client_id", Kind::Id, Need::OnCreate, false), field("line_items", Kind::Array, Need::OnCreate, false)];

fn check(store: &Store, body: &Map<String, Value>, creating: bool) -> Result<(), ApiError> {
    let mut c = Checker::default();
    c.check(body, OWN_FIELDS, creating, "");
    c.check(body, DOC_FIELDS, creating, "");
    docs::check_lines(&mut c, body, "line_items", 1);
    docs::check_refs(&mut c, store, body, "line_items");
    c.finish()
}

/// Writes the body's fields and line items into `doc`, then recomputes the total.
fn apply(store: &Store, doc: &mut Record, body: &Map<String, Value>) {
    if let Some(v) = body.get("client_id") {
        doc.insert("client_id".into(), v.clone());
    }
    docs::apply_doc_fields(store, doc, body, DOC_FIELDS);
    if let Some(Value::Array(inputs)) = body.get("line_items") {
        let existing = doc.get("items").and_then(Value::as_array).cloned().unwrap_or_default();
        doc.insert("items".into(), Value::Array(docs::build_lines(store, inputs, &existing)));
    }
    let total = docs::compute_total(doc, "items");
    doc.insert("total".into(), money::to_json(total));
    docs::set_currency(doc);
    doc.insert("updated_at".into(), now());
}

pub fn create(store: &mut Store, body: &Value) -> Result<String, ApiError> {
    let body = object(body)?;
    check(store, body, true)?;
    let client_id = text(body, "client_id").unwrap_or_default().to_string();
    store.estimate_seq += 1;
    let number = store.estimate_seq;
    let id = new_id();
    let mut doc = Record::new();
    doc.insert("id".into(), json!(id));
    doc.insert("organization_id".into(), json!(store.org_id));
    doc.insert("client_id".into(), json!(client_id));
    doc.insert("estimate_number".into(), json!(format!("EST-{number:05}")));
    doc.insert("prefix".into(), json!("EST-"));
    doc.insert("number".into(), json!(number));
    docs::defaults(&mut doc, &docs::client_currency(store, &client_id));
    set_status(&mut doc, "DRAFT");
    doc.insert("created_at".into(), now());
    apply(store, &mut doc, body);
    store.estimates.insert(id.clone(), doc);
    Ok(id)
}

/// Sets the status, its label and whether the estimate can still be edited.
pub fn set_status(doc: &mut Record, status: &str) {
    set_enum(doc, "status", Some(status));
    doc.insert("is_editable".into(), json!(matches!(status, "DRAFT" | "SENT")));
}

pub fn update(store: &mut Store, id: &str, body: &Value) -> Result<(), ApiError> {
    let mut doc = store.estimates.get(id).cloned().ok_or(ApiError::NotFound)?;
    let body = object(body)?;
    check(store, body, false)?;
    docs::ensure_editable(&doc, "estimate")?;
    apply(store, &mut doc, body);
    store.estimates.insert(id.to_string(), doc);
    Ok(())
}

/// DRAFT becomes SENT; sending again is allowed until the estimate is declined or converted.
pub fn send(store: &mut Store, id: &str) -> Result<(), ApiError> {
    let doc = store.estimates.get_mut(id).ok_or(ApiError::NotFound)?;
    match text(doc, "status") {
        Some("DECLINED" | "CONVERTED") => Err(ApiError::field("status", "A declined or converted estimate cannot be sent.")),
        Some("DRAFT") => {
            set_status(doc, "SENT");
            doc.insert("updated_at".into(), now());
            Ok(())
        }
        _ => Ok(()),
    }
}

/// Creates the invoice and marks the estimate CONVERTED; returns the invoice id.
pub fn convert(store: &mut Store, id: &str) -> Result<String, ApiError> {
    let doc = store.estimates.get(id).cloned().ok_or(ApiError::NotFound)?;
    if matches!(text(&doc, "status"), Some("DECLINED" | "CONVERTED")) {
        return Err(ApiError::field("status", "A declined or converted estimate cannot be converted."));
    }
    let invoice_id = super::invoices::from_estimate(store, &doc)?;
    if let Some(e) = store.estimates.get_mut(id) {
        set_status(e, "CONVERTED");
        e.insert("updated_at".into(), now());
    }
    Ok(invoice_id)
}

pub fn matches(r: &Record, query: &[(String, String)]) -> bool {
    super::field_filters(r, query, &["status", "client_id"])
}
