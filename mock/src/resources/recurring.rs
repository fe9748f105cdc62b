//! Recurring invoices (`/recurring-invoices`): a schedule plus an invoice template.
//! Requests name the template's lines `template_items`; responses show `template.items`.
use serde_json::{Map, Value, json};

use super::documents::{self as docs, DOC_FIELDS, LATE_FEE_FIELDS};
use super::view::{Extra, View};
use crate::money;
use crate::reply::ApiError;
use crate::store::{Record, Store, new_id, now, set_enum, text};
use crate::validate::{Checker, Field, Kind, Need, field, object, parse_date};

const FREQUENCY: &[&str] = &["DAILY", "WEEKLY", "MONTHLY", "QUARTERLY", "YEARLY"];
const SETTABLE_STATUS: &[&str] = &["ACTIVE", "PAUSED", "CANCELED"];
const OWN_FIELDS: &[Field] = &[
    field("client_id", Kind::Id, Need::OnCreate, false),
    field("name", Kind::Text(255), Need::No, true),
    field("frequency", Kind::Enum(FREQUENCY), Need::OnCreate, false),
    field("start_date", Kind::Date, Need::OnCreate, false),
    field("end_date", Kind::Date, Need::No, true),
    field("max_occurrences", Kind::Int { min: 1 }, Need::No, true),
    field("template_items", Kind::Array, Need::No, false),
];
const STATUS_FIELDS: &[Field] = &[field("status", Kind::Enum(SETTABLE_STATUS), Need::Always, false)];

fn check(store: &Store, body: &Map<String, Value>, creating: bool) -> Result<(), ApiError> {
    let mut c = Checker::default();
    c.check(body, OWN_FIELDS, creating, "");
    c.check(body, DOC_FIELDS, creating, "");
    c.check(body, LATE_FEE_FIELDS, creating, "");
    docs::check_lines(&mut c, body, "template_items", 0);
    docs::check_refs(&mut c, store, body, "template_items");
    c.finish()
}

fn apply(store: &Store, r: &mut Record, body: &Map<String, Value>) -> Result<(), ApiError> {
    for f in OWN_FIELDS {
        let Some(v) = body.get(f.name) else { continue };
        match f.name {
            "template_items" => {}
            "frequency" => set_enum(r, "frequency", v.as_str()),
            _ => {
                r.insert(f.name.into(), v.clone());
            }
        }
    }
    let start = text(r, "start_date").and_then(parse_date);
    let end = text(r, "end_date").and_then(parse_date);
    if let (Some(s), Some(e)) = (start, end)
        && e < s
    {
        return Err(ApiError::field("end_date", "The end_date must be a date after or equal to start_date."));
    }
    if r.get("occurrences").and_then(Value::as_u64).unwrap_or(0) == 0 {
        r.insert("next_date".into(), r.get("start_date").cloned().unwrap_or(Value::Null));
    }
    let mut template = r.get("template").and_then(Value::as_object).cloned().unwrap_or_default();
    docs::apply_doc_fields(store, &mut template, body, DOC_FIELDS);
    docs::apply_doc_fields(store, &mut template, body, LATE_FEE_FIELDS);
    if let Some(Value::Array(inputs)) = body.get("template_items") {
        let existing = template.get("items").and_then(Value::as_array).cloned().unwrap_or_default();
        template.insert("items".into(), Value::Array(docs::build_lines(store, inputs, &existing)));
    }
    let total = docs::compute_total(&mut template, "items");
    template.insert("total".into(), money::to_json(total));
    // The template has no `*_name` labels in the docs' example.
    template.retain(|k, _| !k.ends_with("_name") || k == "tax_name");
    r.insert("template".into(), Value::Object(template));
    r.insert("updated_at".into(), now());
    Ok(())
}

pub fn create(store: &mut Store, body: &Value) -> Result<String, ApiError> {
    let body = object(body)?;
    check(store, body, true)?;
    let client_id = text(body, "client_id").unwrap_or_default().to_string();
    let id = new_id();
    let mut r = Record::new();
    r.insert("id".into(), json!(id));
    r.insert("organization_id".into(), json!(store.org_id));
    for k in ["name", "end_date", "max_occurrences", "last_generated_date"] {
        r.insert(k.into(), Value::Null);
    }
    r.insert("occurrences".into(), json!(0));
    set_enum(&mut r, "status", Some("ACTIVE"));
    let mut template = Record::new();
    template.insert("id".into(), json!(new_id()));
    docs::defaults(&mut template, &docs::client_currency(store, &client_id));
    template.insert("net_terms".into(), json!("NET30"));
    template.insert("has_late_fee".into(), json!(false));
    for k in ["late_fee_kind", "late_fee_interval", "late_fee"] {
        template.insert(k.into(), Value::Null);
    }
    template.insert("items".into(), json!([]));
    r.insert("template".into(), Value::Object(template));
    r.insert("created_at".into(), now());
    apply(store, &mut r, body)?;
    store.recurring.insert(id.clone(), r);
    Ok(id)
}

pub fn update(store: &mut Store, id: &str, body: &Value) -> Result<(), ApiError> {
    let mut r = store.recurring.get(id).cloned().ok_or(ApiError::NotFound)?;
    let body = object(body)?;
    check(store, body, false)?;
    apply(store, &mut r, body)?;
    store.recurring.insert(id.to_string(), r);
    Ok(())
}

/// Pause, resume or cancel. COMPLETED is the server's to set; a canceled or completed
/// schedule does not come back.
pub fn set_status(store: &mut Store, id: &str, body: &Value) -> Result<(), ApiError> {
    let r = store.recurring.get_mut(id).ok_or(ApiError::NotFound)?;
    let body = object(body)?;
    let mut c = Checker::default();
    c.check(body, STATUS_FIELDS, true, "");
    c.finish()?;
    if matches!(text(r, "status"), Some("CANCELED" | "COMPLETED")) {
        return Err(ApiError::field("status", "A canceled or completed recurring invoice cannot change status."));
    }
    set_enum(r, "status", body.get("status").and_then(Value::as_str));
    r.insert("updated_at".into(), now());
    Ok(())
}

pub fn render<'a>(store: &'a Store, r: &'a Record) -> View<'a> {
    let client = text(r, "client_id").and_then(|id| store.clients.get(id)).map(super::clients::render);
    View::of(r).with("client", Extra::View(client))
}

pub fn matches(r: &Record, query: &[(String, String)]) -> bool {
    super::field_filters(r, query, &["status", "client_id"])
}
