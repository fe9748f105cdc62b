//! The JSON call surface: an operation by its id, any path (the escape hatch), and a list as
//! a lazy stream. What every language layer calls; all of it runs the client's one pipeline.
use serde_json::Value;
use serde_json::value::RawValue;

use super::reply::Reply;
use crate::call::Call;
use crate::client::Client;
use crate::error::{Error, Result};
use crate::method::Method;
use crate::ops::Operation;
use crate::options::RequestOptions;
use crate::pagination::{ChunkStream, ListCall, PageStream, chunks};

/// Runs an operation of the table and returns its `data` as JSON text.
pub async fn execute(
    client: &Client,
    op: &'static Operation,
    ids: &[&str],
    query: Vec<(String, String)>,
    body: Option<Value>,
    options: &RequestOptions,
) -> Result<Reply> {
    let raw = execute_raw(client, op, ids, query, body, options).await?;
    let (data, mut reply) = raw.decode_with(std::marker::PhantomData::<Box<RawValue>>)?;
    reply.data = data;
    Ok(reply)
}

/// Runs an operation of the table, leaving its body undecoded: a language layer then decodes
/// it in one pass with [`RawReply::decode_with`], building its own values as the JSON is read.
pub async fn execute_raw(
    client: &Client,
    op: &'static Operation,
    ids: &[&str],
    query: Vec<(String, String)>,
    body: Option<Value>,
    options: &RequestOptions,
) -> Result<RawReply> {
    let call = Call::operation(op, ids, query, body, options)?;
    Ok(RawReply(client.send(&call, options).await?))
}

/// A 2xx response whose envelope is not decoded yet.
pub struct RawReply(crate::transport::RawResponse);

impl RawReply {
    /// Decodes the envelope, `data` by `seed`, as [`execute`] does: the data's value, and the
    /// reply (whose `data` is `null`: it went to the seed).
    pub fn decode_with<'de, S: serde::de::DeserializeSeed<'de>>(&'de self, seed: S) -> Result<(S::Value, Reply)> {
        use crate::response::Response;
        let Response { data: env, message, status, headers, request_id, rate_limit } = crate::response::decode_seed(&self.0, seed)?;
        let (data, envelope) = env.split();
        Ok((data, Reply::new(Response { data: envelope, message, status, headers, request_id, rate_limit })))
    }
}

/// Any request below the base URL. For a list the data is `{"data": [...], "meta": {...}}`,
/// so the page's metadata is not lost.
pub async fn request(
    client: &Client,
    method: Method,
    path: &str,
    query: Vec<(String, String)>,
    body: Option<Value>,
    options: &RequestOptions,
) -> Result<Reply> {
    let call = Call::raw(method, path, query, body, options)?;
    let mut reply = Reply::new(client.execute::<Box<RawValue>>(&call, options).await?);
    if let Some(meta) = &reply.meta {
        let meta = serde_json::to_string(meta).map_err(|e| Error::invalid("meta", e.to_string()))?;
        reply.data =
            RawValue::from_string(format!("{{\"data\":{},\"meta\":{meta}}}", reply.data.get())).map_err(|e| Error::invalid("meta", e.to_string()))?;
    }
    Ok(reply)
}

/// The items of a list operation as JSON texts, one page's worth per element: each page is
/// fetched only when asked for. Pages of 100 unless `per_page` is given.
pub fn items(
    client: &Client,
    op: &'static Operation,
    ids: &[&str],
    query: Vec<(String, String)>,
    limit: Option<u64>,
    options: RequestOptions,
) -> Result<ChunkStream<Box<RawValue>>> {
    Ok(chunks(list_call(client, op, ids, query, options)?, limit))
}

/// Like [`items`], one element per page with the page's `meta`, so a caller can show
/// progress against `meta.total`.
pub fn pages(
    client: &Client,
    op: &'static Operation,
    ids: &[&str],
    query: Vec<(String, String)>,
    limit: Option<u64>,
    options: RequestOptions,
) -> Result<PageStream<Box<RawValue>>> {
    Ok(crate::pagination::pages(list_call(client, op, ids, query, options)?, limit))
}

fn list_call(client: &Client, op: &'static Operation, ids: &[&str], mut query: Vec<(String, String)>, options: RequestOptions) -> Result<ListCall> {
    // Auto-paging takes pages of 100 unless asked otherwise: fewer requests per item.
    if !query.iter().any(|(k, _)| k == "per_page") {
        query.push(("per_page".into(), "100".into()));
    }
    let call = Call::operation(op, ids, query, None, &options)?;
    Ok(ListCall { client: client.clone(), call, options })
}

/// The operation with this id, or an invalid-request error naming it.
pub fn operation(id: &str) -> Result<&'static Operation> {
    crate::ops::find(id).ok_or_else(|| Error::InvalidRequest { message: format!("unknown operation {id}"), field: None })
}
