//! Which token a command uses: `--token-file`, else the environment (`BLINKSALE_API_TOKEN`, or
//! the file `BLINKSALE_API_TOKEN_FILE` names: when set it wins over any profile, as `GH_TOKEN`
//! does in gh), else a profile (`--profile`, else `BLINKSALE_PROFILE`, else `default`).
use std::path::PathBuf;

use blinksale::{BASE_URL_ENV, ClientBuilder, SecretToken};

use crate::args::Global;
use crate::exit::Failure;
use crate::profile::{self, Profile, Storage};
use crate::store;

const NO_TOKEN: &str = "no API token: run `blinksale auth login`, set BLINKSALE_API_TOKEN or BLINKSALE_API_TOKEN_FILE, or pass --token-file";

/// Where the active token comes from.
pub enum Origin {
    /// `--token-file`.
    Flag(PathBuf),
    /// The environment variable that holds the token or names its file.
    Environment(&'static str),
    /// A stored profile.
    Profile { name: String, profile: Profile },
}

/// The origin of the token a command run with `global` uses.
pub fn active(global: &Global) -> Result<Origin, Failure> {
    if let Some(path) = &global.token_file {
        return Ok(Origin::Flag(path.clone()));
    }
    if let Some((_, var)) = blinksale::token_from_environment()? {
        return Ok(Origin::Environment(var));
    }
    let (name, explicit) = profile::selected(global.profile.as_deref())?;
    match profile::load()?.profiles.remove(&name) {
        Some(profile) => Ok(Origin::Profile { name, profile }),
        None if explicit => Err(Failure::usage(format!(
            "no profile `{name}`: run `blinksale auth login --profile {name}` (`blinksale auth status` lists the profiles)"
        ))),
        None => Err(Failure::usage(NO_TOKEN)),
    }
}

/// An environment variable's value, when set and not empty.
pub fn env(name: &str) -> Option<String> {
    std::env::var(name).ok().filter(|v| !v.is_empty())
}

impl Origin {
    /// Gives `builder` this origin's token, and a profile's base URL unless `--base-url` or
    /// `BLINKSALE_BASE_URL` is set (flags, then the environment, then the profile).
    pub fn apply(&self, global: &Global, builder: ClientBuilder) -> Result<ClientBuilder, Failure> {
        let builder = match self {
            // Token files go through the core's chain: read again when they change.
            Origin::Flag(path) => builder.token_file(path),
            Origin::Environment(_) => builder,
            Origin::Profile { profile, .. } if profile.storage == Storage::File => match &profile.token_file {
                Some(path) => builder.token_file(path),
                None => builder.token(self.token()?.expose_secret()),
            },
            Origin::Profile { .. } => builder.token(self.token()?.expose_secret()),
        };
        Ok(match self.base_url(global) {
            Some(url) => builder.base_url(url),
            None => builder,
        })
    }

    /// The base URL to set on the builder, if any (else the core's: the environment or the default).
    pub fn base_url(&self, global: &Global) -> Option<String> {
        let profile_url = match self {
            Origin::Profile { profile, .. } if env(BASE_URL_ENV).is_none() => profile.base_url.clone(),
            _ => None,
        };
        global.base_url.clone().or(profile_url)
    }

    /// The token itself.
    pub fn token(&self) -> Result<SecretToken, Failure> {
        match self {
            Origin::Flag(path) => Ok(blinksale::read_token_file(path)?),
            Origin::Environment(_) => blinksale::token_from_environment()?.map(|(t, _)| t).ok_or_else(|| Failure::usage(NO_TOKEN)),
            Origin::Profile { name, profile } => match (profile.storage, &profile.token_file) {
                (Storage::File, Some(path)) => Ok(blinksale::read_token_file(path)?),
                (Storage::File, None) => Err(Failure::usage(format!("profile `{name}` keeps its token in a file but names none"))),
                (Storage::Keyring, _) => store::keyring_get(name),
            },
        }
    }

    /// Where the token is, for `auth status`.
    pub fn source(&self) -> String {
        match self {
            Origin::Flag(path) => format!("--token-file {}", path.display()),
            Origin::Environment(var) => format!("environment ({var})"),
            Origin::Profile { profile, .. } => match (&profile.storage, &profile.token_file) {
                (Storage::File, Some(path)) => format!("file {}", path.display()),
                (Storage::File, None) => "file (none named)".into(),
                (Storage::Keyring, _) => format!("store ({})", store::STORE_NAME),
            },
        }
    }

    /// The profile's name, or what stands in for one.
    pub fn label(&self) -> &str {
        match self {
            Origin::Flag(_) => "(--token-file)",
            Origin::Environment(_) => "(environment)",
            Origin::Profile { name, .. } => name,
        }
    }
}
