//! Matching for search: case-insensitive with Swedish letters folded, and
//! accent-insensitive, so `omstallning` finds "Omställning" and `ALINGSAS`
//! finds "Alingsås" (people type over SSH on keyboards without å ä ö).
//!
//! [`fold`], [`find`], [`Needle`] and [`matching_areas`] fold as they go, a
//! text at a time. [`Folded`] keeps a document's texts folded once, with an
//! index of the bytes each focus area holds, for the app's search as it is
//! typed letter by letter.

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::document::model::Document;

mod folded;
mod index;

pub use folded::{Folded, Found};

/// A character as search compares it: lower case, accents and other marks
/// removed (å ä → a, ö → o, é → e), and the letters that have no
/// decomposition spelled as travellers type them (ø → o, æ → ae, ß → ss).
fn fold_char(c: char, out: &mut String) {
    // Most text is ASCII: no tables to consult, nothing to allocate.
    if c.is_ascii() {
        out.push(c.to_ascii_lowercase());
        return;
    }
    for lower in c.to_lowercase() {
        match lower {
            'ø' => out.push('o'),
            'æ' => out.push_str("ae"),
            'œ' => out.push_str("oe"),
            'ß' => out.push_str("ss"),
            'ð' => out.push('d'),
            'þ' => out.push_str("th"),
            'ł' => out.push('l'),
            '\u{a0}' => out.push(' '),
            other => decompose_canonical(other, |m| {
                if !is_combining_mark(m) {
                    out.push(m);
                }
            }),
        }
    }
}

/// `text` folded for comparison.
pub fn fold(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for c in text.chars() {
        fold_char(c, &mut out);
    }
    out
}

/// Byte ranges of `text` where the (unfolded) `query` matches, after folding
/// both. Empty for an empty query.
pub fn find(text: &str, query: &str) -> Vec<Range<usize>> {
    let needle = fold(query);
    if needle.trim().is_empty() {
        return Vec::new();
    }
    // Fold char by char, remembering which original char each folded byte came from.
    let mut folded = String::with_capacity(text.len());
    let mut origin: Vec<(usize, usize)> = Vec::with_capacity(text.len()); // per folded byte: original char range
    for (start, c) in text.char_indices() {
        let before = folded.len();
        fold_char(c, &mut folded);
        let range = (start, start + c.len_utf8());
        origin.extend(std::iter::repeat_n(range, folded.len() - before));
    }
    let mut hits = Vec::new();
    let mut from = 0;
    while let Some(at) = folded[from..].find(&needle) {
        let begin = from + at;
        let end = begin + needle.len();
        let (orig_start, _) = origin[begin];
        let (_, orig_end) = origin[end - 1];
        hits.push(orig_start..orig_end);
        from = end;
    }
    hits
}

/// A query folded once, to be matched against many texts.
#[derive(Debug)]
pub struct Needle {
    folded: String,
    /// Where each text is folded, reused from text to text.
    buffer: std::cell::RefCell<String>,
}

impl Needle {
    /// The query folded; `None` for a blank query, which finds nothing.
    pub fn new(query: &str) -> Option<Self> {
        let folded = fold(query);
        (!folded.trim().is_empty()).then(|| Self {
            folded,
            buffer: std::cell::RefCell::default(),
        })
    }

    /// True when the query matches anywhere in `text`.
    pub fn finds(&self, text: &str) -> bool {
        let mut buffer = self.buffer.borrow_mut();
        buffer.clear();
        for c in text.chars() {
            fold_char(c, &mut buffer);
        }
        buffer.contains(&self.folded)
    }
}

/// True when `query` matches anywhere in `text`.
pub fn matches(text: &str, query: &str) -> bool {
    Needle::new(query).is_some_and(|needle| needle.finds(text))
}

/// The focus areas (by index) that `query` finds: in the area's name,
/// description or notes, or in any of its goals' texts, descriptions or notes.
/// The app keeps the texts folded ([`Folded`]); this folds as it goes.
pub fn matching_areas(doc: &Document, query: &str) -> Vec<usize> {
    let Some(needle) = Needle::new(query) else {
        return Vec::new();
    };
    let finds = |text: &Option<String>| text.as_deref().is_some_and(|t| needle.finds(t));
    doc.focus_areas
        .iter()
        .enumerate()
        .filter(|(_, area)| {
            needle.finds(&area.name)
                || finds(&area.description)
                || finds(&area.notes)
                || doc
                    .goals_of(&area.id)
                    .any(|g| needle.finds(&g.text) || finds(&g.description) || finds(&g.notes))
        })
        .map(|(i, _)| i)
        .collect()
}

/// True when `query` finds the vision statement (or the document's notes).
pub fn matches_vision(doc: &Document, query: &str) -> bool {
    matches(&doc.statement, query) || doc.notes.as_deref().is_some_and(|n| matches(n, query))
}

#[cfg(test)]
mod tests {
    use super::*;

    #[test]
    fn folds_case_and_swedish_letters() {
        assert_eq!(fold("Omställning"), "omstallning");
        assert_eq!(fold("ÅÄÖ åäö"), "aao aao");
        assert_eq!(fold("Idéer"), "ideer");
        assert_eq!(fold("Øresund Æble"), "oresund aeble");
        assert!(matches("Omställning", "omstallning"));
        assert!(matches("Omställning", "OMSTÄLLNING"));
        assert!(matches("Alingsås", "alingsas"));
        assert!(matches("Alingsås", "ALINGSÅS"));
        assert!(!matches("Tillsammans", "omst"));
        assert!(!matches("anything", "  "), "a blank query finds nothing");
    }

    #[test]
    fn decomposed_input_matches_composed_text() {
        assert!(matches("Omställning", "Omsta\u{308}llning"));
    }

    #[test]
    fn ranges_point_into_the_original_text() {
        let text = "Vackra miljöer och Miljö";
        let hits = find(text, "miljo");
        assert_eq!(hits.len(), 2);
        assert_eq!(&text[hits[0].clone()], "miljö");
        assert_eq!(&text[hits[1].clone()], "Miljö");
        let text = "Æble";
        assert_eq!(&text[find(text, "ae")[0].clone()], "Æ");
    }

    #[test]
    fn finds_areas_by_their_goals() {
        let doc = crate::document::load::builtin();
        assert_eq!(matching_areas(&doc, "omstallning"), [3]);
        // "utbildningar" is only in goal 4, which serves Livskvalitet.
        assert_eq!(matching_areas(&doc, "utbildningar"), [1]);
        assert!(matching_areas(&doc, "zzz").is_empty());
        assert!(matches_vision(&doc, "vastsveriges"));
    }
}
