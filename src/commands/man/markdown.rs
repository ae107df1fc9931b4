//! The format documents (`docs/*.md`) as manual-page sections: an installed
//! binary has no `docs/` beside it, so `vision-tui man` carries them.
//!
//! Only the Markdown those documents use is understood: headings, paragraphs,
//! fenced code, `-` lists, tables, `code`, **bold**, [links](url) and HTML
//! comments; a test renders both documents and checks that nothing is lost.

use roff::{Inline, Roff, bold, roman};

/// Appends `markdown` to `page`, its `#` title left out (the section has
/// its own), `##` and `###` headings as subsections.
pub fn append(page: &mut Roff, markdown: &str) {
    let mut lines = markdown.lines().peekable();
    while let Some(line) = lines.next() {
        let trimmed = line.trim();
        if trimmed.is_empty() || line.starts_with("# ") || trimmed.starts_with("<!--") {
            continue;
        }
        if let Some(heading) = line
            .strip_prefix("### ")
            .or_else(|| line.strip_prefix("## "))
        {
            page.control("SS", [plain(heading).as_str()]);
        } else if line.starts_with("```") {
            page.control("PP", [])
                .control("nf", [])
                .control("RS", ["4"]);
            for code in lines.by_ref().take_while(|l| !l.starts_with("```")) {
                page.text([roman(code)]);
            }
            page.control("RE", []).control("fi", []);
        } else if let Some(item) = line.strip_prefix("- ") {
            let mut text = item.to_string();
            while let Some(more) = lines.next_if(|l| l.starts_with("  ") && !l.trim().is_empty()) {
                text.push(' ');
                text.push_str(more.trim());
            }
            page.control("IP", ["\\(bu", "2"]);
            page.text(inline(&text));
        } else if line.starts_with('|') {
            let mut rows = vec![line];
            while let Some(row) = lines.next_if(|l| l.starts_with('|')) {
                rows.push(row);
            }
            table(page, &rows);
        } else {
            let mut text = trimmed.to_string();
            while let Some(more) = lines.next_if(|l| continues_paragraph(l)) {
                text.push(' ');
                text.push_str(more.trim());
            }
            page.control("PP", []);
            page.text(inline(&text));
        }
    }
}

fn continues_paragraph(line: &str) -> bool {
    let trimmed = line.trim();
    !trimmed.is_empty()
        && !["#", "```", "- ", "|", "<!--"]
            .iter()
            .any(|start| line.starts_with(start))
}

/// A table as tagged paragraphs: the first cell is the tag, the others the
/// text (the header row and the `---` row are left out).
fn table(page: &mut Roff, rows: &[&str]) {
    let cells = |row: &str| -> Vec<String> {
        row.trim()
            .trim_matches('|')
            .split(" | ")
            .map(|cell| cell.trim().to_string())
            .collect()
    };
    let header = cells(rows[0]);
    for row in rows.iter().skip(2) {
        let row = cells(row);
        let Some((tag, rest)) = row.split_first() else {
            continue;
        };
        page.control("TP", []);
        page.text(inline(tag));
        // Beyond two columns, each further cell is labelled by its heading.
        let text = match rest {
            [only] => only.clone(),
            _ => rest
                .iter()
                .zip(header.iter().skip(1))
                .map(|(cell, name)| format!("{name}: {cell}."))
                .collect::<Vec<_>>()
                .join(" "),
        };
        page.text(inline(&text));
    }
}

/// Inline Markdown as roff: `code` and **strong** in bold, a link as its text.
fn inline(text: &str) -> Vec<Inline> {
    let mut out = Vec::new();
    for (i, part) in text.split('`').enumerate() {
        if part.is_empty() {
            continue;
        }
        if i % 2 == 1 {
            out.push(bold(part));
            continue;
        }
        for (j, piece) in links_as_text(part).split("**").enumerate() {
            if !piece.is_empty() {
                out.push(if j % 2 == 1 {
                    bold(piece)
                } else {
                    roman(piece)
                });
            }
        }
    }
    out
}

/// `[text](url)` → `text`: the documents link to each other, and both are
/// in the same manual page.
fn links_as_text(text: &str) -> String {
    let mut out = String::new();
    let mut rest = text;
    while let Some(open) = rest.find('[') {
        let Some(close) = rest[open..].find("](").map(|c| open + c) else {
            break;
        };
        let Some(end) = rest[close..].find(')').map(|e| close + e) else {
            break;
        };
        out.push_str(&rest[..open]);
        out.push_str(&rest[open + 1..close]);
        rest = &rest[end + 1..];
    }
    out.push_str(rest);
    out
}

/// A heading's text without Markdown marks.
fn plain(text: &str) -> String {
    text.replace('`', "")
}

#[cfg(test)]
mod tests {
    use super::*;

    fn render(markdown: &str) -> String {
        let mut page = Roff::new();
        append(&mut page, markdown);
        page.to_roff()
    }

    #[test]
    fn each_kind_of_block_becomes_roff() {
        let page = render(
            "# Title\n\nA paragraph with `code`,\n**bold** and [a link](x.md).\n\n## Part\n\n\
             ```sh\n.starts with a dot\n```\n\n- one\n  item\n- two\n\n\
             | Name | Value | Default |\n| --- | --- | --- |\n| `a` | `\"x\"` | none |\n\
             <!-- a comment -->\n",
        );
        assert!(!page.contains("Title"), "{page}");
        assert!(
            page.contains(".PP\nA paragraph with \\fBcode\\fR, \\fBbold\\fR and a link.\n"),
            "{page}"
        );
        assert!(page.contains(".SS Part\n"), "{page}");
        assert!(
            page.contains(".nf\n.RS 4\n\\&.starts with a dot\n.RE\n.fi\n"),
            "{page}"
        );
        assert!(page.contains(".IP \\(bu 2\none item\n"), "{page}");
        assert!(
            page.contains(".TP\n\\fBa\\fR\nValue: \\fB\"x\"\\fR. Default: none.\n"),
            "{page}"
        );
        assert!(!page.contains("comment") && !page.contains("---"), "{page}");
    }
}
