//! Handouts: the whole document as Markdown, HTML, JSON or plain text.
//!
//! Markdown, HTML and text show the same content in the same order, so a
//! reader gets the same handout whichever they pick:
//!
//! 1. `organisation: title` as the one top heading, the vision statement,
//!    the adoption and revision texts (and the document's notes);
//! 2. "Background": each section's heading and paragraphs;
//! 3. "Focus areas": the intro, the names at a glance, the plan period, the
//!    goals intro, then each area with its description, notes, links and goals
//!    (number, text, plan period, description, notes, links);
//! 4. "References".
//!
//! JSON is the data itself, for other programs. The only words added to the
//! document's own are the structural labels (`Labels`), in the document's
//! language unless [`Options::lang`] names another, from the interface's
//! language files; nothing is invented.
//!
//! [`file`](mod@file) writes an export to a file (`-o`) safely.

pub mod file;
mod html;
mod json;
mod markdown;
mod text;

use crate::document::model::Document;
use crate::i18n::{Lang, Strings, fill};

/// The export formats.
#[derive(Debug, Clone, Copy, PartialEq, Eq, clap::ValueEnum)]
pub enum Format {
    /// CommonMark, for wikis and repositories.
    Markdown,
    /// One self-contained, accessible HTML page.
    Html,
    /// JSON that reads back into the same document.
    Json,
    /// Plain linear text, for screen readers and `TERM=dumb`.
    Text,
}

/// What to include, and in which language.
#[derive(Debug, Clone, Copy, PartialEq, Eq, Default)]
pub struct Options {
    /// Include speaker notes.
    pub notes: bool,
    /// The language of the headings and labels; `None`: the document's, as
    /// the interface follows it (Swedish for `sv`, else English).
    pub lang: Option<Lang>,
}

/// Renders `doc` in `format`.
pub fn render(doc: &Document, format: Format, options: &Options) -> String {
    let labels = Labels::new(doc, options.lang);
    let doc = prepare(doc, options);
    match format {
        Format::Markdown => markdown::render(&doc, &labels),
        Format::Html => html::render(&doc, &labels),
        Format::Json => json::render(&doc),
        Format::Text => text::render(&doc, &labels),
    }
}

/// The document as every format receives it: notes removed unless asked
/// for, so the renderers simply show whatever notes are left.
///
/// Text is normalised again, as loading does: a `Document` built in code has
/// not been through the loader, and any export may be printed straight to a
/// terminal. For a loaded document this changes nothing, so JSON still
/// reads back into the same value. It also lets every renderer rely on
/// each text being one line with no control characters.
fn prepare(doc: &Document, options: &Options) -> Document {
    let mut doc = doc.clone();
    doc.map_text(&mut crate::document::load::normalize::clean);
    if !options.notes {
        doc.notes = None;
        doc.focus_areas
            .iter_mut()
            .for_each(|area| area.notes = None);
        doc.goals.iter_mut().for_each(|goal| goal.notes = None);
    }
    doc
}

/// The structural words an export adds to the document's own, shared so
/// that every format words them the same way, from the interface's language
/// files (`assets/i18n/`).
struct Labels {
    /// Their language's tag, when it is not the document's (HTML marks them
    /// with it, so a screen reader reads them in the right voice).
    foreign: Option<&'static str>,
    background: String,
    focus_areas: String,
    goals: String,
    /// "Goal {n}:".
    goal: String,
    plan_period: String,
    notes: String,
    references: String,
    /// The same words the goal pane uses for an area without goals.
    no_goals: String,
}

impl Labels {
    fn new(doc: &Document, lang: Option<Lang>) -> Self {
        let own = Lang::for_document(&doc.language);
        let lang = lang.unwrap_or(own);
        let strings = Strings::load(lang);
        let tag = match lang {
            Lang::En => "en",
            Lang::Sv => "sv",
        };
        let foreign = (lang != own).then_some(tag);
        Labels {
            foreign,
            background: strings.export_background,
            focus_areas: strings.export_focus_areas,
            goals: strings.export_goals,
            goal: strings.export_goal,
            plan_period: strings.export_plan_period,
            notes: strings.export_notes,
            references: strings.export_references,
            no_goals: strings.no_goals,
        }
    }

    /// "Goal 7:".
    fn goal(&self, number: u32) -> String {
        fill(&self.goal, &[("n", &number.to_string())])
    }
}

/// True when the "Focus areas" section has anything to show.
fn has_focus_areas(doc: &Document) -> bool {
    !doc.focus_areas.is_empty()
        || shown(&doc.focus_areas_intro).is_some()
        || shown(&doc.goals_intro).is_some()
        || doc.plan_period.is_some()
}

/// The one top heading: whose vision, and its title.
fn title_of(doc: &Document) -> String {
    format!("{}: {}", doc.organisation, doc.title)
}

/// An optional text worth showing: optional texts are not checked for
/// emptiness when loading, and an empty one would only leave a gap.
fn shown(text: &Option<String>) -> Option<&str> {
    text.as_deref().filter(|text| !text.is_empty())
}

/// True when `url` may become a clickable link in HTML and Markdown.
///
/// A document could name `javascript:` or `data:` addresses, which run code
/// when clicked; a handout must never do that. Web and mail addresses, and
/// relative ones (no scheme), are allowed; anything else is shown as text.
/// Tabs and line breaks are dropped and leading spaces skipped first, as
/// browsers do, so `java\tscript:` cannot slip through.
fn is_linkable(url: &str) -> bool {
    let url: String = url
        .chars()
        .filter(|c| !matches!(c, '\t' | '\n' | '\r'))
        .collect();
    let url = url.trim_start_matches(|c: char| c <= ' ');
    let Some((scheme, _)) = url.split_once(':') else {
        return true;
    };
    let is_scheme = scheme.starts_with(|c: char| c.is_ascii_alphabetic())
        && scheme
            .chars()
            .all(|c| c.is_ascii_alphanumeric() || matches!(c, '+' | '-' | '.'));
    !is_scheme
        || ["http", "https", "mailto"]
            .iter()
            .any(|allowed| scheme.eq_ignore_ascii_case(allowed))
}

/// Blocks (paragraphs, headings, lists) joined by blank lines: the shape of
/// the Markdown and plain-text handouts, which differ only in how a
/// paragraph of document text is written.
struct Blocks {
    blocks: Vec<String>,
    paragraph: fn(&str) -> String,
}

impl Blocks {
    fn new(paragraph: fn(&str) -> String) -> Self {
        Self {
            blocks: Vec::new(),
            paragraph,
        }
    }

    /// Adds a block; an empty one would only add a gap.
    fn push(&mut self, block: String) {
        if !block.is_empty() {
            self.blocks.push(block);
        }
    }

    /// Adds a paragraph of document text.
    fn text(&mut self, text: &str) {
        let paragraph = (self.paragraph)(text);
        self.push(paragraph);
    }

    fn finish(self) -> String {
        let mut out = self.blocks.join("\n\n");
        out.push('\n');
        out
    }
}

/// The non-empty `parts`, one per line.
pub(crate) fn join_lines(parts: &[String]) -> String {
    let parts: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    parts.join("\n")
}

#[cfg(test)]
mod tests {
    use super::is_linkable;

    #[test]
    fn only_web_mail_and_relative_addresses_are_links() {
        for url in [
            "https://example.org/a?b=c",
            "HTTP://example.org",
            "mailto:info@example.org",
            "budget.pdf",
            "/plans/2024",
            "#goals",
        ] {
            assert!(is_linkable(url), "{url}");
        }
        for url in [
            "javascript:alert(1)",
            "JavaScript:alert(1)",
            " javascript:alert(1)",
            "java\tscript:alert(1)",
            "data:text/html,<script>alert(1)</script>",
            "vbscript:msgbox",
        ] {
            assert!(!is_linkable(url), "{url}");
        }
    }
}
