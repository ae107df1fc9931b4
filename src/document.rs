//! The vision document, and everything that reads it: the types, the loader
//! with its positioned errors, matching for the search, and the watcher that
//! reloads it when its file changes.
//!
//! - [`model`]: serde types of a vision document, and the lookup index by
//!   focus-area id that large documents answer from.
//! - [`load`]: read, parse (RON, or JSON by extension), validate and normalise a
//!   document; errors with positions, printed safely. Settings files (config,
//!   themes) are parsed by the same code, with hints of their own ([`load::settings`]).
//! - [`matching`]: case- and accent-insensitive matching for the search, and
//!   the folded texts and byte index that keep it fast in large documents.
//! - [`watch`]: live reload: watches the document's directory (and its links'),
//!   reads and parses on its own thread, and hands finished reloads over.

pub mod load;
pub mod matching;
pub mod model;
pub mod watch;
