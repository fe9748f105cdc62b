//! The PHP extension: the Rust core behind `Blinksale\Client`. It translates only: retries,
//! paging, validation and errors are the core's, and the contract's structs cross generically
//! (JSON text in, arrays out). The PHP surface (client, resources, models, pages, exceptions)
//! is PHP code compiled into the extension (`sources`), defined when a request first names a
//! `Blinksale\` class. Its files mirror the Python and Node bindings'.
#![cfg_attr(windows, feature(abi_vectorcall))]
mod client;
mod convert;
mod decode;
mod errors;
mod mock;
mod runtime;
mod sources;
mod stream;
mod tokens;
mod vm;

use ext_php_rs::prelude::*;

// Pages are tens of kilobytes; with the system allocator the process grew by about 24 bytes
// a call (no leak: valgrind finds none), with mimalloc it stays flat.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// Defines the PHP surface the first time a request names one of its classes.
#[php_function]
#[php(name = "Blinksale\\Internal\\autoload")]
pub fn autoload(class: String) {
    if class.starts_with("Blinksale\\") {
        sources::define_once();
    }
}

/// The core's catalog and binding contract as JSON (what the generated layer is written from).
#[php_function]
#[php(name = "Blinksale\\Internal\\schema_json")]
pub fn schema_json() -> String {
    blinksale::binding::schema_json().to_string()
}

/// RINIT: each request starts with the surface undefined and the autoloader registered.
extern "C" fn request_startup(_type: i32, _module: i32) -> i32 {
    sources::request_started();
    0
}

#[php_module]
pub fn get_module(module: ModuleBuilder) -> ModuleBuilder {
    module
        .name("blinksale")
        .version(env!("CARGO_PKG_VERSION"))
        .request_startup_function(request_startup)
        .class::<client::NativeClient>()
        .class::<stream::NativeStream>()
        .class::<mock::NativeMock>()
        .function(wrap_function!(autoload))
        .function(wrap_function!(schema_json))
}
