//! JSON: the document's own data, for other programs.
//!
//! It is the model serialised as is (field names as in the RON format), so
//! parsing it back gives the same `Document`; notes are already removed
//! when the handout is exported without them.

use crate::document::model::Document;

/// Pretty-printed JSON, ending in a newline like the other formats.
pub(super) fn render(doc: &Document) -> String {
    // Cannot fail: every field is a string, a number, a list or a struct.
    let mut json = serde_json::to_string_pretty(doc).expect("a Document always serialises");
    json.push('\n');
    json
}
