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
//! - [`memo`]: text laid out from a shared document, remembered for every
//!   session (bounded).
//! - [`watch`]: live reload: watches the document's directory (and its links'),
//!   reads and parses on its own thread, and hands finished reloads over.

pub mod load;
pub mod matching;
pub mod memo;
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
    /// Texts laid out for this document (and the header's heights), shared
    /// by every session.
    pub layouts: memo::LayoutMemo,
}

impl SharedDocument {
    /// `document`, to be shared.
    pub fn new(document: Document) -> Arc<Self> {
        Arc::new(Self {
            document,
            folded: OnceLock::new(),
            layouts: memo::LayoutMemo::default(),
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

impl SharedDocument {
    /// The header's rows at `width`, from `work_out` the first time a
    /// session asks for that width.
    pub fn header_rows(
        &self,
        width: u16,
        work_out: impl FnOnce(&Document) -> (usize, usize),
    ) -> (usize, usize) {
        let key = memo::LayoutKey {
            what: "header rows",
            index: 0,
            width: usize::from(width),
            words: String::new(),
        };
        let rows = self.layouts.get_or_work_out(key, || {
            (
                work_out(&self.document),
                std::mem::size_of::<(usize, usize)>(),
            )
        });
        *rows
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

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn the_header_rows_are_worked_out_once_per_width_and_document() {
        let shared = SharedDocument::new(load::builtin());
        let mut asked = Vec::new();
        let mut rows = |width: u16| {
            shared.header_rows(width, |_| {
                asked.push(width);
                (usize::from(width), 1)
            })
        };
        assert_eq!(rows(80), (80, 1));
        assert_eq!(rows(120), (120, 1));
        assert_eq!(rows(80), (80, 1), "remembered, not worked out again");
        assert_eq!(asked, [80, 120]);
        let reloaded = SharedDocument::new(load::builtin());
        assert_eq!(
            reloaded.header_rows(80, |_| (0, 0)),
            (0, 0),
            "a new document starts afresh"
        );
    }
}
