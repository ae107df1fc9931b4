//! Slides, generated from the document: no separate slide file.
//!
//! A presentation is a sequence of *topics* (title, vision, each background
//! section, the focus areas at a glance, each focus area, the goals at a
//! glance, closing). Topics are numbered `n / N`, and the numbers do not
//! depend on the terminal: "slide 7" is the same topic on a laptop and on a
//! projector. What fits on a slide does depend on the size, so a topic with
//! long content continues on further slides (parts) rather than being cut
//! off. The lists at a glance come in topics of [`GLANCE_ITEMS`] items.
//!
//! Only the topic on screen is laid out (a [`Deck`]): which topic has which
//! number is arithmetic on the document's counts, so presenting a document
//! of ten thousand focus areas costs what presenting one of five does.

use std::borrow::Cow;

use unicode_width::UnicodeWidthStr;

use crate::i18n::{Lang, Strings};
use crate::model::Document;
use crate::ui::text::{wrap, wrap_indented};

mod content;
mod heading;
mod paginate;

use content::{focus_area_blocks, goals_at_a_glance};
pub use heading::{HeadingSize, choose_heading, has_big_glyphs};
use paginate::paginate;

/// Below this size the presentation shows "terminal too small".
pub const MIN_WIDTH: u16 = 24;
/// Below this size the presentation shows "terminal too small".
pub const MIN_HEIGHT: u16 = 8;
/// The widest a line of slide text gets: long lines are hard to follow on a wall.
pub const MAX_TEXT_WIDTH: usize = 72;
/// Items per topic in the lists at a glance: a dozen can be taken in from
/// the back of a room, and a fixed number keeps topic numbers independent
/// of the terminal's size.
pub const GLANCE_ITEMS: usize = 12;

/// What a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlideKind {
    /// Organisation and title.
    Title,
    /// The vision statement.
    Vision,
    /// A background section (how the vision was made, how it fits together).
    Background(usize),
    /// Focus areas at a glance: the `n`th run of [`GLANCE_ITEMS`].
    FocusAreas(usize),
    /// One focus area with its goals.
    FocusArea(usize),
    /// Goals at a glance: the `n`th run of [`GLANCE_ITEMS`].
    Goals(usize),
    /// The closing slide.
    Closing,
}

/// How a line of slide text is shown.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum Role {
    /// Ordinary text.
    Text,
    /// Stands out (goal texts, names).
    Strong,
    /// Secondary (plan periods, counts, adoption).
    Muted,
    /// The vision statement.
    Emphasis,
}

/// One line of slide text, already wrapped to the slide's text width.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct SlideLine {
    /// The text.
    pub text: String,
    /// How it is shown.
    pub role: Role,
}

/// One slide, laid out for the deck's size.
#[derive(Debug, Clone, PartialEq, Eq)]
pub struct Slide {
    /// What it shows.
    pub kind: SlideKind,
    /// 0-based part, when the content continues over several slides.
    pub part: usize,
    /// How many parts the content has.
    pub parts: usize,
    /// The heading.
    pub heading: String,
    /// How big the heading is drawn.
    pub heading_size: HeadingSize,
    /// The heading's lines when drawn plain (wrapped).
    pub heading_lines: Vec<String>,
    /// The body, wrapped; empty lines separate blocks.
    pub body: Vec<SlideLine>,
    /// The widest body line of any slide of the topic, in columns: every
    /// slide of a topic puts its body in the same column.
    pub body_width: usize,
    /// The longest body of any slide of the topic, in lines: a centred topic
    /// keeps its heading on the same row on every slide.
    pub body_rows: usize,
    /// Speaker notes for what is on this slide.
    pub notes: Vec<String>,
    /// The focus area this slide is about, if one.
    pub focus_area: Option<usize>,
    /// True when heading and body are centred vertically (title-like slides).
    pub centred: bool,
}

impl Slide {
    /// Rows the heading takes.
    pub fn heading_rows(&self) -> usize {
        match self.heading_size.glyph() {
            Some((_, h)) => h,
            None => self.heading_lines.len(),
        }
    }
}

/// The topic on screen, laid out for one size: the only slides that exist
/// at any time, so their cost does not grow with the document.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deck {
    /// The topic's number (0-based), as [`kind_at`] counts.
    pub topic: usize,
    /// Its slides, in order; never empty once laid out.
    pub slides: Vec<Slide>,
    /// The (width, height) it was laid out for.
    pub size: (u16, u16),
    /// Whether room was left for the notes panel.
    pub with_notes: bool,
}

impl Deck {
    /// Lays out topic `topic` of `doc` at `size` (width, height) with the
    /// labels of `strings`; no slides when the document has no such topic.
    pub fn lay_out(
        doc: &Document,
        strings: &Strings,
        topic: usize,
        size: (u16, u16),
        with_notes: bool,
    ) -> Self {
        let slides = kind_at(doc, topic)
            .map(|kind| topic_slides(doc, strings, kind, size, with_notes))
            .unwrap_or_default();
        Self {
            topic,
            slides,
            size,
            with_notes,
        }
    }

    /// True when this is topic `topic` laid out for that size and notes panel.
    pub fn is_for(&self, topic: usize, size: (u16, u16), with_notes: bool) -> bool {
        !self.slides.is_empty()
            && self.topic == topic
            && self.size == size
            && self.with_notes == with_notes
    }
}

/// Where things go on a slide screen of `width`×`height`.
#[derive(Debug, Clone, Copy, PartialEq, Eq)]
pub struct Geometry {
    /// Left and right margin, in columns.
    pub margin: usize,
    /// Width of the text column.
    pub text_width: usize,
    /// Rows for heading, gap and body together.
    pub content_rows: usize,
    /// Rows of the notes panel (0 when hidden).
    pub notes_rows: usize,
}

/// Lays out a slide screen; `notes` leaves room for the notes panel.
pub fn geometry(width: u16, height: u16, notes: bool) -> Geometry {
    let (width, height) = (
        usize::from(width.max(MIN_WIDTH)),
        usize::from(height.max(MIN_HEIGHT)),
    );
    // Generous margins on wide screens, never less than two columns.
    let margin = (width / 10).clamp(2, 12);
    let text_width = (width - 2 * margin).min(MAX_TEXT_WIDTH);
    let footer = 1;
    let notes_rows = if notes { (height / 3).clamp(3, 10) } else { 0 };
    let top_bottom = if height >= 20 { 2 } else { 1 };
    let content_rows = height
        .saturating_sub(footer + notes_rows + top_bottom)
        .max(2);
    Geometry {
        margin,
        text_width,
        content_rows,
        notes_rows,
    }
}

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
fn glance_range(run: usize, items: usize) -> std::ops::Range<usize> {
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

/// Every slide of `doc` at `width`×`height`, topic by topic, with the labels
/// of the document's language: the whole presentation at once, for tests and
/// tools. The app lays out one topic at a time ([`Deck::lay_out`]).
pub fn build(doc: &Document, width: u16, height: u16, with_notes: bool) -> Vec<Slide> {
    let strings = Strings::load(Lang::for_document(&doc.language));
    (0..count(doc))
        .filter_map(|i| kind_at(doc, i))
        .flat_map(|kind| topic_slides(doc, &strings, kind, (width, height), with_notes))
        .collect()
}

/// A block of slide lines: kept together on one slide when it fits.
type Block = Vec<SlideLine>;

/// The slides of one topic: one, or more when its content continues.
fn topic_slides(
    doc: &Document,
    strings: &Strings,
    kind: SlideKind,
    (width, height): (u16, u16),
    with_notes: bool,
) -> Vec<Slide> {
    let geo = geometry(width, height, with_notes);
    let w = geo.text_width;
    let lines = |text: &str, role| -> Block {
        wrap(text, w)
            .into_iter()
            .map(|text| SlideLine { text, role })
            .collect()
    };
    let notes_of = |notes: &Option<String>| notes.iter().cloned().collect::<Vec<_>>();
    let (blocks, notes, focus_area, centred): (Vec<Block>, _, _, _) = match kind {
        SlideKind::Title => {
            let mut title = vec![lines(&doc.organisation, Role::Strong)];
            let adopted = crate::ui::header::adoption_line(doc);
            if !adopted.is_empty() {
                title.push(lines(&adopted, Role::Muted));
            }
            (title, vec![], None, true)
        }
        SlideKind::Vision => (
            vec![lines(&doc.statement, Role::Emphasis)],
            notes_of(&doc.notes),
            None,
            true,
        ),
        SlideKind::Background(i) => {
            let paragraphs = doc.background.get(i).map_or(&[][..], |s| &s.paragraphs);
            let blocks = paragraphs.iter().map(|p| lines(p, Role::Text)).collect();
            (blocks, vec![], None, false)
        }
        SlideKind::FocusAreas(run) => {
            // Numbers as wide as the document's largest, so every run lines up alike.
            let number_width = doc.focus_areas.len().to_string().len();
            let range = glance_range(run, doc.focus_areas.len());
            let list = doc.focus_areas[range.clone()]
                .iter()
                .zip(range)
                .flat_map(|(area, i)| {
                    let first = format!("{:>number_width$}  ", i + 1);
                    let rest = " ".repeat(first.width());
                    wrap_indented(&area.name, w, &first, &rest)
                })
                .map(|text| SlideLine {
                    text,
                    role: Role::Strong,
                })
                .collect();
            // One block: a list runs on to the next slide without gaps between items.
            (vec![list], notes_of(&doc.focus_areas_intro), None, false)
        }
        SlideKind::FocusArea(i) => {
            let Some(area) = doc.focus_areas.get(i) else {
                return Vec::new();
            };
            let (blocks, notes) = focus_area_blocks(doc, strings, area, &lines);
            (blocks, notes, Some(i), false)
        }
        SlideKind::Goals(run) => {
            let goals = &doc.goals[glance_range(run, doc.goals.len())];
            (
                goals_at_a_glance(doc, goals, w),
                notes_of(&doc.goals_intro),
                None,
                false,
            )
        }
        SlideKind::Closing => {
            // The vision once more, and where to read more.
            let mut closing = vec![lines(&doc.statement, Role::Emphasis)];
            for reference in &doc.references {
                closing.push(lines(&reference.text, Role::Muted));
            }
            (closing, vec![], None, true)
        }
    };
    let heading = heading(doc, strings, kind);
    let full_width = usize::from(width.max(MIN_WIDTH)) - 2 * geo.margin;
    let (heading_size, heading_lines) = choose_heading(&heading, full_width, geo.content_rows);
    let heading_rows = heading_size.glyph().map_or(heading_lines.len(), |(_, h)| h);
    let body_rows = geo.content_rows.saturating_sub(heading_rows + 1).max(1);
    let pages = paginate(blocks, body_rows);
    let parts = pages.len();
    let lines = || pages.iter().flatten();
    let body_width = lines()
        .map(|l| crate::ui::text::width(&l.text))
        .max()
        .unwrap_or(0);
    let body_rows = pages.iter().map(Vec::len).max().unwrap_or(0);
    pages
        .into_iter()
        .enumerate()
        .map(|(part, body)| Slide {
            kind,
            part,
            parts,
            heading: heading.clone().into_owned(),
            heading_size,
            heading_lines: heading_lines.clone(),
            body,
            body_width,
            body_rows,
            notes: notes.clone(),
            focus_area,
            centred,
        })
        .collect()
}

#[cfg(test)]
mod tests;
