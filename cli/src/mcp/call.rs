//! Running a tool: its arguments split into path ids, query and body as the operation takes
//! them, sent through the core's one pipeline (its retries never repeat a write), and the API's
//! JSON given back as it came (money exactly as sent). A failure is a tool error carrying the
//! core's one-line message, which names a missing permission, the field messages of a 422 and
//! the wait of a 429.
use blinksale::ops::Operation;
use blinksale::{Client, RequestOptions, binding};
use futures_util::StreamExt;
use serde_json::{Map, Value, json};

/// Runs `op` with the tool's arguments; the structured result, or the message of a tool error.
pub async fn run(client: &Client, op: &'static Operation, mut args: Map<String, Value>, max_items: u64) -> Result<Value, String> {
    let ids = take_ids(op, &mut args)?;
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let options = RequestOptions::default();
    if op.paginated() {
        let all = matches!(args.remove("all"), Some(Value::Bool(true)));
        allow_only(op, &args, &["page", "per_page"])?;
        let query = binding::query_pairs(Value::Object(args)).map_err(|e| e.to_string())?;
        return if all { every(client, op, &ids, query, max_items).await } else { page(client, op, &ids, query, &options).await };
    }
    let body = match op.input {
        Some(_) => Some(Value::Object(args)),
        None if args.is_empty() => None,
        None => return Err(format!("{} takes no arguments besides its ids; got {}", crate::mcp::tools::name(op), names(&args))),
    };
    let reply = binding::execute(client, op, &ids, Vec::new(), body, &options).await.map_err(|e| e.to_string())?;
    Ok(json!({ "data": data(&reply)? }))
}

/// The path ids, by their names in the template; a number is taken as its digits.
fn take_ids(op: &Operation, args: &mut Map<String, Value>) -> Result<Vec<String>, String> {
    op.path_params()
        .into_iter()
        .map(|name| match args.remove(name) {
            Some(Value::String(s)) => Ok(s),
            Some(Value::Number(n)) => Ok(n.to_string()),
            _ => Err(format!("{name} is required (a string)")),
        })
        .collect()
}

/// A list takes its filters and paging only; anything else is named back.
fn allow_only(op: &Operation, args: &Map<String, Value>, paging: &[&str]) -> Result<(), String> {
    let extra: Map<String, Value> = args
        .iter()
        .filter(|(k, _)| !paging.contains(&k.as_str()) && !op.filters.contains(&k.as_str()))
        .map(|(k, v)| (k.clone(), v.clone()))
        .collect();
    if extra.is_empty() { Ok(()) } else { Err(format!("{} does not take {}", crate::mcp::tools::name(op), names(&extra))) }
}

fn names(args: &Map<String, Value>) -> String {
    args.keys().map(String::as_str).collect::<Vec<_>>().join(", ")
}

/// The reply's data as JSON, numbers exactly as sent.
fn data(reply: &binding::Reply) -> Result<Value, String> {
    serde_json::from_str(reply.data.get()).map_err(|e| format!("the response could not be read: {e}"))
}

/// One page, with its `meta` and whether another follows.
async fn page(
    client: &Client,
    op: &'static Operation,
    ids: &[&str],
    query: Vec<(String, String)>,
    options: &RequestOptions,
) -> Result<Value, String> {
    let reply = binding::execute(client, op, ids, query, None, options).await.map_err(|e| e.to_string())?;
    Ok(json!({ "data": data(&reply)?, "meta": reply.meta, "has_next": reply.has_next }))
}

/// Every item, page by page, up to the cap; one item past it tells whether more were left.
async fn every(client: &Client, op: &'static Operation, ids: &[&str], query: Vec<(String, String)>, max_items: u64) -> Result<Value, String> {
    let mut stream =
        binding::items(client, op, ids, query, Some(max_items.saturating_add(1)), RequestOptions::default()).map_err(|e| e.to_string())?;
    let mut items = Vec::new();
    while let Some(chunk) = stream.next().await {
        for item in chunk.map_err(|e| e.to_string())? {
            items.push(serde_json::from_str::<Value>(item.get()).map_err(|e| format!("the response could not be read: {e}"))?);
        }
    }
    let truncated = items.len() as u64 > max_items;
    items.truncate(usize::try_from(max_items).unwrap_or(usize::MAX));
    Ok(json!({ "data": items, "count": items.len(), "truncated": truncated }))
}
