//! Profiles: `config.toml` in the platform's config directory names, for each profile, a base
//! URL and where its token is (the OS credential store, or a file). The token itself is never
//! in it.
use std::collections::BTreeMap;
use std::io::Write;
use std::path::{Path, PathBuf};

use serde::{Deserialize, Serialize};

use crate::exit::Failure;

/// Chooses the profile when `--profile` is not given.
pub const PROFILE_ENV: &str = "BLINKSALE_PROFILE";
/// Overrides the config directory (tests, several setups on one account).
pub const CONFIG_DIR_ENV: &str = "BLINKSALE_CONFIG_DIR";
/// The profile used when none is named.
pub const DEFAULT_PROFILE: &str = "default";

const HEADER: &str = "# Written by `blinksale auth login`. Each profile names a base URL and where its token is:\n\
# storage = \"keyring\" (the OS credential store) or \"file\" (token_file, read again when it changes).\n\n";

/// Every profile, by name.
#[derive(Debug, Default, Serialize, Deserialize)]
pub struct Profiles {
    #[serde(default)]
    pub profiles: BTreeMap<String, Profile>,
}

/// One profile.
#[derive(Debug, Clone, Serialize, Deserialize)]
pub struct Profile {
    /// Without it, `BLINKSALE_BASE_URL` or the default.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub base_url: Option<String>,
    pub storage: Storage,
    /// The file that holds the token, for `storage = "file"`.
    #[serde(default, skip_serializing_if = "Option::is_none")]
    pub token_file: Option<PathBuf>,
}

/// Where a profile's token is.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Serialize, Deserialize)]
#[serde(rename_all = "lowercase")]
pub enum Storage {
    Keyring,
    File,
}

/// The profile a command uses, and whether it was named (`--profile` or `BLINKSALE_PROFILE`).
pub fn selected(flag: Option<&str>) -> Result<(String, bool), Failure> {
    let named = flag.map(str::to_string).or_else(|| std::env::var(PROFILE_ENV).ok().filter(|v| !v.is_empty()));
    let explicit = named.is_some();
    let name = named.unwrap_or_else(|| DEFAULT_PROFILE.to_string());
    check_name(&name)?;
    Ok((name, explicit))
}

/// Profile names become keys and file names: letters, digits, `-`, `_` and `.` only.
fn check_name(name: &str) -> Result<(), Failure> {
    let ok = !name.is_empty()
        && name.len() <= 64
        && !name.starts_with('.')
        && name.chars().all(|c| c.is_ascii_alphanumeric() || matches!(c, '-' | '_' | '.'));
    if ok { Ok(()) } else { Err(Failure::usage(format!("profile name {name:?}: use letters, digits, '-', '_' and '.' only"))) }
}

/// The config directory: `BLINKSALE_CONFIG_DIR`, else the platform's (`~/.config/blinksale`
/// on Linux, `~/Library/Application Support/blinksale` on macOS, `%APPDATA%\blinksale` on
/// Windows). `None` when the platform has none (no home directory).
pub fn config_dir() -> Option<PathBuf> {
    match std::env::var_os(CONFIG_DIR_ENV).filter(|v| !v.is_empty()) {
        Some(dir) => Some(PathBuf::from(dir)),
        None => dirs::config_dir().map(|d| d.join("blinksale")),
    }
}

/// The config directory, for a command that must write to it.
pub fn require_dir() -> Result<PathBuf, Failure> {
    config_dir().ok_or_else(|| Failure::usage(format!("no config directory (no home directory): set {CONFIG_DIR_ENV}")))
}

/// Where the profiles are kept.
pub fn config_file(dir: &Path) -> PathBuf {
    dir.join("config.toml")
}

/// The profiles; none when there is no config file yet.
pub fn load() -> Result<Profiles, Failure> {
    let Some(dir) = config_dir() else { return Ok(Profiles::default()) };
    let path = config_file(&dir);
    match std::fs::read_to_string(&path) {
        Ok(text) => toml::from_str(&text).map_err(|e| Failure::usage(format!("{}: {}", path.display(), e.message()))),
        Err(e) if e.kind() == std::io::ErrorKind::NotFound => Ok(Profiles::default()),
        Err(e) => Err(Failure::usage(format!("cannot read {}: {e}", path.display()))),
    }
}

/// Writes the profiles, replacing the file in one step so a reader never sees half of it.
pub fn save(profiles: &Profiles) -> Result<PathBuf, Failure> {
    let dir = require_dir()?;
    create_private_dir(&dir)?;
    let path = config_file(&dir);
    let text = toml::to_string_pretty(profiles).map_err(|e| Failure::usage(format!("cannot write the profiles: {e}")))?;
    write_replacing(&path, format!("{HEADER}{text}").as_bytes())?;
    Ok(path)
}

/// Creates `dir` (and its parents) readable by the user only.
pub fn create_private_dir(dir: &Path) -> Result<(), Failure> {
    let mut builder = std::fs::DirBuilder::new();
    builder.recursive(true);
    #[cfg(unix)]
    std::os::unix::fs::DirBuilderExt::mode(&mut builder, 0o700);
    builder.create(dir).map_err(|e| Failure::usage(format!("cannot create {}: {e}", dir.display())))
}

/// Writes `bytes` to a new file beside `path` with mode 0600, then renames it over `path`.
pub fn write_replacing(path: &Path, bytes: &[u8]) -> Result<(), Failure> {
    let fail = |e: std::io::Error| Failure::usage(format!("cannot write {}: {e}", path.display()));
    let tmp = path.with_extension(format!("tmp{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    std::os::unix::fs::OpenOptionsExt::mode(&mut options, 0o600);
    let written = options.open(&tmp).and_then(|mut f| f.write_all(bytes).and_then(|()| f.sync_all()));
    if let Err(e) = written.and_then(|()| std::fs::rename(&tmp, path)) {
        let _ = std::fs::remove_file(&tmp);
        return Err(fail(e));
    }
    Ok(())
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn names_that_cannot_be_file_names_are_refused() {
        for bad in ["", "../x", "a/b", ".hidden", "a b"] {
            assert!(check_name(bad).is_err(), "{bad:?}");
        }
        for good in ["default", "work-2", "acme.prod", "ci_bot"] {
            assert!(check_name(good).is_ok(), "{good:?}");
        }
    }

    #[test]
    fn profiles_round_trip_through_toml_without_a_token() {
        let mut p = Profiles::default();
        p.profiles.insert("work".into(), Profile { base_url: Some("https://x/api/v1".into()), storage: Storage::Keyring, token_file: None });
        let text = toml::to_string_pretty(&p).unwrap();
        assert!(text.contains("[profiles.work]") && text.contains("storage = \"keyring\""), "{text}");
        let back: Profiles = toml::from_str(&text).unwrap();
        assert_eq!(back.profiles["work"].storage, Storage::Keyring);
    }
}
