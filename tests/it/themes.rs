//! Themes and colour depth: contrast computed from the theme file, snapshots
//! of each theme, and the bytes a real terminal receives.

use ratatui::style::Color;
use vision_tui::app::State;
use vision_tui::theme::Theme;
use vision_tui::theme::color::to_rgb;

use crate::e2e::{Session, find_last};
use crate::screens::screen_of;

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

#[test]
fn high_contrast_theme_reaches_7_to_1_everywhere() {
    let theme = Theme::builtin("high-contrast").unwrap();
    let base_bg = theme
        .base
        .bg
        .and_then(to_rgb)
        .expect("high-contrast sets its background");
    for (name, style) in theme.styles() {
        let Some(fg) = style.fg.and_then(to_rgb) else {
            panic!("{name}: high-contrast sets every foreground explicitly");
        };
        let bg = style.bg.and_then(to_rgb).unwrap_or(base_bg);
        let ratio = contrast(fg, bg);
        assert!(ratio >= 7.0, "{name}: {ratio:.2}:1 is below 7:1");
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
        let state = State::new(vision_tui::load::builtin(), theme);
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
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
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
    let _ = std::fs::remove_dir_all(dir);
}
