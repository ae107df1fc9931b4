//! `vision-tui init`: write a commented starter document.
//!
//! The starter describes an invented organisation and shows every field of
//! the format once, with comments for a new author; it always passes `check`
//! (tested in tests/it/check.rs).

use std::io::Write;
use std::path::Path;

/// The starter document: a small example organisation, commented for authors.
pub const STARTER: &str = include_str!("../../assets/starter.ron");

/// Why `init` could not write the file.
#[derive(Debug, thiserror::Error)]
pub enum InitError {
    /// The file exists already; `init` never overwrites.
    #[error(
        "`{0}` already exists; init never overwrites a file (choose another name or remove it)"
    )]
    Exists(String),
    /// Writing failed.
    #[error("cannot write `{path}`: {source}")]
    Write {
        /// The path as given.
        path: String,
        /// The underlying error.
        source: std::io::Error,
    },
}

/// Writes [`STARTER`] to `path`, refusing to overwrite an existing file.
///
/// The file is created with `create_new`, so the check for an existing file
/// and the creation are one step: nothing written in between is overwritten.
/// A dangling symlink counts as existing too. If writing fails after the file
/// was created, the partial file is removed, so trying again is not refused.
pub fn init(path: &Path) -> Result<(), InitError> {
    // A name with escape bytes is shown, not run, in every message.
    let name =
        crate::document::load::printable::printable(&path.display().to_string()).into_owned();
    let mut file = match std::fs::OpenOptions::new()
        .write(true)
        .create_new(true)
        .open(path)
    {
        Ok(file) => file,
        Err(err) if err.kind() == std::io::ErrorKind::AlreadyExists => {
            return Err(InitError::Exists(name));
        }
        Err(source) => return Err(InitError::Write { path: name, source }),
    };
    if let Err(source) = file.write_all(STARTER.as_bytes()) {
        drop(file);
        let _ = std::fs::remove_file(path);
        return Err(InitError::Write { path: name, source });
    }
    Ok(())
}
