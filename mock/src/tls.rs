//! HTTPS for the mock: a CA made at start (never reused, so no test trusts a key it did not
//! just make), a certificate for `127.0.0.1`, `::1` and `localhost` signed by it, and HTTP/2
//! and HTTP/1.1 offered by ALPN. The CA is written as PEM for clients to trust.
use std::path::{Path, PathBuf};
use std::sync::Arc;

use rcgen::{BasicConstraints, CertificateParams, CertifiedIssuer, DnType, ExtendedKeyUsagePurpose, IsCa, KeyPair, KeyUsagePurpose};
use rustls::pki_types::{PrivateKeyDer, PrivatePkcs8KeyDer};
use tokio_rustls::TlsAcceptor;

/// The names the certificate is valid for.
const NAMES: [&str; 3] = ["127.0.0.1", "::1", "localhost"];

/// The CA and the acceptor that serves its certificate.
pub struct Tls {
    /// Serves the certificate, offering `h2` and `http/1.1`.
    pub acceptor: TlsAcceptor,
    /// The CA that signed it, as PEM.
    pub ca_pem: String,
}

impl Tls {
    /// A new CA and server certificate, offering HTTP/2 by ALPN when `http2`.
    pub fn generate(http2: bool) -> Result<Tls, String> {
        let fail = |e: rcgen::Error| format!("cannot make the mock's certificates: {e}");
        let mut ca = CertificateParams::new(Vec::<String>::new()).map_err(fail)?;
        ca.is_ca = IsCa::Ca(BasicConstraints::Unconstrained);
        ca.distinguished_name.push(DnType::CommonName, "blinksale-mock test CA");
        ca.key_usages = vec![KeyUsagePurpose::KeyCertSign, KeyUsagePurpose::CrlSign, KeyUsagePurpose::DigitalSignature];
        let ca = CertifiedIssuer::self_signed(ca, KeyPair::generate().map_err(fail)?).map_err(fail)?;

        let mut leaf = CertificateParams::new(NAMES.map(String::from).to_vec()).map_err(fail)?;
        leaf.distinguished_name.push(DnType::CommonName, "blinksale-mock");
        leaf.extended_key_usages = vec![ExtendedKeyUsagePurpose::ServerAuth];
        let key = KeyPair::generate().map_err(fail)?;
        let cert = leaf.signed_by(&key, &ca).map_err(fail)?;

        let provider = Arc::new(rustls::crypto::ring::default_provider());
        let key = PrivateKeyDer::Pkcs8(PrivatePkcs8KeyDer::from(key.serialize_der()));
        let mut config = rustls::ServerConfig::builder_with_provider(provider)
            .with_safe_default_protocol_versions()
            .and_then(|b| b.with_no_client_auth().with_single_cert(vec![cert.der().clone(), ca.der().clone()], key))
            .map_err(|e| format!("cannot set up the mock's TLS: {e}"))?;
        config.alpn_protocols = if http2 { vec![b"h2".to_vec(), b"http/1.1".to_vec()] } else { vec![b"http/1.1".to_vec()] };
        Ok(Tls { acceptor: TlsAcceptor::from(Arc::new(config)), ca_pem: ca.pem() })
    }
}

/// The CA's PEM file, deleted with the server.
pub struct CaFile(PathBuf);

impl CaFile {
    /// Writes `pem` to a new file in the temporary directory.
    pub fn write(pem: &str, port: u16) -> std::io::Result<CaFile> {
        let path = std::env::temp_dir().join(format!("blinksale-mock-ca-{}-{port}.pem", std::process::id()));
        std::fs::write(&path, pem)?;
        Ok(CaFile(path))
    }

    /// Where the CA is.
    pub fn path(&self) -> &Path {
        &self.0
    }
}

impl Drop for CaFile {
    fn drop(&mut self) {
        let _ = std::fs::remove_file(&self.0);
    }
}
