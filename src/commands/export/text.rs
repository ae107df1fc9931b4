//! Plain linear text: for screen readers, `TERM=dumb`, pipes and mail.
//!
//! No markup, no box drawing, no escape sequences: headings are lines of
//! their own (the top one underlined with `=`, sections with `-`), lists
//! start with "- " or a goal's own number, and everything is wrapped at 80
//! columns at spaces, never inside a word or at a hyphen, so dates and
//! compound words stay whole. Blocks are separated by one blank line.

use unicode_width::UnicodeWidthStr;

use super::{Blocks, Labels, has_focus_areas, shown, title_of};
use crate::document::model::{Document, FocusArea, Goal, Link, Reference};
use crate::layout::text::{wrap, wrap_indented};

/// The classic terminal width, and a comfortable line length for reading.
const WIDTH: usize = 80;

/// The handout as plain text.
pub(super) fn render(doc: &Document, l: &Labels) -> String {
    let mut out = Blocks::new(|text| wrapped(text, "", ""));
    add_heading(&mut out, &title_of(doc), Some('='));
    out.text(&doc.statement);
    if let Some(adoption) = &doc.adoption {
        out.text(&adoption.text);
    }
    if let Some(revised) = &doc.revised {
        out.text(&revised.text);
    }
    if let Some(notes) = shown(&doc.notes) {
        out.push(notes_lines(l, notes, ""));
    }
    background(&mut out, doc, l);
    focus_areas(&mut out, doc, l);
    references(&mut out, doc, l);
    out.finish()
}

/// Adds a heading, underlined with `underline` when given. Only the two
/// upper levels are underlined: a screen reader reads the rule aloud, so
/// it is kept for the few headings that divide the handout.
fn add_heading(out: &mut Blocks, text: &str, underline: Option<char>) {
    let mut lines = wrap(text, WIDTH);
    if let Some(rule) = underline {
        let width = lines
            .iter()
            .map(|l| crate::layout::text::width(l))
            .max()
            .unwrap_or(0);
        lines.push(rule.to_string().repeat(width));
    }
    out.push(lines.join("\n"));
}

fn background(out: &mut Blocks, doc: &Document, l: &Labels) {
    if doc.background.is_empty() {
        return;
    }
    add_heading(out, &l.background, Some('-'));
    for section in &doc.background {
        if let Some(heading) = shown(&section.heading) {
            add_heading(out, heading, None);
        }
        for paragraph in &section.paragraphs {
            out.text(paragraph);
        }
    }
}

fn focus_areas(out: &mut Blocks, doc: &Document, l: &Labels) {
    if !has_focus_areas(doc) {
        return;
    }
    add_heading(out, &l.focus_areas, Some('-'));
    if let Some(intro) = shown(&doc.focus_areas_intro) {
        out.text(intro);
    }
    let names: Vec<String> = doc
        .focus_areas
        .iter()
        .map(|area| wrapped(&area.name, "- ", "  "))
        .collect();
    out.push(names.join("\n"));
    if let Some(period) = doc.plan_period {
        out.text(&format!("{} {period}", l.plan_period));
    }
    if let Some(intro) = shown(&doc.goals_intro) {
        out.text(intro);
    }
    for area in &doc.focus_areas {
        focus_area(out, doc, area, l);
    }
}

fn focus_area(out: &mut Blocks, doc: &Document, area: &FocusArea, l: &Labels) {
    add_heading(out, &area.name, None);
    if let Some(description) = shown(&area.description) {
        out.text(description);
    }
    if let Some(notes) = shown(&area.notes) {
        out.push(notes_lines(l, notes, ""));
    }
    out.push(links(&area.links, ""));
    let mut any = false;
    for goal in doc.goals_of(&area.id) {
        if !any {
            out.text(&l.goals);
            any = true;
        }
        out.push(goal_lines(doc, goal, l));
    }
    if !any {
        out.text(&l.no_goals);
    }
}

/// A goal as an item numbered with its own number; the details below it
/// are indented to its text, so it is clear where the next goal starts.
fn goal_lines(doc: &Document, goal: &Goal, l: &Labels) -> String {
    let marker = format!("{}. ", goal.number);
    let indent = " ".repeat(marker.len());
    let mut lines = vec![wrapped(&goal.text, &marker, &indent)];
    if let Some(period) = doc.plan_period_of(goal) {
        lines.push(wrapped(
            &format!("{} {period}", l.plan_period),
            &indent,
            &indent,
        ));
    }
    if let Some(description) = shown(&goal.description) {
        lines.push(wrapped(description, &indent, &indent));
    }
    if let Some(notes) = shown(&goal.notes) {
        lines.push(notes_lines(l, notes, &indent));
    }
    lines.push(links(&goal.links, &indent));
    super::join_lines(&lines)
}

fn references(out: &mut Blocks, doc: &Document, l: &Labels) {
    if doc.references.is_empty() {
        return;
    }
    add_heading(out, &l.references, Some('-'));
    let items: Vec<String> = doc.references.iter().map(reference).collect();
    out.push(items.join("\n"));
}

/// The reference's text, then the document it names on the next line.
fn reference(reference: &Reference) -> String {
    let title = shown(&reference.title);
    let source = match (title, shown(&reference.url)) {
        (title, Some(url)) => link(title.unwrap_or(""), url),
        (Some(title), None) => title.to_string(),
        (None, None) => String::new(),
    };
    super::join_lines(&[
        wrapped(&reference.text, "- ", "  "),
        wrapped(&source, "  ", "  "),
    ])
}

/// "Notes: ..." with the rest of the notes aligned after the label.
fn notes_lines(l: &Labels, notes: &str, indent: &str) -> String {
    let first = format!("{indent}{} ", l.notes);
    let rest = " ".repeat(first.width());
    wrapped(notes, &first, &rest)
}

/// One "- " line per link, at `indent`.
fn links(links: &[Link], indent: &str) -> String {
    let first = format!("{indent}- ");
    let rest = format!("{indent}  ");
    let lines: Vec<String> = links
        .iter()
        .map(|l| wrapped(&link(&l.title, &l.url), &first, &rest))
        .collect();
    lines.join("\n")
}

/// "title <address>": angle brackets are the usual way to set an address
/// apart in plain text (RFC 3986, appendix C), and the goal pane does the same.
fn link(title: &str, url: &str) -> String {
    if title.is_empty() {
        format!("<{url}>")
    } else {
        format!("{title} <{url}>")
    }
}

/// `text` wrapped to [`WIDTH`] with these indents, as lines; empty for an
/// empty text.
fn wrapped(text: &str, first: &str, rest: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    wrap_indented(text, WIDTH, first, rest).join("\n")
}
