//! The docs' example request, `GET /api/v1/clients`, printed as a table.
//!
//! BLINKSALE_API_TOKEN=... cargo run -p blinksale-examples --bin list_clients
use blinksale::{Client, ListParams};

#[tokio::main]
async fn main() -> Result<(), blinksale::Error> {
    let client = Client::from_env()?; // BLINKSALE_API_TOKEN, and BLINKSALE_BASE_URL if set
    let page = client.clients().list(&ListParams::new()).await?;

    println!("{:<22} {:<28} {:<11} {:<8} {:>8}", "Name", "Email", "Kind", "Currency", "Contacts");
    for c in &page.data {
        let currency = c.document_defaults.as_ref().and_then(|d| d.currency.as_deref()).unwrap_or("-");
        let kind = c.kind_name.as_deref().unwrap_or(c.kind.as_str());
        println!("{:<22} {:<28} {:<11} {:<8} {:>8}", c.name, c.email, kind, currency, c.contact_count.unwrap_or(0));
    }
    let total = page.meta.total.unwrap_or(page.data.len() as u64);
    println!("{} of {} clients (page {} of {})", page.data.len(), total, page.meta.current_page.unwrap_or(1), page.meta.last_page.unwrap_or(1));
    Ok(())
}
