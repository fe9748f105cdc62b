//! With `OTEL_EXPORTER_OTLP_ENDPOINT` set, a command's spans arrive over OTLP/HTTP (protobuf)
//! at a collector's endpoint, under `TRACEPARENT`'s trace, and the API sees the call span's
//! context; without it, no header is sent.
use std::io::{BufRead, BufReader, Read, Write};
use std::net::TcpListener;
use std::sync::{Arc, Mutex};
use std::time::Duration;

use assert_cmd::Command;
use blinksale_mock::{MockConfig, MockServer, TokenSpec};
use opentelemetry_proto::tonic::collector::trace::v1::ExportTraceServiceRequest;
use opentelemetry_proto::tonic::common::v1::any_value::Value;
use opentelemetry_proto::tonic::trace::v1::Span;
use prost::Message;

const TOKEN: &str = "otel-token-5e3f";
const PARENT_TRACE: &str = "4bf92f3577b34da6a3ce929d0e0e4736";
const PARENT_SPAN: &str = "00f067aa0ba902b7";

/// An OTLP/HTTP trace endpoint: every body posted to `/v1/traces`, as sent.
fn collector() -> (String, Arc<Mutex<Vec<Vec<u8>>>>) {
    let listener = TcpListener::bind("127.0.0.1:0").unwrap();
    let url = format!("http://{}", listener.local_addr().unwrap());
    let bodies = Arc::new(Mutex::new(Vec::new()));
    let seen = bodies.clone();
    std::thread::spawn(move || {
        for stream in listener.incoming().flatten() {
            let seen = seen.clone();
            std::thread::spawn(move || {
                let mut reader = BufReader::new(stream.try_clone().unwrap());
                let mut writer = stream;
                loop {
                    let (mut line, mut length, mut path) = (String::new(), 0usize, String::new());
                    while reader.read_line(&mut line).unwrap_or(0) > 0 && line != "\r\n" {
                        let lower = line.to_ascii_lowercase();
                        if let Some(v) = lower.strip_prefix("content-length:") {
                            length = v.trim().parse().unwrap_or(0);
                        } else if lower.starts_with("post ") {
                            path = line.split(' ').nth(1).unwrap_or("").to_string();
                        }
                        line.clear();
                    }
                    if line.is_empty() {
                        return;
                    }
                    let mut body = vec![0; length];
                    if reader.read_exact(&mut body).is_err() {
                        return;
                    }
                    if path == "/v1/traces" {
                        seen.lock().unwrap().push(body);
                    }
                    let _ = writer.write_all(b"HTTP/1.1 200 OK\r\ncontent-type: application/x-protobuf\r\ncontent-length: 0\r\n\r\n");
                }
            });
        }
    });
    (url, bodies)
}

fn mock() -> MockServer {
    MockServer::start(MockConfig { seed: 3, rate_limit: 0, tokens: vec![TokenSpec::parse(TOKEN).unwrap()], ..MockConfig::default() }).unwrap()
}

fn cli(server: &MockServer) -> Command {
    let mut cmd = Command::cargo_bin("blinksale").unwrap();
    cmd.env_clear().env("BLINKSALE_API_TOKEN", TOKEN).env("BLINKSALE_BASE_URL", server.url()).timeout(Duration::from_secs(60));
    cmd
}

fn hex(bytes: &[u8]) -> String {
    bytes.iter().map(|b| format!("{b:02x}")).collect()
}

fn attribute(span: &Span, key: &str) -> Option<String> {
    let value = span.attributes.iter().find(|kv| kv.key == key)?.value.as_ref()?.value.as_ref()?;
    Some(match value {
        Value::StringValue(s) => s.clone(),
        Value::IntValue(i) => i.to_string(),
        Value::BoolValue(b) => b.to_string(),
        other => format!("{other:?}"),
    })
}

#[test]
fn a_commands_spans_go_to_the_otlp_endpoint_under_the_callers_trace() {
    let server = mock();
    let (endpoint, bodies) = collector();
    let out = cli(&server)
        .args(["clients", "list", "-o", "json"])
        .env("OTEL_EXPORTER_OTLP_ENDPOINT", &endpoint)
        .env("TRACEPARENT", format!("00-{PARENT_TRACE}-{PARENT_SPAN}-01"))
        .output()
        .unwrap();
    assert!(out.status.success(), "{}", String::from_utf8_lossy(&out.stderr));
    let bodies = bodies.lock().unwrap().clone();
    assert!(!bodies.is_empty(), "nothing was exported");
    let requests: Vec<ExportTraceServiceRequest> = bodies.iter().map(|b| ExportTraceServiceRequest::decode(b.as_slice()).unwrap()).collect();
    let resource = requests[0].resource_spans[0].resource.as_ref().unwrap();
    let service = resource.attributes.iter().find(|kv| kv.key == "service.name").and_then(|kv| kv.value.clone()).and_then(|v| v.value);
    assert_eq!(service, Some(Value::StringValue("blinksale-cli".into())));
    let scope_spans = requests.iter().flat_map(|r| &r.resource_spans).flat_map(|r| &r.scope_spans);
    assert!(scope_spans.clone().all(|s| s.scope.as_ref().is_some_and(|s| s.name == "blinksale")));
    let spans: Vec<&Span> = scope_spans.flat_map(|s| &s.spans).collect();
    let command = spans.iter().find(|s| s.name == "blinksale clients list").expect("the command's span");
    let call = spans.iter().find(|s| s.name == "GET /clients").expect("the call's span");
    assert_eq!((hex(&command.trace_id), hex(&command.parent_span_id)), (PARENT_TRACE.to_string(), PARENT_SPAN.to_string()));
    assert_eq!((hex(&call.trace_id), &call.parent_span_id), (PARENT_TRACE.to_string(), &command.span_id));
    assert_eq!(call.kind, 3, "SPAN_KIND_CLIENT");
    assert_eq!(attribute(call, "http.request.method").as_deref(), Some("GET"));
    assert_eq!(attribute(call, "http.response.status_code").as_deref(), Some("200"));
    assert_eq!(attribute(call, "url.template").as_deref(), Some("/clients"));
    assert_eq!(attribute(call, "blinksale.operation").as_deref(), Some("listClients"));
    let logged = server.requests().into_iter().last().unwrap();
    assert_eq!(logged.headers.get("traceparent"), Some(&format!("00-{PARENT_TRACE}-{}-01", hex(&call.span_id))));
    assert!(!bodies.iter().any(|b| b.windows(TOKEN.len()).any(|w| w == TOKEN.as_bytes())), "the token was exported");
}

#[test]
fn without_an_endpoint_no_trace_header_is_sent() {
    let server = mock();
    let out =
        cli(&server).args(["clients", "list", "-o", "json"]).env("TRACEPARENT", format!("00-{PARENT_TRACE}-{PARENT_SPAN}-01")).output().unwrap();
    assert!(out.status.success());
    assert!(server.requests().iter().all(|r| !r.headers.contains_key("traceparent")));
}
