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

use unicode_width::UnicodeWidthStr;

use crate::document::model::Document;
use crate::i18n::{Lang, Strings};
use crate::layout::text::{self, wrap, wrap_indented};

mod content;
mod heading;
mod next;
mod paginate;
mod screen;
mod topics;

use content::{focus_area_blocks, goals_at_a_glance};
pub use heading::{HeadingSize, choose_heading, has_big_glyphs};
pub use next::{Next, Preview, next_slide};
use paginate::{Run, paginate};
pub use screen::{
    Geometry, MAX_TEXT_WIDTH, MIN_HEIGHT, MIN_WIDTH, NEXT_MIN_WIDTH, Screen, geometry, notes_lines,
    notes_panel, screen,
};
use topics::glance_range;
pub use topics::{count, heading, index_of, kind_at};

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
    /// Which letters of which of the topic's blocks the body shows.
    runs: Vec<Run>,
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

/// What a topic shows, laid out for a text column: its blocks, before they
/// are packed into slides, and what goes with them.
struct Content {
    blocks: Vec<Block>,
    notes: Vec<String>,
    focus_area: Option<usize>,
    centred: bool,
}

/// What topic `kind` shows, wrapped to `w` columns; `None` when the
/// document has no such focus area. The blocks are the same at any width
/// (only their lines differ), so a slide's [`Run`]s find their lines again
/// at another width.
fn topic_content(doc: &Document, strings: &Strings, kind: SlideKind, w: usize) -> Option<Content> {
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
            let adopted = crate::layout::header::adoption_line(doc);
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
            let area = doc.focus_areas.get(i)?;
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
    Some(Content {
        blocks,
        notes,
        focus_area,
        centred,
    })
}

/// The slides of one topic: one, or more when its content continues.
fn topic_slides(
    doc: &Document,
    strings: &Strings,
    kind: SlideKind,
    (width, height): (u16, u16),
    with_notes: bool,
) -> Vec<Slide> {
    let geo = geometry(width, height, with_notes);
    let Some(Content {
        blocks,
        notes,
        focus_area,
        centred,
    }) = topic_content(doc, strings, kind, geo.text_width)
    else {
        return Vec::new();
    };
    let heading = heading(doc, strings, kind);
    let full_width = usize::from(width.max(MIN_WIDTH)) - 2 * geo.margin;
    let (heading_size, heading_lines) = choose_heading(&heading, full_width, geo.content_rows);
    let heading_rows = heading_size.glyph().map_or(heading_lines.len(), |(_, h)| h);
    let body_rows = geo.content_rows.saturating_sub(heading_rows + 1).max(1);
    let pages = paginate(blocks, body_rows);
    let parts = pages.len();
    let lines = || pages.iter().flat_map(|page| &page.lines);
    let body_width = lines().map(|l| text::width(&l.text)).max().unwrap_or(0);
    let body_rows = pages.iter().map(|page| page.lines.len()).max().unwrap_or(0);
    pages
        .into_iter()
        .enumerate()
        .map(|(part, page)| Slide {
            kind,
            part,
            parts,
            heading: heading.clone().into_owned(),
            heading_size,
            heading_lines: heading_lines.clone(),
            body: page.lines,
            body_width,
            body_rows,
            notes: notes.clone(),
            focus_area,
            centred,
            runs: page.runs,
        })
        .collect()
}

#[cfg(test)]
mod tests;
