//! vision-tui: a terminal browser for an organisation's strategic vision.
//!
//! Module map (the Elm architecture, I/O only at the edges):
//! - [`model`]: serde types of a vision document.
//! - [`load`]: read, parse (RON, or JSON by extension), validate and normalise a
//!   document; errors with positions, printed safely.
//! - [`layout`]: pure text layout below both `app` and `ui`: screen areas,
//!   wrapping, line counts, goal offsets, the background's blocks, the help's
//!   rows. `update` clamps with it and `ui` draws what it lays out.
//! - [`app`]: `State`, `Mode`, `Action` and the pure `update(&mut State, Action)`:
//!   one transition per action, follow-up actions applied in turn.
//! - [`keymap`]: keys to actions; the single source for the help overlay and footer.
//! - [`ui`]: `view(&State, &mut Frame)`, one module per screen region: styles
//!   and draws what `layout` lays out.
//! - [`slides`]: the presentation's slides and the slide screen's geometry,
//!   generated from the document for a terminal size.
//! - [`i18n`]: the interface's words, English and Swedish, from RON files.
//! - [`search`]: case- and accent-insensitive matching for the search, and
//!   the folded texts and byte index that keep it fast in large documents.
//! - [`theme`]: every style the UI uses, from RON theme files, and colour depth.
//! - [`runtime`]: the edge: terminal setup and restore, signals, hang-up
//!   watchdog, the local terminal's one wait for input and wake-ups, and the
//!   event loop, generic over ratatui's `Backend`.
//! - [`check`], [`export`], [`init`]: the `check`, `export` and `init` subcommands.
//! - [`config`]: the optional config file: theme, colours, language, mouse, keys.
//! - [`settings`]: parsing the settings files (config, themes), with hints
//!   that point at their documentation.
//! - [`man`]: the manual page, from the command line's definition, the key
//!   map and the format documents in `docs/`.
//! - [`cli`]: the command line; [`commands`]: the subcommands that print
//!   (the binary in `main.rs` only wires these together).
//! - [`watch`]: live reload: watches the document's directory (and its links'),
//!   reads and parses on its own thread, and hands finished reloads over.
#![forbid(unsafe_code)]

pub mod app;
pub mod check;
pub mod cli;
pub mod commands;
pub mod config;
pub mod export;
pub mod i18n;
pub mod init;
pub mod keymap;
pub mod layout;
pub mod load;
pub mod man;
pub mod model;
pub mod runtime;
pub mod search;
pub mod settings;
pub mod slides;
pub mod theme;
pub mod ui;
pub mod watch;
