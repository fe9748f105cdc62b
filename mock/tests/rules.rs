//! Business rules: exact money, totals, concurrent writers.
mod common;
use blinksale_mock::MockConfig;
use common::Api;
use serde_json::{Value, json};
use std::collections::HashSet;
use std::sync::Arc;

#[tokio::test]
async fn money_is_exact_decimal() {
    let api = Api::start();
    let client = api.first_id("/clients").await;
    let r = api
        .call(
            "POST",
            "/invoices",
            Some(json!({"client_id": client, "line_items": [
        {"name": "A", "quantity": 1, "price": 0.1}, {"name": "B", "quantity": 1, "price": 0.2},
        {"name": "C", "quantity": 3, "price": 12345678901.23}]})),
        )
        .await;
    assert!(r.text.contains("\"total\":37037036703.99"), "{}", r.text);
    let id = r.id();
    let r = api.call("POST", &format!("/invoices/{id}/payments"), Some(json!({"amount": 0.1}))).await;
    assert!(r.text.contains("\"total_paid\":0.1,") && r.text.contains("\"total_due\":37037036703.89"), "{}", r.text);
}

#[tokio::test]
async fn totals_follow_the_documented_order() {
    // mock/README.md: line discounts, document discount, tax, shipping; each rounded to cents.
    let api = Api::start();
    let client = api.first_id("/clients").await;
    let tax = api.first_id("/taxes").await; // Sales Tax 8.5
    let r = api
        .call(
            "POST",
            "/estimates",
            Some(json!({"client_id": client, "tax_id": tax, "shipping": 15,
        "discount_distribution": "PER_DOCUMENT", "discount_type": "PERCENTAGE", "discount_value": 10,
        "line_items": [{"name": "Consulting Services", "quantity": 10, "price": 150}]})),
        )
        .await;
    assert_eq!(r.data()["total"], json!(1479.75)); // (1500 − 150) × 1.085 + 15
    let r = api
        .call(
            "POST",
            "/invoices",
            Some(json!({"client_id": client, "tax_distribution": "PER_ITEM",
        "discount_distribution": "PER_ITEM", "line_items": [
            {"name": "A", "quantity": 2, "price": 50, "discount_type": "FIXED", "discount_value": 10, "tax_percent": 20},
            {"name": "B", "quantity": 1, "price": 33.33, "discount_type": "PERCENTAGE", "discount_value": 50, "tax_percent": 0}]})),
        )
        .await;
    // A: 100 − 10 = 90, tax 18. B: 33.33 − 16.67 = 16.66. Total 124.66.
    assert_eq!(r.data()["items"][0]["total"], json!(90));
    assert_eq!(r.data()["items"][1]["total"], json!(16.66));
    assert_eq!(r.data()["total"], json!(124.66));
}

#[tokio::test]
async fn seeded_demo_data_is_realistic() {
    let api = Api::with(MockConfig { seed: 3, ..Default::default() });
    let count = |v: &Value| v["meta"]["total"].as_u64().unwrap();
    assert_eq!(count(&api.call("GET", "/clients", None).await.body), 8);
    assert_eq!(count(&api.call("GET", "/invoices", None).await.body), 7);
    let statuses: HashSet<String> =
        api.call("GET", "/invoices", None).await.data().as_array().unwrap().iter().map(|i| i["status"].as_str().unwrap().to_string()).collect();
    for s in ["DRAFT", "SENT", "PARTIAL", "PAID"] {
        assert!(statuses.contains(s), "no {s} invoice");
    }
    for path in ["/taxes", "/units", "/items", "/estimates", "/payments", "/recurring-invoices"] {
        assert!(count(&api.call("GET", path, None).await.body) >= 1, "{path} is empty");
    }
}

#[tokio::test]
async fn concurrent_writers_get_unique_ids_and_numbers() {
    let api = Arc::new(Api::with(MockConfig { rate_limit: 0, ..Default::default() }));
    let client = api.first_id("/clients").await;
    let before = api.call("GET", "/invoices", None).await.body["meta"]["total"].as_u64().unwrap();
    let mut tasks = Vec::new();
    for t in 0..8 {
        let api = api.clone();
        let client = client.clone();
        tasks.push(tokio::spawn(async move {
            let mut out = Vec::new();
            for i in 0..25 {
                let r = api
                    .call(
                        "POST",
                        "/invoices",
                        Some(json!({"client_id": client,
                    "line_items": [{"name": format!("t{t} i{i}"), "quantity": 1, "price": 1}]})),
                    )
                    .await;
                assert_eq!(r.status, 201);
                out.push((r.id(), r.data()["invoice_number"].as_str().unwrap().to_string()));
            }
            out
        }));
    }
    let mut ids = HashSet::new();
    let mut numbers = HashSet::new();
    for t in tasks {
        for (id, number) in t.await.unwrap() {
            assert!(ids.insert(id));
            assert!(numbers.insert(number));
        }
    }
    assert_eq!(ids.len(), 200);
    let after = api.call("GET", "/invoices", None).await.body["meta"]["total"].as_u64().unwrap();
    assert_eq!(after, before + 200);
}

#[tokio::test]
async fn hostile_inputs_never_break_the_server() {
    let api = Api::start();
    let bodies: Vec<Vec<u8>> = vec![
        b"null".to_vec(),
        b"[]".to_vec(),
        b"\"x\"".to_vec(),
        b"1e999999".to_vec(),
        vec![0xff, 0xfe, 0x00],
        br#"{"name": {"deep": [1,2,{"x": null}]}, "email": 7}"#.to_vec(),
        br#"{"line_items": [null, 1, "x", {"quantity": 1e400, "price": -0}]}"#.to_vec(),
        br#"{"amount": 1e30}"#.to_vec(),
        br#"{"amount": 123456789012345678901234567890.5}"#.to_vec(),
    ];
    let invoice = api.first_id("/invoices").await;
    let paths = ["/clients", "/estimates", "/invoices", "/payments", "/recurring-invoices", "/items"];
    for body in &bodies {
        for path in paths {
            let r = api.raw("POST", path, "demo-token", body.clone()).await;
            assert!(matches!(r.status, 400 | 422), "{path} {:?}: {}", String::from_utf8_lossy(body), r.status);
        }
        let r = api.raw("POST", &format!("/invoices/{invoice}/payments"), "demo-token", body.clone()).await;
        assert!(matches!(r.status, 400 | 422), "{}", r.status);
    }
    for path in ["/clients/%00", "/clients/..%2f..", "/clients?page=99999999999999999999999", "/units?per_page=1e2"] {
        let r = api.call("GET", path, None).await;
        assert!(matches!(r.status, 404 | 422 | 200), "{path}: {}", r.status);
    }
    assert_eq!(api.call("GET", "/clients", None).await.status, 200);
}
