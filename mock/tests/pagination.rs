//! `page`/`per_page` at the edges, and both link shapes.
mod common;
use blinksale_mock::MockConfig;
use common::Api;
use serde_json::Value;

fn seeded(n: usize) -> Api {
    Api::with(MockConfig { seed: n, rate_limit: 0, ..Default::default() })
}

#[tokio::test]
async fn default_page_is_15_and_meta_is_consistent() {
    let api = seeded(30); // 5 demo clients + 30
    let r = api.call("GET", "/clients", None).await;
    let m = &r.body["meta"];
    assert_eq!((m["current_page"].as_u64(), m["per_page"].as_u64(), m["total"].as_u64()), (Some(1), Some(15), Some(35)));
    assert_eq!((m["from"].as_u64(), m["to"].as_u64(), m["last_page"].as_u64()), (Some(1), Some(15), Some(3)));
    assert_eq!(r.data().as_array().unwrap().len(), 15);
    assert_eq!(r.body["links"]["prev"], Value::Null);
    assert!(r.body["links"]["next"].as_str().unwrap().ends_with("/api/v1/clients?page=2"));
    assert!(m["path"].as_str().unwrap().ends_with("/api/v1/clients"));
    let labels: Vec<&str> = m["links"].as_array().unwrap().iter().map(|l| l["label"].as_str().unwrap()).collect();
    assert_eq!(labels, ["&laquo; Previous", "1", "2", "3", "Next &raquo;"]);
    assert_eq!(m["links"][1]["active"], true);
}

#[tokio::test]
async fn following_next_visits_every_item_once() {
    let api = seeded(40);
    let mut url = format!("{}/invoices?per_page=7&status=DRAFT", api.mock.url());
    let mut ids = std::collections::HashSet::new();
    let mut pages = 0;
    loop {
        let r: Value = api.http.get(&url).bearer_auth("demo-token").send().await.unwrap().json().await.unwrap();
        pages += 1;
        for inv in r["data"].as_array().unwrap() {
            assert_eq!(inv["status"], "DRAFT", "filters survive in the links");
            assert!(ids.insert(inv["id"].as_str().unwrap().to_string()));
        }
        match r["links"]["next"].as_str() {
            Some(next) => url = next.to_string(),
            None => break,
        }
    }
    let total = api.call("GET", "/invoices?status=DRAFT", None).await.body["meta"]["total"].as_u64().unwrap();
    assert_eq!(ids.len() as u64, total);
    assert_eq!(pages, total.div_ceil(7));
}

#[tokio::test]
async fn edges_last_page_beyond_and_limits() {
    let api = seeded(95); // 100 clients
    let r = api.call("GET", "/clients?per_page=100", None).await;
    assert_eq!(r.data().as_array().unwrap().len(), 100);
    assert_eq!(r.body["meta"]["last_page"], 1);
    assert_eq!(r.body["links"]["next"], Value::Null);

    let r = api.call("GET", "/clients?per_page=30&page=4", None).await;
    assert_eq!(r.data().as_array().unwrap().len(), 10);
    assert_eq!((r.body["meta"]["from"].as_u64(), r.body["meta"]["to"].as_u64()), (Some(91), Some(100)));

    let r = api.call("GET", "/clients?page=99999999999999999999999999", None).await;
    assert_eq!((r.status, r.data().as_array().map(Vec::len)), (200, Some(0)), "a huge page is past the end");
    let r = api.call("GET", "/clients?page=99", None).await;
    assert_eq!(r.status, 200);
    assert!(r.data().as_array().unwrap().is_empty());
    assert_eq!((&r.body["meta"]["from"], &r.body["meta"]["to"]), (&Value::Null, &Value::Null));

    for bad in ["per_page=101", "per_page=0", "page=0", "page=-1", "per_page=abc"] {
        let r = api.call("GET", &format!("/clients?{bad}"), None).await;
        assert_eq!(r.status, 422, "{bad}");
        assert!(r.body["errors"].is_object());
    }
}

#[tokio::test]
async fn empty_collection_has_one_page() {
    let api = seeded(0);
    let client = api.first_id("/clients?search=Globex").await;
    let r = api.call("GET", &format!("/estimates?client_id={client}&status=DECLINED"), None).await;
    assert_eq!((r.body["meta"]["total"].as_u64(), r.body["meta"]["last_page"].as_u64()), (Some(0), Some(1)));
}
