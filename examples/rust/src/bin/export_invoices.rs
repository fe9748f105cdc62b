//! Page through every invoice with the auto-pager and write them to invoices.csv.
//!
//! BLINKSALE_API_TOKEN=... cargo run -p blinksale-examples --bin export_invoices
use std::io::Write;

use blinksale::{Client, ListParams};
use futures_util::TryStreamExt;

/// `[#########.....] 120/255 invoices` on stderr.
fn progress(done: u64, total: u64) {
    let width = 30;
    let filled = (width * done / total.max(1)).min(width) as usize;
    eprint!("\r[{}{}] {done}/{total} invoices", "#".repeat(filled), ".".repeat(width as usize - filled));
}

fn csv(field: &str) -> String {
    if field.contains([',', '"', '\n']) { format!("\"{}\"", field.replace('"', "\"\"")) } else { field.to_string() }
}

#[tokio::main]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let client = Client::from_env()?;
    let path = std::env::args().nth(1).unwrap_or_else(|| "invoices.csv".into());
    let total = client.invoices().list(&ListParams::new().per_page(1)).await?.meta.total.unwrap_or(0);
    let mut out = std::io::BufWriter::new(std::fs::File::create(&path)?);
    writeln!(out, "invoice_number,client,status,issued_at,due_at,currency,total,total_paid,total_due")?;

    // Pages of 100 are fetched as the loop needs them; the client paces itself under the
    // rate limit, so a long export never sees a 429.
    let mut invoices = client.invoices().list_all(&ListParams::new());
    let mut count = 0u64;
    while let Some(inv) = invoices.try_next().await? {
        let client_name = inv.client.as_ref().map(|c| c.name.as_str()).unwrap_or("");
        writeln!(
            out,
            "{},{},{},{},{},{},{},{},{}",
            csv(&inv.invoice_number),
            csv(client_name),
            inv.status,
            inv.issued_at,
            inv.due_at,
            inv.currency,
            inv.total,
            inv.total_paid,
            inv.total_due
        )?;
        count += 1;
        if count.is_multiple_of(50) || count == total {
            progress(count, total);
        }
    }
    out.flush()?;
    eprintln!("\n{count} invoices exported to {path}");
    Ok(())
}
