//! Pages, the auto-pager, its cap, and a bulk listing that stays under the rate limit.
mod common;
use std::collections::HashSet;
use std::time::Duration;

use blinksale::ListParams;
use blinksale::resources::*;
use blinksale_mock::MockConfig;
use common::Env;
use futures_util::{StreamExt, TryStreamExt};

#[tokio::test]
async fn a_page_knows_its_place_and_fetches_the_next() {
    let env = Env::with(MockConfig { seed: 20, rate_limit: 0, ..Default::default() }); // 25 clients
    let api = env.client();
    let page = api.clients().list(&ListParams::new().per_page(10)).await.unwrap();
    assert_eq!(page.data.len(), 10);
    assert_eq!((page.meta.total, page.meta.last_page, page.meta.current_page), (Some(25), Some(3), Some(1)));
    assert!(page.has_next());
    let second = page.next_page().await.unwrap().unwrap();
    assert_eq!(second.meta.current_page, Some(2));
    let third = second.next_page().await.unwrap().unwrap();
    assert_eq!(third.data.len(), 5);
    assert!(!third.has_next());
    assert!(third.next_page().await.unwrap().is_none());
    let ids: HashSet<String> = page.into_iter().chain(second).chain(third).map(|c| c.id).collect();
    assert_eq!(ids.len(), 25);
}

#[tokio::test]
async fn list_all_is_lazy_uses_100_a_page_and_keeps_filters() {
    let env = Env::with(MockConfig { seed: 250, rate_limit: 0, ..Default::default() });
    let api = env.client();
    let mut stream = api.invoices().list_all(&ListParams::new().filter("status", "DRAFT"));
    assert!(env.mock.requests().is_empty(), "nothing is fetched before the stream is polled");
    let first = stream.next().await.unwrap().unwrap();
    assert_eq!(first.status, InvoiceStatus::Draft);
    assert_eq!(env.mock.requests().len(), 1);
    assert_eq!(env.mock.requests()[0].query.as_deref(), Some("per_page=100&status=DRAFT&page=1"));
    let rest: Vec<Invoice> = stream.try_collect().await.unwrap();
    let total = rest.len() + 1;
    assert!(rest.iter().all(|i| i.status == InvoiceStatus::Draft));
    let expected = api.invoices().list(&ListParams::new().filter("status", "DRAFT")).await.unwrap().meta.total.unwrap();
    assert_eq!(total as u64, expected);
    assert_eq!(env.mock.requests().len() - 1, total.div_ceil(100), "one request a page");
}

#[tokio::test]
async fn list_all_stops_at_the_cap_without_fetching_more() {
    let env = Env::with(MockConfig { seed: 300, rate_limit: 0, ..Default::default() });
    let api = env.client();
    let some: Vec<Client> = api.clients().list_all(&ListParams::new().per_page(50).limit(120)).try_collect().await.unwrap();
    assert_eq!(some.len(), 120);
    assert_eq!(env.mock.requests().len(), 3, "pages of 50: 3 pages cover 120");
    let none: Vec<Client> = api.clients().list_all(&ListParams::new().limit(0)).try_collect().await.unwrap();
    assert!(none.is_empty());
    let bad = api.clients().list_all(&ListParams::new().per_page(500)).next().await.unwrap();
    assert_eq!(bad.unwrap_err().code(), "validation", "the server judges per_page");
}

#[tokio::test]
async fn contacts_page_under_their_client() {
    let env = Env::start();
    let api = env.client();
    let acme = api.clients().list(&ListParams::new().filter("search", "acme")).await.unwrap().data.remove(0);
    let contacts: Vec<Contact> = api.contacts(&acme.id).list_all(&ListParams::new()).try_collect().await.unwrap();
    assert_eq!(contacts.len(), 2);
    assert!(contacts.iter().all(|c| c.client_id == acme.id));
}

/// 50 pages through a server allowing 10 requests per 2 s: the client paces itself from the
/// headers and the server never has to answer 429.
#[tokio::test]
async fn bulk_listing_of_50_pages_gets_no_429() {
    let env = Env::with(MockConfig { seed: 495, rate_limit: 10, window: Duration::from_secs(2), ..Default::default() });
    let api = env.client();
    let all: Vec<Client> = api.clients().list_all(&ListParams::new().per_page(10)).try_collect().await.unwrap();
    assert_eq!(all.len(), 500);
    let log = env.mock.requests();
    assert_eq!(log.len(), 50);
    let limited = log.iter().filter(|r| r.status == Some(429)).count();
    assert_eq!(limited, 0, "the server never had to refuse a request");
}

#[tokio::test]
async fn a_finished_stream_keeps_answering_none() {
    let env = Env::start();
    let mut stream = env.client().units().list_all(&ListParams::new());
    while stream.next().await.is_some() {}
    for _ in 0..3 {
        assert!(stream.next().await.is_none());
    }
}

#[tokio::test]
async fn json_chunks_are_one_page_each_fetched_only_when_asked() {
    let env = Env::with(MockConfig { seed: 20, rate_limit: 0, ..Default::default() }); // 25 clients
    let api = env.client();
    let op = blinksale::ops::find("listClients").unwrap();
    let query = vec![("per_page".to_string(), "10".to_string())];
    let mut chunks = blinksale::binding::items(&api, op, &[], query, Some(22), Default::default()).unwrap();
    let first = chunks.next().await.unwrap().unwrap();
    assert_eq!(first.len(), 10);
    tokio::time::sleep(Duration::from_millis(50)).await;
    assert_eq!(env.mock.requests().len(), 1, "the second page waits until it is asked for");
    assert_eq!(chunks.next().await.unwrap().unwrap().len(), 10);
    assert_eq!(chunks.next().await.unwrap().unwrap().len(), 2, "cut at the limit");
    assert!(chunks.next().await.is_none());
    assert!(chunks.next().await.is_none(), "fused");
    assert_eq!(env.mock.requests().len(), 3);
}
