//! Matching for search: case-insensitive with Swedish letters folded, and
//! accent-insensitive, so `omstallning` finds "Omställning" and `ALINGSAS`
//! finds "Alingsås" (people type over SSH on keyboards without å ä ö).

use std::ops::Range;

use unicode_normalization::char::{decompose_canonical, is_combining_mark};

use crate::model::Document;

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

/// Between two texts in [`Folded`]: a control character, which the loader
/// removes from every text and a query cannot hold.
const SEPARATOR: char = '\0';

/// Every text search looks through, folded once: one string per focus area
/// (its name, description and notes, then its goals' texts, descriptions and
/// notes), the texts separated by [`SEPARATOR`], so no match runs from one
/// text into the next. Folding is most of what a search costs; with it done
/// once, a letter typed costs a substring scan per area (`str::contains`,
/// which has a SIMD fast path that `str::find` lacks: one `find` over all the
/// text was measured 3–7 times slower).
#[derive(Clone, PartialEq, Eq)]
pub struct Folded {
    areas: Vec<String>,
}

impl std::fmt::Debug for Folded {
    // Megabytes of text would drown any message that shows a `State`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Folded")
            .field("areas", &self.areas.len())
            .finish_non_exhaustive()
    }
}

impl Folded {
    /// Folds every searchable text of `doc`.
    pub fn of(doc: &Document) -> Self {
        let areas = doc
            .focus_areas
            .iter()
            .map(|area| {
                let mut folded = String::new();
                let mut add = |text: &str| {
                    if !folded.is_empty() {
                        folded.push(SEPARATOR);
                    }
                    for c in text.chars() {
                        fold_char(c, &mut folded);
                    }
                };
                add(&area.name);
                area.description.as_deref().map(&mut add);
                area.notes.as_deref().map(&mut add);
                for goal in doc.goals_of(&area.id) {
                    add(&goal.text);
                    goal.description.as_deref().map(&mut add);
                    goal.notes.as_deref().map(&mut add);
                }
                folded
            })
            .collect();
        Self { areas }
    }

    /// The focus areas among `candidates` (indices, in order) that `query`
    /// finds: what [`matching_areas`] gives, from the folded texts. Typing
    /// one more letter can only narrow a search, so the app passes the areas
    /// the shorter query found.
    pub fn matching(&self, query: &str, candidates: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let Some(needle) = Needle::new(query).filter(|n| !n.folded.contains(SEPARATOR)) else {
            return Vec::new();
        };
        candidates
            .into_iter()
            .filter(|&i| {
                self.areas
                    .get(i)
                    .is_some_and(|text| text.contains(&needle.folded))
            })
            .collect()
    }

    /// How many focus areas were folded (those of the document it was made from).
    pub fn len(&self) -> usize {
        self.areas.len()
    }

    /// True for a document without focus areas.
    pub fn is_empty(&self) -> bool {
        self.areas.is_empty()
    }
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
    fn folded_texts_find_what_folding_as_you_go_finds() {
        let mut doc = crate::load::builtin();
        doc.focus_areas[0].notes = Some("Anteckning om Øresund".into());
        doc.goals[1].description = Some("Beskrivning".into());
        let folded = Folded::of(&doc);
        assert_eq!(folded.len(), doc.focus_areas.len());
        let areas = doc.focus_areas.len();
        let all = || 0..areas;
        for query in [
            "omstallning",
            "a",
            "ALINGSÅS",
            "oresund",
            "beskrivning",
            "zzz",
            " ",
            "",
            "mal",
            "en ",
            " och",
            "vision",
            "2040",
            "x\ny",
        ] {
            assert_eq!(
                folded.matching(query, all()),
                matching_areas(&doc, query),
                "{query:?}"
            );
        }
        // No match runs from the end of one text into the next.
        doc.focus_areas[0].name = "Slut".into();
        doc.focus_areas[0].description = Some("Början".into());
        let folded = Folded::of(&doc);
        for glued in ["slutborjan", "slut borjan", "slut\0borjan"] {
            assert!(folded.matching(glued, all()).is_empty(), "{glued}");
            assert!(matching_areas(&doc, glued).is_empty());
        }
        assert_eq!(folded.matching("borjan", all()), [0]);
        assert_eq!(
            folded.matching("omstallning", [0, 1, 2]),
            Vec::<usize>::new()
        );
        assert_eq!(folded.matching("omstallning", [3, 9]), [3]);
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
