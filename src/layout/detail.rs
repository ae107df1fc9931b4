//! The goal-detail pane's text: the selected focus area's description,
//! notes and links, and its goals, and the line where each goal starts.

use unicode_width::UnicodeWidthStr;

use super::text::{READING_WIDTH, wrap, wrap_indented};
use super::{TextLine, Tone, toned};
use crate::document::memo::LayoutKey;
use crate::document::model::{Document, Link};
use crate::i18n::Strings;

/// The pane's text, laid out for one width.
#[derive(Debug, Clone, PartialEq, Eq, Default)]
pub struct Detail {
    /// The lines, from the top.
    pub lines: Vec<TextLine>,
    /// Where each goal's heading is among the lines: (goal number, line index).
    pub goals: Vec<(u32, usize)>,
}

impl Detail {
    /// Roughly what it holds, in bytes (for the shared memo's bound).
    pub fn weight(&self) -> usize {
        super::weight(&self.lines) + self.goals.len() * std::mem::size_of::<(u32, usize)>()
    }
}

/// What the layout for `width` columns is remembered by: the width it
/// really lays out at (the reading width at most), and the labels of
/// `strings` that appear in it.
pub fn memo_key(selected: usize, strings: &Strings, width: usize) -> LayoutKey {
    LayoutKey {
        what: "detail",
        index: selected,
        width: width.min(READING_WIDTH),
        words: [
            &strings.document_has_no_areas,
            &strings.goal,
            &strings.notes_label,
            &strings.no_goals,
        ]
        .map(String::as_str)
        .join("\u{1f}"),
    }
}

/// The pane's text for focus area `selected` of `doc` at `width` columns
/// (inside borders and padding), with the labels of `strings`.
pub fn lay_out(doc: &Document, selected: usize, strings: &Strings, width: usize) -> Detail {
    // Long lines are hard to read: past this, the text keeps to the left,
    // as in the background view.
    let width = width.min(READING_WIDTH);
    let mut goals = Vec::new();
    let mut out: Vec<TextLine> = Vec::new();
    let Some(area) = doc.focus_areas.get(selected) else {
        out.extend(toned(
            wrap(&strings.document_has_no_areas, width),
            Tone::Muted,
        ));
        return Detail { lines: out, goals };
    };
    if let Some(description) = &area.description {
        out.extend(toned(wrap(description, width), Tone::Text));
        out.push(TextLine::blank());
    }
    push_notes_and_links(&mut out, area.notes.as_deref(), &area.links, width, strings);
    let mut any = false;
    for goal in doc.goals_of(&area.id) {
        if any {
            out.push(TextLine::blank());
        }
        any = true;
        goals.push((goal.number, out.len()));
        let mut heading = format!("{} {}", strings.goal, goal.number);
        let number_end = heading.len();
        if let Some(period) = doc.plan_period_of(goal) {
            heading.push_str(&format!(" · {period}"));
        }
        // The heading is short, but a 1-column pane must still not overflow.
        let wrapped = wrap(&heading, width);
        if wrapped.len() > 1 {
            out.extend(toned(wrapped, Tone::Heading));
        } else {
            let tone = if number_end < heading.len() {
                Tone::HeadingThenMuted { at: number_end }
            } else {
                Tone::Heading
            };
            out.push(TextLine::new(heading, tone));
        }
        out.extend(toned(wrap(&goal.text, width), Tone::Text));
        if let Some(description) = &goal.description {
            out.extend(toned(wrap(description, width), Tone::Muted));
        }
        push_notes_and_links(&mut out, goal.notes.as_deref(), &goal.links, width, strings);
    }
    if !any {
        out.extend(toned(wrap(&strings.no_goals, width), Tone::Muted));
    }
    Detail { lines: out, goals }
}

fn push_notes_and_links(
    out: &mut Vec<TextLine>,
    notes: Option<&str>,
    links: &[Link],
    width: usize,
    strings: &Strings,
) {
    if let Some(notes) = notes {
        out.extend(toned(
            wrap_indented(
                notes,
                width,
                &format!("{} ", strings.notes_label),
                &" ".repeat(strings.notes_label.width() + 1),
            ),
            Tone::Muted,
        ));
    }
    for link in links {
        let text = format!("{} <{}>", link.title, link.url);
        out.extend(toned(wrap_indented(&text, width, "→ ", "  "), Tone::Muted));
    }
}
