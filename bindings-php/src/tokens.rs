//! A PHP callable as the core's token provider. The core decides when to ask (first use, after
//! a 401); this only calls it. Calls run on the calling PHP thread's own runtime, so the core
//! asks from that thread, the only one that may touch the callable: asked from any other, it
//! refuses (a client that works between calls, with a shared rate-limit store, cannot take one).
use std::thread::ThreadId;

use blinksale::{Error, TokenProvider};
use ext_php_rs::types::Zval;
use ext_php_rs::zend::ExecutorGlobals;
use futures_util::future::BoxFuture;

pub struct PhpProvider {
    callable: Zval,
    thread: ThreadId,
}

// SAFETY: the zval is only read, called and released on `thread`: `token` checks the thread
// before touching it, and the client holding it lives in a PHP object, freed on that thread.
unsafe impl Send for PhpProvider {}
unsafe impl Sync for PhpProvider {}

impl PhpProvider {
    /// Keeps a reference to `callable` (its refcount is raised).
    pub fn new(callable: &Zval) -> Result<PhpProvider, Error> {
        if !callable.is_callable() {
            return Err(Error::Config("token: give a string or a callable that returns one".into()));
        }
        Ok(PhpProvider { callable: callable.shallow_clone(), thread: std::thread::current().id() })
    }

    fn ask(&self) -> Result<String, Error> {
        if std::thread::current().id() != self.thread {
            return Err(Error::Config("a PHP token provider can only be called on its PHP thread".into()));
        }
        match self.callable.try_call(vec![]) {
            Ok(value) => value.string().ok_or_else(|| Error::Config("the token provider returned no string".into())),
            Err(_) => Err(Error::Config(format!("the token provider failed: {}", thrown()))),
        }
    }
}

/// The exception the callable threw, taken so it does not also surface on its own.
fn thrown() -> String {
    let Some(exception) = ExecutorGlobals::take_exception() else { return "it could not be called".into() };
    let class = exception.get_class_name().unwrap_or_else(|_| "an exception".into());
    let message = exception.try_call_method("getMessage", vec![]).ok().and_then(|m| m.string()).unwrap_or_default();
    format!("{class}: {message}")
}

impl TokenProvider for PhpProvider {
    fn token(&self) -> BoxFuture<'static, blinksale::Result<String>> {
        // Asked now, on the thread that polls: the PHP thread's own runtime.
        let asked = self.ask();
        Box::pin(async move { asked })
    }
}
