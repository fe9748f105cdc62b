//! How much of the allowed rate the limiter uses, against the mock's fixed windows, with 1, 8
//! and 32 tasks: `make bench-pacing`. The ideal run sends each window's budget at once, so
//! N requests need ceil(N / limit) - 1 full windows of waiting; the figure is that ideal
//! time over the measured one, with the count of 429 responses (which must be 0).
//!
//! `cargo run --release -p blinksale --example pacing -- [LIMIT WINDOW_S CALLS TASKS...]`
use std::time::{Duration, Instant};

use blinksale::{Client, ListParams};
use blinksale_mock::{MockConfig, MockServer};

async fn run(limit: u32, window: Duration, calls: usize, tasks: usize) -> Result<(f64, Duration, usize), blinksale::Error> {
    let mock =
        MockServer::start(MockConfig { rate_limit: limit, window, ..Default::default() }).map_err(|e| blinksale::Error::Config(e.to_string()))?;
    let client = Client::builder().token(mock.token()).base_url(mock.url()).build()?;
    let started = Instant::now();
    let next = std::sync::Arc::new(std::sync::atomic::AtomicUsize::new(0));
    let workers: Vec<_> = (0..tasks)
        .map(|_| {
            let (client, next) = (client.clone(), next.clone());
            tokio::spawn(async move {
                while next.fetch_add(1, std::sync::atomic::Ordering::Relaxed) < calls {
                    client.units().list(&ListParams::new()).await?;
                }
                Ok::<_, blinksale::Error>(())
            })
        })
        .collect();
    for w in workers {
        w.await.map_err(|e| blinksale::Error::Config(e.to_string()))??;
    }
    let elapsed = started.elapsed();
    let limited = mock.requests().iter().filter(|r| r.status == Some(429)).count();
    if std::env::var_os("PACING_TRACE").is_some() {
        for r in mock.requests() {
            eprintln!("{} {} {:?}", r.seq, r.at_ms, r.status);
        }
    }
    let ideal = window.mul_f64((calls.div_ceil(limit as usize) - 1) as f64);
    Ok((ideal.as_secs_f64() / elapsed.as_secs_f64() * 100.0, elapsed, limited))
}

#[tokio::main]
async fn main() -> Result<(), blinksale::Error> {
    let args: Vec<u64> = std::env::args().skip(1).filter_map(|a| a.parse().ok()).collect();
    let (limit, window, calls) = match args[..] {
        [l, w, c, ..] => (l as u32, Duration::from_secs(w), c as usize),
        _ => (50, Duration::from_secs(10), 200),
    };
    let tasks: Vec<usize> = if args.len() > 3 { args[3..].iter().map(|t| *t as usize).collect() } else { vec![1, 8, 32] };
    println!("{calls} calls against {limit} requests / {} s windows:", window.as_secs());
    println!("{:>6}  {:>9}  {:>11}  {:>5}", "tasks", "elapsed", "% of limit", "429s");
    for t in tasks {
        let (percent, elapsed, limited) = run(limit, window, calls, t).await?;
        println!("{t:>6}  {:>8.1}s  {percent:>10.1}%  {limited:>5}", elapsed.as_secs_f64());
    }
    Ok(())
}
