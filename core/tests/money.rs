//! Money stays exact: decimals come from the JSON text and go back out as written.
mod common;
use blinksale::ListParams;
use blinksale::resources::*;
use common::{Env, dec};

#[tokio::test]
async fn point_one_plus_point_two_is_point_three() {
    let env = Env::start();
    let api = env.client();
    let client = api.clients().list(&ListParams::new()).await.unwrap().data.remove(0);
    let inv = api
        .invoices()
        .create(&InvoiceInput {
            client_id: client.id,
            line_items: vec![
                LineItemInput::new("A", dec("1"), dec("0.1")),
                LineItemInput::new("B", dec("1"), dec("0.2")),
                LineItemInput::new("C", dec("3"), dec("12345678901.23")),
            ],
            ..Default::default()
        })
        .await
        .unwrap();
    assert_eq!(inv.total, dec("37037036703.99"));
    let paid = api.invoices().apply_payment(&inv.id, &ApplyPaymentInput::new(dec("0.1"))).await.unwrap();
    let paid = api.invoices().apply_payment(&inv.id, &ApplyPaymentInput::new(dec("0.2"))).await.map(|_| paid).unwrap();
    let after = api.invoices().get(&paid.invoice.id).await.unwrap();
    assert_eq!(after.total_paid, dec("0.3"));
    assert_eq!(after.total_due, dec("37037036703.69"));
    // Sent as JSON numbers with their exact text.
    let sent = env.mock.requests().into_iter().rev().find(|r| r.method == "POST").unwrap();
    assert_eq!(sent.body.unwrap().to_string(), r#"{"amount":0.2}"#);
}

#[test]
fn decimals_decode_from_numbers_and_strings_exactly() {
    let p: Payment = serde_json::from_str(
        r#"{"id":"p","invoice_id":"i","amount":1.1234127836128763,"is_settled":true,"created_at":"2023-11-07T05:31:56Z","updated_at":"2023-11-07T05:31:56Z"}"#,
    ).unwrap();
    assert_eq!(p.amount.to_string(), "1.1234127836128763", "no trip through f64");
    let p: Payment = serde_json::from_str(
        r#"{"id":"p","invoice_id":"i","amount":"500.10","is_settled":true,"created_at":"2023-11-07T05:31:56Z","updated_at":"2023-11-07T05:31:56Z"}"#,
    )
    .unwrap();
    assert_eq!(p.amount, dec("500.1"));
}

#[test]
fn inputs_are_normalized_before_sending() {
    let model = blinksale::schema::model("ApplyPaymentInput").unwrap();
    let mut body = serde_json::json!({"amount": "10.50", "payment_date": "2026-01-15T10:00:00+00:00"});
    blinksale::validate::normalize(&model, &mut body);
    assert_eq!(body.to_string(), r#"{"amount":10.50,"payment_date":"2026-01-15"}"#);
    blinksale::validate::body(&model, &body, true).unwrap();
    let mut bad = serde_json::json!({"amount": "ten"});
    blinksale::validate::normalize(&model, &mut bad);
    assert_eq!(blinksale::validate::body(&model, &bad, true).unwrap_err().code(), "invalid_request");
}
