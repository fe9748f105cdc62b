//! The PHP surface, compiled into the extension: the runtime files (`php/`) and the files
//! generated from the core's schema (`php/generated/`), defined in this order (parents
//! first) once per request, when the autoloader first sees a `Blinksale\` class.
use std::cell::Cell;
use std::ffi::CString;
use std::io::Write;
use std::panic::AssertUnwindSafe;

use ext_php_rs::ffi;
use ext_php_rs::types::{ZendCallable, ZendStr};
use ext_php_rs::zend::try_catch;

macro_rules! php_files {
    ($($path:literal),* $(,)?) => { &[$(($path, include_str!(concat!("../php/", $path)))),*] };
}

/// (file, source) in definition order.
const SOURCES: &[(&str, &str)] = php_files![
    "generated/Exceptions.php",
    "BlinksaleObject.php",
    "generated/Models.php",
    "Page.php",
    "RawResponse.php",
    "Internal/Core.php",
    "Internal/ApiResource.php",
    "generated/Resources.php",
    "Client.php",
    "Testing/MockServer.php",
];

thread_local! {
    static DEFINED: Cell<bool> = const { Cell::new(false) };
}

/// Registers the autoloader for this request.
pub fn request_started() {
    DEFINED.with(|d| d.set(false));
    if let Ok(register) = ZendCallable::try_from_name("spl_autoload_register") {
        let _ = register.try_call(vec![&"Blinksale\\Internal\\autoload"]);
    }
}

/// Defines every class of the surface, once per request.
pub fn define_once() {
    if DEFINED.with(|d| d.replace(true)) {
        return;
    }
    for (file, source) in SOURCES {
        if let Err(e) = define(file, source) {
            // Only a broken build gets here; PHP then reports the class as not found.
            let _ = writeln!(std::io::stderr(), "blinksale: the embedded {file} did not load: {e}");
            return;
        }
    }
}

/// Compiles and runs one file under the name `(blinksale extension)/php/FILE`, which traces show.
fn define(file: &str, source: &str) -> Result<(), String> {
    let code = source.trim_start().strip_prefix("<?php").ok_or("no <?php tag")?;
    let code = ZendStr::new(code, false);
    let name = CString::new(format!("(blinksale extension)/php/{file}")).map_err(|e| e.to_string())?;
    let ran = try_catch(AssertUnwindSafe(|| {
        // SAFETY: a live zend_string and C string; the op array is freed by the wrapper.
        unsafe {
            let op_array = ffi::ext_php_rs_zend_compile_string(code.as_ptr().cast_mut(), name.as_ptr());
            if op_array.is_null() {
                return Err("it does not compile".to_string());
            }
            ffi::ext_php_rs_zend_execute(op_array);
            Ok(())
        }
    }));
    ran.map_err(|_| "a fatal error".to_string())?
}
