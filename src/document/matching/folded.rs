//! A document's texts folded once, with an index of the bytes and byte
//! pairs each focus area holds: what the app's search looks through as a
//! query is typed, each letter narrowing what the one before found.

use super::index::Index;
use super::{Needle, fold_char};
use crate::document::model::Document;

/// Between two texts in [`Folded`]: a control character, which the loader
/// removes from every text and a query cannot hold.
const SEPARATOR: char = '\0';

/// Every text search looks through, folded once: one string per focus area
/// (its name, description and notes, then its goals' texts, descriptions and
/// notes), the texts separated by a separator character, so no match runs from one
/// text into the next, and an index of which bytes and byte pairs each
/// area holds. Folding is most of what a search costs; with it done once, a
/// letter typed costs a look at the index and a substring search (memchr's
/// `memmem`) in the areas the index cannot rule out.
#[derive(Clone, PartialEq, Eq)]
pub struct Folded {
    areas: Vec<String>,
    index: Index,
}

impl std::fmt::Debug for Folded {
    // Megabytes of text would drown any message that shows a `State`.
    fn fmt(&self, f: &mut std::fmt::Formatter<'_>) -> std::fmt::Result {
        f.debug_struct("Folded")
            .field("areas", &self.areas.len())
            .finish_non_exhaustive()
    }
}

/// What a query finds in [`Folded`] texts: the focus areas, by index in
/// document order, and where in each the first match starts. A longer query
/// (one more letter) can only match at or after where the shorter one first
/// matched, so its search starts there; and where the bytes that follow
/// that match are known, a letter that continues them needs no search.
#[derive(Debug, Clone, Default, PartialEq, Eq)]
pub struct Found {
    /// The focus areas found, by index, in document order.
    pub areas: Vec<usize>,
    /// Per area found: where the first match is.
    places: Vec<Place>,
    /// The length of the folded query, whose bytes and pairs every area
    /// found is known to hold: a longer query's index check needs only the rest.
    needle_len: usize,
}

/// Where a query matched in one area's folded text.
#[derive(Debug, Clone, Copy, Default, PartialEq, Eq)]
struct Place {
    /// A byte offset not past the first match (at it, when `ahead_len > 0`).
    start: usize,
    /// The bytes that follow the match at `start`: the first `ahead_len`.
    ahead: [u8; 7],
    ahead_len: u8,
}

impl Place {
    /// The match at `start` of a needle `len` bytes long in `text`.
    fn at(text: &[u8], start: usize, len: usize) -> Self {
        let after = text.get(start + len..).unwrap_or_default();
        let mut ahead = [0; 7];
        let n = after.len().min(ahead.len());
        ahead[..n].copy_from_slice(&after[..n]);
        Self {
            start,
            ahead,
            ahead_len: n as u8,
        }
    }

    /// This match, continued by `added`, if the bytes ahead say it is.
    fn continued(&self, added: &[u8]) -> Option<Self> {
        let ahead = &self.ahead[..usize::from(self.ahead_len)];
        let rest = ahead.strip_prefix(added)?;
        // Nothing known ahead is not the same as nothing ahead: look again.
        if rest.is_empty() {
            return None;
        }
        let mut next = Self {
            start: self.start,
            ..Self::default()
        };
        next.ahead[..rest.len()].copy_from_slice(rest);
        next.ahead_len = rest.len() as u8;
        Some(next)
    }
}

impl Folded {
    /// Folds every searchable text of `doc`.
    pub fn of(doc: &Document) -> Self {
        let areas: Vec<String> = doc
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
        let index = Index::of(&areas);
        Self { areas, index }
    }

    /// The focus areas among `candidates` (indices, in order) that `query`
    /// finds: what [`matching_areas`](super::matching_areas) gives, from the folded texts.
    pub fn matching(&self, query: &str, candidates: impl IntoIterator<Item = usize>) -> Vec<usize> {
        let areas: Vec<usize> = candidates.into_iter().collect();
        let within = Found {
            places: vec![Place::default(); areas.len()],
            areas,
            needle_len: 0,
        };
        self.find(query, Some(&within)).areas
    }

    /// What `query` finds: in every area, or only `within` what a shorter
    /// query that `query` begins with found (typing one more letter can only
    /// narrow a search).
    pub fn find(&self, query: &str, within: Option<&Found>) -> Found {
        let Some(needle) = Needle::new(query).filter(|n| !n.folded.contains(SEPARATOR)) else {
            return Found::default();
        };
        let needle = needle.folded.as_bytes();
        let finder = memchr::memmem::Finder::new(needle);
        let mut found = Found {
            needle_len: needle.len(),
            ..Found::default()
        };
        let look = |found: &mut Found, area: usize, from: usize| {
            let text = self.areas.get(area).map_or(&[][..], |t| t.as_bytes());
            if let Some(at) = text.get(from..).and_then(|rest| finder.find(rest)) {
                found.areas.push(area);
                found.places.push(Place::at(text, from + at, needle.len()));
            }
        };
        match within {
            Some(shorter) => {
                // The areas found hold the shorter query's bytes and pairs:
                // check only the new ones (with the pair that joins them on).
                let known = shorter.needle_len.min(needle.len());
                let added = &needle[known..];
                let keys = Index::keys(&needle[known.saturating_sub(1)..]);
                for (&area, place) in shorter.areas.iter().zip(&shorter.places) {
                    if let Some(next) = place.continued(added) {
                        found.areas.push(area);
                        found.places.push(next);
                    } else if self.index.may_hold(area, &keys) {
                        look(&mut found, area, place.start);
                    }
                }
            }
            // One byte (an ASCII letter): the index knows exactly which areas
            // hold it. Where is left for the next letter to find (0 is not
            // past the first match, which is all a start must be).
            None if needle.len() == 1 => {
                found.areas.extend(self.index.holding(&Index::keys(needle)));
                found.places.resize(found.areas.len(), Place::default());
            }
            None => {
                for area in self.index.holding(&Index::keys(needle)) {
                    look(&mut found, area, 0);
                }
            }
        }
        found
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

#[cfg(test)]
mod tests {
    use super::*;
    use crate::document::matching::{fold, matching_areas};

    #[test]
    fn folded_texts_find_what_folding_as_you_go_finds() {
        let mut doc = crate::document::load::builtin();
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
    fn the_index_and_narrowing_find_what_a_scan_finds() {
        // 200 areas: the index's bitmaps span several words; the texts share
        // most bytes and pairs, a few words are rare, some are not ASCII.
        let words = [
            "kultur",
            "natur",
            "Alingsås",
            "Øresund",
            "ström",
            "mål",
            "日本語",
            "ktx",
            "ab",
            "ba",
            "qz",
        ];
        let mut doc = crate::document::load::builtin();
        let template = doc.focus_areas[0].clone();
        doc.focus_areas = (0..200)
            .map(|i| crate::document::model::FocusArea {
                id: format!("a{i}"),
                name: (0..i % 7 + 1)
                    .map(|k| words[(i * 3 + k * 5 + i / 11) % words.len()])
                    .collect::<Vec<_>>()
                    .join(" "),
                description: (i % 13 == 0).then(|| "Notering om QZ".into()),
                ..template.clone()
            })
            .collect();
        doc.goals.clear();
        let folded = Folded::of(&doc);
        let queries = [
            "k",
            "ku",
            "kultur",
            "kulturx",
            "natur kultur",
            "a",
            "ab",
            "aba",
            "ba",
            "bab",
            "q",
            "qz",
            "zq",
            "x",
            "kt",
            "ktx",
            "ktxa",
            "å",
            "alingsas",
            "oresund",
            "stro",
            "日",
            "本語",
            "語",
            "mal ",
            " mal",
            "notering",
            "#",
            "nowhere",
        ];
        for query in queries {
            let whole = folded.find(query, None);
            assert_eq!(whole.areas, matching_areas(&doc, query), "{query:?}");
            for (&area, place) in whole.areas.iter().zip(&whole.places) {
                let start = place.start;
                let first = folded.areas[area].find(&fold(query));
                assert!(
                    first.is_some_and(|first| start <= first),
                    "{query:?} in {area}"
                );
            }
            // Letter by letter, each search within what the shorter one found.
            let mut typed = String::new();
            let mut found = None::<Found>;
            for c in query.chars() {
                // A blank query finds nothing, so the next letter searches everything (as the app does).
                let within = found.filter(|_| !typed.trim().is_empty());
                typed.push(c);
                found = Some(folded.find(&typed, within.as_ref()));
            }
            // The same areas and matches; the bytes known ahead may differ.
            let found = found.unwrap_or_default();
            let starts = |f: &Found| f.places.iter().map(|p| p.start).collect::<Vec<_>>();
            assert_eq!(found.areas, whole.areas, "{query:?} typed");
            assert_eq!(starts(&found), starts(&whole), "{query:?} typed");
            for (&area, place) in found.areas.iter().zip(&found.places) {
                let after = place.start + fold(query).len();
                let ahead = &folded.areas[area].as_bytes()[after..];
                let known = usize::from(place.ahead_len);
                assert_eq!(
                    &place.ahead[..known],
                    &ahead[..known],
                    "{query:?} in {area}"
                );
            }
        }
    }
}
