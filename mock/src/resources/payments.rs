//! Payments (`/payments`, and `POST /invoices/{id}/payments`): each reduces one invoice's balance.
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use crate::money;
use crate::reply::ApiError;
use crate::store::{Record, Store, new_id, now, text};
use crate::validate::{Checker, Field, Kind, Need, POSITIVE, field, object};

const FIELDS: &[Field] = &[
    field("amount", POSITIVE, Need::Always, false),
    field("payment_date", Kind::Date, Need::No, true),
    field("is_settled", Kind::Bool, Need::No, false),
    field("notes", Kind::Text(10_000), Need::No, true),
];
const INVOICE_ID: &[Field] = &[field("invoice_id", Kind::Id, Need::OnCreate, false)];

fn check(body: &Map<String, Value>, with_invoice: bool) -> Result<(), ApiError> {
    let mut c = Checker::default();
    if with_invoice {
        c.check(body, INVOICE_ID, true, "");
    }
    c.check(body, FIELDS, true, "");
    c.finish()
}

/// 422 unless `amount` fits in what is still due (`already` is counted out first).
fn ensure_fits(store: &Store, invoice_id: &str, amount: Decimal, already: Decimal) -> Result<(), ApiError> {
    let invoice = store.invoices.get(invoice_id).ok_or(ApiError::NotFound)?;
    if matches!(text(invoice, "status"), Some("CANCELED" | "REFUNDED")) {
        return Err(ApiError::field("invoice_id", "Payments cannot be applied to a canceled or refunded invoice."));
    }
    let due = money::get(invoice, "total") - money::get(invoice, "total_paid") + already;
    if amount > due {
        return Err(ApiError::field("amount", format!("The amount may not be greater than the invoice's total due ({}).", due.normalize())));
    }
    Ok(())
}

/// Records a payment on an invoice (used by both create routes) and returns its id.
pub fn apply(store: &mut Store, invoice_id: &str, body: &Value) -> Result<String, ApiError> {
    let body = object(body)?;
    check(body, false)?;
    let amount = body.get("amount").and_then(money::parse).unwrap_or_default();
    ensure_fits(store, invoice_id, amount, Decimal::ZERO)?;
    let id = new_id();
    let mut r = Record::new();
    r.insert("id".into(), json!(id));
    r.insert("organization_id".into(), json!(store.org_id));
    r.insert("invoice_id".into(), json!(invoice_id));
    r.insert("amount".into(), money::to_json(amount));
    r.insert("is_settled".into(), body.get("is_settled").cloned().unwrap_or(json!(true)));
    r.insert("payment_date".into(), body.get("payment_date").cloned().unwrap_or(Value::Null));
    r.insert("notes".into(), body.get("notes").cloned().unwrap_or(Value::Null));
    r.insert("created_at".into(), now());
    r.insert("updated_at".into(), now());
    store.payments.insert(id.clone(), r);
    super::invoices::settle(store, invoice_id);
    Ok(id)
}

pub fn create(store: &mut Store, body: &Value) -> Result<String, ApiError> {
    check(object(body)?, true)?;
    let invoice_id = body.get("invoice_id").and_then(Value::as_str).unwrap_or_default().to_string();
    if !store.invoices.contains_key(&invoice_id) {
        return Err(ApiError::field("invoice_id", "The selected invoice_id is invalid."));
    }
    apply(store, &invoice_id, body)
}

pub fn update(store: &mut Store, id: &str, body: &Value) -> Result<(), ApiError> {
    let prior = store.payments.get(id).cloned().ok_or(ApiError::NotFound)?;
    let body = object(body)?;
    check(body, false)?;
    let invoice_id = text(&prior, "invoice_id").unwrap_or_default().to_string();
    let amount = body.get("amount").and_then(money::parse).unwrap_or_default();
    ensure_fits(store, &invoice_id, amount, money::get(&prior, "amount"))?;
    let mut r = prior;
    for f in FIELDS {
        if let Some(v) = body.get(f.name) {
            r.insert(f.name.into(), v.clone());
        }
    }
    r.insert("amount".into(), money::to_json(amount));
    r.insert("updated_at".into(), now());
    store.payments.insert(id.to_string(), r);
    super::invoices::settle(store, &invoice_id);
    Ok(())
}

pub fn delete(store: &mut Store, id: &str) -> Result<(), ApiError> {
    let prior = store.payments.shift_remove(id).ok_or(ApiError::NotFound)?;
    if let Some(invoice_id) = text(&prior, "invoice_id") {
        super::invoices::settle(store, invoice_id);
    }
    Ok(())
}

pub fn matches(r: &Record, query: &[(String, String)]) -> bool {
    super::field_filters(r, query, &["invoice_id"])
}
