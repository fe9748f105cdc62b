//! Bill a customer: create a client with a contact, invoice two lines with a tax and a
//! discount, send it, take a partial payment, then the rest, printing the totals each step.
//!
//! BLINKSALE_API_TOKEN=... cargo run -p blinksale-examples --bin bill_customer
use blinksale::resources::*;
use blinksale::{Client, Decimal, ListParams};

fn show(step: &str, inv: &Invoice) {
    println!("{step:<22} {}  total {:>9}  paid {:>9}  due {:>9}  {}", inv.invoice_number, inv.total, inv.total_paid, inv.total_due, inv.status);
}

#[tokio::main]
async fn main() -> Result<(), blinksale::Error> {
    let client = Client::from_env()?;

    let customer = client
        .clients()
        .create(&ClientInput {
            name: "Northwind Traders".into(),
            email: "billing@northwind.example".into(),
            kind: Some(ClientKind::Business),
            contacts: Some(vec![ContactInput {
                name: "Nancy Davolio".into(),
                email: "nancy@northwind.example".into(),
                phone: Some("+12065550100".into()),
                ..Default::default()
            }]),
            ..Default::default()
        })
        .await?;
    println!("Client {} ({}), {} contact(s)", customer.name, customer.id, customer.contact_count.unwrap_or(0));

    // A saved tax, by name; create it if this account has none.
    let taxes = client.taxes().list(&ListParams::new()).await?;
    let tax = match taxes.data.into_iter().find(|t| t.name == "Sales Tax") {
        Some(t) => t,
        None => client.taxes().create(&TaxInput { name: "Sales Tax".into(), percent: Decimal::new(85, 1), ..Default::default() }).await?,
    };

    let invoice = client
        .invoices()
        .create(&InvoiceInput {
            client_id: customer.id.clone(),
            tax_id: Some(tax.id.clone()),
            discount_distribution: Some(DiscountDistribution::PerDocument),
            discount_type: Some(DiscountType::Percentage),
            discount_value: Some(Decimal::new(10, 0)),
            net_terms: Some(NetTerms::Net30),
            line_items: vec![
                LineItemInput::new("Consulting Services", Decimal::new(10, 0), Decimal::new(150, 0)),
                LineItemInput::new("Hosting Services", Decimal::new(1, 0), Decimal::new(9900, 2)),
            ],
            ..Default::default()
        })
        .await?;
    show("Created", &invoice);

    let invoice = client.invoices().send(&invoice.id).await?;
    show("Sent", &invoice);

    let half = (invoice.total_due / Decimal::TWO).round_dp(2);
    let applied = client
        .invoices()
        .apply_payment(&invoice.id, &ApplyPaymentInput { notes: Some("Check #1001".into()), ..ApplyPaymentInput::new(half) })
        .await?;
    show(&format!("Paid {half}"), &applied.invoice);

    let rest = applied.invoice.total_due;
    let applied = client.invoices().apply_payment(&invoice.id, &ApplyPaymentInput::new(rest)).await?;
    show(&format!("Paid {rest}"), &applied.invoice);
    Ok(())
}
