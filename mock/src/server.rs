//! Running the server: the accept loop, and `MockServer`, a handle for tests and embedding.
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::TokioIo;
use tokio::net::TcpListener;
use tokio::sync::watch;

use crate::config::{MockConfig, Permission, TokenSpec};
use crate::faults::Fault;
use crate::log::LoggedRequest;
use crate::service::{State, handle};

/// Accepts connections until `shutdown` completes.
pub async fn serve(listener: TcpListener, state: Arc<State>, shutdown: impl Future<Output = ()>) {
    tokio::pin!(shutdown);
    loop {
        let accepted = tokio::select! {
            a = listener.accept() => a,
            () = &mut shutdown => return,
        };
        let Ok((stream, _)) = accepted else {
            // Out of file descriptors and the like: back off instead of spinning.
            tokio::time::sleep(Duration::from_millis(10)).await;
            continue;
        };
        let _ = stream.set_nodelay(true);
        let state = state.clone();
        tokio::spawn(async move {
            let svc = service_fn(move |req| handle(state.clone(), req));
            // Errors here are client disconnects and injected drops: nothing to report.
            let _ = http1::Builder::new().keep_alive(true).serve_connection(TokioIo::new(stream), svc).await;
        });
    }
}

/// A running mock server on its own thread and runtime. Dropping it stops the server.
///
/// ```
/// let mock = blinksale_mock::MockServer::start(Default::default()).unwrap();
/// assert!(mock.url().ends_with("/api/v1"));
/// ```
pub struct MockServer {
    addr: SocketAddr,
    url: String,
    token: String,
    state: Arc<State>,
    stop: Option<watch::Sender<bool>>,
    thread: Option<JoinHandle<()>>,
}

impl std::fmt::Debug for MockServer {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("MockServer").field("url", &self.url).finish_non_exhaustive()
    }
}

impl MockServer {
    /// Binds (port 0 picks a free one), seeds the data and starts serving in the background.
    /// Works from synchronous code and from inside any async runtime.
    pub fn start(config: MockConfig) -> std::io::Result<MockServer> {
        let std_listener = std::net::TcpListener::bind((config.host.as_str(), config.port))?;
        std_listener.set_nonblocking(true)?;
        let addr = std_listener.local_addr()?;
        let token = config.effective_tokens().first().map(|t| t.value.clone()).unwrap_or_default();
        let state = Arc::new(State::new(config));
        let (stop, mut stopped) = watch::channel(false);
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).thread_name("blinksale-mock").enable_all().build()?;
        let serving = state.clone();
        let thread = std::thread::Builder::new().name("blinksale-mock".into()).spawn(move || {
            runtime.block_on(async move {
                match TcpListener::from_std(std_listener) {
                    Ok(listener) => {
                        serve(listener, serving, async move {
                            let _ = stopped.wait_for(|s| *s).await;
                        })
                        .await
                    }
                    Err(e) => eprintln!("blinksale-mock: {e}"),
                }
            });
            // Open keep-alive connections end with the runtime.
            runtime.shutdown_timeout(Duration::from_millis(200));
        })?;
        let host = if addr.ip().is_unspecified() { "127.0.0.1".to_string() } else { addr.ip().to_string() };
        let host = if addr.is_ipv6() { format!("[{host}]") } else { host };
        Ok(MockServer { addr, url: format!("http://{host}:{}/api/v1", addr.port()), token, state, stop: Some(stop), thread: Some(thread) })
    }

    /// The base URL, `http://127.0.0.1:PORT/api/v1`.
    pub fn url(&self) -> &str {
        &self.url
    }
    /// The bound address.
    pub fn addr(&self) -> SocketAddr {
        self.addr
    }
    /// The first configured token (`demo-token` by default).
    pub fn token(&self) -> &str {
        &self.token
    }
    /// Requests received so far, in arrival order.
    pub fn requests(&self) -> Vec<LoggedRequest> {
        self.state.log.entries()
    }
    /// Forgets the requests received so far.
    pub fn clear_requests(&self) {
        self.state.log.clear();
    }
    /// Queues a fault for the next matching requests.
    pub fn inject(&self, fault: Fault) {
        self.state.faults.push(fault);
    }
    /// Drops every queued fault.
    pub fn clear_faults(&self) {
        self.state.faults.clear();
    }
    /// Accepts another token from now on (rotation: add the new one, then revoke the old).
    pub fn add_token(&self, token: TokenSpec) {
        self.state.tokens.add(token);
    }
    /// Stops accepting a token; whether it was accepted.
    pub fn revoke_token(&self, value: &str) -> bool {
        self.state.tokens.revoke(value)
    }
    /// The permissions the requests of `token` (or of every token) needed so far, granted or
    /// not: what a token for the integration under test must have.
    pub fn permissions_used(&self, token: Option<&str>) -> Vec<Permission> {
        self.state.tokens.used(token)
    }
    /// `this run needed read, write`, for the end of a run.
    pub fn permissions_summary(&self) -> String {
        self.state.tokens.summary()
    }
    /// Restores the demo data and the configured tokens, and clears faults, the log and the
    /// permissions noted.
    pub fn reset(&self) {
        self.state.reset();
        self.state.faults.clear();
        self.state.log.clear();
    }
    /// Stops the server and waits for its thread.
    pub fn stop(mut self) {
        self.shutdown();
    }

    fn shutdown(&mut self) {
        if let Some(stop) = self.stop.take() {
            let _ = stop.send(true);
        }
        if let Some(thread) = self.thread.take() {
            let _ = thread.join();
        }
    }
}

impl Drop for MockServer {
    fn drop(&mut self) {
        self.shutdown();
    }
}
