//! The presentation's topics in order and their numbers, which are
//! arithmetic on the document's counts, and each topic's heading.

use std::borrow::Cow;

use super::{GLANCE_ITEMS, SlideKind};
use crate::document::model::Document;
use crate::i18n::Strings;

/// How many runs of [`GLANCE_ITEMS`] a list of `items` makes.
fn glance_runs(items: usize) -> usize {
    items.div_ceil(GLANCE_ITEMS)
}

/// The topics in order: how many there are of a kind, and the kind of the `i`th.
type Run = (usize, fn(usize) -> SlideKind);

fn topic_runs(doc: &Document) -> [Run; 7] {
    [
        (1, |_| SlideKind::Title),
        (1, |_| SlideKind::Vision),
        (doc.background.len(), SlideKind::Background),
        (glance_runs(doc.focus_areas.len()), SlideKind::FocusAreas),
        (doc.focus_areas.len(), SlideKind::FocusArea),
        (glance_runs(doc.goals.len()), SlideKind::Goals),
        (1, |_| SlideKind::Closing),
    ]
}

/// How many topics the presentation of `doc` has (the `N` of `n / N`).
pub fn count(doc: &Document) -> usize {
    topic_runs(doc).iter().map(|(n, _)| n).sum()
}

/// What topic number `index` (0-based) shows; `None` past the end.
pub fn kind_at(doc: &Document, mut index: usize) -> Option<SlideKind> {
    for (n, kind) in topic_runs(doc) {
        if index < n {
            return Some(kind(index));
        }
        index -= n;
    }
    None
}

/// The number (0-based) of the topic that shows `kind`, if the document has it.
pub fn index_of(doc: &Document, kind: SlideKind) -> Option<usize> {
    let i = match kind {
        SlideKind::Background(i)
        | SlideKind::FocusAreas(i)
        | SlideKind::FocusArea(i)
        | SlideKind::Goals(i) => i,
        SlideKind::Title | SlideKind::Vision | SlideKind::Closing => 0,
    };
    let mut before = 0;
    for (n, kind_of) in topic_runs(doc) {
        if i < n && kind_of(i) == kind {
            return Some(before + i);
        }
        before += n;
    }
    None
}

/// The items (0-based, end excluded) that glance topic `run` lists.
pub(super) fn glance_range(run: usize, items: usize) -> std::ops::Range<usize> {
    let start = run.saturating_mul(GLANCE_ITEMS).min(items);
    start..start.saturating_add(GLANCE_ITEMS).min(items)
}

/// A topic's heading, with the labels of `strings`.
pub fn heading<'a>(doc: &'a Document, strings: &'a Strings, kind: SlideKind) -> Cow<'a, str> {
    // A list longer than one glance says which items this one shows, by
    // the numbers they are listed with: "Goals 13–24", or "Goal 25" alone.
    let glance = |(plural, one): (&'a str, &str), items: usize, (first, last): (u64, u64)| match (
        items <= GLANCE_ITEMS,
        first == last,
    ) {
        (true, _) => Cow::Borrowed(plural),
        (false, true) => Cow::Owned(format!("{one} {first}")),
        (false, false) => Cow::Owned(format!("{plural} {first}–{last}")),
    };
    match kind {
        SlideKind::Title | SlideKind::Closing => Cow::Borrowed(&doc.title),
        SlideKind::Vision => Cow::Borrowed(&strings.slide_vision),
        SlideKind::Background(i) => Cow::Borrowed(
            doc.background
                .get(i)
                .and_then(|s| s.heading.as_deref())
                .unwrap_or(&strings.slide_background),
        ),
        SlideKind::FocusAreas(run) => {
            let range = glance_range(run, doc.focus_areas.len());
            let numbers = (range.start as u64 + 1, range.end as u64);
            let labels = (
                strings.slide_focus_areas.as_str(),
                strings.slide_focus_area.as_str(),
            );
            glance(labels, doc.focus_areas.len(), numbers)
        }
        SlideKind::FocusArea(i) => {
            Cow::Borrowed(doc.focus_areas.get(i).map_or("", |a| a.name.as_str()))
        }
        SlideKind::Goals(run) => {
            // Goals are listed with their own numbers, which need not count from 1.
            let goals = &doc.goals[glance_range(run, doc.goals.len())];
            let numbers = goals.iter().map(|g| u64::from(g.number));
            let range = (
                numbers.clone().min().unwrap_or(0),
                numbers.max().unwrap_or(0),
            );
            glance(
                (&strings.slide_goals, &strings.goal),
                doc.goals.len(),
                range,
            )
        }
    }
}
