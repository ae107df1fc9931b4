//! The theme file format: every style as `(fg: "cyan", bg: "#000000",
//! modifiers: ["bold"])`. Unknown fields, colours and modifiers are errors
//! with file:line:col, like any other RON file the app reads.

use ratatui::style::{Color, Modifier, Style};
use serde::{Deserialize, Deserializer};

/// A colour: a name (`cyan`, `light-blue`, `dark-gray`, `reset`), `#rrggbb`,
/// or a 256-colour palette index as text (`"208"`).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct ColorSpec(pub Color);

impl<'de> Deserialize<'de> for ColorSpec {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        parse_color(&text).map(ColorSpec).ok_or_else(|| {
            serde::de::Error::custom(format!(
                "unknown colour `{text}`: use a name (black, red, green, yellow, blue, magenta, cyan, gray, dark-gray, light-red … white, reset), #rrggbb or a palette index 0–255"
            ))
        })
    }
}

/// Parses a colour as written in a theme file.
pub fn parse_color(text: &str) -> Option<Color> {
    let lower = text.trim().to_ascii_lowercase().replace('_', "-");
    if let Some(hex) = lower.strip_prefix('#') {
        if hex.len() != 6 || !hex.chars().all(|c| c.is_ascii_hexdigit()) {
            return None;
        }
        let byte = |i: usize| u8::from_str_radix(&hex[i..i + 2], 16).ok();
        return Some(Color::Rgb(byte(0)?, byte(2)?, byte(4)?));
    }
    if let Ok(index) = lower.parse::<u8>() {
        return Some(Color::Indexed(index));
    }
    Some(match lower.as_str() {
        "reset" | "default" => Color::Reset,
        "black" => Color::Black,
        "red" => Color::Red,
        "green" => Color::Green,
        "yellow" => Color::Yellow,
        "blue" => Color::Blue,
        "magenta" => Color::Magenta,
        "cyan" => Color::Cyan,
        "gray" | "grey" => Color::Gray,
        "dark-gray" | "dark-grey" => Color::DarkGray,
        "light-red" => Color::LightRed,
        "light-green" => Color::LightGreen,
        "light-yellow" => Color::LightYellow,
        "light-blue" => Color::LightBlue,
        "light-magenta" => Color::LightMagenta,
        "light-cyan" => Color::LightCyan,
        "white" => Color::White,
        _ => return None,
    })
}

/// A text attribute, written as text: `"bold"`, `"crossed-out"`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub enum ModifierName {
    /// Bold.
    Bold,
    /// Dim.
    Dim,
    /// Italic.
    Italic,
    /// Underlined.
    Underlined,
    /// Reverse video.
    Reversed,
    /// Crossed out.
    CrossedOut,
}

impl<'de> Deserialize<'de> for ModifierName {
    fn deserialize<D: Deserializer<'de>>(deserializer: D) -> Result<Self, D::Error> {
        let text = String::deserialize(deserializer)?;
        Ok(
            match text.trim().to_ascii_lowercase().replace('_', "-").as_str() {
                "bold" => ModifierName::Bold,
                "dim" => ModifierName::Dim,
                "italic" => ModifierName::Italic,
                "underlined" | "underline" => ModifierName::Underlined,
                "reversed" | "reverse" => ModifierName::Reversed,
                "crossed-out" => ModifierName::CrossedOut,
                _ => {
                    return Err(serde::de::Error::custom(format!(
                        "unknown modifier `{text}`: use bold, dim, italic, underlined, reversed or crossed-out"
                    )));
                }
            },
        )
    }
}

impl ModifierName {
    fn modifier(self) -> Modifier {
        match self {
            ModifierName::Bold => Modifier::BOLD,
            ModifierName::Dim => Modifier::DIM,
            ModifierName::Italic => Modifier::ITALIC,
            ModifierName::Underlined => Modifier::UNDERLINED,
            ModifierName::Reversed => Modifier::REVERSED,
            ModifierName::CrossedOut => Modifier::CROSSED_OUT,
        }
    }
}

/// One style in a theme file.
#[derive(Debug, Clone, PartialEq, Eq, Default, Deserialize)]
#[serde(deny_unknown_fields)]
pub struct StyleSpec {
    /// Text colour; the terminal's own when absent.
    #[serde(default)]
    pub fg: Option<ColorSpec>,
    /// Background colour; the terminal's own when absent.
    #[serde(default)]
    pub bg: Option<ColorSpec>,
    /// Attributes.
    #[serde(default)]
    pub modifiers: Vec<ModifierName>,
}

impl StyleSpec {
    /// The ratatui style.
    pub fn style(&self) -> Style {
        let mut style = Style::new();
        if let Some(ColorSpec(fg)) = self.fg {
            style = style.fg(fg);
        }
        if let Some(ColorSpec(bg)) = self.bg {
            style = style.bg(bg);
        }
        self.modifiers
            .iter()
            .fold(style, |style, m| style.add_modifier(m.modifier()))
    }
}
