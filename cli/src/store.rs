//! Where `auth login` keeps a token: the OS credential store (the macOS Keychain, the Windows
//! Credential Manager, the Secret Service on Linux and the BSDs, through the `keyring` crate and
//! its pure-Rust D-Bus client), or with `--insecure-storage` a mode-0600 file.
use std::path::{Path, PathBuf};

use blinksale::SecretToken;

use crate::exit::Failure;
use crate::profile;

/// The service name the tokens are kept under; the profile is the account.
const SERVICE: &str = "blinksale";

/// The store's name, for messages.
pub const STORE_NAME: &str = if cfg!(target_os = "macos") {
    "the macOS Keychain"
} else if cfg!(windows) {
    "the Windows Credential Manager"
} else {
    "the Secret Service"
};

fn entry(profile: &str) -> Result<keyring::Entry, String> {
    keyring::Entry::new(SERVICE, profile).map_err(|e| match e {
        // The store failed to start: its own error says why (no D-Bus session, say).
        keyring::Error::NoDefaultStore => match keyring::Entry::store_status() {
            Err(cause) => cause.to_string(),
            Ok(()) => e.to_string(),
        },
        other => other.to_string(),
    })
}

/// Stores the token; the error says why the store cannot be used.
pub fn keyring_set(profile: &str, token: &SecretToken) -> Result<(), String> {
    entry(profile)?.set_password(token.expose_secret()).map_err(|e| e.to_string())
}

/// The profile's token from the store.
pub fn keyring_get(profile: &str) -> Result<SecretToken, Failure> {
    let fail = |why: String| Failure::usage(format!("cannot read the token of profile `{profile}` from {STORE_NAME}: {why}"));
    let raw = entry(profile).map_err(fail)?.get_password().map_err(|e| match e {
        keyring::Error::NoEntry => fail(format!("it is not there (run `blinksale auth login --profile {profile}`)")),
        other => fail(other.to_string()),
    })?;
    SecretToken::from_source(&raw, &format!("the token of profile `{profile}` in {STORE_NAME}")).map_err(Failure::from)
}

/// Deletes the profile's token from the store; `Ok(false)` when it was not there.
pub fn keyring_delete(profile: &str) -> Result<bool, String> {
    match entry(profile)?.delete_credential() {
        Ok(()) => Ok(true),
        Err(keyring::Error::NoEntry) => Ok(false),
        Err(e) => Err(e.to_string()),
    }
}

/// The file `--insecure-storage` keeps a profile's token in.
pub fn token_path(dir: &Path, profile: &str) -> PathBuf {
    dir.join("tokens").join(profile)
}

/// Writes the token to `path`, readable and writable by the user only (mode 0600).
pub fn write_token_file(path: &Path, token: &SecretToken) -> Result<(), Failure> {
    if let Some(parent) = path.parent() {
        profile::create_private_dir(parent)?;
    }
    profile::write_replacing(path, format!("{}\n", token.expose_secret()).as_bytes())
}

/// Whether `path` is a token file this command line wrote (so logout may delete it), not one
/// the user pointed a profile at.
pub fn is_ours(dir: &Path, path: &Path) -> bool {
    path.parent() == Some(dir.join("tokens").as_path())
}
