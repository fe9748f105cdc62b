//! The list envelope's `meta` and `links`, in both shapes the docs show.
use serde::{Deserialize, Deserializer, Serialize};

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
