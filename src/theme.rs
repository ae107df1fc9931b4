//! How things look: every style the UI uses, from a RON theme file.
//!
//! Four themes are built in (`assets/themes/`): `default` uses only the 16
//! named colours plus modifiers, so it looks the same in tmux, over SSH and
//! in 16-colour terminals, on dark backgrounds; `light` is for light
//! terminal backgrounds; `high-contrast` is for projectors (every
//! text/background pair at least 7:1, WCAG AAA); `monochrome` has no colour
//! at all. Every theme's pairs reach at least 4.5:1 (WCAG AA) on the
//! background it is made for, with xterm's colours (tests/it/themes.rs). A user theme file
//! names only the styles it changes; the rest come from `default`, which
//! is also written out in code so that a start parses no theme file (a
//! test keeps the two equal).
//!
//! Nothing is told by colour alone: the selection has a marker and reverse
//! video, the focused pane a thick border and a bold title, warnings a `!`.

pub mod color;
pub mod file;

use std::path::{Path, PathBuf};

use ratatui::style::Style;
use serde::Deserialize;

use crate::document::load::settings::{self, FileKind};
use crate::document::load::{self, LoadError};
use color::Depth;
use file::StyleSpec;

/// The built-in themes, by name.
pub const BUILTIN: [(&str, &str); 4] = [
    ("default", include_str!("../assets/themes/default.ron")),
    ("light", include_str!("../assets/themes/light.ron")),
    (
        "high-contrast",
        include_str!("../assets/themes/high-contrast.ron"),
    ),
    (
        "monochrome",
        include_str!("../assets/themes/monochrome.ron"),
    ),
];

/// Declares the theme's styles once: the `Theme` struct, the optional field
/// in the file format, and the merge of a file over a base theme.
macro_rules! styles {
    ($($(#[doc = $doc:expr])* $name:ident,)*) => {
        /// The styles of every element on screen.
        #[derive(Debug, Clone, PartialEq, Eq)]
        pub struct Theme {
            $($(#[doc = $doc])* pub $name: Style,)*
        }

        /// A theme file: every style optional (absent ones come from `default`).
        #[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
        #[serde(deny_unknown_fields)]
        pub struct ThemeFile {
            /// The theme's name, for messages.
            #[serde(default)]
            pub name: Option<String>,
            $($(#[doc = $doc])* #[serde(default)] pub $name: Option<StyleSpec>,)*
        }

        impl Theme {
            /// Every style plain: what theme files are laid over.
            fn plain() -> Theme {
                Theme { $($name: Style::new(),)* }
            }

            /// `base` with the styles `file` sets replaced.
            fn merged(mut self, file: &ThemeFile) -> Self {
                $(if let Some(spec) = &file.$name { self.$name = spec.style(); })*
                self
            }

            /// Every style with its colours brought to `depth`.
            pub fn adapted(mut self, depth: Depth) -> Self {
                $(self.$name = adapt_style(self.$name, depth);)*
                self
            }

            /// Every style, by name (for tests and contrast checks).
            pub fn styles(&self) -> Vec<(&'static str, Style)> {
                vec![$((stringify!($name), self.$name),)*]
            }
        }
    };
}

styles! {
    /// The whole screen's colours (the terminal's own by default).
    base,
    /// Organisation and title in the header.
    title,
    /// The vision statement.
    statement,
    /// Adoption and revision lines, counts, plan periods.
    muted,
    /// Ordinary text.
    text,
    /// Headings inside panes (goal numbers, background sections).
    heading,
    /// Border of a pane without the keyboard.
    border,
    /// Border of the pane with the keyboard.
    border_focused,
    /// Title of a pane without the keyboard.
    pane_title,
    /// Title of the pane with the keyboard.
    pane_title_focused,
    /// The selected focus area when the list has the keyboard.
    selected,
    /// The selected focus area when the list does not have the keyboard.
    selected_unfocused,
    /// Search matches.
    highlight,
    /// Key names in the footer and help.
    key,
    /// The footer line.
    footer,
    /// Warnings such as "terminal too small" and the reload banner.
    warning,
    /// Slide headings.
    slide_heading,
    /// Ordinary slide text.
    slide_text,
    /// Slide text that stands out (goal texts, names).
    slide_strong,
    /// Secondary slide text (plan periods, counts).
    slide_muted,
    /// The vision statement on slides.
    slide_emphasis,
}

fn adapt_style(style: Style, depth: Depth) -> Style {
    Style {
        fg: style.fg.map(|c| color::adapt(c, depth)),
        bg: style.bg.map(|c| color::adapt(c, depth)),
        ..style
    }
}

impl Theme {
    /// A built-in theme by name.
    pub fn builtin(name: &str) -> Option<Theme> {
        let (_, source) = BUILTIN.iter().find(|(n, _)| *n == name)?;
        let file: ThemeFile = load::embedded(name, source);
        Some(Theme::default_theme().merged(&file))
    }

    /// The default theme. It is what `assets/themes/default.ron` says (the
    /// file users copy to make their own; a test proves the two equal), kept
    /// in code as well so that a start parses no theme file before the first
    /// frame. Other themes are laid over it.
    pub fn default_theme() -> Theme {
        use ratatui::style::{Color, Modifier};
        let fg = |color| Style::new().fg(color);
        let with = |modifier| Style::new().add_modifier(modifier);
        let (bold, italic) = (Modifier::BOLD, Modifier::ITALIC);
        let (reversed, underlined) = (Modifier::REVERSED, Modifier::UNDERLINED);
        Theme {
            title: fg(Color::Cyan).add_modifier(bold),
            statement: with(italic),
            muted: fg(Color::Gray),
            heading: fg(Color::Yellow).add_modifier(bold),
            border: fg(Color::DarkGray),
            border_focused: fg(Color::Cyan),
            pane_title_focused: fg(Color::Cyan).add_modifier(bold),
            selected: with(reversed).add_modifier(bold),
            selected_unfocused: with(bold).add_modifier(underlined),
            highlight: fg(Color::Yellow)
                .add_modifier(bold)
                .add_modifier(underlined),
            key: fg(Color::Yellow).add_modifier(bold),
            warning: fg(Color::LightRed).add_modifier(bold),
            slide_heading: with(bold),
            slide_strong: with(bold),
            slide_emphasis: with(italic).add_modifier(bold),
            // base, text, pane_title, footer, slide_text, slide_muted
            ..Theme::plain()
        }
    }

    /// A theme from a file: the styles it sets over the default theme.
    pub fn from_path(path: &Path) -> Result<Theme, LoadError> {
        let file: ThemeFile = settings::from_path(FileKind::Theme, path)?;
        Ok(Theme::default_theme().merged(&file))
    }

    /// A built-in theme's name, or a path to a theme file (relative to the
    /// current directory; `~/` is the home folder).
    pub fn by_name_or_path(name: &str) -> Result<Theme, ThemeError> {
        if let Some(theme) = Theme::builtin(name) {
            return Ok(theme);
        }
        if !is_path(name) {
            return Err(ThemeError::Unknown(name.to_string()));
        }
        let path = expand_home(name).unwrap_or_else(|| PathBuf::from(name));
        Theme::from_path(&path).map_err(ThemeError::File)
    }
}

/// True when a theme is named by a file's path rather than a built-in
/// theme's name: it has an extension or a `/`.
pub fn is_path(name: &str) -> bool {
    Path::new(name).extension().is_some() || name.contains('/')
}

/// `~/themes/x.ron` with `~` the home folder (quoted in a shell, or written
/// in a config, it is not expanded by anyone else).
pub fn expand_home(name: &str) -> Option<PathBuf> {
    let rest = name.strip_prefix("~/")?;
    Some(PathBuf::from(std::env::var_os("HOME")?).join(rest))
}

/// The theme and colour depth to draw with: `theme` (`default` when
/// absent) brought to the depth `choice` resolves to in this environment.
/// Without colour (NO_COLOR, `--color never`, TERM=dumb) the theme is
/// `monochrome`, whatever was named, so the selection stays visible as
/// reverse video.
pub fn choose(theme: Option<Theme>, choice: color::ColorChoice) -> (Theme, Depth) {
    let env = |key| std::env::var(key).ok();
    let depth = color::resolve(
        choice,
        env("NO_COLOR").as_deref(),
        env("COLORTERM").as_deref(),
        env("TERM").as_deref(),
    );
    (fit_to_depth(theme, depth), depth)
}

/// `theme` (`default` when absent) brought to `depth`; without colour, the
/// `monochrome` theme, whatever was named.
pub fn fit_to_depth(theme: Option<Theme>, depth: Depth) -> Theme {
    let theme = match (depth, theme) {
        (Depth::Mono, _) => Theme::builtin("monochrome").unwrap_or_default(),
        (_, Some(theme)) => theme,
        (_, None) => Theme::default_theme(),
    };
    theme.adapted(depth)
}

impl Default for Theme {
    fn default() -> Self {
        Theme::default_theme()
    }
}

/// Why a theme could not be used.
#[derive(Debug, thiserror::Error)]
pub enum ThemeError {
    /// No built-in theme has this name and it is not a path.
    #[error(
        "error: no theme named `{}`\n = hint: built-in themes are default, light, high-contrast and monochrome; or give the path of a .ron theme file (docs/theme-format.md, THEME FILES in `vision-tui man`)",
        load::printable(.0)
    )]
    Unknown(String),
    /// The theme file is unreadable or invalid.
    #[error("{0}")]
    File(LoadError),
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::{Color, Modifier};

    #[test]
    fn every_builtin_theme_loads() {
        for (name, _) in BUILTIN {
            assert!(Theme::builtin(name).is_some(), "{name}");
        }
    }

    #[test]
    fn the_default_theme_uses_only_named_colours() {
        for (name, style) in Theme::default_theme().styles() {
            for color in [style.fg, style.bg].into_iter().flatten() {
                assert!(
                    !matches!(color, Color::Rgb(..) | Color::Indexed(_)),
                    "{name}: {color:?}"
                );
            }
        }
    }

    #[test]
    fn monochrome_has_no_colour_and_still_marks_the_selection() {
        let theme = Theme::builtin("monochrome").unwrap();
        for (name, style) in theme.styles() {
            for color in [style.fg, style.bg].into_iter().flatten() {
                assert_eq!(color, Color::Reset, "{name}");
            }
        }
        assert!(theme.selected.add_modifier.contains(Modifier::REVERSED));
        assert!(!theme.selected_unfocused.add_modifier.is_empty());
        assert!(!theme.highlight.add_modifier.is_empty());
    }

    #[test]
    fn the_default_theme_in_code_is_the_default_theme_file() {
        let (name, source) = BUILTIN[0];
        let file: ThemeFile = load::parse_ron(name, source.as_bytes()).unwrap();
        let from_file = Theme::plain().merged(&file);
        for ((name, code), (_, file)) in Theme::default_theme()
            .styles()
            .into_iter()
            .zip(from_file.styles())
        {
            assert_eq!(code, file, "{name}");
        }
        assert_eq!(Theme::default_theme(), from_file);
    }

    #[test]
    fn every_built_in_theme_passes_the_strict_loader_too() {
        // Start-up parses them with `load::embedded`, without field paths.
        for (name, source) in BUILTIN {
            let strict: ThemeFile = load::parse_ron(name, source.as_bytes()).unwrap();
            assert_eq!(strict, load::embedded::<ThemeFile>(name, source), "{name}");
        }
    }

    #[test]
    fn a_partial_user_theme_keeps_the_other_styles() {
        let file: ThemeFile = load::parse_ron(
            "t.ron",
            br##"(title: (fg: "#ff8800", modifiers: ["bold", "underlined"]))"##,
        )
        .unwrap();
        let theme = Theme::default_theme().merged(&file);
        assert_eq!(theme.title.fg, Some(Color::Rgb(255, 136, 0)));
        assert_eq!(theme.selected, Theme::default_theme().selected);
    }

    #[test]
    fn bad_colours_and_fields_are_positioned_errors() {
        let err = load::parse_ron::<ThemeFile>("t.ron", b"(\n  title: (fg: \"cyan-ish\"),\n)")
            .unwrap_err();
        let d = &err.diagnostics()[0];
        assert_eq!((d.line, d.column), (2, 16), "{err}");
        assert!(d.message.contains("unknown colour `cyan-ish`"), "{err}");
        let err = load::parse_ron::<ThemeFile>("t.ron", b"(titel: ())").unwrap_err();
        assert!(err.to_string().contains("titel"), "{err}");
        let err = load::parse_ron::<ThemeFile>("t.ron", b"(title: (modifiers: [\"blink\"]))")
            .unwrap_err();
        assert!(err.to_string().contains("blink"), "{err}");
    }

    #[test]
    fn unknown_names_list_the_builtins() {
        let err = Theme::by_name_or_path("solarized").unwrap_err();
        assert!(
            err.to_string()
                .contains("default, light, high-contrast and monochrome")
        );
    }
}
