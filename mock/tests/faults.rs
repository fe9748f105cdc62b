//! Each fault kind, from the library API and from the admin HTTP surface.
mod common;
use blinksale_mock::Fault;
use common::Api;
use serde_json::json;
use std::time::{Duration, Instant};

async fn count(api: &Api, path: &str) -> u64 {
    api.call("GET", path, None).await.body["meta"]["total"].as_u64().unwrap()
}

#[tokio::test]
async fn status_faults_with_json_and_html_bodies() {
    let api = Api::start();
    api.mock.inject(Fault::status(503).on("/clients").times(2));
    for _ in 0..2 {
        let r = api.call("GET", "/clients", None).await;
        assert_eq!(r.status, 503);
        assert_eq!(r.body, json!({"success": false, "message": "Service Unavailable"}));
    }
    assert_eq!(api.call("GET", "/clients", None).await.status, 200, "the fault is used up");

    api.mock.inject(Fault::status(502).html().on("/units"));
    let r = api.call("GET", "/units", None).await;
    assert_eq!((r.status, r.header("content-type")), (502, Some("text/html")));
    assert!(r.text.contains("<h1>502 Bad Gateway</h1>"));
}

#[tokio::test]
async fn faults_match_path_prefix_and_method() {
    let api = Api::start();
    api.mock.inject(Fault::status(500).on("/units*").method("POST"));
    assert_eq!(api.call("GET", "/units", None).await.status, 200, "other methods pass");
    assert_eq!(api.call("POST", "/taxes", Some(json!({"name": "T", "percent": 1}))).await.status, 201, "other paths pass");
    assert_eq!(api.call("POST", "/units", Some(json!({"name": "Box"}))).await.status, 500);
}

#[tokio::test]
async fn a_status_fault_before_the_handler_changes_nothing_and_after_it_the_write_happened() {
    let api = Api::start();
    let before = count(&api, "/units").await;
    api.mock.inject(Fault::status(500).on("/units").method("POST"));
    assert_eq!(api.call("POST", "/units", Some(json!({"name": "Box"}))).await.status, 500);
    assert_eq!(count(&api, "/units").await, before);
    api.mock.inject(Fault::status(500).after_handler().on("/units").method("POST"));
    assert_eq!(api.call("POST", "/units", Some(json!({"name": "Box"}))).await.status, 500);
    assert_eq!(count(&api, "/units").await, before + 1);
}

#[tokio::test]
async fn rate_limit_fault_sets_retry_after_and_reset() {
    let api = Api::start();
    api.mock.inject(Fault::rate_limited(7));
    let r = api.call("GET", "/clients", None).await;
    assert_eq!(r.status, 429);
    assert_eq!(r.body["success"], false);
    assert_eq!((r.header("retry-after"), r.header("x-ratelimit-reset")), (Some("7"), Some("7")));
    assert_eq!(r.header("x-ratelimit-remaining"), Some("0"));
}

#[tokio::test]
async fn delay_fault_waits_then_serves() {
    let api = Api::start();
    api.mock.inject(Fault::delay(Duration::from_millis(300)).on("/taxes"));
    let t = Instant::now();
    let r = api.call("GET", "/taxes", None).await;
    assert_eq!(r.status, 200);
    assert!(t.elapsed() >= Duration::from_millis(300));
}

#[tokio::test]
async fn drop_fault_closes_the_connection_without_acting() {
    let api = Api::start();
    let before = count(&api, "/units").await;
    api.mock.clear_requests();
    api.mock.inject(Fault::drop_connection().on("/units").method("POST"));
    let fresh = common::http_client();
    let err = fresh
        .post(format!("{}/units", api.mock.url()))
        .bearer_auth("demo-token")
        .json(&json!({"name": "Box"}))
        .send()
        .await
        .expect_err("no response");
    assert!(!err.is_connect(), "the request was written before the drop: {err:?}");
    let log = api.mock.requests();
    assert_eq!(log.len(), 1);
    assert_eq!((log[0].status, log[0].fault.as_deref()), (None, Some("drop")));
    assert_eq!(count(&api, "/units").await, before, "a dropped request is not processed");
}

#[tokio::test]
async fn truncate_fault_cuts_the_body_after_acting() {
    let api = Api::start();
    let before = count(&api, "/units").await;
    api.mock.inject(Fault::truncate().on("/units").method("POST"));
    let r = api.call("POST", "/units", Some(json!({"name": "Box"}))).await;
    assert_eq!(r.status, 201);
    assert!(serde_json::from_str::<serde_json::Value>(&r.text).is_err(), "body must be cut: {}", r.text);
    assert!(r.text.starts_with("{\"success\":true"));
    assert_eq!(count(&api, "/units").await, before + 1);
}

#[tokio::test]
async fn admin_http_surface_queues_faults_and_reads_the_log() {
    let api = Api::start();
    let admin = api.mock.url().replace("/api/v1", "/__admin");
    let r = api
        .http
        .post(format!("{admin}/faults"))
        .json(&json!([{"path": "/clients", "kind": "status", "status": 502, "body": "html"},
                      {"path": "/clients", "kind": "rate_limit", "reset": 3},
                      {"path": "/clients", "kind": "delay", "ms": 10},
                      {"path": "/clients", "kind": "truncate"},
                      {"path": "/clients", "kind": "drop", "times": 0}]))
        .send()
        .await
        .unwrap();
    assert_eq!(r.status(), 200);
    let pending: serde_json::Value = api.http.get(format!("{admin}/faults")).send().await.unwrap().json().await.unwrap();
    assert_eq!(pending["faults"].as_array().unwrap().len(), 4, "times 0 queues nothing");
    assert_eq!(api.call("GET", "/clients", None).await.status, 502);
    assert_eq!(api.call("GET", "/clients", None).await.status, 429);
    assert_eq!(api.call("GET", "/clients", None).await.status, 200);
    assert!(serde_json::from_str::<serde_json::Value>(&api.call("GET", "/clients", None).await.text).is_err());
    let bad = api.http.post(format!("{admin}/faults")).json(&json!({"kind": "explode"})).send().await.unwrap();
    assert_eq!(bad.status(), 400);

    let log: serde_json::Value = api.http.get(format!("{admin}/requests")).send().await.unwrap().json().await.unwrap();
    let entries = log["requests"].as_array().unwrap();
    assert_eq!(entries.len(), 4, "admin calls are not logged");
    assert_eq!(entries[0]["fault"], "status");
    assert_eq!(entries[2]["fault"], "delay");
    assert!(!log.to_string().contains("demo-token"));
    api.http.delete(format!("{admin}/requests")).send().await.unwrap();
    assert!(api.mock.requests().is_empty());
}
