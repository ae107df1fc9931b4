//! Colour depth: what the terminal can show, and bringing a theme down to it.
//!
//! ratatui sends `Color::Rgb` as 24-bit escapes with no down-sampling, and
//! COLORTERM is rarely forwarded over SSH, so the app decides the depth
//! itself and converts every colour of the theme before drawing.

use ratatui::style::Color;

/// How many colours to use.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash, clap::ValueEnum)]
pub enum ColorChoice {
    /// Decide from NO_COLOR, COLORTERM and TERM.
    Auto,
    /// No colour: bold, reverse and underline only.
    Never,
    /// The 16 ANSI colours.
    #[value(name = "16")]
    Ansi16,
    /// The 256-colour palette.
    #[value(name = "256")]
    Ansi256,
    /// 24-bit colour.
    Truecolor,
}

/// The depth in force.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Depth {
    /// No colour at all.
    Mono,
    /// 16 colours.
    Ansi16,
    /// 256 colours.
    Ansi256,
    /// 24-bit colour.
    Truecolor,
}

/// Resolves `choice` against the environment (passed in, so this stays pure):
/// a set, non-empty NO_COLOR wins (no-color.org), then COLORTERM, then TERM.
pub fn resolve(
    choice: ColorChoice,
    no_color: Option<&str>,
    colorterm: Option<&str>,
    term: Option<&str>,
) -> Depth {
    match choice {
        ColorChoice::Never => Depth::Mono,
        ColorChoice::Ansi16 => Depth::Ansi16,
        ColorChoice::Ansi256 => Depth::Ansi256,
        ColorChoice::Truecolor => Depth::Truecolor,
        ColorChoice::Auto => {
            if no_color.is_some_and(|v| !v.is_empty()) || term == Some("dumb") {
                Depth::Mono
            } else if colorterm.is_some_and(|c| {
                c.eq_ignore_ascii_case("truecolor") || c.eq_ignore_ascii_case("24bit")
            }) {
                Depth::Truecolor
            } else if term.is_some_and(|t| t.contains("256color") || t.contains("direct")) {
                Depth::Ansi256
            } else {
                Depth::Ansi16
            }
        }
    }
}

/// `color` as the nearest colour the depth can show (`Reset` for `Mono`).
pub fn adapt(color: Color, depth: Depth) -> Color {
    match (depth, color) {
        (_, Color::Reset) => Color::Reset,
        (Depth::Mono, _) => Color::Reset,
        (Depth::Truecolor, c) => c,
        (Depth::Ansi256, Color::Rgb(r, g, b)) => Color::Indexed(rgb_to_256(r, g, b)),
        (Depth::Ansi256, c) => c,
        (Depth::Ansi16, Color::Rgb(r, g, b)) => nearest_16((r, g, b)),
        (Depth::Ansi16, Color::Indexed(i)) if i >= 16 => nearest_16(index_to_rgb(i)),
        (Depth::Ansi16, Color::Indexed(i)) => ANSI16[usize::from(i)].0,
        (Depth::Ansi16, c) => c,
    }
}

/// The 16 ANSI colours with the RGB values xterm uses for them.
const ANSI16: [(Color, (u8, u8, u8)); 16] = [
    (Color::Black, (0, 0, 0)),
    (Color::Red, (205, 0, 0)),
    (Color::Green, (0, 205, 0)),
    (Color::Yellow, (205, 205, 0)),
    (Color::Blue, (0, 0, 238)),
    (Color::Magenta, (205, 0, 205)),
    (Color::Cyan, (0, 205, 205)),
    (Color::Gray, (229, 229, 229)),
    (Color::DarkGray, (127, 127, 127)),
    (Color::LightRed, (255, 0, 0)),
    (Color::LightGreen, (0, 255, 0)),
    (Color::LightYellow, (255, 255, 0)),
    (Color::LightBlue, (92, 92, 255)),
    (Color::LightMagenta, (255, 0, 255)),
    (Color::LightCyan, (0, 255, 255)),
    (Color::White, (255, 255, 255)),
];

/// The RGB value of a colour, as xterm shows it (`None` for `Reset`).
pub fn to_rgb(color: Color) -> Option<(u8, u8, u8)> {
    match color {
        Color::Reset => None,
        Color::Rgb(r, g, b) => Some((r, g, b)),
        Color::Indexed(i) => Some(index_to_rgb(i)),
        named => ANSI16
            .iter()
            .find(|(c, _)| *c == named)
            .map(|(_, rgb)| *rgb),
    }
}

fn nearest_16(rgb: (u8, u8, u8)) -> Color {
    ANSI16
        .iter()
        .min_by_key(|(_, candidate)| distance(rgb, *candidate))
        .map_or(Color::Reset, |(c, _)| *c)
}

fn distance(a: (u8, u8, u8), b: (u8, u8, u8)) -> u32 {
    let d = |x: u8, y: u8| (i32::from(x) - i32::from(y)).unsigned_abs().pow(2);
    d(a.0, b.0) + d(a.1, b.1) + d(a.2, b.2)
}

const CUBE: [u8; 6] = [0, 95, 135, 175, 215, 255];

fn index_to_rgb(i: u8) -> (u8, u8, u8) {
    match i {
        0..=15 => ANSI16[usize::from(i)].1,
        16..=231 => {
            let i = i - 16;
            (
                CUBE[usize::from(i / 36)],
                CUBE[usize::from(i / 6 % 6)],
                CUBE[usize::from(i % 6)],
            )
        }
        _ => {
            let level = 8 + (i - 232) * 10;
            (level, level, level)
        }
    }
}

/// The nearest of the 240 non-system colours of the 256-colour palette.
fn rgb_to_256(r: u8, g: u8, b: u8) -> u8 {
    (16..=255u8)
        .min_by_key(|&i| distance((r, g, b), index_to_rgb(i)))
        .unwrap_or(16)
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn auto_follows_no_color_colorterm_and_term() {
        let auto = |nc, ct, t| resolve(ColorChoice::Auto, nc, ct, t);
        assert_eq!(
            auto(Some("1"), Some("truecolor"), Some("xterm-256color")),
            Depth::Mono
        );
        assert_eq!(
            auto(Some(""), None, Some("xterm")),
            Depth::Ansi16,
            "an empty NO_COLOR is unset"
        );
        assert_eq!(
            auto(None, Some("truecolor"), Some("xterm")),
            Depth::Truecolor
        );
        assert_eq!(auto(None, Some("24bit"), None), Depth::Truecolor);
        assert_eq!(auto(None, None, Some("tmux-256color")), Depth::Ansi256);
        assert_eq!(auto(None, None, Some("screen")), Depth::Ansi16);
        assert_eq!(auto(None, None, Some("dumb")), Depth::Mono);
        assert_eq!(auto(None, None, None), Depth::Ansi16);
        assert_eq!(
            resolve(ColorChoice::Ansi256, Some("1"), None, None),
            Depth::Ansi256,
            "explicit wins"
        );
    }

    #[test]
    fn down_samples_rgb_and_indexed() {
        assert_eq!(
            adapt(Color::Rgb(255, 255, 255), Depth::Ansi16),
            Color::White
        );
        assert_eq!(adapt(Color::Rgb(0, 0, 0), Depth::Ansi16), Color::Black);
        assert_eq!(
            adapt(Color::Rgb(250, 250, 10), Depth::Ansi16),
            Color::LightYellow
        );
        assert_eq!(
            adapt(Color::Rgb(255, 0, 0), Depth::Ansi256),
            Color::Indexed(196)
        );
        assert_eq!(
            adapt(Color::Rgb(128, 128, 128), Depth::Ansi256),
            Color::Indexed(244)
        );
        assert_eq!(adapt(Color::Indexed(196), Depth::Ansi16), Color::LightRed);
        assert_eq!(adapt(Color::Indexed(3), Depth::Ansi16), Color::Yellow);
        assert_eq!(adapt(Color::Cyan, Depth::Mono), Color::Reset);
        assert_eq!(
            adapt(Color::Rgb(1, 2, 3), Depth::Truecolor),
            Color::Rgb(1, 2, 3)
        );
    }
}
