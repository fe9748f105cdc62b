//! Pagination: one [`Page`] at a time, or every item as a lazy stream, fetched through the
//! client's one pipeline.
use std::pin::Pin;

use futures_core::Stream;
use serde::de::DeserializeOwned;

use crate::call::Call;
use crate::client::Client;
use crate::error::Result;
use crate::models::{PageLinks, PageMeta};
use crate::options::RequestOptions;
use crate::response::Response;

/// Where a list request came from, so the next page can be fetched the same way.
#[derive(Clone, Debug)]
pub(crate) struct ListCall {
    pub client: Client,
    /// The list's request, with its filters and `per_page`; `page` is set per request.
    pub call: Call,
    pub options: RequestOptions,
}

impl ListCall {
    /// Page `page`, decoded as items of `T`, with the envelope's `meta` and `links`.
    pub async fn fetch_raw<T: DeserializeOwned>(&self, page: u64) -> Result<Response<crate::response::Envelope<Vec<T>>>> {
        self.client.execute::<Vec<T>>(&self.call.with_page(page), &self.options).await
    }

    pub async fn fetch<T: DeserializeOwned>(&self, page: u64) -> Result<Response<Page<T>>> {
        let response = self.fetch_raw::<T>(page).await?;
        let call = self.clone();
        Ok(response.map(|env| {
            let has_next = env.has_next();
            Page { data: env.data, meta: env.meta.unwrap_or_default(), links: env.links.unwrap_or_default(), has_next, page, call }
        }))
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
    impl State {
        /// Tells a host's trace whether another page will be fetched.
        fn note_progress(&self, got_items: bool) {
            if let Some(trace) = &self.call.options.trace {
                trace.set_more_pages(got_items && self.next.is_some() && self.left != Some(0));
            }
        }
    }
    let state = State { call, next: Some(1), left: limit };
    state.note_progress(true);
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
                s.note_progress(!items.is_empty());
                if items.is_empty() { None } else { Some((Ok(PageChunk { items, meta: page.meta, page: page_no }), s)) }
            }
            Err(e) => {
                s.next = None;
                s.note_progress(false);
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
