//! The lookup index of a large document: its goals grouped by focus area,
//! its areas by id, and the widths a frame lines up with, so that drawing a
//! frame looks these up instead of scanning every goal.

use std::collections::HashMap;
use std::hash::{Hash, Hasher};
use std::ops::Range;
use std::sync::{Arc, Mutex, PoisonError};

use unicode_width::UnicodeWidthStr;

use super::{Document, Goal};

/// Documents with fewer goals and fewer focus areas than this keep no index:
/// scanning them is as fast.
const INDEX_FROM: usize = 256;

/// The lookup index of a large [`Document`], built on first use. Not part of
/// the document's value: every two indexes are equal, and a clone starts empty.
#[derive(Default)]
pub(super) struct Index(Mutex<Option<Arc<Lookup>>>);

impl Index {
    /// The index of `doc`, when it is large enough to want one: the cached
    /// one while `goals` and `focus_areas` are the vectors it was built from.
    pub(super) fn lookup(&self, doc: &Document) -> Option<Arc<Lookup>> {
        if doc.goals.len() < INDEX_FROM && doc.focus_areas.len() < INDEX_FROM {
            return None;
        }
        let fingerprint = Fingerprint::of(doc);
        let mut cached = self.0.lock().unwrap_or_else(PoisonError::into_inner);
        if let Some(lookup) = cached.as_ref().filter(|l| l.fingerprint == fingerprint) {
            return Some(Arc::clone(lookup));
        }
        let lookup = Arc::new(Lookup::build(doc, fingerprint));
        *cached = Some(Arc::clone(&lookup));
        Some(lookup)
    }
}

impl Clone for Index {
    fn clone(&self) -> Self {
        Index::default()
    }
}

impl PartialEq for Index {
    fn eq(&self, _: &Self) -> bool {
        true
    }
}

impl Eq for Index {}

/// Which vectors an index was built from: their addresses and lengths, and
/// the addresses of the ids at both ends (so a new vector that happens to
/// get the address of a freed one is still told apart).
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
struct Fingerprint([usize; 8]);

impl Fingerprint {
    fn of(doc: &Document) -> Self {
        let text = |s: Option<&String>| s.map_or(0, |s| s.as_ptr() as usize);
        Self([
            doc.goals.as_ptr() as usize,
            doc.goals.len(),
            doc.focus_areas.as_ptr() as usize,
            doc.focus_areas.len(),
            text(doc.goals.first().map(|g| &g.focus_area)),
            text(doc.goals.last().map(|g| &g.focus_area)),
            text(doc.focus_areas.first().map(|a| &a.id)),
            text(doc.focus_areas.last().map(|a| &a.id)),
        ])
    }
}

/// Lookups by focus-area id, keyed by a hash of the id (every answer is
/// checked against the real id, so a collision costs time, never correctness).
pub(super) struct Lookup {
    fingerprint: Fingerprint,
    /// Goal indices, grouped by their `focus_area`'s key, in document order within a group.
    pub(super) goal_order: Vec<usize>,
    /// Where each key's group is in `goal_order`.
    goal_slots: HashMap<u64, Range<usize>>,
    /// The first focus area with each key.
    pub(super) area_slots: HashMap<u64, usize>,
    /// Width of the widest focus-area name.
    pub(super) longest_name: usize,
    /// Digits of the largest goal number.
    pub(super) goal_number_width: usize,
}

/// Digits of the largest goal number among `goals` (1 without goals).
pub(super) fn goal_number_width(goals: &[Goal]) -> usize {
    goals
        .iter()
        .map(|g| g.number)
        .max()
        .map_or(1, |n| n.to_string().len())
}

impl Lookup {
    fn build(doc: &Document, fingerprint: Fingerprint) -> Self {
        let keys: Vec<u64> = doc.goals.iter().map(|g| key(&g.focus_area)).collect();
        let mut goal_slots: HashMap<u64, Range<usize>> = HashMap::new();
        for k in &keys {
            goal_slots.entry(*k).or_insert(0..0).end += 1;
        }
        let mut start = 0;
        for slot in goal_slots.values_mut() {
            let len = slot.end;
            *slot = start..start;
            start += len;
        }
        // Fill each group in document order; `end` runs up to the group's end.
        let mut goal_order = vec![0; keys.len()];
        for (i, k) in keys.iter().enumerate() {
            if let Some(slot) = goal_slots.get_mut(k) {
                goal_order[slot.end] = i;
                slot.end += 1;
            }
        }
        let mut area_slots = HashMap::with_capacity(doc.focus_areas.len());
        for (i, area) in doc.focus_areas.iter().enumerate() {
            area_slots.entry(key(&area.id)).or_insert(i);
        }
        let longest_name = doc
            .focus_areas
            .iter()
            .map(|area| area.name.width())
            .max()
            .unwrap_or(0);
        Self {
            fingerprint,
            goal_order,
            goal_slots,
            area_slots,
            longest_name,
            goal_number_width: goal_number_width(&doc.goals),
        }
    }

    /// Positions in `goal_order` of the goals whose `focus_area` has `id`'s key.
    pub(super) fn goal_positions(&self, id: &str) -> Range<usize> {
        self.goal_slots.get(&key(id)).cloned().unwrap_or(0..0)
    }
}

/// The index key of an id (the same in every run: no random seed).
pub(super) fn key(id: &str) -> u64 {
    let mut hasher = std::collections::hash_map::DefaultHasher::new();
    id.hash(&mut hasher);
    hasher.finish()
}
