//! Writing an export to a file (`export -o FILE`): a reader never sees half a
//! file, and nobody else can turn the write against another file.
//!
//! A regular file is replaced the way careful editors save: the bytes go to
//! a temporary file beside it, created exclusively under an unpredictable
//! name (so a symlink planted in a shared directory is never followed),
//! synced, given the target's permissions, then renamed over the target.
//! A symlink to a regular file is written through: its target is replaced and
//! the link kept. Anything that is not a regular file (`/dev/null`, a FIFO,
//! `/dev/stdout`) is opened and written directly, never replaced.

use std::fs::{self, File, Metadata, OpenOptions, Permissions};
use std::io::{self, Write};
use std::os::unix::fs::{MetadataExt, PermissionsExt};
use std::path::Path;

/// Why an export could not be written.
#[derive(Debug, thiserror::Error)]
pub enum WriteError {
    /// Creating, writing, syncing or renaming failed.
    #[error("cannot write `{path}`: {source}")]
    Io {
        /// The path as given.
        path: String,
        /// The underlying error.
        source: io::Error,
    },
    /// The path names a directory.
    #[error("cannot write `{path}`: it is a directory; name a file inside it")]
    Directory {
        /// The path as given.
        path: String,
    },
    /// The path is a symbolic link to nothing.
    #[error(
        "cannot write `{path}`: it is a symbolic link to `{target}`, which does not exist; \
         remove the link, or write to `{target}` itself"
    )]
    DanglingLink {
        /// The path as given.
        path: String,
        /// Where the link points.
        target: String,
    },
}

/// Writes `bytes` to `path` (see the module documentation for how).
pub fn write(path: &Path, bytes: &[u8]) -> Result<(), WriteError> {
    // A name with escape bytes is shown, not run, in every message.
    let shown =
        || crate::document::load::printable::printable(&path.display().to_string()).into_owned();
    let io_error = |source| WriteError::Io {
        path: shown(),
        source,
    };
    // `metadata` follows symlinks: this is what the path finally names.
    match fs::metadata(path) {
        Ok(meta) if meta.is_dir() => Err(WriteError::Directory { path: shown() }),
        Ok(meta) if meta.is_file() => {
            // Through any symlinks, so the link stays and its target is replaced.
            let target = fs::canonicalize(path).map_err(io_error)?;
            replace(&target, bytes, Some(&meta)).map_err(io_error)
        }
        Ok(_) => write_in_place(path, bytes).map_err(io_error),
        Err(err) if err.kind() == io::ErrorKind::NotFound => {
            // GNU cp refuses to write through a dangling link too: creating a
            // file wherever a link points is how a planted link does harm.
            if let Ok(target) = fs::read_link(path) {
                return Err(WriteError::DanglingLink {
                    path: shown(),
                    target: crate::document::load::printable::printable(
                        &target.display().to_string(),
                    )
                    .into_owned(),
                });
            }
            replace(path, bytes, None).map_err(io_error)
        }
        Err(err) => Err(io_error(err)),
    }
}

/// Replaces the regular file `target` (or creates it) through a temporary
/// file in the same directory. Every error path drops the temporary file,
/// which deletes it.
fn replace(target: &Path, bytes: &[u8], existing: Option<&Metadata>) -> io::Result<()> {
    let dir = match target.parent() {
        Some(dir) if !dir.as_os_str().is_empty() => dir,
        _ => Path::new("."),
    };
    let name = target
        .file_name()
        .map(|name| name.to_string_lossy().into_owned())
        .unwrap_or_default();
    let prefix = format!(".{name}.");
    let mut builder = tempfile::Builder::new();
    builder.prefix(&prefix).suffix(".tmp");
    if existing.is_none() {
        // A new file gets what `>` would give it: 0666 less the umask.
        builder.permissions(Permissions::from_mode(0o666));
    }
    // Random name, O_CREAT|O_EXCL: never opens anything already there.
    let mut temp = builder.tempfile_in(dir)?;
    if let Some(meta) = existing {
        // The target's owner and group where the system lets us keep them
        // (root may, others only for their own groups); where it does not,
        // the new file is ours, as after `sed -i`. Owner before mode: a
        // change of owner clears set-id bits.
        let _ = std::os::unix::fs::fchown(temp.as_file(), Some(meta.uid()), Some(meta.gid()));
        temp.as_file()
            .set_permissions(Permissions::from_mode(meta.mode() & 0o777))?;
    }
    temp.write_all(bytes)?;
    // On disk before the rename, so a crash leaves the old file or the new
    // one, never an empty one.
    temp.as_file().sync_all()?;
    temp.persist(target).map_err(|err| err.error)?;
    // The rename itself is made durable by syncing the directory; some file
    // systems refuse to sync a directory, and the export is written anyway.
    if let Ok(dir) = File::open(dir) {
        let _ = dir.sync_all();
    }
    Ok(())
}

/// Writes to something that is not a regular file (a device, a FIFO) the
/// way `>` does: open it as it is, never create or replace it.
fn write_in_place(path: &Path, bytes: &[u8]) -> io::Result<()> {
    let mut file = OpenOptions::new().write(true).open(path)?;
    file.write_all(bytes)?;
    file.flush()
}
