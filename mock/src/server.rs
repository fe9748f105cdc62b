//! Running the server: the accept loop, and `MockServer`, a handle for tests and embedding.
use std::future::Future;
use std::net::SocketAddr;
use std::sync::Arc;
use std::thread::JoinHandle;
use std::time::Duration;

use tokio::net::TcpListener;
use tokio::sync::watch;
use tokio_rustls::TlsAcceptor;

use crate::config::{MockConfig, Permission, TokenSpec};
use crate::faults::Fault;
use crate::log::LoggedRequest;
use crate::service::State;
use crate::tls::{CaFile, Tls};

/// Accepts connections until `shutdown` completes: plain HTTP/1.1, or with `tls` HTTPS
/// offering HTTP/2 and HTTP/1.1.
pub async fn serve(listener: TcpListener, state: Arc<State>, tls: Option<TlsAcceptor>, shutdown: impl Future<Output = ()>) {
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
        // Errors end the connection: client disconnects and injected drops, nothing to report.
        tokio::spawn(crate::connection::serve(stream, state.clone(), tls.clone()));
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
    ca: Option<(String, CaFile)>,
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
        let tls = if config.tls { Some(Tls::generate(config.http2).map_err(std::io::Error::other)?) } else { None };
        let ca = match &tls {
            Some(t) => Some((t.ca_pem.clone(), CaFile::write(&t.ca_pem, addr.port())?)),
            None => None,
        };
        let acceptor = tls.map(|t| t.acceptor);
        let state = Arc::new(State::new(config));
        let (stop, mut stopped) = watch::channel(false);
        let runtime = tokio::runtime::Builder::new_multi_thread().worker_threads(2).thread_name("blinksale-mock").enable_all().build()?;
        let serving = state.clone();
        let thread = std::thread::Builder::new().name("blinksale-mock".into()).spawn(move || {
            runtime.block_on(async move {
                match TcpListener::from_std(std_listener) {
                    Ok(listener) => {
                        serve(listener, serving, acceptor, async move {
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
        let scheme = if ca.is_some() { "https" } else { "http" };
        let url = format!("{scheme}://{host}:{}/api/v1", addr.port());
        Ok(MockServer { addr, url, token, state, ca, stop: Some(stop), thread: Some(thread) })
    }

    /// With TLS, the file holding the CA that signed the server's certificate (PEM), for a
    /// client to trust; removed when the server stops.
    pub fn ca_path(&self) -> Option<&std::path::Path> {
        self.ca.as_ref().map(|(_, f)| f.path())
    }
    /// With TLS, the CA certificate as PEM.
    pub fn ca_pem(&self) -> Option<&str> {
        self.ca.as_ref().map(|(pem, _)| pem.as_str())
    }
    /// The base URL, `http://127.0.0.1:PORT/api/v1` (`https://` with TLS).
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
