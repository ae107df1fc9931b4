//! The server's identity: one Ed25519 host key, made on first start and kept
//! private, and the keys `--authorized-keys` / `--presenter-keys` admit.
//!
//! A new key at every start would make every participant's ssh warn that the
//! host changed, and train them to ignore the warning. So the key is kept in
//! the user's state directory, created exclusively with mode 0600, and a key
//! file that others can read (or a symlink) is refused, as OpenSSH refuses it.

use std::io::{Read, Write};
use std::os::unix::fs::{DirBuilderExt, MetadataExt, OpenOptionsExt, PermissionsExt};
use std::path::{Path, PathBuf};

use russh::keys::ssh_key::LineEnding;
use russh::keys::ssh_key::private::Ed25519Keypair;
use russh::keys::{HashAlg, PrivateKey, PublicKey};

/// The largest key file read: a key is a few hundred bytes; anything larger
/// is not a key and must not be read into memory whole.
const MAX_KEY_FILE: u64 = 1024 * 1024;

/// Why the host key or a key list could not be used.
#[derive(Debug, thiserror::Error)]
pub enum KeyError {
    /// No path was given and neither `XDG_STATE_HOME` nor `HOME` is set.
    #[error("no place to keep the host key: set XDG_STATE_HOME or HOME, or give --host-key PATH")]
    NoStateDirectory,
    /// Reading or writing a key file failed.
    #[error("{action} `{path}`: {source}")]
    Io {
        /// What was being done.
        action: &'static str,
        /// The file.
        path: PathBuf,
        /// Why it failed.
        source: std::io::Error,
    },
    /// The key file can be read by others, or is not a regular file.
    #[error(
        "`{path}` {problem}\n = hint: a private key must be a regular file only its owner can read: `chmod 600 {path}`"
    )]
    Unprotected {
        /// The file.
        path: PathBuf,
        /// What is wrong with it.
        problem: &'static str,
    },
    /// The file is not an OpenSSH private key, or a key file line is not a public key.
    #[error("`{path}`{at}: {message}")]
    Format {
        /// The file.
        path: PathBuf,
        /// `:LINE` for a key list.
        at: String,
        /// What is wrong.
        message: String,
    },
}

/// Where the host key is kept when `--host-key` is not given:
/// `$XDG_STATE_HOME/vision-tui/host_ed25519_key`, else
/// `~/.local/state/vision-tui/host_ed25519_key`.
pub fn default_path() -> Result<PathBuf, KeyError> {
    default_path_in(|name| std::env::var_os(name))
}

/// [`default_path`] with the environment given (XDG: a relative
/// `XDG_STATE_HOME` is invalid and ignored).
fn default_path_in(var: impl Fn(&str) -> Option<std::ffi::OsString>) -> Result<PathBuf, KeyError> {
    let state = var("XDG_STATE_HOME")
        .filter(|dir| Path::new(dir).is_absolute())
        .map(PathBuf::from)
        .or_else(|| {
            var("HOME")
                .filter(|home| !home.is_empty())
                .map(|home| Path::new(&home).join(".local/state"))
        })
        .ok_or(KeyError::NoStateDirectory)?;
    Ok(state.join("vision-tui").join("host_ed25519_key"))
}

/// The host key at `path`; when there is no file there, a new one, saved.
/// Returns the key and whether it was made now.
pub fn load_or_create(path: &Path) -> Result<(PrivateKey, bool), KeyError> {
    match read_private(path) {
        Ok(key) => Ok((key, false)),
        Err(KeyError::Io { source, .. }) if source.kind() == std::io::ErrorKind::NotFound => {
            create(path).map(|key| (key, true))
        }
        Err(err) => Err(err),
    }
}

/// `SHA256:…`, as `ssh` shows it when it first meets a host.
pub fn fingerprint(key: &PublicKey) -> String {
    key.fingerprint(HashAlg::Sha256).to_string()
}

fn io(action: &'static str, path: &Path) -> impl FnOnce(std::io::Error) -> KeyError {
    let path = path.to_path_buf();
    move |source| KeyError::Io {
        action,
        path,
        source,
    }
}

fn read_private(path: &Path) -> Result<PrivateKey, KeyError> {
    // O_NOFOLLOW: a symlink planted where the key should be is refused, not followed.
    let file = std::fs::OpenOptions::new()
        .read(true)
        .custom_flags(rustix::fs::OFlags::NOFOLLOW.bits() as i32)
        .open(path)
        .map_err(|err| match err.raw_os_error() {
            Some(code) if code == rustix::io::Errno::LOOP.raw_os_error() => KeyError::Unprotected {
                path: path.to_path_buf(),
                problem: "is a symbolic link",
            },
            _ => io("cannot read the host key", path)(err),
        })?;
    let meta = file
        .metadata()
        .map_err(io("cannot read the host key", path))?;
    if !meta.is_file() {
        return Err(KeyError::Unprotected {
            path: path.to_path_buf(),
            problem: "is not a regular file",
        });
    }
    if meta.mode() & 0o077 != 0 {
        return Err(KeyError::Unprotected {
            path: path.to_path_buf(),
            problem: "can be read or written by others",
        });
    }
    let mut text = String::new();
    file.take(MAX_KEY_FILE)
        .read_to_string(&mut text)
        .map_err(io("cannot read the host key", path))?;
    PrivateKey::from_openssh(text.as_bytes()).map_err(|err| KeyError::Format {
        path: path.to_path_buf(),
        at: String::new(),
        message: format!("not an OpenSSH private key ({err})"),
    })
}

fn create(path: &Path) -> Result<PrivateKey, KeyError> {
    let mut seed = [0u8; 32];
    getrandom::fill(&mut seed).map_err(|err| KeyError::Io {
        action: "cannot get randomness for a host key for",
        path: path.to_path_buf(),
        source: std::io::Error::other(err.to_string()),
    })?;
    let key = PrivateKey::from(Ed25519Keypair::from_seed(&seed));
    let text = key
        .to_openssh(LineEnding::LF)
        .map_err(|err| KeyError::Format {
            path: path.to_path_buf(),
            at: String::new(),
            message: err.to_string(),
        })?;
    if let Some(dir) = path.parent().filter(|dir| !dir.as_os_str().is_empty()) {
        std::fs::DirBuilder::new()
            .recursive(true)
            .mode(0o700)
            .create(dir)
            .map_err(io("cannot create the directory for the host key", dir))?;
    }
    // Exclusive creation with mode 0600 from the first byte: never over an
    // existing file or through a planted link, never readable by others.
    let mut file = std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .mode(0o600)
        .open(path)
        .map_err(io("cannot create the host key", path))?;
    let written = file
        .write_all(text.as_bytes())
        .and_then(|()| file.sync_all());
    if let Err(err) = written {
        let _ = std::fs::remove_file(path);
        return Err(io("cannot write the host key", path)(err));
    }
    // The umask cannot have widened it, but a pre-set ACL or odd
    // filesystem might: say so now rather than at the next start.
    let mode = file
        .metadata()
        .map_err(io("cannot read the host key", path))?
        .permissions()
        .mode();
    if mode & 0o077 != 0 {
        return Err(KeyError::Unprotected {
            path: path.to_path_buf(),
            problem: "was created readable by others",
        });
    }
    Ok(key)
}

/// The public keys in an `authorized_keys`-style file (one key per line,
/// `#` comments, options before the key allowed and ignored).
pub fn read_key_list(path: &Path) -> Result<Vec<PublicKey>, KeyError> {
    let file = std::fs::File::open(path).map_err(io("cannot read the key list", path))?;
    let mut text = String::new();
    file.take(MAX_KEY_FILE)
        .read_to_string(&mut text)
        .map_err(io("cannot read the key list", path))?;
    let mut keys = Vec::new();
    for (number, line) in text.lines().enumerate() {
        let line = line.trim();
        if line.is_empty() || line.starts_with('#') {
            continue;
        }
        match parse_key_line(line) {
            Ok(key) => keys.push(key),
            Err(err) => {
                return Err(KeyError::Format {
                    path: path.to_path_buf(),
                    at: format!(":{}", number + 1),
                    message: format!("not a public key ({err})"),
                });
            }
        }
    }
    Ok(keys)
}

/// The public key on one `authorized_keys` line: the key starts at its type
/// (`ssh-ed25519`, `ecdsa-sha2-…`, `sk-…`, `ssh-rsa`); whatever is before it
/// is options (which may hold quoted spaces), whatever is after, a comment.
/// Each word that looks like a key type is tried in turn, so an option that
/// mentions one (`command="ssh-agent …"`) does not hide the key.
fn parse_key_line(line: &str) -> Result<PublicKey, russh::keys::ssh_key::Error> {
    let is_type = |word: &str| {
        word.starts_with("ssh-") || word.starts_with("ecdsa-sha2-") || word.starts_with("sk-")
    };
    let starts = std::iter::once(0).chain(
        line.match_indices(|c: char| c.is_ascii_whitespace())
            .map(|(i, _)| i + 1),
    );
    let mut last = None;
    for start in starts.filter(|&i| is_type(&line[i..])) {
        match PublicKey::from_openssh(&line[start..]) {
            Ok(key) => return Ok(key),
            Err(err) => last = Some(err),
        }
    }
    Err(last.unwrap_or(russh::keys::ssh_key::Error::FormatEncoding))
}

#[cfg(test)]
mod tests {
    use super::*;

    fn temp_dir(test: &str) -> PathBuf {
        let dir =
            std::env::temp_dir().join(format!("vision-tui-hostkey-{test}-{}", std::process::id()));
        let _ = std::fs::remove_dir_all(&dir);
        std::fs::create_dir_all(&dir).unwrap();
        dir
    }

    #[test]
    fn a_key_is_made_once_with_mode_0600_and_kept() {
        let dir = temp_dir("made");
        let path = dir.join("state/vision-tui/host_ed25519_key");
        let (first, created) = load_or_create(&path).unwrap();
        assert!(created);
        let mode = std::fs::metadata(&path).unwrap().permissions().mode();
        assert_eq!(mode & 0o777, 0o600);
        let dir_mode = std::fs::metadata(path.parent().unwrap())
            .unwrap()
            .permissions()
            .mode();
        assert_eq!(dir_mode & 0o777, 0o700);
        let (second, created) = load_or_create(&path).unwrap();
        assert!(!created);
        assert_eq!(
            fingerprint(first.public_key()),
            fingerprint(second.public_key())
        );
        assert!(fingerprint(first.public_key()).starts_with("SHA256:"));
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_key_others_can_read_is_refused() {
        let dir = temp_dir("open");
        let path = dir.join("key");
        load_or_create(&path).unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o644)).unwrap();
        let err = load_or_create(&path).unwrap_err();
        assert!(matches!(err, KeyError::Unprotected { .. }), "{err}");
        assert!(err.to_string().contains("chmod 600"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_planted_symlink_is_neither_followed_nor_overwritten() {
        let dir = temp_dir("link");
        let target = dir.join("victim");
        std::fs::write(&target, "precious").unwrap();
        let path = dir.join("key");
        std::os::unix::fs::symlink(&target, &path).unwrap();
        let err = load_or_create(&path).unwrap_err();
        assert!(matches!(err, KeyError::Unprotected { .. }), "{err}");
        assert_eq!(std::fs::read_to_string(&target).unwrap(), "precious");
        // A dangling link (the attacker's file does not exist yet) is not created through either.
        std::fs::remove_file(&target).unwrap();
        assert!(load_or_create(&path).is_err());
        assert!(!target.exists());
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn a_file_that_is_not_a_key_is_an_error_naming_it() {
        let dir = temp_dir("garbage");
        let path = dir.join("key");
        std::fs::write(&path, "not a key\u{1b}]52;c;x\u{7}").unwrap();
        std::fs::set_permissions(&path, std::fs::Permissions::from_mode(0o600)).unwrap();
        let err = load_or_create(&path).unwrap_err().to_string();
        assert!(err.contains("not an OpenSSH private key"), "{err}");
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn key_lists_read_keys_skip_comments_and_name_bad_lines() {
        let dir = temp_dir("list");
        let (key, _) = load_or_create(&dir.join("key")).unwrap();
        let public = key.public_key().to_openssh().unwrap();
        let path = dir.join("authorized_keys");
        std::fs::write(
            &path,
            format!(
                "# presenters\n\n{public} anna@laptop\nno-pty {public}\ncommand=\"ssh-agent a\",no-pty {public} bo\n"
            ),
        )
        .unwrap();
        let keys = read_key_list(&path).unwrap();
        assert_eq!(keys.len(), 3);
        assert_eq!(keys[0].key_data(), key.public_key().key_data());
        std::fs::write(&path, format!("{public}\nssh-ed25519 AAAAnotbase64\n")).unwrap();
        let err = read_key_list(&path).unwrap_err().to_string();
        assert!(
            err.contains("authorized_keys`:2") || err.contains(":2"),
            "{err}"
        );
        let _ = std::fs::remove_dir_all(dir);
    }

    #[test]
    fn the_default_place_is_the_state_directory() {
        let env = |pairs: &'static [(&'static str, &'static str)]| {
            move |name: &str| {
                pairs
                    .iter()
                    .find(|(n, _)| *n == name)
                    .map(|(_, v)| std::ffi::OsString::from(v))
            }
        };
        assert_eq!(
            default_path_in(env(&[("XDG_STATE_HOME", "/s"), ("HOME", "/h")])).unwrap(),
            Path::new("/s/vision-tui/host_ed25519_key")
        );
        assert_eq!(
            default_path_in(env(&[("XDG_STATE_HOME", "rel"), ("HOME", "/h")])).unwrap(),
            Path::new("/h/.local/state/vision-tui/host_ed25519_key")
        );
        assert!(matches!(
            default_path_in(env(&[("HOME", "")])),
            Err(KeyError::NoStateDirectory)
        ));
    }
}
