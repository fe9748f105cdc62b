//! The API token: checked once, never shown.
use std::fmt;
use std::sync::Arc;

use crate::error::{Error, Result};

/// A Blinksale API token. Debug and Display print `[redacted]`; the value is only read to build
/// the `Authorization` header.
#[derive(Clone, PartialEq, Eq)]
pub struct SecretToken(Arc<str>);

impl SecretToken {
    /// Checks the token, with surrounding whitespace (a pasted newline) trimmed.
    pub fn new(token: impl Into<String>) -> Result<Self> {
        Self::from_source(&token.into(), "the API token")
    }

    /// Checks a token that came from `origin` (named in the error, the token never is): not
    /// empty, no `Bearer ` prefix, no whitespace or control characters inside, which could never
    /// be valid and would corrupt the header.
    pub fn from_source(raw: &str, origin: &str) -> Result<Self> {
        let token = raw.trim();
        let problem = if token.is_empty() {
            "is empty"
        } else if token.len() > 7 && token[..7].eq_ignore_ascii_case("bearer ") {
            "starts with \"Bearer \": give the token alone, the client adds the scheme"
        } else if token.chars().any(char::is_control) {
            "contains a control character"
        } else if token.chars().any(char::is_whitespace) {
            "contains whitespace"
        } else {
            return Ok(SecretToken(token.into()));
        };
        Err(Error::Config(format!("{origin} {problem}")))
    }

    /// The token itself, for a tool whose job is to hand it over (`blinksale auth token`,
    /// storing it in a credential store). Never for a log line or a message.
    pub fn expose_secret(&self) -> &str {
        &self.0
    }

    /// The last four characters, as `auth status` shows a token.
    pub fn masked(&self) -> String {
        let tail: String = self.0.chars().rev().take(4).collect::<Vec<_>>().into_iter().rev().collect();
        format!("****{tail}")
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn hygiene_names_the_problem_never_the_token() {
        for (raw, says) in [
            ("Bearer abcd1234", "Bearer"),
            ("bearer abcd1234", "Bearer"),
            ("abcd 1234", "whitespace"),
            ("abcd\u{7}1234", "control"),
            ("   ", "empty"),
        ] {
            let message = SecretToken::from_source(raw, "the API token").unwrap_err().to_string();
            assert!(message.contains(says), "{message}");
            assert!(!message.contains("abcd"), "{message}");
        }
        assert_eq!(SecretToken::new(" tok-1234\n").map(|t| t.expose_secret().to_string()).ok().as_deref(), Some("tok-1234"));
        assert_eq!(SecretToken::new("abcdefgh").map(|t| t.masked()).ok().as_deref(), Some("****efgh"));
    }
}
