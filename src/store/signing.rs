//! Signed releases (issue 19.6): an Ed25519 key pair in the config folder signs a
//! version's hash, so a rewritten version fails `verify` even when its chain was recomputed.

use std::fmt::Write as _;
use std::path::{Path, PathBuf};

use ed25519_dalek::{Signature, Signer as _, VerifyingKey};
use sha2::{Digest, Sha256};

/// What a signature covers: a fixed prefix, then the version's hex hash (which covers
/// its label, date, author, note, content and the previous version's hash).
const CONTEXT: &[u8] = b"tomwerk-release-signature\n";

/// Hex digits of a key fingerprint, as printed in `verify`, footers and listings (64 bits,
/// like an OpenPGP long key id).
pub const KEY_FINGERPRINT_DIGITS: usize = 16;

/// The file names in the key folder.
const SECRET_FILE: &str = "signing-key.ed25519";
const PUBLIC_FILE: &str = "signing-key.ed25519.pub";

/// A version's signature: the signer's public key and the signature over its hash.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct ReleaseSignature {
    /// The Ed25519 public key, 64 hex digits.
    pub public_key: String,
    /// The signature, 128 hex digits.
    pub signature: String,
}

impl ReleaseSignature {
    /// The signer's key fingerprint: the first [`KEY_FINGERPRINT_DIGITS`] hex digits of
    /// the SHA-256 of the public key's bytes.
    pub fn key_fingerprint(&self) -> String {
        match unhex::<32>(&self.public_key) {
            Some(bytes) => fingerprint_of_key(&bytes),
            None => "-".repeat(KEY_FINGERPRINT_DIGITS),
        }
    }

    /// True when the signature is a valid Ed25519 signature of `hash` by `public_key`.
    pub fn holds_for(&self, hash: &str) -> bool {
        let (Some(key), Some(sig)) = (unhex::<32>(&self.public_key), unhex::<64>(&self.signature))
        else {
            return false;
        };
        let Ok(key) = VerifyingKey::from_bytes(&key) else {
            return false;
        };
        key.verify_strict(&message(hash), &Signature::from_bytes(&sig))
            .is_ok()
    }
}

/// A secret signing key (zeroed when dropped).
pub struct SigningKey(ed25519_dalek::SigningKey);

impl std::fmt::Debug for SigningKey {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        write!(f, "SigningKey({})", self.fingerprint())
    }
}

/// Why a key could not be made, read or used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// No key folder could be found (no home directory).
    #[error("no configuration folder found for the signing key")]
    NoFolder,
    /// There is no key yet.
    #[error("there is no signing key in {0}")]
    Missing(PathBuf),
    /// A key exists already and would be replaced.
    #[error("a signing key exists already in {0}")]
    Exists(PathBuf),
    /// The key file is not a key.
    #[error("{0} is not a Tomwerk signing key")]
    Invalid(PathBuf),
    /// The operating system gave no random bytes.
    #[error("the system's random number source failed: {0}")]
    Random(String),
    /// Reading or writing the key failed.
    #[error("{path}: {source}")]
    Io {
        /// The key file.
        path: PathBuf,
        /// What failed.
        source: std::io::Error,
    },
}

impl SigningKey {
    /// A fresh key from the operating system's random source.
    pub fn generate() -> Result<Self, KeyError> {
        let mut seed = zeroize::Zeroizing::new([0u8; 32]);
        getrandom::fill(seed.as_mut()).map_err(|e| KeyError::Random(e.to_string()))?;
        Ok(Self(ed25519_dalek::SigningKey::from_bytes(&seed)))
    }

    /// The public key, 64 hex digits.
    pub fn public_hex(&self) -> String {
        hex(self.0.verifying_key().as_bytes())
    }

    /// The key's fingerprint (see [`ReleaseSignature::key_fingerprint`]).
    pub fn fingerprint(&self) -> String {
        fingerprint_of_key(self.0.verifying_key().as_bytes())
    }

    /// Signs a version hash.
    pub fn sign(&self, hash: &str) -> ReleaseSignature {
        ReleaseSignature {
            public_key: self.public_hex(),
            signature: hex(&self.0.sign(&message(hash)).to_bytes()),
        }
    }

    /// Writes the key into `dir` (the secret readable by its owner only on Unix), refusing
    /// to replace an existing one unless `force`.
    pub fn save(&self, dir: &Path, force: bool) -> Result<(), KeyError> {
        let secret = dir.join(SECRET_FILE);
        let io = |path: &Path| {
            let path = path.to_owned();
            move |source| KeyError::Io { path, source }
        };
        if !force && secret.exists() {
            return Err(KeyError::Exists(secret));
        }
        std::fs::create_dir_all(dir).map_err(io(dir))?;
        let text = zeroize::Zeroizing::new(format!(
            "tomwerk-ed25519-secret-key {}\n",
            hex(self.0.as_bytes())
        ));
        write_private(&secret, text.as_bytes()).map_err(io(&secret))?;
        let public = dir.join(PUBLIC_FILE);
        let text = format!("tomwerk-ed25519-public-key {}\n", self.public_hex());
        super::atomic::write_atomic(&public, text.as_bytes()).map_err(io(&public))?;
        Ok(())
    }

    /// Reads the key from `dir`.
    pub fn load(dir: &Path) -> Result<Self, KeyError> {
        let path = dir.join(SECRET_FILE);
        let text = match std::fs::read_to_string(&path) {
            Ok(t) => zeroize::Zeroizing::new(t),
            Err(e) if e.kind() == std::io::ErrorKind::NotFound => {
                return Err(KeyError::Missing(dir.to_owned()));
            }
            Err(source) => return Err(KeyError::Io { path, source }),
        };
        let seed = text
            .trim()
            .strip_prefix("tomwerk-ed25519-secret-key ")
            .and_then(|h| unhex::<32>(h.trim()))
            .map(zeroize::Zeroizing::new)
            .ok_or_else(|| KeyError::Invalid(path.clone()))?;
        Ok(Self(ed25519_dalek::SigningKey::from_bytes(&seed)))
    }
}

/// The folder that holds the signing key: `TOMWERK_CONFIG_DIR` when set, else the
/// platform's configuration folder for Tomwerk (e.g. `~/.config/tomwerk`).
pub fn key_dir() -> Result<PathBuf, KeyError> {
    if let Some(dir) = std::env::var_os("TOMWERK_CONFIG_DIR").filter(|d| !d.is_empty()) {
        return Ok(PathBuf::from(dir));
    }
    directories::ProjectDirs::from("", "", "tomwerk")
        .map(|d| d.config_dir().to_owned())
        .ok_or(KeyError::NoFolder)
}

/// Writes a file readable by its owner only (on Unix, mode 0600 from its creation, so
/// the secret is never briefly readable by others), through a temp file and a rename.
fn write_private(path: &Path, bytes: &[u8]) -> std::io::Result<()> {
    use std::io::Write as _;
    let tmp = path.with_extension(format!("tmp-{}", std::process::id()));
    let mut options = std::fs::OpenOptions::new();
    options.write(true).create_new(true);
    #[cfg(unix)]
    {
        use std::os::unix::fs::OpenOptionsExt as _;
        options.mode(0o600);
    }
    let _ = std::fs::remove_file(&tmp);
    let result = options.open(&tmp).and_then(|mut f| {
        f.write_all(bytes)?;
        f.sync_all()
    });
    match result.and_then(|()| std::fs::rename(&tmp, path)) {
        Ok(()) => Ok(()),
        Err(e) => {
            let _ = std::fs::remove_file(&tmp);
            Err(e)
        }
    }
}

fn message(hash: &str) -> Vec<u8> {
    let mut m = CONTEXT.to_vec();
    m.extend_from_slice(hash.as_bytes());
    m
}

fn fingerprint_of_key(key: &[u8; 32]) -> String {
    let digest = Sha256::digest(key);
    hex(&digest[..KEY_FINGERPRINT_DIGITS / 2])
}

fn hex(bytes: &[u8]) -> String {
    let mut s = String::with_capacity(bytes.len() * 2);
    for b in bytes {
        let _ = write!(s, "{b:02x}");
    }
    s
}

fn unhex<const N: usize>(text: &str) -> Option<[u8; N]> {
    if text.len() != 2 * N || !text.is_ascii() {
        return None;
    }
    let mut out = [0u8; N];
    for (i, byte) in out.iter_mut().enumerate() {
        *byte = u8::from_str_radix(&text[2 * i..2 * i + 2], 16).ok()?;
    }
    Some(out)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn a_signature_holds_for_its_hash_only() {
        let key = SigningKey::generate().unwrap();
        let sig = key.sign("abc123");
        assert!(sig.holds_for("abc123"));
        assert!(!sig.holds_for("abc124"));
        let other = SigningKey::generate().unwrap();
        let mut swapped = sig.clone();
        swapped.public_key = other.public_hex();
        assert!(
            !swapped.holds_for("abc123"),
            "another key's name on the signature"
        );
        assert_eq!(sig.key_fingerprint(), key.fingerprint());
        assert_eq!(key.fingerprint().len(), KEY_FINGERPRINT_DIGITS);
        let mut garbage = sig;
        garbage.signature = "zz".into();
        assert!(!garbage.holds_for("abc123"));
    }

    #[test]
    fn a_key_round_trips_through_its_folder_and_is_not_replaced() {
        let dir = tempfile::tempdir().unwrap();
        let key = SigningKey::generate().unwrap();
        key.save(dir.path(), false).unwrap();
        let back = SigningKey::load(dir.path()).unwrap();
        assert_eq!(back.public_hex(), key.public_hex());
        assert!(matches!(
            SigningKey::generate().unwrap().save(dir.path(), false),
            Err(KeyError::Exists(_))
        ));
        #[cfg(unix)]
        {
            use std::os::unix::fs::PermissionsExt as _;
            let mode = std::fs::metadata(dir.path().join(SECRET_FILE))
                .unwrap()
                .permissions()
                .mode();
            assert_eq!(mode & 0o777, 0o600);
        }
        std::fs::write(dir.path().join(SECRET_FILE), "nonsense").unwrap();
        assert!(matches!(
            SigningKey::load(dir.path()),
            Err(KeyError::Invalid(_))
        ));
        let empty = tempfile::tempdir().unwrap();
        assert!(matches!(
            SigningKey::load(empty.path()),
            Err(KeyError::Missing(_))
        ));
    }
}
