//! Every operation of the spec, through its typed method, against the mock. The last check
//! maps the mock's request log back to the operation table: every operation must have run.
mod common;
use std::collections::BTreeSet;

use blinksale::ops::{self, OPERATIONS};
use blinksale::resources::*;
use blinksale::{Decimal, ListParams};
use common::{Env, dec};
use futures_util::TryStreamExt;

/// Which operation a logged request was, by method and path shape.
fn operation_of(method: &str, path: &str) -> Option<&'static str> {
    let path = path.strip_prefix("/api/v1")?;
    let segs: Vec<&str> = path.split('/').filter(|s| !s.is_empty()).collect();
    OPERATIONS.iter().find_map(|op| {
        let tpl: Vec<&str> = op.path.split('/').filter(|s| !s.is_empty()).collect();
        let same = op.method.as_str() == method && tpl.len() == segs.len() && tpl.iter().zip(&segs).all(|(t, s)| t.starts_with('{') || t == s);
        same.then_some(op.id)
    })
}

#[tokio::test]
async fn every_operation_has_a_working_method() {
    let env = Env::start();
    let api = env.client();

    // Clients.
    let page = api.clients().list(&ListParams::new()).await.unwrap();
    assert!(page.data.len() >= 5);
    let first = api.clients().get(&page.data[0].id).await.unwrap();
    assert_eq!(first, page.data[0]);
    let acme = api
        .clients()
        .create(&ClientInput {
            name: "Wayne Enterprises".into(),
            email: "ap@wayne.example".into(),
            kind: Some(ClientKind::Business),
            address: Some(Address { city: Some("Gotham".into()), ..Default::default() }),
            contacts: Some(vec![ContactInput { name: "Lucius Fox".into(), email: "lucius@wayne.example".into(), ..Default::default() }]),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(acme.address.as_ref().unwrap().city.as_deref(), Some("Gotham"));
    let acme = api.clients().update(&acme.id, &ClientUpdate { name: Some("Wayne Enterprises Inc".into()), ..Default::default() }).await.unwrap();
    assert_eq!((acme.name.as_str(), acme.email.as_str()), ("Wayne Enterprises Inc", "ap@wayne.example"));

    // Contacts.
    let contacts = api.contacts(&acme.id);
    let lucius = contacts.list(&ListParams::new()).await.unwrap().data.remove(0);
    let alfred = contacts
        .create(&ContactInput {
            name: "Alfred".into(),
            email: "alfred@wayne.example".into(),
            phone: Some("+15555550100".into()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(contacts.get(&alfred.id).await.unwrap().phone.as_deref(), Some("+15555550100"));
    let alfred = contacts
        .update(&alfred.id, &ContactInput { name: "Alfred Pennyworth".into(), email: "alfred@wayne.example".into(), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(alfred.name, "Alfred Pennyworth");
    contacts.delete(&alfred.id).await.unwrap();
    assert_eq!(contacts.list(&ListParams::new()).await.unwrap().data, vec![lucius]);

    // Taxes, units, saved items.
    let tax = api.taxes().create(&TaxInput { name: "City Tax".into(), percent: dec("2.25"), ..Default::default() }).await.unwrap();
    assert_eq!(api.taxes().get(&tax.id).await.unwrap().percent, dec("2.25"));
    let tax = api.taxes().update(&tax.id, &TaxUpdate { percent: Some(dec("2.5")), ..Default::default() }).await.unwrap();
    assert_eq!(tax.percent, dec("2.5"));
    assert!(api.taxes().list(&ListParams::new()).await.unwrap().data.iter().any(|t| t.id == tax.id));
    let unit = api.units().create(&UnitInput { name: "Week".into(), ..Default::default() }).await.unwrap();
    assert_eq!(api.units().update(&unit.id, &UnitInput { name: "Weeks".into(), ..Default::default() }).await.unwrap().name, "Weeks");
    assert_eq!(api.units().get(&unit.id).await.unwrap().name, "Weeks");
    assert!(!api.units().list(&ListParams::new()).await.unwrap().data.is_empty());
    let item = api
        .items()
        .create(&ItemInput {
            name: "Audit".into(),
            price: dec("999.99"),
            tax_id: Some(tax.id.clone()),
            unit_of_measurement_id: Some(unit.id.clone()),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!((item.tax_name.as_deref(), item.unit_name.as_deref()), (Some("City Tax"), Some("Weeks")));
    assert_eq!(api.items().update(&item.id, &ItemUpdate { price: Some(dec("1000")), ..Default::default() }).await.unwrap().price, dec("1000"));
    assert_eq!(api.items().get(&item.id).await.unwrap().name, "Audit");
    assert!(api.items().list(&ListParams::new()).await.unwrap().data.len() >= 4);
    api.items().delete(&item.id).await.unwrap();
    api.units().delete(&unit.id).await.unwrap();
    api.taxes().delete(&tax.id).await.unwrap();

    // Estimates: create, update, send, convert, delete.
    let line = LineItemInput::new("Consulting Services", dec("10"), dec("150"));
    let est =
        api.estimates().create(&EstimateInput { client_id: acme.id.clone(), line_items: vec![line.clone()], ..Default::default() }).await.unwrap();
    assert_eq!((est.status.clone(), est.total), (EstimateStatus::Draft, dec("1500")));
    let est = api.estimates().update(&est.id, &EstimateUpdate { shipping: Some(dec("20")), ..Default::default() }).await.unwrap();
    assert_eq!(est.total, dec("1520"));
    assert_eq!(api.estimates().get(&est.id).await.unwrap().items.len(), 1);
    assert!(api.estimates().list(&ListParams::new().filter("client_id", &acme.id)).await.unwrap().data.iter().all(|e| e.client_id == acme.id));
    assert_eq!(api.estimates().send(&est.id).await.unwrap().status, EstimateStatus::Sent);
    let converted = api.estimates().convert(&est.id).await.unwrap();
    assert_eq!(converted.converted_from.as_deref(), Some(est.id.as_str()));
    api.estimates().delete(&est.id).await.unwrap();

    // Invoices: create, update, send, apply payment, delete.
    let inv = api
        .invoices()
        .create(&InvoiceInput { client_id: acme.id.clone(), line_items: vec![line], net_terms: Some(NetTerms::Net15), ..Default::default() })
        .await
        .unwrap();
    assert_eq!(inv.due_at - inv.issued_at, chrono::Duration::days(15));
    let inv = api.invoices().update(&inv.id, &InvoiceUpdate { notes: Some("Thanks!".into()), ..Default::default() }).await.unwrap();
    assert_eq!(api.invoices().get(&inv.id).await.unwrap().notes.as_deref(), Some("Thanks!"));
    assert_eq!(api.invoices().send(&inv.id).await.unwrap().status, InvoiceStatus::Sent);
    let applied = api.invoices().apply_payment(&inv.id, &ApplyPaymentInput::new(dec("500"))).await.unwrap();
    assert_eq!((applied.payment.amount, applied.invoice.total_paid, applied.invoice.total_due), (dec("500"), dec("500"), dec("1000")));
    assert_eq!(applied.invoice.status, InvoiceStatus::Partial);
    let all: Vec<Invoice> = api.invoices().list_all(&ListParams::new()).try_collect().await.unwrap();
    assert!(all.iter().any(|i| i.id == converted.id));

    // Payments.
    let pay = api
        .payments()
        .create(&PaymentInput { invoice_id: inv.id.clone(), amount: dec("250"), is_settled: Some(false), ..Default::default() })
        .await
        .unwrap();
    assert!(!pay.is_settled);
    assert_eq!(api.payments().get(&pay.id).await.unwrap().amount, dec("250"));
    let pay = api.payments().update(&pay.id, &PaymentUpdate { amount: dec("1000"), is_settled: Some(true), ..Default::default() }).await.unwrap();
    assert_eq!(pay.amount, dec("1000"));
    assert_eq!(api.invoices().get(&inv.id).await.unwrap().status, InvoiceStatus::Paid);
    let listed = api.payments().list(&ListParams::new().filter("invoice_id", &inv.id)).await.unwrap();
    assert_eq!(listed.data.len(), 2);
    api.payments().delete(&pay.id).await.unwrap();
    assert_eq!(api.invoices().get(&inv.id).await.unwrap().total_due, dec("1000"));
    api.invoices().delete(&converted.id).await.unwrap();

    // Recurring invoices.
    let rec = api
        .recurring_invoices()
        .create(&RecurringInvoiceInput {
            client_id: acme.id.clone(),
            name: Some("Retainer".into()),
            frequency: Frequency::Monthly,
            start_date: chrono::NaiveDate::from_ymd_opt(2026, 6, 1).unwrap(),
            template_items: Some(vec![LineItemInput::new("Hosting", Decimal::ONE, dec("99"))]),
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(rec.template.items[0].name, "Hosting");
    let rec = api.recurring_invoices().update(&rec.id, &RecurringInvoiceUpdate { max_occurrences: Some(12), ..Default::default() }).await.unwrap();
    assert_eq!(rec.max_occurrences, Some(12));
    assert_eq!(api.recurring_invoices().update_status(&rec.id, RecurringStatus::Paused).await.unwrap().status, RecurringStatus::Paused);
    assert_eq!(api.recurring_invoices().get(&rec.id).await.unwrap().status, RecurringStatus::Paused);
    assert!(api.recurring_invoices().list(&ListParams::new()).await.unwrap().data.len() >= 2);
    api.recurring_invoices().delete(&rec.id).await.unwrap();

    // The rest of the deletes, in an order the rules allow.
    api.invoices().delete(&inv.id).await.unwrap();
    api.clients().delete(&acme.id).await.unwrap();

    let ran: BTreeSet<&str> = env.mock.requests().iter().filter_map(|r| operation_of(&r.method, &r.path)).collect();
    let missing: Vec<&str> = OPERATIONS.iter().map(|o| o.id).filter(|id| !ran.contains(id)).collect();
    assert!(missing.is_empty(), "operations never called: {missing:?}");
    assert!(env.mock.requests().iter().all(|r| r.status.is_some_and(|s| s < 300)), "every call succeeded");
    assert_eq!(ops::OPERATIONS.len(), 50);
}

#[tokio::test]
async fn raw_request_returns_the_decoded_envelope() {
    let env = Env::start();
    let api = env.client();
    let r = api.request(blinksale::Method::Get, "/clients", &[("per_page".into(), "2".into())], None, &Default::default()).await.unwrap();
    assert_eq!(r.status, 200);
    assert_eq!(r.message.as_deref(), Some("Resources retrieved successfully"));
    assert_eq!(r.data.data.as_array().unwrap().len(), 2);
    assert_eq!(r.data.meta.as_ref().unwrap().per_page, Some(2));
    assert!(r.data.links.as_ref().unwrap().next.is_some());
    assert!(r.request_id.is_some());
    let unit = api.request(blinksale::Method::Post, "units", &[], Some(serde_json::json!({"name": "Crate"})), &Default::default()).await.unwrap();
    assert_eq!((unit.status, unit.data.data["name"].as_str()), (201, Some("Crate")));
    for bad in ["https://evil.example/api", "//evil.example/x", "/clients/../../x"] {
        let e = api.request(blinksale::Method::Get, bad, &[], None, &Default::default()).await.unwrap_err();
        assert_eq!(e.code(), "invalid_request", "{bad}");
    }
}

#[tokio::test]
async fn with_response_gives_status_headers_request_id_and_rate_limit() {
    let env = Env::with(blinksale_mock::MockConfig::default());
    let api = env.client();
    let r = api.units().with_response().list(&ListParams::new()).await.unwrap();
    assert_eq!(r.status, 200);
    assert!(r.request_id.as_deref().unwrap().starts_with("req_"));
    assert_eq!(r.headers.get("content-type").unwrap(), "application/json");
    let rl = r.rate_limit.unwrap();
    assert_eq!((rl.limit, rl.remaining), (Some(120), Some(119)));
    assert_eq!(api.rate_limit(), Some(rl), "the client keeps the last state");
    let created = api.units().with_response().create(&UnitInput { name: "Box".into(), ..Default::default() }).await.unwrap();
    assert_eq!((created.status, created.message.as_deref()), (201, Some("Unit created successfully")));
    assert_eq!(created.data.name, "Box");
}

#[tokio::test]
async fn unknown_fields_are_kept_and_round_trip() {
    let text = r#"{"id": "u1", "name": "Hour", "created_at": "2023-11-07T05:31:56Z", "updated_at": "2023-11-07T05:31:56Z",
        "usage_count": 3, "color": "blue", "nested": {"x": 1.10}}"#;
    let json: serde_json::Value = serde_json::from_str(text).unwrap();
    let unit: Unit = serde_json::from_str(text).unwrap();
    assert_eq!(unit.extra["color"], "blue");
    assert_eq!(unit.extra["nested"]["x"].to_string(), "1.10", "numbers keep their text");
    assert_eq!(serde_json::to_value(&unit).unwrap()["color"], "blue");
    let mut back = serde_json::to_value(&unit).unwrap();
    back.as_object_mut().unwrap().remove("organization_id");
    assert_eq!(back, json);
}

#[tokio::test]
async fn enums_keep_unknown_values() {
    let status: InvoiceStatus = serde_json::from_str("\"WRITTEN_OFF\"").unwrap();
    assert_eq!(status, InvoiceStatus::Other("WRITTEN_OFF".into()));
    assert_eq!(serde_json::to_string(&status).unwrap(), "\"WRITTEN_OFF\"");
    assert_eq!(InvoiceStatus::from("PAID"), InvoiceStatus::Paid);
}

#[tokio::test]
async fn line_items_accept_both_names() {
    // Responses call them `items`; a body with `line_items` decodes the same.
    let env = Env::start();
    let api = env.client();
    let inv = api.invoices().list(&ListParams::new()).await.unwrap().data.remove(0);
    let mut v = serde_json::to_value(&inv).unwrap();
    let items = v.as_object_mut().unwrap().remove("items").unwrap();
    v["line_items"] = items;
    let again: Invoice = serde_json::from_value(v).unwrap();
    assert_eq!(again.items, inv.items);
}

/// The request bodies' former names still build the same bodies, through the same methods.
#[tokio::test]
#[allow(deprecated)]
async fn former_body_names_are_aliases() {
    let env = Env::start();
    let api = env.client();
    let old = NewClient { name: "Old Name Co".into(), email: "old@name.example".into(), ..Default::default() };
    let new = ClientInput { name: "Old Name Co".into(), email: "old@name.example".into(), ..Default::default() };
    assert_eq!(serde_json::to_value(&old).unwrap(), serde_json::to_value(&new).unwrap());
    assert_eq!(api.clients().create(&old).await.unwrap().name, "Old Name Co");
    let invoices = api.invoices().list(&ListParams::new().per_page(100)).await.unwrap().data;
    let invoice = invoices.iter().find(|i| i.total_due > dec("1")).unwrap();
    let applied = api.invoices().apply_payment(&invoice.id, &ApplyPayment::new(dec("1"))).await.unwrap();
    assert_eq!(applied.payment.amount, dec("1"));
    assert_eq!(RENAMED.len(), 8);
}
