//! Cancelling a request from outside its future: what a Node `AbortSignal` drives. Dropping
//! the future is the cancellation; this only gives a handle that can drop it from elsewhere.
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::Notify;

tokio::task_local! {
    /// Set once a write (POST) of the call run through a token has started to go out.
    static WRITE_STARTED: Arc<AtomicBool>;
}

/// Called by the transport before it sends a POST: a cancel after this may have reached
/// the server.
pub(crate) fn mark_write_started() {
    let _ = WRITE_STARTED.try_with(|flag| flag.store(true, Ordering::SeqCst));
}

use crate::error::{Error, Result};

/// A handle that aborts the requests run through it, at once, with [`Error::Aborted`].
#[derive(Clone, Debug, Default)]
pub struct CancelToken {
    inner: Arc<(AtomicBool, Notify)>,
}

impl CancelToken {
    /// A token not yet cancelled.
    pub fn new() -> Self {
        Self::default()
    }

    /// Aborts every request running through this token, and any started later.
    pub fn cancel(&self) {
        self.inner.0.store(true, Ordering::SeqCst);
        self.inner.1.notify_waiters();
    }

    /// Whether [`cancel`](Self::cancel) was called.
    pub fn is_cancelled(&self) -> bool {
        self.inner.0.load(Ordering::SeqCst)
    }

    /// Runs `fut` until it ends or the token is cancelled; then `fut` is dropped, and the
    /// error says whether a write had already gone out (it may have happened; it is never
    /// retried).
    pub async fn run<T>(&self, fut: impl Future<Output = Result<T>>) -> Result<T> {
        let notified = self.inner.1.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if self.is_cancelled() {
            return Err(Error::Aborted { write_sent: false });
        }
        let started = Arc::new(AtomicBool::new(false));
        let fut = WRITE_STARTED.scope(started.clone(), fut);
        tokio::select! {
            biased;
            _ = notified => Err(Error::Aborted { write_sent: started.load(Ordering::SeqCst) }),
            r = fut => r,
        }
    }
}
