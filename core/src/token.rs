//! Where the API token comes from, in one order for every language: the token given, a token
//! provider, `BLINKSALE_API_TOKEN`, a token file. A provider is asked on first use and after a
//! 401; a file is re-read when it changes (checked at most once a second), so a rotated token
//! is picked up without a restart.
use std::future::Future;
use std::path::{Path, PathBuf};
use std::sync::Arc;
use std::sync::atomic::{AtomicU8, Ordering};
use std::time::{Duration, Instant, SystemTime};

use futures_util::future::BoxFuture;

use crate::error::{Error, Permission, Result};
use crate::log::{LogSink, event};
use crate::secret::SecretToken;

/// Environment variable read for the token.
pub const TOKEN_ENV: &str = "BLINKSALE_API_TOKEN";
/// Environment variable naming a file that holds the token (a mounted secret).
pub const TOKEN_FILE_ENV: &str = "BLINKSALE_API_TOKEN_FILE";

/// How often a token file is looked at, at most.
const FILE_CHECK: Duration = Duration::from_secs(1);

/// Gives the API token on demand: asked on first use, and again after a 401 (never per
/// request). A closure returning a future of `Result<String>` is one.
pub trait TokenProvider: Send + Sync + 'static {
    /// The current token.
    fn token(&self) -> BoxFuture<'static, Result<String>>;
}

impl<F, Fut> TokenProvider for F
where
    F: Fn() -> Fut + Send + Sync + 'static,
    Fut: Future<Output = Result<String>> + Send + 'static,
{
    fn token(&self) -> BoxFuture<'static, Result<String>> {
        Box::pin(self())
    }
}

/// Where a client's token comes from.
#[derive(Clone)]
pub(crate) enum Source {
    /// A token given or read from the environment once.
    Fixed(SecretToken),
    Provider(Arc<dyn TokenProvider>),
    File(PathBuf),
}

impl Source {
    /// The first source of the chain that is set. `token`, `provider` and `file` are the
    /// explicit settings; then the environment.
    pub(crate) fn resolve(token: Option<String>, provider: Option<Arc<dyn TokenProvider>>, file: Option<PathBuf>) -> Result<Source> {
        if let Some(t) = token {
            return SecretToken::new(t).map(Source::Fixed);
        }
        if let Some(p) = provider {
            return Ok(Source::Provider(p));
        }
        if let Some(f) = file {
            return Ok(Source::File(f));
        }
        match environment() {
            Some(EnvToken::Value(t)) => return SecretToken::from_source(&t, TOKEN_ENV).map(Source::Fixed),
            Some(EnvToken::File(f)) => return Ok(Source::File(f)),
            None => {}
        }
        Err(Error::Config(format!("no API token: pass a token or a token provider, set token_file, or set {} or {TOKEN_FILE_ENV}", TOKEN_ENV)))
    }

    /// What the source is, for `auth status` and errors.
    pub(crate) fn describe(&self) -> String {
        match self {
            Source::Fixed(_) => "a token".into(),
            Source::Provider(_) => "a token provider".into(),
            Source::File(p) => format!("the token file {}", p.display()),
        }
    }
}

/// What the environment names: a token, or a file that holds one.
enum EnvToken {
    Value(String),
    File(PathBuf),
}

fn environment() -> Option<EnvToken> {
    let env = |name: &str| std::env::var(name).ok().filter(|v| !v.is_empty());
    env(TOKEN_ENV).map(EnvToken::Value).or_else(|| env(TOKEN_FILE_ENV).map(|f| EnvToken::File(f.into())))
}

/// The token the environment gives, as a client would read it (`BLINKSALE_API_TOKEN`, else
/// the file `BLINKSALE_API_TOKEN_FILE` names), with the variable it came from; `None` when
/// neither is set. For tools that must say where a token came from (`blinksale auth status`).
pub fn from_environment() -> Result<Option<(SecretToken, &'static str)>> {
    Ok(match environment() {
        Some(EnvToken::Value(t)) => Some((SecretToken::from_source(&t, TOKEN_ENV)?, TOKEN_ENV)),
        Some(EnvToken::File(f)) => Some((read_file(&f)?.0, TOKEN_FILE_ENV)),
        None => None,
    })
}

/// Reads a token file once, checked as a client checks it.
pub fn read_token_file(path: &Path) -> Result<SecretToken> {
    read_file(path).map(|(token, _)| token)
}

/// What a token file looked like when read: a replaced file (or a swapped symlink, as a
/// Kubernetes secret does) changes it.
#[derive(Clone, Copy, PartialEq, Eq)]
struct Stamp {
    modified: Option<SystemTime>,
    len: u64,
    #[cfg(unix)]
    inode: (u64, u64),
}

fn stamp(path: &Path) -> Result<Stamp> {
    // `metadata` follows symlinks: the stamp is the target's.
    let m = std::fs::metadata(path).map_err(|e| file_error(path, &e))?;
    #[cfg(unix)]
    let inode = {
        use std::os::unix::fs::MetadataExt;
        (m.dev(), m.ino())
    };
    Ok(Stamp {
        modified: m.modified().ok(),
        len: m.len(),
        #[cfg(unix)]
        inode,
    })
}

fn file_error(path: &Path, e: &std::io::Error) -> Error {
    Error::Config(format!("cannot read the token file {}: {e}", path.display()))
}

fn read_file(path: &Path) -> Result<(SecretToken, Stamp)> {
    let before = stamp(path)?;
    let text = std::fs::read_to_string(path).map_err(|e| file_error(path, &e))?;
    Ok((SecretToken::from_source(&text, &format!("the token in {}", path.display()))?, before))
}

/// The token in use and how it was had.
struct State {
    token: Option<SecretToken>,
    /// Bumped each time the token changes: a 401 names the generation it was sent with.
    generation: u64,
    /// The token file's stamp and when it was last looked at.
    file: Option<(Stamp, Instant)>,
    /// A refresh after a 401 that found no new token: its generation and time.
    refused: Option<(u64, Instant)>,
}

/// A client's token source and its current token, shared by every copy of the client.
pub(crate) struct Credentials {
    source: Source,
    state: std::sync::Mutex<State>,
    /// One refresh at a time: the tasks that got a 401 together wait for the first one's.
    refresh: tokio::sync::Mutex<()>,
    /// The permissions the calls needed, as bits.
    used: AtomicU8,
}

impl std::fmt::Debug for Credentials {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Credentials").field("source", &self.source.describe()).finish_non_exhaustive()
    }
}

impl Credentials {
    /// Credentials for `source`; a token file is read now, so a missing one fails at once.
    pub(crate) fn new(source: Source) -> Result<Credentials> {
        let mut state = State { token: None, generation: 0, file: None, refused: None };
        match &source {
            Source::Fixed(t) => state.token = Some(t.clone()),
            Source::File(path) => {
                let (token, stamp) = read_file(path)?;
                state.token = Some(token);
                state.file = Some((stamp, Instant::now()));
            }
            Source::Provider(_) => {}
        }
        Ok(Credentials { source, state: std::sync::Mutex::new(state), refresh: tokio::sync::Mutex::new(()), used: AtomicU8::new(0) })
    }

    /// The same source and token, with locks of its own (for a forked child).
    pub(crate) fn fresh(&self) -> Credentials {
        let token = self.lock().token.clone();
        let state = State { token, generation: 0, file: None, refused: None };
        Credentials { source: self.source.clone(), state: std::sync::Mutex::new(state), refresh: tokio::sync::Mutex::new(()), used: AtomicU8::new(0) }
    }

    fn lock(&self) -> std::sync::MutexGuard<'_, State> {
        self.state.lock().unwrap_or_else(|e| e.into_inner())
    }

    pub(crate) fn source(&self) -> &Source {
        &self.source
    }

    /// The token to send and its generation: a provider is asked on first use, a file looked
    /// at if a second has passed and read again if it changed.
    pub(crate) async fn current(&self, sink: Option<&LogSink>) -> Result<(SecretToken, u64)> {
        let generation = match self.check() {
            Ok(found) => return Ok(found),
            Err(generation) => generation,
        };
        let _one = self.refresh.lock().await;
        let kept = {
            let state = self.lock();
            match &state.token {
                Some(t) if state.generation != generation => return Ok((t.clone(), state.generation)),
                kept => kept.clone(),
            }
        };
        match (self.fetch(sink).await, kept) {
            (Ok(token), _) => Ok(self.install(token)),
            // A file caught while it is replaced: the token in use stays until the next look.
            (Err(_), Some(kept)) if matches!(self.source, Source::File(_)) => Ok((kept, generation)),
            (Err(e), _) => Err(e),
        }
    }

    /// The token in use, or `Err(generation)` when the source must be asked (no token yet, or
    /// the file changed).
    fn check(&self) -> std::result::Result<(SecretToken, u64), u64> {
        let mut state = self.lock();
        let Some(token) = state.token.clone() else { return Err(state.generation) };
        if let (Source::File(path), Some((seen, at))) = (&self.source, state.file)
            && at.elapsed() >= FILE_CHECK
        {
            state.file = Some((seen, Instant::now()));
            if stamp(path).ok() != Some(seen) {
                return Err(state.generation);
            }
        }
        Ok((token, state.generation))
    }

    /// Puts `token` in use; a different one starts a new generation.
    fn install(&self, token: SecretToken) -> (SecretToken, u64) {
        let mut state = self.lock();
        if state.token.as_ref() != Some(&token) {
            state.generation += 1;
            state.token = Some(token.clone());
        }
        (token, state.generation)
    }

    /// Asks the source for its token now (a log line says so, never what it gave).
    async fn fetch(&self, sink: Option<&LogSink>) -> Result<SecretToken> {
        let source = self.source.describe();
        event!(sink, DEBUG, "blinksale: asking for the token", source = source.as_str());
        match &self.source {
            Source::Fixed(t) => Ok(t.clone()),
            Source::Provider(p) => SecretToken::from_source(&p.token().await?, "the token provider's token"),
            Source::File(path) => {
                let (token, stamp) = read_file(path)?;
                self.lock().file = Some((stamp, Instant::now()));
                Ok(token)
            }
        }
    }

    /// After a 401 for the token of `generation`: a new token, if the source has one. The tasks
    /// that got the 401 together share one refresh.
    pub(crate) async fn refreshed(&self, generation: u64, sink: Option<&LogSink>) -> Result<Option<SecretToken>> {
        if matches!(self.source, Source::Fixed(_)) {
            return Ok(None);
        }
        let _one = self.refresh.lock().await;
        {
            let state = self.lock();
            if state.generation != generation {
                return Ok(state.token.clone());
            }
            if state.refused.is_some_and(|(g, at)| g == generation && at.elapsed() < FILE_CHECK) {
                return Ok(None);
            }
        }
        let (token, now) = self.install(self.fetch(sink).await?);
        if now == generation {
            self.lock().refused = Some((generation, Instant::now()));
            return Ok(None);
        }
        Ok(Some(token))
    }

    /// Notes that a call needed `permission`.
    pub(crate) fn note(&self, permission: Permission) {
        self.used.fetch_or(bit(permission), Ordering::Relaxed);
    }

    /// The permissions the calls needed so far, in the order read, write, send.
    pub(crate) fn used(&self) -> Vec<Permission> {
        let bits = self.used.load(Ordering::Relaxed);
        [Permission::Read, Permission::Write, Permission::Send].into_iter().filter(|p| bits & bit(*p) != 0).collect()
    }
}

fn bit(p: Permission) -> u8 {
    match p {
        Permission::Read => 1,
        Permission::Write => 2,
        Permission::Send => 4,
    }
}
