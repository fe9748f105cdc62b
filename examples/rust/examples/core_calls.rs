//! The Rust core's time per call, for the bindings' benchmarks to run beside their own rounds
//! (bindings-python/benches/compare.py, bindings-node/benches/compare.mjs).
//!
//! core_calls BASE_URL TOKEN, then one line per round on stdin: `clients N` (N typed calls of
//! `GET /clients?per_page=100`) or `units N` (`GET /units`). Prints each round's seconds.
use std::io::BufRead;
use std::time::Instant;

use blinksale::{Client, ListParams};

#[tokio::main(flavor = "current_thread")]
async fn main() -> Result<(), Box<dyn std::error::Error>> {
    let args: Vec<String> = std::env::args().collect();
    let (Some(url), Some(token)) = (args.get(1), args.get(2)) else {
        return Err("usage: core_calls BASE_URL TOKEN (rounds on stdin: `clients N` or `units N`)".into());
    };
    let client = Client::builder().token(token).base_url(url).build()?; // the bindings' defaults
    let (page, small) = (ListParams::new().per_page(100), ListParams::new());
    for line in std::io::stdin().lock().lines() {
        let line = line?;
        let (what, n) = line.split_once(' ').ok_or("a round is `clients N` or `units N`")?;
        let n: u32 = n.trim().parse()?;
        let t = Instant::now();
        for _ in 0..n {
            match what {
                "clients" => assert_eq!(client.clients().list(&page).await?.data.len(), 100),
                "units" => assert!(!client.units().list(&small).await?.data.is_empty()),
                other => return Err(format!("unknown round {other:?}").into()),
            }
        }
        println!("{}", t.elapsed().as_secs_f64());
    }
    Ok(())
}
