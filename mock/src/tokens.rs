//! The tokens the server accepts, changed at run time through the admin API (so rotation can
//! be tested), and the permissions each token's requests needed (so a test run tells which
//! token an integration needs).
use std::collections::HashMap;
use std::sync::{Mutex, RwLock};

use crate::config::{Permission, TokenSpec};

const ALL: [Permission; 3] = [Permission::Read, Permission::Write, Permission::Send];

/// Accepted tokens and what their requests needed.
pub struct Tokens {
    configured: Vec<TokenSpec>,
    accepted: RwLock<Vec<TokenSpec>>,
    /// Token value to the permissions its requests needed (bits in `ALL`'s order).
    used: Mutex<HashMap<String, u8>>,
}

fn bit(p: Permission) -> u8 {
    1 << ALL.iter().position(|q| *q == p).unwrap_or(0)
}

fn names(bits: u8) -> Vec<Permission> {
    ALL.into_iter().filter(|p| bits & bit(*p) != 0).collect()
}

impl Tokens {
    pub fn new(configured: Vec<TokenSpec>) -> Self {
        Tokens { accepted: RwLock::new(configured.clone()), configured, used: Mutex::default() }
    }

    /// The accepted token with this value.
    pub fn find(&self, value: &str) -> Option<TokenSpec> {
        self.accepted.read().unwrap_or_else(|e| e.into_inner()).iter().find(|s| s.value == value).cloned()
    }

    /// Accepts `spec` (replacing a token of the same value).
    pub fn add(&self, spec: TokenSpec) {
        let mut accepted = self.accepted.write().unwrap_or_else(|e| e.into_inner());
        accepted.retain(|s| s.value != spec.value);
        accepted.push(spec);
    }

    /// Stops accepting `value`; whether it was accepted.
    pub fn revoke(&self, value: &str) -> bool {
        let mut accepted = self.accepted.write().unwrap_or_else(|e| e.into_inner());
        let before = accepted.len();
        accepted.retain(|s| s.value != value);
        accepted.len() != before
    }

    /// Notes that a request with `token` needed `permission` (granted or not).
    pub fn note(&self, token: &str, permission: Permission) {
        *self.used.lock().unwrap_or_else(|e| e.into_inner()).entry(token.to_string()).or_default() |= bit(permission);
    }

    /// The permissions needed by the requests of `token`, or of every token.
    pub fn used(&self, token: Option<&str>) -> Vec<Permission> {
        let used = self.used.lock().unwrap_or_else(|e| e.into_inner());
        names(match token {
            Some(t) => used.get(t).copied().unwrap_or(0),
            None => used.values().fold(0, |a, b| a | b),
        })
    }

    /// One line for the end of a run: `this run needed read, write`.
    pub fn summary(&self) -> String {
        let used = self.used(None);
        if used.is_empty() {
            return "this run made no authorized API request".into();
        }
        let list: Vec<&str> = used.iter().map(|p| p.as_str()).collect();
        format!("this run needed {}: a token with exactly that is enough", list.join(", "))
    }

    /// Back to the configured tokens, nothing noted.
    pub fn reset(&self) {
        *self.accepted.write().unwrap_or_else(|e| e.into_inner()) = self.configured.clone();
        self.used.lock().unwrap_or_else(|e| e.into_inner()).clear();
    }
}
