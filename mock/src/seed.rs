//! Demo data: a small, realistic organization, plus `extra` clients and invoices for paging.
use serde_json::{Value, json};

use crate::reply::ApiError;
use crate::resources::{seed_create, seed_send};
use crate::store::{Res, Store};

/// Fills an empty store. Everything goes through the same validation as API requests.
pub fn demo(store: &mut Store, extra: usize) -> Result<(), ApiError> {
    let sales_tax = seed_create(store, Res::Taxes, None, json!({"name": "Sales Tax", "percent": 8.5}))?;
    seed_create(store, Res::Taxes, None, json!({"name": "VAT", "percent": 20}))?;
    seed_create(store, Res::Taxes, None, json!({"name": "GST", "percent": 10}))?;
    let hour = seed_create(store, Res::Units, None, json!({"name": "Hour"}))?;
    let month = seed_create(store, Res::Units, None, json!({"name": "Month"}))?;
    seed_create(store, Res::Units, None, json!({"name": "Piece"}))?;
    seed_create(
        store,
        Res::Items,
        None,
        json!({"name": "Consulting Services", "description": "Professional consulting services",
        "price": 150, "unit_of_measurement_id": hour, "tax_id": sales_tax}),
    )?;
    seed_create(
        store,
        Res::Items,
        None,
        json!({"name": "Hosting Services", "description": "Monthly hosting and maintenance",
        "price": 99, "unit_of_measurement_id": month}),
    )?;
    seed_create(store, Res::Items, None, json!({"name": "Website Design", "price": 2500}))?;

    let clients = [
        (
            "Acme Inc",
            "billing@acme.example",
            "BUSINESS",
            "USD",
            "San Francisco",
            "CA",
            "US",
            vec![("Jane Smith", "jane@acme.example", Some("+14155552671")), ("Raj Patel", "raj@acme.example", None)],
        ),
        (
            "Globex Corporation",
            "accounts@globex.example",
            "BUSINESS",
            "USD",
            "Springfield",
            "OR",
            "US",
            vec![("Hank Scorpio", "hank@globex.example", Some("+15035550100"))],
        ),
        ("Initech LLC", "ap@initech.example", "BUSINESS", "USD", "Austin", "TX", "US", vec![("Bill Lumbergh", "bill@initech.example", None)]),
        (
            "Oliver Bennett",
            "oliver@bennett.example",
            "INDIVIDUAL",
            "GBP",
            "London",
            "",
            "GB",
            vec![("Oliver Bennett", "oliver@bennett.example", Some("+442079460000"))],
        ),
        (
            "Umbrella GmbH",
            "finanzen@umbrella.example",
            "BUSINESS",
            "EUR",
            "Berlin",
            "BE",
            "DE",
            vec![("Greta Vogel", "greta@umbrella.example", None)],
        ),
    ];
    let mut ids = Vec::new();
    for (name, email, kind, currency, city, state, country, contacts) in clients {
        let contacts: Vec<Value> = contacts.into_iter().map(|(n, e, p)| json!({"name": n, "email": e, "phone": p})).collect();
        let id = seed_create(
            store,
            Res::Clients,
            None,
            json!({
                "name": name, "email": email, "kind": kind,
                "profile": {"company_name": if kind == "BUSINESS" { Value::from(name) } else { Value::Null },
                            "website": format!("https://{}", email.split('@').nth(1).unwrap_or("example.com"))},
                "address": {"line1": "123 Main St", "city": city, "state": state, "zip": "94107", "country": country},
                "document_defaults": {"currency": currency},
                "contacts": contacts,
            }),
        )?;
        ids.push(id);
    }
    let consulting = json!({"name": "Consulting Services", "description": "Professional consulting services",
        "quantity": 10, "price": 150, "unit_of_measurement_id": hour, "tax_id": sales_tax});
    let hosting = json!({"name": "Hosting Services", "quantity": 1, "price": 99, "unit_of_measurement_id": month});

    let e1 = seed_create(
        store,
        Res::Estimates,
        None,
        json!({"client_id": ids[0], "tax_id": sales_tax,
        "discount_distribution": "PER_DOCUMENT", "discount_type": "PERCENTAGE", "discount_value": 10, "shipping": 15,
        "notes": "Please review and approve at your earliest convenience.", "line_items": [consulting]}),
    )?;
    let e2 = seed_create(
        store,
        Res::Estimates,
        None,
        json!({"client_id": ids[1], "line_items": [
        {"name": "Website Design", "quantity": 1, "price": 2500}, hosting]}),
    )?;
    seed_send(store, Res::Estimates, &e2)?;
    let _ = e1;

    let draft = seed_create(
        store,
        Res::Invoices,
        None,
        json!({"client_id": ids[0], "tax_id": sales_tax, "shipping": 15,
        "notes": "Payment due within 30 days.", "line_items": [consulting]}),
    )?;
    let sent = seed_create(
        store,
        Res::Invoices,
        None,
        json!({"client_id": ids[1], "net_terms": "NET15",
        "line_items": [{"name": "Website Design", "quantity": 1, "price": 2500}]}),
    )?;
    seed_send(store, Res::Invoices, &sent)?;
    let partial = seed_create(
        store,
        Res::Invoices,
        None,
        json!({"client_id": ids[2], "has_late_fee": true,
        "late_fee_kind": "PERCENTAGE", "late_fee_interval": "ONE_TIME", "late_fee": 5,
        "line_items": [{"name": "Support Retainer", "quantity": 3, "price": 400.5}]}),
    )?;
    seed_send(store, Res::Invoices, &partial)?;
    seed_create(
        store,
        Res::Payments,
        None,
        json!({"invoice_id": partial, "amount": 500, "payment_date": "2026-01-15",
        "notes": "Partial payment via check #12345"}),
    )?;
    let paid = seed_create(
        store,
        Res::Invoices,
        None,
        json!({"client_id": ids[4], "line_items": [
        {"name": "Beratung", "quantity": 4, "price": 120}], "tax_id": null}),
    )?;
    seed_send(store, Res::Invoices, &paid)?;
    seed_create(
        store,
        Res::Payments,
        None,
        json!({"invoice_id": paid, "amount": 480, "payment_date": "2026-02-01",
        "notes": "Bank transfer"}),
    )?;
    let _ = draft;

    seed_create(
        store,
        Res::Recurring,
        None,
        json!({"client_id": ids[0], "name": "Monthly Hosting", "frequency": "MONTHLY",
        "start_date": "2026-01-01", "notes": "Monthly hosting services.", "template_items": [hosting]}),
    )?;

    for i in 1..=extra {
        let id = seed_create(
            store,
            Res::Clients,
            None,
            json!({"name": format!("Seed Client {i:04}"),
            "email": format!("seed{i:04}@example.com"),
            "contacts": [{"name": format!("Contact {i:04}"), "email": format!("contact{i:04}@example.com")}]}),
        )?;
        seed_create(
            store,
            Res::Invoices,
            None,
            json!({"client_id": id, "line_items": [
            {"name": "Services", "quantity": 1, "price": format!("{}.{:02}", 100 + i, i % 100).parse::<Value>().unwrap_or(json!(100))}]}),
        )?;
    }
    Ok(())
}
