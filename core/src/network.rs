//! How the client reaches the API: the CAs it trusts (the platform's, plus a bundle), the proxy
//! it goes through (given, from the environment, or none), and HTTP/2 offered by ALPN. All of
//! it per client: nothing is installed process-wide.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rustls::pki_types::CertificateDer;
use rustls::pki_types::pem::PemObject;
use url::Url;

use crate::error::{Error, Result};

/// Environment variable naming a PEM file of extra CA certificates to trust.
pub const CA_BUNDLE_ENV: &str = "BLINKSALE_CA_BUNDLE";

/// Which proxy requests go through.
#[derive(Clone, Debug, Default)]
pub enum Proxy {
    /// `HTTPS_PROXY`, `HTTP_PROXY` and `ALL_PROXY`, with `NO_PROXY` (the default).
    #[default]
    Environment,
    /// This one, for every request (`NO_PROXY` still honoured).
    Url(ProxyUrl),
    /// None, whatever the environment says.
    Off,
}

/// A proxy URL; it may hold a password, so it is shown without one.
#[derive(Clone)]
pub struct ProxyUrl(Url);

impl std::fmt::Debug for ProxyUrl {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "{}://{}:{}", self.0.scheme(), self.0.host_str().unwrap_or(""), self.0.port_or_known_default().unwrap_or(0))
    }
}

impl Proxy {
    /// Reads `http://[user:password@]host:port` or `https://…`; the error never repeats the
    /// URL, which may hold a password.
    pub fn parse(raw: &str) -> Result<Proxy> {
        let url = Url::parse(raw).map_err(|e| Error::Config(format!("invalid proxy URL: {e}")))?;
        if !matches!(url.scheme(), "http" | "https") || url.host_str().is_none() {
            return Err(Error::Config(format!("proxy: {}:// is not supported; give http://host:port or https://host:port", url.scheme())));
        }
        Ok(Proxy::Url(ProxyUrl(url)))
    }
}

/// The trust and proxy settings of a client, checked when it is built.
#[derive(Clone, Debug, Default)]
pub(crate) struct Network {
    /// The bundle's file, its certificates, and its PEM text.
    ca_bundle: Option<(PathBuf, Vec<CertificateDer<'static>>, Vec<u8>)>,
    ca_bundle_only: bool,
    proxy: Proxy,
}

impl Network {
    /// Reads the CA bundle (else `BLINKSALE_CA_BUNDLE`'s), so a bad file fails at once.
    pub(crate) fn new(ca_bundle: Option<PathBuf>, ca_bundle_only: bool, proxy: Proxy) -> Result<Network> {
        let path = ca_bundle.or_else(|| std::env::var_os(CA_BUNDLE_ENV).filter(|v| !v.is_empty()).map(PathBuf::from));
        if ca_bundle_only && path.is_none() {
            return Err(Error::Config("ca_bundle_only needs a ca_bundle".into()));
        }
        let ca_bundle = match path {
            Some(p) => {
                let (certs, pem) = read_bundle(&p)?;
                Some((p, certs, pem))
            }
            None => None,
        };
        Ok(Network { ca_bundle, ca_bundle_only, proxy })
    }

    /// The HTTP client's TLS and proxy settings.
    pub(crate) fn apply(&self, builder: reqwest::ClientBuilder) -> Result<reqwest::ClientBuilder> {
        let builder = builder.tls_backend_preconfigured(self.tls_config()?);
        Ok(match &self.proxy {
            Proxy::Environment => builder,
            Proxy::Off => builder.no_proxy(),
            Proxy::Url(ProxyUrl(url)) => {
                let proxy = reqwest::Proxy::all(url.as_str()).map_err(|_| Error::Config("invalid proxy URL".into()))?;
                builder.proxy(proxy.no_proxy(reqwest::NoProxy::from_env()))
            }
        })
    }

    /// rustls with the ring provider, verifying against the platform's roots plus the bundle's
    /// (or the bundle's alone), offering HTTP/2 and HTTP/1.1 by ALPN.
    fn tls_config(&self) -> Result<rustls::ClientConfig> {
        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let fail = |e: rustls::Error| Error::Config(format!("cannot set up TLS: {e}"));
        let extra = self.ca_bundle.as_ref().map(|(_, c, _)| c.clone()).unwrap_or_default();
        let verifier: Arc<dyn rustls::client::danger::ServerCertVerifier> = if self.ca_bundle_only {
            let mut roots = rustls::RootCertStore::empty();
            roots.add_parsable_certificates(extra);
            rustls::client::WebPkiServerVerifier::builder_with_provider(Arc::new(roots), provider.clone())
                .build()
                .map_err(|e| Error::Config(format!("cannot set up TLS: {e}")))?
        } else {
            Arc::new(rustls_platform_verifier::Verifier::new_with_extra_roots(extra, provider.clone()).map_err(fail)?)
        };
        let mut config = rustls::ClientConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .map_err(fail)?
            .dangerous()
            .with_custom_certificate_verifier(verifier)
            .with_no_client_auth();
        config.alpn_protocols = vec![b"h2".to_vec(), b"http/1.1".to_vec()];
        Ok(config)
    }
}

/// The certificates of a PEM file, and its text; a file without one, or unreadable, is a
/// configuration error naming it.
fn read_bundle(path: &Path) -> Result<(Vec<CertificateDer<'static>>, Vec<u8>)> {
    let fail = |why: String| Error::Config(format!("ca_bundle {}: {why}", path.display()));
    let text = std::fs::read(path).map_err(|e| fail(e.to_string()))?;
    let certs =
        CertificateDer::pem_slice_iter(&text).collect::<std::result::Result<Vec<_>, _>>().map_err(|e| fail(format!("not valid PEM ({e})")))?;
    if certs.is_empty() {
        return Err(fail("no certificate in it (a PEM file of -----BEGIN CERTIFICATE----- blocks is expected)".into()));
    }
    Ok((certs, text))
}

#[cfg(feature = "redis-store")]
impl Network {
    /// The roots a `rediss://` store is checked against, as the PEM redis takes: none set (the
    /// platform's) without a bundle; else the bundle's, plus the platform's unless
    /// `ca_bundle_only`.
    pub(crate) fn store_roots(&self) -> Option<Vec<u8>> {
        let (_, _, pem) = self.ca_bundle.as_ref()?;
        let mut out = pem.clone();
        out.push(b'\n');
        if !self.ca_bundle_only {
            for cert in rustls_native_certs::load_native_certs().certs {
                out.extend(pem_block(&cert).into_bytes());
            }
        }
        Some(out)
    }
}

#[cfg(feature = "redis-store")]
fn pem_block(der: &[u8]) -> String {
    use base64::Engine;
    let b64 = base64::engine::general_purpose::STANDARD.encode(der);
    let lines: Vec<&str> = b64.as_bytes().chunks(64).map(|c| std::str::from_utf8(c).unwrap_or_default()).collect();
    format!("-----BEGIN CERTIFICATE-----\n{}\n-----END CERTIFICATE-----\n", lines.join("\n"))
}

/// The message for a certificate the client does not trust, if `e` is one: what failed and what
/// to do.
pub(crate) fn untrusted(e: &(dyn std::error::Error + 'static)) -> Option<String> {
    let mut source = Some(e);
    while let Some(s) = source {
        if let Some(rustls::Error::InvalidCertificate(why)) = s.downcast_ref::<rustls::Error>() {
            return Some(format!(
                "the server's TLS certificate is not trusted ({why:?}): if a private CA or a TLS-inspecting proxy signs it, \
                 give that CA's PEM file as ca_bundle or {CA_BUNDLE_ENV}"
            ));
        }
        // An io::Error's source() skips the error it wraps: step into it instead.
        source = match s.downcast_ref::<std::io::Error>().and_then(|io| io.get_ref()) {
            Some(inner) => Some(inner as &(dyn std::error::Error + 'static)),
            None => s.source(),
        };
    }
    None
}
