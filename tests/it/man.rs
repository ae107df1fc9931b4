//! `vision-tui man`: every section a manual page needs, the keys from the key
//! map, the exit statuses as README lists them, the formats carried whole,
//! and no reference to a page that does not exist.

use crate::support::run;

/// Roff as text: escapes resolved, font changes dropped.
fn unroff(page: &str) -> String {
    let mut out = page
        .replace("\\fB", "")
        .replace("\\fR", "")
        .replace("\\-", "-");
    while let Some(at) = out.find("\\[u") {
        let end = at + out[at..].find(']').expect("closed escape");
        let code = u32::from_str_radix(&out[at + 3..end], 16).expect("hex");
        out.replace_range(at..=end, &char::from_u32(code).expect("a char").to_string());
    }
    out.replace("\\&", "")
}

#[test]
fn the_manual_page_has_every_section_and_names_no_missing_page() {
    let (code, page, stderr) = run(&["man"]);
    assert_eq!(code, 0, "{stderr}");
    assert!(page.is_ascii(), "non-ASCII characters are escaped");
    let sections: Vec<&str> = page.lines().filter(|l| l.starts_with(".SH ")).collect();
    for section in [
        "NAME",
        "SYNOPSIS",
        "DESCRIPTION",
        "OPTIONS",
        "COMMANDS",
        "KEYS",
        "\"EXIT STATUS\"",
        "ENVIRONMENT",
        "FILES",
        "CONFIGURATION",
        "\"THEME FILES\"",
    ] {
        assert!(
            sections.contains(&format!(".SH {section}").as_str()),
            "{section}: {sections:?}"
        );
    }
    // No reference to pages that do not exist, such as vision-tui-present(1).
    let text = unroff(&page);
    assert!(!text.contains("vision-tui-"), "{text}");
    assert!(!text.contains("(1)"), "{text}");
    for command in [
        "present",
        "check",
        "export",
        "init",
        "completions",
        "man",
        "config",
    ] {
        assert!(
            text.contains(&format!("\nvision-tui {command} ")),
            "{command}"
        );
    }
    // KEYS is the key map, row by row.
    let keys = text
        .split(".SH KEYS")
        .nth(1)
        .unwrap()
        .split(".SH ")
        .next()
        .unwrap();
    let strings = vision_tui::i18n::Strings::load(vision_tui::i18n::Lang::En);
    let keymap = vision_tui::app::keymap::Keymap::default();
    for mode in [
        vision_tui::app::Mode::Browse(vision_tui::app::Pane::FocusList),
        vision_tui::app::Mode::Present(vision_tui::app::Show::Slide),
    ] {
        for (_, label, description) in keymap.help_rows(mode, &strings) {
            let row = format!(".TP\n{label}\n{description}\n");
            assert!(keys.contains(&row), "KEYS lacks {row:?}");
        }
    }
    // EXIT STATUS, and README's table, say the same.
    let readme = include_str!("../../README.md");
    for (status, meaning) in vision_tui::commands::cli::EXIT_STATUSES {
        assert!(
            text.contains(&format!(".TP\n{status}\n{meaning}\n")),
            "{status}"
        );
        let row = readme
            .lines()
            .find(|l| l.starts_with(&format!("| {status} |")))
            .unwrap_or_else(|| panic!("README lacks exit status {status}"));
        assert_eq!(row.replace('`', ""), format!("| {status} | {meaning} |"));
    }
    for variable in ["NO_COLOR", "COLORTERM", "TERM", "XDG_CONFIG_HOME", "HOME"] {
        assert!(text.contains(&format!(".TP\n{variable}\n")), "{variable}");
    }
    // The formats are carried whole: every field of each.
    for field in [
        "theme",
        "color",
        "lang",
        "mouse",
        "watch",
        "keys",
        "force_quit",
        "close_presentation",
    ] {
        assert!(text.contains(&format!("{field}\n")), "config field {field}");
    }
    for (style, _) in vision_tui::theme::Theme::default().styles() {
        assert!(
            text.contains(&format!(".TP\n{style}\n")),
            "theme style {style}"
        );
    }
}
