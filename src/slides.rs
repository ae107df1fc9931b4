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

/// How big a slide's heading is drawn.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum HeadingSize {
    /// 8×8 cells per letter.
    Full,
    /// 8 cells wide, 4 high (half-block characters).
    HalfHeight,
    /// 4×4 cells per letter (quadrant characters).
    Quadrant,
    /// Plain bold text, when big letters do not fit or the font lacks a glyph.
    Plain,
}

impl HeadingSize {
    /// Cells per letter (width, height) for the big sizes.
    pub fn glyph(self) -> Option<(usize, usize)> {
        match self {
            HeadingSize::Full => Some((8, 8)),
            HeadingSize::HalfHeight => Some((8, 4)),
            HeadingSize::Quadrant => Some((4, 4)),
            HeadingSize::Plain => None,
        }
    }
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
    // A list longer than one glance says which items this one shows.
    let glance = |label: &'a str, run: usize, items: usize| {
        if items <= GLANCE_ITEMS {
            return Cow::Borrowed(label);
        }
        let range = glance_range(run, items);
        Cow::Owned(format!("{label} {}–{}", range.start + 1, range.end))
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
            glance(&strings.slide_focus_areas, run, doc.focus_areas.len())
        }
        SlideKind::FocusArea(i) => {
            Cow::Borrowed(doc.focus_areas.get(i).map_or("", |a| a.name.as_str()))
        }
        SlideKind::Goals(run) => glance(&strings.slide_goals, run, doc.goals.len()),
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
            notes: notes.clone(),
            focus_area,
            centred,
        })
        .collect()
}

/// A focus area's description and goals as blocks, and its notes followed
/// by those of its goals.
fn focus_area_blocks(
    doc: &Document,
    strings: &Strings,
    area: &crate::model::FocusArea,
    lines: &dyn Fn(&str, Role) -> Block,
) -> (Vec<Block>, Vec<String>) {
    let mut blocks = Vec::new();
    let mut notes: Vec<String> = area.notes.iter().cloned().collect();
    if let Some(description) = &area.description {
        blocks.push(lines(description, Role::Text));
    }
    let mut any = false;
    for goal in doc.goals_of(&area.id) {
        any = true;
        let mut label = format!("{} {}", strings.goal, goal.number);
        if let Some(period) = doc.plan_period_of(goal) {
            label.push_str(&format!(" · {period}"));
        }
        let mut block = lines(&label, Role::Muted);
        block.extend(lines(&goal.text, Role::Strong));
        if let Some(description) = &goal.description {
            block.extend(lines(description, Role::Text));
        }
        blocks.push(block);
        if let Some(goal_notes) = &goal.notes {
            notes.push(format!("{} {}: {goal_notes}", strings.goal, goal.number));
        }
    }
    if !any {
        blocks.push(lines(&strings.no_goals, Role::Muted));
    }
    (blocks, notes)
}

/// The goals of one glance, each numbered, with its focus area under it.
fn goals_at_a_glance(doc: &Document, goals: &[crate::model::Goal], w: usize) -> Vec<Block> {
    let number_width = goals
        .iter()
        .map(|g| g.number.to_string().len())
        .max()
        .unwrap_or(1);
    let line = |role| move |text| SlideLine { text, role };
    goals
        .iter()
        .map(|goal| {
            let first = format!("{:>number_width$}. ", goal.number);
            let rest = " ".repeat(first.width());
            let area = doc
                .focus_area(&goal.focus_area)
                .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
            wrap_indented(&goal.text, w, &first, &rest)
                .into_iter()
                .map(line(Role::Text))
                .chain(
                    wrap_indented(area, w, &rest, &rest)
                        .into_iter()
                        .map(line(Role::Muted)),
                )
                .collect()
        })
        .collect()
}

/// Picks the largest heading that fits `width` columns and a third of the
/// content rows; plain text when none does or the font lacks a letter.
pub fn choose_heading(
    heading: &str,
    width: usize,
    content_rows: usize,
) -> (HeadingSize, Vec<String>) {
    let letters = heading.chars().count();
    if has_big_glyphs(heading) {
        for size in [
            HeadingSize::Full,
            HeadingSize::HalfHeight,
            HeadingSize::Quadrant,
        ] {
            if let Some((gw, gh)) = size.glyph()
                && letters * gw <= width
                && gh * 3 <= content_rows.max(gh)
                && gh < content_rows
            {
                return (size, vec![heading.to_string()]);
            }
        }
    }
    let lines = wrap(heading, width);
    // Never let a plain heading take more than half the slide.
    let keep = (content_rows / 2).max(1);
    (HeadingSize::Plain, lines.into_iter().take(keep).collect())
}

/// True when every letter is in the big-text font (font8x8's Basic Latin and
/// Latin-1 sets: å ä ö Å Ä Ö are there; dashes, CJK and emoji are not).
pub fn has_big_glyphs(text: &str) -> bool {
    !text.is_empty()
        && text
            .chars()
            .all(|c| c == ' ' || c.is_ascii_graphic() || ('\u{a1}'..='\u{ff}').contains(&c))
}

/// Packs blocks of lines into pages of at most `rows` lines, a blank line
/// between blocks; a block moves to the next page rather than being split,
/// unless it is longer than a page by itself.
fn paginate(blocks: Vec<Vec<SlideLine>>, rows: usize) -> Vec<Vec<SlideLine>> {
    let rows = rows.max(1);
    let mut pages: Vec<Vec<SlideLine>> = Vec::new();
    let mut page: Vec<SlideLine> = Vec::new();
    let blank = || SlideLine {
        text: String::new(),
        role: Role::Text,
    };
    for block in blocks.into_iter().filter(|b| !b.is_empty()) {
        let needed = block.len() + usize::from(!page.is_empty());
        if page.len() + needed <= rows {
            if !page.is_empty() {
                page.push(blank());
            }
            page.extend(block);
            continue;
        }
        if !page.is_empty() {
            pages.push(std::mem::take(&mut page));
        }
        if block.len() <= rows {
            page = block;
        } else {
            let mut chunks = block.chunks(rows).map(<[SlideLine]>::to_vec).peekable();
            while let Some(chunk) = chunks.next() {
                if chunks.peek().is_some() {
                    pages.push(chunk);
                } else {
                    page = chunk;
                }
            }
        }
    }
    if !page.is_empty() || pages.is_empty() {
        pages.push(page);
    }
    pages
}

#[cfg(test)]
mod tests {
    use super::*;

    fn builtin_deck(width: u16, height: u16) -> Vec<Slide> {
        build(&crate::load::builtin(), width, height, false)
    }

    /// The first slide of `kind` in a whole deck.
    fn find(deck: &[Slide], kind: SlideKind) -> Option<&Slide> {
        deck.iter().find(|s| s.kind == kind)
    }

    #[test]
    fn the_default_document_gives_every_kind_of_slide_in_order() {
        let deck = builtin_deck(80, 24);
        let kinds: Vec<SlideKind> = deck.iter().map(|s| s.kind).collect();
        let mut expected = vec![
            SlideKind::Title,
            SlideKind::Vision,
            SlideKind::Background(0),
        ];
        let background_1 = kinds
            .iter()
            .filter(|k| **k == SlideKind::Background(1))
            .count();
        let background_0 = kinds
            .iter()
            .filter(|k| **k == SlideKind::Background(0))
            .count();
        expected.extend(std::iter::repeat_n(
            SlideKind::Background(0),
            background_0 - 1,
        ));
        expected.extend(std::iter::repeat_n(SlideKind::Background(1), background_1));
        expected.push(SlideKind::FocusAreas(0));
        expected.extend((0..5).map(SlideKind::FocusArea));
        let goals = kinds.iter().filter(|k| **k == SlideKind::Goals(0)).count();
        expected.extend(std::iter::repeat_n(SlideKind::Goals(0), goals));
        expected.push(SlideKind::Closing);
        assert_eq!(kinds, expected);
    }

    #[test]
    fn topic_numbers_are_arithmetic_and_agree_with_the_whole_deck() {
        let mut doc = crate::load::builtin();
        let strings = Strings::load(Lang::for_document(&doc.language));
        // 5 areas, 5 goals: one glance each.
        let kinds: Vec<SlideKind> = (0..count(&doc)).filter_map(|i| kind_at(&doc, i)).collect();
        let mut whole: Vec<SlideKind> = build(&doc, 80, 24, false).iter().map(|s| s.kind).collect();
        whole.dedup();
        assert_eq!(kinds, whole);
        // Past a dozen, the lists at a glance come in runs of a dozen.
        let area = doc.focus_areas[0].clone();
        let goal = doc.goals[0].clone();
        doc.focus_areas = (0..25)
            .map(|i| crate::model::FocusArea {
                id: format!("a{i}"),
                name: format!("Area {i}"),
                ..area.clone()
            })
            .collect();
        doc.goals = (0..13)
            .map(|i| crate::model::Goal {
                number: i + 1,
                focus_area: "a0".into(),
                ..goal.clone()
            })
            .collect();
        doc.reindex();
        let b = doc.background.len();
        assert_eq!(count(&doc), 2 + b + 3 + 25 + 2 + 1);
        assert_eq!(kind_at(&doc, 2 + b + 2), Some(SlideKind::FocusAreas(2)));
        assert_eq!(kind_at(&doc, 2 + b + 3), Some(SlideKind::FocusArea(0)));
        assert_eq!(kind_at(&doc, count(&doc)), None);
        for i in 0..count(&doc) {
            let kind = kind_at(&doc, i).unwrap();
            assert_eq!(index_of(&doc, kind), Some(i), "{kind:?}");
        }
        assert_eq!(index_of(&doc, SlideKind::FocusAreas(3)), None);
        assert_eq!(index_of(&doc, SlideKind::FocusArea(25)), None);
        assert_eq!(
            heading(&doc, &strings, SlideKind::FocusAreas(2)),
            "Fokusområden 25–25"
        );
        assert_eq!(heading(&doc, &strings, SlideKind::Goals(0)), "Mål 1–12");
        let deck = Deck::lay_out(&doc, &strings, 2 + b + 2, (80, 24), false);
        let body: Vec<&str> = deck.slides[0]
            .body
            .iter()
            .map(|l| l.text.as_str())
            .collect();
        assert_eq!(body, ["25  Area 24"], "numbered as in the whole list");
        let whole = build(&doc, 160, 45, false);
        let listed = whole
            .iter()
            .filter(|s| matches!(s.kind, SlideKind::Goals(_)))
            .flat_map(|s| &s.body)
            .filter(|l| {
                let numbered = l.text.trim_start().split_once(". ");
                numbered.is_some_and(|(n, _)| n.parse::<u32>().is_ok())
            })
            .count();
        assert_eq!(listed, 13, "every goal at a glance once");
    }

    #[test]
    fn experimentlust_slide_shows_goal_1() {
        let deck = builtin_deck(80, 24);
        let slide = find(&deck, SlideKind::FocusArea(2)).unwrap();
        assert_eq!(slide.heading, "Experimentlust");
        let body: Vec<&str> = slide.body.iter().map(|l| l.text.as_str()).collect();
        assert!(
            body.contains(&"Mål 1 · 2021–2023"),
            "Swedish document, Swedish labels: {body:?}"
        );
        assert_eq!(slide.focus_area, Some(2));
    }

    #[test]
    fn nothing_is_cut_off_long_content_continues() {
        for (w, h) in [(80, 24), (40, 12), (24, 8), (160, 45)] {
            let deck = builtin_deck(w, h);
            let geo = geometry(w, h, false);
            for slide in &deck {
                let room = geo
                    .content_rows
                    .saturating_sub(slide.heading_rows() + 1)
                    .max(1);
                assert!(slide.body.len() <= room, "{slide:?} at {w}×{h}");
                for line in &slide.body {
                    assert!(
                        crate::ui::text::width(&line.text) <= geo.text_width,
                        "{line:?}"
                    );
                }
            }
            // Every word of every goal is on some slide.
            let all: String = deck
                .iter()
                .flat_map(|s| s.body.iter().map(|l| format!("{} ", l.text)))
                .collect();
            for goal in &crate::load::builtin().goals {
                for word in goal.text.split(' ') {
                    assert!(all.contains(word), "{word} missing at {w}×{h}");
                }
            }
        }
    }

    #[test]
    fn headings_are_as_big_as_fit_and_plain_when_narrow() {
        let (size, _) = choose_heading("Omställning", 160, 40);
        assert_eq!(size, HeadingSize::Full);
        let (size, _) = choose_heading("Omställning", 100, 20);
        assert_eq!(size, HeadingSize::HalfHeight);
        let (size, _) = choose_heading("Omställning", 50, 20);
        assert_eq!(size, HeadingSize::Quadrant);
        let (size, lines) = choose_heading("Omställning", 30, 20);
        assert_eq!(
            (size, lines),
            (HeadingSize::Plain, vec!["Omställning".to_string()])
        );
        assert_eq!(
            choose_heading("漢字", 160, 40).0,
            HeadingSize::Plain,
            "no glyphs: plain"
        );
        assert_eq!(choose_heading("Plan – 2030", 160, 40).0, HeadingSize::Plain);
    }

    #[test]
    fn pagination_keeps_blocks_together_and_splits_only_giants() {
        let line = |t: &str| SlideLine {
            text: t.into(),
            role: Role::Text,
        };
        let pages = paginate(
            vec![vec![line("a"), line("b")], vec![line("c"), line("d")]],
            4,
        );
        assert_eq!(pages.len(), 2);
        let giant = (0..7).map(|i| line(&i.to_string())).collect();
        let pages = paginate(vec![giant], 3);
        assert_eq!(pages.iter().map(Vec::len).collect::<Vec<_>>(), [3, 3, 1]);
        assert_eq!(paginate(vec![], 3), vec![Vec::<SlideLine>::new()]);
    }
}
