//! `vision-tui config --default`: a complete, commented config with every
//! option and binding at its default, from the key table.

use crate::app::keymap::{Chord, Context, Keymap};
use crate::i18n::Lang;

/// A complete, commented config with every option and binding at its default.
pub fn default_text() -> String {
    let keymap = Keymap::default();
    let strings = crate::i18n::Strings::load(Lang::En);
    let mut out = String::from(
        "// vision-tui configuration. Put it at ~/.config/vision-tui/config.ron\n\
         // (or $XDG_CONFIG_HOME/vision-tui/config.ron), or pass --config PATH.\n\
         // Every field is optional: leave out what you do not change. Command-line\n\
         // flags win over this file.\n\
         (\n\
         \x20   // default, light, high-contrast, monochrome, or the path of a theme file.\n\
         \x20   theme: \"default\",\n\
         \x20   // auto (follows NO_COLOR, COLORTERM, TERM), never, 16, 256 or truecolor.\n\
         \x20   color: \"auto\",\n\
         \x20   // The interface language: \"en\" or \"sv\". Leave it out to follow the document.\n\
         \x20   // lang: \"en\",\n\
         \x20   // Clicks and the wheel; false leaves the mouse to the terminal (to copy text).\n\
         \x20   mouse: true,\n\
         \x20   // Reload the document when its file changes.\n\
         \x20   watch: true,\n",
    );
    let comment = format!(
        "Keys: each entry replaces all keys of one action. Keys are characters \
         (\"q\", \"?\"), names ({}) or ctrl- with a letter.",
        Chord::names()
    );
    let indent = "    // ";
    let options = textwrap::Options::new(80)
        .initial_indent(indent)
        .subsequent_indent(indent);
    for line in textwrap::wrap(&comment, options) {
        out.push_str(&format!("{line}\n"));
    }
    let digits = |context: Context| {
        keymap
            .bindings
            .iter()
            .find(|b| b.name().is_none() && b.context == context)
            .map(|b| b.label())
            .unwrap_or_default()
    };
    out.push_str(&format!(
        "    // The digits ({} to jump, {} to type a slide number) are fixed.\n    keys: (\n",
        digits(Context::Browse),
        digits(Context::Present)
    ));
    for binding in &keymap.bindings {
        let Some(name) = binding.name() else {
            continue;
        };
        let keys: Vec<String> = binding
            .chords
            .iter()
            .map(|c| format!("{:?}", c.name()))
            .collect();
        out.push_str(&format!(
            "        // {}\n        {name}: [{}],\n",
            keymap.describe(binding, &strings),
            keys.join(", ")
        ));
    }
    out.push_str("    ),\n)\n");
    out
}
