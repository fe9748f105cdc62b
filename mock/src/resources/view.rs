//! A record as the API shows it, serialized straight from the store: a page of 100 records is
//! written without copying them first.
use serde::ser::{Serialize, SerializeMap, Serializer};
use serde_json::Value;

use crate::store::Record;

/// The stored fields, then any embedded objects (an embedded key replaces a stored one).
pub struct View<'a> {
    record: &'a Record,
    extra: Vec<(&'static str, Extra<'a>)>,
}

pub enum Extra<'a> {
    View(Option<View<'a>>),
    Value(Value),
}

impl<'a> View<'a> {
    pub fn of(record: &'a Record) -> Self {
        View { record, extra: Vec::new() }
    }

    pub fn with(mut self, key: &'static str, extra: Extra<'a>) -> Self {
        self.extra.push((key, extra));
        self
    }
}

impl Serialize for View<'_> {
    fn serialize<S: Serializer>(&self, s: S) -> Result<S::Ok, S::Error> {
        let mut map = s.serialize_map(Some(self.record.len() + self.extra.len()))?;
        for (k, v) in self.record {
            if !self.extra.iter().any(|(e, _)| e == k) {
                map.serialize_entry(k, v)?;
            }
        }
        for (k, e) in &self.extra {
            match e {
                Extra::View(v) => map.serialize_entry(k, v)?,
                Extra::Value(v) => map.serialize_entry(k, v)?,
            }
        }
        map.end()
    }
}
