//! Printing results as a table, JSON, JSON lines or CSV. Lists are written item by item as
//! pages arrive (the table alone waits, to size its columns). Numbers are printed with the
//! text the API sent (serde_json keeps it), so money is never rounded.
use std::io::{self, Write};

use blinksale::schema::{self, ModelDesc, TypeDesc};
use serde_json::Value;

use crate::args::Format;

/// The response model of an operation: the item of a list, the object, or none.
pub fn output_model(output: blinksale::ops::Output) -> Option<ModelDesc> {
    output.model()
}

/// CSV columns: every field of the model, nested objects flattened as `a.b`.
pub fn csv_columns(model: &ModelDesc) -> Vec<String> {
    let mut out = Vec::new();
    flatten(model, "", 0, &mut out);
    out
}

fn flatten(model: &ModelDesc, prefix: &str, depth: usize, out: &mut Vec<String>) {
    for f in &model.fields {
        let name = format!("{prefix}{}", f.name);
        let nested = match strip(&f.ty) {
            TypeDesc::Model { name, .. } if depth < 3 => schema::model(name),
            _ => None,
        };
        match nested {
            Some(inner) => flatten(&inner, &format!("{name}."), depth + 1, out),
            None => out.push(name),
        }
    }
}

fn strip(ty: &TypeDesc) -> &TypeDesc {
    match ty {
        TypeDesc::Optional(inner) => strip(inner),
        other => other,
    }
}

/// Table columns: the model's required scalar fields (id, number, status, totals, …).
fn table_columns(model: &ModelDesc) -> Vec<String> {
    let scalar = |ty: &TypeDesc| !matches!(ty, TypeDesc::Optional(_) | TypeDesc::Model { .. } | TypeDesc::List(_) | TypeDesc::Json);
    let cols: Vec<String> = model.fields.iter().filter(|f| scalar(&f.ty)).map(|f| f.name.to_string()).collect();
    if cols.is_empty() { model.fields.iter().map(|f| f.name.to_string()).collect() } else { cols }
}

/// The value at a dotted path (`address.city`), if every step is an object.
fn at<'a>(value: &'a Value, path: &str) -> Option<&'a Value> {
    path.split('.').try_fold(value, |v, key| v.as_object()?.get(key))
}

/// A value as cell text: strings as they are, numbers as sent, lists and objects as JSON.
fn cell(value: Option<&Value>) -> String {
    match value {
        None | Some(Value::Null) => String::new(),
        Some(Value::String(s)) => s.clone(),
        Some(other) => other.to_string(),
    }
}

/// Where list items go, one at a time.
pub trait Sink {
    /// One item.
    fn item(&mut self, item: &Value) -> io::Result<()>;
    /// After the last item.
    fn finish(&mut self) -> io::Result<()>;
}

/// A sink for a list in the given format.
pub fn list_sink<'a>(format: Format, model: Option<&ModelDesc>, out: &'a mut dyn Write) -> Box<dyn Sink + 'a> {
    match format {
        Format::Json => Box::new(JsonArray { out, count: 0 }),
        Format::Jsonl => Box::new(JsonLines { out }),
        Format::Csv => Box::new(Csv::new(out, model)),
        Format::Table => Box::new(Table { out, columns: model.map(table_columns), rows: Vec::new() }),
    }
}

/// One object (or `null`, for deletes) in the given format.
pub fn print_one(format: Format, model: Option<&ModelDesc>, value: &Value, out: &mut dyn Write) -> io::Result<()> {
    match (format, value) {
        (Format::Json, v) => writeln!(out, "{}", pretty(v)),
        (_, Value::Null) => Ok(()),
        (Format::Jsonl, v) => writeln!(out, "{v}"),
        (Format::Csv, v) => {
            let mut sink = Csv::new(out, model);
            sink.item(v)?;
            sink.finish()
        }
        (Format::Table, v) => {
            let mut rows = Vec::new();
            flat_pairs(v, "", &mut rows);
            let width = rows.iter().map(|(k, _)| k.chars().count()).max().unwrap_or(0);
            for (k, v) in rows {
                writeln!(out, "{k:width$}  {v}")?;
            }
            Ok(())
        }
    }
}

fn pretty(v: &Value) -> String {
    serde_json::to_string_pretty(v).unwrap_or_else(|_| v.to_string())
}

/// Every leaf of an object as `a.b` → text, in the response's order (unknown fields too).
fn flat_pairs(v: &Value, prefix: &str, out: &mut Vec<(String, String)>) {
    match v {
        Value::Object(map) if !map.is_empty() => {
            for (k, v) in map {
                flat_pairs(v, &format!("{prefix}{k}."), out);
            }
        }
        other => out.push((prefix.trim_end_matches('.').to_string(), cell(Some(other)))),
    }
}

struct JsonArray<'a> {
    out: &'a mut dyn Write,
    count: u64,
}

impl Sink for JsonArray<'_> {
    fn item(&mut self, item: &Value) -> io::Result<()> {
        let sep = if self.count == 0 { "[\n" } else { ",\n" };
        self.count += 1;
        let text = pretty(item);
        write!(self.out, "{sep}  {}", text.replace('\n', "\n  "))
    }
    fn finish(&mut self) -> io::Result<()> {
        if self.count == 0 { writeln!(self.out, "[]") } else { writeln!(self.out, "\n]") }?;
        self.out.flush()
    }
}

struct JsonLines<'a> {
    out: &'a mut dyn Write,
}

impl Sink for JsonLines<'_> {
    fn item(&mut self, item: &Value) -> io::Result<()> {
        writeln!(self.out, "{item}")
    }
    fn finish(&mut self) -> io::Result<()> {
        self.out.flush()
    }
}

struct Csv<'a> {
    writer: csv::Writer<&'a mut dyn Write>,
    columns: Option<Vec<String>>,
    header_done: bool,
}

impl<'a> Csv<'a> {
    fn new(out: &'a mut dyn Write, model: Option<&ModelDesc>) -> Csv<'a> {
        Csv { writer: csv::Writer::from_writer(out), columns: model.map(csv_columns), header_done: false }
    }

    fn header(&mut self) -> io::Result<()> {
        if let (Some(columns), false) = (&self.columns, self.header_done) {
            self.writer.write_record(columns)?;
            self.header_done = true;
        }
        Ok(())
    }
}

impl Sink for Csv<'_> {
    fn item(&mut self, item: &Value) -> io::Result<()> {
        // Without a model (the `request` command) the first item's keys make the header.
        if self.columns.is_none() {
            let mut pairs = Vec::new();
            flat_pairs(item, "", &mut pairs);
            self.columns = Some(pairs.into_iter().map(|(k, _)| k).collect());
        }
        self.header()?;
        let row: Vec<String> = self.columns.iter().flatten().map(|c| cell(at(item, c))).collect();
        self.writer.write_record(&row).map_err(io::Error::from)
    }
    fn finish(&mut self) -> io::Result<()> {
        self.header()?;
        self.writer.flush()
    }
}

struct Table<'a> {
    out: &'a mut dyn Write,
    columns: Option<Vec<String>>,
    rows: Vec<Vec<String>>,
}

/// Cells longer than this are cut with an ellipsis.
const CELL_MAX: usize = 40;

impl Sink for Table<'_> {
    fn item(&mut self, item: &Value) -> io::Result<()> {
        let columns = self.columns.get_or_insert_with(|| item.as_object().map(|m| m.keys().cloned().collect()).unwrap_or_default());
        let row = columns
            .iter()
            .map(|c| {
                let text = cell(at(item, c)).replace(['\n', '\r', '\t'], " ");
                if text.chars().count() > CELL_MAX { text.chars().take(CELL_MAX - 1).collect::<String>() + "…" } else { text }
            })
            .collect();
        self.rows.push(row);
        Ok(())
    }
    fn finish(&mut self) -> io::Result<()> {
        let Some(columns) = &self.columns else { return Ok(()) };
        let mut widths: Vec<usize> = columns.iter().map(|c| c.chars().count()).collect();
        for row in &self.rows {
            for (w, cell) in widths.iter_mut().zip(row) {
                *w = (*w).max(cell.chars().count());
            }
        }
        let line = |cells: &mut dyn Iterator<Item = &str>| {
            let parts: Vec<String> = cells.zip(&widths).map(|(c, w)| format!("{c:w$}")).collect();
            parts.join("  ").trim_end().to_string()
        };
        let header = line(&mut columns.iter().map(|c| c.to_uppercase()).collect::<Vec<_>>().iter().map(String::as_str));
        writeln!(self.out, "{header}")?;
        for row in &self.rows {
            writeln!(self.out, "{}", line(&mut row.iter().map(String::as_str)))?;
        }
        self.out.flush()
    }
}
