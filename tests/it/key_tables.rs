//! The key tables in README.md and docs/config-format.md are generated from
//! the key map: each test fails when its table differs from what the key map
//! makes of it, and `VISION_TUI_BLESS=1 cargo test --test it key_tables`
//! writes the tables anew (then review the diff, as with snapshots).

use vision_tui::app::keymap::{Context, Keymap};
use vision_tui::app::{Mode, Pane, Show};
use vision_tui::i18n::{Lang, Strings};

/// Checks that the lines between `<!-- marker:start -->` and
/// `<!-- marker:end -->` in the repository's `file` are `expected`, or with
/// `VISION_TUI_BLESS=1` makes them so.
fn generated(file: &str, marker: &str, expected: &str) {
    let path = std::path::Path::new(env!("CARGO_MANIFEST_DIR")).join(file);
    let text = std::fs::read_to_string(&path).unwrap();
    let (start, end) = (
        format!("<!-- {marker}:start -->\n"),
        format!("<!-- {marker}:end -->"),
    );
    let from = text
        .find(&start)
        .map(|at| at + start.len())
        .unwrap_or_else(|| panic!("{file} has no {start}"));
    let to = from
        + text[from..]
            .find(&end)
            .unwrap_or_else(|| panic!("{file} has no {end}"));
    if text[from..to] == *expected {
        return;
    }
    if std::env::var_os("VISION_TUI_BLESS").is_some_and(|v| v == "1") {
        std::fs::write(&path, format!("{}{expected}{}", &text[..from], &text[to..])).unwrap();
        return;
    }
    panic!(
        "{file}'s {marker} table is not the key map's; VISION_TUI_BLESS=1 cargo test --test it \
         key_tables writes it. The key map's:\n{expected}\n{file}'s:\n{}",
        &text[from..to]
    );
}

#[test]
fn the_readme_key_tables_are_the_key_maps() {
    let strings = Strings::load(Lang::En);
    let keymap = Keymap::default();
    for (marker, mode) in [
        ("keys", Mode::Browse(Pane::FocusList)),
        ("present-keys", Mode::Present(Show::Slide)),
    ] {
        let mut table = String::from("| Keys | What they do |\n| --- | --- |\n");
        for (_, keys, description) in keymap.help_rows(mode, &strings) {
            let keys: Vec<String> = keys.split(' ').map(|k| format!("`{k}`")).collect();
            table.push_str(&format!("| {} | {description} |\n", keys.join(" ")));
        }
        generated("README.md", marker, &table);
    }
}

#[test]
fn the_config_documents_key_table_is_the_key_maps() {
    let strings = Strings::load(Lang::En);
    let mut table = String::from(
        "| Action | Where | Default keys | What it does |\n| --- | --- | --- | --- |\n",
    );
    let keymap = Keymap::default();
    for binding in &keymap.bindings {
        let Some(name) = binding.name() else {
            continue;
        };
        let keys: Vec<String> = binding
            .chords
            .iter()
            .map(|c| format!("`{:?}`", c.name()))
            .collect();
        let place = match binding.context {
            Context::Browse => "browser",
            Context::Present => "presentation",
            Context::Everywhere => "everywhere",
        };
        table.push_str(&format!(
            "| `{name}` | {place} | {} | {} |\n",
            keys.join(", "),
            keymap.describe(binding, &strings)
        ));
    }
    generated("docs/config-format.md", "config-keys", &table);
}
