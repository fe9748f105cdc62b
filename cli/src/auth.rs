//! `blinksale auth`: log in to a profile (the token from a hidden prompt or stdin, never argv,
//! checked with one read request, kept in the OS credential store), list the profiles and
//! whether their tokens work, log out, and print the active token for scripts.
use std::io::{IsTerminal, Read, Write};
use std::path::{Path, PathBuf};

use blinksale::{BASE_URL_ENV, Error, SecretToken};

use crate::args::{AuthAction, Global};
use crate::credentials;
use crate::exit::Failure;
use crate::profile::{self, Profile, Storage};
use crate::status;
use crate::store;

/// Runs one `auth` action.
pub fn run(action: &AuthAction, global: &Global) -> Result<(), Failure> {
    match action {
        AuthAction::Login { argv_token: Some(_), .. } => Err(Failure::usage(
            "auth login never takes the token from the command line (it would show in `ps` and in the shell's history): \
             paste it at the prompt, or pipe it: `blinksale auth login < token.txt`",
        )),
        AuthAction::Login { insecure_storage, .. } => login(global, *insecure_storage),
        AuthAction::Status => status::run(global),
        AuthAction::Logout => logout(global),
        AuthAction::Token => {
            let token = credentials::active(global)?.token()?;
            writeln!(std::io::stdout(), "{}", token.expose_secret())?;
            Ok(())
        }
    }
}

fn login(global: &Global, insecure: bool) -> Result<(), Failure> {
    let (name, _) = profile::selected(global.profile.as_deref())?;
    let dir = profile::require_dir()?;
    let mut profiles = profile::load()?;
    let old = profiles.profiles.get(&name).cloned();
    // Kept in the profile: the URL the token was checked against, unless it is the default.
    let base_url = global.base_url.clone().or_else(|| old.as_ref().and_then(|p| p.base_url.clone())).or_else(|| credentials::env(BASE_URL_ENV));
    let token = read_token()?;
    let client = status::checking_client(global, &token, base_url.as_deref())?;
    let url = client.config().base_url().to_string();
    let lacks_read = match status::check(&client) {
        Ok(()) => false,
        Err(Error::PermissionDenied { .. }) => true,
        Err(e @ Error::Authentication(_)) => return Err(nothing_stored(e, "the API refused the token")),
        Err(e) => return Err(nothing_stored(e, &format!("the token could not be checked against {url}"))),
    };
    let (storage, token_file, kept) = keep(&dir, &name, &token, insecure)?;
    if let Some(old) = old {
        forget_old(&dir, &name, &old, storage);
    }
    profiles.profiles.insert(name.clone(), Profile { base_url, storage, token_file });
    let config = profile::save(&profiles)?;
    let mut err = std::io::stderr().lock();
    writeln!(err, "Logged in to {url} as profile `{name}`: token {} {kept}.", token.masked())?;
    writeln!(err, "The profile is in {}.", config.display())?;
    if lacks_read {
        writeln!(err, "The token works but lacks the `read` permission: commands that read will be refused.")?;
    }
    if let Some((_, var)) = blinksale::token_from_environment().ok().flatten() {
        writeln!(err, "{var} is set in this shell and wins over any profile until it is unset.")?;
    }
    Ok(())
}

fn nothing_stored(e: Error, what: &str) -> Failure {
    let _ = writeln!(std::io::stderr(), "blinksale: {what}; nothing was stored.");
    Failure::Api(e)
}

/// Reads the token from a hidden prompt on a terminal, else from stdin; never from argv.
fn read_token() -> Result<SecretToken, Failure> {
    let stdin = std::io::stdin();
    let (raw, origin) = if stdin.is_terminal() {
        let typed = rpassword::prompt_password("Paste your Blinksale API token (the input is hidden): ")
            .map_err(|e| Failure::usage(format!("cannot read the token from the terminal: {e}")))?;
        (typed, "the token typed")
    } else {
        let mut text = String::new();
        // A token is short: a bound keeps a wrong pipe from filling memory.
        stdin.lock().take(64 * 1024).read_to_string(&mut text).map_err(|e| Failure::usage(format!("cannot read the token from stdin: {e}")))?;
        (text, "the token read from stdin")
    };
    Ok(SecretToken::from_source(&raw, origin)?)
}

/// Stores the token: the OS credential store, else (asked for, or when there is none) a file.
fn keep(dir: &Path, name: &str, token: &SecretToken, insecure: bool) -> Result<(Storage, Option<PathBuf>, String), Failure> {
    if !insecure {
        match store::keyring_set(name, token) {
            Ok(()) => return Ok((Storage::Keyring, None, format!("stored in {}", store::STORE_NAME))),
            Err(why) => {
                let _ = writeln!(
                    std::io::stderr(),
                    "blinksale: {} cannot be used here ({why}); the token goes to a file only you can read instead (--insecure-storage chooses this)",
                    store::STORE_NAME
                );
            }
        }
    }
    let path = store::token_path(dir, name);
    store::write_token_file(&path, token)?;
    let kept = format!("stored in {} (mode 0600, not encrypted)", path.display());
    Ok((Storage::File, Some(path), kept))
}

/// Removes what an earlier login of the profile stored elsewhere.
fn forget_old(dir: &Path, name: &str, old: &Profile, now: Storage) {
    match (old.storage, &old.token_file) {
        (Storage::Keyring, _) if now != Storage::Keyring => {
            let _ = store::keyring_delete(name);
        }
        (Storage::File, Some(path)) if now != Storage::File && store::is_ours(dir, path) => {
            let _ = std::fs::remove_file(path);
        }
        _ => {}
    }
}

fn logout(global: &Global) -> Result<(), Failure> {
    let (name, _) = profile::selected(global.profile.as_deref())?;
    let mut profiles = profile::load()?;
    let Some(old) = profiles.profiles.get(&name).cloned() else {
        return Err(Failure::usage(format!("no profile `{name}`: nothing to log out of")));
    };
    let dir = profile::require_dir()?;
    let done = match (old.storage, &old.token_file) {
        (Storage::Keyring, _) => match store::keyring_delete(&name) {
            Ok(true) => format!("the token was deleted from {}", store::STORE_NAME),
            Ok(false) => format!("the token was not in {}", store::STORE_NAME),
            Err(why) => return Err(Failure::usage(format!("cannot delete the token from {}: {why}", store::STORE_NAME))),
        },
        (Storage::File, Some(path)) if store::is_ours(&dir, path) => match std::fs::remove_file(path) {
            Ok(()) => format!("{} was deleted", path.display()),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => format!("{} was already gone", path.display()),
            Err(e) => return Err(Failure::usage(format!("cannot delete {}: {e}", path.display()))),
        },
        (Storage::File, Some(path)) => format!("{} was left in place (blinksale did not write it)", path.display()),
        (Storage::File, None) => "it named no token".into(),
    };
    profiles.profiles.remove(&name);
    profile::save(&profiles)?;
    writeln!(std::io::stderr(), "Logged out of profile `{name}`: {done}.")?;
    Ok(())
}
