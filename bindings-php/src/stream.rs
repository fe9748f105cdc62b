//! `NativeStream`: a list's items for `listAll()`, a page at a time as PHP asks.
use std::sync::Mutex;

use ext_php_rs::convert::IntoZval;
use ext_php_rs::prelude::*;
use ext_php_rs::types::{ZendHashTable, Zval};
use futures_util::StreamExt;

use crate::errors::{config, error_value};
use crate::{decode, runtime};

type Items = blinksale::ChunkStream<Box<serde_json::value::RawValue>>;

#[php_class]
#[php(name = "Blinksale\\Internal\\NativeStream")]
pub struct NativeStream {
    /// None once the stream ended or failed.
    items: Mutex<Option<Items>>,
    between: bool,
}

impl NativeStream {
    pub fn new(items: Items, between: bool) -> Self {
        NativeStream { items: Mutex::new(Some(items)), between }
    }
}

#[php_impl]
impl NativeStream {
    /// The next page's items (fetched only now), `[]` at the end, or `['error' => …]`.
    pub fn next_batch(&self) -> Zval {
        let mut guard = self.items.lock().unwrap_or_else(|e| e.into_inner());
        let Some(items) = guard.as_mut() else { return ZendHashTable::new().into_zval(false).unwrap_or_default() };
        let next = runtime::block_on(self.between, async { items.next().await.transpose() });
        match next {
            Ok(Ok(Some(batch))) => batch_value(&batch),
            Ok(Ok(None)) => {
                *guard = None;
                ZendHashTable::new().into_zval(false).unwrap_or_default()
            }
            Ok(Err(e)) => {
                *guard = None;
                error_value(&e)
            }
            Err(message) => config(message),
        }
    }
}

fn batch_value(batch: &[Box<serde_json::value::RawValue>]) -> Zval {
    let mut list = ZendHashTable::new();
    for item in batch {
        match decode::to_php(item.get()) {
            Ok(z) => {
                let _ = list.push(z);
            }
            Err(message) => return config(message),
        }
    }
    list.into_zval(false).unwrap_or_default()
}
