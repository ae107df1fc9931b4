//! vision-tui: a terminal browser for an organisation's strategic vision.
//!
//! Module map (the Elm architecture, I/O only at the edges):
//! - [`model`]: serde types of a vision document.
//! - [`load`]: read, parse, validate and normalise a document; errors with positions.
#![forbid(unsafe_code)]

pub mod app;
pub mod cli;
pub mod keymap;
pub mod load;
pub mod model;
pub mod runtime;
pub mod theme;
pub mod ui;
