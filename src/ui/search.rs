//! Search on screen: matches highlighted in any text, and the search line.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use crate::app::State;
use crate::search;

/// `lines` with every match of the active search drawn in `style` over the
/// span's own style (the theme's highlight is bold and underlined, so a
/// match shows without colour too).
pub fn highlight(state: &State, lines: Vec<Line<'static>>) -> Vec<Line<'static>> {
    if !state.search.is_active() {
        return lines;
    }
    let query = &state.search.query;
    let style = state.theme.highlight;
    lines
        .into_iter()
        .map(|line| highlight_line(line, query, style))
        .collect()
}

fn highlight_line(line: Line<'static>, query: &str, style: Style) -> Line<'static> {
    let Line {
        spans,
        style: line_style,
        alignment,
    } = line;
    let mut out = Vec::with_capacity(spans.len());
    for span in spans {
        let text = span.content.as_ref();
        let hits = search::find(text, query);
        if hits.is_empty() {
            out.push(span);
            continue;
        }
        let mut at = 0;
        for hit in hits {
            if hit.start > at {
                out.push(Span::styled(text[at..hit.start].to_string(), span.style));
            }
            out.push(Span::styled(
                text[hit.clone()].to_string(),
                span.style.patch(style),
            ));
            at = hit.end;
        }
        if at < text.len() {
            out.push(Span::styled(text[at..].to_string(), span.style));
        }
    }
    Line {
        spans: out,
        style: line_style,
        alignment,
    }
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn splits_spans_around_matches_keeping_the_text() {
        let style = Style::new().add_modifier(Modifier::UNDERLINED);
        let line = highlight_line(Line::raw("4 Omställning 1"), "omstall", style);
        let texts: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["4 ", "Omställ", "ning 1"]);
        assert!(
            line.spans[1]
                .style
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
        assert!(
            !line.spans[0]
                .style
                .add_modifier
                .contains(Modifier::UNDERLINED)
        );
    }
}
