//! The settings files, the config and themes: parsed like documents, with
//! file:line:col, but with hints that point at their own documentation.

use std::path::Path;

use crate::document::load::{self, LoadError, locate};

/// The two kinds of settings file, each with its own documentation.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum FileKind {
    /// The config file.
    Config,
    /// A theme file.
    Theme,
}

impl FileKind {
    /// Where the format is described: in the repository, and in the manual page.
    pub fn docs(self) -> &'static str {
        match self {
            FileKind::Config => "docs/config-format.md (CONFIGURATION in `vision-tui man`)",
            FileKind::Theme => "docs/theme-format.md (THEME FILES in `vision-tui man`)",
        }
    }
}

/// Parses a settings file. One with nothing but comments sets nothing (a
/// config whose every line was commented out is a config at its defaults).
pub fn parse<T>(kind: FileKind, name: &str, bytes: &[u8]) -> Result<T, LoadError>
where
    T: serde::de::DeserializeOwned + Default,
{
    let blank = std::str::from_utf8(bytes)
        .is_ok_and(|text| locate::is_blank(text.trim_start_matches('\u{FEFF}')));
    if blank {
        return Ok(T::default());
    }
    load::parse_ron(name, bytes).map_err(|err| about(kind, err))
}

/// `err` with hints that fit a settings file: the loader words them for
/// documents, pointing at the document format and the built-in document.
pub fn about(kind: FileKind, err: LoadError) -> LoadError {
    let retarget = |hint: String| {
        if hint.contains("document-format.md") {
            format!(
                "check the spelling, or remove the field; every field is listed in {}",
                kind.docs()
            )
        } else if hint.contains("the fields of") {
            // The loader names the fields and the likely one; the
            // documentation says what each does.
            format!("{hint}; every field is listed in {}", kind.docs())
        } else if hint.contains("Document(") {
            "the file is one `( ... )`: remove what follows its closing bracket".to_string()
        } else {
            hint
        }
    };
    match err {
        LoadError::Read { path, source, .. } => LoadError::Read {
            hint: match (kind, source.kind()) {
                (FileKind::Config, std::io::ErrorKind::NotFound) => {
                    "check the path given to --config; `vision-tui config --default` prints a config to start from"
                }
                (FileKind::Theme, std::io::ErrorKind::NotFound) => {
                    "check the path; in a config file it starts at the config file's folder"
                }
                (_, std::io::ErrorKind::PermissionDenied) => {
                    "check the file's permissions (`ls -l`)"
                }
                _ => "check that the path names a readable file",
            },
            path,
            source,
        },
        LoadError::Syntax(mut d) => {
            d.hint = d.hint.map(retarget);
            LoadError::Syntax(d)
        }
        LoadError::Invalid(all) => LoadError::Invalid(
            all.into_iter()
                .map(|mut d| {
                    d.hint = d.hint.map(retarget);
                    d
                })
                .collect(),
        ),
        other => other,
    }
}

/// Reads and parses a settings file.
pub fn from_path<T>(kind: FileKind, path: &Path) -> Result<T, LoadError>
where
    T: serde::de::DeserializeOwned + Default,
{
    let bytes = load::read(path).map_err(|err| about(kind, err))?;
    parse(kind, &path.display().to_string(), &bytes)
}
