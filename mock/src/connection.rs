//! One accepted connection: plain HTTP/1.1, or TLS with HTTP/2 or HTTP/1.1 as ALPN chose, and
//! closed once idle for the configured time, as a load balancer closes its idle connections.
use std::pin::Pin;
use std::sync::Arc;
use std::sync::Mutex;
use std::time::{Duration, Instant};

use hyper::server::conn::http1;
use hyper::service::service_fn;
use hyper_util::rt::{TokioExecutor, TokioIo};
use hyper_util::server::conn::auto;
use tokio::io::{AsyncRead, AsyncWrite};
use tokio::net::TcpStream;
use tokio_rustls::TlsAcceptor;

use crate::service::{State, handle};

/// A TLS handshake that takes longer is dropped.
const HANDSHAKE: Duration = Duration::from_secs(10);

/// Requests in progress on a connection, and when the last one ended.
struct Activity(Mutex<(usize, Instant)>);

impl Activity {
    fn update(&self, started: bool) {
        let mut a = self.0.lock().unwrap_or_else(|e| e.into_inner());
        a.0 = if started { a.0 + 1 } else { a.0.saturating_sub(1) };
        a.1 = Instant::now();
    }

    /// How long the connection has had no request in progress.
    fn idle_for(&self) -> Option<Duration> {
        let a = self.0.lock().unwrap_or_else(|e| e.into_inner());
        (a.0 == 0).then(|| a.1.elapsed())
    }
}

/// Which connection a request came on, numbered from 1 in accept order (in the request log).
#[derive(Clone, Copy, Debug)]
pub struct ConnectionId(pub u64);

/// Serves one connection to its end.
pub async fn serve(stream: TcpStream, state: Arc<State>, tls: Option<TlsAcceptor>) {
    let idle = state.config.idle_timeout;
    let id = ConnectionId(state.log.next_connection());
    match tls {
        None => plain(TokioIo::new(stream), state, id, idle).await,
        Some(acceptor) => {
            if let Ok(Ok(stream)) = tokio::time::timeout(HANDSHAKE, acceptor.accept(stream)).await {
                secure(TokioIo::new(stream), state, id, idle).await;
            }
        }
    }
}

async fn plain<I: AsyncRead + AsyncWrite + Unpin + Send + 'static>(io: TokioIo<I>, state: Arc<State>, id: ConnectionId, idle: Option<Duration>) {
    let activity = Arc::new(Activity(Mutex::new((0, Instant::now()))));
    let conn = http1::Builder::new().keep_alive(true).serve_connection(io, service(state, id, activity.clone()));
    drive(conn, |c| c.graceful_shutdown(), &activity, idle).await;
}

async fn secure<I: AsyncRead + AsyncWrite + Unpin + Send + 'static>(io: TokioIo<I>, state: Arc<State>, id: ConnectionId, idle: Option<Duration>) {
    let activity = Arc::new(Activity(Mutex::new((0, Instant::now()))));
    let builder = auto::Builder::new(TokioExecutor::new());
    let conn = builder.serve_connection(io, service(state, id, activity.clone()));
    drive(conn, |c| c.graceful_shutdown(), &activity, idle).await;
}

/// The request handler, noting when requests start and end.
fn service(
    state: Arc<State>,
    id: ConnectionId,
    activity: Arc<Activity>,
) -> impl hyper::service::Service<
    http::Request<hyper::body::Incoming>,
    Response = crate::service::HttpResponse,
    Error = crate::service::DropConnection,
    Future = impl Future<Output = Result<crate::service::HttpResponse, crate::service::DropConnection>> + Send,
> + Clone {
    service_fn(move |mut req: http::Request<hyper::body::Incoming>| {
        let (state, activity) = (state.clone(), activity.clone());
        req.extensions_mut().insert(id);
        async move {
            activity.update(true);
            let reply = handle(state, req).await;
            activity.update(false);
            reply
        }
    })
}

/// Runs `conn`; once it has been idle for `idle`, shuts it down gracefully (HTTP/1.1 closes
/// the connection, HTTP/2 sends GOAWAY first).
async fn drive<C, T>(conn: C, shutdown: impl Fn(Pin<&mut C>), activity: &Activity, idle: Option<Duration>)
where
    C: Future<Output = T>,
{
    let mut conn = std::pin::pin!(conn);
    let Some(idle) = idle else {
        let _ = conn.await;
        return;
    };
    let tick = (idle / 10).max(Duration::from_millis(10));
    let mut closing = false;
    loop {
        tokio::select! {
            _ = conn.as_mut() => return,
            () = tokio::time::sleep(tick), if !closing => {
                if activity.idle_for().is_some_and(|d| d >= idle) {
                    shutdown(conn.as_mut());
                    closing = true;
                }
            }
        }
    }
}
