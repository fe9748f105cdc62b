//! The Node addon: the Rust core behind the `blinksale` npm package. It translates only:
//! retries, paging, validation and errors are the core's, and the contract's structs
//! (settings, options, replies, error details) cross generically as JSON. The TypeScript
//! layer (`lib/`) builds its classes from them. Its files mirror the Python binding's; the
//! modules are public because JS calls into them.
pub mod cli;
pub mod client;
mod convert;
mod errors;
pub mod logging;
pub mod mock;
mod tokens;
pub mod trace;

// Pages are tens of kilobytes; the system allocator hands such buffers back to the OS and
// pays page faults for them on every request.
#[global_allocator]
static GLOBAL: mimalloc::MiMalloc = mimalloc::MiMalloc;

/// The addon's calls run on the core's runtime for language layers, not napi's default (a
/// worker per core).
#[napi_derive::module_init]
fn init() {
    if let Ok(rt) = blinksale::binding::runtime_builder("blinksale").build() {
        napi::bindgen_prelude::create_custom_tokio_runtime(rt);
    }
}

/// The core's catalog and binding contract as JSON (what the generated layer is written from).
#[napi_derive::napi]
pub fn schema_json() -> String {
    blinksale::binding::schema_json().to_string()
}
