//! One self-contained, accessible HTML page.
//!
//! Screen readers announce and navigate it properly: the document's language
//! on `<html>`, one `<main>`, real headings in order (h1, h2, h3, none
//! skipped) and lists as lists. It reads well without its small style sheet,
//! runs no scripts and loads nothing from elsewhere, so it can be mailed or
//! put on a shared drive as one file. It is also well-formed XML (every
//! element closed, void elements self-closed), so XML tools can process it.

use super::{Labels, has_focus_areas, is_linkable, shown, title_of};
use crate::document::model::{Document, FocusArea, Goal, Link, Reference};

/// Readable line length and spacing; everything else is the browser's and
/// the reader's own settings (`color-scheme` follows a dark preference).
const STYLE: &str = "\
:root { color-scheme: light dark; }
body { font-family: system-ui, sans-serif; line-height: 1.5; max-width: 42em; margin: 0 auto; padding: 1em; }
.statement { font-size: 1.25em; }
li > p { margin: 0.25em 0; }";

/// The handout as one HTML page.
pub(super) fn render(doc: &Document, l: &Labels) -> String {
    let title = escape(&title_of(doc));
    let mut page = Page::default();
    page.line("<!DOCTYPE html>");
    page.line(&format!("<html lang=\"{}\">", escape(&doc.language)));
    page.line("<head>");
    page.line("<meta charset=\"utf-8\" />");
    page.line("<meta name=\"viewport\" content=\"width=device-width, initial-scale=1\" />");
    page.line(&format!("<title>{title}</title>"));
    page.line(&format!("<style>\n{STYLE}\n</style>"));
    page.line("</head>");
    page.line("<body>");
    page.line("<main>");
    page.line(&format!("<h1>{title}</h1>"));
    page.line(&format!(
        "<p class=\"statement\">{}</p>",
        escape(&doc.statement)
    ));
    if let Some(adoption) = &doc.adoption {
        page.p(&adoption.text);
    }
    if let Some(revised) = &doc.revised {
        page.p(&revised.text);
    }
    if let Some(notes) = shown(&doc.notes) {
        page.line(&notes_paragraph(l, notes));
    }
    background(&mut page, doc, l);
    focus_areas(&mut page, doc, l);
    references(&mut page, doc, l);
    page.line("</main>");
    page.line("</body>");
    page.line("</html>");
    page.0
}

/// The page being written, one element (or closing tag) per line.
#[derive(Default)]
struct Page(String);

impl Page {
    fn line(&mut self, html: &str) {
        if !html.is_empty() {
            self.0.push_str(html);
            self.0.push('\n');
        }
    }

    /// A paragraph of document text; an empty one would only add a gap.
    fn p(&mut self, text: &str) {
        if !text.is_empty() {
            self.line(&format!("<p>{}</p>", escape(text)));
        }
    }
}

fn background(page: &mut Page, doc: &Document, l: &Labels) {
    if doc.background.is_empty() {
        return;
    }
    page.line("<section>");
    page.line(&heading(l, &l.background));
    for section in &doc.background {
        if let Some(heading) = shown(&section.heading) {
            page.line(&format!("<h3>{}</h3>", escape(heading)));
        }
        for paragraph in &section.paragraphs {
            page.p(paragraph);
        }
    }
    page.line("</section>");
}

fn focus_areas(page: &mut Page, doc: &Document, l: &Labels) {
    if !has_focus_areas(doc) {
        return;
    }
    page.line("<section>");
    page.line(&heading(l, &l.focus_areas));
    if let Some(intro) = shown(&doc.focus_areas_intro) {
        page.p(intro);
    }
    // The names at a glance, each a link to the area's own heading below.
    let names: Vec<String> = doc
        .focus_areas
        .iter()
        .map(|area| {
            format!(
                "<li><a href=\"#{}\">{}</a></li>",
                anchor(area),
                escape(&area.name)
            )
        })
        .collect();
    page.line(&list("ul", &names));
    if let Some(period) = doc.plan_period {
        page.line(&labelled(l, &l.plan_period, &period.to_string()));
    }
    if let Some(intro) = shown(&doc.goals_intro) {
        page.p(intro);
    }
    for area in &doc.focus_areas {
        focus_area(page, doc, area, l);
    }
    page.line("</section>");
}

fn focus_area(page: &mut Page, doc: &Document, area: &FocusArea, l: &Labels) {
    page.line(&format!(
        "<h3 id=\"{}\">{}</h3>",
        anchor(area),
        escape(&area.name)
    ));
    if let Some(description) = shown(&area.description) {
        page.p(description);
    }
    if let Some(notes) = shown(&area.notes) {
        page.line(&notes_paragraph(l, notes));
    }
    page.line(&links(&area.links));
    let goals: Vec<String> = doc.goals_of(&area.id).map(|g| goal(doc, g, l)).collect();
    if goals.is_empty() {
        page.line(&label_paragraph(l, &l.no_goals));
    } else {
        page.line(&label_paragraph(l, &l.goals));
        page.line(&list("ol", &goals));
    }
}

/// A goal as an item of an ordered list that shows the goal's own number.
fn goal(doc: &Document, goal: &Goal, l: &Labels) -> String {
    let mut parts = vec![format!("<li value=\"{}\">", goal.number), p(&goal.text)];
    if let Some(period) = doc.plan_period_of(goal) {
        parts.push(labelled(l, &l.plan_period, &period.to_string()));
    }
    if let Some(description) = shown(&goal.description) {
        parts.push(p(description));
    }
    if let Some(notes) = shown(&goal.notes) {
        parts.push(notes_paragraph(l, notes));
    }
    parts.push(links(&goal.links));
    parts.push("</li>".to_string());
    super::join_lines(&parts)
}

fn references(page: &mut Page, doc: &Document, l: &Labels) {
    if doc.references.is_empty() {
        return;
    }
    page.line("<section>");
    page.line(&heading(l, &l.references));
    let items: Vec<String> = doc.references.iter().map(reference).collect();
    page.line(&list("ul", &items));
    page.line("</section>");
}

/// The reference's text, then the document it names: a link when there is
/// an address, else its title as the title of a work.
fn reference(reference: &Reference) -> String {
    let title = shown(&reference.title);
    let source = match (title, shown(&reference.url)) {
        (title, Some(url)) => format!("<p>{}</p>", link(title.unwrap_or(url), url)),
        (Some(title), None) => format!("<p><cite>{}</cite></p>", escape(title)),
        (None, None) => String::new(),
    };
    super::join_lines(&[
        "<li>".to_string(),
        p(&reference.text),
        source,
        "</li>".to_string(),
    ])
}

fn notes_paragraph(l: &Labels, notes: &str) -> String {
    format!(
        "<p class=\"notes\"><strong{}>{}</strong> {}</p>",
        lang_attribute(l),
        escape(&l.notes),
        escape(notes)
    )
}

/// ` lang="en"` when the labels are not in the document's language, so a
/// screen reader reads them in the right voice; else nothing.
fn lang_attribute(l: &Labels) -> String {
    l.foreign
        .map(|tag| format!(" lang=\"{tag}\""))
        .unwrap_or_default()
}

/// A section heading of the handout's own.
fn heading(l: &Labels, text: &str) -> String {
    format!("<h2{}>{}</h2>", lang_attribute(l), escape(text))
}

/// A paragraph of the handout's own words.
fn label_paragraph(l: &Labels, text: &str) -> String {
    format!("<p{}>{}</p>", lang_attribute(l), escape(text))
}

/// A label and the document's value after it: "Plan period: 2021–2023".
fn labelled(l: &Labels, label: &str, value: &str) -> String {
    let label = match l.foreign {
        Some(tag) => format!("<span lang=\"{tag}\">{}</span>", escape(label)),
        None => escape(label),
    };
    format!("<p>{label} {}</p>", escape(value))
}

/// A list of links, or nothing when there are none.
fn links(links: &[Link]) -> String {
    let items: Vec<String> = links
        .iter()
        .map(|l| format!("<li>{}</li>", link(&l.title, &l.url)))
        .collect();
    list("ul", &items)
}

fn link(title: &str, url: &str) -> String {
    let title = if title.is_empty() { url } else { title };
    if is_linkable(url) {
        format!("<a href=\"{}\">{}</a>", escape(url), escape(title))
    } else {
        // Shown, not linked: see `is_linkable`.
        escape(&format!("{title} <{url}>"))
    }
}

/// The fragment id of an area's heading. The loader allows only letters,
/// digits, `-` and `_` in ids, which an id attribute takes as they are;
/// escaped all the same, for documents that were not loaded from a file.
fn anchor(area: &FocusArea) -> String {
    escape(&format!("area-{}", area.id))
}

/// A `<ul>` or `<ol>` of ready-made items, or nothing when there are none.
fn list(tag: &str, items: &[String]) -> String {
    if items.is_empty() {
        return String::new();
    }
    format!("<{tag}>\n{}\n</{tag}>", items.join("\n"))
}

/// A paragraph of document text, or nothing for an empty text.
fn p(text: &str) -> String {
    if text.is_empty() {
        return String::new();
    }
    format!("<p>{}</p>", escape(text))
}

/// Document text as HTML text or an attribute value: the five characters
/// that mean markup become references, and characters XML does not allow at
/// all (the export has already removed control characters; U+FFFE and
/// U+FFFF remain) are dropped, so the page stays well-formed XML.
fn escape(text: &str) -> String {
    let mut out = String::with_capacity(text.len());
    for ch in text.chars() {
        match ch {
            '&' => out.push_str("&amp;"),
            '<' => out.push_str("&lt;"),
            '>' => out.push_str("&gt;"),
            '"' => out.push_str("&quot;"),
            '\'' => out.push_str("&#39;"),
            '\u{FFFE}' | '\u{FFFF}' => {}
            c if c.is_control() && !matches!(c, '\t' | '\n' | '\r') => {}
            c => out.push(c),
        }
    }
    out
}

#[cfg(test)]
mod tests {
    use super::escape;

    #[test]
    fn escapes_markup_characters() {
        assert_eq!(
            escape(r#"<script>"a" & 'b'</script>"#),
            "&lt;script&gt;&quot;a&quot; &amp; &#39;b&#39;&lt;/script&gt;"
        );
        assert_eq!(escape("å\u{FFFF}\u{1b}ä"), "åä");
    }
}
