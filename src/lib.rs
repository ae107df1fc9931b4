//! vision-tui: a terminal browser for an organisation's strategic vision.
//!
//! Module map, from the ground up (the Elm architecture, I/O only at the
//! edges; each layer imports only the ones above it in this list):
//! - [`document`]: the vision document: its serde types ([`document::model`]),
//!   reading, parsing and validating it with positioned errors
//!   ([`document::load`]), case- and accent-insensitive matching for the search
//!   ([`document::matching`]), texts laid out from a shared document and
//!   remembered for every session ([`document::memo`]), and watching its file
//!   for live reload ([`document::watch`]).
//! - [`i18n`]: the interface's words, English and Swedish, from RON files.
//! - [`theme`]: every style the UI uses, from RON theme files, and colour depth.
//! - [`layout`]: pure text layout below both `app` and `ui`: screen areas,
//!   wrapping, line counts, goal offsets, the background's blocks, the help's
//!   rows, and the presentation's slides ([`layout::slides`], with the speaker
//!   view's next slide in miniature). `update` clamps with it and `ui` draws
//!   what it lays out.
//! - [`app`]: `State`, `Mode`, `Action` and the pure `update(&mut State, Action)`:
//!   one transition per action, follow-up actions applied in turn; keys to
//!   actions in one table ([`app::keymap`]).
//! - [`ui`]: `view(&State, &mut Frame)`, one module per screen region (the
//!   slides with the speaker view's next-slide box, [`ui::slides`]; the panes'
//!   frames, [`ui::pane`]): styles and draws what `layout` lays out.
//! - [`session`]: one session of the app: the loop that turns its inputs
//!   (keys, resizes, reloads, the end) into `update`s and draws, as steps
//!   ([`session::step`]) that a blocking front end (the local terminal) and
//!   an async one (an SSH session's task) both drive, generic over ratatui's
//!   `Backend`; a terminal's bytes to events;
//!   the backends that keep frames small. Asks nothing of the process.
//! - [`terminal`]: the local terminal's edge: raw mode and its restoring,
//!   signals, the hang-up watchdog, the terminal as a session's event source.
//! - `serve` (feature `ssh`): the SSH edge: every connection gets its own
//!   session over plain `ssh`, a task on one tokio runtime; limits, host
//!   key, a bounded outbox per session; what a connection is refused and how
//!   that is told and logged
//!   (`serve::connection::refusal`); one log line per connection event.
//! - [`commands`]: the command line ([`commands::cli`]) and the subcommands that
//!   print instead of drawing: check, export, init, config, man, the plain view.
//!   The binary in `main.rs` only wires these together.
#![forbid(unsafe_code)]

pub mod app;
pub mod commands;
pub mod document;
pub mod i18n;
pub mod layout;
#[cfg(feature = "ssh")]
pub mod serve;
pub mod session;
pub mod terminal;
pub mod theme;
pub mod ui;
