//! Pagination: one [`Page`] at a time, or every item as a lazy stream.
use std::pin::Pin;

use futures_core::Stream;
use serde::de::DeserializeOwned;
use serde::{Deserialize, Deserializer, Serialize};

use crate::client::Client;
use crate::error::Result;
use crate::ops::Operation;
use crate::transport::RequestOptions;

/// `meta` of a list response.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct PageMeta {
    /// This page's number, from 1.
    #[serde(default, deserialize_with = "lenient_u64")]
    pub current_page: Option<u64>,
    /// Index of the first item on this page (None when empty).
    #[serde(default, deserialize_with = "lenient_u64")]
    pub from: Option<u64>,
    /// The number of pages.
    #[serde(default, deserialize_with = "lenient_u64")]
    pub last_page: Option<u64>,
    /// The collection's URL.
    #[serde(default)]
    pub path: Option<String>,
    /// Items per page.
    #[serde(default, deserialize_with = "lenient_u64")]
    pub per_page: Option<u64>,
    /// Index of the last item on this page (None when empty).
    #[serde(default, deserialize_with = "lenient_u64")]
    pub to: Option<u64>,
    /// Items in all pages.
    #[serde(default, deserialize_with = "lenient_u64")]
    pub total: Option<u64>,
    /// The Laravel-style link list the endpoint pages show.
    #[serde(default)]
    pub links: Vec<MetaLink>,
}

/// One entry of `meta.links`.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct MetaLink {
    /// The page's URL; None for disabled entries.
    #[serde(default)]
    pub url: Option<String>,
    /// "1", "2", "&laquo; Previous", "Next &raquo;", "…".
    #[serde(default)]
    pub label: String,
    /// Whether this is the current page.
    #[serde(default)]
    pub active: bool,
}

/// The top-level `links` object the pagination guide shows.
#[derive(Clone, Debug, Default, Deserialize, Serialize, PartialEq, Eq)]
pub struct PageLinks {
    /// First page.
    #[serde(default)]
    pub first: Option<String>,
    /// Last page.
    #[serde(default)]
    pub last: Option<String>,
    /// Previous page, None on the first.
    #[serde(default)]
    pub prev: Option<String>,
    /// Next page, None on the last.
    #[serde(default)]
    pub next: Option<String>,
}

/// Integers that may arrive as numbers or numeric strings.
fn lenient_u64<'de, D: Deserializer<'de>>(d: D) -> Result<Option<u64>, D::Error> {
    let v = Option::<serde_json::Value>::deserialize(d)?;
    Ok(match v {
        Some(serde_json::Value::Number(n)) => n.as_u64(),
        Some(serde_json::Value::String(s)) => s.trim().parse().ok(),
        _ => None,
    })
}

/// Whether there is a page after this one, by whichever shape the server sent: top-level
/// `links.next`, the "Next" entry of `meta.links`, or `current_page < last_page`.
pub(crate) fn has_next(meta: &PageMeta, links: Option<&PageLinks>) -> bool {
    if let Some(l) = links
        && (l.next.is_some() || l.first.is_some() || l.last.is_some())
    {
        return l.next.is_some();
    }
    if let Some(next) = meta.links.iter().rev().find(|l| l.label.to_ascii_lowercase().contains("next")) {
        return next.url.is_some();
    }
    matches!((meta.current_page, meta.last_page), (Some(c), Some(l)) if c < l)
}

/// Where a list request came from, so the next page can be fetched the same way.
#[derive(Clone, Debug)]
pub(crate) struct ListCall {
    pub client: Client,
    pub op: &'static Operation,
    pub ids: Vec<String>,
    /// Filters and `per_page`; `page` is set per request.
    pub query: Vec<(String, String)>,
    pub options: RequestOptions,
}

impl ListCall {
    pub async fn fetch<T: DeserializeOwned>(&self, page: u64) -> Result<crate::Response<Page<T>>> {
        let mut query = self.query.clone();
        query.retain(|(k, _)| k != "page");
        query.push(("page".into(), page.to_string()));
        let ids: Vec<&str> = self.ids.iter().map(String::as_str).collect();
        let decoded = self.client.execute_decoded::<Vec<T>>(self.op, &ids, &query, None, &self.options).await?;
        let meta = decoded.meta.unwrap_or_default();
        let has_next = has_next(&meta, decoded.links.as_ref());
        let links = decoded.links.unwrap_or_default();
        let call = self.clone();
        Ok(decoded.response.map(|data| Page { data, meta, links, has_next, page, call }))
    }
}

/// One page of a list, with the way to the next.
#[derive(Clone, Debug)]
pub struct Page<T> {
    /// The items on this page.
    pub data: Vec<T>,
    /// `meta`: counts and the link list.
    pub meta: PageMeta,
    /// Top-level `links`, when the server sends them.
    pub links: PageLinks,
    has_next: bool,
    page: u64,
    call: ListCall,
}

impl<T: DeserializeOwned> Page<T> {
    /// Whether another page follows.
    pub fn has_next(&self) -> bool {
        self.has_next
    }

    /// Fetches the next page with the same filters; None after the last.
    pub async fn next_page(&self) -> Result<Option<Page<T>>> {
        if !self.has_next {
            return Ok(None);
        }
        Ok(Some(self.call.fetch(self.page + 1).await?.data))
    }
}

impl<T> IntoIterator for Page<T> {
    type Item = T;
    type IntoIter = std::vec::IntoIter<T>;
    fn into_iter(self) -> Self::IntoIter {
        self.data.into_iter()
    }
}

/// A lazy stream of items across pages.
pub type ItemStream<T> = Pin<Box<dyn Stream<Item = Result<T>> + Send>>;

/// A lazy stream of pages' items: one element per fetched page, cut to the limit. A page is
/// fetched only when the stream is polled for it, never ahead.
pub type ChunkStream<T> = Pin<Box<dyn Stream<Item = Result<Vec<T>>> + Send>>;

/// One fetched page of a list as a stream element: its items (cut to the limit) and its `meta`.
#[derive(Clone, Debug)]
pub struct PageChunk<T> {
    /// The page's items.
    pub items: Vec<T>,
    /// The page's `meta` (counts, `total`).
    pub meta: PageMeta,
    /// The page's number, from 1.
    pub page: u64,
}

/// A lazy stream of pages, each with its `meta`: what a progress display needs.
pub type PageStream<T> = Pin<Box<dyn Stream<Item = Result<PageChunk<T>>> + Send>>;

/// Every page from the first on, fetched only when polled for, stopping after `limit` items.
pub(crate) fn pages<T: DeserializeOwned + Send + 'static>(call: ListCall, limit: Option<u64>) -> PageStream<T> {
    struct State {
        call: ListCall,
        next: Option<u64>,
        left: Option<u64>,
    }
    let state = State { call, next: Some(1), left: limit };
    // Fused: polling after the end keeps answering None (unfold alone would panic).
    Box::pin(futures_util::StreamExt::fuse(futures_util::stream::unfold(state, |mut s| async move {
        if s.left == Some(0) {
            return None;
        }
        let page_no = s.next?;
        match s.call.fetch::<T>(page_no).await {
            Ok(resp) => {
                let page = resp.data;
                let mut items = page.data;
                s.next = (page.has_next && !items.is_empty()).then_some(page_no + 1);
                if let Some(left) = s.left {
                    items.truncate(usize::try_from(left).unwrap_or(usize::MAX));
                    s.left = Some(left - items.len() as u64);
                }
                if items.is_empty() { None } else { Some((Ok(PageChunk { items, meta: page.meta, page: page_no }), s)) }
            }
            Err(e) => {
                s.next = None;
                Some((Err(e), s))
            }
        }
    })))
}

/// The items of every page from the first on, fetching pages only as they are needed, and
/// stopping after `limit` items if given.
pub(crate) fn chunks<T: DeserializeOwned + Send + 'static>(call: ListCall, limit: Option<u64>) -> ChunkStream<T> {
    use futures_util::TryStreamExt;
    Box::pin(pages::<T>(call, limit).map_ok(|page| page.items))
}

/// Every item from the first page on, one at a time (pages are fetched as [`chunks`] does).
pub(crate) fn stream<T: DeserializeOwned + Send + 'static>(call: ListCall, limit: Option<u64>) -> ItemStream<T> {
    use futures_util::TryStreamExt;
    Box::pin(chunks::<T>(call, limit).map_ok(|items| futures_util::stream::iter(items.into_iter().map(Ok))).try_flatten())
}
