//! Taxes (`/taxes`), units (`/units`) and saved line items (`/items`): small named records.
use serde_json::{Map, Value, json};

use super::view::{Extra, View};
use crate::reply::ApiError;
use crate::store::{Record, Res, Store, new_id, now, text};
use crate::validate::{Checker, Field, Kind, MONEY, Need, PERCENT, field, object};

const TAX_FIELDS: &[Field] = &[field("name", Kind::Text(255), Need::OnCreate, false), field("percent", PERCENT, Need::OnCreate, false)];
const UNIT_FIELDS: &[Field] = &[field("name", Kind::Text(255), Need::Always, false)];
const ITEM_FIELDS: &[Field] = &[
    field("name", Kind::Text(255), Need::OnCreate, false),
    field("description", Kind::Text(10_000), Need::No, true),
    field("price", MONEY, Need::OnCreate, false),
    field("unit_of_measurement_id", Kind::Id, Need::No, true),
    field("tax_id", Kind::Id, Need::No, true),
];

fn fields(res: Res) -> &'static [Field] {
    match res {
        Res::Taxes => TAX_FIELDS,
        Res::Units => UNIT_FIELDS,
        _ => ITEM_FIELDS,
    }
}

fn check(store: &Store, res: Res, body: &Map<String, Value>, creating: bool) -> Result<(), ApiError> {
    let mut c = Checker::default();
    c.check(body, fields(res), creating, "");
    if res == Res::Items {
        if let Some(id) = text(body, "tax_id")
            && !store.taxes.contains_key(id)
        {
            c.add("tax_id", "The selected tax_id is invalid.");
        }
        if let Some(id) = text(body, "unit_of_measurement_id")
            && !store.units.contains_key(id)
        {
            c.add("unit_of_measurement_id", "The selected unit_of_measurement_id is invalid.");
        }
    }
    c.finish()
}

fn apply(store: &Store, res: Res, r: &mut Record, body: &Map<String, Value>) {
    for f in fields(res) {
        if let Some(v) = body.get(f.name) {
            r.insert(f.name.into(), v.clone());
        }
    }
    if res == Res::Items {
        let unit = text(r, "unit_of_measurement_id").and_then(|id| store.units.get(id));
        r.insert("unit_name".into(), unit.and_then(|u| u.get("name").cloned()).unwrap_or(Value::Null));
        let tax = text(r, "tax_id").and_then(|id| store.taxes.get(id));
        r.insert("tax_name".into(), tax.and_then(|t| t.get("name").cloned()).unwrap_or(Value::Null));
        r.insert("tax_percent".into(), tax.and_then(|t| t.get("percent").cloned()).unwrap_or(Value::Null));
    }
    r.insert("updated_at".into(), now());
}

pub fn create(store: &mut Store, res: Res, body: &Value) -> Result<String, ApiError> {
    let body = object(body)?;
    check(store, res, body, true)?;
    let id = new_id();
    let mut r = Record::new();
    r.insert("id".into(), json!(id));
    r.insert("organization_id".into(), json!(store.org_id));
    if res == Res::Items {
        for k in ["description", "unit_of_measurement_id", "tax_id"] {
            r.insert(k.into(), Value::Null);
        }
    }
    r.insert("created_at".into(), now());
    apply(store, res, &mut r, body);
    store.table_mut(res).insert(id.clone(), r);
    Ok(id)
}

pub fn update(store: &mut Store, res: Res, id: &str, body: &Value) -> Result<(), ApiError> {
    let body = object(body)?;
    check(store, res, body, false)?;
    let mut r = store.table(res).get(id).cloned().ok_or(ApiError::NotFound)?;
    apply(store, res, &mut r, body);
    store.table_mut(res).insert(id.to_string(), r);
    Ok(())
}

/// How many saved items use a tax or unit (shown as `usage_count`).
fn usage(store: &Store, res: Res, id: &str) -> usize {
    let key = if res == Res::Taxes { "tax_id" } else { "unit_of_measurement_id" };
    store.items.values().filter(|i| text(i, key) == Some(id)).count()
}

/// Taxes and units still used by saved items cannot be deleted.
pub fn delete(store: &mut Store, res: Res, id: &str) -> Result<(), ApiError> {
    if res != Res::Items && usage(store, res, id) > 0 {
        let what = if res == Res::Taxes { "tax" } else { "unit" };
        return Err(ApiError::field(what, format!("The {what} is used by saved items and cannot be deleted.")));
    }
    store.table_mut(res).shift_remove(id);
    Ok(())
}

pub fn render<'a>(store: &Store, res: Res, r: &'a Record) -> View<'a> {
    if res == Res::Items {
        return View::of(r);
    }
    View::of(r).with("usage_count", Extra::Value(json!(usage(store, res, text(r, "id").unwrap_or_default()))))
}
