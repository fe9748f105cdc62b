//! Redirects to another host are not followed: the token goes to the API's host only.
mod common;
use std::sync::{Arc, Mutex};

use blinksale::{Client, ListParams};
use common::TOKEN;

#[tokio::test]
async fn a_redirect_to_another_host_is_not_followed() {
    // A server on 127.0.0.1 that redirects to another loopback address and records whether
    // the Authorization header ever reaches that other host.
    let other = tokio::net::TcpListener::bind("127.0.0.2:0").await;
    let Ok(other) = other else { return }; // no second loopback address on this machine
    let other_addr = other.local_addr().unwrap();
    let seen = Arc::new(Mutex::new(Vec::<String>::new()));
    let log = seen.clone();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = other.accept().await {
            let mut buf = vec![0u8; 4096];
            let n = tokio::io::AsyncReadExt::read(&mut s, &mut buf).await.unwrap_or(0);
            log.lock().unwrap().push(String::from_utf8_lossy(&buf[..n]).into_owned());
            let _ = tokio::io::AsyncWriteExt::write_all(&mut s, b"HTTP/1.1 200 OK\r\ncontent-length: 2\r\n\r\n{}").await;
        }
    });
    let first = tokio::net::TcpListener::bind("127.0.0.1:0").await.unwrap();
    let first_addr = first.local_addr().unwrap();
    tokio::spawn(async move {
        while let Ok((mut s, _)) = first.accept().await {
            let mut buf = vec![0u8; 4096];
            let _ = tokio::io::AsyncReadExt::read(&mut s, &mut buf).await;
            let reply = format!("HTTP/1.1 302 Found\r\nlocation: http://{other_addr}/api/v1/units\r\ncontent-length: 0\r\n\r\n");
            let _ = tokio::io::AsyncWriteExt::write_all(&mut s, reply.as_bytes()).await;
        }
    });
    let api = Client::builder().token(TOKEN).base_url(format!("http://{first_addr}/api/v1")).max_retries(0).build().unwrap();
    let e = api.units().list(&ListParams::new()).await.unwrap_err();
    assert_eq!(e.status(), Some(302), "the redirect is reported, not followed: {e:?}");
    let seen = seen.lock().unwrap();
    assert!(seen.iter().all(|req| !req.contains(TOKEN)), "the token reached another host");
}
