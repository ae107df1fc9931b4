//! Matching for search: case-insensitive with Swedish letters folded, and
//! accent-insensitive, so `omstallning` finds "Omställning" and `ALINGSAS`
//! finds "Alingsås" (people type over SSH on keyboards without å ä ö).

use std::ops::Range;

use unicode_normalization::UnicodeNormalization;
use unicode_normalization::char::is_combining_mark;

use crate::model::Document;

/// A character as search compares it: lower case, accents and other marks
/// removed (å ä → a, ö → o, é → e), and the letters that have no
/// decomposition spelled as travellers type them (ø → o, æ → ae, ß → ss).
fn fold_char(c: char, out: &mut String) {
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
            other => out.extend(other.to_string().nfd().filter(|m| !is_combining_mark(*m))),
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

/// True when `query` matches anywhere in `text`.
pub fn matches(text: &str, query: &str) -> bool {
    let needle = fold(query);
    !needle.trim().is_empty() && fold(text).contains(&needle)
}

/// The focus areas (by index) that `query` finds: in the area's name,
/// description or notes, or in any of its goals' texts, descriptions or notes.
pub fn matching_areas(doc: &Document, query: &str) -> Vec<usize> {
    let hit = |text: &str| matches(text, query);
    let opt = |text: &Option<String>| text.as_deref().is_some_and(hit);
    doc.focus_areas
        .iter()
        .enumerate()
        .filter(|(_, area)| {
            hit(&area.name)
                || opt(&area.description)
                || opt(&area.notes)
                || doc
                    .goals_of(&area.id)
                    .any(|g| hit(&g.text) || opt(&g.description) || opt(&g.notes))
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
        let doc = crate::load::builtin();
        assert_eq!(matching_areas(&doc, "omstallning"), [3]);
        // "utbildningar" is only in goal 4, which serves Livskvalitet.
        assert_eq!(matching_areas(&doc, "utbildningar"), [1]);
        assert!(matching_areas(&doc, "zzz").is_empty());
        assert!(matches_vision(&doc, "vastsveriges"));
    }
}
