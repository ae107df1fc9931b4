//! `vision-tui man`: the manual page. The command line comes from clap's
//! definition (through clap_mangen), the keys from the key map, the exit
//! statuses from [`crate::commands::cli::EXIT_STATUSES`], and the config and theme
//! formats from their documents in `docs/`: nothing in it is written twice,
//! and it names no other page (the commands are described here, not in
//! `vision-tui-present(1)` pages that do not exist).

mod markdown;

use clap::CommandFactory;
use clap_mangen::Man;
use roff::{Roff, bold, roman};

use crate::app::keymap::Keymap;
use crate::app::{Action, Mode, Pane, Show};
use crate::commands::cli::{Cli, EXIT_STATUSES};
use crate::i18n::{Lang, Strings};

const CONFIG_FORMAT: &str = include_str!("../../docs/config-format.md");
const THEME_FORMAT: &str = include_str!("../../docs/theme-format.md");

/// The whole page, in roff.
pub fn render() -> std::io::Result<String> {
    let mut cli = Cli::command();
    cli.build();
    let man = Man::new(cli.clone());
    let mut out = Vec::new();
    man.render_title(&mut out)?;
    man.render_name_section(&mut out)?;
    man.render_synopsis_section(&mut out)?;
    man.render_description_section(&mut out)?;
    man.render_options_section(&mut out)?;
    let mut page = Roff::new();
    commands(&mut page, &cli);
    keys(&mut page);
    exit_status(&mut page);
    environment(&mut page);
    files(&mut page);
    page.control("SH", ["CONFIGURATION"]);
    markdown::append(&mut page, CONFIG_FORMAT);
    page.control("SH", ["THEME FILES"]);
    markdown::append(&mut page, THEME_FORMAT);
    page.to_writer(&mut out)?;
    man.render_version_section(&mut out)?;
    Ok(ascii(&String::from_utf8_lossy(&out)))
}

/// The page with every non-ASCII character as a roff escape (`\[u00E5]`):
/// groff without `-k` (nroff, and `man` on some systems) and mandoc read
/// them right where raw UTF-8 would be garbled.
fn ascii(page: &str) -> String {
    let mut out = String::with_capacity(page.len());
    for c in page.chars() {
        if c.is_ascii() {
            out.push(c);
        } else {
            out.push_str(&format!("\\[u{:04X}]", u32::from(c)));
        }
    }
    out
}

/// Each command with its usage, description and own options (the shared
/// ones are under OPTIONS).
fn commands(page: &mut Roff, cli: &clap::Command) {
    page.control("SH", ["COMMANDS"]);
    for command in cli.get_subcommands().filter(|c| c.get_name() != "help") {
        let usage = command.clone().render_usage().to_string();
        page.control("TP", []);
        page.text([bold(usage.trim_start_matches("Usage: "))]);
        let about = command
            .get_long_about()
            .or_else(|| command.get_about())
            .map(ToString::to_string)
            .unwrap_or_default();
        for paragraph in about.split("\n\n") {
            page.text([roman(paragraph.replace('\n', " "))]);
            page.control("sp", []);
        }
        let own: Vec<&clap::Arg> = command
            .get_arguments()
            .filter(|arg| !arg.is_global_set() && !arg.is_hide_set())
            .filter(|arg| !matches!(arg.get_id().as_str(), "help" | "version"))
            .collect();
        if own.is_empty() {
            continue;
        }
        page.control("RS", []);
        for arg in own {
            page.control("TP", []);
            page.text([bold(spelling(arg))]);
            let mut help = arg.get_help().map(ToString::to_string).unwrap_or_default();
            let values: Vec<String> = arg
                .get_possible_values()
                .iter()
                .filter(|v| !v.is_hide_set())
                .map(|v| v.get_name().to_string())
                .collect();
            if !help.is_empty() && !help.ends_with('.') {
                help.push('.');
            }
            if !values.is_empty() {
                help.push_str(&format!(" One of: {}.", values.join(", ")));
            }
            page.text([roman(help)]);
        }
        page.control("RE", []);
    }
}

/// How an argument is written: `-f, --format <FORMAT>`, `<PATHS>...`.
fn spelling(arg: &clap::Arg) -> String {
    let value = arg
        .get_value_names()
        .and_then(|names| names.first())
        .map(ToString::to_string)
        .unwrap_or_else(|| arg.get_id().as_str().to_uppercase());
    if arg.is_positional() {
        return value;
    }
    let mut names = Vec::new();
    if let Some(short) = arg.get_short() {
        names.push(format!("-{short}"));
    }
    if let Some(long) = arg.get_long() {
        names.push(format!("--{long}"));
    }
    let takes_value = arg.get_num_args().is_some_and(|n| n.takes_values());
    let names = names.join(", ");
    if takes_value {
        format!("{names} <{value}>")
    } else {
        names
    }
}

/// The keys, from the key map, as the help overlay lists them.
fn keys(page: &mut Roff) {
    let strings = Strings::load(Lang::En);
    let keymap = Keymap::default();
    page.control("SH", ["KEYS"]);
    page.control("PP", []);
    let help = keymap
        .key_for(Mode::Browse(Pane::FocusList), Action::ToggleHelp)
        .unwrap_or_default();
    page.text([
        roman("Press "),
        bold(help),
        roman(
            " in the app for the same list. The config file can give any action other keys (see ",
        ),
        bold("CONFIGURATION"),
        roman(")."),
    ]);
    for (title, mode) in [
        ("Browsing", Mode::Browse(Pane::FocusList)),
        ("Presenting", Mode::Present(Show::Slide)),
    ] {
        page.control("SS", [title]);
        for (_, keys, description) in keymap.help_rows(mode, &strings) {
            page.control("TP", []);
            page.text([bold(keys)]);
            page.text([roman(description)]);
        }
    }
}

fn exit_status(page: &mut Roff) {
    page.control("SH", ["EXIT STATUS"]);
    for (status, meaning) in EXIT_STATUSES {
        page.control("TP", []);
        page.text([bold(status)]);
        page.text([roman(meaning)]);
    }
}

fn environment(page: &mut Roff) {
    page.control("SH", ["ENVIRONMENT"]);
    for (name, meaning) in [
        (
            "NO_COLOR",
            "Any non-empty value: no colour (with --color auto, the default).",
        ),
        (
            "COLORTERM",
            "truecolor or 24bit: 24-bit colour (with --color auto).",
        ),
        (
            "TERM",
            "*256color*: 256 colours; dumb: print the document as plain text instead of starting the app; anything else: 16 colours.",
        ),
        (
            "XDG_CONFIG_HOME",
            "Where the config file is looked for: $XDG_CONFIG_HOME/vision-tui/config.ron.",
        ),
        (
            "HOME",
            "Without XDG_CONFIG_HOME, the config file is ~/.config/vision-tui/config.ron; ~/ in a theme's path is the home folder.",
        ),
    ] {
        page.control("TP", []);
        page.text([bold(name)]);
        page.text([roman(meaning)]);
    }
}

fn files(page: &mut Roff) {
    page.control("SH", ["FILES"]);
    for (name, meaning) in [
        (
            "$XDG_CONFIG_HOME/vision-tui/config.ron, ~/.config/vision-tui/config.ron",
            "The config file, optional (see CONFIGURATION); --config names another.",
        ),
        (
            "*.ron",
            "Vision documents and theme files. The built-in document (Alingsås kommun's Vision 2040), the themes and the interface's languages are inside the binary: it needs no other file.",
        ),
    ] {
        page.control("TP", []);
        page.text([bold(name)]);
        page.text([roman(meaning)]);
    }
}
