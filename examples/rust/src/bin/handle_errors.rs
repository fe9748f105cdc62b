//! Errors: a validation error's field messages, a write with a read-only token, and a burst
//! the client paces under the rate limit so no 429 reaches the code.
//!
//! BLINKSALE_API_TOKEN=... BLINKSALE_READONLY_TOKEN=... cargo run -p blinksale-examples --bin handle_errors
use blinksale::resources::*;
use blinksale::{Client, Decimal, Error, ListParams};

#[tokio::main]
async fn main() -> Result<(), Error> {
    let client = Client::from_env()?;
    let bad = PaymentInput { invoice_id: "no-such-invoice".into(), amount: Decimal::TEN, ..Default::default() };
    match client.payments().create(&bad).await {
        Err(Error::Validation(info)) => {
            for (field, messages) in &info.errors {
                println!("validation: {field}: {}", messages.join(" "));
            }
        }
        other => println!("unexpected: {other:?}"),
    }

    let token = std::env::var("BLINKSALE_READONLY_TOKEN").unwrap_or_default();
    let read_only = Client::builder().token(token).build()?;
    match read_only.units().create(&UnitInput { name: "Crate".into(), ..Default::default() }).await {
        Err(Error::PermissionDenied { required, .. }) => println!("permission denied: this token lacks \"{required}\""),
        other => println!("unexpected: {other:?}"),
    }

    // 30 requests at once: the shared limiter spreads them over the server's windows.
    let tasks: Vec<_> = (0..30)
        .map(|_| {
            let client = client.clone();
            tokio::spawn(async move { client.units().list(&ListParams::new()).await })
        })
        .collect();
    let (mut ok, mut limited) = (0, 0);
    for t in tasks {
        match t.await {
            Ok(Ok(_)) => ok += 1,
            Ok(Err(Error::RateLimited { .. })) => limited += 1,
            Ok(Err(e)) => return Err(e),
            Err(join) => panic!("task failed: {join}"),
        }
    }
    println!("burst: {ok} of 30 requests succeeded, {limited} rate-limit errors reached the code");
    Ok(())
}
