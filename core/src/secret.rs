//! The API token: checked once, never shown.
use std::fmt;

use crate::error::{Error, Result};

/// A Blinksale API token. Debug and Display print `[redacted]`; the value is only read to build
/// the `Authorization` header.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(String);

impl SecretToken {
    /// Checks the token: non-empty, no whitespace or control characters (which could never be
    /// valid and would corrupt the header).
    pub fn new(token: impl Into<String>) -> Result<Self> {
        let token = token.into();
        if token.is_empty() {
            return Err(Error::Config("the API token is empty".into()));
        }
        if token.chars().any(|c| c.is_whitespace() || c.is_control()) {
            return Err(Error::Config("the API token contains whitespace or control characters".into()));
        }
        Ok(SecretToken(token))
    }

    /// The token itself, for the `Authorization` header only.
    pub(crate) fn expose(&self) -> &str {
        &self.0
    }
}

impl fmt::Debug for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("SecretToken([redacted])")
    }
}

impl fmt::Display for SecretToken {
    fn fmt(&self, f: &mut fmt::Formatter<'_>) -> fmt::Result {
        f.write_str("[redacted]")
    }
}
