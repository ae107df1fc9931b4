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

use std::sync::{Arc, OnceLock};

use matching::Folded;
use model::Document;

/// A document as every session shares it: read-only, with its texts folded
/// for the search once for all of them (when the first one searches, or at
/// once for a large document).
pub struct SharedDocument {
    document: Document,
    folded: OnceLock<Arc<Folded>>,
}

impl SharedDocument {
    /// `document`, to be shared.
    pub fn new(document: Document) -> Arc<Self> {
        Arc::new(Self {
            document,
            folded: OnceLock::new(),
        })
    }

    /// The document without its speaker notes, for whoever must not see
    /// them (a workshop's participants).
    pub fn without_notes(&self) -> Arc<Self> {
        let mut document = self.document.clone();
        document.notes = None;
        for area in &mut document.focus_areas {
            area.notes = None;
        }
        for goal in &mut document.goals {
            goal.notes = None;
        }
        Self::new(document)
    }

    /// The document's texts folded for matching, folded now if no session
    /// has needed them yet.
    pub fn folded(&self) -> Arc<Folded> {
        Arc::clone(
            self.folded
                .get_or_init(|| Arc::new(Folded::of(&self.document))),
        )
    }
}

impl std::ops::Deref for SharedDocument {
    type Target = Document;

    fn deref(&self) -> &Document {
        &self.document
    }
}

impl From<Document> for Arc<SharedDocument> {
    fn from(document: Document) -> Self {
        SharedDocument::new(document)
    }
}

impl std::fmt::Debug for SharedDocument {
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        self.document.fmt(f)
    }
}
