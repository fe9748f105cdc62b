//! Invoices (`/invoices`): documents with payment terms, late fees and a paid/due balance.
use chrono::Days;
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::documents::{self as docs, DOC_FIELDS, LATE_FEE_FIELDS};
use crate::money;
use crate::reply::ApiError;
use crate::store::{Record, Store, new_id, now, set_enum, text, today};
use crate::validate::{Checker, Field, Kind, Need, field, object, parse_date};

const OWN_FIELDS: &[Field] = &[
    field("client_id", Kind::Id, Need::OnCreate, false),
    field("line_items", Kind::Array, Need::OnCreate, false),
    field("issued_at", Kind::Date, Need::No, false),
    field("due_at", Kind::Date, Need::No, false),
];

fn check(store: &Store, body: &Map<String, Value>, creating: bool) -> Result<(), ApiError> {
    let mut c = Checker::default();
    c.check(body, OWN_FIELDS, creating, "");
    c.check(body, DOC_FIELDS, creating, "");
    c.check(body, LATE_FEE_FIELDS, creating, "");
    docs::check_lines(&mut c, body, "line_items", 1);
    docs::check_refs(&mut c, store, body, "line_items");
    c.finish()
}

/// Days of credit for each payment term.
fn term_days(terms: &str) -> u64 {
    match terms {
        "NET15" => 15,
        "NET30" => 30,
        "NET45" => 45,
        "NET60" => 60,
        _ => 0,
    }
}

fn apply(store: &Store, doc: &mut Record, body: &Map<String, Value>) -> Result<(), ApiError> {
    if let Some(v) = body.get("client_id") {
        doc.insert("client_id".into(), v.clone());
    }
    docs::apply_doc_fields(store, doc, body, DOC_FIELDS);
    docs::apply_doc_fields(store, doc, body, LATE_FEE_FIELDS);
    if let Some(v) = body.get("issued_at") {
        doc.insert("issued_at".into(), v.clone());
    }
    // The due date follows the terms unless it is given.
    if let Some(v) = body.get("due_at") {
        doc.insert("due_at".into(), v.clone());
    } else if body.contains_key("net_terms") || body.contains_key("issued_at") || !doc.contains_key("due_at") {
        let issued = text(doc, "issued_at").and_then(parse_date).unwrap_or_else(today);
        let due = issued.checked_add_days(Days::new(term_days(text(doc, "net_terms").unwrap_or("NET30")))).unwrap_or(issued);
        doc.insert("due_at".into(), json!(due.format("%Y-%m-%d").to_string()));
    }
    let issued = text(doc, "issued_at").and_then(parse_date);
    let due = text(doc, "due_at").and_then(parse_date);
    if let (Some(i), Some(d)) = (issued, due)
        && d < i
    {
        return Err(ApiError::field("due_at", "The due_at must be a date after or equal to issued_at."));
    }
    let late = doc.get("has_late_fee") == Some(&Value::Bool(true));
    let next_fee = match (late, due.and_then(|d| d.checked_add_days(Days::new(1)))) {
        (true, Some(d)) => json!(format!("{}T00:00:00Z", d.format("%Y-%m-%d"))),
        _ => Value::Null,
    };
    doc.insert("next_late_fee_update_at".into(), next_fee);
    if let Some(Value::Array(inputs)) = body.get("line_items") {
        let existing = doc.get("items").and_then(Value::as_array).cloned().unwrap_or_default();
        doc.insert("items".into(), Value::Array(docs::build_lines(store, inputs, &existing)));
    }
    let total = docs::compute_total(doc, "items") + money::get(doc, "total_late_fee");
    if total < money::get(doc, "total_paid") {
        return Err(ApiError::field("line_items", "The new total would be less than the amount already paid."));
    }
    doc.insert("total".into(), money::to_json(total));
    docs::set_currency(doc);
    doc.insert("updated_at".into(), now());
    Ok(())
}

/// A new DRAFT invoice with the defaults the docs describe.
fn blank(store: &mut Store, client_id: &str) -> (String, Record) {
    store.invoice_seq += 1;
    let number = store.invoice_seq;
    let id = new_id();
    let mut doc = Record::new();
    doc.insert("id".into(), json!(id));
    doc.insert("organization_id".into(), json!(store.org_id));
    doc.insert("client_id".into(), json!(client_id));
    doc.insert("invoice_number".into(), json!(format!("INV-{number:05}")));
    doc.insert("prefix".into(), json!("INV-"));
    doc.insert("number".into(), json!(number));
    doc.insert("converted_from".into(), Value::Null);
    doc.insert("converted_from_number".into(), Value::Null);
    docs::defaults(&mut doc, &docs::client_currency(store, client_id));
    set_enum(&mut doc, "net_terms", Some("NET30"));
    doc.insert("has_late_fee".into(), json!(false));
    set_enum(&mut doc, "late_fee_kind", None);
    set_enum(&mut doc, "late_fee_interval", None);
    doc.insert("late_fee".into(), Value::Null);
    doc.insert("total_late_fee".into(), json!(0));
    doc.insert("total_paid".into(), json!(0));
    doc.insert("issued_at".into(), json!(today().format("%Y-%m-%d").to_string()));
    set_enum(&mut doc, "status", Some("DRAFT"));
    doc.insert("created_at".into(), now());
    (id, doc)
}

pub fn create(store: &mut Store, body: &Value) -> Result<String, ApiError> {
    let body = object(body)?;
    check(store, body, true)?;
    let client_id = text(body, "client_id").unwrap_or_default().to_string();
    let (id, mut doc) = blank(store, &client_id);
    apply(store, &mut doc, body)?;
    store.invoices.insert(id.clone(), doc);
    settle(store, &id);
    Ok(id)
}

/// The invoice made by converting an estimate: same client, terms and lines.
pub fn from_estimate(store: &mut Store, estimate: &Record) -> Result<String, ApiError> {
    let mut body = Map::new();
    for f in DOC_FIELDS {
        if let Some(v) = estimate.get(f.name) {
            body.insert(f.name.into(), v.clone());
        }
    }
    let lines: Vec<Value> = estimate
        .get("items")
        .and_then(Value::as_array)
        .map(|items| {
            items
                .iter()
                .filter_map(Value::as_object)
                .map(|l| {
                    let mut l = l.clone();
                    l.remove("id");
                    Value::Object(l)
                })
                .collect()
        })
        .unwrap_or_default();
    body.insert("line_items".into(), Value::Array(lines));
    let client_id = text(estimate, "client_id").unwrap_or_default().to_string();
    let (id, mut doc) = blank(store, &client_id);
    doc.insert("converted_from".into(), estimate.get("id").cloned().unwrap_or(Value::Null));
    doc.insert("converted_from_number".into(), estimate.get("estimate_number").cloned().unwrap_or(Value::Null));
    apply(store, &mut doc, &body)?;
    // Tax names and rates are copies; keep the estimate's even if the tax changed since.
    for k in ["tax_name", "tax_percent"] {
        doc.insert(k.into(), estimate.get(k).cloned().unwrap_or(Value::Null));
    }
    let total = docs::compute_total(&mut doc, "items");
    doc.insert("total".into(), money::to_json(total));
    store.invoices.insert(id.clone(), doc);
    settle(store, &id);
    Ok(id)
}

pub fn update(store: &mut Store, id: &str, body: &Value) -> Result<(), ApiError> {
    let mut doc = store.invoices.get(id).cloned().ok_or(ApiError::NotFound)?;
    let body = object(body)?;
    check(store, body, false)?;
    docs::ensure_editable(&doc, "invoice")?;
    apply(store, &mut doc, body)?;
    store.invoices.insert(id.to_string(), doc);
    settle(store, id);
    Ok(())
}

/// Recomputes paid and due amounts from the invoice's payments, and the status from them.
pub fn settle(store: &mut Store, id: &str) {
    let (mut paid, mut settled) = (Decimal::ZERO, Decimal::ZERO);
    for p in store.payments.values().filter(|p| text(p, "invoice_id") == Some(id)) {
        let amount = money::get(p, "amount");
        paid += amount;
        if p.get("is_settled") != Some(&Value::Bool(false)) {
            settled += amount;
        }
    }
    let was_sent = store.sent_invoices.contains(id);
    let Some(doc) = store.invoices.get_mut(id) else { return };
    let total = money::get(doc, "total");
    doc.insert("total_paid".into(), money::to_json(paid));
    doc.insert("total_due".into(), money::to_json(total - paid));
    doc.insert("total_due_unsettled".into(), money::to_json(total - settled));
    let status = text(doc, "status").unwrap_or("DRAFT").to_string();
    let next = if matches!(status.as_str(), "CANCELED" | "REFUNDED") {
        status
    } else if paid > Decimal::ZERO && paid >= total {
        "PAID".into()
    } else if paid > Decimal::ZERO {
        "PARTIAL".into()
    } else if matches!(status.as_str(), "PAID" | "PARTIAL") {
        if was_sent { "SENT".into() } else { "DRAFT".into() }
    } else {
        status
    };
    set_enum(doc, "status", Some(&next));
    doc.insert("is_editable".into(), json!(matches!(next.as_str(), "DRAFT" | "SENT")));
}

/// DRAFT becomes SENT; canceled and refunded invoices cannot be sent.
pub fn send(store: &mut Store, id: &str) -> Result<(), ApiError> {
    let doc = store.invoices.get_mut(id).ok_or(ApiError::NotFound)?;
    match text(doc, "status") {
        Some("CANCELED" | "REFUNDED") => return Err(ApiError::field("status", "A canceled or refunded invoice cannot be sent.")),
        Some("DRAFT") => {
            set_enum(doc, "status", Some("SENT"));
            doc.insert("updated_at".into(), now());
        }
        _ => {}
    }
    store.sent_invoices.insert(id.to_string());
    Ok(())
}

/// Payments go with their invoice.
pub fn delete(store: &mut Store, id: &str) -> Result<(), ApiError> {
    store.invoices.shift_remove(id);
    store.payments.retain(|_, p| text(p, "invoice_id") != Some(id));
    store.sent_invoices.remove(id);
    Ok(())
}

pub fn matches(r: &Record, query: &[(String, String)]) -> bool {
    super::field_filters(r, query, &["status", "client_id"])
}
