//! The presentation: a slide, the overview, the blank screen, the speaker
//! notes (with the next slide beside them in a presenter's speaker view,
//! `next`) and the presenter's footer (slide n / N, progress, clock).

use ratatui::Frame;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::text::{Line, Span};
use ratatui::widgets::{Block, Clear, Paragraph};
use tui_big_text::{BigText, PixelSize};
use unicode_width::UnicodeWidthStr;

use super::{pane_inner, styled_lines};
use crate::app::{Show, State};
use crate::layout::slides::{self, HeadingSize, Role, Slide};
use crate::layout::text::truncate;

mod next;

/// Draws the presentation in `show` state over the whole `area`.
pub fn render(state: &State, frame: &mut Frame, area: Rect, show: Show) {
    if area.width < slides::MIN_WIDTH || area.height < slides::MIN_HEIGHT {
        super::too_small::render(state, frame, area, (slides::MIN_WIDTH, slides::MIN_HEIGHT));
        return;
    }
    frame.render_widget(Clear, area);
    if show == Show::Blank {
        return; // nothing at all: the room looks at the speaker
    }
    let screen = slides::screen(area, state.presentation.notes, state.is_speaker());
    match (show, state.current_slide()) {
        (Show::Overview, _) => overview(state, frame, screen.content),
        (_, Some(slide)) => render_slide(state, frame, screen.content, slide),
        (_, None) => {}
    }
    if state.presentation.notes {
        render_notes(state, frame, screen.notes, screen.next.is_none());
        if let Some(area) = screen.next {
            next::render(state, frame, area);
        }
    }
    render_footer(state, frame, screen.footer);
}

fn role_style(state: &State, role: Role) -> Style {
    let t = &state.theme;
    match role {
        Role::Text => t.slide_text,
        Role::Strong => t.slide_strong,
        Role::Muted => t.slide_muted,
        Role::Emphasis => t.slide_emphasis,
    }
}

fn render_slide(state: &State, frame: &mut Frame, content: Rect, slide: &Slide) {
    let heading_rows = u16::try_from(slide.heading_rows()).unwrap_or(u16::MAX);
    // Every slide of a topic is laid out alike: the heading on the same
    // row and the body in the same column, whatever each slide holds.
    let body_rows = u16::try_from(slide.body_rows).unwrap_or(u16::MAX);
    let total = heading_rows
        .saturating_add(1)
        .saturating_add(body_rows)
        .min(content.height);
    let top = if slide.centred {
        (content.height - total) / 2
    } else {
        0
    };
    let heading = Rect {
        y: content.y + top,
        height: heading_rows.min(content.height - top),
        ..content
    };
    match slide.heading_size {
        HeadingSize::Plain => {
            let lines: Vec<Line> = slide
                .heading_lines
                .iter()
                .map(|l| Line::styled(l.clone(), state.theme.slide_heading))
                .collect();
            frame.render_widget(Paragraph::new(lines).centered(), heading);
        }
        big => {
            let pixel_size = match big {
                HeadingSize::Full => PixelSize::Full,
                HeadingSize::HalfHeight => PixelSize::HalfHeight,
                _ => PixelSize::Quadrant,
            };
            let text = BigText::builder()
                .pixel_size(pixel_size)
                .style(state.theme.slide_heading)
                .lines(vec![Line::from(slide.heading.clone())])
                .centered()
                .build();
            frame.render_widget(text, heading);
        }
    }
    // The body is centred as a block, its lines left-aligned, so lists and
    // hanging indents stay straight.
    let body_top = heading.bottom() + 1;
    let body = Rect {
        y: body_top.min(content.bottom()),
        height: content.bottom().saturating_sub(body_top),
        ..content
    };
    let widest = u16::try_from(slide.body_width)
        .unwrap_or(u16::MAX)
        .min(body.width);
    let block = Rect {
        x: body.x + (body.width - widest) / 2,
        width: widest,
        ..body
    };
    let lines: Vec<Line> = slide
        .body
        .iter()
        .map(|l| Line::styled(l.text.clone(), role_style(state, l.role)))
        .collect();
    if slide.centred {
        // Title-like slides: every line centred on its own.
        frame.render_widget(Paragraph::new(lines).centered(), body);
    } else {
        frame.render_widget(Paragraph::new(lines), block);
    }
}

/// Every topic as one line, the pick marked with `▶` and reverse video.
fn overview(state: &State, frame: &mut Frame, content: Rect) {
    let p = &state.presentation;
    let total = slides::count(&state.document);
    let rows = usize::from(content.height.saturating_sub(2)).max(1);
    // Keep the pick in view, centred when the list is long.
    let first = p
        .overview_pick
        .saturating_sub(rows / 2)
        .min(total.saturating_sub(rows));
    let width = usize::from(content.width);
    let number_width = total.to_string().len();
    let mut lines = vec![
        Line::styled(
            state.strings.slide_overview.clone(),
            state.theme.slide_heading,
        )
        .centered(),
        Line::default(),
    ];
    // Only the rows on screen: a heading is looked up, not laid out.
    for i in first..(first + rows).min(total) {
        let Some(kind) = slides::kind_at(&state.document, i) else {
            break;
        };
        let heading = slides::heading(&state.document, &state.strings, kind);
        let marker = if i == p.overview_pick { "▶ " } else { "  " };
        let text = format!("{marker}{:>number_width$}  {heading}", i + 1);
        let style = if i == p.overview_pick {
            state.theme.selected
        } else {
            state.theme.slide_text
        };
        lines.push(Line::styled(truncate(&text, width).into_owned(), style));
    }
    frame.render_widget(Paragraph::new(lines), content);
}

/// The speaker notes, from the line `update` scrolled to. When they are
/// longer than the panel, its lower border says which lines are shown and
/// which keys scroll, and a scrollbar shows where they are. `name_next`: no
/// box beside them shows the next slide, so the title names it.
fn render_notes(state: &State, frame: &mut Frame, area: Rect, name_next: bool) {
    let inner = pane_inner(area);
    let lines = styled_lines(&state.theme, state.notes_lines(usize::from(inner.width)));
    let (visible, total) = (usize::from(inner.height), lines.len());
    let mut block = Block::bordered()
        .title(notes_title(state, name_next))
        .border_style(state.theme.border)
        .padding(ratatui::widgets::Padding::horizontal(1));
    let scroll = state.presentation.notes_scroll;
    if total > visible {
        let key = |action| state.keymap.key_for(state.mode, action).unwrap_or_default();
        let (down, up) = (
            key(crate::app::Action::ScrollNotesDown),
            key(crate::app::Action::ScrollNotesUp),
        );
        let (from, to) = (scroll + 1, (scroll + visible).min(total));
        let words = crate::i18n::fill(
            &state.strings.notes_scroll,
            &[
                ("down", &down),
                ("up", &up),
                ("from", &from.to_string()),
                ("to", &to.to_string()),
                ("total", &total.to_string()),
            ],
        );
        // On a narrow panel the keys and numbers alone, rather than words cut short.
        let room = usize::from(area.width.saturating_sub(2));
        let hint = [
            format!(" {words} "),
            format!(" {down}/{up} {from}–{to}/{total} "),
        ]
        .into_iter()
        .find(|hint| hint.width() <= room)
        .unwrap_or_else(|| truncate(&format!(" {down}/{up} "), room).into_owned());
        block = block.title_bottom(Line::styled(hint, state.theme.pane_title).right_aligned());
    }
    super::render_scrolled(frame, area, block, lines, scroll);
}

/// `n / N`, a progress bar drawn with full and light blocks (not colour),
/// the part of a continued slide, the number being typed (or that there is
/// no slide of the number typed), and the clock.
fn render_footer(state: &State, frame: &mut Frame, area: Rect) {
    let p = &state.presentation;
    let total = slides::count(&state.document).max(1);
    let n = p.topic + 1;
    let mut left = vec![Span::styled(
        format!(" {n} / {total} "),
        state.theme.slide_strong,
    )];
    // A topic that continues: which of its slides this is.
    let parts = p.deck.slides.len();
    if parts > 1 {
        left.push(Span::styled(
            format!("({}/{parts}) ", p.part + 1),
            state.theme.slide_muted,
        ));
    }
    let mut right: Vec<Span> = Vec::new();
    let width = |spans: &[Span]| spans.iter().map(|s| s.content.width()).sum::<usize>();
    if let Some(room) = super::room::status(state)
        && width(&left) + room.content.width() <= usize::from(area.width)
    {
        right.push(room);
    }
    if let Some(number) = p.no_such_slide {
        let message = crate::i18n::fill(
            &state.strings.no_such_slide,
            &[("n", &number.to_string()), ("total", &total.to_string())],
        );
        // Said in full where it fits; on a narrow screen the numbers alone,
        // in place of which part of the topic this is.
        let room = usize::from(area.width).saturating_sub(width(&left[..1]));
        let full = format!(" ! {message} ");
        let text = if width(&left) + full.width() <= usize::from(area.width) {
            full
        } else {
            left.truncate(1);
            let short = format!(" ! {number}: 1–{total} ");
            if full.width() <= room { full } else { short }
        };
        right.push(Span::styled(text, state.theme.warning));
    }
    if let Some(typed) = p.typed {
        right.push(Span::styled(
            format!(
                " {}⏎ ",
                crate::i18n::fill(&state.strings.go_to, &[("n", &typed.to_string())])
            ),
            state.theme.key,
        ));
    }
    if p.timer {
        let elapsed = state.clock.saturating_sub(p.started_at);
        right.push(Span::styled(
            format!(
                " {:02}:{:02}:{:02} ",
                elapsed / 3600,
                elapsed / 60 % 60,
                elapsed % 60
            ),
            state.theme.slide_strong,
        ));
    }
    let help = state
        .keymap
        .key_for(state.mode, crate::app::Action::ToggleHelp)
        .unwrap_or_default();
    // The help hint only where it fits beside what the presenter just did.
    let help = Span::styled(
        format!(" {help} {} ", state.strings.help_word),
        state.theme.muted,
    );
    if right.is_empty()
        || width(&left) + width(&right) + help.content.width() <= usize::from(area.width)
    {
        right.push(help);
    }
    let used = width(&left) + width(&right);
    let room = usize::from(area.width).saturating_sub(used + 2);
    let bar_width = room.min(40);
    if bar_width >= 4 {
        let done = (bar_width * n).div_ceil(total).min(bar_width);
        left.push(Span::styled("█".repeat(done), state.theme.slide_strong));
        left.push(Span::styled(
            "░".repeat(bar_width - done),
            state.theme.slide_muted,
        ));
    }
    let gap = usize::from(area.width).saturating_sub(width(&left) + width(&right));
    left.push(Span::raw(" ".repeat(gap)));
    left.extend(right);
    frame.render_widget(Paragraph::new(Line::from(left)), area);
}

/// The notes panel's title; a presenter in a workshop (the speaker view)
/// also sees what comes next, when no box beside the notes shows it.
fn notes_title(state: &State, name_next: bool) -> String {
    let title = &state.strings.notes_title;
    if !state.is_speaker() || !name_next {
        return format!(" {title} ");
    }
    let next = slides::kind_at(&state.document, state.presentation.topic + 1)
        .map(|kind| slides::heading(&state.document, &state.strings, kind));
    match next {
        Some(heading) => format!(
            " {title} · {} ",
            crate::i18n::fill(&state.strings.next_slide, &[("title", &heading)])
        ),
        None => format!(" {title} "),
    }
}
