//! Core errors reject as JS errors whose `code` is the core's code and whose `details` are
//! the core's `ErrorDetails` (camelCase); the TS layer turns them into its classes.
use napi::bindgen_prelude::*;
use napi::{Env, JsValue};

use crate::convert::JS;

/// The JS error for a core error: `message`, `code` and `details`.
pub fn js_error(env: &Env, e: &blinksale::Error) -> Error {
    let build = || -> Result<Error> {
        let mut obj = env.create_error(Error::new(Status::GenericFailure, e.to_string()))?;
        obj.set_named_property("code", e.code())?;
        obj.set_named_property("details", JS.rename_fields(e.to_json()))?;
        Ok(Error::from(obj.to_unknown()))
    };
    build().unwrap_or_else(|err| err)
}
