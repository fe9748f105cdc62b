//! The admin surface under `/__admin/`: request log, fault queue, reset. No auth, no rate limit.
use bytes::Bytes;
use http::{Method, Request, Response, StatusCode, header};
use http_body_util::{BodyExt, Full, Limited};
use serde_json::{Value, json};

use crate::faults::Fault;
use crate::service::{HttpResponse, State};

pub async fn handle<B>(state: &State, req: Request<B>) -> HttpResponse
where
    B: hyper::body::Body<Data = Bytes> + Send,
    B::Error: Into<Box<dyn std::error::Error + Send + Sync>>,
{
    let (parts, body) = req.into_parts();
    let bytes = match Limited::new(body, state.config.max_body_bytes).collect().await {
        Ok(c) => c.to_bytes(),
        Err(_) => return reply(413, json!({"error": "body too large"})),
    };
    let path = parts.uri.path().trim_end_matches('/');
    match (&parts.method, path) {
        (&Method::GET, "/__admin/health") => reply(200, json!({"ok": true})),
        (&Method::GET, "/__admin/requests") => reply(200, json!({"requests": state.log.entries()})),
        (&Method::DELETE, "/__admin/requests") => reply(200, json!({"cleared": state.log.clear()})),
        (&Method::GET, "/__admin/faults") => {
            let faults: Vec<Value> = state.faults.pending().iter().map(Fault::to_json).collect();
            reply(200, json!({"faults": faults}))
        }
        (&Method::DELETE, "/__admin/faults") => {
            state.faults.clear();
            reply(200, json!({"cleared": true}))
        }
        (&Method::POST, "/__admin/faults") => {
            let parsed: Result<Vec<Fault>, String> = match serde_json::from_slice::<Value>(&bytes) {
                Ok(Value::Array(items)) => items.iter().map(Fault::from_json).collect(),
                Ok(v) => Fault::from_json(&v).map(|f| vec![f]),
                Err(e) => Err(format!("invalid JSON: {e}")),
            };
            match parsed {
                Ok(faults) => {
                    let n = faults.len();
                    faults.into_iter().for_each(|f| state.faults.push(f));
                    reply(200, json!({"queued": n}))
                }
                Err(e) => reply(400, json!({"error": e})),
            }
        }
        (&Method::POST, "/__admin/tokens") => match crate::config::TokenSpec::from_json(&bytes) {
            Ok(spec) => {
                state.tokens.add(spec);
                reply(201, json!({"added": true}))
            }
            Err(e) => reply(400, json!({"error": e})),
        },
        (&Method::DELETE, p) if p.starts_with("/__admin/tokens/") => {
            let revoked = state.tokens.revoke(&p["/__admin/tokens/".len()..]);
            reply(if revoked { 200 } else { 404 }, json!({"revoked": revoked}))
        }
        (&Method::GET, "/__admin/permissions") => {
            let token = parts.uri.query().and_then(|q| url_param(q, "token"));
            let used: Vec<&str> = state.tokens.used(token.as_deref()).iter().map(|p| p.as_str()).collect();
            reply(200, json!({"permissions": used}))
        }
        (&Method::POST, "/__admin/reset") => {
            state.reset();
            state.faults.clear();
            state.log.clear();
            reply(200, json!({"reset": true}))
        }
        _ => reply(404, json!({"error": "unknown admin route"})),
    }
}

/// A query parameter's value (the token: admin requests are not logged).
fn url_param(query: &str, name: &str) -> Option<String> {
    crate::pagination::parse_query(Some(query)).into_iter().find(|(k, _)| k == name).map(|(_, v)| v)
}

fn reply(status: u16, body: Value) -> HttpResponse {
    Response::builder()
        .status(StatusCode::from_u16(status).unwrap_or(StatusCode::OK))
        .header(header::CONTENT_TYPE, "application/json")
        .body(Full::new(Bytes::from(serde_json::to_vec(&body).unwrap_or_default())))
        .unwrap_or_else(|_| Response::new(Full::new(Bytes::new())))
}
