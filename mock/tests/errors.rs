//! Every error class, with the documented bodies and headers.
mod common;
use blinksale_mock::MockConfig;
use common::Api;
use serde_json::json;
use std::time::Duration;

#[tokio::test]
async fn missing_or_unknown_token_is_401() {
    let api = Api::start();
    for token in ["", "wrong-token"] {
        let r = api.call_as(token, "GET", "/clients", None).await;
        assert_eq!(r.status, 401);
        assert_eq!(r.body, json!({"success": false, "message": "Unauthenticated."}));
    }
}

#[tokio::test]
async fn each_permission_is_enforced_with_403() {
    let api = Api::start();
    let forbidden = json!({"success": false, "message": "You do not have permission to access this resource."});
    let invoice = api.first_id("/invoices").await;
    let send = format!("/invoices/{invoice}/send");
    let create = json!({"name": "X", "email": "x@example.com"});
    // (token, method, path, allowed)
    let cases = [
        ("read-only", "GET", "/clients", true),
        ("read-only", "POST", "/clients", false),
        ("read-only", "POST", send.as_str(), false),
        ("write-only", "GET", "/clients", false),
        ("write-only", "POST", "/clients", true),
        ("write-only", "POST", send.as_str(), false),
        ("send-only", "GET", "/clients", false),
        ("send-only", "POST", "/clients", false),
        ("send-only", "POST", send.as_str(), true),
    ];
    for (token, method, path, allowed) in cases {
        let body = (path == "/clients" && method == "POST").then(|| create.clone());
        let r = api.call_as(token, method, path, body).await;
        if allowed {
            assert!(r.status < 300, "{token} {method} {path}: {}", r.status);
        } else {
            assert_eq!((r.status, &r.body), (403, &forbidden), "{token} {method} {path}");
        }
    }
}

#[tokio::test]
async fn unknown_ids_and_paths_are_404() {
    let api = Api::start();
    let not_found = json!({"success": false, "message": "Resource not found."});
    for path in ["/clients/01jtbf0c9zaraqx3swthf88n5y", "/units/nope", "/nothing", "/clients/x/contacts", "/invoices/x/payments/y"] {
        let r = api.call("GET", path, None).await;
        assert_eq!((r.status, &r.body), (404, &not_found), "{path}");
    }
    let r = api.call("PUT", "/payments/missing", Some(json!({"amount": 1}))).await;
    assert_eq!(r.status, 404);
}

#[tokio::test]
async fn wrong_method_is_405_with_allow() {
    let api = Api::start();
    let r = api.call("PATCH", "/clients", None).await;
    assert_eq!(r.status, 405);
    assert_eq!(r.header("allow"), Some("GET, POST"));
    let r = api.call("GET", "/invoices/x/send", None).await;
    assert_eq!((r.status, r.header("allow")), (405, Some("POST")));
}

#[tokio::test]
async fn validation_errors_are_422_per_field() {
    let api = Api::start();
    // The docs' own 422 example.
    let r = api.call("POST", "/clients", Some(json!({"email": "not-an-email"}))).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.body["message"], "Validation error");
    assert_eq!(r.body["errors"]["name"], json!(["The name field is required."]));
    assert_eq!(r.body["errors"]["email"], json!(["The email must be a valid email address."]));

    let invoice = api.first_id("/invoices").await;
    for amount in [json!(0), json!(-5), json!("ten")] {
        let r = api.call("POST", &format!("/invoices/{invoice}/payments"), Some(json!({"amount": amount}))).await;
        assert_eq!(r.status, 422, "amount {amount}");
        assert!(r.body["errors"]["amount"].is_array());
    }
    // References to ids that do not exist.
    let r = api.call("POST", "/payments", Some(json!({"invoice_id": "missing", "amount": 5}))).await;
    assert_eq!(r.body["errors"]["invoice_id"], json!(["The selected invoice_id is invalid."]));
    let r = api
        .call(
            "POST",
            "/estimates",
            Some(json!({"client_id": "missing", "line_items": [
        {"name": "A", "quantity": 1, "price": 1, "tax_id": "nope"}]})),
        )
        .await;
    assert_eq!(r.status, 422);
    assert!(r.body["errors"]["client_id"].is_array());
    assert!(r.body["errors"]["line_items.0.tax_id"].is_array());
    // An estimate needs at least one line item; each line needs name, quantity and price.
    let client = api.first_id("/clients").await;
    let r = api.call("POST", "/estimates", Some(json!({"client_id": client, "line_items": [{"price": 1}]}))).await;
    assert!(r.body["errors"]["line_items.0.name"].is_array());
    assert!(r.body["errors"]["line_items.0.quantity"].is_array());
    let r = api.call("POST", "/estimates", Some(json!({"client_id": client, "line_items": []}))).await;
    assert!(r.body["errors"]["line_items"].is_array());
    // A body that is not an object.
    let r = api.call("POST", "/units", Some(json!(["Hour"]))).await;
    assert_eq!(r.status, 422);
    // The documented PUT pages require their fields.
    let unit = api.first_id("/units").await;
    let r = api.call("PUT", &format!("/units/{unit}"), Some(json!({}))).await;
    assert_eq!(r.body["errors"]["name"], json!(["The name field is required."]));
}

#[tokio::test]
async fn invalid_json_is_400_and_large_bodies_413() {
    let api = Api::start();
    let r = api.raw("POST", "/clients", "demo-token", b"{\"name\": ".to_vec()).await;
    assert_eq!(r.status, 400);
    assert_eq!(r.body["success"], false);
    let big = format!("{{\"name\": \"{}\"}}", "x".repeat(1024 * 1024 + 10));
    let r = api.raw("POST", "/clients", "demo-token", big.into_bytes()).await;
    assert_eq!(r.status, 413);
    assert_eq!(r.body["success"], false);
}

#[tokio::test]
async fn rate_limit_is_429_with_headers_and_resets() {
    let api = Api::with(MockConfig { rate_limit: 3, window: Duration::from_secs(1), ..Default::default() });
    let mut remaining = Vec::new();
    for _ in 0..3 {
        let r = api.call("GET", "/units", None).await;
        assert_eq!(r.status, 200);
        assert_eq!(r.header("x-ratelimit-limit"), Some("3"));
        remaining.push(r.header("x-ratelimit-remaining").unwrap().to_string());
    }
    assert_eq!(remaining, ["2", "1", "0"]);
    let r = api.call("GET", "/units", None).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.body["success"], false);
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));
    assert_eq!(r.header("retry-after"), Some("1"));
    assert_eq!(r.header("x-ratelimit-reset"), Some("1"));
    // Each token has its own window.
    assert_eq!(api.call_as("read-only", "GET", "/units", None).await.status, 200);
    tokio::time::sleep(Duration::from_millis(1100)).await;
    assert_eq!(api.call("GET", "/units", None).await.status, 200);
}

#[tokio::test]
async fn rate_limit_zero_turns_it_off() {
    let api = Api::with(MockConfig { rate_limit: 0, ..Default::default() });
    for _ in 0..200 {
        let r = api.call("GET", "/units", None).await;
        assert_eq!(r.status, 200);
        assert!(r.header("x-ratelimit-limit").is_none());
    }
}

#[tokio::test]
async fn log_records_requests_but_never_the_token() {
    let api = Api::start();
    api.call("POST", "/units", Some(json!({"name": "Crate"}))).await;
    api.call_as("bogus-secret-token", "GET", "/units?page=2", None).await;
    let log = api.mock.requests();
    assert_eq!(log.len(), 2);
    assert_eq!((log[0].method.as_str(), log[0].path.as_str()), ("POST", "/api/v1/units"));
    assert_eq!(log[0].body, Some(json!({"name": "Crate"})));
    assert!(log[0].authorized);
    assert_eq!(log[0].status, Some(201));
    assert_eq!((log[1].query.as_deref(), log[1].authorized), (Some("page=2"), false));
    let dump = format!("{log:?}{}", serde_json::to_string(&log).unwrap());
    assert!(!dump.contains("demo-token") && !dump.contains("bogus-secret-token"));
}

#[tokio::test]
async fn writes_need_a_body() {
    let api = Api::start();
    let unit = api.first_id("/units").await;
    let r = api.raw("PUT", &format!("/units/{unit}"), "demo-token", Vec::new()).await;
    assert_eq!(r.status, 422);
    assert_eq!(r.body["errors"]["body"], json!(["A JSON request body is required."]));
    // Actions without a body do not need one.
    let estimate = api.first_id("/estimates").await;
    assert_eq!(api.raw("POST", &format!("/estimates/{estimate}/send"), "demo-token", Vec::new()).await.status, 200);
}
