//! The config file through the real binary: bad files are positioned errors
//! (exit 78), a rebinding works end to end, the default config is complete.

use crate::e2e::Session;
use crate::support::{fixture, temp_dir};

/// Runs the app in a pty with `--config PATH` and returns (exit code, output).
fn run_with_config(path: &std::path::Path) -> (u32, String) {
    let mut s = Session::start(&["--config", path.to_str().unwrap()], &[], 80, 24);
    let code = s.wait_exit();
    (code, String::from_utf8_lossy(&s.raw()).into_owned())
}

#[test]
fn bad_config_files_are_positioned_errors() {
    for (name, needle, position) in [
        ("unknown-field.ron", "colour", "unknown-field.ron:4:5"),
        (
            "conflict.ron",
            "key `n` is bound to both",
            "conflict.ron:5:16",
        ),
        ("bad-key.ron", "unknown key `hyper-q`", "bad-key.ron:3:20"),
        (
            "unknown-action.ron",
            "jump_to_area",
            "unknown-action.ron:3:12",
        ),
    ] {
        let (code, output) = run_with_config(&fixture(&format!("config/{name}")));
        assert_eq!(code, 78, "{name}: {output}");
        assert!(output.contains(needle), "{name}: {output}");
        assert!(
            output.contains(position),
            "{name}: want {position} in {output}"
        );
        assert!(
            !output.contains("\x1b[?1049h"),
            "{name}: no TUI for a bad config"
        );
    }
}

#[test]
fn a_missing_explicit_config_is_an_error() {
    let (code, output) = run_with_config(std::path::Path::new("/nonexistent/vision-tui.ron"));
    assert_eq!(code, 78);
    assert!(output.contains("cannot read"), "{output}");
}

#[test]
fn a_rebinding_works_end_to_end_and_the_help_shows_it() {
    let dir = temp_dir("config-rebind");
    let path = dir.join("config.ron");
    std::fs::write(
        &path,
        "(lang: \"en\", keys: (quit: [\"x\"], help: [\"i\", \"f1\"], focus_list: [\"left\"]))",
    )
    .unwrap();
    let mut s = Session::start(&["--config", path.to_str().unwrap()], &[], 100, 30);
    s.wait_for("Focus areas (5)");
    s.send(b"q"); // no longer bound: nothing happens
    s.send(b"i");
    s.wait_for("Keys · Esc closes");
    s.send(b"G");
    s.wait_for("This help");
    let help = s.contents();
    assert!(
        help.lines()
            .any(|l| l.contains(" x ") && l.contains("Quit")),
        "{help}"
    );
    s.send(b"\x1b");
    s.wait_until_gone("Keys · Esc closes");
    s.quit(b"x");
}

#[test]
fn the_config_in_xdg_config_home_is_read() {
    let dir = temp_dir("config-xdg");
    std::fs::create_dir_all(dir.join("vision-tui")).unwrap();
    std::fs::write(dir.join("vision-tui/config.ron"), "(lang: \"en\")").unwrap();
    let mut s = Session::start(&[], &[("XDG_CONFIG_HOME", dir.to_str().unwrap())], 80, 24);
    s.wait_for("Focus areas (5)");
    s.quit(b"q");
}

#[test]
fn config_default_prints_a_complete_config_that_loads() {
    let (code, text, stderr) = crate::support::run(&["config", "--default"]);
    assert_eq!(code, 0, "{stderr}");
    for needle in [
        "theme:",
        "color:",
        "lang:",
        "mouse:",
        "watch:",
        "keys:",
        "quit: [\"q\"]",
        "force_quit: [\"ctrl-c\"]",
    ] {
        assert!(text.contains(needle), "{needle}");
    }
    let dir = temp_dir("config-default");
    let path = dir.join("config.ron");
    std::fs::write(&path, &text).unwrap();
    let mut s = Session::start(&["--config", path.to_str().unwrap()], &[], 80, 24);
    s.wait_for("Tillsammans");
    s.send(b"q");
    assert_eq!(
        s.wait_exit(),
        0,
        "the default config starts the app as usual"
    );
}

/// The ```ron block after `marker` in README.md.
pub fn readme_block(marker: &str) -> String {
    let readme = include_str!("../../README.md");
    let after = readme
        .split(marker)
        .nth(1)
        .unwrap_or_else(|| panic!("README.md has no {marker}"));
    let block = after
        .split("```ron\n")
        .nth(1)
        .unwrap_or_else(|| panic!("no ```ron block after {marker}"));
    block.split("```").next().unwrap_or_default().to_string()
}

#[test]
fn the_readme_config_example_loads() {
    let example = readme_block("**Configuration.**");
    let dir = temp_dir("config-readme");
    let path = dir.join("config.ron");
    std::fs::write(&path, &example).unwrap();
    let settings = vision_tui::commands::config::load(Some(&path))
        .unwrap_or_else(|err| panic!("README's config example:\n{example}\n{err}"));
    assert!(
        settings
            .config
            .keys
            .keys_of(vision_tui::app::Action::StartSearch)
            .is_some(),
        "{example}"
    );
    // And the binary starts with it.
    let (code, stdout, stderr) = crate::support::run(&["--config", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Vision 2040"), "{stdout}");
}

/// A fresh folder with `text` written in it as `config.ron`.
fn config_file(test: &str, text: &str) -> crate::support::TempDir {
    let dir = temp_dir(test);
    std::fs::write(dir.join("config.ron"), text).unwrap();
    dir
}

#[test]
fn a_bad_config_fails_the_same_way_in_plain_mode_and_export() {
    let dir = config_file("config-locked-in", "(keys: (force_quit: [], quit: []))");
    let locked_in = dir.join("config.ron");
    let mut cases: Vec<(std::path::PathBuf, String)> = [
        ("unknown-field.ron", "unknown-field.ron:4:5"),
        ("conflict.ron", "conflict.ron:5:16"),
        ("bad-key.ron", "bad-key.ron:3:20"),
        ("unknown-action.ron", "unknown-action.ron:3:12"),
    ]
    .into_iter()
    .map(|(name, at)| (fixture(&format!("config/{name}")), at.to_string()))
    .collect();
    cases.push((locked_in.clone(), format!("{}:1:21", locked_in.display())));
    for (path, at) in cases {
        let path = path.to_str().unwrap();
        for args in [
            &["--config", path][..],
            &["--plain", "--config", path],
            &["present", "--config", path],
            &["export", "-f", "html", "--config", path],
        ] {
            let (code, stdout, stderr) = crate::support::run(args);
            assert_eq!(code, 78, "{args:?}: {stderr}");
            assert_eq!(stdout, "", "{args:?}");
            assert!(stderr.contains(&at), "{args:?}: want {at} in {stderr}");
        }
    }
    let (_, _, stderr) = crate::support::run(&["--config", locked_in.to_str().unwrap()]);
    assert!(stderr.contains("no key would quit"), "{stderr}");
}

#[test]
fn a_relative_theme_path_in_the_config_starts_at_the_config_folder() {
    let dir = config_file(
        "config-theme-path",
        "(theme: \"themes/orange.ron\", color: \"truecolor\", lang: \"en\")",
    );
    std::fs::create_dir_all(dir.join("themes")).unwrap();
    std::fs::write(
        dir.join("themes/orange.ron"),
        "(title: (fg: \"#ff8800\", modifiers: [\"bold\"]))",
    )
    .unwrap();
    // Started elsewhere (the suite's own directory): the path is not the
    // current directory's.
    assert!(!std::path::Path::new("themes/orange.ron").exists());
    let config = dir.join("config.ron");
    let mut s = Session::start(&["--config", config.to_str().unwrap()], &[], 80, 24);
    s.wait_for("Focus areas (5)");
    s.quit(b"q");
    let raw = String::from_utf8_lossy(&s.raw()).into_owned();
    assert!(
        raw.contains("38;2;255;136;0"),
        "the theme's title colour is drawn"
    );
}

#[test]
fn a_bad_theme_named_in_the_config_exits_78_and_names_the_config() {
    let dir = config_file(
        "config-bad-theme",
        "(\n    lang: \"en\",\n    theme: \"solarized\",\n)",
    );
    let config = dir.join("config.ron");
    let shown = config.display().to_string();
    // In the app (a terminal) and in plain mode alike.
    let mut s = Session::start(&["--config", &shown], &[], 80, 24);
    assert_eq!(s.wait_exit(), 78);
    let (code, _, stderr) = crate::support::run(&["--config", &shown]);
    assert_eq!(code, 78, "{stderr}");
    assert!(stderr.contains("no theme named `solarized`"), "{stderr}");
    assert!(stderr.contains(&format!("--> {shown}:3:12")), "{stderr}");
    assert!(stderr.contains("relative to this config file"), "{stderr}");

    // A theme file with a problem: its own position, then the config's line.
    std::fs::write(&config, "(theme: \"broken.ron\")").unwrap();
    std::fs::write(dir.join("broken.ron"), "(\n  title: (fg: \"cyan-ish\"),\n)").unwrap();
    let (code, _, stderr) = crate::support::run(&["--config", &shown]);
    assert_eq!(code, 78, "{stderr}");
    let theme_at = format!("--> {}:2:16", dir.join("broken.ron").display());
    let config_at = format!("--> {shown}:1:9");
    let (theme, config) = (stderr.find(&theme_at), stderr.find(&config_at));
    assert!(theme.is_some() && config.is_some(), "{stderr}");
    assert!(theme < config, "the theme's problem first: {stderr}");
    assert!(stderr.contains("unknown colour `cyan-ish`"), "{stderr}");

    // A missing theme file: named with the folder it was looked for in.
    std::fs::remove_file(dir.join("broken.ron")).unwrap();
    let (code, _, stderr) = crate::support::run(&["--config", &shown]);
    assert_eq!(code, 78, "{stderr}");
    assert!(
        stderr.contains(&format!(
            "cannot read `{}`",
            dir.join("broken.ron").display()
        )),
        "{stderr}"
    );
    assert!(stderr.contains(&config_at), "{stderr}");
}

#[test]
fn hints_for_config_and_theme_errors_point_at_their_documentation() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let (_, _, man, _) = {
        let (code, stdout, stderr) = crate::support::run(&["man"]);
        (code, stderr, stdout, ())
    };
    let (code, _, stderr) = crate::support::run(&[
        "--config",
        fixture("config/unknown-field.ron").to_str().unwrap(),
    ]);
    assert_eq!(code, 78);
    assert!(
        stderr.contains(
            "every field is listed in docs/config-format.md (CONFIGURATION in `vision-tui man`)"
        ),
        "{stderr}"
    );
    assert!(!stderr.contains("document"), "{stderr}");
    assert!(root.join("docs/config-format.md").is_file());
    assert!(
        man.contains("\n.SH CONFIGURATION\n"),
        "the manual carries it"
    );

    let dir = config_file("theme-hint", "");
    let theme = dir.join("theme.ron");
    std::fs::write(&theme, "(titel: ())").unwrap();
    let (code, _, stderr) = crate::support::run(&["--theme", theme.to_str().unwrap()]);
    assert_eq!(code, 64, "{stderr}");
    assert!(
        stderr.contains(
            "every field is listed in docs/theme-format.md (THEME FILES in `vision-tui man`)"
        ),
        "{stderr}"
    );
    assert!(root.join("docs/theme-format.md").is_file());
    assert!(
        man.contains("\n.SH \"THEME FILES\"\n"),
        "the manual carries it"
    );

    let (code, _, stderr) = crate::support::run(&["--config", "/nonexistent/config.ron"]);
    assert_eq!(code, 78);
    assert!(
        stderr.contains("hint: check the path given to --config"),
        "{stderr}"
    );
    // An empty config, or one with only comments, is a config at its defaults.
    let empty = dir.join("config.ron");
    for text in ["", "// everything commented out\n// (theme: \"light\")\n"] {
        std::fs::write(&empty, text).unwrap();
        let (code, _, stderr) = crate::support::run(&["--config", empty.to_str().unwrap()]);
        assert_eq!(code, 0, "{text:?}: {stderr}");
    }
}

#[test]
fn the_format_documents_examples_load_and_list_every_field() {
    let root = std::path::Path::new(env!("CARGO_MANIFEST_DIR"));
    let read = |name: &str| std::fs::read_to_string(root.join("docs").join(name)).unwrap();
    let (config_doc, theme_doc) = (read("config-format.md"), read("theme-format.md"));
    let block = |doc: &str, marker: &str| {
        let after = doc.split(marker).nth(1).expect(marker);
        let block = after.split("```ron\n").nth(1).expect("a ```ron block");
        block.split("```").next().unwrap().to_string()
    };
    // The config's example names the theme's example by a relative path.
    let dir = config_file(
        "config-doc-examples",
        &block(&config_doc, "## A complete small example"),
    );
    std::fs::create_dir_all(dir.join("themes")).unwrap();
    std::fs::write(
        dir.join("themes/projector.ron"),
        block(&theme_doc, "## A complete small example"),
    )
    .unwrap();
    let settings = vision_tui::commands::config::load(Some(&dir.join("config.ron"))).unwrap();
    let theme = settings.theme.expect("the theme loads");
    assert_eq!(
        theme.title.fg,
        Some(ratatui::style::Color::Rgb(0xff, 0xd7, 0x00))
    );

    // Every field of the config, every key name, every style.
    for field in ["theme", "color", "lang", "mouse", "watch", "keys"] {
        assert!(config_doc.contains(&format!("| `{field}` |")), "{field}");
    }
    // The keys table is the key map's: tests/it/key_tables.rs.
    // The key names, as the key map reads and writes them.
    let names = config_doc
        .split("- a name: ")
        .nth(1)
        .and_then(|rest| rest.split(';').next())
        .expect("the list of key names");
    let names = names.replace("` to `", "…").replace(['`', '"'], "");
    assert_eq!(
        names.split_whitespace().collect::<Vec<_>>().join(" "),
        vision_tui::app::keymap::Chord::names()
    );
    for (style, _) in vision_tui::theme::Theme::default().styles() {
        assert!(theme_doc.contains(&format!("| `{style}` |")), "{style}");
    }
}
