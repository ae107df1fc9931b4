//! The optional configuration file: theme, colours, language, mouse, live
//! reload and key bindings (any bindable action to any keys).
//!
//! It lives at `$XDG_CONFIG_HOME/vision-tui/config.ron` (by default
//! `~/.config/vision-tui/config.ron`) or wherever `--config` points. Command
//! line flags win over the file, the file over the defaults. [`load`](fn@load) checks
//! all of it before anything starts: unknown fields, unknown keys, two actions
//! on one key, no key left to quit with, and a theme that cannot be loaded are
//! errors with file:line:col. `docs/config-format.md` (also in `vision-tui
//! man`) describes every field.

pub mod default;
pub mod keys;

use std::path::{Path, PathBuf};

use serde::{Deserialize, Deserializer};

use crate::app::keymap::Keymap;
use crate::document::load::settings::{self, FileKind};
use crate::document::load::{self, Diagnostic, LoadError, locate};
use crate::i18n::Lang;
use crate::theme::Theme;
use crate::theme::color::ColorChoice;
pub use default::default_text;
pub use keys::{KeySpec, KeysConfig};

/// Exit status for a configuration error (sysexits' EX_CONFIG).
pub const EXIT_CONFIG: u8 = 78;

/// The configuration file.
#[derive(Debug, Clone, Default, PartialEq, Eq, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct Config {
    /// A built-in theme's name or a theme file's path (relative to the config file).
    #[serde(default)]
    pub theme: Option<String>,
    /// Colour depth: "auto", "never", "16", "256" or "truecolor".
    #[serde(default)]
    pub color: Option<ColorChoice>,
    /// Language of the interface, the plain text and exports: "en" or "sv";
    /// absent: the document's.
    #[serde(default)]
    pub lang: Option<Lang>,
    /// Whether to use the mouse.
    #[serde(default)]
    pub mouse: Option<bool>,
    /// Whether to reload the document when its file changes.
    #[serde(default)]
    pub watch: Option<bool>,
    /// Key overrides.
    #[serde(default)]
    pub keys: KeysConfig,
}

/// The config file a [`Settings`] came from, for messages and relative paths.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Source {
    /// The file.
    pub path: PathBuf,
    /// The file as messages name it.
    pub name: String,
    /// Its text.
    pub text: String,
}

/// A config read and checked: everything the app takes from it.
#[derive(Debug, Clone)]
pub struct Settings {
    /// The file's settings (all absent without a file).
    pub config: Config,
    /// The file, if one was read.
    pub source: Option<Source>,
    /// The default key map with the file's overrides.
    pub keymap: Keymap,
    /// The theme the file names, loaded.
    pub theme: Option<Theme>,
}

/// Where the config file is looked for when `--config` is not given.
pub fn default_path() -> Option<PathBuf> {
    let base = std::env::var_os("XDG_CONFIG_HOME")
        .filter(|v| !v.is_empty())
        .map(PathBuf::from)
        .or_else(|| std::env::var_os("HOME").map(|home| PathBuf::from(home).join(".config")))?;
    Some(base.join("vision-tui").join("config.ron"))
}

/// Why the config cannot be used.
#[derive(Debug, thiserror::Error)]
pub enum ConfigError {
    /// The config file is unreadable or invalid.
    #[error("{0}")]
    Invalid(LoadError),
    /// The theme file it names is invalid: its problems, then where it is named.
    #[error("{theme}\n\n{named_here}")]
    Theme {
        /// The theme file's problems.
        theme: LoadError,
        /// The config's `theme` field.
        named_here: Box<Diagnostic>,
    },
}

impl From<LoadError> for ConfigError {
    fn from(err: LoadError) -> Self {
        ConfigError::Invalid(err)
    }
}

/// Reads and checks the config: `explicit` must exist; the default location
/// may not. Every way the config could fail later is an error now, so a bad
/// config fails the same way in the app, in plain mode and in `export`.
pub fn load(explicit: Option<&Path>) -> Result<Settings, ConfigError> {
    let path = match explicit {
        Some(path) => path.to_path_buf(),
        None => match default_path() {
            Some(path) if path.is_file() => path,
            _ => return Ok(Settings::without_file()),
        },
    };
    let name = path.display().to_string();
    let bytes = load::read(&path).map_err(|err| settings::about(FileKind::Config, err))?;
    let config: Config = settings::parse(FileKind::Config, &name, &bytes)?;
    let source = Source {
        path,
        name,
        text: String::from_utf8_lossy(&bytes).into_owned(),
    };
    let mut keymap = Keymap::default();
    keys::apply(&mut keymap, &config.keys, Some(&source))?;
    let theme = match &config.theme {
        Some(theme) => Some(load_theme(theme, &source)?),
        None => None,
    };
    Ok(Settings {
        config,
        source: Some(source),
        keymap,
        theme,
    })
}

impl Settings {
    /// No config file: every setting at its default.
    pub fn without_file() -> Self {
        Settings {
            config: Config::default(),
            source: None,
            keymap: Keymap::default(),
            theme: None,
        }
    }
}

/// The theme a config names: a built-in one, or a file whose relative path
/// starts at the config file's folder (so the config works from any
/// directory). An unknown name is reported at the config's `theme` field; a
/// theme file's own problems are followed by where the config names it.
fn load_theme(name: &str, source: &Source) -> Result<Theme, ConfigError> {
    let field = [locate::Segment::Field("theme".into())];
    let pos = locate::locate(&source.text, &field).unwrap_or(locate::Position {
        line: 1,
        column: 1,
        len: 1,
    });
    let here = |message: String, hint: String| {
        Box::new(
            Diagnostic::at(&source.name, &source.text, pos.line, pos.column, message)
                .with_len(pos.len)
                .with_path("theme")
                .with_hint(hint),
        )
    };
    if let Some(theme) = Theme::builtin(name) {
        return Ok(theme);
    }
    if !crate::theme::is_path(name) {
        let hint = format!(
            "built-in themes are default, light, high-contrast and monochrome; or give the \
             path of a .ron theme file, relative to this config file ({})",
            FileKind::Theme.docs()
        );
        return Err(
            LoadError::Invalid(vec![*here(format!("no theme named `{name}`"), hint)]).into(),
        );
    }
    let folder = source.path.parent().unwrap_or(Path::new(""));
    let path = crate::theme::expand_home(name).unwrap_or_else(|| folder.join(name));
    Theme::from_path(&path).map_err(|theme| ConfigError::Theme {
        theme,
        named_here: here(
            format!("the theme `{name}` named here cannot be used (its problem is above)"),
            format!(
                "fix the theme file, or name another theme; {}",
                FileKind::Theme.docs()
            ),
        ),
    })
}

impl<'de> Deserialize<'de> for ColorChoice {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        <ColorChoice as clap::ValueEnum>::from_str(&text, true).map_err(|_| {
            serde::de::Error::custom(format!(
                "unknown colour setting `{text}`: use auto, never, 16, 256 or truecolor"
            ))
        })
    }
}

impl<'de> Deserialize<'de> for Lang {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        <Lang as clap::ValueEnum>::from_str(&text, true).map_err(|_| {
            serde::de::Error::custom(format!("unknown language `{text}`: use en or sv"))
        })
    }
}

#[cfg(test)]
mod tests;
