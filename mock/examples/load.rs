//! A small closed-loop load generator for `make bench-mock`: keep-alive HTTP/1.1 connections,
//! each sending `GET <url>` back to back for a fixed time, then requests per second.
//!
//! cargo run --release -p blinksale-mock --example load -- URL TOKEN [CONNECTIONS] [SECONDS]
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, AtomicU64, Ordering};
use std::time::{Duration, Instant};

use bytes::Bytes;
use http_body_util::{BodyExt, Empty};
use hyper_util::rt::TokioIo;

#[tokio::main(flavor = "current_thread")]
async fn main() {
    let args: Vec<String> = std::env::args().skip(1).collect();
    if args.len() < 2 {
        eprintln!("usage: load URL TOKEN [CONNECTIONS] [SECONDS]");
        std::process::exit(2);
    }
    let url: hyper::Uri = args[0].parse().expect("a URL");
    let token = args[1].clone();
    let connections: usize = args.get(2).and_then(|c| c.parse().ok()).unwrap_or(32);
    let seconds: u64 = args.get(3).and_then(|s| s.parse().ok()).unwrap_or(5);
    let addr = format!("{}:{}", url.host().unwrap_or("127.0.0.1"), url.port_u16().unwrap_or(80));

    let done = Arc::new(AtomicBool::new(false));
    let ok = Arc::new(AtomicU64::new(0));
    let failed = Arc::new(AtomicU64::new(0));
    let mut tasks = Vec::new();
    for _ in 0..connections {
        let (url, token, addr) = (url.clone(), token.clone(), addr.clone());
        let (done, ok, failed) = (done.clone(), ok.clone(), failed.clone());
        tasks.push(tokio::spawn(async move {
            let stream = tokio::net::TcpStream::connect(&addr).await.expect("connect");
            stream.set_nodelay(true).ok();
            let (mut send, conn) = hyper::client::conn::http1::handshake(TokioIo::new(stream)).await.expect("handshake");
            tokio::spawn(conn);
            while !done.load(Ordering::Relaxed) {
                let req = hyper::Request::get(url.clone())
                    .header("host", addr.as_str())
                    .header("authorization", format!("Bearer {token}"))
                    .header("accept", "application/json")
                    .body(Empty::<Bytes>::new())
                    .expect("request");
                match send.send_request(req).await {
                    Ok(resp) => {
                        let good = resp.status().is_success();
                        let _ = resp.into_body().collect().await;
                        if good { &ok } else { &failed }.fetch_add(1, Ordering::Relaxed);
                    }
                    Err(_) => {
                        failed.fetch_add(1, Ordering::Relaxed);
                        break;
                    }
                }
            }
        }));
    }
    let start = Instant::now();
    tokio::time::sleep(Duration::from_secs(seconds)).await;
    done.store(true, Ordering::Relaxed);
    let elapsed = start.elapsed().as_secs_f64();
    for t in tasks {
        let _ = t.await;
    }
    let n = ok.load(Ordering::Relaxed);
    println!(
        "GET {url}: {n} ok, {} failed in {elapsed:.1}s over {connections} connections = {:.0} requests/s",
        failed.load(Ordering::Relaxed),
        n as f64 / elapsed
    );
}
