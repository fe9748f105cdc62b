//! `page`/`per_page` handling and the two link shapes the docs show.
use serde_json::{Value, json};

use crate::reply::{ApiError, FieldErrors};

pub const DEFAULT_PER_PAGE: usize = 15;
pub const MAX_PER_PAGE: usize = 100;

/// The requested page, validated.
pub struct PageRequest {
    pub page: usize,
    pub per_page: usize,
}

impl PageRequest {
    pub fn from_query(query: &[(String, String)]) -> Result<Self, ApiError> {
        let mut errors = FieldErrors::new();
        let mut read = |name: &str, default: usize, max: usize| -> usize {
            match query.iter().rev().find(|(k, _)| k == name) {
                None => default,
                Some((_, v)) => match v.parse::<usize>() {
                    Ok(n) if n >= 1 && n <= max => n,
                    // A page number too large for the server is simply past the last page.
                    Err(_) if max == usize::MAX && !v.is_empty() && v.bytes().all(|b| b.is_ascii_digit()) => usize::MAX,
                    Ok(_) | Err(_) if max == usize::MAX => {
                        errors.insert(name.into(), vec![format!("The {name} must be an integer of at least 1.")]);
                        default
                    }
                    _ => {
                        errors.insert(name.into(), vec![format!("The {name} must be an integer between 1 and {max}.")]);
                        default
                    }
                },
            }
        };
        let page = read("page", 1, usize::MAX);
        let per_page = read("per_page", DEFAULT_PER_PAGE, MAX_PER_PAGE);
        if errors.is_empty() { Ok(PageRequest { page, per_page }) } else { Err(ApiError::Validation(errors)) }
    }

    /// The slice of `total` items on this page.
    pub fn range(&self, total: usize) -> std::ops::Range<usize> {
        let start = (self.page - 1).saturating_mul(self.per_page).min(total);
        start..(start + self.per_page).min(total)
    }

    /// `meta` (with its `links` list) and the top-level `links` object.
    /// `path` is the absolute URL of the collection; `keep` holds the other query parameters.
    pub fn describe(&self, total: usize, path: &str, keep: &[(String, String)]) -> (Value, Value) {
        let last = total.div_ceil(self.per_page).max(1);
        let range = self.range(total);
        let url = |page: usize| -> String {
            let mut q = format!("page={page}");
            if self.per_page != DEFAULT_PER_PAGE {
                q.push_str(&format!("&per_page={}", self.per_page));
            }
            for (k, v) in keep {
                q.push('&');
                q.push_str(&encode(k));
                q.push('=');
                q.push_str(&encode(v));
            }
            format!("{path}?{q}")
        };
        let prev = (self.page > 1).then(|| url((self.page - 1).min(last)));
        let next = (self.page < last).then(|| url(self.page.saturating_add(1)));
        let mut list = vec![json!({"url": prev, "label": "&laquo; Previous", "active": false})];
        let mut shown_gap = false;
        for p in 1..=last {
            // Laravel shows a window around the current page, the ends, and "..." between.
            if p <= 2 || p + 1 >= last || p.abs_diff(self.page) <= 3 {
                list.push(json!({"url": url(p), "label": p.to_string(), "active": p == self.page}));
                shown_gap = false;
            } else if !shown_gap {
                list.push(json!({"url": null, "label": "...", "active": false}));
                shown_gap = true;
            }
        }
        list.push(json!({"url": next, "label": "Next &raquo;", "active": false}));
        let empty = range.is_empty();
        let meta = json!({
            "current_page": self.page,
            "from": if empty { Value::Null } else { json!(range.start + 1) },
            "last_page": last,
            "links": list,
            "path": path,
            "per_page": self.per_page,
            "to": if empty { Value::Null } else { json!(range.end) },
            "total": total,
        });
        let links = json!({"first": url(1), "last": url(last), "prev": prev, "next": next});
        (meta, links)
    }
}

/// Percent-encodes a query component.
pub fn encode(s: &str) -> String {
    let mut out = String::with_capacity(s.len());
    for b in s.bytes() {
        if b.is_ascii_alphanumeric() || b"-_.~".contains(&b) {
            out.push(b as char);
        } else {
            out.push_str(&format!("%{b:02X}"));
        }
    }
    out
}

/// Decodes a percent-encoded query component (`+` is a space).
pub fn decode(s: &str) -> String {
    let bytes = s.as_bytes();
    let mut out = Vec::with_capacity(bytes.len());
    let mut i = 0;
    while i < bytes.len() {
        match bytes[i] {
            b'+' => out.push(b' '),
            b'%' if i + 2 < bytes.len() => match u8::from_str_radix(std::str::from_utf8(&bytes[i + 1..i + 3]).unwrap_or("zz"), 16) {
                Ok(b) => {
                    out.push(b);
                    i += 2;
                }
                Err(_) => out.push(b'%'),
            },
            b => out.push(b),
        }
        i += 1;
    }
    String::from_utf8_lossy(&out).into_owned()
}

/// Splits a raw query string into decoded pairs.
pub fn parse_query(raw: Option<&str>) -> Vec<(String, String)> {
    raw.unwrap_or_default()
        .split('&')
        .filter(|p| !p.is_empty())
        .map(|p| match p.split_once('=') {
            Some((k, v)) => (decode(k), decode(v)),
            None => (decode(p), String::new()),
        })
        .collect()
}
