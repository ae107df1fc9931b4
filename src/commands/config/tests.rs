//! The config: parsing, key names, overrides and their checks.

use super::*;
use crate::app::Action;
use crate::app::keymap::Chord;
use ratatui::crossterm::event::{KeyCode, KeyModifiers};

fn source(text: &str) -> Source {
    Source {
        path: PathBuf::from("c.ron"),
        name: "c.ron".into(),
        text: text.into(),
    }
}

fn parse(text: &str) -> Result<Config, LoadError> {
    load::parse_ron("config.ron", text.as_bytes())
}

#[test]
fn the_default_config_parses_and_changes_nothing() {
    let text = default_text();
    let config = parse(&text).unwrap_or_else(|err| panic!("{err}\n{text}"));
    let mut keymap = Keymap::default();
    keys::apply(&mut keymap, &config.keys, Some(&source(&text))).unwrap();
    let before: Vec<Vec<Chord>> = Keymap::default()
        .bindings
        .iter()
        .map(|b| b.chords.to_vec())
        .collect();
    let after: Vec<Vec<Chord>> = keymap.bindings.iter().map(|b| b.chords.to_vec()).collect();
    assert_eq!(before, after);
    assert_eq!(config.color, Some(ColorChoice::Auto));
    // Every rebindable binding is in it.
    for binding in &Keymap::default().bindings {
        if let Some(name) = binding.name() {
            assert!(text.contains(&format!("        {name}: [")), "{name}");
        }
    }
}

#[test]
fn a_rebinding_moves_the_key() {
    let text = r#"(keys: (quit: ["x"], search: ["s", "/"], show_link: ["y"]))"#;
    let config = parse(text).unwrap();
    let mut keymap = Keymap::default();
    keys::apply(&mut keymap, &config.keys, Some(&source(text))).unwrap();
    let mode = crate::app::Mode::Browse(crate::app::Pane::FocusList);
    let key = |c| ratatui::crossterm::event::KeyEvent::new(KeyCode::Char(c), KeyModifiers::NONE);
    assert_eq!(keymap.action_for(mode, &key('x')), Some(Action::Quit));
    assert_eq!(keymap.action_for(mode, &key('q')), None);
    assert_eq!(
        keymap.action_for(mode, &key('s')),
        Some(Action::StartSearch)
    );
}

#[test]
fn conflicts_unknown_actions_and_bad_keys_are_positioned_errors() {
    let text = "(\n    keys: (\n        search: [\"q\"],\n    ),\n)";
    let config = parse(text).unwrap();
    let err = keys::apply(&mut Keymap::default(), &config.keys, Some(&source(text))).unwrap_err();
    let d = &err.diagnostics()[0];
    assert!(d.message.contains("`q` is bound to both"), "{err}");
    // The caret is on the key, not on the list.
    assert_eq!((d.line, d.column, d.len), (3, 18, 3), "{err}");
    assert_eq!(d.path.as_deref(), Some("keys.search[0]"));
    let text = "(\n    keys: (quit: [\"x\"], search: [\"/\", \"s\"]),\n)";
    let config = parse(text).unwrap();
    let err = keys::apply(&mut Keymap::default(), &config.keys, Some(&source(text))).unwrap_err();
    let d = &err.diagnostics()[0];
    assert!(
        d.message
            .contains("key `s` is bound to both `show_link` and `search`"),
        "{err}"
    );
    assert_eq!((d.line, d.column, d.len), (2, 39, 3), "{err}");
    assert_eq!(d.path.as_deref(), Some("keys.search[1]"));

    let err = parse("(keys: (jump: [\"j\"]))").unwrap_err();
    assert!(
        err.to_string().contains("jump") && err.to_string().contains("1:9"),
        "{err}"
    );
    let err = parse("(keys: (quit: [\"hyper-q\"]))").unwrap_err();
    assert!(err.to_string().contains("unknown key `hyper-q`"), "{err}");
    let err = parse("(colour: \"16\")").unwrap_err();
    assert!(err.to_string().contains("colour"), "{err}");
    let err = parse("(color: \"17\")").unwrap_err();
    assert!(err.to_string().contains("unknown colour setting"), "{err}");
}

#[test]
fn a_config_that_leaves_no_key_to_quit_is_refused() {
    let refused = |text: &str| {
        let config = parse(text).unwrap();
        keys::apply(&mut Keymap::default(), &config.keys, Some(&source(text))).err()
    };
    for text in [
        "(keys: (force_quit: [], quit: []))",
        "(keys: (force_quit: [], close_presentation: []))",
        "(keys: (quit: [], force_quit: [], close_presentation: []))",
    ] {
        let err = refused(text).unwrap_or_else(|| panic!("accepted: {text}"));
        let d = &err.diagnostics()[0];
        assert!(d.message.starts_with("no key would quit"), "{err}");
        // At the emptied `force_quit`, whatever order the fields are in.
        assert_eq!(d.path.as_deref(), Some("keys.force_quit"), "{err}");
        assert_eq!(
            d.column,
            text.find("force_quit: [").unwrap() + "force_quit: ".len() + 1,
            "{err}"
        );
    }
    // Every screen still has a way out.
    for text in [
        "(keys: (force_quit: []))",
        "(keys: (force_quit: [\"ctrl-q\"], quit: [], close_presentation: []))",
        "(keys: (quit: [], close_presentation: []))",
    ] {
        assert!(refused(text).is_none(), "refused: {text}");
    }
}
