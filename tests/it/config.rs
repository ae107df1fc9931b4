//! The config file through the real binary: bad files are positioned errors
//! (exit 78), a rebinding works end to end, the default config is complete.

use std::process::Command;

use crate::e2e::Session;
use crate::support::{fixture, temp_dir};

const BIN: &str = env!("CARGO_BIN_EXE_vision-tui");

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
    s.send(b"x");
    assert_eq!(s.wait_exit(), 0);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn the_config_in_xdg_config_home_is_read() {
    let dir = temp_dir("config-xdg");
    std::fs::create_dir_all(dir.join("vision-tui")).unwrap();
    std::fs::write(dir.join("vision-tui/config.ron"), "(lang: \"en\")").unwrap();
    let mut s = Session::start(&[], &[("XDG_CONFIG_HOME", dir.to_str().unwrap())], 80, 24);
    s.wait_for("Focus areas (5)");
    s.send(b"q");
    assert_eq!(s.wait_exit(), 0);
    let _ = std::fs::remove_dir_all(dir);
}

#[test]
fn config_default_prints_a_complete_config_that_loads() {
    let out = Command::new(BIN)
        .args(["config", "--default"])
        .output()
        .unwrap();
    assert_eq!(out.status.code(), Some(0));
    let text = String::from_utf8(out.stdout).unwrap();
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
    let _ = std::fs::remove_dir_all(dir);
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
    let _cleanup = crate::support::Cleanup(dir.clone());
    let path = dir.join("config.ron");
    std::fs::write(&path, &example).unwrap();
    let settings = vision_tui::config::load(Some(&path))
        .unwrap_or_else(|err| panic!("README's config example:\n{example}\n{err}"));
    assert!(settings.config.keys.search.is_some(), "{example}");
    // And the binary starts with it.
    let (code, stdout, stderr) = crate::cli::run(&["--config", path.to_str().unwrap()]);
    assert_eq!(code, 0, "{stderr}");
    assert!(stdout.contains("Vision 2040"), "{stdout}");
}
