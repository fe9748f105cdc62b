//! What estimates, invoices and recurring templates share: line items, references and totals.
//!
//! The totals formula is written out in mock/README.md.
use rust_decimal::Decimal;
use serde_json::{Map, Value, json};

use super::view::{Extra, View};
use crate::money;
use crate::reply::ApiError;
use crate::store::{Record, Store, new_id, set_enum, text};
use crate::validate::{Checker, Field, Kind, MONEY, Need, PERCENT, POSITIVE, field};

pub const TAX_DIST: &[&str] = &["PER_DOCUMENT", "PER_ITEM"];
pub const DISC_DIST: &[&str] = &["NO_DISCOUNT", "PER_DOCUMENT", "PER_ITEM"];
pub const DISC_TYPE: &[&str] = &["PERCENTAGE", "FIXED"];
pub const NET_TERMS: &[&str] = &["DUE_ON_RECEIPT", "NET15", "NET30", "NET45", "NET60"];
pub const LATE_KIND: &[&str] = &["PERCENTAGE", "FIXED"];
pub const LATE_INTERVAL: &[&str] = &["ONE_TIME", "DAILY", "WEEKLY", "MONTHLY"];

/// Fields every document body may carry (estimates, invoices, recurring templates).
pub const DOC_FIELDS: &[Field] = &[
    field("currency", Kind::Currency, Need::No, false),
    field("tax_id", Kind::Id, Need::No, true),
    field("tax_distribution", Kind::Enum(TAX_DIST), Need::No, false),
    field("discount_type", Kind::Enum(DISC_TYPE), Need::No, true),
    field("discount_value", MONEY, Need::No, true),
    field("discount_distribution", Kind::Enum(DISC_DIST), Need::No, false),
    field("shipping", MONEY, Need::No, false),
    field("notes", Kind::Text(10_000), Need::No, true),
    field("options", Kind::Object, Need::No, false),
];

/// Payment terms and late fees (invoices and recurring templates).
pub const LATE_FEE_FIELDS: &[Field] = &[
    field("net_terms", Kind::Enum(NET_TERMS), Need::No, false),
    field("has_late_fee", Kind::Bool, Need::No, false),
    field("late_fee_kind", Kind::Enum(LATE_KIND), Need::No, true),
    field("late_fee_interval", Kind::Enum(LATE_INTERVAL), Need::No, true),
    field("late_fee", MONEY, Need::No, true),
];

const LINE_FIELDS: &[Field] = &[
    field("id", Kind::Text(255), Need::No, false),
    field("name", Kind::Text(255), Need::OnCreate, false),
    field("description", Kind::Text(10_000), Need::No, true),
    field("quantity", POSITIVE, Need::OnCreate, false),
    field("price", MONEY, Need::OnCreate, false),
    field("unit_of_measurement_id", Kind::Id, Need::No, true),
    field("tax_id", Kind::Id, Need::No, true),
    field("tax_name", Kind::Text(255), Need::No, true),
    field("tax_percent", PERCENT, Need::No, true),
    field("discount_type", Kind::Enum(DISC_TYPE), Need::No, true),
    field("discount_value", MONEY, Need::No, true),
];

/// Validates a list of line-item inputs under `key` (`line_items` or `template_items`).
pub fn check_lines(c: &mut Checker, body: &Map<String, Value>, key: &str, min: usize) {
    match body.get(key) {
        None => {}
        Some(Value::Array(lines)) => {
            if lines.len() < min {
                c.add(key, format!("The {key} must have at least {min} item."));
            }
            if lines.len() > 100 {
                c.add(key, format!("The {key} may not have more than 100 items."));
            }
            for (i, line) in lines.iter().enumerate() {
                match line.as_object() {
                    Some(l) => c.check(l, LINE_FIELDS, true, &format!("{key}.{i}.")),
                    None => c.add(&format!("{key}.{i}"), "Each line item must be an object."),
                }
            }
        }
        Some(_) => c.add(key, format!("The {key} must be an array.")),
    }
}

/// Checks that referenced ids exist: `tax_id`, `client_id`, and those of each line item.
pub fn check_refs(c: &mut Checker, store: &Store, body: &Map<String, Value>, lines_key: &str) {
    if let Some(id) = text(body, "client_id")
        && !store.clients.contains_key(id)
    {
        c.add("client_id", "The selected client_id is invalid.");
    }
    if let Some(id) = text(body, "tax_id")
        && !store.taxes.contains_key(id)
    {
        c.add("tax_id", "The selected tax_id is invalid.");
    }
    if let Some(Value::Array(lines)) = body.get(lines_key) {
        for (i, line) in lines.iter().enumerate() {
            let Some(l) = line.as_object() else { continue };
            if let Some(id) = text(l, "tax_id")
                && !store.taxes.contains_key(id)
            {
                c.add(&format!("{lines_key}.{i}.tax_id"), "The selected tax_id is invalid.");
            }
            if let Some(id) = text(l, "unit_of_measurement_id")
                && !store.units.contains_key(id)
            {
                c.add(&format!("{lines_key}.{i}.unit_of_measurement_id"), "The selected unit_of_measurement_id is invalid.");
            }
        }
    }
}

/// Builds stored line items from inputs. An input whose `id` matches an existing line keeps
/// that id and is merged into it; other inputs become new lines; omitted lines are dropped.
pub fn build_lines(store: &Store, inputs: &[Value], existing: &[Value]) -> Vec<Value> {
    inputs
        .iter()
        .filter_map(Value::as_object)
        .map(|input| {
            let prior = text(input, "id").and_then(|id| existing.iter().filter_map(Value::as_object).find(|e| text(e, "id") == Some(id)));
            let mut line = prior.cloned().unwrap_or_else(|| {
                let mut l = Map::new();
                l.insert("id".into(), Value::String(new_id()));
                for k in
                    ["description", "unit_of_measurement_id", "unit_name", "tax_id", "tax_name", "tax_percent", "discount_type", "discount_value"]
                {
                    l.insert(k.into(), Value::Null);
                }
                l
            });
            for (k, v) in input {
                if k != "id" && LINE_FIELDS.iter().any(|f| f.name == k) {
                    line.insert(k.clone(), v.clone());
                }
            }
            let unit_name =
                text(&line, "unit_of_measurement_id").and_then(|id| store.units.get(id)).and_then(|u| u.get("name").cloned()).unwrap_or(Value::Null);
            line.insert("unit_name".into(), unit_name);
            // A tax reference fills the name and rate unless the input gave its own.
            if let Some(tax) = text(&line, "tax_id").and_then(|id| store.taxes.get(id)).cloned() {
                if !input.contains_key("tax_name") {
                    line.insert("tax_name".into(), tax.get("name").cloned().unwrap_or(Value::Null));
                }
                if !input.contains_key("tax_percent") {
                    line.insert("tax_percent".into(), tax.get("percent").cloned().unwrap_or(Value::Null));
                }
            }
            Value::Object(line)
        })
        .collect()
}

/// Copies the document-level fields of `body` into `doc`, with labels and tax lookups.
pub fn apply_doc_fields(store: &Store, doc: &mut Record, body: &Map<String, Value>, fields: &[Field]) {
    for f in fields {
        let Some(v) = body.get(f.name) else { continue };
        match f.kind {
            Kind::Enum(_) => set_enum(doc, f.name, v.as_str()),
            _ => {
                doc.insert(f.name.into(), v.clone());
            }
        }
    }
    if body.contains_key("tax_id") {
        let tax = text(doc, "tax_id").and_then(|id| store.taxes.get(id));
        doc.insert("tax_name".into(), tax.and_then(|t| t.get("name").cloned()).unwrap_or(Value::Null));
        doc.insert("tax_percent".into(), tax.and_then(|t| t.get("percent").cloned()).unwrap_or(Value::Null));
    }
}

/// Default document fields for a new estimate, invoice or template.
pub fn defaults(doc: &mut Record, currency: &str) {
    doc.insert("currency".into(), Value::String(currency.into()));
    for k in ["tax_id", "tax_name", "tax_percent", "discount_value", "notes"] {
        doc.insert(k.into(), Value::Null);
    }
    set_enum(doc, "tax_distribution", Some("PER_DOCUMENT"));
    set_enum(doc, "discount_type", None);
    set_enum(doc, "discount_distribution", Some("NO_DISCOUNT"));
    doc.insert("shipping".into(), json!(0));
    doc.insert("options".into(), json!({}));
}

/// The client's preferred currency, or USD.
pub fn client_currency(store: &Store, client_id: &str) -> String {
    store
        .clients
        .get(client_id)
        .and_then(|c| c.get("document_defaults"))
        .and_then(|d| d.get("currency"))
        .and_then(Value::as_str)
        .unwrap_or("USD")
        .to_string()
}

/// A discount of `kind` and `value` on `base`: a percentage, or a fixed amount capped at the base.
fn discount(kind: Option<&str>, value: Decimal, base: Decimal) -> Decimal {
    match kind {
        Some("PERCENTAGE") => money::percent_of(base, value),
        Some(_) => value.min(base),
        None => Decimal::ZERO,
    }
}

/// Recomputes every line's `total` and the document's `total` (before late fees).
/// Order: line discounts, document discount, tax, then shipping; each step rounded to cents.
pub fn compute_total(doc: &mut Record, lines_key: &str) -> Decimal {
    let dist = text(doc, "discount_distribution").unwrap_or("NO_DISCOUNT").to_string();
    let per_item_tax = text(doc, "tax_distribution") == Some("PER_ITEM");
    let mut subtotal = Decimal::ZERO;
    let mut item_tax = Decimal::ZERO;
    let mut lines = match doc.remove(lines_key) {
        Some(Value::Array(l)) => l,
        _ => Vec::new(),
    };
    for line in lines.iter_mut().filter_map(Value::as_object_mut) {
        let amount = money::cents(money::get(line, "quantity").checked_mul(money::get(line, "price")).unwrap_or(Decimal::ZERO));
        let net =
            if dist == "PER_ITEM" { amount - discount(text(line, "discount_type"), money::get(line, "discount_value"), amount) } else { amount };
        if per_item_tax {
            item_tax += money::percent_of(net, money::get(line, "tax_percent"));
        }
        line.insert("total".into(), money::to_json(net));
        subtotal += net;
    }
    doc.insert(lines_key.into(), Value::Array(lines));
    let doc_discount =
        if dist == "PER_DOCUMENT" { discount(text(doc, "discount_type"), money::get(doc, "discount_value"), subtotal) } else { Decimal::ZERO };
    let taxable = subtotal - doc_discount;
    let tax = if per_item_tax { item_tax } else { money::percent_of(taxable, money::get(doc, "tax_percent")) };
    taxable + tax + money::get(doc, "shipping")
}

/// Currency display names and symbols for the `currency_*` echo fields.
pub fn currency_info(code: &str) -> (&'static str, &'static str) {
    match code {
        "USD" => ("US Dollar", "$"),
        "EUR" => ("Euro", "€"),
        "GBP" => ("British Pound", "£"),
        "CAD" => ("Canadian Dollar", "CA$"),
        "AUD" => ("Australian Dollar", "A$"),
        "JPY" => ("Japanese Yen", "¥"),
        "CHF" => ("Swiss Franc", "CHF"),
        "INR" => ("Indian Rupee", "₹"),
        "MXN" => ("Mexican Peso", "MX$"),
        _ => ("", ""),
    }
}

/// Sets `currency_name` and `currency_symbol` from `currency`.
pub fn set_currency(doc: &mut Record) {
    let code = text(doc, "currency").unwrap_or("USD").to_string();
    let (name, symbol) = currency_info(&code);
    let name = if name.is_empty() { code.clone() } else { name.to_string() };
    let symbol = if symbol.is_empty() { code.clone() } else { symbol.to_string() };
    doc.insert("currency_name".into(), Value::String(name));
    doc.insert("currency_symbol".into(), Value::String(symbol));
}

/// A document as the API shows it: the stored fields plus the embedded client and organization.
pub fn render<'a>(store: &'a Store, doc: &'a Record) -> View<'a> {
    let client = text(doc, "client_id").and_then(|id| store.clients.get(id)).map(super::clients::render);
    View::of(doc).with("client", Extra::View(client)).with("organization", Extra::Value(json!({"id": store.org_id, "name": "Demo Organization"})))
}

/// 422 unless a field may still be edited.
pub fn ensure_editable(doc: &Record, what: &str) -> Result<(), ApiError> {
    if doc.get("is_editable") == Some(&Value::Bool(false)) {
        return Err(ApiError::field("status", format!("The {what} can no longer be edited in its current status.")));
    }
    Ok(())
}
