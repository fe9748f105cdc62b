//! Cancelling a request from outside its future: what a Node `AbortSignal` drives. Dropping
//! the future is the cancellation; this only gives a handle that can drop it from elsewhere.
use std::future::Future;
use std::sync::Arc;
use std::sync::atomic::{AtomicBool, Ordering};

use tokio::sync::Notify;

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

    /// Runs `fut` until it ends or the token is cancelled; then `fut` is dropped.
    pub async fn run<T>(&self, fut: impl Future<Output = Result<T>>) -> Result<T> {
        let notified = self.inner.1.notified();
        tokio::pin!(notified);
        notified.as_mut().enable();
        if self.is_cancelled() {
            return Err(Error::Aborted);
        }
        tokio::select! {
            biased;
            _ = notified => Err(Error::Aborted),
            r = fut => r,
        }
    }
}
