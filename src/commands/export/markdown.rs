//! CommonMark, for wikis and repositories.
//!
//! Only the structure written here is Markdown. Every text from the document
//! goes through [`escape`], so it reads as the words it is: never emphasis,
//! a heading, a list, a link or raw HTML. Texts are single lines (the export
//! normalises them first), so "line start" means the start of the text.

use super::{Blocks, Labels, has_focus_areas, is_linkable, shown, title_of};
use crate::document::model::{Document, FocusArea, Goal, Link, Reference};

/// The handout as one Markdown file.
pub(super) fn render(doc: &Document, l: &Labels) -> String {
    let mut out = Blocks::new(escape);
    out.push(format!("# {}", heading(&title_of(doc))));
    out.text(&doc.statement);
    if let Some(adoption) = &doc.adoption {
        out.text(&adoption.text);
    }
    if let Some(revised) = &doc.revised {
        out.text(&revised.text);
    }
    if let Some(notes) = shown(&doc.notes) {
        out.push(notes_paragraph(l, notes));
    }
    background(&mut out, doc, l);
    focus_areas(&mut out, doc, l);
    references(&mut out, doc, l);
    out.finish()
}

fn background(out: &mut Blocks, doc: &Document, l: &Labels) {
    if doc.background.is_empty() {
        return;
    }
    out.push(format!("## {}", heading(&l.background)));
    for section in &doc.background {
        if let Some(title) = shown(&section.heading) {
            out.push(format!("### {}", heading(title)));
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
    out.push(format!("## {}", heading(&l.focus_areas)));
    if let Some(intro) = shown(&doc.focus_areas_intro) {
        out.text(intro);
    }
    let names: Vec<String> = doc
        .focus_areas
        .iter()
        .map(|area| format!("- {}", escape(&area.name)))
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
    out.push(format!("### {}", heading(&area.name)));
    if let Some(description) = shown(&area.description) {
        out.text(description);
    }
    if let Some(notes) = shown(&area.notes) {
        out.push(notes_paragraph(l, notes));
    }
    out.push(links(&area.links));
    let goals: Vec<String> = doc.goals_of(&area.id).map(|g| goal(doc, g, l)).collect();
    if goals.is_empty() {
        out.text(&l.no_goals);
    } else {
        out.text(&l.goals);
        // Not an ordered list: CommonMark renumbers items from the first
        // number, and an area's goals are rarely numbered one after another.
        out.push(goals.join("\n\n"));
    }
}

fn goal(doc: &Document, goal: &Goal, l: &Labels) -> String {
    let mut parts = vec![format!(
        "**{}** {}",
        escape(&l.goal(goal.number)),
        escape(&goal.text)
    )];
    if let Some(period) = doc.plan_period_of(goal) {
        parts.push(escape(&format!("{} {period}", l.plan_period)));
    }
    if let Some(description) = shown(&goal.description) {
        parts.push(escape(description));
    }
    if let Some(notes) = shown(&goal.notes) {
        parts.push(notes_paragraph(l, notes));
    }
    parts.push(links(&goal.links));
    list_item(&parts)
}

fn references(out: &mut Blocks, doc: &Document, l: &Labels) {
    if doc.references.is_empty() {
        return;
    }
    out.push(format!("## {}", heading(&l.references)));
    let items: Vec<String> = doc.references.iter().map(reference).collect();
    out.push(items.join("\n\n"));
}

/// The reference's text, then the document it names: a link when there is
/// an address, else its title in italics, as titles of works are set.
fn reference(reference: &Reference) -> String {
    let title = shown(&reference.title);
    let source = match (title, shown(&reference.url)) {
        (title, Some(url)) => link(title.unwrap_or(url), url),
        (Some(title), None) => format!("*{}*", escape(title)),
        (None, None) => String::new(),
    };
    list_item(&[escape(&reference.text), source])
}

fn notes_paragraph(l: &Labels, notes: &str) -> String {
    format!("**{}** {}", escape(&l.notes), escape(notes))
}

/// A bullet list of links, or nothing when there are none.
fn links(links: &[Link]) -> String {
    let items: Vec<String> = links
        .iter()
        .map(|l| format!("- {}", link(&l.title, &l.url)))
        .collect();
    items.join("\n")
}

fn link(title: &str, url: &str) -> String {
    let title = if title.is_empty() { url } else { title };
    if is_linkable(url) {
        // The <...> form of a destination allows spaces and parentheses;
        // inside it `<`, `>` and `\` would end or escape it, and `&` could
        // start an entity (`&amp;` would become `&`).
        let destination: String = url
            .chars()
            .flat_map(|c| match c {
                '<' | '>' | '\\' | '&' => vec!['\\', c],
                _ => vec![c],
            })
            .collect();
        format!("[{}](<{destination}>)", escape(title))
    } else {
        // Shown, not linked: see `is_linkable`.
        format!("{} {}", escape(title), escape(&format!("<{url}>")))
    }
}

/// A `- ` list item of several blocks: blocks after the first are indented
/// to the item's content, so they stay inside it.
fn list_item(parts: &[String]) -> String {
    let body: Vec<&str> = parts
        .iter()
        .map(String::as_str)
        .filter(|p| !p.is_empty())
        .collect();
    let mut out = String::new();
    for (i, line) in body.join("\n\n").lines().enumerate() {
        match i {
            0 => out.push_str("- "),
            _ if line.is_empty() => out.push('\n'),
            _ => out.push_str("\n  "),
        }
        out.push_str(line);
    }
    out
}

/// Document text for a heading: as [`escape`], and every `#` too, since a
/// trailing `#` run would be read as the heading's closing sequence.
fn heading(text: &str) -> String {
    escape_text(text, true)
}

/// Document text as a paragraph or list item's content.
fn escape(text: &str) -> String {
    escape_text(text, false)
}

fn escape_text(text: &str, in_heading: bool) -> String {
    // "2021. text" or "3) text" at the start would begin an ordered list.
    let digits = text.bytes().take_while(u8::is_ascii_digit).count();
    let ordered =
        (1..=9).contains(&digits) && matches!(text.as_bytes().get(digits), Some(b'.' | b')'));
    let mut out = String::with_capacity(text.len() + 8);
    let mut chars = text.char_indices().peekable();
    while let Some((i, ch)) = chars.next() {
        let needs_backslash = match ch {
            // Emphasis, code, links, raw HTML and autolinks, GFM strikethrough.
            '\\' | '`' | '*' | '_' | '[' | ']' | '<' | '~' => true,
            // Headings, block quotes, bullet lists and thematic breaks.
            '#' => in_heading || i == 0,
            '>' | '-' | '+' => i == 0,
            '.' | ')' => ordered && i == digits,
            // Only where it could start an entity such as `&amp;` or `&#42;`.
            '&' => chars
                .peek()
                .is_some_and(|&(_, next)| next.is_alphanumeric() || next == '#'),
            _ => false,
        };
        if needs_backslash {
            out.push('\\');
        }
        out.push(ch);
    }
    out
}

#[cfg(test)]
mod tests {
    use super::{escape, heading};

    #[test]
    fn escapes_what_would_change_meaning() {
        assert_eq!(escape("*bold* and _it_"), r"\*bold\* and \_it\_");
        assert_eq!(escape("[a](b) <b> `c`"), r"\[a\](b) \<b> \`c\`");
        assert_eq!(escape("# x"), r"\# x");
        assert_eq!(escape("- x"), r"\- x");
        assert_eq!(escape("> x"), r"\> x");
        assert_eq!(escape("2021. Ett år"), r"2021\. Ett år");
        assert_eq!(escape("3) tre"), r"3\) tre");
        assert_eq!(escape("&amp; & R&D"), r"\&amp; & R\&D");
        assert_eq!(escape(r"a\b ~~c~~"), r"a\\b \~\~c\~\~");
    }

    #[test]
    fn leaves_ordinary_text_alone() {
        let text = "Alingsås växer genom att stärka arbetsliv, näringsliv och föreningsliv 2021-2023 (#1) 3.";
        assert_eq!(escape(text), text);
    }

    #[test]
    fn headings_escape_every_hash() {
        assert_eq!(heading("C# and F#"), r"C\# and F\#");
    }
}
