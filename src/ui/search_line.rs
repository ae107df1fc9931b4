//! Search on screen: matches highlighted in any text, and the search line.

use ratatui::style::Style;
use ratatui::text::{Line, Span};

use unicode_segmentation::UnicodeSegmentation;

use crate::app::State;
use crate::document::matching;

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
        let hits = matching::find(text, query);
        if hits.is_empty() {
            out.push(span);
            continue;
        }
        let mut at = 0;
        for hit in hits {
            // A match inside a grapheme cluster (one person of a family
            // emoji) highlights the whole cluster: a cluster is drawn whole.
            let hit = whole_clusters(text, hit);
            let hit = hit.start.max(at)..hit.end.max(at);
            if hit.is_empty() {
                continue;
            }
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

/// `range` of `text` widened to the grapheme clusters it touches.
fn whole_clusters(text: &str, range: std::ops::Range<usize>) -> std::ops::Range<usize> {
    let bounds = text
        .grapheme_indices(true)
        .map(|(at, _)| at)
        .chain([text.len()]);
    let (mut start, mut end) = (0, text.len());
    for at in bounds {
        if at <= range.start {
            start = at;
        }
        if at >= range.end {
            end = at;
            break;
        }
    }
    start..end
}

#[cfg(test)]
mod tests {
    use super::*;
    use ratatui::style::Modifier;

    #[test]
    fn a_match_inside_a_cluster_highlights_the_whole_cluster() {
        let style = Style::new().add_modifier(Modifier::UNDERLINED);
        let family = "👨\u{200d}👩\u{200d}👧\u{200d}👦";
        let line = highlight_line(Line::raw(format!("a {family} b")), "👩", style);
        let texts: Vec<&str> = line.spans.iter().map(|s| s.content.as_ref()).collect();
        assert_eq!(texts, ["a ", family, " b"]);
        assert_eq!(whole_clusters("abc", 1..2), 1..2);
        assert_eq!(whole_clusters("abc", 3..3), 3..3);
    }

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
