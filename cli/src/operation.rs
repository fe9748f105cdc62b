//! Running one operation of the table (or a raw request) and printing its result.
use std::io::{BufWriter, IsTerminal, Write};

use blinksale::ops::Operation;
use blinksale::{Client, Method, RequestOptions, binding};
use clap::ArgMatches;
use futures_util::StreamExt;
use serde_json::{Value, json};

use crate::args::{self, Format};
use crate::body;
use crate::exit::Failure;
use crate::output;
use crate::progress::Progress;

/// Runs `op` with the arguments of its subcommand.
pub async fn run(client: &Client, op: &'static Operation, m: &ArgMatches, format: Format) -> Result<(), Failure> {
    let ids: Vec<String> = args::id_args(op).iter().map(|a| m.get_one::<String>(&a.key).cloned().unwrap_or_default()).collect();
    let ids_ref: Vec<&str> = ids.iter().map(String::as_str).collect();
    let body = match op.input {
        Some(describe) => {
            let model = describe();
            let mut fields: Vec<String> = Vec::new();
            if let (Some(value), Some(name)) = (m.get_one::<String>("positional_field"), args::positional_field(&model)) {
                fields.push(format!("{name}={value}"));
            }
            fields.extend(m.get_many::<String>("fields").into_iter().flatten().cloned());
            let data = m.get_one::<String>("data").map(String::as_str);
            // An operation that takes a body always sends one; what it needs is the server's call.
            Some(body::build(Some(&model), data, &fields)?.unwrap_or_else(|| json!({})))
        }
        None => None,
    };
    let model = output::output_model(op.output);
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    if op.paginated() {
        let mut query: Vec<(String, String)> = Vec::new();
        for filter in op.filters {
            if let Some(v) = m.get_one::<String>(&format!("filter:{filter}")) {
                query.push((filter.to_string(), v.clone()));
            }
        }
        query.extend(body::pairs(&m.get_many::<String>("param").into_iter().flatten().cloned().collect::<Vec<_>>(), "--param")?);
        if let Some(n) = m.get_one::<u64>("per_page") {
            query.push(("per_page".into(), n.to_string()));
        }
        let limit = m.get_one::<u64>("limit").copied();
        if m.get_flag("all") || limit.is_some() {
            return stream(client, op, ids, query, limit, format, model.as_ref(), &mut out).await;
        }
        if let Some(n) = m.get_one::<u64>("page") {
            query.push(("page".into(), n.to_string()));
        }
        let resp = binding::execute(client, op, &ids_ref, query, None, &RequestOptions::default()).await?;
        let items = match parse(resp.data.get())? {
            Value::Array(items) => items,
            other => vec![other],
        };
        let mut sink = output::list_sink(format, model.as_ref(), &mut out);
        for item in &items {
            sink.item(item)?;
        }
        sink.finish()?;
        drop(sink);
        out.flush()?;
        if resp.has_next && std::io::stderr().is_terminal() {
            let meta = resp.meta.unwrap_or_default();
            let total = meta.total.map(|t| format!(" of {t} items")).unwrap_or_default();
            let page = meta.current_page.unwrap_or(1);
            eprintln!("page {page}{total}: --all for every page, --page {} for the next", page + 1);
        }
        return Ok(());
    }
    let resp = binding::execute(client, op, &ids_ref, Vec::new(), body, &RequestOptions::default()).await?;
    let value = parse(resp.data.get())?;
    output::print_one(format, model.as_ref(), &value, &mut out)?;
    out.flush()?;
    Ok(())
}

/// Every page (up to `limit` items), written as each page arrives: memory stays one page.
#[allow(clippy::too_many_arguments)]
async fn stream(
    client: &Client,
    op: &'static Operation,
    ids: Vec<String>,
    query: Vec<(String, String)>,
    limit: Option<u64>,
    format: Format,
    model: Option<&blinksale::schema::ModelDesc>,
    out: &mut dyn Write,
) -> Result<(), Failure> {
    let mut progress = Progress::new(limit);
    let ids: Vec<&str> = ids.iter().map(String::as_str).collect();
    let mut pages = binding::pages(client, op, &ids, query, limit, RequestOptions::default())?;
    let mut sink = output::list_sink(format, model, out);
    let result = async {
        while let Some(page) = pages.next().await {
            let page = page?;
            for raw in &page.items {
                sink.item(&parse(raw.get())?)?;
            }
            progress.page(&page.meta, page.items.len());
        }
        sink.finish()?;
        Ok(())
    }
    .await;
    progress.finish();
    result
}

/// `blinksale request METHOD PATH`: the escape hatch. JSON prints the envelope's `data` (with
/// `meta` for a list); the other formats print a list's items or the object.
pub async fn request(
    client: &Client,
    method: Method,
    path: &str,
    query: &[(String, String)],
    body: Option<Value>,
    format: Format,
) -> Result<(), Failure> {
    let resp = client.request(method, path, query, body, &RequestOptions::default()).await?;
    let envelope = resp.data;
    let stdout = std::io::stdout();
    let mut out = BufWriter::new(stdout.lock());
    match (&envelope.data, format) {
        (Value::Array(items), Format::Table | Format::Jsonl | Format::Csv) => {
            let mut sink = output::list_sink(format, None, &mut out);
            for item in items {
                sink.item(item)?;
            }
            sink.finish()?;
        }
        (data, Format::Json) if envelope.meta.is_some() => {
            let meta = serde_json::to_value(&envelope.meta).unwrap_or(Value::Null);
            output::print_one(format, None, &json!({ "data": data, "meta": meta }), &mut out)?;
        }
        (data, _) => output::print_one(format, None, data, &mut out)?,
    }
    out.flush()?;
    Ok(())
}

fn parse(text: &str) -> Result<Value, Failure> {
    // The core has already decoded this text once: failing here is a bug, not bad input.
    serde_json::from_str(text).map_err(|e| Failure::Io(std::io::Error::new(std::io::ErrorKind::InvalidData, e)))
}
