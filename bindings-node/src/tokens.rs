//! A JS function as the core's token provider. The core decides when to ask (first use,
//! after a 401); this only calls it on the JS thread and awaits its promise (the TS layer
//! makes every provider return one).
use std::sync::Arc;

use futures_util::future::BoxFuture;
use napi::bindgen_prelude::*;
use napi::threadsafe_function::ThreadsafeFunction;

type Tsfn = ThreadsafeFunction<(), Promise<String>, (), Status, false, true>;

pub struct JsProvider(Arc<Tsfn>);

impl JsProvider {
    /// Weak: a client that is never called again does not keep the process alive.
    pub fn new(f: Function<'_, (), Promise<String>>) -> Result<JsProvider> {
        Ok(JsProvider(Arc::new(f.build_threadsafe_function().callee_handled::<false>().weak::<true>().build()?)))
    }
}

impl blinksale::TokenProvider for JsProvider {
    fn token(&self) -> BoxFuture<'static, blinksale::Result<String>> {
        let f = self.0.clone();
        Box::pin(async move {
            let failed = |e: napi::Error| blinksale::Error::Config(format!("the token provider failed: {}", e.reason));
            let promise = f.call_async_catch(()).await.map_err(failed)?;
            promise.await.map_err(failed)
        })
    }
}
