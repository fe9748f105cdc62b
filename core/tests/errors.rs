//! Every error variant, with the details each carries.
mod common;
use std::time::Duration;

use blinksale::resources::*;
use blinksale::{Client, Error, ListParams, Permission};
use blinksale_mock::Fault;
use common::{Env, dec};

#[tokio::test]
async fn authentication() {
    let env = Env::start();
    let e = env.client_as("tok_wrong").clients().list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(e, Error::Authentication(_)), "{e:?}");
    assert_eq!((e.status(), e.message().as_str(), e.code()), (Some(401), "Unauthenticated.", "authentication"));
    assert!(e.request_id().is_some());
}

#[tokio::test]
async fn permission_denied_names_the_permission_needed() {
    let env = Env::start();
    let invoice = env.client().invoices().list(&ListParams::new()).await.unwrap().data.remove(0);
    let unit = UnitInput { name: "Box".into(), ..Default::default() };
    let cases: Vec<(&str, Permission, Error)> = vec![
        ("tok_read", Permission::Write, env.client_as("tok_read").units().create(&unit).await.unwrap_err()),
        ("tok_read", Permission::Send, env.client_as("tok_read").invoices().send(&invoice.id).await.unwrap_err()),
        ("tok_write", Permission::Read, env.client_as("tok_write").units().list(&ListParams::new()).await.unwrap_err()),
        (
            "tok_send",
            Permission::Write,
            env.client_as("tok_send").invoices().apply_payment(&invoice.id, &ApplyPaymentInput::new(dec("1"))).await.unwrap_err(),
        ),
    ];
    for (token, needed, e) in cases {
        match &e {
            Error::PermissionDenied { required, info } => {
                assert_eq!((*required, info.status), (needed, 403), "{token}");
                assert!(e.to_string().contains(&format!("needs the `{needed}` permission")), "{e}");
            }
            other => panic!("{token}: {other:?}"),
        }
    }
}

#[tokio::test]
async fn not_found() {
    let env = Env::start();
    let e = env.client().invoices().get("01jtbf0c9zaraqx3swthf88n5y").await.unwrap_err();
    assert!(matches!(e, Error::NotFound(_)));
    assert_eq!(e.message(), "Resource not found.");
}

#[tokio::test]
async fn validation_from_the_server_has_field_messages() {
    // The client cannot know the client id does not exist; the server says so.
    let env = Env::start();
    let e = env
        .client()
        .invoices()
        .create(&InvoiceInput {
            client_id: "no-such-client".into(),
            line_items: vec![LineItemInput::new("A", dec("1"), dec("1"))],
            ..Default::default()
        })
        .await
        .unwrap_err();
    assert!(matches!(e, Error::Validation(_)), "{e:?}");
    assert_eq!(e.field_errors().unwrap()["client_id"], vec!["The selected client_id is invalid.".to_string()]);
    assert!(e.to_string().contains("client_id: The selected client_id is invalid."), "{e}");
}

#[tokio::test]
async fn rate_limited_after_retries_carries_the_delay() {
    let env = Env::start();
    env.mock.inject(Fault::rate_limited(3).on("/units"));
    let e = env.no_retry().units().list(&ListParams::new()).await.unwrap_err();
    assert_eq!(e.retry_after(), Some(Duration::from_secs(3)));
    assert_eq!(e.rate_limit().unwrap().remaining, Some(0));
    assert_eq!(e.code(), "rate_limited");
}

#[tokio::test]
async fn other_4xx_is_api() {
    let env = Env::start();
    let e = env.client().request(blinksale::Method::Patch, "/clients", &[], None, &Default::default()).await.unwrap_err();
    assert!(matches!(e, Error::Api(_)));
    assert_eq!(e.status(), Some(405));
    assert!(e.info().unwrap().headers.iter().any(|(k, v)| k == "allow" && v == "GET, POST"));
}

#[tokio::test]
async fn server_errors_including_html_pages() {
    let env = Env::start();
    env.mock.inject(Fault::status(500).on("/units"));
    let e = env.no_retry().units().list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(e, Error::Server(_)));
    assert_eq!(e.message(), "Internal Server Error");
    env.mock.inject(Fault::status(502).html().on("/units"));
    let e = env.no_retry().units().list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(e, Error::Server(_)), "an HTML page is a server error, not a decode error: {e:?}");
    assert_eq!(e.message(), "Bad Gateway (the server sent an HTML error page)");
}

#[tokio::test]
async fn timeout() {
    let env = Env::start();
    env.mock.inject(Fault::delay(Duration::from_millis(800)).on("/units"));
    let e = env.no_retry().units().timeout(Duration::from_millis(200)).list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(e, Error::Timeout { after } if after == Duration::from_millis(200)), "{e:?}");
}

#[tokio::test]
async fn connection_refused() {
    let port = std::net::TcpListener::bind("127.0.0.1:0").unwrap().local_addr().unwrap().port();
    let api = Client::builder().token("t").base_url(format!("http://127.0.0.1:{port}/api/v1")).max_retries(0).build().unwrap();
    let e = api.units().list(&ListParams::new()).await.unwrap_err();
    assert!(matches!(e, Error::Connection { request_sent: false, .. }), "{e:?}");
}

#[tokio::test]
async fn decode_keeps_an_excerpt() {
    let env = Env::start();
    env.mock.inject(Fault::truncate().on("/units"));
    let e = env.no_retry().units().list(&ListParams::new()).await.unwrap_err();
    match &e {
        Error::Decode { status, excerpt, request_id, .. } => {
            assert_eq!(*status, 200);
            assert!(excerpt.starts_with("{\"success\":true"), "{excerpt}");
            assert!(request_id.is_some());
        }
        other => panic!("{other:?}"),
    }
}

#[tokio::test]
async fn values_are_the_servers_call() {
    // Email form, empty names, amounts, ranges and currency codes: the server judges them,
    // and its 422 comes back with the field messages.
    let env = Env::start();
    let api = env.client();
    let bad_email = api.clients().create(&ClientInput { name: "Zed".into(), email: "not-an-email".into(), ..Default::default() }).await.unwrap_err();
    let zero = api.invoices().apply_payment("inv", &ApplyPaymentInput::new(dec("0"))).await.unwrap_err();
    let big_page = api.clients().list(&ListParams::new().per_page(101)).await.unwrap_err();
    for (e, field) in [(&bad_email, "email"), (&big_page, "per_page")] {
        assert_eq!(e.code(), "validation", "{e}");
        assert!(e.field_errors().unwrap().contains_key(field), "{field}: {e}");
    }
    assert!(matches!(zero.code(), "validation" | "not_found"), "{zero}");
    assert_eq!(env.mock.requests().len(), 3, "every one was sent");
    assert!(bad_email.info().unwrap().body.contains("email"), "the body is kept");
}

#[tokio::test]
async fn unsendable_input_is_refused_before_any_request() {
    let env = Env::start();
    let api = env.client();
    let empty_id = api.clients().get("").await.unwrap_err();
    let bad_header = api.clients().header("bad header", "x").get("c").await.unwrap_err();
    let token_header = api.clients().header("Authorization", "Bearer other").get("c").await.unwrap_err();
    let op = blinksale::ops::find("createUnit").unwrap();
    let wrong_type =
        blinksale::binding::execute(&api, op, &[], Vec::new(), Some(serde_json::json!({"name": 5})), &Default::default()).await.unwrap_err();
    let not_object = blinksale::binding::execute(&api, op, &[], Vec::new(), Some(serde_json::json!([1])), &Default::default()).await.unwrap_err();
    for (e, field) in [
        (&empty_id, Some("clientId")),
        (&bad_header, Some("headers")),
        (&token_header, Some("headers")),
        (&wrong_type, Some("name")),
        (&not_object, None),
    ] {
        match e {
            Error::InvalidRequest { field: f, .. } => assert_eq!(f.as_deref(), field, "{e}"),
            other => panic!("{field:?}: {other:?}"),
        }
    }
    assert!(wrong_type.to_string().contains("must be a string, got a number"), "{wrong_type}");
    assert!(env.mock.requests().is_empty(), "nothing was sent");
}

#[tokio::test]
async fn required_fields_are_checked_only_for_documented_operations() {
    let env = Env::start();
    let api = env.client();
    // createPayment is documented: invoice_id and amount are known to be required.
    let op = blinksale::ops::find("createPayment").unwrap();
    let e =
        blinksale::binding::execute(&api, op, &[], Vec::new(), Some(serde_json::json!({"invoice_id": "i"})), &Default::default()).await.unwrap_err();
    assert!(matches!(&e, Error::InvalidRequest { field: Some(f), .. } if f == "amount"), "{e}");
    assert!(env.mock.requests().is_empty());
    // createClient is inferred: the server decides what is required.
    let op = blinksale::ops::find("createClient").unwrap();
    let e = blinksale::binding::execute(&api, op, &[], Vec::new(), Some(serde_json::json!({"name": "Zed"})), &Default::default()).await.unwrap_err();
    assert_eq!(e.code(), "validation", "{e}");
    assert_eq!(env.mock.requests().len(), 1);
}

#[test]
fn config_errors() {
    let err = |r: blinksale::Result<Client>| r.unwrap_err();
    assert!(matches!(err(Client::new("")), Error::Config(m) if m.contains("empty")));
    assert!(matches!(err(Client::new("abc def")), Error::Config(m) if m.contains("whitespace")));
    assert!(matches!(err(Client::new("ab\u{7}c")), Error::Config(m) if m.contains("control")));
    // A pasted newline around the token is trimmed, not an error.
    assert!(Client::new(" abc\n").is_ok());
    let e = err(Client::builder().token("t").base_url("http://api.example.com/api/v1").build());
    assert!(e.to_string().contains("refusing to send the API token over plain http"), "{e}");
    for ok in ["http://127.0.0.1:1/api/v1", "http://localhost:9/api/v1", "http://[::1]:9/api/v1", "https://app.blinksale.com/api/v1"] {
        assert!(Client::builder().token("t").base_url(ok).build().is_ok(), "{ok}");
    }
    assert!(matches!(err(Client::builder().token("t").base_url("ftp://x").build()), Error::Config(_)));
    assert!(matches!(err(Client::builder().token("t").base_url("https://user:pw@x.example").build()), Error::Config(_)));
    assert!(matches!(err(Client::builder().token("t").default_header("Authorization", "x").build()), Error::Config(_)));
}

#[test]
fn missing_token_names_the_variable() {
    // Only this test touches the variable; it is unset in the test environment.
    if std::env::var_os(blinksale::TOKEN_ENV).is_none() {
        let e = Client::from_env().unwrap_err();
        assert!(e.to_string().contains("BLINKSALE_API_TOKEN"), "{e}");
    }
}
