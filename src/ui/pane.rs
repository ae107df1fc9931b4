//! A browsing pane's frame: its border (thick when it has the keyboard, so
//! focus shows without colour) and its title on the top border.
//!
//! It draws exactly what ratatui's `Block::bordered()` with the same border
//! type, styles, title and padding draws (a test compares the two cell by
//! cell), without the block's pass over every cell of its area to lay its
//! own style down, which for a pane has none to lay: the panes are redrawn
//! for every key of every session on a server.

use ratatui::buffer::Buffer;
use ratatui::layout::Rect;
use ratatui::style::Style;
use ratatui::symbols::border;
use ratatui::text::Line;
use ratatui::widgets::Widget;

use crate::layout::screen::pane_inner;
use crate::theme::Theme;

/// The border and title around a browsing pane.
#[derive(Debug, Clone)]
pub struct PaneFrame<'a> {
    title: Line<'a>,
    border_style: Style,
    border_set: border::Set<'static>,
}

impl<'a> PaneFrame<'a> {
    /// The frame of a pane titled `title`; `focused` gets a thick border and
    /// the focused title style.
    pub fn new(title: impl Into<Line<'a>>, focused: bool, theme: &Theme) -> Self {
        let (border_style, title_style, border_set) = if focused {
            (
                theme.border_focused,
                theme.pane_title_focused,
                border::THICK,
            )
        } else {
            (theme.border, theme.pane_title, border::PLAIN)
        };
        Self {
            title: title.into().style(title_style),
            border_style,
            border_set,
        }
    }

    /// The area inside the border and the one-column padding on each side.
    pub fn inner(&self, area: Rect) -> Rect {
        pane_inner(area)
    }

    /// Draws the border over the edge cells of `area` and the title over
    /// the top border, leaving every cell inside as it is.
    pub fn render(&self, area: Rect, buffer: &mut Buffer) {
        let area = area.intersection(buffer.area);
        if area.is_empty() {
            return;
        }
        let (left, top) = (area.left(), area.top());
        let (right, bottom) = (area.right() - 1, area.bottom() - 1);
        let set = &self.border_set;
        // In the block's order: the sides end to end, then the corners over
        // their ends (which decides a pane one cell wide or high).
        for y in top..=bottom {
            self.border(buffer, left, y, set.vertical_left);
        }
        for x in left..=right {
            self.border(buffer, x, top, set.horizontal_top);
        }
        for y in top..=bottom {
            self.border(buffer, right, y, set.vertical_right);
        }
        for x in left..=right {
            self.border(buffer, x, bottom, set.horizontal_bottom);
        }
        self.border(buffer, right, bottom, set.bottom_right);
        self.border(buffer, right, top, set.top_right);
        self.border(buffer, left, bottom, set.bottom_left);
        self.border(buffer, left, top, set.top_left);
        let room = area.width.saturating_sub(2);
        let width = u16::try_from(self.title.width()).unwrap_or(u16::MAX);
        let title = Rect::new(left.saturating_add(1), top, width.min(room), 1);
        if !title.is_empty() {
            (&self.title).render(title, buffer);
        }
    }

    fn border(&self, buffer: &mut Buffer, x: u16, y: u16, symbol: &str) {
        buffer[(x, y)]
            .set_symbol(symbol)
            .set_style(self.border_style);
    }
}

#[cfg(test)]
mod tests {
    use ratatui::style::{Color, Modifier};
    use ratatui::text::Span;
    use ratatui::widgets::{Block, BorderType, Padding};

    use super::*;

    /// What the panes drew before: a bordered block.
    fn block<'a>(title: Line<'a>, focused: bool, theme: &Theme) -> Block<'a> {
        let (border, title_style, border_type) = if focused {
            (
                theme.border_focused,
                theme.pane_title_focused,
                BorderType::Thick,
            )
        } else {
            (theme.border, theme.pane_title, BorderType::Plain)
        };
        Block::bordered()
            .border_type(border_type)
            .border_style(border)
            .title(title.style(title_style))
            .padding(Padding::horizontal(1))
    }

    #[test]
    fn draws_what_a_bordered_block_draws() {
        let mut themed = Theme::default_theme();
        themed.border = Style::new().fg(Color::Blue).bg(Color::Black);
        themed.pane_title = Style::new().fg(Color::Yellow);
        themed.pane_title_focused = Style::new().add_modifier(Modifier::UNDERLINED);
        let titles = [
            Line::from(" Fokusområden (6) "),
            Line::from(vec![
                Span::styled(" 漢字 ", Style::new().fg(Color::Red)),
                Span::raw("wide and a long title that is cut "),
            ]),
            Line::default(),
        ];
        // Cells the pane leaves alone keep what was drawn before.
        let under = Style::new().bg(Color::Magenta).add_modifier(Modifier::BOLD);
        for theme in [Theme::default_theme(), themed] {
            for title in &titles {
                for focused in [true, false] {
                    for (x, y, width, height) in [
                        (0, 0, 20, 6),
                        (2, 1, 9, 4),
                        (0, 0, 1, 1),
                        (0, 0, 2, 1),
                        (0, 0, 1, 3),
                        (0, 0, 3, 2),
                        (5, 5, 10, 10),
                        (0, 0, 0, 4),
                    ] {
                        let area = Rect::new(x, y, width, height);
                        let mut drawn = Buffer::filled(
                            Rect::new(0, 0, 12, 8),
                            ratatui::buffer::Cell::new("x").set_style(under).clone(),
                        );
                        let mut expected = drawn.clone();
                        PaneFrame::new(title.clone(), focused, &theme).render(area, &mut drawn);
                        block(title.clone(), focused, &theme).render(area, &mut expected);
                        assert_eq!(drawn, expected, "{area:?} focused {focused} {title:?}");
                        assert_eq!(
                            PaneFrame::new(title.clone(), focused, &theme).inner(area),
                            block(title.clone(), focused, &theme).inner(area)
                        );
                    }
                }
            }
        }
    }
}
