//! Themes and colour depth: contrast computed from the theme file, snapshots
//! of each theme, and the bytes a real terminal receives.

use ratatui::style::Color;
use vision_tui::app::State;
use vision_tui::theme::Theme;
use vision_tui::theme::color::to_rgb;

use crate::e2e::{Session, find_last};
use crate::support::scripted::screen_of;

/// WCAG 2 relative luminance of an sRGB colour.
fn luminance((r, g, b): (u8, u8, u8)) -> f64 {
    let channel = |c: u8| {
        let c = f64::from(c) / 255.0;
        if c <= 0.039_28 {
            c / 12.92
        } else {
            ((c + 0.055) / 1.055).powf(2.4)
        }
    };
    0.2126 * channel(r) + 0.7152 * channel(g) + 0.0722 * channel(b)
}

/// WCAG 2 contrast ratio, 1 to 21.
fn contrast(a: (u8, u8, u8), b: (u8, u8, u8)) -> f64 {
    let (la, lb) = (luminance(a), luminance(b));
    (la.max(lb) + 0.05) / (la.min(lb) + 0.05)
}

#[test]
fn contrast_ratio_matches_the_wcag_reference_values() {
    assert!((contrast((255, 255, 255), (0, 0, 0)) - 21.0).abs() < 0.01);
    assert!((contrast((118, 118, 118), (255, 255, 255)) - 4.54).abs() < 0.01);
}

/// A terminal's own colours, which `Reset` (and a style without colour) shows.
#[derive(Debug, Clone, Copy)]
struct Profile {
    fg: (u8, u8, u8),
    bg: (u8, u8, u8),
}

/// A dark profile: light grey (xterm's colour 7) on black.
const DARK: Profile = Profile {
    fg: (229, 229, 229),
    bg: (0, 0, 0),
};
/// A light profile: black on white (xterm's own default).
const LIGHT: Profile = Profile {
    fg: (0, 0, 0),
    bg: (255, 255, 255),
};

/// Each built-in theme, the terminal profiles it is for, and the contrast
/// every text/background pair must reach there: WCAG AA (4.5:1), AAA (7:1)
/// for `high-contrast`, which sets its own background. `monochrome` uses
/// only the terminal's own colours, so it is checked on both profiles.
const THEMES: [(&str, &[Profile], f64); 4] = [
    ("default", &[DARK], 4.5),
    ("light", &[LIGHT], 4.5),
    ("high-contrast", &[DARK, LIGHT], 7.0),
    ("monochrome", &[DARK, LIGHT], 4.5),
];

/// The RGB a colour shows in `profile` (`Reset` is the profile's own
/// foreground or background).
fn shown(color: Option<Color>, own: (u8, u8, u8)) -> (u8, u8, u8) {
    match color {
        None | Some(Color::Reset) => own,
        Some(named) => to_rgb(named).unwrap_or(own),
    }
}

/// The text and background colours a cell of this style shows over
/// `under` (the style already there), reverse video applied.
fn pair(
    style: ratatui::style::Style,
    under: ratatui::style::Style,
    profile: Profile,
) -> ((u8, u8, u8), (u8, u8, u8)) {
    let style = under.patch(style);
    let fg = shown(style.fg, profile.fg);
    let bg = shown(style.bg, profile.bg);
    if style
        .add_modifier
        .contains(ratatui::style::Modifier::REVERSED)
    {
        (bg, fg)
    } else {
        (fg, bg)
    }
}

/// The 16 named colours have no fixed value (a terminal profile sets them):
/// the contrast checks take them as `--color` down-sampling does, which is
/// as xterm shows them by default, the values most profiles start from.
/// These are the ones where xterm's palette is its own.
#[test]
fn named_colours_are_taken_as_xterm_shows_them() {
    for (color, rgb) in [
        (Color::Red, (205, 0, 0)),
        (Color::Blue, (0, 0, 238)),
        (Color::Gray, (229, 229, 229)),
        (Color::DarkGray, (127, 127, 127)),
        (Color::LightBlue, (92, 92, 255)),
        (Color::White, (255, 255, 255)),
    ] {
        assert_eq!(to_rgb(color), Some(rgb), "{color:?}");
    }
}

#[test]
fn every_theme_meets_its_contrast_on_the_background_it_is_for() {
    for (name, profiles, least) in THEMES {
        let theme = Theme::builtin(name).unwrap();
        for &profile in profiles {
            for (style_name, style) in theme.styles() {
                let (fg, bg) = pair(style, theme.base, profile);
                let ratio = contrast(fg, bg);
                assert!(
                    ratio >= least,
                    "{name} on {profile:?}: {style_name} is {ratio:.2}:1, below {least}:1"
                );
            }
            // A pane's title is drawn over its border, in the border's colour
            // where the title sets none.
            for (title, border) in [
                (theme.pane_title, theme.border),
                (theme.pane_title_focused, theme.border_focused),
            ] {
                let (fg, bg) = pair(title, theme.base.patch(border), profile);
                assert!(contrast(fg, bg) >= least, "{name}: a pane title");
            }
        }
    }
}

/// Every cell drawn with a visible symbol, on the screens that use every
/// style (the panes and their titles, the selection, search hits and a
/// search that finds nothing, the link, help, background, the reload banner,
/// "too small", slides with notes, the overview, the clock): its text
/// against its background, as the terminal shows the cell.
#[test]
fn every_cell_drawn_meets_the_contrast_of_its_theme() {
    use ratatui::crossterm::event::KeyCode;
    let chars = |text: &str| text.chars().map(KeyCode::Char).collect::<Vec<_>>();
    let mut searches = vec![KeyCode::Char('/')];
    searches.extend(chars("utb"));
    searches.push(KeyCode::Enter);
    let mut nothing = vec![KeyCode::Char('/')];
    nothing.extend(chars("xyzzy"));
    nothing.push(KeyCode::Enter);
    let screens: Vec<(&str, Vec<KeyCode>, (u16, u16))> = vec![
        ("main", vec![], (80, 24)),
        ("goal pane", vec![KeyCode::Tab], (80, 24)),
        ("search", searches, (80, 24)),
        ("no match", nothing, (80, 24)),
        ("link", chars("s"), (80, 24)),
        ("help", chars("?"), (80, 24)),
        ("background", chars("b"), (80, 24)),
        ("too small", vec![], (20, 6)),
        ("slides", chars("pnjt"), (80, 24)),
        ("overview", chars("po"), (80, 24)),
    ];
    for (name, profiles, least) in THEMES {
        for (screen, keys, (width, height)) in &screens {
            for banner in [false, true] {
                let mut state = State::new(
                    vision_tui::document::load::builtin(),
                    Theme::builtin(name).unwrap(),
                );
                if banner {
                    state.reload_error = Some("vision.ron:3:7: expected `)`".into());
                }
                let buffer = screen_of(state, *width, *height, keys);
                for &profile in profiles {
                    for (i, cell) in buffer.content.iter().enumerate() {
                        if cell.symbol().trim().is_empty() {
                            continue;
                        }
                        let (fg, bg) = pair(cell.style(), ratatui::style::Style::new(), profile);
                        let ratio = contrast(fg, bg);
                        let (x, y) = (i % usize::from(*width), i / usize::from(*width));
                        assert!(
                            ratio >= least,
                            "{name} on {profile:?}, {screen} (banner: {banner}): {:?} at {x},{y} \
                             is {ratio:.2}:1 ({:?})",
                            cell.symbol(),
                            cell.style()
                        );
                    }
                }
            }
        }
    }
}

#[test]
fn high_contrast_keeps_its_contrast_in_16_and_256_colours() {
    use vision_tui::theme::color::Depth;
    for depth in [Depth::Ansi16, Depth::Ansi256] {
        let theme = Theme::builtin("high-contrast").unwrap().adapted(depth);
        let base_bg = theme.base.bg.and_then(to_rgb).unwrap();
        for (name, style) in theme.styles() {
            let fg = style.fg.and_then(to_rgb).unwrap();
            let bg = style.bg.and_then(to_rgb).unwrap_or(base_bg);
            assert!(contrast(fg, bg) >= 7.0, "{name} at {depth:?}");
            assert!(
                !matches!(style.fg, Some(Color::Rgb(..))),
                "{name} down-sampled at {depth:?}"
            );
        }
    }
}

#[test]
fn main_screen_in_each_theme() {
    for (name, _) in vision_tui::theme::BUILTIN {
        let theme = Theme::builtin(name).unwrap();
        let state = State::new(vision_tui::document::load::builtin(), theme);
        let buffer = screen_of(state, 80, 24, &[]);
        insta::assert_debug_snapshot!(format!("theme_{name}_80x24"), buffer);
    }
}

/// Starts the app in a pty with `env` and `args`, quits, and returns the bytes it wrote.
fn bytes_of(args: &[&str], env: &[(&str, &str)]) -> Vec<u8> {
    let mut s = Session::start(args, env, 80, 24);
    s.wait_for("Tillsammans");
    s.send(b"j");
    s.wait_for("▶ 2 Livskvalitet");
    s.quit(b"q");
    s.raw()
}

/// Every SGR parameter list the bytes contain.
fn sgr_params(bytes: &[u8]) -> Vec<String> {
    let text = String::from_utf8_lossy(bytes);
    text.split("\x1b[")
        .skip(1)
        .filter_map(|rest| {
            let end = rest.find(|c: char| !(c.is_ascii_digit() || c == ';'))?;
            (rest[end..].starts_with('m')).then(|| rest[..end].to_string())
        })
        .collect()
}

#[test]
fn no_color_gives_no_colour_escapes_and_keeps_the_selection_visible() {
    let bytes = bytes_of(&[], &[("NO_COLOR", "1"), ("COLORTERM", "truecolor")]);
    for params in sgr_params(&bytes) {
        let codes: Vec<&str> = params.split(';').collect();
        for (i, code) in codes.iter().enumerate() {
            let n: u32 = code.parse().unwrap_or(0);
            let colour = matches!(n, 30..=37 | 40..=47 | 90..=97 | 100..=107)
                || ((*code == "38" || *code == "48")
                    && codes.get(i + 1).is_some_and(|m| *m == "5" || *m == "2"));
            assert!(!colour, "colour escape ESC[{params}m with NO_COLOR");
        }
    }
    // crossterm's own NO_COLOR handling writes ESC[;m (a full reset) per colour change.
    assert!(
        find_last(&bytes, b"\x1b[;m").is_none(),
        "the crossterm NO_COLOR reset leaked"
    );
    assert!(
        sgr_params(&bytes)
            .iter()
            .any(|p| p.split(';').any(|c| c == "7")),
        "the selection is reversed"
    );
}

#[test]
fn color_16_gives_no_256_or_rgb_escapes() {
    let bytes = bytes_of(
        &["--color", "16", "--theme", "high-contrast"],
        &[("COLORTERM", "truecolor")],
    );
    let params = sgr_params(&bytes);
    assert!(
        params.iter().any(|p| p.split(';').any(|c| matches!(
            c.parse::<u32>(),
            Ok(30..=37 | 40..=47 | 90..=97 | 100..=107)
        ))),
        "some 16-colour codes"
    );
    for p in params {
        assert!(
            !p.contains("38;5")
                && !p.contains("48;5")
                && !p.contains("38;2")
                && !p.contains("48;2"),
            "ESC[{p}m at 16 colours"
        );
    }
}

#[test]
fn truecolor_keeps_rgb_and_256_gives_the_palette() {
    let bytes = bytes_of(&["--color", "truecolor", "--theme", "high-contrast"], &[]);
    assert!(
        sgr_params(&bytes)
            .iter()
            .any(|p| p.contains("38;2;255;255;0")),
        "yellow as RGB"
    );
    let bytes = bytes_of(&["--color", "256", "--theme", "high-contrast"], &[]);
    let params = sgr_params(&bytes);
    assert!(
        params.iter().any(|p| p.contains("38;5;")),
        "palette colours"
    );
    assert!(
        !params.iter().any(|p| p.contains("38;2;")),
        "no RGB at 256 colours"
    );
}

#[test]
fn a_theme_file_from_the_command_line() {
    let dir = crate::support::temp_dir("theme-file");
    let path = dir.join("mine.ron");
    std::fs::write(
        &path,
        r##"(name: "mine", title: (fg: "#ff8800", modifiers: ["bold"]))"##,
    )
    .unwrap();
    let bytes = bytes_of(
        &["--color", "truecolor", "--theme", path.to_str().unwrap()],
        &[],
    );
    assert!(
        sgr_params(&bytes)
            .iter()
            .any(|p| p.contains("38;2;255;136;0"))
    );
    // A broken theme is a positioned error before the app starts.
    std::fs::write(&path, r#"(title: (fg: "orangey"))"#).unwrap();
    let mut s = Session::start(&["--theme", path.to_str().unwrap()], &[], 80, 24);
    assert_eq!(s.wait_exit(), 64);
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(
        raw.contains("unknown colour `orangey`") && raw.contains("mine.ron:1:15"),
        "{raw}"
    );
}
