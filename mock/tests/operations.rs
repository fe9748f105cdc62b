//! Every operation of the spec, on its happy path.
mod common;
use common::Api;
use serde_json::json;

#[tokio::test]
async fn docs_curl_example_returns_documented_shape() {
    // curl https://app.blinksale.com/api/v1/clients -H "Authorization: Bearer …" -H "Accept: application/json"
    let api = Api::start();
    let r = api.call("GET", "/clients", None).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.header("content-type"), Some("application/json"));
    assert_eq!(r.body["success"], true);
    assert_eq!(r.body["message"], "Resources retrieved successfully");
    let clients = r.data().as_array().unwrap();
    assert!(clients.len() >= 5);
    for c in clients {
        for key in [
            "id",
            "name",
            "email",
            "kind",
            "kind_name",
            "profile",
            "address",
            "document_defaults",
            "contact_count",
            "note_count",
            "created_at",
            "updated_at",
        ] {
            assert!(c.get(key).is_some(), "client lacks {key}: {c}");
        }
        assert_eq!(c["id"].as_str().unwrap().len(), 26);
    }
    for key in ["current_page", "from", "last_page", "path", "per_page", "to", "total", "links"] {
        assert!(r.body["meta"].get(key).is_some(), "meta lacks {key}");
    }
    for key in ["first", "last", "prev", "next"] {
        assert!(r.body["links"].get(key).is_some(), "links lacks {key}");
    }
    assert_eq!(r.body["meta"]["per_page"], 15);
    assert!(r.header("x-ratelimit-limit").is_some());
}

#[tokio::test]
async fn clients_crud() {
    let api = Api::start();
    let r = api
        .call(
            "POST",
            "/clients",
            Some(json!({"name": "Wayne Enterprises", "email": "ap@wayne.example",
        "kind": "BUSINESS", "address": {"city": "Gotham", "country": "US"}})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["message"], "Client created successfully");
    let id = r.id();
    assert_eq!(r.data()["address"]["city"], "Gotham");
    assert_eq!(r.data()["address"]["line1"], serde_json::Value::Null);

    let r = api.call("GET", &format!("/clients/{id}"), None).await;
    assert_eq!((r.status, r.data()["name"].as_str()), (200, Some("Wayne Enterprises")));
    assert_eq!(r.body["message"], "Client retrieved successfully");

    let r = api.call("PUT", &format!("/clients/{id}"), Some(json!({"name": "Wayne Enterprises Inc"}))).await;
    assert_eq!(r.status, 200);
    assert_eq!(r.data()["name"], "Wayne Enterprises Inc");
    assert_eq!(r.data()["email"], "ap@wayne.example", "a partial update keeps other fields");
    assert_eq!(r.data()["address"]["city"], "Gotham");

    let r = api.call("GET", "/clients?search=wayne", None).await;
    assert_eq!(r.data().as_array().unwrap().len(), 1);

    let r = api.call("DELETE", &format!("/clients/{id}"), None).await;
    assert_eq!((r.status, &r.body["data"]), (200, &serde_json::Value::Null));
    assert_eq!(api.call("GET", &format!("/clients/{id}"), None).await.status, 404);
}

#[tokio::test]
async fn contacts_crud_under_a_client() {
    let api = Api::start();
    let r = api
        .call(
            "POST",
            "/clients",
            Some(json!({"name": "Stark", "email": "a@stark.example",
        "contacts": [{"name": "Pepper Potts", "email": "pepper@stark.example"}]})),
        )
        .await;
    let cid = r.id();
    assert_eq!(r.data()["contact_count"], 1);
    let base = format!("/clients/{cid}/contacts");

    let r = api.call("POST", &base, Some(json!({"name": "Happy Hogan", "email": "happy@stark.example", "phone": "+15555550100"}))).await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.id();
    assert_eq!(r.data()["client_id"], cid.as_str());

    let r = api.call("GET", &base, None).await;
    assert_eq!(r.data().as_array().unwrap().len(), 2);
    assert_eq!(api.call("GET", &format!("/clients/{cid}"), None).await.data()["contact_count"], 2);
    let r = api.call("GET", &format!("{base}/{id}"), None).await;
    assert_eq!(r.data()["phone"], "+15555550100");

    let r = api.call("PUT", &format!("{base}/{id}"), Some(json!({"name": "Harold Hogan", "email": "harold@stark.example", "phone": null}))).await;
    assert_eq!((r.status, r.body["message"].as_str()), (200, Some("Contact updated successfully")));
    assert_eq!(r.data()["phone"], serde_json::Value::Null);

    assert_eq!(api.call("DELETE", &format!("{base}/{id}"), None).await.status, 200);
    assert_eq!(api.call("GET", &format!("/clients/{cid}"), None).await.data()["contact_count"], 1);
    // The last contact stays: every client needs one.
    let last = api.first_id(&base).await;
    let r = api.call("DELETE", &format!("{base}/{last}"), None).await;
    assert_eq!(r.status, 422);
    assert!(r.body["errors"]["contact"].is_array());
    // A contact is only reachable under its own client.
    let other = api.first_id("/clients").await;
    assert_eq!(api.call("GET", &format!("/clients/{other}/contacts/{last}"), None).await.status, 404);
}

#[tokio::test]
async fn taxes_units_and_items_crud() {
    let api = Api::start();
    for (path, body, update, field, value) in [
        ("/taxes", json!({"name": "City Tax", "percent": 2.25}), json!({"percent": 3}), "percent", json!(3)),
        ("/units", json!({"name": "Week"}), json!({"name": "Weeks"}), "name", json!("Weeks")),
        ("/items", json!({"name": "Audit", "price": 999.99}), json!({"price": 1000}), "price", json!(1000)),
    ] {
        let r = api.call("POST", path, Some(body)).await;
        assert_eq!(r.status, 201, "{path}: {}", r.text);
        let id = r.id();
        let r = api.call("GET", path, None).await;
        assert!(r.data().as_array().unwrap().iter().any(|x| x["id"] == id.as_str()));
        let r = api.call("GET", &format!("{path}/{id}"), None).await;
        assert_eq!(r.status, 200);
        let r = api.call("PUT", &format!("{path}/{id}"), Some(update)).await;
        assert_eq!((r.status, &r.data()[field]), (200, &value), "{path}: {}", r.text);
        assert_eq!(api.call("DELETE", &format!("{path}/{id}"), None).await.status, 200);
        assert_eq!(api.call("GET", &format!("{path}/{id}"), None).await.status, 404);
    }
}

#[tokio::test]
async fn saved_items_copy_tax_and_unit_names() {
    let api = Api::start();
    let tax = api.first_id("/taxes").await;
    let unit = api.first_id("/units").await;
    let r = api.call("POST", "/items", Some(json!({"name": "Review", "price": 80, "tax_id": tax, "unit_of_measurement_id": unit}))).await;
    assert_eq!(r.data()["tax_name"], "Sales Tax");
    assert_eq!(r.data()["unit_name"], "Hour");
    // A tax in use by a saved item cannot be deleted.
    assert_eq!(api.call("DELETE", &format!("/taxes/{tax}"), None).await.status, 422);
    let r = api.call("GET", &format!("/taxes/{tax}"), None).await;
    assert!(r.data()["usage_count"].as_u64().unwrap() >= 2);
}

#[tokio::test]
async fn estimates_crud_send_and_convert() {
    let api = Api::start();
    let client = api.first_id("/clients").await;
    let r = api
        .call(
            "POST",
            "/estimates",
            Some(json!({"client_id": client, "line_items": [
        {"name": "Consulting Services", "quantity": 10, "price": 150}]})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.id();
    assert_eq!(r.data()["status"], "DRAFT");
    assert_eq!(r.data()["currency"], "USD");
    assert_eq!(r.data()["currency_symbol"], "$");
    assert!(r.data()["estimate_number"].as_str().unwrap().starts_with("EST-"));
    assert_eq!(r.data()["client"]["id"], client.as_str());

    let r = api.call("GET", "/estimates?status=DRAFT", None).await;
    assert!(r.data().as_array().unwrap().iter().all(|e| e["status"] == "DRAFT"));
    assert_eq!(api.call("GET", &format!("/estimates/{id}"), None).await.status, 200);

    let r = api.call("PUT", &format!("/estimates/{id}"), Some(json!({"shipping": 20, "notes": "Rush"}))).await;
    assert_eq!((r.status, r.body["message"].as_str()), (200, Some("Estimate updated successfully")));
    assert_eq!(r.data()["total"], 1520);

    let r = api.call("POST", &format!("/estimates/{id}/send"), None).await;
    assert_eq!((r.status, r.data()["status"].as_str()), (200, Some("SENT")));

    let r = api.call("POST", &format!("/estimates/{id}/convert"), None).await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.data()["converted_from"], id.as_str());
    assert!(r.data()["converted_from_number"].as_str().unwrap().starts_with("EST-"));
    assert_eq!(r.data()["total"], 1520);
    let r = api.call("GET", &format!("/estimates/{id}"), None).await;
    assert_eq!(r.data()["status"], "CONVERTED");
    assert_eq!(r.data()["is_editable"], false);
    assert_eq!(api.call("POST", &format!("/estimates/{id}/convert"), None).await.status, 422);
    assert_eq!(api.call("PUT", &format!("/estimates/{id}"), Some(json!({"notes": "x"}))).await.status, 422);

    assert_eq!(api.call("DELETE", &format!("/estimates/{id}"), None).await.status, 200);
    assert_eq!(api.call("GET", &format!("/estimates/{id}"), None).await.status, 404);
}

#[tokio::test]
async fn invoices_crud_send_and_apply_payment() {
    let api = Api::start();
    let client = api.first_id("/clients").await;
    let r = api
        .call(
            "POST",
            "/invoices",
            Some(json!({"client_id": client, "issued_at": "2026-06-15", "net_terms": "NET30",
        "line_items": [{"name": "Design", "quantity": 2, "price": 100}]})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.id();
    assert_eq!(r.data()["due_at"], "2026-07-15");
    assert_eq!(r.data()["net_terms_name"], "Net 30");
    assert_eq!((r.data()["total"].clone(), r.data()["total_due"].clone()), (json!(200), json!(200)));

    let r = api.call("PUT", &format!("/invoices/{id}"), Some(json!({"line_items": [{"name": "Design", "quantity": 3, "price": 100}]}))).await;
    assert_eq!(r.data()["total"], 300);
    assert_eq!(api.call("GET", &format!("/invoices?client_id={client}"), None).await.status, 200);

    let r = api.call("POST", &format!("/invoices/{id}/send"), None).await;
    assert_eq!(r.data()["status"], "SENT");

    let r = api
        .call(
            "POST",
            &format!("/invoices/{id}/payments"),
            Some(json!({"amount": 100, "is_settled": true,
        "notes": "Partial payment via check #12345"})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    assert_eq!(r.body["message"], "Payment applied successfully");
    assert_eq!(r.data()["payment"]["amount"], 100);
    assert_eq!(r.data()["invoice"]["total_paid"], 100);
    assert_eq!(r.data()["invoice"]["total_due"], 200);
    assert_eq!(r.data()["invoice"]["status"], "PARTIAL");

    let r = api.call("POST", &format!("/invoices/{id}/payments"), Some(json!({"amount": 200}))).await;
    assert_eq!(r.data()["invoice"]["status"], "PAID");
    assert_eq!(r.data()["invoice"]["total_due"], 0);
    // Nothing is left to pay.
    assert_eq!(api.call("POST", &format!("/invoices/{id}/payments"), Some(json!({"amount": 1}))).await.status, 422);

    assert_eq!(api.call("DELETE", &format!("/invoices/{id}"), None).await.status, 200);
    assert_eq!(api.call("GET", &format!("/invoices/{id}"), None).await.status, 404);
}

#[tokio::test]
async fn payments_crud_keeps_the_invoice_balance() {
    let api = Api::start();
    let client = api.first_id("/clients").await;
    let inv = api.call("POST", "/invoices", Some(json!({"client_id": client, "line_items": [{"name": "X", "quantity": 1, "price": 50}]}))).await.id();
    let r = api.call("POST", "/payments", Some(json!({"invoice_id": inv, "amount": 20, "payment_date": "2026-06-25", "is_settled": false}))).await;
    assert_eq!((r.status, r.body["message"].as_str()), (201, Some("Payment created successfully")));
    let pid = r.id();
    let invoice = api.call("GET", &format!("/invoices/{inv}"), None).await;
    assert_eq!(invoice.data()["total_due"], 30);
    assert_eq!(invoice.data()["total_due_unsettled"], 50, "unsettled payments are not counted");

    let r = api.call("GET", &format!("/payments/{pid}"), None).await;
    assert_eq!((r.status, r.data()["payment_date"].as_str()), (200, Some("2026-06-25")));
    let r = api.call("GET", &format!("/payments?invoice_id={inv}"), None).await;
    assert_eq!(r.data().as_array().unwrap().len(), 1);

    let r = api.call("PUT", &format!("/payments/{pid}"), Some(json!({"amount": 50, "is_settled": true}))).await;
    assert_eq!((r.status, r.body["message"].as_str()), (200, Some("Payment updated successfully")));
    assert_eq!(api.call("GET", &format!("/invoices/{inv}"), None).await.data()["status"], "PAID");

    assert_eq!(api.call("DELETE", &format!("/payments/{pid}"), None).await.status, 200);
    let invoice = api.call("GET", &format!("/invoices/{inv}"), None).await;
    assert_eq!((invoice.data()["status"].as_str(), &invoice.data()["total_paid"]), (Some("DRAFT"), &json!(0)));
}

#[tokio::test]
async fn recurring_invoices_crud_and_status() {
    let api = Api::start();
    let client = api.first_id("/clients").await;
    let r = api
        .call(
            "POST",
            "/recurring-invoices",
            Some(json!({"client_id": client, "name": "Retainer", "frequency": "MONTHLY",
        "start_date": "2026-06-01", "currency": "USD", "tax_distribution": "PER_DOCUMENT", "discount_type": "PERCENTAGE",
        "discount_value": 0, "discount_distribution": "NO_DISCOUNT", "net_terms": "NET30", "late_fee_kind": "PERCENTAGE",
        "late_fee_interval": "ONE_TIME", "template_items": [{"name": "Hosting Services", "quantity": 1, "price": 99}]})),
        )
        .await;
    assert_eq!(r.status, 201, "{}", r.text);
    let id = r.id();
    assert_eq!(r.data()["status"], "ACTIVE");
    assert_eq!(r.data()["next_date"], "2026-06-01");
    assert_eq!(r.data()["template"]["items"][0]["name"], "Hosting Services");
    assert!(r.data()["template"].get("tax_distribution_name").is_none(), "templates have no *_name labels");

    let r = api
        .call(
            "PUT",
            &format!("/recurring-invoices/{id}"),
            Some(json!({"end_date": "2026-12-25", "max_occurrences": 12,
        "template_items": [{"name": "Hosting Services", "quantity": 2, "price": 99}]})),
        )
        .await;
    assert_eq!((r.status, r.body["message"].as_str()), (200, Some("Recurring invoice updated successfully")));
    assert_eq!(r.data()["template"]["total"], 198);

    let r = api.call("PATCH", &format!("/recurring-invoices/{id}/status"), Some(json!({"status": "PAUSED"}))).await;
    assert_eq!((r.status, r.data()["status"].as_str()), (200, Some("PAUSED")));
    assert_eq!(r.body["message"], "Recurring invoice status updated successfully");
    let r = api.call("PATCH", &format!("/recurring-invoices/{id}/status"), Some(json!({"status": "COMPLETED"}))).await;
    assert_eq!(r.status, 422, "COMPLETED is the server's to set");

    assert_eq!(api.call("GET", "/recurring-invoices?status=PAUSED", None).await.data().as_array().unwrap().len(), 1);
    assert_eq!(api.call("GET", &format!("/recurring-invoices/{id}"), None).await.status, 200);
    assert_eq!(api.call("DELETE", &format!("/recurring-invoices/{id}"), None).await.status, 200);
    assert_eq!(api.call("GET", &format!("/recurring-invoices/{id}"), None).await.status, 404);
}
