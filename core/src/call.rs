//! Preparing a request: the one place where ids, paths, bodies and extras become what goes on
//! the wire. The typed API, the escape hatch and the bindings all start here.
use serde_json::Value;

use crate::error::{Error, Permission, Result};
use crate::method::Method;
use crate::ops::{Operation, Source, permission_for};
use crate::options::{RequestOptions, merge_extra};
use crate::validate;

/// A request ready to send: path encoded, body checked and serialized.
#[derive(Clone, Debug)]
pub(crate) struct Call {
    pub method: Method,
    /// Below the base URL, with a leading `/`, ids percent-encoded.
    pub path: String,
    pub query: Vec<(String, String)>,
    pub body: Option<Vec<u8>>,
    /// What the token needs, named in a 403's error.
    pub permission: Permission,
    /// The operation of the table this is (for a path, the one it fits), named in traces.
    pub operation: Option<&'static Operation>,
}

impl Call {
    /// An operation of the table: ids filled into its path, the body normalized and checked
    /// against its model (required fields only where the docs have a page).
    pub fn operation(
        op: &'static Operation,
        ids: &[&str],
        query: Vec<(String, String)>,
        body: Option<Value>,
        options: &RequestOptions,
    ) -> Result<Call> {
        let path = op.fill_path(ids)?;
        let body = match (op.input, body) {
            (Some(describe), Some(mut body)) => {
                let model = describe();
                validate::normalize(&model, &mut body);
                validate::body(&model, &body, op.source == Source::Documented)?;
                Some(body)
            }
            (Some(describe), None) => {
                return Err(Error::InvalidRequest { message: format!("{} needs a {} body", op.id, describe().name), field: None });
            }
            (None, _) => None,
        };
        Ok(Call { method: op.method, path, query, body: encode(body, options)?, permission: op.permission, operation: Some(op) })
    }

    /// Any path below the base URL (the escape hatch), never a URL of its own.
    pub fn raw(method: Method, path: &str, query: Vec<(String, String)>, body: Option<Value>, options: &RequestOptions) -> Result<Call> {
        if path.contains("://") || path.starts_with("//") || path.split('/').any(|s| s == "..") {
            return Err(Error::invalid("path", "must be a path below the base URL, not a URL"));
        }
        let path = format!("/{}", path.trim_start_matches('/'));
        let permission = permission_for(method, &path);
        let operation = crate::ops::matching(method, &path);
        Ok(Call { method, permission, operation, path, query, body: encode(body, options)? })
    }

    /// The same list call for another page.
    pub fn with_page(&self, page: u64) -> Call {
        let mut call = self.clone();
        call.query.retain(|(k, _)| k != "page");
        call.query.push(("page".into(), page.to_string()));
        call
    }
}

/// The body with the request's extras merged in, as JSON bytes.
fn encode(body: Option<Value>, options: &RequestOptions) -> Result<Option<Vec<u8>>> {
    merge_extra(body, options).map(|b| serde_json::to_vec(&b)).transpose().map_err(|e| Error::invalid("body", e.to_string()))
}
