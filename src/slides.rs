//! Slides, generated from the document: no separate slide file.
//!
//! A [`Deck`] is built for one terminal size, because what fits on a slide
//! depends on it: long content continues on further slides rather than
//! being cut off. Building is pure, so `update` rebuilds the deck on resize
//! (and when notes are toggled, which takes room) and keeps the presenter on
//! the same slide.

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

/// What a slide shows.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Hash)]
pub enum SlideKind {
    /// Organisation and title.
    Title,
    /// The vision statement.
    Vision,
    /// A background section (how the vision was made, how it fits together).
    Background(usize),
    /// All focus areas at a glance.
    FocusAreas,
    /// One focus area with its goals.
    FocusArea(usize),
    /// All goals at a glance.
    Goals,
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

/// The slides for one document at one size.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Deck {
    /// The slides, in order; never empty once built.
    pub slides: Vec<Slide>,
    /// The (width, height) it was built for.
    pub size: (u16, u16),
    /// Whether room was left for the notes panel.
    pub with_notes: bool,
}

impl Deck {
    /// The index of the first slide of `kind`, if the deck has one.
    pub fn find(&self, kind: SlideKind, part: usize) -> Option<usize> {
        let first = self.slides.iter().position(|s| s.kind == kind)?;
        let parts = self.slides[first].parts;
        Some(first + part.min(parts.saturating_sub(1)))
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

/// Builds the deck for `doc` at `width`×`height`.
/// The slide labels come from the interface language of the document.
pub fn build(doc: &Document, width: u16, height: u16, with_notes: bool) -> Deck {
    let strings = Strings::load(Lang::for_document(&doc.language));
    build_with(doc, &strings, width, height, with_notes)
}

/// Builds the deck with the labels of `strings` (the interface language).
pub fn build_with(
    doc: &Document,
    strings: &Strings,
    width: u16,
    height: u16,
    with_notes: bool,
) -> Deck {
    let geo = geometry(width, height, with_notes);
    let full_width = usize::from(width.max(MIN_WIDTH)) - 2 * geo.margin;
    let w = geo.text_width;
    let mut slides = Vec::new();
    let mut add = |kind,
                   heading: &str,
                   blocks: Vec<Vec<SlideLine>>,
                   notes: Vec<String>,
                   focus_area,
                   centred| {
        let (heading_size, heading_lines) = choose_heading(heading, full_width, geo.content_rows);
        let heading_rows = heading_size.glyph().map_or(heading_lines.len(), |(_, h)| h);
        let body_rows = geo.content_rows.saturating_sub(heading_rows + 1).max(1);
        let pages = paginate(blocks, body_rows);
        let parts = pages.len();
        for (part, body) in pages.into_iter().enumerate() {
            slides.push(Slide {
                kind,
                part,
                parts,
                heading: heading.to_string(),
                heading_size,
                heading_lines: heading_lines.clone(),
                body,
                notes: notes.clone(),
                focus_area,
                centred,
            });
        }
    };
    let lines = |text: &str, role| -> Vec<SlideLine> {
        wrap(text, w)
            .into_iter()
            .map(|text| SlideLine { text, role })
            .collect()
    };
    let notes_of = |notes: &Option<String>| notes.iter().cloned().collect::<Vec<_>>();

    // Title.
    let mut title = vec![lines(&doc.organisation, Role::Strong)];
    let adopted = crate::ui::header::adoption_line(doc);
    if !adopted.is_empty() {
        title.push(lines(&adopted, Role::Muted));
    }
    add(SlideKind::Title, &doc.title, title, vec![], None, true);

    // The vision statement.
    add(
        SlideKind::Vision,
        &strings.slide_vision,
        vec![lines(&doc.statement, Role::Emphasis)],
        notes_of(&doc.notes),
        None,
        true,
    );

    // Background: one slide (or more) per section.
    for (i, section) in doc.background.iter().enumerate() {
        let heading = section
            .heading
            .as_deref()
            .unwrap_or(&strings.slide_background);
        let blocks = section
            .paragraphs
            .iter()
            .map(|p| lines(p, Role::Text))
            .collect();
        add(
            SlideKind::Background(i),
            heading,
            blocks,
            vec![],
            None,
            false,
        );
    }

    // Focus areas at a glance; the intro paragraph goes to the notes.
    if !doc.focus_areas.is_empty() {
        let number_width = doc.focus_areas.len().to_string().len();
        let blocks = doc
            .focus_areas
            .iter()
            .enumerate()
            .map(|(i, area)| {
                let first = format!("{:>number_width$}  ", i + 1);
                let rest = " ".repeat(first.width());
                wrap_indented(&area.name, w, &first, &rest)
                    .into_iter()
                    .map(|text| SlideLine {
                        text,
                        role: Role::Strong,
                    })
                    .collect()
            })
            .collect::<Vec<Vec<SlideLine>>>();
        // One block: a list runs on to the next slide without gaps between items.
        let list: Vec<SlideLine> = blocks.into_iter().flatten().collect();
        add(
            SlideKind::FocusAreas,
            &strings.slide_focus_areas,
            vec![list],
            notes_of(&doc.focus_areas_intro),
            None,
            false,
        );
    }

    // One slide per focus area, with its goals.
    for (i, area) in doc.focus_areas.iter().enumerate() {
        let mut blocks = Vec::new();
        let mut notes = notes_of(&area.notes);
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
        add(
            SlideKind::FocusArea(i),
            &area.name,
            blocks,
            notes,
            Some(i),
            false,
        );
    }

    // All goals at a glance, each with its focus area; the intro goes to the notes.
    if !doc.goals.is_empty() {
        let number_width = doc
            .goals
            .iter()
            .map(|g| g.number.to_string().len())
            .max()
            .unwrap_or(1);
        let blocks = doc
            .goals
            .iter()
            .map(|goal| {
                let first = format!("{:>number_width$}. ", goal.number);
                let rest = " ".repeat(first.width());
                let mut block: Vec<SlideLine> = wrap_indented(&goal.text, w, &first, &rest)
                    .into_iter()
                    .map(|text| SlideLine {
                        text,
                        role: Role::Text,
                    })
                    .collect();
                let area = doc
                    .focus_area(&goal.focus_area)
                    .map_or(goal.focus_area.as_str(), |a| a.name.as_str());
                block.extend(
                    wrap_indented(area, w, &rest, &rest)
                        .into_iter()
                        .map(|text| SlideLine {
                            text,
                            role: Role::Muted,
                        }),
                );
                block
            })
            .collect();
        add(
            SlideKind::Goals,
            &strings.slide_goals,
            blocks,
            notes_of(&doc.goals_intro),
            None,
            false,
        );
    }

    // Closing: the vision once more, and where to read more.
    let mut closing = vec![lines(&doc.statement, Role::Emphasis)];
    for reference in &doc.references {
        closing.push(lines(&reference.text, Role::Muted));
    }
    add(SlideKind::Closing, &doc.title, closing, vec![], None, true);

    Deck {
        slides,
        size: (width, height),
        with_notes,
    }
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

    fn builtin_deck(width: u16, height: u16) -> Deck {
        build(&crate::load::builtin(), width, height, false)
    }

    #[test]
    fn the_default_document_gives_every_kind_of_slide_in_order() {
        let deck = builtin_deck(80, 24);
        let kinds: Vec<SlideKind> = deck.slides.iter().map(|s| s.kind).collect();
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
        expected.push(SlideKind::FocusAreas);
        expected.extend((0..5).map(SlideKind::FocusArea));
        let goals = kinds.iter().filter(|k| **k == SlideKind::Goals).count();
        expected.extend(std::iter::repeat_n(SlideKind::Goals, goals));
        expected.push(SlideKind::Closing);
        assert_eq!(kinds, expected);
    }

    #[test]
    fn experimentlust_slide_shows_goal_1() {
        let deck = builtin_deck(80, 24);
        let i = deck.find(SlideKind::FocusArea(2), 0).unwrap();
        let slide = &deck.slides[i];
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
            for slide in &deck.slides {
                let room = geo
                    .content_rows
                    .saturating_sub(slide.heading_rows() + 1)
                    .max(1);
                assert!(slide.body.len() <= room, "{slide:?} at {w}×{h}");
                for line in &slide.body {
                    assert!(line.text.width() <= geo.text_width, "{line:?}");
                }
            }
            // Every word of every goal is on some slide.
            let all: String = deck
                .slides
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
